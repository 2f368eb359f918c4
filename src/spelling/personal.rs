//! The personal dictionary: words the user added, one a line, in a plain text file in
//! the user's config folder, so that it can be read, edited and copied by hand.

use std::path::{Path, PathBuf};

/// Briefwright's config folder, or `BRIEFWRIGHT_CONFIG_DIR` if set (tests use it).
pub fn config_folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BRIEFWRIGHT_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "Briefwright", "Briefwright")
        .map(|d| d.config_dir().to_path_buf())
}

/// Why a word could not be added to the personal dictionary.
#[derive(Debug, thiserror::Error)]
#[error("the personal dictionary {path} could not be written: {cause}")]
pub struct PersonalError {
    pub path: String,
    pub cause: std::io::Error,
}

/// The user's own words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonalDictionary {
    /// The file it is kept in; `None` when there is no config folder.
    pub path: Option<PathBuf>,
    pub words: Vec<String>,
}

impl PersonalDictionary {
    /// The personal dictionary in the standard place (`personal-dictionary.txt` in the
    /// config folder), empty if there is none yet.
    pub fn standard() -> Self {
        match config_folder() {
            Some(folder) => Self::at(&folder.join("personal-dictionary.txt")),
            None => PersonalDictionary::default(),
        }
    }

    /// The personal dictionary kept at `path`, empty if the file does not exist or cannot
    /// be read (it is read again once a word is added).
    pub fn at(path: &Path) -> Self {
        let words = std::fs::read_to_string(path)
            .map(|text| {
                text.lines()
                    .map(str::trim)
                    .filter(|w| !w.is_empty() && !w.starts_with('#'))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        PersonalDictionary {
            path: Some(path.to_path_buf()),
            words,
        }
    }

    /// Adds `word` and appends it to the file, creating the folder if needed.
    pub fn add(&mut self, word: &str) -> Result<(), PersonalError> {
        let word = word.trim();
        if word.is_empty() || self.words.iter().any(|w| w == word) {
            return Ok(());
        }
        if let Some(path) = &self.path {
            let failed = |cause| PersonalError {
                path: path.display().to_string(),
                cause,
            };
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder).map_err(failed)?;
            }
            use std::io::Write;
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(failed)?;
            writeln!(file, "{word}").map_err(failed)?;
        }
        self.words.push(word.to_owned());
        Ok(())
    }
}
