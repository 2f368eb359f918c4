//! Breaking the flow into pages: spacing, keep-with-next, widows and orphans, and the
//! header and footer of every page.

use crate::fonts::Typesetter;
use crate::model::{BlockId, Project};
use crate::template::Template;
use crate::units::{Point, Pt, Size};

use super::furniture::{Banner, furniture};
use super::slabs::{FlowBlock, Slab};
use super::{Color, Diagnostic, Item, Laid, OutlineEntry, Page, Positioned, Tag};

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
    /// Footnotes of the lines placed on the current page, for its foot, with the
    /// element that references each.
    notes: Vec<(Option<u32>, Slab)>,
    notes_height: Pt,
}

/// Space between the text and the rule above the footnotes, and the rule's length.
const NOTES_GAP: Pt = Pt(8.0);
const NOTES_RULE: Pt = Pt(72.0);

impl Pager {
    fn at_top(&self) -> bool {
        self.pending_space.is_none()
    }

    fn new_page(&mut self) {
        self.flush_notes();
        self.pages.push(Vec::new());
        self.y = self.top;
        self.pending_space = None;
    }

    fn gap(&self, space_before: Pt) -> Pt {
        self.pending_space
            .map_or(Pt::ZERO, |after| after.max(space_before))
    }

    fn room(&self) -> Pt {
        let notes = if self.notes.is_empty() {
            Pt::ZERO
        } else {
            self.notes_height + NOTES_GAP
        };
        self.bottom - self.y - notes
    }

    /// Sets the current page's footnotes at its foot, under a short rule.
    fn flush_notes(&mut self) {
        if self.notes.is_empty() {
            return;
        }
        let notes = std::mem::take(&mut self.notes);
        let mut y = self.bottom - std::mem::take(&mut self.notes_height);
        let left = self.left;
        if let Some(page) = self.pages.last_mut() {
            page.push(Positioned {
                at: Point::new(left, y - NOTES_GAP / 2.0),
                item: Item::Rule {
                    to: Point::new(NOTES_RULE, Pt::ZERO),
                    thickness: Pt(0.5),
                    color: Color::MUTED,
                },
                block: None,
                tag: Tag::ARTIFACT,
            });
            for (element, note) in &notes {
                page.extend(note.items.iter().map(|(point, item, role)| Positioned {
                    at: Point::new(left + point.x, y + point.y),
                    item: item.clone(),
                    block: None,
                    tag: Tag {
                        element: *element,
                        role: *role,
                    },
                }));
                y += note.height;
            }
        }
    }

    /// Puts a slab's items onto the current page, as content of `element` or, for a
    /// table's header row placed again, as artifacts.
    fn place(&mut self, slab: &Slab, block: Option<BlockId>, element: Option<u32>, again: bool) {
        let (left, y) = (self.left, self.y);
        if let Some(page) = self.pages.last_mut() {
            page.extend(slab.items.iter().map(|(point, item, role)| Positioned {
                at: Point::new(left + point.x, y + point.y),
                item: item.clone(),
                block,
                tag: if again {
                    Tag::ARTIFACT
                } else {
                    Tag {
                        element,
                        role: *role,
                    }
                },
            }));
        }
        self.y += slab.height;
        for note in &slab.notes {
            self.notes_height += note.height;
            self.notes.push((element, note.clone()));
        }
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
    banner: Banner,
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
        notes: Vec::new(),
        notes_height: Pt::ZERO,
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

    pager.flush_notes();
    let total = pager.pages.len();
    let pages = pager
        .pages
        .into_iter()
        .enumerate()
        .map(|(index, mut items)| {
            items.extend(furniture(
                index, total, project, template, &banner, typesetter,
            ));
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
        banner,
        facts: super::Facts::default(),
        document: None,
    }
}

/// Places a block's slabs, splitting across pages between slabs where allowed and never
/// leaving fewer than [`MIN_LINES`] lines of a paragraph alone on either side of the break.
fn place_block(pager: &mut Pager, block: FlowBlock) {
    let (splittable, id, element) = (block.splittable, block.block, block.element);
    let header = block.repeat_first.then(|| block.slabs.first()).flatten();
    let mut rest: &[Slab] = &block.slabs;
    while !rest.is_empty() {
        let mut fit = 0;
        let mut used = Pt::ZERO;
        // Footnotes of lines tried so far count against the page as if placed.
        let mut notes = Pt::ZERO;
        let mut first_note = pager.notes.is_empty();
        while fit < rest.len() {
            let slab = &rest[fit];
            let slab_notes = if slab.notes.is_empty() {
                Pt::ZERO
            } else {
                let gap = if first_note { NOTES_GAP } else { Pt::ZERO };
                gap + height(&slab.notes)
            };
            if used + slab.height + notes + slab_notes > pager.room() + Pt(0.01) {
                break;
            }
            first_note &= slab.notes.is_empty();
            used += slab.height;
            notes += slab_notes;
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
            pager.place(slab, id, element, false);
        }
        rest = left;
        if !rest.is_empty() {
            pager.new_page();
            if let Some(header) = header
                && take > 0
            {
                pager.place(header, id, element, true);
            }
        }
    }
}
