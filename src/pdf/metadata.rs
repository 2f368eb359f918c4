//! Document information, language, viewer preferences and a content-derived document id.

use lopdf::{Dictionary, Object, StringFormat, dictionary};

use crate::model::BriefMeta;

/// Title, author, subject, keywords, producer and the dates, all from the brief.
pub fn info(meta: &BriefMeta) -> Dictionary {
    let author = if meta.author.trim().is_empty() {
        &meta.from
    } else {
        &meta.author
    };
    let subject = if meta.purpose.trim().is_empty() {
        format!("Briefing note: {}", meta.title)
    } else {
        meta.purpose.clone()
    };
    let stamp = pdf_date(&meta.created).unwrap_or_else(|| "D:20000101000000Z".to_owned());
    let mut info = dictionary! {
        "Title" => text_string(&meta.title),
        "Author" => text_string(author),
        "Subject" => text_string(&subject),
        "Creator" => text_string("Briefwright"),
        "Producer" => text_string(&format!("Briefwright {}", env!("CARGO_PKG_VERSION"))),
        "CreationDate" => Object::string_literal(stamp.clone()),
        "ModDate" => Object::string_literal(stamp),
    };
    if !meta.keywords.is_empty() {
        info.set("Keywords", text_string(&meta.keywords.join(", ")));
    }
    info
}

/// Reads "YYYY-MM-DDTHH:MM:SSZ" (or just the date) as a UTC PDF date "D:YYYYMMDDHHmmSSZ".
fn pdf_date(text: &str) -> Option<String> {
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
    Some(format!(
        "D:{year:04}{month:02}{day:02}{hour:02}{minute:02}{second:02}Z"
    ))
}

/// The trailer's `/ID`: two copies of 16 bytes hashed from the finished document body,
/// so the same brief always gives the same file and any change gives a new id.
pub fn document_id(body: &[&[u8]], meta: &BriefMeta) -> Object {
    // FNV-1a, twice with different seeds; not cryptographic, only distinguishing.
    let mut halves = [0xcbf2_9ce4_8422_2325u64, 0x6c62_272e_07bb_0142u64];
    for half in &mut halves {
        let mut feed = |bytes: &[u8]| {
            for &byte in bytes {
                *half = (*half ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        };
        feed(meta.title.as_bytes());
        feed(meta.created.as_bytes());
        for part in body {
            feed(part);
        }
    }
    let mut bytes = halves[0].to_be_bytes().to_vec();
    bytes.extend_from_slice(&halves[1].to_be_bytes());
    let id = Object::String(bytes, StringFormat::Hexadecimal);
    Object::Array(vec![id.clone(), id])
}

/// Text for a PDF text string: PDFDocEncoding-safe ASCII as is, anything else as UTF-16BE.
pub fn text_string(text: &str) -> Object {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xfe, 0xff];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Literal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_strictly() {
        assert_eq!(
            pdf_date("2026-03-09T08:30:00Z").as_deref(),
            Some("D:20260309083000Z")
        );
        assert_eq!(pdf_date("2026-03-09").as_deref(), Some("D:20260309000000Z"));
        assert_eq!(pdf_date("2026-13-09"), None);
        assert_eq!(pdf_date("yesterday"), None);
    }
}
