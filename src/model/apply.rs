//! Applying edits to a project. Every edit returns its inverse, so undo records small
//! reversible changes instead of copies of the project (as helix's transactions do).

use super::{
    Applied, Block, BlockKind, Created, CustomTemplate, Edit, EditError, Marked, Marking, Part,
    PartId, Project,
};

/// The text an edit changes, if it changes one that comments and suggestions can be on.
fn edited_text(edit: &Edit) -> Option<super::TextTarget> {
    use super::TextTarget;
    match edit {
        Edit::SetMeta(field, _) => Some(TextTarget::Meta(*field)),
        Edit::SetBlockText { block, .. }
        | Edit::SetExcerptEdit { block, .. }
        | Edit::RevertExcerpt(block)
        | Edit::SetTableRows { block, .. } => Some(TextTarget::Block(*block)),
        _ => None,
    }
}

impl Project {
    /// The (part index, block index) of a block.
    pub fn locate(&self, block: super::BlockId) -> Option<(usize, usize)> {
        self.brief.parts.iter().enumerate().find_map(|(p, part)| {
            part.blocks
                .iter()
                .position(|b| b.id == block)
                .map(|i| (p, i))
        })
    }

    /// Applies one edit. On error the project is unchanged.
    pub fn apply(&mut self, edit: Edit) -> Result<Created, EditError> {
        self.apply_undoable(edit).map(|applied| applied.created)
    }

    /// Applies one edit and returns the edit that undoes it. On error the project is
    /// unchanged. Applying the inverse returns an edit that redoes the first.
    pub fn apply_undoable(&mut self, edit: Edit) -> Result<Applied, EditError> {
        // Comments and suggestions on a text follow its words when the text is edited.
        let watched = edited_text(&edit).filter(|target| self.review.anchors_on(*target));
        let before = watched.and_then(|target| self.target_text(target));
        let applied = self.apply_unanchored(edit)?;
        if let (Some(target), Some(before)) = (watched, before) {
            let after = self.target_text(target).unwrap_or_default();
            self.review.text_changed(target, &before, &after);
        }
        Ok(applied)
    }

    fn apply_unanchored(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let nothing = |inverse| {
            Ok(Applied {
                created: Created::Nothing,
                inverse,
            })
        };
        match edit {
            Edit::SetMeta(field, value) => {
                let old = std::mem::replace(field.get_mut(&mut self.brief.meta), value);
                nothing(Edit::SetMeta(field, old))
            }
            Edit::SetMarking(of, marking) => {
                let slot = self.marking_mut(of).ok_or(match of {
                    Marked::Source(_) => EditError::NoSuchSource,
                    Marked::TalkingPoint(_) => EditError::NoSuchTalkingPoint,
                })?;
                let old = std::mem::replace(slot, marking);
                nothing(Edit::SetMarking(of, old))
            }
            Edit::SetCaveats(caveats) => {
                let old = std::mem::replace(&mut self.brief.meta.caveats, caveats);
                nothing(Edit::SetCaveats(old))
            }
            Edit::SetScheme { name, custom } => {
                let meta = &mut self.brief.meta;
                let old_name = std::mem::replace(&mut meta.scheme, name);
                let old_custom = std::mem::replace(&mut meta.custom_scheme, custom);
                nothing(Edit::SetScheme {
                    name: old_name,
                    custom: old_custom,
                })
            }
            Edit::AddPicture { .. } | Edit::SetFigure { .. } => self.apply_picture_edit(edit),
            Edit::SetResponses { .. }
            | Edit::SetTableRows { .. }
            | Edit::SetAlsoTo(_)
            | Edit::SetClearance(_)
            | Edit::SetContact(_)
            | Edit::SetAttachments(_) => self.apply_decision_edit(edit),
            Edit::SetLanguage(_) | Edit::SetIgnoredWords(_) | Edit::SetSourceLanguage(..) => {
                self.apply_spelling_edit(edit)
            }
            Edit::AddComment(_)
            | Edit::SetComment(_)
            | Edit::RemoveComment(_)
            | Edit::InsertComment { .. }
            | Edit::SuggestText { .. }
            | Edit::SuggestBlockEdit { .. }
            | Edit::AcceptSuggestion(_)
            | Edit::RejectSuggestion(_)
            | Edit::SetSuggestions { .. }
            | Edit::InsertSuggestion { .. }
            | Edit::RemoveSuggestion(_)
            | Edit::Many(_)
            | Edit::AddVersion(_)
            | Edit::RemoveVersion(_)
            | Edit::InsertVersion { .. }
            | Edit::ReplaceBrief { .. } => self.apply_review_edit(edit),
            Edit::SetSourceField(id, field, value) => {
                let source = self
                    .sources
                    .iter_mut()
                    .find(|s| s.id == id)
                    .ok_or(EditError::NoSuchSource)?;
                let old = std::mem::replace(field.get_mut(source), value);
                nothing(Edit::SetSourceField(id, field, old))
            }
            Edit::AddSource(source) => {
                let id = self.add_source(*source);
                Ok(Applied {
                    created: Created::Source(id),
                    inverse: Edit::RemoveSource(id),
                })
            }
            Edit::RemoveSource(id) => {
                let index = self
                    .sources
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or(EditError::NoSuchSource)?;
                let source = self.sources.remove(index);
                nothing(Edit::InsertSource {
                    index,
                    source: Box::new(source),
                })
            }
            Edit::InsertSource { index, source } => {
                let id = source.id;
                self.sources.insert(index.min(self.sources.len()), *source);
                nothing(Edit::RemoveSource(id))
            }
            Edit::AddBlock { part, kind } => {
                let id = self.push_block(part, kind).ok_or(EditError::NoSuchPart)?;
                Ok(Applied {
                    created: Created::Block(id),
                    inverse: Edit::DeleteBlock(id),
                })
            }
            Edit::InsertBlock { part, index, block } => {
                let blocks = &mut self
                    .brief
                    .parts
                    .get_mut(part)
                    .ok_or(EditError::NoSuchPart)?
                    .blocks;
                let id = block.id;
                blocks.insert(index.min(blocks.len()), block);
                Ok(Applied {
                    created: Created::Block(id),
                    inverse: Edit::DeleteBlock(id),
                })
            }
            Edit::SetBlockText { block, text } => self.set_block_text(block, text),
            Edit::RevertExcerpt(block) => self.set_excerpt_edit(block, None),
            Edit::SetExcerptEdit { block, edited } => self.set_excerpt_edit(block, edited),
            Edit::MoveBlock { block, by } => {
                let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
                let back = Edit::PlaceBlock {
                    block,
                    part: p,
                    index: i,
                };
                let target = i as i64 + i64::from(by);
                let (part, index) = if target < 0 {
                    if p == 0 {
                        return nothing(back);
                    }
                    (p - 1, self.brief.parts[p - 1].blocks.len())
                } else if target as usize >= self.brief.parts[p].blocks.len() {
                    if p + 1 >= self.brief.parts.len() {
                        return nothing(back);
                    }
                    (p + 1, 0)
                } else {
                    (p, target as usize)
                };
                let moved = self.brief.parts[p].blocks.remove(i);
                self.brief.parts[part].blocks.insert(index, moved);
                nothing(back)
            }
            Edit::MoveBlockTo { block, part, index } => {
                let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
                // Removing from the same part shifts later positions up by one.
                let index = if p == part && index > i {
                    index - 1
                } else {
                    index
                };
                self.place_block(block, part, index)
            }
            Edit::PlaceBlock { block, part, index } => self.place_block(block, part, index),
            Edit::DeleteBlock(block) => {
                let (part, index) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
                let block = self.brief.parts[part].blocks.remove(index);
                nothing(Edit::InsertBlock { part, index, block })
            }
            Edit::AddTalkingPoint { text, tags, source } => {
                let id = self.add_talking_point(&text, tags, source);
                Ok(Applied {
                    created: Created::TalkingPoint(id),
                    inverse: Edit::DeleteTalkingPoint(id),
                })
            }
            Edit::AddLibraryPoint {
                text,
                tags,
                marking,
                library,
                part,
            } => {
                if part.is_some_and(|part| part >= self.brief.parts.len()) {
                    return Err(EditError::NoSuchPart);
                }
                let id = self.add_talking_point(&text, tags, None);
                if let Some(point) = self.talking_points.last_mut() {
                    point.marking = marking;
                    point.library = Some(library);
                }
                let kind = BlockKind::TalkingPoint { point: id };
                match part.and_then(|part| self.push_block(part, kind)) {
                    Some(block) => Ok(Applied {
                        created: Created::Block(block),
                        inverse: Edit::Many(vec![
                            Edit::DeleteBlock(block),
                            Edit::DeleteTalkingPoint(id),
                        ]),
                    }),
                    None => Ok(Applied {
                        created: Created::TalkingPoint(id),
                        inverse: Edit::DeleteTalkingPoint(id),
                    }),
                }
            }
            Edit::SetLibraryUse {
                point,
                text,
                library,
            } => {
                let item = self
                    .talking_points
                    .iter_mut()
                    .find(|t| t.id == point)
                    .ok_or(EditError::NoSuchTalkingPoint)?;
                let text = std::mem::replace(&mut item.text, text);
                let library = std::mem::replace(&mut item.library, library);
                nothing(Edit::SetLibraryUse {
                    point,
                    text,
                    library,
                })
            }
            Edit::InsertTalkingPoint { index, point } => {
                let id = point.id;
                let index = index.min(self.talking_points.len());
                self.talking_points.insert(index, point);
                Ok(Applied {
                    created: Created::TalkingPoint(id),
                    inverse: Edit::DeleteTalkingPoint(id),
                })
            }
            Edit::SetTalkingPoint { point, text, tags } => {
                let item = self
                    .talking_points
                    .iter_mut()
                    .find(|t| t.id == point)
                    .ok_or(EditError::NoSuchTalkingPoint)?;
                let text = std::mem::replace(&mut item.text, text);
                let tags = std::mem::replace(&mut item.tags, tags);
                nothing(Edit::SetTalkingPoint { point, text, tags })
            }
            Edit::DeleteTalkingPoint(point) => {
                let in_use = self
                    .brief
                    .blocks()
                    .any(|b| b.kind == BlockKind::TalkingPoint { point });
                if in_use {
                    return Err(EditError::TalkingPointInUse);
                }
                let index = self
                    .talking_points
                    .iter()
                    .position(|t| t.id == point)
                    .ok_or(EditError::NoSuchTalkingPoint)?;
                let point = self.talking_points.remove(index);
                nothing(Edit::InsertTalkingPoint { index, point })
            }
            Edit::SetTemplate {
                name,
                custom,
                parts,
            } => {
                let added = self.add_missing_parts(&parts);
                let (name, custom) = self.replace_template(name, custom);
                nothing(Edit::SwapTemplate {
                    name,
                    custom,
                    remove_parts: added,
                    insert_parts: Vec::new(),
                })
            }
            Edit::SwapTemplate {
                name,
                custom,
                remove_parts,
                insert_parts,
            } => {
                let mut removed = Vec::new();
                let mut index = 0;
                while index < self.brief.parts.len() {
                    let part = &self.brief.parts[index];
                    if remove_parts.contains(&part.id) && part.blocks.is_empty() {
                        removed.push((index + removed.len(), self.brief.parts.remove(index)));
                    } else {
                        index += 1;
                    }
                }
                let mut inserted = Vec::new();
                for (index, part) in insert_parts {
                    inserted.push(part.id);
                    let index = index.min(self.brief.parts.len());
                    self.brief.parts.insert(index, part);
                }
                let (name, custom) = self.replace_template(name, custom);
                nothing(Edit::SwapTemplate {
                    name,
                    custom,
                    remove_parts: inserted,
                    insert_parts: removed,
                })
            }
        }
    }

    /// The marking of a source or talking point.
    fn marking_mut(&mut self, of: Marked) -> Option<&mut Marking> {
        match of {
            Marked::Source(id) => self
                .sources
                .iter_mut()
                .find(|s| s.id == id)
                .map(|s| &mut s.marking),
            Marked::TalkingPoint(id) => self
                .talking_points
                .iter_mut()
                .find(|t| t.id == id)
                .map(|t| &mut t.marking),
        }
    }

    fn set_block_text(
        &mut self,
        block: super::BlockId,
        text: String,
    ) -> Result<Applied, EditError> {
        let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
        let original = match &self.brief.parts[p].blocks[i].kind {
            BlockKind::Excerpt { from, .. } => self.section(*from).map(|(_, s)| s.text.clone()),
            _ => None,
        };
        let inverse = match &mut self.brief.parts[p].blocks[i].kind {
            BlockKind::Paragraph { text: current } => Edit::SetBlockText {
                block,
                text: std::mem::replace(current, text),
            },
            BlockKind::Excerpt { edited, .. } => {
                let new = if original.as_deref() == Some(text.as_str()) {
                    None
                } else {
                    Some(text)
                };
                Edit::SetExcerptEdit {
                    block,
                    edited: std::mem::replace(edited, new),
                }
            }
            BlockKind::Bullets { items } => {
                let old = std::mem::replace(items, text.split('\n').map(str::to_owned).collect());
                Edit::SetBlockText {
                    block,
                    text: old.join("\n"),
                }
            }
            BlockKind::Recommendation { text: current, .. } => Edit::SetBlockText {
                block,
                text: std::mem::replace(current, text),
            },
            BlockKind::Table { rows } => {
                let old = std::mem::replace(rows, super::table_rows(&text));
                Edit::SetBlockText {
                    block,
                    text: super::table_text(&old),
                }
            }
            other => return Err(EditError::NoText(other.label())),
        };
        Ok(Applied {
            created: Created::Nothing,
            inverse,
        })
    }

    fn set_excerpt_edit(
        &mut self,
        block: super::BlockId,
        edited: Option<String>,
    ) -> Result<Applied, EditError> {
        let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
        let BlockKind::Excerpt {
            edited: current, ..
        } = &mut self.brief.parts[p].blocks[i].kind
        else {
            return Err(EditError::NoText("block that is not an excerpt"));
        };
        let old = std::mem::replace(current, edited);
        Ok(Applied {
            created: Created::Nothing,
            inverse: Edit::SetExcerptEdit { block, edited: old },
        })
    }

    /// Moves `block` so that it ends up at exactly `index` of `part`.
    fn place_block(
        &mut self,
        block: super::BlockId,
        part: usize,
        index: usize,
    ) -> Result<Applied, EditError> {
        if part >= self.brief.parts.len() {
            return Err(EditError::NoSuchPart);
        }
        let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
        let moved: Block = self.brief.parts[p].blocks.remove(i);
        let blocks = &mut self.brief.parts[part].blocks;
        blocks.insert(index.min(blocks.len()), moved);
        Ok(Applied {
            created: Created::Nothing,
            inverse: Edit::PlaceBlock {
                block,
                part: p,
                index: i,
            },
        })
    }

    fn replace_template(
        &mut self,
        name: String,
        custom: Option<CustomTemplate>,
    ) -> (String, Option<CustomTemplate>) {
        (
            std::mem::replace(&mut self.brief.template, name),
            std::mem::replace(&mut self.brief.custom_template, custom),
        )
    }

    /// Adds, empty, the template parts (key, title) the brief lacks, each after the part
    /// that precedes it in the template. Returns the new parts' ids.
    fn add_missing_parts(&mut self, template_parts: &[(String, String)]) -> Vec<PartId> {
        let mut added = Vec::new();
        let mut insert_at = 0;
        for (key, title) in template_parts {
            if let Some(existing) = self.brief.parts.iter().position(|p| p.key == *key) {
                insert_at = insert_at.max(existing + 1);
                continue;
            }
            let id = self.ids.part();
            self.brief.parts.insert(
                insert_at.min(self.brief.parts.len()),
                Part {
                    id,
                    key: key.clone(),
                    title: title.clone(),
                    blocks: Vec::new(),
                },
            );
            added.push(id);
            insert_at += 1;
        }
        added
    }
}

#[path = "apply_decision.rs"]
mod decision;
#[path = "apply_picture.rs"]
mod picture;
#[path = "apply_spelling.rs"]
mod spelling;

#[cfg(test)]
#[path = "apply_tests.rs"]
mod tests;
