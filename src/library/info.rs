//! `library.toml`: what a library folder calls itself and the highest marking its lines
//! may carry.

use std::path::Path;

use serde::{Deserialize, Serialize};

/// The name of the file in a library folder that describes the library.
pub const INFO_FILE: &str = "library.toml";

/// A library's own description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LibraryInfo {
    /// Stable: briefs record it to find the library again wherever the folder is mounted.
    pub id: String,
    /// As the Library pane shows it ("Trade division lines").
    #[serde(default)]
    pub name: String,
    /// The highest marking level its lines may carry; empty: no ceiling.
    #[serde(default)]
    pub marking: String,
    /// The marking scheme its levels belong to (see `briefwright new --scheme`); empty:
    /// the default scheme.
    #[serde(default)]
    pub scheme: String,
}

impl LibraryInfo {
    /// Reads `library.toml` in `folder`; a folder without one is a library named after
    /// the folder, with no ceiling. An unreadable file is an error naming it.
    pub fn read(folder: &Path) -> Result<LibraryInfo, String> {
        let path = folder.join(INFO_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let mut info: LibraryInfo = toml::from_str(&text)
                    .map_err(|e| format!("{} is not a library description: {e}", path.display()))?;
                if info.name.trim().is_empty() {
                    info.name = info.id.clone();
                }
                Ok(info)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok(LibraryInfo::named_after(folder))
            }
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    /// A library named after its folder.
    pub fn named_after(folder: &Path) -> LibraryInfo {
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| folder.display().to_string());
        LibraryInfo {
            id: name.clone(),
            name,
            marking: String::new(),
            scheme: String::new(),
        }
    }

    /// The file's text.
    pub fn to_toml(&self) -> Result<String, String> {
        toml::to_string(self).map_err(|e| format!("the library description cannot be written: {e}"))
    }
}
