//! Edits: every change an officer can make to a project, as data.
//!
//! The window turns menu clicks, keystrokes and drags into edits; [`Project::apply`] is the
//! one place they change the project, which makes every change undoable and testable.

use super::{BlockId, BlockKind, BriefMeta, Project, SectionRef, Source, SourceId, TalkingPointId};

/// A field of the brief's metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetaField {
    Title,
    To,
    From,
    Date,
    Reference,
    Classification,
    Purpose,
}

impl MetaField {
    /// Every field, in form order.
    pub const ALL: [MetaField; 7] = [
        MetaField::Title,
        MetaField::To,
        MetaField::From,
        MetaField::Date,
        MetaField::Reference,
        MetaField::Classification,
        MetaField::Purpose,
    ];

    /// The label shown beside the field.
    pub fn label(self) -> &'static str {
        match self {
            MetaField::Title => "Title",
            MetaField::To => "To",
            MetaField::From => "From",
            MetaField::Date => "Date",
            MetaField::Reference => "Reference",
            MetaField::Classification => "Classification",
            MetaField::Purpose => "Purpose",
        }
    }

    /// The field's value in `meta`.
    pub fn get(self, meta: &BriefMeta) -> &str {
        match self {
            MetaField::Title => &meta.title,
            MetaField::To => &meta.to,
            MetaField::From => &meta.from,
            MetaField::Date => &meta.date,
            MetaField::Reference => &meta.reference,
            MetaField::Classification => &meta.classification,
            MetaField::Purpose => &meta.purpose,
        }
    }

    fn get_mut(self, meta: &mut BriefMeta) -> &mut String {
        match self {
            MetaField::Title => &mut meta.title,
            MetaField::To => &mut meta.to,
            MetaField::From => &mut meta.from,
            MetaField::Date => &mut meta.date,
            MetaField::Reference => &mut meta.reference,
            MetaField::Classification => &mut meta.classification,
            MetaField::Purpose => &mut meta.purpose,
        }
    }
}

/// A field of a source's metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceField {
    Title,
    Author,
    Publication,
    Date,
    Url,
    Notes,
}

impl SourceField {
    /// Every field, in form order.
    pub const ALL: [SourceField; 6] = [
        SourceField::Title,
        SourceField::Author,
        SourceField::Publication,
        SourceField::Date,
        SourceField::Url,
        SourceField::Notes,
    ];

    /// The label shown beside the field.
    pub fn label(self) -> &'static str {
        match self {
            SourceField::Title => "Title",
            SourceField::Author => "Author",
            SourceField::Publication => "Publication",
            SourceField::Date => "Date",
            SourceField::Url => "URL",
            SourceField::Notes => "Notes",
        }
    }

    /// The field's value in `source`.
    pub fn get(self, source: &Source) -> &str {
        match self {
            SourceField::Title => &source.title,
            SourceField::Author => &source.author,
            SourceField::Publication => &source.publication,
            SourceField::Date => &source.date,
            SourceField::Url => &source.url,
            SourceField::Notes => &source.notes,
        }
    }

    fn get_mut(self, source: &mut Source) -> &mut String {
        match self {
            SourceField::Title => &mut source.title,
            SourceField::Author => &mut source.author,
            SourceField::Publication => &mut source.publication,
            SourceField::Date => &mut source.date,
            SourceField::Url => &mut source.url,
            SourceField::Notes => &mut source.notes,
        }
    }
}

/// One change to a project.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetMeta(MetaField, String),
    SetSourceField(SourceId, SourceField, String),
    AddSource(Source),
    RemoveSource(SourceId),
    /// Adds a block at the end of a part (by index).
    AddBlock {
        part: usize,
        kind: BlockKind,
    },
    /// Replaces a block's text: a paragraph's text, an excerpt's edited text, or a list's
    /// items (one per line).
    SetBlockText {
        block: BlockId,
        text: String,
    },
    /// Drops an excerpt's edits, going back to the source's words.
    RevertExcerpt(BlockId),
    /// Moves a block up (negative) or down (positive), crossing into the next part at the ends.
    MoveBlock {
        block: BlockId,
        by: i32,
    },
    /// Moves a block to `index` in `part`.
    MoveBlockTo {
        block: BlockId,
        part: usize,
        index: usize,
    },
    DeleteBlock(BlockId),
    AddTalkingPoint {
        text: String,
        tags: Vec<String>,
        source: Option<SectionRef>,
    },
    SetTalkingPoint {
        point: TalkingPointId,
        text: String,
        tags: Vec<String>,
    },
    DeleteTalkingPoint(TalkingPointId),
    SetTemplate(String),
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("that block no longer exists")]
    NoSuchBlock,
    #[error("that part does not exist")]
    NoSuchPart,
    #[error("that source no longer exists")]
    NoSuchSource,
    #[error("that talking point no longer exists")]
    NoSuchTalkingPoint,
    #[error("this talking point is used in the brief; remove it from the brief first")]
    TalkingPointInUse,
    #[error("a {0} has no text to edit")]
    NoText(&'static str),
}

/// What an edit created, so the window can select it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    Nothing,
    Block(BlockId),
    Source(SourceId),
    TalkingPoint(TalkingPointId),
}

impl Project {
    /// The (part index, block index) of a block.
    pub fn locate(&self, block: BlockId) -> Option<(usize, usize)> {
        self.brief.parts.iter().enumerate().find_map(|(p, part)| {
            part.blocks
                .iter()
                .position(|b| b.id == block)
                .map(|i| (p, i))
        })
    }

    /// Applies one edit. On error the project is unchanged.
    pub fn apply(&mut self, edit: Edit) -> Result<Created, EditError> {
        match edit {
            Edit::SetMeta(field, value) => *field.get_mut(&mut self.brief.meta) = value,
            Edit::SetSourceField(id, field, value) => {
                let source = self
                    .sources
                    .iter_mut()
                    .find(|s| s.id == id)
                    .ok_or(EditError::NoSuchSource)?;
                *field.get_mut(source) = value;
            }
            Edit::AddSource(source) => return Ok(Created::Source(self.add_source(source))),
            Edit::RemoveSource(id) => {
                let index = self
                    .sources
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or(EditError::NoSuchSource)?;
                self.sources.remove(index);
            }
            Edit::AddBlock { part, kind } => {
                return self
                    .push_block(part, kind)
                    .map(Created::Block)
                    .ok_or(EditError::NoSuchPart);
            }
            Edit::SetBlockText { block, text } => {
                let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
                let original = match &self.brief.parts[p].blocks[i].kind {
                    BlockKind::Excerpt { from, .. } => {
                        self.section(*from).map(|(_, s)| s.text.clone())
                    }
                    _ => None,
                };
                match &mut self.brief.parts[p].blocks[i].kind {
                    BlockKind::Paragraph { text: current } => *current = text,
                    BlockKind::Excerpt { edited, .. } => {
                        *edited = if original.as_deref() == Some(text.as_str()) {
                            None
                        } else {
                            Some(text)
                        }
                    }
                    BlockKind::Bullets { items } => {
                        *items = text.split('\n').map(str::to_owned).collect()
                    }
                    other => return Err(EditError::NoText(other.label())),
                }
            }
            Edit::RevertExcerpt(block) => {
                let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
                if let BlockKind::Excerpt { edited, .. } = &mut self.brief.parts[p].blocks[i].kind {
                    *edited = None;
                }
            }
            Edit::MoveBlock { block, by } => {
                let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
                let target = i as i64 + i64::from(by);
                let (part, index) = if target < 0 {
                    if p == 0 {
                        return Ok(Created::Nothing);
                    }
                    (p - 1, self.brief.parts[p - 1].blocks.len())
                } else if target as usize >= self.brief.parts[p].blocks.len() {
                    if p + 1 >= self.brief.parts.len() {
                        return Ok(Created::Nothing);
                    }
                    (p + 1, 0)
                } else {
                    (p, target as usize)
                };
                let moved = self.brief.parts[p].blocks.remove(i);
                self.brief.parts[part].blocks.insert(index, moved);
            }
            Edit::MoveBlockTo { block, part, index } => {
                if part >= self.brief.parts.len() {
                    return Err(EditError::NoSuchPart);
                }
                let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
                let moved = self.brief.parts[p].blocks.remove(i);
                // Removing from the same part shifts later positions up by one.
                let index = if p == part && index > i {
                    index - 1
                } else {
                    index
                };
                let blocks = &mut self.brief.parts[part].blocks;
                blocks.insert(index.min(blocks.len()), moved);
            }
            Edit::DeleteBlock(block) => {
                let (p, i) = self.locate(block).ok_or(EditError::NoSuchBlock)?;
                self.brief.parts[p].blocks.remove(i);
            }
            Edit::AddTalkingPoint { text, tags, source } => {
                return Ok(Created::TalkingPoint(
                    self.add_talking_point(&text, tags, source),
                ));
            }
            Edit::SetTalkingPoint { point, text, tags } => {
                let item = self
                    .talking_points
                    .iter_mut()
                    .find(|t| t.id == point)
                    .ok_or(EditError::NoSuchTalkingPoint)?;
                item.text = text;
                item.tags = tags;
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
                self.talking_points.remove(index);
            }
            Edit::SetTemplate(name) => self.brief.template = name,
        }
        Ok(Created::Nothing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SectionKind;

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
        let source = Source {
            id: SourceId(0),
            title: "T".into(),
            author: String::new(),
            publication: String::new(),
            date: String::new(),
            url: String::new(),
            notes: String::new(),
            file_name: String::new(),
            sections: vec![crate::model::Section {
                id: crate::model::SectionId(0),
                kind: SectionKind::Paragraph,
                text: "Original words.".into(),
            }],
            unknown_fields: Default::default(),
        };
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
}
