//! Texts with review marks written into them: a stretch marked piece by piece, and the
//! space after deleted words that something replaces.

use crate::change_mark::{self, Change};

/// `text` marked as `change`, one mark per stretch between separators.
pub fn wrap_pieces(text: &str, change: Change, separators: &[char]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut piece = String::new();
    for c in text.chars() {
        if separators.contains(&c) {
            out.push_str(&change_mark::wrap(change, &piece));
            piece.clear();
            out.push(c);
        } else {
            piece.push(c);
        }
    }
    out.push_str(&change_mark::wrap(change, &piece));
    out
}

/// Deleted words followed by the words that replace them, with a space between when the
/// deletion ends in a word: "~~positive~~ cautiously" reads, "~~positive~~cautiously" runs
/// together (and does in a reader's text). The space is deleted text, so it is never in
/// the brief.
pub fn spaced_deletion(deleted: &str, replaced: bool) -> std::borrow::Cow<'_, str> {
    if replaced && !deleted.is_empty() && !deleted.ends_with(char::is_whitespace) {
        std::borrow::Cow::Owned(format!("{deleted} "))
    } else {
        std::borrow::Cow::Borrowed(deleted)
    }
}
