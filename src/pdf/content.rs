//! Pages as printpdf operations: each glyph run as one text matrix and one glyph-id
//! `ShowText` (printpdf writes it as a single `TJ`), rules and boxes as paths, links as
//! annotations.
//!
//! Positions are rounded to hundredths of a point, which printpdf then writes as short
//! numbers. This is the only place where the y axis flips (PDF measures from the bottom).

use std::collections::BTreeMap;

use printpdf::{
    Actions, BorderArray, Codepoint, ColorArray, DictItem, HighlightingMode, Line, LineCapStyle,
    LinePoint, LinkAnnotation, Op, PaintMode, PdfFontHandle, PdfPage, Rgb, TextItem, TextMatrix,
    XObjectTransform,
};

use super::Writers;
use super::fonts::UsedFonts;
use super::pictures::UsedPictures;
use super::tags::{Mark, Sequences, sequences};
use crate::layout::{Color, GlyphRun, Item, Page, Positioned};
use crate::units::Point;

/// How far, in thousandths of an em, the viewer's pen may drift from the layout's glyph
/// position before an offset puts it back.
const DRIFT_LIMIT: f64 = 2.0;

/// `page` as a printpdf page; when `tagged`, each stretch of its items in a marked-content
/// sequence ([`super::tags::sequences`]), numbered from 0 on the page.
pub fn page(page: &Page, writers: &Writers) -> PdfPage {
    let tagged = writers.tagged;
    let mut writer = PageWriter {
        fonts: writers.fonts,
        pictures: writers.pictures,
        ops: Vec::with_capacity(page.items.len() * 4),
        height: page.size.height.0,
        in_text: false,
        font: None,
        fill: None,
    };
    if tagged {
        let mut mcid = 0;
        let Sequences { order, sequences } = sequences(page);
        for sequence in sequences {
            let items = || {
                order[sequence.items.clone()]
                    .iter()
                    .map(|&i| &page.items[i])
            };
            // A marked-content sequence and a text object may not overlap: a sequence of
            // text alone goes inside the text object (which then runs on, keeping its
            // font and colour), any other around it.
            let text_only = items().all(|p| matches!(p.item, Item::Text(_) | Item::Link { .. }));
            let figure = items().any(|p| matches!(p.item, Item::Image { .. }));
            if text_only {
                writer.begin_text();
            } else {
                writer.end_text();
            }
            match sequence.mark {
                Mark::Artifact => writer.ops.push(Op::BeginMarkedContent {
                    tag: "Artifact".to_owned(),
                }),
                Mark::Content { .. } => {
                    writer.ops.push(Op::BeginMarkedContentWithProperties {
                        tag: if figure { "Figure" } else { "P" }.to_owned(),
                        properties: DictItem::Dict {
                            map: BTreeMap::from([("MCID".to_owned(), DictItem::Int(mcid))]),
                        },
                    });
                    mcid += 1;
                }
            }
            for positioned in items() {
                writer.item(positioned);
            }
            if !text_only {
                writer.end_text();
            }
            writer.ops.push(Op::EndMarkedContent);
        }
    } else {
        for positioned in &page.items {
            writer.item(positioned);
        }
    }
    writer.end_text();
    let size = printpdf::Rect::from_wh(
        printpdf::Pt(page.size.width.0),
        printpdf::Pt(page.size.height.0),
    );
    PdfPage {
        media_box: size.clone(),
        trim_box: size.clone(),
        crop_box: size,
        ops: writer.ops,
    }
}

impl PageWriter<'_> {
    fn item(&mut self, positioned: &Positioned) {
        let writer = self;
        let fonts = writer.fonts;
        let at = positioned.at;
        match &positioned.item {
            Item::Text(run) => writer.text(run, at, fonts),
            Item::Rect { size, fill, stroke } => {
                let rect = printpdf::Rect {
                    x: pt(at.x.0),
                    y: pt(writer.height - at.y.0 - size.height.0),
                    width: pt(size.width.0),
                    height: pt(size.height.0),
                    mode: Some(match (fill, stroke) {
                        (Some(_), Some(_)) => PaintMode::FillStroke,
                        (Some(_), None) => PaintMode::Fill,
                        (None, _) => PaintMode::Stroke,
                    }),
                    winding_order: None,
                };
                if fill.is_some() || stroke.is_some() {
                    writer.path(*fill, *stroke, Op::DrawRectangle { rectangle: rect });
                }
            }
            Item::Rule {
                to,
                thickness,
                color,
            } => {
                let end = Point::new(at.x + to.x, at.y + to.y);
                let line = Line {
                    points: vec![writer.line_point(at), writer.line_point(end)],
                    is_closed: false,
                };
                writer.path(None, Some((*color, *thickness)), Op::DrawLine { line });
            }
            Item::Image { size, key, .. } => {
                if let Some(drawing) = writer.pictures.drawing(key) {
                    writer.end_text();
                    writer.ops.push(Op::SaveGraphicsState);
                    writer.ops.push(super::vector::placement(
                        drawing.size,
                        hundredths(at.x.0),
                        hundredths(writer.height - at.y.0 - size.height.0),
                        size.width.0,
                        size.height.0,
                    ));
                    writer.ops.extend(drawing.ops.iter().cloned());
                    writer.ops.push(Op::RestoreGraphicsState);
                } else if let Some(id) = writer.pictures.id(key) {
                    writer.end_text();
                    writer.ops.push(Op::UseXobject {
                        id: id.clone(),
                        transform: XObjectTransform {
                            translate_x: Some(pt(at.x.0)),
                            translate_y: Some(pt(writer.height - at.y.0 - size.height.0)),
                            scale_x: Some(hundredths(size.width.0)),
                            scale_y: Some(hundredths(size.height.0)),
                            no_auto_scale: true,
                            ..XObjectTransform::default()
                        },
                    });
                }
            }
            Item::Link { size, url } => {
                let rect = printpdf::Rect {
                    x: pt(at.x.0),
                    y: pt(writer.height - at.y.0 - size.height.0),
                    width: pt(size.width.0),
                    height: pt(size.height.0),
                    mode: None,
                    winding_order: None,
                };
                writer.ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation {
                        rect,
                        actions: Actions::Uri(url.clone()),
                        border: BorderArray::Solid([0.0, 0.0, 0.0]),
                        color: ColorArray::Transparent,
                        highlighting: HighlightingMode::Invert,
                    },
                });
            }
        }
    }
}

/// A length rounded to hundredths of a point.
fn pt(value: f32) -> printpdf::Pt {
    printpdf::Pt(hundredths(value))
}

fn hundredths(value: f32) -> f32 {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded.is_finite() && rounded != 0.0 {
        rounded
    } else {
        0.0
    }
}

fn rgb(color: Color) -> printpdf::Color {
    let channel = |c: u8| hundredths(f32::from(c) / 255.0);
    printpdf::Color::Rgb(Rgb {
        r: channel(color.r),
        g: channel(color.g),
        b: channel(color.b),
        icc_profile: None,
    })
}

/// A UTF-16BE text string with its byte-order mark, as `/ActualText` wants it.
fn text_string(text: &str) -> DictItem {
    let mut data = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        data.extend_from_slice(&unit.to_be_bytes());
    }
    DictItem::String {
        data,
        literal: false,
    }
}

struct PageWriter<'a> {
    fonts: &'a UsedFonts,
    pictures: &'a UsedPictures,
    ops: Vec<Op>,
    height: f32,
    in_text: bool,
    /// The face and size set in the current text section.
    font: Option<(u16, u32)>,
    /// The fill colour in force inside the current text section.
    fill: Option<Color>,
}

impl PageWriter<'_> {
    fn line_point(&self, at: Point) -> LinePoint {
        LinePoint {
            p: printpdf::Point {
                x: pt(at.x.0),
                y: pt(self.height - at.y.0),
            },
            bezier: false,
        }
    }

    fn begin_text(&mut self) {
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
            self.font = None;
            self.fill = None;
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    /// A stroked and/or filled path in its own graphics state.
    fn path(&mut self, fill: Option<Color>, stroke: Option<(Color, crate::units::Pt)>, draw: Op) {
        self.end_text();
        self.ops.push(Op::SaveGraphicsState);
        if let Some(fill) = fill {
            self.ops.push(Op::SetFillColor { col: rgb(fill) });
        }
        if let Some((color, thickness)) = stroke {
            self.ops.push(Op::SetOutlineColor { col: rgb(color) });
            self.ops.push(Op::SetOutlineThickness {
                pt: pt(thickness.0),
            });
            self.ops.push(Op::SetLineCapStyle {
                cap: LineCapStyle::Butt,
            });
        }
        self.ops.push(draw);
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// One text matrix per run, then its glyphs as text stretches and glyph ids with
    /// offsets between them: an offset moves the pen from where the viewer would put the
    /// next glyph (by the font's `/W` width) back to where the layout put it. The pen is
    /// followed as the viewer follows it, so rounding never adds up along a line. Glyphs
    /// whose text the font's ToUnicode map cannot give are wrapped in `/ActualText` so
    /// that copying stays exact.
    fn text(&mut self, run: &GlyphRun, at: Point, fonts: &UsedFonts) {
        let Some(first) = run.glyphs.first() else {
            return;
        };
        self.begin_text();
        let font = (run.face.0, run.size.0.to_bits());
        if self.font != Some(font) {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(UsedFonts::font_id(run.face)),
                size: printpdf::Pt(run.size.0),
            });
            self.font = Some(font);
        }
        if self.fill != Some(run.color) {
            self.ops.push(Op::SetFillColor {
                col: rgb(run.color),
            });
            self.fill = Some(run.color);
        }
        let origin_x = hundredths(at.x.0 + first.x.0);
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Raw([
                1.0,
                0.0,
                0.0,
                1.0,
                origin_x,
                hundredths(self.height - at.y.0),
            ]),
        });

        let size = f64::from(run.size.0.max(0.01));
        // Where the viewer's pen is, in thousandths of an em from the text matrix.
        let mut pen = 0.0;
        let mut shown = Shown::default();
        let mut index = 0;
        while index < run.glyphs.len() {
            // A cluster: a glyph and the glyphs after it that carry no text of their own.
            let cluster_end = run.glyphs[index + 1..]
                .iter()
                .position(|g| !run.glyph_text(g).is_empty())
                .map_or(run.glyphs.len(), |offset| index + 1 + offset);
            let cluster = &run.glyphs[index..cluster_end];
            let pdf_glyph = |glyph: &crate::fonts::Glyph| {
                fonts.glyph(run.face, glyph.id, run.glyph_text(glyph))
            };
            // A cluster drawn with several glyphs (a Tamil vowel sign drawn before its
            // consonant, a conjunct) copies as its text only when spelt out: no glyph by
            // itself stands for its characters, and readers space glyphs without text apart.
            let faithful =
                cluster.len() == 1 && cluster.iter().all(|glyph| pdf_glyph(glyph).faithful);
            let mut quoted = Shown::default();
            let target = if faithful { &mut shown } else { &mut quoted };
            for (offset, glyph) in cluster.iter().enumerate() {
                let pdf_glyph = pdf_glyph(glyph);
                // A glyph that is its character's own glyph goes as text, which printpdf
                // writes as one string per stretch; any other goes by its id, with its
                // ToUnicode text.
                match pdf_glyph.character {
                    Some(character) if faithful && cluster.len() == 1 => {
                        target.character(character)
                    }
                    _ => target.glyph(pdf_glyph.id, pdf_glyph.mapped),
                }
                pen += f64::from(run.face.pdf_width(glyph.id));
                if let Some(next) = run.glyphs.get(index + offset + 1) {
                    let wanted = pen - f64::from(at.x.0 + next.x.0 - origin_x) * 1000.0 / size;
                    // The font's `/W` widths are whole thousandths, so the pen drifts from
                    // the layout by under a thousandth per glyph. It is corrected once the
                    // drift reaches DRIFT_LIMIT (a fiftieth of a point at 10 pt, far below
                    // what a reader can see); every correction is one more number for
                    // printpdf to write, and the file is smaller and faster without them.
                    if wanted.abs() >= DRIFT_LIMIT {
                        let kern = ((wanted * 100.0).round() / 100.0) as f32;
                        pen -= f64::from(kern);
                        target.items.push(TextItem::Offset(kern));
                    }
                }
            }
            if !faithful {
                self.show(&mut shown);
                self.ops.push(Op::BeginMarkedContentWithProperties {
                    tag: "Span".to_owned(),
                    properties: DictItem::Dict {
                        map: BTreeMap::from([(
                            "ActualText".to_owned(),
                            text_string(run.glyph_text(&cluster[0])),
                        )]),
                    },
                });
                self.show(&mut quoted);
                self.ops.push(Op::EndMarkedContent);
            }
            index = cluster_end;
        }
        self.show(&mut shown);
    }

    /// Shows what was gathered so far, if anything, as one `ShowText`.
    fn show(&mut self, shown: &mut Shown) {
        if !shown.items.is_empty() {
            self.ops.push(Op::ShowText {
                items: std::mem::take(&mut shown.items),
            });
        }
    }
}

/// The items of one `ShowText`, gathered glyph by glyph: stretches of text, glyph ids and
/// the offsets between them.
#[derive(Default)]
struct Shown {
    items: Vec<TextItem>,
}

impl Shown {
    fn character(&mut self, character: char) {
        match self.items.last_mut() {
            Some(TextItem::Text(text)) => text.push(character),
            _ => self.items.push(TextItem::Text(character.to_string())),
        }
    }

    fn glyph(&mut self, id: u16, text: &str) {
        let codepoint = Codepoint {
            gid: id,
            offset: 0.0,
            cid: Some(text.to_owned()),
        };
        match self.items.last_mut() {
            Some(TextItem::GlyphIds(glyphs)) => glyphs.push(codepoint),
            _ => self.items.push(TextItem::GlyphIds(vec![codepoint])),
        }
    }
}
