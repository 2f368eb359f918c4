//! Modal windows: unsaved changes, choosing a template, pasting an article, help.

use super::command::{Command, UnsavedChoice, shortcut_help};
use super::pane::Pane;
use super::state::{AppState, Modal};
use crate::model::ExcerptsOfRemoved;
use crate::template::{BUILT_IN, built_in_description, kind_label};

/// Shows the open modal, if any.
pub fn modals_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let Some(modal) = state.modal().cloned() else {
        return;
    };
    let response = egui::Modal::new(egui::Id::unique("modal")).show(ui.ctx(), |ui| {
        ui.set_max_width(460.0);
        match modal {
            Modal::Unsaved(_) => {
                ui.heading("Save changes to this brief?");
                ui.label("If you don't save, your changes since the last save are lost.");
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        state.send(Command::ResolveUnsaved(UnsavedChoice::Save));
                    }
                    if ui.button("Discard").clicked() {
                        state.send(Command::ResolveUnsaved(UnsavedChoice::Discard));
                    }
                    if ui.button("Cancel").clicked() {
                        state.send(Command::ResolveUnsaved(UnsavedChoice::Cancel));
                    }
                });
            }
            Modal::ChooseTemplate => {
                ui.heading("New brief from template");
                egui::Grid::new("template choices").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
                    for (name, _) in BUILT_IN {
                        if ui.button(kind_label(name)).clicked() {
                            state.send(Command::NewFromTemplate((*name).to_owned()));
                        }
                        ui.add(egui::Label::new(built_in_description(name)).wrap());
                        ui.end_row();
                    }
                });
                if ui.button("Cancel").clicked() {
                    state.send(Command::CloseModal);
                }
            }
            Modal::Paste(mut draft) => {
                ui.heading("Paste as new article");
                if draft.html.is_some() {
                    ui.label("The clipboard holds formatted text: its headings and paragraphs are kept. Edit the text to import it as plain text instead.");
                } else {
                    ui.label("Paste the article's text. The first line is taken as the title.");
                }
                let response = ui.add(egui::TextEdit::multiline(&mut draft.text).desired_rows(12).desired_width(440.0)).accessible_name("Article text");
                if response.changed() {
                    // Edited, the text is no longer what the formatted version holds.
                    draft.html = None;
                    state.send(Command::EditPasteDraft(draft.clone()));
                }
                ui.horizontal(|ui| {
                    if ui.button("Import").clicked() {
                        state.send(match draft.html {
                            Some(html) => Command::PasteHtml { html, text: draft.text },
                            None => Command::PasteArticle(draft.text),
                        });
                    }
                    if ui.button("Cancel").clicked() {
                        state.send(Command::CloseModal);
                    }
                });
            }
            Modal::Link(mut url) => {
                ui.heading("Import from link");
                ui.label("The web page, PDF or Word document at this address is fetched and imported, with today's date as the date it was accessed.");
                let response = ui.add(egui::TextEdit::singleline(&mut url).hint_text("https://").desired_width(440.0)).accessible_name("Link");
                if response.changed() {
                    state.send(Command::EditLink(url.clone()));
                }
                if !response.has_focus() && url.is_empty() {
                    response.request_focus();
                }
                let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    if ui.button("Import").clicked() || entered {
                        state.send(Command::ImportLink(url));
                    }
                    if ui.button("Cancel").clicked() {
                        state.send(Command::CloseModal);
                    }
                });
            }
            Modal::RemoveSource(source) => {
                let title = state.project().source(source).map(|s| s.title.clone()).unwrap_or_default();
                let count = state.project().excerpts_of(source).len();
                ui.heading("Remove this source?");
                ui.label(format!("\u{201c}{title}\u{201d} is quoted by {count} excerpt{} in the brief.", if count == 1 { "" } else { "s" }));
                ui.label("Keep them as quoted paragraphs, with the citation written out, or remove them with the source. Undo brings everything back.");
                ui.horizontal(|ui| {
                    if ui.button("Keep excerpts as quotes").clicked() {
                        state.send(Command::RemoveSource { source, excerpts: ExcerptsOfRemoved::KeepAsQuotes });
                    }
                    if ui.button("Remove excerpts too").clicked() {
                        state.send(Command::RemoveSource { source, excerpts: ExcerptsOfRemoved::Remove });
                    }
                    if ui.button("Cancel").clicked() {
                        state.send(Command::CloseModal);
                    }
                });
            }
            Modal::Shortcuts => {
                ui.heading("Keyboard shortcuts");
                egui::Grid::new("shortcuts").show(ui, |ui| {
                    for (name, keys) in shortcut_help() {
                        ui.label(name);
                        let keys: Vec<String> = keys
                            .iter()
                            .map(|key| ui.ctx().format_shortcut(key))
                            .collect();
                        ui.label(keys.join(", "));
                        ui.end_row();
                    }
                });
                if ui.button("Close").clicked() {
                    state.send(Command::CloseModal);
                }
            }
            Modal::Locked { path, holder } => {
                ui.heading("This brief is open elsewhere");
                ui.label(format!("{} is held by {holder}.", path.display()));
                let is_stale = holder.is_stale();
                if is_stale {
                    ui.label("That window is no longer running, so you can take the brief over.");
                } else if matches!(holder, crate::project::Holder::Unreadable { .. }) {
                    ui.label("Its lock file is empty or damaged. If no other window has this brief open, it can be taken over a few seconds after the lock was written.");
                    ui.ctx().request_repaint_after(std::time::Duration::from_secs(1));
                } else {
                    ui.label("Open it read-only to read it or save a copy under another name.");
                }
                ui.horizontal(|ui| {
                    if ui.button("Open read-only").clicked() {
                        state.send(Command::OpenReadOnly);
                    }
                    if is_stale && ui.button("Take over").clicked() {
                        state.send(Command::TakeOverLock);
                    }
                });
            }
            Modal::Recover(found) => {
                ui.heading("Restore unsaved work?");
                let name = found.original.as_ref().map_or_else(|| "an unsaved brief".to_owned(), |p| p.display().to_string());
                ui.label(format!(
                    "Briefwright did not close normally. A recovery copy of {name} was saved at {} (UTC).",
                    found.saved_at.replace('T', " ").trim_end_matches('Z')
                ));
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        state.send(Command::RestoreRecovery);
                    }
                    if ui.button("Discard recovery copy").clicked() {
                        state.send(Command::DiscardRecovery);
                    }
                });
            }
            Modal::ExportWithErrors { path, format, errors, checks } => {
                let plural = if errors == 1 { "" } else { "s" };
                if errors > 0 {
                    ui.heading(format!("The brief has {errors} error{plural}"));
                    ui.label("Text that is missing prints as \u{201c}[Missing: \u{2026}]\u{201d}, or as boxes; the messages say where, with Go to. Export it anyway? Its properties will say it was exported with errors.");
                } else {
                    ui.heading("Before the brief goes out");
                }
                if !checks.is_empty() {
                    ui.label("Still to settle:");
                    for check in &checks {
                        ui.label(format!("\u{2022} {check}"));
                    }
                }
                ui.horizontal(|ui| {
                    if !checks.is_empty() && ui.button("Go to Title Block").clicked() {
                        state.send(Command::CloseModal);
                        state.send(Command::FocusPane(Pane::Editor));
                    }
                    if ui.button("Export Anyway").clicked() {
                        state.send(Command::ExportAnyway { path: path.clone(), format });
                    }
                    if ui.button("Cancel").clicked() {
                        state.send(Command::CloseModal);
                    }
                });
            }
            Modal::AddAgain { section, part } => {
                ui.heading("Already in the brief");
                ui.label("The brief already quotes this paragraph. Add it again?");
                ui.horizontal(|ui| {
                    if ui.button("Add Again").clicked() {
                        state.send(Command::CloseModal);
                        state.send(Command::AddSection { section, part, again: true });
                    }
                    if ui.button("Go to It").clicked() {
                        state.send(Command::CloseModal);
                        if let Some(block) = state.quoting(section) {
                            state.send(Command::GoToBlock(block));
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        state.send(Command::CloseModal);
                    }
                });
            }
            Modal::About => {
                ui.heading("Briefwright");
                ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
                ui.label("Assemble ministerial briefing notes from articles and talking points, see the pages as they will print, and export PDF.");
                ui.label("Fonts: Noto Sans, Noto Serif and Noto Naskh Arabic, SIL Open Font License 1.1.");
                if ui.button("Close").clicked() {
                    state.send(Command::CloseModal);
                }
            }
        }
    });
    if response.should_close() {
        let command = match state.modal() {
            Some(Modal::Unsaved(_)) => Command::ResolveUnsaved(UnsavedChoice::Cancel),
            // Dismissing these must not lose the choice: the recovery copy stays for next time,
            // and a locked brief stays read-only.
            Some(Modal::Recover(_)) => Command::CloseModal,
            Some(Modal::Locked { .. }) => Command::OpenReadOnly,
            _ => Command::CloseModal,
        };
        state.send(command);
    }
}
