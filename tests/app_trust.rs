//! Paths in the window that could lose work or mislead: the unsaved-changes prompt,
//! locks, leftovers of a crashed save, templates, and how messages are shown.
#![cfg(feature = "gui")]

mod support;

use std::time::{Duration, SystemTime};

use briefwright::app::{Command, Modal, UnsavedChoice};
use briefwright::diagnostic::Severity;
use briefwright::model::{Edit, MetaField};
use briefwright::project::{Holder, ProjectLock, lock_path, save};
use egui_kittest::kittest::Queryable;
use support::window::{empty_brief, harness_with, menu};

fn type_into_title(harness: &mut egui_kittest::Harness<'static, briefwright::app::AppState>) {
    let title = harness.get_by_label("Title");
    title.focus();
    title.type_text(" (draft)");
    harness.run();
    assert!(harness.state().is_dirty());
}

#[test]
fn saving_from_the_prompt_does_not_skip_the_next_prompt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut harness, answers) = harness_with(empty_brief());
    type_into_title(&mut harness);
    answers
        .borrow_mut()
        .save_as
        .push_back(dir.path().join("first.brief"));
    answers
        .borrow_mut()
        .pdfs
        .push_back(dir.path().join("unused.pdf"));
    menu(&mut harness, "File", "New from template…");
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(harness.state().modal(), Some(&Modal::ChooseTemplate));
    harness.get_by_label("Briefing note").click();
    harness.run();
    assert!(!harness.state().is_dirty());

    type_into_title(&mut harness);
    harness.state_mut().run(Command::QUIT);
    assert!(
        matches!(harness.state().modal(), Some(Modal::Unsaved(_))),
        "the prompt appears again for new edits"
    );
    assert!(!harness.state().should_close());
}

#[test]
fn opening_from_a_clean_brief_does_not_skip_the_next_prompt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let saved = dir.path().join("clean.brief");
    save(&empty_brief(), &saved).expect("save");
    let (mut harness, answers) = harness_with(empty_brief());
    answers.borrow_mut().projects.push_back(saved);
    menu(&mut harness, "File", "Open…");
    assert!(harness.state().path().is_some());
    type_into_title(&mut harness);
    harness.state_mut().run(Command::QUIT);
    assert!(matches!(harness.state().modal(), Some(Modal::Unsaved(_))));
    harness
        .state_mut()
        .run(Command::ResolveUnsaved(UnsavedChoice::Discard));
    assert!(
        harness.state().should_close(),
        "Discard goes ahead with the quit"
    );
}

#[test]
fn save_as_refuses_a_brief_that_another_window_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let theirs = dir.path().join("theirs.brief");
    save(&empty_brief(), &theirs).expect("save");
    let before = std::fs::read(&theirs).expect("read");
    let _their_lock = ProjectLock::acquire(&theirs).expect("lock");
    let (mut harness, _) = harness_with(briefwright::sample::project());
    harness.state_mut().run(Command::SaveAs(theirs.clone()));
    let message = harness
        .state()
        .messages()
        .last()
        .expect("a message")
        .clone();
    assert!(message.is_error(), "{message:?}");
    assert!(
        message.text.contains("was not saved")
            && message
                .text
                .contains(&format!("process {}", std::process::id())),
        "the message names the holder: {message:?}"
    );
    assert_eq!(std::fs::read(&theirs).expect("read"), before, "untouched");
    assert!(harness.state().is_dirty() || harness.state().path().is_none());
}

#[test]
fn save_as_to_the_same_file_is_refused_while_read_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let shared = dir.path().join("shared.brief");
    save(&empty_brief(), &shared).expect("save");
    let before = std::fs::read(&shared).expect("read");
    let _first_window = ProjectLock::acquire(&shared).expect("lock");
    let (mut harness, _) = harness_with(empty_brief());
    harness.state_mut().run(Command::open(shared.clone()));
    harness.run();
    harness.get_by_label("Open read-only").click();
    harness.run();
    assert!(harness.state().is_read_only());
    harness.state_mut().run(Command::Edit(Edit::SetMeta(
        MetaField::Title,
        "Mine".into(),
    )));
    for command in [Command::Save, Command::SaveAs(shared.clone())] {
        harness.state_mut().run(command);
        let message = harness
            .state()
            .messages()
            .last()
            .expect("a message")
            .clone();
        assert!(
            message.is_error() && message.text.contains("another Briefwright window"),
            "{message:?}"
        );
    }
    assert_eq!(std::fs::read(&shared).expect("read"), before);
    let copy = dir.path().join("copy.brief");
    harness.state_mut().run(Command::SaveAs(copy.clone()));
    assert!(copy.exists() && !harness.state().is_read_only());
}

#[test]
fn an_old_empty_lock_file_can_be_taken_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crashed.brief");
    save(&empty_brief(), &path).expect("save");
    let lock = std::fs::File::create(lock_path(&path)).expect("empty lock");
    lock.set_modified(SystemTime::now() - Duration::from_secs(60))
        .expect("age the lock");
    drop(lock);
    let (mut harness, _) = harness_with(briefwright::sample::project());
    harness.state_mut().run(Command::open(path.clone()));
    harness.run();
    assert!(matches!(
        harness.state().modal(),
        Some(Modal::Locked {
            holder: Holder::Unreadable { .. },
            ..
        })
    ));
    harness.get_by_label("Take over").click();
    harness.run();
    assert!(!harness.state().is_read_only());
    let text = std::fs::read_to_string(lock_path(&path)).expect("lock written");
    assert!(text.contains(&std::process::id().to_string()), "{text}");
}

#[test]
fn opening_removes_temporaries_of_a_crashed_save_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("visit.brief");
    save(&empty_brief(), &path).expect("save");
    let leftover = dir.path().join(format!("visit.brief.{}.tmp", u32::MAX - 3));
    std::fs::write(&leftover, b"{\"half").expect("leftover");
    let (mut harness, _) = harness_with(briefwright::sample::project());
    harness.state_mut().run(Command::open(path));
    assert!(!leftover.exists());
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .any(|m| m.severity == Severity::Info && m.text.contains("left over")),
        "{:?}",
        harness.state().messages()
    );
}

#[test]
fn switching_template_in_the_window_is_undoable() {
    let (mut harness, _) = harness_with(briefwright::sample::project());
    let before = harness.state().project().clone();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Template").click();
    harness.run();
    harness.get_by_label("Talking points card").click();
    harness.run();
    assert_eq!(
        harness.state().project().brief.template,
        "talking-points-card"
    );
    assert_eq!(
        harness.state().template().map(|t| t.name.as_str()),
        Some("talking-points-card")
    );
    harness.state_mut().run(Command::Undo);
    harness.run();
    assert!(harness.state().project().same_content(&before));
}

#[test]
fn a_template_file_travels_with_the_brief_and_refreshes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("dept.toml");
    let toml = briefwright::template::BUILT_IN[0]
        .1
        .replace("name = \"briefing-note\"", "name = \"dept-note\"");
    std::fs::write(&file, &toml).expect("write template");
    let (mut harness, answers) = harness_with(briefwright::sample::project());
    answers.borrow_mut().templates.push_back(file.clone());
    harness.state_mut().run(Command::TemplateFileDialog);
    harness.run();
    let custom = harness.state().project().brief.custom_template.clone();
    assert_eq!(
        custom.as_ref().map(|c| c.toml.as_str()),
        Some(toml.as_str())
    );
    assert_eq!(harness.state().project().brief.template, "dept-note");
    assert!(
        harness.state().laid().is_some(),
        "laid out with the file's template"
    );

    std::fs::write(&file, toml.replace("page_budget = 2", "page_budget = 3")).expect("edit");
    harness.state_mut().run(Command::RefreshTemplate);
    harness.run();
    assert_eq!(harness.state().template().map(|t| t.page_budget), Some(3));
    harness.state_mut().run(Command::Undo);
    assert_eq!(harness.state().project().brief.custom_template, custom);
}

#[test]
fn the_template_is_parsed_once_not_every_frame() {
    let (mut harness, _) = harness_with(briefwright::sample::project());
    let before = briefwright::template::templates_parsed();
    for _ in 0..10 {
        harness.run();
    }
    assert_eq!(briefwright::template::templates_parsed(), before);
}

#[test]
fn export_warnings_are_shown_as_warnings_not_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut project = briefwright::sample::long_project(3);
    project.brief.meta.classification.clear();
    let (mut harness, _) = harness_with(project);
    harness
        .state_mut()
        .run(Command::ExportPdf(dir.path().join("long.pdf")));
    let messages = &harness.state().messages();
    assert!(
        messages
            .iter()
            .any(|m| m.severity == Severity::Warning
                && m.text.starts_with("No classification is set")),
        "{messages:?}"
    );
    assert!(!messages.iter().any(|m| m.is_error()), "{messages:?}");
}

/// A brief whose one excerpt quotes a section that is not there: an error.
fn brief_with_an_error() -> briefwright::model::Project {
    use briefwright::model::{BlockKind, SectionId, SectionRef, SourceId};
    let mut project = empty_brief();
    project.push_block(
        1,
        BlockKind::Excerpt {
            from: SectionRef {
                source: SourceId(99),
                section: SectionId(98),
            },
            edited: None,
        },
    );
    project
}

#[test]
fn exporting_a_brief_with_errors_asks_first_and_cancel_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("brief.pdf");
    let (mut harness, _) = harness_with(brief_with_an_error());
    harness.state_mut().run(Command::ExportPdf(pdf.clone()));
    harness.run();
    assert!(
        matches!(
            harness.state().modal(),
            Some(Modal::ExportWithErrors { errors: 1, .. })
        ),
        "{:?}",
        harness.state().modal()
    );
    assert!(!pdf.exists(), "written before the user answered");
    harness.get_by_label("The brief has 1 error");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().modal().is_none());
    assert!(!pdf.exists(), "Cancel wrote the file");
}

#[test]
fn export_anyway_writes_the_brief_marked_as_having_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("brief.pdf");
    let (mut harness, _) = harness_with(brief_with_an_error());
    harness.state_mut().run(Command::ExportPdf(pdf.clone()));
    harness.run();
    harness.get_by_label("Export Anyway").click();
    harness.run();
    assert!(harness.state().modal().is_none());
    let bytes = std::fs::read(&pdf).expect("written after Export Anyway");
    assert!(bytes.starts_with(b"%PDF-"));
    let messages = &harness.state().messages();
    assert!(
        messages
            .iter()
            .any(|m| m.severity == Severity::Warning && m.text.contains("exported with 1 error")),
        "{messages:?}"
    );
}
