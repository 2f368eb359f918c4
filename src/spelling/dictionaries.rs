//! Finding and loading Hunspell dictionaries: the English ones built into the program,
//! a folder of extra dictionaries the user chose, Briefwright's own folder in the user's
//! config folder, and the system's Hunspell folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::lexicon::Lexicon as Dictionary;
use super::stems::StemIndex;

/// The affix rules shared by the bundled English dictionaries.
const ENGLISH_AFF: &str = include_str!("../../assets/dictionaries/en.aff");

/// A bundled word list: its language tag, its entries, and its stem index (made by
/// `build.rs`: the cores map and the line table).
struct Bundled {
    tag: &'static str,
    dic: &'static str,
    cores: &'static [u8],
    lines: &'static [u8],
}

macro_rules! bundled {
    ($tag:literal, $name:literal) => {
        Bundled {
            tag: $tag,
            dic: include_str!(concat!("../../assets/dictionaries/", $name, ".dic")),
            cores: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".cores.fst")),
            lines: include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".lines")),
        }
    };
}

/// The bundled word lists (SCOWL, see `assets/dictionaries/README.md`).
const BUNDLED: [Bundled; 4] = [
    bundled!("en-GB", "en_GB"),
    bundled!("en-AU", "en_AU"),
    bundled!("en-CA", "en_CA"),
    bundled!("en-US", "en_US"),
];

/// Folders where the system keeps Hunspell dictionaries.
const SYSTEM_FOLDERS: [&str; 3] = [
    "/usr/share/hunspell",
    "/usr/share/myspell/dicts",
    "/usr/share/myspell",
];

/// Where to look for dictionaries besides the bundled ones, in order of preference.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DictionaryFolders {
    /// The user's folders, preferred even to the bundled dictionaries.
    pub folders: Vec<PathBuf>,
    /// The system's folders, used for languages that are not bundled.
    pub system: Vec<PathBuf>,
}

impl DictionaryFolders {
    /// The user's folder of extra dictionaries (if chosen), then Briefwright's
    /// `dictionaries` folder in the user's config folder, then the system's folders.
    pub fn standard(extra: Option<&Path>) -> Self {
        let mut folders: Vec<PathBuf> = extra.map(Path::to_path_buf).into_iter().collect();
        folders.extend(super::personal::config_folder().map(|c| c.join("dictionaries")));
        let system = SYSTEM_FOLDERS.iter().map(PathBuf::from).collect();
        DictionaryFolders { folders, system }
    }

    /// Only these folders, and no system or config folder (for tests).
    pub fn only(folders: Vec<PathBuf>) -> Self {
        DictionaryFolders {
            folders,
            system: Vec::new(),
        }
    }

    /// The `.aff` and `.dic` files for `tag` in the first of `folders` that has them.
    fn find(folders: &[PathBuf], tag: &str) -> Option<(PathBuf, PathBuf)> {
        folders.iter().find_map(|folder| find_in(folder, tag))
    }

    /// Every language tag the folders hold a dictionary for, with the bundled ones.
    pub fn available(&self) -> Vec<String> {
        let mut tags: Vec<String> = BUNDLED.iter().map(|b| b.tag.to_owned()).collect();
        for folder in self.folders.iter().chain(&self.system) {
            let Ok(entries) = std::fs::read_dir(folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "aff")
                    && path.with_extension("dic").is_file()
                    && let Some(stem) = path.file_stem()
                {
                    let tag = stem.to_string_lossy().replace('_', "-");
                    if !tags.contains(&tag) {
                        tags.push(tag);
                    }
                }
            }
        }
        tags
    }
}

/// A dictionary for `tag` in `folder`: "ms" finds `ms_MY.aff` or `ms.aff`, "en-GB" finds
/// `en_GB.aff`.
fn find_in(folder: &Path, tag: &str) -> Option<(PathBuf, PathBuf)> {
    let wanted = tag.replace('-', "_").to_ascii_lowercase();
    let mut stems: Vec<String> = std::fs::read_dir(folder)
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            let is_aff = path.extension().is_some_and(|e| e == "aff");
            let stem = path.file_stem()?.to_string_lossy().into_owned();
            (is_aff && path.with_extension("dic").is_file()).then_some(stem)
        })
        .collect();
    stems.sort();
    let exact = stems.iter().find(|s| s.to_ascii_lowercase() == wanted);
    let regional = || {
        stems
            .iter()
            .find(|s| s.to_ascii_lowercase().starts_with(&format!("{wanted}_")))
    };
    let stem = exact.or_else(regional)?;
    Some((
        folder.join(format!("{stem}.aff")),
        folder.join(format!("{stem}.dic")),
    ))
}

/// Why a dictionary could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DictionaryError {
    #[error("{path} could not be read: {cause}")]
    Read { path: String, cause: std::io::Error },
    #[error("{path} is not a Hunspell dictionary Briefwright can read: {cause}")]
    Parse { path: String, cause: String },
}

/// The dictionaries loaded so far, by language tag.
#[derive(Clone, Default)]
pub struct Dictionaries {
    by_tag: HashMap<String, Arc<Dictionary>>,
}

impl std::fmt::Debug for Dictionaries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut tags: Vec<&String> = self.by_tag.keys().collect();
        tags.sort();
        f.debug_struct("Dictionaries")
            .field("loaded", &tags)
            .finish()
    }
}

impl Dictionaries {
    /// Loads the dictionary of each tag that has one. Tags with none are left out (their
    /// text is not checked); dictionaries that fail to load are reported, once each.
    pub fn load(tags: &[String], folders: &DictionaryFolders) -> (Self, Vec<DictionaryError>) {
        let mut dictionaries = Dictionaries::default();
        let problems = dictionaries.load_more(tags, folders);
        (dictionaries, problems)
    }

    /// Loads the dictionary of each tag, with only the entries that words of `texts` can
    /// be accepted through: enough to tell which words of `texts` are unknown, quickly,
    /// but not to suggest corrections.
    pub fn load_for_texts(
        tags: &[String],
        folders: &DictionaryFolders,
        texts: &[String],
    ) -> (Self, Vec<DictionaryError>) {
        let mut dictionaries = Dictionaries::default();
        let problems = dictionaries.load_tags(tags, folders, Some(texts));
        (dictionaries, problems)
    }

    /// Loads the tags not loaded yet.
    pub fn load_more(
        &mut self,
        tags: &[String],
        folders: &DictionaryFolders,
    ) -> Vec<DictionaryError> {
        self.load_tags(tags, folders, None)
    }

    fn load_tags(
        &mut self,
        tags: &[String],
        folders: &DictionaryFolders,
        only_for: Option<&[String]>,
    ) -> Vec<DictionaryError> {
        let mut problems = Vec::new();
        for tag in tags {
            if self.by_tag.contains_key(tag) {
                continue;
            }
            match load_one(tag, folders, only_for) {
                Ok(Some(dictionary)) => {
                    self.by_tag.insert(tag.clone(), Arc::new(dictionary));
                }
                Ok(None) => {}
                Err(error) => problems.push(error),
            }
        }
        problems
    }

    /// Adds the dictionaries of `other` that this one lacks.
    pub fn merge(&mut self, other: Dictionaries) {
        for (tag, dictionary) in other.by_tag {
            self.by_tag.entry(tag).or_insert(dictionary);
        }
    }

    /// The dictionary for `tag`, if loaded.
    pub fn get(&self, tag: &str) -> Option<&Dictionary> {
        self.by_tag.get(tag).map(Arc::as_ref)
    }

    /// True if a dictionary for `tag` is loaded.
    pub fn has(&self, tag: &str) -> bool {
        self.by_tag.contains_key(tag)
    }

    /// The tags loaded, sorted.
    pub fn tags(&self) -> Vec<String> {
        let mut tags: Vec<String> = self.by_tag.keys().cloned().collect();
        tags.sort();
        tags
    }
}

/// The dictionary for `tag`: the user's folders first, so that a bundled one can be
/// replaced, then the bundled ones, then the system's folders. Bundled English comes
/// before the system's, so that English is checked the same way on every machine.
/// With `only_for`, only the entries of a bundled list that words of those texts can be
/// accepted through are read; other lists have no index and are read whole.
fn load_one(
    tag: &str,
    folders: &DictionaryFolders,
    only_for: Option<&[String]>,
) -> Result<Option<Dictionary>, DictionaryError> {
    if let Some(files) = DictionaryFolders::find(&folders.folders, tag) {
        return load_files(files).map(Some);
    }
    if let Some(bundled) = BUNDLED.iter().find(|b| b.tag == tag) {
        let index = only_for.and_then(|texts| {
            StemIndex::new(bundled.cores, bundled.lines).map(|index| (index, texts))
        });
        let read = match index {
            Some((index, texts)) => Dictionary::for_texts(ENGLISH_AFF, bundled.dic, &index, texts),
            None => Dictionary::new(ENGLISH_AFF, bundled.dic),
        };
        return read.map(Some).map_err(|cause| DictionaryError::Parse {
            path: format!("the bundled {tag} dictionary"),
            cause: cause.to_string(),
        });
    }
    DictionaryFolders::find(&folders.system, tag)
        .map(load_files)
        .transpose()
}

fn load_files((aff, dic): (PathBuf, PathBuf)) -> Result<Dictionary, DictionaryError> {
    let aff_text = read_dictionary_file(&aff)?;
    let dic_text = read_dictionary_file_as(&dic, encoding_of(&aff_text))?;
    Dictionary::new(&aff_text, &dic_text).map_err(|cause| DictionaryError::Parse {
        path: aff.display().to_string(),
        cause: cause.to_string(),
    })
}

/// The encoding an `.aff` file names on its `SET` line (UTF-8 if none).
fn encoding_of(aff: &str) -> &'static encoding_rs::Encoding {
    aff.lines()
        .find_map(|line| line.trim().strip_prefix("SET "))
        .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()))
        .unwrap_or(encoding_rs::UTF_8)
}

/// An `.aff` file, decoded as its `SET` line says. Reading it as Latin-1 first is enough
/// to find that line, which is ASCII.
fn read_dictionary_file(path: &Path) -> Result<String, DictionaryError> {
    let bytes = read_bytes(path)?;
    let (ascii_view, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    let encoding = encoding_of(&ascii_view);
    Ok(encoding.decode(&bytes).0.into_owned())
}

fn read_dictionary_file_as(
    path: &Path,
    encoding: &'static encoding_rs::Encoding,
) -> Result<String, DictionaryError> {
    let bytes = read_bytes(path)?;
    Ok(encoding.decode(&bytes).0.into_owned())
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, DictionaryError> {
    std::fs::read(path).map_err(|cause| DictionaryError::Read {
        path: path.display().to_string(),
        cause,
    })
}
