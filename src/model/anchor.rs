//! Keeping comments and suggestions on their text while the text around them is edited.
//!
//! An edit of a text changes one stretch of it (a keystroke, a paste, a replace); the rest
//! keeps its bytes. Positions before the stretch stay, positions after it move by the
//! change in length, and a range inside it is gone.

use std::ops::Range;

/// The one stretch where two versions of a text differ: bytes `start..old_end` of the old
/// text became `start..new_end` of the new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

/// Where `old` and `new` differ, found by their common start and end; `None` if equal.
pub fn changed_region(old: &str, new: &str) -> Option<Changed> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    Some(Changed {
        start: prefix,
        old_end: old.len() - suffix,
        new_end: new.len() - suffix,
    })
}

/// `range` of the old text in the new one. Text typed just before or just after the range
/// stays outside it; text typed inside it is in it. `None` if the whole range was replaced.
pub fn map_range(range: &Range<usize>, changed: &Changed) -> Option<Range<usize>> {
    let shift = |p: usize| p + changed.new_end - changed.old_end;
    if range.is_empty() {
        // A point (where a suggestion inserts): it keeps its place among the words.
        let p = range.start;
        let at = if p <= changed.start {
            p
        } else if p >= changed.old_end {
            shift(p)
        } else {
            changed.new_end
        };
        return Some(at..at);
    }
    let start = if range.start < changed.start {
        range.start
    } else if range.start >= changed.old_end {
        shift(range.start)
    } else {
        changed.new_end
    };
    let end = if range.end <= changed.start {
        range.end
    } else if range.end >= changed.old_end {
        shift(range.end)
    } else {
        changed.start
    };
    (start < end).then_some(start..end)
}

/// Where `quote` is in `text`, nearest to byte `near`.
pub fn find_quote(text: &str, quote: &str, near: usize) -> Option<Range<usize>> {
    if quote.is_empty() {
        return None;
    }
    text.match_indices(quote)
        .map(|(at, _)| at)
        .min_by_key(|at| at.abs_diff(near))
        .map(|at| at..at + quote.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(old: &str, new: &str, range: Range<usize>) -> Option<String> {
        let changed = changed_region(old, new).expect("texts differ");
        map_range(&range, &changed).map(|r| new[r].to_owned())
    }

    #[test]
    fn a_range_follows_its_words_through_edits_around_and_inside_it() {
        let old = "Trade with Kazakhstan grew in 2025.";
        let range = 11..21; // "Kazakhstan"
        assert_eq!(&old[range.clone()], "Kazakhstan");
        // Typed before, after, inside, and right at either edge.
        assert_eq!(
            moved(
                old,
                "Two-way trade with Kazakhstan grew in 2025.",
                range.clone()
            )
            .as_deref(),
            Some("Kazakhstan")
        );
        assert_eq!(
            moved(
                old,
                "Trade with Kazakhstan strongly grew in 2025.",
                range.clone()
            )
            .as_deref(),
            Some("Kazakhstan")
        );
        assert_eq!(
            moved(old, "Trade with Kazakh-stan grew in 2025.", range.clone()).as_deref(),
            Some("Kazakh-stan")
        );
        assert_eq!(
            moved(old, "Trade with Kazakhstan's grew in 2025.", range.clone()).as_deref(),
            Some("Kazakhstan")
        );
        // Part of it replaced: what is left of it stays covered.
        assert_eq!(
            moved(old, "Trade with Kazakh grew in 2025.", range.clone()).as_deref(),
            Some("Kazakh")
        );
        // All of it deleted.
        assert_eq!(moved(old, "Trade with grew in 2025.", range), None);
    }

    #[test]
    fn the_region_never_cuts_a_character() {
        let changed = changed_region("Қазақ тілі", "Қазан тілі").expect("differ");
        assert!("Қазақ тілі".is_char_boundary(changed.start));
        assert_eq!(&"Қазан тілі"[changed.start..changed.new_end], "н");
        assert_eq!(find_quote("a b a", "a", 4), Some(4..5));
    }
}
