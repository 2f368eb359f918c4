//! The protective marking an item carries: a level of the project's scheme and caveats.

use serde::{Deserialize, Serialize};

/// A level of the project's marking scheme (for example "PROTECTED") and its caveats
/// and markers (for example "CABINET"). An empty level means not marked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Marking {
    pub level: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<String>,
}

impl Marking {
    /// A level with no caveats.
    pub fn level(level: impl Into<String>) -> Self {
        Marking {
            level: level.into(),
            caveats: Vec::new(),
        }
    }

    /// Whether nothing is marked.
    pub fn is_unmarked(&self) -> bool {
        self.level.trim().is_empty() && self.caveats.is_empty()
    }
}
