//! The PDF's tags (PDF/UA-1) and its archival claims (PDF/A-2a), read back from the
//! exported sample of every kind of brief: content streams walked with lopdf, the
//! structure as poppler reads it (`pdfinfo -struct-text`), the `pdfua` checker (PyPI),
//! and the fonts as `pdffonts` lists them. veraPDF's registry cannot be reached from our
//! machines, so the PDF/A identification, output intent and font embedding are checked
//! here, by us.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Command;

use briefwright::export::render_as;
use briefwright::layout::{Item, Laid, Layouter, Role, Tag};
use briefwright::model::BlockKind;
use briefwright::pdf::PdfStandard;
use briefwright::sample_kinds::sample_for;
use briefwright::template::BUILT_IN;
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

fn kinds() -> Vec<&'static str> {
    BUILT_IN.iter().map(|(name, _)| *name).collect()
}

fn export(kind: &str, standard: PdfStandard) -> (Vec<u8>, Laid) {
    let project = sample_for(kind).expect("a sample of each kind");
    let rendered = render_as(&project, &mut Layouter::new(), standard).expect("renders");
    (rendered.pdf, rendered.laid)
}

fn write(dir: &Path, kind: &str, pdf: &[u8]) -> String {
    let path = dir.join(format!("{kind}.pdf"));
    std::fs::write(&path, pdf).expect("write pdf");
    path.to_str().expect("utf-8 path").to_owned()
}

/// A tool's exit code and standard output.
fn run(name: &str, args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed for this test (poppler-utils, and `pip install pdfua`; .ci/run installs them): {e}")
    });
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

fn dict<'a>(document: &'a Document, object: &'a Object) -> &'a Dictionary {
    match object {
        Object::Reference(id) => document.get_dictionary(*id).expect("a dictionary"),
        Object::Dictionary(dictionary) => dictionary,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn name(dictionary: &Dictionary, key: &[u8]) -> String {
    dictionary
        .get(key)
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default()
}

/// The structure tree as read from the file: who holds each marked-content sequence,
/// each element's type, and which annotations link elements hold.
#[derive(Default)]
struct Tree {
    /// (page, MCID) → the element that holds it.
    holders: HashMap<(ObjectId, i64), ObjectId>,
    types: HashMap<ObjectId, String>,
    /// Each element's type with its `/Lang` and `/A /Scope`, in reading order.
    elements: Vec<(String, Option<String>, Option<String>)>,
    /// Annotation → the Link element that holds it.
    annotations: HashMap<ObjectId, ObjectId>,
}

fn read_tree(document: &Document) -> Tree {
    let catalog = document.catalog().expect("catalog");
    let root = dict(
        document,
        catalog.get(b"StructTreeRoot").expect("a structure tree"),
    );
    let mut tree = Tree::default();
    let kids = root.get(b"K").expect("the root has a kid");
    walk(document, kids, None, &mut tree);
    tree
}

fn walk(
    document: &Document,
    kid: &Object,
    parent: Option<(ObjectId, Option<ObjectId>)>,
    tree: &mut Tree,
) {
    match kid {
        Object::Array(kids) => {
            for kid in kids {
                walk(document, kid, parent, tree);
            }
        }
        Object::Reference(id) => {
            let element = document.get_dictionary(*id).expect("an element");
            let kind = name(element, b"S");
            assert!(
                element.get(b"P").is_ok_and(|p| p.as_reference().is_ok()),
                "every element names its parent"
            );
            let lang = element
                .get(b"Lang")
                .and_then(Object::as_str)
                .ok()
                .map(|l| String::from_utf8_lossy(l).into_owned());
            let scope = element
                .get(b"A")
                .ok()
                .map(|a| dict(document, a))
                .map(|a| name(a, b"Scope"));
            tree.types.insert(*id, kind.clone());
            tree.elements.push((kind, lang, scope));
            let page = element.get(b"Pg").and_then(Object::as_reference).ok();
            if let Ok(kids) = element.get(b"K") {
                walk(document, kids, Some((*id, page)), tree);
            }
        }
        Object::Integer(mcid) => {
            let (holder, page) = parent.expect("an MCID inside an element");
            let page = page.expect("an element holding MCIDs names its page");
            assert!(
                tree.holders.insert((page, *mcid), holder).is_none(),
                "MCID {mcid} held twice"
            );
        }
        Object::Dictionary(reference) => {
            let (holder, _) = parent.expect("a reference inside an element");
            match name(reference, b"Type").as_str() {
                "MCR" => {
                    let page = reference
                        .get(b"Pg")
                        .and_then(Object::as_reference)
                        .expect("an MCR names its page");
                    let mcid = reference
                        .get(b"MCID")
                        .and_then(Object::as_i64)
                        .expect("an MCID");
                    assert!(tree.holders.insert((page, mcid), holder).is_none());
                }
                "OBJR" => {
                    let annotation = reference
                        .get(b"Obj")
                        .and_then(Object::as_reference)
                        .expect("an object");
                    tree.annotations.insert(annotation, holder);
                }
                other => panic!("unexpected kid type {other}"),
            }
        }
        other => panic!("unexpected kid {other:?}"),
    }
}

/// The parent tree's entries by key.
fn parent_tree(document: &Document) -> HashMap<i64, Object> {
    let catalog = document.catalog().expect("catalog");
    let root = dict(document, catalog.get(b"StructTreeRoot").expect("tree"));
    let parents = dict(document, root.get(b"ParentTree").expect("a parent tree"));
    let nums = parents
        .get(b"Nums")
        .and_then(Object::as_array)
        .expect("one level of Nums");
    nums.chunks(2)
        .map(|pair| (pair[0].as_i64().expect("a key"), pair[1].clone()))
        .collect()
}

/// Operators that put marks on the page.
const PAINTING: &[&str] = &[
    "Tj", "TJ", "'", "\"", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI",
];

#[test]
fn every_piece_of_content_is_tagged_and_reachable_or_an_artifact() {
    for kind in kinds() {
        let (pdf, _) = export(kind, PdfStandard::A2);
        let document = Document::load_mem(&pdf).expect("our PDF loads");
        let tree = read_tree(&document);
        let parents = parent_tree(&document);
        let (mut tagged, mut artifacts) = (0, 0);
        for (number, page) in document.get_pages() {
            let page_dictionary = document.get_dictionary(page).expect("page");
            assert_eq!(
                name(page_dictionary, b"Tabs"),
                "S",
                "{kind} page {number}: tab order by structure"
            );
            let key = page_dictionary
                .get(b"StructParents")
                .and_then(Object::as_i64)
                .expect("StructParents");
            let holders = parents
                .get(&key)
                .and_then(|o| o.as_array().ok())
                .expect("the page's parents");
            let content = Content::decode(&document.get_page_content(page)).expect("decodes");
            // What each open marked-content sequence is: an MCID, an artifact, or other.
            let mut open: Vec<Option<Result<i64, ()>>> = Vec::new();
            let mut seen = HashSet::new();
            for operation in &content.operations {
                match operation.operator.as_str() {
                    "BMC" => {
                        let tag = operation.operands[0].as_name().expect("a tag");
                        open.push((tag == b"Artifact").then_some(Err(())));
                    }
                    "BDC" => {
                        let tag = operation.operands[0].as_name().expect("a tag");
                        let mcid = operation.operands[1]
                            .as_dict()
                            .ok()
                            .and_then(|p| p.get(b"MCID").ok())
                            .and_then(|m| m.as_i64().ok());
                        open.push(match (tag, mcid) {
                            (_, Some(mcid)) => Some(Ok(mcid)),
                            (b"Artifact", None) => Some(Err(())),
                            _ => None,
                        });
                        if let Some(mcid) = mcid {
                            assert!(seen.insert(mcid), "{kind} page {number}: MCID {mcid} twice");
                            let holder = tree.holders.get(&(page, mcid)).unwrap_or_else(|| {
                                panic!("{kind} page {number}: MCID {mcid} is not reachable from the structure tree")
                            });
                            assert_eq!(
                                holders
                                    .get(mcid as usize)
                                    .and_then(|h| h.as_reference().ok()),
                                Some(*holder),
                                "{kind} page {number}: the parent tree names MCID {mcid}'s element"
                            );
                        }
                    }
                    "EMC" => {
                        assert!(
                            open.pop().is_some(),
                            "{kind} page {number}: EMC without BDC"
                        );
                    }
                    operator if PAINTING.contains(&operator) => {
                        let marks: Vec<_> = open.iter().flatten().collect();
                        assert!(
                            !marks.is_empty(),
                            "{kind} page {number}: {operator} is neither tagged nor an artifact"
                        );
                        assert!(
                            marks.len() == 1,
                            "{kind} page {number}: {operator} is in nested MCIDs or artifacts"
                        );
                        match marks[0] {
                            Ok(_) => tagged += 1,
                            Err(()) => artifacts += 1,
                        }
                    }
                    _ => {}
                }
            }
            assert!(
                open.is_empty(),
                "{kind} page {number}: an unclosed sequence"
            );
            assert_eq!(
                seen.len(),
                holders.len(),
                "{kind} page {number}: one parent per MCID"
            );
            // Every link annotation hangs from a Link element through the parent tree.
            let annotations = page_dictionary
                .get(b"Annots")
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default();
            for annotation in annotations {
                let id = annotation.as_reference().expect("annotations are objects");
                let dictionary = document.get_dictionary(id).expect("annotation");
                let key = dictionary
                    .get(b"StructParent")
                    .and_then(Object::as_i64)
                    .expect("StructParent");
                let parent = parents
                    .get(&key)
                    .and_then(|p| p.as_reference().ok())
                    .expect("a parent");
                assert_eq!(
                    tree.annotations.get(&id),
                    Some(&parent),
                    "{kind}: the OBJR and the parent tree agree"
                );
                assert_eq!(tree.types.get(&parent).map(String::as_str), Some("Link"));
                assert!(
                    dictionary.get(b"Contents").is_ok(),
                    "{kind}: a link says where it goes"
                );
                assert_eq!(
                    dictionary.get(b"F").and_then(Object::as_i64).ok(),
                    Some(4),
                    "printable, as PDF/A wants"
                );
            }
        }
        assert!(tagged > 20, "{kind}: {tagged} tagged marks");
        assert!(
            artifacts > 2,
            "{kind}: {artifacts} artifacts (page furniture, rules, boxes)"
        );
    }
}

#[test]
fn the_tree_has_headings_lists_tables_quotes_and_languages() {
    let mut all = HashSet::new();
    for kind in kinds() {
        let (pdf, _) = export(kind, PdfStandard::A2);
        let document = Document::load_mem(&pdf).expect("loads");
        let tree = read_tree(&document);
        assert_eq!(tree.elements[0].0, "Document", "{kind}");
        assert_eq!(tree.elements[1].0, "H1", "{kind}: the title first");
        for (element, _, scope) in &tree.elements {
            all.insert(element.clone());
            if element == "TH" {
                assert!(
                    matches!(scope.as_deref(), Some("Row" | "Column")),
                    "{kind}: a header cell says what it heads"
                );
            }
        }
        let catalog = document.catalog().expect("catalog");
        assert_eq!(
            catalog.get(b"Lang").and_then(Object::as_str).ok(),
            Some(&b"en-GB"[..])
        );
        assert_eq!(
            catalog
                .get(b"MarkInfo")
                .map(|m| dict(&document, m))
                .and_then(|m| m.get(b"Marked"))
                .and_then(Object::as_bool)
                .ok(),
            Some(true)
        );
        let preferences = dict(
            &document,
            catalog.get(b"ViewerPreferences").expect("preferences"),
        );
        assert_eq!(
            preferences
                .get(b"DisplayDocTitle")
                .and_then(Object::as_bool)
                .ok(),
            Some(true)
        );
    }
    for wanted in [
        "Document",
        "H1",
        "H2",
        "P",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "Table",
        "THead",
        "TBody",
        "TR",
        "TH",
        "TD",
        "BlockQuote",
        "Link",
    ] {
        assert!(all.contains(wanted), "some sample has {wanted}: {all:?}");
    }
    // The Kazakh and Malay passages of the briefing note say their language.
    let (pdf, _) = export("briefing-note", PdfStandard::A2);
    let tree = read_tree(&Document::load_mem(&pdf).expect("loads"));
    let languages: HashSet<&str> = tree
        .elements
        .iter()
        .filter_map(|(_, lang, _)| lang.as_deref())
        .collect();
    assert!(languages.contains("kk"), "{languages:?}");
}

#[test]
fn footnotes_are_notes_with_ids() {
    let mut project = sample_for("briefing-note").expect("sample");
    project.push_block(
        1,
        BlockKind::Paragraph {
            text: "Officials expect a memorandum.[^m]\n\n[^m]: Ministry figures, 2026.".into(),
        },
    );
    let pdf = render_as(&project, &mut Layouter::new(), PdfStandard::A2)
        .expect("renders")
        .pdf;
    let document = Document::load_mem(&pdf).expect("loads");
    let tree = read_tree(&document);
    let notes: Vec<_> = document
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| name(d, b"S") == "Note")
        .collect();
    assert_eq!(notes.len(), 1, "one note");
    assert_eq!(
        notes[0].get(b"ID").and_then(Object::as_str).ok(),
        Some(&b"note-1"[..])
    );
    assert!(
        tree.elements.iter().any(|(e, _, _)| e == "Note"),
        "the note is reachable"
    );
    let reference = tree.elements.iter().position(|(e, _, _)| e == "Reference");
    let note = tree.elements.iter().position(|(e, _, _)| e == "Note");
    assert!(
        matches!((reference, note), (Some(r), Some(n)) if r < n),
        "the mark is a Reference, read before its note"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "notes", &pdf);
    let (_, report) = run("pdfua", &["check", &path]);
    assert!(report.contains("errors=0 warnings=0"), "{report}");
    let (_, text) = run("pdfinfo", &["-struct-text", &path]);
    let note = text
        .find("Ministry figures, 2026.")
        .expect("the note is in the structure");
    let paragraph = text
        .find("Officials expect a memorandum.")
        .expect("the paragraph too");
    let mark = text[paragraph..]
        .find("Reference")
        .map(|at| paragraph + at)
        .expect("a Reference after the paragraph's text");
    assert!(
        paragraph < mark && mark < note,
        "text, mark, then note:\n{text}"
    );
}

/// The text poppler reads from the structure tree, in its order.
fn struct_text(path: &str) -> String {
    let (code, text) = run("pdfinfo", &["-struct-text", path]);
    assert_eq!(code, Some(0), "pdfinfo -struct-text {path}");
    text.replace('\u{a0}', " ")
}

#[test]
fn poppler_reads_the_body_in_order_without_banners_or_page_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    for kind in kinds() {
        let (pdf, laid) = export(kind, PdfStandard::A2);
        let path = write(dir.path(), kind, &pdf);
        let text = struct_text(&path);
        let title = laid.facts.title.clone();
        assert!(
            text.contains(&title[..20.min(title.len())]),
            "{kind}: the title is read"
        );
        assert!(!laid.marking().is_empty(), "{kind}: the sample is marked");
        assert!(
            !text.contains(laid.marking()),
            "{kind}: the banner is an artifact:\n{text}"
        );
        assert!(
            !text.contains("Page 1 of"),
            "{kind}: page numbers are artifacts"
        );
        // The part headings come in the order the outline has them.
        let mut from = 0;
        for entry in &laid.outline {
            let at = text[from..].find(&entry.title).unwrap_or_else(|| {
                panic!("{kind}: heading {:?} in order in:\n{text}", entry.title)
            });
            from += at + entry.title.len();
        }
    }
    let (pdf, _) = export("decision-brief", PdfStandard::A2);
    let text = struct_text(&write(dir.path(), "decision", &pdf));
    let agreed = text.matches("\u{2610} Agreed").count();
    assert!(
        agreed >= 2,
        "each recommendation's response boxes read in order:\n{text}"
    );
}

#[test]
fn pdfua_finds_no_error_in_any_kind() {
    let dir = tempfile::tempdir().expect("tempdir");
    for kind in kinds() {
        let (pdf, _) = export(kind, PdfStandard::A2);
        let path = write(dir.path(), kind, &pdf);
        let (code, report) = run("pdfua", &["check", &path]);
        assert!(report.contains("errors=0"), "{kind}:\n{report}");
        assert!(report.contains("warnings=0"), "{kind}:\n{report}");
        assert_eq!(code, Some(0), "{kind}:\n{report}");
    }
}

/// The XMP packet, uncompressed as PDF/A wants it.
fn xmp(document: &Document) -> String {
    let catalog = document.catalog().expect("catalog");
    let id = catalog
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .expect("metadata");
    let stream = document
        .get_object(id)
        .and_then(Object::as_stream)
        .expect("a stream");
    assert!(
        stream.dict.get(b"Filter").is_err(),
        "the XMP is not compressed"
    );
    String::from_utf8(stream.content.clone()).expect("utf-8 XMP")
}

fn info_text(document: &Document, key: &[u8]) -> String {
    let info = document
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .expect("info");
    let bytes = document
        .get_dictionary(info)
        .expect("info")
        .get(key)
        .and_then(Object::as_str)
        .expect("entry")
        .to_vec();
    if bytes.starts_with(&[0xfe, 0xff]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).expect("UTF-16")
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

fn between<'a>(text: &'a str, open: &str, close: &str) -> &'a str {
    let start = text.find(open).unwrap_or_else(|| panic!("{open} in XMP")) + open.len();
    let end = text[start..].find(close).expect("closed") + start;
    &text[start..end]
}

#[test]
fn pdf_a_identification_output_intent_and_embedded_fonts() {
    let dir = tempfile::tempdir().expect("tempdir");
    for kind in kinds() {
        let (pdf, _) = export(kind, PdfStandard::A2);
        let document = Document::load_mem(&pdf).expect("loads");
        assert_eq!(document.version, "1.7");
        let packet = xmp(&document);
        assert!(packet.contains("<pdfaid:part>2</pdfaid:part>"), "{kind}");
        assert!(
            packet.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
            "{kind}"
        );
        assert!(packet.contains("<pdfuaid:part>1</pdfuaid:part>"), "{kind}");
        // PDF/A-2 predefines neither pdfuaid nor our marking: the packet describes both.
        for prefix in ["pdfuaid", "bw"] {
            assert!(
                packet.contains(&format!("<pdfaSchema:prefix>{prefix}</pdfaSchema:prefix>")),
                "{kind}: {prefix}"
            );
        }
        // The XMP says what the document information says.
        let escape = |t: String| t.replace('&', "&amp;").replace('<', "&lt;");
        assert_eq!(
            between(
                &packet,
                "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">",
                "<"
            ),
            escape(info_text(&document, b"Title"))
        );
        assert_eq!(
            between(&packet, "<dc:creator><rdf:Seq><rdf:li>", "<"),
            escape(info_text(&document, b"Author"))
        );
        assert_eq!(
            between(
                &packet,
                "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">",
                "<"
            ),
            escape(info_text(&document, b"Subject"))
        );
        assert_eq!(
            between(&packet, "<pdf:Producer>", "<"),
            info_text(&document, b"Producer")
        );
        assert_eq!(
            between(&packet, "<xmp:CreatorTool>", "<"),
            info_text(&document, b"Creator")
        );
        let created = info_text(&document, b"CreationDate");
        let xmp_created = between(&packet, "<xmp:CreateDate>", "<").to_owned();
        let digits = |t: &str| {
            t.chars()
                .filter(char::is_ascii_digit)
                .take(14)
                .collect::<String>()
        };
        assert_eq!(
            digits(&created),
            digits(&xmp_created),
            "{kind}: {created} and {xmp_created}"
        );
        assert_eq!(
            digits(&info_text(&document, b"ModDate")),
            digits(between(&packet, "<xmp:ModifyDate>", "<"))
        );
        // The sRGB output intent, with the bundled profile.
        let catalog = document.catalog().expect("catalog");
        let intents = catalog
            .get(b"OutputIntents")
            .and_then(Object::as_array)
            .expect("output intents");
        assert_eq!(intents.len(), 1);
        let intent = dict(&document, &intents[0]);
        assert_eq!(name(intent, b"S"), "GTS_PDFA1");
        let profile_id = intent
            .get(b"DestOutputProfile")
            .and_then(Object::as_reference)
            .expect("a profile");
        let profile = document
            .get_object(profile_id)
            .and_then(Object::as_stream)
            .expect("a stream");
        assert_eq!(
            profile.dict.get(b"N").and_then(Object::as_i64).ok(),
            Some(3)
        );
        let bytes = profile
            .decompressed_content()
            .unwrap_or_else(|_| profile.content.clone());
        assert_eq!(&bytes[36..40], b"acsp", "an ICC profile");
        assert_eq!(&bytes[12..20], b"mntrRGB ", "a display profile for RGB");
        assert_eq!(
            bytes,
            std::fs::read("assets/icc/sRGB-v4.icc").expect("the bundled profile")
        );
        // Nothing PDF/A forbids.
        assert!(document.trailer.get(b"Encrypt").is_err());
        assert!(
            document.trailer.get(b"ID").is_ok(),
            "PDF/A wants the file identifier"
        );
        for object in document.objects.values() {
            if let Ok(dictionary) = object.as_dict() {
                assert_ne!(name(dictionary, b"S"), "JavaScript", "{kind}");
                assert!(dictionary.get(b"JS").is_err(), "{kind}");
            }
            if let Ok(stream) = object.as_stream() {
                let filter = name(&stream.dict, b"Filter");
                assert!(
                    filter.is_empty() || filter == "FlateDecode",
                    "{kind}: {filter}"
                );
            }
        }
        // Every font is embedded, with its file.
        let mut fonts = 0;
        for object in document.objects.values() {
            let Ok(dictionary) = object.as_dict() else {
                continue;
            };
            if name(dictionary, b"Type") == "FontDescriptor" {
                fonts += 1;
                assert!(
                    [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                        .iter()
                        .any(|k| dictionary.get(k).is_ok()),
                    "{kind}: an embedded font program"
                );
            }
        }
        assert!(fonts >= 2, "{kind}: {fonts} fonts");
        let path = write(dir.path(), kind, &pdf);
        let (_, listed) = run("pdffonts", &[&path]);
        for row in listed.lines().skip(2) {
            let columns: Vec<&str> = row.split_whitespace().collect();
            let emb = columns.len() - 5;
            assert_eq!(columns[emb], "yes", "{kind}: embedded: {row}");
        }
    }
}

#[test]
fn pdf_standard_none_and_ua_claim_what_they_are() {
    let (none, _) = export("briefing-note", PdfStandard::None);
    let (ua, _) = export("briefing-note", PdfStandard::Ua);
    let (a2, _) = export("briefing-note", PdfStandard::A2);
    let none = Document::load_mem(&none).expect("loads");
    let ua = Document::load_mem(&ua).expect("loads");
    let a2 = Document::load_mem(&a2).expect("loads");
    let catalog = |d: &Document| d.catalog().expect("catalog").clone();
    assert!(catalog(&none).get(b"StructTreeRoot").is_err());
    assert!(catalog(&none).get(b"MarkInfo").is_err());
    assert!(!xmp(&none).contains("pdfuaid") && !xmp(&none).contains("pdfaid"));
    assert!(catalog(&ua).get(b"StructTreeRoot").is_ok());
    assert!(catalog(&ua).get(b"OutputIntents").is_err());
    assert!(
        xmp(&ua).contains("<pdfuaid:part>1</pdfuaid:part>") && !xmp(&ua).contains("pdfaid:part")
    );
    assert!(catalog(&a2).get(b"OutputIntents").is_ok());
    // Untagged content has no marked-content sequences but the ActualText spans.
    let page = none.get_pages().into_values().next().expect("a page");
    let content = Content::decode(&none.get_page_content(page)).expect("decodes");
    assert!(content.operations.iter().all(|op| op.operator != "BMC"));
}

#[test]
fn a_table_header_repeated_after_a_page_break_is_an_artifact() {
    let mut project = sample_for("briefing-note").expect("sample");
    let mut rows = vec![vec!["Time".to_owned(), "Event".to_owned()]];
    rows.extend((0..120).map(|i| vec![format!("{:02}:00", i % 24), format!("Programme item {i}")]));
    project.push_block(1, BlockKind::Table { rows });
    let template = briefwright::template::Template::for_brief(&project.brief).expect("template");
    let laid = Layouter::new().layout(&project, &template);
    let header_runs = |page: &briefwright::layout::Page| -> Vec<Tag> {
        page.items
            .iter()
            .filter(|p| match &p.item {
                Item::Text(run) => {
                    run.glyphs
                        .iter()
                        .map(|g| run.glyph_text(g))
                        .collect::<String>()
                        == "Event"
                }
                _ => false,
            })
            .map(|p| p.tag)
            .collect()
    };
    let first = laid
        .pages
        .iter()
        .position(|p| !header_runs(p).is_empty())
        .expect("the table");
    assert!(matches!(
        header_runs(&laid.pages[first])[..],
        [Tag {
            element: Some(_),
            role: Role::Cell { row: 0, column: 1 }
        }]
    ));
    let again = header_runs(&laid.pages[first + 1]);
    assert_eq!(
        again,
        [Tag::ARTIFACT],
        "the header row placed again is an artifact"
    );
}

#[test]
fn a_programme_day_row_spans_the_table() {
    let (pdf, _) = export("visit-brief", PdfStandard::A2);
    let document = Document::load_mem(&pdf).expect("lopdf reads it");
    let spans: Vec<i64> = document
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| name(dict, b"S") == "TD")
        .filter_map(|dict| dict.get(b"A").ok())
        .filter_map(|attributes| attributes.as_dict().ok())
        .filter_map(|attributes| attributes.get(b"ColSpan").ok()?.as_i64().ok())
        .collect();
    assert!(!spans.is_empty(), "the programme's day rows carry /ColSpan");
    assert!(spans.iter().all(|span| *span == 4), "{spans:?}");
    // poppler reads the span too.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "visit-brief", &pdf);
    let (_, structure) = run("pdfinfo", &["-struct", &path]);
    assert!(structure.contains("/ColSpan 4"), "{structure}");
}
