//! One approved line as its file holds it: `<id>.toml` in the library folder, readable
//! and diff-friendly, with its own history.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Where a line is in its life: drafted, cleared for use, or taken out of use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Draft,
    Approved,
    Withdrawn,
}

impl Status {
    /// Every status, in life order.
    pub const ALL: [Status; 3] = [Status::Draft, Status::Approved, Status::Withdrawn];

    /// The word a line file and a spreadsheet use ("approved").
    pub fn word(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Approved => "approved",
            Status::Withdrawn => "withdrawn",
        }
    }

    /// The status a word names, in any case; `None` for an unknown word.
    pub fn from_word(word: &str) -> Option<Status> {
        let word = word.trim().to_lowercase();
        Status::ALL.into_iter().find(|s| s.word() == word)
    }
}

/// What a save did to a line, as its history records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Created,
    Imported,
    Edited,
    Approved,
    Withdrawn,
    Merged,
}

impl Action {
    /// The word the preview shows ("approved").
    pub fn word(self) -> &'static str {
        match self {
            Action::Created => "created",
            Action::Imported => "imported",
            Action::Edited => "edited",
            Action::Approved => "approved",
            Action::Withdrawn => "withdrawn",
            Action::Merged => "merged",
        }
    }
}

/// One earlier save of a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub version: u32,
    pub text: String,
    pub by: String,
    /// ISO 8601 UTC timestamp.
    pub at: String,
    pub action: Action,
}

/// An approved line: its words, what it is about, who owns and cleared it, and its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// Stable for the line's life; also the file's name without `.toml`.
    pub id: String,
    /// Counts saves from 1; a save must name the version it started from (compare-and-swap).
    pub version: u32,
    pub text: String,
    #[serde(default)]
    pub topic: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The protective marking level, as the library's scheme spells it; empty if unmarked.
    #[serde(default)]
    pub marking: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<String>,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub approved_by: String,
    /// `YYYY-MM-DD`, empty if never approved.
    #[serde(default)]
    pub approved_on: String,
    /// `YYYY-MM-DD`: after this day the line is expired until reviewed. Empty: no date.
    #[serde(default)]
    pub review_by: String,
    /// What the line rests on: citations or links, one each.
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub modified_by: String,
    /// ISO 8601 UTC timestamp of the last save.
    #[serde(default)]
    pub modified_at: String,
    /// Fields written by a newer Briefwright, kept so that saving does not drop them.
    #[serde(flatten)]
    pub unknown_fields: BTreeMap<String, toml::Value>,
    /// Earlier saves, oldest first. Last in the file so the current fields read first.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
}

/// Why a line file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LineError {
    #[error("cannot read it: {0}")]
    Io(#[from] std::io::Error),
    #[error("it is not a line file: {0}")]
    Format(String),
    #[error("its text is empty")]
    NoText,
    #[error("its id \u{201c}{0}\u{201d} has characters a file name cannot hold")]
    BadId(String),
}

impl Line {
    /// A new draft line with a fresh id, at version 0 (not yet saved).
    pub fn new(text: impl Into<String>, by: &str) -> Line {
        Line {
            id: fresh_id(),
            version: 0,
            text: text.into(),
            topic: String::new(),
            tags: Vec::new(),
            marking: String::new(),
            caveats: Vec::new(),
            owner: by.to_owned(),
            status: Status::Draft,
            approved_by: String::new(),
            approved_on: String::new(),
            review_by: String::new(),
            sources: Vec::new(),
            modified_by: String::new(),
            modified_at: String::new(),
            unknown_fields: BTreeMap::new(),
            history: Vec::new(),
        }
    }

    /// Reads a line from its file's text.
    pub fn parse(text: &str) -> Result<Line, LineError> {
        let line: Line = toml::from_str(text).map_err(|e| LineError::Format(e.to_string()))?;
        if line.text.trim().is_empty() {
            return Err(LineError::NoText);
        }
        if !is_valid_id(&line.id) {
            return Err(LineError::BadId(line.id));
        }
        Ok(line)
    }

    /// The file's text. Fails only on a field kept from a newer Briefwright that TOML
    /// cannot write back; the save is then refused rather than writing a damaged file.
    pub fn to_toml(&self) -> Result<String, String> {
        toml::to_string(self).map_err(|e| format!("the line {} cannot be written: {e}", self.id))
    }

    /// The line's file name in its library folder.
    pub fn file_name(&self) -> String {
        format!("{}.toml", self.id)
    }

    /// Whether its review date has passed on `today` (`YYYY-MM-DD`).
    pub fn is_expired(&self, today: &str) -> bool {
        let review_by = self.review_by.trim();
        !review_by.is_empty() && review_by < today
    }

    /// The words that search looks through, lowercased.
    pub fn search_text(&self) -> String {
        let mut all = String::with_capacity(self.text.len() + 64);
        for part in [&self.text, &self.topic, &self.owner] {
            all.push_str(part);
            all.push(' ');
        }
        for tag in &self.tags {
            all.push_str(tag);
            all.push(' ');
        }
        all.to_lowercase()
    }
}

/// Today as `YYYY-MM-DD` (UTC), the form review dates are compared in.
pub fn today() -> String {
    crate::dates::now_timestamp()
        .get(0..10)
        .unwrap_or_default()
        .to_owned()
}

/// Whether `date` is a plausible `YYYY-MM-DD` date.
pub fn is_iso_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
        && matches!(date[5..7].parse::<u32>(), Ok(1..=12))
        && matches!(date[8..10].parse::<u32>(), Ok(1..=31))
}

/// Whether `id` can name a file everywhere a library may live (Windows shares included).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A new id no other officer's Briefwright will make: the time to the nanosecond, this
/// process, a counter, and randomness from the standard library's hasher keys. Two
/// imports or two new lines at once never pick the same file.
pub fn fresh_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(nanos);
    hasher.write_u32(std::process::id());
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let day = today().replace('-', "");
    format!("{day}-{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_survives_its_file_and_keeps_unknown_fields() {
        let mut line = Line::new("We support the reform.", "Aigerim Sadykova");
        line.version = 3;
        line.tags = vec!["housing".into()];
        line.history.push(HistoryEntry {
            version: 2,
            text: "We back the reform.".into(),
            by: "Ben".into(),
            at: "2026-12-01T10:00:00Z".into(),
            action: Action::Edited,
        });
        let text = line.to_toml().unwrap();
        assert_eq!(Line::parse(&text).unwrap(), line);
        let newer = text.replace("version = 3", "version = 3\nfuture = \"kept\"");
        let read = Line::parse(&newer).unwrap();
        assert!(read.to_toml().unwrap().contains("future = \"kept\""));
    }

    #[test]
    fn dates_ids_and_expiry_are_checked() {
        assert!(is_iso_date("2026-02-28"));
        assert!(!is_iso_date("28/02/2026"));
        assert!(!is_iso_date("2026-13-01"));
        assert!(is_valid_id(&fresh_id()));
        assert!(!is_valid_id("../etc/passwd"));
        assert_ne!(fresh_id(), fresh_id());
        let mut line = Line::new("x", "me");
        line.review_by = "2026-01-01".into();
        assert!(line.is_expired("2026-01-02"));
        assert!(!line.is_expired("2026-01-01"));
    }
}
