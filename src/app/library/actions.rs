//! The Library tab's commands: library files change through [`crate::library`]'s
//! compare-and-swap saves, and the brief through [`AppState::apply_edits`], so that
//! taking a line, updating it or keeping it is one undo step.

use std::path::PathBuf;

use super::action::LibraryAction;
use super::state::{LineDraft, MergeDraft, OpenLibrary};
use crate::app::state::AppState;
use crate::library::{Action, Line, SaveError, Status, UseNotice};
use crate::model::{Edit, LibraryUse, Marking, TalkingPointId};

impl AppState {
    /// Runs a command of the Library tab or of a library notice.
    pub(in crate::app) fn run_library(&mut self, action: LibraryAction) {
        match action {
            LibraryAction::TypeFolder(text) => self.library.folder_typed = text,
            LibraryAction::AddFolder(folder) => self.add_library_folder(folder),
            LibraryAction::BrowseFolder => {
                self.ask_for_file(crate::app::files::dialogs::FilePurpose::PickLibrary);
            }
            LibraryAction::RemoveFolder(folder) => {
                self.settings.library_folders.retain(|f| *f != folder);
                self.library.libraries.retain(|l| l.folder != folder);
                self.library.selected = None;
                self.library.draft = None;
                self.library.merge = None;
                self.library.reads += 1;
            }
            LibraryAction::Refresh => self.reread_libraries(),
            LibraryAction::SetFilter(filter) => self.library.filter = filter,
            LibraryAction::Select { library, line } => self.select_line(library, &line),
            LibraryAction::NewLine { library } => {
                self.library.draft = Some(LineDraft {
                    library,
                    base: None,
                    text: String::new(),
                    topic: String::new(),
                    tags: String::new(),
                    marking: String::new(),
                    review_by: String::new(),
                });
            }
            LibraryAction::EditSelected => {
                if let Some((library, line)) = &self.library.selected {
                    self.library.draft = Some(LineDraft {
                        library: *library,
                        base: Some(line.clone()),
                        text: line.text.clone(),
                        topic: line.topic.clone(),
                        tags: line.tags.join(", "),
                        marking: line.marking.clone(),
                        review_by: line.review_by.clone(),
                    });
                }
            }
            LibraryAction::EditDraft(draft) => self.library.draft = Some(draft),
            LibraryAction::SaveDraft => self.save_line_draft(),
            LibraryAction::CancelDraft => self.library.draft = None,
            LibraryAction::ApproveSelected => {
                let by = self.author();
                self.change_selected(Action::Approved, |line| {
                    line.status = Status::Approved;
                    line.approved_by = by;
                    line.approved_on = crate::library::today();
                });
            }
            LibraryAction::WithdrawSelected => {
                self.change_selected(Action::Withdrawn, |line| line.status = Status::Withdrawn);
            }
            LibraryAction::UseLine {
                library,
                line,
                part,
            } => self.use_line(library, &line, part),
            LibraryAction::Update(point) => self.answer_update(point, true),
            LibraryAction::Keep(point) => self.answer_update(point, false),
            LibraryAction::StartMerge { library, copy } => self.start_merge(library, copy),
            LibraryAction::EditMerge(merge) => self.library.merge = Some(merge),
            LibraryAction::FinishMerge => self.finish_merge(),
            LibraryAction::CancelMerge => self.library.merge = None,
        }
    }

    /// Opens the library folders the settings list (at start).
    pub(in crate::app) fn open_listed_libraries(&mut self) {
        self.library.libraries = self
            .settings
            .library_folders
            .iter()
            .cloned()
            .map(OpenLibrary::open)
            .collect();
        self.library.reads += 1;
    }

    fn add_library_folder(&mut self, folder: PathBuf) {
        let folder = PathBuf::from(folder.to_string_lossy().trim());
        if folder.as_os_str().is_empty() {
            return;
        }
        if self.library.libraries.iter().any(|l| l.folder == folder) {
            self.info(format!(
                "{} is already in your libraries.",
                folder.display()
            ));
            return;
        }
        let opened = OpenLibrary::open(folder.clone());
        match &opened.opened {
            Ok(library) => {
                self.info(format!(
                    "Added the library \u{201c}{}\u{201d} ({}).",
                    library.info.name,
                    crate::model::count_of(library.lines.len(), "line")
                ));
                self.report_library_problems(library);
            }
            Err(why) => {
                return self.error(format!("The library was not added: {why}."));
            }
        }
        self.settings.library_folders.push(folder);
        self.library.libraries.push(opened);
        self.library.folder_typed.clear();
        self.library.reads += 1;
    }

    fn report_library_problems(&mut self, library: &crate::library::Library) {
        if !library.problems.is_empty() {
            let named: Vec<String> = library.problems.iter().map(|p| p.to_string()).collect();
            self.warning_with_detail(
                format!(
                    "{} file(s) in the library \u{201c}{}\u{201d} are not lines and were left alone.",
                    library.problems.len(),
                    library.info.name
                ),
                named.join("\n"),
            );
        }
        if !library.conflicts.is_empty() {
            self.warning(format!(
                "The library \u{201c}{}\u{201d} has {} copy(ies) made by a sync client; merge them in the Library tab.",
                library.info.name,
                library.conflicts.len()
            ));
        }
    }

    /// Reads one library again (through its index: only changed files are read).
    fn reread_library(&mut self, index: usize) {
        let Some(open) = self.library.libraries.get_mut(index) else {
            return;
        };
        open.opened = crate::library::Library::open(&open.folder).map_err(|e| e.to_string());
        if open.watch.is_none() && open.opened.is_ok() {
            open.watch = crate::library::FolderWatch::start(&open.folder).ok();
        }
        self.library.reads += 1;
        if let Some((library, line)) = self.library.selected.clone()
            && library == index
        {
            self.select_line(library, &line.id);
        }
    }

    fn reread_libraries(&mut self) {
        for index in 0..self.library.libraries.len() {
            self.reread_library(index);
        }
    }

    /// Called every frame: reads again the libraries whose folders changed, and brings
    /// the update check of the brief's library talking points up to date.
    pub fn poll_libraries(&mut self) {
        let changed: Vec<usize> = self
            .library
            .libraries
            .iter()
            .enumerate()
            .filter(|(_, l)| l.watch.as_ref().is_some_and(|w| w.take_changed()))
            .map(|(i, _)| i)
            .collect();
        for index in changed {
            self.reread_library(index);
        }
        let key = (self.content_version, self.library.reads);
        let uses_library = self
            .project
            .talking_points
            .iter()
            .any(|p| p.library.is_some());
        if self.library.checked_for != Some(key) {
            self.library.checks = if uses_library {
                let open = self.library.open_libraries();
                crate::library::check_uses(&self.project, &open, &crate::library::today())
            } else {
                Vec::new()
            };
            self.library.checked_for = Some(key);
        }
    }

    fn select_line(&mut self, library: usize, id: &str) {
        let Some(open) = self.library.libraries.get(library) else {
            return;
        };
        match crate::library::read_line(&open.folder, id) {
            Ok(line) => self.library.selected = Some((library, line)),
            Err(error) => {
                self.library.selected = None;
                self.error(format!("That line could not be shown: {error}."));
            }
        }
    }

    fn folder_of_library(&self, library: usize) -> Option<PathBuf> {
        self.library
            .libraries
            .get(library)
            .map(|l| l.folder.clone())
    }

    fn report_save_error(&mut self, error: SaveError) {
        // "The line was not saved: Dana Lee changed this line on …": the error says who,
        // when, and where the refused words were kept.
        self.error(format!("The line was {error}"));
    }

    fn save_line_draft(&mut self) {
        let Some(draft) = self.library.draft.clone() else {
            return;
        };
        let Some(folder) = self.folder_of_library(draft.library) else {
            return;
        };
        if draft.text.trim().is_empty() {
            return self.error("The line was not saved: its text is empty.");
        }
        let review_by = draft.review_by.trim();
        if !review_by.is_empty() && !crate::library::is_iso_date(review_by) {
            return self.error(format!(
                "The line was not saved: the review date \u{201c}{review_by}\u{201d} is not written YYYY-MM-DD."
            ));
        }
        let by = self.author();
        let mut line = match &draft.base {
            Some(base) => base.clone(),
            None => Line::new(draft.text.trim(), &by),
        };
        line.text = draft.text.trim().to_owned();
        line.topic = draft.topic.trim().to_owned();
        line.tags = draft
            .tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        line.marking = draft.marking.trim().to_owned();
        line.review_by = review_by.to_owned();
        let saved = match &draft.base {
            Some(base) => {
                crate::library::save_line(&folder, &line, base.version, &by, Action::Edited)
            }
            None => crate::library::create_line(&folder, &line, &by, Action::Created),
        };
        match saved {
            Ok(saved) => {
                self.library.draft = None;
                self.info(format!("Saved the line (version {}).", saved.line.version));
                self.reread_library(draft.library);
                self.library.selected = Some((draft.library, saved.line));
            }
            // The draft stays open in the pane too: nothing the officer typed is lost.
            Err(error) => {
                self.report_save_error(error);
                self.reread_library(draft.library);
            }
        }
    }

    fn change_selected(&mut self, action: Action, change: impl FnOnce(&mut Line)) {
        let Some((library, mut line)) = self.library.selected.clone() else {
            return;
        };
        let Some(folder) = self.folder_of_library(library) else {
            return;
        };
        let expected = line.version;
        change(&mut line);
        let by = self.author();
        match crate::library::save_line(&folder, &line, expected, &by, action) {
            Ok(saved) => {
                self.info(format!(
                    "The line is {} (version {}).",
                    saved.line.status.word(),
                    saved.line.version
                ));
                self.reread_library(library);
                self.library.selected = Some((library, saved.line));
            }
            Err(error) => {
                self.report_save_error(error);
                self.reread_library(library);
            }
        }
    }

    fn use_line(&mut self, library: usize, id: &str, part: Option<usize>) {
        let Some(Ok(opened)) = self.library.libraries.get(library).map(|l| &l.opened) else {
            return;
        };
        let Some(line) = opened.line(id).cloned() else {
            return self.error("That line is no longer in the library.");
        };
        if line.status == Status::Withdrawn {
            return self.error(
                "That line was withdrawn from the library and is not added; choose a current line.",
            );
        }
        let library_id = opened.info.id.clone();
        let folder = opened.folder.display().to_string();
        let part = part.unwrap_or_else(|| self.default_part(true));
        let existing = self.project.talking_points.iter().find(|p| {
            p.library
                .as_ref()
                .is_some_and(|u| u.library == library_id && u.line == line.id)
        });
        if let Some(point) = existing {
            let point = point.id;
            return self.apply_edits(vec![Edit::AddBlock {
                part,
                kind: crate::model::BlockKind::TalkingPoint { point },
            }]);
        }
        if line.status != Status::Approved {
            self.warning("That line is not approved yet; it is in the brief as a draft line.");
        }
        self.apply_edits(vec![Edit::AddLibraryPoint {
            text: line.text.clone(),
            tags: line.tags.clone(),
            marking: Marking {
                level: line.marking.clone(),
                caveats: line.caveats.clone(),
            },
            library: LibraryUse {
                library: library_id,
                line: line.id.clone(),
                version: line.version,
                used_on: crate::library::today(),
                folder,
                kept: None,
            },
            part: Some(part),
        }]);
    }

    fn answer_update(&mut self, point: TalkingPointId, take: bool) {
        let Some(check) = self
            .library
            .checks
            .iter()
            .find(|c| c.point == point)
            .cloned()
        else {
            return;
        };
        let UseNotice::Updated { line } = check.notice else {
            return;
        };
        let Some(current) = self.project.talking_point(point) else {
            return;
        };
        let mut used = check.used.clone();
        let text = if take {
            used.version = line.version;
            used.used_on = crate::library::today();
            used.kept = None;
            line.text.clone()
        } else {
            used.kept = Some(line.version);
            current.text.clone()
        };
        self.apply_edits(vec![Edit::SetLibraryUse {
            point,
            text,
            library: Some(used),
        }]);
    }

    fn start_merge(&mut self, library: usize, copy: usize) {
        let Some(Ok(opened)) = self.library.libraries.get(library).map(|l| &l.opened) else {
            return;
        };
        let Some(copy) = opened.conflicts.get(copy).cloned() else {
            return;
        };
        let ours = opened
            .line(&copy.line.id)
            .map(|l| l.text.clone())
            .unwrap_or_default();
        self.library.merge = Some(MergeDraft {
            library,
            text: ours.clone(),
            ours,
            copy,
        });
    }

    fn finish_merge(&mut self) {
        let Some(merge) = self.library.merge.clone() else {
            return;
        };
        let Some(folder) = self.folder_of_library(merge.library) else {
            return;
        };
        if merge.text.trim().is_empty() {
            return self.error("The copy was not merged: the merged text is empty.");
        }
        let by = self.author();
        match crate::library::merge_conflict_copy(&folder, &merge.copy, merge.text.trim(), &by) {
            Ok(saved) => {
                self.library.merge = None;
                self.info(format!(
                    "Merged {} into the line (version {}); the copy is removed.",
                    merge.copy.file, saved.line.version
                ));
            }
            Err(error) => self.report_save_error(error),
        }
        self.reread_library(merge.library);
    }
}
