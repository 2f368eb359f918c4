//! Spelling in the window: unknown words underlined as the officer types, the word menu
//! on a right click (suggestions, Add to dictionary, Ignore in this brief), excerpts left
//! alone, and the brief's language in Edit ▸ Spelling.
#![cfg(feature = "gui")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use briefwright::app::{AppState, Settings, SpellingState, app_ui};
use briefwright::model::find::Place;
use briefwright::model::{
    BlockId, BlockKind, Project, Section, SectionId, SectionKind, SectionRef, Source,
};
use briefwright::spelling::{DictionaryFolders, PersonalDictionary};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::window::{Answers, ScriptedDialogs, empty_brief};

/// A brief whose first paragraph opens with a misspelt word, and an excerpt that
/// misspells it too.
fn brief_with_typo() -> (Project, BlockId, BlockId) {
    let mut project = empty_brief();
    let source = project.add_source(Source::new(
        "Op-ed",
        vec![Section {
            id: SectionId(0),
            kind: SectionKind::Paragraph,
            text: "Strenghten the corridor, the author wrote.".into(),
            figure: None,
        }],
    ));
    let section = project.sources[0].sections[0].id;
    let paragraph = project
        .push_block(
            1,
            BlockKind::Paragraph {
                text: "Strenghten ties with the region.".into(),
            },
        )
        .expect("part exists");
    let excerpt = project
        .push_block(
            1,
            BlockKind::Excerpt {
                from: SectionRef { source, section },
                edited: None,
            },
        )
        .expect("part exists");
    (project, paragraph, excerpt)
}

/// The window with only the bundled dictionaries and a personal dictionary in `config`,
/// run until the brief's dictionary has loaded.
fn window(project: Project, config: &std::path::Path) -> Harness<'static, AppState> {
    let answers = Rc::new(RefCell::new(Answers::default()));
    let spelling = SpellingState::new(PersonalDictionary::at(&config.join("personal.txt")), None)
        .with_folders(DictionaryFolders::only(Vec::new()));
    let state = AppState::new(
        project,
        None,
        Settings::default(),
        Box::new(ScriptedDialogs::new(answers)),
    )
    .with_recovery_folder(config.join("recovery"))
    .with_spelling(spelling);
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(app_ui, state);
    for _ in 0..300 {
        harness.step();
        if harness.state().spelling_is_ready() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        harness.state().spelling_is_ready(),
        "the dictionary loads within 3 s"
    );
    harness.run();
    harness
}

fn text_of(project: &Project, block: BlockId) -> String {
    briefwright::model::find::place_text(project, Place::Block(block)).expect("has text")
}

/// Right-clicks the first word of the field with this accessible name.
fn right_click_first_word(harness: &mut Harness<'static, AppState>, name: &str) {
    let fields = harness.get_all_by_label(name).collect::<Vec<_>>();
    let field = fields.first().expect("the field is shown");
    field.scroll_to_me();
    harness.run();
    let fields = harness.get_all_by_label(name).collect::<Vec<_>>();
    let rect = fields.first().expect("the field is shown").rect();
    let pos = egui::pos2(rect.left() + 24.0, rect.top() + 10.0);
    drop(fields);
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.input_mut().events.push(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: egui::Modifiers::default(),
        });
    }
    harness.run();
}

#[test]
fn a_suggestion_replaces_the_misspelt_word_and_undo_brings_it_back() {
    let config = tempfile::tempdir().expect("tempdir");
    let (project, paragraph, _) = brief_with_typo();
    let mut harness = window(project, config.path());
    assert_eq!(
        harness.state().unknown_words_shown(Place::Block(paragraph)),
        ["Strenghten"]
    );
    right_click_first_word(&mut harness, "Paragraph text");
    harness.get_by_label("Strengthen").click();
    harness.run();
    assert_eq!(
        text_of(harness.state().project(), paragraph),
        "Strengthen ties with the region."
    );
    assert!(
        harness
            .state()
            .unknown_words_shown(Place::Block(paragraph))
            .is_empty()
    );
    harness.state_mut().run(briefwright::app::Command::Undo);
    harness.run();
    assert_eq!(
        text_of(harness.state().project(), paragraph),
        "Strenghten ties with the region."
    );
}

#[test]
fn the_excerpt_with_the_same_misspelling_is_not_underlined() {
    let config = tempfile::tempdir().expect("tempdir");
    let (project, _, excerpt) = brief_with_typo();
    let harness = window(project, config.path());
    assert!(
        harness
            .state()
            .unknown_words_shown(Place::Block(excerpt))
            .is_empty()
    );
}

#[test]
fn add_to_dictionary_writes_the_personal_dictionary_and_ignore_is_kept_in_the_brief() {
    let config = tempfile::tempdir().expect("tempdir");
    let (project, paragraph, _) = brief_with_typo();
    let mut harness = window(project, config.path());
    right_click_first_word(&mut harness, "Paragraph text");
    harness.get_by_label("Ignore in this brief").click();
    harness.run();
    assert_eq!(
        harness.state().project().brief.ignored_words,
        ["Strenghten"]
    );
    assert!(
        harness
            .state()
            .unknown_words_shown(Place::Block(paragraph))
            .is_empty()
    );
    harness.state_mut().run(briefwright::app::Command::Undo);
    harness.run();
    assert!(harness.state().project().brief.ignored_words.is_empty());
    right_click_first_word(&mut harness, "Paragraph text");
    harness.get_by_label("Add to dictionary").click();
    harness.run();
    let written = std::fs::read_to_string(config.path().join("personal.txt")).expect("written");
    assert_eq!(written, "Strenghten\n");
    assert!(
        harness
            .state()
            .unknown_words_shown(Place::Block(paragraph))
            .is_empty()
    );
}

#[test]
fn the_brief_language_is_chosen_in_edit_spelling() {
    let config = tempfile::tempdir().expect("tempdir");
    let mut project = empty_brief();
    let paragraph = project
        .push_block(
            1,
            BlockKind::Paragraph {
                text: "We organise the visit.".into(),
            },
        )
        .expect("part exists");
    let mut harness = window(project, config.path());
    assert!(
        harness
            .state()
            .unknown_words_shown(Place::Block(paragraph))
            .is_empty()
    );
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Spelling").hover();
    harness.run();
    harness.get_by_label("English (United States)").click();
    harness.run();
    assert_eq!(harness.state().project().brief.meta.language, "en-US");
    for _ in 0..300 {
        harness.step();
        if harness.state().spelling_is_ready() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    assert_eq!(
        harness.state().unknown_words_shown(Place::Block(paragraph)),
        ["organise"]
    );
}

#[test]
fn a_talking_point_in_the_library_is_checked_and_export_counts_unknown_words() {
    let config = tempfile::tempdir().expect("tempdir");
    let mut project = empty_brief();
    let point = project.add_talking_point(
        "We welcome the memorandum and its reciprocal visits.",
        vec![],
        None,
    );
    let block = project
        .push_block(3, BlockKind::TalkingPoint { point })
        .expect("part exists");
    project
        .apply(briefwright::model::Edit::SetTalkingPoint {
            point,
            text: "We welcome the memorandum and its recprocal visits.".into(),
            tags: vec![],
        })
        .expect("set");
    let mut harness = window(project, config.path());
    assert_eq!(
        harness
            .state()
            .unknown_words_shown(Place::TalkingPoint { block, point }),
        ["recprocal"]
    );
    harness.get_by_label("Talking points").click();
    harness.run();
    assert_eq!(harness.state().unknown_word_count(), 1);
    let pdf = config.path().join("brief.pdf");
    harness
        .state_mut()
        .run(briefwright::app::Command::ExportPdf(pdf.clone()));
    harness.run();
    // The unknown word is listed before the brief goes out.
    match &harness.state().modal() {
        Some(briefwright::app::Modal::ExportWithErrors { checks, .. }) => assert!(
            checks.iter().any(|c| c.contains("1 unknown word")),
            "{checks:?}"
        ),
        other => panic!("the export asks first: {other:?}"),
    }
    harness.get_by_label("Export Anyway").click();
    harness.run();
    assert!(pdf.is_file());
    let said: Vec<String> = harness
        .state()
        .messages()
        .iter()
        .map(|m| m.text.clone())
        .collect();
    assert!(
        said.iter().any(|m| m.contains("1 unknown word;")),
        "{said:?}"
    );
}
