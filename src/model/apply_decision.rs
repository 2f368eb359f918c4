//! Applying the edits of a decision brief's blocks: a recommendation's responses, and the
//! clearance rows, contact officer and attachments.

use super::super::{Applied, BlockKind, Created, Edit, EditError, Project};

/// An edit that creates nothing, undone by `inverse`.
fn nothing(inverse: Edit) -> Result<Applied, EditError> {
    Ok(Applied {
        created: Created::Nothing,
        inverse,
    })
}

impl Project {
    pub(super) fn apply_decision_edit(&mut self, edit: Edit) -> Result<Applied, EditError> {
        match edit {
            Edit::SetResponses { block, responses } => {
                let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
                let BlockKind::Recommendation {
                    responses: current, ..
                } = &mut self.brief.parts[p].blocks[i].kind
                else {
                    return Err(EditError::NoText("Recommendation"));
                };
                let old = std::mem::replace(current, responses);
                nothing(Edit::SetResponses {
                    block,
                    responses: old,
                })
            }
            Edit::SetTableRows { block, rows } => {
                let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
                let BlockKind::Table { rows: current } = &mut self.brief.parts[p].blocks[i].kind
                else {
                    return Err(EditError::NoText("Table"));
                };
                let old = std::mem::replace(current, rows);
                nothing(Edit::SetTableRows { block, rows: old })
            }
            Edit::SetAlsoTo(addressees) => {
                let old = std::mem::replace(&mut self.brief.meta.also_to, addressees);
                nothing(Edit::SetAlsoTo(old))
            }
            Edit::SetClearance(rows) => {
                let old = std::mem::replace(&mut self.brief.meta.clearance, rows);
                nothing(Edit::SetClearance(old))
            }
            Edit::SetContact(contact) => {
                let old = std::mem::replace(&mut self.brief.meta.contact, contact);
                nothing(Edit::SetContact(old))
            }
            Edit::SetAttachments(attachments) => {
                let old = std::mem::replace(&mut self.brief.meta.attachments, attachments);
                nothing(Edit::SetAttachments(old))
            }
            // Only the edits above are sent here.
            _ => Err(EditError::NoText("this edit")),
        }
    }
}
