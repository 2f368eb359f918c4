//! What the window remembers between runs: recent files, pane sizes, zoom and theme.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// What persists between runs (through eframe storage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    /// Preview scale: 1.0 shows a point as one UI point.
    pub zoom: f32,
    pub fit_width: bool,
    pub sources_width: f32,
    pub preview_width: f32,
    /// Where the last file dialog ended, to start the next one there.
    pub last_folder: Option<PathBuf>,
    /// Light, dark, or following the system.
    pub theme: Theme,
    /// Size of the window's text and controls (1.0 is normal); the preview has its own zoom.
    pub interface_zoom: f32,
    /// A folder of extra Hunspell dictionaries (.aff and .dic) for other languages.
    pub extra_dictionaries: Option<PathBuf>,
    /// The preview is folded away to a button, giving its room to the editor.
    pub preview_hidden: bool,
    /// The name comments, suggestions and versions are credited to; empty for the
    /// operating system's full name for the user.
    pub author_name: String,
    /// The folders of the shared libraries of approved lines the officer uses.
    pub library_folders: Vec<PathBuf>,
}

/// The window's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            zoom: 1.0,
            fit_width: true,
            sources_width: 300.0,
            preview_width: 560.0,
            last_folder: None,
            theme: Theme::System,
            interface_zoom: 1.0,
            extra_dictionaries: None,
            preview_hidden: false,
            author_name: String::new(),
            library_folders: Vec::new(),
        }
    }
}
