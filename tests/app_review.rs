//! Review in the window, driven through AccessKit as an officer would: a comment with a
//! reply, resolved; typing in suggest mode, then accepting and rejecting; saving a version
//! and comparing the brief with it.

use briefwright::app::{AppState, Settings};
use briefwright::model::{BlockKind, Project, TextTarget};
use egui_kittest::kittest::Queryable;

mod support;
use support::window::{empty_brief, harness_with_settings, menu};

fn reviewed_brief() -> Project {
    let mut project = empty_brief();
    project
        .push_block(
            1,
            BlockKind::Paragraph {
                text: "Trade fell sharply in 2025.".into(),
            },
        )
        .expect("part 1");
    project
}

fn settings() -> Settings {
    Settings {
        author_name: "Test Director".into(),
        ..Settings::default()
    }
}

fn paragraph_text(state: &AppState) -> String {
    state
        .project()
        .brief
        .blocks()
        .find_map(|b| match &b.kind {
            BlockKind::Paragraph { text } => Some(text.clone()),
            _ => None,
        })
        .expect("the paragraph")
}

#[test]
fn a_comment_is_written_replied_to_and_resolved() {
    let (mut harness, _) = harness_with_settings(reviewed_brief(), settings());
    harness.get_by_label("Paragraph text").focus();
    harness.run();
    menu(&mut harness, "Review", "New Comment");
    harness.run();
    let field = harness.get_by_label("Comment text");
    field.focus();
    field.type_text("Is this the right figure?");
    harness.run();
    harness.get_by_label("Comment").click();
    harness.run();
    let comments = &harness.state().project().review.comments;
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].author, "Test Director");
    assert_eq!(comments[0].text, "Is this the right figure?");
    assert!(matches!(comments[0].target, TextTarget::Block(_)));
    assert_eq!(harness.state().project().open_comments(), 1);
    assert!(
        harness
            .get_all_by_label_contains("1 open comment")
            .next()
            .is_some(),
        "the status bar and the pane count it"
    );

    let reply = harness.get_by_label("Reply to comment");
    reply.focus();
    reply.type_text("Yes, from the ministry's figures.");
    harness.run();
    harness.get_by_label("Reply").click();
    harness.run();
    harness.get_by_label("Resolve").click();
    harness.run();
    let comment = &harness.state().project().review.comments[0];
    assert_eq!(comment.replies.len(), 1);
    assert_eq!(comment.replies[0].text, "Yes, from the ministry's figures.");
    assert!(comment.resolved);
    assert_eq!(harness.state().project().open_comments(), 0);
    // Resolving is one undo step.
    menu(&mut harness, "Edit", "Undo");
    assert!(!harness.state().project().review.comments[0].resolved);
}

#[test]
fn typing_in_suggest_mode_suggests_and_accept_or_reject_answers() {
    let (mut harness, _) = harness_with_settings(reviewed_brief(), settings());
    menu(&mut harness, "Review", "Suggest Edits");
    assert!(harness.state().is_suggesting());
    harness.get_by_label_contains("Suggesting");
    let field = harness.get_by_label("Paragraph text");
    field.focus();
    field.type_text(" Exports recovered.");
    harness.run();
    harness.run();
    // The brief's text is unchanged; the words are a suggestion by the reviewer.
    assert_eq!(
        paragraph_text(harness.state()),
        "Trade fell sharply in 2025."
    );
    let suggestions = &harness.state().project().review.suggestions;
    assert_eq!(suggestions.len(), 1, "{suggestions:?}");
    assert_eq!(suggestions[0].author, "Test Director");
    // The markup under the field says what it would do.
    harness.get_by_label_contains("Insert \u{201c}Exports recovered.\u{201d}");

    // Accept it, undo, then reject it.
    harness
        .get_all_by_label("Accept")
        .next()
        .expect("an Accept button")
        .click();
    harness.run();
    assert_eq!(
        paragraph_text(harness.state()),
        "Trade fell sharply in 2025. Exports recovered."
    );
    assert_eq!(harness.state().project().open_suggestions(), 0);
    menu(&mut harness, "Edit", "Undo");
    assert_eq!(
        paragraph_text(harness.state()),
        "Trade fell sharply in 2025."
    );
    assert_eq!(harness.state().project().open_suggestions(), 1);
    harness
        .get_all_by_label("Reject")
        .next()
        .expect("a Reject button")
        .click();
    harness.run();
    assert_eq!(
        paragraph_text(harness.state()),
        "Trade fell sharply in 2025."
    );
    assert_eq!(harness.state().project().open_suggestions(), 0);
}

#[test]
fn a_saved_version_is_compared_with_the_brief_in_the_preview() {
    let (mut harness, _) = harness_with_settings(reviewed_brief(), settings());
    harness.get_by_label_contains("Reviewing").click();
    harness.run();
    let label = harness.get_by_label("Version label");
    label.focus();
    label.type_text("To Director");
    harness.run();
    harness.get_by_label("Save version").click();
    harness.run();
    let versions = &harness.state().project().review.versions;
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].label, "To Director");
    assert!(
        harness.state().is_dirty(),
        "a version is saved with the brief"
    );

    let field = harness.get_by_label("Paragraph text");
    field.focus();
    field.type_text(" Exports recovered.");
    harness.run();
    harness.get_by_label("Compare with now").click();
    harness.run();
    harness.run();
    let laid = harness.state().laid().expect("laid out");
    let text: String = laid
        .pages
        .iter()
        .flat_map(|page| &page.items)
        .filter_map(|p| match &p.item {
            briefwright::layout::Item::Text(run) => Some(
                run.glyphs
                    .iter()
                    .map(|g| run.glyph_text(g))
                    .collect::<String>(),
            ),
            _ => None,
        })
        .collect();
    assert!(text.contains("Redline."), "{text}");
    assert!(text.contains("Exports"), "{text}");
    harness.get_by_label("Back to the brief").click();
    harness.run();
    // Restoring the version is an ordinary edit, undone by Undo.
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(
        paragraph_text(harness.state()),
        "Trade fell sharply in 2025."
    );
    menu(&mut harness, "Edit", "Undo");
    assert_eq!(
        paragraph_text(harness.state()),
        "Trade fell sharply in 2025. Exports recovered."
    );
}

#[test]
fn signing_off_shows_cleared_and_a_later_edit_is_called_out() {
    let project = briefwright::sample_kinds::sample_for("decision-brief").expect("sample");
    let rows = project.brief.meta.clearance.len();
    let (mut harness, _) = harness_with_settings(project, settings());
    harness.get_by_label_contains("Reviewing").click();
    harness.run();
    for _ in 0..rows {
        harness
            .get_all_by_label("Sign off as cleared")
            .next()
            .expect("a row to sign off")
            .click();
        harness.run();
    }
    assert!(
        harness.state().window_title().contains("(Cleared)"),
        "{}",
        harness.state().window_title()
    );
    assert_eq!(harness.state().project().review.versions.len(), rows);
    let field = harness
        .get_all_by_label("Paragraph text")
        .next()
        .expect("a paragraph");
    field.focus();
    field.type_text(" One more point.");
    harness.run();
    assert!(harness.state().window_title().contains("(In clearance)"));
    let told = harness
        .state()
        .messages()
        .iter()
        .find(|m| m.text.contains("has changed since"))
        .expect("the message bar says so");
    assert_eq!(told.blocks.len(), 1, "with Go to the changed block");
    assert!(
        harness
            .get_all_by_label("changed since cleared")
            .next()
            .is_some()
    );
}

#[test]
fn two_saved_versions_are_compared_with_each_other() {
    let (mut harness, _) = harness_with_settings(reviewed_brief(), settings());
    harness.get_by_label_contains("Reviewing").click();
    harness.run();
    harness.get_by_label("Save version").click();
    harness.run();
    let field = harness.get_by_label("Paragraph text");
    field.focus();
    field.type_text(" Exports recovered.");
    harness.run();
    harness.get_by_label("Save version").click();
    harness.run();
    assert_eq!(harness.state().project().review.versions.len(), 2);
    harness.get_by_label("Compare with previous").click();
    harness.run();
    harness.run();
    harness.get_by_label_contains("changes between two versions");
    let laid = harness.state().laid().expect("laid out");
    let words: String = laid
        .pages
        .iter()
        .flat_map(|page| &page.items)
        .filter_map(|p| match &p.item {
            briefwright::layout::Item::Text(run) => Some(
                run.glyphs
                    .iter()
                    .map(|g| run.glyph_text(g))
                    .collect::<String>(),
            ),
            _ => None,
        })
        .collect();
    assert!(words.contains("version “Version 1”"), "{words}");
}
