//! Where a talking point came from when it was taken from a shared library of approved
//! lines: enough to find the line again and tell whether it has changed since. The brief
//! keeps its own copy of the words, so it lays out the same when the library is away.

use serde::{Deserialize, Serialize};

/// A talking point's link to a line in a shared library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryUse {
    /// The library's id, from its `library.toml`.
    pub library: String,
    /// The line's id in that library.
    pub line: String,
    /// The line's version whose words the brief holds.
    pub version: u32,
    /// When it was taken or last updated, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub used_on: String,
    /// The folder the library was in then: where to look when no open library has its id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub folder: String,
    /// A later version of the line the officer chose not to take, so the brief does not
    /// ask again until the line changes once more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<u32>,
}
