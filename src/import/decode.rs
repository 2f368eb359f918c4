//! Bytes to text: UTF-8, UTF-16 with a byte-order mark, or a detected legacy encoding.
//! Files that are really images, archives or other binaries are refused by name.

/// Why bytes could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error(
        "this is {0}, not a text article; save the article as plain text or Markdown and import that"
    )]
    KnownBinary(&'static str),
    #[error("this looks like a binary file, not a text article (it contains control bytes)")]
    Binary,
    #[error("the text is not UTF-8 and its encoding could not be recognised")]
    UnknownEncoding,
}

/// Decodes an article file's bytes into text.
pub fn decode_article(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_article_noting(bytes).map(|decoded| decoded.text)
}

/// Text decoded from an article's bytes, and what had to be replaced on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Bytes that were not valid in the file's encoding, each now U+FFFD (�).
    pub replaced: Option<Replaced>,
}

/// Invalid bytes replaced by U+FFFD: how many, and where the first was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replaced {
    pub count: usize,
    /// Line and column (both from 1, the column in characters) of the first.
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Replaced {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (count, plural) = (self.count, if self.count == 1 { "" } else { "s" });
        write!(
            f,
            "{count} invalid byte sequence{plural} replaced by \u{fffd}, the first at line {}, column {}",
            self.line, self.column
        )
    }
}

/// [`decode_article`], saying what it replaced. Text that is UTF-8 but for a few
/// damaged bytes (a file cut or mangled in transit) is read as UTF-8 with each damaged
/// sequence made U+FFFD, rather than taken for a legacy encoding, which would garble
/// every accented letter of it without a word.
pub fn decode_article_noting(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(kind) = known_binary(bytes) {
        return Err(DecodeError::KnownBinary(kind));
    }
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        let text = checked_text(text.into_owned())?;
        let replaced = had_errors.then(|| first_replacement(&text)).flatten();
        return Ok(Decoded { text, replaced });
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: checked_text(text.to_owned())?,
            replaced: None,
        }),
        Err(_) if is_mostly_utf8(bytes) => {
            let text = checked_text(String::from_utf8_lossy(bytes).into_owned())?;
            let replaced = first_replacement(&text);
            Ok(Decoded { text, replaced })
        }
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, _, had_errors) = encoding.decode(bytes);
            if had_errors {
                Err(DecodeError::UnknownEncoding)
            } else {
                Ok(Decoded {
                    text: checked_text(text.into_owned())?,
                    replaced: None,
                })
            }
        }
    }
}

/// Whether bytes that are not valid UTF-8 are still UTF-8 text with a few damaged
/// sequences: valid multi-byte characters outnumber the invalid sequences ten to one. A
/// legacy-encoded file has almost no valid multi-byte sequences (its accented letters are
/// single bytes that UTF-8 rejects).
fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multibyte >= 10 * invalid.max(1)
}

/// Where the first U+FFFD of `text` is, and how many there are; `None` if there is none
/// (the file held U+FFFD itself only where it was valid).
fn first_replacement(text: &str) -> Option<Replaced> {
    let count = text.chars().filter(|&c| c == '\u{fffd}').count();
    let (line_index, line) = text
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains('\u{fffd}'))?;
    let column = line.chars().position(|c| c == '\u{fffd}')? + 1;
    Some(Replaced {
        count,
        line: line_index + 1,
        column,
    })
}

fn checked_text(text: String) -> Result<String, DecodeError> {
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control * 100 > text.chars().count().max(1) {
        return Err(DecodeError::Binary);
    }
    Ok(text)
}

fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (b"Rar!", "a RAR archive"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an old Microsoft Office file",
        ),
        (b"\x7fELF", "a program (ELF executable)"),
        (b"MZ", "a Windows program"),
        (b"RIFF", "a RIFF media file"),
        (b"BM", "a bitmap image"),
    ];
    // "BM" and "MZ" are short, so only trust them when the rest looks binary too.
    SIGNATURES
        .iter()
        .find(|(magic, _)| {
            bytes.starts_with(magic) && (magic.len() > 2 || bytes.iter().take(512).any(|b| *b == 0))
        })
        .map(|(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_boms_decode() {
        assert_eq!(
            decode_article("Қазақ “x”".as_bytes()).as_deref(),
            Ok("Қазақ “x”")
        );
        assert_eq!(decode_article(b"\xef\xbb\xbfHello").as_deref(), Ok("Hello"));
        assert_eq!(decode_article(b"\xff\xfeH\0i\0").as_deref(), Ok("Hi"));
    }

    #[test]
    fn legacy_encodings_are_detected() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("The minister’s café — “quoted” façade naïve résumé");
        assert_eq!(
            decode_article(&bytes).as_deref(),
            Ok("The minister’s café — “quoted” façade naïve résumé")
        );
        let (cyrillic, _, _) =
            encoding_rs::WINDOWS_1251.encode("Министр иностранных дел Казахстана посетит столицу");
        assert_eq!(
            decode_article(&cyrillic).as_deref(),
            Ok("Министр иностранных дел Казахстана посетит столицу")
        );
    }

    #[test]
    fn utf8_with_damaged_bytes_is_kept_with_replacements_and_says_where() {
        let mut bytes = "Қазақстан министрі Астанаға барады.\nСу мен энергия туралы "
            .as_bytes()
            .to_vec();
        bytes.extend_from_slice(b"\xff\xfe");
        bytes.extend_from_slice("келісім.".as_bytes());
        let decoded = decode_article_noting(&bytes).expect("decodes");
        assert!(
            decoded.text.starts_with("Қазақстан министрі"),
            "{}",
            decoded.text
        );
        let replaced = decoded.replaced.expect("replaced");
        assert_eq!(
            replaced.to_string(),
            "2 invalid byte sequences replaced by \u{fffd}, the first at line 2, column 23"
        );
        // Windows-1252 text is still taken for Windows-1252, not damaged UTF-8.
        let (legacy, _, _) = encoding_rs::WINDOWS_1252.encode("The minister’s café — “quoted”");
        let decoded = decode_article_noting(&legacy).expect("decodes");
        assert_eq!(decoded.text, "The minister’s café — “quoted”");
        assert_eq!(decoded.replaced, None);
    }

    #[test]
    fn binaries_are_refused_by_name() {
        assert_eq!(
            decode_article(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(DecodeError::KnownBinary("a PNG image"))
        );
        assert_eq!(
            decode_article(b"PK\x03\x04rest"),
            Err(DecodeError::KnownBinary(
                "a ZIP archive (or a Word/OpenDocument file)"
            ))
        );
        assert_eq!(decode_article(b"abc\0def"), Err(DecodeError::Binary));
    }
}
