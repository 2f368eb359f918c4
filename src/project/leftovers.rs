//! Temporary files that a crash during a save left beside a project.
//!
//! A save writes `NAME.brief.<pid>.tmp` and renames it over the project; a backup goes
//! through `NAME.brief.bak.tmp`, and a lock through `NAME.brief.lock.<pid>.tmp`. Should
//! the process die in between, these stay behind. Opening the project removes those whose
//! process is gone.

use std::path::{Path, PathBuf};

use super::lock::is_process_running;

/// Removes the temporaries that a dead process left beside `project` and returns their
/// paths. The backup temporary carries no process id, so it is removed only when
/// `holds_lock` says that no other window can be writing it now.
pub fn remove_dead_temporaries(project: &Path, holds_lock: bool) -> Vec<PathBuf> {
    let Some(name) = project.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    let folder = match project.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let Some(middle) = file_name
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('.'))
            .and_then(|rest| rest.strip_suffix(".tmp"))
        else {
            continue;
        };
        let is_dead = match middle {
            "bak" => holds_lock,
            _ => {
                let pid = middle.strip_prefix("lock.").unwrap_or(middle);
                pid.parse::<u32>()
                    .is_ok_and(|pid| pid != std::process::id() && !is_process_running(pid))
            }
        };
        if is_dead && entry.file_type().is_ok_and(|t| t.is_file()) {
            let path = entry.path();
            if std::fs::remove_file(&path).is_ok() {
                removed.push(path);
            }
        }
    }
    removed.sort();
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_temporaries_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project = dir.path().join("visit.brief");
        let dead = u32::MAX - 11;
        let alive = std::process::id();
        let names = [
            format!("visit.brief.{dead}.tmp"),
            format!("visit.brief.lock.{dead}.tmp"),
            format!("visit.brief.{alive}.tmp"),
            "visit.brief.bak.tmp".to_owned(),
            format!("other.brief.{dead}.tmp"),
            "visit.brief".to_owned(),
            "visit.brief.bak".to_owned(),
        ];
        for name in &names {
            std::fs::write(dir.path().join(name), b"x").expect("write");
        }
        let removed = remove_dead_temporaries(&project, false);
        let removed: Vec<String> = removed
            .iter()
            .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
            .collect();
        assert_eq!(
            removed,
            [
                format!("visit.brief.{dead}.tmp"),
                format!("visit.brief.lock.{dead}.tmp")
            ]
        );
        assert!(dir.path().join("visit.brief.bak.tmp").exists());
        assert_eq!(remove_dead_temporaries(&project, true).len(), 1);
        for kept in [&names[2], &names[4], &names[5], &names[6]] {
            assert!(dir.path().join(kept).exists(), "{kept} is kept");
        }
    }
}
