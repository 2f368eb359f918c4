//! The bundled fonts: loading them once, shaping and breaking paragraphs with parley,
//! glyph coverage and fallback.
//!
//! The bytes measured here are the very bytes the PDF embeds and the preview draws.

mod faces;
mod fallback;
mod glyph;
mod paragraph;
mod typesetter;

pub use faces::{BODY_FAMILIES, FACES, Face, FaceId, find_face};
pub use fallback::{FontFallback, Script, scripts_in, symbol_runs};
pub use glyph::{Glyph, TextRange};
pub use paragraph::{
    Align, ParagraphRequest, ParagraphStyle, SetLine, SetParagraph, StyledSpan, TextRun,
};
pub use typesetter::Typesetter;
