//! What the window keeps about review: suggest mode, how the preview shows markup, what
//! it shows (the brief, a saved version, or a comparison), and the text last selected in
//! the editor, which a new comment goes on.

use std::ops::Range;

use crate::model::{CommentId, MarkupMode, TextTarget, VersionId};

/// What the preview shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Showing {
    /// The brief, with its suggestions as the markup mode shows them.
    #[default]
    Brief,
    /// A saved version, read-only.
    Version(VersionId),
    /// The redline of a saved version against the brief as it is now.
    Compare(VersionId),
    /// The redline of one saved version against a later one.
    CompareVersions { old: VersionId, new: VersionId },
}

/// The review's state in the window.
#[derive(Debug, Clone, Default)]
pub struct ReviewState {
    /// Edits are recorded as suggestions, credited to the officer.
    pub suggesting: bool,
    pub markup: MarkupMode,
    pub showing: Showing,
    /// The text selected in the editor when it last had the keyboard (bytes of the
    /// field's text), which New Comment goes on.
    pub selection: Option<(TextTarget, Range<usize>)>,
    /// The comment last gone to, for Next and Previous Comment.
    pub current_comment: Option<CommentId>,
    /// The comment being written in the review pane, and what it is on.
    pub draft: Option<CommentDraft>,
}

/// A comment being written.
#[derive(Debug, Clone, PartialEq)]
pub struct CommentDraft {
    pub target: TextTarget,
    pub span: Option<Range<usize>>,
    pub quote: String,
    pub text: String,
}
