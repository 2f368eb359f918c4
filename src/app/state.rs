//! The window's state and the one place commands are applied.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::command::{Command, UnsavedChoice};
use super::dialogs::Dialogs;
use super::history::History;
use super::preview::Preview;
use crate::draft::now_timestamp;
use crate::import::{import_file, import_text};
use crate::layout::{Laid, Layouter};
use crate::model::{BlockId, BlockKind, Created, Edit, Project};
use crate::project::recovery::{self, Recovery};
use crate::project::{LockError, LockInfo, ProjectLock, load, save};
use crate::template::Template;

/// What persists between runs (through eframe storage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    /// Preview scale: 1.0 shows a point as one UI point.
    pub zoom: f32,
    pub fit_width: bool,
    pub sources_width: f32,
    pub preview_width: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            zoom: 1.0,
            fit_width: true,
            sources_width: 300.0,
            preview_width: 560.0,
        }
    }
}

/// Which tab of the left pane is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Sources,
    TalkingPoints,
}

/// A line in the message bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

/// The modal window showing, if any.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// Save / Discard / Cancel before running the command.
    Unsaved(Box<Command>),
    ChooseTemplate,
    Paste(String),
    Shortcuts,
    About,
    /// The project is open elsewhere.
    Locked {
        path: PathBuf,
        holder: LockInfo,
    },
    /// Unsaved work from a run that did not close normally.
    Recover(Recovery),
}

/// How often unsaved work is copied to the recovery folder.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(60);

/// Everything the window shows and edits. No egui types except the preview's textures.
pub struct AppState {
    pub project: Project,
    pub path: Option<PathBuf>,
    saved: Option<Project>,
    pub dirty: bool,
    history: History,
    pub selected: Option<BlockId>,
    /// Set when a block is selected from outside the editor (the preview), so the editor scrolls to it.
    pub scroll_to_selected: bool,
    pub tab: Tab,
    pub source_filter: String,
    pub settings: Settings,
    pub messages: Vec<Message>,
    pub modal: Option<Modal>,
    pub preview: Preview,
    pub laid: Option<Laid>,
    layout_stale: bool,
    /// How long the last relayout took.
    pub layout_time: Duration,
    layouter: Layouter,
    dialogs: Box<dyn Dialogs>,
    queue: Vec<Command>,
    unsaved_confirmed: bool,
    /// The user chose to quit and nothing is left unsaved; the window should close.
    pub quit_now: bool,
    lock: Option<ProjectLock>,
    /// Opened while another window holds the project: Save is refused, Save As works.
    pub read_only: bool,
    recovery_dir: Option<PathBuf>,
    last_autosave: Instant,
    /// Edits made since the last recovery copy.
    changed_since_autosave: bool,
    was_focused: bool,
    /// The window's fonts have been set up.
    pub fonts_installed: bool,
}

impl AppState {
    /// A window state showing `project`, loaded from `path` if any.
    pub fn new(
        project: Project,
        path: Option<PathBuf>,
        settings: Settings,
        dialogs: Box<dyn Dialogs>,
    ) -> Self {
        AppState {
            saved: path.as_ref().map(|_| project.clone()),
            project,
            path,
            dirty: false,
            history: History::default(),
            selected: None,
            scroll_to_selected: false,
            tab: Tab::Sources,
            source_filter: String::new(),
            settings,
            messages: Vec::new(),
            modal: None,
            preview: Preview::default(),
            laid: None,
            layout_stale: true,
            layout_time: Duration::ZERO,
            layouter: Layouter::new(),
            dialogs,
            queue: Vec::new(),
            unsaved_confirmed: false,
            quit_now: false,
            lock: None,
            read_only: false,
            recovery_dir: recovery::recovery_folder(),
            last_autosave: Instant::now(),
            changed_since_autosave: false,
            was_focused: true,
            fonts_installed: false,
        }
    }

    /// Keeps recovery copies in `folder` instead of the platform data folder (for tests).
    pub fn with_recovery_folder(mut self, folder: PathBuf) -> Self {
        self.recovery_dir = Some(folder);
        self
    }

    /// Takes the lock on the file this state was opened with; asks what to do if it is held.
    pub fn lock_opened_file(&mut self) {
        if let Some(path) = self.path.clone() {
            match ProjectLock::acquire(&path) {
                Ok(lock) => self.lock = Some(lock),
                Err(LockError::Held { holder, .. }) => {
                    self.read_only = true;
                    self.modal = Some(Modal::Locked { path, holder });
                }
                Err(error) => self.error(format!(
                    "{error}. The brief is open, but another window could change it too."
                )),
            }
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

    /// Called every frame: copies unsaved work to the recovery folder every minute and
    /// when the window loses focus.
    pub fn autosave_tick(&mut self, now: Instant, is_focused: bool) {
        let lost_focus = self.was_focused && !is_focused;
        self.was_focused = is_focused;
        if !(self.dirty && self.changed_since_autosave) {
            return;
        }
        if !lost_focus && now.duration_since(self.last_autosave) < AUTOSAVE_INTERVAL {
            return;
        }
        self.last_autosave = now;
        let Some(folder) = self.recovery_dir.clone() else {
            return;
        };
        match recovery::write_recovery(&folder, &self.project, self.path.as_deref()) {
            Ok(_) => self.changed_since_autosave = false,
            Err(error) => self.error(format!(
                "The recovery copy could not be written ({error}). Save your work soon."
            )),
        }
    }

    /// Removes this project's recovery copy (after a save, or when closing without changes).
    fn clear_recovery(&mut self) {
        if let Some(folder) = &self.recovery_dir {
            recovery::remove_recovery(folder, self.path.as_deref());
        }
        self.changed_since_autosave = false;
    }

    /// Called when the window closes normally.
    pub fn on_close(&mut self) {
        if !self.dirty {
            self.clear_recovery();
        }
        self.lock = None;
    }

    /// Queues a command; panels call this and the app runs the queue after the frame.
    pub fn send(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// Runs every queued command.
    pub fn run_queued(&mut self) {
        while !self.queue.is_empty() {
            for command in std::mem::take(&mut self.queue) {
                self.run(command);
            }
        }
    }

    /// The window title: file name, unsaved mark, app name.
    pub fn window_title(&self) -> String {
        let name = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "Untitled brief".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        format!(
            "{}{name} \u{2014} Briefwright",
            if self.dirty { "\u{25cf} " } else { "" }
        )
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The template of the current brief, if it can be found.
    pub fn template(&self) -> Option<Template> {
        Template::resolve(&self.project.brief.template).ok()
    }

    /// Lays the brief out again if it changed since the last layout.
    pub fn refresh_layout(&mut self) {
        if !self.layout_stale {
            return;
        }
        self.layout_stale = false;
        match Template::resolve(&self.project.brief.template) {
            Ok(template) => {
                let started = Instant::now();
                self.laid = Some(self.layouter.layout(&self.project, &template));
                self.layout_time = started.elapsed();
            }
            Err(error) => {
                self.laid = None;
                self.error(format!("The brief cannot be laid out: {error}. Choose another template with File > New from template."));
            }
        }
    }

    fn info(&mut self, text: impl Into<String>) {
        self.messages.push(Message {
            text: text.into(),
            is_error: false,
        });
    }

    fn error(&mut self, text: impl Into<String>) {
        self.messages.push(Message {
            text: text.into(),
            is_error: true,
        });
    }

    fn folder(&self) -> Option<PathBuf> {
        self.path
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
    }

    fn suggested_name(&self, extension: &str) -> String {
        let stem: String = self
            .project
            .brief
            .meta
            .title
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        format!(
            "{}.{extension}",
            if stem.is_empty() { "brief" } else { &stem }
        )
    }

    /// True if the command may go ahead; otherwise asks Save / Discard / Cancel first.
    fn confirm_unsaved(&mut self, command: &Command) -> bool {
        if !self.dirty || std::mem::take(&mut self.unsaved_confirmed) {
            return true;
        }
        self.modal = Some(Modal::Unsaved(Box::new(command.clone())));
        false
    }

    fn replace_project(&mut self, project: Project, path: Option<PathBuf>) {
        self.clear_recovery();
        self.lock = None;
        self.read_only = false;
        self.saved = path.as_ref().map(|_| project.clone());
        self.project = project;
        self.path = path;
        self.dirty = false;
        self.history.clear();
        self.selected = None;
        self.layout_stale = true;
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.settings.recent.retain(|p| *p != path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(10);
    }

    /// Applies edits as one undoable step.
    fn apply_edits(&mut self, edits: Vec<Edit>) {
        let Some(first) = edits.first() else { return };
        let before = self.project.clone();
        let key = first.clone();
        let mut changed = false;
        for edit in edits {
            match self.project.apply(edit) {
                Ok(created) => {
                    changed = true;
                    match created {
                        Created::Block(block) => self.selected = Some(block),
                        Created::Source(_) => self.tab = Tab::Sources,
                        Created::TalkingPoint(_) => self.tab = Tab::TalkingPoints,
                        Created::Nothing => {}
                    }
                }
                Err(error) => self.error(format!("That change was not made: {error}.")),
            }
        }
        if changed {
            self.history.record(before, &key, Instant::now());
            self.changed_since_autosave = true;
            self.dirty = true;
            self.layout_stale = true;
        }
    }

    fn default_part(&self, receives_talking_points: bool) -> usize {
        let template = self.template();
        let wanted = |key: &str| {
            template
                .as_ref()
                .and_then(|t| t.part(key))
                .is_some_and(|p| {
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

    /// Runs one command now.
    pub fn run(&mut self, command: Command) {
        match command {
            Command::NewDialog => {
                if self.confirm_unsaved(&command) {
                    self.modal = Some(Modal::ChooseTemplate);
                }
            }
            Command::NewFromTemplate(name) => match Template::resolve(&name) {
                Ok(template) => {
                    let mut project = Project::new(&template.name, &template.part_titles());
                    project.brief.meta.classification = template.default_classification.clone();
                    project.brief.meta.created = now_timestamp();
                    project.brief.meta.title = "New brief".into();
                    self.replace_project(project, None);
                    self.modal = None;
                }
                Err(error) => self.error(error.to_string()),
            },
            Command::OpenDialog => {
                if self.confirm_unsaved(&command) {
                    let folder = self.folder();
                    if let Some(path) = self.dialogs.pick_project(folder.as_deref()) {
                        self.unsaved_confirmed = true;
                        self.run(Command::Open(path));
                    }
                }
            }
            Command::Open(ref path) => {
                if !self.confirm_unsaved(&command) {
                    return;
                }
                match load(path) {
                    Ok(loaded) => {
                        for warning in &loaded.warnings {
                            self.error(format!("{}: {warning}.", path.display()));
                        }
                        let path = path.clone();
                        self.replace_project(loaded.project, Some(path.clone()));
                        self.remember_recent(&path);
                        self.info(format!("Opened {}.", path.display()));
                        self.lock_opened_file();
                    }
                    Err(error) => self.error(format!("Could not open the project. {error}. Your current brief is unchanged.")),
                }
            }
            Command::Save => match self.path.clone() {
                Some(_) if self.read_only => {
                    self.error("This brief is open read-only because another window holds it. Use Save As… to save a copy.");
                }
                Some(path) => self.run(Command::SaveAs(path)),
                None => self.run(Command::SaveAsDialog),
            },
            Command::SaveAsDialog => {
                let (name, folder) = (self.suggested_name("brief"), self.folder());
                if let Some(path) = self.dialogs.save_project_as(&name, folder.as_deref()) {
                    self.run(Command::SaveAs(path));
                }
            }
            Command::SaveAs(path) => match save(&self.project, &path) {
                Ok(()) => {
                    self.clear_recovery();
                    if self.path.as_ref() != Some(&path) {
                        self.lock = ProjectLock::acquire(&path).ok();
                        self.read_only = false;
                    }
                    self.saved = Some(self.project.clone());
                    self.dirty = false;
                    self.history.break_burst();
                    self.remember_recent(&path);
                    self.info(format!("Saved {}.", path.display()));
                    self.path = Some(path);
                }
                Err(error) => self.error(format!("The brief was not saved. {error}. Nothing you typed is lost; try Save As… to another folder.")),
            },
            Command::ImportDialog => {
                let folder = self.folder();
                if let Some(paths) = self.dialogs.pick_articles(folder.as_deref()) {
                    self.run(Command::ImportArticles(paths));
                }
            }
            Command::ImportArticles(paths) => {
                let mut edits = Vec::new();
                for path in paths {
                    match import_file(&path) {
                        Ok(source) => edits.push(Edit::AddSource(source)),
                        Err(error) => self.error(format!("Could not import an article. {error}.")),
                    }
                }
                let count = edits.len();
                self.apply_edits(edits);
                if count > 0 {
                    self.info(format!("Imported {count} article{}.", if count == 1 { "" } else { "s" }));
                }
            }
            Command::PasteDialog => self.modal = Some(Modal::Paste(String::new())),
            Command::PasteArticle(text) => {
                let is_markdown = text.lines().any(|l| l.starts_with("# ") || l.starts_with("## "));
                match import_text(&text, is_markdown) {
                    Some(mut source) => {
                        source.file_name = "pasted text".into();
                        self.apply_edits(vec![Edit::AddSource(source)]);
                        self.modal = None;
                    }
                    None => self.error("There was no text to import. Paste the article's text into the box first."),
                }
            }
            Command::ExportDialog => {
                let (name, folder) = (self.suggested_name("pdf"), self.folder());
                if let Some(path) = self.dialogs.save_pdf_as(&name, folder.as_deref()) {
                    self.run(Command::ExportPdf(path));
                }
            }
            Command::ExportPdf(path) => match crate::export::export_to_file(&self.project, &path, &mut self.layouter) {
                Ok(laid) => {
                    let warnings: Vec<String> = laid.diagnostics.iter().map(|d| d.message.clone()).collect();
                    self.info(format!("Exported {} ({} page{}).", path.display(), laid.pages.len(), if laid.pages.len() == 1 { "" } else { "s" }));
                    for warning in warnings {
                        self.error(format!("Warning: {warning}."));
                    }
                }
                Err(error) => self.error(format!("The PDF was not exported. {error}.")),
            },
            Command::Quit => {
                if self.confirm_unsaved(&command) {
                    self.quit_now = true;
                }
            }
            Command::Undo => {
                if let Some(previous) = self.history.undo(&self.project) {
                    self.restore(previous);
                }
            }
            Command::Redo => {
                if let Some(next) = self.history.redo(&self.project) {
                    self.restore(next);
                }
            }
            Command::DeleteSelected => {
                if let Some(block) = self.selected.take() {
                    self.apply_edits(vec![Edit::DeleteBlock(block)]);
                }
            }
            Command::ZoomIn => self.set_zoom(self.settings.zoom * 1.25),
            Command::ZoomOut => self.set_zoom(self.settings.zoom / 1.25),
            Command::ZoomReset => self.set_zoom(1.0),
            Command::FitWidth => self.settings.fit_width = true,
            Command::ShowShortcuts => self.modal = Some(Modal::Shortcuts),
            Command::ShowAbout => self.modal = Some(Modal::About),
            Command::Edit(edit) => self.apply_edits(vec![edit]),
            Command::Select(block) => {
                self.selected = block;
                self.history.break_burst();
            }
            Command::AddSection { section, part } => {
                let part = part.unwrap_or_else(|| self.default_part(false));
                self.apply_edits(vec![Edit::AddBlock { part, kind: BlockKind::Excerpt { from: section, edited: None } }]);
            }
            Command::AddTalkingPoint { point, part } => {
                let part = part.unwrap_or_else(|| self.default_part(true));
                self.apply_edits(vec![Edit::AddBlock { part, kind: BlockKind::TalkingPoint { point } }]);
            }
            Command::ResolveUnsaved(choice) => {
                let Some(Modal::Unsaved(pending)) = self.modal.take() else { return };
                match choice {
                    UnsavedChoice::Save => {
                        self.run(Command::Save);
                        if !self.dirty {
                            self.unsaved_confirmed = true;
                            self.run(*pending);
                        }
                    }
                    UnsavedChoice::Discard => {
                        self.unsaved_confirmed = true;
                        self.run(*pending);
                    }
                    UnsavedChoice::Cancel => {}
                }
            }
            Command::DismissMessages => self.messages.clear(),
            Command::OpenReadOnly => {
                self.read_only = true;
                self.modal = None;
                self.info("Opened read-only. Use Save As… to keep your changes in another file.");
            }
            Command::TakeOverLock => {
                if let Some(Modal::Locked { path, .. }) = self.modal.take() {
                    match ProjectLock::take_over(&path) {
                        Ok(lock) => {
                            self.lock = Some(lock);
                            self.read_only = false;
                        }
                        Err(error) => self.error(error.to_string()),
                    }
                }
            }
            Command::RestoreRecovery => {
                if let Some(Modal::Recover(found)) = self.modal.take() {
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
                        None => self.error(format!("The recovery copy {} could not be read.", found.path.display())),
                    }
                }
            }
            Command::DiscardRecovery => {
                if let Some(Modal::Recover(found)) = self.modal.take() {
                    recovery::discard_recovery(&found);
                }
            }
        }
    }

    fn set_zoom(&mut self, zoom: f32) {
        self.settings.zoom = zoom.clamp(0.25, 4.0);
        self.settings.fit_width = false;
    }

    fn restore(&mut self, project: Project) {
        self.project = project;
        self.dirty = self.saved.as_ref() != Some(&self.project);
        self.layout_stale = true;
        if self
            .selected
            .is_some_and(|b| self.project.locate(b).is_none())
        {
            self.selected = None;
        }
    }
}
