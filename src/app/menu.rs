//! The menu bar, built from the commands and their shortcuts.

use super::command::{ClipboardAction, Command, shortcut_for};
use super::state::{AppState, Theme};
use crate::template::{BUILT_IN, built_in_description, kind_label};

fn item_ui(ui: &mut egui::Ui, state: &mut AppState, command: Command, is_enabled: bool) {
    let mut button = egui::Button::new(command.menu_text());
    if let Some(shortcut) = shortcut_for(&command) {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(is_enabled, button).clicked() {
        state.send(command);
    }
}

/// Switching the brief's template: the built-in ones, a file, or refreshing its own.
fn template_menu_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let current = state.project().brief.template.clone();
    let has_custom = state.project().brief.custom_template.is_some();
    for (name, _) in BUILT_IN {
        let is_current = !has_custom && current == *name;
        let choice = ui
            .radio(is_current, kind_label(name))
            .on_hover_text(built_in_description(name));
        if choice.clicked() && !is_current {
            state.send(Command::UseTemplate((*name).to_owned()));
        }
    }
    if let Some(custom) = &state.project().brief.custom_template {
        let _ = ui
            .radio(true, format!("{current} (own template)"))
            .on_hover_text(format!("kept in the brief; read from {}", custom.origin));
    }
    ui.separator();
    item_ui(ui, state, Command::TemplateFileDialog, true);
    item_ui(ui, state, Command::RefreshTemplate, has_custom);
}

/// The brief's language and where other languages' dictionaries are.
fn spelling_menu_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let current = state.spelling_language();
    for (tag, name) in crate::spelling::BRIEF_LANGUAGES {
        if ui.radio(tag == current, name).clicked() && tag != current {
            state.send(Command::Edit(crate::model::Edit::SetLanguage(
                tag.to_owned(),
            )));
        }
    }
    ui.separator();
    item_ui(ui, state, Command::DictionaryFolderDialog, true);
    if let Some(folder) = &state.settings().extra_dictionaries {
        ui.weak(format!("Extra dictionaries: {}", folder.display()));
    }
}

/// File, Edit, View and Help.
pub fn menu_bar_ui(ui: &mut egui::Ui, state: &mut AppState) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item_ui(ui, state, Command::NEW, true);
            item_ui(ui, state, Command::OPEN, true);
            ui.menu_button("Open Recent", |ui| {
                if state.settings().recent.is_empty() {
                    ui.weak("No recent briefs");
                }
                for path in state.settings().recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        state.send(Command::open(path));
                    }
                }
            });
            ui.separator();
            item_ui(ui, state, Command::Save, true);
            item_ui(ui, state, Command::SaveAsDialog, true);
            ui.separator();
            item_ui(ui, state, Command::ImportDialog, true);
            item_ui(ui, state, Command::ImportLinkDialog, true);
            item_ui(ui, state, Command::ExportDialog, true);
            item_ui(ui, state, Command::ExportWordDialog, true);
            item_ui(ui, state, Command::ExportReviewDialog, true);
            item_ui(ui, state, Command::ImportReviewDialog, true);
            ui.separator();
            item_ui(ui, state, Command::QUIT, true);
        });
        ui.menu_button("Edit", |ui| {
            let (can_undo, can_redo, has_selection) = (
                state.can_undo(),
                state.can_redo(),
                state.selected().is_some(),
            );
            item_ui(ui, state, Command::Undo, can_undo);
            item_ui(ui, state, Command::Redo, can_redo);
            ui.separator();
            for action in [
                ClipboardAction::Cut,
                ClipboardAction::Copy,
                ClipboardAction::Paste,
                ClipboardAction::SelectAll,
            ] {
                item_ui(ui, state, Command::Clipboard(action), true);
            }
            ui.separator();
            item_ui(ui, state, Command::Find { replace: false }, true);
            item_ui(ui, state, Command::Find { replace: true }, true);
            item_ui(ui, state, Command::FindNext(1), true);
            item_ui(ui, state, Command::FindNext(-1), true);
            ui.separator();
            item_ui(ui, state, Command::PasteDialog, true);
            item_ui(ui, state, Command::DeleteSelected, has_selection);
            item_ui(ui, state, Command::MoveSelected(-1), has_selection);
            item_ui(ui, state, Command::MoveSelected(1), has_selection);
            ui.separator();
            ui.menu_button("Template", |ui| template_menu_ui(ui, state));
            ui.menu_button("Spelling", |ui| spelling_menu_ui(ui, state));
        });
        ui.menu_button("Insert", |ui| {
            item_ui(ui, state, Command::InsertPictureDialog { part: None }, true);
            item_ui(ui, state, Command::PastePicture, true);
        });
        ui.menu_button("Review", |ui| {
            let suggesting = state.is_suggesting();
            let mut on = suggesting;
            let mut button = egui::Button::new(Command::ToggleSuggesting.menu_text()).selected(on);
            if let Some(shortcut) = shortcut_for(&Command::ToggleSuggesting) {
                button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
            }
            if ui.add(button).clicked() {
                on = !on;
                let _ = on;
                state.send(Command::ToggleSuggesting);
            }
            ui.separator();
            item_ui(ui, state, Command::NewComment, true);
            item_ui(ui, state, Command::NextComment(1), true);
            item_ui(ui, state, Command::NextComment(-1), true);
            ui.separator();
            let open = state.project().open_suggestions() > 0;
            item_ui(
                ui,
                state,
                Command::AnswerAllSuggestions { accept: true },
                open,
            );
            item_ui(
                ui,
                state,
                Command::AnswerAllSuggestions { accept: false },
                open,
            );
            ui.separator();
            if ui.button("Show Reviewing Pane").clicked() {
                state.send(Command::SetTab(crate::app::state::Tab::Review));
            }
        });
        ui.menu_button("View", |ui| {
            item_ui(ui, state, Command::ZoomIn, true);
            item_ui(ui, state, Command::ZoomOut, true);
            item_ui(ui, state, Command::ZoomReset, true);
            item_ui(ui, state, Command::FitWidth, true);
            ui.separator();
            item_ui(ui, state, Command::InterfaceZoomIn, true);
            item_ui(ui, state, Command::InterfaceZoomOut, true);
            item_ui(ui, state, Command::InterfaceZoomReset, true);
            ui.separator();
            let hidden = state.settings().preview_hidden;
            item_ui(ui, state, Command::SetPreviewHidden(!hidden), true);
            ui.separator();
            for theme in [Theme::System, Theme::Light, Theme::Dark] {
                let command = Command::SetTheme(theme);
                if ui
                    .radio(state.settings().theme == theme, command.menu_text())
                    .clicked()
                {
                    state.send(command);
                }
            }
        });
        ui.menu_button("Help", |ui| {
            item_ui(ui, state, Command::ShowShortcuts, true);
            item_ui(ui, state, Command::ShowAbout, true);
        });
    });
}
