//! The language of a paragraph, so Word checks its spelling with the right dictionary and
//! reads it aloud right: Kazakh and Russian by their letters, Malay by its commonest
//! words, everything else the document's default (en-GB). A Malay paragraph must be
//! mostly Malay words, so an English paragraph that names "Bank Negara" stays English.

/// The languages a paragraph can be tagged with: tag and the style that carries it.
pub(super) const TAGGED: [(&str, &str, &str); 3] = [
    ("kk-KZ", "LanguageKazakh", "Language Kazakh"),
    ("ru-RU", "LanguageRussian", "Language Russian"),
    ("ms-MY", "LanguageMalay", "Language Malay"),
];

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

/// The character style of `text`'s language, when it is not the document's default.
pub(super) fn style_of(text: &str) -> Option<&'static str> {
    let tag = tag_of(text)?;
    TAGGED
        .iter()
        .find(|(t, ..)| *t == tag)
        .map(|(_, style, _)| *style)
}

/// The BCP 47 tag of `text`'s language, when it is one the export tags.
pub(super) fn tag_of(text: &str) -> Option<&'static str> {
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
        return Some(if kazakh > 0 { "kk-KZ" } else { "ru-RU" });
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let malay = words
        .iter()
        .filter(|w| MALAY_WORDS.contains(&w.as_str()))
        .count();
    (malay >= 3 && malay * 6 >= words.len()).then_some("ms-MY")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_russian_and_malay_are_told_from_english() {
        assert_eq!(
            tag_of("Қазақстан үшін тасқынды болжау маңызды."),
            Some("kk-KZ")
        );
        assert_eq!(tag_of("Визит премьер-министра в Астану."), Some("ru-RU"));
        assert_eq!(
            tag_of(
                "Kerjasama antara kedua-dua negara dalam bidang makanan halal dan tenaga boleh diperbaharui akan diperluaskan."
            ),
            Some("ms-MY")
        );
        assert_eq!(
            tag_of("Bank Negara and the Ministry of Trade agree on the dates."),
            None
        );
        assert_eq!(
            tag_of("Рақмет — thank you for the warm welcome to Astana."),
            None
        );
    }
}
