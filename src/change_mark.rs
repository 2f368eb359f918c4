//! Review marks inside text: spans inserted, deleted or changed, as the review's markup and
//! the redline of a comparison write them, and as the layout and the Word writer read them.
//!
//! A mark travels inside the text itself, as private-use characters around the span, so
//! that it passes through the inline parser, the typesetter's cache and the plan untouched
//! by code that does not care. No text an officer writes holds them: [`strip`] takes them
//! out of text that comes in from outside.

use std::ops::Range;

/// How a span of text differs from what it is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// Underlined and coloured.
    Inserted,
    /// Struck through and coloured.
    Deleted,
    /// The text as it would read with the change made, flagged only by a bar in the margin
    /// ("simple markup").
    Changed,
}

/// A marked span: what changed, and who changed it (an index into the attributions the
/// markup comes with; 0 when there is only one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Change {
    pub kind: ChangeKind,
    pub by: u16,
}

const INSERTED: char = '\u{E000}';
const DELETED: char = '\u{E001}';
const CHANGED: char = '\u{E002}';
const END: char = '\u{E003}';
/// Where a comment's text starts and ends, each followed by the comment's index as an
/// attribution is: for the Word writer, which anchors Word's comments there.
const COMMENT_START: char = '\u{E004}';
const COMMENT_END: char = '\u{E005}';
/// The attribution follows the opening mark as `ATTRIBUTION + by`.
const ATTRIBUTION: u32 = 0xE100;
const LAST_ATTRIBUTION: u32 = 0xE7FF;

/// `text` marked as `change`.
pub fn wrap(change: Change, text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let open = match change.kind {
        ChangeKind::Inserted => INSERTED,
        ChangeKind::Deleted => DELETED,
        ChangeKind::Changed => CHANGED,
    };
    let by = attribution(change.by);
    let mut out = String::with_capacity(text.len() + 9);
    out.push(open);
    out.push(by);
    out.push_str(text);
    out.push(END);
    out
}

/// The character that follows an opening mark to say who (or which comment) it is.
fn attribution(index: u16) -> char {
    char::from_u32(ATTRIBUTION + u32::from(index).min(LAST_ATTRIBUTION - ATTRIBUTION))
        .unwrap_or(END)
}

fn is_mark(c: char) -> bool {
    ('\u{E000}'..='\u{E7FF}').contains(&c)
}

/// Whether `text` holds any review mark.
pub fn has_marks(text: &str) -> bool {
    // Every mark is encoded as 0xEE followed by two bytes; most text has no 0xEE at all.
    text.as_bytes().contains(&0xEE) && text.chars().any(is_mark)
}

/// `text` without review marks.
pub fn strip(text: &str) -> String {
    if has_marks(text) {
        text.chars().filter(|c| !is_mark(*c)).collect()
    } else {
        text.to_owned()
    }
}

/// `text` as it reads with its marked changes made: deleted stretches dropped, marks
/// taken out. For what is not drawn, such as a document's title in its properties.
pub fn current(text: &str) -> String {
    if !has_marks(text) {
        return text.to_owned();
    }
    split(text)
        .into_iter()
        .filter(|(_, change)| change.is_none_or(|c| c.kind != ChangeKind::Deleted))
        .map(|(range, _)| &text[range])
        .collect()
}

/// `text` with the start and end of comment `index` marked around bytes `range`.
pub fn with_comment(text: &str, range: std::ops::Range<usize>, index: u16) -> String {
    let index = attribution(index);
    let (Some(before), Some(inside), Some(after)) = (
        text.get(..range.start),
        text.get(range.clone()),
        text.get(range.end..),
    ) else {
        return text.to_owned();
    };
    format!("{before}{COMMENT_START}{index}{inside}{COMMENT_END}{index}{after}")
}

/// The text as it was before its marked changes: inserted stretches dropped, marks
/// taken out. An excerpt whose original words match its source is not adapted, whatever
/// is suggested.
pub fn original(text: &str) -> String {
    if !has_marks(text) {
        return text.to_owned();
    }
    split(text)
        .into_iter()
        .filter(|(_, change)| change.is_none_or(|c| c.kind != ChangeKind::Inserted))
        .map(|(range, _)| &text[range])
        .collect()
}

/// A stretch of marked text, or where a comment starts or ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(Range<usize>, Option<Change>),
    CommentStart(u16),
    CommentEnd(u16),
}

/// `text` cut into stretches of one mark, as [`split`] does, with the comments' anchors
/// where they stand.
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut current: Option<Change> = None;
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !is_mark(c) {
            continue;
        }
        if at > start {
            pieces.push(Piece::Text(start..at, current));
        }
        let mut next = at + c.len_utf8();
        let mut index = 0;
        if matches!(
            c,
            INSERTED | DELETED | CHANGED | COMMENT_START | COMMENT_END
        ) && let Some(&(_, attribution)) = chars.peek()
            && (ATTRIBUTION..=LAST_ATTRIBUTION).contains(&u32::from(attribution))
        {
            index = u16::try_from(u32::from(attribution) - ATTRIBUTION).unwrap_or(0);
            next += attribution.len_utf8();
            chars.next();
        }
        match c {
            INSERTED => {
                current = Some(Change {
                    kind: ChangeKind::Inserted,
                    by: index,
                })
            }
            DELETED => {
                current = Some(Change {
                    kind: ChangeKind::Deleted,
                    by: index,
                })
            }
            CHANGED => {
                current = Some(Change {
                    kind: ChangeKind::Changed,
                    by: index,
                })
            }
            // A comment's anchors stand inside a change without ending it.
            COMMENT_START => pieces.push(Piece::CommentStart(index)),
            COMMENT_END => pieces.push(Piece::CommentEnd(index)),
            // The end mark, or a stray attribution: either closes the span.
            _ => current = None,
        }
        start = next;
    }
    if start < text.len() {
        pieces.push(Piece::Text(start..text.len(), current));
    }
    pieces
}

/// `text` cut into stretches of one mark (or none), each as its byte range in `text`
/// without the mark characters. Marks do not nest: an opening mark inside a marked span
/// starts the next span.
pub fn split(text: &str) -> Vec<(Range<usize>, Option<Change>)> {
    pieces(text)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Text(range, change) => Some((range, change)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_spans_come_back_with_their_kind_and_author() {
        let inserted = Change {
            kind: ChangeKind::Inserted,
            by: 3,
        };
        let deleted = Change {
            kind: ChangeKind::Deleted,
            by: 0,
        };
        let text = format!(
            "Trade {}{} grew.",
            wrap(deleted, "fell"),
            wrap(inserted, "rose")
        );
        assert!(has_marks(&text));
        let found: Vec<(&str, Option<Change>)> = split(&text)
            .into_iter()
            .map(|(range, change)| (&text[range], change))
            .collect();
        assert_eq!(
            found,
            vec![
                ("Trade ", None),
                ("fell", Some(deleted)),
                ("rose", Some(inserted)),
                (" grew.", None),
            ]
        );
        assert_eq!(strip(&text), "Trade fellrose grew.");
        assert_eq!(current(&text), "Trade rose grew.");
        assert_eq!(original(&text), "Trade fell grew.");
        // A comment's anchors leave the change they stand in as it was.
        let commented = with_comment(&text, 0..5, 2);
        assert_eq!(split(&commented), split(&with_comment(&text, 0..5, 7)));
        assert_eq!(strip(&commented), strip(&text));
        assert!(pieces(&commented).contains(&Piece::CommentStart(2)));
        assert!(pieces(&commented).contains(&Piece::CommentEnd(2)));
        assert!(!has_marks("Қазақстан ₸"));
    }
}
