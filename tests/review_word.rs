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
    review_in_libreoffice_with(dir, from, to, &[]);
}

/// The same, after `untracked` edits ("old=>new") made with Record Changes off.
fn review_in_libreoffice_with(dir: &Path, from: &str, to: &str, untracked: &[&str]) {
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
        .args(untracked)
        .current_dir(dir)
        .output()
        .expect("python3 with python3-uno (.ci/run installs it) runs");
    assert!(
        dir.join(to).exists(),
        "LibreOffice saved the review: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The body part of a Word file.
fn document_xml(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document part"),
        &mut document,
    )
    .expect("utf-8");
    document
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

#[test]
fn edits_made_with_track_changes_off_are_found_and_credited_to_the_last_author() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    exported(dir, "visit.brief", "visit.docx");
    review_in_libreoffice_with(
        dir,
        "visit.docx",
        "reviewed.docx",
        &["freight costs remain=>freight costs still remain"],
    );
    let out = ok(&briefwright(
        &["import-review", "visit.brief", "reviewed.docx"],
        dir,
    ));
    assert!(out.contains("Reviewer One: 3 changes, 1 comment"), "{out}");
    let after = project(dir, "visit.brief");
    let untracked = after
        .review
        .suggestions
        .iter()
        .find(|s| matches!(&s.change, briefwright::model::SuggestedChange::Text { insert, .. } if insert == "still "))
        .expect("the untracked edit is a suggestion");
    // LibreOffice records the profile's user as the document's last author.
    assert_eq!(untracked.author, "Reviewer One");
}

/// Word's own output, as Word writes it: revision ids (`w:rsid*`) on everything, a
/// paragraph added with its paragraph mark tracked, a reply in `commentsExtended` and
/// the thread resolved, and `people.xml`.
#[test]
fn a_file_shaped_like_word_s_own_comes_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    exported(dir, "visit.brief", "visit.docx");
    let brief = project(dir, "visit.brief");
    let first = support::brief_blocks::first_paragraph(&brief);
    let docx = std::fs::read(dir.join("visit.docx")).expect("exported");
    let document = document_xml(&docx);
    // The first paragraph of the brief: a word deleted and one inserted, as Word marks
    // them, and a comment around them; then a paragraph the reviewer added.
    let bookmark = format!("w:name=\"_bw{}_0\" />", first.0);
    let at = document.find(&bookmark).expect("the block's bookmark") + bookmark.len();
    let end_of_paragraph = at + document[at..].find("</w:p>").expect("paragraph end");
    let paragraph = &document[at..end_of_paragraph];
    let word = "positive";
    assert!(paragraph.contains(word), "{paragraph}");
    let reworked = paragraph.replacen(
        word,
        &format!(
            "</w:t></w:r><w:commentRangeStart w:id=\"7\"/>\
             <w:del w:id=\"101\" w:author=\"Reviewer Two\" w:date=\"2026-12-07T09:00:00Z\"><w:r w:rsidDel=\"00A1B2C3\"><w:delText>{word}</w:delText></w:r></w:del>\
             <w:ins w:id=\"102\" w:author=\"Reviewer Two\" w:date=\"2026-12-07T09:00:00Z\"><w:r w:rsidR=\"00A1B2C3\"><w:t>upbeat</w:t></w:r></w:ins>\
             <w:commentRangeEnd w:id=\"7\"/><w:r><w:commentReference w:id=\"7\"/></w:r><w:r w:rsidR=\"00D4E5F6\"><w:t xml:space=\"preserve\">"
        ),
        1,
    );
    let added = "<w:p w:rsidR=\"00A1B2C3\" w:rsidRDefault=\"00A1B2C3\"><w:pPr><w:rPr><w:ins w:id=\"103\" w:author=\"Reviewer Two\" w:date=\"2026-12-07T09:05:00Z\"/></w:rPr></w:pPr>\
        <w:ins w:id=\"104\" w:author=\"Reviewer Two\" w:date=\"2026-12-07T09:05:00Z\"><w:r><w:t>The Deputy Prime Minister will also attend.</w:t></w:r></w:ins></w:p>";
    let document = format!(
        "{}{reworked}</w:p>{added}{}",
        &document[..at],
        &document[end_of_paragraph + "</w:p>".len()..]
    );
    let comments = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">
<w:comment w:id="7" w:author="Reviewer Two" w:date="2026-12-07T09:01:00Z" w:initials="R2"><w:p w14:paraId="1A2B3C4D" w:rsidR="00A1B2C3"><w:r><w:t>Too strong?</w:t></w:r></w:p></w:comment>
<w:comment w:id="8" w:author="Desk Officer" w:date="2026-12-07T10:00:00Z" w:initials="DO"><w:p w14:paraId="5E6F7A8B"><w:r><w:t>Agreed, softened.</w:t></w:r></w:p></w:comment>
</w:comments>"#;
    let extended = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">
<w15:commentEx w15:paraId="1A2B3C4D" w15:done="1"/>
<w15:commentEx w15:paraId="5E6F7A8B" w15:paraIdParent="1A2B3C4D" w15:done="1"/>
</w15:commentsEx>"#;
    let people = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:person w15:author="Reviewer Two"><w15:presenceInfo w15:providerId="None" w15:userId="Reviewer Two"/></w15:person></w15:people>"#;
    let reviewed = support::article_docx::replace_parts(
        &docx,
        &[
            ("word/document.xml", document),
            ("word/comments.xml", comments.to_owned()),
            ("word/commentsExtended.xml", extended.to_owned()),
            ("word/people.xml", people.to_owned()),
        ],
    );
    std::fs::write(dir.join("word.docx"), reviewed).expect("write");
    let out = ok(&briefwright(
        &["import-review", "visit.brief", "word.docx"],
        dir,
    ));
    assert!(out.contains("Reviewer Two: 2 changes, 1 comment"), "{out}");
    let after = project(dir, "visit.brief");
    assert_eq!(
        after.as_printed().brief,
        brief.brief,
        "nothing prints until accepted"
    );
    let comment = &after.review.comments[0];
    assert_eq!(comment.text, "Too strong?");
    assert_eq!(comment.quote, "positive");
    assert!(comment.resolved);
    assert_eq!(comment.replies.len(), 1);
    assert_eq!(comment.replies[0].author, "Desk Officer");
    let added = after
        .review
        .suggestions
        .iter()
        .find(|s| s.change == briefwright::model::SuggestedChange::AddedBlock)
        .expect("the added paragraph is a suggested block");
    let (p, i) = after
        .locate(match added.target {
            briefwright::model::TextTarget::Block(block) => block,
            briefwright::model::TextTarget::Meta(_) => panic!("a block"),
        })
        .expect("in the brief");
    assert!(matches!(
        &after.brief.parts[p].blocks[i].kind,
        briefwright::model::BlockKind::Paragraph { text } if text == "The Deputy Prime Minister will also attend."
    ));
    let (first_p, first_i) = after.locate(first).expect("first paragraph");
    assert_eq!(
        (p, i),
        (first_p, first_i + 1),
        "added after the paragraph before it"
    );
}

#[test]
fn hostile_word_files_are_refused_by_name_and_the_brief_is_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    exported(dir, "visit.brief", "visit.docx");
    let docx = std::fs::read(dir.join("visit.docx")).expect("exported");
    // A comment of four megabytes inside a file that is otherwise this brief's.
    let huge = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="1" w:author="Someone"><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:comment></w:comments>"#,
        "x".repeat(4 << 20)
    );
    let long = support::article_docx::replace_parts(&docx, &[("word/comments.xml", huge)]);
    std::fs::write(dir.join("long-comment.docx"), long).expect("write");
    let bad = |name: &str| {
        let from = support::fixture(&format!("bad/{name}"));
        std::fs::copy(&from, dir.join(name)).expect("copy fixture");
    };
    bad("docx-zip-bomb.docx");
    bad("docx-truncated.docx");
    std::fs::copy(
        support::fixture("hostile/docx-cut-in-text.docx"),
        dir.join("cut-xml.docx"),
    )
    .expect("copy fixture");
    let untouched = std::fs::read(dir.join("visit.brief")).expect("brief");
    for (file, expected) in [
        ("long-comment.docx", "has a comment by Someone of 4096 KB"),
        ("docx-zip-bomb.docx", "zip bomb"),
        ("docx-truncated.docx", "is not a Word document"),
        ("cut-xml.docx", "is damaged"),
    ] {
        let out = briefwright(&["import-review", "visit.brief", file], dir);
        let message = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{file}: {message}");
        assert!(message.contains(expected), "{file}: {message}");
        assert!(!message.contains("panicked"));
        assert_eq!(
            std::fs::read(dir.join("visit.brief")).expect("brief"),
            untouched
        );
    }
}

#[test]
fn formatting_changed_in_word_is_listed_not_applied() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    exported(dir, "visit.brief", "visit.docx");
    let docx = std::fs::read(dir.join("visit.docx")).expect("exported");
    let document = document_xml(&docx);
    // Word's record of a run made bold: the new properties, and the old in rPrChange.
    let bold = document.replacen(
        "<w:r><w:rPr /><w:t xml:space=\"preserve\">Commentary",
        "<w:r><w:rPr><w:b/><w:rPrChange w:id=\"201\" w:author=\"Reviewer Three\" w:date=\"2026-12-07T11:00:00Z\"><w:rPr/></w:rPrChange></w:rPr><w:t xml:space=\"preserve\">Commentary",
        1,
    );
    assert_ne!(bold, document, "the run to make bold is there");
    let reviewed = support::article_docx::replace_parts(&docx, &[("word/document.xml", bold)]);
    std::fs::write(dir.join("bold.docx"), reviewed).expect("write");
    let before = project(dir, "visit.brief");
    let out = ok(&briefwright(
        &["import-review", "visit.brief", "bold.docx"],
        dir,
    ));
    assert!(
        out.contains(
            "formatting changed by Reviewer Three in Background \u{b6}1: listed, not applied"
        ),
        "{out}"
    );
    assert_eq!(project(dir, "visit.brief").brief, before.brief);
}

#[test]
fn a_change_in_the_title_block_goes_to_its_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    exported(dir, "visit.brief", "visit.docx");
    let docx = std::fs::read(dir.join("visit.docx")).expect("exported");
    let document = document_xml(&docx);
    let date = "<w:t xml:space=\"preserve\">9 March 2026</w:t></w:r>";
    assert!(document.contains(date), "the Date row");
    let changed = document.replacen(
        date,
        "<w:t xml:space=\"preserve\"></w:t></w:r>\
         <w:del w:id=\"301\" w:author=\"Reviewer Two\" w:date=\"2026-12-07T09:00:00Z\"><w:r><w:delText>9</w:delText></w:r></w:del>\
         <w:ins w:id=\"302\" w:author=\"Reviewer Two\" w:date=\"2026-12-07T09:00:00Z\"><w:r><w:t>10</w:t></w:r></w:ins>\
         <w:r><w:t xml:space=\"preserve\"> March 2026</w:t></w:r>",
        1,
    );
    let reviewed = support::article_docx::replace_parts(&docx, &[("word/document.xml", changed)]);
    std::fs::write(dir.join("date.docx"), reviewed).expect("write");
    let out = ok(&briefwright(
        &["import-review", "visit.brief", "date.docx"],
        dir,
    ));
    assert!(out.contains("Reviewer Two: 1 change"), "{out}");
    let mut after = project(dir, "visit.brief");
    let suggestion = after.review.suggestions[0].clone();
    assert_eq!(
        suggestion.target,
        briefwright::model::TextTarget::Meta(briefwright::model::MetaField::Date)
    );
    after
        .apply(briefwright::model::Edit::AcceptSuggestion(suggestion.id))
        .expect("accept");
    assert_eq!(after.brief.meta.date, "10 March 2026");
}

#[test]
fn a_change_in_a_table_cell_goes_to_that_cell() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    ok(&briefwright(
        &["sample", "-o", "visit.brief", "--template", "visit-brief"],
        dir,
    ));
    ok(&briefwright(
        &["export", "visit.brief", "-o", "visit.docx", "--review"],
        dir,
    ));
    let docx = std::fs::read(dir.join("visit.docx")).expect("exported");
    let document = document_xml(&docx);
    let cell = "Briefing by the Ambassador</w:t></w:r>";
    assert!(document.contains(cell), "the programme's cell");
    let changed = document.replacen(
        cell,
        "</w:t></w:r>\
         <w:del w:id=\"401\" w:author=\"Reviewer Two\" w:date=\"2026-12-07T09:00:00Z\"><w:r><w:delText>Briefing</w:delText></w:r></w:del>\
         <w:ins w:id=\"402\" w:author=\"Reviewer Two\" w:date=\"2026-12-07T09:00:00Z\"><w:r><w:t>Update</w:t></w:r></w:ins>\
         <w:r><w:t xml:space=\"preserve\"> by the Ambassador</w:t></w:r>",
        1,
    );
    let reviewed = support::article_docx::replace_parts(&docx, &[("word/document.xml", changed)]);
    std::fs::write(dir.join("cell.docx"), reviewed).expect("write");
    let out = ok(&briefwright(
        &["import-review", "visit.brief", "cell.docx"],
        dir,
    ));
    assert!(out.contains("Reviewer Two: 1 change"), "{out}");
    assert!(!out.contains("could not be placed"), "{out}");
    let mut after = project(dir, "visit.brief");
    let all = after.answer_all(true).expect("a suggestion");
    after.apply(all).expect("accept");
    let cells: Vec<String> = after
        .brief
        .blocks()
        .filter_map(|b| match &b.kind {
            briefwright::model::BlockKind::Table { rows } => Some(rows.concat()),
            _ => None,
        })
        .flatten()
        .collect();
    assert!(
        cells.iter().any(|c| c == "Update by the Ambassador"),
        "{cells:?}"
    );
    assert!(!cells.iter().any(|c| c == "Briefing by the Ambassador"));
}

#[test]
fn a_paragraph_deleted_with_track_changes_off_becomes_a_suggested_deletion() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    exported(dir, "visit.brief", "visit.docx");
    let brief = project(dir, "visit.brief");
    let first = support::brief_blocks::first_paragraph(&brief);
    let docx = std::fs::read(dir.join("visit.docx")).expect("exported");
    let document = document_xml(&docx);
    // The whole paragraph gone, as a reviewer with Track Changes off deletes it.
    let bookmark = format!("w:name=\"_bw{}_0\"", first.0);
    let inside = document.find(&bookmark).expect("the block's bookmark");
    let start = document[..inside].rfind("<w:p ").expect("its paragraph");
    let end = inside + document[inside..].find("</w:p>").expect("its end") + "</w:p>".len();
    let without = format!("{}{}", &document[..start], &document[end..]);
    let reviewed = support::article_docx::replace_parts(&docx, &[("word/document.xml", without)]);
    std::fs::write(dir.join("cut.docx"), &reviewed).expect("write");
    let out = ok(&briefwright(
        &["import-review", "visit.brief", "cut.docx"],
        dir,
    ));
    assert!(out.contains(": 1 change"), "{out}");
    let after = project(dir, "visit.brief");
    assert_eq!(
        after
            .review
            .block_suggestion(first)
            .map(|s| s.change.clone()),
        Some(briefwright::model::SuggestedChange::DeletedBlock)
    );
    assert!(
        after.locate(first).is_some(),
        "kept until the deletion is accepted"
    );

    // The same file against a brief that no longer has the version it was exported as:
    // a warning, and no edit is guessed at.
    let mut older = brief.clone();
    older.review.versions.clear();
    briefwright::project::save(&older, &dir.join("older.brief")).expect("save");
    let out = briefwright(&["import-review", "older.brief", "cut.docx"], dir);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is no longer in the brief"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(project(dir, "older.brief").review.suggestions.is_empty());
}

#[test]
fn a_lock_left_by_a_briefwright_that_died_does_not_block_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    exported(dir, "visit.brief", "visit.docx");
    // A window that crashed left its lock: this machine, a process that no longer runs.
    let mut gone = briefwright::project::LockInfo::current();
    let mut child = Command::new("true").spawn().expect("a short process");
    gone.pid = child.id();
    child.wait().expect("it ends");
    let lock = briefwright::project::lock_path(&dir.join("visit.brief"));
    std::fs::write(&lock, serde_json::to_string(&gone).expect("json")).expect("write lock");
    let out = briefwright(
        &["export", "visit.brief", "-o", "again.docx", "--review"],
        dir,
    );
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{message}");
    assert!(message.contains("took over the lock"), "{message}");
    assert!(!lock.exists(), "the lock is let go when the command ends");
    // One held by a running Briefwright (this test) still refuses, by name.
    std::fs::write(
        &lock,
        serde_json::to_string(&briefwright::project::LockInfo::current()).expect("json"),
    )
    .expect("write lock");
    let out = briefwright(&["import-review", "visit.brief", "visit.docx"], dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is open in another Briefwright window"));
}
