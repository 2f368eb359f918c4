//! Writing laid-out pages as PDF: subset fonts with exact text extraction, an outline of
//! the parts, live links, metadata and deterministic bytes.
//!
//! Content streams are written directly as bytes ([`content`]) and the document is
//! assembled with lopdf, saved with object streams so the many small dictionaries cost
//! little. Fonts are subset once per export ([`fonts`]).

mod content;
mod fonts;
mod metadata;

use lopdf::{Dictionary, Object, ObjectId, Stream, dictionary};

use crate::layout::{Item, Laid, OutlineEntry, Page};
use crate::model::BriefMeta;
use fonts::UsedFonts;
use metadata::text_string;

/// Why a PDF could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font {0} could not be subset for embedding")]
    Font(&'static str),
    #[error("the PDF could not be assembled: {0}")]
    Assemble(String),
    #[error("the brief has no pages to export")]
    Empty,
}

/// Writes the pages as a PDF document. The same layout and metadata always give the same bytes.
pub fn write(laid: &Laid, meta: &BriefMeta) -> Result<Vec<u8>, PdfError> {
    if laid.pages.is_empty() {
        return Err(PdfError::Empty);
    }
    let fonts = UsedFonts::collect(laid);
    let contents = page_contents(&laid.pages, &fonts);

    let mut document = lopdf::Document::with_version("1.7");
    let font_resources = fonts.embed(&mut document)?;
    let resources_id = document.add_object(dictionary! { "Font" => font_resources });
    let pages_id = document.new_object_id();
    let mut page_ids = Vec::with_capacity(laid.pages.len());
    let id = metadata::document_id(
        &contents.iter().map(Vec::as_slice).collect::<Vec<_>>(),
        meta,
    );
    for (page, content) in laid.pages.iter().zip(contents) {
        let mut stream = Stream::new(Dictionary::new(), content);
        stream.dict.set("Filter", "FlateDecode");
        stream.allows_compression = false;
        let content_id = document.add_object(stream);
        let media_box = vec![
            Object::Integer(0),
            Object::Integer(0),
            Object::Real(page.size.width.0),
            Object::Real(page.size.height.0),
        ];
        let mut page_dict = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => media_box,
            "Resources" => resources_id,
            "Contents" => content_id,
        };
        let annotations = link_annotations(page);
        if !annotations.is_empty() {
            page_dict.set("Annots", annotations);
        }
        page_ids.push(document.add_object(page_dict));
    }
    document.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => page_ids.iter().map(|id| Object::Reference(*id)).collect::<Vec<_>>(),
            "Count" => page_ids.len() as i64,
        }),
    );

    let mut catalog = dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
        "Lang" => Object::string_literal("en-GB"),
        "ViewerPreferences" => dictionary! { "DisplayDocTitle" => true },
    };
    if let Some(outline_id) = add_outline(&mut document, &laid.outline, laid, &page_ids) {
        catalog.set("Outlines", outline_id);
        catalog.set("PageMode", "UseOutlines");
    }
    let catalog_id = document.add_object(catalog);
    let info_id = document.add_object(metadata::info(meta));
    document.trailer.set("Root", catalog_id);
    document.trailer.set("Info", info_id);
    document.trailer.set("ID", id);

    let mut bytes = Vec::new();
    document
        .save_modern(&mut bytes)
        .map_err(|e| PdfError::Assemble(e.to_string()))?;
    Ok(bytes)
}

/// The compressed content stream of every page. Long documents are split between two
/// threads: pages are independent, and deflating them is most of the work.
fn page_contents(pages: &[Page], fonts: &UsedFonts) -> Vec<Vec<u8>> {
    let write = |pages: &[Page]| -> Vec<Vec<u8>> {
        pages
            .iter()
            .map(|page| deflated(&content::page_content(page, fonts)))
            .collect()
    };
    if pages.len() < 8 {
        return write(pages);
    }
    let (first, second) = pages.split_at(pages.len() / 2);
    std::thread::scope(|scope| {
        let second = scope.spawn(|| write(second));
        let mut contents = write(first);
        let rest = second
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        contents.extend(rest);
        contents
    })
}

/// Deflates at a middle level: nearly the size of the best level at a fraction of the time.
fn deflated(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::new(6),
    );
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// A link annotation for every `Item::Link` on the page, with no visible border.
fn link_annotations(page: &Page) -> Vec<Object> {
    let height = page.size.height.0;
    page.items
        .iter()
        .filter_map(|positioned| {
            let Item::Link { size, url } = &positioned.item else {
                return None;
            };
            let (x, y) = (positioned.at.x.0, positioned.at.y.0);
            let rect = vec![
                Object::Real(x),
                Object::Real(height - y - size.height.0),
                Object::Real(x + size.width.0),
                Object::Real(height - y),
            ];
            Some(Object::Dictionary(dictionary! {
                "Type" => "Annot",
                "Subtype" => "Link",
                "Rect" => rect,
                "Border" => vec![Object::Integer(0), Object::Integer(0), Object::Integer(0)],
                "A" => dictionary! {
                    "S" => "URI",
                    "URI" => Object::string_literal(url.as_str()),
                },
            }))
        })
        .collect()
}

/// The outline of the parts, in document order, each opening its page at the heading.
fn add_outline(
    document: &mut lopdf::Document,
    entries: &[OutlineEntry],
    laid: &Laid,
    page_ids: &[ObjectId],
) -> Option<ObjectId> {
    let entries: Vec<&OutlineEntry> = entries.iter().filter(|e| e.page < page_ids.len()).collect();
    if entries.is_empty() {
        return None;
    }
    let root_id = document.new_object_id();
    let item_ids: Vec<ObjectId> = entries.iter().map(|_| document.new_object_id()).collect();
    for (index, entry) in entries.iter().enumerate() {
        let height = laid.pages[entry.page].size.height.0;
        let top = (height - entry.y.0 + 4.0).min(height);
        let mut item = dictionary! {
            "Title" => text_string(&entry.title),
            "Parent" => root_id,
            "Dest" => vec![
                Object::Reference(page_ids[entry.page]),
                "XYZ".into(),
                Object::Null,
                Object::Real(top),
                Object::Null,
            ],
        };
        if index > 0 {
            item.set("Prev", item_ids[index - 1]);
        }
        if let Some(next) = item_ids.get(index + 1) {
            item.set("Next", *next);
        }
        document
            .objects
            .insert(item_ids[index], Object::Dictionary(item));
    }
    document.objects.insert(
        root_id,
        Object::Dictionary(dictionary! {
            "Type" => "Outlines",
            "First" => item_ids[0],
            "Last" => item_ids[item_ids.len() - 1],
            "Count" => item_ids.len() as i64,
        }),
    );
    Some(root_id)
}
