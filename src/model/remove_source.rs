//! Removing a source without leaving excerpts that quote nothing: each of its excerpts
//! either stays as a quoted paragraph with the citation written out, or goes with it.

use super::{Block, BlockId, BlockKind, Edit, Project, SourceId};

/// What happens to the excerpts of a source being removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExcerptsOfRemoved {
    /// Each becomes a paragraph: the quoted words, then the citation as text.
    KeepAsQuotes,
    Remove,
}

impl Project {
    /// The excerpts that quote `source`, in brief order.
    pub fn excerpts_of(&self, source: SourceId) -> Vec<BlockId> {
        self.brief.blocks()
            .filter(|block| matches!(&block.kind, BlockKind::Excerpt { from, .. } if from.source == source))
            .map(|block| block.id)
            .collect()
    }

    /// The edits that remove `source` and deal with its excerpts, to be applied (and
    /// undone) as one step. Empty if there is no such source.
    pub fn remove_source_edits(&self, source: SourceId, excerpts: ExcerptsOfRemoved) -> Vec<Edit> {
        let Some(removed) = self.source(source) else {
            return Vec::new();
        };
        let citation = citation_text(removed);
        let mut edits = Vec::new();
        for (part, blocks) in self.brief.parts.iter().map(|p| &p.blocks).enumerate() {
            for (index, block) in blocks.iter().enumerate() {
                let BlockKind::Excerpt { from, edited } = &block.kind else {
                    continue;
                };
                if from.source != source {
                    continue;
                }
                edits.push(Edit::DeleteBlock(block.id));
                if excerpts == ExcerptsOfRemoved::KeepAsQuotes {
                    let words = edited.clone().unwrap_or_else(|| {
                        self.section(*from)
                            .map(|(_, s)| s.text.clone())
                            .unwrap_or_default()
                    });
                    edits.push(Edit::InsertBlock {
                        part,
                        index,
                        block: Block {
                            id: block.id,
                            kind: BlockKind::Paragraph {
                                text: format!("\u{201c}{}\u{201d} ({citation})", words.trim()),
                            },
                        },
                    });
                }
            }
        }
        edits.push(Edit::RemoveSource(source));
        edits
    }
}

/// "Asel Nurlanova, The Steppe Ledger, 11 March 2026": who, where and when, as far as known.
fn citation_text(source: &super::Source) -> String {
    let who = [&source.author, &source.publication, &source.title]
        .into_iter()
        .map(|field| field.trim())
        .filter(|field| !field.is_empty())
        .take(2)
        .collect::<Vec<_>>();
    let mut parts: Vec<&str> = who;
    if !source.date.trim().is_empty() {
        parts.push(source.date.trim());
    }
    if parts.is_empty() {
        return source.file_name.clone();
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceField;

    /// The bundled sample with the undo edits of applying `edits`.
    fn apply_all(project: &mut Project, edits: Vec<Edit>) -> Vec<Edit> {
        edits
            .into_iter()
            .map(|edit| project.apply_undoable(edit).expect("applies").inverse)
            .collect()
    }

    fn first_quoted_source(project: &Project) -> SourceId {
        project
            .sources
            .iter()
            .map(|s| s.id)
            .find(|id| !project.excerpts_of(*id).is_empty())
            .expect("the sample quotes a source")
    }

    #[test]
    fn kept_excerpts_become_quoted_paragraphs_with_the_citation_and_undo_restores_all() {
        let mut project = crate::sample::project();
        let original = project.clone();
        let source = first_quoted_source(&project);
        let excerpts = project.excerpts_of(source);
        let author = project
            .source(source)
            .map(|s| s.author.clone())
            .unwrap_or_default();
        let edits = project.remove_source_edits(source, ExcerptsOfRemoved::KeepAsQuotes);
        let undo = apply_all(&mut project, edits);
        assert!(project.source(source).is_none());
        for id in &excerpts {
            let (part, index) = project.locate(*id).expect("the block stays where it was");
            assert_eq!(Some((part, index)), original.locate(*id));
            let BlockKind::Paragraph { text } = &project.brief.parts[part].blocks[index].kind
            else {
                panic!("{id:?} is not a paragraph");
            };
            assert!(text.starts_with('\u{201c}'), "{text}");
            assert!(text.ends_with(')') && text.contains(&author), "{text}");
        }
        apply_all(&mut project, undo.into_iter().rev().collect());
        assert_eq!(project, original);
    }

    #[test]
    fn removed_excerpts_go_with_their_source() {
        let mut project = crate::sample::project();
        let source = first_quoted_source(&project);
        let excerpts = project.excerpts_of(source);
        let blocks_before: usize = project.brief.parts.iter().map(|p| p.blocks.len()).sum();
        let edits = project.remove_source_edits(source, ExcerptsOfRemoved::Remove);
        apply_all(&mut project, edits);
        let blocks_after: usize = project.brief.parts.iter().map(|p| p.blocks.len()).sum();
        assert_eq!(blocks_after, blocks_before - excerpts.len());
        assert!(excerpts.iter().all(|id| project.locate(*id).is_none()));
    }

    #[test]
    fn an_edited_excerpt_keeps_the_officers_cut() {
        let mut project = crate::sample::project();
        let source = first_quoted_source(&project);
        let excerpt = project.excerpts_of(source)[0];
        project
            .apply(Edit::SetBlockText {
                block: excerpt,
                text: "A shorter cut.".into(),
            })
            .expect("edits");
        project
            .apply(Edit::SetSourceField(
                source,
                SourceField::Author,
                String::new(),
            ))
            .expect("edits");
        let edits = project.remove_source_edits(source, ExcerptsOfRemoved::KeepAsQuotes);
        apply_all(&mut project, edits);
        let (part, index) = project.locate(excerpt).expect("kept");
        let BlockKind::Paragraph { text } = &project.brief.parts[part].blocks[index].kind else {
            panic!("not a paragraph");
        };
        assert!(
            text.starts_with("\u{201c}A shorter cut.\u{201d} ("),
            "{text}"
        );
    }
}
