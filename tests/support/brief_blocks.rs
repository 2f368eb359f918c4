//! The brief's body paragraphs, for tests and benches that edit them.

use briefwright::model::{BlockId, BlockKind, Project};

/// The ids of the brief's body paragraphs, in reading order.
pub fn paragraphs(project: &Project) -> Vec<BlockId> {
    project
        .brief
        .blocks()
        .filter(|block| matches!(block.kind, BlockKind::Paragraph { .. }))
        .map(|block| block.id)
        .collect()
}

/// The id of the brief's first body paragraph, for tests that write odd text into one.
pub fn first_paragraph(project: &Project) -> BlockId {
    paragraphs(project)
        .first()
        .copied()
        .expect("the brief has a paragraph")
}

/// The text of each body paragraph, in reading order.
pub fn paragraph_texts(project: &Project) -> Vec<String> {
    project
        .brief
        .blocks()
        .filter_map(|block| match &block.kind {
            BlockKind::Paragraph { text } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Puts the chart fixture into part `part` at `index` as a picture block with these
/// words, and returns its id.
pub fn add_chart(
    project: &mut Project,
    part: usize,
    index: usize,
    [alt, caption, credit]: [&str; 3],
) -> BlockId {
    // Not `super::fixture`: the benches include this file on its own.
    let chart = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pictures/chart-imagemagick.png");
    let picture = briefwright::picture::from_file(&chart).expect("the chart is a picture");
    let mut figure =
        briefwright::model::Figure::new(briefwright::model::PictureKey::of(&picture.bytes));
    figure.alt = alt.into();
    figure.caption = caption.into();
    figure.credit = credit.into();
    let created = project
        .apply(briefwright::model::Edit::AddPicture {
            part,
            index,
            picture: Box::new(picture),
            figure: Box::new(figure),
        })
        .expect("the picture is added");
    match created {
        briefwright::model::Created::Block(block) => block,
        other => panic!("a picture block, not {other:?}"),
    }
}
