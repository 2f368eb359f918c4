//! Reading and writing the versioned JSON format.

use std::path::Path;

use serde_json::Value;

use super::atomic::{FileOps, RealFiles, WriteError, write_atomically_with};
use super::limits::{self, LimitError, MAX_PROJECT_BYTES};
use crate::diagnostic::Diagnostic;
use crate::model::Project;

/// Value of the `"format"` field of every project file.
pub const FORMAT: &str = "briefwright";
/// The file version this build writes, and the newest it reads.
pub const VERSION: u64 = 1;

/// Why a project file could not be opened. The file is never changed by a failed load.
///
/// Messages include their cause, which is therefore not also `Error::source`.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot open {path}: {cause}")]
    Read { path: String, cause: std::io::Error },
    #[error("{path} is a folder, not a project file")]
    IsFolder { path: String },
    #[error("{path} is {kind}, not a project file")]
    NotAFile { path: String, kind: &'static str },
    #[error(
        "{path} is {size_mb} MB, larger than the {limit_mb} MB a project can be; it is probably not a Briefwright project"
    )]
    TooLarge {
        path: String,
        size_mb: u64,
        limit_mb: u64,
    },
    #[error("{path} is empty; it may have been cut short while saving (look for {path}.bak)")]
    Empty { path: String },
    #[error("{path} is not text; it is not a Briefwright project")]
    Binary { path: String },
    #[error("{path} is damaged: {message} at line {line}, column {column}")]
    Syntax {
        path: String,
        message: String,
        line: usize,
        column: usize,
    },
    #[error("{path} is JSON but not a Briefwright project ({reason})")]
    Foreign { path: String, reason: String },
    #[error(
        "{path} was made by a newer Briefwright (file version {found}); this version reads up to version {supported}. Update Briefwright to open it"
    )]
    TooNew {
        path: String,
        found: u64,
        supported: u64,
    },
    #[error("{path} has a field with the wrong kind of value: {message}")]
    Shape { path: String, message: String },
    #[error("{path} is refused: {cause}")]
    Limit { path: String, cause: LimitError },
}

/// A loaded project and anything worth telling the user about it.
#[derive(Debug)]
pub struct Loaded {
    pub project: Project,
    /// Problems found in the file that did not stop it loading.
    pub warnings: Vec<Diagnostic>,
}

/// Reads a project file. Only a regular file is read (a pipe or a device is refused by
/// name), and no more than [`MAX_PROJECT_BYTES`] of it.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    use crate::regular_file::{ReadRefusal, read_regular};
    let shown = path.display().to_string();
    let bytes = read_regular(path, MAX_PROJECT_BYTES).map_err(|refusal| match refusal {
        ReadRefusal::Io(cause) => LoadError::Read {
            path: shown.clone(),
            cause,
        },
        ReadRefusal::Folder => LoadError::IsFolder {
            path: shown.clone(),
        },
        ReadRefusal::Special(kind) => LoadError::NotAFile {
            path: shown.clone(),
            kind,
        },
        ReadRefusal::TooLarge { size } => LoadError::TooLarge {
            path: shown.clone(),
            size_mb: size / (1024 * 1024),
            limit_mb: MAX_PROJECT_BYTES / (1024 * 1024),
        },
    })?;
    from_json(&bytes, &shown)
}

/// Parses project JSON; `path` is only used in messages.
pub fn from_json(bytes: &[u8], path: &str) -> Result<Loaded, LoadError> {
    let path = path.to_owned();
    // Notepad and other Windows editors start UTF-8 files with a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty { path });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| LoadError::Binary { path: path.clone() })?;
    let mut value: Value = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        path: path.clone(),
        message: syntax_message(&e),
        line: e.line(),
        column: e.column(),
    })?;
    let Some(object) = value.as_object_mut() else {
        return Err(LoadError::Foreign {
            path,
            reason: "the top level is not an object".into(),
        });
    };
    match object.remove("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(other) => {
            return Err(LoadError::Foreign {
                path,
                reason: format!("its format is {other}, not \"{FORMAT}\""),
            });
        }
        None => {
            return Err(LoadError::Foreign {
                path,
                reason: "it has no \"format\" field".into(),
            });
        }
    }
    let version = match object.remove("version") {
        Some(Value::Number(n)) => n.as_u64().ok_or_else(|| LoadError::Foreign {
            path: path.clone(),
            reason: format!("its version {n} is not a whole number"),
        })?,
        _ => {
            return Err(LoadError::Foreign {
                path,
                reason: "it has no numeric \"version\" field".into(),
            });
        }
    };
    if version > VERSION {
        return Err(LoadError::TooNew {
            path,
            found: version,
            supported: VERSION,
        });
    }
    if version == 0 {
        return Err(LoadError::Foreign {
            path,
            reason: "version 0 does not exist".into(),
        });
    }
    let limit = |cause| LoadError::Limit {
        path: path.clone(),
        cause,
    };
    limits::check_fields(&value).map_err(limit)?;
    let mut project: Project = serde_json::from_value(value).map_err(|e| LoadError::Shape {
        path: path.clone(),
        // serde quotes the offending value, which may be a long text.
        message: crate::model::shorten(&e.to_string(), 300),
    })?;
    limits::check_project(&project).map_err(limit)?;
    let highest = highest_id(&project);
    project.ids.reserve_up_to(highest);
    // Repaired first, so that references are judged against the ids as they now are.
    let mut warnings: Vec<Diagnostic> = project
        .repair_duplicate_ids()
        .into_iter()
        .map(|problem| Diagnostic::error(problem, None))
        .collect();
    warnings.extend(
        drop_bad_pictures(&mut project)
            .into_iter()
            .map(|problem| Diagnostic::error(problem, None)),
    );
    warnings.extend(
        project
            .dangling_references()
            .into_iter()
            .map(|problem| Diagnostic::warning(problem, None)),
    );
    Ok(Loaded { project, warnings })
}

/// Checks every picture the file carries as a picture file is checked when it is
/// inserted, and drops those that fail (their blocks then print as missing and say so),
/// naming each: a project file is no more trusted than a picture file.
fn drop_bad_pictures(project: &mut Project) -> Vec<String> {
    let mut problems = Vec::new();
    project.pictures.retain(|key, picture| {
        let name = format!("the picture {}", crate::model::shorten(&key.0, 20));
        let checked = if picture.bytes.is_empty() {
            Err(format!("{name}'s bytes in the file are damaged"))
        } else if crate::model::PictureKey::of(&picture.bytes) != *key {
            Err(format!(
                "{name} does not match its bytes (the file was changed)"
            ))
        } else {
            crate::picture::check_stored(picture, &name).map_err(|error| error.to_string())
        };
        match checked {
            Ok(()) => true,
            Err(problem) => {
                problems.push(format!("{problem}; it was left out"));
                false
            }
        }
    });
    let crest = project
        .brief
        .custom_template
        .as_mut()
        .filter(|custom| custom.crest.is_some());
    if let Some(custom) = crest
        && let Some(picture) = &custom.crest
        && let Err(error) = crate::picture::check_stored(picture, "the template's crest")
    {
        problems.push(format!("{error}; it was left out"));
        custom.crest = None;
    }
    problems
}

fn syntax_message(error: &serde_json::Error) -> String {
    let full = error.to_string();
    // serde_json appends " at line L column C"; the caller says that in its own words.
    match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_owned(),
        None => full,
    }
}

fn highest_id(project: &Project) -> u64 {
    let mut highest = 0;
    for source in &project.sources {
        highest = highest.max(source.id.0);
        for section in &source.sections {
            highest = highest.max(section.id.0);
        }
    }
    for point in &project.talking_points {
        highest = highest.max(point.id.0);
    }
    for part in &project.brief.parts {
        highest = highest.max(part.id.0);
        for block in &part.blocks {
            highest = highest.max(block.id.0);
        }
    }
    highest
}

/// The project as pretty-printed JSON with `format` and `version` first.
pub fn to_json(project: &Project) -> String {
    to_value_and_json(project).1
}

fn to_value_and_json(project: &Project) -> (Value, String) {
    let mut object = serde_json::Map::new();
    object.insert("format".into(), Value::String(FORMAT.into()));
    object.insert("version".into(), Value::from(VERSION));
    if let Ok(Value::Object(mut fields)) = serde_json::to_value(project) {
        // Pictures no block and no version shows any more (deleted, or undone) are
        // not saved; undo in this session still finds them in memory.
        if let Some(Value::Object(pictures)) = fields.get_mut("pictures") {
            let in_use = project.pictures_in_use();
            pictures.retain(|key, _| in_use.contains(&crate::model::PictureKey(key.clone())));
            if pictures.is_empty() {
                fields.remove("pictures");
            }
        }
        object.extend(fields);
    }
    let value = Value::Object(object);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    (value, text)
}

/// The project's JSON, if the project keeps every limit that [`load`] checks; otherwise
/// the limit it crosses. What is saved can always be opened again.
pub fn to_checked_json(project: &Project) -> Result<String, LimitError> {
    limits::check_project(project)?;
    let (value, text) = to_value_and_json(project);
    limits::check_fields(&value)?;
    if text.len() as u64 > MAX_PROJECT_BYTES {
        return Err(LimitError::FileTooLarge {
            bytes: text.len() as u64,
        });
    }
    Ok(text)
}

/// Saves atomically: the file on disk is always either the old project or the new one,
/// and the previous version is kept beside it as `NAME.brief.bak`.
pub fn save(project: &Project, path: &Path) -> Result<(), WriteError> {
    save_with(&RealFiles, project, path)
}

/// [`save`] through the given file operations, so a test can fail or stop any step.
///
/// A project that crosses a limit [`load`] checks is not written: the error names the
/// limit, and the file on disk is left as it was.
pub fn save_with(files: &dyn FileOps, project: &Project, path: &Path) -> Result<(), WriteError> {
    let json = to_checked_json(project).map_err(|limit| WriteError {
        path: path.display().to_string(),
        cause: std::io::Error::new(std::io::ErrorKind::InvalidData, limit),
        hint: "; nothing was written",
    })?;
    write_atomically_with(files, path, json.as_bytes(), true)
}
