//! Page content streams, written straight to bytes: text as one `TJ` array per glyph run,
//! rules and boxes as paths. Numbers are written with at most two decimals.
//!
//! This is the only place where the y axis flips (PDF measures from the bottom).

use super::fonts::{PdfGlyph, UsedFonts};
use crate::layout::{Color, GlyphRun, Item, Page};
use crate::units::{Point, Pt};

/// The content stream of `page`.
pub fn page_content(page: &Page, fonts: &UsedFonts) -> Vec<u8> {
    let mut writer = ContentWriter {
        out: Vec::with_capacity(4096),
        height: page.size.height,
        in_text: false,
        font: None,
        fill: None,
        cluster: Vec::new(),
    };
    for positioned in &page.items {
        let at = positioned.at;
        match &positioned.item {
            Item::Text(run) => writer.text(run, at, fonts),
            Item::Rect { size, fill, stroke } => {
                let bottom_left = Point::new(at.x, at.y + size.height);
                let path = |w: &mut ContentWriter| {
                    w.point(bottom_left);
                    w.number(size.width.0);
                    w.number(size.height.0);
                    w.op("re");
                };
                writer.path(*fill, *stroke, path);
            }
            Item::Rule {
                to,
                thickness,
                color,
            } => {
                let end = Point::new(at.x + to.x, at.y + to.y);
                writer.path(None, Some((*color, *thickness)), |w| {
                    w.point(at);
                    w.op("m");
                    w.point(end);
                    w.op("l");
                });
            }
            // Links are annotations, not content.
            Item::Link { .. } => {}
        }
    }
    writer.end_text();
    writer.out
}

struct ContentWriter {
    out: Vec<u8>,
    height: Pt,
    in_text: bool,
    /// The font and size set in the current text object.
    font: Option<(u16, u32)>,
    /// The fill colour in force inside the current text object.
    fill: Option<Color>,
    /// The glyphs of the cluster being written, kept to reuse the allocation.
    cluster: Vec<PdfGlyph>,
}

impl ContentWriter {
    fn op(&mut self, operator: &str) {
        self.out.extend_from_slice(operator.as_bytes());
        self.out.push(b'\n');
    }

    /// Writes `value` rounded to two decimals, then a space.
    fn number(&mut self, value: f32) {
        write_number(&mut self.out, value);
        self.out.push(b' ');
    }

    /// A point in PDF coordinates.
    fn point(&mut self, p: Point) {
        self.number(p.x.0);
        self.number((self.height - p.y).0);
    }

    fn color(&mut self, color: Color, operator: &str) {
        for channel in [color.r, color.g, color.b] {
            self.number(f32::from(channel) / 255.0);
        }
        self.op(operator);
    }

    fn begin_text(&mut self) {
        if !self.in_text {
            self.op("BT");
            self.in_text = true;
            self.font = None;
            self.fill = None;
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.op("ET");
            self.in_text = false;
        }
    }

    /// A stroked and/or filled path in its own graphics state.
    fn path(
        &mut self,
        fill: Option<Color>,
        stroke: Option<(Color, Pt)>,
        draw: impl FnOnce(&mut Self),
    ) {
        let operator = match (fill, stroke) {
            (Some(_), Some(_)) => "B",
            (Some(_), None) => "f",
            (None, Some(_)) => "S",
            (None, None) => return,
        };
        self.end_text();
        self.op("q");
        if let Some(fill) = fill {
            self.color(fill, "rg");
        }
        if let Some((color, thickness)) = stroke {
            self.color(color, "RG");
            self.number(thickness.0);
            self.op("w");
        }
        draw(self);
        self.op(operator);
        self.op("Q");
    }

    /// One text matrix per run and one `TJ` array: after each glyph, a spacing number
    /// moves the pen from where the viewer would put the next glyph (by the font's `/W`
    /// width) to exactly where the layout put it. Glyphs whose text the font's ToUnicode
    /// map cannot give are wrapped in `/ActualText` so that copying text stays exact.
    fn text(&mut self, run: &GlyphRun, at: Point, fonts: &UsedFonts) {
        let Some(first) = run.glyphs.first() else {
            return;
        };
        self.begin_text();
        let font = (run.face.0, run.size.0.to_bits());
        if self.font != Some(font) {
            self.out.push(b'/');
            self.out
                .extend_from_slice(UsedFonts::resource_name(run.face).as_bytes());
            self.out.push(b' ');
            self.number(run.size.0);
            self.op("Tf");
            self.font = Some(font);
        }
        if self.fill != Some(run.color) {
            self.color(run.color, "rg");
            self.fill = Some(run.color);
        }
        self.out.extend_from_slice(b"1 0 0 1 ");
        self.point(Point::new(at.x + first.x, at.y));
        self.op("Tm");

        let size = run.size.0.max(0.01);
        let mut in_array = false;
        let mut in_hex = false;
        let mut index = 0;
        while index < run.glyphs.len() {
            // A cluster: a glyph and the glyphs after it that carry no text of their own.
            let cluster_end = run.glyphs[index + 1..]
                .iter()
                .position(|g| !run.glyph_text(g).is_empty())
                .map_or(run.glyphs.len(), |offset| index + 1 + offset);
            let cluster = &run.glyphs[index..cluster_end];
            let mut pdf_glyphs = std::mem::take(&mut self.cluster);
            pdf_glyphs.clear();
            pdf_glyphs.extend(
                cluster
                    .iter()
                    .map(|g| fonts.glyph(run.face, g.id, run.glyph_text(g))),
            );
            let faithful = pdf_glyphs.iter().all(|g| g.faithful);
            if !faithful {
                if in_hex {
                    self.out.push(b'>');
                    in_hex = false;
                }
                if in_array {
                    self.op("]TJ");
                    in_array = false;
                }
                self.out.extend_from_slice(b"/Span<</ActualText");
                write_text_string(&mut self.out, run.glyph_text(&cluster[0]));
                self.op(">>BDC");
            }
            for (offset, (glyph, pdf_glyph)) in cluster.iter().zip(&pdf_glyphs).enumerate() {
                if !in_array {
                    self.out.push(b'[');
                    in_array = true;
                }
                if !in_hex {
                    self.out.push(b'<');
                    in_hex = true;
                }
                write_hex_u16(&mut self.out, pdf_glyph.id);
                let next = run.glyphs.get(index + offset + 1);
                if let Some(next) = next {
                    let adjust =
                        run.face.pdf_width(glyph.id) - (next.x - glyph.x).0 * 1000.0 / size;
                    // Sub-thousandth corrections are invisible and only make the file bigger.
                    if adjust.abs() >= 0.05 {
                        self.out.push(b'>');
                        in_hex = false;
                        write_number(&mut self.out, adjust);
                    }
                }
            }
            if !faithful {
                if in_hex {
                    self.out.push(b'>');
                    in_hex = false;
                }
                self.op("]TJ");
                in_array = false;
                self.op("EMC");
            }
            self.cluster = pdf_glyphs;
            index = cluster_end;
        }
        if in_hex {
            self.out.push(b'>');
        }
        if in_array {
            self.op("]TJ");
        }
    }
}

/// `value` with at most two decimals and no trailing zeros, without going through `fmt`.
fn write_number(out: &mut Vec<u8>, value: f32) {
    let hundredths = (f64::from(value) * 100.0).round();
    if !hundredths.is_finite() || hundredths.abs() >= 1e15 {
        out.push(b'0');
        return;
    }
    let mut hundredths = hundredths as i64;
    if hundredths < 0 {
        out.push(b'-');
        hundredths = -hundredths;
    }
    write_integer(out, (hundredths / 100) as u64);
    let fraction = hundredths % 100;
    if fraction != 0 {
        out.push(b'.');
        out.push(b'0' + (fraction / 10) as u8);
        if fraction % 10 != 0 {
            out.push(b'0' + (fraction % 10) as u8);
        }
    }
}

fn write_integer(out: &mut Vec<u8>, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (value % 10) as u8;
        len += 1;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.extend(digits[..len].iter().rev());
}

fn write_hex_u16(out: &mut Vec<u8>, value: u16) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for shift in [12, 8, 4, 0] {
        out.push(HEX[usize::from((value >> shift) & 0xf)]);
    }
}

/// A UTF-16BE text string in hex, as `/ActualText` wants it.
fn write_text_string(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(b"<FEFF");
    for unit in text.encode_utf16() {
        write_hex_u16(out, unit);
    }
    out.push(b'>');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(value: f32) -> String {
        let mut out = Vec::new();
        write_number(&mut out, value);
        String::from_utf8(out).expect("ascii")
    }

    #[test]
    fn numbers_are_short_and_exact_to_a_hundredth() {
        assert_eq!(number(0.0), "0");
        assert_eq!(number(12.0), "12");
        assert_eq!(number(-3.5), "-3.5");
        assert_eq!(number(841.8898), "841.89");
        assert_eq!(number(0.004), "0");
        assert_eq!(number(-0.004), "0");
        assert_eq!(number(1.05), "1.05");
        assert_eq!(number(f32::NAN), "0");
    }
}
