//! Find and replace in the window (Ctrl+F, Ctrl+H), with the rule that excerpts are
//! quotations; and Edit ▸ Cut, Copy, Paste and Select All on the focused field.
#![cfg(feature = "gui")]

mod support;

use briefwright::model::{
    BlockId, BlockKind, Project, Section, SectionId, SectionKind, SectionRef, Source,
};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::window::{empty_brief, harness_with, menu};

/// A brief that says "corridor" in the title, two paragraphs and one excerpt.
fn corridor_brief() -> (Project, [BlockId; 3]) {
    let mut project = empty_brief();
    project.brief.meta.title = "Middle Corridor visit".into();
    let source = project.add_source(Source::new(
        "Op-ed",
        vec![Section {
            id: SectionId(0),
            kind: SectionKind::Paragraph,
            text: "Freight on the corridor doubled.".into(),
            figure: None,
        }],
    ));
    let section = project.sources[0].sections[0].id;
    let first = project.push_block(
        1,
        BlockKind::Paragraph {
            text: "The corridor runs through Aktau.".into(),
        },
    );
    let excerpt = project.push_block(
        1,
        BlockKind::Excerpt {
            from: SectionRef { source, section },
            edited: None,
        },
    );
    let second = project.push_block(
        2,
        BlockKind::Paragraph {
            text: "Support the corridor, not a corridors fund.".into(),
        },
    );
    let blocks = [first, excerpt, second].map(|b| b.expect("the part exists"));
    (project, blocks)
}

fn block_text(project: &Project, block: BlockId) -> String {
    briefwright::model::find::place_text(project, briefwright::model::find::Place::Block(block))
        .expect("the block has text")
}

fn excerpt_is_edited(project: &Project, block: BlockId) -> bool {
    project.brief.blocks().any(|b| {
        b.id == block
            && matches!(
                b.kind,
                BlockKind::Excerpt {
                    edited: Some(_),
                    ..
                }
            )
    })
}

fn type_into(harness: &mut Harness<'static, briefwright::app::AppState>, label: &str, text: &str) {
    let field = harness.get_by_label(label);
    field.focus();
    field.type_text(text);
    harness.run();
}

#[test]
fn ctrl_f_counts_matches_and_next_goes_to_each_in_turn() {
    let (project, [first, excerpt, second]) = corridor_brief();
    let (mut harness, _) = harness_with(project);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    type_into(&mut harness, "Find", "corridor");
    // Title, first paragraph, excerpt, second paragraph twice ("corridors" too).
    harness.get_by_label("5 matches");

    harness.get_by_label("Whole word").click();
    harness.run();
    harness.get_by_label("4 matches");

    harness.get_by_label("Next").click();
    harness.run();
    harness.get_by_label("1 of 4");
    assert_eq!(harness.state().selected(), None, "the title block is first");
    // Enter in the Find field goes on to the next match and keeps the keyboard there.
    harness.get_by_label("Find").focus();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("2 of 4");
    assert_eq!(harness.state().selected(), Some(first));
    harness.key_press(Key::F3);
    harness.run();
    assert_eq!(harness.state().selected(), Some(excerpt));
    harness.get_by_label_contains("excerpt (quotation)");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().selected(), Some(second));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run();
    assert_eq!(harness.state().selected(), Some(excerpt));

    harness.get_by_label("Match case").click();
    harness.run();
    harness.get_by_label("3 of 3");

    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().find_bar().is_none(), "Esc closes the bar");
}

#[test]
fn replace_all_leaves_excerpts_as_quoted_unless_asked_and_undoes_in_one_step() {
    let (project, [first, excerpt, second]) = corridor_brief();
    let (mut harness, _) = harness_with(project);
    menu(&mut harness, "Edit", "Find and Replace…");
    type_into(&mut harness, "Find", "corridor");
    harness.get_by_label("Whole word").click();
    type_into(&mut harness, "Replace with", "route");
    harness.get_by_label("Replace All").click();
    harness.run();

    let state = harness.state();
    assert_eq!(state.project().brief.meta.title, "Middle route visit");
    assert_eq!(
        block_text(state.project(), first),
        "The route runs through Aktau."
    );
    assert_eq!(
        block_text(state.project(), second),
        "Support the route, not a corridors fund."
    );
    assert_eq!(
        block_text(state.project(), excerpt),
        "Freight on the corridor doubled.",
        "the quotation keeps its words"
    );
    assert!(!excerpt_is_edited(state.project(), excerpt));
    harness.get_by_label_contains("Replaced 3 matches. 1 match in excerpts left as quoted.");
    harness.get_by_label("1 match");

    harness.get_by_label("Also in excerpts").click();
    harness.run();
    harness.get_by_label("Replace All").click();
    harness.run();
    let state = harness.state();
    assert_eq!(
        block_text(state.project(), excerpt),
        "Freight on the route doubled."
    );
    assert!(excerpt_is_edited(state.project(), excerpt), "marked edited");

    // Each Replace All is one step of undo.
    harness.state_mut().run(briefwright::app::Command::Undo);
    let state = harness.state();
    assert!(!excerpt_is_edited(state.project(), excerpt));
    assert_eq!(
        block_text(state.project(), first),
        "The route runs through Aktau."
    );
    harness.state_mut().run(briefwright::app::Command::Undo);
    assert_eq!(
        harness.state().project().brief.meta.title,
        "Middle Corridor visit"
    );
}

#[test]
fn replace_changes_one_match_and_skips_an_excerpt_with_a_reason() {
    let (project, [first, excerpt, second]) = corridor_brief();
    let (mut harness, _) = harness_with(project);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::H);
    harness.run();
    type_into(&mut harness, "Find", "corridor");
    harness.get_by_label("Whole word").click();
    type_into(&mut harness, "Replace with", "route");
    // First Next goes to the title; step on to the first paragraph.
    harness.get_by_label("Next").click();
    harness.get_by_label("Next").click();
    harness.run();
    harness.get_by_label("Replace").click();
    harness.run();
    let state = harness.state();
    assert_eq!(
        block_text(state.project(), first),
        "The route runs through Aktau."
    );
    assert_eq!(state.project().brief.meta.title, "Middle Corridor visit");
    assert_eq!(state.selected(), Some(excerpt), "went on to the next match");

    harness.get_by_label("Replace").click();
    harness.run();
    let state = harness.state();
    assert_eq!(
        block_text(state.project(), excerpt),
        "Freight on the corridor doubled."
    );
    assert_eq!(state.selected(), Some(second), "skipped past the quotation");
    harness.get_by_label_contains("left as quoted");
}

#[test]
fn edit_menu_copies_cuts_selects_all_and_pastes_in_the_field_that_had_the_keyboard() {
    let (project, [first, ..]) = corridor_brief();
    let (mut harness, _) = harness_with(project);
    let field = harness
        .get_all_by_label("Paragraph text")
        .next()
        .expect("a paragraph");
    field.focus();
    harness.run();

    menu(&mut harness, "Edit", "Select All");
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Copy Ctrl+C").click();
    let copied = copied_text(&mut harness);
    assert_eq!(copied.as_deref(), Some("The corridor runs through Aktau."));

    menu(&mut harness, "Edit", "Select All");
    menu(&mut harness, "Edit", "Cut");
    assert_eq!(block_text(harness.state().project(), first), "");

    // Paste asks the platform for the clipboard, which answers with a paste event into
    // the field that has the keyboard again.
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Paste Ctrl+V").click();
    let asked = (0..4).any(|_| {
        harness.step();
        harness
            .output()
            .viewport_output
            .values()
            .any(|v| v.commands.contains(&egui::ViewportCommand::RequestPaste))
    });
    assert!(asked, "Paste asks the platform for the clipboard");
    harness.event(egui::Event::Paste("Pasted words".into()));
    harness.run();
    assert_eq!(block_text(harness.state().project(), first), "Pasted words");
}

/// Runs frames until one puts text on the clipboard, and returns that text.
fn copied_text(harness: &mut Harness<'static, briefwright::app::AppState>) -> Option<String> {
    for _ in 0..4 {
        harness.step();
        let copied = harness
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|c| match c {
                egui::OutputCommand::CopyText(text) => Some(text.clone()),
                _ => None,
            });
        if copied.is_some() {
            return copied;
        }
    }
    None
}

#[test]
fn find_reaches_a_pictures_caption_and_alternative_text_and_replace_all_changes_them() {
    let mut project = empty_brief();
    let words = [
        "Freight on the corridor by month",
        "The corridor's freight, 2025",
        "Chart: Trade desk",
    ];
    let block = support::add_chart(&mut project, 1, 0, words);
    let (mut harness, _) = harness_with(project);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    type_into(&mut harness, "Find", "corridor");
    harness.get_by_label("2 matches");
    harness.get_by_label("Next").click();
    harness.run();
    harness.get_by_label_contains("picture alternative text");
    assert_eq!(harness.state().selected(), Some(block));
    harness.get_by_label("Next").click();
    harness.run();
    harness.get_by_label_contains("picture caption");

    menu(&mut harness, "Edit", "Find and Replace…");
    type_into(&mut harness, "Replace with", "route");
    harness.get_by_label("Replace All").click();
    harness.run();
    let figure = |harness: &Harness<'static, briefwright::app::AppState>| {
        harness
            .state()
            .project()
            .brief
            .blocks()
            .find_map(|b| match &b.kind {
                BlockKind::Picture(figure) => Some(figure.clone()),
                _ => None,
            })
            .expect("the picture is still there")
    };
    assert_eq!(figure(&harness).alt, "Freight on the route by month");
    assert_eq!(figure(&harness).caption, "The route's freight, 2025");
    harness.get_by_label_contains("Replaced 2 matches");
    // One step of undo puts both back.
    harness.state_mut().run(briefwright::app::Command::Undo);
    assert_eq!(figure(&harness).alt, "Freight on the corridor by month");
    assert_eq!(figure(&harness).caption, "The corridor's freight, 2025");
}
