//! The kinds of brief through the window: switch a brief to a decision brief, add a
//! recommendation and choose its responses, add a clearance row, switch kind again and
//! undo the switch.
#![cfg(feature = "gui")]

mod support;

use briefwright::app::AppState;
use briefwright::model::{BlockKind, Responses};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use support::window::{empty_brief, harness_with};

fn recommendations(harness: &Harness<'static, AppState>) -> Vec<(String, Responses)> {
    harness
        .state()
        .project()
        .brief
        .blocks()
        .filter_map(|b| match &b.kind {
            BlockKind::Recommendation { text, responses } => Some((text.clone(), *responses)),
            _ => None,
        })
        .collect()
}

fn switch_kind(harness: &mut Harness<'static, AppState>, kind: &str) {
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Template").click();
    harness.run();
    harness.get_by_label(kind).click();
    harness.run();
}

#[test]
fn a_decision_brief_is_built_and_switched_through_the_window() {
    let (mut harness, _) = harness_with(empty_brief());
    switch_kind(&mut harness, "Decision brief");
    assert_eq!(harness.state().project().brief.template, "decision-brief");
    let keys: Vec<String> = harness
        .state()
        .project()
        .brief
        .parts
        .iter()
        .map(|p| p.key.clone())
        .collect();
    let recommendation_part = keys
        .iter()
        .position(|k| k == "recommendation")
        .expect("part");

    // Each part has its own "Add recommendation" button, in part order.
    harness
        .get_all_by_label("Add recommendation")
        .nth(recommendation_part)
        .expect("the Recommendations part's button")
        .click();
    harness.run();
    let field = harness.get_by_label("Recommendation text");
    field.focus();
    field.type_text("That you agree to propose a flood working group.");
    harness.run();
    assert_eq!(
        recommendations(&harness),
        [(
            "That you agree to propose a flood working group.".to_owned(),
            Responses::AgreedNotAgreed
        )]
    );

    harness.get_by_label("Responses").click();
    harness.run();
    harness.get_by_label("Noted / Please discuss").click();
    harness.run();
    assert_eq!(
        recommendations(&harness)[0].1,
        Responses::NotedPleaseDiscuss
    );

    // The clearance rows are at the foot of the editor: scroll down to them.
    // A second addressee, for information. The new recommendation took the cursor and
    // scrolled the editor to it: scroll back up to the title block.
    harness.get_by_label("Add addressee").scroll_to_me();
    harness.run();
    harness.get_by_label("Add addressee").click();
    harness.run();
    let addressee = harness.get_by_label("Addressee 2");
    addressee.focus();
    addressee.type_text("Minister for Trade");
    harness.run();
    harness.get_by_label("Addressee 2 for").click();
    harness.run();
    harness.get_by_label("For information").click();
    harness.run();
    let also = &harness.state().project().brief.meta.also_to;
    assert_eq!(also.len(), 1);
    assert_eq!(
        (also[0].name.as_str(), also[0].action.as_str()),
        ("Minister for Trade", "For information")
    );

    harness.get_by_label("Add clearance row").scroll_to_me();
    harness.run();
    harness.get_by_label("Add clearance row").click();
    harness.run();
    assert_eq!(
        harness.state().project().brief.meta.clearance.len(),
        1,
        "a row is added"
    );
    let name = harness.get_by_label("Clearance 1 Name");
    name.focus();
    name.type_text("Farid Hassan");
    harness.run();
    let clearance = &harness.state().project().brief.meta.clearance;
    assert_eq!(clearance.len(), 1);
    assert_eq!(clearance[0].name, "Farid Hassan");

    // The preview shows the response boxes.
    let laid = harness.state().laid().expect("laid out");
    let printed: String = laid
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match &i.item {
            briefwright::layout::Item::Text(run) => Some(
                run.glyphs
                    .iter()
                    .map(|g| run.glyph_text(g))
                    .collect::<String>(),
            ),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        printed.contains("\u{2610}")
            && printed.contains("Noted")
            && printed.contains("Please discuss"),
        "{printed}"
    );
    assert!(printed.contains("Farid Hassan"), "{printed}");
    assert!(
        printed.contains("Minister for Trade — For information"),
        "{printed}"
    );

    // A visit brief has no place for recommendations: their part stays, shown as not
    // printed, and a message says so.
    switch_kind(&mut harness, "Visit brief");
    assert_eq!(harness.state().project().brief.template, "visit-brief");
    let kept = harness
        .state()
        .project()
        .brief
        .parts
        .iter()
        .find(|p| p.key == "recommendation")
        .expect("the Recommendations part is kept");
    assert_eq!(kept.blocks.len(), 1);
    harness.get_by_label_contains("Not printed by this kind of brief");
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .any(|m| m.text.contains("has no place for Recommendation")),
        "{:?}",
        harness.state().messages()
    );
    assert_eq!(recommendations(&harness).len(), 1, "nothing is lost");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().project().brief.template,
        "decision-brief",
        "undo switches back"
    );
    let keys_after: Vec<String> = harness
        .state()
        .project()
        .brief
        .parts
        .iter()
        .map(|p| p.key.clone())
        .collect();
    assert_eq!(keys_after, keys, "the parts are as they were");
    assert_eq!(
        recommendations(&harness)[0].1,
        Responses::NotedPleaseDiscuss
    );
}

#[test]
fn a_table_is_edited_as_a_grid_of_cells() {
    let (mut harness, _) = harness_with(empty_brief());
    harness
        .get_all_by_label("Add table")
        .next()
        .expect("a part's button")
        .click();
    harness.run();
    let cells = |harness: &Harness<'static, AppState>| -> Vec<Vec<String>> {
        harness
            .state()
            .project()
            .brief
            .blocks()
            .find_map(|b| match &b.kind {
                BlockKind::Table { rows } => Some(rows.clone()),
                _ => None,
            })
            .expect("a table")
    };
    assert_eq!(cells(&harness)[0], ["Time", "Event", "Place"]);
    let cell = harness.get_by_label("Row 1 cell 2");
    cell.focus();
    cell.type_text("Talks with the President ");
    harness.run();
    assert_eq!(
        cells(&harness)[1][1],
        "Talks with the President ",
        "spaces are kept as typed"
    );

    harness.get_by_label("Add row").click();
    harness.run();
    let cell = harness.get_by_label("Row 2 cell 1");
    cell.focus();
    cell.type_text("09:00");
    harness.run();
    assert_eq!(cells(&harness).len(), 3);
    harness
        .get_all_by_label("\u{2191}")
        .next()
        .expect("an up button")
        .click();
    harness.run();
    assert_eq!(cells(&harness)[1][0], "09:00", "the second row moved up");
    harness
        .get_all_by_label("Delete row")
        .nth(1)
        .expect("the second row's button")
        .click();
    harness.run();
    assert_eq!(cells(&harness).len(), 2);
    harness.get_by_label("Add column").click();
    harness.run();
    assert!(cells(&harness).iter().all(|row| row.len() == 4));
}

#[test]
fn an_empty_critical_date_shows_what_will_print() {
    let project = briefwright::sample_kinds::sample_for("decision-brief").expect("a sample");
    let mut project = project;
    project.brief.meta.critical_date.clear();
    let (mut harness, _) = harness_with(project);
    harness.run();
    let field = harness
        .get_all_by_label("Critical date")
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .expect("the Critical date field");
    assert_eq!(
        field.accesskit_node().placeholder(),
        Some(briefwright::layout::NO_CRITICAL_DATE)
    );
}
