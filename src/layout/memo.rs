//! Built blocks kept between layouts, so a keystroke rebuilds only the block it changed.
//!
//! Each entry is keyed by a signature that spells out everything the block's output
//! depends on: its id, kind, text, label and whatever it quotes. Entries also keep the
//! diagnostics their building produced, so a cached block warns exactly as a fresh one.
//! A change of template (or its measure) empties the cache.

use std::collections::HashMap;

use super::Diagnostic;
use super::content::FlowBlock;

/// The flow blocks and diagnostics of brief blocks built in earlier layouts.
#[derive(Default)]
pub struct FlowCache {
    template: u64,
    entries: HashMap<String, Entry>,
    generation: u64,
}

struct Entry {
    flow: Vec<FlowBlock>,
    diagnostics: Vec<Diagnostic>,
    last_used: u64,
}

impl FlowCache {
    /// Starts a layout with `template_fingerprint`; forgets everything built for another.
    pub fn begin(&mut self, template_fingerprint: u64) {
        if self.template != template_fingerprint {
            self.entries.clear();
            self.template = template_fingerprint;
        }
        self.generation += 1;
    }

    /// What an earlier layout built for `signature`.
    pub fn get(&mut self, signature: &str) -> Option<(&[FlowBlock], &[Diagnostic])> {
        let entry = self.entries.get_mut(signature)?;
        entry.last_used = self.generation;
        Some((&entry.flow, &entry.diagnostics))
    }

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

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}
