//! Word documents (`.docx`): the body's paragraphs in order, Heading styles as section
//! headings and table rows as paragraphs, read with docx-rs; the title from the Title
//! style or the core properties, the author and created date from the core properties.
//! Headers, footers, comments and deleted tracked changes are not body text.
//!
//! A `.docx` is a zip: every part is unpacked once, counted, before docx-rs sees it, so a
//! zip bomb or a damaged part is refused with a message instead of filling memory. Every
//! XML part is read through once with quick-xml on the way: docx-rs 0.4.22 loops forever
//! on a part cut short (its element readers ignore the end of the document) and recurses
//! once per nested table, so a part that is not well-formed, or nests deeper than
//! [`MAX_XML_DEPTH`], never reaches it.

use std::io::{BufRead, BufReader, Cursor, Read};

use docx_rs::{
    DocumentChild, Docx, InsertChild, Paragraph, ParagraphChild, RunChild, StructuredDataTagChild,
    Table, TableCellContent, TableChild, TableRowChild,
};
use quick_xml::events::Event;
use zip::ZipArchive;

use super::split::RawBlock;
use crate::model::{SectionKind, Source};

/// Most bytes a Word document may unpack to; an article with its pictures is far smaller.
pub const MAX_DOCX_UNPACKED: u64 = 100 * 1024 * 1024;
/// Most parts a Word document may hold.
const MAX_DOCX_PARTS: usize = 10_000;
/// Deepest element nesting accepted in any XML part. Word's own documents stay under 40
/// (a picture in a text box in a table cell is about 20 deep); docx-rs recurses once per
/// level of nested tables and overflowed the stack at 1,000 tables (3,000 elements).
pub const MAX_XML_DEPTH: usize = 256;

/// Why a Word document gave no article.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DocxError {
    #[error("is not a Word document (.docx) that can be opened ({0})")]
    Unreadable(String),
    #[error("is an older Word 97–2003 document (.doc); open it in Word and save it as .docx")]
    OldWordFormat,
    #[error(
        "is encrypted: it opens only with a password. Save an unprotected copy and import that"
    )]
    Encrypted,
    #[error(
        "unpacks to more than {} MB, far more than any article (a damaged file or a \"zip bomb\"); refused",
        MAX_DOCX_UNPACKED / (1024 * 1024)
    )]
    TooLargeUnpacked,
    #[error("has no text in its body")]
    NoText,
    #[error(
        "is damaged: its part {part} is cut short or not well-formed XML ({reason}); it may have been truncated in transit, so ask for it again"
    )]
    MalformedPart { part: String, reason: String },
    #[error(
        "nests elements more than {MAX_XML_DEPTH} deep in its part {part} (tables inside tables); no real document does, so it is refused"
    )]
    TooDeep { part: String },
}

/// The article in the Word document `bytes`.
pub fn import_docx(bytes: &[u8]) -> Result<Source, DocxError> {
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        // An OLE compound file: a password-protected .docx is wrapped in one, and so is
        // every old .doc.
        let encrypted_package: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let encrypted = bytes
            .windows(encrypted_package.len())
            .any(|window| window == encrypted_package);
        return Err(if encrypted {
            DocxError::Encrypted
        } else {
            DocxError::OldWordFormat
        });
    }
    let properties = check_package(bytes)?;
    // docx-rs asserts on some malformed parts instead of returning an error.
    let options = docx_rs::ReadDocxOptions::default().with_image_previews(false);
    let docx = super::guard::quietly(|| docx_rs::read_docx_with_options(bytes, options))
        .map_err(|_| DocxError::Unreadable("its document part is malformed".into()))?
        .map_err(|error| DocxError::Unreadable(error.to_string()))?;

    let body = Body::of(&docx, drawing_descriptions(bytes));
    if body.blocks.is_empty() && body.title.is_none() {
        return Err(DocxError::NoText);
    }
    let mut front_matter = Vec::new();
    if let Some(title) = body.title.clone().or_else(|| properties.title.clone()) {
        front_matter.push(("title".to_owned(), title));
    }
    let mut blocks = body.blocks;
    if let Some(title) = body.title {
        blocks.insert(
            0,
            RawBlock {
                kind: SectionKind::Heading,
                text: title,
                figure: None,
            },
        );
    }
    let mut source = super::source_from_blocks(&front_matter, blocks).source;
    source.pictures = body.pictures;
    if source.author.is_empty() {
        source.author = properties.creator.unwrap_or_default();
    }
    if source.date.is_empty() {
        source.date = properties.created.unwrap_or_default();
    }
    if source.publication.is_empty() {
        source.publication = properties.company.unwrap_or_default();
    }
    Ok(source)
}

/// What the package's core and application properties say.
#[derive(Default)]
pub(super) struct Properties {
    title: Option<String>,
    creator: Option<String>,
    created: Option<String>,
    company: Option<String>,
}

/// Unpacks every part once, counting: refuses a package that unpacks to too much or has a
/// part that does not unpack, and reads the document properties on the way.
pub(super) fn check_package(bytes: &[u8]) -> Result<Properties, DocxError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|error| DocxError::Unreadable(error.to_string()))?;
    if archive.len() > MAX_DOCX_PARTS {
        return Err(DocxError::Unreadable(format!(
            "it holds {} parts",
            archive.len()
        )));
    }
    let mut properties = Properties::default();
    let mut unpacked = 0u64;
    for index in 0..archive.len() {
        let mut part = archive
            .by_index(index)
            .map_err(|error| DocxError::Unreadable(error.to_string()))?;
        if part.size() > MAX_DOCX_UNPACKED - unpacked {
            return Err(DocxError::TooLargeUnpacked);
        }
        let name = part.name().to_owned();
        let wanted = matches!(name.as_str(), "docProps/core.xml" | "docProps/app.xml");
        let lower = name.to_ascii_lowercase();
        let is_xml = lower.ends_with(".xml") || lower.ends_with(".rels");
        let mut kept = Vec::new();
        let allowed = MAX_DOCX_UNPACKED - unpacked + 1;
        let mut counted = (&mut part).take(allowed);
        let unreadable =
            |error: std::io::Error| DocxError::Unreadable(format!("part {name}: {error}"));
        if wanted {
            counted.read_to_end(&mut kept).map_err(unreadable)?;
            check_xml(&kept[..], &name)?;
        } else if is_xml {
            let mut buffered = BufReader::new(&mut counted);
            check_xml(&mut buffered, &name)?;
            std::io::copy(&mut buffered, &mut std::io::sink()).map_err(unreadable)?;
        } else {
            std::io::copy(&mut counted, &mut std::io::sink()).map_err(unreadable)?;
        }
        unpacked += allowed - counted.limit();
        if unpacked > MAX_DOCX_UNPACKED {
            return Err(DocxError::TooLargeUnpacked);
        }
        match name.as_str() {
            "docProps/core.xml" => {
                properties.title = xml_text(&kept, b"title");
                properties.creator = xml_text(&kept, b"creator");
                properties.created =
                    xml_text(&kept, b"created").and_then(|date| crate::dates::long_date(&date));
            }
            "docProps/app.xml" => properties.company = xml_text(&kept, b"Company"),
            _ => {}
        }
    }
    if archive.by_name("word/document.xml").is_err()
        && archive.by_name("[Content_Types].xml").is_err()
    {
        return Err(DocxError::Unreadable(
            "it is a zip file, not a Word document".into(),
        ));
    }
    Ok(properties)
}

/// Reads an XML part through once: refuses it if it is cut short, not well-formed, or
/// nests deeper than [`MAX_XML_DEPTH`]. Streams, so a large part is never held whole.
fn check_xml(xml: impl BufRead, part: &str) -> Result<(), DocxError> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    let mut buffer = Vec::new();
    let mut depth = 0usize;
    let malformed = |reason: String| DocxError::MalformedPart {
        part: part.to_owned(),
        reason,
    };
    loop {
        buffer.clear();
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(_)) => {
                depth += 1;
                if depth > MAX_XML_DEPTH {
                    return Err(DocxError::TooDeep {
                        part: part.to_owned(),
                    });
                }
            }
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) if depth == 0 => return Ok(()),
            Ok(Event::Eof) => {
                return Err(malformed(format!(
                    "it ends with {depth} element(s) still open"
                )));
            }
            Ok(_) => {}
            Err(error) => {
                let position = reader.error_position();
                return Err(malformed(format!("{error} at byte {position}")));
            }
        }
    }
}

/// The text of the first element with this local name.
fn xml_text(xml: &[u8], local_name: &[u8]) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut inside = false;
    let mut text = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(start) if start.local_name().as_ref() == local_name => inside = true,
            Event::Text(chunk) if inside => text.push_str(&chunk.decode().ok()?),
            Event::GeneralRef(reference) if inside => {
                let entity = reference.decode().ok()?;
                let resolved = quick_xml::escape::resolve_predefined_entity(&entity)?;
                text.push_str(resolved);
            }
            Event::End(end) if inside && end.local_name().as_ref() == local_name => break,
            Event::Eof => break,
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// The body's blocks, and the first paragraph in the Title style.
struct Body {
    title: Option<String>,
    blocks: Vec<RawBlock>,
    /// The pictures its figure blocks show.
    pictures: Vec<crate::model::Picture>,
    /// Each drawing's description (`wp:docPr descr`), in document order, and how many
    /// drawings have been met.
    descriptions: Vec<String>,
    drawings: usize,
}

impl Body {
    fn of(docx: &Docx, descriptions: Vec<String>) -> Self {
        let mut body = Body {
            title: None,
            blocks: Vec::new(),
            pictures: Vec::new(),
            descriptions,
            drawings: 0,
        };
        for child in &docx.document.children {
            match child {
                DocumentChild::Paragraph(paragraph) => body.paragraph(docx, paragraph),
                DocumentChild::Table(table) => body.table(table),
                DocumentChild::StructuredDataTag(tag) => {
                    for child in &tag.children {
                        match child {
                            StructuredDataTagChild::Paragraph(paragraph) => {
                                body.paragraph(docx, paragraph)
                            }
                            StructuredDataTagChild::Table(table) => body.table(table),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        body
    }

    fn paragraph(&mut self, docx: &Docx, paragraph: &Paragraph) {
        self.pictures_of(docx, paragraph);
        let text = paragraph_text(paragraph);
        if text.is_empty() {
            return;
        }
        let style = paragraph
            .property
            .style
            .as_ref()
            .and_then(|style| docx.styles.styles.iter().find(|s| s.style_id == style.val));
        // Word's Insert Caption: the caption of the picture just before it.
        let is_caption = style.is_some_and(|s| {
            s.style_id.eq_ignore_ascii_case("caption") || s.name.starts_with("caption")
        });
        if is_caption
            && let Some(last) = self.blocks.last_mut()
            && last.kind == SectionKind::Figure
            && last.figure.as_ref().is_some_and(|f| f.alt == last.text)
        {
            last.text = text;
            return;
        }
        let is_title = style.is_some_and(|s| s.name.starts_with("Title") || s.style_id == "Title");
        if is_title && self.title.is_none() && self.blocks.is_empty() {
            self.title = Some(text);
            return;
        }
        let is_heading = is_title
            || style
                .is_some_and(|s| s.name.is_heading() || s.paragraph_property.outline_lvl.is_some());
        self.blocks.push(RawBlock {
            kind: if is_heading {
                SectionKind::Heading
            } else {
                SectionKind::Paragraph
            },
            text,
            figure: None,
        });
    }

    /// The pictures drawn in `paragraph`, each a figure block with its description.
    fn pictures_of(&mut self, docx: &Docx, paragraph: &Paragraph) {
        for child in &paragraph.children {
            let ParagraphChild::Run(run) = child else {
                continue;
            };
            for child in &run.children {
                let RunChild::Drawing(drawing) = child else {
                    continue;
                };
                let Some(docx_rs::DrawingData::Pic(pic)) = &drawing.data else {
                    continue;
                };
                let alt = self
                    .descriptions
                    .get(self.drawings)
                    .cloned()
                    .unwrap_or_default();
                self.drawings += 1;
                let Some((_, path, image, _)) = docx.images.iter().find(|(id, ..)| *id == pic.id)
                else {
                    continue;
                };
                // A picture Briefwright cannot show (EMF, TIFF) stays out of the source.
                let Ok(picture) = crate::picture::prepare(&image.0, path) else {
                    continue;
                };
                let key = crate::model::PictureKey::of(&picture.bytes);
                if !self
                    .pictures
                    .iter()
                    .any(|p| crate::model::PictureKey::of(&p.bytes) == key)
                {
                    self.pictures.push(picture);
                }
                let text = if alt.is_empty() {
                    "Picture".to_owned()
                } else {
                    alt.clone()
                };
                self.blocks.push(RawBlock {
                    kind: SectionKind::Figure,
                    text,
                    figure: Some(crate::model::SourceFigure { picture: key, alt }),
                });
            }
        }
    }

    /// Each row becomes a paragraph, its cells separated by " | ".
    fn table(&mut self, table: &Table) {
        for TableChild::TableRow(row) in &table.rows {
            let cells: Vec<String> = row
                .cells
                .iter()
                .map(|TableRowChild::TableCell(cell)| {
                    cell.children
                        .iter()
                        .filter_map(|content| match content {
                            TableCellContent::Paragraph(paragraph) => {
                                Some(paragraph_text(paragraph))
                            }
                            _ => None,
                        })
                        .filter(|text| !text.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            if cells.iter().any(|cell| !cell.is_empty()) {
                self.blocks.push(RawBlock {
                    kind: SectionKind::Paragraph,
                    text: cells.join(" | "),
                    figure: None,
                });
            }
        }
    }
}

/// The description (`descr`, or else `title`) of each drawing in the document part, in
/// order. docx-rs does not read them.
fn drawing_descriptions(bytes: &[u8]) -> Vec<String> {
    let Ok(mut archive) = ZipArchive::new(Cursor::new(bytes)) else {
        return Vec::new();
    };
    let mut xml = Vec::new();
    let read = archive
        .by_name("word/document.xml")
        .map(|part| part.take(MAX_DOCX_UNPACKED).read_to_end(&mut xml));
    if !matches!(read, Ok(Ok(_))) {
        return Vec::new();
    }
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buffer = Vec::new();
    let mut found = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(element) | Event::Empty(element))
                if element.local_name().as_ref() == b"docPr" =>
            {
                let attribute = |name: &[u8]| {
                    element
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == name)
                        .and_then(|a| {
                            let raw = String::from_utf8_lossy(&a.value).into_owned();
                            quick_xml::escape::unescape(&raw)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                        .unwrap_or_default()
                };
                let descr = attribute(b"descr");
                let text = if descr.trim().is_empty() {
                    attribute(b"title")
                } else {
                    descr
                };
                found.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buffer.clear();
    }
    found
}

/// The paragraph's text as Word shows it: runs, insertions and hyperlinks, without deleted
/// text, field instructions or comment marks.
fn paragraph_text(paragraph: &Paragraph) -> String {
    let mut text = String::new();
    paragraph_children_text(&paragraph.children, &mut text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn paragraph_children_text(children: &[ParagraphChild], text: &mut String) {
    for child in children {
        match child {
            ParagraphChild::Run(run) => run_text(&run.children, text),
            ParagraphChild::Insert(insert) => {
                for child in &insert.children {
                    if let InsertChild::Run(run) = child {
                        run_text(&run.children, text);
                    }
                }
            }
            ParagraphChild::Hyperlink(link) => paragraph_children_text(&link.children, text),
            _ => {}
        }
    }
}

fn run_text(children: &[RunChild], text: &mut String) {
    for child in children {
        match child {
            RunChild::Text(t) => text.push_str(&t.text),
            RunChild::Tab(_) | RunChild::Break(_) | RunChild::CarriageReturn(_) => text.push(' '),
            _ => {}
        }
    }
}
