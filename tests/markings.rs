//! Markings on the page: each scheme's placement, the raised marking on every page, no
//! banner for an unmarked Malaysian brief, and portion marks when the template asks.

use briefwright::fonts::Typesetter;
use briefwright::layout::{Item, Laid, layout};
use briefwright::model::{BlockKind, Edit, Marked, Marking, MetaField, Project};
use briefwright::template::Template;

fn note() -> Template {
    Template::built_in("briefing-note").expect("template")
}

/// The x and y of each run whose text is `text`, on each page.
fn placed(laid: &Laid, text: &str) -> Vec<Vec<(f32, f32)>> {
    laid.pages
        .iter()
        .map(|page| {
            page.items
                .iter()
                .filter_map(|p| match &p.item {
                    Item::Text(run) => {
                        let drawn: String = run.glyphs.iter().map(|g| run.glyph_text(g)).collect();
                        (drawn == text).then_some((p.at.x.0, p.at.y.0))
                    }
                    _ => None,
                })
                .collect()
        })
        .collect()
}

fn marked(scheme: &str, level: &str) -> Project {
    let mut project = briefwright::sample::project();
    project
        .apply(Edit::SetScheme {
            name: scheme.into(),
            custom: String::new(),
        })
        .expect("scheme");
    project
        .apply(Edit::SetMeta(MetaField::Classification, level.into()))
        .expect("level");
    project
}

#[test]
fn each_scheme_prints_where_it_says_on_every_page() {
    let template = note();
    let page_width = template.page.width_mm * 72.0 / 25.4;
    let middle = page_width / 2.0;
    for (scheme, level, top_and_bottom, right) in [
        ("au-pspf", "PROTECTED", true, false),
        ("uk-gscp", "OFFICIAL-SENSITIVE", true, false),
        ("ca-gc", "PROTECTED B", false, true),
        ("my-ak", "SULIT", true, false),
    ] {
        let laid = layout(&marked(scheme, level), &template, &mut Typesetter::new());
        assert_eq!(laid.marking(), level, "{scheme}");
        let pages = placed(&laid, level);
        assert!(pages.len() >= 2, "{scheme}: the sample has two pages");
        for (index, marks) in pages.iter().enumerate() {
            let expected = if top_and_bottom { 2 } else { 1 };
            assert_eq!(
                marks.len(),
                expected,
                "{scheme} page {}: {marks:?}",
                index + 1
            );
            for (x, _) in marks {
                if right {
                    assert!(*x > middle, "{scheme}: right-aligned, at {x}");
                } else {
                    assert!(*x < middle && *x > 72.0, "{scheme}: centred, at {x}");
                }
            }
        }
    }
}

#[test]
fn an_unmarked_malaysian_brief_has_no_banner() {
    let laid = layout(
        &marked("my-ak", "Tidak berperingkat"),
        &note(),
        &mut Typesetter::new(),
    );
    assert_eq!(laid.marking(), "");
    assert!(
        placed(&laid, "Tidak berperingkat")
            .iter()
            .all(Vec::is_empty)
    );
}

#[test]
fn a_protected_source_raises_every_page_and_portions_are_marked() {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/templates/briefing-note.toml"
    ))
    .expect("template");
    let portions = source.replacen(
        "page_budget = 2",
        "page_budget = 2\nportion_marking = true",
        1,
    );
    let template = Template::parse("portions", &portions).expect("parses");
    let mut project = marked("au-pspf", "OFFICIAL: Sensitive");
    let quoted = project
        .brief
        .blocks()
        .find_map(|b| match &b.kind {
            BlockKind::Excerpt { from, .. } => Some(from.source),
            _ => None,
        })
        .expect("the sample quotes a source");
    project
        .apply(Edit::SetMarking(
            Marked::Source(quoted),
            Marking::level("PROTECTED"),
        ))
        .expect("marked");
    let laid = layout(&project, &template, &mut Typesetter::new());
    assert_eq!(laid.marking(), "PROTECTED");
    for marks in placed(&laid, "PROTECTED") {
        assert_eq!(marks.len(), 2, "top and bottom of every page");
    }
    let raised = laid
        .diagnostics
        .iter()
        .find(|d| d.message.contains("rather than OFFICIAL: Sensitive"))
        .expect("the raise is explained");
    assert!(raised.block.is_some());
    let text: String = laid
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|p| match &p.item {
            Item::Text(run) => Some(
                run.glyphs
                    .iter()
                    .map(|g| run.glyph_text(g))
                    .collect::<String>(),
            ),
            _ => None,
        })
        .collect();
    assert!(
        text.contains("(OS) Commentary ahead"),
        "officer's paragraphs: {text}"
    );
    assert!(
        text.contains("(P) \u{201c}"),
        "the PROTECTED source's excerpts: {text}"
    );
}
