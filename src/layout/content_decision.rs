//! Building the blocks of a decision brief into the flow: recommendations with their
//! response boxes, the signature block kept whole, tables whose header row repeats after
//! a page break, and the clearance, contact officer and attachment lists.

use crate::fonts::ParagraphRequest;
use crate::model::BlockId;
use crate::units::{Point, Pt, Size};

use super::super::plan::{ListItem, RESPONSE_COLUMN, TablePlan};
use super::super::slabs::{FlowBlock, Slab, paragraph_slabs, stack_lines, text_height, with_role};
use super::super::{Color, Item, Role};
use super::Builder;

/// Height of each ruled line of the minister's comments space.
const COMMENT_LINE: Pt = Pt(20.0);

impl Builder<'_> {
    /// A recommendation and its response boxes, never split, and kept with what follows:
    /// the next recommendation or the signature block.
    pub(super) fn recommendation(
        &mut self,
        item: &ListItem,
        responses: &[ParagraphRequest; 2],
        indent: Pt,
        block: Option<BlockId>,
    ) {
        let mut slabs = self.list_item_slabs(item, block);
        let mut items = Vec::new();
        let mut height = Pt::ZERO;
        for (column, response) in responses.iter().enumerate() {
            let set = self.set(response, block);
            let x = indent + RESPONSE_COLUMN * column as f32;
            height = height.max(text_height(&set));
            items.extend(with_role(
                stack_lines(&set, Point::new(x, Pt(4.0)), Color::TEXT),
                Role::Piece(column as u8),
            ));
        }
        slabs.push(Slab {
            height: height + Pt(4.0),
            items,
            notes: Vec::new(),
        });
        let style = &self.template.styles.list;
        self.push(FlowBlock {
            slabs: slabs.into(),
            space_before: Pt(style.space_before_pt.max(4.0)),
            space_after: Pt(style.space_after_pt.max(6.0)),
            keep_with_next: true,
            splittable: false,
            repeat_first: false,
            page_break_before: false,
            block,
            outline: None,
            element: None,
        });
    }

    /// The minister's comments space, then the signature and date lines, as one block
    /// that is never split across pages.
    pub(super) fn signature_block(&mut self) {
        let [comments, signature, date] = self.plan.signature_labels();
        let width = self.template.page.text_width();
        let mut slabs = Vec::new();
        let comments = self.set(&comments, None);
        slabs.push(Slab {
            height: text_height(&comments),
            items: with_role(
                stack_lines(&comments, Point::default(), Color::TEXT),
                Role::Piece(0),
            ),
            notes: Vec::new(),
        });
        for _ in 0..3 {
            slabs.push(ruled(Point::new(Pt::ZERO, COMMENT_LINE), width));
        }
        let signature = self.set(&signature, None);
        let date = self.set(&date, None);
        let label_height = text_height(&signature).max(text_height(&date));
        let date_x = width * 0.62;
        let line_y = COMMENT_LINE * 1.5;
        let mut items = with_role(
            stack_lines(
                &signature,
                Point::new(Pt::ZERO, line_y + Pt(2.0)),
                Color::TEXT,
            ),
            Role::Piece(1),
        );
        items.extend(with_role(
            stack_lines(&date, Point::new(date_x, line_y + Pt(2.0)), Color::TEXT),
            Role::Piece(2),
        ));
        for (x, length) in [(Pt::ZERO, width * 0.55), (date_x, width - date_x)] {
            items.push((
                Point::new(x, line_y),
                Item::Rule {
                    to: Point::new(length, Pt::ZERO),
                    thickness: Pt(0.6),
                    color: Color::TEXT,
                },
                Role::Artifact,
            ));
        }
        slabs.push(Slab {
            height: line_y + label_height + Pt(2.0),
            items,
            notes: Vec::new(),
        });
        self.push(FlowBlock {
            slabs: slabs.into(),
            space_before: Pt(10.0),
            space_after: Pt(12.0),
            keep_with_next: false,
            splittable: false,
            repeat_first: false,
            page_break_before: false,
            block: None,
            outline: None,
            element: None,
        });
    }

    /// A table: a slab per row with its cells ruled; the header row is shaded and comes
    /// again at the top of each page the table continues on.
    pub(super) fn table(&mut self, table: &TablePlan, block: Option<BlockId>) {
        let mut slabs = Vec::new();
        for (index, row) in table.rows.iter().enumerate() {
            let sets: Vec<_> = row.iter().map(|cell| self.set(cell, block)).collect();
            let height = sets
                .iter()
                .map(|set| text_height(set))
                .fold(Pt::ZERO, Pt::max)
                + table.padding * 2.0;
            let shaded = table.header && index == 0;
            let mut items = Vec::new();
            let mut x = Pt::ZERO;
            // A row of one cell spans the whole table.
            let full = [table.columns.iter().fold(Pt::ZERO, |sum, w| sum + *w)];
            let widths: &[Pt] = if sets.len() == 1 {
                &full
            } else {
                &table.columns
            };
            let row = u16::try_from(index).unwrap_or(u16::MAX);
            for (column, (set, width)) in sets.iter().zip(widths).enumerate() {
                let column = u16::try_from(column).unwrap_or(u16::MAX);
                items.push((
                    Point::new(x, Pt::ZERO),
                    Item::Rect {
                        size: Size {
                            width: *width,
                            height,
                        },
                        fill: shaded.then_some(Color::SHADE),
                        stroke: Some((Color::RULE, Pt(0.5))),
                    },
                    Role::Artifact,
                ));
                items.extend(with_role(
                    stack_lines(
                        set,
                        Point::new(x + table.padding, table.padding),
                        Color::TEXT,
                    ),
                    Role::Cell { row, column },
                ));
                x += *width;
            }
            slabs.push(Slab {
                height,
                items,
                notes: Vec::new(),
            });
        }
        let style = &self.template.styles.body;
        self.push(FlowBlock {
            slabs: slabs.into(),
            space_before: Pt(style.space_before_pt.max(4.0)),
            space_after: Pt(style.space_after_pt.max(8.0)),
            keep_with_next: false,
            splittable: true,
            repeat_first: table.header,
            page_break_before: false,
            block,
            outline: None,
            element: None,
        });
    }

    /// Clearance, contact officer and attachments, after the parts, each under its heading.
    pub(super) fn decision_lists(&mut self) {
        if let Some(table) = self.plan.clearance_table() {
            let heading = self.plan.plain_heading("Clearance");
            self.heading(&heading, "Clearance".to_owned());
            self.table(&table, None);
        }
        if let Some(table) = self.plan.contact_table() {
            self.table(&table, None);
        }
        let attachments = self.plan.attachment_rows();
        if !attachments.is_empty() {
            let heading = self.plan.plain_heading("Attachments");
            self.heading(&heading, "Attachments".to_owned());
            for [label, title] in &attachments {
                let label = self.set(label, None);
                let title = self.set(title, None);
                let label_width = label.lines.first().map_or(Pt::ZERO, |l| l.width);
                let mut slabs =
                    paragraph_slabs(&title, Pt(80.0).max(label_width + Pt(8.0)), Color::TEXT);
                if let Some(first) = slabs.first_mut() {
                    first.items.extend(with_role(
                        stack_lines(&label, Point::default(), Color::TEXT),
                        Role::Label,
                    ));
                }
                self.push(super::super::slabs::text_block(
                    slabs,
                    &self.template.styles.list,
                    None,
                ));
            }
        }
    }
}

/// An empty slab with a rule along its foot: a line to write on.
fn ruled(foot: Point, width: Pt) -> Slab {
    Slab {
        height: foot.y,
        items: vec![(
            Point::new(Pt::ZERO, foot.y - Pt(2.0)),
            Item::Rule {
                to: Point::new(width, Pt::ZERO),
                thickness: Pt(0.4),
                color: Color::RULE,
            },
            Role::Artifact,
        )],
        notes: Vec::new(),
    }
}
