//! The Library tab: the officer's libraries, search and filters, the lines found (drag
//! one into the brief), the preview of a line with its history, and the forms for a new
//! or edited line and for merging a sync client's copy.

use super::action::LibraryAction;
use super::state::{LineDraft, MergeDraft};
use crate::app::command::Command;
use crate::app::drag::{DragPayload, drag_source_ui};
use crate::app::state::AppState;
use crate::library::{Expiry, Filter, Status};

/// At most this many lines are listed; the search narrows the rest.
const LISTED: usize = 200;

fn send(state: &mut AppState, action: LibraryAction) {
    state.send(Command::Library(Box::new(action)));
}

/// The Library tab.
pub fn library_pane_ui(ui: &mut egui::Ui, state: &mut AppState) {
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
    super::notices::library_notices_ui(ui, state);
    folders_ui(ui, state);
    ui.separator();
    if let Some(merge) = state.library_pane().merge.clone() {
        return merge_ui(ui, state, merge);
    }
    if let Some(draft) = state.library_pane().draft.clone() {
        return draft_ui(ui, state, draft);
    }
    filter_ui(ui, state);
    egui::ScrollArea::vertical()
        .id_salt("library lines")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            lines_ui(ui, state);
            ui.separator();
            preview_ui(ui, state);
        });
}

fn folders_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let mut typed = state.library_pane().folder_typed.clone();
    ui.horizontal(|ui| {
        let label = ui.label("Library folder");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut typed)
                    .hint_text("a folder on a drive or synced")
                    .desired_width(ui.available_width()),
            )
            .labelled_by(label.id);
        if field.changed() {
            send(state, LibraryAction::TypeFolder(typed.clone()));
        }
    });
    // The buttons on a row of their own, wrapping, so that none is cut off by the pane.
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add library").clicked() {
            send(state, LibraryAction::AddFolder(typed.clone().into()));
        }
        if ui
            .button("Browse…")
            .on_hover_text("Choose any file in the library folder")
            .clicked()
        {
            send(state, LibraryAction::BrowseFolder);
        }
        if ui.button("Refresh").clicked() {
            send(state, LibraryAction::Refresh);
        }
    });
    let mut actions = Vec::new();
    for (index, open) in state.library_pane().libraries.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            match &open.opened {
                Ok(library) => {
                    ui.label(format!(
                        "{} ({})",
                        library.info.name,
                        crate::model::count_of(library.lines.len(), "line")
                    ));
                    if ui.small_button("New line").clicked() {
                        actions.push(LibraryAction::NewLine { library: index });
                    }
                }
                Err(why) => {
                    ui.colored_label(ui.visuals().warn_fg_color, why);
                }
            }
            if ui.small_button("Remove").clicked() {
                actions.push(LibraryAction::RemoveFolder(open.folder.clone()));
            }
        });
        if let Ok(library) = &open.opened {
            for (copy_index, copy) in library.conflicts.iter().enumerate() {
                // The button first: a long file name wraps instead of pushing it out of
                // the pane.
                ui.horizontal_wrapped(|ui| {
                    if ui.small_button("Merge…").clicked() {
                        actions.push(LibraryAction::StartMerge {
                            library: index,
                            copy: copy_index,
                        });
                    }
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!("Sync conflict copy: {}", copy.file),
                    );
                });
            }
            for problem in &library.problems {
                ui.weak(format!("Not read: {problem}"));
            }
        }
    }
    for action in actions {
        send(state, action);
    }
}

fn filter_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let before = state.library_pane().filter.clone();
    let mut filter = before.clone();
    let (tags, owners) = {
        let mut tags: Vec<String> = Vec::new();
        let mut owners: Vec<String> = Vec::new();
        for library in state.library_pane().open_libraries() {
            tags.extend(library.tags().into_iter().map(str::to_owned));
            owners.extend(library.owners().into_iter().map(str::to_owned));
        }
        tags.sort();
        tags.dedup();
        owners.sort();
        owners.dedup();
        (tags, owners)
    };
    ui.horizontal(|ui| {
        let label = ui.label("Search lines");
        ui.add(
            egui::TextEdit::singleline(&mut filter.query)
                .hint_text("words in the text, topic, tags or owner")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    // Each filter's name before its choice, as a form reads (egui puts a combo box's own
    // label after it), one filter a row: two a row ran past a laptop's narrow pane.
    egui::Grid::new("library filters")
        .num_columns(2)
        .show(ui, |ui| {
            choice_ui(ui, "Tag", &mut filter.tag, &tags);
            ui.end_row();
            choice_ui(ui, "Owner", &mut filter.owner, &owners);
            ui.end_row();
            let label = ui.add(egui::Label::new("Status").wrap_mode(egui::TextWrapMode::Extend));
            egui::ComboBox::from_id_salt("library status")
                .width(choice_width(ui))
                .selected_text(filter.status.map_or("Any", Status::word))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.status, None, "Any");
                    for status in Status::ALL {
                        ui.selectable_value(&mut filter.status, Some(status), status.word());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.add(egui::Label::new("Review").wrap_mode(egui::TextWrapMode::Extend));
            egui::ComboBox::from_id_salt("library review")
                .width(choice_width(ui))
                .selected_text(match filter.expiry {
                    Expiry::Any => "Any",
                    Expiry::DueBy => "Due within 30 days",
                    Expiry::Expired => "Expired",
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut filter.expiry, Expiry::Any, "Any");
                    ui.selectable_value(&mut filter.expiry, Expiry::DueBy, "Due within 30 days");
                    ui.selectable_value(&mut filter.expiry, Expiry::Expired, "Expired");
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
        });
    filter.today = crate::library::today();
    filter.soon = crate::library::days_from_today(30);
    if filter != before {
        send(state, LibraryAction::SetFilter(filter));
    }
}

/// A filter's choice as wide as the pane leaves it, within reason; a long tag or owner
/// name is cut in the box and shown whole in its list.
fn choice_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() - ui.spacing().icon_width).clamp(60.0, 220.0)
}

fn choice_ui(ui: &mut egui::Ui, label: &str, chosen: &mut Option<String>, all: &[String]) {
    let name = ui.add(egui::Label::new(label).wrap_mode(egui::TextWrapMode::Extend));
    egui::ComboBox::from_id_salt(("library filter", label))
        .width(choice_width(ui))
        .selected_text(chosen.clone().unwrap_or_else(|| "Any".to_owned()))
        .show_ui(ui, |ui| {
            ui.selectable_value(chosen, None, "Any");
            for value in all {
                ui.selectable_value(chosen, Some(value.clone()), value);
            }
        })
        .response
        .labelled_by(name.id);
}

fn lines_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let filter: Filter = state.library_pane().filter.clone();
    let today = crate::library::today();
    let mut actions = Vec::new();
    let mut listed = 0;
    let mut more = 0;
    let selected = state
        .library_pane()
        .selected
        .as_ref()
        .map(|(l, line)| (*l, line.id.clone()));
    for (library_index, open) in state.library_pane().libraries.iter().enumerate() {
        let Ok(library) = &open.opened else { continue };
        for line in library.search(&filter) {
            if listed >= LISTED {
                more += 1;
                continue;
            }
            listed += 1;
            let index = library
                .lines
                .iter()
                .position(|l| l.id == line.id)
                .unwrap_or(0);
            let id = egui::Id::unique(("library line", library_index, line.id.as_str()));
            let is_selected = selected.as_ref() == Some(&(library_index, line.id.clone()));
            let mut badge = line.status.word().to_owned();
            if line.is_expired(&today) {
                badge.push_str(", expired");
            }
            let row = drag_source_ui(
                ui,
                id,
                DragPayload::LibraryLine {
                    library: library_index,
                    line: index,
                },
                &line.text,
                |ui| {
                    // Wrapped to the pane, so a long line never widens it past the window.
                    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                    let text = crate::model::shorten(&line.text, 90);
                    ui.selectable_label(is_selected, format!("{text} [{badge}]"))
                },
            );
            if row.inner.clicked() || row.response.clicked() {
                actions.push(LibraryAction::Select {
                    library: library_index,
                    line: line.id.clone(),
                });
            }
        }
    }
    if listed == 0 {
        ui.weak("No lines. Add a library folder above, or change the search.");
    }
    if more > 0 {
        ui.weak(format!("{more} more; narrow the search to see them."));
    }
    for action in actions {
        send(state, action);
    }
}

fn preview_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let Some((library, line)) = state.library_pane().selected.clone() else {
        return;
    };
    ui.label(egui::RichText::new(&line.text).strong());
    let field = |ui: &mut egui::Ui, name: &str, value: &str| {
        if !value.trim().is_empty() {
            ui.label(format!("{name}: {value}"));
        }
    };
    field(ui, "Topic", &line.topic);
    field(ui, "Tags", &line.tags.join(", "));
    field(ui, "Marking", &line.marking);
    field(ui, "Owner", &line.owner);
    field(ui, "Status", line.status.word());
    field(ui, "Approved by", &line.approved_by);
    field(ui, "Approved on", &line.approved_on);
    field(ui, "Review by", &line.review_by);
    field(ui, "Sources", &line.sources.join("; "));
    field(ui, "Version", &line.version.to_string());
    ui.horizontal(|ui| {
        if ui.button("Add to brief").clicked() {
            send(
                state,
                LibraryAction::UseLine {
                    library,
                    line: line.id.clone(),
                    part: None,
                },
            );
        }
        if ui.button("Edit line").clicked() {
            send(state, LibraryAction::EditSelected);
        }
        if line.status != Status::Approved && ui.button("Approve").clicked() {
            send(state, LibraryAction::ApproveSelected);
        }
        if line.status != Status::Withdrawn && ui.button("Withdraw").clicked() {
            send(state, LibraryAction::WithdrawSelected);
        }
    });
    egui::CollapsingHeader::new(format!(
        "History ({})",
        crate::model::count_of(line.history.len(), "save")
    ))
    .id_salt(("library history", &line.id))
    .show(ui, |ui| {
        for entry in line.history.iter().rev() {
            ui.label(format!(
                "v{} {} by {} on {}: {}",
                entry.version,
                entry.action.word(),
                entry.by,
                crate::dates::long_date(&entry.at).unwrap_or_default(),
                crate::model::shorten(&entry.text, 120)
            ));
        }
    });
}

fn draft_ui(ui: &mut egui::Ui, state: &mut AppState, mut draft: LineDraft) {
    ui.label(
        egui::RichText::new(if draft.base.is_some() {
            "Edit line"
        } else {
            "New line"
        })
        .strong(),
    );
    let before = draft.clone();
    let label = ui.label("Line text");
    ui.add(
        egui::TextEdit::multiline(&mut draft.text)
            .desired_rows(4)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    for (name, value) in [
        ("Topic", &mut draft.topic),
        ("Tags (comma-separated)", &mut draft.tags),
        ("Marking", &mut draft.marking),
        ("Review by (YYYY-MM-DD)", &mut draft.review_by),
    ] {
        ui.horizontal(|ui| {
            let label = ui.label(name);
            ui.text_edit_singleline(value).labelled_by(label.id);
        });
    }
    if draft != before {
        send(state, LibraryAction::EditDraft(draft));
    }
    ui.horizontal(|ui| {
        if ui.button("Save line").clicked() {
            send(state, LibraryAction::SaveDraft);
        }
        if ui.button("Cancel").clicked() {
            send(state, LibraryAction::CancelDraft);
        }
    });
}

fn merge_ui(ui: &mut egui::Ui, state: &mut AppState, mut merge: MergeDraft) {
    ui.label(egui::RichText::new(format!("Merge {}", merge.copy.file)).strong());
    ui.label("The library's words:");
    ui.label(&merge.ours);
    ui.label(format!(
        "The copy's words (saved by {}):",
        if merge.copy.line.modified_by.is_empty() {
            "someone"
        } else {
            &merge.copy.line.modified_by
        }
    ));
    ui.label(&merge.copy.line.text);
    let before = merge.clone();
    ui.horizontal(|ui| {
        if ui.button("Use the library's").clicked() {
            merge.text = merge.ours.clone();
        }
        if ui.button("Use the copy's").clicked() {
            merge.text = merge.copy.line.text.clone();
        }
    });
    let label = ui.label("Merged text");
    ui.add(egui::TextEdit::multiline(&mut merge.text).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    if merge != before {
        send(state, LibraryAction::EditMerge(merge));
    }
    ui.horizontal(|ui| {
        if ui.button("Merge").clicked() {
            send(state, LibraryAction::FinishMerge);
        }
        if ui.button("Cancel").clicked() {
            send(state, LibraryAction::CancelMerge);
        }
    });
}
