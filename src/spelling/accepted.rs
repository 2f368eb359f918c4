//! Words accepted without a dictionary: names from the project's sources, talking points
//! and title block, the words ignored in this brief, and the personal dictionary.

use std::collections::HashSet;

use super::tokens::words_to_check;
use crate::model::{MetaField, Project};

/// Words that are never flagged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accepted {
    /// Names, accepted as written ("Astana", and "Astana’s").
    exact: HashSet<String>,
    /// Words accepted in any case ("agritech", "Agritech"), kept in lower case.
    any_case: HashSet<String>,
    /// A hash of the texts the words were taken from, in order.
    fingerprint: u64,
}

impl Accepted {
    /// The names in `project` and the words ignored in its brief.
    pub fn from_project(project: &Project) -> Self {
        let mut accepted = Accepted::default();
        each_text(project, |text, taken| {
            accepted.mix(text);
            match taken {
                Taken::AllWords => accepted.add_all_words(text),
                Taken::Capitalised {
                    with_sentence_openers,
                } => accepted.add_capitalised(text, with_sentence_openers),
                Taken::AnyCase => {
                    accepted.any_case.insert(text.trim().to_lowercase());
                }
            }
        });
        accepted
    }

    /// The [`Accepted::fingerprint`] that [`Accepted::from_project`] would give, without
    /// gathering the words: hashing the texts is much cheaper than splitting them, so a
    /// keystroke can tell whether the accepted words need gathering again.
    pub fn fingerprint_of(project: &Project) -> u64 {
        let mut fingerprint = 0;
        each_text(project, |text, _| fingerprint = mixed(fingerprint, text));
        fingerprint
    }

    /// Accepts `words` in any case (the personal dictionary, words ignored in the brief).
    pub fn add_any_case<'w>(&mut self, words: impl IntoIterator<Item = &'w str>) {
        for word in words {
            self.mix(word);
            self.any_case.insert(word.trim().to_lowercase());
        }
    }

    /// Changes whenever the accepted words may have: the same texts give the same value.
    /// Results checked under one fingerprint stay valid while it holds, so typing in a
    /// paragraph (which adds no names) keeps every other field's result.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    fn mix(&mut self, text: &str) {
        self.fingerprint = mixed(self.fingerprint, text);
    }

    /// True if `word` is accepted without a dictionary.
    pub fn contains(&self, word: &str) -> bool {
        let base = without_possessive(word);
        self.exact.contains(word)
            || self.exact.contains(base)
            || self.any_case.contains(&word.to_lowercase())
            || self.any_case.contains(&base.to_lowercase())
    }

    fn add_all_words(&mut self, text: &str) {
        for range in words_to_check(text) {
            self.exact
                .insert(without_possessive(&text[range]).to_owned());
        }
    }

    /// Adds the capitalised words of `text`. In prose, words that open a sentence are left
    /// out: a capital there says nothing about a name, and a misspelt first word would
    /// otherwise be accepted. Fields that hold only names keep them all.
    fn add_capitalised(&mut self, text: &str, with_sentence_openers: bool) {
        for range in words_to_check(text) {
            let opens_sentence = text[..range.start]
                .chars()
                .rev()
                .find(|c| c.is_alphanumeric() || matches!(c, '.' | '!' | '?' | ':'))
                .is_none_or(|c| !c.is_alphanumeric());
            let word = without_possessive(&text[range]);
            if (with_sentence_openers || !opens_sentence)
                && word.chars().next().is_some_and(char::is_uppercase)
            {
                self.exact.insert(word.to_owned());
            }
        }
    }
}

/// How a text of the project gives accepted words.
#[derive(Debug, Clone, Copy)]
enum Taken {
    /// Every word: a source's title, author and publication.
    AllWords,
    /// Its capitalised words (see [`Accepted::add_capitalised`]).
    Capitalised { with_sentence_openers: bool },
    /// The text is one word, accepted in any case.
    AnyCase,
}

/// Calls `take` with each text of `project` that gives accepted words, in a fixed order.
fn each_text(project: &Project, mut take: impl FnMut(&str, Taken)) {
    let prose = Taken::Capitalised {
        with_sentence_openers: false,
    };
    let names = Taken::Capitalised {
        with_sentence_openers: true,
    };
    for source in &project.sources {
        for field in [&source.title, &source.author, &source.publication] {
            take(field, Taken::AllWords);
        }
        for section in &source.sections {
            take(&section.text, prose);
        }
    }
    for point in &project.talking_points {
        take(&point.text, prose);
    }
    let meta = &project.brief.meta;
    // Only the fields that name people and offices: the title and purpose are prose and
    // are checked, so their words are not taken as names.
    for field in MetaField::ALL
        .into_iter()
        .filter(|field| field.names_people())
    {
        take(field.get(meta), names);
    }
    for addressee in &meta.also_to {
        take(&addressee.name, names);
    }
    for row in &meta.clearance {
        for text in [&row.name, &row.position, &row.division] {
            take(text, names);
        }
    }
    for text in [&meta.contact.name, &meta.contact.position] {
        take(text, names);
    }
    for word in &project.brief.ignored_words {
        take(word, Taken::AnyCase);
    }
}

fn mixed(fingerprint: u64, text: &str) -> u64 {
    super::cache::hash_of(&(fingerprint, text))
}

/// "Kazakhstan" for "Kazakhstan’s" or "Kazakhstan's".
fn without_possessive(word: &str) -> &str {
    word.strip_suffix("\u{2019}s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}
