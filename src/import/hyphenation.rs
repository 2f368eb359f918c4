//! Whether a hyphen at the end of a line in a PDF belongs to the word ("ribbon-cutting",
//! "Nur-Sultan") or was added by the layout to break it ("infra-structure").
//!
//! Producers do not say: LaTeX and many word processors draw a hyphen they add exactly as
//! one the author typed, and LibreOffice and Chromium rarely add any. So the words decide,
//! with the bundled English dictionary: a word the dictionary knows whole was broken by
//! the layout; two words it knows on either side of a hyphen are a compound. When the
//! dictionary knows neither (a name, another language), the document decides: a word it
//! writes with a hyphen elsewhere keeps it, and so does a hyphen before a capital.

use std::collections::HashSet;

use crate::spelling::{Dictionaries, DictionaryFolders};

/// The dictionary the words are looked up in.
const LANGUAGE: &str = "en-GB";

/// What a document says about its line-end hyphens.
pub struct Hyphenation {
    /// Words the document writes with a hyphen inside a line, lower-cased.
    compounds: HashSet<String>,
    /// Line-end breaks ("ribbon", "cutting") that the dictionary says are compounds.
    kept: HashSet<(String, String)>,
    /// Line-end breaks that the dictionary says split one word.
    joined: HashSet<(String, String)>,
}

impl Hyphenation {
    /// Reads the document's lines, in order, each a line of text as drawn.
    pub fn of_lines<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> Self {
        let compounds: HashSet<String> = lines
            .clone()
            .flat_map(str::split_whitespace)
            .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|word| word.contains('-'))
            .map(str::to_lowercase)
            .collect();
        let mut breaks: Vec<(String, String)> = Vec::new();
        let mut previous: Option<&str> = None;
        for line in lines {
            if let Some(before) = previous
                && let Some(pair) = broken_word(before, line)
            {
                breaks.push(pair);
            }
            previous = Some(line);
        }
        let (kept, joined) = judge(&breaks);
        Hyphenation {
            compounds,
            kept,
            joined,
        }
    }

    /// Whether the hyphen between `head` (ending a line) and `tail` (starting the next)
    /// belongs to the word.
    fn keeps(&self, head: &str, tail: &str, next_is_lower: bool) -> bool {
        // A layout breaks words, not names: "South-" then "East" is a compound.
        if !next_is_lower {
            return true;
        }
        let key = (head.to_lowercase(), tail.to_lowercase());
        if self.kept.contains(&key) {
            return true;
        }
        if self.joined.contains(&key) {
            return false;
        }
        self.compounds.contains(&format!("{}-{}", key.0, key.1))
    }

    /// Appends the next line of a paragraph to `text`: after a space, or straight on
    /// where the line ends in a hyphen (dropped unless it belongs to the word), a soft
    /// hyphen (dropped), or a dash or slash set close to the word before it.
    pub fn join(&self, text: &mut String, next: &str) {
        if text.ends_with('\u{ad}') {
            text.pop();
            text.push_str(next);
            return;
        }
        let before_last = text.chars().rev().nth(1);
        if text.ends_with(['-', '\u{2010}']) && before_last.is_some_and(char::is_alphabetic) {
            let head = last_word(text);
            let tail = first_word(next);
            let next_is_lower = next.chars().next().is_some_and(char::is_lowercase);
            if !self.keeps(&head, &tail, next_is_lower) {
                text.pop();
            }
            text.push_str(next);
            return;
        }
        // A dash or slash closed up to the word before it: the line broke after it.
        if text.ends_with(['\u{2013}', '\u{2014}', '/'])
            && before_last.is_some_and(|c| !c.is_whitespace())
        {
            text.push_str(next);
            return;
        }
        text.push(' ');
        text.push_str(next);
    }
}

/// The last word of a line that ends in a hyphen, without the hyphen.
fn last_word(text: &str) -> String {
    text.trim_end_matches(['-', '\u{2010}'])
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

/// The first word of a line, without what follows its letters.
fn first_word(text: &str) -> String {
    text.split(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

/// The word a line ending in a hyphen breaks, as its two halves.
fn broken_word(line: &str, next: &str) -> Option<(String, String)> {
    let before_last = line.chars().rev().nth(1);
    if !(line.ends_with(['-', '\u{2010}']) && before_last.is_some_and(char::is_alphabetic)) {
        return None;
    }
    let (head, tail) = (last_word(line), first_word(next));
    (!head.is_empty() && !tail.is_empty()).then(|| (head.to_lowercase(), tail.to_lowercase()))
}

/// The breaks the dictionary says are compounds, and those it says split one word.
/// Only the words asked about are read from the list, so this costs well under a
/// millisecond.
type Judged = (HashSet<(String, String)>, HashSet<(String, String)>);

fn judge(breaks: &[(String, String)]) -> Judged {
    let (mut kept, mut joined) = (HashSet::new(), HashSet::new());
    if breaks.is_empty() {
        return (kept, joined);
    }
    let texts: Vec<String> = breaks
        .iter()
        .map(|(head, tail)| format!("{head} {tail} {head}{tail}"))
        .collect();
    let (dictionaries, _) = Dictionaries::load_for_texts(
        &[LANGUAGE.to_owned()],
        &DictionaryFolders::only(Vec::new()),
        &texts,
    );
    let Some(dictionary) = dictionaries.get(LANGUAGE) else {
        return (kept, joined);
    };
    for (head, tail) in breaks {
        if dictionary.check(&format!("{head}{tail}")) {
            joined.insert((head.clone(), tail.clone()));
        } else if dictionary.check(head) && dictionary.check(tail) {
            kept.insert((head.clone(), tail.clone()));
        }
    }
    (kept, joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(lines: &[&str]) -> String {
        let hyphenation = Hyphenation::of_lines(lines.iter().copied());
        let mut text = lines[0].to_owned();
        for line in &lines[1..] {
            hyphenation.join(&mut text, line);
        }
        text
    }

    #[test]
    fn words_the_layout_broke_are_made_whole_and_compounds_keep_their_hyphen() {
        assert_eq!(
            joined(&["a wider infra-", "structure plan"]),
            "a wider infrastructure plan"
        );
        assert_eq!(
            joined(&["the ribbon-", "cutting, officials said"]),
            "the ribbon-cutting, officials said"
        );
        assert_eq!(joined(&["South-", "East Asia"]), "South-East Asia");
        assert_eq!(joined(&["soft\u{ad}", "ware"]), "software");
        assert_eq!(
            joined(&["the state-", "owned ports; state-owned firms"]),
            "the state-owned ports; state-owned firms"
        );
        assert_eq!(
            joined(&["the Asia\u{2013}", "Europe route"]),
            "the Asia\u{2013}Europe route"
        );
        assert_eq!(
            joined(&["ports \u{2013}", "and rail"]),
            "ports \u{2013} and rail"
        );
    }
}
