//! A Hunspell dictionary read in two halves on two threads. spellbook reads a 50,000-word
//! English list in about 16 ms on one core, and `briefwright export` waits for it to
//! print its count of unknown words; two halves read side by side take about half that.
//! A word is known if either half knows it: each stem with its affix flags is in one
//! half, and the affix rules (the same `.aff`) go with both. Suggestions from the two
//! halves are taken in turn, so the best of each comes first.

use spellbook::{Dictionary, ParseDictionaryError};

use super::stem_index::Rules;
use super::stems::StemIndex;

/// Below this many entries a list is read whole: splitting would not pay for the thread.
const SPLIT_FROM_LINES: usize = 4_000;

/// A dictionary: one or two spellbook dictionaries with the same affix rules.
pub struct Lexicon {
    parts: Vec<Dictionary>,
}

impl Lexicon {
    /// Reads `dic` with the rules of `aff`, in two halves on two threads when it is long.
    pub fn new(aff: &str, dic: &str) -> Result<Lexicon, ParseDictionaryError> {
        let Some((first, second)) = halves(dic) else {
            return Ok(Lexicon {
                parts: vec![Dictionary::new(aff, dic)?],
            });
        };
        let (first, second) = std::thread::scope(|scope| {
            let other = scope.spawn(|| Dictionary::new(aff, &second));
            let first = Dictionary::new(aff, &first);
            (first, other.join())
        });
        let second = second.unwrap_or_else(|_| Dictionary::new(aff, dic));
        Ok(Lexicon {
            parts: vec![first?, second?],
        })
    }

    /// A dictionary of only the entries of `dic` that words of `texts` can be accepted
    /// through, found with `index`, which reads in a fraction of the time and answers
    /// [`Lexicon::check`] for those words as the whole list would (see
    /// [`super::stem_index`]). Its suggestions are poorer: it is for counting unknown
    /// words, not for correcting them.
    pub fn for_texts(
        aff: &str,
        dic: &str,
        index: &StemIndex,
        texts: &[String],
    ) -> Result<Lexicon, ParseDictionaryError> {
        match Rules::read(aff) {
            Some(rules) => Ok(Lexicon {
                parts: vec![Dictionary::new(
                    aff,
                    &index.entries_for(dic, &rules, texts),
                )?],
            }),
            None => Lexicon::new(aff, dic),
        }
    }

    /// Whether the word is spelt right.
    pub fn check(&self, word: &str) -> bool {
        self.parts.iter().any(|part| part.check(word))
    }

    /// Suggestions for a misspelt word, best first, without repeats.
    pub fn suggest(&self, word: &str, out: &mut Vec<String>) {
        let lists: Vec<Vec<String>> = self
            .parts
            .iter()
            .map(|part| {
                let mut list = Vec::new();
                part.suggest(word, &mut list);
                list
            })
            .collect();
        let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
        for index in 0..longest {
            for list in &lists {
                if let Some(suggestion) = list.get(index)
                    && !out.contains(suggestion)
                {
                    out.push(suggestion.clone());
                }
            }
        }
    }
}

/// The entries of a `.dic` file cut in two at a line, each with its own count line, or
/// `None` for a short list.
fn halves(dic: &str) -> Option<(String, String)> {
    let mut lines = dic.lines();
    // The first line is the entry count, which each half writes afresh.
    lines.next()?;
    let entries: Vec<&str> = lines.collect();
    if entries.len() < SPLIT_FROM_LINES {
        return None;
    }
    let (first, second) = entries.split_at(entries.len() / 2);
    let part = |entries: &[&str]| {
        let mut text = String::with_capacity(entries.iter().map(|e| e.len() + 1).sum());
        text.push_str(&entries.len().to_string());
        text.push('\n');
        for entry in entries {
            text.push_str(entry);
            text.push('\n');
        }
        text
    };
    Some((part(first), part(second)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_read_in_halves_knows_the_words_of_both() {
        let aff = "SET UTF-8\nSFX S Y 1\nSFX S 0 s .\n";
        let mut dic = String::from("5000\n");
        for index in 0..5000 {
            dic.push_str(&format!("word{}x/S\n", (b'a' + (index % 26) as u8) as char));
            dic.push_str(&format!("stem{index:05}\n"));
        }
        let lexicon = Lexicon::new(aff, &dic).expect("reads");
        assert_eq!(lexicon.parts.len(), 2, "read in two halves");
        assert!(lexicon.check("stem00001") && lexicon.check("stem04999"));
        assert!(
            lexicon.check("wordax") && lexicon.check("wordaxs"),
            "affixes apply"
        );
        assert!(!lexicon.check("stem5"));
        let mut suggestions = Vec::new();
        lexicon.suggest("stem0499", &mut suggestions);
        assert!(
            suggestions.len()
                == suggestions
                    .iter()
                    .collect::<std::collections::HashSet<_>>()
                    .len()
        );
        assert!(!suggestions.is_empty());
    }
}
