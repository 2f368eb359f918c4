//! PDF articles import as their paragraphs in reading order: columns read one after the
//! other, running headers, footers and page numbers dropped, hyphenated words made whole,
//! and the title, author, date and publication found.

mod support;

use briefwright::import::{ImportError, PdfError, import_file, import_pdf};
use briefwright::model::SectionKind;
use support::article_pdf::{self, Block};
use support::fixture;

fn expected_paragraphs() -> Vec<(SectionKind, String)> {
    article_pdf::steppe_review()
        .body
        .iter()
        .map(|block| match block {
            Block::Heading(text) => (SectionKind::Heading, (*text).to_owned()),
            Block::Text(text) => (
                SectionKind::Paragraph,
                text.replace('~', "")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        })
        .collect()
}

#[test]
fn the_pdf_fixtures_are_what_their_generator_writes() {
    let fixtures = [
        (
            "pdf/two-column.pdf",
            article_pdf::two_column_pdf(&article_pdf::steppe_review()),
        ),
        ("bad/pdf-scan.pdf", article_pdf::scanned_pdf()),
    ];
    for (name, written) in fixtures {
        let path = fixture(name);
        if std::env::var_os("BRIEFWRIGHT_WRITE_FIXTURES").is_some() {
            std::fs::write(&path, &written).expect("fixture written");
        }
        let committed = std::fs::read(&path).expect("fixture present");
        assert!(
            committed == written,
            "tests/fixtures/{name} differs from tests/support/article_pdf.rs; \
             rerun with BRIEFWRIGHT_WRITE_FIXTURES=1"
        );
    }
}

#[test]
fn a_two_column_article_imports_to_its_paragraphs_in_order() {
    let source = import_file(&fixture("pdf/two-column.pdf")).expect("imports");
    assert_eq!(
        source.title,
        "Rail and river: Astana bets on a second Caspian freight route"
    );
    assert_eq!(source.author, "Dana Seitkali");
    assert_eq!(source.date, "14 November 2026");
    assert_eq!(source.publication, "The Steppe Review");
    assert_eq!(source.file_name, "two-column.pdf");
    let sections: Vec<(SectionKind, String)> = source
        .sections
        .iter()
        .map(|s| (s.kind, s.text.clone()))
        .collect();
    let expected = expected_paragraphs();
    for (index, (got, want)) in sections.iter().zip(&expected).enumerate() {
        assert_eq!(got, want, "section {index}");
    }
    assert_eq!(sections.len(), expected.len(), "{sections:#?}");
}

#[test]
fn without_a_title_in_the_text_the_document_information_gives_title_and_author() {
    let mut article = article_pdf::steppe_review();
    article.title = "";
    article.byline = "";
    let source = import_pdf(&article_pdf::two_column_pdf(&article)).expect("imports");
    assert_eq!(
        source.title,
        "Astana bets on a second Caspian freight route"
    );
    assert_eq!(source.author, "Dana Seitkali");
    assert_eq!(source.date, "14 November 2026");
    assert_eq!(
        source.sections.first().map(|s| s.text.as_str()),
        expected_paragraphs().first().map(|(_, text)| text.as_str()),
        "the date line is metadata; the article starts with its first paragraph"
    );
}

#[test]
fn a_pdf_protected_only_against_editing_imports_like_any_other() {
    let source = import_file(&fixture("pdf/owner-password.pdf")).expect("imports");
    assert_eq!(source.author, "Dana Seitkali");
    assert_eq!(source.sections.len(), expected_paragraphs().len());
}

#[test]
fn bad_pdfs_are_refused_with_a_message_naming_the_file_and_the_problem() {
    let cases = [
        ("bad/pdf-scan.pdf", "no text layer"),
        ("bad/pdf-encrypted.pdf", "is encrypted"),
        ("bad/pdf-truncated.pdf", "not a PDF file a reader can open"),
        ("bad/pdf-not-a-pdf.pdf", "does not start with %PDF-"),
    ];
    for (name, problem) in cases {
        let error = import_file(&fixture(name)).expect_err(name);
        assert!(
            matches!(error, ImportError::Pdf { .. }),
            "{name}: {error:?}"
        );
        let message = error.to_string();
        let file = name.rsplit('/').next().unwrap_or(name);
        assert!(message.contains(file), "{name}: {message}");
        assert!(message.contains(problem), "{name}: {message}");
    }
    assert_eq!(
        import_pdf(&article_pdf::scanned_pdf()).map(|_| ()),
        Err(PdfError::NoText)
    );
}

#[test]
fn any_cut_of_a_pdf_is_refused_or_read_and_never_panics() {
    let bytes = std::fs::read(fixture("pdf/two-column.pdf")).expect("fixture");
    for end in (0..bytes.len()).step_by(97) {
        let _ = import_pdf(&bytes[..end]);
    }
}
