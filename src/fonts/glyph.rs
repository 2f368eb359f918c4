//! Shaped glyphs and the text they stand for: what shaping hands to layout, and what the
//! PDF and the preview finally draw.

use crate::units::Pt;

/// A glyph and the text it stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub id: u16,
    /// Offset from the run's origin.
    pub x: Pt,
    pub advance: Pt,
    /// Where the characters this glyph shows are in the paragraph text.
    pub text: TextRange,
}

/// A byte range of a paragraph's text, kept small because every glyph has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    /// The byte range `range`, clamped to what fits in a `u32`.
    pub fn new(range: std::ops::Range<usize>) -> Self {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        TextRange {
            start: clamp(range.start),
            end: clamp(range.end),
        }
    }

    /// The range's text in `text`, or "" when it does not fit (never panics).
    pub fn of(self, text: &str) -> &str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}
