//! Undo and redo: snapshots of the project, one per user action. A burst of typing in one
//! field is one action.

use std::time::{Duration, Instant};

use crate::model::{BlockId, Edit, MetaField, Project, SourceField, SourceId, TalkingPointId};

/// Typing pauses longer than this start a new undo step.
const BURST_GAP: Duration = Duration::from_millis(1500);

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
        Edit::SetTalkingPoint { point, .. } => Some(Field::TalkingPoint(*point)),
        _ => None,
    }
}

/// The undo and redo stacks.
#[derive(Default)]
pub struct History {
    undo: Vec<Project>,
    redo: Vec<Project>,
    last_typing: Option<(Field, Instant)>,
}

impl History {
    /// Call before applying `edit` to `before`; records an undo step unless the edit
    /// continues a burst of typing in the same field.
    pub fn record(&mut self, before: Project, edit: &Edit, now: Instant) {
        let field = typing_field(edit);
        let continues = matches!((field, self.last_typing), (Some(f), Some((last, at))) if f == last && now.duration_since(at) < BURST_GAP);
        self.last_typing = field.map(|f| (f, now));
        if !continues {
            self.undo.push(before);
        }
        self.redo.clear();
    }

    /// Ends the current typing burst, so the next keystroke starts a new step.
    pub fn break_burst(&mut self) {
        self.last_typing = None;
    }

    /// Steps back: returns the project to restore, keeping `current` for redo.
    pub fn undo(&mut self, current: &Project) -> Option<Project> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        self.last_typing = None;
        Some(previous)
    }

    /// Steps forward again.
    pub fn redo(&mut self, current: &Project) -> Option<Project> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        self.last_typing = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (a new or opened project).
    pub fn clear(&mut self) {
        *self = History::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typing_burst_is_one_step_and_a_pause_starts_another() {
        let mut project = crate::sample::project();
        let mut history = History::default();
        let start = Instant::now();
        for (i, title) in ["V", "Vi", "Vis"].iter().enumerate() {
            let edit = Edit::SetMeta(MetaField::Title, (*title).into());
            history.record(
                project.clone(),
                &edit,
                start + Duration::from_millis(200 * i as u64),
            );
            project.apply(edit).expect("applies");
        }
        let edit = Edit::SetMeta(MetaField::Title, "Visit".into());
        history.record(project.clone(), &edit, start + Duration::from_secs(5));
        project.apply(edit).expect("applies");
        let restored = history.undo(&project).expect("undo");
        assert_eq!(restored.brief.meta.title, "Vis");
        let restored = history.undo(&restored).expect("undo");
        assert_eq!(
            restored.brief.meta.title,
            crate::sample::project().brief.meta.title
        );
        assert!(!history.can_undo());
        let again = history.redo(&restored).expect("redo");
        assert_eq!(again.brief.meta.title, "Vis");
    }
}
