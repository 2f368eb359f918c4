//! Word documents import as their body's headings and paragraphs in order, with the title
//! from the Title style and the author and date from the core properties; headers,
//! footers and comments are left out; damaged files and zip bombs are refused by name.

mod support;

use std::io::{Cursor, Write};

use briefwright::import::{DocxError, ImportError, import_docx, import_file};
use briefwright::model::SectionKind;
use support::article_docx::{self, Block};
use support::fixture;

fn expected_sections() -> Vec<(SectionKind, String)> {
    article_docx::working_paper()
        .body
        .iter()
        .flat_map(|block| match block {
            Block::Heading(text) => vec![(SectionKind::Heading, (*text).to_owned())],
            Block::Text(text) => vec![(
                SectionKind::Paragraph,
                text.replace('*', "")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            )],
            Block::Table(rows) => rows
                .iter()
                .map(|row| (SectionKind::Paragraph, row.join(" | ")))
                .collect(),
        })
        .collect()
}

#[test]
fn the_word_fixture_is_what_its_generator_writes() {
    let written = article_docx::paper_docx(&article_docx::working_paper());
    let path = fixture("docx/working-paper.docx");
    if std::env::var_os("BRIEFWRIGHT_WRITE_FIXTURES").is_some() {
        std::fs::write(&path, &written).expect("fixture written");
    }
    let committed = std::fs::read(&path).expect("fixture present");
    assert!(
        committed == written,
        "tests/fixtures/docx/working-paper.docx differs from tests/support/article_docx.rs; \
         rerun with BRIEFWRIGHT_WRITE_FIXTURES=1"
    );
}

#[test]
fn a_word_document_imports_to_its_paragraphs_and_properties() {
    let source = import_file(&fixture("docx/working-paper.docx")).expect("imports");
    assert_eq!(
        source.title,
        "Water diplomacy on the steppe: what Malaysia can offer"
    );
    assert_eq!(source.author, "Nurul Huda Rahman");
    assert_eq!(source.date, "2 October 2026");
    assert_eq!(source.publication, "Central Asia Policy Institute");
    assert_eq!(source.file_name, "working-paper.docx");
    let sections: Vec<(SectionKind, String)> = source
        .sections
        .iter()
        .map(|s| (s.kind, s.text.clone()))
        .collect();
    assert_eq!(sections, expected_sections());
    let all_text: String = source.sections.iter().map(|s| s.text.as_str()).collect();
    for furniture in [
        "Working paper 14",
        "cap-institute.example",
        "Check the figure",
    ] {
        assert!(
            !all_text.contains(furniture),
            "{furniture} is not body text"
        );
    }
}

#[test]
fn without_a_title_style_the_core_properties_give_the_title() {
    let mut paper = article_docx::working_paper();
    let bytes = article_docx::paper_docx(&paper);
    // The same document with its Title paragraph's style removed: the core title remains.
    paper.title = "Water diplomacy on the steppe: what Malaysia can offer";
    let without_style = article_docx::replace_parts(
        &bytes,
        &[(
            "word/document.xml",
            document_xml(&bytes).replace(r#"<w:pStyle w:val="Title" />"#, ""),
        )],
    );
    let source = import_docx(&without_style).expect("imports");
    assert_eq!(source.title, paper.title);
    assert_eq!(source.sections.len(), expected_sections().len());
}

fn document_xml(package: &[u8]) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(Cursor::new(package)).expect("zip");
    let mut text = String::new();
    archive
        .by_name("word/document.xml")
        .expect("document part")
        .read_to_string(&mut text)
        .expect("utf-8");
    assert!(
        text.contains(r#"<w:pStyle w:val="Title" />"#),
        "the title is styled"
    );
    text
}

/// A package whose one part is 200 MB of zeros, compressed to a few hundred kilobytes.
fn zip_bomb() -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    out.start_file("[Content_Types].xml", options)
        .expect("part");
    out.write_all(b"<Types/>").expect("write");
    out.start_file("word/document.xml", options).expect("part");
    let zeros = vec![b' '; 1024 * 1024];
    for _ in 0..200 {
        out.write_all(&zeros).expect("write");
    }
    out.finish().expect("zip").into_inner()
}

#[test]
fn the_bad_word_fixtures_match_what_the_tests_build() {
    let bomb = zip_bomb();
    let path = fixture("bad/docx-zip-bomb.docx");
    if std::env::var_os("BRIEFWRIGHT_WRITE_FIXTURES").is_some() {
        std::fs::write(&path, &bomb).expect("fixture written");
    }
    assert!(std::fs::read(&path).expect("fixture") == bomb);
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
}

#[test]
fn bad_word_files_are_refused_with_a_message_naming_the_file_and_the_problem() {
    let cases = [
        ("bad/docx-zip-bomb.docx", "zip bomb"),
        (
            "bad/docx-truncated.docx",
            "not a Word document (.docx) that can be opened",
        ),
        (
            "bad/docx-not-a-zip.docx",
            "not a Word document (.docx) that can be opened",
        ),
        ("bad/docx-plain-zip.docx", "a zip file, not a Word document"),
        ("bad/docx-old-word.docx", "older Word 97–2003 document"),
    ];
    for (name, problem) in cases {
        let error = import_file(&fixture(name)).expect_err(name);
        assert!(
            matches!(error, ImportError::Docx { .. }),
            "{name}: {error:?}"
        );
        let message = error.to_string();
        let file = name.rsplit('/').next().unwrap_or(name);
        assert!(message.contains(file), "{name}: {message}");
        assert!(message.contains(problem), "{name}: {message}");
    }
    assert_eq!(
        import_docx(&zip_bomb()).map(|_| ()),
        Err(DocxError::TooLargeUnpacked)
    );
}

#[test]
fn any_cut_of_a_word_file_is_refused_or_read_and_never_panics() {
    let bytes = std::fs::read(fixture("docx/working-paper.docx")).expect("fixture");
    for end in (0..bytes.len()).step_by(131) {
        let _ = import_docx(&bytes[..end]);
    }
    let mut flipped = bytes.clone();
    for index in (100..flipped.len()).step_by(257) {
        flipped[index] ^= 0x5a;
        let _ = import_docx(&flipped);
    }
}
