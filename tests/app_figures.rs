//! Pictures in the window, driven through AccessKit as a person would: Insert ▸ Picture…,
//! a bad picture refused by name, the alternative text typed in, and undo.

mod support;

use briefwright::model::BlockKind;
use egui_kittest::kittest::Queryable;
use support::window::{harness_with, menu};

fn figures(harness: &egui_kittest::Harness<'static, briefwright::app::AppState>) -> Vec<String> {
    harness
        .state()
        .project()
        .brief
        .blocks()
        .filter_map(|block| match &block.kind {
            BlockKind::Picture(figure) => Some(figure.alt.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_picture_is_inserted_described_and_undone() {
    let (mut harness, answers) = harness_with(support::window::empty_brief());
    // A bad picture and a good one, chosen together: the good one goes in, the bad one
    // is named.
    answers.borrow_mut().articles.push_back(vec![
        support::fixture("pictures/truncated.jpg"),
        support::fixture("pictures/photo-imagemagick.jpg"),
    ]);
    menu(&mut harness, "Insert", "Picture…");
    harness.run();
    harness.run();
    assert_eq!(figures(&harness), vec![String::new()]);
    let messages: String = harness
        .state()
        .messages()
        .iter()
        .map(|m| m.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        messages.contains("truncated.jpg is a damaged or cut-off JPEG file"),
        "{messages}"
    );
    assert_eq!(harness.state().project().pictures.len(), 1);
    // The editor asks for a description until it has one.
    harness.get_by_label_contains("No alternative text");
    harness.get_by_label("Alternative text").focus();
    harness.run();
    harness
        .get_by_label("Alternative text")
        .type_text("A red square on a blue field");
    harness.run();
    harness.run();
    assert_eq!(
        figures(&harness),
        vec!["A red square on a blue field".to_owned()]
    );
    assert!(
        harness
            .query_by_label_contains("No alternative text")
            .is_none()
    );
    harness.get_by_label("Caption").focus();
    harness.run();
    harness.get_by_label("Caption").type_text("The photo");
    harness.run();
    // The caption is one line under the picture: Enter does not break it.
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Caption").type_text("at dusk");
    harness.run();
    harness.get_by_label("Half width").click();
    harness.run();
    let figure = harness
        .state()
        .project()
        .brief
        .blocks()
        .find_map(|block| match &block.kind {
            BlockKind::Picture(figure) => Some(figure.clone()),
            _ => None,
        })
        .expect("a picture");
    assert_eq!(figure.caption, "The photo at dusk");
    assert_eq!(figure.width, briefwright::model::FigureWidth::Half);
    // The preview shows it: the layout has an image on page 1.
    let laid = briefwright::layout::layout(
        harness.state().project(),
        &briefwright::template::Template::built_in("briefing-note").expect("template"),
        &mut briefwright::fonts::Typesetter::new(),
    );
    assert!(
        laid.pages[0]
            .items
            .iter()
            .any(|p| matches!(p.item, briefwright::layout::Item::Image { .. }))
    );
    // Undo, step by step, takes the picture out again.
    for _ in 0..10 {
        if figures(&harness).is_empty() {
            break;
        }
        menu(&mut harness, "Edit", "Undo");
    }
    assert!(figures(&harness).is_empty(), "undo removes the picture");
}
