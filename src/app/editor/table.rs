//! The table editor: a table block as a grid of cells, with its rows moved, deleted and
//! added and its columns added and removed, each change one undoable edit.

use crate::app::command::Command;
use crate::app::state::AppState;
use crate::model::{BlockId, Edit};

/// A table as a grid of cells: the first row is the header; each row can move up or down
/// or be deleted, and rows and columns can be added.
pub fn table_ui(ui: &mut egui::Ui, state: &mut AppState, block: BlockId, rows: &[Vec<String>]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let mut grid: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let mut row = row.clone();
            row.resize(columns, String::new());
            row
        })
        .collect();
    let mut changed = false;
    // Room for the row buttons (↑ ↓ Delete row), so that they stay inside the editor.
    let cell_width = ((ui.available_width() - 150.0) / columns as f32 - 8.0).max(50.0);
    let mut action: Option<(usize, RowAction)> = None;
    egui::Grid::new(("table", block.0))
        .num_columns(columns + 1)
        .show(ui, |ui| {
            for (index, row) in grid.iter_mut().enumerate() {
                for (column, cell) in row.iter_mut().enumerate() {
                    let mut edit = egui::TextEdit::singleline(cell);
                    if index == 0 {
                        edit = edit.font(egui::TextStyle::Button);
                    }
                    let name = if index == 0 {
                        format!("Header {}", column + 1)
                    } else {
                        format!("Row {index} cell {}", column + 1)
                    };
                    let layout = egui::Layout::centered_and_justified(ui.layout().main_dir());
                    let output = ui
                        .allocate_ui_with_layout(egui::vec2(cell_width, 20.0), layout, |ui| {
                            edit.show(ui)
                        })
                        .inner;
                    if let Some(field) =
                        crate::app::spelling::marks::Field::table_cell(block, rows, index, column)
                    {
                        crate::app::spelling::marks::spelling_marks_ui(
                            ui, state, field, cell, &output,
                        );
                    }
                    changed |= output.response.response.accessible_name(name).changed();
                }
                ui.horizontal(|ui| {
                    if index > 1
                        && ui
                            .small_button("\u{2191}")
                            .on_hover_text("Move this row up")
                            .clicked()
                    {
                        action = Some((index, RowAction::Up));
                    }
                    if index > 0
                        && index + 1 < rows.len()
                        && ui
                            .small_button("\u{2193}")
                            .on_hover_text("Move this row down")
                            .clicked()
                    {
                        action = Some((index, RowAction::Down));
                    }
                    if index > 0 && ui.small_button("Delete row").clicked() {
                        action = Some((index, RowAction::Delete));
                    }
                });
                ui.end_row();
            }
        });
    ui.horizontal(|ui| {
        if ui.small_button("Add row").clicked() {
            grid.push(vec![String::new(); columns]);
            changed = true;
        }
        if ui.small_button("Add column").clicked() {
            for row in &mut grid {
                row.push(String::new());
            }
            changed = true;
        }
        if columns > 1 && ui.small_button("Delete last column").clicked() {
            for row in &mut grid {
                row.pop();
            }
            changed = true;
        }
    });
    match action {
        Some((index, RowAction::Up)) => grid.swap(index, index - 1),
        Some((index, RowAction::Down)) => grid.swap(index, index + 1),
        Some((index, RowAction::Delete)) => {
            grid.remove(index);
        }
        None => {}
    }
    if changed || action.is_some() {
        state.send(Command::Edit(Edit::SetTableRows { block, rows: grid }));
    }
}

#[derive(Clone, Copy)]
enum RowAction {
    Up,
    Down,
    Delete,
}
