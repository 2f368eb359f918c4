//! The flow's building material: blocks of unbreakable slabs (lines, table rows), and
//! turning set paragraphs into slabs of positioned glyph runs.

use crate::change_mark::ChangeKind;
use std::sync::Arc;

use crate::fonts::SetParagraph;
use crate::model::BlockId;
use crate::template::Style;
use crate::units::{Point, Pt, Size};

use super::{Color, GlyphRun, Item, Role};

/// A block of the flow: slabs stacked vertically, with spacing and breaking rules.
#[derive(Debug, Clone)]
pub struct FlowBlock {
    /// Shared, so a block rebuilt from the cache costs no copying.
    pub slabs: Arc<[Slab]>,
    pub space_before: Pt,
    pub space_after: Pt,
    /// Keep on the same page as the start of the next block (headings, titles).
    pub keep_with_next: bool,
    /// May be split across pages between slabs (with widow and orphan control).
    pub splittable: bool,
    /// The first slab (a table's header row) is placed again at the top of every page
    /// the block continues on.
    pub repeat_first: bool,
    pub page_break_before: bool,
    pub block: Option<BlockId>,
    /// Outline (bookmark) title, for part headings.
    pub outline: Option<String>,
    /// The element of the layout's document the block shows (set after the flow is
    /// built, as cached blocks are shared between layouts).
    pub element: Option<u32>,
}

/// An unbreakable horizontal strip: one line of text or one table row.
/// Item positions are relative to the strip's top-left corner at the left margin; each
/// item says what part of its block's element it shows.
#[derive(Debug, Clone)]
pub struct Slab {
    pub height: Pt,
    pub items: Vec<(Point, Item, Role)>,
    /// Footnotes referenced on this line, as lines of their own: they go to the foot of
    /// the page the line lands on.
    pub notes: Vec<Slab>,
}

impl Slab {
    /// The text the slab shows, for finding a footnote's mark in it.
    pub fn text(&self) -> String {
        let mut text = String::new();
        for (_, item, _) in &self.items {
            if let Item::Text(run) = item {
                text.extend(run.glyphs.iter().map(|g| run.glyph_text(g)));
            }
        }
        text
    }
}

pub fn text_block(slabs: Vec<Slab>, style: &Style, block: Option<BlockId>) -> FlowBlock {
    FlowBlock {
        slabs: slabs.into(),
        space_before: Pt(style.space_before_pt),
        space_after: Pt(style.space_after_pt),
        keep_with_next: false,
        splittable: true,
        repeat_first: false,
        page_break_before: false,
        block,
        outline: None,
        element: None,
    }
}

pub fn text_height(set: &SetParagraph) -> Pt {
    set.lines
        .iter()
        .fold(Pt::ZERO, |sum, line| sum + line.height)
}

pub fn glyph_run(run: &crate::fonts::TextRun, color: Color) -> GlyphRun {
    GlyphRun {
        face: run.face,
        size: run.size,
        color,
        glyphs: run.glyphs.clone(),
        text: run.text.clone(),
    }
}

/// One slab per line, with text starting at `indent` from the left margin.
pub fn paragraph_slabs(set: &SetParagraph, indent: Pt, color: Color) -> Vec<Slab> {
    set.lines
        .iter()
        .map(|line| Slab {
            notes: Vec::new(),
            height: line.height,
            items: line_items(set, line, Point::new(indent, Pt::ZERO), color),
        })
        .collect()
}

/// All lines of a paragraph stacked from `origin`, as items of one slab.
pub fn stack_lines(set: &SetParagraph, origin: Point, color: Color) -> Vec<(Point, Item, Role)> {
    let mut y = origin.y;
    let mut items = Vec::new();
    for line in &set.lines {
        items.extend(line_items(set, line, Point::new(origin.x, y), color));
        y += line.height;
    }
    items
}

/// How far left of the text column a change bar stands.
const CHANGE_BAR_OFFSET: Pt = Pt(-7.0);

/// The rules that mark a changed run: inserted text underlined twice, deleted text struck
/// through, as a legal blackline shows them; text flagged as changed only gets the bar.
fn change_rules(run: &crate::fonts::TextRun, kind: ChangeKind, at: Point) -> Vec<(Point, Item)> {
    let width = run
        .glyphs
        .last()
        .map(|g| g.x + g.advance)
        .unwrap_or(Pt::ZERO);
    let rule = |dy: f32, color| {
        (
            Point::new(at.x, at.y + run.size * dy),
            Item::Rule {
                to: Point::new(width, Pt::ZERO),
                thickness: Pt(0.5),
                color,
            },
        )
    };
    match kind {
        ChangeKind::Inserted => vec![rule(0.13, Color::INSERTED), rule(0.23, Color::INSERTED)],
        ChangeKind::Deleted => vec![rule(-0.3, Color::DELETED)],
        ChangeKind::Changed => Vec::new(),
    }
}

pub fn line_items(
    set: &SetParagraph,
    line: &crate::fonts::SetLine,
    origin: Point,
    color: Color,
) -> Vec<(Point, Item, Role)> {
    // Links in running text are blue and underlined; in muted text (citations) they stay
    // quiet and are only clickable.
    let marks_links = color == Color::TEXT;
    let mut items = Vec::new();
    let mut changed = false;
    for run in &line.runs {
        let at = Point::new(origin.x + run.x, origin.y + line.baseline);
        let run_color = match run.change.map(|c| c.kind) {
            Some(ChangeKind::Inserted) => Color::INSERTED,
            Some(ChangeKind::Deleted) => Color::DELETED,
            _ if run.link.is_some() && marks_links => Color::LINK,
            _ => color,
        };
        items.push((at, Item::Text(glyph_run(run, run_color)), Role::Text));
        if let Some(change) = run.change {
            changed = true;
            // Underlines and strikes are drawn marks, not text: artifacts to a reader.
            items.extend(
                change_rules(run, change.kind, at)
                    .into_iter()
                    .map(|(at, item)| (at, item, Role::Artifact)),
            );
        }
        if let Some(url) = run.link.and_then(|i| set.links.get(i)) {
            let inked = run
                .glyphs
                .iter()
                .rev()
                .skip_while(|g| g.text.of(&run.text).trim().is_empty())
                .map(|g| g.x + g.advance)
                .next();
            let width = inked.unwrap_or(Pt::ZERO);
            items.push((
                Point::new(origin.x + run.x, origin.y),
                Item::Link {
                    size: Size {
                        width,
                        height: line.height,
                    },
                    url: url.clone(),
                },
                Role::Text,
            ));
            if marks_links {
                items.push((
                    Point::new(origin.x + run.x, origin.y + line.baseline + run.size * 0.12),
                    Item::Rule {
                        to: Point::new(width, Pt::ZERO),
                        thickness: Pt(0.4),
                        color: Color::LINK,
                    },
                    Role::Artifact,
                ));
            }
        }
    }
    if changed {
        // A bar in the margin beside every line that holds a change.
        items.push((
            Point::new(CHANGE_BAR_OFFSET, origin.y),
            Item::Rule {
                to: Point::new(Pt::ZERO, line.height),
                thickness: Pt(1.2),
                color: Color::CHANGE_BAR,
            },
            Role::Artifact,
        ));
    }
    items
}

/// `items` as showing `role` of their element.
pub fn with_role(mut items: Vec<(Point, Item, Role)>, role: Role) -> Vec<(Point, Item, Role)> {
    for item in &mut items {
        item.2 = role;
    }
    items
}

/// Cuts the text run among `items` that shows `mark` so that the mark is an item of its
/// own in `role` (a footnote's reference), the text before and after it items of their
/// own at the same origin. Returns whether the mark was found.
pub fn cut_out(items: &mut Vec<(Point, Item, Role)>, mark: &str, role: Role) -> bool {
    for index in 0..items.len() {
        let (at, Item::Text(run), text_role) = &items[index] else {
            continue;
        };
        if *text_role != Role::Text {
            continue;
        }
        let Some((start, end)) = glyph_span(run, mark) else {
            continue;
        };
        let (at, run, text_role) = (*at, run.clone(), *text_role);
        let piece = |range: std::ops::Range<usize>| GlyphRun {
            glyphs: run.glyphs[range].into(),
            ..run.clone()
        };
        let mut pieces = Vec::with_capacity(3);
        if start > 0 {
            pieces.push((at, Item::Text(piece(0..start)), text_role));
        }
        pieces.push((at, Item::Text(piece(start..end)), role));
        if end < run.glyphs.len() {
            pieces.push((at, Item::Text(piece(end..run.glyphs.len())), text_role));
        }
        items.splice(index..=index, pieces);
        return true;
    }
    false
}

/// The glyphs of `run` that show exactly `text`, as a range.
fn glyph_span(run: &GlyphRun, text: &str) -> Option<(usize, usize)> {
    for start in 0..run.glyphs.len() {
        if run.glyph_text(&run.glyphs[start]).is_empty() {
            continue;
        }
        let mut shown = String::new();
        for end in start..run.glyphs.len() {
            shown.push_str(run.glyph_text(&run.glyphs[end]));
            if shown == text {
                return Some((start, end + 1));
            }
            if !text.starts_with(shown.as_str()) {
                break;
            }
        }
    }
    None
}
