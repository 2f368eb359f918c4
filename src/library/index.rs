//! The index cached beside a library (`.briefwright-index.json`, or in the user's cache
//! folder when the library's folder is read-only): every line as last read, keyed by its
//! file's name, changed time and size, so opening re-reads only the files that changed.
//! Histories are left out to keep it small; a line's preview reads its file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::folder::{self, FileStamp};
use super::line::{Line, Status};

/// The name of the index file in a library folder.
pub const INDEX_FILE: &str = ".briefwright-index.json";

/// Bumped when the index's shape changes, so an older index is rebuilt, not misread.
const INDEX_FORMAT: u32 = 2;

/// A line as the index keeps it: the fields the pane lists, searches and filters by.
/// Unlike [`Line`] it has no catch-all for unknown fields, whose `serde(flatten)` would
/// make reading 10,000 of them several times slower; saving always reads the whole file.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Cached {
    id: String,
    version: u32,
    text: String,
    topic: String,
    tags: Vec<String>,
    marking: String,
    caveats: Vec<String>,
    owner: String,
    status: Status,
    approved_by: String,
    approved_on: String,
    review_by: String,
    sources: Vec<String>,
    modified_by: String,
    modified_at: String,
}

impl From<Line> for Cached {
    fn from(line: Line) -> Cached {
        Cached {
            id: line.id,
            version: line.version,
            text: line.text,
            topic: line.topic,
            tags: line.tags,
            marking: line.marking,
            caveats: line.caveats,
            owner: line.owner,
            status: line.status,
            approved_by: line.approved_by,
            approved_on: line.approved_on,
            review_by: line.review_by,
            sources: line.sources,
            modified_by: line.modified_by,
            modified_at: line.modified_at,
        }
    }
}

impl From<Cached> for Line {
    fn from(cached: Cached) -> Line {
        Line {
            id: cached.id,
            version: cached.version,
            text: cached.text,
            topic: cached.topic,
            tags: cached.tags,
            marking: cached.marking,
            caveats: cached.caveats,
            owner: cached.owner,
            status: cached.status,
            approved_by: cached.approved_by,
            approved_on: cached.approved_on,
            review_by: cached.review_by,
            sources: cached.sources,
            modified_by: cached.modified_by,
            modified_at: cached.modified_at,
            unknown_fields: BTreeMap::new(),
            history: Vec::new(),
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct IndexFile {
    format: u32,
    entries: BTreeMap<String, Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    modified_ns: u128,
    size: u64,
    /// The line, or why the file is not a line.
    read: Result<Cached, String>,
}

/// What reading a folder through its index found.
pub struct Indexed {
    /// Every file's line (history left out) or problem, in name order.
    pub read: Vec<(String, Result<Line, String>)>,
    /// How many files had to be read because the index did not know them as they are.
    pub files_read: usize,
    /// Where the index now is, if it could be written anywhere.
    pub index_at: Option<PathBuf>,
}

/// The places the index of `folder` may be, the folder's own first.
fn index_places(folder: &Path) -> Vec<PathBuf> {
    let mut places = vec![folder.join(INDEX_FILE)];
    if let Some(dirs) = directories::ProjectDirs::from("org", "Briefwright", "Briefwright") {
        use std::hash::{Hash, Hasher};
        // A fixed hasher (not RandomState): the same folder must find the same file.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf())
            .hash(&mut hasher);
        places.push(
            dirs.cache_dir()
                .join("library-index")
                .join(format!("{:016x}.json", hasher.finish())),
        );
    }
    places
}

fn load_index(places: &[PathBuf]) -> IndexFile {
    places
        .iter()
        .find_map(|place| {
            let bytes = std::fs::read(place).ok()?;
            let index: IndexFile = serde_json::from_slice(&bytes).ok()?;
            (index.format == INDEX_FORMAT).then_some(index)
        })
        .unwrap_or_default()
}

/// Reads `folder`'s files through its index, and writes the index again if anything
/// changed. An index that cannot be written anywhere only costs the next open its speed.
pub fn read_through_index(folder: &Path) -> std::io::Result<Indexed> {
    let stamps = folder::list(folder)?;
    let places = index_places(folder);
    let mut index = load_index(&places);
    let mut files_read = 0;
    let mut entries = BTreeMap::new();
    for FileStamp {
        name,
        modified_ns,
        size,
    } in stamps
    {
        let known = index
            .entries
            .remove(&name)
            .filter(|e| e.modified_ns == modified_ns && e.size == size);
        let entry = match known {
            Some(entry) => entry,
            None => {
                files_read += 1;
                let read = folder::read(folder, &name).map(Cached::from);
                Entry {
                    modified_ns,
                    size,
                    read,
                }
            }
        };
        entries.insert(name, entry);
    }
    // Files that went away leave entries behind: that too is a change worth saving.
    let changed = files_read > 0 || !index.entries.is_empty();
    let fresh = IndexFile {
        format: INDEX_FORMAT,
        entries,
    };
    let index_at = if changed {
        write_index(&places, &fresh)
    } else {
        places.iter().find(|p| p.is_file()).cloned()
    };
    let read = fresh
        .entries
        .into_iter()
        .map(|(name, entry)| (name, entry.read.map(Line::from)))
        .collect();
    Ok(Indexed {
        read,
        files_read,
        index_at,
    })
}

fn write_index(places: &[PathBuf], index: &IndexFile) -> Option<PathBuf> {
    let bytes = serde_json::to_vec(index).ok()?;
    places.iter().find_map(|place| {
        if let Some(parent) = place.parent() {
            std::fs::create_dir_all(parent).ok()?;
        }
        crate::project::write_atomically(place, &bytes, false).ok()?;
        Some(place.clone())
    })
}
