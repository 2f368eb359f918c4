//! The language of a paragraph, so Word checks its spelling with the right dictionary and
//! reads it aloud right: a quotation in its source's language (detected on import, or as
//! the officer corrected it), other paragraphs by their letters and words;
//! Kazakh, Russian and Malay are tagged, everything else is the brief's own English.

/// The languages a paragraph can be tagged with: tag and the style that carries it.
pub(super) const TAGGED: [(&str, &str, &str); 3] = [
    ("kk-KZ", "LanguageKazakh", "Language Kazakh"),
    ("ru-RU", "LanguageRussian", "Language Russian"),
    ("ms-MY", "LanguageMalay", "Language Malay"),
];

/// The character style of `text`'s language, when it is not the document's default.
/// Detecting with whatlang, as import and the spelling check do, costs about 0.1 ms a
/// paragraph, which made the 200-page brief four times slower to export; the letters
/// tell Kazakh and Russian, and Malay's commonest words tell Malay, a hundred times
/// faster. Quotations take their source's language instead (see [`style_of_tag`]).
pub(super) fn style_of(text: &str) -> Option<&'static str> {
    style_of_tag(detect(text)?)
}

/// Letters Kazakh has and Russian does not.
const KAZAKH_LETTERS: &str = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

/// The commonest Malay words, none of them English.
const MALAY_WORDS: [&str; 24] = [
    "yang",
    "dan",
    "untuk",
    "dengan",
    "ini",
    "itu",
    "dalam",
    "kepada",
    "tidak",
    "akan",
    "daripada",
    "oleh",
    "bagi",
    "telah",
    "serta",
    "juga",
    "adalah",
    "ialah",
    "pada",
    "kerana",
    "antara",
    "lebih",
    "negara",
    "kerjasama",
];

/// "kk", "ru" or "ms" for text that is mostly in one of them. A Malay paragraph must be
/// mostly Malay words, so an English one that names "Bank Negara" stays English.
fn detect(text: &str) -> Option<&'static str> {
    let (mut cyrillic, mut kazakh, mut latin) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if KAZAKH_LETTERS.contains(c) {
            kazakh += 1;
            cyrillic += 1;
        } else if ('\u{0400}'..='\u{04ff}').contains(&c) {
            cyrillic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if cyrillic > latin {
        return Some(if kazakh > 0 { "kk" } else { "ru" });
    }
    let mut words = 0;
    let mut malay = 0;
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if MALAY_WORDS.iter().any(|m| m.eq_ignore_ascii_case(word)) {
            malay += 1;
        }
    }
    (malay >= 3 && malay * 6 >= words).then_some("ms")
}

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
