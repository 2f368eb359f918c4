//! What the Library tab and the brief's library notices ask the window to do, as data.

use std::path::PathBuf;

use crate::library::Filter;
use crate::model::TalkingPointId;

use super::state::{LineDraft, MergeDraft};

/// A command of the Library tab.
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryAction {
    /// The folder path being typed into the Add field.
    TypeFolder(String),
    /// Adds a library folder to the officer's list and opens it.
    AddFolder(PathBuf),
    /// Asks for a library folder with the file dialog (pick any file in it).
    BrowseFolder,
    RemoveFolder(PathBuf),
    /// Reads every library again (the folder watch does this by itself).
    Refresh,
    SetFilter(Filter),
    /// Shows a line's preview with its history.
    Select {
        library: usize,
        line: String,
    },
    /// Starts a new line in a library.
    NewLine {
        library: usize,
    },
    /// Starts editing the selected line.
    EditSelected,
    EditDraft(LineDraft),
    SaveDraft,
    CancelDraft,
    ApproveSelected,
    WithdrawSelected,
    /// Puts a line into the brief: at the end of `part`, or the default part.
    UseLine {
        library: usize,
        line: String,
        part: Option<usize>,
    },
    /// Takes the library's newer words for a talking point (one undoable step).
    Update(TalkingPointId),
    /// Keeps the brief's words, so the notice goes until the line changes again.
    Keep(TalkingPointId),
    /// Starts merging a sync client's conflict copy.
    StartMerge {
        library: usize,
        copy: usize,
    },
    EditMerge(MergeDraft),
    FinishMerge,
    CancelMerge,
}
