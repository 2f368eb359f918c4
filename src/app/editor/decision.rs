//! Editors for the blocks that make a brief a decision instrument: a recommendation's
//! responses, the "For action / For information" choice, and the clearance rows, contact
//! officer and attachments that follow the parts.

use crate::app::command::Command;
use crate::app::state::AppState;
use crate::model::{Addressee, Attachment, BlockId, Clearance, Edit, MetaField, Responses};

/// The response options of a recommendation, as a drop-down.
pub fn responses_ui(ui: &mut egui::Ui, state: &mut AppState, block: BlockId, current: Responses) {
    ui.horizontal(|ui| {
        let label = ui.label("Responses");
        egui::ComboBox::from_id_salt(("responses", block.0))
            .selected_text(current.label())
            .show_ui(ui, |ui| {
                for responses in Responses::ALL {
                    if ui
                        .selectable_label(responses == current, responses.label())
                        .clicked()
                        && responses != current
                    {
                        state.send(Command::Edit(Edit::SetResponses { block, responses }));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// "For action", "For information" or neither, after the To line.
pub fn to_for_ui(ui: &mut egui::Ui, state: &mut AppState, label: egui::Id) {
    let current = state.project().brief.meta.to_for.clone();
    let shown = if current.is_empty() {
        "(not said)"
    } else {
        current.as_str()
    };
    egui::ComboBox::from_id_salt("to-for")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for choice in ACTIONS {
                let text = if choice.is_empty() {
                    "(not said)"
                } else {
                    choice
                };
                if ui.selectable_label(current == choice, text).clicked() && current != choice {
                    state.send(Command::Edit(Edit::SetMeta(
                        MetaField::ToFor,
                        choice.to_owned(),
                    )));
                }
            }
        })
        .response
        .labelled_by(label);
}

const ACTIONS: [&str; 3] = ["", "For action", "For information"];

/// The addressees after the first, each with what it is sent to them for, and a button
/// to add one.
pub fn also_to_ui(ui: &mut egui::Ui, state: &mut AppState, label_width: f32) {
    let addressees = state.project().brief.meta.also_to.clone();
    let mut changed = None;
    for (index, addressee) in addressees.iter().enumerate() {
        let mut edited = addressee.clone();
        // On a narrow window the choice and Remove wrap under the name instead of
        // running under the preview.
        ui.horizontal_wrapped(|ui| {
            let label = ui.add_sized(
                [label_width, 20.0],
                egui::Label::new("Also to").halign(egui::Align::Min),
            );
            // A wrapping row reports its whole width, the label's included: leave room for
            // the label, the choice (130 wide) and Remove (about 70), with their spacing.
            let width = (ui.available_width() - label_width - 260.0).max(100.0);
            let name = ui
                .add(egui::TextEdit::singleline(&mut edited.name).desired_width(width))
                .labelled_by(label.id)
                .accessible_name(format!("Addressee {}", index + 2));
            let shown = if edited.action.is_empty() {
                "(not said)"
            } else {
                edited.action.as_str()
            };
            egui::ComboBox::from_id_salt(("also-to-for", index))
                .selected_text(shown.to_owned())
                .width(130.0)
                .show_ui(ui, |ui| {
                    for choice in ACTIONS {
                        let text = if choice.is_empty() {
                            "(not said)"
                        } else {
                            choice
                        };
                        if ui.selectable_label(edited.action == choice, text).clicked() {
                            edited.action = choice.to_owned();
                        }
                    }
                })
                .response
                .accessible_name(format!("Addressee {} for", index + 2));
            if name.changed() || edited != *addressee {
                let mut all = addressees.clone();
                all[index] = edited.clone();
                changed = Some(all);
            }
            if ui
                .small_button("Remove")
                .on_hover_text("Remove this addressee")
                .clicked()
            {
                let mut all = addressees.clone();
                all.remove(index);
                changed = Some(all);
            }
        });
    }
    ui.horizontal(|ui| {
        ui.add_space(label_width + 8.0);
        if ui.small_button("Add addressee").clicked() {
            let mut all = addressees.clone();
            all.push(Addressee::default());
            changed = Some(all);
        }
    });
    if let Some(all) = changed {
        state.send(Command::Edit(Edit::SetAlsoTo(all)));
    }
}

/// Clearance rows, the contact officer and the attachments, under the parts.
pub fn brief_lists_ui(ui: &mut egui::Ui, state: &mut AppState) {
    egui::Frame::group(ui.style())
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                egui::RichText::new("Clearance and contact")
                    .strong()
                    .size(15.0),
            );
            clearance_ui(ui, state);
            ui.add_space(4.0);
            contact_ui(ui, state);
        });
    ui.add_space(6.0);
    egui::Frame::group(ui.style())
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new("Attachments").strong().size(15.0));
            attachments_ui(ui, state);
        });
}

fn clearance_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let rows = state.project().brief.meta.clearance.clone();
    let mut changed = None;
    // Five fields and a Delete button share the editor's width.
    let field_width = ((ui.available_width() - 90.0) / 5.0 - 8.0).max(60.0);
    egui::Grid::new("clearance").num_columns(6).show(ui, |ui| {
        for heading in ["Cleared by", "Position", "Division", "Phone", "Date", ""] {
            ui.weak(heading);
        }
        ui.end_row();
        for (index, row) in rows.iter().enumerate() {
            let mut edited = row.clone();
            let fields: [(&mut String, &str); 5] = [
                (&mut edited.name, "Name"),
                (&mut edited.position, "Position"),
                (&mut edited.division, "Division"),
                (&mut edited.phone, "Phone"),
                (&mut edited.date, "Date"),
            ];
            let mut any = false;
            for (value, name) in fields {
                let response = ui.add_sized(
                    [field_width, 20.0],
                    egui::TextEdit::singleline(value).hint_text(name),
                );
                let response = response.accessible_name(format!("Clearance {} {name}", index + 1));
                any |= response.changed();
            }
            if any {
                let mut all = rows.clone();
                all[index] = edited;
                changed = Some(all);
            }
            if ui
                .small_button("Delete")
                .on_hover_text("Delete this clearance row")
                .clicked()
            {
                let mut all = rows.clone();
                all.remove(index);
                changed = Some(all);
            }
            ui.end_row();
        }
    });
    if ui.button("Add clearance row").clicked() {
        let mut all = rows.clone();
        all.push(Clearance::default());
        changed = Some(all);
    }
    if let Some(rows) = changed {
        state.send(Command::Edit(Edit::SetClearance(rows)));
    }
}

fn contact_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let contact = state.project().brief.meta.contact.clone();
    let mut edited = contact.clone();
    let mut any = false;
    ui.horizontal(|ui| {
        ui.weak("Contact officer");
        for (value, name) in [
            (&mut edited.name, "Contact officer name"),
            (&mut edited.position, "Contact officer position"),
            (&mut edited.phone, "Contact officer phone"),
        ] {
            let hint = name.rsplit(' ').next().unwrap_or(name);
            let response = ui.add(
                egui::TextEdit::singleline(value)
                    .hint_text(hint)
                    .desired_width(110.0),
            );
            any |= response.accessible_name(name).changed();
        }
    });
    if any {
        state.send(Command::Edit(Edit::SetContact(edited)));
    }
}

fn attachments_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let attachments = state.project().brief.meta.attachments.clone();
    let sources: Vec<_> = state
        .project()
        .sources
        .iter()
        .map(|s| (s.id, s.title.clone()))
        .collect();
    let mut changed = None;
    for (index, attachment) in attachments.iter().enumerate() {
        ui.horizontal(|ui| {
            let letter = crate::layout::attachment_letter(index);
            ui.label(format!("Attachment {letter}"));
            let mut edited = attachment.clone();
            let title_width = (ui.available_width() - 250.0).max(120.0);
            let response = ui
                .add(egui::TextEdit::singleline(&mut edited.title).desired_width(title_width))
                .accessible_name(format!("Attachment {letter} title"));
            let chosen = edited
                .source
                .and_then(|id| sources.iter().find(|(s, _)| *s == id))
                .map_or("(not a source)".to_owned(), |(_, title)| {
                    // Cut short so that a long title does not push Delete out of view.
                    if title.chars().count() > 22 {
                        title.chars().take(21).collect::<String>() + "\u{2026}"
                    } else {
                        title.clone()
                    }
                });
            egui::ComboBox::from_id_salt(("attachment-source", index))
                .selected_text(chosen)
                .width(150.0)
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(edited.source.is_none(), "(not a source)")
                        .clicked()
                    {
                        edited.source = None;
                    }
                    for (id, title) in &sources {
                        if ui
                            .selectable_label(edited.source == Some(*id), title)
                            .clicked()
                        {
                            edited.source = Some(*id);
                            if edited.title.trim().is_empty() {
                                edited.title = title.clone();
                            }
                        }
                    }
                })
                .response
                .accessible_name(format!("Attachment {letter} source"));
            if response.changed() || edited != *attachment {
                let mut all = attachments.clone();
                all[index] = edited;
                changed = Some(all);
            }
            if ui
                .small_button("Delete")
                .on_hover_text("Delete this attachment")
                .clicked()
            {
                let mut all = attachments.clone();
                all.remove(index);
                changed = Some(all);
            }
        });
    }
    if ui.button("Add attachment").clicked() {
        let mut all = attachments.clone();
        all.push(Attachment::default());
        changed = Some(all);
    }
    if let Some(all) = changed {
        state.send(Command::Edit(Edit::SetAttachments(all)));
    }
}
