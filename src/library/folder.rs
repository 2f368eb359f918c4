//! Reading a library folder: which files are lines, which are copies that a sync client
//! made when two desks saved the same line, and which are something else (named, never
//! fatal).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::info::INFO_FILE;
use super::line::{Line, LineError};

/// A file in the folder as the index keys it: a changed time or size means read it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp {
    pub name: String,
    pub modified_ns: u128,
    pub size: u64,
}

/// A file in the folder that is not a line Briefwright can use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// A second file holding a line that another file already holds, as a sync client
/// leaves it ("line (conflicted copy).toml", "line-DESKTOP-1.toml",
/// "line.sync-conflict-20261206-101010-ABC.toml"): to be merged by the officer.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictCopy {
    /// The copy's file name.
    pub file: String,
    /// What the copy holds; its id is the line it is a copy of.
    pub line: Line,
}

/// Files and folders in a library folder that are not lines and are not worth naming:
/// Briefwright's own (hidden: the index, locks, temporaries), the description, version
/// control and the sync clients' own bookkeeping.
pub fn is_bookkeeping(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('~')
        || name == INFO_FILE
        || name.eq_ignore_ascii_case("desktop.ini")
        || name.eq_ignore_ascii_case("thumbs.db")
        || name.ends_with(".tmp")
}

/// The files of `folder` that may be lines or problems, with their stamps, sorted by name.
/// Sub-folders (drafts, `.git`) are left out.
pub fn list(folder: &Path) -> std::io::Result<Vec<FileStamp>> {
    let mut stamps = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_bookkeeping(&name) {
            continue;
        }
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        if !metadata.is_file() {
            continue;
        }
        let modified_ns = metadata
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        stamps.push(FileStamp {
            name,
            modified_ns,
            size: metadata.len(),
        });
    }
    stamps.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(stamps)
}

/// Reads one file of the folder: a line, or the problem that names why it is not one.
pub fn read(folder: &Path, name: &str) -> Result<Line, String> {
    if !name.to_ascii_lowercase().ends_with(".toml") {
        return Err("not a line file (lines are .toml files); left alone".to_owned());
    }
    let path: PathBuf = folder.join(name);
    let text = std::fs::read_to_string(&path).map_err(|e| LineError::Io(e).to_string())?;
    Line::parse(&text).map_err(|e| e.to_string())
}

/// The lines, conflict copies and problems among files read from a folder (in name
/// order). A file whose name is not its line's id, while `<id>.toml` holds that line, is
/// a conflict copy; so is a second file with an id already seen.
pub fn sort_out(
    read: Vec<(String, Result<Line, String>)>,
) -> (Vec<Line>, Vec<ConflictCopy>, Vec<Problem>) {
    let own_files: HashSet<String> = read
        .iter()
        .filter_map(|(name, line)| {
            let line = line.as_ref().ok()?;
            (line.file_name() == *name).then(|| line.id.clone())
        })
        .collect();
    let mut lines = Vec::new();
    let mut conflicts = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (name, result) in read {
        match result {
            Err(message) => problems.push(Problem {
                file: name,
                message,
            }),
            Ok(line) => {
                let is_own_file = line.file_name() == name;
                let owner_elsewhere = !is_own_file && own_files.contains(&line.id);
                if owner_elsewhere || seen.contains(&line.id) {
                    conflicts.push(ConflictCopy { file: name, line });
                } else {
                    seen.insert(line.id.clone());
                    lines.push(line);
                }
            }
        }
    }
    (lines, conflicts, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, text: &str) -> Line {
        let mut line = Line::new(text, "me");
        line.id = id.to_owned();
        line
    }

    #[test]
    fn copies_by_sync_clients_are_told_apart_from_lines() {
        let read = vec![
            ("a (conflicted copy).toml".to_owned(), Ok(line("a", "two"))),
            ("a.toml".to_owned(), Ok(line("a", "one"))),
            ("b-DESKTOP-1.toml".to_owned(), Ok(line("b", "three"))),
            ("b.toml".to_owned(), Ok(line("b", "four"))),
            ("notes.docx".to_owned(), Err("not a line file".to_owned())),
        ];
        let (lines, conflicts, problems) = sort_out(read);
        assert_eq!(lines.len(), 2);
        assert_eq!(conflicts.len(), 2);
        assert_eq!(conflicts[0].file, "a (conflicted copy).toml");
        assert_eq!(conflicts[1].line.text, "three");
        assert_eq!(problems[0].file, "notes.docx");
    }
}
