//! Embedding the faces a layout uses: subset TrueType (with the `subsetter` crate) as
//! Type0/Identity-H fonts, `/W` widths and a ToUnicode map built from each glyph's text.
//!
//! Glyph ids are renumbered 1, 2, 3… in order of first use, so the content streams address
//! glyphs by their new id and the same document always gets the same numbering.

use lopdf::{Dictionary, Object, ObjectId, Stream, dictionary};
use skrifa::MetadataProvider;

use super::{PdfError, deflated};
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
    /// The text each new glyph id extracts as: the first text it was seen with.
    to_unicode: Vec<Option<Box<str>>>,
}

/// A glyph as the content stream writes it.
pub struct PdfGlyph {
    pub id: u16,
    /// Whether the font's ToUnicode map gives this glyph's own text; when not, the
    /// content stream spells the text out with `/ActualText`.
    pub faithful: bool,
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
                for glyph in run.glyphs.iter() {
                    face_use.add(glyph.id, run.glyph_text(glyph));
                }
            }
        }
        UsedFonts { faces }
    }

    /// The resource name of a face, such as `F0`.
    pub fn resource_name(face: FaceId) -> String {
        format!("F{}", face.0)
    }

    /// The new id of a glyph and whether its ToUnicode entry is its own text.
    pub fn glyph(&self, face: FaceId, old_id: u16, text: &str) -> PdfGlyph {
        let Some(Some(face_use)) = self.faces.get(usize::from(face.0)) else {
            return PdfGlyph {
                id: 0,
                faithful: text.is_empty(),
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
            .and_then(Option::as_deref);
        PdfGlyph {
            id,
            faithful: mapped.unwrap_or("") == text,
        }
    }

    /// Writes the fonts into `document` and returns the font resource dictionary.
    pub fn embed(&self, document: &mut lopdf::Document) -> Result<Dictionary, PdfError> {
        let mut resources = Dictionary::new();
        for (index, face_use) in self.faces.iter().enumerate() {
            let Some(face_use) = face_use else { continue };
            let face = FaceId(index as u16);
            let font = face_use.embed(face, document)?;
            resources.set(Self::resource_name(face), Object::Reference(font));
        }
        Ok(resources)
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
        }
    }

    fn add(&mut self, old_id: u16, text: &str) {
        let Some(slot) = self.new_ids.get_mut(usize::from(old_id)) else {
            return;
        };
        if *slot == 0 && old_id != 0 {
            *slot = self.remapper.remap(old_id);
            self.to_unicode.push(None);
        }
        if let Some(mapping) = self.to_unicode.get_mut(usize::from(*slot))
            && mapping.is_none()
            && !text.is_empty()
        {
            *mapping = Some(text.into());
        }
    }

    /// Adds the subset font file, its descriptor, the CID font, the ToUnicode map and
    /// the Type0 font, and returns the Type0 font's id.
    fn embed(&self, face: FaceId, document: &mut lopdf::Document) -> Result<ObjectId, PdfError> {
        let bytes = face.face().bytes;
        let name = face.face().name;
        let subset =
            subsetter::subset(bytes, 0, &self.remapper).map_err(|_| PdfError::Font(name))?;
        let font = skrifa::FontRef::new(bytes).map_err(|_| PdfError::Font(name))?;
        let base_font = format!("{}+{name}", self.subset_tag());

        let mut file = Stream::new(
            dictionary! { "Length1" => subset.len() as i64 },
            deflated(&subset),
        );
        file.dict.set("Filter", "FlateDecode");
        let file_id = document.add_object(file);
        let descriptor_id = document.add_object(descriptor(face, &font, &base_font, file_id));

        let widths: Vec<Object> = self
            .remapper
            .remapped_gids()
            .skip(1)
            .map(|old| Object::Integer(face.pdf_width(old) as i64))
            .collect();
        let cid_font = dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "BaseFont" => Object::Name(base_font.clone().into_bytes()),
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor_id,
            "DW" => 0,
            "W" => vec![Object::Integer(1), Object::Array(widths)],
            "CIDToGIDMap" => "Identity",
        };
        let cid_font_id = document.add_object(cid_font);
        let mut cmap = Stream::new(Dictionary::new(), self.to_unicode_cmap());
        cmap.dict.set("Filter", "FlateDecode");
        cmap.set_content(deflated(&cmap.content));
        let cmap_id = document.add_object(cmap);
        Ok(document.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => Object::Name(base_font.into_bytes()),
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Reference(cid_font_id)],
            "ToUnicode" => cmap_id,
        }))
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

    /// A ToUnicode CMap from new glyph ids to UTF-16BE text.
    fn to_unicode_cmap(&self) -> Vec<u8> {
        use std::fmt::Write;
        let mut entries: Vec<String> = Vec::new();
        for (id, text) in self.to_unicode.iter().enumerate() {
            let Some(text) = text else { continue };
            let mut entry = format!("<{id:04X}> <");
            for unit in text.encode_utf16() {
                let _ = write!(entry, "{unit:04X}");
            }
            entry.push('>');
            entries.push(entry);
        }
        let mut cmap = String::from(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
             /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
             1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        for chunk in entries.chunks(100) {
            let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
            for entry in chunk {
                cmap.push_str(entry);
                cmap.push('\n');
            }
            cmap.push_str("endbfchar\n");
        }
        cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        cmap.into_bytes()
    }
}

/// The font descriptor: metrics in thousandths of an em, from the font's own tables.
fn descriptor(
    face: FaceId,
    font: &skrifa::FontRef<'_>,
    base_font: &str,
    file_id: ObjectId,
) -> Dictionary {
    let metrics = font.metrics(
        skrifa::instance::Size::unscaled(),
        skrifa::instance::LocationRef::default(),
    );
    let scale = 1000.0 / f32::from(metrics.units_per_em.max(1));
    let thousandths = |v: f32| Object::Integer((v * scale).round() as i64);
    let bounds = metrics.bounds.unwrap_or_default();
    let info = face.face();
    // Non-symbolic, plus serif and italic where they apply.
    let flags =
        32 | if info.family.contains("Serif") { 2 } else { 0 } | if info.italic { 64 } else { 0 };
    let stem_v = if info.bold { 140 } else { 80 };
    dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(base_font.as_bytes().to_vec()),
        "Flags" => flags,
        "FontBBox" => vec![
            thousandths(bounds.x_min),
            thousandths(bounds.y_min),
            thousandths(bounds.x_max),
            thousandths(bounds.y_max),
        ],
        "ItalicAngle" => Object::Real(metrics.italic_angle),
        "Ascent" => thousandths(metrics.ascent),
        "Descent" => thousandths(metrics.descent),
        "CapHeight" => thousandths(metrics.cap_height.unwrap_or(metrics.ascent)),
        "StemV" => stem_v,
        "FontFile2" => file_id,
    }
}
