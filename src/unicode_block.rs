//! Names of Unicode blocks, so that a warning about a missing glyph says what script it is.

/// The name of the Unicode block holding `c`, or "an unnamed block".
pub fn block_name(c: char) -> &'static str {
    const BLOCKS: &[(u32, u32, &str)] = &[
        (0x0000, 0x007F, "Basic Latin"),
        (0x0080, 0x00FF, "Latin-1 Supplement"),
        (0x0100, 0x024F, "Latin Extended"),
        (0x0250, 0x02FF, "IPA and spacing modifiers"),
        (0x0300, 0x036F, "Combining Diacritical Marks"),
        (0x0370, 0x03FF, "Greek and Coptic"),
        (0x0400, 0x052F, "Cyrillic"),
        (0x0530, 0x058F, "Armenian"),
        (0x0590, 0x05FF, "Hebrew"),
        (0x0600, 0x06FF, "Arabic"),
        (0x0700, 0x074F, "Syriac"),
        (0x0750, 0x077F, "Arabic Supplement"),
        (0x0780, 0x07BF, "Thaana"),
        (0x0900, 0x097F, "Devanagari"),
        (0x0980, 0x09FF, "Bengali"),
        (0x0A00, 0x0AFF, "Gurmukhi and Gujarati"),
        (0x0B80, 0x0BFF, "Tamil"),
        (0x0C00, 0x0DFF, "South Indian scripts"),
        (0x0E00, 0x0E7F, "Thai"),
        (0x0E80, 0x0EFF, "Lao"),
        (0x0F00, 0x0FFF, "Tibetan"),
        (0x1000, 0x109F, "Myanmar"),
        (0x10A0, 0x10FF, "Georgian"),
        (0x1100, 0x11FF, "Hangul Jamo"),
        (0x1200, 0x139F, "Ethiopic"),
        (0x1780, 0x17FF, "Khmer"),
        (0x1800, 0x18AF, "Mongolian"),
        (0x1E00, 0x1EFF, "Latin Extended Additional"),
        (0x1F00, 0x1FFF, "Greek Extended"),
        (0x2000, 0x206F, "General Punctuation"),
        (0x20A0, 0x20CF, "Currency Symbols"),
        (0x2100, 0x214F, "Letterlike Symbols"),
        (0x2190, 0x21FF, "Arrows"),
        (0x2200, 0x22FF, "Mathematical Operators"),
        (0x2300, 0x23FF, "Miscellaneous Technical"),
        (0x2500, 0x25FF, "Box Drawing and Geometric Shapes"),
        (0x2600, 0x27BF, "Miscellaneous Symbols and Dingbats"),
        (0x2E80, 0x2FDF, "CJK Radicals"),
        (0x3000, 0x303F, "CJK Symbols and Punctuation"),
        (0x3040, 0x30FF, "Hiragana and Katakana"),
        (0x3100, 0x31FF, "Bopomofo and CJK strokes"),
        (0x3400, 0x4DBF, "CJK Unified Ideographs Extension A"),
        (0x4E00, 0x9FFF, "CJK Unified Ideographs"),
        (0xA000, 0xA4CF, "Yi"),
        (0xAC00, 0xD7AF, "Hangul Syllables"),
        (0xE000, 0xF8FF, "Private Use Area"),
        (0xF900, 0xFAFF, "CJK Compatibility Ideographs"),
        (0xFB50, 0xFDFF, "Arabic Presentation Forms-A"),
        (0xFE70, 0xFEFF, "Arabic Presentation Forms-B"),
        (0xFF00, 0xFFEF, "Halfwidth and Fullwidth Forms"),
        (0xFFF0, 0xFFFF, "Specials"),
        (0x1F000, 0x1FAFF, "Emoji and pictographs"),
        (0x20000, 0x3FFFF, "CJK Unified Ideographs Extensions"),
    ];
    let code = u32::from(c);
    BLOCKS
        .iter()
        .find(|(start, end, _)| (*start..=*end).contains(&code))
        .map_or("an unnamed block", |(_, _, name)| name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn blocks_are_named() {
        assert_eq!(super::block_name('Қ'), "Cyrillic");
        assert_eq!(super::block_name('漢'), "CJK Unified Ideographs");
        assert_eq!(super::block_name('😀'), "Emoji and pictographs");
    }
}
