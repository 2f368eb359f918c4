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
    /// Bytes, for files.
    size: Option<u64>,
    modified: Option<std::time::SystemTime>,
}

/// What the list is sorted by; folders always come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Name,
    Size,
    Modified,
}

/// An in-window file dialog answering one request.
pub struct FilePicker {
    pub request: FileRequest,
    folder: PathBuf,
    folder_text: String,
    entries: Result<Vec<Entry>, String>,
    selected: Vec<String>,
    file_name: String,
    sort: (SortBy, bool),
    /// Folders used lately, offered as places.
    recent: Vec<PathBuf>,
    /// The keyboard goes to the name box (or the list) when the dialog opens.
    focus_pending: bool,
    /// Letters typed to the list (type-ahead), and when the last one came.
    typed: (String, f64),
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
            let metadata = entry.metadata().ok();
            (is_folder || matches).then(|| Entry {
                name,
                is_folder,
                size: metadata.as_ref().filter(|m| m.is_file()).map(|m| m.len()),
                modified: metadata.and_then(|m| m.modified().ok()),
            })
        })
        .collect();
    sort_entries(&mut entries, SortBy::Name, true);
    Ok(entries)
}

/// Folders first, then by `by`, ascending or not.
fn sort_entries(entries: &mut [Entry], by: SortBy, ascending: bool) {
    entries.sort_by(|a, b| {
        let order = match by {
            SortBy::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            SortBy::Size => a.size.cmp(&b.size),
            SortBy::Modified => a.modified.cmp(&b.modified),
        };
        let order = if ascending { order } else { order.reverse() };
        (!a.is_folder).cmp(&!b.is_folder).then(order)
    });
}

/// "12 KB", "1.4 MB": a file's size as a person reads it.
fn size_text(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{} KB", bytes.div_ceil(1_000)),
        _ => format!("{:.1} MB", bytes as f64 / 1_000_000.0),
    }
}

/// The places a file is usually in: home, Documents, Desktop, and the folders used lately.
fn places(recent: &[PathBuf]) -> Vec<(String, PathBuf)> {
    let mut places = Vec::new();
    if let Some(dirs) = directories::UserDirs::new() {
        places.push(("Home".to_owned(), dirs.home_dir().to_path_buf()));
        if let Some(documents) = dirs.document_dir() {
            places.push(("Documents".to_owned(), documents.to_path_buf()));
        }
        if let Some(desktop) = dirs.desktop_dir() {
            places.push(("Desktop".to_owned(), desktop.to_path_buf()));
        }
    }
    for folder in recent {
        if places.iter().all(|(_, known)| known != folder) {
            let name = folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| folder.display().to_string());
            places.push((name, folder.clone()));
        }
    }
    places.retain(|(_, folder)| folder.is_dir());
    places
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
            sort: (SortBy::Name, true),
            recent: Vec::new(),
            focus_pending: true,
            typed: (String::new(), 0.0),
        };
        picker.go_to(folder);
        picker
    }

    /// Offers `recent` folders as places.
    pub fn with_recent(mut self, recent: Vec<PathBuf>) -> FilePicker {
        self.recent = recent;
        self
    }

    fn go_to(&mut self, folder: PathBuf) {
        self.entries = list_folder(&folder, self.request.purpose.filter().1);
        if let Ok(entries) = &mut self.entries {
            sort_entries(entries, self.sort.0, self.sort.1);
        }
        self.folder_text = folder.display().to_string();
        self.folder = folder;
        self.selected.clear();
    }

    /// What a path typed or pasted into the Folder box means: a folder is shown; a file
    /// (or, when saving, a new file in an existing folder) is chosen as the answer.
    fn typed_path(&mut self) -> Option<DialogAnswer> {
        let typed = PathBuf::from(self.folder_text.trim());
        if typed.is_dir() {
            self.go_to(typed);
            return None;
        }
        let parent = typed.parent().filter(|p| p.is_dir()).map(Path::to_path_buf);
        let name = typed.file_name().map(|n| n.to_string_lossy().into_owned());
        match (parent, name) {
            (Some(parent), Some(name)) if typed.is_file() || self.is_save() => {
                self.go_to(parent);
                if self.is_save() {
                    self.file_name = name;
                    None
                } else {
                    Some(DialogAnswer::Chosen(vec![typed]))
                }
            }
            _ => {
                self.entries = Err(format!("{} is not a folder or a file", typed.display()));
                None
            }
        }
    }

    /// Type-ahead: letters typed while no field has the keyboard choose the first entry
    /// whose name starts with them; a pause of a second starts afresh.
    fn type_ahead(&mut self, ctx: &egui::Context) {
        if ctx
            .memory(|m| m.focused())
            .is_some_and(|id| egui::TextEdit::load_state(ctx, id).is_some())
        {
            return;
        }
        let (typed, now) = ctx.input(|i| {
            let typed: String = i
                .events
                .iter()
                .filter_map(|event| match event {
                    egui::Event::Text(text) => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            (typed, i.time)
        });
        if typed.is_empty() {
            return;
        }
        if now - self.typed.1 > 1.0 {
            self.typed.0.clear();
        }
        self.typed.0.push_str(&typed.to_lowercase());
        self.typed.1 = now;
        let Ok(entries) = &self.entries else {
            return;
        };
        if let Some(entry) = entries
            .iter()
            .find(|entry| entry.name.to_lowercase().starts_with(&self.typed.0))
        {
            let name = entry.name.clone();
            if entry.is_folder {
                self.selected.clear();
            } else if self.is_save() {
                self.file_name = name;
            } else {
                self.selected = vec![name];
            }
        }
    }

    fn sort_by(&mut self, by: SortBy) {
        self.sort = if self.sort.0 == by {
            (by, !self.sort.1)
        } else {
            (by, by == SortBy::Name)
        };
        if let Ok(entries) = &mut self.entries {
            sort_entries(entries, self.sort.0, self.sort.1);
        }
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
        self.type_ahead(ctx);
        let title = self.request.purpose.title();
        let modal = egui::Modal::new(egui::Id::unique("file-picker")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(title);
            ui.horizontal(|ui| {
                let label = ui.label("Folder");
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.folder_text).desired_width(380.0))
                    .labelled_by(label.id)
                    .on_hover_text("A folder, or a whole path to a file");
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if entered || ui.button("Go").clicked() {
                    answer = answer.take().or_else(|| self.typed_path());
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
            let places = places(&self.recent);
            if !places.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.weak("Places");
                    for (name, folder) in places {
                        if ui
                            .small_button(&name)
                            .on_hover_text(folder.display().to_string())
                            .clicked()
                        {
                            self.go_to(folder);
                        }
                    }
                });
            }
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
            let mut chosen_now = None;
            let mut sort_by = None;
            let (sorted_by, ascending) = self.sort;
            let is_save = self.is_save();
            let is_multiple = self.request.purpose.is_multiple();
            let folder = self.folder.clone();
            let arrow = |by: SortBy| match (by == sorted_by, ascending) {
                (false, _) => "",
                (true, true) => " \u{2191}",
                (true, false) => " \u{2193}",
            };
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
                        egui::Grid::new("file-picker-entries")
                            .num_columns(3)
                            .striped(true)
                            .show(ui, |ui| {
                                for (by, name) in [
                                    (SortBy::Name, "Name"),
                                    (SortBy::Size, "Size"),
                                    (SortBy::Modified, "Modified"),
                                ] {
                                    if ui
                                        .small_button(format!("{name}{}", arrow(by)))
                                        .on_hover_text(format!("Sort by {}", name.to_lowercase()))
                                        .clicked()
                                    {
                                        sort_by = Some(by);
                                    }
                                }
                                ui.end_row();
                                for entry in entries {
                                    let shown = if entry.is_folder {
                                        format!("{}/", entry.name)
                                    } else {
                                        entry.name.clone()
                                    };
                                    let is_selected = self.selected.contains(&entry.name)
                                        || (is_save && self.file_name == entry.name);
                                    let response = ui.selectable_label(is_selected, shown);
                                    ui.weak(entry.size.map(size_text).unwrap_or_default());
                                    ui.weak(
                                        entry
                                            .modified
                                            .map(|time| {
                                                crate::dates::timestamp_of(time)
                                                    .replace('T', " ")
                                                    .chars()
                                                    .take(16)
                                                    .collect::<String>()
                                            })
                                            .unwrap_or_default(),
                                    );
                                    ui.end_row();
                                    if entry.is_folder {
                                        if response.clicked() {
                                            enter = Some(folder.join(&entry.name));
                                        }
                                    } else if response.double_clicked() {
                                        // A double click opens (or saves over) the file.
                                        chosen_now = Some(folder.join(&entry.name));
                                    } else if response.clicked() {
                                        if is_save {
                                            self.file_name = entry.name.clone();
                                        } else if is_multiple && ui.input(|i| i.modifiers.command) {
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
                            });
                    }
                });
            if let Some(by) = sort_by {
                self.sort_by(by);
            }
            if let Some(folder) = enter {
                self.go_to(folder);
            }
            if let Some(file) = chosen_now {
                answer = Some(DialogAnswer::Chosen(vec![file]));
            }
            if self.is_save() {
                ui.horizontal(|ui| {
                    let label = ui.label("File name");
                    let field = ui
                        .add(egui::TextEdit::singleline(&mut self.file_name).desired_width(380.0))
                        .labelled_by(label.id);
                    if std::mem::take(&mut self.focus_pending) {
                        field.request_focus();
                    }
                    let entered =
                        field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    let chosen = self.chosen();
                    if entered && !chosen.is_empty() {
                        answer = Some(DialogAnswer::Chosen(chosen));
                    }
                });
            }
            ui.horizontal(|ui| {
                let action = if self.is_save() { "Save" } else { "Open" };
                let chosen = self.chosen();
                if ui
                    .add_enabled(!chosen.is_empty(), egui::Button::new(action))
                    .clicked()
                {
                    answer = Some(DialogAnswer::Chosen(chosen.clone()));
                }
                // Enter chooses the selected file in an Open dialog too.
                if !self.is_save()
                    && !chosen.is_empty()
                    && ui.memory(|m| m.focused().is_none())
                    && ui.input(|i| i.key_pressed(egui::Key::Enter))
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
