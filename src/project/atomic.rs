//! Writing a file so that a crash at any moment leaves either the old file or the new one.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written. The previous file is unchanged.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {path}: {source}{hint}")]
pub struct WriteError {
    pub path: String,
    pub source: std::io::Error,
    pub hint: &'static str,
}

impl WriteError {
    fn new(path: &Path, source: std::io::Error) -> Self {
        let hint = match source.kind() {
            std::io::ErrorKind::PermissionDenied => ". Choose a folder you can write to",
            std::io::ErrorKind::NotFound => ". The folder does not exist",
            std::io::ErrorKind::StorageFull => ". The disk is full; free some space and save again",
            std::io::ErrorKind::IsADirectory => ". That name is a folder",
            _ => "",
        };
        WriteError { path: path.display().to_string(), source, hint }
    }
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// Writes `bytes` to a temporary file beside `path`, syncs it, and renames it over `path`.
/// With `keep_backup`, the file being replaced is kept as `path.bak`.
pub fn write_atomically(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), WriteError> {
    if path.is_dir() {
        return Err(WriteError::new(path, std::io::Error::from(std::io::ErrorKind::IsADirectory)));
    }
    let temporary = sibling(path, &format!(".{}.tmp", std::process::id()));
    let result = write_and_sync(&temporary, bytes).and_then(|()| {
        if keep_backup && path.is_file() {
            let backup_temporary = sibling(path, ".bak.tmp");
            fs::copy(path, &backup_temporary)?;
            File::open(&backup_temporary)?.sync_all()?;
            fs::rename(&backup_temporary, sibling(path, ".bak"))?;
        }
        fs::rename(&temporary, path)?;
        sync_folder(path);
        Ok(())
    });
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result.map_err(|source| WriteError::new(path, source))
}

fn write_and_sync(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path).or_else(|error| {
        // A stale temporary from a crashed run of the same process id: replace it.
        if error.kind() == std::io::ErrorKind::AlreadyExists {
            fs::remove_file(path)?;
            OpenOptions::new().write(true).create_new(true).open(path)
        } else {
            Err(error)
        }
    })?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes the rename durable. Not every platform can sync a folder; that is not an error.
fn sync_folder(path: &Path) {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if let Ok(handle) = File::open(folder) {
        let _ = handle.sync_all();
    }
}
