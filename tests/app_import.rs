//! Importing through the window: PDF and Word files from the Import dialog, a link fetched
//! from a server on 127.0.0.1, formatted text from the clipboard, and removing a source
//! while keeping its excerpts as quotations.
#![cfg(feature = "gui")]

mod support;

use std::time::{Duration, Instant};

use briefwright::app::{AppState, Command, Modal, PasteDraft};
use briefwright::model::{BlockKind, SectionKind};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::window::{article, empty_brief, harness_with, menu};
use support::{fixture, web_server};

fn paragraphs(harness: &Harness<'static, AppState>) -> Vec<String> {
    harness
        .state()
        .project()
        .brief
        .blocks()
        .filter_map(|b| match &b.kind {
            BlockKind::Paragraph { text } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

fn excerpt_count(harness: &Harness<'static, AppState>) -> usize {
    harness
        .state()
        .project()
        .brief
        .blocks()
        .filter(|b| matches!(b.kind, BlockKind::Excerpt { .. }))
        .count()
}

#[test]
fn pdf_and_word_articles_import_through_the_window() {
    let (mut harness, answers) = harness_with(empty_brief());
    answers.borrow_mut().articles.push_back(vec![
        fixture("pdf/two-column.pdf"),
        fixture("docx/working-paper.docx"),
    ]);
    harness.get_by_label("Import…").click();
    harness.run();
    harness.run();
    let sources = &harness.state().project().sources;
    assert_eq!(sources.len(), 2, "{:?}", harness.state().messages());
    assert_eq!(sources[0].author, "Dana Seitkali");
    assert_eq!(
        sources[1].title,
        "Water diplomacy on the steppe: what Malaysia can offer"
    );
    harness.get_by_label_contains("Rail and river");
    harness.get_by_label_contains("Water diplomacy");

    answers
        .borrow_mut()
        .articles
        .push_back(vec![fixture("bad/pdf-scan.pdf")]);
    harness.get_by_label("Import…").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().project().sources.len(), 2, "nothing added");
    let message = &harness.state().messages().last().expect("a message").text;
    assert!(
        message.contains("pdf-scan.pdf has no text layer"),
        "{message}"
    );
}

#[test]
fn a_link_typed_into_import_from_link_is_fetched_without_stopping_the_window() {
    let server = web_server::serve(|path| match path {
        "/story" => web_server::Answer {
            delay: Duration::from_millis(300),
            ..web_server::Answer::ok(
                "text/html",
                std::fs::read(fixture("web/news-page.html")).expect("fixture"),
            )
        },
        _ => web_server::Answer {
            status: "404 Not Found",
            ..web_server::Answer::ok("text/html", "")
        },
    });
    let (mut harness, _) = harness_with(empty_brief());
    menu(&mut harness, "File", "Import from Link…");
    assert!(matches!(harness.state().modal(), Some(Modal::Link(_))));
    let field = harness.get_by_label("Link");
    field.focus();
    field.type_text(&format!("{}/story", server.base));
    harness.run();
    harness.get_by_label("Import").click();
    // The spinner keeps the window repainting while the page comes: step, not run.
    harness.step();
    harness.step();
    assert!(harness.state().modal().is_none());
    assert_eq!(
        harness.state().links_in_flight().count(),
        1,
        "the window goes on while the page is fetched"
    );
    harness.get_by_label_contains("Fetching http://127.0.0.1");

    let started = Instant::now();
    while harness.state().project().sources.is_empty()
        && started.elapsed() < Duration::from_secs(20)
    {
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
    harness.run();
    let sources = &harness.state().project().sources;
    assert_eq!(sources.len(), 1, "{:?}", harness.state().messages());
    assert_eq!(sources[0].author, "Asel Nurlanova");
    assert!(
        !sources[0].accessed.is_empty(),
        "the access date is recorded"
    );
    assert_eq!(harness.state().links_in_flight().count(), 0);
}

#[test]
fn removing_a_quoted_source_asks_and_can_keep_its_excerpts_as_quotations() {
    let (mut harness, answers) = harness_with(empty_brief());
    answers.borrow_mut().articles.push_back(vec![article()]);
    harness.get_by_label("Import…").click();
    harness.run();
    harness
        .get_by_label_contains("Rivers Without Borders")
        .click();
    harness.run();
    harness
        .get_all_by_label("Add to brief")
        .next()
        .expect("a section")
        .click();
    harness.run();
    assert_eq!(excerpt_count(&harness), 1);

    harness.get_by_label("Remove source").click();
    harness.run();
    assert!(matches!(
        harness.state().modal(),
        Some(Modal::RemoveSource(_))
    ));
    harness.get_by_label("Keep excerpts as quotes").click();
    harness.run();
    assert!(harness.state().project().sources.is_empty());
    assert_eq!(excerpt_count(&harness), 0);
    let kept = paragraphs(&harness);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        kept[0].starts_with('\u{201c}') && kept[0].ends_with(')'),
        "{}",
        kept[0]
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().project().sources.len(),
        1,
        "undo brings the source back"
    );
    assert_eq!(excerpt_count(&harness), 1, "and its excerpt");
    assert!(paragraphs(&harness).is_empty());

    harness.get_by_label("Remove source").click();
    harness.run();
    harness.get_by_label("Remove excerpts too").click();
    harness.run();
    assert!(harness.state().project().sources.is_empty());
    assert_eq!(excerpt_count(&harness), 0);
    assert!(paragraphs(&harness).is_empty());
}

#[test]
fn formatted_text_from_the_clipboard_keeps_its_headings() {
    let (mut harness, _) = harness_with(empty_brief());
    harness.state_mut().run(Command::EditPasteDraft(PasteDraft {
        text: "Ports\nThe port at Aktau is growing.\nRail\nSidings are short.".into(),
        html: Some(
            "<h2>Ports</h2><p>The port at Aktau is growing.</p><h2>Rail</h2>\
             <p>Sidings are <b>short</b>.</p>"
                .into(),
        ),
    }));
    harness.run();
    harness.get_by_label_contains("headings and paragraphs are kept");
    harness.get_by_label("Import").click();
    harness.run();
    let source = &harness.state().project().sources[0];
    let kinds: Vec<(SectionKind, &str)> = source
        .sections
        .iter()
        .map(|s| (s.kind, s.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (SectionKind::Paragraph, "The port at Aktau is growing."),
            (SectionKind::Heading, "Rail"),
            (SectionKind::Paragraph, "Sidings are short."),
        ]
    );
    assert_eq!(source.title, "Ports");
}
