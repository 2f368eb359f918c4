//! File dialogs: what the app asks for, the native dialogs that answer without freezing
//! the window, and the seam that lets tests answer instead.
//!
//! A request is started and its answer collected on a later frame, so the window keeps
//! painting while a native dialog is open. When no native dialog can be shown (a Linux
//! desktop without the XDG portal or zenity, where rfd answers "cancelled" at once), the
//! answer says so and the window shows its own file dialog instead (see `picker.rs`).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// A file the app needs the user to choose.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRequest {
    pub purpose: FilePurpose,
    /// The folder to start in.
    pub folder: Option<PathBuf>,
}

/// What the chosen file is for; each purpose has its title, filter and command.
#[derive(Debug, Clone, PartialEq)]
pub enum FilePurpose {
    /// `edits_at_request` is how many edits had been made when the user confirmed what to do
    /// with unsaved changes: if more were made while the dialog was open, the user is asked
    /// again before the project is replaced.
    OpenProject {
        edits_at_request: u64,
    },
    ImportArticles,
    SaveProjectAs {
        suggested: String,
    },
    ExportPdf {
        suggested: String,
    },
    ExportWord {
        suggested: String,
    },
    /// The review copy: a PDF with the suggestions marked and the comments as notes.
    ExportReview {
        suggested: String,
    },
    /// A Word file back from review.
    ImportReview,
    /// Pictures to insert in the brief.
    InsertPictures,
    PickTemplate,
    /// A Hunspell dictionary, whose folder becomes the folder of extra dictionaries.
    PickDictionary,
    /// A file in a library folder, whose folder joins the officer's libraries.
    PickLibrary,
}

impl FilePurpose {
    /// The dialog's title.
    pub fn title(&self) -> &'static str {
        match self {
            FilePurpose::OpenProject { .. } => "Open brief",
            FilePurpose::ImportArticles => "Import articles",
            FilePurpose::SaveProjectAs { .. } => "Save brief as",
            FilePurpose::ExportPdf { .. } => "Export PDF",
            FilePurpose::ExportWord { .. } => "Export as Word",
            FilePurpose::ExportReview { .. } => {
                "Export review copy (PDF, or Word to review in Word)"
            }
            FilePurpose::ImportReview => "Import review from Word",
            FilePurpose::InsertPictures => "Insert pictures",
            FilePurpose::PickTemplate => "Use template file",
            FilePurpose::PickDictionary => {
                "Choose a dictionary in the folder of extra dictionaries"
            }
            FilePurpose::PickLibrary => "Choose any line or library.toml in the library folder",
        }
    }

    /// The filter's name and the extensions it shows.
    pub fn filter(&self) -> (&'static str, &'static [&'static str]) {
        match self {
            FilePurpose::OpenProject { .. } | FilePurpose::SaveProjectAs { .. } => {
                ("Briefwright project", &["brief"])
            }
            FilePurpose::ImportArticles => (
                "Articles",
                &[
                    "txt", "md", "markdown", "text", "html", "htm", "xhtml", "pdf", "docx",
                ],
            ),
            FilePurpose::ExportPdf { .. } => ("PDF", &["pdf"]),
            FilePurpose::ExportReview { .. } => ("PDF or Word document", &["pdf", "docx"]),
            FilePurpose::ImportReview => ("Word document", &["docx"]),
            FilePurpose::InsertPictures => (
                "Pictures (PNG, JPEG, SVG)",
                &crate::picture::PICTURE_EXTENSIONS,
            ),
            FilePurpose::ExportWord { .. } => ("Word document", &["docx"]),
            FilePurpose::PickTemplate => ("Briefwright template", &["toml"]),
            FilePurpose::PickDictionary => ("Hunspell dictionary", &["aff", "dic"]),
            FilePurpose::PickLibrary => ("Library line or library.toml", &["toml"]),
        }
    }

    /// The name suggested for a file to be written, if this request writes one.
    pub fn suggested_name(&self) -> Option<&str> {
        match self {
            FilePurpose::SaveProjectAs { suggested }
            | FilePurpose::ExportPdf { suggested }
            | FilePurpose::ExportWord { suggested }
            | FilePurpose::ExportReview { suggested } => Some(suggested),
            _ => None,
        }
    }

    /// Whether several files may be chosen.
    pub fn is_multiple(&self) -> bool {
        matches!(
            self,
            FilePurpose::ImportArticles | FilePurpose::InsertPictures
        )
    }

    /// A file to be written gets the filter's extension when the user typed none.
    pub fn complete(&self, path: PathBuf) -> PathBuf {
        match (self.suggested_name(), path.extension()) {
            (Some(_), None) => path.with_extension(self.filter().1[0]),
            _ => path,
        }
    }
}

/// How a file dialog ended.
#[derive(Debug, Clone, PartialEq)]
pub enum DialogAnswer {
    Chosen(Vec<PathBuf>),
    Cancelled,
    /// No native dialog could be shown; the reason is for the message bar.
    Unavailable(String),
}

/// Shows file dialogs. `start` must not block; `answer` is polled every frame.
pub trait Dialogs {
    fn start(&mut self, request: FileRequest);
    /// The answer to the request started last, once there is one.
    fn answer(&mut self) -> Option<(FileRequest, DialogAnswer)>;
}

/// Dialogs that never show and always answer "cancelled": for benchmarks and tests that
/// drive the window without files.
#[derive(Default)]
pub struct NoDialogs {
    pending: Option<FileRequest>,
}

impl Dialogs for NoDialogs {
    fn start(&mut self, request: FileRequest) {
        self.pending = Some(request);
    }
    fn answer(&mut self) -> Option<(FileRequest, DialogAnswer)> {
        Some((self.pending.take()?, DialogAnswer::Cancelled))
    }
}

/// An answer sooner than this cannot be a person pressing Cancel: it is rfd finding no
/// dialog to show.
const FASTEST_HUMAN_CANCEL: Duration = Duration::from_millis(250);

/// The platform's own dialogs, through rfd's async API on a thread of their own.
#[derive(Default)]
pub struct NativeDialogs {
    pending: Option<Pending>,
}

enum Pending {
    /// Answered before a dialog was tried.
    Ready(FileRequest, DialogAnswer),
    Showing(FileRequest, Instant, Receiver<Option<Vec<PathBuf>>>),
}

/// Why no native dialog can be shown here, if that is known before trying.
fn known_unavailable() -> Option<String> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let has_session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let has_zenity = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|folder| folder.join("zenity").is_file())
    });
    (!has_session_bus && !has_zenity).then(|| {
        "there is no D-Bus session for the XDG desktop portal, and zenity is not installed"
            .to_owned()
    })
}

fn native_dialog(request: &FileRequest) -> rfd::AsyncFileDialog {
    let (filter_name, extensions) = request.purpose.filter();
    let mut dialog = rfd::AsyncFileDialog::new()
        .set_title(request.purpose.title())
        .add_filter(filter_name, extensions);
    if let Some(folder) = &request.folder {
        dialog = dialog.set_directory(folder);
    }
    if let Some(name) = request.purpose.suggested_name() {
        dialog = dialog.set_file_name(name);
    }
    dialog
}

impl Dialogs for NativeDialogs {
    fn start(&mut self, request: FileRequest) {
        if let Some(reason) = known_unavailable() {
            self.pending = Some(Pending::Ready(request, DialogAnswer::Unavailable(reason)));
            return;
        }
        let (sender, receiver) = channel();
        let dialog = native_dialog(&request);
        let is_multiple = request.purpose.is_multiple();
        let is_save = request.purpose.suggested_name().is_some();
        std::thread::spawn(move || {
            let chosen = pollster::block_on(async move {
                if is_multiple {
                    dialog
                        .pick_files()
                        .await
                        .map(|files| files.iter().map(|f| f.path().to_path_buf()).collect())
                } else if is_save {
                    dialog
                        .save_file()
                        .await
                        .map(|f| vec![f.path().to_path_buf()])
                } else {
                    dialog
                        .pick_file()
                        .await
                        .map(|f| vec![f.path().to_path_buf()])
                }
            });
            // The window may have closed meanwhile; then no one needs the answer.
            let _ = sender.send(chosen);
        });
        self.pending = Some(Pending::Showing(request, Instant::now(), receiver));
    }

    fn answer(&mut self) -> Option<(FileRequest, DialogAnswer)> {
        let (started, receiver) = match self.pending.as_ref()? {
            Pending::Ready(..) => {
                let Some(Pending::Ready(request, answer)) = self.pending.take() else {
                    return None;
                };
                return Some((request, answer));
            }
            Pending::Showing(_, started, receiver) => (started, receiver),
        };
        let answer = match receiver.try_recv() {
            Ok(Some(paths)) => DialogAnswer::Chosen(paths),
            Ok(None) if started.elapsed() < FASTEST_HUMAN_CANCEL => DialogAnswer::Unavailable(
                "neither the XDG desktop portal nor zenity answered".to_owned(),
            ),
            Ok(None) => DialogAnswer::Cancelled,
            Err(std::sync::mpsc::TryRecvError::Empty) => return None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => DialogAnswer::Unavailable(
                "the desktop's file dialog stopped unexpectedly".to_owned(),
            ),
        };
        let Some(Pending::Showing(request, ..)) = self.pending.take() else {
            return None;
        };
        Some((request, answer))
    }
}

/// The folder of `path`, for starting the next dialog there.
pub fn folder_of(path: &Path) -> Option<PathBuf> {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
}
