//! Imported articles, their sections, and the talking-point library.

use serde::{Deserialize, Serialize};

use super::{LibraryUse, Marking, SectionId, SourceId, TalkingPointId};

/// An article the officer collected, split into sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub publication: String,
    /// As written in the article, for example "12 May 2026".
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub url: String,
    /// When a web source was read, as written ("3 March 2026"); printed after its URL.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub accessed: String,
    /// Licence, terms of use or the officer's notes.
    #[serde(default)]
    pub notes: String,
    /// The file it was imported from, if any.
    #[serde(default)]
    pub file_name: String,
    /// Its protective marking; excerpts carry it into the brief.
    #[serde(default, skip_serializing_if = "Marking::is_unmarked")]
    pub marking: Marking,
    /// The language it is written in, such as "en" or "ms": detected on import, and
    /// corrected by the officer. Empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    pub sections: Vec<Section>,
    /// The pictures its figure sections show, as imported; the project keeps them once
    /// the source is added (see [`super::Project::add_source`]).
    #[serde(skip)]
    pub pictures: Vec<super::Picture>,
    /// Fields written by a newer Briefwright, kept so that saving does not drop them.
    #[serde(flatten)]
    pub unknown_fields: std::collections::BTreeMap<String, serde_json::Value>,
}

impl Source {
    /// A source with a title and sections and nothing else known yet. Its ids are given
    /// when it is added to a project.
    pub fn new(title: impl Into<String>, sections: Vec<Section>) -> Self {
        Source {
            id: SourceId(0),
            title: title.into(),
            author: String::new(),
            publication: String::new(),
            date: String::new(),
            url: String::new(),
            accessed: String::new(),
            notes: String::new(),
            file_name: String::new(),
            marking: Marking::default(),
            language: String::new(),
            sections,
            pictures: Vec::new(),
            unknown_fields: Default::default(),
        }
    }

    /// The sections that carry the article's content (no boilerplate).
    pub fn body_sections(&self) -> impl Iterator<Item = &Section> {
        self.sections
            .iter()
            .filter(|s| s.kind != SectionKind::Boilerplate)
    }

    /// "Author, Publication, date", leaving out what is unknown.
    pub fn citation(&self) -> String {
        [&self.author, &self.publication, &self.date]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// One heading, paragraph or picture of a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: SectionId,
    pub kind: SectionKind,
    /// A picture's caption (or, without one, its alternative text).
    pub text: String,
    /// The picture a figure section shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<SourceFigure>,
}

impl Section {
    /// A heading or paragraph; its id is given when its source is added to a project.
    pub fn new(kind: SectionKind, text: impl Into<String>) -> Section {
        Section {
            id: SectionId(0),
            kind,
            text: text.into(),
            figure: None,
        }
    }
}

/// A picture in a source: the picture stored in the project, and what the page or
/// document said it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceFigure {
    pub picture: super::PictureKey,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub alt: String,
}

/// What a section of a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Heading,
    Paragraph,
    /// Newsletter footers, sign-up prompts, author blurbs: kept for reference, not content.
    Boilerplate,
    /// A picture of the article, with its caption.
    Figure,
}

/// Points at one section of one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SectionRef {
    pub source: SourceId,
    pub section: SectionId,
}

/// A reusable line the minister can say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalkingPoint {
    pub id: TalkingPointId,
    pub text: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The source section it draws on, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SectionRef>,
    /// Its protective marking.
    #[serde(default, skip_serializing_if = "Marking::is_unmarked")]
    pub marking: Marking,
    /// The shared library line it was taken from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library: Option<LibraryUse>,
}
