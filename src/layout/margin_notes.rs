//! The review copy's comments in the margin: the page is widened by a column on the
//! right, and each comment stands in it level with the block it is on, in a box, with a
//! rule back to the text. Comments that do not fit beside their block go on down the
//! column, and on to the next page's column when the page runs out.

use crate::fonts::{ParagraphStyle, StyledSpan, Typesetter};
use crate::model::MarginNote;
use crate::template::Template;
use crate::units::{Point, Pt, Size};

use super::{Color, Item, Laid, Positioned};

/// How much wider the page is for the comments' column.
pub const NOTES_COLUMN_MM: f32 = 62.0;

/// A comment box's fill and border.
const NOTE_FILL: Color = Color {
    r: 0xfd,
    g: 0xf6,
    b: 0xd8,
};
const NOTE_BORDER: Color = Color {
    r: 0xc8,
    g: 0xa9,
    b: 0x3c,
};

/// `template` with room on the right for the comments' column; the text column is
/// where it was.
pub fn widened(template: &Template) -> Template {
    let mut wide = template.clone();
    wide.page.width_mm += NOTES_COLUMN_MM;
    wide.page.margin_right_mm += NOTES_COLUMN_MM;
    wide
}

/// Puts `notes` in the margin column of `laid`, laid out with `template` (widened).
pub fn place(
    laid: &mut Laid,
    notes: &[MarginNote],
    template: &Template,
    typesetter: &mut Typesetter,
) {
    if laid.pages.is_empty() {
        return;
    }
    let page = &template.page;
    let text_right = Pt::mm(page.width_mm - page.margin_right_mm);
    let column_x = text_right + Pt(12.0);
    let padding = Pt(4.0);
    let width = Pt::mm(NOTES_COLUMN_MM) - Pt(12.0) - Pt::mm(10.0);
    let top = Pt::mm(page.margin_top_mm);
    let bottom = Pt::mm(page.height_mm) - Pt::mm(page.margin_bottom_mm) + Pt(24.0);
    let style = ParagraphStyle {
        family: template.fonts.body.clone(),
        fallback: template.fonts.fallback.clone(),
        size: Pt(7.5),
        leading: 1.25,
        bold: false,
        italic: false,
        align: crate::fonts::Align::Start,
    };
    // Each note's page and height on it: beside the first line of its block, or at the
    // top of the first page for the title block and text that is gone.
    let mut anchored: Vec<(usize, Pt, &MarginNote)> = notes
        .iter()
        .map(|note| {
            let found = note.block.and_then(|block| {
                laid.pages.iter().enumerate().find_map(|(index, page)| {
                    page.items
                        .iter()
                        .filter(|p| p.block == Some(block))
                        .map(|p| p.at.y)
                        .reduce(|a, b| if b < a { b } else { a })
                        .map(|y| (index, y))
                })
            });
            let (page, y) = found.unwrap_or((0, top));
            (page, y, note)
        })
        .collect();
    anchored.sort_by(|a, b| {
        (a.0, a.1.0)
            .partial_cmp(&(b.0, b.1.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut cursor: Option<(usize, Pt)> = None;
    let pages = laid.pages.len();
    for (anchor_page, anchor_y, note) in anchored {
        let mut page_index = anchor_page;
        let set = typesetter.set(&spans(note), &style, width - padding * 2.0);
        let height = set
            .lines
            .iter()
            .fold(Pt::ZERO, |sum, line| sum + line.height)
            + padding * 2.0;
        let mut y = match cursor {
            Some((page, below)) if page == page_index => anchor_y.max(below),
            Some((page, below)) if page > page_index => {
                page_index = page;
                below
            }
            _ => anchor_y,
        };
        if y + height > bottom && page_index + 1 < pages && y > top {
            page_index += 1;
            y = top;
        }
        let Some(target) = laid.pages.get_mut(page_index) else {
            continue;
        };
        let push = |target: &mut super::Page, at: Point, item: Item| {
            // The review copy's notes stand outside the brief's structure: to a screen
            // reader they are artifacts, like the page furniture.
            target.items.push(Positioned {
                at,
                item,
                block: note.block,
                tag: super::Tag::ARTIFACT,
            });
        };
        push(
            target,
            Point::new(column_x, y),
            Item::Rect {
                size: Size { width, height },
                fill: Some(NOTE_FILL),
                stroke: Some((NOTE_BORDER, Pt(0.6))),
            },
        );
        // A rule from the text's edge to the box, at the height of what it is about.
        let rule_y = if page_index == anchor_page {
            anchor_y.max(top) + Pt(6.0)
        } else {
            // Carried on to a later page: the rule only leads into the box.
            y + Pt(6.0)
        };
        push(
            target,
            Point::new(text_right + Pt(2.0), rule_y),
            Item::Rule {
                to: Point::new(column_x - text_right - Pt(2.0), y + Pt(6.0) - rule_y),
                thickness: Pt(0.5),
                color: NOTE_BORDER,
            },
        );
        for (at, item, _) in super::slabs::stack_lines(
            &set,
            Point::new(column_x + padding, y + padding),
            Color::TEXT,
        ) {
            push(target, at, item);
        }
        cursor = Some((page_index, y + height + Pt(4.0)));
    }
}

/// A note's text: who and when in bold, what it is on in italics, then the comment and
/// its replies.
fn spans(note: &MarginNote) -> Vec<StyledSpan> {
    let mut spans = vec![StyledSpan {
        text: format!("{} ", note.heading),
        bold: true,
        italic: false,
        link: None,
    }];
    if !note.quote.is_empty() {
        spans.push(StyledSpan {
            text: format!("on \u{201c}{}\u{201d} ", note.quote),
            bold: false,
            italic: true,
            link: None,
        });
    }
    spans.push(StyledSpan::plain(note.text.clone()));
    spans
}
