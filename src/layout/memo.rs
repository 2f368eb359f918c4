//! Built blocks kept between layouts, so a keystroke rebuilds only the block it changed.
//!
//! Each entry is keyed by a signature that spells out everything the block's output
//! depends on: its id, kind, text, label and whatever it quotes. Entries also keep the
//! diagnostics their building produced, so a cached block warns exactly as a fresh one.
//! A change of template (or its measure) empties the cache. The cache belongs to layout
//! alone: one-shot layouts start with an empty one, and a [`super::Layouter`] keeps one
//! between layouts.

use std::collections::HashMap;

use super::Diagnostic;
use super::slabs::FlowBlock;
use crate::model::{Block, BlockKind, Project};
use crate::template::Template;

/// The flow blocks and diagnostics of brief blocks built in earlier layouts.
#[derive(Default)]
pub struct BlockCache {
    template: u64,
    entries: HashMap<String, Entry>,
    generation: u64,
}

struct Entry {
    flow: Vec<FlowBlock>,
    diagnostics: Vec<Diagnostic>,
    last_used: u64,
}

impl BlockCache {
    /// Starts a layout with `template`; forgets everything built for another.
    pub fn begin(&mut self, template: &Template) {
        let fingerprint = template_fingerprint(template);
        if self.template != fingerprint {
            self.entries.clear();
            self.template = fingerprint;
        }
        self.generation += 1;
    }

    /// What an earlier layout built for `signature`.
    pub fn get(&mut self, signature: &str) -> Option<(&[FlowBlock], &[Diagnostic])> {
        let entry = self.entries.get_mut(signature)?;
        entry.last_used = self.generation;
        Some((&entry.flow, &entry.diagnostics))
    }

    /// Keeps what this layout built for `signature`, with the diagnostics it produced.
    pub fn insert(
        &mut self,
        signature: String,
        flow: Vec<FlowBlock>,
        diagnostics: Vec<Diagnostic>,
    ) {
        self.entries.insert(
            signature,
            Entry {
                flow,
                diagnostics,
                last_used: self.generation,
            },
        );
    }

    /// Drops blocks the last layout did not use.
    pub fn trim(&mut self) {
        let generation = self.generation;
        self.entries
            .retain(|_, entry| entry.last_used == generation);
    }

    /// Whether no block is cached (for the current template, after [`BlockCache::begin`]).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Changes whenever anything in the template changes.
fn template_fingerprint(template: &Template) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    format!("{template:?}").hash(&mut hasher);
    hasher.finish()
}

/// Everything the block's output depends on, spelled out; `None` for blocks that are
/// not worth caching (page breaks, broken references).
pub fn signature(
    project: &Project,
    block: &Block,
    label: Option<&str>,
    citation: Option<&str>,
) -> Option<String> {
    use std::fmt::Write;
    let mut signature = String::new();
    let mut field = |text: &str| {
        // Length-prefixed, so no text can pass for two fields.
        let _ = write!(signature, "{}:{text}", text.len());
    };
    field(&format!("{:?}", block.id));
    field(label.unwrap_or_default());
    field(citation.unwrap_or_default());
    match &block.kind {
        BlockKind::Paragraph { text } => {
            field("paragraph");
            field(text);
        }
        BlockKind::Excerpt { from, edited } => {
            let (source, section) = project.section(*from)?;
            field("excerpt");
            for text in [
                edited.as_deref().unwrap_or(&section.text),
                &source.author,
                &source.title,
                &source.publication,
                &source.date,
                &source.url,
            ] {
                field(text);
            }
        }
        BlockKind::TalkingPoint { point } => {
            field("talking point");
            field(&project.talking_point(*point)?.text);
        }
        BlockKind::Bullets { items } => {
            field("bullets");
            for item in items {
                field(item);
            }
        }
        BlockKind::PageBreak => return None,
        BlockKind::Recommendation { text, responses } => {
            field("recommendation");
            field(text);
            field(&responses.label());
        }
        BlockKind::Table { rows } => {
            field("table");
            for row in rows {
                field(&row.len().to_string());
                for cell in row {
                    field(cell);
                }
            }
        }
        // The picture by its hash: its bytes are the same whenever the hash is.
        BlockKind::Picture(figure) => {
            field("picture");
            field(&figure.picture.0);
            field(&format!("{:?} {}", figure.width, figure.decorative));
            for text in [&figure.alt, &figure.caption, &figure.credit] {
                field(text);
            }
        }
    }
    Some(signature)
}
