//! PDF output checked with poppler and qpdf: exact text extraction, embedded subset fonts,
//! a valid file, an outline, links and deterministic bytes.

mod support;

use std::path::Path;
use std::process::Command;

use briefwright::export::render;
use briefwright::fonts::Typesetter;
use briefwright::layout::Layouter;
use briefwright::model::{BlockKind, Project};
use briefwright::sample;
use support::{corpus_article, fixture};

fn tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed for this test (poppler-utils / qpdf; .ci/run installs them): {e}")
    });
    assert!(
        output.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn write_pdf(project: &Project, dir: &Path, name: &str) -> String {
    let rendered = render(project, &mut Layouter::new()).expect("renders");
    let path = dir.join(name);
    std::fs::write(&path, &rendered.pdf).expect("write pdf");
    path.to_str().expect("utf-8 path").to_owned()
}

/// pdftotext joins lines with newlines; compare text with all whitespace collapsed.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn sample_pdf_is_valid_with_embedded_subset_fonts_and_exact_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = sample::project();
    let pdf = write_pdf(&project, dir.path(), "sample.pdf");

    let check = tool("qpdf", &["--check", &pdf]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );

    let fonts = tool("pdffonts", &[&pdf]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(
        rows.len() >= 3,
        "regular, bold and italic at least: {fonts}"
    );
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert!(
            columns[0].len() > 7 && columns[0].as_bytes()[6] == b'+',
            "subset tag in {row}"
        );
        let flags = &columns[columns.len() - 5..columns.len() - 2];
        assert_eq!(
            flags,
            ["yes", "yes", "yes"],
            "embedded, subset, unicode map: {row}"
        );
    }

    let text = squash(&tool("pdftotext", &["-enc", "UTF-8", &pdf, "-"]));
    for expected in [
        "OFFICIAL: Sensitive",
        "Visit of the Prime Minister to Kazakhstan — Briefing Note",
        "Page 1 of 2",
        "Page 2 of 2",
        "MFA/CA/KZ/2026/031",
        "1. Purpose",
        "5. Recommendation",
        "Рақмет — thank you for the warm welcome to Astana.",
        "Kazakhstan’s recent spring floods",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the PDF text"
        );
    }
    for part in &project.brief.parts {
        for block in &part.blocks {
            if let BlockKind::Excerpt { from, .. } = &block.kind {
                let (_, section) = project.section(*from).expect("section");
                assert!(
                    text.contains(&squash(&section.text)),
                    "excerpt missing: {}",
                    section.text
                );
            }
        }
    }
    let info = squash(&tool("pdfinfo", &[&pdf]));
    for expected in [
        "Title: Visit of the Prime Minister to Kazakhstan",
        "Author: Central Asia Division",
        "Pages: 2",
        "Keywords: Kazakhstan, visit, briefing",
    ] {
        assert!(
            info.contains(expected),
            "{expected:?} missing from pdfinfo: {info}"
        );
    }
    assert!(
        info.contains("CreationDate:") && info.contains("2026"),
        "{info}"
    );
}

#[test]
fn same_project_gives_same_bytes() {
    let project = sample::project();
    let first = render(&project, &mut Layouter::new()).expect("renders").pdf;
    let second = render(&project, &mut Layouter::new()).expect("renders").pdf;
    assert_eq!(first, second);
    let mut edited = project.clone();
    edited.brief.meta.title.push_str(" (revised)");
    assert_ne!(
        render(&edited, &mut Layouter::new()).expect("renders").pdf,
        first
    );
}

#[test]
fn outline_and_links_are_present() {
    let project = sample::project();
    let pdf = render(&project, &mut Layouter::new()).expect("renders").pdf;
    let document = lopdf::Document::load_mem(&pdf).expect("parses");
    let catalog = document.catalog().expect("catalog");
    assert!(catalog.get(b"Outlines").is_ok(), "an outline of the parts");
    assert_eq!(
        catalog.get(b"Lang").and_then(lopdf::Object::as_str).ok(),
        Some(&b"en-GB"[..])
    );
    let mut uris = Vec::new();
    for (_, page_id) in document.get_pages() {
        let page = document.get_dictionary(page_id).expect("page");
        let annotations = page
            .get(b"Annots")
            .and_then(lopdf::Object::as_array)
            .cloned()
            .unwrap_or_default();
        for annotation in annotations {
            // printpdf writes annotations inline; other writers use references.
            let annotation = match annotation {
                lopdf::Object::Reference(id) => {
                    document.get_object(id).expect("annotation").clone()
                }
                direct => direct,
            };
            if let Ok(uri) = annotation
                .as_dict()
                .and_then(|a| a.get(b"A"))
                .and_then(lopdf::Object::as_dict)
                .and_then(|a| a.get(b"URI"))
                .and_then(lopdf::Object::as_str)
            {
                uris.push(String::from_utf8_lossy(uri).into_owned());
            }
        }
    }
    assert!(
        uris.iter()
            .any(|u| u == "https://example.org/capr/steppe-and-monsoon"),
        "{uris:?}"
    );
}

/// Imports `article` into a draft, exports it, and checks that every body paragraph comes
/// back out of pdftotext as written, each with its short reference, and the source's
/// entry in the Sources list.
fn assert_every_paragraph_is_in_the_pdf(article: &Path, paragraph_count: usize, citation: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = briefwright::import::import_file(article).expect("imports");
    let paragraphs: Vec<String> = source.body_sections().map(|s| s.text.clone()).collect();
    assert_eq!(paragraphs.len(), paragraph_count);
    let template = briefwright::template::Template::built_in("briefing-note").expect("template");
    let project = briefwright::draft::new_draft(&template, vec![source], &Default::default());
    let pdf = write_pdf(&project, dir.path(), "draft.pdf");
    let text = squash(&tool("pdftotext", &["-enc", "UTF-8", &pdf, "-"]));
    for paragraph in paragraphs {
        assert!(text.contains(&squash(&paragraph)), "missing: {paragraph}");
    }
    assert_eq!(
        text.matches("\u{201d} [1]").count(),
        paragraph_count,
        "each excerpt ends with its reference: {text}"
    );
    assert!(
        text.contains(citation),
        "citation line {citation:?} in {text}"
    );
}

#[test]
fn every_paragraph_of_an_article_survives_into_the_pdf() {
    assert_every_paragraph_is_in_the_pdf(
        &fixture("articles/opinion-with-footer.txt"),
        3,
        "Sources [1] Saule Bekova, “Rivers Without Borders",
    );
}

#[test]
fn every_paragraph_of_an_op_ed_is_in_the_pdf_exactly() {
    assert_every_paragraph_is_in_the_pdf(
        &fixture("articles/op-ed-steppe-and-strait.txt"),
        6,
        "Sources [1] Dinara Seitkali, “Steppe and Strait: What Kazakhstan and Malaysia Can Build Together”, Steppe & Strait Review, 12 March 2026",
    );
}

#[test]
fn every_paragraph_of_the_seed_op_ed_is_in_the_pdf_exactly() {
    let Some(path) = corpus_article(
        "op-ed-malaysia-kazakhstan.txt",
        "every_paragraph_of_the_seed_op_ed_is_in_the_pdf_exactly",
    ) else {
        return;
    };
    assert_every_paragraph_is_in_the_pdf(
        &path,
        8,
        "Sources [1] Mohd Faiz Abdullah, “Building Bridges between Continents",
    );
}

/// Checks every long line on page `page` (counted from 0): its first and last words must
/// sit where the layout put the first glyph and the end of the last one. Returns how many
/// lines were checked.
fn assert_glyphs_land(laid: &briefwright::layout::Laid, pdf: &str, page: usize) -> usize {
    let number = (page + 1).to_string();
    let bbox = tool(
        "pdftotext",
        &["-bbox", "-f", &number, "-l", &number, pdf, "-"],
    );
    let word_box = |word: &str| -> (f32, f32) {
        let tag = bbox
            .lines()
            .find(|l| l.ends_with(&format!(">{word}</word>")))
            .unwrap_or_else(|| panic!("{word} in {bbox}"));
        let number = |key: &str| -> f32 {
            let start = tag.find(&format!("{key}=\"")).expect("attribute") + key.len() + 2;
            tag[start..]
                .split('"')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("number")
        };
        (number("xMin"), number("xMax"))
    };
    let mut checked = 0;
    for positioned in &laid.pages[page].items {
        let briefwright::layout::Item::Text(run) = &positioned.item else {
            continue;
        };
        let text: String = run.glyphs.iter().map(|g| run.glyph_text(g)).collect();
        let words: Vec<&str> = text.split_whitespace().collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        if words.len() < 6
            || bbox.matches(&format!(">{first}<")).count() != 1
            || bbox.matches(&format!(">{last}<")).count() != 1
        {
            continue;
        }
        let inked: Vec<_> = run
            .glyphs
            .iter()
            .filter(|g| !run.glyph_text(g).trim().is_empty())
            .collect();
        let start = positioned.at.x.0 + inked.first().map_or(0.0, |g| g.x.0);
        let end = positioned.at.x.0 + inked.last().map_or(0.0, |g| (g.x + g.advance).0);
        let (first_min, _) = word_box(first);
        let (_, last_max) = word_box(last);
        assert!(
            (first_min - start).abs() < 0.3,
            "page {number}: {first:?} starts at {first_min}, layout says {start}"
        );
        assert!(
            (last_max - end).abs() < 0.3,
            "page {number}: {last:?} ends at {last_max}, layout says {end}"
        );
        checked += 1;
    }
    checked
}

#[test]
fn glyphs_land_where_the_layout_put_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = sample::project();
    let template = briefwright::template::Template::built_in("briefing-note").expect("template");
    let laid = briefwright::layout::layout(&project, &template, &mut Typesetter::new());
    let pdf = write_pdf(&project, dir.path(), "sample.pdf");
    let checked = assert_glyphs_land(&laid, &pdf, 0);
    assert!(checked >= 5, "checked {checked} lines");
}

/// A long brief is written as two halves side by side and joined; every page of both
/// must come out with its own text, in place, and in order.
#[test]
fn a_long_brief_keeps_every_page_in_order_with_its_text_and_positions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = sample::long_project(180);
    let template = briefwright::template::Template::built_in("briefing-note").expect("template");
    let laid = briefwright::layout::layout(&project, &template, &mut Typesetter::new());
    assert!(laid.pages.len() >= 16, "{} pages", laid.pages.len());
    let pdf = write_pdf(&project, dir.path(), "long.pdf");
    tool("qpdf", &["--check", &pdf]);
    let info = tool("pdfinfo", &[&pdf]);
    assert!(
        info.contains(&format!("Pages:           {}", laid.pages.len())),
        "{info}"
    );
    let halfway = laid.pages.len() / 2;
    let mut lines_checked = 0;
    for page in [0, halfway - 1, halfway, laid.pages.len() - 1] {
        let number = (page + 1).to_string();
        let extracted = squash(&tool(
            "pdftotext",
            &["-enc", "UTF-8", "-f", &number, "-l", &number, &pdf, "-"],
        ));
        for positioned in &laid.pages[page].items {
            let briefwright::layout::Item::Text(run) = &positioned.item else {
                continue;
            };
            let text: String = run.glyphs.iter().map(|g| run.glyph_text(g)).collect();
            let text = squash(&text);
            // pdftotext joins a word broken after a hyphen without the hyphen (a URL in
            // the Sources list breaks that way).
            let unhyphenated = text.strip_suffix('-').unwrap_or(&text);
            assert!(
                extracted.contains(&text) || extracted.contains(unhyphenated),
                "page {number}: {text:?} not in {extracted}"
            );
        }
        lines_checked += assert_glyphs_land(&laid, &pdf, page);
    }
    assert!(lines_checked >= 8, "checked {lines_checked} lines");
}

#[test]
fn a_glyph_shared_by_different_texts_still_copies_as_its_own_text() {
    // "q" followed by a combining acute has no precomposed glyph: the cluster shows the
    // plain "q" glyph plus a mark, so the "q" glyph stands for "q" in one place and for
    // "q́" in another. A ToUnicode map can give only one of these.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut project = sample::project();
    let block = support::first_paragraph(&project);
    let text = "Quiet quays q\u{301}uark, then quick quotas and an é.".to_owned();
    project
        .apply(briefwright::model::Edit::SetBlockText {
            block,
            text: text.clone(),
        })
        .expect("edit applies");
    let pdf = write_pdf(&project, dir.path(), "marks.pdf");
    let extracted = tool("pdftotext", &["-enc", "UTF-8", &pdf, "-"]);
    assert!(
        squash(&extracted).contains(&text),
        "{text:?} not found in {extracted}"
    );
}

#[test]
fn straight_quotes_print_curled_in_the_pdf_and_the_word_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut project = sample::project();
    let block = support::first_paragraph(&project);
    project
        .apply(briefwright::model::Edit::SetBlockText {
            block,
            text: "The Minister's \"first\" visit, pasted from an e-mail.".to_owned(),
        })
        .expect("edited");
    let pdf = write_pdf(&project, dir.path(), "quotes.pdf");
    let text = tool("pdftotext", &["-enc", "UTF-8", &pdf, "-"]);
    assert!(
        text.contains("Minister\u{2019}s \u{201c}first\u{201d} visit"),
        "{text}"
    );
    assert!(
        !text.contains("Minister's"),
        "no straight apostrophe is left"
    );
    let template = briefwright::template::Template::for_brief(&project.brief).expect("template");
    let laid = briefwright::layout::layout(
        &project,
        &template,
        &mut briefwright::fonts::Typesetter::new(),
    );
    let docx = briefwright::word::write(&laid, &template).expect("docx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").expect("document"),
        &mut document,
    )
    .expect("utf-8");
    assert!(
        document.contains("Minister\u{2019}s"),
        "the Word file agrees"
    );
}
