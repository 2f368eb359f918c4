//! Spelling: which words of the brief no dictionary knows, and what they might be.
//!
//! The brief is checked in its own language (British English unless it says otherwise),
//! with Hunspell dictionaries read by spellbook. Excerpts are quotations and are never
//! checked. Text in another language is checked with that language's dictionary when one
//! is installed, and is otherwise left alone. Names from the project's sources, talking
//! points and title block, the words ignored in this brief and the personal dictionary
//! are accepted.

mod accepted;
mod cache;
mod check;
mod dictionaries;
mod language;
mod lexicon;
mod personal;
mod report;
mod stem_index;
mod stems;
mod tokens;

pub use accepted::Accepted;
pub use cache::{SpellCache, hash_of as cache_key};
pub use check::{Checker, MAX_SUGGESTIONS};
pub use dictionaries::{Dictionaries, DictionaryError, DictionaryFolders};
pub use language::{
    BRIEF_LANGUAGES, DEFAULT_LANGUAGE, SOURCE_LANGUAGES, brief_language, detect_language,
    detect_source_language, is_english, language_name,
};
pub use personal::{PersonalDictionary, PersonalError, config_folder};
pub use report::{ProjectCheck, count_text};
pub use tokens::words_to_check;

use std::borrow::Cow;
use std::ops::Range;

use crate::model::find::{self, Place};
use crate::model::{Edit, MetaField, Project};

/// The title-block fields that hold prose or names to check, in form order: all but
/// those picked from lists.
pub fn checked_meta() -> impl Iterator<Item = MetaField> {
    MetaField::ALL
        .into_iter()
        .filter(|field| !field.is_chosen_from_list())
}

/// Every place of the brief whose spelling is checked, in reading order, with its text as
/// the editor shows it. Excerpts are left out: they are the source's words.
pub fn checked_places(project: &Project) -> Vec<(Place, Cow<'_, str>)> {
    let meta = &project.brief.meta;
    let mut places: Vec<(Place, Cow<'_, str>)> = checked_meta()
        .map(|field| (Place::Meta(field), Cow::Borrowed(field.get(meta))))
        .collect();
    places.extend(
        find::places(project)
            .into_iter()
            .filter(|(place, _, in_excerpt)| !in_excerpt && !matches!(place, Place::Meta(_)))
            .map(|(place, text, _)| (place, text)),
    );
    places
}

/// An unknown word of the brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub place: Place,
    /// Byte range of the word in the place's text.
    pub range: Range<usize>,
    pub word: String,
}

/// Every unknown word of the brief, in reading order.
pub fn check_project(project: &Project, checker: &Checker<'_>) -> Vec<Finding> {
    checked_places(project)
        .into_iter()
        .flat_map(|(place, text)| {
            checker
                .unknown_words(&text)
                .into_iter()
                .map(move |range| Finding {
                    place,
                    word: text[range.clone()].to_owned(),
                    range,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Where a place is, as the command line names it: "Title block, Purpose",
/// "Background ¶2, paragraph" or "Talking points ¶3, talking point".
pub fn place_label(project: &Project, place: Place) -> String {
    match place {
        Place::Meta(field) => format!("Title block, {}", field.label()),
        Place::Block(block) => {
            let kind = project
                .locate(block)
                .map(|(p, i)| project.brief.parts[p].blocks[i].kind.label())
                .unwrap_or("block")
                .to_lowercase();
            let at = project.block_label(block).unwrap_or_default();
            format!("{at}, {kind}")
        }
        Place::TalkingPoint { block, .. } => {
            let at = project.block_label(block).unwrap_or_default();
            format!("{at}, talking point")
        }
        Place::Figure { block, field } => {
            let at = project.block_label(block).unwrap_or_default();
            format!("{at}, picture {}", field.label())
        }
    }
}

/// The edit that puts `replacement` in place of `word` at `range` of `place`, or `None`
/// if the text there is no longer `word` (it changed since it was checked).
pub fn replace_word_edit(
    project: &Project,
    place: Place,
    range: Range<usize>,
    word: &str,
    replacement: &str,
) -> Option<Edit> {
    let mut text = find::place_text(project, place)?;
    if text.get(range.clone()) != Some(word) {
        return None;
    }
    text.replace_range(range, replacement);
    find::set_text_edit(project, place, text)
}

/// The languages whose dictionaries checking `project` needs: the brief's, and those of
/// its sources and of any of its paragraphs in another language.
pub fn languages_needed(project: &Project) -> Vec<String> {
    let mut tags = vec![brief_language(&project.brief.meta.language).to_owned()];
    let from_sources = project.sources.iter().map(|s| s.language.clone());
    let from_text = checked_places(project)
        .into_iter()
        .filter_map(|(_, text)| detect_language(&text));
    for tag in from_sources.chain(from_text) {
        if !tag.is_empty() && !is_english(&tag) && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}
