//! Reading the pictures an officer puts in a brief (PNG, JPEG, SVG), refusing bad ones by
//! name, and drawing them as pixels for the preview, the PDF and the Word file.
//!
//! A picture is checked once, when it comes in: its format from its bytes (not its
//! name), its size against [`MAX_SIDE_PX`] and [`MAX_PIXELS`] before anything is
//! decoded, then a full decode under a memory limit, so that a truncated file or a
//! decompression bomb is refused with a message instead of a crash or a hang. A photo
//! larger than print needs is scaled down to about 300 dpi at the widest a figure
//! prints, and stored that way.

mod pixels;
mod raster;
mod svg;

use std::sync::Arc;

use crate::model::{Picture, PictureFormat};

pub use pixels::Pixels;
pub use raster::jpeg_components;

/// The most pixels a picture may have a side: a 40 cm poster at 600 dpi is 9,500.
pub const MAX_SIDE_PX: u32 = 12_000;
/// The most pixels a picture may have in all (a 60-megapixel camera's photo).
pub const MAX_PIXELS: u64 = 60_000_000;
/// The largest picture file Briefwright takes.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;
/// The largest SVG file: its drawing is parsed whole, so this bounds the time it takes.
pub const MAX_SVG_BYTES: usize = 4 * 1024 * 1024;
/// The widest a stored photo is kept: 300 dpi across 180 mm, the widest text column of
/// the bundled templates.
pub const STORED_WIDTH_PX: u32 = 2_126;
/// The tallest a stored photo is kept: 300 dpi down an A4 page's text.
pub const STORED_HEIGHT_PX: u32 = 3_000;

/// Why a picture was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PictureError {
    #[error("{name} is empty")]
    Empty { name: String },
    #[error("{name} is {size}; a picture can be at most {limit}", size = megabytes(*.bytes), limit = megabytes(*.limit))]
    FileTooLarge {
        name: String,
        bytes: usize,
        limit: usize,
    },
    #[error(
        "{name} is {what}, which Briefwright cannot show; save it as PNG, JPEG or SVG and insert it again"
    )]
    Unsupported { name: String, what: String },
    #[error(
        "{name} says it is {width} × {height} pixels; a picture can be at most {MAX_SIDE_PX} pixels a side and {} megapixels",
        MAX_PIXELS / 1_000_000
    )]
    TooManyPixels {
        name: String,
        width: u64,
        height: u64,
    },
    #[error("{name} could not be read: it {reason}")]
    Unreadable { name: String, reason: String },
    #[error("{name} is a damaged or cut-off {format} file ({reason})")]
    Damaged {
        name: String,
        format: &'static str,
        reason: String,
    },
}

/// "12.5 MB".
fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// Reads `bytes` (named `name` in messages) as a picture to store: checked, decoded once
/// in full, and scaled down when it is a photo larger than print needs.
pub fn prepare(bytes: &[u8], name: &str) -> Result<Picture, PictureError> {
    if bytes.is_empty() {
        return Err(PictureError::Empty { name: name.into() });
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(PictureError::FileTooLarge {
            name: name.into(),
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    match sniff(bytes) {
        Some(PictureFormat::Svg) => svg::prepare(bytes, name),
        Some(format) => raster::prepare(bytes, format, name),
        None => Err(PictureError::Unsupported {
            name: name.into(),
            what: describe_unknown(bytes),
        }),
    }
}

/// Reads the picture file at `path`, as [`prepare`] does bytes, named by its file name.
pub fn from_file(path: &std::path::Path) -> Result<Picture, PictureError> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = match crate::regular_file::read_regular(path, MAX_FILE_BYTES as u64) {
        Ok(bytes) => bytes,
        Err(crate::regular_file::ReadRefusal::TooLarge { size }) => {
            return Err(PictureError::FileTooLarge {
                name,
                bytes: usize::try_from(size).unwrap_or(usize::MAX),
                limit: MAX_FILE_BYTES,
            });
        }
        Err(other) => {
            return Err(PictureError::Unreadable {
                name,
                reason: other.to_string(),
            });
        }
    };
    prepare(&bytes, &name)
}

/// Whether `path` names a picture Briefwright takes, by its extension: what a dropped
/// file is inserted as rather than imported as an article.
pub fn is_picture_file(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PICTURE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The extensions of the picture files Briefwright takes.
pub const PICTURE_EXTENSIONS: [&str; 4] = ["png", "jpg", "jpeg", "svg"];

/// `picture` drawn `width` pixels wide (its own width when that is smaller, for a
/// photo), at its own proportions. The picture was checked when it came in, so an error
/// here means the project was changed by hand.
pub fn pixels(picture: &Picture, width: u32) -> Result<Pixels, PictureError> {
    let name = "a picture in the project";
    match picture.format {
        PictureFormat::Svg => svg::pixels(&picture.bytes, width, name),
        _ => raster::pixels(picture, width, name),
    }
}

/// An SVG picture's drawing, parsed as the preview draws it: for writers that keep it
/// as vectors.
pub fn svg_tree(bytes: &[u8]) -> Result<resvg::usvg::Tree, PictureError> {
    svg::parse(bytes, "an SVG picture in the project")
}

/// Checks a picture a project file carries, as [`prepare`] checks a new one, without
/// changing it: a project file is no more trusted than a picture file.
///
/// Only what opening a brief must know is checked, and fast: the format, and the size the
/// header states (a bomb is refused without unpacking it); a photo is not decoded in
/// full, so a brief with many pictures opens as quickly as one without.
pub fn check_stored(picture: &Picture, name: &str) -> Result<(), PictureError> {
    if picture.bytes.len() > MAX_FILE_BYTES {
        return Err(PictureError::FileTooLarge {
            name: name.into(),
            bytes: picture.bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let found = sniff(&picture.bytes);
    if found != Some(picture.format) {
        return Err(PictureError::Damaged {
            name: name.into(),
            format: picture.format.name(),
            reason: match found {
                Some(format) => format!("its bytes are {}", format.name()),
                None => "its bytes are not a picture".to_owned(),
            },
        });
    }
    match picture.format {
        PictureFormat::Svg => svg::check(&picture.bytes, name),
        format => raster::check_header(&picture.bytes, format, name),
    }
}

/// The format `bytes` are in, by their first bytes.
fn sniff(bytes: &[u8]) -> Option<PictureFormat> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(PictureFormat::Png);
    }
    if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        return Some(PictureFormat::Jpeg);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    let looks_like_xml =
        head.starts_with("<?xml") || head.starts_with("<svg") || head.starts_with("<!");
    (looks_like_xml && head.contains("<svg")).then_some(PictureFormat::Svg)
}

/// What a file Briefwright cannot show seems to be, for the message that refuses it.
fn describe_unknown(bytes: &[u8]) -> String {
    let known: [(&[u8], &str); 8] = [
        (b"GIF8", "a GIF picture"),
        (b"RIFF", "a WebP picture"),
        (b"II*\0", "a TIFF picture"),
        (b"MM\0*", "a TIFF picture"),
        (b"BM", "a BMP picture"),
        (b"%PDF", "a PDF file"),
        (
            b"PK\x03\x04",
            "a zip archive (perhaps a Word or Office file)",
        ),
        (b"\0\0\0\x0cjP", "a JPEG 2000 picture"),
    ];
    if bytes.len() > 12 && &bytes[4..12] == b"ftypheic"
        || bytes.len() > 12 && &bytes[4..8] == b"ftyp"
    {
        return "an HEIC/AVIF picture".to_owned();
    }
    known
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map_or_else(
            || "not a picture it knows".to_owned(),
            |(_, what)| (*what).to_owned(),
        )
}

/// A stored picture from its parts; the bytes are shared from here on.
fn stored(format: PictureFormat, width_px: u32, height_px: u32, bytes: Vec<u8>) -> Picture {
    Picture {
        format,
        width_px,
        height_px,
        bytes: Arc::from(bytes),
    }
}

#[cfg(test)]
mod tests;
