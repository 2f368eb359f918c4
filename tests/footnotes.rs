//! Footnotes: written `[^label]` with the note on its own line in the same block, numbered
//! through the brief, printed at the foot of the page where they are referenced, and
//! never overlapping the text.

mod support;

use briefwright::fonts::Typesetter;
use briefwright::layout::{Item, Laid, Layouter, layout};
use briefwright::model::{BlockId, BlockKind, Edit, Project};
use briefwright::template::Template;
use support::paragraphs;

fn note() -> Template {
    Template::built_in("briefing-note").expect("template")
}

/// (page, y, text) of every run, in page order.
fn runs(laid: &Laid) -> Vec<(usize, f32, String)> {
    let mut runs = Vec::new();
    for (index, page) in laid.pages.iter().enumerate() {
        for p in &page.items {
            if let Item::Text(run) = &p.item {
                let text: String = run.glyphs.iter().map(|g| run.glyph_text(g)).collect();
                runs.push((index, p.at.y.0, text));
            }
        }
    }
    runs
}

fn with_note(project: &mut Project, block: BlockId, label: &str, note: &str) {
    let text = project
        .brief
        .blocks()
        .find_map(|b| match &b.kind {
            BlockKind::Paragraph { text } if b.id == block => Some(text.clone()),
            _ => None,
        })
        .expect("paragraph");
    project
        .apply(Edit::SetBlockText {
            block,
            text: format!("{text}[^{label}]\n[^{label}]: {note}"),
        })
        .expect("edited");
}

#[test]
fn a_note_prints_once_at_the_foot_of_the_page_of_its_reference() {
    let mut project = briefwright::sample::long_project(40);
    let blocks = paragraphs(&project);
    let late = blocks[blocks.len() - 3];
    with_note(&mut project, blocks[1], "a", "Figures from the ministry.");
    with_note(&mut project, late, "b", "Reported by the embassy.");
    let laid = layout(&project, &note(), &mut Typesetter::new());
    let runs = runs(&laid);
    let text: String = runs.iter().map(|(_, _, t)| t.as_str()).collect();
    assert!(!text.contains("[^"), "no raw markup prints");
    let note_a = runs
        .iter()
        .find(|(_, _, t)| t.contains("Figures from the ministry."))
        .expect("note a prints");
    let mark_a = runs
        .iter()
        .find(|(_, _, t)| t.ends_with('¹') || t.contains("¹ "))
        .expect("mark a prints");
    assert_eq!(note_a.0, mark_a.0, "note 1 is on the page of its reference");
    let note_b = runs
        .iter()
        .find(|(_, _, t)| t.contains("Reported by the embassy."))
        .expect("note b prints");
    assert!(note_b.0 > note_a.0, "the later note is on a later page");
    assert_eq!(text.matches("Figures from the ministry.").count(), 1);
    // Notes sit below every line of text on their page (the footer aside).
    let footer_top = Template::built_in("briefing-note")
        .map(|t| (t.page.height_mm - t.page.margin_bottom_mm) * 72.0 / 25.4)
        .expect("template");
    for (page, y, t) in &runs {
        if *page == note_a.0 && *y < footer_top && !t.contains("Figures from the ministry.") {
            assert!(
                *y < note_a.1,
                "{t:?} at {y} is below the note at {}",
                note_a.1
            );
        }
    }
    assert!(note_a.1 < footer_top, "inside the text area");
}

#[test]
fn a_cached_relayout_with_notes_equals_a_fresh_one() {
    let template = note();
    let mut project = briefwright::sample::long_project(40);
    let blocks = paragraphs(&project);
    let mut warm = Layouter::new();
    warm.layout(&project, &template);
    with_note(&mut project, blocks[2], "x", "A first note.");
    assert_eq!(
        warm.layout(&project, &template),
        layout(&project, &template, &mut Typesetter::new())
    );
    // A note earlier in the brief renumbers the later one.
    with_note(&mut project, blocks[0], "y", "An earlier note.");
    let cached = warm.layout(&project, &template);
    assert_eq!(cached, layout(&project, &template, &mut Typesetter::new()));
    let text: String = runs(&cached).into_iter().map(|(_, _, t)| t).collect();
    assert!(text.contains("¹\u{a0}An earlier note."), "{text}");
    assert!(text.contains("²\u{a0}A first note."), "{text}");
}
