//! Breaking the flow into pages: spacing, keep-with-next, widows and orphans, and the
//! header and footer of every page.

use crate::fonts::{ParagraphStyle, StyledSpan, Typesetter};
use crate::model::{BlockId, Project};
use crate::template::{Align, Style, Template};
use crate::units::{Point, Pt, Size};

use super::content::{FlowBlock, Slab};
use super::{Color, Diagnostic, GlyphRun, Item, Laid, OutlineEntry, Page, Positioned};

/// Fewest lines of a paragraph left alone at the foot or head of a page.
const MIN_LINES: usize = 2;

struct Pager {
    pages: Vec<Vec<Positioned>>,
    outline: Vec<OutlineEntry>,
    diagnostics: Vec<Diagnostic>,
    left: Pt,
    top: Pt,
    bottom: Pt,
    y: Pt,
    /// Space owed after the last placed block; `None` at the top of a page.
    pending_space: Option<Pt>,
}

impl Pager {
    fn at_top(&self) -> bool {
        self.pending_space.is_none()
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.top;
        self.pending_space = None;
    }

    fn gap(&self, space_before: Pt) -> Pt {
        self.pending_space
            .map_or(Pt::ZERO, |after| after.max(space_before))
    }

    fn room(&self) -> Pt {
        self.bottom - self.y
    }

    /// Puts a slab's items onto the current page.
    fn place(&mut self, slab: &Slab, block: Option<BlockId>) {
        let (left, y) = (self.left, self.y);
        if let Some(page) = self.pages.last_mut() {
            page.extend(slab.items.iter().map(|(point, item)| Positioned {
                at: Point::new(left + point.x, y + point.y),
                item: item.clone(),
                block,
            }));
        }
        self.y += slab.height;
    }
}

fn height(slabs: &[Slab]) -> Pt {
    slabs.iter().fold(Pt::ZERO, |sum, slab| sum + slab.height)
}

/// How much of `block` must fit below the current position before it may start there.
fn lead_height(block: &FlowBlock) -> Pt {
    if block.splittable && block.slabs.len() >= 2 * MIN_LINES {
        height(&block.slabs[..MIN_LINES])
    } else {
        height(&block.slabs)
    }
}

/// Lays the flow onto pages and adds the header and footer of each page.
pub fn paginate(
    flow: Vec<FlowBlock>,
    project: &Project,
    template: &Template,
    typesetter: &mut Typesetter,
) -> Laid {
    let page = &template.page;
    let mut pager = Pager {
        pages: Vec::new(),
        outline: Vec::new(),
        diagnostics: Vec::new(),
        left: Pt::mm(page.margin_left_mm),
        top: Pt::mm(page.margin_top_mm),
        bottom: page.height() - Pt::mm(page.margin_bottom_mm),
        y: Pt::ZERO,
        pending_space: None,
    };
    pager.new_page();

    // What the block after each one needs, for keep-with-next, before the flow is consumed.
    let leads: Vec<(Pt, Pt)> = flow
        .iter()
        .map(|b| (b.space_before, lead_height(b)))
        .collect();
    for (index, block) in flow.into_iter().enumerate() {
        if block.page_break_before && !pager.at_top() {
            pager.new_page();
        }
        let mut needed = lead_height(&block);
        if block.keep_with_next
            && let Some((next_space_before, next_lead)) = leads.get(index + 1)
        {
            needed = height(&block.slabs) + block.space_after.max(*next_space_before) + *next_lead;
        }
        if !pager.at_top() && pager.gap(block.space_before) + needed > pager.room() {
            pager.new_page();
        }
        pager.y += pager.gap(block.space_before);
        if let Some(title) = &block.outline {
            pager.outline.push(OutlineEntry {
                title: title.clone(),
                page: pager.pages.len().saturating_sub(1),
                y: pager.y,
            });
        }
        let space_after = block.space_after;
        place_block(&mut pager, block);
        pager.pending_space = Some(space_after);
    }

    let total = pager.pages.len();
    let pages = pager
        .pages
        .into_iter()
        .enumerate()
        .map(|(index, mut items)| {
            items.extend(furniture(index, total, project, template, typesetter));
            Page {
                size: Size {
                    width: page.width(),
                    height: page.height(),
                },
                items,
            }
        })
        .collect();
    Laid {
        pages,
        outline: pager.outline,
        diagnostics: pager.diagnostics,
        page_budget: template.page_budget,
    }
}

/// Places a block's slabs, splitting across pages between slabs where allowed and never
/// leaving fewer than [`MIN_LINES`] lines of a paragraph alone on either side of the break.
fn place_block(pager: &mut Pager, block: FlowBlock) {
    let (splittable, id) = (block.splittable, block.block);
    let mut rest: &[Slab] = &block.slabs;
    while !rest.is_empty() {
        let mut fit = 0;
        let mut used = Pt::ZERO;
        while fit < rest.len() && used + rest[fit].height <= pager.room() + Pt(0.01) {
            used += rest[fit].height;
            fit += 1;
        }
        let mut take = if fit == rest.len() {
            fit
        } else if splittable && rest.len() >= 2 * MIN_LINES {
            let most = fit.min(rest.len() - MIN_LINES);
            if most >= MIN_LINES { most } else { 0 }
        } else {
            0
        };
        if take == 0 && pager.y <= pager.top + Pt(0.01) {
            // Even a fresh page cannot hold this block whole: split it wherever it must
            // be split, placing at least one slab, rather than loop for ever.
            take = fit.max(1);
            if rest[0].height > pager.room() {
                pager.diagnostics.push(Diagnostic::warning(
                    "a block is taller than the page and runs into the bottom margin".to_owned(),
                    id,
                ));
            }
        }
        let (placed, left) = rest.split_at(take.min(rest.len()));
        for slab in placed {
            pager.place(slab, id);
        }
        rest = left;
        if !rest.is_empty() {
            pager.new_page();
        }
    }
}

/// The classification banner, page number and reference of one page.
fn furniture(
    index: usize,
    total: usize,
    project: &Project,
    template: &Template,
    typesetter: &mut Typesetter,
) -> Vec<Positioned> {
    let meta = &project.brief.meta;
    let page = &template.page;
    let left = Pt::mm(page.margin_left_mm);
    let width = page.text_width();
    let marking = if meta.classification.trim().is_empty() {
        template.default_classification.as_str()
    } else {
        meta.classification.trim()
    };
    let mut items = Vec::new();
    let mut text_at = |text: &str,
                       style: &Style,
                       align: Align,
                       baseline_y: Pt,
                       color: Color,
                       items: &mut Vec<Positioned>| {
        let paragraph_style = ParagraphStyle {
            family: template.fonts.body.clone(),
            fallback: template.fonts.fallback.clone(),
            size: Pt(style.size_pt),
            leading: style.leading,
            bold: style.bold,
            italic: style.italic,
            align,
        };
        let set = typesetter.set(&[StyledSpan::plain(text)], &paragraph_style, width);
        if let Some(line) = set.lines.first() {
            for run in &line.runs {
                items.push(Positioned {
                    at: Point::new(left + run.x, baseline_y),
                    item: Item::Text(GlyphRun {
                        face: run.face,
                        size: run.size,
                        color,
                        glyphs: run.glyphs.clone(),
                        text: run.text.clone(),
                    }),
                    block: None,
                });
            }
        }
    };
    let header_y = Pt::mm(page.margin_top_mm * 0.55);
    let footer_y = page.height() - Pt::mm(page.margin_bottom_mm * 0.45);
    let header = &template.styles.header;
    if template.header.classification {
        text_at(
            marking,
            header,
            Align::Center,
            header_y,
            Color::BLACK,
            &mut items,
        );
    }
    if template.footer.classification {
        text_at(
            marking,
            header,
            Align::Center,
            footer_y,
            Color::BLACK,
            &mut items,
        );
    }
    let footer = &template.styles.footer;
    if template.footer.page_numbers {
        text_at(
            &format!("Page {} of {total}", index + 1),
            footer,
            Align::End,
            footer_y,
            Color::MUTED,
            &mut items,
        );
    }
    if template.footer.reference && !meta.reference.trim().is_empty() {
        text_at(
            meta.reference.trim(),
            footer,
            Align::Start,
            footer_y,
            Color::MUTED,
            &mut items,
        );
    }
    items
}
