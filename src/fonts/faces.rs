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
        Face {
            family: $family,
            bold: $bold,
            italic: $italic,
            name: $file,
            bytes: include_bytes!(concat!("../../assets/fonts/noto/", $file, ".ttf")),
        }
    };
}

/// Every bundled face. Order matters: a [`FaceId`] is an index into this list.
pub static FACES: [Face; 9] = [
    face!("Noto Sans", false, false, "NotoSans-Regular"),
    face!("Noto Sans", true, false, "NotoSans-Bold"),
    face!("Noto Sans", false, true, "NotoSans-Italic"),
    face!("Noto Sans", true, true, "NotoSans-BoldItalic"),
    face!("Noto Serif", false, false, "NotoSerif-Regular"),
    face!("Noto Serif", true, false, "NotoSerif-Bold"),
    face!("Noto Serif", false, true, "NotoSerif-Italic"),
    face!("Noto Serif", true, true, "NotoSerif-BoldItalic"),
    face!("Noto Naskh Arabic", false, false, "NotoNaskhArabic-Regular"),
];

/// Family used when a template names a family that is not bundled.
pub const DEFAULT_FAMILY: &str = "Noto Sans";

/// The family that Arabic and Jawi text falls back to.
pub const ARABIC_FAMILY: &str = "Noto Naskh Arabic";

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

    /// Font units per em, read once.
    pub fn units_per_em(self) -> u16 {
        static UPEM: OnceLock<Vec<u16>> = OnceLock::new();
        UPEM.get_or_init(|| {
            FACES
                .iter()
                .map(|f| {
                    use skrifa::MetadataProvider;
                    skrifa::FontRef::new(f.bytes)
                        .map(|font| {
                            font.metrics(
                                skrifa::instance::Size::unscaled(),
                                skrifa::instance::LocationRef::default(),
                            )
                            .units_per_em
                        })
                        .unwrap_or(1000)
                })
                .collect()
        })[usize::from(self.0)]
    }
}

impl FaceId {
    /// A glyph's advance as PDF writes it in the font's `/W` array: thousandths of an em,
    /// truncated to a whole number. Text positioning must use these same numbers.
    pub fn pdf_width(self, glyph: u16) -> f32 {
        static WIDTHS: OnceLock<Vec<Vec<u16>>> = OnceLock::new();
        let widths = WIDTHS.get_or_init(|| {
            FACES
                .iter()
                .map(|face| {
                    use skrifa::MetadataProvider;
                    let Ok(font) = skrifa::FontRef::new(face.bytes) else {
                        return Vec::new();
                    };
                    let location = skrifa::instance::LocationRef::default();
                    let font_metrics = font.metrics(skrifa::instance::Size::unscaled(), location);
                    let units = f32::from(font_metrics.units_per_em.max(1));
                    let metrics = font.glyph_metrics(skrifa::instance::Size::unscaled(), location);
                    (0..font_metrics.glyph_count)
                        .map(|g| {
                            let advance = metrics
                                .advance_width(skrifa::GlyphId::new(u32::from(g)))
                                .unwrap_or(0.0);
                            (advance * 1000.0 / units) as u16
                        })
                        .collect()
                })
                .collect()
        });
        widths
            .get(usize::from(self.0))
            .and_then(|w| w.get(usize::from(glyph)))
            .map_or(0.0, |w| f32::from(*w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skrifa::MetadataProvider;

    #[test]
    fn every_face_parses_and_covers_kazakh() {
        let kazakh = "ӘәҒғҚқҢңӨөҰұҮүҺһІі₸“”‘’–—";
        for face in FACES.iter().filter(|f| f.family != ARABIC_FAMILY) {
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
