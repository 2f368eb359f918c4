//! PNG and JPEG pictures: checked and decoded under limits, turned upright, scaled down
//! to print size, and drawn as pixels.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits};

use super::pixels::Pixels;
use super::{MAX_PIXELS, MAX_SIDE_PX, PictureError, STORED_HEIGHT_PX, STORED_WIDTH_PX, stored};
use crate::model::{Picture, PictureFormat};

/// The most memory one decode may take: a 60-megapixel RGBA picture and some room.
const MAX_DECODE_BYTES: u64 = 300 * 1024 * 1024;

pub(super) fn prepare(
    bytes: &[u8],
    format: PictureFormat,
    name: &str,
) -> Result<Picture, PictureError> {
    // The JPEG decoder fills a cut-off file with grey rather than fail; a file that stops
    // before its end marker is refused instead of printing half a photo.
    if format == PictureFormat::Jpeg && !bytes.windows(2).any(|pair| pair == [0xff, 0xd9]) {
        return Err(PictureError::Damaged {
            name: name.into(),
            format: format.name(),
            reason: "it ends too soon".to_owned(),
        });
    }
    let (image, turned) = decode(bytes, format, name)?;
    let (width, height) = (image.width(), image.height());
    let scale = (STORED_WIDTH_PX as f32 / width as f32)
        .min(STORED_HEIGHT_PX as f32 / height as f32)
        .min(1.0);
    // A JPEG with four channels (CMYK) is kept as RGB: archival PDF allows no CMYK
    // without a CMYK output intent.
    let cmyk = format == PictureFormat::Jpeg
        && jpeg_components(bytes) != Some(3)
        && jpeg_components(bytes) != Some(1);
    if scale >= 1.0 && !turned && !cmyk {
        return Ok(stored(format, width, height, bytes.to_vec()));
    }
    let image = if scale < 1.0 {
        let new_width = ((width as f32 * scale).round() as u32).max(1);
        let new_height = ((height as f32 * scale).round() as u32).max(1);
        image.resize_exact(new_width, new_height, image::imageops::FilterType::Lanczos3)
    } else {
        image
    };
    let mut out = Vec::new();
    let encoded = match format {
        PictureFormat::Jpeg => {
            JpegEncoder::new_with_quality(&mut out, 90).encode_image(&image.to_rgb8())
        }
        _ => image.write_with_encoder(PngEncoder::new(&mut out)),
    };
    encoded.map_err(|error| damaged(format, name, &error))?;
    Ok(stored(format, image.width(), image.height(), out))
}

/// The decoder for a raster picture.
fn image_format_of(format: PictureFormat) -> ImageFormat {
    match format {
        PictureFormat::Jpeg => ImageFormat::Jpeg,
        _ => ImageFormat::Png,
    }
}

/// Decodes `bytes` whole under the limits, upright as its EXIF orientation says; also
/// whether it had to be turned.
fn decode(
    bytes: &[u8],
    format: PictureFormat,
    name: &str,
) -> Result<(DynamicImage, bool), PictureError> {
    // The size from the header first, so that a bomb is refused before it is unpacked.
    let (width, height) = checked_size(bytes, format, name)?;
    let mut decoder = limited_reader(bytes, format, Some(MAX_DECODE_BYTES))
        .into_decoder()
        .map_err(|error| damaged(format, name, &error))?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|error| match error {
        ImageError::Limits(_) => PictureError::TooManyPixels {
            name: name.into(),
            width: width.into(),
            height: height.into(),
        },
        other => damaged(format, name, &other),
    })?;
    let turned = orientation != image::metadata::Orientation::NoTransforms;
    image.apply_orientation(orientation);
    Ok((image, turned))
}

/// Checks the size a PNG's or JPEG's header states against the limits, without decoding
/// its pixels.
pub(super) fn check_header(
    bytes: &[u8],
    format: PictureFormat,
    name: &str,
) -> Result<(), PictureError> {
    checked_size(bytes, format, name).map(|_| ())
}

/// A reader of `bytes` that refuses more than the largest side, and more than
/// `max_alloc` bytes of memory when given.
fn limited_reader(
    bytes: &[u8],
    format: PictureFormat,
    max_alloc: Option<u64>,
) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), image_format_of(format));
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE_PX);
    limits.max_image_height = Some(MAX_SIDE_PX);
    limits.max_alloc = max_alloc;
    reader.limits(limits);
    reader
}

/// The size the header states, refused when it is over the limits or empty.
fn checked_size(
    bytes: &[u8],
    format: PictureFormat,
    name: &str,
) -> Result<(u32, u32), PictureError> {
    let (width, height) = match limited_reader(bytes, format, None).into_dimensions() {
        Ok(size) => size,
        Err(ImageError::Limits(_)) => return Err(too_many(name, bytes, image_format_of(format))),
        Err(error) => return Err(damaged(format, name, &error)),
    };
    if u64::from(width) * u64::from(height) > MAX_PIXELS || width == 0 || height == 0 {
        return Err(PictureError::TooManyPixels {
            name: name.into(),
            width: width.into(),
            height: height.into(),
        });
    }
    Ok((width, height))
}

/// The refusal of a picture whose header gives a size over the limits.
fn too_many(name: &str, bytes: &[u8], format: ImageFormat) -> PictureError {
    let (width, height) = header_size(bytes, format).unwrap_or((u64::MAX, u64::MAX));
    PictureError::TooManyPixels {
        name: name.into(),
        width,
        height,
    }
}

/// The size a PNG's or JPEG's header states, read without the decoder's limits.
fn header_size(bytes: &[u8], format: ImageFormat) -> Option<(u64, u64)> {
    match format {
        ImageFormat::Png => {
            let word = |at: usize| -> Option<u64> {
                let b: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
                Some(u64::from(u32::from_be_bytes(b)))
            };
            Some((word(16)?, word(20)?))
        }
        _ => jpeg_frame(bytes).map(|frame| (frame.1, frame.0)),
    }
}

/// The colour channels a JPEG's frame header declares.
pub fn jpeg_components(bytes: &[u8]) -> Option<u8> {
    jpeg_frame(bytes).map(|frame| frame.2)
}

/// A JPEG's frame header: lines, samples per line and components.
fn jpeg_frame(bytes: &[u8]) -> Option<(u64, u64, u8)> {
    let mut at = 2;
    while at + 9 < bytes.len() {
        if bytes[at] != 0xff {
            return None;
        }
        let marker = bytes[at + 1];
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        // SOF0–SOF15, but not DHT (C4), JPG (C8) or DAC (CC).
        if (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker) {
            let lines = u16::from_be_bytes([bytes[at + 5], bytes[at + 6]]);
            let samples = u16::from_be_bytes([bytes[at + 7], bytes[at + 8]]);
            return Some((lines.into(), samples.into(), bytes[at + 9]));
        }
        at += 2 + length;
    }
    None
}

fn damaged(format: PictureFormat, name: &str, error: &ImageError) -> PictureError {
    let reason = match error {
        ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            "it ends too soon".to_owned()
        }
        other => crate::model::shorten(&other.to_string(), 160),
    };
    PictureError::Damaged {
        name: name.into(),
        format: format.name(),
        reason,
    }
}

/// A PNG's or JPEG's pixels, `width` wide (its own width when that is smaller).
pub(super) fn pixels(picture: &Picture, width: u32, name: &str) -> Result<Pixels, PictureError> {
    let (image, _) = decode(&picture.bytes, picture.format, name)?;
    let image = if width > 0 && width < image.width() {
        let height =
            ((image.height() as f32 * width as f32 / image.width() as f32).round() as u32).max(1);
        image.resize_exact(width, height, image::imageops::FilterType::Triangle)
    } else {
        image
    };
    let rgba = image.to_rgba8();
    Ok(Pixels {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}
