//! Saved versions of the brief. In memory each version holds its blocks, shared with the
//! versions before it where unchanged; in the project file a block that did not change
//! between versions is written once, so twenty versions of a long brief cost little more
//! than one.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Block, BriefMeta, PartId, Project, VersionId};

/// Why a version was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VersionReason {
    /// The officer saved it (Save Version…).
    Saved,
    /// Saved when a clearance row was signed off; that sign-off refers to it.
    Clearance,
    /// Saved when the brief was exported for review.
    ReviewExport,
}

/// The brief as it was when the version was saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub id: VersionId,
    pub label: String,
    pub author: String,
    /// ISO 8601.
    pub date: String,
    pub reason: VersionReason,
    pub template: String,
    pub meta: BriefMeta,
    pub parts: Vec<VersionPart>,
    /// For a version exported to Word for review: each block's text as the Word file
    /// had it, so that edits a reviewer made with Track Changes off can be found.
    pub word_text: Vec<(super::BlockId, String)>,
}

/// A part of a saved version.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionPart {
    pub id: PartId,
    pub key: String,
    pub title: String,
    pub blocks: Vec<Arc<Block>>,
}

impl Project {
    /// The brief as it is now, as a version (not yet added to the project). Blocks that
    /// are unchanged since the latest version share its copy.
    pub fn snapshot(
        &mut self,
        label: &str,
        author: &str,
        date: &str,
        reason: VersionReason,
    ) -> Version {
        let previous: HashMap<super::BlockId, &Arc<Block>> = self
            .review
            .versions
            .last()
            .map(|v| {
                v.parts
                    .iter()
                    .flat_map(|p| &p.blocks)
                    .map(|b| (b.id, b))
                    .collect()
            })
            .unwrap_or_default();
        let parts = self
            .brief
            .parts
            .iter()
            .map(|part| VersionPart {
                id: part.id,
                key: part.key.clone(),
                title: part.title.clone(),
                blocks: part
                    .blocks
                    .iter()
                    .map(|block| match previous.get(&block.id) {
                        Some(kept) if ***kept == *block => Arc::clone(kept),
                        _ => Arc::new(block.clone()),
                    })
                    .collect(),
            })
            .collect();
        Version {
            id: self.ids.version(),
            label: label.trim().to_owned(),
            author: author.to_owned(),
            date: date.to_owned(),
            reason,
            template: self.brief.template.clone(),
            meta: self.brief.meta.clone(),
            parts,
            word_text: Vec::new(),
        }
    }

    /// The project with its brief as `version` left it, for reading, comparing and
    /// restoring. Sources and talking points are today's; comments and suggestions are
    /// left out.
    pub fn as_of(&self, version: VersionId) -> Option<Project> {
        let version = self.review.version(version)?;
        let mut project = Project {
            ids: self.ids.clone(),
            sources: self.sources.clone(),
            talking_points: self.talking_points.clone(),
            brief: self.brief.clone(),
            review: Default::default(),
            pictures: self.pictures.clone(),
            markup: None,
            unknown_fields: self.unknown_fields.clone(),
        };
        project.brief.template = version.template.clone();
        project.brief.meta = version.meta.clone();
        project.brief.parts = version
            .parts
            .iter()
            .map(|part| super::Part {
                id: part.id,
                key: part.key.clone(),
                title: part.title.clone(),
                blocks: part.blocks.iter().map(|b| Block::clone(b)).collect(),
            })
            .collect();
        Some(project)
    }
}

impl Project {
    /// The edit that signs off clearance row `row` as cleared on `date` (ISO 8601): it
    /// saves the brief as a version and records that version on the row, as one step.
    pub fn sign_off(&mut self, row: usize, author: &str, date: &str) -> super::Edit {
        let name = self
            .brief
            .meta
            .clearance
            .get(row)
            .map(|r| r.name.trim().to_owned())
            .unwrap_or_default();
        let version = self.snapshot(
            &format!("Cleared by {name}"),
            author,
            date,
            VersionReason::Clearance,
        );
        let mut rows = self.brief.meta.clearance.clone();
        if let Some(signed) = rows.get_mut(row) {
            signed.cleared = Some(super::SignOff {
                version: version.id,
                on: date.to_owned(),
            });
            if let Some(day) = crate::dates::long_date(date) {
                signed.date = day;
            }
        }
        super::Edit::Many(vec![
            super::Edit::AddVersion(Box::new(version)),
            super::Edit::SetClearance(rows),
        ])
    }
}

impl Project {
    /// Whether the brief's text is as `version` left it. Clearance rows and dates are not
    /// counted: signing off a row changes them, not the brief.
    pub fn unchanged_since(&self, version: VersionId) -> bool {
        let Some(version) = self.review.version(version) else {
            return false;
        };
        let without_clearance = |meta: &BriefMeta| {
            let mut meta = meta.clone();
            meta.clearance.clear();
            meta
        };
        version.template == self.brief.template
            && without_clearance(&version.meta) == without_clearance(&self.brief.meta)
            && version.parts.len() == self.brief.parts.len()
            && version
                .parts
                .iter()
                .zip(&self.brief.parts)
                .all(|(then, now)| {
                    then.id == now.id
                        && then.title == now.title
                        && then.blocks.len() == now.blocks.len()
                        && then.blocks.iter().zip(&now.blocks).all(|(a, b)| **a == *b)
                })
    }
}
