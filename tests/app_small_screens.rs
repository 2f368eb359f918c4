//! The window on a government laptop: 1366×768 at 125% gives about 1024×768 logical
//! pixels. Every control must lie whole inside its pane, never cut by the pane beside it.
#![cfg(feature = "gui")]

mod support;

use briefwright::app::{AppState, Pane, Settings, app_ui, pane_rect};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;
use support::window::ScriptedDialogs;

fn window(project: briefwright::model::Project, size: [f32; 2]) -> Harness<'static, AppState> {
    let answers = std::rc::Rc::new(std::cell::RefCell::new(Default::default()));
    let state = AppState::new(
        project,
        None,
        Settings::default(),
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
