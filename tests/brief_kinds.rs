//! The kinds of brief: each sample lays out to its golden dump and exports; the decision
//! brief prints its recommendations with their responses, the critical date, the signature
//! block whole, clearance, contact officer and attachments; tables repeat their header
//! row after a page break; unknown response options in a file are named.

use std::process::Command;

use briefwright::fonts::Typesetter;
use briefwright::layout::{Item, Laid, layout};
use briefwright::model::{BlockKind, Project, Responses};
use briefwright::sample_kinds::sample_for;
use briefwright::template::Template;

const KINDS: [&str; 4] = [
    "decision-brief",
    "information-brief",
    "visit-brief",
    "meeting-brief",
];

fn laid(project: &Project) -> Laid {
    let template = Template::built_in(&project.brief.template).expect("template");
    layout(project, &template, &mut Typesetter::new())
}

/// Each page's text, its runs in drawing order, one string per run.
fn page_texts(laid: &Laid) -> Vec<Vec<String>> {
    laid.pages
        .iter()
        .map(|page| {
            page.items
                .iter()
                .filter_map(|item| match &item.item {
                    Item::Text(run) => Some(run.glyphs.iter().map(|g| run.glyph_text(g)).collect()),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

#[test]
fn each_kind_lays_out_to_its_golden_dump() {
    for kind in KINDS {
        let project = sample_for(kind).expect("sample");
        assert_eq!(project.brief.template, kind);
        let laid = laid(&project);
        assert!(
            laid.diagnostics.iter().all(|d| !d.is_error()),
            "{kind}: {:?}",
            laid.diagnostics
        );
        assert!(
            laid.pages.len() <= laid.page_budget,
            "{kind} fits its page budget"
        );
        insta::assert_snapshot!(format!("kind_{kind}"), briefwright::layout::dump(&laid));
    }
}

#[test]
fn the_signature_block_is_never_split_and_follows_the_last_recommendation() {
    let mut project = sample_for("decision-brief").expect("sample");
    let key_points = project
        .brief
        .parts
        .iter()
        .position(|p| p.key == "key_points")
        .expect("part");
    // Push the recommendations down the page, a paragraph at a time, so that every way
    // the page can end is tried.
    for round in 0..30 {
        let pages = page_texts(&laid(&project));
        let page_of = |needle: &str| {
            pages
                .iter()
                .position(|runs| runs.iter().any(|run| run.contains(needle)))
                .unwrap_or_else(|| panic!("round {round}: {needle} is printed"))
        };
        let comments = page_of("comments:");
        assert_eq!(page_of("Signature"), comments, "round {round}");
        assert_eq!(
            page_of("Please discuss"),
            comments,
            "round {round}: the last recommendation's boxes"
        );
        project.push_block(
            key_points,
            BlockKind::Paragraph {
                text: format!("An added key point, number {round}, of one line."),
            },
        );
    }
}

#[test]
fn a_table_repeats_its_header_row_after_a_page_break() {
    let mut project = sample_for("visit-brief").expect("sample");
    let programme = project
        .brief
        .parts
        .iter()
        .position(|p| p.key == "programme")
        .expect("part");
    let mut rows = vec![vec![
        "Time".to_owned(),
        "Event".to_owned(),
        "Place".to_owned(),
    ]];
    for hour in 0..90 {
        rows.push(vec![
            format!("{:02}:{:02}", 8 + hour / 6, hour % 6 * 10),
            format!("Event number {hour}"),
            "Astana".to_owned(),
        ]);
    }
    project.brief.parts[programme].blocks.clear();
    project.push_block(programme, BlockKind::Table { rows });
    let pages = page_texts(&laid(&project));
    let continued: Vec<usize> = (1..pages.len())
        .filter(|&page| {
            pages[page]
                .iter()
                .any(|run| run.starts_with("Event number"))
        })
        .collect();
    assert!(!continued.is_empty(), "the table runs onto a second page");
    for page in continued {
        let first_cell = pages[page]
            .iter()
            .find(|run| run.starts_with("Time") || run.starts_with("Event number"))
            .expect("a cell");
        assert_eq!(
            first_cell,
            "Time",
            "page {}: the header comes first",
            page + 1
        );
    }
}

#[test]
fn the_decision_brief_pdf_reads_as_a_decision_brief() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_briefwright"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    run(&[
        "sample",
        "--template",
        "decision-brief",
        "-o",
        "decision.brief",
    ]);
    run(&["export", "decision.brief", "-o", "decision.pdf"]);
    let text = Command::new("pdftotext")
        .args(["-layout", "decision.pdf", "-"])
        .current_dir(dir.path())
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let text = String::from_utf8_lossy(&text.stdout);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let project = sample_for("decision-brief").expect("sample");
    let mut after = 0;
    for block in project.brief.blocks() {
        if let BlockKind::Recommendation {
            text: recommendation,
            responses,
        } = &block.kind
        {
            let words: String = recommendation
                .replace("**", "")
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            let at = flat[after..]
                .find(&words)
                .unwrap_or_else(|| panic!("{words} in {flat}"))
                + after;
            let [yes, no] = responses.options();
            let boxes = format!("\u{2610} {yes} \u{2610} {no}");
            let found = flat[at..]
                .find(&boxes)
                .unwrap_or_else(|| panic!("{boxes} after {words}"));
            after = at + found;
        }
    }
    for needle in [
        "To Minister for Foreign Affairs — For action Minister for Natural Resources — For information",
        "Critical date 13 March 2026",
        "Minister\u{2019}s comments:",
        "Signature",
        "Date",
        "Farid Hassan Under-Secretary Asia and Central Asia",
        "Contact officer Position Phone",
        "Aisha Rahman Desk Officer, Kazakhstan",
        "Attachment A Draft text for the joint statement",
        "Attachment B Steppe and Monsoon",
    ] {
        assert!(flat.contains(needle), "{needle} in {flat}");
    }
    assert_eq!(Responses::default(), Responses::AgreedNotAgreed);
}

#[test]
fn a_file_naming_an_unknown_response_option_is_refused_by_name_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("odd.brief");
    let project = sample_for("decision-brief").expect("sample");
    let json = briefwright::project::to_json(&project);
    let odd = json.replacen("\"agreed-not-agreed\"", "\"approved-with-changes\"", 1);
    assert_ne!(odd, json);
    std::fs::write(&path, &odd).expect("write");
    let error = briefwright::project::load(&path).expect_err("refused");
    let message = error.to_string();
    assert!(message.contains("approved-with-changes"), "{message}");
    assert!(
        message.contains("agreed-not-agreed"),
        "the message lists the known options: {message}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        odd,
        "the file is untouched"
    );

    let odd_block = json.replacen("\"type\": \"recommendation\"", "\"type\": \"decision\"", 1);
    std::fs::write(&path, &odd_block).expect("write");
    let message = briefwright::project::load(&path)
        .expect_err("refused")
        .to_string();
    assert!(message.contains("decision"), "{message}");
}

#[test]
fn samples_of_unknown_kinds_are_refused_with_the_list() {
    let error = sample_for("white-paper")
        .expect_err("no such kind")
        .to_string();
    for kind in KINDS {
        assert!(error.contains(kind), "{error}");
    }
}

#[test]
fn key_points_that_run_past_page_one_are_warned_about() {
    let mut project = sample_for("decision-brief").expect("sample");
    let warned = |project: &Project| {
        laid(project)
            .diagnostics
            .iter()
            .any(|d| d.message.starts_with("Key Points runs onto page 2"))
    };
    assert!(!warned(&project), "the sample's key points fit on page 1");
    let key_points = project
        .brief
        .parts
        .iter()
        .position(|p| p.key == "key_points")
        .expect("part");
    for n in 0..40 {
        project.push_block(
            key_points,
            BlockKind::Paragraph {
                text: format!(
                    "Key point {n}, one that the minister must read before turning over."
                ),
            },
        );
    }
    assert!(warned(&project), "{:?}", laid(&project).diagnostics);
}
