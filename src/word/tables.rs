//! Tables in the Word document: the title block (labels shaded, as on the page) and the
//! brief's tables, clearance and contact rows in the Table Grid style, with the column
//! widths the layout chose, a shaded bold header row, and day rows spanning the table.

use docx_rs::{
    HeightRule, Shading, ShdType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use crate::layout::{Color, MetaTable, TablePlan};

use super::runs::{Ids, add_request};
use super::styles::{Emphasis, TABLE_GRID, TABLE_TEXT, TITLE_BLOCK, TITLE_BLOCK_LABEL, hex, twips};

/// The row height that marks a header row until the package is finished.
pub(super) const HEADER_ROW_SIGN: f32 = 1.0;

/// What docx-rs writes for [`HEADER_ROW_SIGN`].
pub(super) const HEADER_ROW_XML: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

fn shade() -> Shading {
    Shading::new()
        .shd_type(ShdType::Clear)
        .color("auto")
        .fill(hex(Color::SHADE))
}

fn width(points: crate::units::Pt) -> usize {
    twips(points.0).max(0) as usize
}

/// The title block: a shaded label and its value on each row.
pub(super) fn title_block(table: &MetaTable, ids: &mut Ids) -> Table {
    let label_width = width(table.label_width);
    let value_width = width(table.value_width);
    let rows = table
        .rows
        .iter()
        .map(|[label, value]| {
            let label = add_request(
                ids.styled(TITLE_BLOCK_LABEL),
                label,
                Emphasis {
                    bold: true,
                    italic: false,
                },
                ids,
            );
            let value = add_request(ids.styled(TITLE_BLOCK), value, Emphasis::default(), ids);
            TableRow::new(vec![
                TableCell::new()
                    .add_paragraph(label)
                    .width(label_width, WidthType::Dxa)
                    .shading(shade()),
                TableCell::new()
                    .add_paragraph(value)
                    .width(value_width, WidthType::Dxa),
            ])
            .cant_split()
        })
        .collect();
    Table::new(rows)
        .style(TABLE_GRID)
        .set_grid(vec![label_width, value_width])
        .width(label_width + value_width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// A table as the layout plans it: its header row shaded, rows that span the table as
/// one cell.
/// `plan` as a Word table; with `identity`, each cell's paragraph carries a bookmark
/// naming the table's block and the cell (a Word file exported for review).
pub(super) fn table(
    plan: &TablePlan,
    ids: &mut Ids,
    identity: Option<crate::layout::BlockId>,
) -> Table {
    let columns: Vec<usize> = plan.columns.iter().map(|c| width(*c)).collect();
    let total: usize = columns.iter().sum();
    let rows = plan
        .rows
        .iter()
        .enumerate()
        .map(|(index, cells)| {
            let header = plan.header && index == 0;
            let spans = cells.len() == 1 && columns.len() > 1;
            let cells = cells
                .iter()
                .enumerate()
                .map(|(column, request)| {
                    let mut paragraph =
                        add_request(ids.styled(TABLE_TEXT), request, Emphasis::default(), ids);
                    if let Some(block) = identity {
                        let id = ids.bookmark();
                        let name =
                            crate::layout::ReviewIdentity::cell_bookmark(block, index, column);
                        paragraph.children.insert(
                            0,
                            docx_rs::ParagraphChild::BookmarkEnd(docx_rs::BookmarkEnd::new(id)),
                        );
                        paragraph.children.insert(
                            0,
                            docx_rs::ParagraphChild::BookmarkStart(docx_rs::BookmarkStart::new(
                                id, name,
                            )),
                        );
                    }
                    let mut cell = TableCell::new().add_paragraph(paragraph);
                    if spans {
                        cell = cell.grid_span(columns.len()).width(total, WidthType::Dxa);
                    } else if let Some(width) = columns.get(column) {
                        cell = cell.width(*width, WidthType::Dxa);
                    }
                    if header {
                        cell = cell.shading(shade());
                    }
                    cell
                })
                .collect();
            let row = TableRow::new(cells).cant_split();
            if header {
                // docx-rs cannot mark a header row; this height (one twip, at least) is
                // the sign the packaging step turns into `<w:tblHeader />`, so the row
                // repeats at the top of every page the table runs onto.
                row.row_height(HEADER_ROW_SIGN)
                    .height_rule(HeightRule::AtLeast)
            } else {
                row
            }
        })
        .collect();
    Table::new(rows)
        .style(TABLE_GRID)
        .set_grid(columns)
        .width(total, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}
