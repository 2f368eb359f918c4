//! Writing laid-out pages as PDF with printpdf: embedded subset fonts with exact text
//! extraction, an outline of the parts, live links, metadata and deterministic bytes.
//!
//! This is the only place where the y axis flips (PDF measures from the bottom).

mod fonts;
mod metadata;

use printpdf::{
    Actions, BorderArray, Codepoint, ColorArray, HighlightingMode, Line, LinePoint, LinkAnnotation,
    Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Rect, TextItem, TextMatrix,
};

use crate::layout::{Color, GlyphRun, Item, Laid, Page};
use crate::model::BriefMeta;
use crate::units::Point;

/// Why a PDF could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font {0} could not be read for embedding")]
    Font(&'static str),
    #[error("the PDF could not be assembled: {0}")]
    Assemble(String),
    #[error("the brief has no pages to export")]
    Empty,
}

/// Writes the pages as a PDF document. The same layout and metadata always give the same bytes.
pub fn write(laid: &Laid, meta: &BriefMeta) -> Result<Vec<u8>, PdfError> {
    if laid.pages.is_empty() {
        return Err(PdfError::Empty);
    }
    let mut doc = PdfDocument::new(&meta.title);
    metadata::fill_info(&mut doc, meta);
    let font_ids = fonts::register_used_fonts(&mut doc, laid)?;
    doc.pages = laid
        .pages
        .iter()
        .map(|page| page_ops(page, &font_ids))
        .collect();
    for (index, entry) in laid.outline.iter().enumerate() {
        doc.bookmarks.map.insert(
            printpdf::PageAnnotId(format!("OUTLINE{index:04}")),
            printpdf::PageAnnotation {
                name: entry.title.clone(),
                page: entry.page + 1,
            },
        );
    }
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut document = doc.to_lopdf_document(&options, &mut warnings);
    metadata::finish_catalog(&mut document, laid, meta, !laid.outline.is_empty())?;
    compress_streams(&mut document);
    let mut bytes = Vec::new();
    document
        .save_to(&mut bytes)
        .map_err(|e| PdfError::Assemble(e.to_string()))?;
    Ok(bytes)
}

/// Deflates every stream at a middle level: nearly the size of the best level at a
/// fraction of the time (lopdf's own `compress` always uses the slowest level).
fn compress_streams(document: &mut lopdf::Document) {
    use std::io::Write;
    for object in document.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object
            && stream.allows_compression
            && stream.dict.get(b"Filter").is_err()
        {
            let mut encoder =
                flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
            let compressed = encoder
                .write_all(&stream.content)
                .and_then(|()| encoder.finish());
            if let Ok(compressed) = compressed
                && compressed.len() + 19 < stream.content.len()
            {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    }
}

fn page_ops(page: &Page, font_ids: &fonts::FontIds) -> PdfPage {
    let height = page.size.height;
    let flip = |p: Point| printpdf::Point {
        x: printpdf::Pt(p.x.0),
        y: printpdf::Pt((height - p.y).0),
    };
    let mut ops = Vec::new();
    for positioned in &page.items {
        let at = positioned.at;
        match &positioned.item {
            Item::Text(run) => text_ops(run, flip(at), font_ids, &mut ops),
            Item::Rect { size, fill, stroke } => {
                let mode = match (fill, stroke) {
                    (Some(_), Some(_)) => PaintMode::FillStroke,
                    (Some(_), None) => PaintMode::Fill,
                    (None, Some(_)) => PaintMode::Stroke,
                    (None, None) => continue,
                };
                ops.push(Op::SaveGraphicsState);
                if let Some(fill) = fill {
                    ops.push(Op::SetFillColor {
                        col: pdf_color(*fill),
                    });
                }
                if let Some((color, thickness)) = stroke {
                    ops.push(Op::SetOutlineColor {
                        col: pdf_color(*color),
                    });
                    ops.push(Op::SetOutlineThickness {
                        pt: printpdf::Pt(thickness.0),
                    });
                }
                let bottom_left = flip(Point::new(at.x, at.y + size.height));
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: bottom_left.x,
                        y: bottom_left.y,
                        width: printpdf::Pt(size.width.0),
                        height: printpdf::Pt(size.height.0),
                        mode: Some(mode),
                        winding_order: None,
                    },
                });
                ops.push(Op::RestoreGraphicsState);
            }
            Item::Rule {
                to,
                thickness,
                color,
            } => {
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetOutlineColor {
                    col: pdf_color(*color),
                });
                ops.push(Op::SetOutlineThickness {
                    pt: printpdf::Pt(thickness.0),
                });
                let end = Point::new(at.x + to.x, at.y + to.y);
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: flip(at),
                                bezier: false,
                            },
                            LinePoint {
                                p: flip(end),
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
                ops.push(Op::RestoreGraphicsState);
            }
            Item::Link { size, url } => {
                let bottom_left = flip(Point::new(at.x, at.y + size.height));
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        Rect::from_xywh(
                            bottom_left.x,
                            bottom_left.y,
                            printpdf::Pt(size.width.0),
                            printpdf::Pt(size.height.0),
                        ),
                        Actions::Uri(url.clone()),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        Some(HighlightingMode::Invert),
                    ),
                });
            }
        }
    }
    PdfPage {
        media_box: Rect::from_wh(printpdf::Pt(page.size.width.0), printpdf::Pt(height.0)),
        trim_box: Rect::from_wh(printpdf::Pt(page.size.width.0), printpdf::Pt(height.0)),
        crop_box: Rect::from_wh(printpdf::Pt(page.size.width.0), printpdf::Pt(height.0)),
        ops,
    }
}

/// One text matrix per run and one `TJ` array: after each glyph, a spacing number moves
/// the pen from where the PDF viewer would put the next glyph (by the font's `/W` width)
/// to exactly where the layout put it.
fn text_ops(run: &GlyphRun, origin: printpdf::Point, font_ids: &fonts::FontIds, ops: &mut Vec<Op>) {
    let Some(font) = font_ids.get(&run.face) else {
        return;
    };
    let Some(first) = run.glyphs.first() else {
        return;
    };
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFont {
        font: PdfFontHandle::External(font.clone()),
        size: printpdf::Pt(run.size.0),
    });
    ops.push(Op::SetFillColor {
        col: pdf_color(run.color),
    });
    ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(printpdf::Pt(origin.x.0 + first.x.0), origin.y),
    });
    let size = run.size.0.max(0.01);
    let codepoints = run
        .glyphs
        .iter()
        .enumerate()
        .map(|(index, glyph)| {
            let offset = match run.glyphs.get(index + 1) {
                Some(next) => run.face.pdf_width(glyph.id) - (next.x - glyph.x).0 * 1000.0 / size,
                None => 0.0,
            };
            // Sub-thousandth corrections are invisible and only make the file bigger.
            let offset = if offset.abs() < 0.05 {
                0.0
            } else {
                (offset * 100.0).round() / 100.0
            };
            let cid = if glyph.text.is_empty() {
                None
            } else {
                Some(glyph.text.clone())
            };
            Codepoint {
                gid: glyph.id,
                offset,
                cid,
            }
        })
        .collect();
    ops.push(Op::ShowText {
        items: vec![TextItem::GlyphIds(codepoints)],
    });
    ops.push(Op::EndTextSection);
}

fn pdf_color(color: Color) -> printpdf::Color {
    printpdf::Color::Rgb(printpdf::Rgb {
        r: f32::from(color.r) / 255.0,
        g: f32::from(color.g) / 255.0,
        b: f32::from(color.b) / 255.0,
        icc_profile: None,
    })
}
