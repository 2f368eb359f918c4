//! Speed of a shared library of 10,000 approved lines: opening it with its index present
//! and with none (every file read), a search, opening plus searching (the budget is
//! 100 ms), lint, and the update check of a brief that uses 50 lines.

use std::hint::black_box;
use std::path::Path;

use briefwright::library::{self, Action, Filter, Library, LibraryInfo, Line, Status};
use briefwright::model::{Edit, LibraryUse, Marking};
use criterion::{Criterion, criterion_group, criterion_main};

const LINES: usize = 10_000;

const TOPICS: [&str; 8] = [
    "housing", "trade", "rates", "floods", "health", "schools", "defence", "climate",
];

/// A folder of `LINES` line files with varied words, tags and review dates.
fn make_library(folder: &Path) -> Vec<Line> {
    let info = LibraryInfo {
        id: "bench".into(),
        name: "Bench lines".into(),
        marking: "OFFICIAL".into(),
        scheme: String::new(),
    };
    library::create(folder, &info).expect("library.toml");
    (0..LINES)
        .map(|i| {
            let topic = TOPICS[i % TOPICS.len()];
            let mut line = Line::new(
                format!(
                    "Line {i}: the government's position on {topic} remains that funding \
                     round {} delivers for region {} and its communities.",
                    i % 97,
                    i % 131
                ),
                "Bench Officer",
            );
            line.id = format!("line-{i:05}");
            line.topic = topic.to_owned();
            line.tags = vec![topic.to_owned(), format!("round-{}", i % 13)];
            line.status = if i % 10 == 0 {
                Status::Draft
            } else {
                Status::Approved
            };
            line.review_by = format!("20{}-06-30", 26 + i % 3);
            library::create_line(folder, &line, "Bench Officer", Action::Imported)
                .expect("line")
                .line
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("lines");
    std::fs::create_dir(&folder).expect("folder");
    let lines = make_library(&folder);
    let index = folder.join(library::INDEX_FILE);
    let filter = Filter {
        query: "floods region 42".into(),
        ..Filter::default()
    };
    let opened = Library::open(&folder).expect("open");
    eprintln!(
        "{} lines; index {} KB; search finds {}",
        opened.lines.len(),
        std::fs::metadata(&index).map_or(0, |m| m.len() / 1024),
        opened.search(&filter).len()
    );

    let mut group = c.benchmark_group("library of 10,000 lines");
    group.sample_size(20);
    group.bench_function("open with its index", |b| {
        b.iter(|| black_box(Library::open(&folder).expect("open").lines.len()))
    });
    group.bench_function("open and search", |b| {
        b.iter(|| {
            let library = Library::open(&folder).expect("open");
            black_box(library.search(&filter).len())
        })
    });
    group.bench_function("search", |b| {
        b.iter(|| black_box(opened.search(black_box(&filter)).len()))
    });
    group.sample_size(10);
    group.bench_function("open with no index (reads every file)", |b| {
        b.iter(|| {
            std::fs::remove_file(&index).expect("index removed");
            black_box(Library::open(&folder).expect("open").lines.len())
        })
    });
    group.bench_function("lint", |b| {
        b.iter(|| black_box(library::lint(&opened, "2027-01-01").expired.len()))
    });
    group.finish();

    let mut project = briefwright::sample::project();
    for line in lines.iter().step_by(LINES / 50) {
        project
            .apply(Edit::AddLibraryPoint {
                text: format!("{} (as first cleared)", line.text),
                tags: line.tags.clone(),
                marking: Marking::default(),
                library: LibraryUse {
                    library: "bench".into(),
                    line: line.id.clone(),
                    version: 0,
                    used_on: "2026-12-06".into(),
                    folder: folder.display().to_string(),
                    kept: None,
                },
                part: Some(0),
            })
            .expect("point");
    }
    let opened = Library::open(&folder).expect("open");
    let checks = library::check_uses(&project, &[&opened], "2027-01-01");
    eprintln!("update check of 50 lines: {} notices", checks.len());
    c.bench_function("update check of a brief using 50 lines", |b| {
        b.iter(|| black_box(library::check_uses(&project, &[&opened], "2027-01-01").len()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
