//! The brief's body paragraphs, for tests and benches that edit them.

use briefwright::model::{BlockId, BlockKind, Project};

/// The ids of the brief's body paragraphs, in reading order.
pub fn paragraphs(project: &Project) -> Vec<BlockId> {
    project
        .brief
        .blocks()
        .filter(|block| matches!(block.kind, BlockKind::Paragraph { .. }))
        .map(|block| block.id)
        .collect()
}

/// The id of the brief's first body paragraph, for tests that write odd text into one.
pub fn first_paragraph(project: &Project) -> BlockId {
    paragraphs(project)
        .first()
        .copied()
        .expect("the brief has a paragraph")
}

/// The text of each body paragraph, in reading order.
pub fn paragraph_texts(project: &Project) -> Vec<String> {
    project
        .brief
        .blocks()
        .filter_map(|block| match &block.kind {
            BlockKind::Paragraph { text } => Some(text.clone()),
            _ => None,
        })
        .collect()
}
