//! Starting a new brief: a project from a template, with imported articles as sources and
//! their body sections placed as excerpts for the officer to trim.

use crate::dates::long_date;
use crate::model::{BlockKind, CustomTemplate, Project, SectionKind, SectionRef, Source};
use crate::template::Template;

/// What a new draft starts from.
#[derive(Debug, Clone, Default)]
pub struct DraftOptions {
    pub title: Option<String>,
    pub classification: Option<String>,
    /// The marking scheme's name; empty for the default.
    pub scheme: String,
    /// A department's scheme TOML, kept in the project; empty for a built-in scheme.
    pub custom_scheme: String,
    /// ISO 8601 timestamp stamped into exported PDFs ([`crate::dates::now_timestamp`]).
    pub created: String,
    /// The copy of `template` the project keeps when it is not a built-in template.
    pub custom_template: Option<CustomTemplate>,
}

/// A new project with the template's standard parts and every body section of `sources`
/// placed as an excerpt in the part that receives excerpts.
pub fn new_draft(template: &Template, sources: Vec<Source>, options: &DraftOptions) -> Project {
    let mut project = Project::new(&template.name, &template.part_titles());
    project.brief.custom_template = options.custom_template.clone();
    let meta = &mut project.brief.meta;
    meta.scheme = options.scheme.clone();
    meta.custom_scheme = options.custom_scheme.clone();
    let scheme = crate::marking::Scheme::for_meta_or_default(meta);
    meta.classification = options.classification.clone().unwrap_or_else(|| {
        scheme
            .canonical(&template.default_classification)
            .unwrap_or(&scheme.default)
            .to_owned()
    });
    meta.created = options.created.clone();
    meta.date = long_date(&options.created).unwrap_or_default();
    meta.title = options.title.clone().unwrap_or_else(|| {
        sources
            .first()
            .map(|s| format!("Brief: {}", s.title))
            .unwrap_or_else(|| crate::model::PLACEHOLDER_TITLE.to_owned())
    });
    let target = template
        .parts
        .iter()
        .position(|p| p.receives_excerpts)
        .unwrap_or(0);
    for source in sources {
        let source_id = project.add_source(source);
        let sections: Vec<(SectionRef, SectionKind)> = project
            .source(source_id)
            .map(|s| {
                s.sections
                    .iter()
                    .filter(|section| {
                        matches!(section.kind, SectionKind::Paragraph | SectionKind::Figure)
                    })
                    .map(|section| {
                        let from = SectionRef {
                            source: source_id,
                            section: section.id,
                        };
                        (from, section.kind)
                    })
                    .collect()
            })
            .unwrap_or_default();
        for (from, kind) in sections {
            // Only a picture needs its section looked up; an article of half a million
            // paragraphs must not look up each one.
            let kind = if kind == SectionKind::Figure {
                project.quoting_block(from)
            } else {
                BlockKind::Excerpt { from, edited: None }
            };
            project.push_block(target, kind);
        }
    }
    project
}
