//! The window's spelling state: dictionaries loaded on a background thread, the words the
//! project accepts, and the remembered results per field, so that typing re-checks only
//! the field being typed in. No egui and no window state here: `actions.rs` asks it for
//! results on the window's behalf and `marks.rs` draws them.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use crate::model::Project;
use crate::model::find::Place;
use crate::spelling::{
    Accepted, Checker, Dictionaries, DictionaryError, DictionaryFolders, PersonalDictionary,
    SpellCache, brief_language, languages_needed,
};

/// A flagged word the user right-clicked, with what its menu offers.
#[derive(Debug, Clone, PartialEq)]
pub struct WordMenu {
    pub place: Place,
    /// Which field of the place (a table's cell), as [`crate::app::spelling::marks::Field`] says.
    pub sub: usize,
    /// Byte range of the word in the place's text.
    pub range: Range<usize>,
    pub word: String,
    pub suggestions: Vec<String>,
}

/// Dictionaries loaded on the background thread, with the tags that were tried.
pub(in crate::app) struct Loaded {
    pub(in crate::app) tags: Vec<String>,
    pub(in crate::app) loaded: Dictionaries,
    pub(in crate::app) problems: Vec<DictionaryError>,
}

/// Dictionaries, accepted words and results; see the module docs.
pub struct SpellingState {
    pub(in crate::app) dictionaries: Dictionaries,
    pub(in crate::app) loading: Vec<Receiver<Loaded>>,
    /// Tags asked for so far, loaded or not (a tag with no dictionary stays unloaded).
    pub(in crate::app) requested: Vec<String>,
    pub(in crate::app) folders: DictionaryFolders,
    pub(in crate::app) personal: PersonalDictionary,
    pub(in crate::app) accepted: Accepted,
    /// The project content version `accepted` and the requested languages were made for.
    pub(in crate::app) seen_version: Option<u64>,
    /// The project's part of `accepted`'s fingerprint (see `Accepted::fingerprint_of`).
    pub(in crate::app) project_fingerprint: Option<u64>,
    /// What the languages were last requested for: the brief's language and the sources'.
    pub(in crate::app) languages_key: u64,
    pub(in crate::app) cache: SpellCache,
    /// The word whose menu is open, if any.
    pub menu: Option<WordMenu>,
}

impl SpellingState {
    /// Nothing loaded yet; `extra_folder` is the user's folder of extra dictionaries.
    pub fn new(personal: PersonalDictionary, extra_folder: Option<PathBuf>) -> Self {
        SpellingState {
            dictionaries: Dictionaries::default(),
            loading: Vec::new(),
            requested: Vec::new(),
            folders: DictionaryFolders::standard(extra_folder.as_deref()),
            personal,
            accepted: Accepted::default(),
            seen_version: None,
            project_fingerprint: None,
            languages_key: 0,
            cache: SpellCache::default(),
            menu: None,
        }
    }

    /// Looks in `folders` instead of the standard places (tests use their own).
    pub fn with_folders(mut self, folders: DictionaryFolders) -> Self {
        self.folders = folders;
        self
    }

    /// True once the dictionary of `language` is loaded.
    pub fn is_ready_for(&self, language: &str) -> bool {
        self.dictionaries.has(language)
    }

    /// True while dictionaries are being loaded.
    pub fn is_loading(&self) -> bool {
        !self.loading.is_empty()
    }

    /// The personal dictionary's words.
    pub fn personal_words(&self) -> &[String] {
        &self.personal.words
    }

    /// Starts loading, on a thread of its own, the dictionaries `project` needs that were
    /// not asked for yet: the brief's language first, so that underlines come soon, then
    /// the languages of its sources and paragraphs (telling those takes time on a long
    /// brief, and is done off the window's thread too).
    pub(in crate::app) fn request(&mut self, project: &Project) {
        let brief = brief_language(&project.brief.meta.language).to_owned();
        let asked: Vec<String> = self.requested.clone();
        self.requested.push(brief.clone());
        let project = project.clone();
        let folders = self.folders.clone();
        let (sender, answer) = channel();
        std::thread::spawn(move || {
            let load = |tags: Vec<String>| {
                let (loaded, problems) = Dictionaries::load(&tags, &folders);
                Loaded {
                    tags,
                    loaded,
                    problems,
                }
            };
            // The window may be gone by the time they are loaded; nothing waits then.
            if !asked.contains(&brief) && sender.send(load(vec![brief.clone()])).is_err() {
                return;
            }
            let others: Vec<String> = languages_needed(&project)
                .into_iter()
                .filter(|tag| *tag != brief && !asked.contains(tag))
                .collect();
            if !others.is_empty() {
                let _ = sender.send(load(others));
            }
        });
        self.loading.push(answer);
    }

    /// The unknown words of `text`, the field `key` of the brief, from the cache when the
    /// text has not changed. None until the brief language's dictionary is loaded.
    pub fn unknown_words(
        &mut self,
        language: &str,
        key: (Place, usize),
        text: &str,
    ) -> Vec<Range<usize>> {
        if !self.dictionaries.has(language) {
            return Vec::new();
        }
        let context = crate::spelling::cache_key(&(
            language,
            self.dictionaries.tags(),
            self.accepted.fingerprint(),
        ));
        let checker = Checker {
            dictionaries: &self.dictionaries,
            language,
            accepted: &self.accepted,
        };
        self.cache.unknown_words(&checker, context, key, text)
    }

    /// Suggestions for the word at `range` of `text`.
    pub fn suggestions(&self, language: &str, text: &str, range: Range<usize>) -> Vec<String> {
        let checker = Checker {
            dictionaries: &self.dictionaries,
            language,
            accepted: &self.accepted,
        };
        checker.suggestions(text, range)
    }

    /// Gathers the accepted words again if the texts they come from changed (or always,
    /// after the personal dictionary changed).
    pub(in crate::app) fn refresh_accepted(&mut self, project: &Project) {
        let fingerprint = Accepted::fingerprint_of(project);
        if self.project_fingerprint == Some(fingerprint) {
            return;
        }
        self.project_fingerprint = Some(fingerprint);
        let mut accepted = Accepted::from_project(project);
        accepted.add_any_case(self.personal.words.iter().map(String::as_str));
        self.accepted = accepted;
    }
}
