//! The window from the keyboard and for screen readers: reordering blocks with Alt+Up and
//! Alt+Down, going to the block a warning names, and a name on every control.
#![cfg(feature = "gui")]

mod support;

use briefwright::app::{AppState, Command, Theme};
use briefwright::model::{BlockKind, Edit};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use support::window::harness_with;

fn background(state: &AppState) -> Vec<briefwright::model::BlockId> {
    state.project().brief.parts[1]
        .blocks
        .iter()
        .map(|b| b.id)
        .collect()
}

#[test]
fn alt_down_and_alt_up_move_the_block_being_edited() {
    let (mut harness, _) = harness_with(briefwright::sample::project());
    let before = background(harness.state());
    let first = harness
        .get_all_by_label("Paragraph text")
        .next()
        .expect("a paragraph in Background");
    first.focus();
    harness.run();
    assert_eq!(harness.state().selected(), Some(before[0]));
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    harness.run();
    let after = background(harness.state());
    assert_eq!((after[0], after[1]), (before[1], before[0]));
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowUp);
    harness.run();
    assert_eq!(background(harness.state()), before);
}

#[test]
fn a_warning_about_a_block_goes_to_that_block() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut project = briefwright::sample::project();
    let excerpt = project
        .brief
        .blocks()
        .find(|b| matches!(b.kind, BlockKind::Excerpt { .. }))
        .map(|b| b.id)
        .expect("an excerpt");
    // A source removed under an excerpt leaves a block that cannot print.
    let source = match project
        .brief
        .blocks()
        .find(|b| b.id == excerpt)
        .map(|b| &b.kind)
    {
        Some(BlockKind::Excerpt { from, .. }) => from.source,
        _ => unreachable!("found above"),
    };
    project.apply(Edit::RemoveSource(source)).expect("removed");
    let broken: Vec<_> = project
        .brief
        .blocks()
        .filter(|b| matches!(&b.kind, BlockKind::Excerpt { from, .. } if from.source == source))
        .map(|b| b.id)
        .collect();
    assert!(broken.contains(&excerpt));
    let (mut harness, _) = harness_with(project);
    harness
        .state_mut()
        .run(Command::ExportPdf(dir.path().join("out.pdf")));
    harness.run();
    // The brief has errors: the export asks first, and the messages are already shown.
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().selected().is_none());
    harness
        .get_all_by_label("Go to")
        .next()
        .expect("a Go to button")
        .click();
    harness.run();
    let selected = harness.state().selected().expect("a block is selected");
    assert!(
        broken.contains(&selected),
        "{selected:?} is not one of {broken:?}"
    );
}

/// The interactive controls without an accessible name, and how many were checked.
fn unnamed_controls(harness: &egui_kittest::Harness<'static, AppState>) -> (Vec<String>, usize) {
    let mut unnamed = Vec::new();
    let mut checked = 0;
    for node in harness.root().children_recursive() {
        let accesskit = node.accesskit_node();
        let role = accesskit.role();
        let interactive = matches!(
            role,
            Role::Button
                | Role::TextInput
                | Role::MultilineTextInput
                | Role::CheckBox
                | Role::ComboBox
                | Role::RadioButton
                | Role::Slider
                | Role::SpinButton
                | Role::Link
                | Role::MenuItem
        );
        if interactive {
            checked += 1;
            let named = accesskit
                .label()
                .is_some_and(|label| !label.trim().is_empty());
            if !named {
                unnamed.push(format!("{role:?} at {:?}", accesskit.bounding_box()));
            }
        }
    }
    (unnamed, checked)
}

#[test]
fn every_interactive_control_of_the_main_window_has_a_name() {
    let (harness, _) = harness_with(briefwright::sample::project());
    let (unnamed, checked) = unnamed_controls(&harness);
    assert!(checked > 50, "only {checked} controls found");
    assert!(unnamed.is_empty(), "controls without a name: {unnamed:#?}");
}

#[test]
fn every_control_of_the_find_and_replace_bar_has_a_name() {
    let (mut harness, _) = harness_with(briefwright::sample::project());
    harness.state_mut().run(Command::Find { replace: true });
    harness.run();
    harness.get_by_label("Find").focus();
    harness.get_by_label("Find").type_text("Caspian");
    harness.run();
    for control in [
        "Replace with",
        "Previous",
        "Next",
        "Match case",
        "Whole word",
        "Replace All",
        "Also in excerpts",
        "Close",
    ] {
        harness.get_by_label(control);
    }
    let (unnamed, _) = unnamed_controls(&harness);
    assert!(unnamed.is_empty(), "controls without a name: {unnamed:#?}");
}

#[test]
fn interface_zoom_and_theme_are_apart_from_the_preview_zoom() {
    let (mut harness, _) = harness_with(briefwright::sample::project());
    let preview_zoom = harness.state().settings().zoom;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Equals);
    harness.run();
    harness.run();
    assert!(harness.state().settings().interface_zoom > 1.05);
    assert!((harness.ctx.zoom_factor() - harness.state().settings().interface_zoom).abs() < 1e-3);
    assert_eq!(
        harness.state().settings().zoom,
        preview_zoom,
        "the preview keeps its zoom"
    );
    harness.state_mut().run(Command::SetTheme(Theme::Light));
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    harness.state_mut().run(Command::SetTheme(Theme::Dark));
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
}

/// The name of the control that has the keyboard.
fn focused_name(harness: &egui_kittest::Harness<'static, AppState>) -> String {
    harness
        .query_by(|node| node.is_focused())
        .and_then(|node| node.accesskit_node().label())
        .unwrap_or_else(|| "(nothing)".to_owned())
}

#[test]
fn tab_walks_the_title_block_then_each_block_in_reading_order() {
    let (mut harness, _) = harness_with(briefwright::sample::project());
    harness.get_by_label("Title").focus();
    harness.run();
    let mut order = vec![focused_name(&harness)];
    for _ in 0..26 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        order.push(focused_name(&harness));
    }
    assert_eq!(
        order[..16],
        [
            "Title",
            "To",
            "For",
            "Add addressee",
            "Through",
            "Copies to",
            "From",
            "Date",
            "Reference",
            "Classification",
            "Scheme",
            "CABINET",
            "Legal privilege",
            "Legislative secrecy",
            "Personal privacy",
            "Purpose"
        ],
        "the title block in form order: {order:?}"
    );
    // The first block's controls come in the order they are read, then its text.
    let block_start = order
        .iter()
        .position(|name| name == "Move up")
        .unwrap_or_else(|| panic!("no block controls in {order:?}"));
    assert_eq!(
        order[block_start..block_start + 3],
        ["Move up", "Move down", "Delete"],
        "{order:?}"
    );
    assert!(
        order[block_start + 3..]
            .iter()
            .any(|name| name.ends_with(" text")),
        "the block's text follows its buttons: {order:?}"
    );
    // Shift+Tab goes back the same way.
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    harness.run();
    assert_eq!(focused_name(&harness), order[order.len() - 2]);
}

#[test]
fn panes_get_their_width_back_when_a_narrow_window_grows_again() {
    let (mut harness, _) = harness_with(briefwright::sample::project());
    let page_width = |harness: &egui_kittest::Harness<'static, AppState>| {
        harness.get_by_label_contains("Page 1 of").rect().width()
    };
    let chosen = harness.state().settings().preview_width;
    let wide = page_width(&harness);
    harness.set_size(egui::vec2(1024.0, 768.0));
    harness.run();
    let narrow = page_width(&harness);
    assert!(
        narrow < wide - 50.0,
        "the narrow window squeezes the preview: {narrow} vs {wide}"
    );
    harness.set_size(egui::vec2(1600.0, 1000.0));
    harness.run();
    harness.run();
    assert!(
        (page_width(&harness) - wide).abs() < 1.0,
        "the preview is back to {wide}, not {}",
        page_width(&harness)
    );
    assert_eq!(
        harness.state().settings().preview_width,
        chosen,
        "the choice was kept"
    );
}

#[test]
fn a_pane_can_still_be_resized_and_keeps_the_new_width() {
    let (mut harness, _) = harness_with(briefwright::sample::project());
    let chosen = harness.state().settings().preview_width;
    // The preview's splitter is the right-most one.
    let splitters: Vec<_> = harness.get_all_by_role(Role::Splitter).collect();
    let preview_splitter = splitters
        .iter()
        .max_by(|a, b| a.rect().center().x.total_cmp(&b.rect().center().x))
        .expect("the panes have splitters");
    for _ in 0..3 {
        preview_splitter.decrement_accesskit();
    }
    harness.run();
    harness.run();
    let resized = harness.state().settings().preview_width;
    assert!(resized < chosen - 10.0, "{chosen} became {resized}");
    harness.run();
    assert_eq!(
        harness.state().settings().preview_width,
        resized,
        "the new width stays"
    );
}

#[test]
fn a_new_block_takes_the_cursor() {
    let (mut harness, _) = support::window::harness(support::window::empty_brief());
    harness.run();
    support::window::add_first_paragraph(&mut harness);
    let added = harness
        .state()
        .selected()
        .expect("the new paragraph is selected");
    let focused = harness
        .root()
        .children_recursive()
        .find(|node| node.accesskit_node().is_focused())
        .map(|node| node.accesskit_node().label().unwrap_or_default());
    assert_eq!(focused.as_deref(), Some("Paragraph text"), "{added:?}");
    // Typing goes into it.
    harness
        .get_by_label("Paragraph text")
        .type_text("Water first.");
    harness.run();
    let text = harness
        .state()
        .project()
        .brief
        .blocks()
        .find(|b| b.id == added)
        .and_then(|b| match &b.kind {
            briefwright::model::BlockKind::Paragraph { text } => Some(text.clone()),
            _ => None,
        });
    assert_eq!(text.as_deref(), Some("Water first."));
}

/// The label of the control holding the keyboard.
fn focused_label(harness: &egui_kittest::Harness<'static, AppState>) -> Option<String> {
    harness
        .root()
        .children_recursive()
        .find(|node| node.accesskit_node().is_focused())
        .map(|node| node.accesskit_node().label().unwrap_or_default())
}

#[test]
fn an_opened_brief_starts_in_its_title_and_f6_cycles_the_panes() {
    let (mut harness, _) = support::window::harness(briefwright::sample::project());
    harness.run();
    harness.run();
    assert_eq!(focused_label(&harness).as_deref(), Some("Title"));
    // F6: the preview's first control, then round to the sources' Filter, then back.
    harness.key_press(Key::F6);
    harness.run();
    harness.run();
    assert_eq!(focused_label(&harness).as_deref(), Some("Zoom out"));
    harness.key_press(Key::F6);
    harness.run();
    harness.run();
    assert_eq!(focused_label(&harness).as_deref(), Some("Filter"));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F6);
    harness.run();
    harness.run();
    assert_eq!(focused_label(&harness).as_deref(), Some("Zoom out"));
    harness.key_press(Key::F6);
    harness.run();
    harness.key_press(Key::F6);
    harness.run();
    harness.run();
    assert_eq!(focused_label(&harness).as_deref(), Some("Title"));
}

/// Presses Tab until the control whose label starts with `label` has the keyboard; the
/// presses it took.
fn tab_to(harness: &mut egui_kittest::Harness<'static, AppState>, label: &str) -> usize {
    for presses in 1..=80 {
        harness.key_press(Key::Tab);
        harness.run();
        if focused_label(harness).is_some_and(|focused| focused.starts_with(label)) {
            return presses;
        }
    }
    panic!(
        "Tab never reached {label:?}; the keyboard is at {:?}",
        focused_label(harness)
    );
}

/// Types `text` into the field that has the keyboard; the keys it took.
fn type_here(harness: &mut egui_kittest::Harness<'static, AppState>, text: &str) -> usize {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
    text.chars().count()
}

#[test]
fn a_decision_brief_is_made_from_an_article_by_keyboard_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let template = briefwright::template::Template::built_in("decision-brief").expect("kind");
    let project = briefwright::model::Project::new("decision-brief", &template.part_titles());
    let (mut harness, answers) = support::window::harness(project);
    harness.run();
    harness.run();
    let mut keys = 0;
    let mut typed = 0;

    // Ctrl+I: the article (the dialog is answered by the test).
    answers
        .borrow_mut()
        .articles
        .push_back(vec![support::window::article()]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::I);
    harness.run();
    harness.run();
    keys += 1;
    assert_eq!(harness.state().project().sources.len(), 1);

    // The brief starts in its Title.
    assert_eq!(focused_label(&harness).as_deref(), Some("Title"));
    typed += type_here(&mut harness, "Flood cooperation with Kazakhstan");
    keys += tab_to(&mut harness, "To");
    typed += type_here(&mut harness, "Minister for Foreign Affairs");
    keys += tab_to(&mut harness, "From");
    typed += type_here(&mut harness, "Director, Central Asia");
    keys += tab_to(&mut harness, "Date");
    typed += type_here(&mut harness, "9 March 2026");
    keys += tab_to(&mut harness, "Purpose");
    typed += type_here(&mut harness, "To seek your agreement to a working group.");

    // A recommendation: Tab to its part's button, Enter, and type into the new block.
    let add = tab_to(&mut harness, "Add recommendation");
    keys += add;
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    keys += 1;
    assert_eq!(
        focused_label(&harness).as_deref(),
        Some("Recommendation text")
    );
    typed += type_here(&mut harness, "That you agree to propose a working group.");

    // A paragraph of the article: F6 to the sources, Tab to the article, open it, add.
    harness.key_press(Key::F6);
    harness.run();
    harness.run();
    keys += 1;
    keys += tab_to(&mut harness, "Rivers Without Borders");
    harness.key_press(Key::Enter);
    harness.run();
    keys += 1;
    keys += tab_to(&mut harness, "Add to brief");
    harness.key_press(Key::Enter);
    harness.run();
    keys += 1;

    // Export, answering the dialog; Export Anyway if the export lists anything to settle.
    let pdf = dir.path().join("decision.pdf");
    answers.borrow_mut().pdfs.push_back(pdf.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.run();
    keys += 1;
    if harness.state().modal().is_some() {
        keys += tab_to(&mut harness, "Export Anyway");
        harness.key_press(Key::Enter);
        harness.run();
        keys += 1;
    }
    assert!(pdf.is_file(), "exported: {:?}", harness.state().messages());
    let project = &harness.state().project();
    assert_eq!(
        project.brief.meta.title,
        "Flood cooperation with Kazakhstan"
    );
    assert_eq!(project.brief.meta.date, "9 March 2026");
    let kinds: Vec<&str> = project.brief.blocks().map(|b| b.kind.label()).collect();
    assert!(kinds.contains(&"Recommendation"), "{kinds:?}");
    assert!(kinds.contains(&"Excerpt"), "{kinds:?}");
    eprintln!("keyboard alone: {keys} keys besides {typed} typed characters");
    assert!(keys < 120, "{keys} keys");
}
