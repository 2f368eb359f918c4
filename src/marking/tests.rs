//! Schemes read from their files, levels in order, and the computed marking.

use super::*;
use crate::model::{BlockKind, Marked, Marking, Project, Section, SectionKind, Source};

#[test]
fn every_built_in_scheme_parses_with_its_levels_in_order() {
    let names: Vec<&str> = Scheme::built_ins()
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["au-pspf", "uk-gscp", "ca-gc", "my-ak"]);
    let au = Scheme::built_in("au-pspf").expect("au");
    assert!(au.rank("OFFICIAL: Sensitive") < au.rank("PROTECTED"));
    assert!(
        au.rank("protected") < au.rank("TOP SECRET"),
        "case does not matter"
    );
    let uk = Scheme::built_in("uk-gscp").expect("uk");
    assert!(uk.rank("OFFICIAL-SENSITIVE") < uk.rank("SECRET"));
    assert_eq!(uk.rank("PROTECTED"), None);
    let ca = Scheme::built_in("ca-gc").expect("ca");
    assert!(ca.rank("PROTECTED C") < ca.rank("CONFIDENTIAL"));
    assert_eq!(ca.print.position, MarkingPosition::Right);
    assert!(ca.print.top && !ca.print.bottom);
    let my = Scheme::built_in("my-ak").expect("my");
    assert!(my.rank("SULIT") < my.rank("RAHSIA BESAR"));
    assert!(!my.prints("Tidak berperingkat") && my.prints("TERHAD"));
    assert_eq!(Scheme::built_in("").map(|s| s.name.as_str()), Ok("au-pspf"));
}

#[test]
fn colour_starts_at_its_level() {
    let au = Scheme::built_in("au-pspf").expect("au");
    assert_eq!(au.colour_of("OFFICIAL: Sensitive"), None);
    assert_eq!(au.colour_of("PROTECTED"), Some((0xC0, 0, 0)));
    assert_eq!(au.colour_of("TOP SECRET"), Some((0xC0, 0, 0)));
}

#[test]
fn a_bad_scheme_file_is_refused_with_the_reason() {
    let error = Scheme::parse("x", "name = \"x\"\ndescription = \"\"\nlevels = [\"A\"]\ndefault = \"B\"\n[print]\nposition = \"centre\"\ntop = true\nbottom = true\n")
        .expect_err("default not a level");
    assert!(
        error
            .to_string()
            .contains("\u{201c}B\u{201d} is not one of its levels"),
        "{error}"
    );
    let unknown = Scheme::built_in("nz").expect_err("unknown");
    assert!(
        unknown
            .to_string()
            .contains("au-pspf, uk-gscp, ca-gc, my-ak"),
        "{unknown}"
    );
}

/// A brief chosen OFFICIAL quoting one source marked `level` with `caveats`.
fn brief_quoting(level: &str, caveats: &[&str]) -> Project {
    let mut project = Project::new(
        "briefing-note",
        &[("background".into(), "Background".into())],
    );
    project.brief.meta.classification = "OFFICIAL".into();
    let mut source = Source::new(
        "Cable 42",
        vec![Section {
            id: crate::model::SectionId(0),
            kind: SectionKind::Paragraph,
            text: "The text is settled.".into(),
            figure: None,
        }],
    );
    source.marking = Marking {
        level: level.into(),
        caveats: caveats.iter().map(|c| (*c).to_owned()).collect(),
    };
    let id = project.add_source(source);
    let section = project.sources[0].sections[0].id;
    project.push_block(
        0,
        BlockKind::Excerpt {
            from: crate::model::SectionRef {
                source: id,
                section,
            },
            edited: None,
        },
    );
    project
}

#[test]
fn content_raises_the_marking_and_says_why() {
    let au = Scheme::built_in("au-pspf").expect("au");
    let project = brief_quoting("PROTECTED", &[]);
    let computed = compute(&project, au, "OFFICIAL");
    assert_eq!(computed.chosen, "OFFICIAL");
    assert_eq!(computed.text(), "PROTECTED");
    assert_eq!(computed.raised_by.len(), 1);
    assert!(
        computed
            .explanation()
            .is_some_and(|e| e.contains("the excerpt from \u{201c}Cable 42\u{201d} (PROTECTED)")),
        "{:?}",
        computed.explanation()
    );
    let lower = brief_quoting("UNOFFICIAL", &[]);
    let computed = compute(&lower, au, "OFFICIAL");
    assert_eq!(
        computed.text(),
        "OFFICIAL",
        "lower content never lowers the brief"
    );
    assert!(!computed.is_raised());
}

#[test]
fn caveats_are_the_union_in_scheme_order() {
    let au = Scheme::built_in("au-pspf").expect("au");
    let mut project = brief_quoting("OFFICIAL", &["Personal privacy", "cabinet"]);
    project.brief.meta.caveats = vec!["Legal privilege".into()];
    let computed = compute(&project, au, "OFFICIAL");
    assert_eq!(
        computed.caveats,
        ["CABINET", "Legal privilege", "Personal privacy"]
    );
    assert_eq!(
        computed.text(),
        "OFFICIAL // CABINET // Legal privilege // Personal privacy"
    );
    assert!(computed.is_raised(), "added caveats are a raise");
}

#[test]
fn unknown_levels_and_caveats_are_named() {
    let uk = Scheme::built_in("uk-gscp").expect("uk");
    let project = brief_quoting("PROTECTED", &["CABINET"]);
    let computed = compute(&project, uk, "OFFICIAL");
    assert!(
        computed
            .unknown
            .iter()
            .any(|u| u.contains("\u{201c}PROTECTED\u{201d} is not a level of uk-gscp")),
        "{:?}",
        computed.unknown
    );
    assert!(computed.unknown.iter().any(|u| u.contains("CABINET")));
}

#[test]
fn a_talking_point_and_its_source_raise_the_marking() {
    let au = Scheme::built_in("au-pspf").expect("au");
    let mut project = brief_quoting("", &[]);
    let point = project.add_talking_point("We welcome the agreement.", Vec::new(), None);
    project
        .apply(crate::model::Edit::SetMarking(
            Marked::TalkingPoint(point),
            Marking::level("SECRET"),
        ))
        .expect("marked");
    project.push_block(0, BlockKind::TalkingPoint { point });
    let computed = compute(&project, au, "OFFICIAL");
    assert_eq!(computed.level, "SECRET");
    assert!(computed.raised_by[0].item.starts_with("the talking point"));
}
