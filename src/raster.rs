//! Rasterizing laid-out pages into pixels, for the preview. It draws the very glyph runs
//! the PDF writer embeds, from the same font outlines, so the preview cannot drift from
//! the printed page.

use std::collections::HashMap;

use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};

use crate::fonts::FaceId;
use crate::layout::{Color, Item, Page};

/// A page as premultiplied RGBA pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct RasterPage {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// Draws pages; keeps glyph outlines between calls.
#[derive(Default)]
pub struct Rasterizer {
    outlines: HashMap<(FaceId, u16), Option<tiny_skia::Path>>,
}

struct PathPen(PathBuilder);

impl OutlinePen for PathPen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(cx0, cy0, x, y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.cubic_to(cx0, cy0, cx1, cy1, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

fn paint(color: Color) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(color.r, color.g, color.b, 255);
    paint.anti_alias = true;
    paint
}

impl Rasterizer {
    /// The outline of a glyph in font units (y up), read once.
    fn outline(&mut self, face: FaceId, glyph: u16) -> Option<&tiny_skia::Path> {
        self.outlines
            .entry((face, glyph))
            .or_insert_with(|| {
                let font = skrifa::FontRef::new(face.face().bytes).ok()?;
                let outline = font
                    .outline_glyphs()
                    .get(skrifa::GlyphId::new(u32::from(glyph)))?;
                let mut pen = PathPen(PathBuilder::new());
                outline
                    .draw(
                        DrawSettings::unhinted(Size::unscaled(), LocationRef::default()),
                        &mut pen,
                    )
                    .ok()?;
                pen.0.finish()
            })
            .as_ref()
    }

    /// Draws `page` at `scale` pixels per point. Returns `None` for an empty or absurd size.
    pub fn render(&mut self, page: &Page, scale: f32) -> Option<RasterPage> {
        let width = (page.size.width.0 * scale).round() as u32;
        let height = (page.size.height.0 * scale).round() as u32;
        let mut pixmap = Pixmap::new(width, height)?;
        pixmap.fill(tiny_skia::Color::WHITE);
        for positioned in &page.items {
            let (x, y) = (positioned.at.x.0, positioned.at.y.0);
            match &positioned.item {
                Item::Text(run) => {
                    let units = f32::from(run.face.units_per_em());
                    let em = run.size.0 / units * scale;
                    let brush = paint(run.color);
                    for glyph in run.glyphs.iter() {
                        let transform = Transform::from_row(
                            em,
                            0.0,
                            0.0,
                            -em,
                            (x + glyph.x.0) * scale,
                            y * scale,
                        );
                        if let Some(path) = self.outline(run.face, glyph.id) {
                            pixmap.fill_path(path, &brush, FillRule::Winding, transform, None);
                        }
                    }
                }
                Item::Rect { size, fill, stroke } => {
                    let Some(rect) = Rect::from_xywh(
                        x * scale,
                        y * scale,
                        size.width.0 * scale,
                        size.height.0 * scale,
                    ) else {
                        continue;
                    };
                    if let Some(fill) = fill {
                        pixmap.fill_rect(rect, &paint(*fill), Transform::identity(), None);
                    }
                    if let Some((color, thickness)) = stroke {
                        let path = PathBuilder::from_rect(rect);
                        let stroke = Stroke {
                            width: (thickness.0 * scale).max(0.6),
                            ..Stroke::default()
                        };
                        pixmap.stroke_path(
                            &path,
                            &paint(*color),
                            &stroke,
                            Transform::identity(),
                            None,
                        );
                    }
                }
                Item::Rule {
                    to,
                    thickness,
                    color,
                } => {
                    let mut builder = PathBuilder::new();
                    builder.move_to(x * scale, y * scale);
                    builder.line_to((x + to.x.0) * scale, (y + to.y.0) * scale);
                    if let Some(path) = builder.finish() {
                        let stroke = Stroke {
                            width: (thickness.0 * scale).max(0.6),
                            ..Stroke::default()
                        };
                        pixmap.stroke_path(
                            &path,
                            &paint(*color),
                            &stroke,
                            Transform::identity(),
                            None,
                        );
                    }
                }
                Item::Link { .. } => {}
            }
        }
        Some(RasterPage {
            width,
            height,
            rgba: pixmap.take(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Typesetter;
    use crate::template::Template;

    #[test]
    fn sample_page_has_ink_where_the_text_is() {
        let project = crate::sample::project();
        let template = Template::built_in("briefing-note").expect("template");
        let laid = crate::layout::layout(&project, &template, &mut Typesetter::new());
        let raster = Rasterizer::default()
            .render(&laid.pages[0], 1.0)
            .expect("renders");
        assert_eq!((raster.width, raster.height), (595, 842));
        let dark = |x: u32, y: u32| raster.rgba[((y * raster.width + x) * 4) as usize] < 128;
        let ink_rows = (0..raster.height)
            .filter(|y| (0..raster.width).any(|x| dark(x, *y)))
            .count();
        assert!(ink_rows > 200, "text is drawn: {ink_rows} rows with ink");
        // The margins stay white.
        assert!((0..raster.height).all(|y| !dark(5, y) && !dark(raster.width - 5, y)));
    }
}
