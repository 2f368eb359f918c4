//! The window, driven headlessly through AccessKit labels with egui_kittest.
#![cfg(feature = "gui")]

mod support;

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use briefwright::app::{AppState, Command, Modal, Settings, app_ui};
use briefwright::model::{BlockKind, Edit, Project};
use briefwright::project::Holder;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use support::window::{
    Answers, ScriptedDialogs, article, empty_brief, harness, harness_with, menu,
};

fn excerpts(project: &Project) -> Vec<Option<String>> {
    project
        .brief
        .blocks()
        .filter_map(|b| match &b.kind {
            BlockKind::Excerpt { edited, .. } => Some(edited.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn import_assemble_edit_undo_save_reopen_and_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut harness, answers) = harness(empty_brief());
    harness.run();

    answers.borrow_mut().articles.push_back(vec![article()]);
    harness.get_by_label("Import…").click();
    harness.run();
    assert_eq!(
        harness.state().project().sources.len(),
        1,
        "{:?}",
        harness.state().messages()
    );

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
    harness
        .get_all_by_label("Add to brief")
        .nth(1)
        .expect("another section")
        .click();
    harness.run();
    assert_eq!(excerpts(harness.state().project()), vec![None, None]);

    harness.get_by_label("Talking points").click();
    harness.run();
    harness.get_by_label("New talking point").click();
    harness.run();
    harness.get_by_label("Add to brief").click();
    harness.run();
    let points = harness
        .state()
        .project()
        .brief
        .blocks()
        .filter(|b| matches!(b.kind, BlockKind::TalkingPoint { .. }))
        .count();
    assert_eq!(points, 1);

    let excerpt = harness
        .get_all_by_label("Excerpt text")
        .next()
        .expect("excerpt editor");
    excerpt.focus();
    excerpt.type_text(" Trimmed by the desk.");
    harness.run();
    let edited = excerpts(harness.state().project());
    assert!(
        edited[0]
            .as_deref()
            .is_some_and(|t| t.contains("Trimmed by the desk.")),
        "{edited:?}"
    );
    let after_edit = harness.state().project().clone();

    menu(&mut harness, "Edit", "Undo");
    assert_eq!(
        excerpts(harness.state().project()),
        vec![None, None],
        "one undo step takes back the whole burst of typing"
    );
    menu(&mut harness, "Edit", "Redo");
    assert_eq!(*harness.state().project(), after_edit);

    let saved = dir.path().join("flood.brief");
    answers.borrow_mut().save_as.push_back(saved.clone());
    menu(&mut harness, "File", "Save As…");
    assert!(
        !harness.state().is_dirty(),
        "{:?}",
        harness.state().messages()
    );
    assert!(harness.state().window_title().starts_with("flood.brief"));

    let (mut reopened, reopened_answers) = harness_with(empty_brief());
    reopened_answers
        .borrow_mut()
        .projects
        .push_back(saved.clone());
    menu(&mut reopened, "File", "Open…");
    assert_eq!(*reopened.state().project(), after_edit);
    assert!(
        matches!(&reopened.state().modal(), Some(Modal::Locked { holder: Holder::Known(holder), .. }) if holder.pid == std::process::id()),
        "the second window is told the first one holds the brief"
    );
    reopened.get_by_label("Open read-only").click();
    reopened.run();
    assert!(reopened.state().is_read_only());

    let pdf = dir.path().join("flood.pdf");
    answers.borrow_mut().pdfs.push_back(pdf.clone());
    menu(&mut harness, "File", "Export PDF…");
    // The draft has no To, From or Date yet: the window lists them before it goes out.
    match &harness.state().modal() {
        Some(Modal::ExportWithErrors {
            errors: 0, checks, ..
        }) => assert!(
            checks.iter().any(|c| c.contains("title block has no To")),
            "{checks:?}"
        ),
        other => panic!("the export asks first: {other:?}"),
    }
    harness.get_by_label("Export Anyway").click();
    harness.run();
    let cli_pdf = dir.path().join("cli.pdf");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_briefwright"))
        .args([
            "export",
            saved.to_str().expect("path"),
            "-o",
            cli_pdf.to_str().expect("path"),
        ])
        .status()
        .expect("cli runs");
    assert!(status.success());
    assert_eq!(
        std::fs::read(&pdf).expect("window export"),
        std::fs::read(&cli_pdf).expect("cli export")
    );

    // The Word document, typed without its extension in the dialog, is the CLI's too.
    answers
        .borrow_mut()
        .pdfs
        .push_back(dir.path().join("for-the-office"));
    menu(&mut harness, "File", "Export as Word…");
    harness.get_by_label("Export Anyway").click();
    harness.run();
    let docx = dir.path().join("for-the-office.docx");
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .any(|m| m.text.contains("as a Word document")),
        "{:?}",
        harness.state().messages()
    );
    let cli_docx = dir.path().join("cli.docx");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_briefwright"))
        .args([
            "export",
            saved.to_str().expect("path"),
            "-o",
            cli_docx.to_str().expect("path"),
        ])
        .status()
        .expect("cli runs");
    assert!(status.success());
    assert_eq!(
        std::fs::read(&docx).expect("window export"),
        std::fs::read(&cli_docx).expect("cli export")
    );
    let nowhere = dir.path().join("no/such/folder/brief.docx");
    answers.borrow_mut().pdfs.push_back(nowhere.clone());
    menu(&mut harness, "File", "Export as Word…");
    harness.get_by_label("Export Anyway").click();
    harness.run();
    assert!(
        harness.state().messages().iter().any(|m| m
            .text
            .starts_with("The brief was not exported. cannot write")),
        "{:?}",
        harness.state().messages()
    );
    assert!(!nowhere.exists());
}

#[test]
fn unsaved_changes_are_asked_about_before_new() {
    let (mut harness, _) = harness_with(empty_brief());
    let title = harness.get_by_label("Title");
    title.focus();
    title.type_text(" (draft)");
    harness.run();
    assert!(harness.state().is_dirty());
    assert!(
        harness.state().window_title().starts_with('\u{25cf}'),
        "unsaved mark in the title"
    );

    menu(&mut harness, "File", "New from template…");
    assert!(matches!(harness.state().modal(), Some(Modal::Unsaved(_))));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().modal().is_none());
    assert!(
        harness
            .state()
            .project()
            .brief
            .meta
            .title
            .ends_with("(draft)"),
        "{}",
        harness.state().project().brief.meta.title
    );

    menu(&mut harness, "File", "New from template…");
    harness.get_by_label("Discard").click();
    harness.run();
    assert_eq!(harness.state().modal(), Some(&Modal::ChooseTemplate));
    // Each kind is offered by name with what it is for.
    let description = briefwright::template::built_in_description("decision-brief");
    assert!(description.contains("recommendations"), "{description}");
    harness.get_by_label(&description);
    harness.get_by_label("Talking points card").click();
    harness.run();
    assert_eq!(
        harness.state().project().brief.template,
        "talking-points-card"
    );
    assert!(!harness.state().is_dirty());
}

#[test]
fn a_corrupt_file_shows_an_error_and_keeps_the_current_brief() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corrupt = dir.path().join("corrupt.brief");
    std::fs::write(
        &corrupt,
        "{\"format\": \"briefwright\", \"version\": 1, \"brief\": [",
    )
    .expect("write");
    let (mut harness, answers) = harness_with(briefwright::sample::project());
    let before = harness.state().project().clone();
    answers.borrow_mut().projects.push_back(corrupt.clone());
    menu(&mut harness, "File", "Open…");
    assert_eq!(*harness.state().project(), before);
    let message = harness
        .state()
        .messages()
        .last()
        .expect("a message")
        .clone();
    assert!(
        message.is_error()
            && message.text.contains("corrupt.brief is damaged")
            && message.text.contains("unchanged"),
        "{message:?}"
    );
    harness.get_by_label_contains("corrupt.brief is damaged");
    assert_eq!(
        std::fs::read_to_string(&corrupt).expect("read"),
        "{\"format\": \"briefwright\", \"version\": 1, \"brief\": ["
    );
}

#[test]
fn blocks_reorder_by_button_and_by_command() {
    let (mut harness, _) = harness_with(briefwright::sample::project());
    let background = |state: &AppState| {
        state.project().brief.parts[1]
            .blocks
            .iter()
            .map(|b| b.id)
            .collect::<Vec<_>>()
    };
    let before = background(harness.state());
    harness
        .get_all_by_label("Move down")
        .next()
        .expect("a block")
        .click();
    harness.run();
    let after = background(harness.state());
    assert_eq!((after[0], after[1]), (before[1], before[0]));

    harness.state_mut().run(Command::Edit(Edit::MoveBlockTo {
        block: before[0],
        part: 1,
        index: 0,
    }));
    harness.run();
    assert_eq!(background(harness.state()), before);
    menu(&mut harness, "Edit", "Undo");
    assert_eq!(background(harness.state()), after);
}

#[test]
fn clicking_text_in_the_preview_selects_its_block() {
    let (mut harness, _) = harness_with(briefwright::sample::project());
    let laid = harness.state().laid().cloned().expect("laid out");
    let page = &laid.pages[0];
    let target = page
        .items
        .iter()
        .find(|p| p.block.is_some())
        .expect("a block on page 1");
    let expected = target.block;
    let found = briefwright::app::block_at(page, target.at.x.0 + 1.0, target.at.y.0 - 2.0);
    assert_eq!(found, expected);
    let page_node = harness.get_by_label("Page 1 of 2");
    let rect = page_node.rect();
    let zoom = rect.width() / page.size.width.0;
    let point = rect.min + egui::vec2(target.at.x.0 + 1.0, target.at.y.0 - 2.0) * zoom;
    harness.hover_at(point);
    harness.event(egui::Event::PointerButton {
        pos: point,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Default::default(),
    });
    harness.event(egui::Event::PointerButton {
        pos: point,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Default::default(),
    });
    harness.run();
    assert_eq!(harness.state().selected(), expected);
}

#[test]
fn unsaved_work_is_copied_for_recovery_and_offered_after_a_crash() {
    let recovery = tempfile::tempdir().expect("tempdir");
    let dialogs = || {
        Box::new(ScriptedDialogs::new(Rc::new(RefCell::new(
            Answers::default(),
        ))))
    };
    let mut crashed = AppState::new(empty_brief(), None, Settings::default(), dialogs())
        .with_recovery_folder(recovery.path().to_path_buf());
    crashed.run(Command::Edit(Edit::SetMeta(
        briefwright::model::MetaField::Title,
        "Work not yet saved".into(),
    )));
    let now = std::time::Instant::now();
    crashed.autosave_tick(now, true);
    assert!(
        briefwright::project::recovery::find_recoveries(recovery.path()).is_empty(),
        "not before a minute has passed"
    );
    crashed.autosave_tick(now + std::time::Duration::from_secs(61), true);
    assert_eq!(
        briefwright::project::recovery::find_recoveries(recovery.path()).len(),
        1
    );
    let edited = crashed.project().clone();
    std::mem::forget(crashed); // the process dies without closing the window

    let mut state = AppState::new(
        briefwright::sample::project(),
        None,
        Settings::default(),
        dialogs(),
    )
    .with_recovery_folder(recovery.path().to_path_buf());
    state.offer_recovery();
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(app_ui, state);
    harness.run();
    harness.get_by_label_contains("did not close normally");
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(*harness.state().project(), edited);
    assert!(
        harness.state().is_dirty(),
        "restored work still needs saving"
    );
    assert!(briefwright::project::recovery::find_recoveries(recovery.path()).is_empty());
}

#[test]
fn losing_focus_writes_a_recovery_copy_and_saving_removes_it() {
    let recovery = tempfile::tempdir().expect("tempdir");
    let dir = tempfile::tempdir().expect("tempdir");
    let answers = Rc::new(RefCell::new(Answers::default()));
    let mut state = AppState::new(
        empty_brief(),
        None,
        Settings::default(),
        Box::new(ScriptedDialogs::new(Rc::clone(&answers))),
    )
    .with_recovery_folder(recovery.path().to_path_buf());
    state.run(Command::Edit(Edit::SetMeta(
        briefwright::model::MetaField::To,
        "The Minister".into(),
    )));
    state.autosave_tick(std::time::Instant::now(), false);
    assert_eq!(
        briefwright::project::recovery::find_recoveries(recovery.path()).len(),
        1
    );
    answers
        .borrow_mut()
        .save_as
        .push_back(dir.path().join("saved.brief"));
    state.run(Command::Save);
    assert!(!state.is_dirty());
    assert!(briefwright::project::recovery::find_recoveries(recovery.path()).is_empty());
}

#[test]
fn every_bad_project_fixture_is_refused_in_the_window_without_losing_work() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let (mut harness, answers) = harness_with(briefwright::sample::project());
    let title = harness.get_by_label("Title");
    title.focus();
    title.type_text(" (unsaved edit)");
    harness.run();
    let edited = harness.state().project().clone();
    for name in [
        "empty.brief",
        "truncated.brief",
        "not-a-project.brief",
        "wrong-types.brief",
        "binary.brief",
        "future.brief",
        "folder.brief",
        "missing.brief",
    ] {
        let path = fixtures.join(name);
        let before = std::fs::read(&path).ok();
        answers.borrow_mut().projects.push_back(path.clone());
        harness.state_mut().run(Command::OPEN);
        harness.run();
        if matches!(harness.state().modal(), Some(Modal::Unsaved(_))) {
            harness.get_by_label("Discard").click();
            harness.run();
        }
        let message = harness
            .state()
            .messages()
            .last()
            .expect("a message")
            .clone();
        assert!(
            message.is_error() && message.text.contains(name) && message.text.contains("unchanged"),
            "{name}: {message:?}"
        );
        assert_eq!(
            *harness.state().project(),
            edited,
            "{name}: the brief being edited is kept"
        );
        assert_eq!(std::fs::read(&path).ok(), before, "{name} was not changed");
    }
}

#[test]
fn a_long_brief_keeps_its_preview_in_the_window_with_a_page_field() {
    let (mut harness, _) = harness_with(briefwright::sample::long_project(300));
    harness.run();
    let count = harness.state().laid().map_or(0, |l| l.pages.len());
    assert!(count > 20, "{count} pages");
    let first_label = format!("Page 1 of {count}");
    let first_page = harness.get_by_label(&first_label);
    let window = 1600.0;
    assert!(
        first_page.rect().max.x <= window && first_page.rect().width() > 300.0,
        "the first page sits at {:?}, outside a {window}-wide window",
        first_page.rect()
    );
    harness.get_by_label(&format!("Go to page (of {count})"));
    assert!(
        harness.query_by_label(&format!("{count}")).is_none(),
        "no button for every page"
    );
}

#[test]
fn the_editor_shows_every_script_the_pdf_prints() {
    let (mut harness, _) = harness(briefwright::sample::project());
    harness.run();
    let text = "Қазақ 中文 繁體 日本語のカナ 한국어 தமிழ் كوالا ڤ ≤ ≠ ∑ → ✓ ☑ ★ ₸ ₹";
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let font = egui::FontId::new(14.0, family);
        let missing: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .filter(|c| !harness.ctx.fonts_mut(|fonts| fonts.has_glyph(&font, *c)))
            .collect();
        assert!(missing.is_empty(), "{font:?} lacks {missing}");
    }
}

#[test]
fn marking_a_source_protected_raises_the_brief_and_shows_why() {
    let project = briefwright::sample::project();
    let title = project.sources[0].title.clone();
    let (mut harness, _) = harness(project);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Pages are marked")
            .is_none()
    );
    // The sources pane comes first; excerpts in the brief name the title too.
    harness
        .get_all_by_label_contains(&title[..12])
        .next()
        .expect("the source's header")
        .click();
    harness.run();
    harness.get_by_label("Marking").click();
    harness.run();
    harness.get_by_label("PROTECTED").click();
    harness.run();
    harness.run();
    assert_eq!(
        harness.state().project().sources[0].marking.level,
        "PROTECTED"
    );
    harness.get_by_label("Pages are marked PROTECTED");
    let reason = format!("raised by the excerpt from \u{201c}{title}\u{201d} (PROTECTED");
    assert!(
        harness.query_by_label_contains(&reason).is_some(),
        "the reason is shown: {reason}"
    );
    // The preview and the PDF carry it on every page.
    let printed = harness.state().laid().map(|laid| laid.marking().to_owned());
    assert_eq!(printed.as_deref(), Some("PROTECTED"));
    // Undo puts the source back as it was, and the brief's marking with it.
    harness.state_mut().send(Command::Undo);
    harness.run();
    harness.run();
    assert!(harness.state().project().sources[0].marking.is_unmarked());
    assert!(
        harness
            .query_by_label_contains("Pages are marked")
            .is_none()
    );
}

#[test]
fn editing_an_excerpt_marks_it_adapted_in_the_preview() {
    let (mut harness, _) = harness(briefwright::sample::project());
    harness.run();
    let preview_text = |harness: &Harness<'static, AppState>| -> String {
        let laid = harness.state().laid().expect("laid out");
        let mut text = String::new();
        for page in &laid.pages {
            for positioned in &page.items {
                if let briefwright::layout::Item::Text(run) = &positioned.item {
                    text.extend(run.glyphs.iter().map(|g| run.glyph_text(g)));
                }
            }
        }
        text
    };
    assert!(!preview_text(&harness).contains("adapted"));
    let excerpt = harness
        .get_all_by_label("Excerpt text")
        .next()
        .expect("excerpt editor");
    excerpt.focus();
    excerpt.type_text(" Trimmed by the desk.");
    harness.run();
    harness.run();
    let text = preview_text(&harness);
    assert!(
        text.contains("Trimmed by the desk.\u{201d} [1, adapted]"),
        "the preview marks the quotation adapted: {text}"
    );
}

#[test]
fn a_saved_web_page_imports_through_the_window_as_its_article() {
    let (mut harness, answers) = harness(empty_brief());
    harness.run();
    let page =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web/news-page.html");
    answers.borrow_mut().articles.push_back(vec![page]);
    harness.get_by_label("Import…").click();
    harness.run();
    harness.run();
    let sources = &harness.state().project().sources;
    assert_eq!(sources.len(), 1, "{:?}", harness.state().messages());
    assert_eq!(
        sources[0].title,
        "Caspian freight corridor draws Malaysian shippers"
    );
    assert_eq!(sources[0].publication, "The Steppe Ledger");
    assert_eq!(sources[0].sections.len(), 6);
    harness.get_by_label_contains("Caspian freight corridor");
}

#[test]
fn ctrl_shift_e_exports_word_and_ctrl_e_pdf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut harness, answers) = harness_with(briefwright::sample::project());
    let docx = dir.path().join("brief.docx");
    answers.borrow_mut().pdfs.push_back(docx.clone());
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::E,
    );
    harness.run();
    let bytes = std::fs::read(&docx).expect("the Word document is written");
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip package");
    let pdf = dir.path().join("brief.pdf");
    answers.borrow_mut().pdfs.push_back(pdf.clone());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    let bytes = std::fs::read(&pdf).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn the_page_count_says_pages_used_and_the_budget() {
    let (mut harness, _) = harness(briefwright::sample::project());
    harness.run();
    let pages = harness
        .state()
        .laid()
        .map(|laid| laid.pages.len())
        .expect("laid out");
    let expected = format!(
        "{pages} page{} (budget 2)",
        if pages == 1 { "" } else { "s" }
    );
    harness.get_by_label(&expected);
    // A one-page brief no longer reads "1 of 2 pages".
    let (mut short, _) = harness_with(empty_brief());
    short.run();
    short.get_by_label("1 page (budget 2)");
}

#[test]
fn quit_then_save_on_an_untitled_brief_saves_as_and_then_quits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut harness, answers) = harness(empty_brief());
    harness.run();
    harness.state_mut().run(Command::Edit(Edit::SetMeta(
        briefwright::model::MetaField::Title,
        "Water talks".to_owned(),
    )));
    assert!(harness.state().is_dirty() && harness.state().path().is_none());
    let file = dir.path().join("water.brief");
    answers.borrow_mut().save_as.push_back(file.clone());
    harness.state_mut().run(Command::QUIT);
    harness.run();
    assert!(matches!(harness.state().modal(), Some(Modal::Unsaved(_))));
    harness.get_by_label("Save").click();
    for _ in 0..3 {
        harness.run();
    }
    assert!(file.is_file(), "Save As wrote the brief");
    assert!(!harness.state().is_dirty());
    assert!(
        harness.state().should_close(),
        "and the window closes, as asked"
    );

    // Cancelling the Save As keeps the window open and forgets the quit.
    let (mut harness, _) = support::window::harness(empty_brief());
    harness.state_mut().run(Command::Edit(Edit::SetMeta(
        briefwright::model::MetaField::Title,
        "Trade talks".to_owned(),
    )));
    harness.state_mut().run(Command::QUIT);
    harness.run();
    harness.get_by_label("Save").click();
    for _ in 0..3 {
        harness.run();
    }
    assert!(!harness.state().should_close());
    assert!(harness.state().is_dirty());
}

#[test]
fn a_section_in_the_brief_says_so_and_adding_it_again_asks_first() {
    let (mut harness, answers) = harness(empty_brief());
    harness.run();
    answers.borrow_mut().articles.push_back(vec![article()]);
    harness.get_by_label("Import…").click();
    harness.run();
    harness
        .get_by_label_contains("Rivers Without Borders")
        .click();
    harness.run();
    assert!(harness.query_by_label("\u{2713} In the brief").is_none());
    harness
        .get_all_by_label("Add to brief")
        .next()
        .expect("a section")
        .click();
    harness.run();
    assert_eq!(excerpts(harness.state().project()).len(), 1);
    // The pane now marks the section, with a way to its excerpt.
    harness.get_by_label("\u{2713} In the brief");
    harness.get_by_label("Go to").click();
    harness.run();
    let excerpt = harness
        .state()
        .project()
        .brief
        .blocks()
        .find(|b| matches!(b.kind, BlockKind::Excerpt { .. }))
        .map(|b| b.id);
    assert_eq!(harness.state().selected(), excerpt);
    // Adding it again asks, and Cancel adds nothing.
    harness
        .get_all_by_label("Add to brief")
        .next()
        .expect("the same section")
        .click();
    harness.run();
    assert!(matches!(
        harness.state().modal(),
        Some(Modal::AddAgain { .. })
    ));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(excerpts(harness.state().project()).len(), 1);
    // Add Again adds it.
    harness
        .get_all_by_label("Add to brief")
        .next()
        .expect("the same section")
        .click();
    harness.run();
    harness.get_by_label("Add Again").click();
    harness.run();
    assert_eq!(excerpts(harness.state().project()).len(), 2);
    assert_eq!(harness.state().modal(), None);
}

#[test]
fn messages_do_not_move_the_panes_and_older_ones_collapse_into_a_count() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut harness, _) = harness(briefwright::sample::project());
    harness.run();
    let title_at = |harness: &Harness<'static, AppState>| {
        harness
            .get_all_by_label("Title")
            .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
            .and_then(|n| n.accesskit_node().bounding_box())
            .expect("the Title field")
    };
    let before = title_at(&harness);
    for round in 0..6 {
        harness
            .state_mut()
            .run(Command::ExportPdf(dir.path().join(format!("{round}.pdf"))));
    }
    harness.run();
    assert!(harness.state().messages().len() > 4);
    assert_eq!(title_at(&harness), before, "the editor stays where it was");
    let earlier = harness.state().messages().len() - 4;
    harness.get_by_label(&format!("{earlier} earlier")).click();
    harness.run();
    harness.get_by_label("Show fewer");
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().messages().is_empty());
}

#[test]
fn the_preview_folds_to_a_button_and_comes_back() {
    let (mut harness, _) = harness(briefwright::sample::project());
    harness.run();
    let editor_width = |harness: &Harness<'static, AppState>| {
        harness
            .get_all_by_label("Title")
            .find(|n| n.accesskit_node().role() == egui::accesskit::Role::TextInput)
            .and_then(|n| n.accesskit_node().bounding_box())
            .map(|b| b.width())
            .expect("the Title field")
    };
    let before = editor_width(&harness);
    harness.get_by_label("Hide preview").click();
    harness.run();
    assert!(harness.state().settings().preview_hidden);
    assert!(
        harness.query_by_label("Zoom out").is_none(),
        "the pages are gone"
    );
    assert!(editor_width(&harness) >= before, "the editor has the room");
    harness.get_by_label("Show preview").click();
    harness.run();
    assert!(!harness.state().settings().preview_hidden);
    harness.get_by_label("Zoom out");
}

#[test]
fn straight_quotes_curl_as_they_are_typed_and_as_they_print() {
    let (mut harness, _) = harness(empty_brief());
    harness.run();
    support::window::add_first_paragraph(&mut harness);
    harness
        .get_by_label("Paragraph text")
        .type_text("The Minister's \"first\" visit");
    harness.run();
    assert_eq!(
        support::paragraph_texts(harness.state().project()),
        ["The Minister\u{2019}s \u{201c}first\u{201d} visit"]
    );
    // The reference is a code: it keeps what was typed.
    let reference = harness.get_by_label("Reference");
    reference.focus();
    reference.type_text("MFA/'24");
    harness.run();
    assert_eq!(harness.state().project().brief.meta.reference, "MFA/'24");
}
