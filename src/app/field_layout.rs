//! Text fields whose stretches are drawn differently: the find bar's matches, the words
//! a review marks. One layouter lays the field out; the caller says how each mark looks.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};

/// A layouter for a text field that draws each of `marks` (byte ranges of the field's
/// text, in order) in the format `look` gives it, from the field's plain format.
pub fn marked_layouter<M>(
    marks: Vec<(Range<usize>, M)>,
    multiline: bool,
    look: impl Fn(&M, &TextFormat, &egui::Visuals) -> TextFormat,
) -> impl FnMut(&egui::Ui, &dyn egui::TextBuffer, f32) -> Arc<egui::Galley> {
    move |ui, buffer, wrap_width| {
        let text = buffer.as_str();
        let font_id = egui::TextStyle::Body.resolve(ui.style());
        let visuals = ui.visuals();
        let plain = TextFormat::simple(font_id, visuals.widgets.inactive.text_color());
        let mut job = LayoutJob::default();
        let mut at = 0;
        for (range, mark) in &marks {
            // While a keystroke is on its way the text may differ from the marked text.
            if range.start < at
                || range.end > text.len()
                || !text.is_char_boundary(range.start)
                || !text.is_char_boundary(range.end)
            {
                continue;
            }
            job.append(&text[at..range.start], 0.0, plain.clone());
            job.append(&text[range.clone()], 0.0, look(mark, &plain, visuals));
            at = range.end;
        }
        job.append(&text[at..], 0.0, plain);
        job.wrap.max_width = if multiline { wrap_width } else { f32::INFINITY };
        job.keep_trailing_whitespace = true;
        ui.fonts_mut(|fonts| fonts.layout_job(job))
    }
}
