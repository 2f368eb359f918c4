//! Speed of review: a project holding 20 versions of the 200-page brief saved and loaded,
//! two 200-page versions compared, and the relayout after a keystroke in suggest mode.

use std::hint::black_box;

use briefwright::layout::Layouter;
use briefwright::model::{Edit, MarkupMode, Project, TextTarget};
use briefwright::project::{from_json, to_json};
use briefwright::sample::long_project;
use briefwright::template::Template;
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/support/article_docx.rs"]
#[allow(dead_code)]
mod article_docx;
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

/// The 200-page brief's Word review copy with a reviewer's insertion tracked at the start
/// of 100 paragraphs, brought back.
fn import_review(c: &mut Criterion) {
    let mut project = long_project(TWO_HUNDRED_PAGES);
    let mut layouter = Layouter::new();
    briefwright::review_return::save_word_review_version(
        &mut project,
        "For review",
        "Bench",
        "2026-12-06T10:00:00Z",
        &mut layouter,
    )
    .expect("version");
    let docx = briefwright::export::prepare_copy(
        &project,
        briefwright::export::ExportFormat::Docx,
        briefwright::export::Copy::Review,
        &mut layouter,
    )
    .expect("exports")
    .bytes;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).expect("zip");
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document"),
        &mut document,
    )
    .expect("utf-8");
    let run = "<w:r><w:rPr /><w:t xml:space=\"preserve\">";
    let mut changed = String::with_capacity(document.len() + 20_000);
    let mut rest = document.as_str();
    let mut changes = 0;
    while let Some(at) = rest.find(run) {
        changed.push_str(&rest[..at]);
        if changes < 100 && rest[..at].contains("_bw") {
            changed.push_str(&format!(
                "<w:ins w:id=\"{}\" w:author=\"Bench\" w:date=\"2026-12-07T09:00:00Z\"><w:r><w:t xml:space=\"preserve\">Inserted </w:t></w:r></w:ins>",
                900 + changes
            ));
            changes += 1;
        }
        changed.push_str(run);
        rest = &rest[at + run.len()..];
    }
    changed.push_str(rest);
    let reviewed = article_docx::replace_parts(&docx, &[("word/document.xml", changed)]);
    let (_, summary) =
        briefwright::review_return::import_review(&mut project.clone(), &reviewed, "bench.docx")
            .expect("imports");
    eprintln!("import review, 200 pages: {}", summary.line());
    let mut group = c.benchmark_group("import review, 200 pages");
    group.sample_size(20);
    group.bench_function("100 tracked changes", |b| {
        b.iter(|| {
            let mut target = project.clone();
            black_box(
                briefwright::review_return::import_review(&mut target, &reviewed, "bench.docx")
                    .map(|(_, summary)| summary.reviewers.len()),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, versions, relayout_suggesting, import_review);
criterion_main!(benches);
