//! The text fields of the editor: the find bar's matches shown in them and their unknown
//! words underlined, and the width of the title block's labels.

use crate::app::find::marks::highlight_layouter;
use crate::app::state::AppState;
use crate::model::MetaField;
use crate::model::find::Place;

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
    let output = if has_highlights {
        edit.layouter(&mut layouter).show(ui)
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
    if !is_quotation {
        let field = crate::app::spelling::marks::Field::whole(place);
        crate::app::spelling::marks::spelling_marks_ui(ui, state, field, text, &output);
    }
    output.response.response
}

/// Width of the labels in front of the metadata fields.
pub(in crate::app) const LABEL_WIDTH: f32 = 96.0;
