//! Review: comments, suggested edits, saved versions and clearance sign-offs. They are kept
//! in the project, so a brief goes to its reviewers and comes back without leaving
//! Briefwright.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::versions::Version;
use super::{BlockId, BlockKind, CommentId, MetaField, Project, SuggestionId, VersionId};

/// A text of the brief a comment or a suggestion is on: a block's text as the editor shows
/// it (a list's items one per line, a table's rows as `a | b`), or a title-block field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextTarget {
    Block(BlockId),
    Meta(MetaField),
}

/// A comment and its thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub id: CommentId,
    pub target: TextTarget,
    /// The bytes of the target's text it is on; `None` for the whole block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Range<usize>>,
    /// The text it is on, kept so that the comment still says what it was about once
    /// that text is deleted.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// The text it was on has been deleted (or its block has): the comment stays, with
    /// its quote, and comes back to the text if the text comes back.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub detached: bool,
    pub author: String,
    /// ISO 8601, as stamped when it was written.
    pub date: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Reply>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resolved: bool,
}

/// A reply in a comment's thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub author: String,
    pub date: String,
    pub text: String,
}

/// A change someone suggested, not yet made to the brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub id: SuggestionId,
    pub target: TextTarget,
    pub author: String,
    pub date: String,
    pub change: SuggestedChange,
}

/// What a suggestion would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SuggestedChange {
    /// Replace bytes `start..end` of the target's text with `insert`: an insertion has
    /// an empty range, a deletion an empty `insert`.
    Text {
        start: usize,
        end: usize,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        insert: String,
    },
    /// The block was added; rejecting removes it.
    AddedBlock,
    /// The block would be removed; it stays (and prints) until accepted.
    DeletedBlock,
    /// The block was moved from `index` of part `part`; rejecting puts it back.
    MovedBlock { part: usize, index: usize },
}

impl Suggestion {
    /// The byte range of the target's text it replaces, if it is a change of text.
    pub fn text_range(&self) -> Option<Range<usize>> {
        match &self.change {
            SuggestedChange::Text { start, end, .. } => Some(*start..*end),
            _ => None,
        }
    }

    /// "Inserted “x”", "Deleted “y”", "Added block"… for lists and messages.
    pub fn describe(&self, base: &str) -> String {
        let quote = |text: &str| format!("\u{201c}{}\u{201d}", super::shorten(text.trim(), 60));
        match &self.change {
            SuggestedChange::Text { start, end, insert } => {
                let removed = base.get(*start..*end).unwrap_or_default();
                match (removed.is_empty(), insert.is_empty()) {
                    (true, _) => format!("Insert {}", quote(insert)),
                    (false, true) => format!("Delete {}", quote(removed)),
                    (false, false) => format!("Replace {} with {}", quote(removed), quote(insert)),
                }
            }
            SuggestedChange::AddedBlock => "Add this block".to_owned(),
            SuggestedChange::DeletedBlock => "Delete this block".to_owned(),
            SuggestedChange::MovedBlock { .. } => "Move this block here".to_owned(),
        }
    }
}

/// The brief's review: its comments, open suggestions and saved versions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Review {
    /// Names this brief in the Word files exported for review, so that a reviewed file
    /// comes back to the brief it left; made at the first such export.
    pub brief_id: String,
    pub comments: Vec<Comment>,
    pub suggestions: Vec<Suggestion>,
    /// Oldest first.
    pub versions: Vec<Version>,
}

impl Review {
    pub fn is_empty(&self) -> bool {
        self.brief_id.is_empty()
            && self.comments.is_empty()
            && self.suggestions.is_empty()
            && self.versions.is_empty()
    }

    /// This brief's id for Word files exported for review, made now if it has none: 128
    /// bits from the standard library's randomly keyed hasher and the clock.
    pub fn ensure_brief_id(&mut self) -> &str {
        if self.brief_id.is_empty() {
            use std::hash::{BuildHasher, Hasher};
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let mut halves = [0u64; 2];
            for (n, half) in halves.iter_mut().enumerate() {
                let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
                hasher.write_u128(nanos);
                hasher.write_usize(n);
                hasher.write_u32(std::process::id());
                *half = hasher.finish();
            }
            self.brief_id = format!("{:016x}{:016x}", halves[0], halves[1]);
        }
        &self.brief_id
    }

    /// Whether anything is anchored to `target`'s text.
    pub fn anchors_on(&self, target: TextTarget) -> bool {
        self.comments.iter().any(|c| c.target == target)
            || self.suggestions.iter().any(|s| s.target == target)
    }

    pub fn comment(&self, id: CommentId) -> Option<&Comment> {
        self.comments.iter().find(|c| c.id == id)
    }

    pub fn suggestion(&self, id: SuggestionId) -> Option<&Suggestion> {
        self.suggestions.iter().find(|s| s.id == id)
    }

    pub fn version(&self, id: VersionId) -> Option<&Version> {
        self.versions.iter().find(|v| v.id == id)
    }

    /// The text suggestions on `target`, in the order they come in its text.
    pub fn text_suggestions(&self, target: TextTarget) -> Vec<&Suggestion> {
        let mut found: Vec<&Suggestion> = self
            .suggestions
            .iter()
            .filter(|s| s.target == target && s.text_range().is_some())
            .collect();
        found.sort_by_key(|s| s.text_range().map(|r| (r.start, r.end)));
        found
    }

    /// The block-level suggestion on `block`, if there is one.
    pub fn block_suggestion(&self, block: BlockId) -> Option<&Suggestion> {
        self.suggestions
            .iter()
            .find(|s| s.target == TextTarget::Block(block) && s.text_range().is_none())
    }
}

/// Where the brief stands on its way to the minister.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewStatus {
    Draft,
    InClearance,
    Cleared,
}

impl ReviewStatus {
    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::Draft => "Draft",
            ReviewStatus::InClearance => "In clearance",
            ReviewStatus::Cleared => "Cleared",
        }
    }
}

impl Project {
    /// The text of `target` as the editor shows it and suggestions count their bytes in;
    /// `None` for a block with no text of its own (a talking point, a page break) or one
    /// that is gone.
    pub fn target_text(&self, target: TextTarget) -> Option<String> {
        match target {
            TextTarget::Meta(field) => Some(field.get(&self.brief.meta).to_owned()),
            TextTarget::Block(id) => {
                let (p, i) = self.locate(id)?;
                match &self.brief.parts[p].blocks[i].kind {
                    BlockKind::Paragraph { text } | BlockKind::Recommendation { text, .. } => {
                        Some(text.clone())
                    }
                    BlockKind::Excerpt { from, edited } => edited
                        .clone()
                        .or_else(|| self.section(*from).map(|(_, s)| s.text.clone())),
                    BlockKind::Bullets { items } => Some(items.join("\n")),
                    BlockKind::Table { rows } => Some(super::table_text(rows)),
                    BlockKind::TalkingPoint { .. }
                    | BlockKind::PageBreak
                    | BlockKind::Picture(_) => None,
                }
            }
        }
    }

    /// The edit that sets `target`'s text to `text`.
    pub fn set_target_text(target: TextTarget, text: String) -> super::Edit {
        match target {
            TextTarget::Meta(field) => super::Edit::SetMeta(field, text),
            TextTarget::Block(block) => super::Edit::SetBlockText { block, text },
        }
    }

    /// `target`'s text with its suggestions made, as a reviewer typing in suggest mode
    /// sees it.
    pub fn proposed_text(&self, target: TextTarget) -> Option<String> {
        let base = self.target_text(target)?;
        Some(apply_suggestions(
            &base,
            &self.review.text_suggestions(target),
        ))
    }

    /// What suggest mode records when `text` is written into `target`: the field shows
    /// the text with its suggestions made, so a keystroke there is a small change from
    /// that; Find and Replace or a spelling correction works on the brief's own text, so
    /// its change is carried over onto the suggestions already made rather than undoing
    /// them. Whichever reading changes less is the one meant.
    pub fn proposed_after(&self, target: TextTarget, text: &str) -> String {
        use super::anchor::changed_region;
        let (Some(base), Some(proposed)) = (self.target_text(target), self.proposed_text(target))
        else {
            return text.to_owned();
        };
        if base == proposed {
            return text.to_owned();
        }
        let size = |region: Option<super::anchor::Changed>| {
            region.map_or(0, |r| (r.old_end - r.start) + (r.new_end - r.start))
        };
        let Some(from_base) = changed_region(&base, text) else {
            // The brief's own text, unchanged: nothing new is suggested.
            return proposed;
        };
        if size(changed_region(&proposed, text)) <= size(Some(from_base)) {
            return text.to_owned();
        }
        // Where a place in the brief's text is once the suggestions before it are made.
        let suggestions = self.review.text_suggestions(target);
        let moved = |p: usize| {
            let mut shift: isize = 0;
            for suggestion in &suggestions {
                let Some(range) = suggestion.text_range() else {
                    continue;
                };
                let SuggestedChange::Text { insert, .. } = &suggestion.change else {
                    continue;
                };
                if range.end <= p {
                    shift += insert.len() as isize - range.len() as isize;
                } else if range.start < p {
                    return (range.start as isize + shift) as usize + insert.len();
                }
            }
            (p as isize + shift).max(0) as usize
        };
        let (start, end) = (moved(from_base.start), moved(from_base.old_end));
        match (
            proposed.get(..start),
            text.get(from_base.start..from_base.new_end),
            proposed.get(end.max(start)..),
        ) {
            (Some(before), Some(written), Some(after)) => format!("{before}{written}{after}"),
            _ => text.to_owned(),
        }
    }

    /// Comments not yet resolved, including those whose text is gone.
    pub fn open_comments(&self) -> usize {
        self.review.comments.iter().filter(|c| !c.resolved).count()
    }

    /// Suggestions waiting for an answer, on text that is still in the brief.
    pub fn open_suggestions(&self) -> usize {
        self.review
            .suggestions
            .iter()
            .filter(|s| self.target_exists(s.target))
            .count()
    }

    /// Whether `target` is still in the brief.
    pub fn target_exists(&self, target: TextTarget) -> bool {
        match target {
            TextTarget::Meta(_) => true,
            TextTarget::Block(block) => self.locate(block).is_some(),
        }
    }

    /// "3 open suggestions, 2 open comments", or `None` when there is nothing open.
    pub fn open_review_summary(&self) -> Option<String> {
        let plural =
            |n: usize, what: &str| format!("{n} open {what}{}", if n == 1 { "" } else { "s" });
        let (suggestions, comments) = (self.open_suggestions(), self.open_comments());
        let mut parts = Vec::new();
        if suggestions > 0 {
            parts.push(plural(suggestions, "suggestion"));
        }
        if comments > 0 {
            parts.push(plural(comments, "comment"));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// Draft, In clearance or Cleared. Cleared means every clearance row is signed off
    /// and the brief has not changed since the last sign-off.
    pub fn review_status(&self) -> ReviewStatus {
        let rows: Vec<&super::Clearance> = self
            .brief
            .meta
            .clearance
            .iter()
            .filter(|row| !row.name.trim().is_empty())
            .collect();
        let signed = rows.iter().filter(|row| row.cleared.is_some()).count();
        let latest = rows
            .iter()
            .filter_map(|row| row.cleared.as_ref())
            .max_by_key(|signed| signed.version.0);
        if signed > 0
            && signed == rows.len()
            && latest.is_some_and(|signed| self.unchanged_since(signed.version))
        {
            return ReviewStatus::Cleared;
        }
        let sent = self
            .review
            .versions
            .iter()
            .any(|v| v.reason != super::versions::VersionReason::Saved);
        if signed > 0 || sent {
            ReviewStatus::InClearance
        } else {
            ReviewStatus::Draft
        }
    }
}

/// `base` with `suggestions` (sorted, not overlapping) made.
pub fn apply_suggestions(base: &str, suggestions: &[&Suggestion]) -> String {
    let mut out = String::with_capacity(base.len());
    let mut at = 0;
    for suggestion in suggestions {
        let SuggestedChange::Text { start, end, insert } = &suggestion.change else {
            continue;
        };
        let (start, end) = ((*start).clamp(at, base.len()), (*end).clamp(at, base.len()));
        let (Some(kept), true) = (base.get(at..start), base.is_char_boundary(end)) else {
            continue;
        };
        out.push_str(kept);
        out.push_str(insert);
        at = end.max(start);
    }
    out.push_str(base.get(at..).unwrap_or_default());
    out
}
