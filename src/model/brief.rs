//! The brief: its metadata and its ordered parts of blocks.

use serde::{Deserialize, Serialize};

use super::{BlockId, PartId, SectionRef, TalkingPointId};

/// The document that goes to the minister.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// Name of the template it is laid out with, for example "briefing-note".
    pub template: String,
    /// A template that is not built in, kept in the project so that the brief lays out
    /// the same way on any machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_template: Option<CustomTemplate>,
    pub meta: BriefMeta,
    pub parts: Vec<Part>,
    /// Words the officer told the spelling check to accept in this brief only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored_words: Vec<String>,
    /// Fields written by a newer Briefwright, kept so that saving does not drop them.
    #[serde(flatten)]
    pub unknown_fields: std::collections::BTreeMap<String, serde_json::Value>,
}

impl Brief {
    /// Every block of every part, in reading order.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.parts.iter().flat_map(|part| &part.blocks)
    }
}

/// A department's own template, as it was read from its file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomTemplate {
    /// Where it was read from, so the user can refresh it from the file.
    pub origin: String,
    /// The template's TOML.
    pub toml: String,
    /// The crest or logo the template prints on page 1, read with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crest: Option<super::Picture>,
}

/// The title a new brief starts with, until the officer gives it its own.
pub const PLACEHOLDER_TITLE: &str = "New brief";

/// The title block and classification of a brief.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BriefMeta {
    pub title: String,
    pub to: String,
    pub from: String,
    /// As printed, for example "12 May 2026".
    pub date: String,
    pub reference: String,
    /// The protective marking the officer chose, a level of `scheme`. The brief prints
    /// this or higher: see `marking::compute`.
    pub classification: String,
    /// Caveats and markers the officer chose (for example "CABINET").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<String>,
    /// The marking scheme, for example "au-pspf"; empty in projects made before schemes,
    /// which are read as "au-pspf".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub scheme: String,
    /// A department's own scheme, as the TOML it was read from, so the brief is marked
    /// the same way on any machine; empty for a built-in scheme.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub custom_scheme: String,
    /// One line on why the brief exists; printed at the head of the Purpose part.
    pub purpose: String,
    /// Officials it goes through on its way to the minister.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub through: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub copies_to: String,
    /// "For action" or "For information", after the To line.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub to_for: String,
    /// Further addressees after the first (`to`), each marked for action or information.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_to: Vec<Addressee>,
    /// When the minister must decide by; empty for a routine brief.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub critical_date: String,
    /// Why the critical date matters.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub critical_reason: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub clearance: Vec<Clearance>,
    #[serde(skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// Author for the PDF metadata.
    pub author: String,
    /// Keywords for the PDF metadata.
    pub keywords: Vec<String>,
    /// The language the brief is written in and spell-checked in, such as "en-AU"; empty
    /// means British English ("en-GB").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// ISO 8601 timestamp stamped into the PDF, so the same project gives the same bytes.
    pub created: String,
    /// Fields written by a newer Briefwright, kept so that saving does not drop them.
    #[serde(flatten)]
    pub unknown_fields: std::collections::BTreeMap<String, serde_json::Value>,
}

/// One titled part of the brief (Purpose, Background, Key issues, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub id: PartId,
    /// Matches a part of the template, which decides its numbering and style.
    pub key: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// One block of a part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub id: BlockId,
    #[serde(flatten)]
    pub kind: BlockKind,
}

/// What a block holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockKind {
    /// Text with inline **bold**, *italic* and [links](https://…).
    Paragraph { text: String },
    /// A quoted section of a source. The original stays in the source; `edited` holds the officer's cut.
    Excerpt {
        from: SectionRef,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        edited: Option<String>,
    },
    /// An item of the talking-point library.
    TalkingPoint { point: TalkingPointId },
    /// A bulleted list.
    Bullets { items: Vec<String> },
    /// Forces the next block onto a new page.
    PageBreak,
    /// A numbered recommendation the minister answers by ticking one of its responses.
    Recommendation { text: String, responses: Responses },
    /// Rows and columns; the first row is the header, repeated after a page break.
    Table { rows: Vec<Vec<String>> },
    /// A picture with its alternative text, caption and credit.
    Picture(super::Figure),
}

/// A table as the editor shows it: a row per line, cells separated by " | ".
pub fn table_text(rows: &[Vec<String>]) -> String {
    rows.iter()
        .map(|row| row.join(" | "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The rows of a table typed as [`table_text`] shows it. Blank lines are kept as empty
/// rows while the officer types; the layout skips them.
pub fn table_rows(text: &str) -> Vec<Vec<String>> {
    text.split('\n')
        .map(|line| line.split('|').map(|cell| cell.trim().to_owned()).collect())
        .collect()
}

/// The pair of answers a recommendation offers, printed as tick boxes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Responses {
    #[default]
    AgreedNotAgreed,
    NotedPleaseDiscuss,
    ApprovedNotApproved,
    SignedNotSigned,
}

impl Responses {
    pub const ALL: [Responses; 4] = [
        Responses::AgreedNotAgreed,
        Responses::NotedPleaseDiscuss,
        Responses::ApprovedNotApproved,
        Responses::SignedNotSigned,
    ];

    /// The two answers, as printed beside their boxes.
    pub fn options(self) -> [&'static str; 2] {
        match self {
            Responses::AgreedNotAgreed => ["Agreed", "Not agreed"],
            Responses::NotedPleaseDiscuss => ["Noted", "Please discuss"],
            Responses::ApprovedNotApproved => ["Approved", "Not approved"],
            Responses::SignedNotSigned => ["Signed", "Not signed"],
        }
    }

    /// "Agreed / Not agreed", for menus.
    pub fn label(self) -> String {
        self.options().join(" / ")
    }
}

/// An addressee of the brief and what they receive it for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Addressee {
    pub name: String,
    /// "For action", "For information", or empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub action: String,
}

/// Someone who cleared the brief before it went to the minister.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Clearance {
    pub name: String,
    pub position: String,
    pub division: String,
    pub phone: String,
    pub date: String,
    /// Set when the row was signed off in Briefwright: the version it cleared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cleared: Option<SignOff>,
}

/// A clearance row's sign-off: the version it froze, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignOff {
    pub version: super::VersionId,
    /// ISO 8601.
    pub on: String,
}

/// Who the office calls about the brief while it is with the minister.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub name: String,
    pub position: String,
    pub phone: String,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.position.trim().is_empty()
            && self.phone.trim().is_empty()
    }
}

/// A document sent with the brief, lettered A, B, C… in order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attachment {
    pub title: String,
    /// The project's source it is, if it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<super::SourceId>,
}

impl BlockKind {
    /// The bytes of text the block holds itself (excerpts hold only their edits).
    pub fn text_size(&self) -> usize {
        match self {
            BlockKind::Paragraph { text } => text.len(),
            BlockKind::Excerpt { edited, .. } => edited.as_ref().map_or(0, String::len),
            BlockKind::Bullets { items } => items.iter().map(String::len).sum(),
            BlockKind::TalkingPoint { .. } | BlockKind::PageBreak => 0,
            BlockKind::Recommendation { text, .. } => text.len(),
            BlockKind::Table { rows } => rows.iter().flatten().map(String::len).sum(),
            BlockKind::Picture(figure) => {
                figure.alt.len() + figure.caption.len() + figure.credit.len()
            }
        }
    }

    /// A short name for menus and messages.
    pub fn label(&self) -> &'static str {
        match self {
            BlockKind::Paragraph { .. } => "Paragraph",
            BlockKind::Excerpt { .. } => "Excerpt",
            BlockKind::TalkingPoint { .. } => "Talking point",
            BlockKind::Bullets { .. } => "Bullet list",
            BlockKind::PageBreak => "Page break",
            BlockKind::Recommendation { .. } => "Recommendation",
            BlockKind::Table { .. } => "Table",
            BlockKind::Picture(_) => "Picture",
        }
    }
}
