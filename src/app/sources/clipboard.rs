//! Reading formatted text from the system clipboard. egui's paste event carries plain text
//! only; arboard (the crate egui's own clipboard uses) can also read the HTML a browser or
//! word processor puts beside it.

use crate::app::sources::drafts::PasteDraft;

/// The clipboard's text with its HTML, if it holds both.
pub fn formatted_text() -> Option<PasteDraft> {
    let mut clipboard = arboard::Clipboard::new().ok()?;
    let html = clipboard.get().html().ok()?;
    let text = clipboard.get_text().ok()?;
    // Windows puts a "Version:0.9 StartHTML:…" header before the markup.
    let html = html.find('<').map(|start| html[start..].to_owned())?;
    Some(PasteDraft {
        text,
        html: Some(html),
    })
}

/// The picture on the clipboard, as PNG bytes. Clipboards hand pictures over as pixels;
/// PNG keeps them exactly.
pub fn picture_png() -> Option<Vec<u8>> {
    let mut clipboard = arboard::Clipboard::new().ok()?;
    let picture = clipboard.get_image().ok()?;
    let width = u32::try_from(picture.width).ok()?;
    let height = u32::try_from(picture.height).ok()?;
    let pixels = image::RgbaImage::from_raw(width, height, picture.bytes.into_owned())?;
    let mut png = Vec::new();
    pixels
        .write_with_encoder(image::codecs::png::PngEncoder::new(&mut png))
        .ok()?;
    Some(png)
}
