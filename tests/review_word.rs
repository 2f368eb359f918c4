//! Review in Word and back: a Word file exported for review, edited by a reviewer in
//! LibreOffice with Record Changes on (driven through its UNO bridge), comes back as
//! suggestions and comments credited to the reviewer; files that are not it are refused
//! by name and the brief is left as it was.

use std::path::Path;
use std::process::{Command, Output};

mod support;

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
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The sample exported for review as `name`.
fn exported(dir: &Path, brief: &str, name: &str) {
    ok(&briefwright(&["sample", "-o", brief, "--force"], dir));
    ok(&briefwright(
        &["export", brief, "-o", name, "--review"],
        dir,
    ));
}

/// A reviewer in LibreOffice: Record Changes on, a phrase reworded, a sentence added,
/// a comment, saved as Word.
fn review_in_libreoffice(dir: &Path, from: &str, to: &str) {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/review/libreoffice_review.py");
    let output = Command::new("/usr/bin/python3")
        .arg(script)
        .args([
            from,
            to,
            "Reviewer One",
            "positive and practical",
            "cautiously positive",
            "Officials agree.",
            "halal food",
            "Which halal standard?",
        ])
        .current_dir(dir)
        .output()
        .expect("python3 with python3-uno (.ci/run installs it) runs");
    assert!(
        dir.join(to).exists(),
        "LibreOffice saved the review: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn project(dir: &Path, name: &str) -> briefwright::model::Project {
    briefwright::project::load(&dir.join(name))
        .expect("loads")
        .project
}

#[test]
fn a_review_made_in_libreoffice_comes_back_as_suggestions_and_comments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    exported(dir, "visit.brief", "visit.docx");
    let before = project(dir, "visit.brief");
    assert_eq!(
        before.review.versions.len(),
        1,
        "the export for review is a version"
    );
    review_in_libreoffice(dir, "visit.docx", "reviewed.docx");

    let out = ok(&briefwright(
        &["import-review", "visit.brief", "reviewed.docx"],
        dir,
    ));
    assert!(out.contains("Reviewer One: 2 changes, 1 comment"), "{out}");
    let after = project(dir, "visit.brief");
    // Nothing in the brief's text changed; the changes wait as suggestions.
    assert_eq!(after.brief, before.brief);
    let suggestions = &after.review.suggestions;
    assert_eq!(suggestions.len(), 2, "{suggestions:?}");
    assert!(suggestions.iter().all(|s| s.author == "Reviewer One"));
    let comment = &after.review.comments[0];
    assert_eq!(comment.author, "Reviewer One");
    assert_eq!(comment.text, "Which halal standard?");
    assert_eq!(comment.quote, "halal food");

    // Accepting all makes the reviewer's wording the brief's.
    let mut accepted = after.clone();
    accepted
        .apply(accepted.answer_all(true).expect("suggestions"))
        .expect("accept");
    let texts: Vec<String> = support::brief_blocks::paragraph_texts(&accepted);
    assert!(
        texts
            .iter()
            .any(|t| t.contains("cautiously positive") && t.ends_with("Officials agree.")),
        "{texts:?}"
    );

    // The same file again brings nothing twice.
    let again = ok(&briefwright(
        &["import-review", "visit.brief", "reviewed.docx"],
        dir,
    ));
    assert!(again.contains("3 already in the brief"), "{again}");
    assert_eq!(project(dir, "visit.brief").review, after.review);
}

#[test]
fn block_identities_survive_libreoffice_saving_the_file_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    exported(dir, "visit.brief", "visit.docx");
    std::fs::create_dir_all(dir.join("resaved")).expect("folder");
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let converted = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            "resaved",
            "visit.docx",
        ])
        .current_dir(dir)
        .output()
        .expect("soffice runs");
    assert!(converted.status.success());
    let bytes = std::fs::read(dir.join("resaved/visit.docx")).expect("re-saved");
    let reviewed = briefwright::import::word_review::read(&bytes).expect("reads");
    let brief = project(dir, "visit.brief");
    assert_eq!(
        reviewed.brief.as_deref(),
        Some(brief.review.brief_id.as_str())
    );
    let blocks: std::collections::BTreeSet<_> = reviewed
        .paragraphs
        .iter()
        .filter_map(|p| p.origin.map(|(block, _)| block))
        .collect();
    let printed: std::collections::BTreeSet<_> = brief
        .brief
        .blocks()
        .filter(|b| {
            !matches!(
                b.kind,
                briefwright::model::BlockKind::PageBreak
                    | briefwright::model::BlockKind::Table { .. }
            )
        })
        .map(|b| b.id)
        .collect();
    assert!(
        printed.is_subset(&blocks),
        "every block keeps its identity: missing {:?}",
        printed.difference(&blocks).collect::<Vec<_>>()
    );
}

#[test]
fn files_that_are_not_this_brief_s_review_are_refused_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    exported(dir, "visit.brief", "visit.docx");
    exported(dir, "other.brief", "other.docx");
    ok(&briefwright(
        &["export", "visit.brief", "-o", "plain.docx"],
        dir,
    ));
    std::fs::write(dir.join("notes.docx"), "just some text").expect("write");
    let docx = std::fs::read(dir.join("visit.docx")).expect("exported");
    std::fs::write(dir.join("cut.docx"), &docx[..docx.len() / 2]).expect("write");
    let untouched = std::fs::read(dir.join("visit.brief")).expect("brief");
    for (file, expected) in [
        (
            "other.docx",
            "was exported from another brief, \u{201c}Visit of the Prime Minister to Kazakhstan\u{201d}",
        ),
        ("plain.docx", "did not come from Briefwright"),
        ("notes.docx", "is not a Word document"),
        ("cut.docx", "is not a Word document"),
    ] {
        let out = briefwright(&["import-review", "visit.brief", file], dir);
        assert_eq!(out.status.code(), Some(1), "{file}");
        let message = String::from_utf8_lossy(&out.stderr);
        assert!(message.contains(expected), "{file}: {message}");
        assert!(!message.contains("panicked"));
        assert_eq!(
            std::fs::read(dir.join("visit.brief")).expect("brief"),
            untouched,
            "the brief is left as it was"
        );
    }
}

#[test]
fn in_the_window_a_review_is_imported_then_one_change_accepted_and_one_rejected() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    exported(dir, "visit.brief", "visit.docx");
    review_in_libreoffice(dir, "visit.docx", "reviewed.docx");
    let brief = project(dir, "visit.brief");
    let original = brief.brief.clone();
    let (mut harness, answers) = support::window::harness_with(brief);
    answers
        .borrow_mut()
        .articles
        .push_back(vec![dir.join("reviewed.docx")]);
    support::window::menu(&mut harness, "File", "Import Review from Word");
    harness.run();
    assert!(
        harness
            .state()
            .messages()
            .iter()
            .any(|m| m.text.contains("Reviewer One: 2 changes, 1 comment")),
        "{:?}",
        harness.state().messages()
    );
    assert_eq!(
        harness.state().project().brief,
        original,
        "nothing changed yet"
    );
    assert_eq!(harness.state().project().open_suggestions(), 2);
    // The Reviewing tab lists them: accept the first, reject the second.
    harness
        .get_all_by_label("Accept")
        .next()
        .expect("an Accept button")
        .click();
    harness.run();
    assert_eq!(harness.state().project().open_suggestions(), 1);
    assert_ne!(harness.state().project().brief, original, "one change made");
    harness
        .get_all_by_label("Reject")
        .next()
        .expect("a Reject button")
        .click();
    harness.run();
    assert_eq!(harness.state().project().open_suggestions(), 0);
    let texts = support::brief_blocks::paragraph_texts(harness.state().project());
    let made = texts
        .iter()
        .filter(|t| t.contains("cautiously positive"))
        .count()
        + texts
            .iter()
            .filter(|t| t.ends_with("Officials agree."))
            .count();
    assert_eq!(
        made, 1,
        "exactly one of the two changes was made: {texts:?}"
    );
    // The import itself is one undo step (after the two answers are undone).
    for _ in 0..3 {
        support::window::menu(&mut harness, "Edit", "Undo");
    }
    assert_eq!(harness.state().project().brief, original);
    assert_eq!(harness.state().project().open_suggestions(), 0);
    assert!(harness.state().project().review.comments.is_empty());
}
