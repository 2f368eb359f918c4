//! Languages: the English varieties a brief can be written in, and telling which language
//! a paragraph or an imported article is in.

use whatlang::{Lang, Script};

/// The languages a brief can be written and checked in, as (tag, name), the default first.
pub const BRIEF_LANGUAGES: [(&str, &str); 4] = [
    ("en-GB", "English (United Kingdom)"),
    ("en-AU", "English (Australia)"),
    ("en-CA", "English (Canada)"),
    ("en-US", "English (United States)"),
];

/// The language of a brief whose file names none.
pub const DEFAULT_LANGUAGE: &str = "en-GB";

/// The tag a brief is checked in: its own, or British English if it names none or one
/// Briefwright does not offer.
pub fn brief_language(stored: &str) -> &'static str {
    BRIEF_LANGUAGES
        .iter()
        .find(|(tag, _)| tag.eq_ignore_ascii_case(stored.trim()))
        .map_or(DEFAULT_LANGUAGE, |(tag, _)| tag)
}

/// A language's name for menus and messages, such as "Malay" for "ms".
pub fn language_name(tag: &str) -> String {
    if let Some((_, name)) = BRIEF_LANGUAGES.iter().find(|(t, _)| *t == tag) {
        return (*name).to_owned();
    }
    let named = SOURCE_LANGUAGES.iter().find(|(t, _)| *t == tag);
    named.map_or_else(|| tag.to_owned(), |(_, name)| (*name).to_owned())
}

/// Languages an officer can give an imported article, as (tag, name).
pub const SOURCE_LANGUAGES: [(&str, &str); 12] = [
    ("en", "English"),
    ("ms", "Malay"),
    ("id", "Indonesian"),
    ("kk", "Kazakh"),
    ("ru", "Russian"),
    ("zh", "Chinese"),
    ("ar", "Arabic"),
    ("fr", "French"),
    ("de", "German"),
    ("es", "Spanish"),
    ("uk", "Ukrainian"),
    ("tr", "Turkish"),
];

/// True for a tag of English, of any country.
pub fn is_english(tag: &str) -> bool {
    tag == "en" || tag.starts_with("en-")
}

/// Fewer letters than this are too few to tell a language by.
const MIN_LETTERS: usize = 24;

/// Letters that Kazakh writes in Cyrillic and Russian does not. whatlang does not know
/// Kazakh, so these decide it.
const KAZAKH_LETTERS: &str = "әғқңөұүһӘҒҚҢӨҰҮҺ";

/// The language `text` is written in, as a tag ("en", "ms", "kk", "ru", …), when it can
/// be told with confidence. Malay is reported as "ms": whatlang knows Indonesian, its
/// close relative, and not Malay, and the articles officers import are far more often
/// Malay.
pub fn detect_language(text: &str) -> Option<String> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return None;
    }
    let cyrillic = text
        .chars()
        .filter(|c| matches!(*c, '\u{400}'..='\u{4ff}'))
        .count();
    if cyrillic * 2 > letters && text.chars().any(|c| KAZAKH_LETTERS.contains(c)) {
        return Some("kk".to_owned());
    }
    if mostly_english(text) {
        return Some("en".to_owned());
    }
    let info = whatlang::detect(text)?;
    if !info.is_reliable() {
        // The script alone is enough to say a text is not English.
        return match info.script() {
            Script::Latin => None,
            _ => Some(tag_of(info.lang()).to_owned()),
        };
    }
    Some(tag_of(info.lang()).to_owned())
}

/// The commonest English words. A text where they are one word in five or more is
/// English, and whatlang (about 0.1 ms a paragraph) is not asked: briefs are mostly
/// English, and the export and each keystroke's check look at every paragraph.
const ENGLISH_WORDS: [&str; 32] = [
    "the", "and", "of", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "be",
    "are", "this", "it", "from", "at", "we", "will", "our", "an", "or", "has", "have", "was",
    "were", "which", "their", "its", "not",
];

fn mostly_english(text: &str) -> bool {
    let (mut words, mut english) = (0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        if !word.is_ascii() {
            return false;
        }
        words += 1;
        if ENGLISH_WORDS.iter().any(|e| e.eq_ignore_ascii_case(word)) {
            english += 1;
        }
    }
    english >= 3 && english * 5 >= words
}

/// The tag of the language that most of an article's text is in, judged on its first
/// thousand characters or so: enough for whatlang, and cheap for a long article.
pub fn detect_source_language(source: &crate::model::Source) -> Option<String> {
    let mut text = String::new();
    for section in source.body_sections() {
        text.push_str(&section.text);
        text.push('\n');
        if text.len() > 1000 {
            break;
        }
    }
    detect_language(&text)
}

fn tag_of(lang: Lang) -> &'static str {
    match lang {
        Lang::Eng => "en",
        Lang::Ind => "ms",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Bel => "be",
        Lang::Bul => "bg",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Ara => "ar",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Nld => "nl",
        Lang::Tur => "tr",
        Lang::Pol => "pl",
        Lang::Vie => "vi",
        Lang::Tha => "th",
        Lang::Hin => "hi",
        Lang::Pes => "fa",
        Lang::Uzb => "uz",
        Lang::Tgl => "tl",
        other => other.code(),
    }
}

/// The writing system of a word, as far as spelling cares: a dictionary only judges
/// words in its own script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordScript {
    Latin,
    Cyrillic,
    Other,
}

/// The script of a word, by its first letter.
pub fn word_script(word: &str) -> WordScript {
    match word.chars().find(|c| c.is_alphabetic()) {
        Some(c) if c.is_ascii_alphabetic() || matches!(c, '\u{c0}'..='\u{24f}') => {
            WordScript::Latin
        }
        Some('\u{400}'..='\u{52f}') => WordScript::Cyrillic,
        _ => WordScript::Other,
    }
}

/// The script a language's dictionary is written in.
pub fn language_script(tag: &str) -> WordScript {
    let base = tag.split(['-', '_']).next().unwrap_or(tag);
    match base {
        "ru" | "uk" | "be" | "bg" | "sr" | "mk" | "kk" | "ky" | "tg" | "mn" => WordScript::Cyrillic,
        "zh" | "ja" | "ko" | "ar" | "fa" | "hi" | "th" | "he" | "el" | "hy" | "ka" => {
            WordScript::Other
        }
        _ => WordScript::Latin,
    }
}
