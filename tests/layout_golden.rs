//! Golden dumps of the layout, and the page-breaking rules.

use briefwright::fonts::Typesetter;
use briefwright::layout::{Item, Layouter, layout};
use briefwright::model::{BlockKind, Project};
use briefwright::sample;
use briefwright::template::Template;
use briefwright::units::Pt;

#[test]
fn sample_layout_matches_the_golden_dump() {
    let project = sample::project();
    let template = Template::built_in("briefing-note").expect("template");
    let laid = layout(&project, &template, &mut Typesetter::new());
    insta::assert_snapshot!("sample_briefing_note", briefwright::layout::dump(&laid));
}

#[test]
fn talking_points_card_layout_matches_the_golden_dump() {
    let mut project = sample::project();
    project.brief.template = "talking-points-card".into();
    let template = Template::built_in("talking-points-card").expect("template");
    let laid = layout(&project, &template, &mut Typesetter::new());
    insta::assert_snapshot!(
        "sample_talking_points_card",
        briefwright::layout::dump(&laid)
    );
}

fn long_project(paragraphs: usize) -> Project {
    let mut project = sample::project();
    let issues = project
        .brief
        .parts
        .iter()
        .position(|p| p.key == "key_issues")
        .expect("part");
    for i in 0..paragraphs {
        project.push_block(
            issues,
            BlockKind::Paragraph {
                text: format!(
                    "**Point {i}.** {}",
                    "Officials expect steady progress on water, trade and education. "
                        .repeat(1 + i % 7)
                ),
            },
        );
    }
    project
}

#[test]
fn every_page_has_classification_and_page_numbers_and_stays_in_margins() {
    let project = long_project(60);
    let template = Template::built_in("briefing-note").expect("template");
    let laid = layout(&project, &template, &mut Typesetter::new());
    let total = laid.pages.len();
    assert!(total > 3, "long brief spans pages: {total}");
    assert!(
        laid.diagnostics
            .iter()
            .any(|d| d.message.contains(&format!("runs to {total} pages")))
    );
    let bottom = template.page.height().0 - template.page.margin_bottom_mm * 72.0 / 25.4;
    for (index, page) in laid.pages.iter().enumerate() {
        let texts: Vec<String> = page
            .items
            .iter()
            .filter_map(|p| match &p.item {
                Item::Text(run) => Some(run.glyphs.iter().map(|g| run.glyph_text(g)).collect()),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts.iter().filter(|t| *t == "OFFICIAL: Sensitive").count(),
            2,
            "top and bottom marking on page {}",
            index + 1
        );
        assert!(texts.contains(&format!("Page {} of {total}", index + 1)));
        for positioned in page.items.iter().filter(|p| p.block.is_some()) {
            assert!(
                positioned.at.y.0 <= bottom + 0.5,
                "page {} item below the margin at {}",
                index + 1,
                positioned.at.y.0
            );
        }
    }
}

#[test]
fn headings_are_never_last_on_a_page_and_no_paragraph_leaves_a_single_line() {
    let project = long_project(80);
    let template = Template::built_in("briefing-note").expect("template");
    let laid = layout(&project, &template, &mut Typesetter::new());
    for (index, page) in laid.pages.iter().enumerate() {
        let body: Vec<_> = page
            .items
            .iter()
            .filter(|p| p.block.is_some() && matches!(p.item, Item::Text(_)))
            .collect();
        // Lines of the same block on this page, by distinct baselines.
        let mut per_block: std::collections::BTreeMap<u64, std::collections::BTreeSet<i64>> =
            Default::default();
        for p in &body {
            per_block
                .entry(p.block.map_or(0, |b| b.0))
                .or_default()
                .insert((p.at.y.0 * 10.0) as i64);
        }
        for (block, lines) in per_block {
            let split_elsewhere = laid.pages.iter().enumerate().any(|(other, page)| {
                other != index
                    && page
                        .items
                        .iter()
                        .any(|p| p.block.map(|b| b.0) == Some(block))
            });
            if split_elsewhere {
                assert!(
                    lines.len() >= 2,
                    "block {block} leaves a single line on page {}",
                    index + 1
                );
            }
        }
    }
    let footer_top = Pt::mm(template.page.height_mm - template.page.margin_bottom_mm);
    for entry in &laid.outline {
        let page = &laid.pages[entry.page];
        assert!(
            page.items.iter().any(|p| matches!(p.item, Item::Text(_))
                && p.at.y > entry.y + Pt(1.0)
                && p.at.y < footer_top),
            "heading {:?} is followed by text on its page",
            entry.title
        );
    }
}

#[test]
fn missing_glyphs_are_reported_with_character_and_block() {
    let mut project = sample::project();
    project.push_block(
        0,
        BlockKind::Paragraph {
            text: "Talks in กรุงเทพ next year.".into(),
        },
    );
    let template = Template::built_in("briefing-note").expect("template");
    let laid = layout(&project, &template, &mut Typesetter::new());
    let messages: Vec<String> = laid.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("Thai text (7 characters)") && m.contains("Purpose \u{b6}")),
        "{messages:?}"
    );
}

#[test]
fn cached_relayout_after_an_edit_equals_a_fresh_layout() {
    let template = Template::built_in("briefing-note").expect("template");
    let mut project = briefwright::sample::long_project(220);
    let mut warm = Layouter::new();
    warm.layout(&project, &template);
    // One character typed into a paragraph in the middle of the brief.
    let block = project.brief.parts[2].blocks[project.brief.parts[2].blocks.len() / 2].id;
    let (p, i) = project.locate(block).expect("block");
    if let BlockKind::Paragraph { text } = &mut project.brief.parts[p].blocks[i].kind {
        text.push('x');
    }
    let cached = warm.layout(&project, &template);
    let fresh = layout(&project, &template, &mut Typesetter::new());
    assert!(
        cached.pages.len() > 15,
        "a long brief: {} pages",
        cached.pages.len()
    );
    assert_eq!(cached, fresh);
}

#[test]
fn cached_relayout_follows_every_kind_of_edit() {
    use briefwright::model::{Edit, SourceField};
    let note = Template::built_in("briefing-note").expect("template");
    let card = Template::built_in("talking-points-card").expect("template");
    let mut project = briefwright::sample::long_project(120);
    let mut warm = Layouter::new();
    warm.layout(&project, &note);

    let blocks = |project: &briefwright::model::Project, kind: fn(&BlockKind) -> bool| {
        project
            .brief
            .blocks()
            .filter(|b| kind(&b.kind))
            .map(|b| b.id)
            .collect::<Vec<_>>()
    };
    let paragraphs = blocks(&project, |k| matches!(k, BlockKind::Paragraph { .. }));
    let excerpts = blocks(&project, |k| matches!(k, BlockKind::Excerpt { .. }));
    let source = project.sources[0].id;
    let point = project.talking_points[0].id;
    let key_issues = project
        .brief
        .parts
        .iter()
        .position(|p| p.key == "key_issues")
        .expect("key issues part");
    let edits = vec![
        // A character nobody can draw: the warning must come back from the cache too.
        Edit::SetBlockText {
            block: paragraphs[3],
            text: "Visit to \u{0e01}\u{0e23}\u{0e38}\u{0e07} next year.".to_owned(),
        },
        Edit::SetSourceField(source, SourceField::Author, "A. N. Other".to_owned()),
        Edit::SetSourceField(source, SourceField::Url, String::new()),
        Edit::SetTalkingPoint {
            point,
            text: "A reworded talking point.".to_owned(),
            tags: Vec::new(),
        },
        Edit::SetBlockText {
            block: excerpts[1],
            text: "A trimmed excerpt.".to_owned(),
        },
        // Numbered paragraphs renumber when one moves.
        Edit::MoveBlock {
            block: paragraphs[5],
            by: -3,
        },
        Edit::DeleteBlock(paragraphs[1]),
        Edit::AddBlock {
            part: key_issues,
            kind: BlockKind::PageBreak,
        },
        Edit::AddBlock {
            part: key_issues,
            kind: BlockKind::Paragraph {
                text: "After the break.".to_owned(),
            },
        },
        Edit::SetMeta(
            briefwright::model::MetaField::Title,
            "A new title".to_owned(),
        ),
    ];
    for edit in edits {
        let described = format!("{edit:?}");
        project.apply(edit).expect("edit applies");
        let cached = warm.layout(&project, &note);
        let fresh = layout(&project, &note, &mut Typesetter::new());
        assert_eq!(cached, fresh, "after {described}");
    }
    // Another template, and back.
    for template in [&card, &note] {
        let cached = warm.layout(&project, template);
        let fresh = layout(&project, template, &mut Typesetter::new());
        assert_eq!(cached, fresh, "with {}", template.name);
    }
    let messages: Vec<String> = warm
        .layout(&project, &note)
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("Thai text")),
        "{messages:?}"
    );
}

#[test]
fn shaping_on_two_threads_gives_the_same_pages_as_on_one() {
    let template = Template::built_in("briefing-note").expect("template");
    let project = briefwright::sample::long_project(300);
    let mut one_thread = Typesetter::new();
    one_thread.set_parallel(false);
    let sequential = layout(&project, &template, &mut one_thread);
    let mut two_threads = Typesetter::new();
    let parallel = layout(&project, &template, &mut two_threads);
    assert!(
        sequential.pages.len() > 25,
        "{} pages",
        sequential.pages.len()
    );
    assert_eq!(parallel, sequential);
    // The dry pass must ask for exactly what the real pass uses, or paragraphs are
    // shaped twice: once on the threads and again when the real pass misses the cache.
    assert_eq!(
        two_threads.paragraphs_shaped(),
        one_thread.paragraphs_shaped(),
        "paragraphs shaped with two threads and with one"
    );
    // And the caches the threads filled serve an edit like any others.
    let mut edited = project.clone();
    let block = edited.brief.parts[2].blocks[3].id;
    edited
        .apply(briefwright::model::Edit::SetBlockText {
            block,
            text: "A shorter paragraph.".to_owned(),
        })
        .expect("edit applies");
    assert_eq!(
        layout(&edited, &template, &mut two_threads),
        layout(&edited, &template, &mut one_thread)
    );
}

#[test]
fn three_digit_paragraph_numbers_keep_clear_of_their_text() {
    let template = Template::built_in("briefing-note").expect("template");
    let project = briefwright::sample::long_project(400);
    let laid = layout(&project, &template, &mut Typesetter::new());
    let mut checked = 0;
    for page in &laid.pages {
        let runs: Vec<(f32, f32, f32, String)> = page
            .items
            .iter()
            .filter_map(|p| match &p.item {
                Item::Text(run) => {
                    let text: String = run.glyphs.iter().map(|g| run.glyph_text(g)).collect();
                    let end = run.glyphs.last().map_or(0.0, |g| (g.x + g.advance).0);
                    Some((p.at.x.0, p.at.x.0 + end, p.at.y.0, text))
                }
                _ => None,
            })
            .collect();
        for (x, label_end, y, text) in &runs {
            let is_number = text.len() > 1
                && text.ends_with('.')
                && text[..text.len() - 1].chars().all(|c| c.is_ascii_digit());
            if !is_number {
                continue;
            }
            let next = runs
                .iter()
                .filter(|(other_x, _, other_y, _)| (other_y - y).abs() < 0.5 && other_x > x)
                .map(|(other_x, ..)| *other_x)
                .fold(f32::MAX, f32::min);
            assert!(
                label_end + 3.0 <= next,
                "{text} ends at {label_end} but its text starts at {next}"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} numbers checked");
}

#[test]
fn laying_out_an_unchanged_brief_again_shapes_nothing() {
    let template = Template::built_in("briefing-note").expect("template");
    let project = sample::project();
    let mut typesetter = Typesetter::new();
    layout(&project, &template, &mut typesetter);
    let shaped = typesetter.paragraphs_shaped();
    layout(&project, &template, &mut typesetter);
    assert_eq!(typesetter.paragraphs_shaped(), shaped);
}
