//! A department's own template travels with the brief: `new --template FILE` keeps a copy
//! in the project, export works without the file, and `set-template` switches or refreshes.

use std::path::Path;
use std::process::{Command, Output};

fn briefwright(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefwright"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run briefwright")
}

fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn department_template() -> String {
    briefwright::template::BUILT_IN[0]
        .1
        .replace("name = \"briefing-note\"", "name = \"dept-note\"")
        .replace("title = \"Background\"", "title = \"Context\"")
}

#[test]
fn a_custom_template_exports_on_a_machine_without_its_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("dept.toml"), department_template()).expect("template");
    ok(&briefwright(
        &[
            "new",
            "-o",
            "draft.brief",
            "--template",
            "dept.toml",
            "--title",
            "Visit",
        ],
        dir.path(),
    ));
    std::fs::remove_file(dir.path().join("dept.toml")).expect("the file goes away");
    ok(&briefwright(
        &["export", "draft.brief", "-o", "draft.pdf"],
        dir.path(),
    ));
    let pdf = std::fs::read(dir.path().join("draft.pdf")).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let project = briefwright::project::load(&dir.path().join("draft.brief")).expect("loads");
    assert_eq!(project.project.brief.template, "dept-note");
    assert!(project.project.brief.custom_template.is_some());
}

#[test]
fn set_template_switches_and_refreshes_from_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("dept.toml");
    ok(&briefwright(&["sample", "-o", "visit.brief"], dir.path()));
    std::fs::write(&file, department_template()).expect("template");
    ok(&briefwright(
        &["set-template", "visit.brief", "dept.toml"],
        dir.path(),
    ));
    let load = || {
        briefwright::project::load(&dir.path().join("visit.brief"))
            .expect("loads")
            .project
    };
    let brief = load().brief;
    assert_eq!(brief.template, "dept-note");

    std::fs::write(
        &file,
        department_template().replace("page_budget = 2", "page_budget = 5"),
    )
    .expect("edit the template");
    ok(&briefwright(
        &["set-template", "visit.brief", "--refresh"],
        dir.path(),
    ));
    let custom = load().brief.custom_template.expect("kept");
    assert!(custom.toml.contains("page_budget = 5"));

    ok(&briefwright(
        &["set-template", "visit.brief", "talking-points-card"],
        dir.path(),
    ));
    let brief = load().brief;
    assert_eq!(brief.template, "talking-points-card");
    assert!(brief.custom_template.is_none());
    let refused = briefwright(&["set-template", "visit.brief", "--refresh"], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("built-in template"));
}

#[test]
fn set_template_moves_blocks_to_the_new_kinds_parts_and_names_what_has_no_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    ok(&briefwright(&["sample", "-o", "visit.brief"], dir.path()));
    let load = || {
        briefwright::project::load(&dir.path().join("visit.brief"))
            .expect("loads")
            .project
    };
    let issues = load()
        .brief
        .parts
        .iter()
        .find(|p| p.key == "key_issues")
        .map(|p| p.blocks.clone())
        .expect("key issues");

    ok(&briefwright(
        &["set-template", "visit.brief", "decision-brief"],
        dir.path(),
    ));
    let brief = load().brief;
    assert_eq!(brief.template, "decision-brief");
    let key_points = brief
        .parts
        .iter()
        .find(|p| p.key == "key_points")
        .expect("part");
    assert_eq!(key_points.blocks, issues, "key issues become key points");
    assert!(brief.parts.iter().all(|p| p.key != "key_issues"));

    let switched = briefwright(&["set-template", "visit.brief", "visit-brief"], dir.path());
    ok(&switched);
    let warning = String::from_utf8_lossy(&switched.stderr);
    assert!(warning.contains("no place for Recommendation"), "{warning}");
    assert!(
        load()
            .brief
            .parts
            .iter()
            .any(|p| p.key == "recommendation" && !p.blocks.is_empty())
    );
}

#[test]
fn a_templates_crest_travels_in_the_brief_and_prints_above_the_title() {
    let dir = tempfile::tempdir().expect("tempdir");
    let with_crest = format!(
        "{}\n[crest]\nfile = \"crest.png\"\nwidth_mm = 22.0\n",
        department_template()
    );
    std::fs::write(dir.path().join("dept.toml"), &with_crest).expect("template");
    // Without its picture, the template is refused by name.
    let refused = briefwright(
        &["new", "-o", "x.brief", "--template", "dept.toml"],
        dir.path(),
    );
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("names a crest that cannot be used"),
        "{message}"
    );
    assert!(message.contains("crest.png"), "{message}");

    let crest =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pictures/chart-imagemagick.png");
    std::fs::copy(&crest, dir.path().join("crest.png")).expect("crest");
    ok(&briefwright(
        &[
            "new",
            "-o",
            "draft.brief",
            "--template",
            "dept.toml",
            "--title",
            "Visit",
        ],
        dir.path(),
    ));
    std::fs::remove_file(dir.path().join("dept.toml")).expect("the file goes away");
    std::fs::remove_file(dir.path().join("crest.png")).expect("the crest goes away");
    ok(&briefwright(
        &["export", "draft.brief", "-o", "draft.pdf"],
        dir.path(),
    ));
    let list = Command::new("pdfimages")
        .args(["-list", "draft.pdf"])
        .current_dir(dir.path())
        .output()
        .expect("pdfimages (poppler-utils) runs");
    let list = String::from_utf8_lossy(&list.stdout);
    let rows: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert!(
        rows.iter()
            .any(|row| row[0] == "1" && row[2] == "image" && row[3] == "300"),
        "the crest on page 1:\n{list}"
    );
    let project = briefwright::project::load(&dir.path().join("draft.brief")).expect("loads");
    let template = briefwright::template::Template::for_brief(&project.project.brief)
        .expect("the kept template");
    let laid = briefwright::layout::layout(
        &project.project,
        &template,
        &mut briefwright::fonts::Typesetter::new(),
    );
    let page = &laid.pages[0];
    let crest_bottom = page
        .items
        .iter()
        .find_map(|p| match &p.item {
            briefwright::layout::Item::Image { size, .. } => Some(p.at.y.0 + size.height.0),
            _ => None,
        })
        .expect("a crest");
    let title_baseline = page
        .items
        .iter()
        .find_map(|p| match &p.item {
            briefwright::layout::Item::Text(run) if run.text.starts_with("Visit") => Some(p.at.y.0),
            _ => None,
        })
        .expect("the title");
    assert!(
        crest_bottom < title_baseline,
        "{crest_bottom} < {title_baseline}"
    );
    // It is decoration: an artifact, not a figure without a description.
    assert!(
        !laid
            .diagnostics
            .iter()
            .any(|d| d.message.contains("alternative text"))
    );
}

#[test]
fn a_crest_the_template_describes_is_a_figure_with_its_description_in_pdf_and_word() {
    let dir = tempfile::tempdir().expect("tempdir");
    let with_crest = format!(
        "{}\n[crest]\nfile = \"crest.png\"\nwidth_mm = 22.0\nalt = \"Crest of the Department of Trade\"\n",
        department_template()
    );
    std::fs::write(dir.path().join("dept.toml"), &with_crest).expect("template");
    let crest =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pictures/chart-imagemagick.png");
    std::fs::copy(&crest, dir.path().join("crest.png")).expect("crest");
    let args = ["new", "-o", "draft.brief", "--template", "dept.toml"];
    ok(&briefwright(
        &[&args[..], &["--title", "Visit"]].concat(),
        dir.path(),
    ));
    ok(&briefwright(
        &["export", "draft.brief", "-o", "draft.pdf"],
        dir.path(),
    ));
    let pdf = lopdf::Document::load(dir.path().join("draft.pdf")).expect("the PDF reads");
    let figures: Vec<String> = pdf
        .objects
        .values()
        .filter_map(|object| {
            let dictionary = object.as_dict().ok()?;
            let is_figure = dictionary.get(b"S").ok()?.as_name().ok()? == b"Figure";
            let alt = lopdf::decode_text_string(dictionary.get(b"Alt").ok()?).ok()?;
            is_figure.then_some(alt)
        })
        .collect();
    assert_eq!(figures, vec!["Crest of the Department of Trade".to_owned()]);

    ok(&briefwright(
        &["export", "draft.brief", "-o", "draft.docx"],
        dir.path(),
    ));
    let file = std::fs::File::open(dir.path().join("draft.docx")).expect("the docx");
    let mut archive = zip::ZipArchive::new(file).expect("a zip");
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").expect("the body"),
        &mut document,
    )
    .expect("text");
    assert!(
        document.contains(r#"descr="Crest of the Department of Trade""#),
        "the crest's description in Word"
    );
}
