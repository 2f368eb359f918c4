//! Commands: everything the window can do, as data. Menus, shortcuts, buttons, drags and
//! dialogs only produce commands; [`super::state::AppState::run`] applies them.

use std::ops::Range;
use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::files::dialogs::DialogAnswer;
use super::pane::{Pane, Tab};
use super::settings::Theme;
use super::sources::drafts::PasteDraft;
use super::spelling::state::WordMenu;
use crate::model::find::Place;
use crate::model::{BlockId, Edit, ExcerptsOfRemoved, SectionRef, SourceId, TalkingPointId};

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Ask which template, then start a new brief. Unless `confirmed`, unsaved changes
    /// are asked about first.
    NewDialog {
        confirmed: bool,
    },
    NewFromTemplate(String),
    /// Pick a project and open it. Unless `confirmed`, unsaved changes are asked about first.
    OpenDialog {
        confirmed: bool,
    },
    /// Unless `confirmed`, unsaved changes are asked about first.
    Open {
        path: PathBuf,
        confirmed: bool,
    },
    Save,
    SaveAsDialog,
    SaveAs(PathBuf),
    ImportDialog,
    ImportArticles(Vec<PathBuf>),
    /// Opens the paste-as-new-article window, with what the clipboard holds.
    PasteDialog,
    PasteArticle(String),
    /// Imports formatted text copied from a browser or Word: its HTML, and the plain text
    /// to fall back on.
    PasteHtml {
        html: String,
        text: String,
    },
    /// Asks for a link to import.
    ImportLinkDialog,
    /// Fetches the article at a link in the background and imports it.
    ImportLink(String),
    /// Removes a source; if excerpts quote it, asks what becomes of them first.
    RemoveSourceDialog(SourceId),
    /// Removes a source and keeps or removes its excerpts, as one undoable step.
    RemoveSource {
        source: SourceId,
        excerpts: ExcerptsOfRemoved,
    },
    ExportDialog,
    ExportPdf(PathBuf),
    /// Asks where to write the brief as a Word document.
    ExportWordDialog,
    ExportWord(PathBuf),
    /// Writes the brief although it has errors (the user said so when asked); its
    /// properties say it was exported with errors.
    ExportAnyway {
        path: PathBuf,
        format: crate::export::ExportFormat,
    },
    /// Close the window. Unless `confirmed`, unsaved changes are asked about first.
    Quit {
        confirmed: bool,
    },
    Undo,
    Redo,
    DeleteSelected,
    /// Preview zoom.
    ZoomIn,
    ZoomOut,
    ZoomReset,
    FitWidth,
    /// Size of the window's text and controls.
    InterfaceZoomIn,
    InterfaceZoomOut,
    InterfaceZoomReset,
    SetTheme(Theme),
    ShowShortcuts,
    ShowAbout,
    /// A change to the project (undoable).
    Edit(Edit),
    Select(Option<BlockId>),
    /// Selects a block and scrolls the editor to it (from the preview or a warning).
    GoToBlock(BlockId),
    /// Moves the selected block up (negative) or down (positive).
    MoveSelected(i32),
    /// Folds the preview away to a button (true) or brings it back (false).
    SetPreviewHidden(bool),
    /// Moves the keyboard to the next pane (positive) or the previous one (negative).
    CyclePane(i32),
    /// Adds a source section as an excerpt to a part (by index), or to the default part.
    /// A section the brief already quotes is added again only when `again` says so;
    /// otherwise the officer is asked first.
    AddSection {
        section: SectionRef,
        part: Option<usize>,
        again: bool,
    },
    AddTalkingPoint {
        point: TalkingPointId,
        part: Option<usize>,
    },
    /// Lay the brief out with a built-in template (undoable).
    UseTemplate(String),
    /// Pick a template file and lay the brief out with it.
    TemplateFileDialog,
    /// Lay the brief out with a template file, keeping a copy in the project (undoable).
    UseTemplateFile(PathBuf),
    /// Read the brief's own template again from the file it came from.
    RefreshTemplate,
    /// The answer to the unsaved-changes question.
    ResolveUnsaved(UnsavedChoice),
    DismissMessages,
    /// Keep a locked project open without saving over it.
    OpenReadOnly,
    /// Take the lock from a window that is gone.
    TakeOverLock,
    RestoreRecovery,
    DiscardRecovery,
    /// Cut, copy, paste or select all in the text field that last had the keyboard.
    Clipboard(ClipboardAction),
    /// Open the find bar, with the Replace row if `replace`.
    Find {
        replace: bool,
    },
    /// Go to the next (1) or previous (-1) match.
    FindNext(isize),
    ReplaceCurrent,
    ReplaceAll,
    CloseFind,
    /// Puts a suggestion in place of a flagged word at `range` of `place` (undoable).
    ReplaceWord {
        place: Place,
        range: Range<usize>,
        word: String,
        replacement: String,
    },
    /// Adds a word to the personal dictionary, accepted in every brief.
    AddToDictionary(String),
    /// Accepts a word in this brief only (undoable).
    IgnoreInBrief(String),
    /// Asks for a dictionary (.aff) file; its folder becomes the folder of extra dictionaries.
    DictionaryFolderDialog,
    /// Uses the dictionaries in this folder too, for languages not bundled.
    SetDictionaryFolder(PathBuf),
    /// Shows a tab of the left pane.
    SetTab(Tab),
    /// A command of the Library tab or of a library notice.
    Library(Box<super::library::action::LibraryAction>),
    /// The words typed into the left pane's Filter field.
    SetSourceFilter(String),
    /// Closes the modal window without doing what it asks.
    CloseModal,
    /// Shows the paste window holding `draft`: the text as the officer edits it.
    EditPasteDraft(PasteDraft),
    /// The link as typed into the Import from Link window.
    EditLink(String),
    /// Puts the keyboard in the first control of a pane on the next frame.
    FocusPane(Pane),
    /// The pane's first control took the keyboard, as [`Command::FocusPane`] (or F6, or
    /// opening a brief) asked.
    PaneFocused(Pane),
    /// The text field of a block just added took the keyboard (or the block has none).
    NewBlockFocused(BlockId),
    /// The width of the sources pane, as the officer dragged it.
    SetSourcesWidth(f32),
    /// The width of the preview pane, as the officer dragged it.
    SetPreviewWidth(f32),
    /// Opens the menu of a flagged word (right click), or closes it (none).
    SetWordMenu(Option<WordMenu>),
    /// The clipboard action of [`Command::Clipboard`] was carried out; if no text field
    /// could take it, the officer is told to click in one first.
    ClipboardDone {
        reached_field: bool,
    },
    /// The answer of the window's own file dialog.
    AnswerFilePicker(DialogAnswer),
    /// Turns suggest mode on or off: edits become suggestions credited to the officer.
    ToggleSuggesting,
    /// How the preview shows suggestions.
    SetMarkup(crate::model::MarkupMode),
    /// Starts a comment on the text selected in the editor, or on the selected block.
    NewComment,
    /// The comment being written, as typed (none to drop it).
    EditCommentDraft(Option<super::review::state::CommentDraft>),
    /// Adds the comment being written.
    PostComment,
    ReplyToComment {
        comment: crate::model::CommentId,
        text: String,
    },
    ResolveComment {
        comment: crate::model::CommentId,
        resolved: bool,
    },
    DeleteComment(crate::model::CommentId),
    GoToComment(crate::model::CommentId),
    /// Goes to the next (1) or previous (-1) open comment.
    NextComment(i32),
    AnswerSuggestion {
        suggestion: crate::model::SuggestionId,
        accept: bool,
    },
    AnswerBlockSuggestions {
        block: BlockId,
        accept: bool,
    },
    AnswerAllSuggestions {
        accept: bool,
    },
    /// Saves the brief as it is now as a version with this label.
    SaveVersion(String),
    /// Puts the brief back as the version left it (undoable).
    RestoreVersion(crate::model::VersionId),
    /// What the preview shows: the brief, a version, or a version compared with now.
    Show(super::review::state::Showing),
    /// Signs off clearance row `row` as cleared, saving the version it clears.
    SignOff(usize),
    /// Asks where to write the review copy (PDF with markup and comments).
    ExportReviewDialog,
    ExportReview(PathBuf),
    /// The name comments and suggestions are credited to (empty: the system's).
    SetAuthorName(String),
    /// Asks for a Word file back from review.
    ImportReviewDialog,
    /// Brings a Word file back from review, as one undoable step.
    ImportReview(PathBuf),
    /// Asks for picture files, to insert after the selected block, or at the end of
    /// part `part`.
    InsertPictureDialog {
        part: Option<usize>,
    },
    /// Inserts picture files as picture blocks, each one undoable step.
    InsertPictures {
        paths: Vec<PathBuf>,
        part: Option<usize>,
    },
    /// Inserts the picture on the system clipboard.
    PastePicture,
}

/// What Edit ▸ Cut, Copy, Paste and Select All do to the focused text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClipboardAction {
    Cut,
    Copy,
    Paste,
    SelectAll,
}

impl Command {
    /// New from template, as the menu and shortcut send it.
    pub const NEW: Command = Command::NewDialog { confirmed: false };
    /// Open, as the menu and shortcut send it.
    pub const OPEN: Command = Command::OpenDialog { confirmed: false };
    /// Quit, as the menu, shortcut and window close button send it.
    pub const QUIT: Command = Command::Quit { confirmed: false };

    /// Opens `path`, asking about unsaved changes first.
    pub fn open(path: PathBuf) -> Command {
        Command::Open {
            path,
            confirmed: false,
        }
    }

    /// The same command, with the user's answer about unsaved changes already given.
    pub fn confirmed(self) -> Command {
        match self {
            Command::NewDialog { .. } => Command::NewDialog { confirmed: true },
            Command::OpenDialog { .. } => Command::OpenDialog { confirmed: true },
            Command::Open { path, .. } => Command::Open {
                path,
                confirmed: true,
            },
            Command::Quit { .. } => Command::Quit { confirmed: true },
            other => other,
        }
    }
}

/// What to do with unsaved changes before New, Open or Quit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

const COMMAND: Modifiers = Modifiers::COMMAND;
const COMMAND_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const COMMAND_ALT: Modifiers = Modifiers {
    alt: true,
    ..Modifiers::COMMAND
};

/// Keyboard shortcuts, most specific first (Ctrl+Shift+S before Ctrl+S), since egui
/// matches shortcuts ignoring extra Shift.
pub fn shortcuts() -> Vec<(KeyboardShortcut, Command)> {
    vec![
        (
            KeyboardShortcut::new(COMMAND_SHIFT, Key::S),
            Command::SaveAsDialog,
        ),
        (KeyboardShortcut::new(COMMAND_SHIFT, Key::Z), Command::Redo),
        (
            KeyboardShortcut::new(Modifiers::SHIFT, Key::F6),
            Command::CyclePane(-1),
        ),
        (
            KeyboardShortcut::new(Modifiers::NONE, Key::F6),
            Command::CyclePane(1),
        ),
        (
            KeyboardShortcut::new(COMMAND_SHIFT, Key::R),
            Command::ToggleSuggesting,
        ),
        (
            KeyboardShortcut::new(COMMAND_ALT, Key::M),
            Command::NewComment,
        ),
        (
            KeyboardShortcut::new(COMMAND_ALT, Key::N),
            Command::NextComment(1),
        ),
        (
            KeyboardShortcut::new(COMMAND_ALT, Key::P),
            Command::NextComment(-1),
        ),
        (KeyboardShortcut::new(COMMAND, Key::N), Command::NEW),
        (KeyboardShortcut::new(COMMAND, Key::O), Command::OPEN),
        (KeyboardShortcut::new(COMMAND, Key::S), Command::Save),
        (
            KeyboardShortcut::new(COMMAND_SHIFT, Key::E),
            Command::ExportWordDialog,
        ),
        (
            KeyboardShortcut::new(COMMAND, Key::E),
            Command::ExportDialog,
        ),
        (
            KeyboardShortcut::new(COMMAND, Key::I),
            Command::ImportDialog,
        ),
        (
            KeyboardShortcut::new(COMMAND_SHIFT, Key::I),
            Command::ImportLinkDialog,
        ),
        (KeyboardShortcut::new(COMMAND, Key::Z), Command::Undo),
        (KeyboardShortcut::new(COMMAND, Key::Y), Command::Redo),
        (KeyboardShortcut::new(COMMAND, Key::Q), Command::QUIT),
        (
            KeyboardShortcut::new(COMMAND, Key::F),
            Command::Find { replace: false },
        ),
        (
            KeyboardShortcut::new(COMMAND, Key::H),
            Command::Find { replace: true },
        ),
        (
            KeyboardShortcut::new(Modifiers::SHIFT, Key::F3),
            Command::FindNext(-1),
        ),
        (
            KeyboardShortcut::new(Modifiers::NONE, Key::F3),
            Command::FindNext(1),
        ),
        (
            KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp),
            Command::MoveSelected(-1),
        ),
        (
            KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown),
            Command::MoveSelected(1),
        ),
        (
            KeyboardShortcut::new(COMMAND_ALT, Key::Plus),
            Command::ZoomIn,
        ),
        (
            KeyboardShortcut::new(COMMAND_ALT, Key::Equals),
            Command::ZoomIn,
        ),
        (
            KeyboardShortcut::new(COMMAND_ALT, Key::Minus),
            Command::ZoomOut,
        ),
        (
            KeyboardShortcut::new(COMMAND_ALT, Key::Num0),
            Command::ZoomReset,
        ),
        (
            KeyboardShortcut::new(COMMAND, Key::Plus),
            Command::InterfaceZoomIn,
        ),
        (
            KeyboardShortcut::new(COMMAND, Key::Equals),
            Command::InterfaceZoomIn,
        ),
        (
            KeyboardShortcut::new(COMMAND, Key::Minus),
            Command::InterfaceZoomOut,
        ),
        (
            KeyboardShortcut::new(COMMAND, Key::Num0),
            Command::InterfaceZoomReset,
        ),
    ]
}

/// The keyboard help: each command that has keys once, by its menu text in alphabetical
/// order, with all its keys (Redo is Ctrl+Shift+Z and Ctrl+Y), the text field's own
/// clipboard keys included. Made from [`shortcuts`], so the help cannot drift from the
/// keys the window takes.
pub fn shortcut_help() -> Vec<(&'static str, Vec<KeyboardShortcut>)> {
    let clipboard = [
        ClipboardAction::Cut,
        ClipboardAction::Copy,
        ClipboardAction::Paste,
        ClipboardAction::SelectAll,
    ]
    .map(Command::Clipboard);
    let keyed = clipboard
        .into_iter()
        .filter_map(|command| shortcut_for(&command).map(|key| (key, command)))
        .chain(shortcuts());
    let mut help: Vec<(&'static str, Vec<KeyboardShortcut>)> = Vec::new();
    for (key, command) in keyed {
        let name = command.menu_text();
        match help.iter_mut().find(|(known, _)| *known == name) {
            Some((_, keys)) => keys.push(key),
            None => help.push((name, vec![key])),
        }
    }
    help.sort_by_key(|(name, _)| name.to_lowercase());
    help
}

/// The shortcut shown beside a command in menus and help. Cut, copy, paste and select
/// all are the text field's own keys, so they are shown but never taken from it.
pub fn shortcut_for(command: &Command) -> Option<KeyboardShortcut> {
    if let Command::Clipboard(action) = command {
        let key = match action {
            ClipboardAction::Cut => Key::X,
            ClipboardAction::Copy => Key::C,
            ClipboardAction::Paste => Key::V,
            ClipboardAction::SelectAll => Key::A,
        };
        return Some(KeyboardShortcut::new(COMMAND, key));
    }
    shortcuts()
        .into_iter()
        .find(|(_, c)| c == command)
        .map(|(shortcut, _)| shortcut)
}

impl Command {
    /// Menu text for the commands that appear in menus.
    pub fn menu_text(&self) -> &'static str {
        match self {
            Command::NewDialog { .. } => "New from template…",
            Command::OpenDialog { .. } => "Open…",
            Command::Save => "Save",
            Command::SaveAsDialog => "Save As…",
            Command::ImportDialog => "Import Article…",
            Command::PasteDialog => "Paste as New Article…",
            Command::ImportLinkDialog => "Import from Link…",
            Command::ExportDialog => "Export PDF…",
            Command::ExportWordDialog => "Export as Word…",
            Command::Quit { .. } => "Quit",
            Command::TemplateFileDialog => "From File…",
            Command::DictionaryFolderDialog => "Extra Spelling Dictionaries…",
            Command::RefreshTemplate => "Refresh from File",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::DeleteSelected => "Delete Block",
            Command::MoveSelected(by) if *by < 0 => "Move Block Up",
            Command::MoveSelected(_) => "Move Block Down",
            Command::ZoomIn => "Zoom Preview In",
            Command::ZoomOut => "Zoom Preview Out",
            Command::ZoomReset => "Preview at Actual Size",
            Command::FitWidth => "Fit Preview to Width",
            Command::InterfaceZoomIn => "Larger Interface",
            Command::InterfaceZoomOut => "Smaller Interface",
            Command::InterfaceZoomReset => "Normal Interface Size",
            Command::SetTheme(Theme::System) => "Follow System Theme",
            Command::SetTheme(Theme::Light) => "Light Theme",
            Command::SetTheme(Theme::Dark) => "Dark Theme",
            Command::ShowShortcuts => "Keyboard Shortcuts",
            Command::ShowAbout => "About Briefwright",
            Command::Clipboard(ClipboardAction::Cut) => "Cut",
            Command::Clipboard(ClipboardAction::Copy) => "Copy",
            Command::Clipboard(ClipboardAction::Paste) => "Paste",
            Command::Clipboard(ClipboardAction::SelectAll) => "Select All",
            Command::Find { replace: false } => "Find…",
            Command::Find { replace: true } => "Find and Replace…",
            Command::FindNext(by) if *by < 0 => "Find Previous",
            Command::FindNext(_) => "Find Next",
            Command::SetPreviewHidden(true) => "Hide Preview",
            Command::SetPreviewHidden(false) => "Show Preview",
            Command::CyclePane(by) if *by < 0 => "Previous Pane",
            Command::CyclePane(_) => "Next Pane",
            Command::ToggleSuggesting => "Suggest Edits",
            Command::NewComment => "New Comment",
            Command::NextComment(by) if *by < 0 => "Previous Comment",
            Command::NextComment(_) => "Next Comment",
            Command::AnswerAllSuggestions { accept: true } => "Accept All Suggestions",
            Command::AnswerAllSuggestions { accept: false } => "Reject All Suggestions",
            Command::ExportReviewDialog => "Export Review Copy…",
            Command::ImportReviewDialog => "Import Review from Word…",
            Command::InsertPictureDialog { .. } => "Picture…",
            Command::PastePicture => "Picture from Clipboard",
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyboard_help_lists_each_command_once_in_order_with_all_its_keys() {
        let help = shortcut_help();
        let names: Vec<&str> = help.iter().map(|(name, _)| *name).collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|name| name.to_lowercase());
        assert_eq!(names, sorted);
        let mut unique = names.clone();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        assert!(names.iter().all(|name| !name.is_empty()));
        let redo = help
            .iter()
            .find(|(name, _)| *name == "Redo")
            .map(|(_, keys)| keys.len());
        assert_eq!(redo, Some(2), "Ctrl+Shift+Z and Ctrl+Y");
        assert!(names.contains(&"Copy"));
        let keys: usize = help.iter().map(|(_, keys)| keys.len()).sum();
        assert_eq!(
            keys,
            shortcuts().len() + 4,
            "every key, the clipboard's too"
        );
    }
}
