//! What the window keeps about libraries: the open ones with their folder watches, the
//! search and filters, the line previewed, and a line or merge being written.

use std::path::PathBuf;

use crate::library::{ConflictCopy, Filter, FolderWatch, Library, Line, UseCheck};

/// A library folder on the officer's list, as last opened.
pub struct OpenLibrary {
    pub folder: PathBuf,
    /// The library, or why it could not be opened (shown in its place).
    pub opened: Result<Library, String>,
    /// Tells the window when others change the folder; `None` where the folder gives no
    /// events (then Refresh is the way).
    pub watch: Option<FolderWatch>,
}

impl OpenLibrary {
    /// Opens `folder` and starts watching it.
    pub fn open(folder: PathBuf) -> OpenLibrary {
        let opened = Library::open(&folder).map_err(|e| e.to_string());
        let watch = opened
            .as_ref()
            .ok()
            .and_then(|_| FolderWatch::start(&folder).ok());
        OpenLibrary {
            folder,
            opened,
            watch,
        }
    }
}

/// A line being written: new, or an edit of `base` (whose version the save expects).
#[derive(Debug, Clone, PartialEq)]
pub struct LineDraft {
    pub library: usize,
    pub base: Option<Line>,
    pub text: String,
    pub topic: String,
    /// Comma-separated, as typed.
    pub tags: String,
    pub marking: String,
    /// `YYYY-MM-DD` or empty.
    pub review_by: String,
}

/// A sync client's conflict copy being merged: the library's words and the copy's, and
/// the words the line will take.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeDraft {
    pub library: usize,
    pub copy: ConflictCopy,
    pub ours: String,
    pub text: String,
}

/// The Library tab's state.
#[derive(Default)]
pub struct LibraryPane {
    pub libraries: Vec<OpenLibrary>,
    pub filter: Filter,
    pub folder_typed: String,
    /// The line previewed: its library (by index) and the whole line, history and all.
    pub selected: Option<(usize, Line)>,
    pub draft: Option<LineDraft>,
    pub merge: Option<MergeDraft>,
    /// The update check of the brief's library talking points, and the project change
    /// and library reads it was made for.
    pub checks: Vec<UseCheck>,
    pub checked_for: Option<(u64, u64)>,
    /// Counts reads of the libraries, so the check knows when to look again.
    pub reads: u64,
}

impl LibraryPane {
    /// The open libraries (those that could be read).
    pub fn open_libraries(&self) -> Vec<&Library> {
        self.libraries
            .iter()
            .filter_map(|l| l.opened.as_ref().ok())
            .collect()
    }
}
