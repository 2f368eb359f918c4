//! A Word file back from review: its paragraphs with the block each came from (the
//! bookmarks the review export put on them), their text as written, inserted and deleted
//! with Word's tracked changes and who made them, where comments start and end, the
//! comments with their replies and resolved state, and the properties that name the
//! brief and version it was exported from.
//!
//! The package is checked as an article's is (size, parts, well-formed XML) before any
//! part is read.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use super::docx::{DocxError, check_package};
use crate::model::{BlockId, ReviewIdentity};

/// A piece of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Inserted { text: String, by: Reviser },
    Deleted { text: String, by: Reviser },
    CommentStart(String),
    CommentEnd(String),
}

/// Who made a tracked change, and when (as Word wrote it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reviser {
    pub author: String,
    pub date: String,
}

/// One paragraph of the body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WordParagraph {
    /// The block and paragraph its bookmark names, if it has one of ours (for a table's
    /// cell: the table's block and the cell's row).
    pub origin: Option<(BlockId, usize)>,
    /// The column of a table's cell.
    pub column: Option<usize>,
    pub pieces: Vec<Piece>,
    /// Inside a table (the title block, a table block).
    pub in_table: bool,
    /// Its paragraph mark was inserted or deleted with track changes on: a paragraph the
    /// reviewer added or removed.
    pub mark_inserted: Option<Reviser>,
    pub mark_deleted: Option<Reviser>,
    /// Formatting a reviewer changed with track changes on (bold, a style): listed for
    /// the officer, not applied.
    pub formatting: Vec<Reviser>,
}

impl WordParagraph {
    /// The text as it was before the tracked changes (written and deleted pieces).
    pub fn original(&self) -> String {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) | Piece::Deleted { text, .. } => text.as_str(),
                _ => "",
            })
            .collect()
    }

    /// The text with the tracked changes made.
    pub fn revised(&self) -> String {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) | Piece::Inserted { text, .. } => text.as_str(),
                _ => "",
            })
            .collect()
    }

    pub fn has_changes(&self) -> bool {
        self.pieces
            .iter()
            .any(|p| matches!(p, Piece::Inserted { .. } | Piece::Deleted { .. }))
    }
}

/// A comment of the file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WordComment {
    pub id: String,
    pub author: String,
    pub date: String,
    pub text: String,
    /// The `w14:paraId` of its first paragraph, which `commentsExtended` refers to.
    pub paragraph: String,
    /// The comment it answers, by paragraph id.
    pub parent: Option<String>,
    pub done: bool,
}

/// What a reviewed Word file holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewedWord {
    pub brief: Option<String>,
    pub version: Option<u64>,
    pub title: Option<String>,
    /// Who saved it last (`cp:lastModifiedBy`), and when (`dcterms:modified`).
    pub last_modified_by: Option<String>,
    pub modified: Option<String>,
    pub paragraphs: Vec<WordParagraph>,
    pub comments: Vec<WordComment>,
}

/// Reads a Word file back from review.
pub fn read(bytes: &[u8]) -> Result<ReviewedWord, DocxError> {
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        return Err(DocxError::OldWordFormat);
    }
    check_package(bytes)?;
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| DocxError::Unreadable(error.to_string()))?;
    let mut part = |name: &str| -> Option<Vec<u8>> {
        let mut file = archive.by_name(name).ok()?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).ok()?;
        Some(bytes)
    };
    let document = part("word/document.xml")
        .ok_or_else(|| DocxError::Unreadable("it has no document part".into()))?;
    let custom = part("docProps/custom.xml").unwrap_or_default();
    let core = part("docProps/core.xml").unwrap_or_default();
    let comments = part("word/comments.xml").unwrap_or_default();
    let extended = part("word/commentsExtended.xml").unwrap_or_default();
    let properties = custom_properties(&custom);
    let property = |name: &str| {
        properties
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .filter(|value| !value.is_empty())
    };
    let mut reviewed = ReviewedWord {
        brief: property(ReviewIdentity::BRIEF_PROPERTY),
        version: property(ReviewIdentity::VERSION_PROPERTY).and_then(|v| v.parse().ok()),
        title: property(ReviewIdentity::TITLE_PROPERTY),
        last_modified_by: element_text(&core, b"lastModifiedBy"),
        modified: element_text(&core, b"modified"),
        paragraphs: paragraphs(&document),
        comments: word_comments(&comments),
    };
    for (paragraph, parent, done) in comments_extended(&extended) {
        if let Some(comment) = reviewed
            .comments
            .iter_mut()
            .find(|c| c.paragraph == paragraph)
        {
            comment.parent = parent;
            comment.done = done;
        }
    }
    Ok(reviewed)
}

fn attribute(start: &BytesStart, name: &[u8]) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| {
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            quick_xml::escape::unescape(&raw)
                .map(|v| v.into_owned())
                .unwrap_or(raw)
        })
}

fn reviser(start: &BytesStart) -> Reviser {
    Reviser {
        author: attribute(start, b"author").unwrap_or_default(),
        date: attribute(start, b"date").unwrap_or_default(),
    }
}

/// Text content, with entities and character references resolved.
fn push_text(reader_event: &Event, text: &mut String) {
    match reader_event {
        Event::Text(chunk) => {
            if let Ok(decoded) = chunk.decode() {
                text.push_str(&decoded);
            }
        }
        Event::GeneralRef(reference) => {
            if let Ok(entity) = reference.decode() {
                if let Some(resolved) = quick_xml::escape::resolve_predefined_entity(&entity) {
                    text.push_str(resolved);
                } else if let Some(c) = entity
                    .strip_prefix("#x")
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32)
                {
                    text.push(c);
                }
            }
        }
        _ => {}
    }
}

/// The body's paragraphs and what is in them.
fn paragraphs(xml: &[u8]) -> Vec<WordParagraph> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut found = Vec::new();
    let mut current: Option<WordParagraph> = None;
    let mut tables = 0usize;
    let mut in_properties = false;
    let mut revision: Vec<(bool, Reviser)> = Vec::new();
    let mut in_text = false;
    let mut text = String::new();
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match &event {
            Event::Start(start) | Event::Empty(start) => {
                let empty = matches!(event, Event::Empty(_));
                match start.local_name().as_ref() {
                    b"tbl" if !empty => tables += 1,
                    b"p" => {
                        current = Some(WordParagraph {
                            in_table: tables > 0,
                            ..Default::default()
                        });
                        if empty {
                            found.extend(current.take());
                        }
                    }
                    b"pPr" if !empty => in_properties = true,
                    b"ins" | b"del" if in_properties => {
                        if let Some(paragraph) = current.as_mut() {
                            let who = Some(reviser(start));
                            if start.local_name().as_ref() == b"ins" {
                                paragraph.mark_inserted = who;
                            } else {
                                paragraph.mark_deleted = who;
                            }
                        }
                    }
                    b"ins" | b"del" if !empty => {
                        revision.push((start.local_name().as_ref() == b"ins", reviser(start)));
                    }
                    b"t" | b"delText" if !empty => {
                        in_text = true;
                        text.clear();
                    }
                    b"tab" if !in_properties => push_piece(&mut current, &revision, "\t"),
                    b"br" | b"cr" if !in_properties => push_piece(&mut current, &revision, "\n"),
                    b"rPrChange" | b"pPrChange" => {
                        if let Some(paragraph) = current.as_mut() {
                            paragraph.formatting.push(reviser(start));
                        }
                    }
                    b"bookmarkStart" => {
                        if let (Some(paragraph), Some(name)) =
                            (current.as_mut(), attribute(start, b"name"))
                            && paragraph.origin.is_none()
                        {
                            if let Some((block, row, column)) =
                                ReviewIdentity::cell_of_bookmark(&name)
                            {
                                paragraph.origin = Some((block, row));
                                paragraph.column = Some(column);
                            } else {
                                paragraph.origin = ReviewIdentity::block_of_bookmark(&name);
                            }
                        }
                    }
                    b"commentRangeStart" | b"commentRangeEnd" => {
                        if let (Some(paragraph), Some(id)) =
                            (current.as_mut(), attribute(start, b"id"))
                        {
                            paragraph.pieces.push(
                                if start.local_name().as_ref() == b"commentRangeStart" {
                                    Piece::CommentStart(id)
                                } else {
                                    Piece::CommentEnd(id)
                                },
                            );
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(_) | Event::GeneralRef(_) if in_text => push_text(&event, &mut text),
            Event::End(end) => match end.local_name().as_ref() {
                b"tbl" => tables = tables.saturating_sub(1),
                b"p" => found.extend(current.take()),
                b"pPr" => in_properties = false,
                b"ins" | b"del" if !in_properties => {
                    revision.pop();
                }
                b"t" | b"delText" => {
                    in_text = false;
                    let written = std::mem::take(&mut text);
                    push_piece(&mut current, &revision, &written);
                }
                _ => {}
            },
            _ => {}
        }
    }
    found
}

/// Adds `text` to the paragraph as what the innermost tracked change makes it.
fn push_piece(paragraph: &mut Option<WordParagraph>, revision: &[(bool, Reviser)], text: &str) {
    let Some(paragraph) = paragraph.as_mut() else {
        return;
    };
    if text.is_empty() {
        return;
    }
    let piece = match revision.last() {
        Some((true, by)) => Piece::Inserted {
            text: text.to_owned(),
            by: by.clone(),
        },
        Some((false, by)) => Piece::Deleted {
            text: text.to_owned(),
            by: by.clone(),
        },
        None => Piece::Text(text.to_owned()),
    };
    match (paragraph.pieces.last_mut(), &piece) {
        (Some(Piece::Text(last)), Piece::Text(more)) => last.push_str(more),
        (Some(Piece::Inserted { text: last, by: a }), Piece::Inserted { text: more, by: b })
        | (Some(Piece::Deleted { text: last, by: a }), Piece::Deleted { text: more, by: b })
            if a == b =>
        {
            last.push_str(more)
        }
        _ => paragraph.pieces.push(piece),
    }
}

/// The comments of `comments.xml`.
fn word_comments(xml: &[u8]) -> Vec<WordComment> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut comments = Vec::new();
    let mut current: Option<WordComment> = None;
    let mut in_text = false;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match &event {
            Event::Start(start) | Event::Empty(start) => match start.local_name().as_ref() {
                b"comment" => {
                    current = Some(WordComment {
                        id: attribute(start, b"id").unwrap_or_default(),
                        author: attribute(start, b"author").unwrap_or_default(),
                        date: attribute(start, b"date").unwrap_or_default(),
                        ..Default::default()
                    });
                }
                b"p" => {
                    if let Some(comment) = current.as_mut() {
                        if comment.paragraph.is_empty() {
                            comment.paragraph = attribute(start, b"paraId").unwrap_or_default();
                        } else if !comment.text.is_empty() {
                            comment.text.push('\n');
                        }
                    }
                }
                b"t" => in_text = matches!(event, Event::Start(_)),
                _ => {}
            },
            Event::Text(_) | Event::GeneralRef(_) if in_text => {
                if let Some(comment) = current.as_mut() {
                    push_text(&event, &mut comment.text);
                }
            }
            Event::End(end) => match end.local_name().as_ref() {
                b"t" => in_text = false,
                b"comment" => comments.extend(current.take()),
                _ => {}
            },
            _ => {}
        }
    }
    comments
}

/// Each `w15:commentEx`: its paragraph id, the one it answers, and whether it is done.
fn comments_extended(xml: &[u8]) -> Vec<(String, Option<String>, bool)> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut found = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(start) | Event::Empty(start))
                if start.local_name().as_ref() == b"commentEx" =>
            {
                let paragraph = attribute(&start, b"paraId").unwrap_or_default();
                let parent = attribute(&start, b"paraIdParent");
                let done = attribute(&start, b"done").is_some_and(|d| d == "1");
                found.push((paragraph, parent, done));
            }
            Ok(_) => {}
        }
    }
    found
}

/// The custom document properties, by name.
fn custom_properties(xml: &[u8]) -> Vec<(String, String)> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut found = Vec::new();
    let mut name: Option<String> = None;
    let mut value = String::new();
    let mut depth_in_property = 0usize;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match &event {
            Event::Start(start) if start.local_name().as_ref() == b"property" => {
                name = attribute(start, b"name");
                value.clear();
                depth_in_property = 1;
            }
            Event::Start(_) if depth_in_property > 0 => depth_in_property += 1,
            Event::Text(_) | Event::GeneralRef(_) if depth_in_property > 1 => {
                push_text(&event, &mut value)
            }
            Event::End(end) if depth_in_property > 0 => {
                depth_in_property -= 1;
                if end.local_name().as_ref() == b"property" {
                    depth_in_property = 0;
                    if let Some(name) = name.take() {
                        found.push((name, std::mem::take(&mut value)));
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// The text of the first element named `local_name`.
fn element_text(xml: &[u8], local_name: &[u8]) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut inside = false;
    let mut text = String::new();
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match &event {
            Event::Start(start) if start.local_name().as_ref() == local_name => inside = true,
            Event::End(end) if inside && end.local_name().as_ref() == local_name => break,
            _ if inside => push_text(&event, &mut text),
            _ => {}
        }
    }
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}
