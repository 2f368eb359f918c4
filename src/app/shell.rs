//! The eframe shell around [`AppState`]: opening the window on a file, the last project
//! or the sample; the window title; closing with unsaved work asked about; the settings
//! and the last project kept between runs.

use std::path::PathBuf;

use super::{AppState, Command, NativeDialogs, Settings, app_ui};
use crate::project::load;

/// The eframe application around [`AppState`].
struct BriefwrightApp {
    state: AppState,
    title: String,
    /// When the process started, to report the time to the first frame
    /// (with `BRIEFWRIGHT_STARTUP_TIMING` set).
    started: Option<std::time::Instant>,
}

const SETTINGS_KEY: &str = "briefwright-settings";
const LAST_PROJECT_KEY: &str = "briefwright-last-project";

impl eframe::App for BriefwrightApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if ui.input(|i| i.viewport().close_requested()) && !self.state.should_close() {
            ui.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.send(Command::QUIT);
        }
        app_ui(ui, &mut self.state);
        if let Some(started) = self.started.take()
            && std::env::var_os("BRIEFWRIGHT_STARTUP_TIMING").is_some()
        {
            eprintln!(
                "first frame drawn {:.1} ms after start",
                started.elapsed().as_secs_f64() * 1000.0
            );
        }
        let title = self.state.window_title();
        if title != self.title {
            ui.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if self.state.should_close() {
            self.state.on_close();
            ui.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, self.state.settings());
        eframe::set_value(storage, LAST_PROJECT_KEY, &self.state.path());
    }
}

/// Opens the window on `file`, or on the last project, or on the bundled sample.
pub fn run(file: Option<PathBuf>, started: std::time::Instant) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Briefwright")
            .with_app_id("briefwright")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    super::termination::install();
    eframe::run_native(
        "Briefwright",
        options,
        Box::new(move |cc| {
            super::termination::wake_on_request(cc.egui_ctx.clone());
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                .unwrap_or_default();
            let last: Option<PathBuf> = cc
                .storage
                .and_then(|s| eframe::get_value(s, LAST_PROJECT_KEY))
                .flatten();
            let state = initial_state(file, last, settings);
            Ok(Box::new(BriefwrightApp {
                state,
                title: String::new(),
                started: Some(started),
            }))
        }),
    )
    .map_err(|e| e.to_string())
}

/// The project to start with: the file asked for, else the last one, else the sample.
fn initial_state(file: Option<PathBuf>, last: Option<PathBuf>, settings: Settings) -> AppState {
    let mut errors = Vec::new();
    for candidate in [file.clone(), last].into_iter().flatten() {
        match load(&candidate) {
            Ok(loaded) => {
                let mut state = AppState::new(
                    loaded.project,
                    Some(candidate.clone()),
                    settings,
                    Box::new(NativeDialogs::default()),
                );
                state.report(&format!("{}: ", candidate.display()), &loaded.warnings);
                state.offer_recovery();
                state.lock_opened_file();
                return state;
            }
            Err(error) if file.as_ref() == Some(&candidate) => {
                errors.push(format!(
                    "Could not open the project. {error}. Showing the sample brief instead."
                ));
            }
            Err(_) => {}
        }
    }
    let mut state = AppState::new(
        crate::sample::project(),
        None,
        settings,
        Box::new(NativeDialogs::default()),
    );
    for error in errors {
        state.error(error);
    }
    state.offer_recovery();
    state
}
