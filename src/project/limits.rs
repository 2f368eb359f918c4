//! The limits a project keeps, checked the same way when a project is saved and when it
//! is loaded, so that Briefwright never writes a file it would then refuse to open. Each
//! refusal names the limit and where it was crossed.
//!
//! The limits are far above any real brief and well below what would take the layout
//! minutes or gigabytes: a 60 MB title took 50 s and 7 GB to check, a 15 MB one-word
//! paragraph 1.7 GB.

use serde_json::Value;

pub use crate::model::shorten;
use crate::model::{BlockKind, Project};

/// Largest project file.
pub const MAX_PROJECT_BYTES: u64 = 64 * 1024 * 1024;
/// Longest single text field (a title, a paragraph, a section of a source), in bytes. A
/// long article's longest paragraph is a few kilobytes.
pub const MAX_FIELD_BYTES: usize = 256 * 1024;
/// Most blocks in the brief. A 200-page brief has about 2,000.
pub const MAX_BLOCKS: usize = 10_000;
/// Most sections (headings and paragraphs) in all the sources together.
pub const MAX_SECTIONS: usize = 100_000;
/// Most text the brief may print, excerpts' quoted sections included: about 430 pages of
/// prose (a 200-page brief prints under 1 MB). At 4 MB, `check` took 9.8 s in a debug
/// build, near the 10 s every hostile file must end in.
pub const MAX_PRINTED_BYTES: usize = 2 * 1024 * 1024;
/// Largest id: every id must fit exactly in a JSON number (2^53).
pub const MAX_ID: u64 = 1 << 53;

/// A limit a project crosses.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LimitError {
    #[error(
        "{field} is {size}; a field can be at most {limit}",
        size = size_text(*.bytes as u64),
        limit = size_text(MAX_FIELD_BYTES as u64)
    )]
    FieldTooLong { field: String, bytes: usize },
    #[error("the brief has {count} blocks; a brief can have at most {MAX_BLOCKS}")]
    TooManyBlocks { count: usize },
    #[error(
        "its sources have {count} sections (headings and paragraphs) in all; a project can have at most {MAX_SECTIONS}"
    )]
    TooManySections { count: usize },
    #[error(
        "the brief would print {size} of text (excerpts counted with the sections they quote); a brief can print at most {limit}",
        size = size_text(*.bytes as u64),
        limit = size_text(MAX_PRINTED_BYTES as u64)
    )]
    TooMuchText { bytes: usize },
    #[error("{what} id {id} is larger than an id can be ({MAX_ID})")]
    IdTooLarge { what: &'static str, id: u64 },
    #[error(
        "the project would be {size} as a file; a project can be at most {limit}",
        size = size_text(*.bytes),
        limit = size_text(MAX_PROJECT_BYTES)
    )]
    FileTooLarge { bytes: u64 },
}

/// "1.5 MB", "256 KB", "12 bytes".
pub fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        let megabytes = bytes as f64 / (1024.0 * 1024.0);
        if megabytes.fract() == 0.0 {
            format!("{megabytes:.0} MB")
        } else {
            format!("{megabytes:.1} MB")
        }
    } else if bytes >= 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{bytes} bytes")
    }
}

/// Refuses a project file's JSON with a string longer than [`MAX_FIELD_BYTES`], naming
/// the field by its path (`brief.meta.title`, `sources[0].sections[3].text`).
pub fn check_fields(value: &Value) -> Result<(), LimitError> {
    let mut path = Vec::new();
    longest_over(value, &mut path).map_or(Ok(()), Err)
}

fn longest_over(value: &Value, path: &mut Vec<String>) -> Option<LimitError> {
    match value {
        Value::String(text) if text.len() > MAX_FIELD_BYTES => Some(LimitError::FieldTooLong {
            field: path_text(path),
            bytes: text.len(),
        }),
        Value::Array(items) => items.iter().enumerate().find_map(|(index, item)| {
            path.push(format!("[{index}]"));
            let found = longest_over(item, path);
            path.pop();
            found
        }),
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            // A picture's bytes are one long string, bounded by the file's size and
            // checked as a picture when the project is loaded.
            let crest = path.len() == 3 && path[1] == ".custom_template" && path[2] == ".crest";
            if key == "bytes" && ((path.len() == 2 && path[0] == ".pictures") || crest) {
                return None;
            }
            // A key is a field too: a hostile file may make one megabytes long.
            if key.len() > MAX_FIELD_BYTES {
                return Some(LimitError::FieldTooLong {
                    field: format!("a field name in {}", path_text(path)),
                    bytes: key.len(),
                });
            }
            path.push(format!(".{}", shorten(key, 40)));
            let found = longest_over(item, path);
            path.pop();
            found
        }),
        _ => None,
    }
}

fn path_text(path: &[String]) -> String {
    let joined: String = path.concat();
    let trimmed = joined.trim_start_matches('.');
    if trimmed.is_empty() {
        "the file".to_owned()
    } else {
        format!("the field {trimmed}")
    }
}

/// Refuses a project with more blocks, sections or printed text than the limits allow,
/// or an id too large to keep.
pub fn check_project(project: &Project) -> Result<(), LimitError> {
    let blocks: usize = project.brief.parts.iter().map(|p| p.blocks.len()).sum();
    if blocks > MAX_BLOCKS {
        return Err(LimitError::TooManyBlocks { count: blocks });
    }
    let sections: usize = project.sources.iter().map(|s| s.sections.len()).sum();
    if sections > MAX_SECTIONS {
        return Err(LimitError::TooManySections { count: sections });
    }
    let printed = printed_bytes(project);
    if printed > MAX_PRINTED_BYTES {
        return Err(LimitError::TooMuchText { bytes: printed });
    }
    check_ids(project)
}

/// The text the brief prints, near enough: its fields, blocks, and the sections and
/// talking points its blocks quote (each as often as it is quoted).
fn printed_bytes(project: &Project) -> usize {
    // Looked up once: a project may hold 10,000 excerpts of a source of 100,000 sections.
    let sections: std::collections::HashMap<(u64, u64), usize> = project
        .sources
        .iter()
        .flat_map(|source| {
            source
                .sections
                .iter()
                .map(move |section| ((source.id.0, section.id.0), section.text.len()))
        })
        .collect();
    let points: std::collections::HashMap<u64, usize> = project
        .talking_points
        .iter()
        .map(|point| (point.id.0, point.text.len()))
        .collect();
    let meta = &project.brief.meta;
    let mut total = [
        &meta.title,
        &meta.to,
        &meta.from,
        &meta.purpose,
        &meta.through,
        &meta.copies_to,
        &meta.critical_reason,
    ]
    .iter()
    .map(|text| text.len())
    .sum::<usize>();
    for part in &project.brief.parts {
        total += part.title.len();
        for block in &part.blocks {
            total += match &block.kind {
                BlockKind::Paragraph { text } => text.len(),
                BlockKind::Recommendation { text, .. } => text.len(),
                BlockKind::Excerpt { from, edited } => edited.as_ref().map_or_else(
                    || {
                        sections
                            .get(&(from.source.0, from.section.0))
                            .copied()
                            .unwrap_or(0)
                    },
                    String::len,
                ),
                BlockKind::TalkingPoint { point } => points.get(&point.0).copied().unwrap_or(0),
                BlockKind::Bullets { items } => items.iter().map(String::len).sum(),
                BlockKind::Table { rows } => rows.iter().flatten().map(String::len).sum(),
                BlockKind::PageBreak => 0,
                BlockKind::Picture(figure) => figure.caption.len() + figure.credit.len(),
            };
        }
    }
    total
}

fn check_ids(project: &Project) -> Result<(), LimitError> {
    let too_large =
        |what: &'static str, id: u64| (id > MAX_ID).then_some(LimitError::IdTooLarge { what, id });
    let found = project
        .sources
        .iter()
        .find_map(|source| {
            too_large("source", source.id.0).or_else(|| {
                source
                    .sections
                    .iter()
                    .find_map(|section| too_large("section", section.id.0))
            })
        })
        .or_else(|| {
            project
                .talking_points
                .iter()
                .find_map(|point| too_large("talking point", point.id.0))
        })
        .or_else(|| {
            project.brief.parts.iter().find_map(|part| {
                too_large("part", part.id.0).or_else(|| {
                    part.blocks
                        .iter()
                        .find_map(|block| too_large("block", block.id.0))
                })
            })
        });
    found.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_field_is_named_by_its_path() {
        let long = "x".repeat(MAX_FIELD_BYTES + 1);
        let value =
            serde_json::json!({"brief": {"parts": [{"blocks": [{"text": "a"}, {"text": long}]}]}});
        let error = check_fields(&value).expect_err("too long");
        assert_eq!(
            error.to_string(),
            "the field brief.parts[0].blocks[1].text is 257 KB; a field can be at most 256 KB"
        );
        assert!(check_fields(&serde_json::json!({"a": ["b", {"c": "d"}]})).is_ok());
    }

    #[test]
    fn excerpts_count_the_text_they_quote_each_time() {
        use crate::model::{BlockKind, Section, SectionId, SectionKind, SectionRef, Source};
        let mut project = Project::new("briefing-note", &[("bg".into(), "Background".into())]);
        let text = "word ".repeat(50_000); // 250 KB, under the field limit
        let source = project.add_source(Source::new(
            "Long",
            vec![Section {
                id: SectionId(0),
                kind: SectionKind::Paragraph,
                text,
                figure: None,
            }],
        ));
        let section = project.sources[0].sections[0].id;
        for _ in 0..8 {
            let from = SectionRef { source, section };
            project.push_block(0, BlockKind::Excerpt { from, edited: None });
        }
        assert_eq!(check_project(&project), Ok(()));
        let from = SectionRef { source, section };
        project.push_block(0, BlockKind::Excerpt { from, edited: None });
        assert_eq!(
            check_project(&project).map_err(|e| e.to_string()),
            Err("the brief would print 2.1 MB of text (excerpts counted with the sections they quote); a brief can print at most 2 MB".into())
        );
    }

    #[test]
    fn sizes_and_quotes_are_short() {
        assert_eq!(size_text(64 * 1024 * 1024), "64 MB");
        assert_eq!(size_text(134 * 1024 * 1024 + 300_000), "134.3 MB");
    }
}
