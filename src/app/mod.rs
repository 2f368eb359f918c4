//! The desktop window (eframe + egui). Only this module touches egui, eframe or rfd.

/// Opens the window on `file`, or on the last project, or on the bundled sample.
pub fn run(_file: Option<std::path::PathBuf>) -> Result<(), String> {
    Err("the window is not built yet; use the commands (`briefwright --help`)".to_owned())
}
