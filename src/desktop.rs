//! Registering Briefwright with the user's desktop (XDG): a `.desktop` entry, the icon,
//! and the `.brief` file type, so that double-clicking a brief opens it. Everything goes
//! under `$XDG_DATA_HOME` (by default `~/.local/share`), for the current user only.

use std::path::{Path, PathBuf};

use crate::project::{WriteError, write_atomically};

/// The MIME type of a Briefwright project.
pub const MIME_TYPE: &str = "application/x-briefwright";

const ICON_SVG: &[u8] = include_bytes!("../assets/icons/briefwright.svg");
const ICON_PNG: &[u8] = include_bytes!("../assets/icons/briefwright.png");

/// Why the desktop files could not be written or removed.
#[derive(Debug, thiserror::Error)]
pub enum DesktopError {
    #[error("cannot find the folder for desktop files: set XDG_DATA_HOME or HOME")]
    NoDataFolder,
    #[error("cannot create the folder {path}: {cause}")]
    Folder { path: String, cause: std::io::Error },
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error("cannot remove {path}: {cause}")]
    Remove { path: String, cause: std::io::Error },
}

/// The folder desktop files go into: `$XDG_DATA_HOME`, else `~/.local/share`.
pub fn data_home() -> Result<PathBuf, DesktopError> {
    match std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        Some(folder) => Ok(PathBuf::from(folder)),
        None => std::env::var_os("HOME")
            .filter(|v| !v.is_empty())
            .map(|home| PathBuf::from(home).join(".local/share"))
            .ok_or(DesktopError::NoDataFolder),
    }
}

/// The files that registering writes, relative to the data folder, with their contents.
fn files(executable: &Path) -> Vec<(&'static str, Vec<u8>)> {
    let exec = executable.display().to_string();
    // The Exec key quotes arguments with spaces; backslashes and quotes are escaped.
    let exec = format!("\"{}\"", exec.replace('\\', "\\\\").replace('"', "\\\""));
    let desktop = format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Name=Briefwright\n\
         GenericName=Briefing note editor\n\
         Comment=Assemble ministerial briefing notes from articles and talking points\n\
         Exec={exec} %f\n\
         Icon=briefwright\n\
         Terminal=false\n\
         Categories=Office;WordProcessor;\n\
         MimeType={MIME_TYPE};\n\
         StartupWMClass=briefwright\n"
    );
    let mime = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <mime-info xmlns=\"http://www.freedesktop.org/standards/shared-mime-info\">\n\
         \x20 <mime-type type=\"{MIME_TYPE}\">\n\
         \x20   <comment>Briefwright brief</comment>\n\
         \x20   <icon name=\"briefwright\"/>\n\
         \x20   <glob pattern=\"*.brief\"/>\n\
         \x20 </mime-type>\n\
         </mime-info>\n"
    );
    vec![
        ("applications/briefwright.desktop", desktop.into_bytes()),
        ("mime/packages/briefwright.xml", mime.into_bytes()),
        (
            "icons/hicolor/scalable/apps/briefwright.svg",
            ICON_SVG.to_vec(),
        ),
        (
            "icons/hicolor/256x256/apps/briefwright.png",
            ICON_PNG.to_vec(),
        ),
        (
            "icons/hicolor/scalable/mimetypes/application-x-briefwright.svg",
            ICON_SVG.to_vec(),
        ),
    ]
}

/// Writes the desktop entry, icons and MIME type under `data_home` for `executable`, then
/// asks the desktop's tools (when installed) to refresh their caches. Returns the files.
pub fn install(data_home: &Path, executable: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let mut written = Vec::new();
    for (relative, bytes) in files(executable) {
        let path = data_home.join(relative);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|cause| DesktopError::Folder {
                path: folder.display().to_string(),
                cause,
            })?;
        }
        write_atomically(&path, &bytes, false)?;
        written.push(path);
    }
    refresh_caches(data_home);
    Ok(written)
}

/// Removes what [`install`] wrote. Files already gone are fine. Returns the files removed.
pub fn uninstall(data_home: &Path) -> Result<Vec<PathBuf>, DesktopError> {
    let mut removed = Vec::new();
    for (relative, _) in files(Path::new("briefwright")) {
        let path = data_home.join(relative);
        match std::fs::remove_file(&path) {
            Ok(()) => removed.push(path),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(cause) => {
                return Err(DesktopError::Remove {
                    path: path.display().to_string(),
                    cause,
                });
            }
        }
    }
    refresh_caches(data_home);
    Ok(removed)
}

/// The caches are a convenience: without the tools, desktops rescan on next login.
fn refresh_caches(data_home: &Path) {
    let run = |program: &str, folder: PathBuf| {
        if folder.is_dir() {
            let _ = std::process::Command::new(program)
                .arg(folder)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status();
        }
    };
    run("update-mime-database", data_home.join("mime"));
    run("update-desktop-database", data_home.join("applications"));
}
