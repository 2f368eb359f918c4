//! Tests of the built-in templates and of template parsing.

use super::*;

#[test]
fn built_in_templates_parse() {
    for (name, _) in BUILT_IN {
        let template = Template::built_in(name).expect("built-in template parses");
        assert_eq!(template.name, *name);
    }
    let note = Template::built_in("briefing-note").expect("briefing note");
    assert_eq!(
        note.parts
            .iter()
            .map(|p| p.title.as_str())
            .collect::<Vec<_>>(),
        [
            "Purpose",
            "Background",
            "Key Issues",
            "Talking Points",
            "Recommendation"
        ]
    );
    assert!(
        note.part("key_issues")
            .is_some_and(|p| p.numbered_paragraphs)
    );
    assert!((note.page.width().0 - 595.27).abs() < 0.1);
}

#[test]
fn unknown_names_list_the_choices() {
    let message = Template::built_in("memo").expect_err("unknown").to_string();
    assert!(
        message.contains("briefing-note, talking-points-card"),
        "{message}"
    );
}

#[test]
fn bad_templates_are_refused_with_reason() {
    let source = BUILT_IN[0].1.replace("size_pt = 10.0", "size_pt = 1000.0");
    let message = Template::parse("x", &source)
        .expect_err("invalid")
        .to_string();
    assert!(
        message
            .contains("styles.body.size_pt = 1000 is out of range; it must be between 4 and 72 pt"),
        "{message}"
    );
    // -1e300 reads as minus infinity; it used to pass and put "inf" into the PDF.
    let source = BUILT_IN[0]
        .1
        .replace("margin_left_mm = 22.0", "margin_left_mm = -1e300");
    let message = Template::parse("x", &source)
        .expect_err("invalid")
        .to_string();
    assert!(
        message.contains("page.margin_left_mm = -inf is out of range"),
        "{message}"
    );
}
