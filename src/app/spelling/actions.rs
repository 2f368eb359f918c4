//! The spelling check on the window's behalf: polling the dictionaries, checking the
//! brief's fields, and the commands of the word menu.

use std::path::PathBuf;
use std::sync::mpsc::TryRecvError;

use crate::app::spelling::state::{Loaded, SpellingState, WordMenu};
use crate::app::state::AppState;
use crate::model::Edit;
use crate::model::find::Place;
use crate::spelling::{Checker, DictionaryFolders, brief_language};

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
    pub(in crate::app) fn replace_word(&mut self, menu: WordMenu, replacement: &str) {
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
    pub(in crate::app) fn add_to_dictionary(&mut self, word: &str) {
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
    pub(in crate::app) fn set_dictionary_folder(&mut self, folder: PathBuf) {
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
    pub(in crate::app) fn ignore_in_brief(&mut self, word: &str) {
        let mut words = self.project.brief.ignored_words.clone();
        if !words.iter().any(|w| w == word) {
            words.push(word.to_owned());
            self.apply_edits(vec![Edit::SetIgnoredWords(words)]);
        }
    }
}

impl AppState {
    /// True if `block` is an excerpt: a quotation, never spell-checked.
    pub(in crate::app) fn is_excerpt(&self, block: crate::model::BlockId) -> bool {
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
