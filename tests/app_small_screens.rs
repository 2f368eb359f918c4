//! The window on a government laptop: 1366×768 at 125% gives about 1024×768 logical
//! pixels. Every control must lie whole inside its pane, never cut by the pane beside it.
#![cfg(feature = "gui")]

mod support;

use briefwright::app::{AppState, Pane, Settings, app_ui, pane_rect};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use support::window::ScriptedDialogs;

fn window(project: briefwright::model::Project, size: [f32; 2]) -> Harness<'static, AppState> {
    window_with(project, size, Settings::default())
}

fn window_with(
    project: briefwright::model::Project,
    size: [f32; 2],
    settings: Settings,
) -> Harness<'static, AppState> {
    let answers = std::rc::Rc::new(std::cell::RefCell::new(Default::default()));
    let state = AppState::new(
        project,
        None,
        settings,
        Box::new(ScriptedDialogs::new(answers)),
    );
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(app_ui, state);
    for _ in 0..4 {
        harness.run();
    }
    harness
}

/// Each control whose rectangle runs out of its pane, sideways, described.
fn cut_controls(harness: &Harness<'static, AppState>) -> Vec<String> {
    let panes: Vec<(Pane, egui::Rect)> = Pane::ORDER
        .into_iter()
        .filter_map(|pane| pane_rect(&harness.ctx, pane).map(|rect| (pane, rect)))
        .collect();
    assert_eq!(panes.len(), 3, "every pane was drawn");
    let mut cut = Vec::new();
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        let interactive = matches!(
            node.role(),
            Role::Button
                | Role::TextInput
                | Role::MultilineTextInput
                | Role::CheckBox
                | Role::ComboBox
                | Role::RadioButton
        );
        let Some(bounds) = node.bounding_box() else {
            continue;
        };
        if !interactive || bounds.width() <= 0.0 {
            continue;
        }
        let (x0, x1, y0) = (bounds.x0 as f32, bounds.x1 as f32, bounds.y0 as f32);
        // The menu bar runs above every pane and belongs to none.
        let y1 = bounds.y1 as f32;
        let Some((pane, rect)) = panes.iter().find(|(_, rect)| {
            rect.x_range().contains(x0 + 0.5)
                && rect.y_range().contains(y0.max(rect.top()))
                && y1 > rect.top() + 0.5
        }) else {
            continue;
        };
        if x1 > rect.right() + 0.5 {
            cut.push(format!(
                "{:?} {:?} in the {pane:?} pane ends at {x1:.0}, past its edge at {:.0}",
                node.role(),
                node.label().unwrap_or_default(),
                rect.right()
            ));
        }
    }
    cut
}

#[test]
fn every_control_is_whole_on_a_laptop_screen() {
    for size in [[1024.0, 768.0], [1280.0, 800.0], [1440.0, 900.0]] {
        for kind in [
            "decision-brief",
            "visit-brief",
            "briefing-note",
            "meeting-brief",
        ] {
            let project = briefwright::sample_kinds::sample_for(kind).expect("sample");
            let harness = window(project, size);
            let cut = cut_controls(&harness);
            assert!(cut.is_empty(), "{kind} at {size:?}:\n{}", cut.join("\n"));
        }
    }
}

/// A library of approved lines with one long line, approved and tagged.
fn library_folder() -> (tempfile::TempDir, std::path::PathBuf) {
    use briefwright::library::{self, Action, LibraryInfo, Line, Status};
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir
        .path()
        .join("question-time-lines-of-the-central-asia-division");
    std::fs::create_dir(&folder).expect("folder");
    let info = LibraryInfo {
        id: "qt-lines".into(),
        name: "Question Time lines of the Central Asia Division".into(),
        marking: String::new(),
        scheme: String::new(),
    };
    library::create(&folder, &info).expect("library.toml");
    let mut line = Line::new(
        "The government will keep its commitments on flood forecasting and early warning, \
         and will report on the working group's first meeting before the end of the year.",
        "Dana Lee",
    );
    line.status = Status::Approved;
    line.tags = vec!["floods".into(), "question-time".into()];
    library::create_line(&folder, &line, "Dana Lee", Action::Created).expect("line");
    (dir, folder)
}

#[test]
fn the_side_tabs_fit_on_a_laptop_screen_with_a_library_line_open() {
    let (_dir, folder) = library_folder();
    for size in [[1024.0, 768.0], [1280.0, 800.0]] {
        let settings = Settings {
            library_folders: vec![folder.clone()],
            ..Settings::default()
        };
        let project = briefwright::sample_kinds::sample_for("visit-brief").expect("sample");
        let mut harness = window_with(project, size, settings);
        for tab in ["Talking points", "Library"] {
            harness.get_by_label(tab).click();
            harness.run();
            harness.run();
            let cut = cut_controls(&harness);
            assert!(
                cut.is_empty(),
                "the {tab} tab at {size:?}:\n{}",
                cut.join("\n")
            );
        }
        // The line's preview, with its history and its buttons.
        harness
            .get_by_label_contains("will keep its commitments on flood")
            .click();
        harness.run();
        harness.run();
        assert!(
            harness.query_by_label_contains("Add to brief").is_some(),
            "the line is open"
        );
        let cut = cut_controls(&harness);
        assert!(
            cut.is_empty(),
            "a library line at {size:?}:\n{}",
            cut.join("\n")
        );
    }
}
