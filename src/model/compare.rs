//! Comparing two states of a brief (two versions, a version and now, two project files):
//! what was added, removed, moved and reworded, word by word, and the redline that shows
//! it through the brief's own layout.

use std::collections::{HashMap, HashSet};

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::change_mark::{self, Change, ChangeKind};

use super::marked_text::{spaced_deletion, wrap_pieces};
use super::review_markup::Markup;
use super::word_diff::word_hunks;
use super::{Block, BlockId, BlockKind, MetaField, Project};

/// How a block differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockChangeKind {
    Added,
    Removed,
    Reworded,
    Moved,
    MovedAndReworded,
}

/// One block that differs, with its text on both sides (empty on the side it is not on).
#[derive(Debug, Clone, PartialEq)]
pub struct BlockChange {
    pub block: BlockId,
    pub kind: BlockChangeKind,
    /// Where it is ("Background ¶2"), in the newer brief if it is there.
    pub place: String,
    pub old: String,
    pub new: String,
}

/// A title-block or decision field that differs.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub label: String,
    pub field: Option<MetaField>,
    pub old: String,
    pub new: String,
}

/// Everything that differs between two briefs, in the newer one's reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    pub fields: Vec<FieldChange>,
    pub blocks: Vec<BlockChange>,
}

impl Comparison {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.blocks.is_empty()
    }

    /// "2 blocks reworded, 1 added, 1 moved; title block: Date, To".
    pub fn summary(&self) -> String {
        if self.is_empty() {
            return "No differences".to_owned();
        }
        let count = |wanted: &[BlockChangeKind]| {
            self.blocks
                .iter()
                .filter(|c| wanted.contains(&c.kind))
                .count()
        };
        let mut parts = Vec::new();
        for (n, what) in [
            (
                count(&[BlockChangeKind::Reworded, BlockChangeKind::MovedAndReworded]),
                "reworded",
            ),
            (count(&[BlockChangeKind::Added]), "added"),
            (count(&[BlockChangeKind::Removed]), "removed"),
            (
                count(&[BlockChangeKind::Moved, BlockChangeKind::MovedAndReworded]),
                "moved",
            ),
        ] {
            if n > 0 {
                let noun = if parts.is_empty() {
                    if n == 1 { " block" } else { " blocks" }
                } else {
                    ""
                };
                parts.push(format!("{n}{noun} {what}"));
            }
        }
        let mut summary = parts.join(", ");
        if !self.fields.is_empty() {
            if !summary.is_empty() {
                summary.push_str("; ");
            }
            let labels: Vec<&str> = self.fields.iter().map(|f| f.label.as_str()).collect();
            summary.push_str(&format!("title block: {}", labels.join(", ")));
        }
        summary
    }
}

/// The text a block is compared by: what it prints, before layout.
fn compared_text(project: &Project, block: &Block) -> String {
    match &block.kind {
        BlockKind::TalkingPoint { point } => project
            .talking_point(*point)
            .map(|p| p.text.clone())
            .unwrap_or_default(),
        BlockKind::PageBreak => "[Page break]".to_owned(),
        BlockKind::Recommendation { text, responses } => {
            format!("{text} [{}]", responses.label())
        }
        _ => project
            .target_text(super::TextTarget::Block(block.id))
            .unwrap_or_default(),
    }
}

/// What differs between `old` and `new`. Blocks are matched by their ids, which stay the
/// same from version to version of one brief.
pub fn compare(old: &Project, new: &Project) -> Comparison {
    let mut comparison = Comparison::default();
    for field in MetaField::ALL {
        let (a, b) = (field.get(&old.brief.meta), field.get(&new.brief.meta));
        if a.trim() != b.trim() {
            comparison.fields.push(FieldChange {
                label: field.label().to_owned(),
                field: Some(field),
                old: a.to_owned(),
                new: b.to_owned(),
            });
        }
    }
    let (om, nm) = (&old.brief.meta, &new.brief.meta);
    let listed = |label: &str, a: String, b: String, fields: &mut Vec<FieldChange>| {
        if a != b {
            fields.push(FieldChange {
                label: label.to_owned(),
                field: None,
                old: a,
                new: b,
            });
        }
    };
    listed(
        "Caveats",
        om.caveats.join(", "),
        nm.caveats.join(", "),
        &mut comparison.fields,
    );
    let clearance = |m: &super::BriefMeta| {
        m.clearance
            .iter()
            .map(|c| format!("{}, {}, {}", c.name, c.position, c.division))
            .collect::<Vec<_>>()
            .join("; ")
    };
    listed(
        "Clearance",
        clearance(om),
        clearance(nm),
        &mut comparison.fields,
    );
    let contact = |m: &super::BriefMeta| {
        format!(
            "{} {} {}",
            m.contact.name, m.contact.position, m.contact.phone
        )
    };
    listed("Contact", contact(om), contact(nm), &mut comparison.fields);
    let attachments = |m: &super::BriefMeta| {
        m.attachments
            .iter()
            .map(|a| a.title.clone())
            .collect::<Vec<_>>()
            .join("; ")
    };
    listed(
        "Attachments",
        attachments(om),
        attachments(nm),
        &mut comparison.fields,
    );

    let old_blocks: Vec<&Block> = old.brief.blocks().collect();
    let new_blocks: Vec<&Block> = new.brief.blocks().collect();
    let old_ids: Vec<BlockId> = old_blocks.iter().map(|b| b.id).collect();
    let new_ids: Vec<BlockId> = new_blocks.iter().map(|b| b.id).collect();
    let mut in_place: HashSet<BlockId> = HashSet::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_ids, &new_ids) {
        if op.tag() == DiffTag::Equal {
            in_place.extend(&old_ids[op.old_range()]);
        }
    }
    let old_by_id: HashMap<BlockId, &Block> = old_blocks.iter().map(|b| (b.id, *b)).collect();
    let new_set: HashSet<BlockId> = new_ids.iter().copied().collect();
    // Removed blocks are listed where they stood: after the block that preceded them.
    let mut removed_after: HashMap<Option<BlockId>, Vec<&Block>> = HashMap::new();
    let mut previous = None;
    for block in &old_blocks {
        if new_set.contains(&block.id) {
            previous = Some(block.id);
        } else {
            removed_after.entry(previous).or_default().push(block);
        }
    }
    let mut push_removed = |after: Option<BlockId>, blocks: &mut Vec<BlockChange>| {
        for removed in removed_after.remove(&after).unwrap_or_default() {
            blocks.push(BlockChange {
                block: removed.id,
                kind: BlockChangeKind::Removed,
                place: old.block_label(removed.id).unwrap_or_default(),
                old: compared_text(old, removed),
                new: String::new(),
            });
        }
    };
    push_removed(None, &mut comparison.blocks);
    for block in &new_blocks {
        let new_text = compared_text(new, block);
        let place = new.block_label(block.id).unwrap_or_default();
        match old_by_id.get(&block.id) {
            None => comparison.blocks.push(BlockChange {
                block: block.id,
                kind: BlockChangeKind::Added,
                place,
                old: String::new(),
                new: new_text,
            }),
            Some(before) => {
                let old_text = compared_text(old, before);
                let reworded = old_text != new_text || before.kind != block.kind;
                let moved = !in_place.contains(&block.id);
                let kind = match (moved, reworded) {
                    (true, true) => Some(BlockChangeKind::MovedAndReworded),
                    (true, false) => Some(BlockChangeKind::Moved),
                    (false, true) => Some(BlockChangeKind::Reworded),
                    (false, false) => None,
                };
                if let Some(kind) = kind {
                    comparison.blocks.push(BlockChange {
                        block: block.id,
                        kind,
                        place,
                        old: old_text,
                        new: new_text,
                    });
                }
            }
        }
        push_removed(Some(block.id), &mut comparison.blocks);
    }
    comparison
}

/// `new` with `comparison`'s differences from `old` marked in its texts, for the redline:
/// words inserted and deleted, blocks added, removed (put back where they stood, struck
/// through) and moved (barred), title-block fields reworded. `legend` lines open the
/// first part. The changes are credited to `author` at `date`.
pub fn redline(
    old: &Project,
    new: &Project,
    comparison: &Comparison,
    legend: &[String],
    author: &str,
    date: &str,
) -> Project {
    let mut marked = new.clone();
    marked.review = Default::default();
    let mut markup = Markup::default();
    let by = markup.attribution(author, date);
    let change = |kind| Change { kind, by };
    for field in &comparison.fields {
        // A marking or "For action" is a choice, not words: the legend calls a change of
        // marking out, and the field keeps its value for the banner to read.
        if let Some(meta_field) = field.field.filter(|f| !f.is_chosen_from_list()) {
            let text = marked_words(&field.old, &field.new, by, &[]);
            *meta_field.get_mut(&mut marked.brief.meta) = text;
        }
    }
    let mut last_kept: Option<BlockId> = None;
    for block_change in &comparison.blocks {
        let separators = |kind: Option<&BlockKind>| -> &'static [char] {
            match kind {
                Some(BlockKind::Bullets { .. }) => &['\n'],
                Some(BlockKind::Table { .. }) => &['\n', '|'],
                _ => &[],
            }
        };
        let located = marked.locate(block_change.block);
        let kind = located.map(|(p, i)| marked.brief.parts[p].blocks[i].kind.clone());
        let seps = separators(kind.as_ref());
        let text = match block_change.kind {
            BlockChangeKind::Added => {
                wrap_pieces(&block_change.new, change(ChangeKind::Inserted), seps)
            }
            BlockChangeKind::Moved => {
                wrap_pieces(&block_change.new, change(ChangeKind::Changed), seps)
            }
            BlockChangeKind::Reworded | BlockChangeKind::MovedAndReworded => {
                marked_words(&block_change.old, &block_change.new, by, seps)
            }
            BlockChangeKind::Removed => {
                // Put back, struck through, after the block that preceded it.
                let (part, index) = last_kept
                    .and_then(|id| marked.locate(id))
                    .map(|(p, i)| (p, i + 1))
                    .unwrap_or((0, 0));
                let old_kind = old
                    .locate(block_change.block)
                    .map(|(p, i)| old.brief.parts[p].blocks[i].kind.clone());
                let seps = separators(old_kind.as_ref());
                let kind = match old_kind {
                    Some(BlockKind::Bullets { .. }) | Some(BlockKind::Table { .. }) => {
                        BlockKind::Bullets { items: Vec::new() }
                    }
                    _ => BlockKind::Paragraph {
                        text: String::new(),
                    },
                };
                let block = Block {
                    id: block_change.block,
                    kind,
                };
                if let Some(blocks) = marked.brief.parts.get_mut(part).map(|p| &mut p.blocks) {
                    blocks.insert(index.min(blocks.len()), block);
                }
                let text = wrap_pieces(&block_change.old, change(ChangeKind::Deleted), seps);
                set_redline_text(&mut marked, block_change.block, text);
                last_kept = Some(block_change.block);
                continue;
            }
        };
        set_redline_text(&mut marked, block_change.block, text);
        last_kept = Some(block_change.block);
    }
    if !legend.is_empty()
        && let Some(first) = marked.brief.parts.first_mut()
    {
        for (index, line) in legend.iter().enumerate() {
            let id = marked.ids.block();
            first.blocks.insert(
                index,
                Block {
                    id,
                    kind: BlockKind::Paragraph { text: line.clone() },
                },
            );
        }
    }
    marked.markup = Some(markup);
    marked
}

/// A block's text in the redline. A talking point or a page break has none of its own:
/// it becomes a paragraph of its marked text.
fn set_redline_text(project: &mut Project, block: BlockId, text: String) {
    let Some((p, i)) = project.locate(block) else {
        return;
    };
    let kind = &mut project.brief.parts[p].blocks[i].kind;
    match kind {
        BlockKind::TalkingPoint { .. } | BlockKind::PageBreak => {
            *kind = BlockKind::Paragraph { text };
        }
        BlockKind::Recommendation { text: current, .. } => {
            // The responses print as boxes of their own; the text alone is marked.
            let cut = text.rfind(" [").unwrap_or(text.len());
            *current = text[..cut].to_owned();
            if change_mark::has_marks(&text[cut..]) {
                current.push_str(&text[cut..]);
            }
        }
        _ => {
            let _ = project.apply(super::Edit::SetBlockText { block, text });
        }
    }
}

/// `new`, with the words `old` had and it lacks struck through and the words it gained
/// underlined.
fn marked_words(old: &str, new: &str, by: u16, separators: &[char]) -> String {
    let change = |kind| Change { kind, by };
    let mut out = String::with_capacity(new.len() + 32);
    let mut at = 0;
    for hunk in word_hunks(old, new) {
        out.push_str(&new[at..hunk.new.start]);
        out.push_str(&wrap_pieces(
            &spaced_deletion(&old[hunk.old.clone()], !hunk.new.is_empty()),
            change(ChangeKind::Deleted),
            separators,
        ));
        out.push_str(&wrap_pieces(
            &new[hunk.new.clone()],
            change(ChangeKind::Inserted),
            separators,
        ));
        at = hunk.new.end;
    }
    out.push_str(&new[at..]);
    out
}

impl Project {
    /// What changed since `version`, clearance rows aside; empty if the version is gone.
    pub fn changed_since(&self, version: super::VersionId) -> Comparison {
        let Some(then) = self.as_of(version) else {
            return Default::default();
        };
        let mut comparison = compare(&then, self);
        comparison.fields.retain(|field| field.label != "Clearance");
        comparison
    }
}
