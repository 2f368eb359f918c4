//! PDF articles: the text of every page with its position (pdf-extract reads the content
//! streams and fonts), rebuilt into the article's headings and paragraphs by
//! [`super::pdf_layout`], with title and author from the document information when the
//! text does not give them. Scans and password-protected files are refused by name, and
//! so are files that break the limits of [`super::pdf_guard`], checked before pdf-extract
//! reads anything.

use pdf_extract::{Dictionary, MediaBox, Object, OutputDev, OutputError, Transform};

use super::pdf_layout::{Glyph, PageText, article_text};
use crate::model::Source;

/// Pages read at most; a longer PDF is a report or a book, not an article.
pub const MAX_PDF_PAGES: usize = 400;

/// Why a PDF gave no article.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PdfError {
    #[error("is not a PDF file a reader can open ({0})")]
    Unreadable(String),
    #[error(
        "is encrypted: it opens only with a password. Save an unprotected copy and import that"
    )]
    Encrypted,
    #[error(
        "has no text layer (it looks like a scanned image); run it through text recognition (OCR) first, or paste the text"
    )]
    NoText,
    #[error("has {0} pages; PDF articles longer than {MAX_PDF_PAGES} pages are refused")]
    TooManyPages(usize),
    #[error(
        "is damaged: {0}. Open it in a PDF reader and save or print it to a new PDF, then import that"
    )]
    Damaged(String),
    #[error("is refused: {0}, far more than any article (a damaged file or a \"PDF bomb\")")]
    Bomb(String),
    #[error(
        "has a text layer that cannot be trusted: {0}. Quotations from it would not be the author's words; run it through text recognition (OCR), or paste the text from the original"
    )]
    Garbled(String),
}

impl From<super::pdf_guard::Refusal> for PdfError {
    fn from(refusal: super::pdf_guard::Refusal) -> Self {
        match refusal {
            super::pdf_guard::Refusal::Damaged(reason) => PdfError::Damaged(reason),
            super::pdf_guard::Refusal::Bomb(reason) => PdfError::Bomb(reason),
        }
    }
}

/// The article in the PDF file `bytes`.
pub fn import_pdf(bytes: &[u8]) -> Result<Source, PdfError> {
    // pdf-extract asserts on some malformed files instead of returning an error; a broken
    // article must be refused, not take the application down.
    match super::guard::quietly(|| read(bytes)) {
        Ok(result) => result,
        Err(_) => Err(PdfError::Damaged(
            "its content could not be read (the reader failed on it)".into(),
        )),
    }
}

fn read(bytes: &[u8]) -> Result<Source, PdfError> {
    if !bytes.starts_with(b"%PDF-")
        && !bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        return Err(PdfError::Unreadable("it does not start with %PDF-".into()));
    }
    super::pdf_guard::check_raw(bytes)?;
    let mut document = pdf_extract::Document::load_mem(bytes)
        .map_err(|error| PdfError::Unreadable(error.to_string()))?;
    if document.is_encrypted() && !document.was_encrypted() && document.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    let pages = document.get_pages().len();
    if pages > MAX_PDF_PAGES {
        return Err(PdfError::TooManyPages(pages));
    }
    if pages == 0 {
        return Err(PdfError::Damaged("no page can be found in it".into()));
    }
    super::pdf_guard::check_document(&document)?;
    let collector = read_pages(&document)?;
    let info = DocumentInfo::of(&document);
    // The author's own structure first; the page's geometry when it has none to trust.
    let tagged = super::pdf_structure::read(&document)
        .and_then(|tree| super::pdf_tagged::article_blocks(&tree, &collector.pages))
        .filter(|blocks| !blocks.is_empty());
    let (blocks, running_head_publication) = match tagged {
        Some(blocks) => (blocks, None),
        None => {
            let text = article_text(&collector.pages);
            if text.blocks.is_empty() {
                return Err(why_no_text(&document, &collector));
            }
            (text.blocks, text.publication)
        }
    };
    if let Some(why) = garbled(&blocks) {
        return Err(PdfError::Garbled(why));
    }
    let found = super::source_from_blocks(&[], blocks);
    let mut source = found.source;
    if !found.has_title
        && let Some(title) = info.title
    {
        source.title = title;
    }
    if source.author.is_empty() {
        source.author = info.author.unwrap_or_default();
    }
    if source.date.is_empty() {
        source.date = info.created.unwrap_or_default();
    }
    if source.publication.is_empty() {
        source.publication = running_head_publication.unwrap_or_default();
    }
    Ok(source)
}

/// Pages read at least before a document is read on two threads.
const PAGES_FOR_TWO_THREADS: usize = 4;

/// The characters of every page. A long document is read in two halves at once: reading
/// the content streams is most of an import, and each half keeps its own font cache.
fn read_pages(document: &pdf_extract::Document) -> Result<Collector, PdfError> {
    let numbers: Vec<u32> = document.get_pages().keys().copied().collect();
    let read = |numbers: &[u32]| {
        let mut collector = Collector::default();
        pdf_extract::output_doc_pages(document, &mut collector, numbers).map(|()| collector)
    };
    let failed = |error: OutputError| match error {
        OutputError::PdfError(pdf_extract::Error::Decryption(_)) => PdfError::Encrypted,
        error => PdfError::Unreadable(error.to_string()),
    };
    if numbers.len() < PAGES_FOR_TWO_THREADS {
        return read(&numbers).map_err(failed);
    }
    let (first, second) = numbers.split_at(numbers.len() / 2);
    let (first, second) = std::thread::scope(|scope| {
        // The other thread's panic is as quiet as this one's (see `guard::quietly`).
        let other = scope.spawn(|| super::guard::quietly(|| read(second)));
        (read(first), other.join())
    });
    let second = match second {
        Ok(Ok(read)) => read,
        _ => {
            return Err(PdfError::Damaged(
                "its content could not be read (the reader failed on it)".into(),
            ));
        }
    };
    let mut collector = first.map_err(failed)?;
    collector.pages.extend(second.map_err(failed)?.pages);
    Ok(collector)
}

/// Why the text the pages decode to is not the author's, if it is not: characters from
/// the private-use area (a font's own codes with no character map, as Type 3 and
/// symbol-encoded fonts give), replacement characters, or control codes, in more than a
/// few places.
fn garbled(blocks: &[super::split::RawBlock]) -> Option<String> {
    let (mut total, mut private, mut replaced, mut control) = (0usize, 0usize, 0usize, 0usize);
    for c in blocks
        .iter()
        .flat_map(|b| b.text.chars())
        .filter(|c| !c.is_whitespace())
    {
        total += 1;
        match c {
            '\u{e000}'..='\u{f8ff}' => private += 1,
            '\u{fffd}' => replaced += 1,
            c if c.is_control() => control += 1,
            _ => {}
        }
    }
    let share = |count: usize| count * 100 / total.max(1);
    if total == 0 || share(private + replaced + control) < 5 {
        return None;
    }
    let why = if private >= replaced.max(control) {
        format!(
            "{}% of its characters are a font's private codes with no character map (a Type 3 or symbol font without ToUnicode)",
            share(private)
        )
    } else if replaced >= control {
        format!(
            "{}% of its characters could not be decoded",
            share(replaced)
        )
    } else {
        format!("{}% of its characters are control codes", share(control))
    };
    Some(why)
}

/// Why a PDF gave no article text: a scan (pages of images, no fonts), or a damaged file
/// (it has fonts or drew characters, yet no text came of them).
fn why_no_text(document: &pdf_extract::Document, collector: &Collector) -> PdfError {
    let drawn = collector
        .pages
        .iter()
        .map(|page| page.glyphs.len())
        .sum::<usize>();
    if drawn > 0 {
        return PdfError::Damaged(format!(
            "it draws {drawn} characters, but none of them decode to text (its fonts' character maps are missing or broken)"
        ));
    }
    let has_fonts = document.objects.values().any(|object| {
        let dictionary = match object {
            Object::Dictionary(dictionary) => dictionary,
            Object::Stream(stream) => &stream.dict,
            _ => return false,
        };
        dictionary
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|kind| kind == b"Font")
    });
    if has_fonts {
        return PdfError::Damaged(
            "it has fonts for text, but no text could be read from its pages".into(),
        );
    }
    PdfError::NoText
}

/// Positioned characters, page by page, as pdf-extract draws them, each with the marked
/// content it is drawn in.
#[derive(Default)]
struct Collector {
    pages: Vec<PageText>,
    /// The marked-content sequences open now, innermost last.
    marked: Vec<Marked>,
}

/// An open marked-content sequence: what it says about the characters inside it.
struct Marked {
    mcid: Option<i64>,
    artifact: bool,
    /// Text that replaces what the sequence draws (`/ActualText`), with the characters
    /// drawn so far in its place.
    actual_text: Option<(String, Vec<Glyph>)>,
}

impl Collector {
    fn mcid(&self) -> Option<i64> {
        self.marked.iter().rev().find_map(|m| m.mcid)
    }

    fn in_artifact(&self) -> bool {
        self.marked.iter().any(|m| m.artifact)
    }

    /// Adds a drawn character to the page, or to the replacement text that covers it.
    fn add(&mut self, glyph: Glyph) {
        if let Some((_, covered)) = self
            .marked
            .iter_mut()
            .rev()
            .find_map(|m| m.actual_text.as_mut())
        {
            covered.push(glyph);
        } else if let Some(page) = self.pages.last_mut() {
            page.glyphs.push(glyph);
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.marked.clear();
        self.pages.push(PageText {
            number: page,
            bottom: media_box.lly as f32,
            top: media_box.ury as f32,
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The text matrix scales the font size; a square of the same area gives its size
        // on the page whatever the aspect.
        let scaled = (font_size * trm.m11 * font_size * trm.m22).abs().sqrt();
        let size = if scaled.is_finite() { scaled } else { 0.0 };
        let glyph = Glyph {
            x: trm.m31 as f32,
            y: trm.m32 as f32,
            advance: (width * size) as f32,
            size: size as f32,
            text: without_ligatures(text),
            mcid: self.mcid(),
            artifact: self.in_artifact(),
        };
        self.add(glyph);
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn begin_marked_content(
        &mut self,
        tag: &[u8],
        properties: Option<&Dictionary>,
    ) -> Result<(), OutputError> {
        let property = |key: &[u8]| properties.and_then(|p| p.get(key).ok());
        let actual_text = property(b"ActualText")
            .and_then(|text| text.as_str().ok())
            .map(|text| (pdf_string(text), Vec::new()));
        self.marked.push(Marked {
            mcid: property(b"MCID").and_then(|id| id.as_i64().ok()),
            artifact: tag == b"Artifact",
            actual_text,
        });
        Ok(())
    }

    fn end_marked_content(&mut self) -> Result<(), OutputError> {
        let Some(marked) = self.marked.pop() else {
            return Ok(());
        };
        // The replacement text stands where the characters it covers were drawn.
        if let Some((text, covered)) = marked.actual_text
            && let Some(first) = covered.first()
        {
            let end = covered
                .iter()
                .map(|g| g.x + g.advance)
                .fold(first.x, f32::max);
            let glyph = Glyph {
                x: first.x,
                y: first.y,
                advance: end - first.x,
                size: first.size,
                text: without_ligatures(&text),
                mcid: first.mcid,
                artifact: first.artifact,
            };
            self.add(glyph);
        }
        Ok(())
    }
}

/// Text with the typographic ligatures (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ) spelt out, as a
/// quotation must be.
fn without_ligatures(text: &str) -> String {
    if !text.chars().any(|c| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
        return text.to_owned();
    }
    text.chars()
        .map(|c| match c {
            '\u{fb00}' => "ff".to_owned(),
            '\u{fb01}' => "fi".to_owned(),
            '\u{fb02}' => "fl".to_owned(),
            '\u{fb03}' => "ffi".to_owned(),
            '\u{fb04}' => "ffl".to_owned(),
            '\u{fb05}' | '\u{fb06}' => "st".to_owned(),
            other => other.to_string(),
        })
        .collect()
}

/// Title, author and creation date from the document information dictionary.
struct DocumentInfo {
    title: Option<String>,
    author: Option<String>,
    created: Option<String>,
}

impl DocumentInfo {
    fn of(document: &pdf_extract::Document) -> Self {
        let info = document
            .trailer
            .get(b"Info")
            .ok()
            .and_then(|info| match info {
                Object::Reference(id) => document.get_dictionary(*id).ok(),
                Object::Dictionary(dictionary) => Some(dictionary),
                _ => None,
            });
        let text = |key: &[u8]| {
            info.and_then(|info| info.get(key).ok())
                .and_then(|value| value.as_str().ok())
                .map(pdf_string)
                .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|text| !text.is_empty())
        };
        Self {
            title: text(b"Title"),
            author: text(b"Author"),
            created: text(b"CreationDate").and_then(|date| pdf_date(&date)),
        }
    }
}

/// A PDF text string: UTF-16 with a byte-order mark, or PDFDocEncoding (Latin-1 in
/// everything an article's metadata uses).
fn pdf_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(utf8) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// "D:20261114093000+06'00'" becomes "14 November 2026".
fn pdf_date(date: &str) -> Option<String> {
    let digits = date.strip_prefix("D:").unwrap_or(date);
    let (year, month, day) = (digits.get(0..4)?, digits.get(4..6)?, digits.get(6..8)?);
    crate::dates::long_date(&format!("{year}-{month}-{day}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_information_strings_and_dates_are_decoded() {
        assert_eq!(pdf_string(b"\xfe\xff\x00A\x04\x10"), "A\u{410}");
        assert_eq!(pdf_string(b"Caf\xe9"), "Café");
        assert_eq!(
            pdf_date("D:20261114093000+06'00'").as_deref(),
            Some("14 November 2026")
        );
        assert_eq!(pdf_date("yesterday"), None);
    }

    #[test]
    fn a_text_layer_of_private_codes_is_named_and_a_few_symbols_are_not() {
        let block = |text: &str| super::super::split::RawBlock {
            kind: crate::model::SectionKind::Paragraph,
            text: text.to_owned(),
            figure: None,
        };
        let garbage: String = (0..40)
            .map(|i| char::from_u32(0xe000 + i).unwrap_or('x'))
            .collect();
        let why = garbled(&[block(&garbage), block("Trade grew.")]).expect("named");
        assert!(why.contains("private codes"), "{why}");
        let error = PdfError::Garbled(why).to_string();
        assert!(
            error.contains("cannot be trusted") && error.contains("OCR"),
            "{error}"
        );
        let bullets = "\u{f0b7} A list item that a word processor drew with a Symbol bullet.";
        assert_eq!(garbled(&[block(bullets)]), None);
        assert!(garbled(&[block("Caf\u{fffd} \u{fffd}\u{fffd}\u{fffd}")]).is_some());
    }

    #[test]
    fn bytes_that_are_not_a_pdf_are_refused_by_name() {
        assert!(matches!(import_pdf(b"hello"), Err(PdfError::Unreadable(_))));
        assert!(matches!(
            import_pdf(b"%PDF-1.7\n%%EOF"),
            Err(PdfError::Unreadable(_) | PdfError::Damaged(_))
        ));
    }
}
