//! The update check: for each talking point a brief took from a library, whether the
//! line has changed since (with the newer words), been withdrawn, or expired, and
//! whether its library can be reached at all.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::Library;
use super::line::{Line, Status};
use crate::model::{BlockKind, LibraryUse, Project, TalkingPointId};

/// What a library talking point needs the officer to know.
#[derive(Debug, Clone, PartialEq)]
pub enum UseNotice {
    /// The line has a newer version than the brief's, not yet kept or taken.
    Updated {
        line: Line,
    },
    Withdrawn {
        line: Line,
    },
    Expired {
        line: Line,
    },
    /// The library is open but no longer has the line.
    LineGone,
    /// No library with this id could be opened; the brief keeps its own words.
    LibraryUnreachable {
        library: String,
    },
}

/// One notice on one talking point.
#[derive(Debug, Clone, PartialEq)]
pub struct UseCheck {
    pub point: TalkingPointId,
    /// Whether a block of the brief shows the point (else it only sits in the project).
    pub in_brief: bool,
    pub used: LibraryUse,
    pub notice: UseNotice,
}

impl UseCheck {
    /// One sentence for the window, `check` and export warnings.
    pub fn message(&self, project: &Project) -> String {
        let words = project
            .talking_point(self.point)
            .map(|p| crate::model::shorten(&p.text, 50))
            .unwrap_or_default();
        let what = format!("the talking point \u{201c}{words}\u{201d}");
        match &self.notice {
            UseNotice::Updated { line } => format!(
                "{what} was updated in the library: version {} by {} on {} (the brief has version {})",
                line.version,
                line.modified_by,
                crate::dates::long_date(&line.modified_at).unwrap_or_default(),
                self.used.version
            ),
            UseNotice::Withdrawn { .. } => {
                format!("{what} uses a line that was withdrawn from the library")
            }
            UseNotice::Expired { line } => format!(
                "{what} uses a line whose review date ({}) has passed",
                line.review_by
            ),
            UseNotice::LineGone => format!(
                "{what} uses line {} that is no longer in the library {}",
                self.used.line, self.used.library
            ),
            UseNotice::LibraryUnreachable { library } => {
                format!("library {library} not reachable; {what} keeps the words it has")
            }
        }
    }

    /// Whether export should warn about it: withdrawn and expired lines in the brief.
    pub fn warns_at_export(&self) -> bool {
        self.in_brief
            && matches!(
                self.notice,
                UseNotice::Withdrawn { .. } | UseNotice::Expired { .. }
            )
    }
}

/// Where a library a brief uses stands.
#[derive(Debug)]
pub enum LibraryState {
    Open(Box<Library>),
    Unreachable { library: String, why: String },
}

/// Opens the libraries `project` uses: those among `folders` (the officer's list) and,
/// for ids not found there, the folder each was in when the line was taken.
pub fn libraries_for(project: &Project, folders: &[PathBuf]) -> Vec<LibraryState> {
    let mut states: Vec<LibraryState> = folders
        .iter()
        .filter_map(|f| Library::open(f).ok())
        .map(|l| LibraryState::Open(Box::new(l)))
        .collect();
    let used: BTreeSet<(&str, &str)> = project
        .talking_points
        .iter()
        .filter_map(|p| p.library.as_ref())
        .map(|u| (u.library.as_str(), u.folder.as_str()))
        .collect();
    for (id, folder) in used {
        let known = states.iter().any(|s| match s {
            LibraryState::Open(l) => l.info.id == id,
            LibraryState::Unreachable { library, .. } => library == id,
        });
        if known {
            continue;
        }
        let opened = Library::open(std::path::Path::new(folder))
            .map_err(|e| e.to_string())
            .and_then(|l| {
                if l.info.id == id {
                    Ok(l)
                } else {
                    Err(format!("{folder} now holds the library {}", l.info.id))
                }
            });
        states.push(match opened {
            Ok(l) => LibraryState::Open(Box::new(l)),
            Err(why) => LibraryState::Unreachable {
                library: id.to_owned(),
                why,
            },
        });
    }
    states
}

/// The notices for `project`'s library talking points, given the open `libraries`, as
/// of `today` (`YYYY-MM-DD`). Points with nothing to report are left out.
pub fn check_uses(project: &Project, libraries: &[&Library], today: &str) -> Vec<UseCheck> {
    let in_brief: BTreeSet<TalkingPointId> = project
        .brief
        .blocks()
        .filter_map(|b| match b.kind {
            BlockKind::TalkingPoint { point } => Some(point),
            _ => None,
        })
        .collect();
    let mut checks = Vec::new();
    for point in &project.talking_points {
        let Some(used) = &point.library else { continue };
        let library = libraries.iter().find(|l| l.info.id == used.library);
        let notice = match library {
            None => Some(UseNotice::LibraryUnreachable {
                library: used.library.clone(),
            }),
            Some(library) => match library.line(&used.line) {
                None => Some(UseNotice::LineGone),
                Some(line) if line.status == Status::Withdrawn => {
                    Some(UseNotice::Withdrawn { line: line.clone() })
                }
                Some(line)
                    if line.version > used.version
                        && used.kept != Some(line.version)
                        && line.text != point.text =>
                {
                    Some(UseNotice::Updated { line: line.clone() })
                }
                Some(line) if line.is_expired(today) => {
                    Some(UseNotice::Expired { line: line.clone() })
                }
                Some(_) => None,
            },
        };
        if let Some(notice) = notice {
            checks.push(UseCheck {
                point: point.id,
                in_brief: in_brief.contains(&point.id),
                used: used.clone(),
                notice,
            });
        }
    }
    checks
}
