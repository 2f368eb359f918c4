//! The project file: round trip, stable text, versions and refusals.

use briefwright::project::{from_json, load, save, to_json};
use briefwright::sample;

#[test]
fn save_then_load_gives_the_same_project_and_the_same_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("visit.brief");
    let project = sample::project();
    save(&project, &path).expect("saves");
    let loaded = load(&path).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.project, project);
    assert_eq!(
        to_json(&loaded.project),
        std::fs::read_to_string(&path).expect("read")
    );
}

#[test]
fn ids_stay_unique_after_loading() {
    let project = sample::project();
    let mut loaded = from_json(to_json(&project).as_bytes(), "x.brief")
        .expect("loads")
        .project;
    let fresh = loaded.ids.block();
    let used: Vec<u64> = loaded
        .brief
        .parts
        .iter()
        .flat_map(|p| p.blocks.iter().map(|b| b.id.0))
        .collect();
    assert!(!used.contains(&fresh.0));
}

#[test]
fn refusals_name_the_problem() {
    let cases: [(&str, &str); 7] = [
        ("", "is empty"),
        (
            "{\"format\": \"briefwright\",\n \"version\": 1,\n \"brief\": {",
            "damaged: EOF while parsing an object at line 3, column 11",
        ),
        (
            "[1, 2]",
            "not a Briefwright project (the top level is not an object)",
        ),
        (
            "{\"format\": \"memo\", \"version\": 1}",
            "its format is \"memo\"",
        ),
        (
            "{\"format\": \"briefwright\", \"version\": 2}",
            "newer Briefwright (file version 2); this version reads up to version 1",
        ),
        (
            "{\"format\": \"briefwright\", \"version\": 1, \"brief\": {\"template\": 5}}",
            "wrong kind of value: invalid type: integer `5`",
        ),
        ("{\"format\": \"briefwright\"}", "no numeric \"version\""),
    ];
    for (json, expected) in cases {
        let message = from_json(json.as_bytes(), "p.brief")
            .expect_err(json)
            .to_string();
        assert!(message.starts_with("p.brief"), "{message}");
        assert!(
            message.contains(expected),
            "{expected:?} not in {message:?}"
        );
    }
    let binary = from_json(b"\xff\xd8\xff\xe0\0\x10JFIF", "photo.brief")
        .expect_err("binary")
        .to_string();
    assert!(binary.contains("is not text"), "{binary}");
}

#[test]
fn a_missing_section_loads_with_a_warning() {
    let project = sample::project();
    let json = to_json(&project);
    let first_section = project.sources[0].sections[1].id.0;
    let broken = json.replace(
        &format!("\"section\": {first_section}\n"),
        "\"section\": 999999\n",
    );
    assert!(broken != json, "the fixture edit applied");
    let loaded = from_json(broken.as_bytes(), "p.brief").expect("still loads");
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0].message.contains("missing"),
        "{:?}",
        loaded.warnings
    );
}

/// Inputs the fuzzers found (see fuzz/): each must load or be refused, and a loaded
/// project must save and load back unchanged.
#[test]
fn fuzzer_findings_stay_fixed() {
    let folder =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz/load_project");
    let mut checked = 0;
    for entry in std::fs::read_dir(&folder).expect("fixtures") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        if let Ok(loaded) = from_json(&bytes, "fuzz.brief") {
            let again = from_json(to_json(&loaded.project).as_bytes(), "again.brief")
                .expect("reloads")
                .project;
            assert_eq!(again, loaded.project, "{}", path.display());
        }
        checked += 1;
    }
    assert!(checked >= 1);
}

#[test]
fn unknown_fields_from_a_newer_version_survive_load_and_save() {
    let mut json: serde_json::Value =
        serde_json::from_str(&to_json(&sample::project())).expect("json");
    json["review_status"] = serde_json::json!({"state": "cleared", "by": "Deputy Director", "score": 0.123_456_789_012_345_67});
    json["brief"]["meta"]["distribution"] =
        serde_json::json!(["Minister's office", "Embassy Astana"]);
    let loaded = from_json(json.to_string().as_bytes(), "newer.brief").expect("loads");
    let saved: serde_json::Value = serde_json::from_str(&to_json(&loaded.project)).expect("json");
    assert_eq!(saved["review_status"], json["review_status"]);
    assert_eq!(
        saved["brief"]["meta"]["distribution"],
        json["brief"]["meta"]["distribution"]
    );
}

#[test]
fn markings_survive_save_and_load_and_old_projects_read_as_au_pspf() {
    use briefwright::model::{Edit, Marked, Marking};
    let mut project = sample::project();
    let source = project.sources[0].id;
    let point = project.talking_points[0].id;
    for edit in [
        Edit::SetScheme {
            name: "uk-gscp".into(),
            custom: String::new(),
        },
        Edit::SetMeta(
            briefwright::model::MetaField::Classification,
            "OFFICIAL".into(),
        ),
        Edit::SetCaveats(vec!["UK EYES ONLY".into()]),
        Edit::SetMarking(Marked::Source(source), Marking::level("OFFICIAL-SENSITIVE")),
        Edit::SetMarking(
            Marked::TalkingPoint(point),
            Marking {
                level: "SECRET".into(),
                caveats: vec!["LEGAL".into()],
            },
        ),
    ] {
        project.apply(edit).expect("applies");
    }
    let loaded = from_json(to_json(&project).as_bytes(), "m.brief").expect("loads");
    assert_eq!(loaded.project, project);
    assert_eq!(
        loaded.project.sources[0].marking.level,
        "OFFICIAL-SENSITIVE"
    );
    assert_eq!(loaded.project.brief.meta.scheme, "uk-gscp");

    // A project written before schemes: no scheme, no caveats, no item markings.
    let old = sample::project();
    let json = to_json(&old);
    assert!(
        !json.contains("\"scheme\""),
        "unmarked fields are not written"
    );
    let loaded = from_json(json.as_bytes(), "old.brief").expect("loads");
    assert_eq!(
        loaded.project.brief.meta.classification,
        "OFFICIAL: Sensitive"
    );
    let template =
        briefwright::template::Template::for_brief(&loaded.project.brief).expect("template");
    let laid = briefwright::layout::layout(
        &loaded.project,
        &template,
        &mut briefwright::fonts::Typesetter::new(),
    );
    assert_eq!(
        laid.marking(),
        "OFFICIAL: Sensitive",
        "read as au-pspf, marking kept"
    );
}
