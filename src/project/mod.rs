//! The project file: versioned JSON with the `.brief` extension, saved atomically.

mod atomic;
mod format;

pub use atomic::{WriteError, write_atomically};
pub use format::{FORMAT, LoadError, Loaded, MAX_PROJECT_BYTES, VERSION, from_json, load, save, to_json};
