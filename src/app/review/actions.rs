//! The review's commands: applied here, each change to the project through
//! [`AppState::apply_edits`], so that each is one undo step.

use std::path::PathBuf;

use super::state::{CommentDraft, Showing};
use crate::app::command::Command;
use crate::app::state::{AppState, Tab};
use crate::dates::now_timestamp;
use crate::model::versions::VersionReason;
use crate::model::{Comment, CommentId, Edit, Reply, TextTarget, table_text};

impl AppState {
    /// Runs a review command; `false` if `command` is not one.
    pub(in crate::app) fn run_review(&mut self, command: Command) -> bool {
        match command {
            Command::ToggleSuggesting => {
                self.review.suggesting = !self.review.suggesting;
                self.history.break_burst();
                self.info(if self.review.suggesting {
                    format!(
                        "Suggest edits is on: what you type is suggested, credited to {}.",
                        self.author()
                    )
                } else {
                    "Suggest edits is off: what you type changes the brief.".to_owned()
                });
            }
            Command::SetMarkup(mode) => {
                self.review.markup = mode;
                self.review.showing = Showing::Brief;
                self.layout_stale = true;
            }
            Command::NewComment => self.start_comment(),
            Command::EditCommentDraft(draft) => self.review.draft = draft,
            Command::PostComment => self.post_comment(),
            Command::ReplyToComment { comment, text } => {
                if text.trim().is_empty() {
                    return true;
                }
                let reply = Reply {
                    author: self.author(),
                    date: now_timestamp(),
                    text: text.trim().to_owned(),
                };
                self.change_comment(comment, |c| c.replies.push(reply));
            }
            Command::ResolveComment { comment, resolved } => {
                self.change_comment(comment, |c| c.resolved = resolved);
            }
            Command::DeleteComment(comment) => {
                self.apply_edits(vec![Edit::RemoveComment(comment)]);
            }
            Command::GoToComment(comment) => self.go_to_comment(comment),
            Command::NextComment(by) => self.next_comment(by),
            Command::AnswerSuggestion { suggestion, accept } => {
                let edit = if accept {
                    Edit::AcceptSuggestion(suggestion)
                } else {
                    Edit::RejectSuggestion(suggestion)
                };
                self.apply_review_edit(edit);
            }
            Command::AnswerBlockSuggestions { block, accept } => {
                if let Some(edit) = self.project.answer_block(block, accept) {
                    self.apply_review_edit(edit);
                }
            }
            Command::AnswerAllSuggestions { accept } => match self.project.answer_all(accept) {
                Some(edit) => self.apply_review_edit(edit),
                None => self.info("There are no open suggestions."),
            },
            Command::SaveVersion(label) => {
                let label = if label.trim().is_empty() {
                    format!("Version {}", self.project.review.versions.len() + 1)
                } else {
                    label
                };
                self.save_version(&label, VersionReason::Saved);
                self.info(format!(
                    "Saved the brief as version \u{201c}{label}\u{201d}."
                ));
            }
            Command::RestoreVersion(version) => self.restore_version(version),
            Command::Show(showing) => {
                self.review.showing = showing;
                self.layout_stale = true;
            }
            Command::SignOff(row) => {
                let author = self.author();
                let edit = self.project.sign_off(row, &author, &now_timestamp());
                self.apply_review_edit(edit);
            }
            Command::ExportReviewDialog => {
                let suggested = self.suggested_name("pdf").replace(".pdf", "-review.pdf");
                self.ask_for_file(crate::app::files::dialogs::FilePurpose::ExportReview {
                    suggested,
                });
            }
            Command::ExportReview(path) => self.export_review(path),
            Command::SetAuthorName(name) => self.settings.author_name = name,
            Command::ImportReviewDialog => {
                self.ask_for_file(crate::app::files::dialogs::FilePurpose::ImportReview);
            }
            Command::ImportReview(path) => self.import_review(path),
            _ => return false,
        }
        true
    }

    /// The name the officer's comments, suggestions and versions are credited to.
    pub(in crate::app) fn author(&self) -> String {
        let set = self.settings.author_name.trim();
        if set.is_empty() {
            crate::user::full_name()
        } else {
            set.to_owned()
        }
    }

    /// Whether edits are recorded as suggestions.
    pub fn is_suggesting(&self) -> bool {
        self.review.suggesting
    }

    /// The review's state in the window.
    pub(in crate::app) fn review(&self) -> &super::state::ReviewState {
        &self.review
    }

    /// Records the text the editor's focused field has selected, as egui reports it: an
    /// observation of the window, like the focused pane, which New Comment reads.
    pub(in crate::app) fn note_text_selection(
        &mut self,
        selection: Option<(TextTarget, std::ops::Range<usize>)>,
    ) {
        self.review.selection = selection;
    }

    /// `edits` as suggest mode makes them: text typed into a field becomes a suggestion
    /// on it, and blocks added, deleted or moved become suggestions too.
    pub(in crate::app) fn as_suggestions(&self, edits: Vec<Edit>) -> Vec<Edit> {
        if !self.review.suggesting {
            return edits;
        }
        let (author, date) = (self.author(), now_timestamp());
        let suggest = |target: TextTarget, text: String| Edit::SuggestText {
            target,
            proposed: self.project.proposed_after(target, &text),
            author: author.clone(),
            date: date.clone(),
        };
        edits
            .into_iter()
            .map(|edit| match edit {
                Edit::SetBlockText { block, text } => suggest(TextTarget::Block(block), text),
                Edit::SetTableRows { block, rows } => {
                    suggest(TextTarget::Block(block), table_text(&rows))
                }
                Edit::SetMeta(field, text) if !field.is_chosen_from_list() => {
                    suggest(TextTarget::Meta(field), text)
                }
                structural @ (Edit::AddBlock { .. }
                | Edit::DeleteBlock(_)
                | Edit::MoveBlock { .. }
                | Edit::MoveBlockTo { .. }) => Edit::SuggestBlockEdit {
                    edit: Box::new(structural),
                    author: author.clone(),
                    date: date.clone(),
                },
                other => other,
            })
            .collect()
    }

    /// A review edit, which suggest mode leaves as it is.
    fn apply_review_edit(&mut self, edit: Edit) {
        let suggesting = std::mem::replace(&mut self.review.suggesting, false);
        self.apply_edits(vec![edit]);
        self.review.suggesting = suggesting;
    }

    /// Text to show in `target`'s field: with its suggestions made in suggest mode, as
    /// the reviewer types on it; the brief's own text otherwise.
    pub(in crate::app) fn shown_text(&self, target: TextTarget) -> Option<String> {
        if self.review.suggesting {
            self.project.proposed_text(target)
        } else {
            self.project.target_text(target)
        }
    }

    fn start_comment(&mut self) {
        let (target, span) = match self.review.selection.clone() {
            Some((target, range)) if !range.is_empty() => (target, Some(range)),
            _ => match self.selected {
                Some(block) => (TextTarget::Block(block), None),
                None => {
                    return self.info(
                        "Select some text or a block in the editor, then choose New Comment.",
                    );
                }
            },
        };
        let quote = match &span {
            Some(range) => self
                .project
                .target_text(target)
                .and_then(|text| text.get(range.clone()).map(str::to_owned))
                .unwrap_or_default(),
            None => String::new(),
        };
        self.review.draft = Some(CommentDraft {
            target,
            span,
            quote,
            text: String::new(),
        });
        self.tab = Tab::Review;
    }

    fn post_comment(&mut self) {
        let Some(draft) = self.review.draft.take() else {
            return;
        };
        if draft.text.trim().is_empty() {
            self.review.draft = Some(draft);
            return self.info("Write the comment first.");
        }
        let id = self.project.ids.comment();
        let comment = Comment {
            id,
            target: draft.target,
            span: draft.span,
            quote: draft.quote,
            detached: false,
            author: self.author(),
            date: now_timestamp(),
            text: draft.text.trim().to_owned(),
            replies: Vec::new(),
            resolved: false,
        };
        self.apply_review_edit(Edit::AddComment(Box::new(comment)));
        self.review.current_comment = Some(id);
    }

    fn change_comment(&mut self, id: CommentId, change: impl FnOnce(&mut Comment)) {
        let Some(mut comment) = self.project.review.comment(id).cloned() else {
            return;
        };
        change(&mut comment);
        self.apply_review_edit(Edit::SetComment(Box::new(comment)));
    }

    fn go_to_comment(&mut self, id: CommentId) {
        let Some(comment) = self.project.review.comment(id) else {
            return;
        };
        self.review.current_comment = Some(id);
        match comment.target {
            TextTarget::Block(block) if self.project.locate(block).is_some() => {
                self.run(Command::GoToBlock(block));
            }
            TextTarget::Block(_) => {
                self.info("The text this comment was on has been deleted; its quote is kept.")
            }
            TextTarget::Meta(field) => {
                self.reveal = Some(crate::model::find::Place::Meta(field));
            }
        }
    }

    fn next_comment(&mut self, by: i32) {
        let open: Vec<CommentId> = self
            .project
            .review
            .comments
            .iter()
            .filter(|c| !c.resolved)
            .map(|c| c.id)
            .collect();
        if open.is_empty() {
            return self.info("There are no open comments.");
        }
        let at = self
            .review
            .current_comment
            .and_then(|id| open.iter().position(|c| *c == id));
        let next = match (at, by >= 0) {
            (None, true) => 0,
            (None, false) => open.len() - 1,
            (Some(i), true) => (i + 1) % open.len(),
            (Some(i), false) => (i + open.len() - 1) % open.len(),
        };
        self.tab = Tab::Review;
        self.go_to_comment(open[next]);
    }

    /// Saves the brief as a version. Saving a version is not undone by Undo: it records
    /// the brief, it does not change it.
    pub(in crate::app) fn save_version(&mut self, label: &str, reason: VersionReason) {
        let author = self.author();
        let version = self
            .project
            .snapshot(label, &author, &now_timestamp(), reason);
        if let Err(error) = self.project.apply(Edit::AddVersion(Box::new(version))) {
            return self.error(format!("The version was not saved: {error}."));
        }
        self.dirty = true;
        self.changed_since_autosave = true;
        self.content_version += 1;
    }

    fn restore_version(&mut self, version: crate::model::VersionId) {
        let Some(then) = self.project.as_of(version) else {
            return self.error("That version is not in this brief.");
        };
        let label = self
            .project
            .review
            .version(version)
            .map(|v| v.label.clone())
            .unwrap_or_default();
        let brief = then.brief;
        self.apply_review_edit(Edit::ReplaceBrief {
            template: brief.template,
            meta: Box::new(brief.meta),
            parts: brief.parts,
        });
        self.review.showing = Showing::Brief;
        self.layout_stale = true;
        self.info(format!(
            "Restored version \u{201c}{label}\u{201d}; the brief as it was is one undo step away."
        ));
    }

    fn import_review(&mut self, path: PathBuf) {
        let limit = crate::import::MAX_DOCX_UNPACKED;
        let bytes = match crate::regular_file::read_regular(&path, limit) {
            Ok(bytes) => bytes,
            Err(refusal) => {
                return self.error(format!(
                    "{} {refusal}; the brief is unchanged.",
                    path.display()
                ));
            }
        };
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match crate::review_return::import_review(&mut self.project, &bytes, &name) {
            Ok((edit, summary)) => {
                self.apply_review_edit(edit);
                for warning in &summary.warnings {
                    self.warning(format!("{warning}."));
                }
                let mut told = format!("From {name}: {}.", summary.line());
                if summary.unplaced > 0 {
                    told.push_str(&format!(
                        " {} could not be placed and are kept as comments quoting them.",
                        summary.unplaced
                    ));
                }
                if summary.already_there > 0 {
                    told.push_str(&format!(
                        " {} were already in the brief.",
                        summary.already_there
                    ));
                }
                if !summary.formatting.is_empty() {
                    let places: Vec<String> = summary
                        .formatting
                        .iter()
                        .map(|(who, place)| format!("{place} ({who})"))
                        .collect();
                    told.push_str(&format!(
                        " Formatting changed in {}: listed, not applied, since the template sets it.",
                        places.join(", ")
                    ));
                }
                self.info(told);
                self.tab = Tab::Review;
            }
            Err(error) => self.error(format!("{error}. The brief is unchanged.")),
        }
    }

    fn export_review(&mut self, path: PathBuf) {
        let copy = crate::export::Copy::Review;
        let format = match crate::export::ExportFormat::from_path(&path) {
            Ok(format) => format,
            Err(error) => {
                return self.error(format!("The review copy was not exported. {error}."));
            }
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let label = format!("Exported for review ({name})");
        if format == crate::export::ExportFormat::Docx {
            // The Word copy names the version it was made from, saved first.
            let author = self.author();
            if let Err(error) = crate::review_return::save_word_review_version(
                &mut self.project,
                &label,
                &author,
                &now_timestamp(),
                &mut self.layouter,
            ) {
                return self.error(format!("The review copy was not exported. {error}."));
            }
            self.dirty = true;
            self.changed_since_autosave = true;
            self.content_version += 1;
        }
        let prepared =
            match crate::export::prepare_copy(&self.project, format, copy, &mut self.layouter) {
                Ok(prepared) => prepared,
                Err(error) => {
                    return self.error(format!("The review copy was not exported. {error}."));
                }
            };
        if let Err(error) = crate::project::write_atomically(&path, &prepared.bytes, false) {
            return self.error(format!("The review copy was not exported. {error}."));
        }
        if format == crate::export::ExportFormat::Pdf {
            self.save_version(&label, VersionReason::ReviewExport);
        }
        self.info(match format {
            crate::export::ExportFormat::Pdf => format!(
                "Exported the review copy {} ({} pages), with its suggestions marked and its comments in the margin. The brief was saved as a version.",
                path.display(),
                prepared.laid.pages.len()
            ),
            crate::export::ExportFormat::Docx => format!(
                "Exported {} for review in Word: its suggestions are tracked changes and its comments Word comments. The brief was saved as a version; File \u{25b8} Import Review from Word\u{2026} brings the reviewed file back.",
                path.display()
            ),
        });
    }

    /// The project the preview lays out: the brief with its markup, a saved version, or
    /// the redline of a version against the brief.
    pub(in crate::app) fn shown_project(&self) -> std::borrow::Cow<'_, crate::model::Project> {
        use std::borrow::Cow;
        match self.review.showing {
            Showing::Brief => self.project.with_markup(self.review.markup),
            Showing::Version(id) => match self.project.as_of(id) {
                Some(then) => Cow::Owned(then),
                None => self.project.with_markup(self.review.markup),
            },
            Showing::Compare(id) => self.redline_of(id, None),
            Showing::CompareVersions { old, new } => self.redline_of(old, Some(new)),
        }
    }

    /// The redline of version `old` against version `new`, or against the brief as it is
    /// now; the brief itself if either version is gone or nothing changed.
    fn redline_of(
        &self,
        old: crate::model::VersionId,
        new: Option<crate::model::VersionId>,
    ) -> std::borrow::Cow<'_, crate::model::Project> {
        use std::borrow::Cow;
        let side = |id: Option<crate::model::VersionId>| -> Option<(Cow<'_, crate::model::Project>, String)> {
            match id {
                None => Some((Cow::Borrowed(&self.project), "the brief as it is now".to_owned())),
                Some(id) => {
                    let label = self.project.review.version(id)?.label.clone();
                    Some((Cow::Owned(self.project.as_of(id)?), format!("version \u{201c}{label}\u{201d}")))
                }
            }
        };
        let (Some((then, then_name)), Some((now, now_name))) = (side(Some(old)), side(new)) else {
            return Cow::Borrowed(&self.project);
        };
        let redline = crate::redline::make(
            &crate::redline::Side {
                project: &then,
                name: then_name,
            },
            &crate::redline::Side {
                project: &now,
                name: now_name,
            },
            &self.author(),
            &now_timestamp(),
        );
        match redline.project {
            Some(marked) => Cow::Owned(marked),
            None => Cow::Borrowed(&self.project),
        }
    }
}

impl AppState {
    /// The clearance rows signed off on the brief as it is now.
    pub(in crate::app) fn cleared_rows(&self) -> Vec<usize> {
        self.project
            .brief
            .meta
            .clearance
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                row.cleared
                    .as_ref()
                    .is_some_and(|signed| self.project.unchanged_since(signed.version))
            })
            .map(|(index, _)| index)
            .collect()
    }

    /// After an edit: if it changed a brief that rows had cleared, the message bar says
    /// so, names what changed since, and offers Go to.
    pub(in crate::app) fn tell_if_clearance_lapsed(&mut self, was_cleared: Vec<usize>) {
        if was_cleared.is_empty() {
            return;
        }
        let still = self.cleared_rows();
        let lapsed: Vec<usize> = was_cleared
            .into_iter()
            .filter(|row| !still.contains(row))
            .collect();
        let Some(signed) = lapsed
            .first()
            .and_then(|&row| self.project.brief.meta.clearance.get(row))
            .and_then(|row| row.cleared.clone())
        else {
            return;
        };
        let names: Vec<String> = lapsed
            .iter()
            .filter_map(|&row| self.project.brief.meta.clearance.get(row))
            .map(|row| row.name.trim().to_owned())
            .collect();
        let changed = self.project.changed_since(signed.version);
        let blocks = changed
            .blocks
            .iter()
            .map(|c| c.block)
            .filter(|block| self.project.locate(*block).is_some())
            .collect();
        self.messages.push(crate::app::state::Message {
            text: format!(
                "The brief has changed since {} cleared it ({}). Sign off again once they have seen it.",
                names.join(" and "),
                changed.summary()
            ),
            severity: crate::diagnostic::Severity::Warning,
            blocks,
            detail: None,
        });
    }
}
