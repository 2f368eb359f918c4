//! Speed of review: a project holding 20 versions of the 200-page brief saved and loaded,
//! two 200-page versions compared, and the relayout after a keystroke in suggest mode.

use std::hint::black_box;

use briefwright::layout::Layouter;
use briefwright::model::{Edit, MarkupMode, Project, TextTarget};
use briefwright::project::{from_json, to_json};
use briefwright::sample::long_project;
use briefwright::template::Template;
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/support/brief_blocks.rs"]
#[allow(dead_code)]
mod brief_blocks;
#[path = "../tests/support/review_history.rs"]
mod review_history;

/// Extra items giving 200 pages with the briefing-note template (as in `pipeline`).
const TWO_HUNDRED_PAGES: usize = 1910;

fn versions(c: &mut Criterion) {
    let brief = long_project(TWO_HUNDRED_PAGES);
    let one = to_json(&brief).len();
    let project = review_history::with_versions(brief, 20);
    let json = to_json(&project);
    eprintln!(
        "200-page brief: {} KB of JSON; with 20 versions: {} KB ({:.2}x)",
        one / 1024,
        json.len() / 1024,
        json.len() as f64 / one as f64
    );
    let mut group = c.benchmark_group("project file with 20 versions, 200 pages");
    group.bench_function("save (serialise)", |b| {
        b.iter(|| black_box(to_json(black_box(&project)).len()))
    });
    group.bench_function("load (parse)", |b| {
        b.iter(|| {
            black_box(
                from_json(black_box(json.as_bytes()), "bench.brief")
                    .map(|l| l.project.review.versions.len()),
            )
        })
    });
    group.finish();

    let first = project.review.versions[0].id;
    let then = project.as_of(first).expect("version 1");
    let mut group = c.benchmark_group("compare, 200 pages");
    group.bench_function("two versions", |b| {
        b.iter(|| {
            black_box(
                briefwright::model::compare::compare(&then, &project)
                    .blocks
                    .len(),
            )
        })
    });
    group.bench_function("redline (compare and mark)", |b| {
        b.iter(|| {
            let redline = briefwright::redline::make(
                &briefwright::redline::Side {
                    project: &then,
                    name: "v1".into(),
                },
                &briefwright::redline::Side {
                    project: &project,
                    name: "now".into(),
                },
                "Bench",
                "2026-12-06T10:00:00Z",
            );
            black_box(redline.project.is_some())
        })
    });
    group.finish();
}

/// The 200-page brief with a reviewer's suggestion typed into a paragraph in its middle,
/// one character further each round, as suggest mode records a keystroke.
fn suggesting(project: &Project, round: usize) -> Project {
    let mut edited = project.clone();
    let blocks = brief_blocks::paragraphs(&edited);
    let target = TextTarget::Block(blocks[blocks.len() / 2]);
    let text = edited.target_text(target).expect("text");
    edited
        .apply(Edit::SuggestText {
            target,
            proposed: format!(
                "{text} Suggested{}",
                if round.is_multiple_of(2) { "x" } else { "xy" }
            ),
            author: "Director".into(),
            date: "2026-12-06T10:00:00Z".into(),
        })
        .expect("suggestion");
    edited
}

fn relayout_suggesting(c: &mut Criterion) {
    let template = Template::built_in("briefing-note").expect("template");
    let project = long_project(TWO_HUNDRED_PAGES);
    let rounds = [suggesting(&project, 0), suggesting(&project, 1)];
    let mut layouter = Layouter::new();
    layouter.layout_for_screen(&rounds[0].with_markup(MarkupMode::AllMarkup), &template);
    let mut group = c.benchmark_group("relayout after a keystroke in suggest mode");
    group.sample_size(30);
    let mut round = 0;
    group.bench_function("200 pages, all markup", |b| {
        b.iter(|| {
            round += 1;
            // What the window does: the markup copy, then the layout that reuses blocks.
            let shown = rounds[round % 2].with_markup(MarkupMode::AllMarkup);
            black_box(layouter.layout_for_screen(&shown, &template).pages.len())
        })
    });
    group.finish();
}

criterion_group!(benches, versions, relayout_suggesting);
criterion_main!(benches);
