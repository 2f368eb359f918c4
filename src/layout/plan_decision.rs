//! The parts of the plan that make a brief a decision instrument: recommendations with
//! their response boxes, tables, the signature block, and the clearance, contact officer
//! and attachment lists.

use crate::fonts::{ParagraphRequest, StyledSpan};
use crate::model::{Responses, parse_inline};
use crate::units::Pt;

use super::{BlockPlan, ListItem, Plan, spans_from_inline};

/// A table: column widths, cell padding, and each row's cells; the first row is the
/// header when `header` is set.
#[derive(Debug, Clone, PartialEq)]
pub struct TablePlan {
    pub columns: Vec<Pt>,
    pub padding: Pt,
    pub rows: Vec<Vec<ParagraphRequest>>,
    pub header: bool,
}

impl TablePlan {
    pub fn into_requests(self) -> Vec<ParagraphRequest> {
        self.rows.into_iter().flatten().collect()
    }
}

/// The ballot box printed before each response.
const BOX: &str = "\u{2610}";

/// Where the second response's box stands, from the first's.
pub const RESPONSE_COLUMN: Pt = Pt(130.0);

impl Plan<'_> {
    /// A recommendation: its number and text, then its two responses, each after a box.
    pub(super) fn recommendation(
        &self,
        text: &str,
        responses: Responses,
        label: &str,
        number_hang: Pt,
    ) -> BlockPlan {
        let item: ListItem = self.list_item(text, label, number_hang);
        let style = &self.template.styles.list;
        let options = responses.options().map(|option| {
            self.request(
                vec![StyledSpan::plain(format!("{BOX}\u{a0}{option}"))],
                style,
                RESPONSE_COLUMN - Pt(6.0),
            )
        });
        BlockPlan::Recommendation(Box::new(super::RecommendationPlan {
            indent: item.hang,
            item,
            responses: options,
        }))
    }

    /// A table block: the first row is its header, printed bold and repeated after a page
    /// break. Columns share the width in proportion to their longest cell, within limits.
    pub(super) fn table(&self, rows: &[Vec<String>]) -> BlockPlan {
        let rows: Vec<&Vec<String>> = rows
            .iter()
            .filter(|row| row.iter().any(|cell| !cell.trim().is_empty()))
            .collect();
        if rows.is_empty() {
            return BlockPlan::PageBreak;
        }
        let cells: Vec<Vec<&str>> = rows
            .iter()
            .map(|row| row.iter().map(|c| c.trim()).collect())
            .collect();
        BlockPlan::Table(self.table_of(&cells, true))
    }

    /// A table of plain cells across the text width. A row with only its first cell
    /// filled ("Tuesday 17 March" in a programme) spans the table, in bold.
    pub(super) fn table_of(&self, cells: &[Vec<&str>], header: bool) -> TablePlan {
        let count = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let spans = |index: usize, row: &Vec<&str>| {
            count > 1 && !(header && index == 0) && row.iter().skip(1).all(|cell| cell.is_empty())
        };
        let longest: Vec<f32> = (0..count)
            .map(|column| {
                cells
                    .iter()
                    .enumerate()
                    .filter(|(index, row)| !spans(*index, row))
                    .map(|(_, row)| row.get(column).map_or(0, |c| c.chars().count()))
                    .max()
                    .unwrap_or(0)
                    .clamp(6, 60) as f32
            })
            .collect();
        let padding = Pt(3.0);
        let style = &self.template.styles.meta;
        // No column narrower than its longest word (at about 0.6 em a character), so
        // "14:30" never breaks; the rest of the width is shared by longest cell.
        let least: Vec<Pt> = (0..count)
            .map(|column| {
                let word = cells
                    .iter()
                    .enumerate()
                    .filter(|(index, row)| !spans(*index, row))
                    .filter_map(|(_, row)| row.get(column))
                    .flat_map(|cell| cell.split_whitespace())
                    .map(|word| word.chars().count())
                    .max()
                    .unwrap_or(1)
                    .min(24);
                Pt(word as f32 * style.size_pt * 0.6) + padding * 2.0
            })
            .collect();
        let total: f32 = longest.iter().sum();
        let mut columns: Vec<Pt> = longest.iter().map(|l| self.width * (l / total)).collect();
        let short: Pt = columns
            .iter()
            .zip(&least)
            .map(|(width, least)| (*least - *width).max(Pt::ZERO))
            .fold(Pt::ZERO, |sum, gap| sum + gap);
        if short > Pt::ZERO {
            let spare: Pt = columns
                .iter()
                .zip(&least)
                .map(|(width, least)| (*width - *least).max(Pt::ZERO))
                .fold(Pt::ZERO, |sum, room| sum + room);
            let take = if spare > Pt::ZERO {
                (short.0 / spare.0).min(1.0)
            } else {
                0.0
            };
            for (width, least) in columns.iter_mut().zip(&least) {
                *width = if *width < *least {
                    *least
                } else {
                    *width - (*width - *least) * take
                };
            }
        }
        let mut bold = style.clone();
        bold.bold = true;
        let rows = cells
            .iter()
            .enumerate()
            .map(|(index, row)| {
                if spans(index, row) {
                    let text = row.first().copied().unwrap_or("");
                    return vec![self.request(
                        spans_from_inline(parse_inline(text)),
                        &bold,
                        self.width - padding * 2.0,
                    )];
                }
                (0..count)
                    .map(|column| {
                        let text = row.get(column).copied().unwrap_or("");
                        let style = if header && index == 0 { &bold } else { style };
                        self.request(
                            spans_from_inline(parse_inline(text)),
                            style,
                            columns[column] - padding * 2.0,
                        )
                    })
                    .collect()
            })
            .collect();
        TablePlan {
            columns,
            padding,
            rows,
            header,
        }
    }

    /// An unnumbered heading in the part heading style ("Clearance", "Attachments").
    pub fn plain_heading(&self, text: &str) -> ParagraphRequest {
        self.request(
            vec![StyledSpan::plain(text)],
            &self.template.styles.heading,
            self.width,
        )
    }

    /// "Minister's comments", and the signature and date labels, in the body style.
    pub fn signature_labels(&self) -> [ParagraphRequest; 3] {
        let style = &self.template.styles.body;
        ["Minister\u{2019}s comments:", "Signature", "Date"]
            .map(|label| self.request(vec![StyledSpan::plain(label)], style, self.width))
    }

    /// The clearance rows, with their header, if the template prints them and any exist.
    pub fn clearance_table(&self) -> Option<TablePlan> {
        let rows = &self.project.brief.meta.clearance;
        if !self.template.clearance || rows.is_empty() {
            return None;
        }
        let mut cells = vec![vec!["Cleared by", "Position", "Division", "Phone", "Date"]];
        cells.extend(rows.iter().map(|row| {
            vec![
                row.name.as_str(),
                row.position.as_str(),
                row.division.as_str(),
                row.phone.as_str(),
                row.date.as_str(),
            ]
        }));
        Some(self.table_of(&cells, true))
    }

    /// The contact officer's row, with its header.
    pub fn contact_table(&self) -> Option<TablePlan> {
        let contact = &self.project.brief.meta.contact;
        if !self.template.contact_officer || contact.is_empty() {
            return None;
        }
        let cells = vec![
            vec!["Contact officer", "Position", "Phone"],
            vec![
                contact.name.as_str(),
                contact.position.as_str(),
                contact.phone.as_str(),
            ],
        ];
        Some(self.table_of(&cells, true))
    }

    /// The attachments, lettered: "Attachment A" and its title, one per row.
    pub fn attachment_rows(&self) -> Vec<[ParagraphRequest; 2]> {
        if !self.template.attachments {
            return Vec::new();
        }
        let style = &self.template.styles.body;
        let mut bold = style.clone();
        bold.bold = true;
        let label_width = Pt(80.0);
        self.project
            .brief
            .meta
            .attachments
            .iter()
            .filter(|a| !a.title.trim().is_empty())
            .enumerate()
            .map(|(index, attachment)| {
                let letter = attachment_letter(index);
                [
                    self.request(
                        vec![StyledSpan::plain(format!("Attachment {letter}"))],
                        &bold,
                        label_width,
                    ),
                    self.request(
                        spans_from_inline(parse_inline(attachment.title.trim())),
                        style,
                        self.width - label_width,
                    ),
                ]
            })
            .collect()
    }
}

/// A, B, … Z, then AA, AB, …
pub fn attachment_letter(index: usize) -> String {
    let letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    if index < 26 {
        (letters[index] as char).to_string()
    } else {
        format!(
            "{}{}",
            letters[(index / 26 - 1) % 26] as char,
            letters[index % 26] as char
        )
    }
}
