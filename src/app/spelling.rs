//! The window's spelling state: dictionaries loaded on a background thread, the words the
//! project accepts, and the remembered results per field, so that typing re-checks only
//! the field being typed in. No egui here; `spelling_ui.rs` draws.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::state::AppState;
use crate::model::find::Place;
use crate::model::{Edit, Project};
use crate::spelling::{
    Accepted, Checker, Dictionaries, DictionaryError, DictionaryFolders, PersonalDictionary,
    SpellCache, brief_language, languages_needed,
};

/// A flagged word the user right-clicked, with what its menu offers.
#[derive(Debug, Clone, PartialEq)]
pub struct WordMenu {
    pub place: Place,
    /// Which field of the place (a table's cell), as [`super::spelling_ui::Field`] says.
    pub sub: usize,
    /// Byte range of the word in the place's text.
    pub range: Range<usize>,
    pub word: String,
    pub suggestions: Vec<String>,
}

/// Dictionaries loaded on the background thread, with the tags that were tried.
struct Loaded {
    tags: Vec<String>,
    loaded: Dictionaries,
    problems: Vec<DictionaryError>,
}

/// Dictionaries, accepted words and results; see the module docs.
pub struct SpellingState {
    dictionaries: Dictionaries,
    loading: Vec<Receiver<Loaded>>,
    /// Tags asked for so far, loaded or not (a tag with no dictionary stays unloaded).
    requested: Vec<String>,
    folders: DictionaryFolders,
    personal: PersonalDictionary,
    accepted: Accepted,
    /// The project content version `accepted` and the requested languages were made for.
    seen_version: Option<u64>,
    /// The project's part of `accepted`'s fingerprint (see `Accepted::fingerprint_of`).
    project_fingerprint: Option<u64>,
    /// What the languages were last requested for: the brief's language and the sources'.
    languages_key: u64,
    cache: SpellCache,
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
    fn request(&mut self, project: &Project) {
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
    fn refresh_accepted(&mut self, project: &Project) {
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

impl AppState {
    /// Called every frame: takes in dictionaries that finished loading, asks for those
    /// the project now needs, and gathers the accepted words again after a change. True
    /// while dictionaries are still loading.
    pub fn poll_spelling(&mut self) -> bool {
        let mut problems = Vec::new();
        let spelling = &mut self.spelling;
        spelling.loading.retain(|answer| {
            loop {
                match answer.try_recv() {
                    Ok(Loaded {
                        tags,
                        loaded,
                        problems: failed,
                    }) => {
                        spelling.dictionaries.merge(loaded);
                        for tag in tags {
                            if !spelling.requested.contains(&tag) {
                                spelling.requested.push(tag);
                            }
                        }
                        problems.extend(failed);
                    }
                    Err(TryRecvError::Empty) => break true,
                    Err(TryRecvError::Disconnected) => break false,
                }
            }
        });
        for problem in problems {
            self.warning(format!(
                "A spelling dictionary was not loaded: {problem}. Text in its language is not checked."
            ));
        }
        if self.spelling.seen_version != Some(self.content_version) {
            self.spelling.seen_version = Some(self.content_version);
            self.spelling.refresh_accepted(&self.project);
            let languages_key = crate::spelling::cache_key(&(
                &self.project.brief.meta.language,
                self.project
                    .sources
                    .iter()
                    .map(|s| s.language.as_str())
                    .collect::<Vec<_>>(),
            ));
            if languages_key != self.spelling.languages_key || self.spelling.requested.is_empty() {
                self.spelling.languages_key = languages_key;
                self.spelling.request(&self.project);
            }
        }
        self.spelling.is_loading()
    }

    /// The brief's language tag, as spelling uses it.
    pub fn spelling_language(&self) -> &'static str {
        brief_language(&self.project.brief.meta.language)
    }

    /// Replaces a flagged word with a suggestion, as one undoable edit.
    pub(super) fn replace_word(&mut self, menu: WordMenu, replacement: &str) {
        match crate::spelling::replace_word_edit(
            &self.project,
            menu.place,
            menu.range,
            &menu.word,
            replacement,
        ) {
            Some(edit) => self.apply_edits(vec![edit]),
            None => self.info(format!(
                "\u{201c}{}\u{201d} was not replaced: the text changed since it was checked.",
                menu.word
            )),
        }
    }

    /// Adds a word to the personal dictionary, for every brief.
    pub(super) fn add_to_dictionary(&mut self, word: &str) {
        match self.spelling.personal.add(word) {
            Ok(()) => {
                self.spelling.project_fingerprint = None;
                self.spelling.refresh_accepted(&self.project);
            }
            Err(error) => self.error(format!(
                "\u{201c}{word}\u{201d} was not added: {error}. Check that the folder can be written to."
            )),
        }
    }

    /// Uses the dictionaries in `folder` too, from now on and in later sessions.
    pub(super) fn set_dictionary_folder(&mut self, folder: PathBuf) {
        let available = DictionaryFolders::only(vec![folder.clone()]).available();
        let extra: Vec<String> = available
            .into_iter()
            .filter(|tag| !tag.starts_with("en-"))
            .collect();
        self.settings.extra_dictionaries = Some(folder.clone());
        let personal = std::mem::take(&mut self.spelling.personal);
        self.spelling = SpellingState::new(personal, Some(folder.clone()));
        self.info(if extra.is_empty() {
            format!(
                "{} holds no Hunspell dictionaries (.aff with .dic) for other languages.",
                folder.display()
            )
        } else {
            format!(
                "Spelling now also uses the dictionaries in {}: {}.",
                folder.display(),
                extra.join(", ")
            )
        });
    }

    /// Accepts a word in this brief only (undoable; kept in the project file).
    pub(super) fn ignore_in_brief(&mut self, word: &str) {
        let mut words = self.project.brief.ignored_words.clone();
        if !words.iter().any(|w| w == word) {
            words.push(word.to_owned());
            self.apply_edits(vec![Edit::SetIgnoredWords(words)]);
        }
    }
}

impl AppState {
    /// True if `block` is an excerpt: a quotation, never spell-checked.
    pub(super) fn is_excerpt(&self, block: crate::model::BlockId) -> bool {
        self.project.locate(block).is_some_and(|(part, index)| {
            matches!(
                self.project.brief.parts[part].blocks[index].kind,
                crate::model::BlockKind::Excerpt { .. }
            )
        })
    }
}

impl AppState {
    /// True once the dictionaries asked for have loaded, so the fields show their
    /// unknown words.
    pub fn spelling_is_ready(&self) -> bool {
        self.spelling.is_ready_for(self.spelling_language()) && !self.spelling.is_loading()
    }

    /// How many unknown words the brief has, as far as the loaded dictionaries tell.
    pub fn unknown_word_count(&self) -> usize {
        let checker = Checker {
            dictionaries: &self.spelling.dictionaries,
            language: self.spelling_language(),
            accepted: &self.spelling.accepted,
        };
        crate::spelling::check_project(&self.project, &checker).len()
    }

    /// The words the editor underlines in `place` now: none in excerpts, and none until
    /// the dictionaries have loaded.
    pub fn unknown_words_shown(&self, place: Place) -> Vec<String> {
        if matches!(place, Place::Block(block) if self.is_excerpt(block)) {
            return Vec::new();
        }
        let Some(text) = crate::model::find::place_text(&self.project, place) else {
            return Vec::new();
        };
        let checker = Checker {
            dictionaries: &self.spelling.dictionaries,
            language: self.spelling_language(),
            accepted: &self.spelling.accepted,
        };
        checker
            .unknown_words(&text)
            .into_iter()
            .map(|range| text[range].to_owned())
            .collect()
    }
}
