//! The fonts travel inside the Word file, as Word's "Embed fonts in the file" puts them:
//! a subset of each face holding the characters the brief shows, obfuscated as ECMA-376
//! Part 1 §17.8.1 says (the first 32 bytes XOR-ed with a key taken from the part's
//! `w:fontKey` GUID), as `word/fonts/fontN.odttf` parts that `fontTable.xml` names with
//! `w:embedRegular`, `w:embedBold`, `w:embedItalic` and `w:embedBoldItalic`. Without them
//! a machine that lacks Noto (the minister's office has Arial and Calibri) substitutes a
//! wider font, and the lines and pages are no longer those the officer previewed.
//!
//! The subsets are made with skera (googlefonts/fontations, the Rust port of HarfBuzz's
//! subsetter), not with the `subsetter` crate the PDF uses: `subsetter` drops the `cmap`,
//! `OS/2` and layout tables, which a PDF does without but a word processor needs to map
//! characters to glyphs, to read the embedding rights and to kern. skera keeps them and
//! gives the same bytes for the same characters.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use skrifa::raw::FontRef;
use skrifa::raw::collections::IntSet;
use skrifa::raw::types::{GlyphId, NameId, Tag};

use crate::fonts::FACES;

use super::WordError;
use super::fonts::UsedText;

/// The content type of an obfuscated TrueType font part.
pub(super) const OBFUSCATED_FONT: &str =
    "application/vnd.openxmlformats-officedocument.obfuscatedFont";

/// What the package gains: the font table, its relationships, and the font parts.
#[derive(Debug, Default)]
pub(super) struct EmbeddedFonts {
    pub font_table: String,
    pub font_table_rels: String,
    /// (path inside the package, obfuscated bytes)
    pub parts: Vec<(String, Vec<u8>)>,
}

/// Characters the body family carries whatever the brief holds: what Word draws itself
/// (list numbers and bullets, page-number fields, the leaders of tab stops, such as the
/// signature block's writing lines), and the letters and punctuation of English and
/// Western European text. Whoever edits the Word file (the minister's office) can then
/// type without their words turning into a substitute font, and LibreOffice, which keeps
/// the first embedded "Noto Sans" it sees for a whole session, still has these glyphs
/// when it opens a second brief. About 200 glyphs a face, some 20 KB compressed.
fn always_carried() -> impl Iterator<Item = char> {
    (' '..='~')
        .chain('\u{a0}'..='\u{ff}')
        .chain([
            '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2013}', '\u{2014}', '\u{2026}',
            '\u{2022}', '\u{20ac}', '\u{20b8}',
        ])
        .chain(crate::layout::BULLET.chars())
}

/// The four style slots of `fontTable.xml`, in the schema's order.
const SLOTS: [(&str, bool, bool); 4] = [
    ("embedRegular", false, false),
    ("embedBold", true, false),
    ("embedItalic", false, true),
    ("embedBoldItalic", true, true),
];

/// The fonts of `used` subset, obfuscated and described. `body` gets the characters Word
/// makes itself too.
pub(super) fn embed(used: &UsedText, body: &str) -> Result<EmbeddedFonts, WordError> {
    let mut embedded = EmbeddedFonts::default();
    let mut table = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
        r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
    ));
    let mut rels = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    ));
    let mut families: Vec<(&str, BTreeSet<char>)> = used
        .by_family
        .iter()
        .map(|(family, chars)| (family.as_str(), chars.clone()))
        .collect();
    match families.iter_mut().find(|(family, _)| *family == body) {
        Some((_, chars)) => chars.extend(always_carried()),
        None => families.push((body, always_carried().collect())),
    }
    // Every face to embed, in the file's order: each family's styles as Word names them.
    let mut faces = Vec::new();
    for (family, chars) in &families {
        for (slot, bold, italic) in SLOTS {
            let face = FACES
                .iter()
                .find(|f| f.family == *family && f.bold == bold && f.italic == italic);
            if let Some(face) = face {
                faces.push((*family, slot, face, chars));
            }
        }
    }
    // Subsetting is most of a short brief's Word export: the faces are cut on threads of
    // their own, and taken back in order, so the bytes do not depend on which ends first.
    let subsets: Vec<Result<Vec<u8>, WordError>> = std::thread::scope(|scope| {
        let running: Vec<_> = faces
            .iter()
            .map(|(_, _, face, chars)| {
                scope.spawn(move || {
                    subset(face.bytes, chars).map_err(|error| {
                        WordError::Assemble(format!("font {}: {error}", face.name))
                    })
                })
            })
            .collect();
        running
            .into_iter()
            .map(|thread| {
                thread.join().unwrap_or_else(|_| {
                    Err(WordError::Assemble("a font could not be subset".to_owned()))
                })
            })
            .collect()
    });
    let mut open_family: Option<&str> = None;
    for ((family, slot, face, _), subset) in faces.iter().zip(subsets) {
        let subset = subset?;
        if open_family != Some(*family) {
            if open_family.is_some() {
                table.push_str("</w:font>");
            }
            open_family = Some(*family);
            let _ = write!(
                table,
                r#"<w:font w:name="{family}"><w:charset w:val="00" /><w:family w:val="{kind}" /><w:pitch w:val="variable" />"#,
                kind = if family.contains("Serif") {
                    "roman"
                } else {
                    "swiss"
                },
            );
        }
        let number = embedded.parts.len() + 1;
        let key = font_key(face.name, &subset);
        let _ = write!(
            table,
            r#"<w:{slot} r:id="rIdFont{number}" w:fontKey="{key}" />"#
        );
        let _ = write!(
            rels,
            r#"<Relationship Id="rIdFont{number}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="fonts/font{number}.odttf"/>"#
        );
        embedded.parts.push((
            format!("word/fonts/font{number}.odttf"),
            obfuscate(subset, &key),
        ));
    }
    if open_family.is_some() {
        table.push_str("</w:font>");
    }
    table.push_str("</w:fonts>");
    rels.push_str("</Relationships>");
    embedded.font_table = table;
    embedded.font_table_rels = rels;
    Ok(embedded)
}

/// `font` cut down to `chars` (and what their shaping needs), with its names, metrics,
/// embedding rights and kerning.
fn subset(font: &[u8], chars: &BTreeSet<char>) -> Result<Vec<u8>, String> {
    let font = FontRef::new(font).map_err(|error| error.to_string())?;
    let mut unicodes = IntSet::<u32>::empty();
    unicodes.extend(chars.iter().map(|c| u32::from(*c)));
    let mut glyphs = IntSet::<GlyphId>::empty();
    glyphs.insert(GlyphId::NOTDEF);
    let mut name_ids = IntSet::<NameId>::empty();
    name_ids.insert_range(NameId::from(0)..=NameId::from(6));
    let mut name_languages = IntSet::<u16>::empty();
    name_languages.insert(0x0409);
    let mut scripts = IntSet::<Tag>::empty();
    scripts.invert();
    let mut features = IntSet::<Tag>::empty();
    features.extend(skera::DEFAULT_LAYOUT_FEATURES.iter().copied());
    let drop: IntSet<Tag> = [skera::DSIG, skera::JSTF, skera::LTSH, skera::PCLT]
        .into_iter()
        .collect();
    let plan = skera::Plan::new(
        &glyphs,
        &unicodes,
        &font,
        // Hinting is for screens at small sizes; the bundled faces carry none worth
        // keeping, and dropping it keeps the subsets small.
        skera::SubsetFlags::SUBSET_FLAGS_NO_HINTING,
        &drop,
        &scripts,
        &features,
        &name_ids,
        &name_languages,
    );
    skera::subset_font(&font, &plan).map_err(|error| error.to_string())
}

/// A GUID for the part, the same for the same face and subset, so the same brief gives
/// the same bytes. It only keys the obfuscation, which is not meant to be secret.
fn font_key(name: &str, subset: &[u8]) -> String {
    // FNV-1a, twice with different offsets, for 128 bits.
    let fnv = |offset: u64| {
        name.bytes()
            .chain(subset.iter().copied())
            .fold(offset, |hash, byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
            })
    };
    let high = fnv(0xcbf2_9ce4_8422_2325);
    let low = fnv(0x6c62_272e_07bb_0142);
    let hex = format!("{high:016X}{low:016X}");
    format!(
        "{{{}-{}-{}-{}-{}}}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The obfuscation key of a `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` GUID: its 16 bytes
/// read from the last hex pair to the first.
fn key_bytes(guid: &str) -> [u8; 16] {
    let digits: Vec<u8> = guid
        .chars()
        .filter_map(|c| c.to_digit(16))
        .map(|d| d as u8)
        .collect();
    let mut key = [0u8; 16];
    for (index, pair) in digits.chunks(2).rev().take(16).enumerate() {
        if let [high, low] = pair {
            key[index] = high * 16 + low;
        }
    }
    key
}

/// `font` with its first 32 bytes XOR-ed with the key of `guid`, as Word stores it.
fn obfuscate(mut font: Vec<u8>, guid: &str) -> Vec<u8> {
    let key = key_bytes(guid);
    for (index, byte) in font.iter_mut().take(32).enumerate() {
        *byte ^= key[index % 16];
    }
    font
}

/// `settings.xml` with `w:embedTrueTypeFonts` and `w:saveSubsetFonts`. The schema wants
/// them after `w:zoom` and before `w:defaultTabStop`, which docx-rs writes first, so the
/// zoom is moved up with them.
pub(super) fn with_embedding_settings(settings: &str) -> Result<String, WordError> {
    let missing = || WordError::Assemble("the settings have no w:settings element".to_owned());
    let open = settings.find("<w:settings").ok_or_else(missing)?;
    let open_end = open + settings[open..].find('>').ok_or_else(missing)? + 1;
    let (zoom, rest) = match settings.find("<w:zoom") {
        Some(start) => {
            let end = start
                + settings[start..]
                    .find("/>")
                    .ok_or_else(|| WordError::Assemble("w:zoom is not closed".to_owned()))?
                + 2;
            (
                &settings[start..end],
                format!("{}{}", &settings[open_end..start], &settings[end..]),
            )
        }
        None => ("", settings[open_end..].to_owned()),
    };
    Ok(format!(
        "{}{zoom}<w:embedTrueTypeFonts /><w:saveSubsetFonts />{rest}",
        &settings[..open_end]
    ))
}

/// `[Content_Types].xml` with the type of the font parts.
pub(super) fn with_font_content_type(types: &str) -> Result<String, WordError> {
    let close = "</Types>";
    if !types.contains(close) {
        return Err(WordError::Assemble(
            "the content types have no Types element".to_owned(),
        ));
    }
    Ok(types.replacen(
        close,
        &format!(r#"<Default Extension="odttf" ContentType="{OBFUSCATED_FONT}" />{close}"#),
        1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_the_guid_read_backwards() {
        let key = key_bytes("{00112233-4455-6677-8899-AABBCCDDEEFF}");
        assert_eq!(key[0], 0xFF);
        assert_eq!(key[1], 0xEE);
        assert_eq!(key[15], 0x00);
        assert_eq!(key[8], 0x77);
    }

    #[test]
    fn obfuscation_touches_the_first_32_bytes_and_undoes_itself() {
        let font: Vec<u8> = (0..64).collect();
        let guid = "{00112233-4455-6677-8899-AABBCCDDEEFF}";
        let hidden = obfuscate(font.clone(), guid);
        assert_ne!(hidden[..32], font[..32]);
        assert_eq!(hidden[32..], font[32..]);
        assert_eq!(hidden[0], 0xFF);
        assert_eq!(hidden[16], 16 ^ 0xFF);
        assert_eq!(obfuscate(hidden, guid), font);
    }

    #[test]
    fn a_subset_keeps_the_characters_and_their_names() {
        use skrifa::MetadataProvider;
        let face = FACES
            .iter()
            .find(|f| f.name == "NotoSans-Regular")
            .expect("Noto Sans");
        let chars: BTreeSet<char> = "Қазақстан visit".chars().collect();
        let small = subset(face.bytes, &chars).expect("a subset");
        assert!(small.len() * 10 < face.bytes.len(), "{} bytes", small.len());
        let font = FontRef::new(&small).expect("the subset reads as a font");
        let charmap = font.charmap();
        assert!(charmap.map('Қ').is_some());
        assert!(charmap.map('v').is_some());
        assert!(charmap.map('z').is_none());
        let family = font
            .localized_strings(skrifa::string::StringId::FAMILY_NAME)
            .english_or_first()
            .map(|name| name.to_string());
        assert_eq!(family.as_deref(), Some("Noto Sans"));
        assert!(
            font.table_data(skrifa::raw::types::Tag::new(b"OS/2"))
                .is_some(),
            "the embedding rights are kept"
        );
        assert_eq!(subset(face.bytes, &chars).expect("again"), small);
    }

    #[test]
    fn settings_keep_the_schemas_order() {
        let settings = r#"<?xml version="1.0"?><w:settings xmlns:w="x"><w:defaultTabStop w:val="840" /><w:zoom w:percent="100" /><w:compat /></w:settings>"#;
        let done = with_embedding_settings(settings).expect("settings");
        assert!(done.contains(
            r#"<w:settings xmlns:w="x"><w:zoom w:percent="100" /><w:embedTrueTypeFonts /><w:saveSubsetFonts /><w:defaultTabStop w:val="840" /><w:compat />"#
        ), "{done}");
    }
}
