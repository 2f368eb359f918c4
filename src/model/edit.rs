//! Edits: every change an officer can make to a project, as data.
//!
//! The window turns menu clicks, keystrokes and drags into edits; [`Project::apply`] is the
//! one place they change the project, which makes every change undoable and testable.

use super::review::{Comment, Suggestion, TextTarget};
use super::versions::Version;
use super::{
    Addressee, Attachment, Block, BlockId, BlockKind, BriefMeta, Clearance, CommentId, Contact,
    CustomTemplate, Figure, LibraryUse, Marking, Part, PartId, Picture, Responses, SectionRef,
    Source, SourceId, SuggestionId, TalkingPoint, TalkingPointId, VersionId,
};

/// A field of the brief's metadata.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum MetaField {
    Title,
    To,
    ToFor,
    Through,
    CopiesTo,
    From,
    Date,
    Reference,
    CriticalDate,
    CriticalReason,
    Classification,
    Purpose,
}

impl MetaField {
    /// Every field, in form order.
    pub const ALL: [MetaField; 12] = [
        MetaField::Title,
        MetaField::To,
        MetaField::ToFor,
        MetaField::Through,
        MetaField::CopiesTo,
        MetaField::From,
        MetaField::Date,
        MetaField::Reference,
        MetaField::CriticalDate,
        MetaField::CriticalReason,
        MetaField::Classification,
        MetaField::Purpose,
    ];

    /// Whether the officer picks the value from a list (the "For action" choice and the
    /// marking) rather than writing it: such a value is never spell-checked.
    pub fn is_chosen_from_list(self) -> bool {
        matches!(self, MetaField::ToFor | MetaField::Classification)
    }

    /// Whether the field names people and offices (To, Through, Copies to, From), whose
    /// words the spelling check takes as names.
    pub fn names_people(self) -> bool {
        matches!(
            self,
            MetaField::To | MetaField::Through | MetaField::CopiesTo | MetaField::From
        )
    }

    /// The label shown beside the field.
    pub fn label(self) -> &'static str {
        match self {
            MetaField::Title => "Title",
            MetaField::To => "To",
            MetaField::ToFor => "For",
            MetaField::Through => "Through",
            MetaField::CopiesTo => "Copies to",
            MetaField::From => "From",
            MetaField::Date => "Date",
            MetaField::Reference => "Reference",
            MetaField::CriticalDate => "Critical date",
            MetaField::CriticalReason => "Reason",
            MetaField::Classification => "Classification",
            MetaField::Purpose => "Purpose",
        }
    }

    /// The field's value in `meta`.
    pub fn get(self, meta: &BriefMeta) -> &str {
        match self {
            MetaField::Title => &meta.title,
            MetaField::To => &meta.to,
            MetaField::ToFor => &meta.to_for,
            MetaField::Through => &meta.through,
            MetaField::CopiesTo => &meta.copies_to,
            MetaField::From => &meta.from,
            MetaField::Date => &meta.date,
            MetaField::Reference => &meta.reference,
            MetaField::CriticalDate => &meta.critical_date,
            MetaField::CriticalReason => &meta.critical_reason,
            MetaField::Classification => &meta.classification,
            MetaField::Purpose => &meta.purpose,
        }
    }

    pub(super) fn get_mut(self, meta: &mut BriefMeta) -> &mut String {
        match self {
            MetaField::Title => &mut meta.title,
            MetaField::To => &mut meta.to,
            MetaField::ToFor => &mut meta.to_for,
            MetaField::Through => &mut meta.through,
            MetaField::CopiesTo => &mut meta.copies_to,
            MetaField::From => &mut meta.from,
            MetaField::Date => &mut meta.date,
            MetaField::Reference => &mut meta.reference,
            MetaField::CriticalDate => &mut meta.critical_date,
            MetaField::CriticalReason => &mut meta.critical_reason,
            MetaField::Classification => &mut meta.classification,
            MetaField::Purpose => &mut meta.purpose,
        }
    }
}

/// A field of a source's metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceField {
    Title,
    Author,
    Publication,
    Date,
    Url,
    /// When a web source was read; printed after its URL in the Sources list.
    Accessed,
    Notes,
}

impl SourceField {
    /// Every field, in form order.
    pub const ALL: [SourceField; 7] = [
        SourceField::Title,
        SourceField::Author,
        SourceField::Publication,
        SourceField::Date,
        SourceField::Url,
        SourceField::Accessed,
        SourceField::Notes,
    ];

    /// The label shown beside the field.
    pub fn label(self) -> &'static str {
        match self {
            SourceField::Title => "Title",
            SourceField::Author => "Author",
            SourceField::Publication => "Publication",
            SourceField::Date => "Date",
            SourceField::Url => "URL",
            SourceField::Accessed => "Accessed",
            SourceField::Notes => "Notes",
        }
    }

    /// The field's value in `source`.
    pub fn get(self, source: &Source) -> &str {
        match self {
            SourceField::Title => &source.title,
            SourceField::Author => &source.author,
            SourceField::Publication => &source.publication,
            SourceField::Date => &source.date,
            SourceField::Url => &source.url,
            SourceField::Accessed => &source.accessed,
            SourceField::Notes => &source.notes,
        }
    }

    pub(super) fn get_mut(self, source: &mut Source) -> &mut String {
        match self {
            SourceField::Title => &mut source.title,
            SourceField::Author => &mut source.author,
            SourceField::Publication => &mut source.publication,
            SourceField::Date => &mut source.date,
            SourceField::Url => &mut source.url,
            SourceField::Accessed => &mut source.accessed,
            SourceField::Notes => &mut source.notes,
        }
    }
}

/// One change to a project.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetMeta(MetaField, String),
    SetSourceField(SourceId, SourceField, String),
    AddSource(Box<Source>),
    RemoveSource(SourceId),
    /// Adds a block at the end of a part (by index).
    AddBlock {
        part: usize,
        kind: BlockKind,
    },
    /// Replaces a block's text: a paragraph's text, an excerpt's edited text, or a list's
    /// items (one per line).
    SetBlockText {
        block: BlockId,
        text: String,
    },
    /// Drops an excerpt's edits, going back to the source's words.
    RevertExcerpt(BlockId),
    /// Moves a block up (negative) or down (positive), crossing into the next part at the ends.
    MoveBlock {
        block: BlockId,
        by: i32,
    },
    /// Moves a block to `index` in `part`.
    MoveBlockTo {
        block: BlockId,
        part: usize,
        index: usize,
    },
    DeleteBlock(BlockId),
    AddTalkingPoint {
        text: String,
        tags: Vec<String>,
        source: Option<SectionRef>,
    },
    SetTalkingPoint {
        point: TalkingPointId,
        text: String,
        tags: Vec<String>,
    },
    DeleteTalkingPoint(TalkingPointId),
    /// Adds a talking point taken from a shared library line, with the line's words,
    /// tags and marking and the link back to it; with `part`, also places it at the end
    /// of that part (by index), all in one step.
    AddLibraryPoint {
        text: String,
        tags: Vec<String>,
        marking: Marking,
        library: LibraryUse,
        part: Option<usize>,
    },
    /// Sets a library talking point's words and link together: taking the library's
    /// newer version (Update), or recording that the officer keeps theirs (Keep).
    SetLibraryUse {
        point: TalkingPointId,
        text: String,
        library: Option<LibraryUse>,
    },
    /// Sets the protective marking of a source or talking point.
    SetMarking(Marked, Marking),
    /// Sets the brief's marking scheme: a built-in one by name ("uk-gscp", with `custom`
    /// empty) or a department's, with its TOML.
    SetScheme {
        name: String,
        custom: String,
    },
    /// Sets the caveats and markers the officer chose for the brief.
    SetCaveats(Vec<String>),
    /// Sets a table's cells, exactly as typed.
    SetTableRows {
        block: BlockId,
        rows: Vec<Vec<String>>,
    },
    /// Adds a picture block at `index` of `part`, storing its picture (under the key
    /// `figure` names) unless the project holds it already.
    AddPicture {
        part: usize,
        index: usize,
        picture: Box<Picture>,
        figure: Box<Figure>,
    },
    /// Replaces what the brief says about a picture: its alternative text, caption,
    /// credit, width, or the picture itself (which must be stored already).
    SetFigure {
        block: BlockId,
        figure: Box<Figure>,
    },
    /// Sets the response options of a recommendation.
    SetResponses {
        block: BlockId,
        responses: Responses,
    },
    /// Replaces the addressees after the first.
    SetAlsoTo(Vec<Addressee>),
    /// Replaces the clearance rows.
    SetClearance(Vec<Clearance>),
    SetContact(Contact),
    /// Replaces the attachments, in letter order.
    SetAttachments(Vec<Attachment>),
    /// Sets the language the brief is written and spell-checked in ("en-AU").
    SetLanguage(String),
    /// Replaces the words the spelling check accepts in this brief.
    SetIgnoredWords(Vec<String>),
    /// Sets the language a source is written in ("ms"), correcting what import detected.
    SetSourceLanguage(SourceId, String),
    /// Lays the brief out with another template. `parts` are the new template's standard
    /// parts as (key, title); those the brief lacks are added, empty, in template order.
    /// Parts the new template does not print keep their text.
    SetTemplate {
        name: String,
        custom: Option<CustomTemplate>,
        parts: Vec<(String, String)>,
    },
    /// Adds a comment.
    AddComment(Box<Comment>),
    /// Replaces the comment with the same id: a reply, resolving, reopening, rewording.
    SetComment(Box<Comment>),
    RemoveComment(CommentId),
    /// Records `proposed`, the text as a reviewer in suggest mode typed it, as suggestions
    /// on `target`: word by word, what differs from the text. Changes already suggested
    /// keep their author and date.
    SuggestText {
        target: TextTarget,
        proposed: String,
        author: String,
        date: String,
    },
    /// Adds, deletes or moves a block as a suggestion: an added or moved block is in place
    /// at once, marked; a block suggested for deletion stays until the deletion is accepted.
    SuggestBlockEdit {
        edit: Box<Edit>,
        author: String,
        date: String,
    },
    /// Makes a suggested change.
    AcceptSuggestion(SuggestionId),
    /// Drops a suggested change, undoing the part of it already in place (an added block).
    RejectSuggestion(SuggestionId),
    /// Several edits as one undo step, applied in order.
    Many(Vec<Edit>),
    /// Adds a saved version.
    AddVersion(Box<Version>),
    /// Puts the brief's template, title block and parts back as they were (restoring a
    /// saved version). Comments and suggestions stay.
    ReplaceBrief {
        template: String,
        meta: Box<BriefMeta>,
        parts: Vec<Part>,
    },

    // The edits below are the inverses that undo records; the window never sends them.
    /// Puts a removed comment back at `index`.
    InsertComment {
        index: usize,
        comment: Box<Comment>,
    },
    /// Sets the suggestions on `target`'s text exactly.
    SetSuggestions {
        target: TextTarget,
        suggestions: Vec<Suggestion>,
    },
    /// Puts a removed suggestion back at `index`.
    InsertSuggestion {
        index: usize,
        suggestion: Box<Suggestion>,
    },
    RemoveSuggestion(SuggestionId),
    RemoveVersion(VersionId),
    /// Puts a removed version back at `index`.
    InsertVersion {
        index: usize,
        version: Box<Version>,
    },
    /// Puts a removed source back at `index`, with its ids.
    InsertSource {
        index: usize,
        source: Box<Source>,
    },
    /// Puts a removed block back at `index` of `part`, with its id.
    InsertBlock {
        part: usize,
        index: usize,
        block: Block,
    },
    /// Moves a block so that it ends up exactly at `index` of `part`.
    PlaceBlock {
        block: BlockId,
        part: usize,
        index: usize,
    },
    /// Sets an excerpt's edited text, or drops the edits with `None`.
    SetExcerptEdit {
        block: BlockId,
        edited: Option<String>,
    },
    /// Puts a removed talking point back at `index`, with its id.
    InsertTalkingPoint {
        index: usize,
        point: TalkingPoint,
    },
    /// Sets the template and exchanges parts: removes the (empty) parts listed, then puts
    /// parts back at their indices, in order. What undo makes of a change of template.
    SwapTemplate {
        name: String,
        custom: Option<CustomTemplate>,
        remove_parts: Vec<PartId>,
        insert_parts: Vec<(usize, Part)>,
    },
}

/// What carries a marking of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marked {
    Source(SourceId),
    TalkingPoint(TalkingPointId),
}

impl Edit {
    /// About how many bytes the edit holds, for capping the memory that undo uses.
    pub fn approximate_size(&self) -> usize {
        let strings = |texts: &[&str]| texts.iter().map(|t| t.len()).sum::<usize>();
        let source_size = |source: &Source| {
            strings(&[&source.title, &source.author, &source.notes, &source.url])
                + source
                    .sections
                    .iter()
                    .map(|s| s.text.len() + std::mem::size_of_val(s))
                    .sum::<usize>()
        };
        let heap = match self {
            Edit::SetMeta(_, text)
            | Edit::SetSourceField(_, _, text)
            | Edit::SetBlockText { text, .. }
            | Edit::SetLanguage(text)
            | Edit::SetSourceLanguage(_, text) => text.len(),
            Edit::SetIgnoredWords(words) => words.iter().map(String::len).sum::<usize>(),
            Edit::SetScheme { name, custom } => name.len() + custom.len(),
            Edit::SetCaveats(caveats) => caveats.iter().map(String::len).sum::<usize>(),
            Edit::SetMarking(_, marking) => {
                marking.level.len() + marking.caveats.iter().map(String::len).sum::<usize>()
            }
            Edit::AddSource(source) | Edit::InsertSource { source, .. } => source_size(source),
            Edit::AddBlock { kind, .. } => kind.text_size(),
            // The picture's bytes are shared with the project, not copied.
            Edit::AddPicture { figure, .. } | Edit::SetFigure { figure, .. } => {
                figure.alt.len() + figure.caption.len() + figure.credit.len()
            }
            Edit::InsertBlock { block, .. } => block.kind.text_size(),
            Edit::AddTalkingPoint { text, tags, .. } | Edit::SetTalkingPoint { text, tags, .. } => {
                text.len() + tags.iter().map(String::len).sum::<usize>()
            }
            Edit::AddLibraryPoint { text, tags, .. } => {
                text.len() + tags.iter().map(String::len).sum::<usize>()
            }
            Edit::SetLibraryUse { text, .. } => text.len(),
            Edit::InsertTalkingPoint { point, .. } => {
                point.text.len() + point.tags.iter().map(String::len).sum::<usize>()
            }
            Edit::SetExcerptEdit { edited, .. } => edited.as_ref().map_or(0, String::len),
            Edit::SetClearance(rows) => rows
                .iter()
                .map(|r| {
                    std::mem::size_of_val(r)
                        + r.name.len()
                        + r.position.len()
                        + r.division.len()
                        + r.phone.len()
                        + r.date.len()
                })
                .sum::<usize>(),
            Edit::SetTableRows { rows, .. } => rows
                .iter()
                .map(|row| std::mem::size_of_val(row) + row.iter().map(String::len).sum::<usize>())
                .sum::<usize>(),
            Edit::SetAlsoTo(addressees) => addressees
                .iter()
                .map(|a| std::mem::size_of_val(a) + a.name.len() + a.action.len())
                .sum::<usize>(),
            Edit::SetContact(contact) => {
                contact.name.len() + contact.position.len() + contact.phone.len()
            }
            Edit::SetAttachments(attachments) => attachments
                .iter()
                .map(|a| std::mem::size_of_val(a) + a.title.len())
                .sum::<usize>(),
            Edit::SetTemplate { custom, parts, .. } => {
                custom.as_ref().map_or(0, |c| c.toml.len())
                    + parts.iter().map(|(k, t)| k.len() + t.len()).sum::<usize>()
            }
            Edit::SwapTemplate {
                custom,
                insert_parts,
                ..
            } => {
                custom.as_ref().map_or(0, |c| c.toml.len())
                    + insert_parts
                        .iter()
                        .map(|(_, p)| p.key.len() + p.title.len())
                        .sum::<usize>()
            }
            Edit::AddComment(comment)
            | Edit::SetComment(comment)
            | Edit::InsertComment { comment, .. } => {
                comment.text.len()
                    + comment.quote.len()
                    + comment
                        .replies
                        .iter()
                        .map(|r| r.text.len() + r.author.len() + r.date.len())
                        .sum::<usize>()
            }
            Edit::SuggestText { proposed, .. } => proposed.len(),
            Edit::SuggestBlockEdit { edit, .. } => edit.approximate_size(),
            Edit::Many(edits) => edits.iter().map(Edit::approximate_size).sum::<usize>(),
            Edit::SetSuggestions { suggestions, .. } => suggestions
                .iter()
                .map(|s| std::mem::size_of_val(s) + s.author.len() + s.date.len())
                .sum::<usize>(),
            Edit::InsertSuggestion { suggestion, .. } => suggestion.author.len(),
            Edit::AddVersion(version) | Edit::InsertVersion { version, .. } => {
                std::mem::size_of_val(&**version) + version.label.len() + version.meta.title.len()
            }
            Edit::ReplaceBrief { meta, parts, .. } => {
                meta.title.len()
                    + meta.purpose.len()
                    + parts
                        .iter()
                        .flat_map(|p| &p.blocks)
                        .map(|b| std::mem::size_of_val(b) + b.kind.text_size())
                        .sum::<usize>()
            }
            Edit::RemoveComment(_)
            | Edit::AcceptSuggestion(_)
            | Edit::RejectSuggestion(_)
            | Edit::RemoveSuggestion(_)
            | Edit::RemoveVersion(_)
            | Edit::RemoveSource(_)
            | Edit::SetResponses { .. }
            | Edit::RevertExcerpt(_)
            | Edit::MoveBlock { .. }
            | Edit::MoveBlockTo { .. }
            | Edit::PlaceBlock { .. }
            | Edit::DeleteBlock(_)
            | Edit::DeleteTalkingPoint(_) => 0,
        };
        std::mem::size_of::<Edit>() + heap
    }
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("that block no longer exists")]
    NoSuchBlock,
    #[error("that part does not exist")]
    NoSuchPart,
    #[error("that source no longer exists")]
    NoSuchSource,
    #[error("that talking point no longer exists")]
    NoSuchTalkingPoint,
    #[error("this talking point is used in the brief; remove it from the brief first")]
    TalkingPointInUse,
    #[error("a {0} has no text to edit")]
    NoText(&'static str),
    #[error("that picture is not in this project")]
    NoSuchPicture,
    #[error("that comment no longer exists")]
    NoSuchComment,
    #[error("that suggestion has already been answered")]
    NoSuchSuggestion,
    #[error("that version is not in this project")]
    NoSuchVersion,
}

/// An edit that was applied: what it created, and the edit that undoes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub created: Created,
    pub inverse: Edit,
}

/// What an edit created, so the window can select it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    Nothing,
    Block(BlockId),
    Source(SourceId),
    TalkingPoint(TalkingPointId),
}
