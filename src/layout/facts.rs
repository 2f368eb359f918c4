//! The document facts every exporter writes into its file's properties: title, author,
//! subject, keywords, language, dates, reference and marking scheme. They are read from the
//! brief once, here, so the PDF's document information and XMP and the Word file's core
//! properties say the same thing by the same rules, and neither writer reads the model.

use crate::model::BriefMeta;

/// What the brief says about itself, as written (not trimmed: the PDF's bytes depend on
/// it); the methods give the derived facts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    pub title: String,
    /// The brief's author, or its From line when it names none.
    pub author: String,
    pub purpose: String,
    pub keywords: Vec<String>,
    /// The language tag the brief is written in ("en-AU"); empty for the default.
    pub language: String,
    /// The project's creation timestamp, "YYYY-MM-DDTHH:MM:SSZ" or a date.
    pub created: String,
    pub reference: String,
    /// The marking scheme's id as the brief names it; empty for the default.
    pub scheme: String,
}

impl Facts {
    pub fn of(meta: &BriefMeta) -> Facts {
        let author = if meta.author.trim().is_empty() {
            &meta.from
        } else {
            &meta.author
        };
        // A redline marks its title block's changes; the properties hold the new text.
        let current = crate::change_mark::current;
        Facts {
            title: current(&meta.title),
            author: current(author),
            purpose: current(&meta.purpose),
            keywords: meta.keywords.clone(),
            language: meta.language.clone(),
            created: meta.created.clone(),
            reference: current(&meta.reference),
            scheme: meta.scheme.clone(),
        }
    }

    /// The subject line: the purpose, or "Briefing note: " and the title without one.
    pub fn subject(&self) -> String {
        if self.purpose.trim().is_empty() {
            format!("Briefing note: {}", self.title)
        } else {
            self.purpose.clone()
        }
    }

    /// The language tag the brief is written in, British English ("en-GB") when it
    /// names none.
    pub fn language_or_default(&self) -> &str {
        match self.language.trim() {
            "" => crate::spelling::DEFAULT_LANGUAGE,
            language => language,
        }
    }

    /// The marking scheme's id, the default one when the brief names none.
    pub fn scheme_or_default(&self) -> &str {
        match self.scheme.trim() {
            "" => crate::marking::DEFAULT_SCHEME,
            scheme => scheme,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_author_falls_back_to_from_and_the_subject_to_the_title() {
        let meta = BriefMeta {
            title: "Water".to_owned(),
            from: "Director, Central Asia".to_owned(),
            author: "  ".to_owned(),
            ..BriefMeta::default()
        };
        let facts = Facts::of(&meta);
        assert_eq!(facts.author, "Director, Central Asia");
        assert_eq!(facts.subject(), "Briefing note: Water");
        assert_eq!(facts.scheme_or_default(), crate::marking::DEFAULT_SCHEME);
        let meta = BriefMeta {
            author: "A. Officer".to_owned(),
            purpose: "To seek agreement".to_owned(),
            scheme: " uk-gscp ".to_owned(),
            ..meta
        };
        let facts = Facts::of(&meta);
        assert_eq!(facts.author, "A. Officer");
        assert_eq!(facts.subject(), "To seek agreement");
        assert_eq!(facts.scheme_or_default(), "uk-gscp");
    }
}
