//! Footnotes in paragraphs: written `[^label]` in the text, with the note on a line of its
//! own in the same block (`[^label]: The note.`), numbered through the brief in order of
//! reference, and printed at the foot of the page where they are referenced.

use std::collections::HashMap;

use crate::model::{BlockId, BlockKind, Project};
use crate::template::Template;

/// Superscript digits, for the reference mark in the text.
const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The number of every referenced footnote, by block and label.
#[derive(Debug, Default)]
pub struct Footnotes {
    numbers: HashMap<(BlockId, String), usize>,
}

/// A block's text with its notes taken out and its references numbered.
#[derive(Debug, Clone, PartialEq)]
pub struct Noted {
    /// The text to print, references replaced by superscript numbers.
    pub text: String,
    /// Each note referenced in the text, in order: its mark as printed and its text.
    pub notes: Vec<(String, String)>,
}

impl Footnotes {
    /// Numbers the references of every paragraph and bullet list the template prints.
    pub fn new(project: &Project, template: &Template) -> Self {
        let mut footnotes = Footnotes::default();
        for block in super::printed_blocks(project, template) {
            for text in block_texts(&block.kind).filter(|t| t.contains("[^")) {
                let (body, definitions) = split(text);
                for label in references(&body) {
                    if definitions.iter().any(|(l, _)| *l == label) {
                        let next = footnotes.numbers.len() + 1;
                        footnotes.numbers.entry((block.id, label)).or_insert(next);
                    }
                }
            }
        }
        footnotes
    }

    /// `text` of `block` ready to print: definitions removed, each defined reference
    /// replaced by its number in superscript, with the notes in order of reference.
    /// References with no note are left as written.
    pub fn apply(&self, block: BlockId, text: &str) -> Noted {
        let mut printed = String::with_capacity(text.len());
        let mut notes = Vec::new();
        for segment in self.segments(block, text) {
            match segment {
                NoteSegment::Text(text) => printed.push_str(&text),
                NoteSegment::Note { number, text } => {
                    let mark = superscript(number);
                    printed.push_str(&mark);
                    notes.push((mark, text));
                }
            }
        }
        Noted {
            text: printed,
            notes,
        }
    }

    /// `text` of `block` cut where its defined references stand: the text between them,
    /// and each note with its number. A Word footnote goes where a note stands.
    pub fn segments(&self, block: BlockId, text: &str) -> Vec<NoteSegment> {
        if !text.contains("[^") {
            return vec![NoteSegment::Text(text.to_owned())];
        }
        let (body, definitions) = split(text);
        let mut segments = Vec::new();
        let mut pending = String::with_capacity(body.len());
        let mut rest = body.as_str();
        while let Some(start) = rest.find("[^") {
            let Some(length) = rest[start..].find(']') else {
                break;
            };
            let label = &rest[start + 2..start + length];
            let number = self.numbers.get(&(block, label.to_owned()));
            let definition = definitions.iter().find(|(l, _)| l == label);
            pending.push_str(&rest[..start]);
            match (number, definition) {
                (Some(number), Some((_, note))) => {
                    segments.push(NoteSegment::Text(std::mem::take(&mut pending)));
                    segments.push(NoteSegment::Note {
                        number: *number,
                        text: note.clone(),
                    });
                }
                _ => pending.push_str(&rest[start..start + length + 1]),
            }
            rest = &rest[start + length + 1..];
        }
        pending.push_str(rest);
        segments.push(NoteSegment::Text(pending));
        segments.retain(|segment| !matches!(segment, NoteSegment::Text(text) if text.is_empty()));
        segments
    }
}

/// A stretch of a block's text, or a footnote referenced at that point.
#[derive(Debug, Clone, PartialEq)]
pub enum NoteSegment {
    Text(String),
    Note { number: usize, text: String },
}

fn block_texts(kind: &BlockKind) -> impl Iterator<Item = &str> {
    let (one, many): (Option<&str>, &[String]) = match kind {
        BlockKind::Paragraph { text } => (Some(text), &[]),
        BlockKind::Bullets { items } => (None, items),
        _ => (None, &[]),
    };
    one.into_iter().chain(many.iter().map(String::as_str))
}

/// The text without its note lines, and the notes as (label, text).
fn split(text: &str) -> (String, Vec<(String, String)>) {
    let mut body = Vec::new();
    let mut notes = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let definition = trimmed
            .strip_prefix("[^")
            .and_then(|rest| rest.split_once("]:"))
            .filter(|(label, _)| !label.is_empty() && !label.contains(char::is_whitespace));
        match definition {
            Some((label, note)) => notes.push((label.to_owned(), note.trim().to_owned())),
            None => body.push(line),
        }
    }
    (body.join("\n").trim_end().to_owned(), notes)
}

/// The labels referenced in `body`, in order.
fn references(body: &str) -> Vec<String> {
    let mut labels = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find("[^") {
        let Some(length) = rest[start..].find(']') else {
            break;
        };
        labels.push(rest[start + 2..start + length].to_owned());
        rest = &rest[start + length + 1..];
    }
    labels
}

/// The footnote number a printed mark ("¹²") stands for; 0 for anything else.
pub fn number_of_mark(mark: &str) -> u16 {
    mark.chars()
        .filter_map(|c| SUPERSCRIPT.iter().position(|s| *s == c))
        .fold(0u16, |number, digit| {
            number.saturating_mul(10).saturating_add(digit as u16)
        })
}

fn superscript(number: usize) -> String {
    number
        .to_string()
        .chars()
        .filter_map(|d| d.to_digit(10).map(|d| SUPERSCRIPT[d as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_split_from_the_text_and_references_numbered() {
        let (body, notes) = split("Water is the case.[^w] More.\n[^w]: Ministry figures, 2026.");
        assert_eq!(body, "Water is the case.[^w] More.");
        assert_eq!(
            notes,
            [("w".to_owned(), "Ministry figures, 2026.".to_owned())]
        );
        assert_eq!(references(&body), ["w"]);
        assert_eq!(superscript(12), "¹²");
        assert_eq!(number_of_mark(&superscript(12)), 12);
        assert_eq!(number_of_mark("x"), 0);
        let mut footnotes = Footnotes::default();
        footnotes.numbers.insert((BlockId(7), "w".into()), 3);
        let noted = footnotes.apply(BlockId(7), "Water.[^w] And [^nope] stays.\n[^w]: Figures.");
        assert_eq!(noted.text, "Water.³ And [^nope] stays.");
        assert_eq!(noted.notes, [("³".to_owned(), "Figures.".to_owned())]);
    }
}
