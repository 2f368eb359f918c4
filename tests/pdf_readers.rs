//! Every kind of brief, as exported, opened by six PDF readers we did not write (poppler,
//! qpdf, MuPDF, PDFium, pdf.js, pypdf) through `../shared/tools/pdf-engines/check-pdf`:
//! each must open it without complaint and find the brief's title and its words.
//!
//! The readers are set up once per machine by that tool's `setup.sh`; where they are not
//! (or the tool is not beside the repository), the test says so and checks nothing.
//! `BRIEFWRIGHT_PDF_ENGINES` names `check-pdf` elsewhere.

use std::path::PathBuf;
use std::process::Command;

use briefwright::export::render;
use briefwright::layout::{ElementKind, Layouter, Noted, Segment};
use briefwright::sample_kinds::sample_for;
use briefwright::template::BUILT_IN;

fn check_pdf() -> Option<PathBuf> {
    let path = std::env::var_os("BRIEFWRIGHT_PDF_ENGINES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/pdf-engines/check-pdf")
        });
    path.is_file().then_some(path)
}

fn noted_text(noted: &Noted) -> String {
    noted
        .segments
        .iter()
        .filter_map(|segment| match segment {
            Segment::Text(spans) => Some(spans.iter().map(|s| s.text.as_str()).collect::<String>()),
            Segment::Note { .. } => None,
        })
        .collect()
}

#[test]
fn six_readers_open_every_kind_and_find_its_words() {
    let Some(tool) = check_pdf() else {
        eprintln!("skipped: no check-pdf beside the repository (set BRIEFWRIGHT_PDF_ENGINES)");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    for (kind, _) in BUILT_IN {
        let project = sample_for(kind).expect("a sample of each kind");
        let rendered = render(&project, &mut Layouter::new()).expect("renders");
        let pdf = dir.path().join(format!("{kind}.pdf"));
        std::fs::write(&pdf, &rendered.pdf).expect("write");
        // Phrases every reader must find: the title, and the opening of the first
        // paragraph or list item the brief prints.
        let mut phrases = vec![project.brief.meta.title.clone()];
        let document = rendered.laid.document.as_ref().expect("a document");
        let first = document
            .elements
            .iter()
            .find_map(|element| match &element.kind {
                ElementKind::Paragraph { text, .. } | ElementKind::Bullet { text, .. } => {
                    Some(noted_text(text))
                }
                ElementKind::ListItem { text, .. } => {
                    Some(text.spans.iter().map(|s| s.text.as_str()).collect())
                }
                _ => None,
            });
        if let Some(text) = first {
            phrases.push(
                text.split_whitespace()
                    .take(6)
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        let expect = dir.path().join(format!("{kind}.phrases"));
        std::fs::write(&expect, phrases.join("\n")).expect("write");
        let output = Command::new(&tool)
            .arg(&pdf)
            .arg("--expect")
            .arg(&expect)
            .output()
            .expect("check-pdf runs");
        let report = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        if report.contains("no engines in") {
            eprintln!("skipped: the six readers are not set up on this machine:\n{report}");
            return;
        }
        assert!(output.status.success(), "{kind}:\n{report}");
        let engines: Vec<&str> = report
            .lines()
            .filter(|line| {
                ["poppler", "qpdf", "mupdf", "pdfium", "pdf.js", "pypdf"]
                    .iter()
                    .any(|engine| line.starts_with(engine))
            })
            .collect();
        assert_eq!(engines.len(), 6, "{kind}:\n{report}");
        assert!(
            engines
                .iter()
                .all(|line| line.split_whitespace().nth(1) == Some("ok")),
            "{kind}:\n{report}"
        );
    }
}
