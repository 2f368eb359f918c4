//! Word-level differences between two texts, as a reader judges them: a changed word is
//! one change, and a short stretch left standing between two changes ("the" in "fell
//! the most" → "rose the least") is folded into them, as diff-match-patch's semantic
//! clean-up does, so a redline reads in phrases rather than in flickering single words.

use std::ops::Range;
use std::time::Duration;

use similar::{Algorithm, DiffOp, TextDiff};

/// Bytes `old` of the old text became bytes `new` of the new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    pub old: Range<usize>,
    pub new: Range<usize>,
}

/// The changes that turn `old` into `new`, in order, never overlapping.
pub fn word_hunks(old: &str, new: &str) -> Vec<Hunk> {
    if old == new {
        return Vec::new();
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        // A pathological pair of long texts gives a coarser diff, never a hang.
        .timeout(Duration::from_millis(200))
        .diff_unicode_words(old, new);
    let offsets = |slices: &[&str]| {
        let mut at = Vec::with_capacity(slices.len() + 1);
        let mut sum = 0;
        at.push(0);
        for slice in slices {
            sum += slice.len();
            at.push(sum);
        }
        at
    };
    let old_at = offsets(diff.old_slices());
    let new_at = offsets(diff.new_slices());
    // Runs of equal and changed tokens, alternating, in byte ranges.
    let mut runs: Vec<(bool, Range<usize>, Range<usize>)> = Vec::new();
    for op in diff.ops() {
        let equal = matches!(op, DiffOp::Equal { .. });
        let (old_range, new_range) = (op.old_range(), op.new_range());
        let bytes = (
            old_at[old_range.start]..old_at[old_range.end],
            new_at[new_range.start]..new_at[new_range.end],
        );
        match runs.last_mut() {
            Some(last) if last.0 == equal => {
                last.1.end = bytes.0.end;
                last.2.end = bytes.1.end;
            }
            _ => runs.push((equal, bytes.0, bytes.1)),
        }
    }
    let mut hunks: Vec<Hunk> = Vec::new();
    let mut index = 0;
    while index < runs.len() {
        let (equal, old_range, new_range) = runs[index].clone();
        if !equal {
            hunks.push(Hunk {
                old: old_range,
                new: new_range,
            });
        } else if let (Some(previous), Some(next)) = (hunks.last_mut(), runs.get(index + 1))
            && is_slight(&old[old_range.clone()], previous, &next.1, &next.2)
        {
            // Fold the equal stretch and the next change into the previous hunk.
            previous.old.end = next.1.end;
            previous.new.end = next.2.end;
            index += 2;
            continue;
        }
        index += 1;
    }
    hunks
}

/// Whether an equal stretch between two changes is too slight to stand on its own: a
/// space, or a word no longer than the changes on both sides.
fn is_slight(
    equal: &str,
    before: &Hunk,
    after_old: &Range<usize>,
    after_new: &Range<usize>,
) -> bool {
    let word = equal.trim();
    let size = word.chars().count();
    let before_size = before.old.len().max(before.new.len());
    let after_size = after_old.len().max(after_new.len());
    word.is_empty()
        || (word.split_whitespace().count() == 1
            && size <= 4
            && size <= before_size
            && size <= after_size)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(old: &str, new: &str) -> Vec<(String, String)> {
        word_hunks(old, new)
            .into_iter()
            .map(|h| (old[h.old].to_owned(), new[h.new].to_owned()))
            .collect()
    }

    #[test]
    fn changes_are_whole_words_and_phrases() {
        assert_eq!(
            show("Trade fell sharply in 2025.", "Trade rose sharply in 2025."),
            vec![("fell".to_owned(), "rose".to_owned())]
        );
        assert_eq!(
            show("exports fell the most", "exports rose the least"),
            vec![("fell the most".to_owned(), "rose the least".to_owned())]
        );
        assert_eq!(
            show(
                "The visit is in May.",
                "The visit, now confirmed, is in May."
            ),
            vec![("".to_owned(), ", now confirmed,".to_owned())]
        );
        assert!(word_hunks("same", "same").is_empty());
    }
}
