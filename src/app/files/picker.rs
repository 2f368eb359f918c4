//! Briefwright's own file dialog, for desktops where no native one can be shown. It
//! answers the same requests as the native dialogs, with the same filters, suggested name
//! and starting folder.
//!
//! Written here rather than taken from a crate: egui_file 0.29 (the file dialog built for
//! egui 0.37) leaves its text fields without accessible names, so a screen reader says
//! only "text field", and marks files with emoji that no bundled font draws;
//! egui-file-dialog has not moved to egui 0.37 yet.

use std::path::{Path, PathBuf};

use crate::app::files::dialogs::{DialogAnswer, FileRequest};

/// One entry of the folder being shown.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    name: String,
    is_folder: bool,
}

/// An in-window file dialog answering one request.
pub struct FilePicker {
    pub request: FileRequest,
    folder: PathBuf,
    folder_text: String,
    entries: Result<Vec<Entry>, String>,
    selected: Vec<String>,
    file_name: String,
}

fn list_folder(folder: &Path, extensions: &[&str]) -> Result<Vec<Entry>, String> {
    let read =
        std::fs::read_dir(folder).map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
    let mut entries: Vec<Entry> = read
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_str()?.to_owned();
            if name.starts_with('.') {
                return None;
            }
            let is_folder = entry.path().is_dir();
            let matches = Path::new(&name)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)));
            (is_folder || matches).then_some(Entry { name, is_folder })
        })
        .collect();
    entries.sort_by(|a, b| {
        (!a.is_folder, a.name.to_lowercase()).cmp(&(!b.is_folder, b.name.to_lowercase()))
    });
    Ok(entries)
}

impl FilePicker {
    /// Opens a dialog for `request`.
    pub fn new(request: FileRequest) -> FilePicker {
        let folder = request
            .folder
            .clone()
            .or_else(|| directories::UserDirs::new().map(|dirs| dirs.home_dir().to_path_buf()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        let file_name = request
            .purpose
            .suggested_name()
            .unwrap_or_default()
            .to_owned();
        let mut picker = FilePicker {
            request,
            folder: PathBuf::new(),
            folder_text: String::new(),
            entries: Ok(Vec::new()),
            selected: Vec::new(),
            file_name,
        };
        picker.go_to(folder);
        picker
    }

    fn go_to(&mut self, folder: PathBuf) {
        self.entries = list_folder(&folder, self.request.purpose.filter().1);
        self.folder_text = folder.display().to_string();
        self.folder = folder;
        self.selected.clear();
    }

    fn is_save(&self) -> bool {
        self.request.purpose.suggested_name().is_some()
    }

    /// The files the user has chosen so far.
    fn chosen(&self) -> Vec<PathBuf> {
        if self.is_save() {
            let name = self.file_name.trim();
            if name.is_empty() {
                return Vec::new();
            }
            return vec![self.folder.join(name)];
        }
        self.selected.iter().map(|n| self.folder.join(n)).collect()
    }

    /// Shows the dialog; returns the answer once the user has chosen or cancelled.
    pub fn show_ui(&mut self, ctx: &egui::Context) -> Option<DialogAnswer> {
        let mut answer = None;
        let title = self.request.purpose.title();
        let modal = egui::Modal::new(egui::Id::unique("file-picker")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(title);
            ui.horizontal(|ui| {
                let label = ui.label("Folder");
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.folder_text).desired_width(380.0))
                    .labelled_by(label.id);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if entered || ui.button("Go").clicked() {
                    self.go_to(PathBuf::from(self.folder_text.trim()));
                }
                if ui
                    .button("Up")
                    .on_hover_text("The folder that holds this one")
                    .clicked()
                    && let Some(parent) = self.folder.parent()
                {
                    self.go_to(parent.to_path_buf());
                }
            });
            let (filter_name, extensions) = self.request.purpose.filter();
            ui.weak(format!(
                "{filter_name} ({})",
                extensions
                    .iter()
                    .map(|e| format!("*.{e}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            let mut enter = None;
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| match &self.entries {
                    Err(error) => {
                        ui.colored_label(ui.visuals().error_fg_color, error);
                    }
                    Ok(entries) if entries.is_empty() => {
                        ui.weak("No folders or matching files here.");
                    }
                    Ok(entries) => {
                        for entry in entries {
                            let shown = if entry.is_folder {
                                format!("{}/", entry.name)
                            } else {
                                entry.name.clone()
                            };
                            let is_selected = self.selected.contains(&entry.name);
                            let response = ui.selectable_label(is_selected, shown);
                            if entry.is_folder {
                                if response.clicked() {
                                    enter = Some(self.folder.join(&entry.name));
                                }
                            } else if response.clicked() {
                                if self.is_save() {
                                    self.file_name = entry.name.clone();
                                } else if self.request.purpose.is_multiple()
                                    && ui.input(|i| i.modifiers.command)
                                {
                                    if is_selected {
                                        self.selected.retain(|n| *n != entry.name);
                                    } else {
                                        self.selected.push(entry.name.clone());
                                    }
                                } else {
                                    self.selected = vec![entry.name.clone()];
                                }
                            }
                        }
                    }
                });
            if let Some(folder) = enter {
                self.go_to(folder);
            }
            if self.is_save() {
                ui.horizontal(|ui| {
                    let label = ui.label("File name");
                    ui.add(egui::TextEdit::singleline(&mut self.file_name).desired_width(380.0))
                        .labelled_by(label.id);
                });
            }
            ui.horizontal(|ui| {
                let action = if self.is_save() { "Save" } else { "Open" };
                let chosen = self.chosen();
                if ui
                    .add_enabled(!chosen.is_empty(), egui::Button::new(action))
                    .clicked()
                {
                    answer = Some(DialogAnswer::Chosen(chosen));
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(DialogAnswer::Cancelled);
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(DialogAnswer::Cancelled);
        }
        answer
    }
}
