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
use crate::model::{Picture, PictureKey};

/// A page as premultiplied RGBA pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct RasterPage {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// Draws pages; keeps glyph outlines and rendered glyph masks between calls.
#[derive(Default)]
pub struct Rasterizer {
    outlines: HashMap<(FaceId, u16), Option<tiny_skia::Path>>,
    /// Coverage masks by face, glyph, size (1/64 px) and horizontal quarter-pixel offset.
    masks: HashMap<(FaceId, u16, u32, u8), Option<GlyphMask>>,
    /// Pictures drawn at the pixel size the page shows them, by picture and width, so
    /// that a keystroke redraws the page without decoding them again.
    pictures: HashMap<(PictureKey, u32, u32), Option<Pixmap>>,
}

/// Pictures kept drawn at once: a few zoom levels of a brief's figures.
const MAX_KEPT_PICTURES: usize = 24;

/// A glyph's anti-aliased coverage, placed relative to its pen position.
struct GlyphMask {
    left: i32,
    top: i32,
    width: usize,
    alpha: Vec<u8>,
}

/// Quarter-pixel horizontal positions keep text evenly spaced at every zoom.
const SUBPIXEL_STEPS: f32 = 4.0;

/// `pixels` as a premultiplied pixmap of exactly `width` × `height` (a photo smaller
/// than its place is stretched to it).
fn picture_pixmap(pixels: &crate::picture::Pixels, width: u32, height: u32) -> Option<Pixmap> {
    let data = pixels
        .rgba
        .chunks_exact(4)
        .flat_map(|px| {
            let c = tiny_skia::ColorU8::from_rgba(px[0], px[1], px[2], px[3]).premultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    let drawn = Pixmap::from_vec(
        data,
        tiny_skia::IntSize::from_wh(pixels.width, pixels.height)?,
    )?;
    if (drawn.width(), drawn.height()) == (width, height) {
        return Some(drawn);
    }
    let mut fitted = Pixmap::new(width, height)?;
    fitted.draw_pixmap(
        0,
        0,
        drawn.as_ref(),
        &tiny_skia::PixmapPaint {
            quality: tiny_skia::FilterQuality::Bilinear,
            ..tiny_skia::PixmapPaint::default()
        },
        Transform::from_scale(
            width as f32 / drawn.width() as f32,
            height as f32 / drawn.height() as f32,
        ),
        None,
    );
    Some(fitted)
}

/// Blends `mask` in `color` into opaque RGBA `pixels` with the pen at (`x`, `y`).
fn blend_mask(
    pixels: &mut [u8],
    page_width: usize,
    page_height: usize,
    mask: &GlyphMask,
    x: i32,
    y: i32,
    color: Color,
) {
    let height = mask.alpha.len() / mask.width.max(1);
    for row in 0..height {
        let dest_y = y + mask.top + row as i32;
        if dest_y < 0 || dest_y as usize >= page_height {
            continue;
        }
        for column in 0..mask.width {
            let coverage = u32::from(mask.alpha[row * mask.width + column]);
            let dest_x = x + mask.left + column as i32;
            if coverage == 0 || dest_x < 0 || dest_x as usize >= page_width {
                continue;
            }
            let at = (dest_y as usize * page_width + dest_x as usize) * 4;
            for (channel, ink) in [color.r, color.g, color.b].into_iter().enumerate() {
                let under = u32::from(pixels[at + channel]);
                pixels[at + channel] =
                    ((u32::from(ink) * coverage + under * (255 - coverage) + 127) / 255) as u8;
            }
        }
    }
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

/// Strokes a path, never thinner than a visible hairline.
fn stroke_path(pixmap: &mut Pixmap, path: &tiny_skia::Path, color: Color, width_px: f32) {
    let stroke = Stroke {
        width: width_px.max(0.6),
        ..Stroke::default()
    };
    pixmap.stroke_path(path, &paint(color), &stroke, Transform::identity(), None);
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

    /// The coverage mask of a glyph at `em` pixels per font unit, shifted right by
    /// `subpixel` quarter pixels; rendered once and kept.
    fn mask(&mut self, face: FaceId, glyph: u16, em: f32, subpixel: u8) -> Option<&GlyphMask> {
        let key = (face, glyph, (em * 64.0 * 1024.0) as u32, subpixel);
        if !self.masks.contains_key(&key) {
            let shift = f32::from(subpixel) / SUBPIXEL_STEPS;
            let mask = self.outline(face, glyph).and_then(|path| {
                let bounds = path.bounds();
                let left = (bounds.left() * em + shift).floor() as i32 - 1;
                let top = (-bounds.bottom() * em).floor() as i32 - 1;
                let width = ((bounds.right() * em + shift).ceil() as i32 - left + 2).max(1) as u32;
                let height = ((-bounds.top() * em).ceil() as i32 - top + 2).max(1) as u32;
                let mut mask = tiny_skia::Mask::new(width, height)?;
                let transform =
                    Transform::from_row(em, 0.0, 0.0, -em, shift - left as f32, -top as f32);
                mask.fill_path(path, FillRule::Winding, true, transform);
                Some(GlyphMask {
                    left,
                    top,
                    width: width as usize,
                    alpha: mask.take(),
                })
            });
            self.masks.insert(key, mask);
        }
        self.masks.get(&key).and_then(Option::as_ref)
    }

    /// `picture` drawn `width` × `height` pixels, once per size. A picture that cannot
    /// be drawn (only a project changed by hand has one) leaves its place blank.
    fn picture(
        &mut self,
        key: &PictureKey,
        picture: &Picture,
        width: u32,
        height: u32,
    ) -> Option<&Pixmap> {
        let cache_key = (key.clone(), width, height);
        if !self.pictures.contains_key(&cache_key) {
            if self.pictures.len() >= MAX_KEPT_PICTURES {
                self.pictures.clear();
            }
            let drawn = crate::picture::pixels(picture, width)
                .ok()
                .and_then(|pixels| picture_pixmap(&pixels, width, height));
            self.pictures.insert(cache_key.clone(), drawn);
        }
        self.pictures.get(&cache_key).and_then(Option::as_ref)
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
                    let baseline = (y * scale).round() as i32;
                    let (page_width, page_height) = (width as usize, height as usize);
                    for glyph in run.glyphs.iter() {
                        let steps = ((x + glyph.x.0) * scale * SUBPIXEL_STEPS).round() as i32;
                        let (whole, subpixel) = (
                            steps.div_euclid(SUBPIXEL_STEPS as i32),
                            steps.rem_euclid(SUBPIXEL_STEPS as i32) as u8,
                        );
                        if let Some(mask) = self.mask(run.face, glyph.id, em, subpixel) {
                            blend_mask(
                                pixmap.data_mut(),
                                page_width,
                                page_height,
                                mask,
                                whole,
                                baseline,
                                run.color,
                            );
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
                        stroke_path(
                            &mut pixmap,
                            &PathBuilder::from_rect(rect),
                            *color,
                            thickness.0 * scale,
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
                        stroke_path(&mut pixmap, &path, *color, thickness.0 * scale);
                    }
                }
                Item::Image { size, key, picture } => {
                    let width = (size.width.0 * scale).round().max(1.0) as u32;
                    let height = (size.height.0 * scale).round().max(1.0) as u32;
                    if let Some(drawn) = self.picture(key, picture, width, height) {
                        pixmap.draw_pixmap(
                            (x * scale).round() as i32,
                            (y * scale).round() as i32,
                            drawn.as_ref(),
                            &tiny_skia::PixmapPaint::default(),
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
