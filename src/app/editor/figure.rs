//! The picture editor: a thumbnail of the picture, its alternative text (or the choice
//! that it is decorative), its caption and credit, and how wide it prints. Each change is
//! one undoable edit.

use crate::app::command::Command;
use crate::app::editor::fields::add_text_field;
use crate::app::state::AppState;
use crate::model::find::{FigureField, Place};
use crate::model::{BlockId, Edit, Figure, FigureWidth, Picture};

/// The widest the thumbnail is drawn, in points.
const THUMBNAIL_WIDTH: f32 = 240.0;

pub fn figure_ui(ui: &mut egui::Ui, state: &mut AppState, block: BlockId, figure: &Figure) {
    let picture = state.project().pictures.get(&figure.picture).cloned();
    ui.horizontal_top(|ui| {
        match &picture {
            Some(picture) => thumbnail_ui(ui, figure, picture),
            None => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    "This picture is missing from the project.",
                );
            }
        }
        ui.vertical(|ui| fields_ui(ui, state, block, figure, picture.as_ref()));
    });
}

fn fields_ui(
    ui: &mut egui::Ui,
    state: &mut AppState,
    block: BlockId,
    figure: &Figure,
    picture: Option<&Picture>,
) {
    let mut changed = figure.clone();
    // Find's matches and unknown words are shown in these fields as in the brief's text.
    let place = |field| Place::Figure { block, field };
    if let Some(picture) = picture {
        ui.weak(format!(
            "{} · {} × {} {}",
            picture.format.name(),
            picture.width_px,
            picture.height_px,
            if picture.format == crate::model::PictureFormat::Svg {
                "units"
            } else {
                "pixels"
            }
        ));
    }
    let label = ui.label("Alternative text");
    let alt = ui
        .add_enabled_ui(!figure.decorative, |ui| {
            add_text_field(
                ui,
                state,
                &mut changed.alt,
                place(FigureField::Alt),
                true,
                |e| {
                    e.desired_rows(2)
                        .desired_width(f32::INFINITY)
                        .hint_text("What the picture shows, for readers who cannot see it")
                },
            )
        })
        .inner
        .labelled_by(label.id);
    if alt.gained_focus() {
        state.send(Command::Select(Some(block)));
    }
    if figure.lacks_alt() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "No alternative text: a screen reader will only say \u{201c}picture\u{201d}.",
        );
    }
    ui.checkbox(&mut changed.decorative, "Decorative (not read aloud)")
        .on_hover_text("For a rule or ornament that says nothing: it is skipped by screen readers");
    egui::Grid::new(("figure", block.0))
        .num_columns(2)
        .show(ui, |ui| {
            let fields = [
                (FigureField::Caption, "Caption", "Printed under the picture"),
                (FigureField::Credit, "Credit", "Photo: …, Map: …"),
            ];
            for (field, name, hint) in fields {
                let label = ui.label(name);
                let text = field.get_mut(&mut changed);
                // Wrapped, so that a long caption and Find's match in it stay in view.
                let response = add_text_field(ui, state, text, place(field), true, |e| {
                    e.desired_rows(1)
                        .desired_width(f32::INFINITY)
                        .hint_text(hint)
                })
                .labelled_by(label.id);
                if response.gained_focus() {
                    state.send(Command::Select(Some(block)));
                }
                ui.end_row();
            }
            ui.label("Width");
            ui.horizontal(|ui| {
                ui.radio_value(&mut changed.width, FigureWidth::Full, "Full width");
                ui.radio_value(&mut changed.width, FigureWidth::Half, "Half width");
            });
            ui.end_row();
        });
    // A caption and a credit are one line each, under the picture.
    for field in [&mut changed.caption, &mut changed.credit] {
        if field.contains(['\n', '\r']) {
            *field = field.replace(['\n', '\r'], " ");
        }
    }
    if changed != *figure {
        state.send(Command::Edit(Edit::SetFigure {
            block,
            figure: Box::new(changed),
        }));
    }
}

/// The picture, drawn once per picture and kept as a texture.
fn thumbnail_ui(ui: &mut egui::Ui, figure: &Figure, picture: &Picture) {
    let id = egui::Id::unique(("picture thumbnail", &figure.picture.0));
    let texture = ui.ctx().data(|d| d.get_temp::<egui::TextureHandle>(id));
    let texture = texture.or_else(|| {
        let pixels = crate::picture::pixels(picture, (THUMBNAIL_WIDTH * 2.0) as u32).ok()?;
        let image = egui::ColorImage::from_rgba_unmultiplied(
            [pixels.width as usize, pixels.height as usize],
            &pixels.rgba,
        );
        let texture = ui
            .ctx()
            .load_texture(&figure.picture.0, image, egui::TextureOptions::LINEAR);
        ui.ctx().data_mut(|d| d.insert_temp(id, texture.clone()));
        Some(texture)
    });
    match texture {
        Some(texture) => {
            let size = texture.size_vec2();
            let width = THUMBNAIL_WIDTH.min(ui.available_width() * 0.4).max(60.0);
            let shown = egui::vec2(width, width * size.y / size.x.max(1.0));
            let description = if figure.decorative {
                "Decorative picture".to_owned()
            } else if figure.alt.trim().is_empty() {
                "Picture without alternative text".to_owned()
            } else {
                format!("Picture: {}", figure.alt.trim())
            };
            ui.add(egui::Image::new((texture.id(), shown)).alt_text(description));
        }
        None => {
            ui.colored_label(ui.visuals().error_fg_color, "This picture cannot be drawn.");
        }
    }
}
