//! The finished document as bytes: streams as objects of their own, every other object
//! packed into compressed object streams, and a compressed cross-reference stream
//! (PDF 1.5; PDF/A-2 allows both).
//!
//! A tagged brief has a structure element for every heading, paragraph, list item and
//! table cell: over 8,000 small dictionaries in the 200-page brief. Written one by one
//! they would add more than the whole rest of the file; packed, they compress to about a
//! tenth. lopdf can write object streams too, but serialises every object three times
//! on one thread and leaves the cross-reference stream uncompressed, which cost the
//! 200-page brief about 45 ms and 60 KB; this writer serialises each object once and
//! compresses the object streams on two threads.

use std::io::Write;

use lopdf::{Dictionary, Document, Object, StringFormat};

use super::finish::{Deflater, with_deflater};

/// How many objects each object stream holds: enough for the deflater to find the
/// repetition between structure elements, few enough that a reader looking for one
/// object does not inflate much more.
const OBJECTS_PER_STREAM: usize = 400;

/// Where an object is, for the cross-reference stream.
#[derive(Clone, Copy)]
enum Entry {
    Free,
    /// At this offset in the file.
    Direct(usize),
    /// The `index`th object of object stream `stream`.
    Packed {
        stream: u32,
        index: u16,
    },
}

/// The document's bytes. The same document always gives the same bytes.
pub fn save(document: &Document) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 << 16);
    let _ = writeln!(out, "%PDF-{}", document.version);
    out.extend_from_slice(b"%\xe2\xe3\xcf\xd3\n");
    // Every object's number has a row, whether or not lopdf's count kept up with it.
    let highest = document
        .objects
        .keys()
        .next_back()
        .map_or(0, |(id, _)| *id)
        .max(document.max_id);
    let mut size = highest as usize + 1;
    let mut entries = vec![Entry::Free; size];
    let mut packable: Vec<(u32, &Object)> = Vec::new();
    for (&(id, generation), object) in &document.objects {
        if matches!(object, Object::Stream(_)) || generation != 0 {
            entries[id as usize] = Entry::Direct(out.len());
            write_indirect(&mut out, id, generation, object);
        } else {
            packable.push((id, object));
        }
    }
    let chunks: Vec<&[(u32, &Object)]> = packable.chunks(OBJECTS_PER_STREAM).collect();
    let streams = packed_streams(&chunks);
    for (chunk, (first, content)) in chunks.iter().zip(streams) {
        let stream_id = size as u32;
        size += 1;
        entries.push(Entry::Direct(out.len()));
        for (index, (id, _)) in chunk.iter().enumerate() {
            entries[*id as usize] = Entry::Packed {
                stream: stream_id,
                index: index as u16,
            };
        }
        let _ = write!(
            out,
            "{stream_id} 0 obj\n<</Type/ObjStm/N {}/First {first}/Filter/FlateDecode/Length {}>>stream\n",
            chunk.len(),
            content.len()
        );
        out.extend_from_slice(&content);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }
    // The cross-reference stream, the last object, lists itself too.
    let xref_id = size;
    let xref_offset = out.len();
    entries.push(Entry::Direct(xref_offset));
    size += 1;
    const COLUMNS: usize = 7;
    let mut rows = Vec::with_capacity(size * (COLUMNS + 1));
    let mut above = [0u8; COLUMNS];
    for entry in &entries {
        let row: [u8; COLUMNS] = match *entry {
            Entry::Free => [0, 0, 0, 0, 0, 0xff, 0xff],
            Entry::Direct(offset) => {
                let o = (offset as u32).to_be_bytes();
                [1, o[0], o[1], o[2], o[3], 0, 0]
            }
            Entry::Packed { stream, index } => {
                let s = stream.to_be_bytes();
                let i = index.to_be_bytes();
                [2, s[0], s[1], s[2], s[3], i[0], i[1]]
            }
        };
        // The PNG "up" predictor: each row as its difference from the row above.
        rows.push(2);
        rows.extend(row.iter().zip(&above).map(|(b, a)| b.wrapping_sub(*a)));
        above = row;
    }
    let packed = with_deflater(|deflater| deflater.deflate(&rows));
    let mut trailer = Dictionary::new();
    for key in [&b"Root"[..], b"Info", b"ID"] {
        if let Ok(value) = document.trailer.get(key) {
            trailer.set(key, value.clone());
        }
    }
    let _ = write!(out, "{xref_id} 0 obj\n<</Type/XRef/Size {size}/W[1 4 2]");
    write_entries(&mut out, &trailer);
    let _ = writeln!(
        out,
        "/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns {COLUMNS}>>/Length {}>>stream",
        packed.len()
    );
    out.extend_from_slice(&packed);
    let _ = write!(out, "\nendstream\nendobj\nstartxref\n{xref_offset}\n%%EOF");
    out
}

/// Each chunk as an object stream's `/First` and its deflated content, made on two
/// threads when there are two chunks or more.
fn packed_streams(chunks: &[&[(u32, &Object)]]) -> Vec<(usize, Vec<u8>)> {
    let pack = |chunk: &[(u32, &Object)], deflater: &mut Deflater| {
        let mut body = Vec::with_capacity(chunk.len() * 48);
        let mut table = Vec::with_capacity(chunk.len() * 10);
        for (id, object) in chunk {
            let _ = write!(table, "{id} {} ", body.len());
            write_object(&mut body, object);
            body.push(b' ');
        }
        let first = table.len();
        table.extend_from_slice(&body);
        (first, deflater.deflate(&table))
    };
    if chunks.len() < 2 {
        return with_deflater(|deflater| {
            chunks.iter().map(|chunk| pack(chunk, deflater)).collect()
        });
    }
    let (even, odd) = std::thread::scope(|scope| {
        let odd = scope.spawn(|| {
            let mut deflater = Deflater::new();
            chunks
                .iter()
                .skip(1)
                .step_by(2)
                .map(|chunk| pack(chunk, &mut deflater))
                .collect::<Vec<_>>()
        });
        let even: Vec<_> = with_deflater(|deflater| {
            chunks
                .iter()
                .step_by(2)
                .map(|chunk| pack(chunk, deflater))
                .collect()
        });
        let odd = odd
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (even, odd)
    });
    let mut even = even.into_iter();
    let mut odd = odd.into_iter();
    let mut all = Vec::with_capacity(chunks.len());
    for packed in even.by_ref() {
        all.push(packed);
        if let Some(packed) = odd.next() {
            all.push(packed);
        }
    }
    all
}

fn write_indirect(out: &mut Vec<u8>, id: u32, generation: u16, object: &Object) {
    let _ = writeln!(out, "{id} {generation} obj");
    write_object(out, object);
    out.extend_from_slice(b"\nendobj\n");
}

/// Whether a space must come before `object` after a name or another object.
fn needs_space(object: &Object) -> bool {
    matches!(
        object,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    )
}

/// `object` in PDF syntax, as lopdf writes it.
fn write_object(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(value) => {
            let _ = write!(out, "{value}");
        }
        Object::Real(value) => {
            let _ = write!(out, "{value}");
        }
        Object::Name(name) => write_name(out, name),
        Object::String(text, StringFormat::Literal) => write_literal(out, text),
        Object::String(text, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for byte in text {
                let _ = write!(out, "{byte:02X}");
            }
            out.push(b'>');
        }
        Object::Array(array) => {
            out.push(b'[');
            for (index, item) in array.iter().enumerate() {
                if index > 0 && needs_space(item) {
                    out.push(b' ');
                }
                write_object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dictionary) => {
            out.extend_from_slice(b"<<");
            write_entries(out, dictionary);
            out.extend_from_slice(b">>");
        }
        Object::Stream(stream) => {
            out.extend_from_slice(b"<<");
            for (key, value) in &stream.dict {
                if key.as_slice() != b"Length" {
                    write_entry(out, key, value);
                }
            }
            let _ = writeln!(out, "/Length {}>>stream", stream.content.len());
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((id, generation)) => {
            let _ = write!(out, "{id} {generation} R");
        }
    }
}

fn write_entries(out: &mut Vec<u8>, dictionary: &Dictionary) {
    for (key, value) in dictionary {
        write_entry(out, key, value);
    }
}

fn write_entry(out: &mut Vec<u8>, key: &[u8], value: &Object) {
    write_name(out, key);
    if needs_space(value) {
        out.push(b' ');
    }
    write_object(out, value);
}

fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &byte in name {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&byte) || !(33..=126).contains(&byte) {
            let _ = write!(out, "#{byte:02X}");
        } else {
            out.push(byte);
        }
    }
}

/// A literal string, with backslashes, carriage returns and every parenthesis escaped.
fn write_literal(out: &mut Vec<u8>, text: &[u8]) {
    out.push(b'(');
    for &byte in text {
        match byte {
            b'(' | b')' | b'\\' => {
                out.push(b'\\');
                out.push(byte);
            }
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(byte),
        }
    }
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn a_saved_document_loads_back_with_every_object() {
        let mut document = Document::with_version("1.7");
        let info = document.add_object(dictionary! {
            "Title" => Object::String(b"A (nested) title \\ with (one".to_vec(), StringFormat::Literal),
            "Name" => Object::Name(b"with space".to_vec()),
            "Real" => 0.25,
        });
        let mut ids = Vec::new();
        for index in 0..1000i64 {
            ids.push(document.add_object(dictionary! { "S" => "P", "K" => index }));
        }
        let content = document.add_object(lopdf::Stream::new(dictionary! {}, b"BT ET".to_vec()));
        let catalog = document.add_object(dictionary! {
            "Type" => "Catalog",
            "Kids" => ids.iter().copied().map(Object::Reference).collect::<Vec<_>>(),
            "Content" => content,
        });
        document.trailer.set("Root", catalog);
        document.trailer.set("Info", info);
        let bytes = save(&document);
        let loaded = Document::load_mem(&bytes).expect("loads");
        assert!(loaded.objects.len() >= document.objects.len());
        let info = loaded.get_dictionary(info).expect("info");
        assert_eq!(
            info.get(b"Title").and_then(Object::as_str).ok(),
            Some(&b"A (nested) title \\ with (one"[..])
        );
        assert_eq!(
            info.get(b"Name").and_then(Object::as_name).ok(),
            Some(&b"with space"[..])
        );
        for (index, id) in ids.iter().enumerate() {
            let element = loaded.get_dictionary(*id).expect("an element");
            assert_eq!(
                element.get(b"K").and_then(Object::as_i64).ok(),
                Some(index as i64)
            );
        }
        let stream = loaded
            .get_object(content)
            .and_then(Object::as_stream)
            .expect("stream");
        assert_eq!(stream.content, b"BT ET");
        assert_eq!(save(&document), bytes, "the same bytes every time");
    }
}
