//! Writing a file so that a crash at any moment leaves either the old file or the new one.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written. The previous file is unchanged.
///
/// The message includes the cause, so the cause is not also `Error::source` (an `{:#}`
/// chain would print it twice).
#[derive(Debug, thiserror::Error)]
#[error("cannot write {path}: {cause}{hint}")]
pub struct WriteError {
    pub path: String,
    pub cause: std::io::Error,
    pub hint: &'static str,
}

impl WriteError {
    fn new(path: &Path, cause: std::io::Error) -> Self {
        let hint = match cause.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                ". Choose a folder you can write to"
            }
            std::io::ErrorKind::NotFound => ". The folder does not exist",
            std::io::ErrorKind::StorageFull => ". The disk is full; free some space and save again",
            std::io::ErrorKind::IsADirectory => ". That name is a folder",
            _ => "",
        };
        WriteError {
            path: path.display().to_string(),
            cause,
            hint,
        }
    }
}

/// The file operations an atomic write is made of, one step each, so that a test can make
/// any single step fail (a full disk, a read-only folder) or stop there as a killed
/// process would. [`RealFiles`] is the real thing.
pub trait FileOps {
    /// Creates `path` (replacing a stale leftover) and writes `bytes`, without syncing.
    fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    /// Copies `from` to `to`, without syncing.
    fn copy(&self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Flushes the contents of the file at `path` to the disk.
    fn sync(&self, path: &Path) -> std::io::Result<()>;
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Removes a temporary file; a file that is already gone is no error.
    fn remove(&self, path: &Path);
    /// Makes renames inside `folder` durable.
    fn sync_folder(&self, folder: &Path) -> std::io::Result<()>;
}

/// The operating system's files.
pub struct RealFiles;

impl FileOps for RealFiles {
    fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        let open = || OpenOptions::new().write(true).create_new(true).open(path);
        let mut file = match open() {
            // A leftover from a run that crashed with the same process id.
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                fs::remove_file(path)?;
                open()?
            }
            other => other?,
        };
        file.write_all(bytes)
    }

    fn copy(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        fs::copy(from, to).map(drop)
    }

    fn sync(&self, path: &Path) -> std::io::Result<()> {
        // fsync flushes the file itself, whichever handle asks; Windows needs write access.
        OpenOptions::new().write(true).open(path)?.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        fs::rename(from, to)
    }

    fn remove(&self, path: &Path) {
        // Only ever called to clean up a temporary; if it is already gone, so much the better.
        let _ = fs::remove_file(path);
    }

    fn sync_folder(&self, folder: &Path) -> std::io::Result<()> {
        File::open(folder)?.sync_all()
    }
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, and renames it over `path`.
/// With `keep_backup`, the file being replaced is kept as `path.bak`.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), WriteError> {
    write_atomically_with(&RealFiles, path, bytes, keep_backup)
}

/// [`write_atomically`] through the given file operations.
pub fn write_atomically_with(
    files: &dyn FileOps,
    path: &Path,
    bytes: &[u8],
    keep_backup: bool,
) -> Result<(), WriteError> {
    if path.is_dir() {
        return Err(WriteError::new(
            path,
            std::io::Error::from(std::io::ErrorKind::IsADirectory),
        ));
    }
    let temporary = sibling(path, &format!(".{}.tmp", std::process::id()));
    let backup_temporary = sibling(path, ".bak.tmp");
    let replace = || -> std::io::Result<()> {
        files.write(&temporary, bytes)?;
        files.sync(&temporary)?;
        if keep_backup && path.is_file() {
            files.copy(path, &backup_temporary)?;
            files.sync(&backup_temporary)?;
            files.rename(&backup_temporary, &sibling(path, ".bak"))?;
        }
        files.rename(&temporary, path)
    };
    if let Err(error) = replace() {
        files.remove(&temporary);
        if keep_backup {
            files.remove(&backup_temporary);
        }
        return Err(WriteError::new(path, error));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // The new file is in place and whole. Not every platform can sync a folder, and a
    // failure here only means the rename might not survive a power cut, so the write
    // still counts as done rather than reporting an error for a file that was replaced.
    let _ = files.sync_folder(folder);
    Ok(())
}
