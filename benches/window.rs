//! Frame time of the window while typing in a 20-page brief: the CPU work of one frame
//! (command, relayout, preview update and egui) after a keystroke, driven headlessly.

use briefwright::app::{AppState, NoDialogs, Settings, app_ui};
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn typing_frame(c: &mut Criterion) {
    let project = briefwright::sample::long_project(180);
    let recovery = std::env::temp_dir().join("briefwright-bench-recovery");
    let state = AppState::new(
        project,
        None,
        Settings::default(),
        Box::new(NoDialogs::default()),
    )
    .with_recovery_folder(recovery);
    let mut harness = Harness::builder()
        .with_size([1440.0, 900.0])
        .build_ui_state(app_ui, state);
    harness.run();
    let pages = harness.state().laid().map_or(0, |l| l.pages.len());
    eprintln!("typing into a {pages}-page brief");
    harness
        .get_all_by_label("Paragraph text")
        .next()
        .expect("a paragraph")
        .focus();
    harness.step();
    c.bench_function("window frame after one keystroke, 20 pages", |b| {
        b.iter(|| {
            harness.event(egui::Event::Text("x".into()));
            harness.step();
        })
    });
}

criterion_group!(benches, typing_frame);
criterion_main!(benches);
