//! Layout of a brief into pages of positioned glyph runs, rules, boxes and links.
//!
//! The result is plain data. The PDF writer and the preview painter both read it and
//! nothing else, so what the officer sees is what the minister gets.

mod citations;
mod content;
mod coverage;
mod document;
mod dump;
mod facts;
mod first_page;
mod footnotes;
mod furniture;
mod margin_notes;
mod memo;
mod paginate;
mod plan;
mod portion;
mod prefetch;
mod slabs;
mod tag;

pub use crate::diagnostic::{Diagnostic, Severity};
pub use crate::fonts::{Glyph, TextRange};
/// The review's data a document carries to its writers, named here so that the
/// exporters read only the layout's result.
pub use crate::model::{Attribution, BlockId, Comment, ReviewIdentity};
pub use document::{Document, Element, ElementKind, Noted, Segment, detect as detect_language};
pub use dump::dump;
pub use facts::Facts;
pub use furniture::Banner;
pub use plan::{
    BULLET, FigurePlan, ListItem, MetaTable, NO_CRITICAL_DATE, RESPONSE_COLUMN, TablePlan,
    attachment_letter,
};
pub use tag::{Role, Tag};

use crate::fonts::{FaceId, Typesetter};
use crate::model::Project;
use crate::template::Template;
use crate::units::{Point, Pt, Size};
use memo::BlockCache;

/// A laid-out brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub pages: Vec<Page>,
    /// Part headings and where they landed, for the PDF outline.
    pub outline: Vec<OutlineEntry>,
    pub diagnostics: Vec<Diagnostic>,
    /// Pages the template says the brief should fit in.
    pub page_budget: usize,
    /// The protective marking every page prints (its text is "" when its level prints
    /// none): the chosen one or higher, as the content requires, and how it is printed.
    pub banner: Banner,
    /// What the exported file's properties say: title, author, subject, dates…
    pub facts: Facts,
    /// The brief in reading order, for exporters that keep its structure (Word, and the
    /// PDF's tags). `None` in a layout made for the screen only
    /// ([`Layouter::layout_for_screen`]), which the preview redraws after every keystroke.
    pub document: Option<Document>,
}

impl Laid {
    /// The protective marking every page prints, "" when its level prints none.
    pub fn marking(&self) -> &str {
        &self.banner.text
    }
}

/// One page: its size and what is on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub size: Size,
    pub items: Vec<Positioned>,
}

/// An item at a position (top-left origin), remembering the block it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Positioned {
    pub at: Point,
    pub item: Item,
    /// The brief block this item renders, so a click in the preview can select it.
    pub block: Option<BlockId>,
    /// What the item is in the brief's structure, for the PDF's tags.
    pub tag: Tag,
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// Shaped glyphs; `at` is the start of the baseline.
    Text(GlyphRun),
    /// A straight rule from `at` to `at + to`.
    Rule {
        to: Point,
        thickness: Pt,
        color: Color,
    },
    /// A rectangle with its top-left corner at `at`.
    Rect {
        size: Size,
        fill: Option<Color>,
        stroke: Option<(Color, Pt)>,
    },
    /// A clickable area that opens a URL.
    Link { size: Size, url: String },
    /// A picture filling `size`, its top-left corner at `at`. It carries its bytes
    /// (shared, not copied), so every writer draws the very picture the layout measured.
    Image {
        size: Size,
        key: crate::model::PictureKey,
        picture: crate::model::Picture,
    },
}

/// Glyphs of one face and size on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    pub face: FaceId,
    pub size: Pt,
    pub color: Color,
    /// Shared with the paragraph cache, so laying out again does not copy glyphs.
    pub glyphs: std::sync::Arc<[Glyph]>,
    /// The text of the whole paragraph the run comes from; glyphs point into it.
    pub text: std::sync::Arc<str>,
}

impl GlyphRun {
    /// The characters `glyph` shows (empty for the second glyph of a cluster).
    pub fn glyph_text(&self, glyph: &Glyph) -> &str {
        glyph.text.of(&self.text)
    }
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    pub const BLACK: Color = Color { r: 0, g: 0, b: 0 };
    pub const TEXT: Color = Color {
        r: 0x11,
        g: 0x11,
        b: 0x11,
    };
    pub const MUTED: Color = Color {
        r: 0x44,
        g: 0x44,
        b: 0x44,
    };
    pub const RULE: Color = Color {
        r: 0x88,
        g: 0x88,
        b: 0x88,
    };
    pub const SHADE: Color = Color {
        r: 0xee,
        g: 0xee,
        b: 0xee,
    };
    pub const LINK: Color = Color {
        r: 0x0b,
        g: 0x4f,
        b: 0x9c,
    };
    /// Text a review or redline shows as inserted.
    pub const INSERTED: Color = Color {
        r: 0x14,
        g: 0x4f,
        b: 0xb8,
    };
    /// Text a review or redline shows as deleted.
    pub const DELETED: Color = Color {
        r: 0xb4,
        g: 0x1e,
        b: 0x1e,
    };
    /// The bar beside a line that changed.
    pub const CHANGE_BAR: Color = Color {
        r: 0x55,
        g: 0x55,
        b: 0x55,
    };
    pub const MARKING: Color = Color {
        r: 0xa0,
        g: 0x10,
        b: 0x10,
    };
}

/// A part heading and the page (0-based) and height where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    pub page: usize,
    pub y: Pt,
}

/// Lays out the project's brief with `template`, once: blocks are built afresh, and only
/// paragraphs come from `typesetter`'s cache. Callers that lay out again and again (the
/// window) keep a [`Layouter`] instead.
pub fn layout(project: &Project, template: &Template, typesetter: &mut Typesetter) -> Laid {
    layout_with(
        project,
        template,
        typesetter,
        &mut BlockCache::default(),
        Purpose::Export,
    )
}

/// What a layout is for: an export needs the brief's document as well as its pages; the
/// preview, laid out again after every keystroke, needs only the pages.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Export,
    Screen,
}

/// Lays out brief after brief, keeping what the next layout can reuse: the typesetter
/// with its fonts and set paragraphs, and the blocks already built. After a keystroke,
/// only the block that changed is built again.
#[derive(Default)]
pub struct Layouter {
    typesetter: Typesetter,
    blocks: BlockCache,
}

impl Layouter {
    /// A layouter with the bundled fonts loaded and nothing cached yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Lays out the project's brief with `template`, reusing what earlier layouts built,
    /// with everything an exporter reads.
    pub fn layout(&mut self, project: &Project, template: &Template) -> Laid {
        layout_with(
            project,
            template,
            &mut self.typesetter,
            &mut self.blocks,
            Purpose::Export,
        )
    }

    /// Lays out the brief for the preview: its pages, outline and warnings, without the
    /// document an exporter reads (building it again after every keystroke would cost a
    /// 200-page brief about 20 ms).
    pub fn layout_for_screen(&mut self, project: &Project, template: &Template) -> Laid {
        layout_with(
            project,
            template,
            &mut self.typesetter,
            &mut self.blocks,
            Purpose::Screen,
        )
    }
}

/// The blocks of the parts `template` prints, in brief order.
fn printed_blocks<'a>(
    project: &'a Project,
    template: &Template,
) -> impl Iterator<Item = &'a crate::model::Block> {
    project
        .brief
        .parts
        .iter()
        .filter(move |part| template.part(&part.key).is_some())
        .flat_map(|part| &part.blocks)
}

/// What the window and the command line say about the marking: that nothing was chosen,
/// that the content raised it (naming the blocks), and what the scheme does not know.
fn marking_diagnostics(
    marking: &crate::marking::Computed,
    meta: &crate::model::BriefMeta,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    if meta.classification.trim().is_empty() {
        diagnostics.push(Diagnostic::warning(
            format!(
                "no classification is set; pages are marked \u{201c}{}\u{201d}",
                marking.text()
            ),
            None,
        ));
    }
    if let Some(explanation) = marking.explanation() {
        let mut blocks = marking.raised_by.iter().map(|r| r.block);
        let mut raised = Diagnostic::warning(explanation, blocks.next());
        raised.also = blocks.collect();
        diagnostics.push(raised);
    }
    for unknown in &marking.unknown {
        diagnostics.push(Diagnostic::warning(unknown.clone(), None));
    }
    diagnostics
}

fn layout_with(
    project: &Project,
    template: &Template,
    typesetter: &mut Typesetter,
    blocks: &mut BlockCache,
    purpose: Purpose,
) -> Laid {
    // The review copy prints its comments in a column the page is widened by.
    let notes = project
        .markup
        .as_ref()
        .map(|markup| markup.notes.as_slice())
        .filter(|notes| !notes.is_empty());
    let widened;
    let template = if notes.is_some() {
        widened = margin_notes::widened(template);
        &widened
    } else {
        template
    };
    let mut diagnostics = Vec::new();
    if !typesetter.has_family(&template.fonts.body) {
        diagnostics.push(Diagnostic::warning(format!("the template asks for font \u{201c}{}\u{201d}, which is not bundled; using Noto Sans", template.fonts.body), None));
    }
    for family in template.fonts.fallback.all_families() {
        if !typesetter.has_family(family) {
            diagnostics.push(Diagnostic::warning(format!("the template names fallback font \u{201c}{family}\u{201d}, which is not bundled; it is skipped"), None));
        }
    }
    let meta = &project.brief.meta;
    let missing: Vec<&str> = [("To", &meta.to), ("From", &meta.from), ("Date", &meta.date)]
        .into_iter()
        .filter(|(_, value)| value.trim().is_empty())
        .map(|(label, _)| label)
        .collect();
    let title = meta.title.trim();
    let untitled = if title.is_empty() {
        Some("the brief has no title; give it one before it goes out".to_owned())
    } else if title == crate::model::PLACEHOLDER_TITLE {
        Some(format!(
            "the brief is still titled \u{201c}{title}\u{201d}; give it its own title before it goes out"
        ))
    } else {
        None
    };
    diagnostics.extend(untitled.map(|text| Diagnostic::warning(text, None).before_sending()));
    if template.show_meta_table && !missing.is_empty() {
        diagnostics.push(
            Diagnostic::warning(
                format!(
                    "the title block has no {}; fill it in before the brief goes out",
                    missing.join(", ")
                ),
                None,
            )
            .before_sending(),
        );
    }
    let scheme = match crate::marking::Scheme::for_meta(meta) {
        Ok(scheme) => scheme,
        Err(error) => {
            diagnostics.push(Diagnostic::error(
                format!(
                    "{error}; the brief is marked under {}",
                    crate::marking::DEFAULT_SCHEME
                ),
                None,
            ));
            std::borrow::Cow::Borrowed(crate::marking::Scheme::default_scheme())
        }
    };
    let marking = crate::marking::compute(project, &scheme, &template.default_classification);
    diagnostics.extend(marking_diagnostics(&marking, meta));
    let banner = furniture::Banner::new(&marking, &scheme, template);
    blocks.begin(template);
    // With no block built yet, nearly every paragraph is about to be set: set them on two
    // threads first. That pays off only for briefs long enough to share out.
    let block_count: usize = project.brief.parts.iter().map(|p| p.blocks.len()).sum();
    if blocks.is_empty() && block_count >= 32 && typesetter.is_parallel() {
        let requests = prefetch::paragraph_requests(project, template, typesetter);
        typesetter.prefetch(requests);
    }
    let with_document = purpose == Purpose::Export;
    let (flow, document) = content::build(
        project,
        template,
        typesetter,
        blocks,
        &mut diagnostics,
        with_document,
    );
    let flow = match &document {
        Some(document) => number_elements(flow, document),
        None => flow,
    };
    let mut laid = paginate::paginate(flow, project, template, banner, typesetter);
    if let Some(notes) = notes {
        margin_notes::place(&mut laid, notes, template, typesetter);
    }
    laid.document = document;
    diagnostics.append(&mut laid.diagnostics);
    if laid.pages.len() > template.page_budget {
        diagnostics.push(Diagnostic::warning(
            format!(
                "the brief runs to {} pages; the {} template allows {}",
                laid.pages.len(),
                template.name,
                template.page_budget
            ),
            None,
        ));
    }
    diagnostics.extend(first_page::spills(project, template, &laid));
    coverage::gather(&mut diagnostics, project);
    laid.diagnostics = diagnostics;
    laid.facts = Facts::of(meta);
    typesetter.trim_cache();
    blocks.trim();
    laid
}

/// Names in each flow block the element of `document` it shows. The document is built
/// from the same plan in the same order as the flow, one element per flow block, except
/// for page breaks, which are a flag on the next block in the flow. Should the two ever
/// disagree in number, nothing is named, and the PDF is written without tags rather than
/// with wrong ones.
fn number_elements(mut flow: Vec<slabs::FlowBlock>, document: &Document) -> Vec<slabs::FlowBlock> {
    let elements: Vec<u32> = document
        .elements
        .iter()
        .enumerate()
        .filter(|(_, element)| !matches!(element.kind, ElementKind::PageBreak))
        .filter_map(|(index, _)| u32::try_from(index).ok())
        .collect();
    if elements.len() == flow.len() {
        for (block, element) in flow.iter_mut().zip(elements) {
            block.element = Some(element);
        }
    }
    flow
}
