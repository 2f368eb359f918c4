//! The project file: versioned JSON with the `.brief` extension, saved atomically, with
//! locks against a second writer and recovery copies of unsaved work.

mod atomic;
mod format;
mod leftovers;
pub mod limits;
mod lock;
pub mod recovery;

pub use atomic::{FileOps, RealFiles, WriteError, write_atomically, write_atomically_with};
pub use format::{
    FORMAT, LoadError, Loaded, VERSION, from_json, load, save, save_with, to_checked_json, to_json,
};
pub use leftovers::remove_dead_temporaries;
pub use limits::{LimitError, MAX_PROJECT_BYTES};
pub use lock::{
    Holder, LockError, LockInfo, ProjectLock, UNREADABLE_LOCK_GRACE, lock_path, read_holder,
};
