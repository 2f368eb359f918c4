//! Portion marking: when a template asks for it, every paragraph starts with its marking
//! in brackets, abbreviated as the scheme says ("(OS)"). Paragraphs the officer writes
//! carry the brief's chosen level; excerpts their source's marking and talking points
//! their own, or the chosen level when unmarked.

use crate::marking::Scheme;
use crate::model::{BlockKind, Marking, Project};
use crate::template::Template;

/// The portion marks of one brief, or none when its template does not ask for them.
#[derive(Debug, Default)]
pub struct PortionMarks {
    scheme: Option<std::borrow::Cow<'static, Scheme>>,
    chosen: String,
}

impl PortionMarks {
    pub fn new(project: &Project, template: &Template) -> Self {
        if !template.portion_marking {
            return PortionMarks::default();
        }
        let scheme = Scheme::for_meta_or_default(&project.brief.meta);
        let chosen = scheme
            .canonical(&project.brief.meta.classification)
            .or_else(|| scheme.canonical(&template.default_classification))
            .unwrap_or(&scheme.default)
            .to_owned();
        PortionMarks {
            scheme: Some(scheme),
            chosen,
        }
    }

    /// "(OS) " for a block, or `None` when portions are not marked.
    pub fn of(&self, project: &Project, kind: &BlockKind) -> Option<String> {
        let scheme = self.scheme.as_deref()?;
        let own = match kind {
            BlockKind::Excerpt { from, .. } => project.section(*from).map(|(s, _)| &s.marking),
            BlockKind::TalkingPoint { point } => project.talking_point(*point).map(|p| &p.marking),
            BlockKind::Paragraph { .. }
            | BlockKind::Bullets { .. }
            | BlockKind::Recommendation { .. }
            | BlockKind::Table { .. }
            | BlockKind::Picture(_) => None,
            BlockKind::PageBreak => return None,
        };
        let level = own
            .filter(|m: &&Marking| !m.level.trim().is_empty())
            .and_then(|m| scheme.canonical(&m.level))
            .unwrap_or(&self.chosen);
        let abbreviation = scheme.abbreviation(level);
        (!abbreviation.is_empty()).then(|| format!("({abbreviation}) "))
    }
}
