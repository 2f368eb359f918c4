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
    if let Some(kind) = known_binary(bytes) {
        return Err(DecodeError::KnownBinary(kind));
    }
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return if had_errors {
            Err(DecodeError::UnknownEncoding)
        } else {
            checked_text(text.into_owned())
        };
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => checked_text(text.to_owned()),
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, _, had_errors) = encoding.decode(bytes);
            if had_errors {
                Err(DecodeError::UnknownEncoding)
            } else {
                checked_text(text.into_owned())
            }
        }
    }
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
