//! The one place commands are applied, with undo and redo of the edits they make.

use std::path::PathBuf;
use std::time::Instant;

use super::command::{Command, UnsavedChoice};
use super::files::dialogs::FilePurpose;
use super::history::Step;
use super::state::{AppState, Modal, Pane, Tab};
use crate::export::ExportFormat;
use crate::model::{BlockKind, Created, Edit};
use crate::template::Template;

impl AppState {
    /// Runs one command now.
    pub fn run(&mut self, command: Command) {
        match command {
            Command::NewDialog { confirmed } => {
                if self.confirm_unsaved(&command, confirmed) {
                    self.modal = Some(Modal::ChooseTemplate);
                }
            }
            Command::NewFromTemplate(name) => self.new_from_template(&name),
            Command::OpenDialog { confirmed } => self.open_dialog(confirmed),
            Command::Open { path, confirmed } => self.open(path, confirmed),
            Command::Save => self.save_current(),
            Command::SaveAsDialog => self.save_as_dialog(),
            Command::SaveAs(path) => self.save_as(path),
            Command::ImportDialog => self.ask_for_file(FilePurpose::ImportArticles),
            Command::ImportArticles(paths) => self.import_articles(paths),
            Command::PasteDialog => self.open_paste_dialog(),
            Command::PasteArticle(text) => self.paste_article(&text),
            Command::PasteHtml { html, text } => self.paste_html(&html, &text),
            Command::ImportLinkDialog => self.modal = Some(Modal::Link(String::new())),
            Command::ImportLink(url) => self.start_link_import(url),
            Command::RemoveSourceDialog(source) => self.ask_to_remove_source(source),
            Command::RemoveSource { source, excerpts } => self.remove_source(source, excerpts),
            Command::ExportDialog => {
                let suggested = self.suggested_name("pdf");
                self.ask_for_file(FilePurpose::ExportPdf { suggested });
            }
            Command::ExportPdf(path) => self.export(path, ExportFormat::Pdf),
            Command::ExportWordDialog => {
                let suggested = self.suggested_name("docx");
                self.ask_for_file(FilePurpose::ExportWord { suggested });
            }
            Command::ExportWord(path) => self.export(path, ExportFormat::Docx),
            Command::ExportAnyway { path, format } => self.export_anyway(path, format),
            Command::Quit { confirmed } => {
                if self.confirm_unsaved(&command, confirmed) {
                    self.quit_now = true;
                }
            }
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::DeleteSelected => {
                if let Some(block) = self.selected.take() {
                    self.apply_edits(vec![Edit::DeleteBlock(block)]);
                }
            }
            Command::ZoomIn => self.set_zoom(self.settings.zoom * 1.25),
            Command::ZoomOut => self.set_zoom(self.settings.zoom / 1.25),
            Command::ZoomReset => self.set_zoom(1.0),
            Command::FitWidth => self.settings.fit_width = true,
            Command::InterfaceZoomIn => self.set_interface_zoom(self.settings.interface_zoom * 1.1),
            Command::InterfaceZoomOut => {
                self.set_interface_zoom(self.settings.interface_zoom / 1.1)
            }
            Command::InterfaceZoomReset => self.set_interface_zoom(1.0),
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::ShowShortcuts => self.modal = Some(Modal::Shortcuts),
            Command::ShowAbout => self.modal = Some(Modal::About),
            Command::Edit(edit) => self.apply_edits(vec![edit]),
            command @ (Command::ToggleSuggesting
            | Command::SetMarkup(_)
            | Command::NewComment
            | Command::EditCommentDraft(_)
            | Command::PostComment
            | Command::ReplyToComment { .. }
            | Command::ResolveComment { .. }
            | Command::DeleteComment(_)
            | Command::GoToComment(_)
            | Command::NextComment(_)
            | Command::AnswerSuggestion { .. }
            | Command::AnswerBlockSuggestions { .. }
            | Command::AnswerAllSuggestions { .. }
            | Command::SaveVersion(_)
            | Command::RestoreVersion(_)
            | Command::Show(_)
            | Command::SignOff(_)
            | Command::ExportReviewDialog
            | Command::ExportReview(_)
            | Command::SetAuthorName(_)
            | Command::ImportReviewDialog
            | Command::ImportReview(_)) => {
                self.run_review(command);
            }
            Command::InsertPictureDialog { part } => {
                self.picture_part = part;
                self.ask_for_file(FilePurpose::InsertPictures);
            }
            Command::InsertPictures { paths, part } => self.insert_pictures(&paths, part),
            Command::PastePicture => self.paste_picture(),
            Command::Library(action) => self.run_library(*action),
            Command::GoToBlock(block) => {
                self.selected = Some(block);
                self.scroll_to_selected = true;
                self.history.break_burst();
            }
            Command::MoveSelected(by) => {
                if let Some(block) = self.selected {
                    self.apply_edits(vec![Edit::MoveBlock { block, by }]);
                    self.scroll_to_selected = true;
                }
            }
            Command::Select(block) => {
                self.selected = block;
                self.history.break_burst();
            }
            Command::AddSection {
                section,
                part,
                again,
            } => {
                if !again && self.quoting(section).is_some() {
                    self.modal = Some(Modal::AddAgain { section, part });
                    return;
                }
                let part = part.unwrap_or_else(|| self.default_part(false));
                let kind = self.project.quoting_block(section);
                self.apply_edits(vec![Edit::AddBlock { part, kind }]);
            }
            Command::AddTalkingPoint { point, part } => {
                let part = part.unwrap_or_else(|| self.default_part(true));
                let kind = BlockKind::TalkingPoint { point };
                self.apply_edits(vec![Edit::AddBlock { part, kind }]);
            }
            Command::UseTemplate(name) => match Template::built_in(&name) {
                Ok(template) => {
                    let edits = template.switch_edits(&self.project, None);
                    self.apply_edits(edits);
                    let kept: Vec<String> = template
                        .unprinted_parts(&self.project.brief)
                        .into_iter()
                        .map(|(_, part)| part.title.clone())
                        .collect();
                    if !kept.is_empty() {
                        self.warning(format!(
                            "The {name} template has no place for {}; they are kept, not printed. Move their blocks into a part, or undo.",
                            kept.join(", ")
                        ));
                    }
                }
                Err(error) => self.error(format!("The template was not changed: {error}.")),
            },
            Command::TemplateFileDialog => self.ask_for_file(FilePurpose::PickTemplate),
            Command::UseTemplateFile(path) => self.use_template_file(path),
            Command::RefreshTemplate => match self.project.brief.custom_template.clone() {
                Some(custom) => self.use_template_file(PathBuf::from(custom.origin)),
                None => self.info(
                    "This brief uses a built-in template; there is no file to refresh it from.",
                ),
            },
            Command::ResolveUnsaved(choice) => {
                let Some(Modal::Unsaved(pending)) = self.modal.take() else {
                    return;
                };
                match choice {
                    UnsavedChoice::Save => {
                        let untitled = self.path.is_none();
                        self.run(Command::Save);
                        if !self.dirty {
                            self.run(*pending);
                        } else if untitled {
                            // Save asked where to save: go on once the file is written.
                            self.after_save = Some(pending);
                        }
                    }
                    UnsavedChoice::Discard => self.run(*pending),
                    UnsavedChoice::Cancel => {}
                }
            }
            Command::DismissMessages => self.messages.clear(),
            Command::SetPreviewHidden(hidden) => self.settings.preview_hidden = hidden,
            Command::CyclePane(by) => {
                let count = Pane::ORDER.len() as i32;
                let next = match self.focused_pane {
                    Some(pane) => {
                        let at = Pane::ORDER.iter().position(|p| *p == pane).unwrap_or(0) as i32;
                        (at + by).rem_euclid(count)
                    }
                    None if by < 0 => count - 1,
                    None => 0,
                };
                self.focus_pane = Some(Pane::ORDER[next as usize]);
            }
            Command::OpenReadOnly => self.open_read_only(),
            Command::TakeOverLock => self.take_over_lock(),
            Command::RestoreRecovery => self.restore_recovery(),
            Command::DiscardRecovery => self.discard_recovery(),
            Command::Clipboard(action) => self.clipboard_request = Some(action),
            Command::Find { replace } => self.open_find(replace),
            Command::FindNext(by) => {
                if self.find.is_none() {
                    self.open_find(false);
                }
                self.step_match(by);
            }
            Command::ReplaceCurrent => self.replace_current(),
            Command::ReplaceAll => self.replace_all(),
            Command::CloseFind => self.find = None,
            Command::ReplaceWord {
                place,
                range,
                word,
                replacement,
            } => {
                let menu = super::spelling::state::WordMenu {
                    place,
                    sub: 0,
                    range,
                    word,
                    suggestions: Vec::new(),
                };
                self.replace_word(menu, &replacement);
            }
            Command::AddToDictionary(word) => self.add_to_dictionary(&word),
            Command::IgnoreInBrief(word) => self.ignore_in_brief(&word),
            Command::DictionaryFolderDialog => self.ask_for_file(FilePurpose::PickDictionary),
            Command::SetDictionaryFolder(folder) => self.set_dictionary_folder(folder),
            // What the window shows: no undo step, and the project stays as it was.
            Command::SetTab(tab) => self.tab = tab,
            Command::SetSourceFilter(filter) => self.source_filter = filter,
            Command::CloseModal => self.modal = None,
            Command::EditPasteDraft(draft) => self.modal = Some(Modal::Paste(draft)),
            Command::EditLink(url) => self.modal = Some(Modal::Link(url)),
            Command::FocusPane(pane) => self.focus_pane = Some(pane),
            Command::PaneFocused(pane) => {
                // Only the request it answered: a newer one stays for its pane.
                if self.focus_pane == Some(pane) {
                    self.focus_pane = None;
                }
            }
            Command::NewBlockFocused(block) => {
                if self.focus_new_block == Some(block) {
                    self.focus_new_block = None;
                }
            }
            Command::SetSourcesWidth(width) => self.settings.sources_width = width,
            Command::SetPreviewWidth(width) => self.settings.preview_width = width,
            Command::SetWordMenu(menu) => self.spelling.menu = menu,
            Command::ClipboardDone { reached_field } => {
                self.clipboard_request = None;
                if !reached_field {
                    self.info(
                        "Click in a text field first: cut, copy, paste and select all act on it.",
                    );
                }
            }
            Command::AnswerFilePicker(answer) => {
                if let Some(picker) = self.file_picker.take() {
                    self.on_dialog_answer(picker.request, answer);
                }
            }
        }
    }

    /// Writes the brief in `format`, whatever the file is called: the dialog chose it. A
    /// brief with errors is not written: the user is asked first.
    fn export(&mut self, path: PathBuf, format: ExportFormat) {
        let prepared = match crate::export::prepare(&self.project, format, &mut self.layouter) {
            Ok(prepared) => prepared,
            Err(error) => return self.error(format!("The brief was not exported. {error}.")),
        };
        let errors = prepared.error_count();
        let checks = self.before_sending(&prepared.laid);
        if errors > 0 || !checks.is_empty() {
            if errors > 0 {
                // The messages say where each error is, with Go to.
                self.report("", &prepared.laid.diagnostics);
            }
            self.modal = Some(Modal::ExportWithErrors {
                path,
                format,
                errors,
                checks,
            });
            return;
        }
        self.write_export(&path, format, prepared, 0);
    }

    /// What to settle before the brief is sent, one line each: the layout's checks (a
    /// placeholder title, an empty To, From or Date) and the words the spelling check
    /// does not know.
    fn before_sending(&mut self, laid: &crate::layout::Laid) -> Vec<String> {
        let mut checks: Vec<String> = laid
            .diagnostics
            .iter()
            .filter(|d| d.before_sending)
            .map(|d| sentence(&d.message))
            .collect();
        if let Some(open) = self.project.open_review_summary() {
            checks.push(format!(
                "The brief has {open}. The PDF prints the text without the suggestions; \
                 the Word file carries them as tracked changes. File \u{25b8} Export Review \
                 Copy prints them marked."
            ));
        }
        let libraries = self.library.open_libraries();
        let today = crate::library::today();
        for check in crate::library::check_uses(&self.project, &libraries, &today)
            .iter()
            .filter(|c| c.warns_at_export())
        {
            checks.push(sentence(&check.message(&self.project)));
        }
        let unknown = self.unknown_word_count();
        if unknown > 0 {
            checks.push(format!(
                "The brief has {}, underlined in red in the editor.",
                crate::spelling::count_text(unknown)
            ));
        }
        checks
    }

    /// Writes the brief with its errors, marked in its properties.
    fn export_anyway(&mut self, path: PathBuf, format: ExportFormat) {
        self.modal = None;
        let errors = match crate::export::prepare(&self.project, format, &mut self.layouter) {
            Ok(prepared) => prepared.error_count(),
            Err(error) => return self.error(format!("The brief was not exported. {error}.")),
        };
        if errors == 0 {
            // Only things to settle before sending, which the officer has seen: no mark.
            return match crate::export::prepare(&self.project, format, &mut self.layouter) {
                Ok(prepared) => self.write_export(&path, format, prepared, 0),
                Err(error) => self.error(format!("The brief was not exported. {error}.")),
            };
        }
        let marked = crate::export::marked_with_errors(&self.project, errors);
        match crate::export::prepare(&marked, format, &mut self.layouter) {
            Ok(prepared) => self.write_export(&path, format, prepared, errors),
            Err(error) => self.error(format!("The brief was not exported. {error}.")),
        }
    }

    fn write_export(
        &mut self,
        path: &std::path::Path,
        format: ExportFormat,
        prepared: crate::export::Prepared,
        errors: usize,
    ) {
        if let Err(error) = crate::project::write_atomically(path, &prepared.bytes, false) {
            return self.error(format!("The brief was not exported. {error}."));
        }
        let laid = prepared.laid;
        let pages = laid.pages.len();
        let plural = if pages == 1 { "" } else { "s" };
        self.info(match format {
            ExportFormat::Pdf => format!("Exported {} ({pages} page{plural}).", path.display()),
            ExportFormat::Docx => format!(
                "Exported {} as a Word document ({pages} page{plural} as PDF; Word sets its own pages).",
                path.display()
            ),
        });
        if errors > 0 {
            self.warning(format!(
                "{} was exported with {errors} error{}; its properties say so.",
                path.display(),
                if errors == 1 { "" } else { "s" }
            ));
        }
        self.report("", &laid.diagnostics);
        let unknown = self.unknown_word_count();
        if unknown > 0 {
            self.warning(format!(
                "The brief has {}; they are underlined in red in the editor.",
                crate::spelling::count_text(unknown)
            ));
        }
    }

    fn use_template_file(&mut self, path: PathBuf) {
        match Template::from_file(&path) {
            Ok((template, custom)) => {
                if self.project.brief.custom_template.as_ref() == Some(&custom) {
                    self.info(format!("{} has not changed.", path.display()));
                    return;
                }
                let edits = template.switch_edits(&self.project, Some(custom));
                self.apply_edits(edits);
                self.info(format!(
                    "The brief now uses the template {} from {}; a copy is kept in the brief.",
                    template.name,
                    path.display()
                ));
            }
            Err(error) => self.error(format!("The template was not changed: {error}.")),
        }
    }

    /// Applies edits as one undoable step.
    pub(super) fn apply_edits(&mut self, edits: Vec<Edit>) {
        let edits = self.as_suggestions(edits);
        let was_cleared = self.cleared_rows();
        let Some(first) = edits.first().cloned() else {
            return;
        };
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            match self.project.apply_undoable(edit) {
                Ok(applied) => {
                    inverses.push(applied.inverse);
                    match applied.created {
                        Created::Block(block) => {
                            self.selected = Some(block);
                            self.focus_new_block = Some(block);
                        }
                        Created::Source(_) => self.tab = Tab::Sources,
                        Created::TalkingPoint(_) => self.tab = Tab::TalkingPoints,
                        Created::Nothing => {}
                    }
                }
                Err(error) => self.error(format!("That change was not made: {error}.")),
            }
        }
        if !inverses.is_empty() {
            self.tell_if_clearance_lapsed(was_cleared);
            self.edits_made += 1;
            self.content_version += 1;
            self.history.record(inverses, &first, Instant::now());
            self.changed_since_autosave = true;
            self.dirty = true;
            self.layout_stale = true;
            self.sync_template();
        }
    }

    /// Applies an undo or redo step; returns the inverses of what it applied.
    fn apply_step(&mut self, step: Step) -> Vec<Edit> {
        let mut inverses = Vec::with_capacity(step.edits.len());
        for edit in step.edits {
            match self.project.apply_undoable(edit) {
                Ok(applied) => inverses.push(applied.inverse),
                Err(error) => {
                    self.error(format!("Part of that step could not be undone: {error}."))
                }
            }
        }
        self.edits_made += 1;
        self.content_version += 1;
        self.dirty = !self
            .saved
            .as_ref()
            .is_some_and(|saved| saved.same_content(&self.project));
        self.changed_since_autosave = true;
        self.layout_stale = true;
        self.sync_template();
        if self
            .selected
            .is_some_and(|b| self.project.locate(b).is_none())
        {
            self.selected = None;
        }
        inverses
    }

    fn undo(&mut self) {
        if let Some(step) = self.history.take_undo() {
            let redo = self.apply_step(step);
            self.history.undone(redo);
        }
    }

    fn redo(&mut self) {
        if let Some(step) = self.history.take_redo() {
            let undo = self.apply_step(step);
            self.history.redone(undo);
        }
    }

    pub(super) fn default_part(&self, receives_talking_points: bool) -> usize {
        let wanted = |key: &str| {
            self.template().and_then(|t| t.part(key)).is_some_and(|p| {
                if receives_talking_points {
                    p.receives_talking_points
                } else {
                    p.receives_excerpts
                }
            })
        };
        self.project
            .brief
            .parts
            .iter()
            .position(|p| wanted(&p.key))
            .unwrap_or(0)
    }

    fn set_interface_zoom(&mut self, zoom: f32) {
        self.settings.interface_zoom = zoom.clamp(0.6, 2.5);
    }

    fn set_zoom(&mut self, zoom: f32) {
        self.settings.zoom = zoom.clamp(0.25, 4.0);
        self.settings.fit_width = false;
    }
}

/// A diagnostic's message as a sentence: a capital first, a full stop last.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut text: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}
