//! File commands: new, open, save, save as, locks, leftovers and recovery copies.

pub(in crate::app) mod dialogs;
pub(in crate::app) mod picker;

use std::path::{Path, PathBuf};

use crate::app::command::Command;
use crate::app::files::dialogs::{DialogAnswer, FilePurpose, FileRequest, folder_of};
use crate::app::files::picker::FilePicker;
use crate::app::state::{AppState, Modal};
use crate::dates::now_timestamp;
use crate::model::Project;
use crate::project::recovery::{self, Recovery};
use crate::project::{LockError, ProjectLock, load, remove_dead_temporaries, save};
use crate::template::Template;

/// True if `a` and `b` name the same file (after resolving links and `..` where they exist).
fn same_file(a: &Path, b: &Path) -> bool {
    let resolve = |p: &Path| {
        p.canonicalize().unwrap_or_else(|_| {
            // A file that does not exist yet: resolve its folder.
            match (
                p.parent().and_then(|f| f.canonicalize().ok()),
                p.file_name(),
            ) {
                (Some(folder), Some(name)) => folder.join(name),
                _ => p.to_path_buf(),
            }
        })
    };
    a == b || resolve(a) == resolve(b)
}

impl AppState {
    /// True if the command may go ahead; otherwise asks Save / Discard / Cancel first and
    /// keeps the command, marked as confirmed, to run after the answer.
    pub(in crate::app) fn confirm_unsaved(&mut self, command: &Command, confirmed: bool) -> bool {
        if !self.dirty || confirmed {
            return true;
        }
        self.modal = Some(Modal::Unsaved(Box::new(command.clone().confirmed())));
        false
    }

    /// Takes the lock on the file this state was opened with; asks what to do if it is
    /// held. Then removes temporaries that a crashed save left beside it.
    pub fn lock_opened_file(&mut self) {
        let Some(path) = self.path.clone() else {
            return;
        };
        match ProjectLock::acquire(&path) {
            Ok(lock) => self.lock = Some(lock),
            Err(LockError::Held { holder, .. }) => {
                self.held_by = Some(holder.clone());
                self.modal = Some(Modal::Locked {
                    path: path.clone(),
                    holder,
                });
            }
            Err(error) => self.warning(format!(
                "{error}. The brief is open, but another window could change it too."
            )),
        }
        let removed = remove_dead_temporaries(&path, self.lock.is_some());
        if !removed.is_empty() {
            let names: Vec<String> = removed
                .iter()
                .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .collect();
            self.info(format!(
                "Removed {} left over from a save that was interrupted: {}. The brief itself is whole.",
                if removed.len() == 1 { "a temporary file" } else { "temporary files" },
                names.join(", ")
            ));
        }
    }

    /// Offers to restore unsaved work left by a run that did not close normally.
    pub fn offer_recovery(&mut self) {
        let Some(folder) = &self.recovery_dir else {
            return;
        };
        if let Some(found) = recovery::find_recoveries(folder).into_iter().next()
            && self.modal.is_none()
        {
            self.modal = Some(Modal::Recover(found));
        }
    }

    /// Removes this project's recovery copy (after a save, or when closing without changes).
    pub(in crate::app) fn clear_recovery(&mut self) {
        if let Some(folder) = &self.recovery_dir {
            recovery::remove_recovery(folder, self.path.as_deref());
        }
        self.changed_since_autosave = false;
    }

    pub(in crate::app) fn replace_project(&mut self, project: Project, path: Option<PathBuf>) {
        self.clear_recovery();
        self.lock = None;
        self.held_by = None;
        self.saved = path.as_ref().map(|_| project.clone());
        self.project = project;
        self.content_version += 1;
        self.path = path;
        self.dirty = false;
        self.history.clear();
        self.selected = None;
        self.layout_stale = true;
        self.sync_template();
        // The officer starts with the brief's title.
        self.focus_pane = Some(crate::app::state::Pane::Editor);
    }

    /// The folders of the brief and of the files opened lately, for the file dialog's
    /// places.
    fn recent_folders(&self) -> Vec<PathBuf> {
        let mut folders: Vec<PathBuf> = Vec::new();
        let candidates = self
            .folder()
            .into_iter()
            .chain(self.settings.last_folder.clone())
            .chain(self.settings.recent.iter().filter_map(|p| folder_of(p)));
        for folder in candidates {
            if !folders.contains(&folder) {
                folders.push(folder);
            }
        }
        folders.truncate(5);
        folders
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.settings.recent.retain(|p| *p != path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(10);
    }

    pub(in crate::app) fn new_from_template(&mut self, name: &str) {
        match Template::built_in(name) {
            Ok(template) => {
                let mut project = Project::new(&template.name, &template.part_titles());
                project.brief.meta.classification = template.default_classification.clone();
                project.brief.meta.created = now_timestamp();
                project.brief.meta.title = crate::model::PLACEHOLDER_TITLE.into();
                self.replace_project(project, None);
                self.modal = None;
            }
            Err(error) => self.error(error.to_string()),
        }
    }

    pub(in crate::app) fn open_dialog(&mut self, confirmed: bool) {
        let command = Command::OpenDialog { confirmed };
        if !self.confirm_unsaved(&command, confirmed) {
            return;
        }
        self.ask_for_file(FilePurpose::OpenProject {
            edits_at_request: self.edits_made,
        });
    }

    /// Asks the user for a file: through the native dialog, or the window's own where
    /// none can be shown. The answer arrives through [`AppState::on_dialog_answer`].
    pub(in crate::app) fn ask_for_file(&mut self, purpose: FilePurpose) {
        let folder = self.folder().or_else(|| self.settings.last_folder.clone());
        let request = FileRequest { purpose, folder };
        if self.native_dialogs_unavailable {
            self.file_picker = Some(FilePicker::new(request).with_recent(self.recent_folders()));
        } else {
            self.dialogs.start(request);
            self.collect_dialog_answer();
        }
    }

    /// Acts on a native dialog's answer, if one has arrived. Called every frame.
    pub fn collect_dialog_answer(&mut self) {
        if let Some((request, answer)) = self.dialogs.answer() {
            self.on_dialog_answer(request, answer);
        }
    }

    /// Runs the command a chosen file was asked for; falls back to the window's own
    /// dialog when the native one could not be shown (and says so once).
    pub fn on_dialog_answer(&mut self, request: FileRequest, answer: DialogAnswer) {
        let paths = match answer {
            DialogAnswer::Chosen(paths) => paths,
            DialogAnswer::Cancelled => {
                // Cancelling Save As cancels what was to follow the save too.
                if matches!(request.purpose, FilePurpose::SaveProjectAs { .. }) {
                    self.after_save = None;
                }
                return;
            }
            DialogAnswer::Unavailable(reason) => {
                if !self.native_dialogs_unavailable {
                    self.native_dialogs_unavailable = true;
                    self.warning_with_detail(
                        "Your desktop has no file chooser, so Briefwright's own file dialog is used.",
                        format!("The desktop's file dialog could not be shown: {reason}."),
                    );
                }
                self.file_picker =
                    Some(FilePicker::new(request).with_recent(self.recent_folders()));
                return;
            }
        };
        let Some(first) = paths.first().cloned() else {
            return;
        };
        self.settings.last_folder = folder_of(&first);
        let purpose = request.purpose;
        let command = match &purpose {
            FilePurpose::OpenProject { edits_at_request } => Command::Open {
                path: first,
                confirmed: *edits_at_request == self.edits_made,
            },
            FilePurpose::ImportArticles => Command::ImportArticles(paths),
            FilePurpose::SaveProjectAs { .. } => Command::SaveAs(purpose.complete(first)),
            FilePurpose::ExportPdf { .. } => Command::ExportPdf(purpose.complete(first)),
            FilePurpose::ExportWord { .. } => Command::ExportWord(purpose.complete(first)),
            FilePurpose::ExportReview { .. } => Command::ExportReview(purpose.complete(first)),
            FilePurpose::ImportReview => Command::ImportReview(first),
            FilePurpose::InsertPictures => Command::InsertPictures {
                paths,
                part: self.picture_part.take(),
            },
            FilePurpose::PickTemplate => Command::UseTemplateFile(first),
            FilePurpose::PickDictionary => Command::SetDictionaryFolder(
                first.parent().map(Path::to_path_buf).unwrap_or_default(),
            ),
            FilePurpose::PickLibrary => Command::Library(Box::new(
                crate::app::library::action::LibraryAction::AddFolder(
                    first.parent().map(Path::to_path_buf).unwrap_or_default(),
                ),
            )),
        };
        self.run(command);
    }

    pub(in crate::app) fn open(&mut self, path: PathBuf, confirmed: bool) {
        let command = Command::Open {
            path: path.clone(),
            confirmed,
        };
        if !self.confirm_unsaved(&command, confirmed) {
            return;
        }
        match load(&path) {
            Ok(loaded) => {
                self.replace_project(loaded.project, Some(path.clone()));
                self.remember_recent(&path);
                self.info(format!("Opened {}.", path.display()));
                self.report(&format!("{}: ", path.display()), &loaded.warnings);
                self.lock_opened_file();
            }
            Err(error) => self.error(format!(
                "Could not open the project. {error}. Your current brief is unchanged."
            )),
        }
    }

    pub(in crate::app) fn save_current(&mut self) {
        match self.path.clone() {
            Some(path) => self.save_as(path),
            None => self.run(Command::SaveAsDialog),
        }
    }

    pub(in crate::app) fn save_as_dialog(&mut self) {
        let suggested = self.suggested_name("brief");
        self.ask_for_file(FilePurpose::SaveProjectAs { suggested });
    }

    /// Saves to `path`, refusing a file that another window holds (the current file
    /// while read-only included), so no one's work is overwritten.
    pub(in crate::app) fn save_as(&mut self, path: PathBuf) {
        let is_current = self
            .path
            .as_deref()
            .is_some_and(|current| same_file(current, &path));
        if is_current && let Some(holder) = &self.held_by {
            let message = format!(
                "{} was not saved: it is open in another Briefwright window ({holder}). Use Save As\u{2026} to save a copy under another name.",
                path.display()
            );
            self.error(message);
            return;
        }
        let new_lock = if is_current {
            None
        } else {
            match ProjectLock::acquire(&path) {
                Ok(lock) => Some(lock),
                Err(LockError::Held { holder, .. }) => {
                    self.error(format!(
                        "{} was not saved: it is open in another Briefwright window ({holder}). Choose another name.",
                        path.display()
                    ));
                    return;
                }
                // The save below meets the same problem and says what it is.
                Err(LockError::Io { .. }) => None,
            }
        };
        match save(&self.project, &path) {
            Ok(()) => {
                self.clear_recovery();
                if !is_current {
                    self.lock = new_lock;
                    self.held_by = None;
                }
                self.saved = Some(self.project.clone());
                self.dirty = false;
                self.history.break_burst();
                self.remember_recent(&path);
                self.info(format!("Saved {}.", path.display()));
                self.path = Some(path);
                if let Some(next) = self.after_save.take() {
                    self.run(*next);
                }
            }
            Err(error) => {
                self.after_save = None;
                self.error(format!(
                    "The brief was not saved. {error}. Nothing you typed is lost; try Save As\u{2026} to another folder."
                ));
            }
        }
    }

    pub(in crate::app) fn open_read_only(&mut self) {
        if let Some(Modal::Locked { holder, .. }) = self.modal.take() {
            self.held_by = Some(holder);
        }
        self.info("Opened read-only. Use Save As\u{2026} to keep your changes in another file.");
    }

    pub(in crate::app) fn take_over_lock(&mut self) {
        let Some(Modal::Locked { path, holder }) = self.modal.take() else {
            return;
        };
        if !holder.is_stale() {
            self.held_by = Some(holder.clone());
            self.error(format!(
                "{} is still held by {holder}; it was opened read-only.",
                path.display()
            ));
            return;
        }
        match ProjectLock::take_over(&path) {
            Ok(lock) => {
                self.lock = Some(lock);
                self.held_by = None;
                self.info(format!("Took over {} from {holder}.", path.display()));
            }
            Err(error) => {
                self.held_by = Some(holder);
                self.error(format!("{error}. The brief stays read-only."));
            }
        }
    }

    pub(in crate::app) fn restore_recovery(&mut self) {
        let Some(Modal::Recover(found)) = self.modal.take() else {
            return;
        };
        match recovery::load_recovery(&found) {
            Some(project) => {
                let original = found.original.clone();
                self.replace_project(project, original);
                self.saved = None;
                self.dirty = true;
                self.changed_since_autosave = true;
                recovery::discard_recovery(&found);
                self.lock_opened_file();
                self.info("Restored your unsaved work. Save it to keep it.");
            }
            None => self.error(format!(
                "The recovery copy {} could not be read.",
                found.path.display()
            )),
        }
    }

    pub(in crate::app) fn discard_recovery(&mut self) {
        if let Some(Modal::Recover(found)) = self.modal.take() {
            let found: Recovery = found;
            recovery::discard_recovery(&found);
        }
    }
}

/// Shows the in-window file dialog, if one is open, and acts on its answer.
pub fn file_picker_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let Some(picker) = state.file_picker_mut() else {
        return;
    };
    if let Some(answer) = picker.show_ui(ui.ctx()) {
        state.send(Command::AnswerFilePicker(answer));
    }
}
