//! The document model: a briefing project with its sources, talking points and brief.
//!
//! Plain data with serde derives. It knows nothing of files, layout or screens.

mod anchor;
mod apply;
mod apply_review;
mod brief;
pub mod compare;
mod edit;
pub mod find;
mod ids;
mod inline;
mod library_use;
pub mod marked_text;
mod marking;
pub mod picture;
mod remove_source;
mod repair;
pub mod review;
mod review_markup;
mod review_store;
mod source;
pub mod versions;
pub mod word_diff;

pub use brief::{
    Addressee, Attachment, Block, BlockKind, Brief, BriefMeta, Clearance, Contact, CustomTemplate,
    PLACEHOLDER_TITLE, Part, Responses, SignOff, table_rows, table_text,
};
pub use edit::{Applied, Created, Edit, EditError, Marked, MetaField, SourceField};
pub use ids::{
    BlockId, CommentId, IdAllocator, PartId, SectionId, SourceId, SuggestionId, TalkingPointId,
    VersionId,
};
pub use inline::{InlineSpan, parse_inline, plain_text, shorten};
pub use library_use::LibraryUse;
pub use marking::Marking;
pub use picture::{Figure, FigureWidth, Picture, PictureFormat, PictureKey};
pub use review::{Comment, Reply, Review, ReviewStatus, SuggestedChange, Suggestion, TextTarget};
pub use review_markup::{Attribution, MarginNote, Markup, MarkupMode, ReviewIdentity};

/// "1 open comment", "3 open comments".
pub fn count_of(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}
pub use remove_source::ExcerptsOfRemoved;
pub use source::{Section, SectionKind, SectionRef, Source, SourceFigure, TalkingPoint};

use serde::{Deserialize, Serialize};

/// Everything an officer works on for one brief: the collected articles,
/// the talking-point library and the brief itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Hands out ids that stay stable across edits, saves and loads.
    #[serde(default)]
    pub ids: IdAllocator,
    /// Imported articles.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The talking-point library.
    #[serde(default)]
    pub talking_points: Vec<TalkingPoint>,
    /// The brief being assembled.
    pub brief: Brief,
    /// Comments, suggested edits and saved versions.
    #[serde(default, skip_serializing_if = "Review::is_empty")]
    pub review: Review,
    /// The pictures the brief and its versions show, each once, by the hash of its bytes.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub pictures: std::collections::BTreeMap<PictureKey, Picture>,
    /// Set on a copy made for showing review marks (see [`Project::with_markup`]): who
    /// made the changes its texts mark. Never saved.
    #[serde(skip)]
    pub markup: Option<Markup>,
    /// Fields written by a newer Briefwright, kept so that saving does not drop them.
    #[serde(flatten)]
    pub unknown_fields: std::collections::BTreeMap<String, serde_json::Value>,
}

impl Project {
    /// An empty project whose brief uses `template_name`, with one empty part per `part_titles`.
    pub fn new(template_name: &str, part_titles: &[(String, String)]) -> Self {
        let mut ids = IdAllocator::default();
        let parts = part_titles
            .iter()
            .map(|(key, title)| Part {
                id: ids.part(),
                key: key.clone(),
                title: title.clone(),
                blocks: Vec::new(),
            })
            .collect();
        Project {
            ids,
            sources: Vec::new(),
            talking_points: Vec::new(),
            brief: Brief {
                template: template_name.to_owned(),
                custom_template: None,
                meta: BriefMeta::default(),
                parts,
                ignored_words: Vec::new(),
                unknown_fields: Default::default(),
            },
            review: Review::default(),
            pictures: Default::default(),
            markup: None,
            unknown_fields: Default::default(),
        }
    }

    /// True if both hold the same sources, talking points and brief. The id allocator is
    /// left out: undoing an addition does not hand its id out again, yet the project is
    /// back as it was.
    pub fn same_content(&self, other: &Project) -> bool {
        self.brief == other.brief
            && self.review == other.review
            && self.sources == other.sources
            && self.talking_points == other.talking_points
            && self.unknown_fields == other.unknown_fields
    }

    /// The source with this id.
    pub fn source(&self, id: SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The section that an excerpt or talking point refers to, with its source.
    pub fn section(&self, reference: SectionRef) -> Option<(&Source, &Section)> {
        let source = self.source(reference.source)?;
        let section = source.sections.iter().find(|s| s.id == reference.section)?;
        Some((source, section))
    }

    /// Where `block` is, as messages name it: its part's title and its place in the part,
    /// such as "Background ¶2".
    pub fn block_label(&self, block: BlockId) -> Option<String> {
        self.brief.parts.iter().find_map(|part| {
            let index = part.blocks.iter().position(|b| b.id == block)?;
            Some(format!("{} \u{b6}{}", part.title, index + 1))
        })
    }

    /// The talking point with this id.
    pub fn talking_point(&self, id: TalkingPointId) -> Option<&TalkingPoint> {
        self.talking_points.iter().find(|t| t.id == id)
    }

    /// Adds an imported source, giving it and its sections fresh ids.
    pub fn add_source(&mut self, mut source: Source) -> SourceId {
        source.id = self.ids.source();
        for section in &mut source.sections {
            section.id = self.ids.section();
        }
        for picture in std::mem::take(&mut source.pictures) {
            self.pictures
                .entry(PictureKey::of(&picture.bytes))
                .or_insert(picture);
        }
        let id = source.id;
        self.sources.push(source);
        id
    }

    /// Adds a talking point to the library.
    pub fn add_talking_point(
        &mut self,
        text: &str,
        tags: Vec<String>,
        source: Option<SectionRef>,
    ) -> TalkingPointId {
        let id = self.ids.talking_point();
        self.talking_points.push(TalkingPoint {
            id,
            text: text.to_owned(),
            tags,
            source,
            marking: Marking::default(),
            library: None,
        });
        id
    }

    /// Appends a block to the part at `part_index`, returning its id.
    pub fn push_block(&mut self, part_index: usize, kind: BlockKind) -> Option<BlockId> {
        self.brief.parts.get(part_index)?;
        let id = self.ids.block();
        self.brief.parts[part_index].blocks.push(Block { id, kind });
        Some(id)
    }

    /// Excerpts and talking points whose reference no longer resolves.
    pub fn dangling_references(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for part in &self.brief.parts {
            for block in &part.blocks {
                match &block.kind {
                    BlockKind::Excerpt { from, .. } if self.section(*from).is_none() => problems.push(format!(
                        "an excerpt in \u{201c}{}\u{201d} refers to section {} of source {}, which is missing",
                        part.title, from.section.0, from.source.0
                    )),
                    BlockKind::TalkingPoint { point } if self.talking_point(*point).is_none() => problems.push(format!(
                        "a talking point in \u{201c}{}\u{201d} refers to library item {}, which is missing",
                        part.title, point.0
                    )),
                    _ => {}
                }
            }
        }
        problems
    }
}
