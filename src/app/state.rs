//! The window's state: the open project, its file, what the window shows, and the
//! messages for the user. Commands change it in one place (see `run.rs`).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::command::{ClipboardAction, Command};
use super::files::dialogs::Dialogs;
use super::files::picker::FilePicker;
use super::find::state::FindBar;
use super::history::History;
pub use super::pane::{Pane, Tab};
use super::preview::pages::Preview;
pub use super::settings::{Settings, Theme};
use crate::diagnostic::{Diagnostic, Severity};
use crate::layout::{Laid, Layouter};
use crate::model::find::Place;
use crate::model::{BlockId, CustomTemplate, Project, SectionRef};
use crate::project::recovery::{self, Recovery};
use crate::project::{Holder, ProjectLock};
use crate::template::Template;

/// A line in the message bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    pub severity: Severity,
    /// The brief blocks it is about, which its "Go to" buttons select.
    pub blocks: Vec<BlockId>,
    /// The technical reason, for whoever supports the officer; shown on hover.
    pub detail: Option<String>,
}

impl Message {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The modal window showing, if any.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// Save / Discard / Cancel before running the command.
    Unsaved(Box<Command>),
    ChooseTemplate,
    Paste(PasteDraft),
    /// The link being typed into File ▸ Import from Link….
    Link(String),
    /// What becomes of the excerpts of a source being removed.
    RemoveSource(crate::model::SourceId),
    Shortcuts,
    About,
    /// The project is open elsewhere.
    Locked {
        path: PathBuf,
        holder: Holder,
    },
    /// Unsaved work from a run that did not close normally.
    Recover(Recovery),
    /// The section is already quoted in the brief: add it again, or not.
    AddAgain {
        section: SectionRef,
        part: Option<usize>,
    },
    /// The brief has errors, or things to settle before it is sent (a placeholder title,
    /// an empty To, From or Date, unknown words): export it anyway, or not.
    ExportWithErrors {
        path: PathBuf,
        format: crate::export::ExportFormat,
        errors: usize,
        /// What to settle before sending, in the officer's words.
        checks: Vec<String>,
    },
}

pub use super::sources::drafts::PasteDraft;

/// How often unsaved work is copied to the recovery folder.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(60);

/// The template the brief is laid out with, parsed once per change of template.
pub(super) struct TemplateCache {
    /// The brief's template name and custom copy it was parsed from.
    pub(super) key: (String, Option<CustomTemplate>),
    pub(super) parsed: Result<Arc<Template>, String>,
}

impl TemplateCache {
    fn for_project(project: &Project) -> TemplateCache {
        TemplateCache {
            key: (
                project.brief.template.clone(),
                project.brief.custom_template.clone(),
            ),
            parsed: Template::for_brief(&project.brief)
                .map(Arc::new)
                .map_err(|error| error.to_string()),
        }
    }

    fn is_for(&self, project: &Project) -> bool {
        self.key.0 == project.brief.template && self.key.1 == project.brief.custom_template
    }
}

/// Everything the window shows and edits. No egui types except the preview's textures.
///
/// Outside `app/` the fields are read through methods. Inside, only the command handlers
/// (`run.rs` and the `impl AppState` blocks it calls) change them; panels read through
/// the same methods and change state by [`AppState::send`]ing commands.
pub struct AppState {
    pub(super) project: Project,
    pub(super) path: Option<PathBuf>,
    pub(super) saved: Option<Project>,
    pub(super) dirty: bool,
    pub(super) history: History,
    pub(super) selected: Option<BlockId>,
    /// Set when a block is selected from outside the editor (the preview), so the editor scrolls to it.
    pub(super) scroll_to_selected: bool,
    pub(super) tab: Tab,
    pub(super) source_filter: String,
    pub(super) settings: Settings,
    pub(super) messages: Vec<Message>,
    pub(super) modal: Option<Modal>,
    preview: Preview,
    laid: Option<Arc<Laid>>,
    pub(super) layout_stale: bool,
    /// How long the last relayout took.
    layout_time: Duration,
    pub(super) layouter: Layouter,
    template: TemplateCache,
    pub(super) dialogs: Box<dyn Dialogs>,
    /// Briefwright's own file dialog, when no native one could be shown.
    pub(super) file_picker: Option<FilePicker>,
    /// Set once a native dialog could not be shown; the window's own is used from then on.
    pub(super) native_dialogs_unavailable: bool,
    /// Edits made so far, to tell whether any were made while a dialog was open.
    pub(super) edits_made: u64,
    queue: Vec<Command>,
    /// What the officer chose to do once the brief is saved (Quit, Open, New…), while
    /// the Save As dialog that Save needed for an untitled brief is open.
    pub(super) after_save: Option<Box<Command>>,
    /// A block just added, whose text field takes the keyboard when it is first drawn.
    pub(super) focus_new_block: Option<BlockId>,
    /// The pane holding the keyboard, as the last frame found it.
    pub(super) focused_pane: Option<Pane>,
    /// The pane whose first control takes the keyboard on the next frame (F6, and the
    /// Title when a brief is opened or started).
    pub(super) focus_pane: Option<Pane>,
    /// The user chose to quit and nothing is left unsaved; the window should close.
    pub(super) quit_now: bool,
    pub(super) lock: Option<ProjectLock>,
    /// Set while another window holds the project: Save is refused, Save As to another
    /// file works.
    pub(super) held_by: Option<Holder>,
    pub(super) recovery_dir: Option<PathBuf>,
    last_autosave: Instant,
    /// Edits made since the last recovery copy.
    pub(super) changed_since_autosave: bool,
    was_focused: bool,
    /// The find and replace bar, while it is open.
    pub(super) find: Option<FindBar>,
    /// A place the editor should scroll to on the next frame (a match of the find bar).
    pub(super) reveal: Option<Place>,
    /// Counts changes to the project (edits, undo, opening another), so that what is
    /// derived from it knows when to look again.
    pub(super) content_version: u64,
    /// A clipboard action for the focused text field, carried out on the next frame.
    pub(super) clipboard_request: Option<ClipboardAction>,
    /// Links being fetched in the background.
    pub(super) link_imports: Vec<super::sources::drafts::LinkImport>,
    /// Dictionaries, accepted words and the results per field.
    pub(super) spelling: super::spelling::state::SpellingState,
    /// Suggest mode, the markup shown, comments being written.
    pub(super) review: super::review::state::ReviewState,
    /// The part the pictures being chosen go to, when asked for from a part's button.
    pub(super) picture_part: Option<usize>,
    /// The shared libraries of approved lines, and the brief's notices about them.
    pub(super) library: super::library::state::LibraryPane,
}

impl AppState {
    /// A window state showing `project`, loaded from `path` if any.
    pub fn new(
        project: Project,
        path: Option<PathBuf>,
        settings: Settings,
        dialogs: Box<dyn Dialogs>,
    ) -> Self {
        let spelling = super::spelling::state::SpellingState::new(
            crate::spelling::PersonalDictionary::standard(),
            settings.extra_dictionaries.clone(),
        );
        let mut state = AppState {
            saved: path.as_ref().map(|_| project.clone()),
            template: TemplateCache::for_project(&project),
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
            file_picker: None,
            native_dialogs_unavailable: false,
            edits_made: 0,
            queue: Vec::new(),
            after_save: None,
            focus_new_block: None,
            focused_pane: None,
            focus_pane: Some(Pane::Editor),
            quit_now: false,
            lock: None,
            held_by: None,
            recovery_dir: recovery::recovery_folder(),
            last_autosave: Instant::now(),
            changed_since_autosave: false,
            was_focused: true,
            find: None,
            reveal: None,
            content_version: 0,
            clipboard_request: None,
            link_imports: Vec::new(),
            spelling,
            review: Default::default(),
            picture_part: None,
            library: Default::default(),
        };
        state.open_listed_libraries();
        state
    }

    /// The Library tab's state.
    pub(super) fn library_pane(&self) -> &super::library::state::LibraryPane {
        &self.library
    }

    /// The notices about the brief's library talking points, as of the last frame.
    pub fn library_checks(&self) -> &[crate::library::UseCheck] {
        &self.library.checks
    }

    /// The id of a line the Library tab lists, by the indices a drag carries.
    pub(super) fn library_line_id(&self, library: usize, line: usize) -> Option<String> {
        let open = self.library.libraries.get(library)?.opened.as_ref().ok()?;
        open.lines.get(line).map(|l| l.id.clone())
    }

    /// Checks spelling with `spelling` instead (tests give their own dictionaries and
    /// personal dictionary).
    pub fn with_spelling(mut self, spelling: super::spelling::state::SpellingState) -> Self {
        self.spelling = spelling;
        self
    }

    /// Keeps recovery copies in `folder` instead of the platform data folder (for tests).
    pub fn with_recovery_folder(mut self, folder: PathBuf) -> Self {
        self.recovery_dir = Some(folder);
        self
    }

    /// The open project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The file the project was opened from or last saved to, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True if the project has changes since it was opened or last saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The block selected in the editor, if any.
    pub fn selected(&self) -> Option<BlockId> {
        self.selected
    }

    /// The tab the left pane shows.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The words the left pane's Filter field holds.
    pub fn source_filter(&self) -> &str {
        &self.source_filter
    }

    /// The settings kept between runs.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The lines of the message bar, oldest first.
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// The modal window showing, if any.
    pub fn modal(&self) -> Option<&Modal> {
        self.modal.as_ref()
    }

    /// The brief as last laid out, if it could be.
    pub fn laid(&self) -> Option<&Laid> {
        self.laid.as_deref()
    }

    /// The last layout, shared, for a pane that draws it while it sends commands.
    pub(super) fn shared_laid(&self) -> Option<Arc<Laid>> {
        self.laid.clone()
    }

    /// How long the last relayout took.
    pub fn layout_time(&self) -> Duration {
        self.layout_time
    }

    /// True once the user chose to quit and nothing is left unsaved: the window closes.
    pub fn should_close(&self) -> bool {
        self.quit_now
    }

    /// The find and replace bar, while it is open.
    pub fn find_bar(&self) -> Option<&FindBar> {
        self.find.as_ref()
    }

    /// The find bar's own fields (query, replacement, options), which it edits in place:
    /// they are the bar's edit buffer and change nothing in the project.
    pub(super) fn find_bar_mut(&mut self) -> Option<&mut FindBar> {
        self.find.as_mut()
    }

    /// True on the frame after a block was selected from outside the editor (the preview,
    /// a message's Go to), so the editor scrolls to it.
    pub(super) fn scrolls_to_selected(&self) -> bool {
        self.scroll_to_selected
    }

    /// The place the editor scrolls to on this frame (a match of the find bar), if any.
    pub(super) fn place_to_reveal(&self) -> Option<Place> {
        self.reveal
    }

    /// The pane whose first control is to take the keyboard, until it has.
    pub(super) fn pane_to_focus(&self) -> Option<Pane> {
        self.focus_pane
    }

    /// The block just added, whose text field is to take the keyboard, until it has.
    pub(super) fn block_to_focus(&self) -> Option<BlockId> {
        self.focus_new_block
    }

    /// The clipboard action waiting for the focused text field, if any.
    pub(super) fn clipboard_request(&self) -> Option<ClipboardAction> {
        self.clipboard_request
    }

    /// Records the pane that egui says holds the keyboard, as the frame found it. Like
    /// `is_focused` in [`AppState::autosave_tick`], an observation of the window that the
    /// shell passes in, not a change the officer made; F6 reads it.
    pub(super) fn note_focused_pane(&mut self, pane: Option<Pane>) {
        self.focused_pane = pane;
    }

    /// The window's own file dialog, while it shows. Its browsing (folder, typed name) is
    /// its own edit buffer; its answer comes back as [`Command::AnswerFilePicker`].
    pub(super) fn file_picker_mut(&mut self) -> Option<&mut FilePicker> {
        self.file_picker.as_mut()
    }

    /// The spelling state: dictionaries, accepted words, the word menu.
    pub(super) fn spelling(&self) -> &super::spelling::state::SpellingState {
        &self.spelling
    }

    /// The unknown words of `text`, the field `key` of the brief, in `language`. The
    /// results are cached per field, so this takes `&mut self`; it changes no state the
    /// officer sees.
    pub(super) fn unknown_words_cached(
        &mut self,
        language: &str,
        key: (Place, usize),
        text: &str,
    ) -> Vec<std::ops::Range<usize>> {
        self.spelling.unknown_words(language, key, text)
    }

    /// The texture of page `index` of the preview at `scale`, drawn again only if the
    /// page or the scale changed: a cache of pictures, not state the officer changes.
    pub(super) fn page_texture(
        &mut self,
        ctx: &egui::Context,
        index: usize,
        page: &crate::layout::Page,
        scale: f32,
    ) -> Option<egui::TextureId> {
        self.preview.texture(ctx, index, page, scale)
    }

    /// The request the window's own file dialog is answering, if it is showing.
    pub fn open_file_request(&self) -> Option<&super::files::dialogs::FileRequest> {
        self.file_picker.as_ref().map(|picker| &picker.request)
    }

    /// True while another window holds the project, so Save is refused.
    pub fn is_read_only(&self) -> bool {
        self.held_by.is_some()
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

    /// Ends the window for a signal from the session: unsaved work goes to the recovery
    /// folder now, whatever the autosave interval, the lock is released, and the window
    /// closes without asking.
    pub fn shut_down(&mut self) {
        if self.dirty
            && let Some(folder) = self.recovery_dir.clone()
        {
            // Nobody is left to read a message; the copy is what counts.
            let _ = recovery::write_recovery(&folder, &self.project, self.path.as_deref());
            self.changed_since_autosave = false;
        }
        self.lock = None;
        self.quit_now = true;
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

    /// Runs every queued command, after the frame. What the frame was asked to show
    /// once (scroll the editor to the selection, reveal a match of the find bar) has
    /// been shown by now, so those requests end here, before the commands that may
    /// make new ones.
    pub fn run_queued(&mut self) {
        self.scroll_to_selected = false;
        self.reveal = None;
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
        let status = match self.project.review_status() {
            crate::model::ReviewStatus::Draft => String::new(),
            other => format!(" ({})", other.label()),
        };
        format!(
            "{}{name}{status}{} \u{2014} Briefwright",
            if self.dirty { "\u{25cf} " } else { "" },
            if self.is_read_only() {
                " (read-only)"
            } else {
                ""
            }
        )
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// About how many bytes the undo history holds.
    pub fn undo_bytes(&self) -> usize {
        self.history.bytes()
    }

    /// The template of the current brief, if it can be used. Parsed once per change.
    pub fn template(&self) -> Option<&Template> {
        self.template.parsed.as_deref().ok()
    }

    /// Parses the brief's template again if the brief now names another one.
    pub(super) fn sync_template(&mut self) {
        if !self.template.is_for(&self.project) {
            self.template = TemplateCache::for_project(&self.project);
        }
    }

    /// Lays the brief out again if it changed since the last layout.
    pub fn refresh_layout(&mut self) {
        if !self.layout_stale {
            return;
        }
        self.layout_stale = false;
        self.sync_template();
        match &self.template.parsed {
            Ok(template) => {
                let template = Arc::clone(template);
                let started = Instant::now();
                // Only a copy made for the markup or a version is kept; the brief itself
                // is laid out where it stands.
                let shown = match self.shown_project() {
                    std::borrow::Cow::Owned(copy) => Some(copy),
                    std::borrow::Cow::Borrowed(_) => None,
                };
                let project = shown.as_ref().unwrap_or(&self.project);
                self.laid = Some(Arc::new(
                    self.layouter.layout_for_screen(project, &template),
                ));
                self.layout_time = started.elapsed();
            }
            Err(error) => {
                let message = format!(
                    "The brief cannot be laid out: {error}. Choose another template in Edit \u{25b8} Template."
                );
                self.laid = None;
                self.error(message);
            }
        }
    }

    pub(super) fn info(&mut self, text: impl Into<String>) {
        self.say(Severity::Info, text);
    }

    pub(super) fn warning(&mut self, text: impl Into<String>) {
        self.say(Severity::Warning, text);
    }

    pub(super) fn error(&mut self, text: impl Into<String>) {
        self.say(Severity::Error, text);
    }

    fn say(&mut self, severity: Severity, text: impl Into<String>) {
        self.messages.push(Message {
            text: text.into(),
            severity,
            blocks: Vec::new(),
            detail: None,
        });
    }

    /// A warning in the officer's words, with the technical reason behind it on hover.
    pub(super) fn warning_with_detail(&mut self, text: impl Into<String>, detail: String) {
        self.messages.push(Message {
            text: text.into(),
            severity: Severity::Warning,
            blocks: Vec::new(),
            detail: Some(detail),
        });
    }

    /// Shows diagnostics in the message bar, each at its own severity.
    pub fn report(&mut self, context: &str, diagnostics: &[Diagnostic]) {
        for diagnostic in diagnostics {
            self.messages.push(Message {
                text: sentence_case(&format!("{context}{}.", diagnostic.message)),
                severity: diagnostic.severity,
                blocks: diagnostic.blocks().collect(),
                detail: None,
            });
        }
    }

    /// The first block of the brief that quotes `section`, if any.
    pub fn quoting(&self, section: SectionRef) -> Option<BlockId> {
        self.project
            .brief
            .blocks()
            .find(|block| match &block.kind {
                crate::model::BlockKind::Excerpt { from, .. } => *from == section,
                crate::model::BlockKind::Picture(figure) => figure.from == Some(section),
                _ => false,
            })
            .map(|block| block.id)
    }

    /// The folder of the open brief. A brief opened by a bare file name
    /// (`briefwright sample.brief`) is in the current folder, not in "".
    pub(super) fn folder(&self) -> Option<PathBuf> {
        let path = self.path.as_ref()?;
        super::files::dialogs::folder_of(path).or_else(|| std::env::current_dir().ok())
    }

    pub(super) fn suggested_name(&self, extension: &str) -> String {
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
}

/// `text` with its first letter a capital, as a message reads. The core writes its
/// diagnostics to follow a context ("sample.brief: the brief runs to…"); alone, they
/// start a sentence.
fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
