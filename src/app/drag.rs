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
}

/// Shows `add_contents`; dragging it carries `payload` to a drop zone.
pub fn drag_source_ui<Payload, R>(
    ui: &mut egui::Ui,
    id: egui::Id,
    payload: Payload,
    add_contents: impl FnOnce(&mut egui::Ui) -> R,
) -> InnerResponse<R>
where
    Payload: std::any::Any + Send + Sync,
{
    if ui.ctx().is_being_dragged(id) {
        egui::DragAndDrop::set_payload(ui.ctx(), payload);
        // Painted on a layer of its own that follows the pointer.
        let layer_id = LayerId::new(Order::Tooltip, id);
        let inner = ui.scope_builder(egui::UiBuilder::new().layer_id(layer_id), add_contents);
        if let Some(pointer) = ui.ctx().pointer_interact_pos() {
            let delta = pointer - inner.response.rect.center();
            ui.ctx().transform_layer_shapes(
                layer_id,
                egui::emath::TSTransform::from_translation(delta),
            );
        }
        inner
    } else {
        let InnerResponse { inner, response } = ui.scope(add_contents);
        let drag = ui
            .interact(response.rect, id, Sense::DRAG | Sense::CLICK)
            .on_hover_cursor(CursorIcon::Grab);
        InnerResponse::new(inner, drag | response)
    }
}
