//! Tests of find and replace: matching rules and replacing across a brief.
use super::*;

fn query(text: &str) -> Query {
    Query {
        text: text.to_owned(),
        ..Query::default()
    }
}

#[test]
fn case_is_ignored_unless_asked() {
    let text = "Trade, trade and TRADE.";
    assert_eq!(find_in_text(text, &query("trade")).len(), 3);
    let exact = Query {
        match_case: true,
        ..query("trade")
    };
    assert_eq!(find_in_text(text, &exact), vec![7..12]);
}

#[test]
fn whole_word_skips_longer_words() {
    let text = "trade, trader, free-trade, trade's";
    let whole = Query {
        whole_word: true,
        ..query("trade")
    };
    // An apostrophe ends a word: "trade's" holds the word "trade".
    assert_eq!(find_in_text(text, &whole), vec![0..5, 20..25, 27..32]);
}

#[test]
fn offsets_stay_on_the_original_text_when_lower_case_changes_length() {
    // "İ" lower-cases to two characters; the match must still slice the original.
    let text = "İstanbul and Astana";
    let found = find_in_text(text, &query("astana"));
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].clone()], "Astana");
    let cyrillic = "Астана — АСТАНА";
    let found = find_in_text(cyrillic, &query("астана"));
    assert_eq!(found.len(), 2);
    assert_eq!(&cyrillic[found[1].clone()], "АСТАНА");
}

#[test]
fn matches_do_not_overlap() {
    assert_eq!(find_in_text("aaaa", &query("aa")), vec![0..2, 2..4]);
}

#[test]
fn an_empty_query_finds_nothing() {
    assert!(find_in_text("text", &query("")).is_empty());
}

/// A brief with the word "corridor" in the title, a paragraph, a bullet list, an
/// excerpt and a talking point used twice.
fn brief_with_corridor() -> (Project, [BlockId; 5]) {
    use crate::model::{Section, SectionId, SectionKind, SectionRef, Source};
    let mut project = Project::new("test", &[("body".to_owned(), "Body".to_owned())]);
    project.brief.meta.title = "The Middle Corridor".to_owned();
    let source = project.add_source(Source::new(
        "Op-ed",
        vec![Section {
            id: SectionId(0),
            kind: SectionKind::Paragraph,
            text: "The corridor carries grain.".to_owned(),
            figure: None,
        }],
    ));
    let section = project.sources[0].sections[0].id;
    let point = project.add_talking_point("Back the corridor.", vec!["trade".to_owned()], None);
    let paragraph = project.push_block(
        0,
        BlockKind::Paragraph {
            text: "A corridor, the Corridor.".to_owned(),
        },
    );
    let bullets = project.push_block(
        0,
        BlockKind::Bullets {
            items: vec!["rail".to_owned(), "corridor".to_owned()],
        },
    );
    let excerpt = project.push_block(
        0,
        BlockKind::Excerpt {
            from: SectionRef { source, section },
            edited: None,
        },
    );
    let first_use = project.push_block(0, BlockKind::TalkingPoint { point });
    let second_use = project.push_block(0, BlockKind::TalkingPoint { point });
    let blocks = [paragraph, bullets, excerpt, first_use, second_use].map(Option::unwrap);
    (project, blocks)
}

#[test]
fn finds_every_place_in_reading_order_and_a_shared_talking_point_once() {
    let (project, [paragraph, bullets, excerpt, first_use, _]) = brief_with_corridor();
    let found = find_all(&project, &query("corridor"));
    let places: Vec<Place> = found.iter().map(|m| m.place).collect();
    assert_eq!(
        places,
        vec![
            Place::Meta(MetaField::Title),
            Place::Block(paragraph),
            Place::Block(paragraph),
            Place::Block(bullets),
            Place::Block(excerpt),
            Place::TalkingPoint {
                block: first_use,
                point: project.talking_points[0].id
            },
        ]
    );
    assert_eq!(found.iter().filter(|m| m.in_excerpt).count(), 1);
    // Bullet items are matched in their joined form, one per line.
    assert_eq!(found[3].range, 5..13);
}

#[test]
fn replacing_leaves_excerpts_alone_unless_asked_and_then_marks_them_edited() {
    let (mut project, [paragraph, bullets, excerpt, ..]) = brief_with_corridor();
    let found = find_all(&project, &query("corridor"));
    for edit in replace_edits(&project, &found, "route", false) {
        project.apply(edit).expect("the edit applies");
    }
    assert_eq!(project.brief.meta.title, "The Middle route");
    let block_text = |project: &Project, block| place_text(project, Place::Block(block)).unwrap();
    assert_eq!(block_text(&project, paragraph), "A route, the route.");
    assert_eq!(block_text(&project, bullets), "rail\nroute");
    assert_eq!(block_text(&project, excerpt), "The corridor carries grain.");
    assert_eq!(project.talking_points[0].text, "Back the route.");
    assert_eq!(project.talking_points[0].tags, vec!["trade".to_owned()]);

    let left = find_all(&project, &query("corridor"));
    assert_eq!(left.len(), 1, "only the excerpt still says corridor");
    for edit in replace_edits(&project, &left, "route", true) {
        project.apply(edit).expect("the edit applies");
    }
    assert_eq!(block_text(&project, excerpt), "The route carries grain.");
    let (part, index) = project.locate(excerpt).unwrap();
    assert!(matches!(
        &project.brief.parts[part].blocks[index].kind,
        BlockKind::Excerpt {
            edited: Some(_),
            ..
        }
    ));
}

/// A brief whose one picture says "Astana" in its alternative text, caption and credit,
/// beside a decorative picture whose stale alternative text says it too.
fn brief_with_pictures() -> (Project, BlockId, BlockId) {
    use crate::model::{Figure, Picture, PictureFormat, PictureKey};
    let mut project = Project::new("test", &[("body".to_owned(), "Body".to_owned())]);
    let bytes: std::sync::Arc<[u8]> = std::sync::Arc::from(&b"stand-in for a PNG"[..]);
    let key = PictureKey::of(&bytes);
    let mut add = |figure: Figure| {
        let applied = project
            .apply(Edit::AddPicture {
                part: 0,
                index: usize::MAX,
                picture: Box::new(Picture {
                    format: PictureFormat::Png,
                    width_px: 4,
                    height_px: 3,
                    bytes: bytes.clone(),
                }),
                figure: Box::new(figure),
            })
            .expect("the picture is added");
        match applied {
            crate::model::Created::Block(block) => block,
            other => panic!("a picture block, not {other:?}"),
        }
    };
    let mut map = Figure::new(key.clone());
    map.alt = "Map of the route from Astana to Almaty".to_owned();
    map.caption = "The visit: Astana, then Almaty".to_owned();
    map.credit = "Map: Astana city office".to_owned();
    let map = add(map);
    let mut rule = Figure::new(key);
    rule.decorative = true;
    rule.alt = "Astana skyline".to_owned();
    let rule = add(rule);
    (project, map, rule)
}

#[test]
fn finds_and_replaces_in_a_pictures_alternative_text_caption_and_credit() {
    let (mut project, map, rule) = brief_with_pictures();
    let found = find_all(&project, &query("astana"));
    let places: Vec<Place> = found.iter().map(|m| m.place).collect();
    let at = |field| Place::Figure { block: map, field };
    // In the picture editor's order; the decorative picture's alternative text is
    // neither printed nor read aloud, so it is not searched.
    assert_eq!(
        places,
        vec![
            at(FigureField::Alt),
            at(FigureField::Caption),
            at(FigureField::Credit)
        ]
    );
    assert!(found.iter().all(|m| !m.in_excerpt));

    let edits = replace_edits(&project, &found, "Nur-Sultan", false);
    assert_eq!(edits.len(), 1, "one edit for the picture's three fields");
    let mut inverses = Vec::new();
    for edit in edits {
        inverses.push(
            project
                .apply_undoable(edit)
                .expect("the edit applies")
                .inverse,
        );
    }
    let text = |project: &Project, field| place_text(project, at(field)).unwrap();
    assert_eq!(
        text(&project, FigureField::Alt),
        "Map of the route from Nur-Sultan to Almaty"
    );
    assert_eq!(
        text(&project, FigureField::Caption),
        "The visit: Nur-Sultan, then Almaty"
    );
    assert_eq!(
        text(&project, FigureField::Credit),
        "Map: Nur-Sultan city office"
    );
    let (part, index) = project.locate(rule).unwrap();
    let BlockKind::Picture(decorative) = &project.brief.parts[part].blocks[index].kind else {
        panic!("the decorative picture is still a picture");
    };
    assert_eq!(decorative.alt, "Astana skyline");
    assert!(find_all(&project, &query("astana")).is_empty());

    // Undone in one step, like any other edit of the picture.
    let inverse = inverses.pop().expect("one inverse");
    project.apply(inverse).expect("the inverse applies");
    assert_eq!(
        text(&project, FigureField::Alt),
        "Map of the route from Astana to Almaty"
    );
    assert_eq!(
        text(&project, FigureField::Credit),
        "Map: Astana city office"
    );
}
