//! Document information for printpdf, and the content-derived document id and text
//! strings that the finishing step writes.

use lopdf::{Object, StringFormat};
use printpdf::{Date, DateTime, Offset, PdfDocumentInfo, Time};

use crate::layout::Facts;

/// Title, author, subject, keywords, producer and the dates, all from the brief, for
/// printpdf to write as the document information.
pub fn describe(info: &mut PdfDocumentInfo, facts: &Facts) {
    info.document_title = facts.title.clone();
    info.author = facts.author.clone();
    info.subject = facts.subject();
    info.creator = "Briefwright".to_owned();
    info.producer = format!("Briefwright {}", env!("CARGO_PKG_VERSION"));
    // printpdf joins keywords with a bare comma; one entry keeps the spaces.
    info.keywords = if facts.keywords.is_empty() {
        Vec::new()
    } else {
        vec![facts.keywords.join(", ")]
    };
    let stamp = creation_time(&facts.created).unwrap_or(DateTime {
        date: Date {
            year: 2000,
            month: 1,
            day: 1,
        },
        time: Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        offset: UTC,
    });
    info.creation_date = stamp;
    info.modification_date = stamp;
    info.metadata_date = stamp;
}

const UTC: Offset = Offset {
    hours: 0,
    minutes: 0,
    seconds: 0,
    milliseconds: 0,
};

/// Reads "YYYY-MM-DDTHH:MM:SSZ" (or just the date) as a UTC time.
fn creation_time(text: &str) -> Option<DateTime> {
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
    Some(DateTime {
        date: Date {
            year: i32::from(year),
            month: month as u8,
            day: day as u8,
        },
        time: Time {
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
            millisecond: 0,
        },
        offset: UTC,
    })
}

/// The trailer's `/ID`: two copies of 16 bytes hashed from the finished document body,
/// so the same brief always gives the same file and any change gives a new id.
pub fn document_id(body: &[&[u8]], facts: &Facts) -> Object {
    // An FNV-style hash eight bytes at a time, twice with different seeds; not
    // cryptographic, only distinguishing, and quick on the megabytes of a long brief.
    let mut halves = [0xcbf2_9ce4_8422_2325u64, 0x6c62_272e_07bb_0142u64];
    for half in &mut halves {
        let mut feed = |bytes: &[u8]| {
            let mut words = bytes.chunks_exact(8);
            for word in &mut words {
                let mut lane = [0u8; 8];
                lane.copy_from_slice(word);
                *half = (*half ^ u64::from_le_bytes(lane)).wrapping_mul(0x0100_0000_01b3);
                *half ^= *half >> 29;
            }
            for &byte in words.remainder() {
                *half = (*half ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
            *half = (*half ^ bytes.len() as u64).wrapping_mul(0x0100_0000_01b3);
        };
        feed(facts.title.as_bytes());
        feed(facts.created.as_bytes());
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
        let time = creation_time("2026-03-09T08:30:00Z").expect("a time");
        assert_eq!(
            (time.date.year, time.date.month, time.date.day),
            (2026, 3, 9)
        );
        assert_eq!((time.time.hour, time.time.minute), (8, 30));
        let day = creation_time("2026-03-09").expect("a date");
        assert_eq!((day.date.day, day.time.hour), (9, 0));
        assert_eq!(creation_time("2026-13-09"), None);
        assert_eq!(creation_time("yesterday"), None);
    }
}
