//! The text fields of the editor: the find bar's matches shown in them and their unknown
//! words underlined, and the width of the title block's labels.

use crate::app::find::marks::highlight_layouter;
use crate::app::state::AppState;
use crate::model::find::Place;
use crate::model::{MetaField, TextTarget};

/// Adds a text field for `text` that shows the find bar's matches in `place`, if any,
/// and its unknown words underlined.
pub(in crate::app) fn add_text_field(
    ui: &mut egui::Ui,
    state: &mut AppState,
    text: &mut String,
    place: Place,
    multiline: bool,
    configure: impl FnOnce(egui::TextEdit<'_>) -> egui::TextEdit<'_>,
) -> egui::Response {
    let target = match place {
        Place::Meta(field) => Some(TextTarget::Meta(field)),
        Place::Block(block) => Some(TextTarget::Block(block)),
        // Review marks and comments go on the brief's text blocks, not these.
        Place::TalkingPoint { .. } | Place::Figure { .. } => None,
    };
    // In suggest mode the field shows the text with its suggestions made, and what is
    // typed is compared with the brief's text to become suggestions.
    if let Some(shown) = target
        .filter(|_| state.is_suggesting())
        .and_then(|target| state.shown_text(target))
    {
        *text = shown;
    }
    let highlights = state
        .find_bar()
        .map(|bar| bar.ranges_in(place))
        .unwrap_or_default();
    let has_highlights = !highlights.is_empty();
    let mut layouter = highlight_layouter(highlights, multiline);
    let edit = configure(if multiline {
        egui::TextEdit::multiline(text)
    } else {
        egui::TextEdit::singleline(text)
    });
    // The find bar's matches first; otherwise what review marks (suggested words in
    // suggest mode, the words comments are on).
    let review_marks = target
        .filter(|_| !has_highlights)
        .map(|target| crate::app::review::markup::field_marks(state, target))
        .unwrap_or_default();
    let output = if has_highlights {
        edit.layouter(&mut layouter).show(ui)
    } else if !review_marks.is_empty() {
        let mut marked = crate::app::review::markup::review_layouter(review_marks, multiline);
        edit.layouter(&mut marked).show(ui)
    } else {
        edit.show(ui)
    };
    let is_quotation = matches!(place, Place::Block(block) if state.is_excerpt(block));
    // Smart quotes as you type, as the brief prints them; not in quotations (the source's
    // words), the reference (a code), or text with a link, whose address must stay as
    // written.
    let code_like = matches!(place, Place::Meta(MetaField::Reference)) || text.contains("](");
    if output.response.changed()
        && !is_quotation
        && !code_like
        && let std::borrow::Cow::Owned(curled) = crate::typography::curly_quotes(text)
    {
        *text = curled;
    }
    if let Some(target) = target
        && output.response.response.has_focus()
    {
        // The selection, in bytes of the brief's text, for New Comment; in suggest mode
        // the field shows other text, and a comment goes on the whole block.
        let selection = output
            .cursor_range
            .filter(|_| !state.is_suggesting())
            .map(|range| {
                let chars = range.as_sorted_char_range();
                let byte = |index: usize| {
                    text.char_indices()
                        .nth(index)
                        .map_or(text.len(), |(at, _)| at)
                };
                byte(chars.start.0)..byte(chars.end.0)
            })
            .unwrap_or(0..0);
        state.note_text_selection(Some((target, selection)));
    }
    if !is_quotation {
        let field = crate::app::spelling::marks::Field::whole(place);
        crate::app::spelling::marks::spelling_marks_ui(ui, state, field, text, &output);
    }
    output.response.response
}

/// Width of the labels in front of the metadata fields.
pub(in crate::app) const LABEL_WIDTH: f32 = 96.0;
