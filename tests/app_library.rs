//! The Library tab driven as an officer would: add a library folder, find a line, drag
//! it into the brief, see the notice when the line is updated in the library, update
//! the brief's words in one undoable step; and a refused save keeps the officer's words.

use briefwright::app::{AppState, Command, Settings};
use briefwright::library::{self, Action, LibraryInfo, Line, Status};
use briefwright::model::BlockKind;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod support;
use support::window::{empty_brief, harness_with_settings, menu};

fn library_with_one_line() -> (tempfile::TempDir, std::path::PathBuf, Line) {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("qt-lines");
    std::fs::create_dir(&folder).expect("folder");
    let info = LibraryInfo {
        id: "qt-lines".into(),
        name: "Question Time lines".into(),
        marking: String::new(),
        scheme: String::new(),
    };
    library::create(&folder, &info).expect("library.toml");
    let mut line = Line::new("The government will keep rates steady.", "Dana Lee");
    line.status = Status::Approved;
    line.tags = vec!["rates".into()];
    let line = library::create_line(&folder, &line, "Dana Lee", Action::Created)
        .expect("line")
        .line;
    (dir, folder, line)
}

fn settings() -> Settings {
    Settings {
        author_name: "Test Officer".into(),
        ..Settings::default()
    }
}

fn add_library(harness: &mut Harness<'static, AppState>, folder: &std::path::Path) {
    harness.get_by_label("Library").click();
    harness.run();
    let field = harness.get_by_label("Library folder");
    field.focus();
    field.type_text(folder.to_str().expect("utf-8 path"));
    harness.run();
    harness.get_by_label("Add library").click();
    harness.run();
}

fn drag(harness: &mut Harness<'static, AppState>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Default::default(),
    });
    harness.run();
    for step in 1..=10 {
        let at = from + (to - from) * (step as f32 / 10.0);
        harness.event(egui::Event::PointerMoved(at));
        harness.run();
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Default::default(),
    });
    harness.run();
    harness.run();
}

fn library_points(state: &AppState) -> Vec<(String, u32)> {
    state
        .project()
        .talking_points
        .iter()
        .filter_map(|p| Some((p.text.clone(), p.library.as_ref()?.version)))
        .collect()
}

#[test]
fn drag_a_line_in_update_it_in_the_library_see_the_notice_and_update() {
    let (_dir, folder, line) = library_with_one_line();
    let (mut harness, _) = harness_with_settings(empty_brief(), settings());
    add_library(&mut harness, &folder);
    assert_eq!(
        harness.state().settings().library_folders,
        vec![folder.clone()]
    );

    let search = harness.get_by_label("Search lines");
    search.focus();
    search.type_text("rates");
    harness.run();
    let row = harness
        .get_by_label_contains("The government will keep rates steady.")
        .rect()
        .center();
    let part = harness
        .get_all_by_label_contains("Empty: drag sections")
        .next()
        .expect("an empty part")
        .rect()
        .center();
    drag(&mut harness, row, part);

    assert_eq!(
        library_points(harness.state()),
        [("The government will keep rates steady.".to_owned(), 1)]
    );
    let placed = harness
        .state()
        .project()
        .brief
        .blocks()
        .filter(|b| matches!(b.kind, BlockKind::TalkingPoint { .. }))
        .count();
    assert_eq!(placed, 1, "the line is a block of the brief");
    let used = harness.state().project().talking_points[0]
        .library
        .clone()
        .expect("link");
    assert_eq!(
        (used.library.as_str(), used.line.as_str()),
        ("qt-lines", line.id.as_str())
    );

    // Another officer updates the line in the library.
    let mut changed = line.clone();
    changed.text = "The government will keep rates steady this year.".into();
    library::save_line(&folder, &changed, 1, "Erik Holm", Action::Edited).expect("saved");
    harness.get_by_label("Refresh").click();
    harness.run();
    harness.run();
    assert!(harness.query_by_label("Updated in the library").is_some());
    assert!(
        harness
            .query_by_label_contains("version 2 by Erik Holm")
            .is_some(),
        "the notice names who changed it"
    );
    harness.get_by_label("Update").click();
    harness.run();
    harness.run();
    assert_eq!(
        library_points(harness.state()),
        [(
            "The government will keep rates steady this year.".to_owned(),
            2
        )]
    );
    assert!(harness.query_by_label("Updated in the library").is_none());

    menu(&mut harness, "Edit", "Undo");
    harness.run();
    assert_eq!(
        library_points(harness.state()),
        [("The government will keep rates steady.".to_owned(), 1)],
        "Update is one undoable step"
    );
    assert!(harness.query_by_label("Updated in the library").is_some());
    harness.get_by_label("Keep").click();
    harness.run();
    harness.run();
    assert!(harness.query_by_label("Updated in the library").is_none());
    assert_eq!(
        library_points(harness.state())[0].0,
        "The government will keep rates steady.",
        "Keep keeps the brief's words"
    );
}

#[test]
fn a_refused_save_in_the_window_names_who_changed_the_line_and_keeps_the_words() {
    let (_dir, folder, line) = library_with_one_line();
    let (mut harness, _) = harness_with_settings(empty_brief(), settings());
    add_library(&mut harness, &folder);
    harness
        .get_by_label_contains("The government will keep rates steady.")
        .click();
    harness.run();
    harness.get_by_label("Edit line").click();
    harness.run();
    // Meanwhile another officer saves the same line.
    let mut theirs = line.clone();
    theirs.text = "Rates stay where they are.".into();
    library::save_line(&folder, &theirs, 1, "Erik Holm", Action::Edited).expect("saved");
    let field = harness.get_by_label("Line text");
    field.focus();
    field.type_text(" Our addition.");
    harness.run();
    harness.get_by_label("Save line").click();
    harness.run();
    let messages: Vec<String> = harness
        .state()
        .messages()
        .iter()
        .map(|m| m.text.clone())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("Erik Holm") && m.contains("draft")),
        "{messages:?}"
    );
    assert!(
        harness.query_by_label("Save line").is_some(),
        "the form stays open"
    );
    let drafts = std::fs::read_dir(folder.join("drafts"))
        .expect("drafts")
        .count();
    assert_eq!(drafts, 1);
    assert_eq!(
        library::read_line(&folder, &line.id).expect("line").text,
        "Rates stay where they are."
    );
    harness.state_mut().run(Command::DismissMessages);
}

#[test]
fn a_withdrawn_line_is_a_check_before_sending() {
    let (dir, folder, line) = library_with_one_line();
    let (mut harness, _) = harness_with_settings(empty_brief(), settings());
    add_library(&mut harness, &folder);
    harness
        .get_by_label_contains("The government will keep rates steady.")
        .click();
    harness.run();
    harness.get_by_label("Add to brief").click();
    harness.run();
    harness.get_by_label("Withdraw").click();
    harness.run();
    assert_eq!(
        library::read_line(&folder, &line.id).expect("line").status,
        Status::Withdrawn
    );
    let pdf = dir.path().join("brief.pdf");
    harness.state_mut().run(Command::ExportPdf(pdf.clone()));
    harness.run();
    let Some(briefwright::app::Modal::ExportWithErrors { checks, .. }) = harness.state().modal()
    else {
        panic!("no check before sending: {:?}", harness.state().modal());
    };
    assert!(
        checks
            .iter()
            .any(|c| c.contains("withdrawn from the library")),
        "{checks:?}"
    );
    assert!(!pdf.exists(), "not written until the officer says so");
}

#[test]
fn a_sync_conflict_copy_is_listed_and_merged_from_the_window() {
    let (_dir, folder, line) = library_with_one_line();
    let mut theirs = line.clone();
    theirs.text = "Rates will not move this year.".into();
    let copy = format!("{} (Erik's conflicted copy 2026-12-06).toml", line.id);
    std::fs::write(folder.join(&copy), theirs.to_toml().expect("toml")).expect("copy");
    let (mut harness, _) = harness_with_settings(empty_brief(), settings());
    add_library(&mut harness, &folder);
    assert!(
        harness
            .query_by_label(&format!("Sync conflict copy: {copy}"))
            .is_some()
    );
    harness.get_by_label("Merge…").click();
    harness.run();
    harness.get_by_label("Use the copy's").click();
    harness.run();
    harness.get_by_label("Merge").click();
    harness.run();
    assert!(!folder.join(&copy).exists(), "the copy is removed");
    let merged = library::read_line(&folder, &line.id).expect("line");
    assert_eq!(merged.text, "Rates will not move this year.");
    assert_eq!(merged.modified_by, "Test Officer");
    assert!(
        harness
            .query_by_label_contains("Sync conflict copy")
            .is_none()
    );
}

#[test]
fn a_brief_whose_library_is_missing_lays_out_and_says_so_in_the_window() {
    let mut project = empty_brief();
    project
        .apply(briefwright::model::Edit::AddLibraryPoint {
            text: "Words the brief keeps for itself.".into(),
            tags: Vec::new(),
            marking: Default::default(),
            library: briefwright::model::LibraryUse {
                library: "division-lines".into(),
                line: "20261201-00000000000000aa".into(),
                version: 3,
                used_on: "2026-12-01".into(),
                folder: "/nowhere/division-lines".into(),
                kept: None,
            },
            part: Some(0),
        })
        .expect("point");
    let (mut harness, _) = harness_with_settings(project, settings());
    harness.get_by_label("Talking points").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("library division-lines not reachable")
            .is_some(),
        "the window says the library cannot be reached"
    );
    let laid = harness.state().laid().cloned().expect("laid out");
    let printed = format!("{:?}", laid.pages);
    assert!(printed.contains("itself"), "the brief prints its own words");
}
