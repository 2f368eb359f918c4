//! Sources cited once: short references in brief order, "adapted" for edited quotations,
//! talking points citing their source, and each source in full once in the Sources list.

use briefwright::fonts::Typesetter;
use briefwright::layout::{Item, Laid, layout};
use briefwright::model::{BlockKind, Edit, Project};
use briefwright::template::Template;

/// Every line of the brief, as drawn, left to right.
fn lines(laid: &Laid) -> Vec<String> {
    let mut runs: Vec<(usize, i64, i64, String)> = Vec::new();
    for (page, p) in laid.pages.iter().enumerate() {
        for positioned in &p.items {
            if let Item::Text(run) = &positioned.item {
                let y = (positioned.at.y.0 * 10.0) as i64;
                let x = (positioned.at.x.0 * 10.0) as i64;
                let text: String = run.glyphs.iter().map(|g| run.glyph_text(g)).collect();
                runs.push((page, y, x, text));
            }
        }
    }
    runs.sort_by_key(|(page, y, x, _)| (*page, *y, *x));
    let mut lines: Vec<((usize, i64), String)> = Vec::new();
    for (page, y, _, text) in runs {
        match lines.last_mut() {
            Some((key, line)) if *key == (page, y) => line.push_str(&text),
            _ => lines.push(((page, y), text)),
        }
    }
    lines.into_iter().map(|(_, text)| text).collect()
}

fn all_text(laid: &Laid) -> String {
    lines(laid).join("\n")
}

fn note() -> Template {
    Template::built_in("briefing-note").expect("template")
}

fn excerpt_ids(project: &Project) -> Vec<briefwright::model::BlockId> {
    project
        .brief
        .blocks()
        .filter(|b| matches!(b.kind, BlockKind::Excerpt { .. }))
        .map(|b| b.id)
        .collect()
}

#[test]
fn each_source_is_listed_once_and_excerpts_carry_its_number() {
    let project = briefwright::sample::project();
    let laid = layout(&project, &note(), &mut Typesetter::new());
    let text = all_text(&laid);
    assert_eq!(text.matches("\u{201d} [1]").count(), 2, "{text}");
    assert_eq!(text.matches("\u{201d} [2]").count(), 1, "{text}");
    let first = &project.sources[0];
    let title_start: String = first.title.chars().take(24).collect();
    assert_eq!(
        text.matches(title_start.as_str()).count(),
        1,
        "the full title appears once, in the Sources list: {text}"
    );
    assert!(text.contains("Sources"));
    assert!(text.contains(&format!("[1]{}", first.author)), "{text}");
    // The list's URL is a live link.
    let linked = laid
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .any(|p| matches!(&p.item, Item::Link { url, .. } if url == &first.url));
    assert!(linked, "the source's URL links");
}

#[test]
fn an_edited_excerpt_is_marked_adapted_and_revert_drops_the_mark() {
    let mut project = briefwright::sample::project();
    let first = excerpt_ids(&project)[0];
    project
        .apply(Edit::SetBlockText {
            block: first,
            text: "Water is the clearest case.".into(),
        })
        .expect("edited");
    let laid = layout(&project, &note(), &mut Typesetter::new());
    let text = all_text(&laid);
    assert!(
        text.contains("\u{201c}Water is the clearest case.\u{201d} [1, adapted]"),
        "{text}"
    );
    assert_eq!(text.matches("[1, adapted]").count(), 1);
    project.apply(Edit::RevertExcerpt(first)).expect("reverted");
    let laid = layout(&project, &note(), &mut Typesetter::new());
    assert!(!all_text(&laid).contains("adapted"));
}

#[test]
fn numbers_follow_the_order_of_first_citation() {
    let mut project = briefwright::sample::project();
    let excerpts = excerpt_ids(&project);
    let quoted_source = |block| {
        project
            .brief
            .blocks()
            .find_map(|b| match &b.kind {
                BlockKind::Excerpt { from, .. } if b.id == block => project.source(from.source),
                _ => None,
            })
            .map(|s| s.author.clone())
            .expect("quoted source")
    };
    let (first_author, moved_author) = (quoted_source(excerpts[0]), quoted_source(excerpts[2]));
    assert_ne!(first_author, moved_author);
    // Move the excerpt of the second source to the top of its part.
    project
        .apply(Edit::MoveBlock {
            block: excerpts[2],
            by: -3,
        })
        .expect("moved");
    let laid = layout(&project, &note(), &mut Typesetter::new());
    let text = all_text(&laid);
    assert!(
        text.contains(&format!("[1]{moved_author}")),
        "the source quoted first is [1] now: {text}"
    );
    assert!(text.contains(&format!("[2]{first_author}")), "{text}");
}

#[test]
fn a_talking_point_drawn_from_a_source_cites_it() {
    let mut project = briefwright::sample::project();
    let source = project.sources[0].id;
    let section = project.sources[0].sections[1].id;
    let point = project.add_talking_point(
        "Flood forecasting is where cooperation can start.",
        Vec::new(),
        Some(briefwright::model::SectionRef { source, section }),
    );
    let part = project
        .brief
        .parts
        .iter()
        .position(|p| p.key == "talking_points")
        .expect("talking points part");
    project.push_block(part, BlockKind::TalkingPoint { point });
    let laid = layout(&project, &note(), &mut Typesetter::new());
    assert!(
        all_text(&laid).contains("Flood forecasting is where cooperation can start. [1]"),
        "{}",
        all_text(&laid)
    );
}

#[test]
fn a_template_can_cite_by_author_and_year() {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/templates/briefing-note.toml"
    ))
    .expect("template");
    let author_year = source.replacen(
        "page_budget = 2",
        "page_budget = 2\ncitations = \"author-year\"",
        1,
    );
    let template = Template::parse("author-year", &author_year).expect("parses");
    let project = briefwright::sample::project();
    let laid = layout(&project, &template, &mut Typesetter::new());
    let text = all_text(&laid);
    let surname = project.sources[0]
        .author
        .split_whitespace()
        .last()
        .expect("author");
    assert!(
        text.contains(&format!("\u{201d} ({surname} 2026)")),
        "{text}"
    );
    assert!(!text.contains("[1]"), "{text}");
}

#[test]
fn a_web_source_lists_the_date_it_was_read() {
    let mut project = briefwright::sample::project();
    let source = project.sources[0].id;
    assert!(
        !project.sources[0].url.is_empty(),
        "the sample's first source is on the web"
    );
    project
        .apply(Edit::SetSourceField(
            source,
            briefwright::model::SourceField::Accessed,
            "5 March 2026".into(),
        ))
        .expect("set");
    let laid = layout(&project, &note(), &mut Typesetter::new());
    let text = all_text(&laid).replace('\n', "");
    assert!(text.contains("(accessed 5 March 2026)"), "{text}");
}
