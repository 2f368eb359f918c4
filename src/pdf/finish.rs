//! The one step after printpdf: what a brief needs that printpdf 0.12 cannot express,
//! added to the lopdf document that `printpdf::to_lopdf_doc` returns.
//!
//! - **Deterministic bytes.** printpdf gives every document a random trailer `/ID`; the
//!   same brief must give the same file, so the id is hashed from the content instead.
//! - **Language and title.** printpdf writes no `/Lang` and no viewer preferences; screen
//!   readers need the language, and viewers should show the title, not the file name.
//! - **Outline.** printpdf's bookmarks are sorted by page and then by *name*, and open at
//!   the top of the page; the brief's outline is in document order and opens at each
//!   heading. It is written here from the layout's outline.
//! - **Compression.** printpdf compresses streams one by one on one thread; here they
//!   are deflated on two threads, with one compressor per thread reset between streams.
//!   The file is then written by [`super::save`], with object streams.
//! - **Pieces.** A long brief is serialised by printpdf in pieces on two threads (see
//!   `write`); [`drop_last_page`] and [`graft`] join the pieces into one document.
//! - **Tidying.** printpdf writes PDF/X and identifier entries in the document
//!   information even when empty, and an empty `/Annots` on every page; those go.
//! - **Tags.** printpdf writes the marked-content sequences ([`super::tags`]) but knows
//!   no structure tree; it is written here with its parent tree, `/MarkInfo`, each page's
//!   `/Tabs /S`, and each link annotation as an object of its own with `/Contents` and
//!   `/StructParent` (printpdf writes annotations inline, where no tree can point).
//! - **Archive.** For PDF/A-2 the sRGB output intent (`assets/icc/sRGB-v4.icc`, CC0);
//!   annotations are printable (`/F 4`), as PDF/A requires.

use lopdf::{Dictionary, Document, Object, ObjectId, dictionary};

use super::PdfStandard;
use super::metadata::{document_id, text_string};
use crate::layout::{Laid, OutlineEntry};

/// The sRGB profile of the PDF/A output intent: 480 bytes, public domain (CC0), from
/// github.com/saucecontrol/Compact-ICC-Profiles.
const SRGB_PROFILE: &[u8] = include_bytes!("../../assets/icc/sRGB-v4.icc");

/// Removes the last page of `document`: the glyph inventory that gave its fonts every
/// glyph of the brief (see `write`).
pub fn drop_last_page(document: &mut Document) {
    let mut pages: Vec<ObjectId> = document.get_pages().into_values().collect();
    let Some(last) = pages.pop() else {
        return;
    };
    let Ok(pages_id) = document
        .get_dictionary(last)
        .and_then(|page| page.get(b"Parent"))
        .and_then(Object::as_reference)
    else {
        return;
    };
    let kids: Vec<Object> = pages.into_iter().map(Object::Reference).collect();
    remove_page_objects(document, last);
    if let Ok(pages) = document.get_dictionary_mut(pages_id) {
        pages.set("Count", kids.len() as i64);
        pages.set("Kids", kids);
    }
}

/// Appends the pages of `piece` to `document`. printpdf serialised `piece` from later
/// pages of the brief with the same fonts under the same resource names, so its pages
/// take `document`'s resources; its own fonts are left behind.
pub fn graft(document: &mut Document, mut piece: Document) {
    let mut kids: Vec<Object> = document
        .get_pages()
        .into_values()
        .map(Object::Reference)
        .collect();
    let Some(Ok(first_page)) = kids.first().map(Object::as_reference) else {
        return;
    };
    let Ok(first) = document.get_dictionary(first_page) else {
        return;
    };
    let resources = first.get(b"Resources").ok().cloned();
    let Ok(pages_id) = first.get(b"Parent").and_then(Object::as_reference) else {
        return;
    };
    for page in piece.get_pages().into_values() {
        let Some(Object::Dictionary(mut dictionary)) = piece.objects.remove(&page) else {
            continue;
        };
        let contents = dictionary
            .get(b"Contents")
            .and_then(Object::as_reference)
            .ok()
            .and_then(|id| piece.objects.remove(&id));
        if let Some(contents) = contents {
            dictionary.set("Contents", document.add_object(contents));
        }
        if let Some(resources) = &resources {
            dictionary.set("Resources", resources.clone());
        }
        dictionary.set("Parent", pages_id);
        kids.push(Object::Reference(document.add_object(dictionary)));
    }
    if let Ok(pages) = document.get_dictionary_mut(pages_id) {
        pages.set("Count", kids.len() as i64);
        pages.set("Kids", kids);
    }
}

/// Removes a page's dictionary, its content stream and its own resources dictionary.
fn remove_page_objects(document: &mut Document, page: ObjectId) {
    let Some(Object::Dictionary(dictionary)) = document.objects.remove(&page) else {
        return;
    };
    for key in [&b"Contents"[..], b"Resources"] {
        if let Ok(id) = dictionary.get(key).and_then(Object::as_reference) {
            document.objects.remove(&id);
        }
    }
}

/// Adds language, viewer preferences, outline, structure, output intent and id, and
/// compresses the streams.
pub fn finish(document: &mut Document, laid: &Laid, standard: PdfStandard) {
    document.version = "1.7".to_owned();
    let page_ids: Vec<ObjectId> = document.get_pages().into_values().collect();
    let id = document_id(&page_contents(document, &page_ids), &laid.facts);
    document.trailer.set("ID", id);
    tidy_info(document);
    tidy_pages(document, &page_ids);
    let annotations = annotations_as_objects(document, &page_ids);
    let structure = match &laid.document {
        Some(brief) if standard.is_tagged() => Some(super::tags::write_tree(
            document,
            brief,
            &laid.pages,
            &page_ids,
            &annotations,
        )),
        _ => None,
    };
    if structure.is_some() {
        for &page in &page_ids {
            if let Ok(dictionary) = document.get_dictionary_mut(page) {
                dictionary.set("Tabs", "S");
            }
        }
    }
    let output_intent = (standard == PdfStandard::A2).then(|| srgb_output_intent(document));
    let outline = add_outline(document, &laid.outline, laid, &page_ids);
    if let Ok(catalog) = document.catalog_mut() {
        catalog.set("Lang", text_string(laid.facts.language_or_default()));
        if let Some(root) = structure {
            catalog.set("StructTreeRoot", root);
            catalog.set("MarkInfo", dictionary! { "Marked" => true });
        }
        if let Some(intent) = output_intent {
            catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
        }
        catalog.set(
            "ViewerPreferences",
            dictionary! { "DisplayDocTitle" => true },
        );
        catalog.remove(b"PageLayout");
        match outline {
            Some(outline) => {
                catalog.set("Outlines", outline);
                catalog.set("PageMode", "UseOutlines");
            }
            None => {
                catalog.remove(b"PageMode");
            }
        }
    }
    compress_streams(document);
    // After compression: the XMP packet stays plain text, as records systems scan for it.
    super::marking::record(document, laid.marking(), &laid.facts, standard);
}

/// Makes each page's link annotations objects of their own, printable and described by
/// their address, and returns them page by page in the order printpdf wrote them (the
/// order of the layout's link items).
fn annotations_as_objects(document: &mut Document, page_ids: &[ObjectId]) -> Vec<Vec<ObjectId>> {
    let mut all = Vec::with_capacity(page_ids.len());
    for &page in page_ids {
        let inline: Vec<Object> = document
            .get_dictionary(page)
            .and_then(|page| page.get(b"Annots"))
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default();
        let mut ids = Vec::with_capacity(inline.len());
        for annotation in inline {
            let Object::Dictionary(mut annotation) = annotation else {
                continue;
            };
            let uri = annotation
                .get(b"A")
                .and_then(Object::as_dict)
                .and_then(|action| action.get(b"URI"))
                .and_then(Object::as_str)
                .map(|uri| String::from_utf8_lossy(uri).into_owned())
                .unwrap_or_default();
            annotation.set("F", 4);
            annotation.set("Contents", text_string(&format!("Link to {uri}")));
            ids.push(document.add_object(annotation));
        }
        if !ids.is_empty()
            && let Ok(dictionary) = document.get_dictionary_mut(page)
        {
            let references: Vec<Object> = ids.iter().copied().map(Object::Reference).collect();
            dictionary.set("Annots", references);
        }
        all.push(ids);
    }
    all
}

/// The PDF/A output intent: colours are sRGB, as the layout means them.
fn srgb_output_intent(document: &mut Document) -> Dictionary {
    let profile = document.add_object(lopdf::Stream::new(
        dictionary! { "N" => 3 },
        SRGB_PROFILE.to_vec(),
    ));
    dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
        "Info" => Object::string_literal("sRGB IEC61966-2.1"),
        "DestOutputProfile" => profile,
    }
}

/// The uncompressed content stream of every page, in page order.
fn page_contents<'a>(document: &'a Document, page_ids: &[ObjectId]) -> Vec<&'a [u8]> {
    page_ids
        .iter()
        .filter_map(|&page| {
            let contents = document.get_dictionary(page).ok()?.get(b"Contents").ok()?;
            let stream = document.get_object(contents.as_reference().ok()?).ok()?;
            Some(stream.as_stream().ok()?.content.as_slice())
        })
        .collect()
}

fn tidy_info(document: &mut Document) {
    let Some(info_id) = document
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .ok()
    else {
        return;
    };
    if let Ok(info) = document.get_dictionary_mut(info_id) {
        info.remove(b"GTS_PDFXVersion");
        info.remove(b"Trapped");
        for key in [&b"Identifier"[..], b"Keywords"] {
            let empty = info.get(key).is_ok_and(|value| {
                value.as_str().is_ok_and(|text| {
                    text.is_empty() || text == [0xfe, 0xff] // a UTF-16 mark and nothing else
                })
            });
            if empty {
                info.remove(key);
            }
        }
    }
}

fn tidy_pages(document: &mut Document, page_ids: &[ObjectId]) {
    for &page in page_ids {
        if let Ok(dictionary) = document.get_dictionary_mut(page) {
            let empty = dictionary
                .get(b"Annots")
                .and_then(Object::as_array)
                .is_ok_and(Vec::is_empty);
            if empty {
                dictionary.remove(b"Annots");
            }
            // The trim and crop boxes equal the media box, which is their default.
            dictionary.remove(b"TrimBox");
            dictionary.remove(b"CropBox");
        }
    }
}

/// Below this many bytes of streams a second thread costs more than it saves.
const BYTES_WORTH_A_THREAD: usize = 256 * 1024;

/// Deflates every stream that is not compressed yet, on two threads given about the
/// same number of bytes each when there is enough to share.
fn compress_streams(document: &mut Document) {
    let mut streams: Vec<&mut lopdf::Stream> = document
        .objects
        .values_mut()
        .filter_map(|object| match object {
            Object::Stream(stream) if stream.dict.get(b"Filter").is_err() => Some(stream),
            _ => None,
        })
        .collect();
    let compress = |streams: Vec<&mut lopdf::Stream>, deflater: &mut Deflater| {
        for stream in streams {
            let packed = deflater.deflate(&stream.content);
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
            stream.allows_compression = false;
        }
    };
    let total: usize = streams.iter().map(|stream| stream.content.len()).sum();
    if total < BYTES_WORTH_A_THREAD {
        with_deflater(|deflater| compress(streams, deflater));
        return;
    }
    streams.sort_by_key(|stream| std::cmp::Reverse(stream.content.len()));
    let (mut first, mut second) = (Vec::new(), Vec::new());
    let (mut first_bytes, mut second_bytes) = (0, 0);
    for stream in streams {
        if first_bytes <= second_bytes {
            first_bytes += stream.content.len();
            first.push(stream);
        } else {
            second_bytes += stream.content.len();
            second.push(stream);
        }
    }
    std::thread::scope(|scope| {
        scope.spawn(|| compress(second, &mut Deflater::new()));
        with_deflater(|deflater| compress(first, deflater));
    });
}

/// Runs `work` with this thread's compressor, made on first use: setting one up
/// (zlib's window and hash tables) costs about as much as deflating the sample's pages.
pub(super) fn with_deflater<R>(work: impl FnOnce(&mut Deflater) -> R) -> R {
    thread_local! {
        static DEFLATER: std::cell::RefCell<Option<Deflater>> =
            const { std::cell::RefCell::new(None) };
    }
    DEFLATER.with(|cell| match cell.try_borrow_mut() {
        Ok(mut slot) => work(slot.get_or_insert_with(Deflater::new)),
        // Already in use further up this thread's stack: a compressor of its own.
        Err(_) => work(&mut Deflater::new()),
    })
}

/// zlib at a middle level, nearly the size of the best level at a fraction of the time.
/// One compressor is reset between streams: setting one up costs more than deflating a
/// small stream.
pub(super) struct Deflater(flate2::Compress);

impl Deflater {
    pub(super) fn new() -> Self {
        Deflater(flate2::Compress::new(flate2::Compression::new(6), true))
    }

    pub(super) fn deflate(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.0.reset();
        let mut out = Vec::with_capacity(bytes.len() / 2 + 128);
        loop {
            let consumed = usize::try_from(self.0.total_in()).unwrap_or(bytes.len());
            let input = bytes.get(consumed..).unwrap_or_default();
            match self
                .0
                .compress_vec(input, &mut out, flate2::FlushCompress::Finish)
            {
                Ok(flate2::Status::StreamEnd) => return out,
                Ok(_) => out.reserve(out.capacity().max(4096)),
                // Deflating into memory does not fail; should it, a fresh encoder does it.
                Err(_) => return deflated_afresh(bytes),
            }
        }
    }
}

fn deflated_afresh(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// The outline of the parts, in document order, each opening its page at the heading.
fn add_outline(
    document: &mut Document,
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
    let root: Dictionary = dictionary! {
        "Type" => "Outlines",
        "First" => item_ids[0],
        "Last" => item_ids[item_ids.len() - 1],
        "Count" => item_ids.len() as i64,
    };
    document.objects.insert(root_id, Object::Dictionary(root));
    Some(root_id)
}
