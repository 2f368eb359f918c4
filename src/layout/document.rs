//! The brief in reading order, as an exporter that keeps structure reads it: the title,
//! the title block, each part's heading and blocks, the decision lists and the Sources
//! list, each element with its styled spans, list membership, language and footnotes.
//!
//! The layout builds it from the same plan that sets the pages, once per layout, so the
//! Word file (which paginates itself) and the PDF (whose tags follow it: every item on
//! a page names its element, see [`super::Tag`]) cannot disagree with the pages about
//! what the brief says or in what order.

use crate::fonts::{ParagraphRequest, StyledSpan};
use crate::model::{Block, BlockId, BlockKind, parse_inline};
use crate::template::Template;

use super::footnotes::{Footnotes, NoteSegment};
use super::plan::spans_from_inline;
use super::plan::{BlockPlan, FigurePlan, ListItem, MetaTable, Plan, PrintedPart, TablePlan};

/// The brief's elements in reading order, and how many numbered lists they begin.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub elements: Vec<Element>,
    /// Numbered lists (numbered paragraphs of a part, a part's recommendations) are
    /// counted from 0 in the order they begin; elements name theirs by that number.
    pub lists: usize,
    /// Who made the changes the texts' review marks show (see [`crate::change_mark`]),
    /// by the index the marks give; empty for a brief with no marks.
    pub attributions: Vec<crate::model::Attribution>,
    /// The comments whose anchors the texts mark, by the marks' index.
    pub comments: Vec<crate::model::Comment>,
    /// For a Word file exported for review: the brief and version it is.
    pub identity: Option<crate::model::ReviewIdentity>,
}

/// One element and the brief block it comes from, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub block: Option<BlockId>,
    pub kind: ElementKind,
}

/// What an element is.
#[derive(Debug, Clone, PartialEq)]
pub enum ElementKind {
    /// The brief's title.
    Title(ParagraphRequest),
    /// The To / From / Date rows under the title.
    TitleBlock(MetaTable),
    /// A heading: a part's title, "Clearance", "Attachments" or "Sources".
    Heading(String),
    /// A body paragraph the plan sets whole: the purpose line, or a marker for something
    /// a block refers to that is gone.
    Body(ParagraphRequest),
    /// A paragraph the officer wrote, a member of numbered list `list` when its part
    /// numbers paragraphs.
    Paragraph {
        text: Noted,
        list: Option<usize>,
        language: Option<String>,
    },
    /// One item of a bulleted list the officer wrote.
    Bullet {
        text: Noted,
        language: Option<String>,
    },
    /// A bulleted item the plan sets whole (a talking point).
    ListItem {
        text: ParagraphRequest,
        language: Option<String>,
    },
    /// A recommendation in numbered list `list`, with its two responses.
    Recommendation {
        text: Noted,
        list: usize,
        responses: [String; 2],
    },
    /// A quotation with its short reference, in its source's language when known.
    Quote {
        quote: ParagraphRequest,
        language: Option<String>,
    },
    Table(TablePlan),
    /// A picture with its alternative text and caption.
    Figure(Box<FigurePlan>),
    /// What follows starts a new page.
    PageBreak,
    /// The minister's comments, signature and date labels, after recommendations.
    SignatureBlock([ParagraphRequest; 3]),
    /// An attachment's letter and title.
    Attachment([ParagraphRequest; 2]),
    /// An entry of the Sources list: its number or bullet, and the source in full.
    SourceEntry(ListItem),
}

/// Text whose footnotes stay notes: its portion mark, then stretches of text and the
/// notes referenced between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Noted {
    /// The portion mark ("(OS) ") that opens the text, or "".
    pub prefix: String,
    pub segments: Vec<Segment>,
}

/// A stretch of styled text, or a footnote referenced at that point.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    Text(Vec<StyledSpan>),
    Note {
        number: usize,
        text: Vec<StyledSpan>,
    },
}

/// The document of the brief `plan` sets.
pub fn build(plan: &Plan, footnotes: &Footnotes, template: &Template) -> Document {
    let mut builder = Builder {
        plan,
        footnotes,
        template,
        document: Document {
            attributions: plan
                .project
                .markup
                .as_ref()
                .map(|markup| markup.attributions.clone())
                .unwrap_or_default(),
            comments: plan
                .project
                .markup
                .as_ref()
                .map(|markup| markup.comments.clone())
                .unwrap_or_default(),
            identity: plan
                .project
                .markup
                .as_ref()
                .and_then(|markup| markup.identity.clone()),
            ..Document::default()
        },
    };
    if let Some(crest) = plan.crest() {
        builder.push(None, ElementKind::Figure(Box::new(crest)));
    }
    builder.push(None, ElementKind::Title(plan.title()));
    if let Some(table) = plan.meta_table() {
        builder.push(None, ElementKind::TitleBlock(table));
    }
    for printed in plan.printed_parts() {
        if printed.break_before {
            builder.push(None, ElementKind::PageBreak);
        }
        builder.part(&printed);
    }
    builder.decision_lists();
    builder.sources_list();
    builder.document
}

struct Builder<'p, 'a> {
    plan: &'p Plan<'a>,
    footnotes: &'p Footnotes,
    template: &'p Template,
    document: Document,
}

impl Builder<'_, '_> {
    fn push(&mut self, block: Option<BlockId>, kind: ElementKind) {
        self.document.elements.push(Element { block, kind });
    }

    fn begin_list(&mut self) -> usize {
        self.document.lists += 1;
        self.document.lists - 1
    }

    fn part(&mut self, printed: &PrintedPart) {
        let (heading, _) = self.plan.heading(printed);
        self.push(None, ElementKind::Heading(heading));
        if printed.lead_with_purpose {
            self.push(None, ElementKind::Body(self.plan.purpose()));
        }
        let numbers = printed.numbered_paragraphs.map(|_| self.begin_list());
        let mut recommendations = None;
        for (block, label) in printed.blocks() {
            let id = Some(block.id);
            match &block.kind {
                BlockKind::PageBreak => self.push(id, ElementKind::PageBreak),
                BlockKind::Paragraph { text } => {
                    let kind = ElementKind::Paragraph {
                        text: self.noted(block, text),
                        list: label.and(numbers),
                        language: detect(text),
                    };
                    self.push(id, kind);
                }
                BlockKind::Bullets { items } => {
                    for item in items.iter().filter(|item| !item.trim().is_empty()) {
                        let kind = ElementKind::Bullet {
                            text: self.noted(block, item),
                            language: detect(item),
                        };
                        self.push(id, kind);
                    }
                }
                BlockKind::Recommendation { text, responses } => {
                    let list = match recommendations {
                        Some(list) => list,
                        None => *recommendations.insert(self.begin_list()),
                    };
                    let kind = ElementKind::Recommendation {
                        text: self.noted(block, text),
                        list,
                        responses: responses.options().map(str::to_owned),
                    };
                    self.push(id, kind);
                }
                _ => self.planned(block),
            }
        }
        if printed.recommends() && self.template.signature_block {
            self.push(
                None,
                ElementKind::SignatureBlock(self.plan.signature_labels()),
            );
        }
    }

    /// `text` of `block` with its portion mark and its footnotes as notes.
    fn noted(&self, block: &Block, text: &str) -> Noted {
        let segments = self
            .footnotes
            .segments(block.id, text)
            .into_iter()
            .map(|segment| match segment {
                NoteSegment::Text(text) => Segment::Text(spans_keeping_end_spaces(&text)),
                NoteSegment::Note { number, text } => Segment::Note {
                    number,
                    text: spans_from_inline(parse_inline(&text)),
                },
            })
            .collect();
        Noted {
            prefix: self.plan.portion_of(block).unwrap_or_default(),
            segments,
        }
    }

    /// Excerpts, talking points, tables and missing references, as the plan sets them.
    fn planned(&mut self, block: &Block) {
        let id = Some(block.id);
        match self.plan.block(block, None, crate::units::Pt::ZERO) {
            BlockPlan::Excerpt { quote, .. } => {
                let language = match self.plan.source_language(block) {
                    Some(language) => Some(language.to_owned()),
                    None => detect(&request_text(&quote)),
                };
                self.push(id, ElementKind::Quote { quote, language });
            }
            BlockPlan::List(items) => {
                for item in items {
                    let language = detect(&request_text(&item.text));
                    let kind = ElementKind::ListItem {
                        text: item.text,
                        language,
                    };
                    self.push(id, kind);
                }
            }
            BlockPlan::Table(table) => self.push(id, ElementKind::Table(table)),
            BlockPlan::Figure(figure) => self.push(id, ElementKind::Figure(figure)),
            BlockPlan::Missing { marker, .. } | BlockPlan::Text(marker) => {
                self.push(id, ElementKind::Body(marker));
            }
            BlockPlan::PageBreak | BlockPlan::Recommendation(_) => {}
        }
    }

    /// Clearance and contact officer tables, and the lettered attachments.
    fn decision_lists(&mut self) {
        if let Some(table) = self.plan.clearance_table() {
            self.push(None, ElementKind::Heading("Clearance".to_owned()));
            self.push(None, ElementKind::Table(table));
        }
        if let Some(table) = self.plan.contact_table() {
            self.push(None, ElementKind::Table(table));
        }
        let attachments = self.plan.attachment_rows();
        if attachments.is_empty() {
            return;
        }
        self.push(None, ElementKind::Heading("Attachments".to_owned()));
        for row in attachments {
            self.push(None, ElementKind::Attachment(row));
        }
    }

    fn sources_list(&mut self) {
        let Some((_, entries)) = self.plan.sources_list() else {
            return;
        };
        self.push(None, ElementKind::Heading("Sources".to_owned()));
        for entry in entries {
            self.push(None, ElementKind::SourceEntry(entry));
        }
    }
}

/// The spans of inline markup, keeping a space at either end: markup drops them, and
/// here they are the spaces around a footnote mark.
fn spans_keeping_end_spaces(text: &str) -> Vec<StyledSpan> {
    let space = |yes: bool| yes.then(|| StyledSpan::plain(" "));
    let mut spans: Vec<StyledSpan> = space(text.starts_with(char::is_whitespace))
        .into_iter()
        .collect();
    spans.extend(spans_from_inline(parse_inline(text)));
    spans.extend(space(
        text.ends_with(char::is_whitespace) && text.trim() != "",
    ));
    spans
}

/// The text a paragraph request sets.
pub fn request_text(request: &ParagraphRequest) -> String {
    request.spans.iter().map(|s| s.text.as_str()).collect()
}

/// Letters Kazakh has and Russian does not.
const KAZAKH_LETTERS: &str = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

/// The commonest Malay words, none of them English.
const MALAY_WORDS: [&str; 24] = [
    "yang",
    "dan",
    "untuk",
    "dengan",
    "ini",
    "itu",
    "dalam",
    "kepada",
    "tidak",
    "akan",
    "daripada",
    "oleh",
    "bagi",
    "telah",
    "serta",
    "juga",
    "adalah",
    "ialah",
    "pada",
    "kerana",
    "antara",
    "lebih",
    "negara",
    "kerjasama",
];

/// "kk", "ru" or "ms" for text that is mostly in one of them; `None` for the brief's own
/// language. A Malay paragraph must be mostly Malay words, so an English one that names
/// "Bank Negara" stays English. Detecting with whatlang, as import and the spelling check
/// do, costs about 0.1 ms a paragraph, which made the 200-page brief four times slower to
/// export; the letters tell Kazakh and Russian, and Malay's commonest words tell Malay, a
/// hundred times faster. Quotations take their source's language instead.
pub fn detect(text: &str) -> Option<String> {
    let (mut cyrillic, mut kazakh, mut latin) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if KAZAKH_LETTERS.contains(c) {
            kazakh += 1;
            cyrillic += 1;
        } else if ('\u{0400}'..='\u{04ff}').contains(&c) {
            cyrillic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if cyrillic > latin {
        return Some(if kazakh > 0 { "kk" } else { "ru" }.to_owned());
    }
    let mut words = 0;
    let mut malay = 0;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if MALAY_WORDS.iter().any(|m| m.eq_ignore_ascii_case(word)) {
            malay += 1;
        }
    }
    (malay >= 3 && malay * 6 >= words).then(|| "ms".to_owned())
}
