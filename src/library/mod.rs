//! Libraries of approved lines shared across briefs: a folder of line files (one TOML
//! file a line) on a network drive, a synced folder or a git working copy. Opening reads
//! through a cached index; saving is compare-and-swap on the line's version, so two
//! officers never overwrite each other's words. No screen: the window and the command
//! line both drive this.

mod csv_import;
mod folder;
mod index;
mod info;
mod line;
mod lint;
mod search;
mod store;
mod uses;
mod watch;

pub use csv_import::{ImportReport, import_csv};
pub use folder::{ConflictCopy, Problem, is_bookkeeping};
pub use index::INDEX_FILE;
pub use info::{INFO_FILE, LibraryInfo};
pub use line::{
    Action, HistoryEntry, Line, LineError, Status, fresh_id, is_iso_date, is_valid_id, today,
};
pub use lint::{LintReport, lint, near_duplicates};
pub use search::{Expiry, Filter, days_from_today};
pub use store::{
    Conflict, SaveError, Saved, create_line, merge_conflict_copy, read_line, save_line,
};
pub use uses::{LibraryState, UseCheck, UseNotice, check_uses, libraries_for};
pub use watch::FolderWatch;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A library as opened: its lines (histories not loaded), the copies to merge and the
/// files it could not use.
#[derive(Debug, Clone)]
pub struct Library {
    pub folder: PathBuf,
    pub info: LibraryInfo,
    /// In file-name order. Their histories are empty: [`read_line`] reads a whole line.
    pub lines: Vec<Line>,
    pub conflicts: Vec<ConflictCopy>,
    pub problems: Vec<Problem>,
    /// Where the index was kept, if it could be written anywhere.
    pub index_at: Option<PathBuf>,
    /// How many files opening had to read (the rest came from the index).
    pub files_read: usize,
    search_texts: Vec<String>,
    by_id: HashMap<String, usize>,
}

/// Why a library could not be opened at all.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(
        "the library folder {0} cannot be reached ({1}); check that the drive is connected or the folder synced"
    )]
    Unreachable(String, std::io::Error),
    #[error("{0}")]
    Info(String),
}

impl Library {
    /// Opens the library in `folder`, reading only the files its index does not know.
    pub fn open(folder: &Path) -> Result<Library, OpenError> {
        let unreachable = |e| OpenError::Unreachable(folder.display().to_string(), e);
        if !folder.is_dir() {
            return Err(unreachable(std::io::Error::from(
                std::io::ErrorKind::NotFound,
            )));
        }
        let info = LibraryInfo::read(folder).map_err(OpenError::Info)?;
        let indexed = index::read_through_index(folder).map_err(unreachable)?;
        let (lines, conflicts, problems) = folder::sort_out(indexed.read);
        let search_texts = lines.iter().map(Line::search_text).collect();
        let by_id = lines
            .iter()
            .enumerate()
            .map(|(i, line)| (line.id.clone(), i))
            .collect();
        Ok(Library {
            folder: folder.to_path_buf(),
            info,
            lines,
            conflicts,
            problems,
            index_at: indexed.index_at,
            files_read: indexed.files_read,
            search_texts,
            by_id,
        })
    }

    /// The line with this id.
    pub fn line(&self, id: &str) -> Option<&Line> {
        self.by_id.get(id).map(|&i| &self.lines[i])
    }

    /// The lines that `filter` lets through, in file-name order.
    pub fn search(&self, filter: &Filter) -> Vec<&Line> {
        filter.apply(&self.lines, &self.search_texts)
    }

    /// Every tag used, sorted, each once.
    pub fn tags(&self) -> Vec<&str> {
        let mut tags: Vec<&str> = self
            .lines
            .iter()
            .flat_map(|l| l.tags.iter().map(String::as_str))
            .collect();
        tags.sort_unstable();
        tags.dedup();
        tags
    }

    /// Every owner named, sorted, each once.
    pub fn owners(&self) -> Vec<&str> {
        let mut owners: Vec<&str> = self
            .lines
            .iter()
            .map(|l| l.owner.as_str())
            .filter(|o| !o.is_empty())
            .collect();
        owners.sort_unstable();
        owners.dedup();
        owners
    }
}

/// Makes `folder` a library: writes its `library.toml` unless it has one.
pub fn create(folder: &Path, info: &LibraryInfo) -> Result<(), String> {
    let path = folder.join(INFO_FILE);
    if path.is_file() {
        return Ok(());
    }
    let text = info.to_toml()?;
    crate::project::write_atomically(&path, text.as_bytes(), false).map_err(|e| e.to_string())
}
