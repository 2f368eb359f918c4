//! The preview: the layout's own pages, rasterized from the same glyph runs as the PDF,
//! with zoom, fit-width, page navigation and click-to-select.

use egui::{Color32, Rect, Sense, pos2, vec2};

pub(in crate::app) mod pages;

use crate::app::command::Command;
use crate::app::state::{AppState, Pane};
use crate::layout::{Item, Page};

/// The preview pane.
pub fn preview_ui(ui: &mut egui::Ui, state: &mut AppState) {
    state.refresh_layout();
    // Shared, so the pane can send commands while it draws the pages.
    let Some(laid) = state.shared_laid() else {
        ui.label("No preview: the brief could not be laid out. See the message above.");
        return;
    };
    let budget = laid.page_budget;
    let count = laid.pages.len();
    ui.horizontal_wrapped(|ui| {
        let over = count > budget;
        let text = format!(
            "{count} page{} (budget {budget})",
            if count == 1 { "" } else { "s" }
        );
        let label = if over {
            egui::RichText::new(format!("Over budget: {text}")).color(ui.visuals().warn_fg_color)
        } else {
            egui::RichText::new(text)
        };
        ui.label(label)
            .on_hover_text("Pages used against the template's page budget");
        ui.separator();
        if ui
            .button("\u{25b6}")
            .on_hover_text("Fold the preview away, to give the editor its room")
            .accessible_name("Hide preview")
            .clicked()
        {
            state.send(Command::SetPreviewHidden(true));
        }
        let zoom_out = ui
            .button("−")
            .on_hover_text("Zoom out")
            .accessible_name("Zoom out");
        if state.pane_to_focus() == Some(Pane::Preview) {
            // The pane's first control: F6 brings the keyboard here.
            state.send(Command::PaneFocused(Pane::Preview));
            zoom_out.request_focus();
        }
        if zoom_out.clicked() {
            state.send(Command::ZoomOut);
        }
        ui.label(if state.settings().fit_width {
            "Fit".to_owned()
        } else {
            format!("{:.0}%", state.settings().zoom * 100.0)
        });
        if ui
            .button("+")
            .on_hover_text("Zoom in")
            .accessible_name("Zoom in")
            .clicked()
        {
            state.send(Command::ZoomIn);
        }
        if ui
            .selectable_label(state.settings().fit_width, "Fit width")
            .clicked()
        {
            state.send(Command::FitWidth);
        }
        ui.separator();
        page_navigation_ui(ui, count);
    });
    let warnings: Vec<String> = laid.diagnostics.iter().map(|d| d.message.clone()).collect();
    for warning in warnings.iter().take(4) {
        ui.colored_label(ui.visuals().warn_fg_color, format!("Warning: {warning}"));
    }
    ui.separator();

    let available_width = ui.available_width() - 16.0;
    let page_width = laid.pages.first().map_or(595.0, |p| p.size.width.0);
    let zoom = if state.settings().fit_width {
        (available_width / page_width).clamp(0.2, 4.0)
    } else {
        state.settings().zoom
    };
    let scale = zoom * ui.ctx().pixels_per_point();
    let jump = ui
        .ctx()
        .data_mut(|data| data.remove_temp::<usize>(jump_to_page_key()));
    egui::ScrollArea::both()
        .id_salt("preview")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 12.0;
            for (index, page) in laid.pages.iter().enumerate() {
                let size = vec2(page.size.width.0 * zoom, page.size.height.0 * zoom);
                let (rect, response) = ui.allocate_exact_size(size, Sense::click());
                let response = response.accessible_name(format!("Page {} of {count}", index + 1));
                if jump == Some(index) {
                    response.scroll_to_me(Some(egui::Align::Min));
                }
                if !ui.is_rect_visible(rect) {
                    continue;
                }
                ui.painter().rect_filled(
                    rect.translate(vec2(2.0, 3.0)),
                    0.0,
                    Color32::from_black_alpha(40),
                );
                match state.page_texture(ui.ctx(), index, page, scale) {
                    Some(texture) => {
                        ui.painter().image(
                            texture,
                            rect,
                            Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                            Color32::WHITE,
                        );
                    }
                    None => {
                        ui.painter().rect_filled(rect, 0.0, Color32::WHITE);
                    }
                }
                if let Some(block) = state.selected() {
                    highlight_block(ui, rect, zoom, page, block);
                }
                if let Some(comment) = comment_markers_ui(ui, state, rect, zoom, page) {
                    state.send(Command::GoToComment(comment));
                    state.send(Command::SetTab(crate::app::state::Tab::Review));
                }
                let response = response.on_hover_text(format!(
                    "Page {} of {count} \u{2014} click text to edit it",
                    index + 1
                ));
                if response.clicked()
                    && let Some(pointer) = response.interact_pointer_pos()
                {
                    let at = (pointer - rect.min) / zoom;
                    if let Some(block) = block_at(page, at.x, at.y) {
                        state.send(Command::GoToBlock(block));
                    }
                }
            }
        });
}

/// The page the preview scrolls to on its next frame, asked for by its own page buttons
/// and field: the pane's own state, kept in egui's memory like a widget's.
fn jump_to_page_key() -> egui::Id {
    egui::Id::unique("preview-jump-to-page")
}

/// The number in the "Page N of M" field of long briefs (1-based): the field's own state.
fn page_field_key() -> egui::Id {
    egui::Id::unique("preview-page-field")
}

/// A button per page for a short brief; a "Page N of M" field for a long one, where a
/// row of buttons would push the preview out of the window.
fn page_navigation_ui(ui: &mut egui::Ui, count: usize) {
    const MOST_BUTTONS: usize = 8;
    if count <= MOST_BUTTONS {
        for page in 0..count {
            if ui
                .small_button(format!("{}", page + 1))
                .on_hover_text(format!("Go to page {}", page + 1))
                .clicked()
            {
                ui.ctx()
                    .data_mut(|data| data.insert_temp(jump_to_page_key(), page));
            }
        }
        return;
    }
    let stored = ui
        .ctx()
        .data(|data| data.get_temp::<usize>(page_field_key()))
        .unwrap_or(0);
    let mut page = stored.clamp(1, count);
    let field = egui::DragValue::new(&mut page)
        .range(1..=count)
        .prefix("Go to page ")
        .suffix(format!(" of {count}"));
    if ui
        .add(field)
        .accessible_name(format!("Go to page (of {count})"))
        .on_hover_text("Type a page number, or drag")
        .changed()
    {
        ui.ctx()
            .data_mut(|data| data.insert_temp(jump_to_page_key(), page - 1));
    }
    ui.ctx()
        .data_mut(|data| data.insert_temp(page_field_key(), page));
}

/// A marker in the right margin beside the first line of each block with open comments
/// on this page; returns the comment whose marker was clicked.
fn comment_markers_ui(
    ui: &egui::Ui,
    state: &AppState,
    rect: Rect,
    zoom: f32,
    page: &Page,
) -> Option<crate::model::CommentId> {
    let review = &state.project().review;
    if review.comments.iter().all(|c| c.resolved) {
        return None;
    }
    let mut clicked = None;
    let mut marked = std::collections::HashSet::new();
    for positioned in &page.items {
        let Some(block) = positioned.block else {
            continue;
        };
        if marked.contains(&block) {
            continue;
        }
        let Some(comment) = review
            .comments
            .iter()
            .find(|c| !c.resolved && c.target == crate::model::TextTarget::Block(block))
        else {
            continue;
        };
        let Some((_, top, _, _)) = text_bounds(positioned.at, &positioned.item) else {
            continue;
        };
        marked.insert(block);
        let centre = pos2(rect.max.x - 10.0 * zoom, rect.min.y + (top + 4.0) * zoom);
        let radius = (4.5 * zoom).max(4.0);
        let colour = crate::app::review::markup::author_colour(state.project(), &comment.author);
        ui.painter().circle_filled(centre, radius, colour);
        let hit = ui
            .interact(
                Rect::from_center_size(centre, vec2(radius * 2.5, radius * 2.5)),
                egui::Id::unique(("comment-marker", comment.id.0)),
                Sense::click(),
            )
            .on_hover_text(format!("{}: {}", comment.author, comment.text));
        if hit.clicked() {
            clicked = Some(comment.id);
        }
    }
    clicked
}

fn text_bounds(at: crate::units::Point, item: &Item) -> Option<(f32, f32, f32, f32)> {
    match item {
        Item::Text(run) => {
            let width = run.glyphs.last().map_or(0.0, |g| (g.x + g.advance).0);
            Some((
                at.x.0,
                at.y.0 - run.size.0,
                at.x.0 + width,
                at.y.0 + run.size.0 * 0.35,
            ))
        }
        _ => None,
    }
}

/// The block whose text is at (x, y) in points on `page`.
pub fn block_at(page: &Page, x: f32, y: f32) -> Option<crate::model::BlockId> {
    page.items.iter().find_map(|p| {
        let (left, top, right, bottom) = text_bounds(p.at, &p.item)?;
        (x >= left - 2.0 && x <= right + 2.0 && y >= top && y <= bottom)
            .then_some(p.block)
            .flatten()
    })
}

fn highlight_block(
    ui: &egui::Ui,
    rect: Rect,
    zoom: f32,
    page: &Page,
    block: crate::model::BlockId,
) {
    let mut bounds: Option<Rect> = None;
    for positioned in page.items.iter().filter(|p| p.block == Some(block)) {
        if let Some((left, top, right, bottom)) = text_bounds(positioned.at, &positioned.item) {
            let item = Rect::from_min_max(
                rect.min + vec2(left, top) * zoom,
                rect.min + vec2(right, bottom) * zoom,
            );
            bounds = Some(bounds.map_or(item, |b| b.union(item)));
        }
    }
    if let Some(bounds) = bounds {
        let color = ui.visuals().selection.bg_fill;
        ui.painter().rect_stroke(
            bounds.expand(3.0),
            2.0,
            egui::Stroke::new(1.5, color),
            egui::StrokeKind::Outside,
        );
    }
}
