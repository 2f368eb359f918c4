//! Document information, language, a content-derived document id and the outline mode.

use std::hash::{DefaultHasher, Hash, Hasher};

use lopdf::{Object, StringFormat};
use printpdf::PdfDocument;
use printpdf::date::{Date, DateTime, Offset, Time};

use super::PdfError;
use crate::layout::{Item, Laid};
use crate::model::BriefMeta;

/// Title, author, subject, keywords, producer and the dates, all from the brief.
pub fn fill_info(doc: &mut PdfDocument, meta: &BriefMeta) {
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = if meta.author.trim().is_empty() {
        meta.from.clone()
    } else {
        meta.author.clone()
    };
    info.subject = if meta.purpose.trim().is_empty() {
        format!("Briefing note: {}", meta.title)
    } else {
        meta.purpose.clone()
    };
    info.keywords = meta.keywords.clone();
    info.creator = "Briefwright".to_owned();
    info.producer = format!("Briefwright {}", env!("CARGO_PKG_VERSION"));
    let stamp = parse_timestamp(&meta.created).unwrap_or_else(|| utc(2000, 1, 1, 0, 0, 0));
    info.creation_date = stamp;
    info.modification_date = stamp;
    info.metadata_date = stamp;
}

/// A UTC date and time.
fn utc(year: i32, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> DateTime {
    DateTime::new_in_offset(
        Date { year, month, day },
        Time {
            hour,
            minute,
            second,
            millisecond: 0,
        },
        Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// Reads "YYYY-MM-DDTHH:MM:SSZ" (or just the date) as UTC.
fn parse_timestamp(text: &str) -> Option<DateTime> {
    let text = text.trim();
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<u16>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = if text.len() >= 19 {
        (number(11..13)?, number(14..16)?, number(17..19)?)
    } else {
        (0, 0, 0)
    };
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    Some(utc(
        i32::from(year),
        month as u8,
        day as u8,
        hour as u8,
        minute as u8,
        second as u8,
    ))
}

/// Sets the language, a document id derived from the content, and opens the outline
/// panel when there is one.
pub fn finish_catalog(
    document: &mut lopdf::Document,
    laid: &Laid,
    meta: &BriefMeta,
    has_outline: bool,
) -> Result<(), PdfError> {
    let root = document
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| PdfError::Assemble(format!("no document catalog: {e}")))?;
    let catalog = document
        .get_object_mut(root)
        .and_then(Object::as_dict_mut)
        .map_err(|e| PdfError::Assemble(format!("unreadable document catalog: {e}")))?;
    catalog.set("Lang", Object::string_literal("en-GB"));
    if has_outline {
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    } else {
        catalog.remove(b"PageMode");
    }
    let id = Object::String(fingerprint(laid, meta).to_vec(), StringFormat::Hexadecimal);
    document
        .trailer
        .set("ID", Object::Array(vec![id.clone(), id]));
    Ok(())
}

/// 16 bytes that change whenever the pages or metadata change.
fn fingerprint(laid: &Laid, meta: &BriefMeta) -> [u8; 16] {
    let mut bytes = [0u8; 16];
    for (half, seed) in [0u8, 1].into_iter().enumerate() {
        let mut hasher = DefaultHasher::new();
        seed.hash(&mut hasher);
        meta.title.hash(&mut hasher);
        meta.created.hash(&mut hasher);
        for page in &laid.pages {
            for positioned in &page.items {
                positioned.at.x.0.to_bits().hash(&mut hasher);
                positioned.at.y.0.to_bits().hash(&mut hasher);
                if let Item::Text(run) = &positioned.item {
                    for glyph in run.glyphs.iter() {
                        glyph.id.hash(&mut hasher);
                    }
                }
            }
        }
        bytes[half * 8..half * 8 + 8].copy_from_slice(&hasher.finish().to_be_bytes());
    }
    bytes
}
