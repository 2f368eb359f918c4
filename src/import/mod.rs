//! Turning article files and pasted text into a [`Source`] with sections and metadata.
//!
//! Import never touches the brief: it only produces sources.

mod decode;
mod docx;
mod guard;
mod html;
mod html_figures;
mod html_sections;
mod html_strip;
mod hyphenation;
mod link;
mod metadata;
mod pdf;
mod pdf_guard;
mod pdf_layout;
mod pdf_structure;
mod pdf_tagged;
mod split;
pub mod word_review;

use std::path::Path;

pub use decode::{DecodeError, Decoded, Replaced, decode_article, decode_article_noting};
pub use docx::{DocxError, MAX_DOCX_UNPACKED, MAX_XML_DEPTH, import_docx};
pub use guard::{IMPORT_TIME_BUDGET, quietly};
pub use html::{HtmlError, MAX_HTML_DEPTH, import_html, import_html_fragment};
pub use link::{Fetcher, LinkError, Proxy};
pub use pdf::{PdfError, import_pdf};
pub use pdf_guard::{MAX_FORM_DEPTH, MAX_PDF_OPERATIONS, MAX_STREAM_BYTES, MAX_UNPACKED_PDF_BYTES};

use crate::model::{Section, SectionId, SectionKind, Source, SourceId};

/// Largest article accepted; anything bigger is almost certainly not an article.
pub const MAX_ARTICLE_BYTES: u64 = 20 * 1024 * 1024;

/// Why an article could not be imported.
///
/// Each message already includes its cause, so the cause is not also exposed as
/// `Error::source` (an `{:#}` chain would print it twice).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {cause}")]
    Read { path: String, cause: std::io::Error },
    #[error("{path} is a folder, not an article file")]
    IsFolder { path: String },
    #[error("{path} is {kind}; only files can be imported")]
    NotAFile { path: String, kind: &'static str },
    #[error(
        "{path} took longer than {seconds} seconds to import and was given up on; it is damaged or built to hang a reader"
    )]
    TooSlow { path: String, seconds: u64 },
    #[error(
        "{path} could not be read: the importer failed on it (the file is damaged); try saving it again from the program that made it"
    )]
    Crashed { path: String },
    #[error("{path} is {size} MB; articles larger than {limit} MB are refused")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: {cause}")]
    Decode { path: String, cause: DecodeError },
    #[error("{path} contains no text to import")]
    Empty { path: String },
    #[error("{path}: {cause}")]
    Html { path: String, cause: HtmlError },
    #[error("{path} {cause}")]
    Pdf { path: String, cause: PdfError },
    #[error("{path} {cause}")]
    Docx { path: String, cause: DocxError },
}

/// An imported article, and what the user should know about how it was read.
#[derive(Debug)]
pub struct Imported {
    pub source: Source,
    /// For example that damaged bytes were replaced by U+FFFD, and where.
    pub warnings: Vec<String>,
}

impl Imported {
    fn clean(source: Source) -> Self {
        Imported {
            source,
            warnings: Vec::new(),
        }
    }
}

/// Reads and imports an article file: text, Markdown, a web page, PDF or Word. Only a
/// regular file is read (a pipe or a device is refused by name), and the import runs under
/// the limits of [`guard`]: its own stack, a time budget, panics caught.
pub fn import_file(path: &Path) -> Result<Source, ImportError> {
    import_file_noting(path).map(|imported| imported.source)
}

/// [`import_file`], with the warnings about how the file was read.
pub fn import_file_noting(path: &Path) -> Result<Imported, ImportError> {
    let shown = path.display().to_string();
    let bytes = crate::regular_file::read_regular(path, MAX_ARTICLE_BYTES).map_err(|refusal| {
        use crate::regular_file::ReadRefusal;
        match refusal {
            ReadRefusal::Io(cause) => ImportError::Read {
                path: shown.clone(),
                cause,
            },
            ReadRefusal::Folder => ImportError::IsFolder {
                path: shown.clone(),
            },
            ReadRefusal::Special(kind) => ImportError::NotAFile {
                path: shown.clone(),
                kind,
            },
            ReadRefusal::TooLarge { size } => ImportError::TooLarge {
                path: shown.clone(),
                size: size / (1024 * 1024),
                limit: MAX_ARTICLE_BYTES / (1024 * 1024),
            },
        }
    })?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let folder = path.parent().map(Path::to_path_buf);
    guard::guarded(&shown, move || {
        if matches!(extension.as_str(), "html" | "htm" | "xhtml") {
            let beside = |src: &str| folder.as_deref().and_then(|f| saved_page_file(f, src));
            return html_unguarded(&file_name, &bytes, None, &beside);
        }
        if extension == "pdf" || bytes.starts_with(b"%PDF-") {
            return pdf_unguarded(&file_name, &bytes).map(Imported::clean);
        }
        if matches!(extension.as_str(), "docx" | "docm" | "dotx") {
            return docx_unguarded(&file_name, &bytes).map(Imported::clean);
        }
        let is_markdown = matches!(extension.as_str(), "md" | "markdown");
        text_unguarded(&file_name, &bytes, is_markdown)
    })
}

/// Imports an article held in memory; `name` is used in messages and kept as the file name.
pub fn import_bytes(name: &str, bytes: &[u8], is_markdown: bool) -> Result<Source, ImportError> {
    let (owned_name, owned) = (name.to_owned(), bytes.to_vec());
    guard::guarded(name, move || {
        text_unguarded(&owned_name, &owned, is_markdown)
    })
    .map(|imported| imported.source)
}

/// Imports a web page held in memory: its article, as a reader view finds it. `page_url`
/// is where it was fetched from, if it was.
pub fn import_html_bytes(
    name: &str,
    bytes: &[u8],
    page_url: Option<&str>,
) -> Result<Source, ImportError> {
    let (owned_name, owned) = (name.to_owned(), bytes.to_vec());
    let page_url = page_url.map(str::to_owned);
    guard::guarded(name, move || {
        html_unguarded(&owned_name, &owned, page_url.as_deref(), &|_| None)
    })
    .map(|imported| imported.source)
}

/// Imports a PDF article held in memory.
pub fn import_pdf_bytes(name: &str, bytes: &[u8]) -> Result<Source, ImportError> {
    let (owned_name, owned) = (name.to_owned(), bytes.to_vec());
    guard::guarded(name, move || pdf_unguarded(&owned_name, &owned))
}

/// Imports a Word document held in memory.
pub fn import_docx_bytes(name: &str, bytes: &[u8]) -> Result<Source, ImportError> {
    let (owned_name, owned) = (name.to_owned(), bytes.to_vec());
    guard::guarded(name, move || docx_unguarded(&owned_name, &owned))
}

fn text_unguarded(name: &str, bytes: &[u8], is_markdown: bool) -> Result<Imported, ImportError> {
    let decoded = decode_article_noting(bytes).map_err(|cause| ImportError::Decode {
        path: name.to_owned(),
        cause,
    })?;
    let mut source = import_text(&decoded.text, is_markdown).ok_or_else(|| ImportError::Empty {
        path: name.to_owned(),
    })?;
    source.file_name = name.to_owned();
    Ok(Imported {
        source,
        warnings: replacement_warning(name, decoded.replaced),
    })
}

fn replacement_warning(name: &str, replaced: Option<Replaced>) -> Vec<String> {
    replaced
        .map(|replaced| format!("{name}: {replaced}; check the text there against the original"))
        .into_iter()
        .collect()
}

fn html_unguarded(
    name: &str,
    bytes: &[u8],
    page_url: Option<&str>,
    fetch: &dyn Fn(&str) -> Option<Vec<u8>>,
) -> Result<Imported, ImportError> {
    let decoded = decode_article_noting(bytes).map_err(|cause| ImportError::Decode {
        path: name.to_owned(),
        cause,
    })?;
    let (mut source, left_out) = html::import_html_with_pictures(&decoded.text, page_url, fetch)
        .map_err(|cause| ImportError::Html {
            path: name.to_owned(),
            cause,
        })?;
    source.file_name = name.to_owned();
    let mut warnings = replacement_warning(name, decoded.replaced);
    if left_out > 0 {
        warnings.push(format!(
            "{name}: {} of the article not brought in (on the web, or not PNG, JPEG or SVG)",
            crate::model::count_of(left_out, "picture")
        ));
    }
    Ok(Imported { source, warnings })
}

fn pdf_unguarded(name: &str, bytes: &[u8]) -> Result<Source, ImportError> {
    let mut source = import_pdf(bytes).map_err(|cause| ImportError::Pdf {
        path: name.to_owned(),
        cause,
    })?;
    source.file_name = name.to_owned();
    Ok(source)
}

fn docx_unguarded(name: &str, bytes: &[u8]) -> Result<Source, ImportError> {
    let mut source = import_docx(bytes).map_err(|cause| ImportError::Docx {
        path: name.to_owned(),
        cause,
    })?;
    source.file_name = name.to_owned();
    Ok(source)
}

/// The bytes of picture `src` of a page saved in `folder` ("Save Page As", which puts
/// its files in a folder beside it): only a relative address inside that folder is read,
/// never a file elsewhere on the machine, and never more than a picture may be.
fn saved_page_file(folder: &Path, src: &str) -> Option<Vec<u8>> {
    let src = src.split(['?', '#']).next()?;
    if src.contains(':') || src.starts_with('/') || src.starts_with('\\') {
        return None;
    }
    let decoded = percent_decoded(src)?;
    let relative = Path::new(&decoded);
    let inside = relative.components().all(|part| {
        matches!(
            part,
            std::path::Component::Normal(_) | std::path::Component::CurDir
        )
    });
    if !inside {
        return None;
    }
    crate::regular_file::read_regular(
        &folder.join(relative),
        crate::picture::MAX_FILE_BYTES as u64,
    )
    .ok()
}

/// `%20` and the like, as browsers write file names in saved pages.
fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            let hex = std::str::from_utf8(bytes.get(at + 1..at + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            at += 3;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Imports text (for example pasted from a browser). Returns `None` if it holds no words.
/// Sections get placeholder ids; [`crate::model::Project::add_source`] assigns real ones.
pub fn import_text(text: &str, is_markdown: bool) -> Option<Source> {
    let (front_matter, body) = metadata::split_front_matter(text);
    let blocks = split::split_blocks(body, is_markdown);
    if blocks.is_empty() && front_matter.is_empty() {
        return None;
    }
    Some(source_from_blocks(&front_matter, blocks).source)
}

/// Records the language the source's text is in, as far as it can be told.
fn with_language(mut source: Source) -> Source {
    source.language = crate::spelling::detect_source_language(&source).unwrap_or_default();
    source
}

/// A source built from an article's blocks, and whether its title was found in them.
struct FromBlocks {
    source: Source,
    /// False when the title is only the start of the first paragraph.
    has_title: bool,
}

/// Takes the title, byline, date and other metadata out of the first blocks (and the
/// front matter), and makes the rest sections.
fn source_from_blocks(
    front_matter: &[(String, String)],
    blocks: Vec<split::RawBlock>,
) -> FromBlocks {
    let found = metadata::find_metadata(front_matter, &blocks);
    let has_title = front_matter.iter().any(|(key, _)| key == "title")
        || blocks
            .first()
            .is_some_and(|first| first.text == found.title);
    let sections = blocks
        .into_iter()
        .enumerate()
        .filter(|(index, _)| !found.consumed.contains(index))
        .map(|(_, block)| Section {
            id: SectionId(0),
            kind: if metadata::is_boilerplate(&block.text) {
                SectionKind::Boilerplate
            } else {
                block.kind
            },
            text: block.text,
            figure: block.figure,
        })
        .collect();
    let source = Source {
        id: SourceId(0),
        title: found.title,
        author: found.author,
        publication: found.publication,
        date: found.date,
        url: found.url,
        accessed: String::new(),
        notes: found.notes,
        file_name: String::new(),
        marking: Default::default(),
        language: String::new(),
        sections,
        pictures: Vec::new(),
        unknown_fields: Default::default(),
    };
    let source = with_language(source);
    FromBlocks { source, has_title }
}
