//! Drag sources that are not tab stops.
//!
//! egui's `dnd_drag_source` makes its area focusable, so Tab stopped on every drag
//! handle although nothing can be dragged from the keyboard. The same moves have
//! keyboard routes of their own (Alt+Up / Alt+Down, the Add buttons), so the handles
//! here sense dragging and clicking but never take the keyboard.

use egui::{CursorIcon, InnerResponse, LayerId, Order, Sense};

use crate::model::{BlockId, SectionRef, TalkingPointId};

/// What can be dragged onto a part of the brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DragPayload {
    Section(SectionRef),
    TalkingPoint(TalkingPointId),
    Block(BlockId),
    /// A line of an open library, by the Library tab's indices.
    LibraryLine {
        library: usize,
        line: usize,
    },
}

/// Shows `add_contents`; dragging it carries `payload` to a drop zone, with `image` (the
/// first words of what is carried) following the pointer.
pub fn drag_source_ui<Payload, R>(
    ui: &mut egui::Ui,
    id: egui::Id,
    payload: Payload,
    image: &str,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> InnerResponse<R>
where
    Payload: std::any::Any + Send + Sync,
{
    if ui.ctx().is_being_dragged(id) {
        egui::DragAndDrop::set_payload(ui.ctx(), payload);
        // Painted on a layer of its own that follows the pointer; the handle stays where
        // it was, and what moves shows what is being moved.
        let InnerResponse { inner, response } = ui.scope(add_contents);
        let layer_id = LayerId::new(Order::Tooltip, id);
        let image = drag_image(image);
        let shown = ui.scope_builder(egui::UiBuilder::new().layer_id(layer_id), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(320.0);
                ui.label(image);
            });
        });
        if let Some(pointer) = ui.ctx().pointer_interact_pos() {
            let delta = pointer - shown.response.rect.left_top() + egui::vec2(12.0, 12.0);
            ui.ctx().transform_layer_shapes(
                layer_id,
                egui::emath::TSTransform::from_translation(delta),
            );
        }
        InnerResponse::new(inner, response)
    } else {
        let InnerResponse { inner, response } = ui.scope(add_contents);
        let drag = ui
            .interact(response.rect, id, Sense::DRAG | Sense::CLICK)
            .on_hover_cursor(CursorIcon::Grab);
        InnerResponse::new(inner, drag | response)
    }
}

/// The first words of a dragged item, cut at a word near 60 characters.
pub fn drag_image(text: &str) -> String {
    let text = crate::model::plain_text(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut image = String::new();
    for word in &words {
        if !image.is_empty() && image.chars().count() + word.chars().count() > 60 {
            image.push('\u{2026}');
            return image;
        }
        if !image.is_empty() {
            image.push(' ');
        }
        image.push_str(word);
    }
    image
}

#[cfg(test)]
mod tests {
    use super::drag_image;

    #[test]
    fn the_drag_image_is_the_first_words() {
        assert_eq!(
            drag_image("**Water** is the   clearest case."),
            "Water is the clearest case."
        );
        let long =
            "Kazakhstan has asked for practical help after two years of severe spring floods";
        let image = drag_image(long);
        assert!(image.ends_with('\u{2026}'), "{image}");
        assert!(image.chars().count() <= 61, "{image}");
        assert!(long.starts_with(image.trim_end_matches('\u{2026}')));
    }
}
