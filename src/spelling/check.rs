//! Checking text: which language a piece of text is in, and which of its words the
//! dictionary of that language does not know.

use std::ops::Range;

use super::language::{WordScript, detect_language, is_english, language_script, word_script};
use super::tokens::words_to_check;
use super::{Accepted, Dictionaries};

/// How many suggestions a flagged word offers at most.
pub const MAX_SUGGESTIONS: usize = 5;

/// Checks text in a brief's language with the dictionaries loaded.
#[derive(Debug, Clone, Copy)]
pub struct Checker<'a> {
    pub dictionaries: &'a Dictionaries,
    /// The brief's language tag, such as "en-GB".
    pub language: &'a str,
    pub accepted: &'a Accepted,
}

impl Checker<'_> {
    /// The byte ranges of the unknown words in `text`. Text in another language is
    /// checked with that language's dictionary, or not at all if there is none; words in
    /// another script than the dictionary's are left alone.
    pub fn unknown_words(&self, text: &str) -> Vec<Range<usize>> {
        let words = words_to_check(text);
        if words.is_empty() {
            return words;
        }
        let Some(tag) = self.language_of(text, &words) else {
            return Vec::new();
        };
        let Some(dictionary) = self.dictionaries.get(&tag) else {
            return Vec::new();
        };
        let script = language_script(&tag);
        let is_known = |word: &str| {
            self.accepted.contains(word)
                || dictionary.check(word)
                || is_english(&tag)
                    && without_accents(word).is_some_and(|plain| dictionary.check(&plain))
        };
        words
            .into_iter()
            .filter(|range| {
                let word = &text[range.clone()];
                word_script(word) == script && !is_known(word)
            })
            .collect()
    }

    /// Up to [`MAX_SUGGESTIONS`] corrections for the word at `range` of `text`.
    pub fn suggestions(&self, text: &str, range: Range<usize>) -> Vec<String> {
        let Some(word) = text.get(range) else {
            return Vec::new();
        };
        let words = words_to_check(text);
        let Some(dictionary) = self
            .language_of(text, &words)
            .and_then(|tag| self.dictionaries.get(&tag))
        else {
            return Vec::new();
        };
        let mut suggestions = Vec::new();
        dictionary.suggest(word, &mut suggestions);
        suggestions.truncate(MAX_SUGGESTIONS);
        suggestions
    }

    /// The tag of the dictionary `text` is checked with: the brief's own, unless the
    /// text is confidently in another language. Latin-script text must also be mostly
    /// unknown to the brief's dictionary, so that English full of names is not taken for
    /// Malay or Indonesian.
    fn language_of(&self, text: &str, words: &[Range<usize>]) -> Option<String> {
        let detected = detect_language(text);
        let Some(other) = detected.filter(|tag| !is_english(tag)) else {
            return Some(self.language.to_owned());
        };
        if language_script(&other) == WordScript::Latin
            && let Some(english) = self.dictionaries.get(self.language)
        {
            let latin: Vec<&str> = words
                .iter()
                .map(|r| &text[r.clone()])
                .filter(|w| word_script(w) == WordScript::Latin)
                .collect();
            let unknown = latin
                .iter()
                .filter(|w| !self.accepted.contains(w) && !english.check(w))
                .count();
            if unknown * 2 < latin.len() {
                return Some(self.language.to_owned());
            }
        }
        Some(other)
    }
}

/// The word with its accents taken off ("attache" for "attaché"), if it has any. SCOWL's
/// English dictionaries keep loanwords without their accents.
pub(super) fn without_accents(word: &str) -> Option<String> {
    const ACCENTED: [(&str, char); 14] = [
        ("àáâãäå", 'a'),
        ("ç", 'c'),
        ("èéêë", 'e'),
        ("ìíîï", 'i'),
        ("ñ", 'n'),
        ("òóôõöø", 'o'),
        ("ùúûü", 'u'),
        ("ÀÁÂÃÄÅ", 'A'),
        ("Ç", 'C'),
        ("ÈÉÊË", 'E'),
        ("ÌÍÎÏ", 'I'),
        ("Ñ", 'N'),
        ("ÒÓÔÕÖØ", 'O'),
        ("ÙÚÛÜ", 'U'),
    ];
    let plain: String = word
        .chars()
        .map(|c| {
            ACCENTED
                .iter()
                .find(|(accented, _)| accented.contains(c))
                .map_or(c, |(_, base)| *base)
        })
        .collect();
    (plain != word).then_some(plain)
}
