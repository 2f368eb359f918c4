//! The language of a paragraph as a Word character style, so Word checks its spelling
//! with the right dictionary and reads it aloud right. The layout's document says each
//! paragraph's language (a quotation its source's, other paragraphs by their letters and
//! words); Kazakh, Russian and Malay are tagged, everything else is the brief's English.

/// The languages a paragraph can be tagged with: tag and the style that carries it.
pub(super) const TAGGED: [(&str, &str, &str); 3] = [
    ("kk-KZ", "LanguageKazakh", "Language Kazakh"),
    ("ru-RU", "LanguageRussian", "Language Russian"),
    ("ms-MY", "LanguageMalay", "Language Malay"),
];

/// The character style of a source's language ("ms", "kk"…), when the export tags it.
pub(super) fn style_of_tag(language: &str) -> Option<&'static str> {
    let tag = tag_of(language)?;
    TAGGED
        .iter()
        .find(|(t, ..)| *t == tag)
        .map(|(_, style, _)| *style)
}

/// The BCP 47 tag Word uses for a language Briefwright detects or an officer chooses.
fn tag_of(language: &str) -> Option<&'static str> {
    let primary = language.split(['-', '_']).next().unwrap_or_default();
    match primary.to_ascii_lowercase().as_str() {
        "kk" => Some("kk-KZ"),
        "ru" => Some("ru-RU"),
        "ms" => Some("ms-MY"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The style a paragraph of `text` takes, as the layout detects its language.
    fn style_of(text: &str) -> Option<&'static str> {
        style_of_tag(&crate::layout::detect_language(text)?)
    }

    #[test]
    fn kazakh_russian_and_malay_are_tagged_and_english_is_not() {
        assert_eq!(
            style_of("Сарапшылардың пікірінше, Қазақстан үшін тасқынды болжау маңызды."),
            Some("LanguageKazakh")
        );
        assert_eq!(
            style_of("Визит премьер-министра в Астану ожидается в марте этого года."),
            Some("LanguageRussian")
        );
        assert_eq!(
            style_of(
                "Kerjasama antara kedua-dua negara dalam bidang makanan halal dan tenaga boleh diperbaharui akan diperluaskan."
            ),
            Some("LanguageMalay")
        );
        assert_eq!(
            style_of("Bank Negara and the Ministry of Trade agree on the dates of the visit."),
            None
        );
        assert_eq!(style_of_tag("ms"), Some("LanguageMalay"));
        assert_eq!(style_of_tag("en"), None);
        assert_eq!(style_of_tag(""), None);
    }
}
