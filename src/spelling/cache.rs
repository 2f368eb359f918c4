//! Remembered results per place of the brief, so that typing re-checks only the text
//! that changed.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

use super::Checker;
use crate::model::find::Place;

/// The unknown words of each place, keyed by the place and a field within it (a table
/// cell's row and column), with the hash of the text they were found in. A result is
/// reused while the text is the same and the checking context (language, dictionaries,
/// accepted words) has not changed.
#[derive(Debug, Default)]
pub struct SpellCache {
    context: u64,
    entries: HashMap<(Place, usize), Remembered>,
}

/// The hash of a field's text and the unknown words found in it.
#[derive(Debug)]
struct Remembered {
    text_hash: u64,
    found: Vec<Range<usize>>,
}

impl SpellCache {
    /// The unknown words of `text`, from the cache if `text` is what was checked last in
    /// this place under the same `context` (a hash of everything else the result depends
    /// on).
    pub fn unknown_words(
        &mut self,
        checker: &Checker<'_>,
        context: u64,
        key: (Place, usize),
        text: &str,
    ) -> Vec<Range<usize>> {
        if context != self.context {
            self.entries.clear();
            self.context = context;
        }
        let text_hash = hash_of(text);
        if let Some(remembered) = self.entries.get(&key)
            && remembered.text_hash == text_hash
        {
            return remembered.found.clone();
        }
        let found = checker.unknown_words(text);
        let remembered = Remembered {
            text_hash,
            found: found.clone(),
        };
        self.entries.insert(key, remembered);
        found
    }

    /// How many places have a remembered result.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A hash of `value`, for cache keys.
pub fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
