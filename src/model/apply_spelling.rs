//! Applying the edits of spelling: the brief's language, the words ignored in it, and
//! the language of a source.

use super::super::{Applied, Created, Edit, EditError, Project};

impl Project {
    pub(super) fn apply_spelling_edit(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let inverse = match edit {
            Edit::SetLanguage(language) => {
                let old = std::mem::replace(&mut self.brief.meta.language, language);
                Edit::SetLanguage(old)
            }
            Edit::SetIgnoredWords(words) => {
                let old = std::mem::replace(&mut self.brief.ignored_words, words);
                Edit::SetIgnoredWords(old)
            }
            Edit::SetSourceLanguage(id, language) => {
                let source = self
                    .sources
                    .iter_mut()
                    .find(|s| s.id == id)
                    .ok_or(EditError::NoSuchSource)?;
                let old = std::mem::replace(&mut source.language, language);
                Edit::SetSourceLanguage(id, old)
            }
            // Only the edits above are sent here.
            _ => return Err(EditError::NoText("this edit")),
        };
        Ok(Applied {
            created: Created::Nothing,
            inverse,
        })
    }
}
