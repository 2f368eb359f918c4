//! The review as the project file holds it: versions refer to their blocks by their place
//! in one shared list, so a block that did not change between versions is written once.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::review::{Comment, Review, Suggestion};
use super::versions::{Version, VersionPart, VersionReason};
use super::{Block, BriefMeta, PartId, VersionId};

/// The review as the project file holds it: versions refer to blocks by their place in
/// one shared list.
#[derive(Serialize, Deserialize)]
struct StoredReview {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    brief_id: String,
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    word_text: Vec<(super::BlockId, String)>,
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
                word_text: version.word_text.clone(),
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
            brief_id: self.brief_id.clone(),
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
                    word_text: version.word_text,
                })
            })
            .collect::<Result<Vec<_>, D::Error>>()?;
        Ok(Review {
            brief_id: stored.brief_id,
            comments: stored.comments,
            suggestions: stored.suggestions,
            versions,
        })
    }
}
