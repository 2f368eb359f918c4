//! Applying edits to a project. Every edit returns its inverse, so undo records small
//! reversible changes instead of copies of the project (as helix's transactions do).

use super::{
    Applied, Block, BlockKind, Created, CustomTemplate, Edit, EditError, Part, PartId, Project,
};

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
                let id = self.add_source(source);
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
                nothing(Edit::InsertSource { index, source })
            }
            Edit::InsertSource { index, source } => {
                let id = source.id;
                self.sources.insert(index.min(self.sources.len()), source);
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
                    .parts
                    .iter()
                    .flat_map(|p| &p.blocks)
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

#[cfg(test)]
mod tests {
    use crate::model::{
        BlockId, BlockKind, Created, Edit, EditError, MetaField, Project, SectionKind, SectionRef,
        Source, SourceField,
    };

    fn project() -> Project {
        let parts = vec![
            ("a".to_owned(), "A".to_owned()),
            ("b".to_owned(), "B".to_owned()),
        ];
        let mut project = Project::new("briefing-note", &parts);
        for text in ["one", "two", "three"] {
            project.push_block(0, BlockKind::Paragraph { text: text.into() });
        }
        project
    }

    fn texts(project: &Project, part: usize) -> Vec<String> {
        project.brief.parts[part]
            .blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Paragraph { text } => text.clone(),
                other => other.label().to_owned(),
            })
            .collect()
    }

    #[test]
    fn moving_blocks_reorders_and_crosses_parts() {
        let mut p = project();
        let first = p.brief.parts[0].blocks[0].id;
        let third = p.brief.parts[0].blocks[2].id;
        p.apply(Edit::MoveBlock {
            block: first,
            by: 1,
        })
        .expect("move");
        assert_eq!(texts(&p, 0), ["two", "one", "three"]);
        p.apply(Edit::MoveBlock {
            block: third,
            by: 1,
        })
        .expect("move");
        assert_eq!(
            (texts(&p, 0), texts(&p, 1)),
            (vec!["two".into(), "one".into()], vec!["three".into()])
        );
        p.apply(Edit::MoveBlockTo {
            block: first,
            part: 1,
            index: 5,
        })
        .expect("move");
        assert_eq!(texts(&p, 1), ["three", "one"]);
    }

    #[test]
    fn editing_an_excerpt_keeps_the_original_and_reverts() {
        let mut p = project();
        let source = Source::new(
            "T",
            vec![crate::model::Section {
                id: crate::model::SectionId(0),
                kind: SectionKind::Paragraph,
                text: "Original words.".into(),
            }],
        );
        let Ok(Created::Source(sid)) = p.apply(Edit::AddSource(source)) else {
            panic!("source added")
        };
        let section = p.source(sid).expect("source").sections[0].id;
        let Ok(Created::Block(block)) = p.apply(Edit::AddBlock {
            part: 1,
            kind: BlockKind::Excerpt {
                from: SectionRef {
                    source: sid,
                    section,
                },
                edited: None,
            },
        }) else {
            panic!("block added")
        };
        p.apply(Edit::SetBlockText {
            block,
            text: "Trimmed words.".into(),
        })
        .expect("edit");
        assert!(
            matches!(&p.brief.parts[1].blocks[0].kind, BlockKind::Excerpt { edited: Some(t), .. } if t == "Trimmed words.")
        );
        assert_eq!(
            p.source(sid).expect("source").sections[0].text,
            "Original words."
        );
        p.apply(Edit::RevertExcerpt(block)).expect("revert");
        assert!(matches!(
            &p.brief.parts[1].blocks[0].kind,
            BlockKind::Excerpt { edited: None, .. }
        ));
    }

    #[test]
    fn talking_points_in_use_are_not_deleted() {
        let mut p = project();
        let Ok(Created::TalkingPoint(point)) = p.apply(Edit::AddTalkingPoint {
            text: "We welcome…".into(),
            tags: vec![],
            source: None,
        }) else {
            panic!("added")
        };
        p.apply(Edit::AddBlock {
            part: 0,
            kind: BlockKind::TalkingPoint { point },
        })
        .expect("add");
        assert_eq!(
            p.apply(Edit::DeleteTalkingPoint(point)),
            Err(EditError::TalkingPointInUse)
        );
        assert_eq!(p.talking_points.len(), 1);
    }

    #[test]
    fn bad_targets_are_errors_and_change_nothing() {
        let mut p = project();
        let before = p.clone();
        assert_eq!(
            p.apply(Edit::DeleteBlock(BlockId(999))),
            Err(EditError::NoSuchBlock)
        );
        assert_eq!(
            p.apply(Edit::AddBlock {
                part: 9,
                kind: BlockKind::PageBreak
            }),
            Err(EditError::NoSuchPart)
        );
        assert_eq!(p, before);
    }

    /// Applies `edit`, checks that its inverse restores the project exactly and that the
    /// inverse's inverse makes the same change again; leaves the edit applied.
    fn check_round_trip(project: &mut Project, edit: Edit) {
        let before = project.clone();
        let applied = project.apply_undoable(edit.clone()).expect("edit applies");
        let after = project.clone();
        let redo = project
            .apply_undoable(applied.inverse.clone())
            .expect("inverse applies");
        assert!(
            project.same_content(&before),
            "undoing {edit:?} with {:?}",
            applied.inverse
        );
        project
            .apply_undoable(redo.inverse.clone())
            .expect("redo applies");
        assert!(
            project.same_content(&after),
            "redoing {edit:?} with {:?}",
            redo.inverse
        );
    }

    #[test]
    fn every_kind_of_edit_is_undone_and_redone_exactly() {
        let mut p = crate::sample::project();
        let first_source = p.sources[0].id;
        let section = p.sources[0].sections[1].id;
        let blocks: Vec<BlockId> = p
            .brief
            .parts
            .iter()
            .flat_map(|part| &part.blocks)
            .map(|b| b.id)
            .collect();
        let excerpt = p
            .brief
            .parts
            .iter()
            .flat_map(|part| &part.blocks)
            .find(|b| matches!(b.kind, BlockKind::Excerpt { .. }))
            .map(|b| b.id)
            .expect("the sample quotes an article");
        let paragraph = p
            .brief
            .parts
            .iter()
            .flat_map(|part| &part.blocks)
            .find(|b| matches!(b.kind, BlockKind::Paragraph { .. }))
            .map(|b| b.id)
            .expect("the sample has paragraphs");
        let point = p.talking_points[0].id;
        let edits = vec![
            Edit::SetMeta(MetaField::Title, "Another title".into()),
            Edit::SetSourceField(first_source, SourceField::Author, "A. Writer".into()),
            Edit::SetBlockText {
                block: paragraph,
                text: "New words.".into(),
            },
            Edit::SetBlockText {
                block: excerpt,
                text: "Trimmed.".into(),
            },
            Edit::RevertExcerpt(excerpt),
            Edit::MoveBlock {
                block: blocks[0],
                by: -1,
            },
            Edit::MoveBlock {
                block: blocks[1],
                by: 1,
            },
            Edit::MoveBlock {
                block: *blocks.last().expect("blocks"),
                by: 1,
            },
            Edit::MoveBlockTo {
                block: blocks[2],
                part: 3,
                index: 1,
            },
            Edit::MoveBlockTo {
                block: blocks[1],
                part: 0,
                index: 5,
            },
            Edit::DeleteBlock(blocks[3]),
            Edit::AddBlock {
                part: 2,
                kind: BlockKind::Bullets {
                    items: vec!["a".into(), "b".into()],
                },
            },
            Edit::AddBlock {
                part: 1,
                kind: BlockKind::Excerpt {
                    from: SectionRef {
                        source: first_source,
                        section,
                    },
                    edited: None,
                },
            },
            Edit::AddTalkingPoint {
                text: "We welcome it.".into(),
                tags: vec!["trade".into()],
                source: None,
            },
            Edit::SetTalkingPoint {
                point,
                text: "Changed.".into(),
                tags: vec![],
            },
            Edit::RemoveSource(first_source),
            Edit::SetTemplate {
                name: "talking-points-card".into(),
                custom: None,
                parts: vec![
                    ("points".into(), "Points".into()),
                    ("purpose".into(), "Purpose".into()),
                ],
            },
        ];
        for edit in edits {
            check_round_trip(&mut p, edit);
        }
        let unused = p
            .talking_points
            .iter()
            .find(|t| {
                !p.brief
                    .parts
                    .iter()
                    .flat_map(|part| &part.blocks)
                    .any(|b| b.kind == BlockKind::TalkingPoint { point: t.id })
            })
            .map(|t| t.id)
            .expect("an unused talking point");
        check_round_trip(&mut p, Edit::DeleteTalkingPoint(unused));
    }
}
