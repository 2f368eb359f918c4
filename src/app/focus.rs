//! The keyboard focus: a visible ring around the focused control, and Edit ▸ Cut, Copy,
//! Paste and Select All acting on the text field that last had the keyboard.
//!
//! Opening the Edit menu takes the keyboard from the field, so the field is remembered
//! each frame and given the keyboard back before the clipboard action reaches it.

use super::command::{ClipboardAction, Command};
use super::state::AppState;

fn last_text_field_key() -> egui::Id {
    egui::Id::unique("briefwright-last-text-field")
}

/// The text field that last had the keyboard, and its selection then.
#[derive(Clone, Copy)]
struct LastTextField {
    id: egui::Id,
    selection: Option<egui::text::CCursorRange>,
}

/// Remembers the focused text field and its selection, so that the Edit menu can act on
/// them: a field that loses the keyboard also loses its selection.
pub fn remember_text_field(ctx: &egui::Context) {
    let Some(id) = ctx.memory(|m| m.focused()) else {
        return;
    };
    if let Some(state) = egui::TextEdit::load_state(ctx, id) {
        let last = LastTextField {
            id,
            selection: state.cursor.char_range(),
        };
        ctx.data_mut(|data| data.insert_temp(last_text_field_key(), last));
    }
}

/// Carries out an Edit ▸ Cut, Copy, Paste or Select All chosen on the last frame.
pub fn carry_out_clipboard_request(ctx: &egui::Context, state: &mut AppState) {
    let Some(action) = state.clipboard_request() else {
        return;
    };
    let last = ctx
        .data(|data| data.get_temp::<LastTextField>(last_text_field_key()))
        .filter(|last| ctx.read_response(last.id).is_some());
    state.send(Command::ClipboardDone {
        reached_field: last.is_some(),
    });
    let Some(last) = last else {
        return;
    };
    ctx.memory_mut(|m| m.request_focus(last.id));
    if let Some(mut field) = egui::TextEdit::load_state(ctx, last.id) {
        field.cursor.set_char_range(last.selection);
        field.store(ctx, last.id);
    }
    let event = match action {
        ClipboardAction::Cut => egui::Event::Cut,
        ClipboardAction::Copy => egui::Event::Copy,
        ClipboardAction::SelectAll => egui::Event::Key {
            key: egui::Key::A,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::COMMAND,
        },
        // Only the platform can read the clipboard; it answers with a paste event.
        ClipboardAction::Paste => {
            ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste);
            return;
        }
    };
    ctx.input_mut(|input| input.events.push(event));
}

/// Draws a ring around the focused control. Text fields show their own focus frame.
pub fn focus_ring_ui(ctx: &egui::Context) {
    let Some(id) = ctx.memory(|m| m.focused()) else {
        return;
    };
    if egui::TextEdit::load_state(ctx, id).is_some() {
        return;
    }
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    let rect = response.interact_rect;
    if !rect.is_positive() {
        return;
    }
    let color = ctx.global_style().visuals.selection.stroke.color;
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("focus-ring"),
    ));
    painter.rect_stroke(
        rect.expand(2.0),
        3.0,
        egui::Stroke::new(2.0, color),
        egui::StrokeKind::Outside,
    );
}
