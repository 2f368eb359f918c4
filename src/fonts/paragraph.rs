//! Paragraphs going into the typesetter (styled text, a style and a width) and coming out
//! of it (lines of shaped glyph runs).

use std::sync::Arc;

use super::faces::FaceId;
use super::fallback::FontFallback;
use super::glyph::Glyph;
use crate::units::Pt;

/// Horizontal alignment of lines. Templates name it in their styles (`align = "center"`);
/// the typesetter owns it because it is the one that sets the lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    #[default]
    Start,
    Center,
    End,
    Justify,
}

/// A run of paragraph text with its inline styles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StyledSpan {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

impl StyledSpan {
    /// Plain text with no inline styles.
    pub fn plain(text: impl Into<String>) -> Self {
        StyledSpan {
            text: text.into(),
            bold: false,
            italic: false,
            link: None,
        }
    }
}

/// How a paragraph is set: family and its fallbacks, size, leading, base weight and style,
/// alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphStyle {
    pub family: String,
    pub fallback: FontFallback,
    pub size: Pt,
    /// Line height as a multiple of the size.
    pub leading: f32,
    pub bold: bool,
    pub italic: bool,
    pub align: Align,
}

/// Everything a set paragraph depends on: its text and inline styles, its paragraph style
/// and the width its lines break at. It is also the typesetter's cache key.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphRequest {
    pub spans: Vec<StyledSpan>,
    pub style: ParagraphStyle,
    pub width: Pt,
}

impl ParagraphRequest {
    /// Whether this asks for the same paragraph as `spans`, `style` and `width`.
    pub(super) fn matches(&self, spans: &[StyledSpan], style: &ParagraphStyle, width: Pt) -> bool {
        self.width.0.to_bits() == width.0.to_bits() && self.style == *style && self.spans == spans
    }
}

/// A hash of everything a set paragraph depends on, computed without copying the text.
pub(super) fn request_hash(spans: &[StyledSpan], style: &ParagraphStyle, width: Pt) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    spans.hash(&mut hasher);
    style.family.hash(&mut hasher);
    style.fallback.hash(&mut hasher);
    (
        style.size.0.to_bits(),
        style.leading.to_bits(),
        style.bold,
        style.italic,
        style.align,
    )
        .hash(&mut hasher);
    width.0.to_bits().hash(&mut hasher);
    hasher.finish()
}

/// A shaped run of glyphs in one face, positioned relative to its line.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub face: FaceId,
    pub size: Pt,
    /// Start of the run from the line's left edge.
    pub x: Pt,
    /// Index into [`SetParagraph::links`], if the run is part of a link.
    pub link: Option<usize>,
    /// The review mark of the run's text (the redline, suggestions shown as markup).
    pub change: Option<crate::change_mark::Change>,
    pub glyphs: Arc<[Glyph]>,
    /// The paragraph's text, which the glyphs' text ranges point into.
    pub text: Arc<str>,
}

/// One broken line of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct SetLine {
    pub height: Pt,
    /// Distance from the top of the line box to the baseline.
    pub baseline: Pt,
    pub width: Pt,
    pub runs: Vec<TextRun>,
}

/// A paragraph broken into lines, plus what went wrong while setting it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SetParagraph {
    pub lines: Vec<SetLine>,
    pub links: Vec<String>,
    /// Characters that no bundled font can draw.
    pub missing: Vec<char>,
}
