//! Recovery copies of unsaved work, kept in the platform's data folder (never over the
//! user's file), and offered back after a crash.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::write_atomically;
use super::format::{from_json, to_json};
use crate::model::Project;

/// A recovery copy found on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// Where the copy is.
    pub path: PathBuf,
    /// The project file it belongs to, if it had been saved before.
    pub original: Option<PathBuf>,
    /// ISO 8601 UTC.
    pub saved_at: String,
}

#[derive(Serialize, Deserialize)]
struct Note {
    original: Option<PathBuf>,
    saved_at: String,
}

/// The folder recovery copies go in: the platform data folder, or `BRIEFWRIGHT_RECOVERY_DIR`.
pub fn recovery_folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BRIEFWRIGHT_RECOVERY_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "Briefwright", "Briefwright")
        .map(|d| d.data_dir().join("recovery"))
}

/// The recovery copy's name for a project: one per project file, one for each unsaved window.
fn copy_name(original: Option<&Path>) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    match original {
        Some(path) => path.hash(&mut hasher),
        None => std::process::id().hash(&mut hasher),
    }
    format!("{:016x}.brief", hasher.finish())
}

/// Writes a recovery copy of `project` into `folder`.
pub fn write_recovery(
    folder: &Path,
    project: &Project,
    original: Option<&Path>,
) -> Result<PathBuf, super::WriteError> {
    std::fs::create_dir_all(folder).map_err(|cause| super::WriteError {
        path: folder.display().to_string(),
        cause,
        hint: "",
    })?;
    let path = folder.join(copy_name(original));
    write_atomically(&path, to_json(project).as_bytes(), false)?;
    let note = Note {
        original: original.map(Path::to_path_buf),
        saved_at: crate::dates::now_timestamp(),
    };
    write_atomically(
        &path.with_extension("json"),
        serde_json::to_string_pretty(&note)
            .unwrap_or_default()
            .as_bytes(),
        false,
    )?;
    Ok(path)
}

/// Removes the recovery copy of a project after a normal save or close.
pub fn remove_recovery(folder: &Path, original: Option<&Path>) {
    let path = folder.join(copy_name(original));
    // A missing copy is the normal case (nothing was autosaved).
    let _ = std::fs::remove_file(path.with_extension("json"));
    let _ = std::fs::remove_file(path);
}

/// Recovery copies left by earlier runs, newest first.
pub fn find_recoveries(folder: &Path) -> Vec<Recovery> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<Recovery> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "brief"))
        .filter_map(|path| {
            let note: Note =
                serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).ok()?)
                    .ok()?;
            Some(Recovery {
                path,
                original: note.original,
                saved_at: note.saved_at,
            })
        })
        .collect();
    found.sort_by(|a, b| b.saved_at.cmp(&a.saved_at));
    found
}

/// Loads a recovery copy.
pub fn load_recovery(recovery: &Recovery) -> Option<Project> {
    let bytes = std::fs::read(&recovery.path).ok()?;
    from_json(&bytes, &recovery.path.display().to_string())
        .ok()
        .map(|l| l.project)
}

/// Deletes a recovery copy the user declined.
pub fn discard_recovery(recovery: &Recovery) {
    let _ = std::fs::remove_file(recovery.path.with_extension("json"));
    let _ = std::fs::remove_file(&recovery.path);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recovery_copy_is_found_restored_and_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut project = crate::sample::project();
        project.brief.meta.title = "Unsaved work".into();
        let original = dir.path().join("visit.brief");
        write_recovery(dir.path(), &project, Some(&original)).expect("written");
        let found = find_recoveries(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].original.as_deref(), Some(original.as_path()));
        assert_eq!(load_recovery(&found[0]), Some(project));
        remove_recovery(dir.path(), Some(&original));
        assert!(find_recoveries(dir.path()).is_empty());
    }
}
