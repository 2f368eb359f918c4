//! SVG pictures: parsed with usvg and drawn with resvg onto the same tiny-skia the
//! preview uses. Their text is set in the bundled fonts, never the system's, so a map
//! looks the same on every machine; they may not read files or other pictures.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::pixels::Pixels;
use super::{MAX_PIXELS, MAX_SIDE_PX, MAX_SVG_BYTES, PictureError, stored};
use crate::model::{Picture, PictureFormat};

pub(super) fn prepare(bytes: &[u8], name: &str) -> Result<Picture, PictureError> {
    let (width, height) = checked_size(bytes, name, options_for(bytes))?;
    Ok(stored(PictureFormat::Svg, width, height, bytes.to_vec()))
}

/// Whether a stored SVG (one in a project file) still parses, within the limits. Its
/// text is not laid out: that needs the fonts, and opening a brief would pay for them
/// again at export.
pub(super) fn check(bytes: &[u8], name: &str) -> Result<(), PictureError> {
    checked_size(bytes, name, structure_options()).map(|_| ())
}

/// The drawing's size in whole pixels, refused when the file or the drawing is too big
/// or the SVG does not parse.
fn checked_size(
    bytes: &[u8],
    name: &str,
    options: &usvg::Options<'static>,
) -> Result<(u32, u32), PictureError> {
    if bytes.len() > MAX_SVG_BYTES {
        return Err(PictureError::FileTooLarge {
            name: name.into(),
            bytes: bytes.len(),
            limit: MAX_SVG_BYTES,
        });
    }
    let tree = parse_with(bytes, name, options)?;
    let size = tree.size();
    let (width, height) = (size.width().ceil(), size.height().ceil());
    if width > MAX_SIDE_PX as f32 || height > MAX_SIDE_PX as f32 {
        return Err(PictureError::TooManyPixels {
            name: name.into(),
            width: width as u64,
            height: height as u64,
        });
    }
    Ok(((width as u32).max(1), (height as u32).max(1)))
}

pub(super) fn parse(bytes: &[u8], name: &str) -> Result<usvg::Tree, PictureError> {
    parse_with(bytes, name, options_for(bytes))
}

/// The fonts `bytes` need: the CJK fallback only when its text has CJK letters.
fn options_for(bytes: &[u8]) -> &'static usvg::Options<'static> {
    let cjk = std::str::from_utf8(bytes).is_ok_and(|text| {
        text.chars().any(|c| {
            ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ac00}'..='\u{d7af}').contains(&c)
        })
    });
    if cjk { options_with_cjk() } else { options() }
}

fn parse_with(
    bytes: &[u8],
    name: &str,
    options: &usvg::Options<'static>,
) -> Result<usvg::Tree, PictureError> {
    usvg::Tree::from_data(bytes, options).map_err(|error| PictureError::Damaged {
        name: name.into(),
        format: "SVG",
        reason: crate::model::shorten(&error.to_string(), 160),
    })
}

/// The bundled body fonts for SVG text; no file is ever read.
fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| options_of(false))
}

/// [`options`], with the CJK fallback too: the 4 MB font is read only for a drawing
/// whose text needs it.
fn options_with_cjk() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| options_of(true))
}

/// No fonts at all: the drawing's structure is parsed and its text left out.
fn structure_options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| usvg::Options {
        image_href_resolver: no_pictures(),
        ..usvg::Options::default()
    })
}

/// Pictures inside the picture are not drawn: a linked file could be anything on the
/// machine, and an embedded one escapes the checks above.
fn no_pictures() -> usvg::ImageHrefResolver<'static> {
    usvg::ImageHrefResolver {
        resolve_data: Box::new(|_, _, _| None),
        resolve_string: Box::new(|_, _| None),
    }
}

fn options_of(cjk: bool) -> usvg::Options<'static> {
    let mut fonts = usvg::fontdb::Database::new();
    for face in crate::fonts::FACES.iter().filter(|face| {
        crate::fonts::BODY_FAMILIES.contains(&face.family)
            || (cjk && face.family == "Droid Sans Fallback")
    }) {
        // The bytes in the executable, not a copy of them.
        fonts.load_font_source(usvg::fontdb::Source::Binary(Arc::new(face.bytes)));
    }
    fonts.set_sans_serif_family("Noto Sans");
    fonts.set_serif_family("Noto Serif");
    usvg::Options {
        font_family: "Noto Sans".to_owned(),
        fontdb: Arc::new(fonts),
        image_href_resolver: no_pictures(),
        ..usvg::Options::default()
    }
}

/// The SVG drawn `width` pixels wide, at its own proportions.
pub(super) fn pixels(bytes: &[u8], width: u32, name: &str) -> Result<Pixels, PictureError> {
    let tree = parse(bytes, name)?;
    let size = tree.size();
    let width = width.clamp(1, MAX_SIDE_PX);
    let scale = width as f32 / size.width().max(1e-3);
    let height = ((size.height() * scale).round() as u32).clamp(1, MAX_SIDE_PX);
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PictureError::TooManyPixels {
            name: name.into(),
            width: width.into(),
            height: height.into(),
        });
    }
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or(PictureError::TooManyPixels {
        name: name.into(),
        width: width.into(),
        height: height.into(),
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // tiny-skia keeps premultiplied colour; the writers want it straight.
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|px| {
            let c = px.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Ok(Pixels {
        width,
        height,
        rgba,
    })
}
