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
                if age_of(&path).is_some_and(|age| age > STALE_LOCK) {
                    remove_if_stale(&path);
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

/// Removes the lock at `path` if it is still stale. Two saves that both found it stale
/// would otherwise both remove it, the second removing the lock the first had just made,
/// and both would hold the line. Only the save holding the breaker (itself made with
/// `create_new`) looks again and removes; the others wait and try the lock again.
fn remove_if_stale(path: &Path) {
    let mut breaker_name = path.as_os_str().to_owned();
    breaker_name.push(".break");
    let breaker = PathBuf::from(breaker_name);
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&breaker)
    {
        Ok(_) => {
            if age_of(path).is_some_and(|age| age > STALE_LOCK) {
                let _ = std::fs::remove_file(path);
            }
            let _ = std::fs::remove_file(&breaker);
        }
        // A breaker is held for a moment; one this old was left by a save that stopped
        // while breaking, and is cleared so the line is not locked for ever.
        Err(_) if age_of(&breaker).is_some_and(|age| age > STALE_LOCK) => {
            let _ = std::fs::remove_file(&breaker);
        }
        Err(_) => std::thread::sleep(Duration::from_millis(1)),
    }
}

/// How long ago the file at `path` was last written.
fn age_of(path: &Path) -> Option<Duration> {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    SystemTime::now().duration_since(modified).ok()
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Barrier};

    /// Officers whose saves all find the same lock left behind by a crash: exactly one
    /// at a time may hold the line, or two saves could both pass the compare and the
    /// second would overwrite the first.
    #[test]
    fn a_stale_lock_is_taken_over_by_one_save_at_a_time() {
        let folder = tempfile::tempdir().expect("tempdir");
        let lock = folder.path().join(".line-1.lock");
        for _ in 0..20 {
            let file = std::fs::File::create(&lock).expect("the crashed save's lock");
            file.set_modified(SystemTime::now() - 2 * STALE_LOCK)
                .expect("its time is set back");
            drop(file);
            let holders = Arc::new(AtomicUsize::new(0));
            let most = Arc::new(AtomicUsize::new(0));
            let start = Arc::new(Barrier::new(8));
            let saves: Vec<_> = (0..8)
                .map(|officer| {
                    let (holders, most, start) = (holders.clone(), most.clone(), start.clone());
                    let folder = folder.path().to_owned();
                    std::thread::spawn(move || {
                        start.wait();
                        let held = lock_line(&folder, "line-1", &format!("officer {officer}"))
                            .expect("the lock is had in the end");
                        let now = holders.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(5));
                        holders.fetch_sub(1, Ordering::SeqCst);
                        drop(held);
                    })
                })
                .collect();
            for save in saves {
                save.join().expect("the save ran");
            }
            assert_eq!(
                most.load(Ordering::SeqCst),
                1,
                "two saves held the line at once"
            );
            assert!(!lock.exists(), "the last save let go");
        }
    }
}
