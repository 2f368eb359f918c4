//! The faces a layout uses, subset with the `subsetter` crate and handed to printpdf
//! ready-made.
//!
//! printpdf can subset fonts itself, but that path parses and subsets each face with
//! allsorts on every save (about 2.5 ms a page in all, measured before this writer).
//! Here the subset is made once per export and given to printpdf as a `ParsedFont`
//! whose bytes are already the subset, with printpdf's own subsetting off: printpdf
//! then writes the font program, the `/W` widths and the ToUnicode map from it.
//!
//! Glyph ids are renumbered 1, 2, 3… in order of first use, so the content addresses
//! glyphs by their new id and the same document always gets the same numbering.

use std::collections::BTreeMap;

use printpdf::{FontId, FontMetrics, FontType, ParsedFont, PdfFont, PdfFontMetricsStub};
use skrifa::MetadataProvider;
use skrifa::raw::TableProvider;

use super::PdfError;
use crate::fonts::{FACES, FaceId};
use crate::layout::{Item, Laid};

/// Every face used by a layout, with its glyphs renumbered and their text.
pub struct UsedFonts {
    /// Indexed by face; `None` for faces the layout does not use.
    faces: Vec<Option<FaceUse>>,
}

struct FaceUse {
    /// New glyph id by old glyph id; 0 where the glyph is unused.
    new_ids: Vec<u16>,
    remapper: subsetter::GlyphRemapper,
    /// The text each new glyph id extracts as (its ToUnicode entry): the first text it
    /// was seen with alone; for a glyph only ever seen inside a cluster of several, the
    /// character the font maps to it (see [`FaceUse::map_cluster_glyphs`]).
    to_unicode: Vec<Option<Box<str>>>,
    /// By new glyph id: whether `to_unicode` came from the glyph drawn alone.
    seen_alone: Vec<bool>,
    /// The character each new glyph id stands for in the font's character map, where
    /// its text is one character that no other glyph claimed first.
    characters: Vec<Option<char>>,
    /// Some text has no glyph in the face and shows the "missing glyph" box.
    uses_notdef: bool,
}

/// A glyph as the content writes it.
pub struct PdfGlyph<'a> {
    pub id: u16,
    /// The glyph's ToUnicode text, which printpdf writes into the font's map.
    pub mapped: &'a str,
    /// Whether the ToUnicode text is this glyph's own text; when not, the content spells
    /// the text out with `/ActualText`.
    pub faithful: bool,
    /// The character that printpdf's text path turns into this glyph, if any.
    pub character: Option<char>,
}

impl UsedFonts {
    /// Collects every glyph on every page, in page order.
    pub fn collect(laid: &Laid) -> Self {
        let mut faces: Vec<Option<FaceUse>> = FACES.iter().map(|_| None).collect();
        for page in &laid.pages {
            for positioned in &page.items {
                let Item::Text(run) = &positioned.item else {
                    continue;
                };
                let Some(slot) = faces.get_mut(usize::from(run.face.0)) else {
                    continue;
                };
                let face_use = slot.get_or_insert_with(|| FaceUse::new(run.face));
                let mut glyphs = run.glyphs.iter().peekable();
                while let Some(glyph) = glyphs.next() {
                    // Alone: the only glyph of its cluster (the next glyph has text of its own).
                    let alone = glyphs
                        .peek()
                        .is_none_or(|next| !run.glyph_text(next).is_empty());
                    face_use.add(glyph.id, run.glyph_text(glyph), alone);
                }
            }
        }
        for (index, face_use) in faces.iter_mut().enumerate() {
            if let Some(face_use) = face_use {
                face_use.map_cluster_glyphs(FaceId(index as u16));
                face_use.claim_characters();
            }
        }
        UsedFonts { faces }
    }

    /// printpdf's font id (and resource name) for a face, such as `F0`.
    pub fn font_id(face: FaceId) -> FontId {
        FontId(format!("F{}", face.0))
    }

    /// The new id of a glyph, its ToUnicode text and whether that is its own text.
    pub fn glyph(&self, face: FaceId, old_id: u16, text: &str) -> PdfGlyph<'_> {
        let Some(Some(face_use)) = self.faces.get(usize::from(face.0)) else {
            return PdfGlyph {
                id: 0,
                mapped: "",
                faithful: text.is_empty(),
                character: None,
            };
        };
        let id = face_use
            .new_ids
            .get(usize::from(old_id))
            .copied()
            .unwrap_or(0);
        let mapped = face_use
            .to_unicode
            .get(usize::from(id))
            .and_then(Option::as_deref)
            .unwrap_or("");
        PdfGlyph {
            id,
            mapped,
            faithful: mapped == text,
            character: face_use.characters.get(usize::from(id)).copied().flatten(),
        }
    }

    /// A page that shows every used glyph of every face once, each with its ToUnicode
    /// text, so that a document holding part of the pages gets the widths and maps of
    /// all of them. It is never saved: see `write` and `finish::graft`.
    pub fn inventory_page(&self) -> printpdf::PdfPage {
        let mut ops = vec![printpdf::Op::StartTextSection];
        for (index, face_use) in self.faces.iter().enumerate() {
            let Some(face_use) = face_use else { continue };
            ops.push(printpdf::Op::SetFont {
                font: printpdf::PdfFontHandle::External(Self::font_id(FaceId(index as u16))),
                size: printpdf::Pt(1.0),
            });
            let first = if face_use.uses_notdef { 0 } else { 1 };
            let glyphs = (first..face_use.to_unicode.len())
                .map(|id| printpdf::Codepoint {
                    gid: id as u16,
                    offset: 0.0,
                    cid: Some(face_use.to_unicode[id].as_deref().unwrap_or("").to_owned()),
                })
                .collect();
            ops.push(printpdf::Op::ShowText {
                items: vec![printpdf::TextItem::GlyphIds(glyphs)],
            });
        }
        ops.push(printpdf::Op::EndTextSection);
        let size = printpdf::Rect::from_wh(printpdf::Pt(1.0), printpdf::Pt(1.0));
        printpdf::PdfPage {
            media_box: size.clone(),
            trim_box: size.clone(),
            crop_box: size,
            ops,
        }
    }

    /// Subsets every used face and adds it to printpdf's font resources under its id.
    pub fn add_to(&self, document: &mut printpdf::PdfDocument) -> Result<(), PdfError> {
        for (index, face_use) in self.faces.iter().enumerate() {
            let Some(face_use) = face_use else { continue };
            let face = FaceId(index as u16);
            let font = face_use.parsed_subset(face)?;
            document
                .resources
                .fonts
                .map
                .insert(Self::font_id(face), PdfFont::new(font));
        }
        Ok(())
    }
}

impl FaceUse {
    fn new(face: FaceId) -> Self {
        let glyph_count = skrifa::FontRef::new(face.face().bytes)
            .map(|font| {
                let unscaled = skrifa::instance::Size::unscaled();
                usize::from(
                    font.metrics(unscaled, skrifa::instance::LocationRef::default())
                        .glyph_count,
                )
            })
            .unwrap_or(0);
        FaceUse {
            new_ids: vec![0; glyph_count],
            remapper: subsetter::GlyphRemapper::new(),
            to_unicode: vec![None],
            seen_alone: vec![false],
            characters: Vec::new(),
            uses_notdef: false,
        }
    }

    /// Gives each one-character text to the first glyph that has it, so that printpdf
    /// can write runs of those glyphs as text through the font's character map.
    fn claim_characters(&mut self) {
        let mut claimed = std::collections::HashSet::new();
        self.characters = self
            .to_unicode
            .iter()
            .map(|text| {
                let mut chars = text.as_deref()?.chars();
                let character = chars.next()?;
                (chars.next().is_none() && claimed.insert(character)).then_some(character)
            })
            .collect();
    }

    fn add(&mut self, old_id: u16, text: &str, alone: bool) {
        self.uses_notdef |= old_id == 0;
        let Some(slot) = self.new_ids.get_mut(usize::from(old_id)) else {
            return;
        };
        if *slot == 0 && old_id != 0 {
            *slot = self.remapper.remap(old_id);
            self.to_unicode.push(None);
            self.seen_alone.push(false);
        }
        let id = usize::from(*slot);
        let (Some(mapping), Some(seen_alone)) =
            (self.to_unicode.get_mut(id), self.seen_alone.get_mut(id))
        else {
            return;
        };
        if !text.is_empty() && (mapping.is_none() || (alone && !*seen_alone)) {
            *mapping = Some(text.into());
            *seen_alone = alone;
        }
    }

    /// Glyphs only ever drawn inside a cluster of several (a Tamil vowel sign, the parts
    /// of a conjunct) extract as the character the font maps to them, when it maps one:
    /// the content spells such clusters out with `/ActualText`, and a reader that ignores
    /// it then still finds each glyph's own letter rather than nothing or the whole
    /// cluster twice.
    fn map_cluster_glyphs(&mut self, face: FaceId) {
        use skrifa::MetadataProvider;
        let wanted: Vec<(usize, u16)> = self
            .remapper
            .remapped_gids()
            .enumerate()
            .filter(|(new, old)| *old != 0 && !self.seen_alone.get(*new).copied().unwrap_or(true))
            .collect();
        if wanted.is_empty() {
            return;
        }
        let Ok(font) = skrifa::FontRef::new(face.face().bytes) else {
            return;
        };
        let mut natural: std::collections::HashMap<u16, char> =
            wanted.iter().map(|(_, old)| (*old, '\0')).collect();
        for (code, glyph) in font.charmap().mappings() {
            if let (Ok(glyph), Some(c)) = (u16::try_from(glyph.to_u32()), char::from_u32(code))
                && let Some(slot) = natural.get_mut(&glyph)
                && *slot == '\0'
            {
                *slot = c;
            }
        }
        for (new, old) in wanted {
            if let Some(&c) = natural.get(&old).filter(|c| **c != '\0')
                && let Some(mapping) = self.to_unicode.get_mut(new)
            {
                *mapping = Some(c.to_string().into());
            }
        }
    }

    /// The subset face as printpdf takes it: the subset's bytes, its advance widths by
    /// new glyph id, and the metrics its font descriptor needs.
    fn parsed_subset(&self, face: FaceId) -> Result<ParsedFont, PdfError> {
        let info = face.face();
        let subset = subsetter::subset(info.bytes, 0, &self.remapper)
            .map_err(|_| PdfError::Font(info.name))?;
        let font = skrifa::FontRef::new(info.bytes).map_err(|_| PdfError::Font(info.name))?;
        let location = skrifa::instance::LocationRef::default();
        let unscaled = skrifa::instance::Size::unscaled();
        let metrics = font.metrics(unscaled, location);
        let advances = font.glyph_metrics(unscaled, location);
        let glyph_widths: BTreeMap<u16, u16> = self
            .remapper
            .remapped_gids()
            .enumerate()
            .map(|(new, old)| {
                let advance = advances
                    .advance_width(skrifa::GlyphId::new(u32::from(old)))
                    .unwrap_or(0.0);
                (
                    new as u16,
                    advance.round().clamp(0.0, f32::from(u16::MAX)) as u16,
                )
            })
            .collect();
        let bounds = metrics.bounds.unwrap_or_default();
        let whole = |value: f32| value.round() as i16;
        let hhea = font.hhea().ok();
        let weight = font.os2().map(|os2| os2.us_weight_class()).unwrap_or(0);
        Ok(ParsedFont {
            original_bytes: subset,
            font_index: 0,
            font_name: Some(format!("{}+{}", self.subset_tag(), info.name)),
            codepoint_to_glyph: self
                .characters
                .iter()
                .enumerate()
                .filter_map(|(id, c)| Some((u32::from((*c)?), id as u16)))
                .collect(),
            glyph_widths,
            units_per_em: metrics.units_per_em,
            font_metrics: FontMetrics {
                ascent: whole(metrics.ascent),
                descent: whole(metrics.descent),
            },
            font_type: FontType::TrueType,
            pdf_font_metrics: PdfFontMetricsStub {
                units_per_em: metrics.units_per_em,
                x_min: whole(bounds.x_min),
                y_min: whole(bounds.y_min),
                x_max: whole(bounds.x_max),
                y_max: whole(bounds.y_max),
                caret_slope_rise: hhea.as_ref().map_or(1, |h| h.caret_slope_rise()),
                caret_slope_run: hhea.as_ref().map_or(0, |h| h.caret_slope_run()),
                us_weight_class: weight,
            },
        })
    }

    /// Six capital letters that depend only on the glyphs in the subset, as PDF asks.
    fn subset_tag(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for glyph in self.remapper.remapped_gids() {
            for byte in glyph.to_be_bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        (0..6)
            .map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8))
            .collect()
    }
}
