//! Pictures in the Word file: the very picture the PDF prints, at the size the layout gave
//! it, in a centred paragraph kept with its caption, with its alternative text.
//!
//! docx-rs writes every picture as `media/N.png` and every `wp:docPr` with the same id
//! and no description, so [`super::package`] finishes them: JPEG pictures (kept as they
//! are, a tenth of their pixels' size) get their own extension and content type, and each
//! `wp:docPr` gets a unique id, a name and the picture's `descr`, or Word's decorative
//! flag. SVG pictures go in drawn at 150 dpi, as PNG: drawing them at 300 dpi took longer
//! than the rest of the Word export (16 ms against its 10 ms budget for the sample), and
//! the PDF, which keeps them as vectors, is the copy that prints.

use docx_rs::{Paragraph, Pic, Run};

use crate::layout::FigurePlan;
use crate::model::{PictureFormat, PictureKey};

use super::WordError;

/// EMUs (Word's drawing unit) per point.
const EMU_PER_PT: f32 = 12_700.0;
/// Dots per inch an SVG picture is drawn at for Word.
const SVG_DPI: f32 = 150.0;

/// The pictures written so far and what each drawing says about itself.
#[derive(Default)]
pub(super) struct Figures {
    /// Each picture once, in order of first appearance: its media name comes from here.
    order: Vec<PictureKey>,
    /// For each drawing in document order, its description, or `None` when decorative.
    pub described: Vec<Option<String>>,
    /// The first picture that could not be encoded (only a project changed by hand has
    /// one); the export then fails with it.
    pub error: Option<WordError>,
}

impl Figures {
    /// The centred paragraph holding `figure`'s picture.
    pub fn paragraph(&mut self, paragraph: Paragraph, figure: &FigurePlan) -> Paragraph {
        let index = match self.order.iter().position(|key| *key == figure.key) {
            Some(index) => index,
            None => {
                self.order.push(figure.key.clone());
                self.order.len() - 1
            }
        };
        let bytes = match media_bytes(figure) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.error.get_or_insert(error);
                return paragraph;
            }
        };
        self.described.push(figure.alt.clone());
        let emu = |pt: f32| (pt * EMU_PER_PT).round().max(1.0) as u32;
        let picture =
            Pic::new_with_dimensions(bytes, figure.picture.width_px, figure.picture.height_px)
                .id(format!("rIdPicture{}", index + 1))
                .size(emu(figure.size.width.0), emu(figure.size.height.0));
        paragraph.add_run(Run::new().add_image(picture))
    }
}

/// The bytes Word stores: the picture's own for PNG and JPEG, a 300 dpi PNG for SVG.
fn media_bytes(figure: &FigurePlan) -> Result<Vec<u8>, WordError> {
    let picture = &figure.picture;
    if picture.format != PictureFormat::Svg {
        return Ok(picture.bytes.to_vec());
    }
    let width = ((figure.size.width.0 / 72.0 * SVG_DPI).ceil() as u32).max(1);
    let failed = |error: String| WordError::Assemble(format!("a picture: {error}"));
    let pixels = crate::picture::pixels(picture, width).map_err(|e| failed(e.to_string()))?;
    let image = image::RgbaImage::from_raw(pixels.width, pixels.height, pixels.rgba)
        .ok_or_else(|| failed("its pixels do not fill it".to_owned()))?;
    let mut png = Vec::new();
    // Fast compression: a drawing's flat colours pack well anyway, and the default level
    // took longer than the rest of the Word export.
    let encoder = image::codecs::png::PngEncoder::new_with_quality(
        &mut png,
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Adaptive,
    );
    image
        .write_with_encoder(encoder)
        .map_err(|e| failed(e.to_string()))?;
    Ok(png)
}

/// Whether docx-rs's `media/N.png` holds a JPEG.
pub(super) fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xff, 0xd8, 0xff])
}

/// `document` with each `wp:docPr` docx-rs wrote made unique and described, in order.
pub(super) fn with_descriptions(document: &str, described: &[Option<String>]) -> String {
    const WRITTEN: &str = r#"<wp:docPr id="1" name="Figure" />"#;
    let mut out = String::with_capacity(document.len() + described.len() * 120);
    let mut rest = document;
    let mut index = 0;
    while let Some(at) = rest.find(WRITTEN) {
        out.push_str(&rest[..at]);
        // Drawing ids are unique in the document; 1000 on leaves room for any docx-rs
        // adds itself.
        let id = 1000 + index;
        match described.get(index) {
            Some(Some(alt)) => out.push_str(&format!(
                r#"<wp:docPr id="{id}" name="Picture {n}" descr="{alt}" />"#,
                n = index + 1,
                alt = quick_xml::escape::escape(super::runs::clean(alt)),
            )),
            Some(None) => out.push_str(&format!(
                concat!(
                    r#"<wp:docPr id="{id}" name="Picture {n}"><a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">"#,
                    r#"<a:ext uri="{{C183D7F6-B498-43B3-948B-1728B52AA6E4}}">"#,
                    r#"<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1" />"#,
                    r#"</a:ext></a:extLst></wp:docPr>"#
                ),
                id = id,
                n = index + 1,
            )),
            None => out.push_str(WRITTEN),
        }
        rest = &rest[at + WRITTEN.len()..];
        index += 1;
    }
    out.push_str(rest);
    out
}
