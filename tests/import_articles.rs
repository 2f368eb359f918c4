//! Importing articles: metadata, sections, boilerplate, encodings and refusals.

mod support;

use briefwright::import::{import_bytes, import_file};
use briefwright::model::SectionKind;
use std::path::Path;
use support::{corpus_article, fixture};

/// Splits an article file the way a reader sees it: at blank lines.
fn blank_line_paragraphs(raw: &str) -> Vec<&str> {
    raw.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn an_opinion_piece_gives_title_author_sections_and_boilerplate() {
    let source = import_file(&fixture("articles/opinion-with-footer.txt")).expect("imports");
    assert_eq!(
        source.title,
        "Rivers Without Borders: A Case for Shared Flood Science"
    );
    assert_eq!(source.author, "Saule Bekova");
    assert_eq!(source.publication, "The Steppe Courier");
    let kinds: Vec<SectionKind> = source.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SectionKind::Paragraph,
            SectionKind::Paragraph,
            SectionKind::Paragraph,
            SectionKind::Boilerplate,
            SectionKind::Boilerplate
        ]
    );
    assert!(source.sections[0].text.starts_with("Two countries"));
    assert_eq!(source.file_name, "opinion-with-footer.txt");
}

#[test]
fn an_op_ed_imports_every_paragraph_as_a_section_word_for_word() {
    let path = fixture("articles/op-ed-steppe-and-strait.txt");
    let raw = std::fs::read_to_string(&path).expect("read fixture");
    for typographic in ["\u{201c}", "\u{2019}", "\u{2014}", "\u{2013}", "Бірлік"] {
        assert!(
            raw.contains(typographic),
            "the fixture exercises {typographic}"
        );
    }
    let source = import_file(&path).expect("imports");
    assert_eq!(
        source.title,
        "Steppe and Strait: What Kazakhstan and Malaysia Can Build Together"
    );
    assert_eq!(source.author, "Dinara Seitkali");
    assert_eq!(source.date, "12 March 2026");
    assert_eq!(source.publication, "Steppe & Strait Review");
    let paragraphs = blank_line_paragraphs(&raw);
    // Title, byline, date, six paragraphs, the author note and the newsletter footer.
    assert_eq!(paragraphs.len(), 11);
    let sections: Vec<(SectionKind, &str)> = source
        .sections
        .iter()
        .map(|s| (s.kind, s.text.as_str()))
        .collect();
    let expected: Vec<(SectionKind, &str)> = paragraphs[3..]
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let kind = if i < 6 {
                SectionKind::Paragraph
            } else {
                SectionKind::Boilerplate
            };
            (kind, *p)
        })
        .collect();
    assert_eq!(
        sections, expected,
        "every body paragraph is its own section, word for word, and the footer is boilerplate"
    );
}

#[test]
fn the_seed_op_ed_imports_every_paragraph_as_a_section() {
    let Some(path) = corpus_article(
        "op-ed-malaysia-kazakhstan.txt",
        "the_seed_op_ed_imports_every_paragraph_as_a_section",
    ) else {
        return;
    };
    let raw = std::fs::read_to_string(&path).expect("read corpus");
    let source = import_file(&path).expect("imports");
    assert!(
        source
            .title
            .starts_with("Building Bridges between Continents"),
        "{}",
        source.title
    );
    assert_eq!(source.author, "Mohd Faiz Abdullah");
    assert_eq!(source.publication, "The Astana Times");
    let paragraphs = blank_line_paragraphs(&raw);
    // Title, the first paragraph, the byline, seven more paragraphs, the author note and the newsletter footer.
    assert_eq!(paragraphs.len(), 12);
    let body: Vec<&str> = source
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Paragraph)
        .map(|s| s.text.as_str())
        .collect();
    let expected: Vec<&str> = paragraphs[1..10]
        .iter()
        .copied()
        .filter(|p| !p.starts_with("Dr."))
        .collect();
    assert_eq!(
        body, expected,
        "every body paragraph is its own section, word for word"
    );
    let boilerplate: Vec<&str> = source
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Boilerplate)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(boilerplate.len(), 2);
    assert!(boilerplate[1].starts_with("Get The Astana Times stories"));
}

#[test]
fn markdown_front_matter_and_headings_are_read() {
    let text = "---\ntitle: Grain Corridors\nauthor: A. Writer\npublication: Trade Weekly\ndate: 1 April 2026\nurl: https://example.org/grain\n---\n\n# Grain Corridors\n\nFirst paragraph.\n\n## Ports\n\nSecond paragraph with **bold**.\n";
    let source = import_bytes("grain.md", text.as_bytes(), true).expect("imports");
    assert_eq!(
        (
            source.title.as_str(),
            source.author.as_str(),
            source.publication.as_str()
        ),
        ("Grain Corridors", "A. Writer", "Trade Weekly")
    );
    assert_eq!(
        (source.date.as_str(), source.url.as_str()),
        ("1 April 2026", "https://example.org/grain")
    );
    let sections: Vec<(SectionKind, &str)> = source
        .sections
        .iter()
        .map(|s| (s.kind, s.text.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            (SectionKind::Paragraph, "First paragraph."),
            (SectionKind::Heading, "Ports"),
            (SectionKind::Paragraph, "Second paragraph with **bold**.")
        ]
    );
}

#[test]
fn malay_and_kazakh_bylines_and_dates_are_found() {
    let malay = "Perdagangan Meningkat\n\nOleh Siti Aminah\n\n5 Mac 2026\n\nPerdagangan dijangka meningkat tahun ini.";
    let source = import_bytes("berita.txt", malay.as_bytes(), false).expect("imports");
    assert_eq!(
        (source.author.as_str(), source.date.as_str()),
        ("Siti Aminah", "5 Mac 2026")
    );
    let kazakh = "Сапар туралы\n\nАвторы Ерлан Сәрсенов\n\n4 наурыз 2026\n\nҚазақстан мен Малайзия ынтымақтастығы.";
    let source = import_bytes("habar.txt", kazakh.as_bytes(), false).expect("imports");
    assert_eq!(
        (source.author.as_str(), source.date.as_str()),
        ("Ерлан Сәрсенов", "4 наурыз 2026")
    );
    assert_eq!(
        source.sections[0].text,
        "Қазақстан мен Малайзия ынтымақтастығы."
    );
}

#[test]
fn non_articles_are_refused_with_a_reason() {
    let png = import_bytes("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", false)
        .expect_err("png refused");
    assert!(
        png.to_string().contains("photo.txt: this is a PNG image"),
        "{png}"
    );
    let zip = import_bytes("notes.md", b"PK\x03\x04\x14\0\0\0", true).expect_err("zip refused");
    assert!(zip.to_string().contains("ZIP archive"), "{zip}");
    let empty = import_bytes("blank.txt", b"  \n\n ", false).expect_err("empty refused");
    assert!(empty.to_string().contains("no text"), "{empty}");
    let folder = import_file(Path::new(env!("CARGO_MANIFEST_DIR"))).expect_err("folder refused");
    assert!(folder.to_string().contains("is a folder"), "{folder}");
    let missing = import_file(Path::new("/no/such/article.txt")).expect_err("missing refused");
    assert!(
        missing.to_string().contains("/no/such/article.txt"),
        "{missing}"
    );
}

#[test]
fn legacy_encoded_articles_are_decoded() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252
        .encode("Café talks\n\nThe minister’s “frank” exchange — in full.");
    let source = import_bytes("legacy.txt", &bytes, false).expect("imports");
    assert_eq!(source.title, "Café talks");
    assert_eq!(
        source.sections[0].text,
        "The minister’s “frank” exchange — in full."
    );
}
