//! What the find and replace bar holds between frames: the query, the matches and which
//! one is current. No egui and no window state here; the bar draws it (`bar.rs`).

use std::ops::Range;

use crate::model::find::{Match, Place, Query};

/// What the bar holds between frames.
#[derive(Debug, Clone, Default)]
pub struct FindBar {
    pub query: Query,
    pub replacement: String,
    /// The Replace row is showing (Ctrl+H).
    pub show_replace: bool,
    /// Replace also changes excerpts, which marks them edited.
    pub include_excerpts: bool,
    /// The match shown as current, an index into `matches`.
    pub current: Option<usize>,
    pub matches: Vec<Match>,
    /// The query and brief version the matches were found for.
    pub(in crate::app) found_for: Option<(Query, u64)>,
    /// Put the keyboard in the Find field on the next frame.
    pub(in crate::app) focus_find: bool,
}

impl FindBar {
    /// "3 of 12", "No matches", or nothing while the field is empty.
    pub fn count_text(&self) -> String {
        match (self.matches.len(), self.current) {
            _ if self.query.text.is_empty() => String::new(),
            (0, _) => "No matches".to_owned(),
            (total, Some(current)) => format!("{} of {total}", current + 1),
            (1, None) => "1 match".to_owned(),
            (total, None) => format!("{total} matches"),
        }
    }

    /// The matches in one place, each with whether it is the current one.
    pub fn ranges_in(&self, place: Place) -> Vec<(Range<usize>, bool)> {
        self.matches
            .iter()
            .enumerate()
            .filter(|(_, m)| m.place == place)
            .map(|(index, m)| (m.range.clone(), Some(index) == self.current))
            .collect()
    }
}
