//! Diagnostics carry real severities: what spoils the printed brief is an error, what is
//! worth a look is a warning, and one paragraph gives one message however many characters
//! it cannot draw.

use briefwright::diagnostic::Severity;
use briefwright::fonts::Typesetter;
use briefwright::layout::layout;
use briefwright::model::{BlockKind, Edit};
use briefwright::template::Template;

#[test]
fn a_missing_reference_is_an_error_and_a_missing_title_field_a_warning() {
    let mut project = briefwright::sample::project();
    let source = project.sources[0].id;
    project.apply(Edit::RemoveSource(source)).expect("removed");
    project.brief.meta.to.clear();
    let template = Template::for_brief(&project.brief).expect("template");
    let laid = layout(&project, &template, &mut Typesetter::new());
    let missing = laid
        .diagnostics
        .iter()
        .find(|d| d.message.contains("Missing"))
        .expect("the broken excerpt is reported");
    assert_eq!(missing.severity, Severity::Error);
    assert!(missing.block.is_some(), "it names its block");
    let title_block = laid
        .diagnostics
        .iter()
        .find(|d| d.message.contains("title block has no To"))
        .expect("the empty To field is reported");
    assert_eq!(title_block.severity, Severity::Warning);
}

#[test]
fn a_brief_still_titled_new_brief_or_untitled_gets_a_warning() {
    let title_warnings = |title: &str| {
        let mut project = briefwright::sample::project();
        project.brief.meta.title = title.to_owned();
        let template = Template::for_brief(&project.brief).expect("template");
        layout(&project, &template, &mut Typesetter::new())
            .diagnostics
            .into_iter()
            .filter(|d| d.message.contains("title"))
            .filter(|d| !d.message.contains("title block"))
            .map(|d| (d.severity, d.message))
            .collect::<Vec<_>>()
    };
    let placeholder = title_warnings(briefwright::model::PLACEHOLDER_TITLE);
    assert_eq!(placeholder.len(), 1, "{placeholder:?}");
    assert_eq!(placeholder[0].0, Severity::Warning);
    assert!(
        placeholder[0]
            .1
            .contains("still titled \u{201c}New brief\u{201d}")
    );
    let empty = title_warnings("   ");
    assert!(empty[0].1.contains("has no title"), "{empty:?}");
    assert!(title_warnings("Water cooperation with Kazakhstan").is_empty());
}

#[test]
fn a_paragraph_of_undrawable_characters_gives_one_error_not_one_per_character() {
    let mut project = briefwright::sample::project();
    let part = 1;
    project
        .apply(Edit::AddBlock {
            part,
            kind: BlockKind::Paragraph {
                text: "The minister quoted ความร่วมมือทางเศรษฐกิจ in the speech.".into(),
            },
        })
        .expect("added");
    let template = Template::for_brief(&project.brief).expect("template");
    let laid = layout(&project, &template, &mut Typesetter::new());
    let undrawable: Vec<_> = laid
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("no bundled font can draw"))
        .collect();
    assert_eq!(undrawable.len(), 1, "{undrawable:#?}");
    assert_eq!(undrawable[0].severity, Severity::Error);
    assert!(
        undrawable[0]
            .message
            .starts_with("1 paragraph contains Thai text (22 characters)"),
        "{}",
        undrawable[0].message
    );
}
