//! The seam between the app and native file dialogs, so tests never open one.

use std::path::{Path, PathBuf};

/// Native dialogs the app needs. Each returns `None` when the user cancels.
pub trait Dialogs {
    fn pick_project(&mut self, folder: Option<&Path>) -> Option<PathBuf>;
    fn pick_articles(&mut self, folder: Option<&Path>) -> Option<Vec<PathBuf>>;
    fn save_project_as(&mut self, suggested: &str, folder: Option<&Path>) -> Option<PathBuf>;
    fn save_pdf_as(&mut self, suggested: &str, folder: Option<&Path>) -> Option<PathBuf>;
    fn pick_template(&mut self, folder: Option<&Path>) -> Option<PathBuf>;
}

/// Dialogs that never show and always answer "cancelled": for benchmarks and tests
/// that drive the window without files.
pub struct NoDialogs;

impl Dialogs for NoDialogs {
    fn pick_project(&mut self, _: Option<&Path>) -> Option<PathBuf> {
        None
    }
    fn pick_articles(&mut self, _: Option<&Path>) -> Option<Vec<PathBuf>> {
        None
    }
    fn save_project_as(&mut self, _: &str, _: Option<&Path>) -> Option<PathBuf> {
        None
    }
    fn save_pdf_as(&mut self, _: &str, _: Option<&Path>) -> Option<PathBuf> {
        None
    }
    fn pick_template(&mut self, _: Option<&Path>) -> Option<PathBuf> {
        None
    }
}

/// The real dialogs, through rfd.
pub struct NativeDialogs;

fn in_folder(dialog: rfd::FileDialog, folder: Option<&Path>) -> rfd::FileDialog {
    match folder {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

impl Dialogs for NativeDialogs {
    fn pick_project(&mut self, folder: Option<&Path>) -> Option<PathBuf> {
        in_folder(
            rfd::FileDialog::new()
                .set_title("Open brief")
                .add_filter("Briefwright project", &["brief"]),
            folder,
        )
        .pick_file()
    }

    fn pick_articles(&mut self, folder: Option<&Path>) -> Option<Vec<PathBuf>> {
        in_folder(
            rfd::FileDialog::new()
                .set_title("Import articles")
                .add_filter("Articles", &["txt", "md", "markdown", "text"]),
            folder,
        )
        .pick_files()
    }

    fn save_project_as(&mut self, suggested: &str, folder: Option<&Path>) -> Option<PathBuf> {
        let path = in_folder(
            rfd::FileDialog::new()
                .set_title("Save brief as")
                .add_filter("Briefwright project", &["brief"])
                .set_file_name(suggested),
            folder,
        )
        .save_file()?;
        Some(if path.extension().is_none() {
            path.with_extension("brief")
        } else {
            path
        })
    }

    fn pick_template(&mut self, folder: Option<&Path>) -> Option<PathBuf> {
        in_folder(
            rfd::FileDialog::new()
                .set_title("Use template file")
                .add_filter("Briefwright template", &["toml"]),
            folder,
        )
        .pick_file()
    }

    fn save_pdf_as(&mut self, suggested: &str, folder: Option<&Path>) -> Option<PathBuf> {
        let path = in_folder(
            rfd::FileDialog::new()
                .set_title("Export PDF")
                .add_filter("PDF", &["pdf"])
                .set_file_name(suggested),
            folder,
        )
        .save_file()?;
        Some(if path.extension().is_none() {
            path.with_extension("pdf")
        } else {
            path
        })
    }
}
