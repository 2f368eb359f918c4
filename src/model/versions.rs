//! Saved versions of the brief. In memory each version holds its blocks, shared with the
//! versions before it where unchanged; in the project file a block that did not change
//! between versions is written once, so twenty versions of a long brief cost little more
//! than one.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::review::{Comment, Review, Suggestion};
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
            review: Review::default(),
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

/// The review as the project file holds it: versions refer to blocks by their place in
/// one shared list.
#[derive(Serialize, Deserialize)]
struct StoredReview {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    comments: Vec<Comment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<Suggestion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    versions: Vec<StoredVersion>,
    /// Every distinct block of every version, once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    version_blocks: Vec<Block>,
}

#[derive(Serialize, Deserialize)]
struct StoredVersion {
    id: VersionId,
    label: String,
    author: String,
    date: String,
    reason: VersionReason,
    template: String,
    meta: BriefMeta,
    parts: Vec<StoredPart>,
}

#[derive(Serialize, Deserialize)]
struct StoredPart {
    id: PartId,
    key: String,
    title: String,
    /// Indices into `version_blocks`, as runs `[first, count]` of consecutive ones: a
    /// version mostly keeps the blocks of the one before, in order, so a 2,000-block part
    /// is a handful of runs rather than 2,000 numbers.
    blocks: Vec<(usize, usize)>,
}

/// `indices` as runs of consecutive numbers.
fn runs(indices: impl IntoIterator<Item = usize>) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for index in indices {
        match runs.last_mut() {
            Some((first, count)) if *first + *count == index => *count += 1,
            _ => runs.push((index, 1)),
        }
    }
    runs
}

impl Serialize for Review {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut blocks: Vec<Block> = Vec::new();
        // Copies already written, by block id: a block is compared only with earlier
        // copies of itself, never hashed.
        let mut written: HashMap<super::BlockId, Vec<usize>> = HashMap::new();
        let versions = self
            .versions
            .iter()
            .map(|version| StoredVersion {
                id: version.id,
                label: version.label.clone(),
                author: version.author.clone(),
                date: version.date.clone(),
                reason: version.reason,
                template: version.template.clone(),
                meta: version.meta.clone(),
                parts: version
                    .parts
                    .iter()
                    .map(|part| StoredPart {
                        id: part.id,
                        key: part.key.clone(),
                        title: part.title.clone(),
                        blocks: runs(part.blocks.iter().map(|block| {
                            let copies = written.entry(block.id).or_default();
                            if let Some(&index) =
                                copies.iter().find(|&&index| blocks[index] == **block)
                            {
                                return index;
                            }
                            blocks.push(Block::clone(block));
                            copies.push(blocks.len() - 1);
                            blocks.len() - 1
                        })),
                    })
                    .collect(),
            })
            .collect();
        StoredReview {
            comments: self.comments.clone(),
            suggestions: self.suggestions.clone(),
            versions,
            version_blocks: blocks,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Review {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let stored = StoredReview::deserialize(deserializer)?;
        let blocks: Vec<Arc<Block>> = stored.version_blocks.into_iter().map(Arc::new).collect();
        let versions = stored
            .versions
            .into_iter()
            .map(|version| {
                let parts = version
                    .parts
                    .into_iter()
                    .map(|part| {
                        let indices = part.blocks.iter().flat_map(|&(first, count)| {
                            // A damaged count cannot ask for more blocks than the file has.
                            first..first.saturating_add(count.min(blocks.len() + 1))
                        });
                        let resolved = indices
                            .map(|index| {
                                blocks.get(index).cloned().ok_or_else(|| {
                                    serde::de::Error::custom(format!(
                                        "version \u{201c}{}\u{201d} refers to saved block {index}, which the file does not hold",
                                        version.label
                                    ))
                                })
                            })
                            .collect::<Result<Vec<_>, D::Error>>()?;
                        Ok(VersionPart {
                            id: part.id,
                            key: part.key,
                            title: part.title,
                            blocks: resolved,
                        })
                    })
                    .collect::<Result<Vec<_>, D::Error>>()?;
                Ok(Version {
                    id: version.id,
                    label: version.label,
                    author: version.author,
                    date: version.date,
                    reason: version.reason,
                    template: version.template,
                    meta: version.meta,
                    parts,
                })
            })
            .collect::<Result<Vec<_>, D::Error>>()?;
        Ok(Review {
            comments: stored.comments,
            suggestions: stored.suggestions,
            versions,
        })
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
