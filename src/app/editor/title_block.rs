//! The title block form at the head of the editor: title, addressees, date, reference,
//! critical date, marking and purpose.

use egui::Align;

use crate::app::command::Command;
use crate::app::state::{AppState, Pane};
use crate::model::find::Place;
use crate::model::{Edit, MetaField};

/// Width of the labels in front of the title block's fields.
const LABEL_WIDTH: f32 = crate::app::editor::fields::LABEL_WIDTH;

/// The title block's fields in form order, with the brief's marking.
pub fn title_block_ui(ui: &mut egui::Ui, state: &mut AppState) {
    ui.heading("Brief");
    let critical_date = state.template().is_some_and(|t| t.critical_date);
    for field in MetaField::ALL {
        if matches!(field, MetaField::CriticalDate | MetaField::CriticalReason) && !critical_date {
            continue;
        }
        let current = field.get(&state.project().brief.meta).to_owned();
        ui.horizontal(|ui| {
            let label = ui.add_sized(
                [LABEL_WIDTH, 20.0],
                egui::Label::new(field.label()).halign(Align::Min),
            );
            match field {
                MetaField::Classification => {
                    crate::app::editor::marking::brief_marking_ui(ui, state, label.id);
                }
                MetaField::ToFor => crate::app::editor::decision::to_for_ui(ui, state, label.id),
                _ => {
                    let mut text = current.clone();
                    let place = Place::Meta(field);
                    let width = ui.available_width();
                    let multiline = field == MetaField::Purpose;
                    let response = crate::app::editor::fields::add_text_field(
                        ui,
                        state,
                        &mut text,
                        place,
                        multiline,
                        |e| {
                            let e = e.desired_width(width);
                            // The form shows what prints when the field is left empty.
                            let e = if field == MetaField::CriticalDate {
                                e.hint_text(crate::layout::NO_CRITICAL_DATE)
                            } else {
                                e
                            };
                            if multiline { e.desired_rows(2) } else { e }
                        },
                    )
                    .labelled_by(label.id);
                    if field == MetaField::Title && state.pane_to_focus() == Some(Pane::Editor) {
                        // The editor's first control, where a new or opened brief starts.
                        state.send(Command::PaneFocused(Pane::Editor));
                        response.request_focus();
                        response.scroll_to_me(Some(Align::Center));
                    }
                    if state.place_to_reveal() == Some(place) {
                        response.scroll_to_me(Some(Align::Center));
                    }
                    if response.changed() {
                        state.send(Command::Edit(Edit::SetMeta(field, text)));
                    }
                }
            }
        });
        if !field.is_chosen_from_list() {
            crate::app::review::markup::suggestions_ui(
                ui,
                state,
                crate::model::TextTarget::Meta(field),
            );
        }
        if field == MetaField::ToFor {
            crate::app::editor::decision::also_to_ui(ui, state, LABEL_WIDTH);
        }
    }
}
