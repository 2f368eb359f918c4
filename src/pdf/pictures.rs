//! The pictures a brief shows, as image XObjects: each once per document, named by its
//! order of first appearance so that the bytes stay the same from export to export.
//!
//! A JPEG goes in as it is stored, behind `DCTDecode` (printpdf's own `add_image` would
//! unpack it to raw pixels, ten times larger, and names images at random; an external
//! XObject carries the JPEG's own bytes). PNG pictures go in as their pixels, which
//! printpdf deflates, with their transparency as a soft mask. SVG pictures are drawn at
//! 300 dpi at the largest size they print.

use std::collections::BTreeMap;

use printpdf::{
    DictItem, ExternalStream, ExternalXObject, PdfDocument, Px, RawImage, RawImageData,
    RawImageFormat, XObject, XObjectId,
};

use super::PdfError;
use crate::layout::{Item, Page};
use crate::model::{Picture, PictureFormat, PictureKey};

/// Dots per inch an SVG picture is drawn at.
const SVG_DPI: f32 = 300.0;

/// The pictures of a laid-out brief, each made once: an XObject, or an SVG's vector
/// drawing ([`super::vector`]), which goes into the page's own content.
#[derive(Default)]
pub struct UsedPictures {
    objects: BTreeMap<PictureKey, (XObjectId, XObject)>,
    drawings: BTreeMap<PictureKey, Drawing>,
}

/// An SVG as path operations in its own user space, and that space's size.
pub struct Drawing {
    pub ops: Vec<printpdf::Op>,
    pub size: (f32, f32),
}

impl UsedPictures {
    /// Every picture on `pages`, decoded or drawn once.
    pub fn collect(pages: &[Page]) -> Result<UsedPictures, PdfError> {
        // Each picture with the widest it prints, in order of first appearance.
        let mut order: Vec<(&PictureKey, &Picture, f32)> = Vec::new();
        for item in pages.iter().flat_map(|page| &page.items) {
            if let Item::Image { size, key, picture } = &item.item {
                match order.iter_mut().find(|(k, _, _)| *k == key) {
                    Some(entry) => entry.2 = entry.2.max(size.width.0),
                    None => order.push((key, picture, size.width.0)),
                }
            }
        }
        let mut objects = BTreeMap::new();
        let mut drawings = BTreeMap::new();
        for (index, (key, picture, width_pt)) in order.into_iter().enumerate() {
            if picture.format == PictureFormat::Svg
                && let Some((ops, size)) = super::vector::svg_ops(&picture.bytes)
            {
                drawings.insert(key.clone(), Drawing { ops, size });
                continue;
            }
            let object = xobject(picture, width_pt)?;
            objects.insert(key.clone(), (XObjectId(format!("Im{}", index + 1)), object));
        }
        Ok(UsedPictures { objects, drawings })
    }

    /// The vector drawing `key`'s picture is drawn with, if it is one.
    pub fn drawing(&self, key: &PictureKey) -> Option<&Drawing> {
        self.drawings.get(key)
    }

    /// The name `key`'s picture is drawn by.
    pub fn id(&self, key: &PictureKey) -> Option<&XObjectId> {
        self.objects.get(key).map(|(id, _)| id)
    }

    /// Adds to `document` the pictures `pages` show, and no others: a long brief is
    /// written in pieces, and each piece carries only its own pictures.
    pub fn add_to(&self, document: &mut PdfDocument, pages: &[Page]) {
        for item in pages.iter().flat_map(|page| &page.items) {
            if let Item::Image { key, .. } = &item.item
                && let Some((id, object)) = self.objects.get(key)
            {
                document
                    .resources
                    .xobjects
                    .map
                    .entry(id.clone())
                    .or_insert_with(|| object.clone());
            }
        }
    }
}

fn xobject(picture: &Picture, width_pt: f32) -> Result<XObject, PdfError> {
    if picture.format == PictureFormat::Jpeg
        && let Some(components) = crate::picture::jpeg_components(&picture.bytes)
        && (components == 1 || components == 3)
    {
        let color_space: &[u8] = if components == 1 {
            b"DeviceGray"
        } else {
            b"DeviceRGB"
        };
        let dict = BTreeMap::from([
            ("Type".to_owned(), DictItem::Name(b"XObject".to_vec())),
            ("Subtype".to_owned(), DictItem::Name(b"Image".to_vec())),
            ("Width".to_owned(), DictItem::Int(picture.width_px.into())),
            ("Height".to_owned(), DictItem::Int(picture.height_px.into())),
            (
                "ColorSpace".to_owned(),
                DictItem::Name(color_space.to_vec()),
            ),
            ("BitsPerComponent".to_owned(), DictItem::Int(8)),
            ("Filter".to_owned(), DictItem::Name(b"DCTDecode".to_vec())),
        ]);
        return Ok(XObject::External(ExternalXObject {
            stream: ExternalStream {
                dict,
                content: picture.bytes.to_vec(),
                compress: false,
            },
            width: Some(Px(picture.width_px as usize)),
            height: Some(Px(picture.height_px as usize)),
            dpi: None,
        }));
    }
    let width_px = match picture.format {
        PictureFormat::Svg => ((width_pt / 72.0 * SVG_DPI).ceil() as u32).max(1),
        _ => picture.width_px,
    };
    let pixels = crate::picture::pixels(picture, width_px)
        .map_err(|error| PdfError::Picture(error.to_string()))?;
    // An opaque picture needs no soft mask.
    let (data, format) = if pixels.has_transparency() {
        (pixels.rgba, RawImageFormat::RGBA8)
    } else {
        let rgb = pixels
            .rgba
            .chunks_exact(4)
            .flat_map(|px| [px[0], px[1], px[2]])
            .collect();
        (rgb, RawImageFormat::RGB8)
    };
    Ok(XObject::Image(RawImage {
        pixels: RawImageData::U8(data),
        width: pixels.width as usize,
        height: pixels.height as usize,
        data_format: format,
        tag: Vec::new(),
    }))
}
