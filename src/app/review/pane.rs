//! The Review tab of the left pane: suggest mode and the preview's markup; the comment
//! being written; open suggestions and comments, each with Go to; saved versions; and the
//! clearance sign-offs.

use egui::RichText;

use super::markup::author_colour;
use super::state::{CommentDraft, Showing};
use crate::app::command::Command;
use crate::app::state::AppState;
use crate::model::versions::VersionReason;
use crate::model::{MarkupMode, Project, TextTarget};

/// The Review tab.
pub fn review_ui(ui: &mut egui::Ui, state: &mut AppState) {
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
    egui::ScrollArea::vertical()
        .id_salt("review")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            mode_ui(ui, state);
            ui.separator();
            draft_ui(ui, state);
            suggestions_ui(ui, state);
            ui.separator();
            comments_ui(ui, state);
            ui.separator();
            versions_ui(ui, state);
            ui.separator();
            clearance_ui(ui, state);
        });
}

fn when(timestamp: &str) -> String {
    crate::dates::long_date(timestamp).unwrap_or_else(|| timestamp.to_owned())
}

fn place_of(project: &Project, target: TextTarget) -> String {
    match target {
        TextTarget::Meta(field) => field.label().to_owned(),
        TextTarget::Block(block) => project
            .block_label(block)
            .unwrap_or_else(|| "deleted text".to_owned()),
    }
}

fn mode_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let mut suggesting = state.is_suggesting();
    if ui
        .checkbox(&mut suggesting, "Suggest edits")
        .on_hover_text(
            "What you type, add, delete or move is recorded as a suggestion, credited to you, \
             for the author to accept or reject (Ctrl+Shift+R)",
        )
        .changed()
    {
        state.send(Command::ToggleSuggesting);
    }
    ui.horizontal(|ui| {
        let name = ui.label("Your name");
        let mut author = state.settings().author_name.clone();
        let hint = crate::user::full_name();
        if ui
            .add(egui::TextEdit::singleline(&mut author).hint_text(hint))
            .labelled_by(name.id)
            .changed()
        {
            state.send(Command::SetAuthorName(author));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Preview:");
        let showing = state.review().showing;
        for mode in MarkupMode::ALL {
            let chosen = showing == Showing::Brief && state.review().markup == mode;
            if ui.selectable_label(chosen, mode.label()).clicked() {
                state.send(Command::SetMarkup(mode));
            }
        }
    });
    let project = state.project();
    ui.label(format!(
        "{} \u{b7} {} \u{b7} {}",
        project.review_status().label(),
        crate::model::count_of(project.open_comments(), "open comment"),
        crate::model::count_of(project.open_suggestions(), "open suggestion"),
    ));
}

fn draft_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let Some(mut draft) = state.review().draft.clone() else {
        if ui
            .button("New comment")
            .on_hover_text("On the text selected in the editor, or the selected block (Ctrl+Alt+M)")
            .clicked()
        {
            state.send(Command::NewComment);
        }
        return;
    };
    ui.label(
        RichText::new(format!(
            "Comment on {}",
            place_of(state.project(), draft.target)
        ))
        .strong(),
    );
    if !draft.quote.is_empty() {
        ui.label(
            RichText::new(format!(
                "\u{201c}{}\u{201d}",
                crate::model::shorten(&draft.quote, 120)
            ))
            .italics()
            .weak(),
        );
    }
    let field = ui
        .add(
            egui::TextEdit::multiline(&mut draft.text)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("Your comment"),
        )
        .accessible_name("Comment text");
    if field.changed() {
        state.send(Command::EditCommentDraft(Some(CommentDraft {
            ..draft.clone()
        })));
    }
    if state
        .review()
        .draft
        .as_ref()
        .is_some_and(|d| d.text.is_empty())
        && !field.has_focus()
    {
        field.request_focus();
    }
    ui.horizontal(|ui| {
        if ui.button("Comment").clicked() {
            state.send(Command::PostComment);
        }
        if ui.button("Cancel").clicked() {
            state.send(Command::EditCommentDraft(None));
        }
    });
    ui.separator();
}

fn suggestions_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let open: Vec<crate::model::Suggestion> = state
        .project()
        .review
        .suggestions
        .iter()
        .filter(|s| state.project().target_exists(s.target))
        .cloned()
        .collect();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Suggestions").strong());
        if !open.is_empty() {
            if ui.small_button("Accept all").clicked() {
                state.send(Command::AnswerAllSuggestions { accept: true });
            }
            if ui.small_button("Reject all").clicked() {
                state.send(Command::AnswerAllSuggestions { accept: false });
            }
        }
    });
    if open.is_empty() {
        ui.weak("None open.");
    }
    for suggestion in open {
        let base = state
            .project()
            .target_text(suggestion.target)
            .unwrap_or_default();
        let colour = author_colour(state.project(), &suggestion.author);
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(colour, &suggestion.author);
            ui.weak(format!(
                "{} \u{b7} {}",
                when(&suggestion.date),
                place_of(state.project(), suggestion.target)
            ));
        });
        ui.label(suggestion.describe(&base));
        ui.horizontal(|ui| {
            if let TextTarget::Block(block) = suggestion.target
                && ui.small_button("Go to").clicked()
            {
                state.send(Command::GoToBlock(block));
            }
            super::markup::answer_buttons_ui(ui, state, suggestion.id);
        });
    }
}

fn comments_ui(ui: &mut egui::Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("Comments").strong());
        if ui
            .small_button("\u{2191}")
            .on_hover_text("Previous comment (Ctrl+Alt+P)")
            .clicked()
        {
            state.send(Command::NextComment(-1));
        }
        if ui
            .small_button("\u{2193}")
            .on_hover_text("Next comment (Ctrl+Alt+N)")
            .clicked()
        {
            state.send(Command::NextComment(1));
        }
    });
    let comments = state.project().review.comments.clone();
    if comments.is_empty() {
        ui.weak("None yet.");
    }
    let current = state.review().current_comment;
    for comment in comments {
        let colour = author_colour(state.project(), &comment.author);
        let frame = egui::Frame::group(ui.style()).inner_margin(4.0);
        let frame = if current == Some(comment.id) {
            frame.stroke(ui.visuals().selection.stroke)
        } else {
            frame
        };
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(colour, RichText::new(&comment.author).strong());
                ui.weak(format!(
                    "{} \u{b7} {}",
                    when(&comment.date),
                    place_of(state.project(), comment.target)
                ));
                if comment.resolved {
                    ui.weak("resolved");
                }
            });
            let orphaned = comment.detached || !state.project().target_exists(comment.target);
            if !comment.quote.is_empty() {
                let quote = RichText::new(format!(
                    "\u{201c}{}\u{201d}",
                    crate::model::shorten(&comment.quote, 120)
                ))
                .italics();
                ui.label(if orphaned {
                    quote.strikethrough()
                } else {
                    quote.weak()
                });
            }
            if orphaned {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    "The text it was on has been deleted.",
                );
            }
            ui.label(&comment.text);
            for reply in &comment.replies {
                ui.horizontal_wrapped(|ui| {
                    ui.add_space(12.0);
                    ui.colored_label(
                        author_colour(state.project(), &reply.author),
                        RichText::new(&reply.author).strong(),
                    );
                    ui.label(&reply.text);
                });
            }
            let reply_key = egui::Id::unique(("reply", comment.id.0));
            let mut reply: String = ui.data(|d| d.get_temp(reply_key)).unwrap_or_default();
            ui.horizontal(|ui| {
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut reply)
                            .hint_text("Reply")
                            .desired_width(ui.available_width() - 60.0),
                    )
                    .accessible_name("Reply to comment");
                let sent = (field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                    || ui.small_button("Reply").clicked();
                if sent && !reply.trim().is_empty() {
                    state.send(Command::ReplyToComment {
                        comment: comment.id,
                        text: std::mem::take(&mut reply),
                    });
                }
            });
            ui.data_mut(|d| d.insert_temp(reply_key, reply));
            ui.horizontal(|ui| {
                if ui.small_button("Go to").clicked() {
                    state.send(Command::GoToComment(comment.id));
                }
                let (label, resolved) = if comment.resolved {
                    ("Reopen", false)
                } else {
                    ("Resolve", true)
                };
                if ui.small_button(label).clicked() {
                    state.send(Command::ResolveComment {
                        comment: comment.id,
                        resolved,
                    });
                }
                if ui.small_button("Delete").clicked() {
                    state.send(Command::DeleteComment(comment.id));
                }
            });
        });
    }
}

fn versions_ui(ui: &mut egui::Ui, state: &mut AppState) {
    ui.label(RichText::new("Versions").strong());
    let label_key = egui::Id::unique("version-label");
    let mut label: String = ui.data(|d| d.get_temp(label_key)).unwrap_or_default();
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut label)
                .hint_text("To Director for clearance")
                .desired_width(ui.available_width() - 100.0),
        )
        .accessible_name("Version label");
        if ui.button("Save version").clicked() {
            state.send(Command::SaveVersion(std::mem::take(&mut label)));
        }
    });
    ui.data_mut(|d| d.insert_temp(label_key, label));
    let showing = state.review().showing;
    if showing != Showing::Brief {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                match showing {
                    Showing::Version(_) => "The preview shows a saved version (read-only).",
                    Showing::CompareVersions { .. } => {
                        "The preview shows the changes between two versions."
                    }
                    _ => "The preview shows the changes since a version.",
                },
            );
            if ui.small_button("Back to the brief").clicked() {
                state.send(Command::Show(Showing::Brief));
            }
        });
    }
    let versions: Vec<_> = state
        .project()
        .review
        .versions
        .iter()
        .map(|v| {
            (
                v.id,
                v.label.clone(),
                v.author.clone(),
                v.date.clone(),
                v.reason,
            )
        })
        .collect();
    if versions.is_empty() {
        ui.weak("None saved yet.");
    }
    let ids: Vec<crate::model::VersionId> = versions.iter().map(|v| v.0).collect();
    for (number, (id, label, author, date, reason)) in versions.into_iter().enumerate().rev() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}. {label}", number + 1)).strong());
            let why = match reason {
                VersionReason::Saved => "",
                VersionReason::Clearance => " \u{b7} sign-off",
                VersionReason::ReviewExport => " \u{b7} review copy",
            };
            ui.weak(format!("{author} \u{b7} {}{why}", when(&date)));
        });
        ui.horizontal(|ui| {
            if ui
                .small_button("View")
                .on_hover_text("Show this version in the preview, read-only")
                .clicked()
            {
                state.send(Command::Show(Showing::Version(id)));
            }
            if ui
                .small_button("Compare with now")
                .on_hover_text("Show what changed since this version, in the preview")
                .clicked()
            {
                state.send(Command::Show(Showing::Compare(id)));
            }
            if let Some(&previous) = number.checked_sub(1).and_then(|i| ids.get(i))
                && ui
                    .small_button("Compare with previous")
                    .on_hover_text("Show what changed between the version before and this one")
                    .clicked()
            {
                state.send(Command::Show(Showing::CompareVersions {
                    old: previous,
                    new: id,
                }));
            }
            if ui
                .small_button("Restore")
                .on_hover_text("Put the brief back as this version left it (Undo takes it back)")
                .clicked()
            {
                state.send(Command::RestoreVersion(id));
            }
        });
    }
}

fn clearance_ui(ui: &mut egui::Ui, state: &mut AppState) {
    ui.label(RichText::new("Clearance").strong());
    let rows = state.project().brief.meta.clearance.clone();
    if rows.iter().all(|r| r.name.trim().is_empty()) {
        ui.weak("No clearance rows. Add them in the editor's Clearance list.");
    }
    for (index, row) in rows.iter().enumerate() {
        if row.name.trim().is_empty() {
            continue;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&row.name).strong());
            match &row.cleared {
                None => {
                    ui.weak("not signed off");
                    if ui.small_button("Sign off as cleared").on_hover_text("Records today's date and saves this version of the brief as the one cleared").clicked() {
                        state.send(Command::SignOff(index));
                    }
                }
                Some(signed) if state.project().unchanged_since(signed.version) => {
                    ui.colored_label(egui::Color32::from_rgb(0x2e, 0x8b, 0x57), format!("cleared {}", when(&signed.on)));
                }
                Some(signed) => {
                    let changed = state.project().changed_since(signed.version);
                    ui.colored_label(ui.visuals().warn_fg_color, "changed since cleared")
                        .on_hover_text(changed.summary());
                    let first = changed
                        .blocks
                        .iter()
                        .find(|c| state.project().locate(c.block).is_some());
                    if let Some(first) = first
                        && ui.small_button("Go to").clicked()
                    {
                        state.send(Command::GoToBlock(first.block));
                    }
                    if ui.small_button("Compare").clicked() {
                        state.send(Command::Show(Showing::Compare(signed.version)));
                    }
                    if ui.small_button("Sign off again").clicked() {
                        state.send(Command::SignOff(index));
                    }
                }
            }
        });
    }
}
