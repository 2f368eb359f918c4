//! A lock file beside an open project, so a second window or instance is told who has it.
//!
//! The lock is written whole to a temporary file and then linked into place, so another
//! process never sees a half-written lock. A lock that cannot be read (left by an older
//! version that crashed between creating and writing it) counts as stale once it is a
//! few seconds old. Whether the holding process still runs is asked of the operating
//! system through `sysinfo`, on Linux, macOS and Windows alike.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

/// How old an unreadable lock must be before it may be taken over: long enough for a
/// writer that creates the file first and fills it after to have finished.
pub const UNREADABLE_LOCK_GRACE: Duration = Duration::from_secs(10);

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
            since: crate::dates::now_timestamp(),
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

/// Who holds a lock, as far as its file tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    Known(LockInfo),
    /// The lock file is empty or damaged; it was last written at `modified`.
    Unreadable {
        modified: SystemTime,
    },
}

impl Holder {
    /// True if the lock can be taken over safely: its process is gone, or the file is
    /// unreadable and older than [`UNREADABLE_LOCK_GRACE`].
    pub fn is_stale(&self) -> bool {
        match self {
            Holder::Known(info) => info.is_stale(),
            Holder::Unreadable { modified } => SystemTime::now()
                .duration_since(*modified)
                .is_ok_and(|age| age >= UNREADABLE_LOCK_GRACE),
        }
    }
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Holder::Known(info) => info.fmt(f),
            Holder::Unreadable { .. } => {
                f.write_str("an unknown window (its lock file is empty or damaged)")
            }
        }
    }
}

fn host_name() -> String {
    sysinfo::System::host_name()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .unwrap_or_else(|| "this computer".into())
}

fn process_is_running(pid: u32) -> bool {
    use sysinfo::{Pid, ProcessesToUpdate, System};
    let pid = Pid::from_u32(pid);
    let mut system = System::new();
    system.refresh_processes(ProcessesToUpdate::Some(&[pid]), true);
    system.process(pid).is_some()
}

/// True if process `pid` on this machine runs (for leftovers named after their process).
pub fn is_process_running(pid: u32) -> bool {
    process_is_running(pid)
}

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{path} is open in another Briefwright window: {holder}")]
    Held { path: String, holder: Holder },
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

/// Reads who holds the lock at `lock_path`, if the file exists.
pub fn read_holder(lock_path: &Path) -> Option<Holder> {
    let metadata = std::fs::metadata(lock_path).ok()?;
    let parsed = std::fs::read_to_string(lock_path)
        .ok()
        .and_then(|text| serde_json::from_str::<LockInfo>(&text).ok());
    Some(match parsed {
        Some(info) => Holder::Known(info),
        None => Holder::Unreadable {
            modified: metadata.modified().unwrap_or_else(|_| SystemTime::now()),
        },
    })
}

/// Creates `lock_path` holding `bytes`, failing with `AlreadyExists` if it is there. The
/// bytes go to a synced temporary first and are hard-linked into place, so the lock
/// appears complete or not at all. Where links are not supported, the file is created
/// and written in place.
fn create_whole(lock_path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut temporary = lock_path.as_os_str().to_owned();
    temporary.push(format!(".{}.tmp", std::process::id()));
    let temporary = PathBuf::from(temporary);
    let written = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    let linked = written.and_then(|()| std::fs::hard_link(&temporary, lock_path));
    // The temporary is only a stepping stone; once linked (or failed) it goes.
    let _ = std::fs::remove_file(&temporary);
    match linked {
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Err(error),
        Err(_) => {
            let mut file = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(lock_path)?;
            file.write_all(bytes)?;
            file.sync_all()
        }
        Ok(()) => Ok(()),
    }
}

impl ProjectLock {
    /// Takes the lock, or says who holds it.
    pub fn acquire(project: &Path) -> Result<ProjectLock, LockError> {
        let lock_path = lock_path(project);
        let shown = project.display().to_string();
        let info =
            serde_json::to_string_pretty(&LockInfo::current()).map_err(|error| LockError::Io {
                path: shown.clone(),
                cause: std::io::Error::other(error),
            })?;
        match create_whole(&lock_path, info.as_bytes()) {
            Ok(()) => Ok(ProjectLock { lock_path }),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                let holder = read_holder(&lock_path).unwrap_or(Holder::Unreadable {
                    modified: SystemTime::now(),
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
        // If the file is already gone, so much the better: acquire creates it afresh.
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
            Err(LockError::Held {
                holder: Holder::Known(holder),
                ..
            }) => {
                assert_eq!(holder.pid, std::process::id());
                assert!(!holder.is_stale(), "this process is alive");
            }
            other => panic!("expected the lock to be held: {other:?}"),
        }
        drop(first);
        assert!(!lock_path(&project).exists());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert!(names.is_empty(), "no temporaries are left: {names:?}");
        ProjectLock::acquire(&project).expect("free again");
    }

    #[test]
    fn a_lock_from_a_dead_process_is_stale() {
        let dead = LockInfo {
            pid: u32::MAX - 7,
            ..LockInfo::current()
        };
        assert!(dead.is_stale());
        assert!(!LockInfo::current().is_stale());
    }

    #[test]
    fn an_unreadable_lock_is_stale_only_after_the_grace_period() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project = dir.path().join("visit.brief");
        std::fs::write(lock_path(&project), b"").expect("empty lock");
        let Err(LockError::Held { holder, .. }) = ProjectLock::acquire(&project) else {
            panic!("an empty lock file still holds the project");
        };
        assert!(matches!(holder, Holder::Unreadable { .. }));
        assert!(!holder.is_stale(), "a fresh empty lock may be mid-write");
        let old = Holder::Unreadable {
            modified: SystemTime::now() - UNREADABLE_LOCK_GRACE - Duration::from_secs(1),
        };
        assert!(old.is_stale());
        assert!(old.to_string().contains("empty or damaged"));
    }
}
