//! Applying the review's edits: comments, suggestions, their answers, versions.

use super::anchor::{changed_region, find_quote, map_range};
use super::review::{Review, SuggestedChange, Suggestion, TextTarget};
use super::word_diff::word_hunks;
use super::{Applied, Created, Edit, EditError, Project};

impl Project {
    pub(super) fn apply_review_edit(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let nothing = |inverse| {
            Ok(Applied {
                created: Created::Nothing,
                inverse,
            })
        };
        let comments = &mut self.review.comments;
        match edit {
            Edit::AddComment(comment) => {
                let id = comment.id;
                comments.push(*comment);
                nothing(Edit::RemoveComment(id))
            }
            Edit::SetComment(comment) => {
                let slot = comments
                    .iter_mut()
                    .find(|c| c.id == comment.id)
                    .ok_or(EditError::NoSuchComment)?;
                let old = std::mem::replace(slot, *comment);
                nothing(Edit::SetComment(Box::new(old)))
            }
            Edit::RemoveComment(id) => {
                let index = comments
                    .iter()
                    .position(|c| c.id == id)
                    .ok_or(EditError::NoSuchComment)?;
                let comment = Box::new(comments.remove(index));
                nothing(Edit::InsertComment { index, comment })
            }
            Edit::InsertComment { index, comment } => {
                let id = comment.id;
                comments.insert(index.min(comments.len()), *comment);
                nothing(Edit::RemoveComment(id))
            }
            Edit::SuggestText {
                target,
                proposed,
                author,
                date,
            } => {
                let base = self.target_text(target).ok_or(EditError::NoSuchBlock)?;
                let old = self.suggestions_on(target);
                let new = self.reconcile(target, &base, &proposed, &author, &date);
                self.set_text_suggestions(target, new);
                nothing(Edit::SetSuggestions {
                    target,
                    suggestions: old,
                })
            }
            Edit::SetSuggestions {
                target,
                suggestions,
            } => {
                let old = self.suggestions_on(target);
                self.set_text_suggestions(target, suggestions);
                nothing(Edit::SetSuggestions {
                    target,
                    suggestions: old,
                })
            }
            Edit::InsertSuggestion { index, suggestion } => {
                let id = suggestion.id;
                let list = &mut self.review.suggestions;
                list.insert(index.min(list.len()), *suggestion);
                nothing(Edit::RemoveSuggestion(id))
            }
            Edit::RemoveSuggestion(id) => {
                let list = &mut self.review.suggestions;
                let index = list
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or(EditError::NoSuchSuggestion)?;
                let suggestion = Box::new(list.remove(index));
                nothing(Edit::InsertSuggestion { index, suggestion })
            }
            Edit::SuggestBlockEdit { edit, author, date } => {
                self.suggest_block_edit(*edit, author, date)
            }
            Edit::AcceptSuggestion(id) => self.answer(id, true),
            Edit::RejectSuggestion(id) => self.answer(id, false),
            Edit::Many(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                let mut created = Created::Nothing;
                for edit in edits {
                    match self.apply_undoable(edit) {
                        Ok(applied) => {
                            if applied.created != Created::Nothing {
                                created = applied.created;
                            }
                            inverses.push(applied.inverse);
                        }
                        Err(error) => {
                            // All or nothing: what was applied is taken back.
                            for inverse in inverses.into_iter().rev() {
                                let _ = self.apply_undoable(inverse);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Applied {
                    created,
                    inverse: Edit::Many(inverses),
                })
            }
            Edit::AddVersion(version) => {
                let id = version.id;
                self.review.versions.push(*version);
                nothing(Edit::RemoveVersion(id))
            }
            Edit::RemoveVersion(id) => {
                let versions = &mut self.review.versions;
                let index = versions
                    .iter()
                    .position(|v| v.id == id)
                    .ok_or(EditError::NoSuchVersion)?;
                let version = Box::new(versions.remove(index));
                nothing(Edit::InsertVersion { index, version })
            }
            Edit::InsertVersion { index, version } => {
                let id = version.id;
                let versions = &mut self.review.versions;
                versions.insert(index.min(versions.len()), *version);
                nothing(Edit::RemoveVersion(id))
            }
            Edit::ReplaceBrief {
                template,
                meta,
                parts,
            } => {
                let brief = &mut self.brief;
                let old = Edit::ReplaceBrief {
                    template: std::mem::replace(&mut brief.template, template),
                    meta: Box::new(std::mem::replace(&mut brief.meta, *meta)),
                    parts: std::mem::replace(&mut brief.parts, parts),
                };
                for part in &self.brief.parts {
                    for block in &part.blocks {
                        self.ids.reserve_up_to(block.id.0);
                    }
                }
                nothing(old)
            }
            other => unreachable_review_edit(other),
        }
    }

    /// The suggestions of text on `target`.
    fn suggestions_on(&self, target: TextTarget) -> Vec<Suggestion> {
        self.review
            .suggestions
            .iter()
            .filter(|s| s.target == target && s.text_range().is_some())
            .cloned()
            .collect()
    }

    /// Replaces the text suggestions on `target`, keeping the others.
    fn set_text_suggestions(&mut self, target: TextTarget, suggestions: Vec<Suggestion>) {
        self.review
            .suggestions
            .retain(|s| !(s.target == target && s.text_range().is_some()));
        self.review.suggestions.extend(suggestions);
    }

    /// The suggestions that turn `base` into `proposed`: a change already suggested keeps
    /// its id, author and date; a change the same author widened keeps its id; the rest
    /// are new, by `author`.
    fn reconcile(
        &mut self,
        target: TextTarget,
        base: &str,
        proposed: &str,
        author: &str,
        date: &str,
    ) -> Vec<Suggestion> {
        let old = self.suggestions_on(target);
        word_hunks(base, proposed)
            .into_iter()
            .map(|hunk| {
                let change = SuggestedChange::Text {
                    start: hunk.old.start,
                    end: hunk.old.end,
                    insert: proposed[hunk.new.clone()].to_owned(),
                };
                if let Some(same) = old.iter().find(|s| s.change == change) {
                    return same.clone();
                }
                let overlapping = old.iter().find(|s| {
                    s.author == author
                        && s.text_range()
                            .is_some_and(|r| r.start <= hunk.old.end && hunk.old.start <= r.end)
                });
                Suggestion {
                    id: match overlapping {
                        Some(s) => s.id,
                        None => self.ids.suggestion(),
                    },
                    target,
                    author: author.to_owned(),
                    date: date.to_owned(),
                    change,
                }
            })
            .collect()
    }

    fn suggest_block_edit(
        &mut self,
        edit: Edit,
        author: String,
        date: String,
    ) -> Result<Applied, EditError> {
        let mark = |project: &mut Project, block, change| Suggestion {
            id: project.ids.suggestion(),
            target: TextTarget::Block(block),
            author: author.clone(),
            date: date.clone(),
            change,
        };
        match edit {
            Edit::AddBlock { .. } | Edit::InsertBlock { .. } => {
                let applied = self.apply_undoable(edit)?;
                let Created::Block(block) = applied.created else {
                    return Ok(applied);
                };
                let suggestion = mark(self, block, SuggestedChange::AddedBlock);
                let id = suggestion.id;
                self.review.suggestions.push(suggestion);
                Ok(Applied {
                    created: applied.created,
                    inverse: Edit::Many(vec![Edit::RemoveSuggestion(id), applied.inverse]),
                })
            }
            Edit::DeleteBlock(block) => {
                self.locate(block).ok_or(EditError::NoSuchBlock)?;
                match self
                    .review
                    .block_suggestion(block)
                    .map(|s| (s.id, s.change.clone()))
                {
                    // Deleting a block someone suggested adding takes the suggestion back.
                    Some((id, SuggestedChange::AddedBlock)) => {
                        self.apply_undoable(Edit::Many(vec![
                            Edit::RemoveSuggestion(id),
                            Edit::DeleteBlock(block),
                        ]))
                    }
                    Some((_, SuggestedChange::DeletedBlock)) => Ok(Applied {
                        created: Created::Nothing,
                        inverse: Edit::Many(Vec::new()),
                    }),
                    _ => {
                        let suggestion = mark(self, block, SuggestedChange::DeletedBlock);
                        let id = suggestion.id;
                        self.review.suggestions.push(suggestion);
                        Ok(Applied {
                            created: Created::Nothing,
                            inverse: Edit::RemoveSuggestion(id),
                        })
                    }
                }
            }
            Edit::MoveBlock { block, .. }
            | Edit::MoveBlockTo { block, .. }
            | Edit::PlaceBlock { block, .. } => {
                let (part, index) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
                let applied = self.apply_undoable(edit)?;
                if self.locate(block) == Some((part, index))
                    || self.review.block_suggestion(block).is_some()
                {
                    // Not moved, or already marked (added, or moved before: it keeps
                    // where it first came from).
                    return Ok(applied);
                }
                let suggestion = mark(self, block, SuggestedChange::MovedBlock { part, index });
                let id = suggestion.id;
                self.review.suggestions.push(suggestion);
                Ok(Applied {
                    created: applied.created,
                    inverse: Edit::Many(vec![Edit::RemoveSuggestion(id), applied.inverse]),
                })
            }
            // Anything else is not a structural edit; it is made as it is.
            other => self.apply_undoable(other),
        }
    }

    /// Accepts or rejects suggestion `id`, as one step.
    fn answer(&mut self, id: super::SuggestionId, accept: bool) -> Result<Applied, EditError> {
        let suggestion = self
            .review
            .suggestion(id)
            .cloned()
            .ok_or(EditError::NoSuchSuggestion)?;
        let TextTarget::Block(block) = suggestion.target else {
            return self.answer_text(&suggestion, accept);
        };
        let remove = Edit::RemoveSuggestion(id);
        let edits = match (&suggestion.change, accept) {
            (SuggestedChange::Text { .. }, _) => return self.answer_text(&suggestion, accept),
            (SuggestedChange::AddedBlock, true)
            | (SuggestedChange::DeletedBlock, false)
            | (SuggestedChange::MovedBlock { .. }, true) => vec![remove],
            (SuggestedChange::AddedBlock, false) | (SuggestedChange::DeletedBlock, true) => {
                // The block goes, and with it the suggestions on its text.
                let mut edits = vec![remove];
                edits.extend(
                    self.review
                        .suggestions
                        .iter()
                        .filter(|s| s.target == suggestion.target && s.id != id)
                        .map(|s| Edit::RemoveSuggestion(s.id)),
                );
                edits.push(Edit::DeleteBlock(block));
                edits
            }
            (SuggestedChange::MovedBlock { part, index }, false) => vec![
                remove,
                Edit::PlaceBlock {
                    block,
                    part: *part,
                    index: *index,
                },
            ],
        };
        self.apply_undoable(Edit::Many(edits))
    }

    fn answer_text(&mut self, suggestion: &Suggestion, accept: bool) -> Result<Applied, EditError> {
        let remove = Edit::RemoveSuggestion(suggestion.id);
        if !accept {
            return self.apply_undoable(remove);
        }
        let SuggestedChange::Text { start, end, insert } = &suggestion.change else {
            return self.apply_undoable(remove);
        };
        let base = self
            .target_text(suggestion.target)
            .ok_or(EditError::NoSuchBlock)?;
        let (Some(before), Some(after)) = (base.get(..*start), base.get(*end..)) else {
            // Its place in the text no longer exists: nothing to make.
            return self.apply_undoable(remove);
        };
        let text = format!("{before}{insert}{after}");
        // Once the suggestion is gone, the text change moves the others on this text.
        self.apply_undoable(Edit::Many(vec![
            remove,
            Project::set_target_text(suggestion.target, text),
        ]))
    }

    /// Every open suggestion on `block` (its text's and the block's own), answered.
    pub fn answer_block(&self, block: super::BlockId, accept: bool) -> Option<Edit> {
        let edits = self.answers(|s| s.target == TextTarget::Block(block), accept);
        (!edits.is_empty()).then(|| Edit::Many(edits))
    }

    /// Every open suggestion in the brief, answered.
    pub fn answer_all(&self, accept: bool) -> Option<Edit> {
        let edits = self.answers(|s| self.target_exists(s.target), accept);
        (!edits.is_empty()).then(|| Edit::Many(edits))
    }

    fn answers(&self, wanted: impl Fn(&Suggestion) -> bool, accept: bool) -> Vec<Edit> {
        // Text first, then blocks: accepting a deletion removes the block's other
        // suggestions, which must not then be answered again.
        let (text, blocks): (Vec<&Suggestion>, Vec<&Suggestion>) = self
            .review
            .suggestions
            .iter()
            .filter(|s| wanted(s))
            .partition(|s| s.text_range().is_some());
        text.into_iter()
            .chain(blocks)
            .map(|s| {
                if accept {
                    Edit::AcceptSuggestion(s.id)
                } else {
                    Edit::RejectSuggestion(s.id)
                }
            })
            .collect()
    }
}

impl Review {
    /// Moves the comments and suggestions on `target` with its words after its text
    /// changed from `before` to `after`. A comment whose text is gone keeps its quote and
    /// is marked detached; a detached comment whose quote comes back (an undo) is put back
    /// on it. A suggestion whose text is gone is dropped if it would only have deleted.
    pub(super) fn text_changed(&mut self, target: TextTarget, before: &str, after: &str) {
        let Some(region) = changed_region(before, after) else {
            return;
        };
        // A keystroke changes one short stretch; a paste or a replace may change words
        // all through the text, and each of those is followed on its own.
        let steps: Vec<super::anchor::Changed> =
            if region.old_end - region.start <= 32 && region.new_end - region.start <= 32 {
                vec![region]
            } else {
                word_hunks(before, after)
                    .into_iter()
                    .map(|hunk| super::anchor::Changed {
                        start: hunk.new.start,
                        old_end: hunk.new.start + hunk.old.len(),
                        new_end: hunk.new.end,
                    })
                    .collect()
            };
        let map = |range: &std::ops::Range<usize>| {
            steps
                .iter()
                .try_fold(range.clone(), |range, step| map_range(&range, step))
        };
        let changed = region;
        for comment in self.comments.iter_mut().filter(|c| c.target == target) {
            let Some(span) = comment.span.clone() else {
                continue;
            };
            if comment.detached {
                if let Some(found) = find_quote(after, &comment.quote, span.start) {
                    comment.span = Some(found);
                    comment.detached = false;
                }
                continue;
            }
            match map(&span) {
                Some(moved) => {
                    comment.quote = after.get(moved.clone()).unwrap_or_default().to_owned();
                    comment.span = Some(moved);
                }
                None => {
                    let at = changed.start.min(after.len());
                    comment.span = Some(at..at);
                    comment.detached = true;
                }
            }
        }
        self.suggestions.retain_mut(|suggestion| {
            if suggestion.target != target {
                return true;
            }
            let SuggestedChange::Text { start, end, insert } = &mut suggestion.change else {
                return true;
            };
            match map(&(*start..*end)) {
                Some(moved) => {
                    (*start, *end) = (moved.start, moved.end);
                    true
                }
                None if insert.is_empty() => false,
                None => {
                    *start = changed.new_end;
                    *end = changed.new_end;
                    true
                }
            }
        });
    }
}

fn unreachable_review_edit(edit: Edit) -> Result<Applied, EditError> {
    // `apply_unanchored` sends only review edits here; anything else is a bug in that
    // match, reported as an edit that cannot be made rather than a panic.
    debug_assert!(false, "not a review edit: {edit:?}");
    Err(EditError::NoSuchSuggestion)
}
