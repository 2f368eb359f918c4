//! Applying the edits of pictures: adding a picture block (its picture stored once by
//! hash) and changing what the brief says about a picture.

use super::super::{Applied, Block, BlockKind, Created, Edit, EditError, Project};

impl Project {
    pub(super) fn apply_picture_edit(&mut self, edit: Edit) -> Result<Applied, EditError> {
        match edit {
            Edit::AddPicture {
                part,
                index,
                picture,
                figure,
            } => {
                let blocks_len = self
                    .brief
                    .parts
                    .get(part)
                    .ok_or(EditError::NoSuchPart)?
                    .blocks
                    .len();
                // Stored once: the same picture inserted again, or kept by a version,
                // shares its bytes. Undo leaves it stored; saving keeps only pictures in use.
                self.pictures
                    .entry(figure.picture.clone())
                    .or_insert(*picture);
                let id = self.ids.block();
                self.brief.parts[part].blocks.insert(
                    index.min(blocks_len),
                    Block {
                        id,
                        kind: BlockKind::Picture(*figure),
                    },
                );
                Ok(Applied {
                    created: Created::Block(id),
                    inverse: Edit::DeleteBlock(id),
                })
            }
            Edit::SetFigure { block, figure } => {
                let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
                let BlockKind::Picture(current) = &mut self.brief.parts[p].blocks[i].kind else {
                    return Err(EditError::NoText("Picture"));
                };
                if !self.pictures.contains_key(&figure.picture) {
                    return Err(EditError::NoSuchPicture);
                }
                let old = std::mem::replace(current, *figure);
                Ok(Applied {
                    created: Created::Nothing,
                    inverse: Edit::SetFigure {
                        block,
                        figure: Box::new(old),
                    },
                })
            }
            _ => Err(EditError::NoText("this edit")),
        }
    }
}
