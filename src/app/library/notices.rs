//! The brief's library notices: a talking point whose line was updated in its library
//! (with the word-level difference, and Update and Keep), withdrawn, expired, or whose
//! library cannot be reached.

use egui::text::LayoutJob;
use egui::{Color32, FontId, Stroke, TextFormat};

use super::action::LibraryAction;
use crate::app::command::Command;
use crate::app::state::AppState;
use crate::library::UseNotice;

/// The notices, one a talking point; nothing when all is current.
pub fn library_notices_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let checks = state.library_checks().to_vec();
    if checks.is_empty() {
        return;
    }
    for check in checks {
        let project = state.project();
        let Some(point) = project.talking_point(check.point) else {
            continue;
        };
        let old = point.text.clone();
        let message = check.message(project);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            match &check.notice {
                UseNotice::Updated { line } => {
                    ui.label(egui::RichText::new("Updated in the library").strong());
                    ui.label(message);
                    ui.label(word_difference(ui, &old, &line.text));
                    ui.horizontal(|ui| {
                        if ui
                            .button("Update")
                            .on_hover_text("Take the library's words (undoable)")
                            .clicked()
                        {
                            state.send(Command::Library(Box::new(LibraryAction::Update(
                                check.point,
                            ))));
                        }
                        if ui
                            .button("Keep")
                            .on_hover_text(
                                "Keep the brief's words; asked again if the line changes once more",
                            )
                            .clicked()
                        {
                            state
                                .send(Command::Library(Box::new(LibraryAction::Keep(check.point))));
                        }
                    });
                }
                _ => {
                    ui.label(message);
                }
            }
        });
    }
    ui.separator();
}

/// `old` → `new` as one paragraph: removed words struck through, added words underlined.
fn word_difference(ui: &egui::Ui, old: &str, new: &str) -> LayoutJob {
    let font = FontId::proportional(ui.style().text_styles[&egui::TextStyle::Body].size);
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..TextFormat::default()
    };
    let removed = TextFormat {
        strikethrough: Stroke::new(1.0, Color32::from_rgb(180, 40, 40)),
        color: Color32::from_rgb(180, 40, 40),
        ..plain.clone()
    };
    let added = TextFormat {
        underline: Stroke::new(1.0, Color32::from_rgb(20, 120, 60)),
        color: Color32::from_rgb(20, 120, 60),
        ..plain.clone()
    };
    let mut job = LayoutJob::default();
    // Between changes the two texts agree, so the unchanged words come from `old`.
    let mut old_at = 0;
    for hunk in crate::model::word_diff::word_hunks(old, new) {
        job.append(&old[old_at..hunk.old.start], 0.0, plain.clone());
        job.append(&old[hunk.old.clone()], 0.0, removed.clone());
        job.append(&new[hunk.new.clone()], 0.0, added.clone());
        old_at = hunk.old.end;
    }
    job.append(&old[old_at..], 0.0, plain);
    job
}
