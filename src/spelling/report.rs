//! Checking a whole project outside the window, for the command line: the dictionaries
//! it needs, loaded at once, and a line per unknown word.

use super::check::without_accents;
use super::{
    Accepted, Checker, Dictionaries, DictionaryError, DictionaryFolders, Finding,
    PersonalDictionary, brief_language, check_project, checked_places, languages_needed,
    place_label,
};
use crate::model::Project;

/// A project made ready to check: its dictionaries and accepted words.
#[derive(Debug)]
pub struct ProjectCheck {
    pub dictionaries: Dictionaries,
    pub accepted: Accepted,
    pub language: &'static str,
    /// Dictionaries that were found but could not be read.
    pub problems: Vec<DictionaryError>,
}

impl ProjectCheck {
    /// Loads the dictionaries `project` needs from the bundled ones and `folders`, and
    /// gathers its accepted words with the personal dictionary's.
    pub fn prepare(
        project: &Project,
        folders: &DictionaryFolders,
        personal: &PersonalDictionary,
    ) -> Self {
        let (dictionaries, problems) = Dictionaries::load(&languages_needed(project), folders);
        Self::with(project, dictionaries, problems, personal)
    }

    fn with(
        project: &Project,
        dictionaries: Dictionaries,
        problems: Vec<DictionaryError>,
        personal: &PersonalDictionary,
    ) -> Self {
        let mut accepted = Accepted::from_project(project);
        accepted.add_any_case(personal.words.iter().map(String::as_str));
        ProjectCheck {
            dictionaries,
            accepted,
            language: brief_language(&project.brief.meta.language),
            problems,
        }
    }

    /// Ready to count `project`'s unknown words, and no more: each dictionary holds only
    /// the entries the brief's words can be accepted through, so it loads in a fraction
    /// of the time, gives the same count, and cannot suggest corrections.
    pub fn for_counting(project: &Project, extra_folder: Option<&std::path::Path>) -> Self {
        let folders = DictionaryFolders::standard(extra_folder);
        let mut texts: Vec<String> = Vec::new();
        for (_, text) in checked_places(project) {
            texts.extend(without_accents(&text));
            texts.push(text.into_owned());
        }
        let (dictionaries, problems) =
            Dictionaries::load_for_texts(&languages_needed(project), &folders, &texts);
        Self::with(
            project,
            dictionaries,
            problems,
            &PersonalDictionary::standard(),
        )
    }

    /// [`ProjectCheck::prepare`] with the standard folders (`extra_folder` first) and the
    /// user's personal dictionary.
    pub fn standard(project: &Project, extra_folder: Option<&std::path::Path>) -> Self {
        let folders = DictionaryFolders::standard(extra_folder);
        Self::prepare(project, &folders, &PersonalDictionary::standard())
    }

    /// A checker over the loaded dictionaries and accepted words.
    pub fn checker(&self) -> Checker<'_> {
        Checker {
            dictionaries: &self.dictionaries,
            language: self.language,
            accepted: &self.accepted,
        }
    }

    /// The unknown words of the brief, in reading order.
    pub fn findings(&self, project: &Project) -> Vec<Finding> {
        check_project(project, &self.checker())
    }

    /// "Background ¶1, paragraph: strenghten (suggestions: strengthen, …)".
    pub fn describe(&self, project: &Project, finding: &Finding) -> String {
        let text = crate::model::find::place_text(project, finding.place).unwrap_or_default();
        let suggestions = self.checker().suggestions(&text, finding.range.clone());
        let offered = if suggestions.is_empty() {
            "no suggestions".to_owned()
        } else {
            format!("suggestions: {}", suggestions.join(", "))
        };
        format!(
            "{}: {} ({offered})",
            place_label(project, finding.place),
            finding.word
        )
    }
}

/// "1 unknown word", "3 unknown words".
pub fn count_text(count: usize) -> String {
    format!("{count} unknown word{}", if count == 1 { "" } else { "s" })
}
