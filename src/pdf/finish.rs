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
//! - **Compression and object streams.** printpdf compresses streams one by one and
//!   writes a classic cross-reference table; here the streams are deflated on two threads
//!   and the file is saved with object streams (`save_modern`), which keeps the many
//!   small page dictionaries small.
//! - **Tidying.** printpdf writes PDF/X and identifier entries in the document
//!   information even when empty, and an empty `/Annots` on every page; those go.

use lopdf::{Dictionary, Document, Object, ObjectId, dictionary};

use super::deflated;
use super::metadata::{document_id, text_string};
use crate::layout::{Laid, OutlineEntry};
use crate::model::BriefMeta;

/// Replaces the last page of `document`, the glyph inventory that gave its fonts every
/// glyph, with the pages of `second`, which printpdf serialised from the second half of
/// the brief with the same fonts under the same resource names.
pub fn graft(document: &mut Document, mut second: Document) {
    let Some((&last_number, &inventory)) = document.get_pages().iter().next_back() else {
        return;
    };
    let first_page = document.get_pages().get(&1).copied();
    let resources = first_page.and_then(|page| {
        document
            .get_dictionary(page)
            .ok()?
            .get(b"Resources")
            .ok()
            .cloned()
    });
    let Ok(pages_id) = document
        .get_dictionary(inventory)
        .and_then(|page| page.get(b"Parent"))
        .and_then(Object::as_reference)
    else {
        return;
    };
    let mut kids: Vec<Object> = document
        .get_pages()
        .into_values()
        .filter(|&page| page != inventory)
        .map(Object::Reference)
        .collect();
    remove_page_objects(document, inventory);
    debug_assert_eq!(kids.len() as u32, last_number - 1);
    for page in second.get_pages().into_values() {
        let Some(Object::Dictionary(mut dictionary)) = second.objects.remove(&page) else {
            continue;
        };
        let contents = dictionary
            .get(b"Contents")
            .and_then(Object::as_reference)
            .ok()
            .and_then(|id| second.objects.remove(&id));
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

/// Adds language, viewer preferences, outline and id, and compresses the streams.
pub fn finish(document: &mut Document, laid: &Laid, meta: &BriefMeta) {
    document.version = "1.7".to_owned();
    let id = document_id(&page_contents(document), meta);
    document.trailer.set("ID", id);
    tidy_info(document);
    tidy_pages(document);
    let page_ids: Vec<ObjectId> = document.get_pages().into_values().collect();
    let outline = add_outline(document, &laid.outline, laid, &page_ids);
    if let Ok(catalog) = document.catalog_mut() {
        catalog.set("Lang", Object::string_literal("en-GB"));
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
}

/// The uncompressed content stream of every page, in page order.
fn page_contents(document: &Document) -> Vec<&[u8]> {
    document
        .get_pages()
        .into_values()
        .filter_map(|page| {
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

fn tidy_pages(document: &mut Document) {
    for page in document.get_pages().into_values() {
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

/// Deflates every stream that is not compressed yet, on two threads.
fn compress_streams(document: &mut Document) {
    let mut streams: Vec<&mut lopdf::Stream> = document
        .objects
        .values_mut()
        .filter_map(|object| match object {
            Object::Stream(stream) if stream.dict.get(b"Filter").is_err() => Some(stream),
            _ => None,
        })
        .collect();
    let compress = |streams: &mut [&mut lopdf::Stream]| {
        for stream in streams {
            let packed = deflated(&stream.content);
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
            stream.allows_compression = false;
        }
    };
    let middle = streams.len() / 2;
    let (first, second) = streams.split_at_mut(middle);
    std::thread::scope(|scope| {
        scope.spawn(|| compress(second));
        compress(first);
    });
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
