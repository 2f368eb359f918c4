//! Saving lines so that no officer's words are ever lost or silently overwritten.
//!
//! A save names the version it started from and is refused if the file has moved on
//! (compare-and-swap), with a message naming who changed it and when; the refused text
//! is written as a draft. The read-compare-write runs under a per-line lock file made
//! with `create_new` (O_EXCL), which is atomic on local disks, SMB shares and NFS v3 and
//! later, unlike byte-range locks (`flock`, `fcntl`), which network shares and sync
//! clients do not honour. The write itself is atomic (temporary file, then rename), so a
//! reader never sees half a line. Lines are separate files, so two officers editing
//! different lines never touch the same file.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::folder::ConflictCopy;
use super::line::{Action, HistoryEntry, Line};

/// How long a save waits for another officer's save of the same line to finish.
const LOCK_WAIT: Duration = Duration::from_secs(20);
/// A lock older than this was left by a Briefwright that stopped mid-save: a save takes
/// milliseconds, so nobody still holds it.
const STALE_LOCK: Duration = Duration::from_secs(60);

/// A line as saved, and its file.
#[derive(Debug, Clone)]
pub struct Saved {
    pub line: Line,
    pub path: PathBuf,
}

/// A save refused because someone else saved the line first.
#[derive(Debug, thiserror::Error)]
#[error(
    "not saved: {by} changed this line on {at} (it is now version {current}; you started from version {expected}). {kept}"
)]
pub struct Conflict {
    pub id: String,
    pub by: String,
    pub at: String,
    pub expected: u32,
    pub current: u32,
    /// Where the refused text was kept.
    pub draft: Option<PathBuf>,
    /// Says where the refused text was kept, or that it could not be.
    pub kept: String,
}

/// Why a line was not saved. The library is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{0}")]
    Changed(Box<Conflict>),
    #[error("not saved: the line {id} is no longer in the library {folder}")]
    Missing { id: String, folder: String },
    #[error("not saved: a line with the id {0} already exists")]
    Exists(String),
    #[error(
        "not saved: another save of the line {id} has held its lock ({lock}) for {waited_secs} s; try again in a moment"
    )]
    Busy {
        id: String,
        lock: String,
        waited_secs: u64,
    },
    #[error("not saved: cannot write in {folder}: {cause}. {hint}")]
    Unwritable {
        folder: String,
        cause: std::io::Error,
        hint: &'static str,
    },
    #[error("not saved: cannot read {path}: {cause}")]
    Unreadable { path: String, cause: String },
    #[error("not saved: {0}")]
    Write(#[from] crate::project::WriteError),
    #[error("not saved: {0}")]
    Format(String),
}

/// Holds the per-line lock file; removes it when dropped.
struct LineLock {
    path: PathBuf,
}

impl Drop for LineLock {
    fn drop(&mut self) {
        // Only our own lock: made with create_new, so nobody else's file has this path
        // while we hold it.
        let _ = std::fs::remove_file(&self.path);
    }
}

fn lock_line(folder: &Path, id: &str, by: &str) -> Result<LineLock, SaveError> {
    let path = folder.join(format!(".{id}.lock"));
    let started = SystemTime::now();
    let mut pause = Duration::from_millis(2);
    loop {
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                // Who holds it, for whoever finds it left behind; the lock is the file itself.
                let _ = writeln!(file, "{by}\n{}", std::process::id());
                return Ok(LineLock { path });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let age = std::fs::metadata(&path)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| SystemTime::now().duration_since(t).ok());
                if age.is_some_and(|age| age > STALE_LOCK) {
                    let _ = std::fs::remove_file(&path);
                    continue;
                }
                let waited = started.elapsed().unwrap_or_default();
                if waited > LOCK_WAIT {
                    return Err(SaveError::Busy {
                        id: id.to_owned(),
                        lock: path.display().to_string(),
                        waited_secs: waited.as_secs(),
                    });
                }
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            }
            Err(cause) => return Err(unwritable(folder, cause)),
        }
    }
}

fn unwritable(folder: &Path, cause: std::io::Error) -> SaveError {
    let hint = match cause.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            "The library is read-only for you; ask its owner for write access"
        }
        std::io::ErrorKind::NotFound => {
            "The library folder cannot be reached; check the drive or the sync client"
        }
        _ => "Check the drive and try again",
    };
    SaveError::Unwritable {
        folder: folder.display().to_string(),
        cause,
        hint,
    }
}

/// Reads the whole line `id` (with its history) from `folder`.
pub fn read_line(folder: &Path, id: &str) -> Result<Line, SaveError> {
    let path = folder.join(format!("{id}.toml"));
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SaveError::Missing {
                id: id.to_owned(),
                folder: folder.display().to_string(),
            });
        }
        Err(e) => {
            return Err(SaveError::Unreadable {
                path: path.display().to_string(),
                cause: e.to_string(),
            });
        }
    };
    Line::parse(&text).map_err(|e| SaveError::Unreadable {
        path: path.display().to_string(),
        cause: e.to_string(),
    })
}

fn stamped(mut line: Line, version: u32, by: &str, action: Action) -> Line {
    let at = crate::dates::now_timestamp();
    line.version = version;
    line.modified_by = by.to_owned();
    line.modified_at = at.clone();
    line.history.push(HistoryEntry {
        version,
        text: line.text.clone(),
        by: by.to_owned(),
        at,
        action,
    });
    line
}

/// Saves a new line (version 1) as `<id>.toml` in `folder`; refused if the id is taken.
pub fn create_line(
    folder: &Path,
    line: &Line,
    by: &str,
    action: Action,
) -> Result<Saved, SaveError> {
    let _lock = lock_line(folder, &line.id, by)?;
    let path = folder.join(line.file_name());
    if path.exists() {
        return Err(SaveError::Exists(line.id.clone()));
    }
    let mut new = line.clone();
    new.history.clear();
    let new = stamped(new, 1, by, action);
    let text = new.to_toml().map_err(SaveError::Format)?;
    crate::project::write_atomically(&path, text.as_bytes(), false)?;
    Ok(Saved { line: new, path })
}

/// Saves `edited` over its line in `folder` if the file is still at `expected_version`;
/// otherwise refuses, naming who changed it and when, and keeps `edited` as a draft.
/// The saved line's history gains this save.
pub fn save_line(
    folder: &Path,
    edited: &Line,
    expected_version: u32,
    by: &str,
    action: Action,
) -> Result<Saved, SaveError> {
    let lock = lock_line(folder, &edited.id, by)?;
    let current = read_line(folder, &edited.id)?;
    if current.version != expected_version {
        drop(lock);
        let draft = write_draft(folder, edited, by);
        let kept = match &draft {
            Some(path) => format!("Your text is kept as a draft in {}", path.display()),
            None => {
                "Your text could not be kept as a draft file; copy it before closing".to_owned()
            }
        };
        return Err(SaveError::Changed(Box::new(Conflict {
            id: edited.id.clone(),
            by: current.modified_by,
            at: current.modified_at,
            expected: expected_version,
            current: current.version,
            draft,
            kept,
        })));
    }
    let mut new = edited.clone();
    new.history = current.history;
    let new = stamped(new, current.version + 1, by, action);
    let path = folder.join(new.file_name());
    let text = new.to_toml().map_err(SaveError::Format)?;
    crate::project::write_atomically(&path, text.as_bytes(), false)?;
    drop(lock);
    Ok(Saved { line: new, path })
}

/// Where refused text goes: `drafts/` in the library, or the user's own data folder
/// when the library cannot be written. `None` if neither can be written.
fn write_draft(folder: &Path, line: &Line, by: &str) -> Option<PathBuf> {
    let who: String = by
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let when: String = crate::dates::now_timestamp()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let name = format!("{}.{who}.{when}.{}.toml", line.id, std::process::id());
    let mut places = vec![folder.join("drafts")];
    if let Some(dirs) = directories::ProjectDirs::from("org", "Briefwright", "Briefwright") {
        places.push(dirs.data_dir().join("library-drafts"));
    }
    places.into_iter().find_map(|place| {
        std::fs::create_dir_all(&place).ok()?;
        let path = place.join(&name);
        let text = line.to_toml().ok()?;
        crate::project::write_atomically(&path, text.as_bytes(), false).ok()?;
        Some(path)
    })
}

/// Settles a sync client's conflict copy: the line takes `text` (the copy's, its own,
/// or the officer's merge of both) as a new version, and the copy file is removed.
pub fn merge_conflict_copy(
    folder: &Path,
    copy: &ConflictCopy,
    text: &str,
    by: &str,
) -> Result<Saved, SaveError> {
    let current = read_line(folder, &copy.line.id)?;
    let mut merged = current.clone();
    merged.text = text.to_owned();
    let saved = save_line(folder, &merged, current.version, by, Action::Merged)?;
    std::fs::remove_file(folder.join(&copy.file)).map_err(|cause| unwritable(folder, cause))?;
    Ok(saved)
}
