//! Tests of applying edits and of their inverses.

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
            figure: None,
        }],
    );
    let Ok(Created::Source(sid)) = p.apply(Edit::AddSource(Box::new(source))) else {
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
    let blocks: Vec<BlockId> = p.brief.blocks().map(|b| b.id).collect();
    let excerpt = p
        .brief
        .blocks()
        .find(|b| matches!(b.kind, BlockKind::Excerpt { .. }))
        .map(|b| b.id)
        .expect("the sample quotes an article");
    let paragraph = p
        .brief
        .blocks()
        .find(|b| matches!(b.kind, BlockKind::Paragraph { .. }))
        .map(|b| b.id)
        .expect("the sample has paragraphs");
    let point = p.talking_points[0].id;
    let edits = vec![
        Edit::SetMeta(MetaField::Title, "Another title".into()),
        Edit::SetSourceField(first_source, SourceField::Author, "A. Writer".into()),
        Edit::SetMarking(
            crate::model::Marked::Source(first_source),
            crate::model::Marking::level("PROTECTED"),
        ),
        Edit::SetMarking(
            crate::model::Marked::TalkingPoint(point),
            crate::model::Marking {
                level: "SECRET".into(),
                caveats: vec!["CABINET".into()],
            },
        ),
        Edit::SetScheme {
            name: "uk-gscp".into(),
            custom: String::new(),
        },
        Edit::SetCaveats(vec!["CABINET".into()]),
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
                .blocks()
                .any(|b| b.kind == BlockKind::TalkingPoint { point: t.id })
        })
        .map(|t| t.id)
        .expect("an unused talking point");
    check_round_trip(&mut p, Edit::DeleteTalkingPoint(unused));
}
