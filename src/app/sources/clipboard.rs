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
