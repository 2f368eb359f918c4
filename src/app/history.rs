//! Undo and redo as reversible edits, one step per user action. A burst of typing in one
//! field is one action. Each step keeps only the inverses of its edits (helix keeps
//! transactions the same way), never a copy of the project, and the history is capped by
//! the memory it holds.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use crate::model::{BlockId, Edit, MetaField, SourceField, SourceId, TalkingPointId};

/// Typing pauses longer than this start a new undo step.
const BURST_GAP: Duration = Duration::from_millis(1500);

/// The most memory that undo steps may hold; the oldest steps go first.
pub const MAX_UNDO_BYTES: usize = 32 * 1024 * 1024;

/// Which field an edit types into, so a burst of keystrokes can be merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Meta(MetaField),
    Source(SourceId, SourceField),
    Block(BlockId),
    TalkingPoint(TalkingPointId),
}

fn typing_field(edit: &Edit) -> Option<Field> {
    match edit {
        Edit::SetMeta(field, _) => Some(Field::Meta(*field)),
        Edit::SetSourceField(source, field, _) => Some(Field::Source(*source, *field)),
        Edit::SetBlockText { block, .. } => Some(Field::Block(*block)),
        Edit::SuggestText { target, .. } => Some(match target {
            crate::model::TextTarget::Block(block) => Field::Block(*block),
            crate::model::TextTarget::Meta(field) => Field::Meta(*field),
        }),
        Edit::SetTalkingPoint { point, .. } => Some(Field::TalkingPoint(*point)),
        _ => None,
    }
}

/// One user action: the edits that reverse it, in the order to apply them.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub edits: Vec<Edit>,
    bytes: usize,
}

impl Step {
    /// A step from the inverses of edits made in order `inverses` (so they are applied
    /// last first).
    pub fn from_inverses(mut inverses: Vec<Edit>) -> Step {
        inverses.reverse();
        let bytes = inverses.iter().map(Edit::approximate_size).sum();
        Step {
            edits: inverses,
            bytes,
        }
    }
}

/// The undo and redo stacks.
#[derive(Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    bytes: usize,
    last_typing: Option<(Field, Instant)>,
}

impl History {
    /// Records the inverses of a user action whose first edit was `first`. A keystroke
    /// that continues a burst of typing in the same field joins the step that the burst
    /// started: that step's inverse already restores the text from before the burst.
    pub fn record(&mut self, inverses: Vec<Edit>, first: &Edit, now: Instant) {
        let field = typing_field(first);
        let continues = matches!((field, self.last_typing), (Some(f), Some((last, at))) if f == last && now.duration_since(at) < BURST_GAP)
            && !self.undo.is_empty();
        self.last_typing = field.map(|f| (f, now));
        self.clear_redo();
        if !continues {
            self.push_undo(Step::from_inverses(inverses));
        }
    }

    /// Ends the current typing burst, so the next keystroke starts a new step.
    pub fn break_burst(&mut self) {
        self.last_typing = None;
    }

    /// The step to apply to undo the last action. Apply it, then hand the inverses of
    /// what was applied to [`History::undone`].
    pub fn take_undo(&mut self) -> Option<Step> {
        self.last_typing = None;
        let step = self.undo.pop_back()?;
        self.bytes -= step.bytes;
        Some(step)
    }

    /// Keeps the inverses of an undo, for redo.
    pub fn undone(&mut self, inverses: Vec<Edit>) {
        let step = Step::from_inverses(inverses);
        self.bytes += step.bytes;
        self.redo.push(step);
    }

    /// The step to apply to redo the last undone action; hand the inverses of what was
    /// applied to [`History::redone`].
    pub fn take_redo(&mut self) -> Option<Step> {
        self.last_typing = None;
        let step = self.redo.pop()?;
        self.bytes -= step.bytes;
        Some(step)
    }

    /// Keeps the inverses of a redo, for undo.
    pub fn redone(&mut self, inverses: Vec<Edit>) {
        self.push_undo(Step::from_inverses(inverses));
    }

    fn push_undo(&mut self, step: Step) {
        self.bytes += step.bytes;
        self.undo.push_back(step);
        while self.bytes > MAX_UNDO_BYTES && self.undo.len() > 1 {
            if let Some(oldest) = self.undo.pop_front() {
                self.bytes -= oldest.bytes;
            }
        }
    }

    fn clear_redo(&mut self) {
        for step in self.redo.drain(..) {
            self.bytes -= step.bytes;
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// About how many bytes the undo and redo steps hold.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// How many actions can be undone.
    #[cfg(test)]
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Forgets everything (a new or opened project).
    pub fn clear(&mut self) {
        *self = History::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Project;

    fn apply(project: &mut Project, step: Step) -> Vec<Edit> {
        step.edits
            .into_iter()
            .map(|edit| project.apply_undoable(edit).expect("applies").inverse)
            .collect()
    }

    fn type_title(history: &mut History, project: &mut Project, title: &str, at: Instant) {
        let edit = Edit::SetMeta(MetaField::Title, title.into());
        let applied = project.apply_undoable(edit.clone()).expect("applies");
        history.record(vec![applied.inverse], &edit, at);
    }

    #[test]
    fn a_typing_burst_is_one_step_and_a_pause_starts_another() {
        let original = crate::sample::project();
        let mut project = original.clone();
        let mut history = History::default();
        let start = Instant::now();
        for (i, title) in ["V", "Vi", "Vis"].iter().enumerate() {
            let at = start + Duration::from_millis(200 * i as u64);
            type_title(&mut history, &mut project, title, at);
        }
        type_title(
            &mut history,
            &mut project,
            "Visit",
            start + Duration::from_secs(5),
        );
        let step = history.take_undo().expect("undo");
        let redo = apply(&mut project, step);
        history.undone(redo);
        assert_eq!(project.brief.meta.title, "Vis");
        let step = history.take_undo().expect("undo");
        let redo = apply(&mut project, step);
        history.undone(redo);
        assert_eq!(project, original);
        assert!(!history.can_undo());
        let step = history.take_redo().expect("redo");
        let undo = apply(&mut project, step);
        history.redone(undo);
        assert_eq!(project.brief.meta.title, "Vis");
    }

    #[test]
    fn history_memory_is_capped_by_dropping_the_oldest_steps() {
        let mut project = crate::sample::project();
        let mut history = History::default();
        let big = "x".repeat(1024 * 1024);
        let start = Instant::now();
        for i in 0..40 {
            // Alternate fields, so no two edits merge into one step.
            let field = if i % 2 == 0 {
                MetaField::Purpose
            } else {
                MetaField::Title
            };
            let edit = Edit::SetMeta(field, format!("{big}{i}"));
            let applied = project.apply_undoable(edit.clone()).expect("applies");
            history.record(vec![applied.inverse], &edit, start);
        }
        assert!(
            history.bytes() <= MAX_UNDO_BYTES,
            "{} bytes",
            history.bytes()
        );
        assert!(history.undo_depth() < 40 && history.undo_depth() > 20);
    }
}
