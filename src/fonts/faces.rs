//! The font files bundled in `assets/fonts/`, with their family and style.

use std::sync::OnceLock;

/// Index of a face in [`FACES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FaceId(pub u16);

/// One bundled font file.
#[derive(Debug)]
pub struct Face {
    pub family: &'static str,
    pub bold: bool,
    pub italic: bool,
    /// PostScript-style name used in PDF resource names and messages.
    pub name: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! face {
    ($family:literal, $bold:literal, $italic:literal, $file:literal) => {
        face!($family, $bold, $italic, "noto", $file)
    };
    ($family:literal, $bold:literal, $italic:literal, $dir:literal, $file:literal) => {
        Face {
            family: $family,
            bold: $bold,
            italic: $italic,
            name: $file,
            bytes: include_bytes!(concat!("../../assets/fonts/", $dir, "/", $file, ".ttf")),
        }
    };
}

/// Every bundled face. Order matters: a [`FaceId`] is an index into this list.
///
/// The faces after the two body families are fallbacks, named by templates for the
/// scripts and symbols the body fonts lack (see [`super::FontFallback`]). They live in
/// the executable, so the same brief gives the same PDF on every machine, but the
/// typesetter registers a family only when a paragraph needs it: a page of Latin text
/// never reads a byte of the 4 MB CJK font.
pub static FACES: [Face; 15] = [
    face!("Noto Sans", false, false, "NotoSans-Regular"),
    face!("Noto Sans", true, false, "NotoSans-Bold"),
    face!("Noto Sans", false, true, "NotoSans-Italic"),
    face!("Noto Sans", true, true, "NotoSans-BoldItalic"),
    face!("Noto Serif", false, false, "NotoSerif-Regular"),
    face!("Noto Serif", true, false, "NotoSerif-Bold"),
    face!("Noto Serif", false, true, "NotoSerif-Italic"),
    face!("Noto Serif", true, true, "NotoSerif-BoldItalic"),
    face!("Noto Naskh Arabic", false, false, "NotoNaskhArabic-Regular"),
    face!("Noto Sans Tamil", false, false, "NotoSansTamil-Regular"),
    face!("Noto Sans Tamil", true, false, "NotoSansTamil-Bold"),
    face!("Noto Sans Math", false, false, "NotoSansMath-Regular"),
    face!("Noto Sans Symbols", false, false, "NotoSansSymbols-Regular"),
    face!(
        "Noto Sans Symbols2",
        false,
        false,
        "NotoSansSymbols2-Regular"
    ),
    face!(
        "Droid Sans Fallback",
        false,
        false,
        "droid",
        "DroidSansFallback"
    ),
];

/// Families the typesetter registers up front: the body fonts templates choose from.
pub const BODY_FAMILIES: [&str; 2] = ["Noto Sans", "Noto Serif"];

/// Family used when a template names a family that is not bundled.
pub const DEFAULT_FAMILY: &str = "Noto Sans";

/// The face of `family` closest to the requested style.
pub fn find_face(family: &str, bold: bool, italic: bool) -> Option<FaceId> {
    let candidates = || {
        FACES
            .iter()
            .enumerate()
            .filter(|(_, f)| f.family.eq_ignore_ascii_case(family))
    };
    candidates()
        .find(|(_, f)| f.bold == bold && f.italic == italic)
        .or_else(|| candidates().next())
        .map(|(i, _)| FaceId(i as u16))
}

impl FaceId {
    /// The face this id names.
    pub fn face(self) -> &'static Face {
        &FACES[usize::from(self.0)]
    }

    /// Every bundled face's id.
    pub fn all() -> impl Iterator<Item = FaceId> {
        (0..FACES.len()).map(|i| FaceId(i as u16))
    }

    /// Whether the face's character map has `c` itself (not only its decomposition).
    pub fn maps(self, c: char) -> bool {
        use skrifa::MetadataProvider;
        skrifa::FontRef::new(self.face().bytes).is_ok_and(|font| font.charmap().map(c).is_some())
    }

    /// Font units per em.
    pub fn units_per_em(self) -> u16 {
        self.metrics().units_per_em
    }

    /// A glyph's advance as PDF writes it in the font's `/W` array: thousandths of an em,
    /// truncated to a whole number. Text positioning must use these same numbers.
    pub fn pdf_width(self, glyph: u16) -> f32 {
        self.metrics()
            .pdf_widths
            .get(usize::from(glyph))
            .map_or(0.0, |w| f32::from(*w))
    }

    /// The face's metrics, read the first time they are asked for: a brief that never
    /// uses a face never pays for reading it.
    fn metrics(self) -> &'static FaceMetrics {
        static METRICS: [OnceLock<FaceMetrics>; FACES.len()] =
            [const { OnceLock::new() }; FACES.len()];
        METRICS[usize::from(self.0)].get_or_init(|| FaceMetrics::read(self.face().bytes))
    }
}

/// What the PDF writer and the rasterizer need of a face besides its outlines.
struct FaceMetrics {
    units_per_em: u16,
    /// Advance of each glyph in thousandths of an em, truncated.
    pdf_widths: Vec<u16>,
}

impl FaceMetrics {
    fn read(bytes: &[u8]) -> FaceMetrics {
        use skrifa::MetadataProvider;
        let Ok(font) = skrifa::FontRef::new(bytes) else {
            return FaceMetrics {
                units_per_em: 1000,
                pdf_widths: Vec::new(),
            };
        };
        let location = skrifa::instance::LocationRef::default();
        let font_metrics = font.metrics(skrifa::instance::Size::unscaled(), location);
        let units = f32::from(font_metrics.units_per_em.max(1));
        let glyphs = font.glyph_metrics(skrifa::instance::Size::unscaled(), location);
        let pdf_widths = (0..font_metrics.glyph_count)
            .map(|g| {
                let advance = glyphs
                    .advance_width(skrifa::GlyphId::new(u32::from(g)))
                    .unwrap_or(0.0);
                (advance * 1000.0 / units) as u16
            })
            .collect();
        FaceMetrics {
            units_per_em: font_metrics.units_per_em,
            pdf_widths,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skrifa::MetadataProvider;

    #[test]
    fn every_face_parses_and_covers_kazakh() {
        let kazakh = "ӘәҒғҚқҢңӨөҰұҮүҺһІі₸“”‘’–—";
        for face in FACES.iter().filter(|f| BODY_FAMILIES.contains(&f.family)) {
            let font = skrifa::FontRef::new(face.bytes).expect("bundled font parses");
            let charmap = font.charmap();
            let missing: String = kazakh
                .chars()
                .filter(|c| charmap.map(*c).is_none())
                .collect();
            assert!(missing.is_empty(), "{} lacks {missing}", face.name);
        }
    }

    #[test]
    fn each_face_is_listed_under_the_family_its_name_table_gives() {
        for face in &FACES {
            let font = skrifa::FontRef::new(face.bytes).expect("bundled font parses");
            let family = font
                .localized_strings(skrifa::string::StringId::FAMILY_NAME)
                .english_or_first()
                .map(|name| name.to_string());
            assert_eq!(family.as_deref(), Some(face.family), "{}", face.name);
        }
    }

    #[test]
    fn styles_are_found() {
        assert_eq!(
            find_face("Noto Serif", true, true).map(|f| f.face().name),
            Some("NotoSerif-BoldItalic")
        );
        assert_eq!(
            find_face("noto sans", false, false).map(|f| f.face().name),
            Some("NotoSans-Regular")
        );
        assert_eq!(
            find_face("Noto Naskh Arabic", true, false).map(|f| f.face().name),
            Some("NotoNaskhArabic-Regular")
        );
        assert_eq!(find_face("Comic Sans", false, false), None);
    }
}
