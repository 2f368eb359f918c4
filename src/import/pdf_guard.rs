//! What a PDF must pass before pdf-extract reads it: limits on what its streams unpack
//! to, on how drawings nest, on how much drawing its pages ask for, and on the size of
//! its fonts' ToUnicode maps.
//!
//! pdf-extract 0.12.1 (with lopdf 0.42) trusts the file: it unpacks every stream whole
//! (a 1 MB file can inflate to gigabytes), follows a form XObject's `Do` into itself
//! until the stack overflows, and expands every ToUnicode `bfrange` into a map entry per
//! code (`<00000000> <FFFFFFFF>` is four billion). These checks measure each of those
//! first, under caps, and refuse the file with the limit it crossed.

use std::collections::HashMap;
use std::io::{Read, Write};

use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

/// Why a PDF is refused before it is read; [`super::pdf`] turns it into its own error.
#[derive(Debug, PartialEq)]
pub enum Refusal {
    /// Broken in a way no reader can follow (a drawing that draws itself, a page tree
    /// that loops, a character map over every code).
    Damaged(String),
    /// Asks for far more than any article: the limit crossed.
    Bomb(String),
}

/// Most bytes one stream may unpack to. A page's drawing is kilobytes; a large photograph
/// is a few megabytes.
pub const MAX_STREAM_BYTES: u64 = 32 * 1024 * 1024;
/// Most bytes all of a document's streams may unpack to together.
pub const MAX_UNPACKED_PDF_BYTES: u64 = 256 * 1024 * 1024;
/// Deepest nesting of drawings (form XObjects) inside each other.
pub const MAX_FORM_DEPTH: usize = 24;
/// Most drawing operations all pages may ask for, with every form XObject counted each
/// time it is drawn. A dense 20-page article asks for about 200,000.
pub const MAX_PDF_OPERATIONS: u64 = 5_000_000;
/// Most tokens one content stream may hold: pdf-extract keeps a stream's operations in
/// memory whole, at about 150 bytes a token.
const MAX_STREAM_TOKENS: u64 = 3_000_000;
/// Most character codes a font's ToUnicode map may define. Two-byte codes give 65,536.
pub const MAX_TO_UNICODE_CODES: u64 = 1 << 18;
/// Deepest `[` nesting read in a CMap (the CMap parser recurses on it).
const MAX_CMAP_NESTING: usize = 16;
/// Deepest `/Parent` chain from a page to the root of the page tree.
const MAX_PAGE_TREE_DEPTH: usize = 64;

/// Refuses, before lopdf loads it, a file with a stream that inflates past the caps: lopdf
/// unpacks object streams while it loads, so this looks at the raw bytes. Every stream
/// that starts as zlib data is inflated into nothing, counting.
pub fn check_raw(bytes: &[u8]) -> Result<(), Refusal> {
    let mut total = 0u64;
    let mut at = 0;
    while let Some(found) = find(bytes, at, b"stream") {
        at = found + 6;
        if found >= 3 && &bytes[found - 3..found] == b"end" {
            continue;
        }
        let mut start = at;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let Some(data) = bytes.get(start..) else {
            break;
        };
        let mut unpacked = inflated_size(data, MAX_STREAM_BYTES + 1, false);
        if unpacked == 0 {
            // lopdf retries a broken zlib wrapper as raw deflate; so does this.
            unpacked = inflated_size(data, MAX_STREAM_BYTES + 1, true);
        }
        if unpacked > MAX_STREAM_BYTES {
            return Err(Refusal::Bomb(format!(
                "a stream unpacks to more than {} MB",
                MAX_STREAM_BYTES >> 20
            )));
        }
        total += unpacked;
        if total > MAX_UNPACKED_PDF_BYTES {
            return Err(too_much_in_all());
        }
    }
    Ok(())
}

/// Refuses a loaded (and decrypted) document that breaks a limit: streams that unpack to
/// too much, drawings that draw themselves or nest too deep, pages that ask for too many
/// operations, ToUnicode maps that claim too many codes, a page tree that loops.
pub fn check_document(document: &Document) -> Result<(), Refusal> {
    let mut total = 0u64;
    for object in document.objects.values() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let bytes = unpacked(stream)?;
        let content = bytes.as_deref().unwrap_or(&stream.content);
        total += content.len() as u64;
        if total > MAX_UNPACKED_PDF_BYTES {
            return Err(too_much_in_all());
        }
        // A ToUnicode map may be any stream a font points to, directly or not; each one
        // that defines codes is counted.
        if find(content, 0, b"beginbf").is_some() {
            let codes = to_unicode_codes(content)?;
            if codes > MAX_TO_UNICODE_CODES {
                return Err(Refusal::Damaged(format!(
                    "a font's ToUnicode map claims {codes} character codes (at most {MAX_TO_UNICODE_CODES} are read)"
                )));
            }
        }
    }
    let mut drawing = Drawing {
        document,
        operations: 0,
        scanned: HashMap::new(),
        path: Vec::new(),
    };
    let empty = Dictionary::new();
    for page in document.page_iter() {
        let Ok(page_dict) = document.get_dictionary(page) else {
            continue;
        };
        check_page_tree(document, page, page_dict)?;
        let resources = inherited_resources(document, page_dict).unwrap_or(&empty);
        for content in document.get_page_contents(page) {
            if let Ok(Object::Stream(stream)) = document.get_object(content) {
                drawing.draw(stream, resources)?;
            }
        }
    }
    Ok(())
}

fn too_much_in_all() -> Refusal {
    Refusal::Bomb(format!(
        "its streams unpack to more than {} MB in all",
        MAX_UNPACKED_PDF_BYTES >> 20
    ))
}

/// The stream's content unpacked through its filters, refused past [`MAX_STREAM_BYTES`];
/// `None` when lopdf would not unpack it either (then its raw bytes are what is read).
fn unpacked(stream: &Stream) -> Result<Option<Vec<u8>>, Refusal> {
    let Ok(filters) = stream.filters() else {
        return Ok(None);
    };
    let cap = MAX_STREAM_BYTES + 1;
    let mut data: Option<Vec<u8>> = None;
    for filter in filters {
        let input = data.as_deref().unwrap_or(&stream.content);
        let output = match filter {
            b"FlateDecode" => inflate(input, cap),
            b"LZWDecode" => {
                let early_change = stream
                    .dict
                    .get(b"DecodeParms")
                    .and_then(Object::as_dict)
                    .and_then(|parms| parms.get(b"EarlyChange"))
                    .and_then(Object::as_i64)
                    .map_or(true, |value| value != 0);
                unlzw(input, early_change, cap)
            }
            b"ASCII85Decode" => unascii85(input),
            _ => return Ok(None),
        };
        if output.len() as u64 > MAX_STREAM_BYTES {
            return Err(Refusal::Bomb(format!(
                "a stream unpacks to more than {} MB",
                MAX_STREAM_BYTES >> 20
            )));
        }
        data = Some(output);
    }
    Ok(data)
}

/// Inflates zlib data to at most `cap` bytes; like lopdf, falls back to raw deflate when
/// the zlib wrapper is broken.
fn inflate(input: &[u8], cap: u64) -> Vec<u8> {
    let mut output = Vec::new();
    let zlib = flate2::read::ZlibDecoder::new(input)
        .take(cap)
        .read_to_end(&mut output);
    if zlib.is_err() && output.is_empty() && input.len() > 2 {
        let _ = flate2::read::DeflateDecoder::new(&input[2..])
            .take(cap)
            .read_to_end(&mut output);
    }
    output
}

/// How many bytes zlib data (or raw deflate after a two-byte header) inflates to, counting
/// up to `cap` without keeping them.
fn inflated_size(input: &[u8], cap: u64, raw: bool) -> u64 {
    let mut decoder: Box<dyn Read> = match (raw, input.get(2..)) {
        (false, _) => Box::new(flate2::read::ZlibDecoder::new(input).take(cap)),
        (true, Some(rest)) => Box::new(flate2::read::DeflateDecoder::new(rest).take(cap)),
        (true, None) => return 0,
    };
    let mut buffer = [0u8; 64 * 1024];
    let mut total = 0u64;
    while let Ok(read) = decoder.read(&mut buffer) {
        if read == 0 {
            break;
        }
        total += read as u64;
    }
    total
}

/// LZW as lopdf decodes it, to at most `cap` bytes.
fn unlzw(input: &[u8], early_change: bool, cap: u64) -> Vec<u8> {
    use weezl::{BitOrder, decode::Decoder};
    let mut decoder = if early_change {
        Decoder::with_tiff_size_switch(BitOrder::Msb, 8)
    } else {
        Decoder::new(BitOrder::Msb, 8)
    };
    let mut output = Capped {
        bytes: Vec::new(),
        cap: usize::try_from(cap).unwrap_or(usize::MAX),
    };
    // Stops with an error once the cap is reached; what was written is what counts.
    let _ = decoder.into_stream(&mut output).decode_all(input);
    output.bytes
}

/// A writer that takes bytes up to a cap and then fails.
struct Capped {
    bytes: Vec<u8>,
    cap: usize,
}

impl Write for Capped {
    fn write(&mut self, buffer: &[u8]) -> std::io::Result<usize> {
        let room = self.cap.saturating_sub(self.bytes.len());
        if room == 0 {
            return Err(std::io::Error::other("cap reached"));
        }
        let taken = buffer.len().min(room);
        self.bytes.extend_from_slice(&buffer[..taken]);
        Ok(taken)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// ASCII85 as lopdf decodes it: at most four bytes for each input byte.
fn unascii85(input: &[u8]) -> Vec<u8> {
    let input = input.strip_suffix(b"~>").unwrap_or(input);
    let mut output = Vec::with_capacity(input.len());
    let (mut group, mut count) = (0u32, 0usize);
    for &byte in input {
        if byte == b'z' && count == 0 {
            output.extend_from_slice(&[0; 4]);
            continue;
        }
        if byte.is_ascii_whitespace() {
            continue;
        }
        if !(b'!'..=b'u').contains(&byte) {
            break;
        }
        group = group.wrapping_mul(85).wrapping_add(u32::from(byte - b'!'));
        count += 1;
        if count == 5 {
            output.extend_from_slice(&group.to_be_bytes());
            (group, count) = (0, 0);
        }
    }
    if count > 0 {
        for _ in count..5 {
            group = group.wrapping_mul(85).wrapping_add(84);
        }
        output.extend_from_slice(&group.to_be_bytes()[..count - 1]);
    }
    output
}

/// The page's `/Resources`, looked up its `/Parent` chain as pdf-extract does.
fn inherited_resources<'a>(
    document: &'a Document,
    mut dictionary: &'a Dictionary,
) -> Option<&'a Dictionary> {
    for _ in 0..MAX_PAGE_TREE_DEPTH {
        if let Ok(resources) = dictionary.get(b"Resources") {
            return deref(document, resources).as_dict().ok();
        }
        let parent = dictionary
            .get(b"Parent")
            .and_then(Object::as_reference)
            .ok()?;
        dictionary = document.get_dictionary(parent).ok()?;
    }
    None
}

/// Refuses a page whose `/Parent` chain loops or runs too long: pdf-extract looks
/// inherited keys up that chain by recursion, without end on a loop.
fn check_page_tree<'a>(
    document: &'a Document,
    page: ObjectId,
    mut dictionary: &'a Dictionary,
) -> Result<(), Refusal> {
    let mut seen = vec![page];
    while let Ok(parent) = dictionary.get(b"Parent").and_then(Object::as_reference) {
        if seen.contains(&parent) || seen.len() > MAX_PAGE_TREE_DEPTH {
            return Err(Refusal::Damaged(
                "its page tree loops back on itself".into(),
            ));
        }
        seen.push(parent);
        let Ok(next) = document.get_dictionary(parent) else {
            break;
        };
        dictionary = next;
    }
    Ok(())
}

fn deref<'a>(document: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => document.get_object(*id).unwrap_or(object),
        _ => object,
    }
}

/// Follows the drawing of every page as pdf-extract will: each `Do` of a form XObject
/// draws that form's content, with its own resources or the caller's.
struct Drawing<'a> {
    document: &'a Document,
    /// Operations asked for so far, forms counted each time they are drawn.
    operations: u64,
    /// Each content stream's operation count and the XObject names it draws, by object
    /// (page contents by address, which is stable while the document is borrowed).
    scanned: HashMap<usize, (u64, Vec<Vec<u8>>)>,
    /// The forms being drawn, outermost first.
    path: Vec<ObjectId>,
}

impl<'a> Drawing<'a> {
    fn draw(&mut self, stream: &'a Stream, resources: &'a Dictionary) -> Result<(), Refusal> {
        let key = std::ptr::from_ref(stream) as usize;
        if let std::collections::hash_map::Entry::Vacant(entry) = self.scanned.entry(key) {
            let bytes = unpacked(stream)?;
            entry.insert(scan_content(bytes.as_deref().unwrap_or(&stream.content))?);
        }
        let (operations, names) = self.scanned.get(&key).cloned().unwrap_or_default();
        self.operations += operations;
        if self.operations > MAX_PDF_OPERATIONS {
            return Err(Refusal::Bomb(format!(
                "its pages ask for more than {MAX_PDF_OPERATIONS} drawing operations (a drawing repeated inside itself)"
            )));
        }
        let xobjects = resources
            .get(b"XObject")
            .map(|x| deref(self.document, x))
            .and_then(Object::as_dict)
            .ok();
        for name in names {
            let Some(entry) = xobjects.and_then(|x| x.get(&name).ok()) else {
                continue;
            };
            let id = entry.as_reference().ok();
            let Ok(form) = deref(self.document, entry).as_stream() else {
                continue;
            };
            if form
                .dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|subtype| subtype == b"Image")
            {
                continue;
            }
            if let Some(id) = id
                && self.path.contains(&id)
            {
                return Err(Refusal::Damaged(format!(
                    "a drawing in it (object {} {}) draws itself, without end",
                    id.0, id.1
                )));
            }
            if self.path.len() >= MAX_FORM_DEPTH {
                return Err(Refusal::Damaged(format!(
                    "its drawings nest more than {MAX_FORM_DEPTH} deep"
                )));
            }
            let inner = form
                .dict
                .get(b"Resources")
                .map(|r| deref(self.document, r))
                .and_then(Object::as_dict)
                .unwrap_or(resources);
            self.path.push(id.unwrap_or((0, 0)));
            let drawn = self.draw(form, inner);
            self.path.pop();
            drawn?;
        }
        Ok(())
    }
}

/// Counts a content stream's operations and lists the names drawn with `Do`, reading its
/// tokens without building them. Refuses a stream with more than [`MAX_STREAM_TOKENS`].
fn scan_content(content: &[u8]) -> Result<(u64, Vec<Vec<u8>>), Refusal> {
    let mut operations = 0u64;
    let mut tokens = 0u64;
    let mut drawn = Vec::new();
    let mut last_name: Option<Vec<u8>> = None;
    let mut at = 0;
    while at < content.len() {
        let byte = content[at];
        match byte {
            b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0' => {
                at += 1;
                continue;
            }
            b'%' => {
                while at < content.len() && !matches!(content[at], b'\r' | b'\n') {
                    at += 1;
                }
                continue;
            }
            b'(' => {
                at = skip_string(content, at);
                last_name = None;
            }
            b'<' if content.get(at + 1) == Some(&b'<') => at += 2,
            b'>' if content.get(at + 1) == Some(&b'>') => at += 2,
            b'<' => {
                at = content[at..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(content.len(), |p| at + p + 1);
                last_name = None;
            }
            b'[' | b']' | b'{' | b'}' | b'>' | b')' => at += 1,
            b'/' => {
                let end = token_end(content, at + 1);
                last_name = Some(name_bytes(&content[at + 1..end]));
                at = end;
            }
            _ => {
                let end = token_end(content, at + 1);
                let word = &content[at..end];
                at = end;
                let is_operator = word
                    .iter()
                    .all(|b| b.is_ascii_alphabetic() || matches!(b, b'*' | b'\'' | b'"'));
                if is_operator && !matches!(word, b"true" | b"false" | b"null") {
                    operations += 1;
                    if word == b"Do" {
                        drawn.extend(last_name.take());
                    } else if word == b"ID" {
                        // Inline image data runs to "EI"; it is binary.
                        at = find(content, at, b"EI").map_or(content.len(), |p| p + 2);
                    }
                }
                if !is_operator {
                    last_name = None;
                }
            }
        }
        tokens += 1;
        if tokens > MAX_STREAM_TOKENS {
            return Err(Refusal::Bomb(format!(
                "a page's drawing holds more than {MAX_STREAM_TOKENS} tokens"
            )));
        }
    }
    Ok((operations, drawn))
}

/// Where a literal string that starts at `at` ends (after its closing parenthesis).
fn skip_string(content: &[u8], mut at: usize) -> usize {
    let mut depth = 0usize;
    while at < content.len() {
        match content[at] {
            b'\\' => at += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return at + 1;
                }
            }
            _ => {}
        }
        at += 1;
    }
    content.len()
}

fn token_end(content: &[u8], mut at: usize) -> usize {
    while at < content.len()
        && !matches!(
            content[at],
            b' ' | b'\t'
                | b'\r'
                | b'\n'
                | b'\x0c'
                | b'\0'
                | b'/'
                | b'('
                | b')'
                | b'<'
                | b'>'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'%'
        )
    {
        at += 1;
    }
    at
}

/// A name's bytes with `#xx` escapes resolved, as lopdf stores it.
fn name_bytes(raw: &[u8]) -> Vec<u8> {
    let mut name = Vec::with_capacity(raw.len());
    let mut at = 0;
    while at < raw.len() {
        if raw[at] == b'#'
            && let Some(hex) = raw.get(at + 1..at + 3)
            && let Ok(text) = std::str::from_utf8(hex)
            && let Ok(value) = u8::from_str_radix(text, 16)
        {
            name.push(value);
            at += 3;
            continue;
        }
        name.push(raw[at]);
        at += 1;
    }
    name
}

/// How many codes the CMap's `bfrange` and `bfchar` entries define, counted without
/// expanding them; refuses arrays nested deeper than the CMap parser can follow.
fn to_unicode_codes(cmap: &[u8]) -> Result<u64, Refusal> {
    let mut codes = 0u64;
    let mut at = 0;
    let mut depth = 0usize;
    let mut in_range = false;
    let mut in_chars = false;
    let mut hex: Vec<u64> = Vec::new();
    while at < cmap.len() {
        match cmap[at] {
            b'[' => {
                depth += 1;
                if depth > MAX_CMAP_NESTING {
                    return Err(Refusal::Damaged(format!(
                        "a font's ToUnicode map nests arrays more than {MAX_CMAP_NESTING} deep"
                    )));
                }
                if in_range && hex.len() == 2 {
                    // The array lists each code's text: one code per entry.
                    codes = codes.saturating_add(1 + hex[1].saturating_sub(hex[0]).min(1 << 20));
                    hex.clear();
                }
                at += 1;
            }
            b']' => {
                depth = depth.saturating_sub(1);
                at += 1;
            }
            b'<' => {
                let end = cmap[at..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(cmap.len(), |p| at + p);
                if in_chars && depth == 0 {
                    hex.push(0);
                    if hex.len() == 2 {
                        codes = codes.saturating_add(1);
                        hex.clear();
                    }
                } else if in_range && depth == 0 {
                    let digits: String = cmap[at + 1..end]
                        .iter()
                        .filter(|b| b.is_ascii_hexdigit())
                        .map(|&b| char::from(b))
                        .collect();
                    let value = u64::from_str_radix(&digits[digits.len().saturating_sub(16)..], 16)
                        .unwrap_or(0);
                    hex.push(value);
                    if hex.len() == 3 {
                        codes = codes.saturating_add(1 + hex[1].saturating_sub(hex[0]));
                        hex.clear();
                    }
                }
                at = end + 1;
            }
            byte if byte.is_ascii_whitespace() => at += 1,
            _ => {
                let end = token_end(cmap, at + 1);
                match &cmap[at..end] {
                    b"beginbfrange" => {
                        in_range = true;
                        hex.clear();
                    }
                    b"endbfrange" => in_range = false,
                    b"beginbfchar" => {
                        in_chars = true;
                        hex.clear();
                    }
                    b"endbfchar" => in_chars = false,
                    _ => {}
                }
                at = end;
            }
        }
        if codes > MAX_TO_UNICODE_CODES {
            break;
        }
    }
    Ok(codes)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_counted_and_drawn_names_found() {
        let (operations, drawn) =
            scan_content(b"q 1 0 0 1 0 0 cm /X#31 Do BT (a) Tj (b\\)) Tj ET /Im1 Do Q")
                .expect("scans");
        assert_eq!(operations, 9);
        assert_eq!(drawn, vec![b"X1".to_vec(), b"Im1".to_vec()]);
    }

    #[test]
    fn a_to_unicode_range_over_everything_is_counted_not_expanded() {
        let cmap = b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange";
        assert_eq!(to_unicode_codes(cmap).expect("counts"), 1u64 << 32);
        let listed = b"1 beginbfrange <0000> <0002> [<0041> <0042> <0043>] endbfrange \
                       2 beginbfchar <01> <0041> <02> <0042> endbfchar";
        assert_eq!(to_unicode_codes(listed).expect("counts"), 5);
        let small = b"2 beginbfrange <20> <7e> <0020> <a0> <a0> <00a0> endbfrange";
        assert_eq!(to_unicode_codes(small).expect("counts"), 96);
    }

    #[test]
    fn an_inflated_bomb_is_measured_not_kept() {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..40 {
            encoder.write_all(&spaces).expect("compress");
        }
        let bomb = encoder.finish().expect("compress");
        let mut file = b"%PDF-1.4\n1 0 obj << /Length 9 /Filter /FlateDecode >>\nstream\n".to_vec();
        file.extend_from_slice(&bomb);
        file.extend_from_slice(b"\nendstream\nendobj\n");
        let refused = check_raw(&file).expect_err("40 MB of spaces");
        assert_eq!(
            refused,
            Refusal::Bomb("a stream unpacks to more than 32 MB".into())
        );
        assert_eq!(
            unlzw(
                &[0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01],
                true,
                4
            )
            .len(),
            4
        );
    }
}
