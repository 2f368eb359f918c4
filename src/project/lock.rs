//! A lock file beside an open project, so a second window or instance is told who has it.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Who holds a project open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockInfo {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// ISO 8601 UTC.
    pub since: String,
}

impl LockInfo {
    /// This process, now.
    pub fn current() -> LockInfo {
        LockInfo {
            user: std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_else(|_| "someone".into()),
            host: host_name(),
            pid: std::process::id(),
            since: crate::draft::now_timestamp(),
        }
    }

    /// True if the holder is a process on this machine that no longer runs.
    pub fn is_stale(&self) -> bool {
        self.host == host_name() && !process_is_running(self.pid)
    }
}

impl std::fmt::Display for LockInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} on {} (process {}) since {}",
            self.user,
            self.host,
            self.pid,
            self.since.replace('T', " ").trim_end_matches('Z')
        )
    }
}

fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_owned())
        .or_else(|_| std::env::var("HOSTNAME"))
        .or_else(|_| std::env::var("COMPUTERNAME"))
        .unwrap_or_else(|_| "this computer".into())
}

fn process_is_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        // Without a portable check, assume the holder is alive: never take a lock wrongly.
        true
    }
}

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{path} is open in another Briefwright window: {holder}")]
    Held { path: String, holder: LockInfo },
    /// The message includes the cause, so it is not also `Error::source`.
    #[error("cannot create the lock file for {path}: {cause}")]
    Io { path: String, cause: std::io::Error },
}

/// A held lock; dropping it removes the lock file.
#[derive(Debug)]
pub struct ProjectLock {
    lock_path: PathBuf,
}

/// `visit.brief` is locked by `visit.brief.lock`.
pub fn lock_path(project: &Path) -> PathBuf {
    let mut name = project
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    project.with_file_name(name)
}

impl ProjectLock {
    /// Takes the lock, or says who holds it.
    pub fn acquire(project: &Path) -> Result<ProjectLock, LockError> {
        let lock_path = lock_path(project);
        let shown = project.display().to_string();
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&lock_path)
        {
            Ok(mut file) => {
                let info = serde_json::to_string_pretty(&LockInfo::current()).unwrap_or_default();
                file.write_all(info.as_bytes())
                    .map_err(|cause| LockError::Io { path: shown, cause })?;
                Ok(ProjectLock { lock_path })
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                let holder = std::fs::read_to_string(&lock_path)
                    .ok()
                    .and_then(|text| serde_json::from_str(&text).ok())
                    .unwrap_or(LockInfo {
                        user: "unknown".into(),
                        host: "unknown".into(),
                        pid: 0,
                        since: "an unknown time".into(),
                    });
                Err(LockError::Held {
                    path: shown,
                    holder,
                })
            }
            Err(cause) => Err(LockError::Io { path: shown, cause }),
        }
    }

    /// Takes over a lock whose holder has gone (or that the user chose to break).
    pub fn take_over(project: &Path) -> Result<ProjectLock, LockError> {
        let _ = std::fs::remove_file(lock_path(project));
        ProjectLock::acquire(project)
    }
}

impl Drop for ProjectLock {
    fn drop(&mut self) {
        // The lock belongs to this process; if it was removed by hand there is nothing to do.
        let _ = std::fs::remove_file(&self.lock_path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_with_the_holder_and_released_on_drop() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project = dir.path().join("visit.brief");
        let first = ProjectLock::acquire(&project).expect("first lock");
        match ProjectLock::acquire(&project) {
            Err(LockError::Held { holder, .. }) => {
                assert_eq!(holder.pid, std::process::id());
                assert!(!holder.is_stale(), "this process is alive");
            }
            other => panic!("expected the lock to be held: {other:?}"),
        }
        drop(first);
        assert!(!lock_path(&project).exists());
        ProjectLock::acquire(&project).expect("free again");
    }

    #[test]
    fn a_lock_from_a_dead_process_is_stale() {
        let dead = LockInfo {
            pid: u32::MAX - 7,
            ..LockInfo::current()
        };
        assert!(dead.is_stale());
    }
}
