//! Pictures as pixels: what the preview, the PDF and the Word file draw.

/// Straight (not premultiplied) RGBA pixels, row by row from the top.
#[derive(Debug, Clone, PartialEq)]
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

impl Pixels {
    /// Whether any pixel is less than opaque.
    pub fn has_transparency(&self) -> bool {
        self.rgba.chunks_exact(4).any(|px| px[3] != 255)
    }
}
