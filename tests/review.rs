//! Review inside Briefwright: comments that stay on their words, suggested edits answered
//! one by one with undo, versions stored compactly, and the comparison of two briefs read
//! back with tools we did not write (poppler, LibreOffice).

use std::path::Path;
use std::process::{Command, Output};

use briefwright::model::versions::VersionReason;
use briefwright::model::{
    BlockKind, Comment, CommentId, Edit, MarkupMode, Project, SuggestedChange, TextTarget,
};

#[path = "support/review_history.rs"]
mod review_history;
mod support;

fn paragraph(project: &mut Project, text: &str) -> TextTarget {
    let block = project
        .push_block(1, BlockKind::Paragraph { text: text.into() })
        .expect("part 1 exists");
    TextTarget::Block(block)
}

fn comment_on(project: &mut Project, target: TextTarget, words: &str) -> CommentId {
    let text = project.target_text(target).expect("text");
    let at = text.find(words).expect("words in text");
    let id = project.ids.comment();
    project
        .apply(Edit::AddComment(Box::new(Comment {
            id,
            target,
            span: Some(at..at + words.len()),
            quote: words.into(),
            detached: false,
            author: "Director".into(),
            date: "2026-12-06T10:00:00Z".into(),
            text: "Check this figure.".into(),
            replies: Vec::new(),
            resolved: false,
        })))
        .expect("comment");
    id
}

fn set_text(project: &mut Project, target: TextTarget, text: &str) -> Edit {
    project
        .apply_undoable(Project::set_target_text(target, text.into()))
        .expect("edit")
        .inverse
}

#[test]
fn a_comment_stays_on_its_words_is_kept_when_they_go_and_returns_on_undo() {
    let mut project = briefwright::sample::project();
    let target = paragraph(&mut project, "Trade grew by 12 per cent in 2025.");
    let id = comment_on(&mut project, target, "12 per cent");
    let span_text = |p: &Project| {
        let c = p.review.comment(id).expect("comment kept");
        let text = p.target_text(target).expect("text");
        (text[c.span.clone().expect("span")].to_owned(), c.detached)
    };
    set_text(
        &mut project,
        target,
        "Two-way trade grew by 12 per cent in 2025, officials say.",
    );
    assert_eq!(span_text(&project), ("12 per cent".to_owned(), false));
    let undo = set_text(&mut project, target, "Two-way trade grew strongly.");
    let comment = project.review.comment(id).expect("never lost");
    assert!(comment.detached, "its words are gone");
    assert_eq!(comment.quote, "12 per cent");
    assert_eq!(project.open_comments(), 1);
    project.apply(undo).expect("undo");
    assert_eq!(span_text(&project), ("12 per cent".to_owned(), false));
}

#[test]
fn suggestions_are_answered_one_at_a_time_and_each_answer_undoes() {
    let mut project = briefwright::sample::project();
    let target = paragraph(&mut project, "Trade fell sharply in 2025 after the floods.");
    project
        .apply(Edit::SuggestText {
            target,
            proposed: "Trade rose sharply in 2025 after the spring floods.".into(),
            author: "Director".into(),
            date: "2026-12-06T10:00:00Z".into(),
        })
        .expect("suggest");
    // The text itself is unchanged until someone accepts.
    assert_eq!(
        project.target_text(target).as_deref(),
        Some("Trade fell sharply in 2025 after the floods.")
    );
    let suggestions: Vec<_> = project
        .review
        .text_suggestions(target)
        .into_iter()
        .cloned()
        .collect();
    assert_eq!(suggestions.len(), 2, "{suggestions:?}");
    assert!(suggestions.iter().all(|s| s.author == "Director"));
    assert_eq!(
        project.open_review_summary().as_deref(),
        Some("2 open suggestions")
    );
    let printed = project.with_markup(MarkupMode::AsPrinted);
    assert_eq!(
        printed.target_text(target).as_deref(),
        Some("Trade fell sharply in 2025 after the floods.")
    );

    // Accept the second, reject the first: each is one step, and undo takes it back.
    let accepted = project
        .apply_undoable(Edit::AcceptSuggestion(suggestions[1].id))
        .expect("accept");
    assert_eq!(
        project.target_text(target).as_deref(),
        Some("Trade fell sharply in 2025 after the spring floods.")
    );
    let left = project.review.text_suggestions(target);
    assert_eq!(left.len(), 1);
    assert_eq!(
        left[0].describe(&project.target_text(target).expect("text")),
        "Replace \u{201c}fell\u{201d} with \u{201c}rose\u{201d}"
    );
    project
        .apply(Edit::RejectSuggestion(suggestions[0].id))
        .expect("reject");
    assert_eq!(
        project.target_text(target).as_deref(),
        Some("Trade fell sharply in 2025 after the spring floods.")
    );
    assert_eq!(project.open_suggestions(), 0);
    project
        .apply(Edit::InsertSuggestion {
            index: 0,
            suggestion: Box::new(suggestions[0].clone()),
        })
        .expect("put the rejected one back");
    project.apply(accepted.inverse).expect("undo the accept");
    assert_eq!(
        project.target_text(target).as_deref(),
        Some("Trade fell sharply in 2025 after the floods.")
    );
    assert_eq!(project.review.text_suggestions(target).len(), 2);
    // Accept all is one step too.
    let all = project.answer_all(true).expect("something to answer");
    project.apply(all).expect("accept all");
    assert_eq!(
        project.target_text(target).as_deref(),
        Some("Trade rose sharply in 2025 after the spring floods.")
    );
}

#[test]
fn an_accepted_suggestion_in_an_excerpt_makes_it_adapted() {
    let mut project = briefwright::sample::project();
    let excerpt = project
        .brief
        .blocks()
        .find(|b| matches!(b.kind, BlockKind::Excerpt { edited: None, .. }))
        .map(|b| b.id)
        .expect("the sample quotes an excerpt");
    let target = TextTarget::Block(excerpt);
    let original = project.target_text(target).expect("the source's words");
    project
        .apply(Edit::SuggestText {
            target,
            proposed: format!("{original} [emphasis added]"),
            author: "Director".into(),
            date: "2026-12-06T10:00:00Z".into(),
        })
        .expect("suggest");
    let edit = project
        .answer_block(excerpt, true)
        .expect("a suggestion on it");
    project.apply(edit).expect("accept");
    let (p, i) = project.locate(excerpt).expect("still there");
    assert!(matches!(
        &project.brief.parts[p].blocks[i].kind,
        BlockKind::Excerpt { edited: Some(text), .. } if text.ends_with("[emphasis added]")
    ));
}

#[test]
fn blocks_suggested_as_added_or_deleted_print_as_they_were_until_accepted() {
    let mut project = briefwright::sample::project();
    let doomed = support::brief_blocks::first_paragraph(&project);
    let before: Vec<_> = project.brief.blocks().map(|b| b.id).collect();
    let by = |edit| Edit::SuggestBlockEdit {
        edit: Box::new(edit),
        author: "Director".into(),
        date: "2026-12-06T10:00:00Z".into(),
    };
    project
        .apply(by(Edit::DeleteBlock(doomed)))
        .expect("suggest delete");
    let added = project
        .apply(by(Edit::AddBlock {
            part: 1,
            kind: BlockKind::Paragraph {
                text: "A new line.".into(),
            },
        }))
        .expect("suggest add");
    let briefwright::model::Created::Block(added) = added else {
        panic!("a block was added");
    };
    assert!(project.locate(doomed).is_some(), "kept until accepted");
    let printed: Vec<_> = project.as_printed().brief.blocks().map(|b| b.id).collect();
    assert_eq!(printed, before, "the print shows neither suggestion");
    assert!(matches!(
        project.review.block_suggestion(added).map(|s| &s.change),
        Some(SuggestedChange::AddedBlock)
    ));
    project
        .apply(project.answer_all(true).expect("two suggestions"))
        .expect("accept all");
    assert!(project.locate(doomed).is_none());
    assert!(project.locate(added).is_some());
    assert_eq!(project.open_suggestions(), 0);
}

#[test]
fn twenty_versions_of_a_long_brief_cost_at_most_three_times_one_and_load_back() {
    let base = briefwright::sample::long_project(400);
    let one = briefwright::project::to_json(&base).len();
    let project = review_history::with_versions(base, 20);
    let json = briefwright::project::to_json(&project);
    assert!(
        json.len() <= 3 * one,
        "20 versions take {} bytes, one brief {one}",
        json.len()
    );
    let loaded = briefwright::project::from_json(json.as_bytes(), "versions.brief")
        .expect("loads")
        .project;
    assert_eq!(loaded.review.versions.len(), 20);
    assert_eq!(loaded.review, project.review);
    // An old version reads back as it was, and restoring it is an ordinary edit.
    let first = loaded.review.versions[0].id;
    let then = loaded.as_of(first).expect("version 1");
    assert!(then.brief.blocks().any(|b| matches!(&b.kind,
        BlockKind::Paragraph { text } if text.ends_with("Revised in round 0."))));
    assert!(!loaded.unchanged_since(first));
    assert!(!loaded.changed_since(first).is_empty());
}

#[test]
fn project_files_without_a_review_load_and_save_as_before() {
    let project = briefwright::sample::project();
    let json = briefwright::project::to_json(&project);
    assert!(
        !json.contains("\"review\""),
        "nothing to review, nothing written"
    );
    // A file as Briefwright wrote it before review existed.
    let old = r#"{"format": "briefwright", "version": 1,
        "ids": {"next": 4},
        "brief": {"template": "briefing-note", "meta": {"title": "Visit", "created": "2026-01-01T00:00:00Z"},
                  "parts": [{"id": 1, "key": "purpose", "title": "Purpose",
                             "blocks": [{"id": 2, "type": "paragraph", "text": "Why."}]}]}}"#;
    let loaded =
        briefwright::project::from_json(old.as_bytes(), "old.brief").expect("old file loads");
    assert!(loaded.project.review.is_empty());
    assert!(!briefwright::project::to_json(&loaded.project).contains("\"review\""));
}

#[test]
fn signing_off_freezes_a_version_and_a_later_change_shows() {
    let mut project = briefwright::sample_kinds::sample_for("decision-brief").expect("sample");
    assert!(project.brief.meta.clearance.len() >= 2);
    assert_eq!(
        project.review_status(),
        briefwright::model::ReviewStatus::Draft
    );
    for row in 0..project.brief.meta.clearance.len() {
        let edit = project.sign_off(row, "Farid Hassan", "2026-12-06T11:00:00Z");
        project.apply(edit).expect("sign off");
    }
    assert_eq!(
        project.review_status(),
        briefwright::model::ReviewStatus::Cleared
    );
    assert!(
        project
            .review
            .versions
            .iter()
            .all(|v| v.reason == VersionReason::Clearance)
    );
    let block = support::brief_blocks::first_paragraph(&project);
    let target = TextTarget::Block(block);
    let text = project.target_text(target).expect("text");
    set_text(&mut project, target, &format!("{text} One more point."));
    assert_eq!(
        project.review_status(),
        briefwright::model::ReviewStatus::InClearance
    );
    let signed = project.brief.meta.clearance[0]
        .cleared
        .clone()
        .expect("signed");
    let changed = project.changed_since(signed.version);
    assert_eq!(changed.blocks.len(), 1);
    assert_eq!(changed.blocks[0].block, block);
}

/// The text of `name` (a PDF in `dir`) as pdftotext (poppler) reads it, on one line.
fn pdf_text(dir: &Path, name: &str) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", name, "-"])
        .current_dir(dir)
        .output()
        .expect("pdftotext (poppler-utils) runs");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Part `name` of a zip package (a .docx or .odt) as text.
fn package_part(package: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).expect("a zip package");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut xml).expect("utf-8");
    xml
}

/// Converts `file` in `dir` to `format` with LibreOffice (headless, its own profile).
fn libreoffice(dir: &Path, file: &str, format: &str) {
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let converted = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", format, file])
        .current_dir(dir)
        .output()
        .expect("soffice (LibreOffice; .ci/run installs libreoffice-writer-nogui) runs");
    assert!(
        converted.status.success(),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
}

fn briefwright(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefwright"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run briefwright")
}

fn reviewed_pair(dir: &Path) {
    let old = briefwright::sample::project();
    let mut new = old.clone();
    let block = support::brief_blocks::first_paragraph(&new);
    let target = TextTarget::Block(block);
    let text = new.target_text(target).expect("text");
    let reworded = text.replacen("positive", "cautiously optimistic", 1);
    assert_ne!(reworded, text, "the sample's first paragraph says positive");
    new.apply(Project::set_target_text(target, reworded))
        .expect("reword");
    new.push_block(
        1,
        BlockKind::Paragraph {
            text: "Officials will confirm the programme on Friday.".into(),
        },
    );
    briefwright::project::save(&old, &dir.join("old.brief")).expect("save old");
    briefwright::project::save(&new, &dir.join("new.brief")).expect("save new");
}

#[test]
fn comparing_a_brief_with_itself_says_no_differences() {
    let dir = tempfile::tempdir().expect("tempdir");
    reviewed_pair(dir.path());
    let same = briefwright(&["compare", "old.brief", "old.brief"], dir.path());
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&same.stdout).trim(),
        "No differences"
    );
}

#[test]
fn the_redline_pdf_reads_back_with_both_sides_and_a_legend() {
    let dir = tempfile::tempdir().expect("tempdir");
    reviewed_pair(dir.path());
    let out = briefwright(
        &[
            "compare",
            "old.brief",
            "new.brief",
            "-o",
            "redline.pdf",
            "--author",
            "Test Director",
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("1 block reworded, 1 added"), "{stdout}");
    let text = pdf_text(dir.path(), "redline.pdf");
    // Unchanged text once, the deleted word and its replacement both, and the legend.
    assert!(text.contains("positive cautiously optimistic"), "{text}");
    assert!(text.contains("Officials will confirm the programme on Friday."));
    assert!(
        text.contains("Redline. Changes from old.brief to new.brief, compared by Test Director")
    );
    assert_eq!(text.matches("Officials will confirm").count(), 1);
}

#[test]
fn the_redline_docx_holds_word_tracked_changes_that_libreoffice_reads() {
    let dir = tempfile::tempdir().expect("tempdir");
    reviewed_pair(dir.path());
    let out = briefwright(
        &[
            "compare",
            "old.brief",
            "new.brief",
            "-o",
            "redline.docx",
            "--author",
            "Test Director",
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docx = std::fs::read(dir.path().join("redline.docx")).expect("written");
    let xml = package_part(&docx, "word/document.xml");
    assert!(
        xml.contains(r#"<w:del w:id="2" w:author="Test Director""#),
        "{xml}"
    );
    assert!(
        xml.contains("<w:delText"),
        "deleted words are Word's deleted text"
    );
    // LibreOffice opens it and shows the change: both words are in its PDF.
    libreoffice(dir.path(), "redline.docx", "pdf");
    let text = pdf_text(dir.path(), "redline.pdf");
    assert!(text.contains("positive cautiously optimistic"), "{text}");
}

#[test]
fn check_and_export_count_what_is_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut project = briefwright::sample::project();
    let target = paragraph(&mut project, "Trade grew by 12 per cent in 2025.");
    comment_on(&mut project, target, "12 per cent");
    project
        .apply(Edit::SuggestText {
            target,
            proposed: "Trade grew by 14 per cent in 2025.".into(),
            author: "Director".into(),
            date: "2026-12-06T10:00:00Z".into(),
        })
        .expect("suggest");
    briefwright::project::save(&project, &dir.path().join("reviewed.brief")).expect("save");
    let check = briefwright(&["check", "reviewed.brief"], dir.path());
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(stdout.contains("1 open comment\n"), "{stdout}");
    assert!(stdout.contains("1 open suggestion\n"), "{stdout}");
    assert!(stdout.contains("status:          Draft"), "{stdout}");
    let export = briefwright(&["export", "reviewed.brief", "-o", "clean.pdf"], dir.path());
    assert!(export.status.success());
    assert!(
        String::from_utf8_lossy(&export.stderr)
            .contains("warning: 1 open suggestion, 1 open comment"),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let review = briefwright(
        &["export", "reviewed.brief", "-o", "review.pdf", "--review"],
        dir.path(),
    );
    assert!(
        review.status.success(),
        "{}",
        String::from_utf8_lossy(&review.stderr)
    );
    let text = |name: &str| pdf_text(dir.path(), name);
    let clean = text("clean.pdf");
    assert!(
        clean.contains("Trade grew by 12 per cent in 2025."),
        "{clean}"
    );
    assert!(!clean.contains("14 per cent"));
    let marked = text("review.pdf");
    let saved = briefwright::project::load(&dir.path().join("reviewed.brief"))
        .expect("loads")
        .project;
    assert_eq!(
        saved.review.versions.last().map(|v| v.reason),
        Some(briefwright::model::versions::VersionReason::ReviewExport),
        "an export for review is saved as a version"
    );
    assert!(marked.contains("12 14 per cent"), "{marked}");
    // The comment stands in the margin beside its paragraph, on a page widened for it.
    assert!(
        marked.contains("Trade grew by 12 14 per cent in 2025. Director, 6 December 2026: on \u{201c}12 per cent\u{201d} Check this figure."),
        "{marked}"
    );
    let info = Command::new("pdfinfo")
        .arg("review.pdf")
        .current_dir(dir.path())
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.contains("771.024 x 841.89 pts"),
        "A4 widened by 62 mm: {info}"
    );
}

#[test]
fn the_word_export_carries_comments_with_replies_and_resolved_state() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut project = briefwright::sample::project();
    let target = paragraph(&mut project, "Trade grew by 12 per cent in 2025.");
    let open = comment_on(&mut project, target, "12 per cent");
    let done = comment_on(&mut project, target, "2025");
    let mut thread = project.review.comment(open).cloned().expect("comment");
    thread.replies.push(briefwright::model::Reply {
        author: "Desk Officer".into(),
        date: "2026-12-06T11:00:00Z".into(),
        text: "From the trade ministry.".into(),
    });
    project
        .apply(Edit::SetComment(Box::new(thread)))
        .expect("reply");
    let mut resolved = project.review.comment(done).cloned().expect("comment");
    resolved.resolved = true;
    project
        .apply(Edit::SetComment(Box::new(resolved)))
        .expect("resolve");
    project
        .apply(Edit::SuggestText {
            target,
            proposed: "Trade grew by 14 per cent in 2025.".into(),
            author: "Director".into(),
            date: "2026-12-06T10:00:00Z".into(),
        })
        .expect("suggest");
    let prepared = briefwright::export::prepare(
        &project,
        briefwright::export::ExportFormat::Docx,
        &mut briefwright::layout::Layouter::new(),
    )
    .expect("exports");
    let part = |name: &str| package_part(&prepared.bytes, name);
    let comments = part("word/comments.xml");
    assert_eq!(
        comments.matches("<w:comment ").count(),
        3,
        "two comments and a reply: {comments}"
    );
    assert!(comments.contains(r#"w:author="Director""#));
    assert!(comments.contains("Check this figure."));
    assert!(comments.contains("From the trade ministry."));
    let extended = part("word/commentsExtended.xml");
    assert_eq!(extended.matches(r#"w15:done="1""#).count(), 1, "{extended}");
    assert!(
        extended.contains("w15:paraIdParent"),
        "the reply points to its comment"
    );
    let document = part("word/document.xml");
    assert_eq!(document.matches("<w:commentRangeStart").count(), 3);
    assert_eq!(document.matches("<w:commentReference").count(), 3);
    assert!(
        document.contains("<w:delText"),
        "the suggestion is a tracked change"
    );
    // LibreOffice reads the file, comments and all.
    std::fs::write(dir.path().join("reviewed.docx"), &prepared.bytes).expect("write");
    libreoffice(dir.path(), "reviewed.docx", "odt");
    let odt = std::fs::read(dir.path().join("reviewed.odt")).expect("converted");
    let content = package_part(&odt, "content.xml");
    assert_eq!(
        content.matches("<office:annotation ").count()
            + content.matches("<office:annotation>").count(),
        3,
        "LibreOffice sees the three comments"
    );
    assert!(content.contains("Check this figure."));
    assert!(
        content.contains("<text:tracked-changes"),
        "and the tracked change"
    );
}

#[test]
fn a_damaged_review_is_refused_by_name_or_survives_every_output() {
    let mut project = briefwright::sample::project();
    let target = paragraph(&mut project, "Қазақстан trade grew.");
    comment_on(&mut project, target, "trade");
    let json = briefwright::project::to_json(&project);
    // Offsets past the end and inside a Kazakh letter, and a version whose blocks are gone.
    let mut value: serde_json::Value = serde_json::from_str(&json).expect("json");
    value["review"]["comments"][0]["span"] = serde_json::json!({"start": 1, "end": 999});
    value["review"]["suggestions"] = serde_json::json!([
        {"id": 9001, "target": value["review"]["comments"][0]["target"].clone(),
         "author": "X", "date": "not a date",
         "change": {"kind": "text", "start": 1, "end": 50000, "insert": "y"}},
        {"id": 9002, "target": {"block": 123456}, "author": "X", "date": "",
         "change": {"kind": "deleted_block"}}
    ]);
    let damaged = serde_json::to_string(&value).expect("json");
    let loaded = briefwright::project::from_json(damaged.as_bytes(), "damaged.brief")
        .expect("odd offsets load")
        .project;
    for copy in [
        briefwright::export::Copy::Clean,
        briefwright::export::Copy::Review,
    ] {
        for format in [
            briefwright::export::ExportFormat::Pdf,
            briefwright::export::ExportFormat::Docx,
        ] {
            briefwright::export::prepare_copy(
                &loaded,
                format,
                copy,
                &mut briefwright::layout::Layouter::new(),
            )
            .expect("every output is written");
        }
    }
    assert_eq!(
        loaded.open_suggestions(),
        1,
        "the one on a missing block is not counted"
    );
    let mut answered = loaded.clone();
    let all = answered.answer_all(true).expect("something to answer");
    answered
        .apply(all)
        .expect("answering an odd suggestion does not fail");

    value["review"]["versions"] = serde_json::json!([{
        "id": 9100, "label": "Gone", "author": "X", "date": "", "reason": "saved",
        "template": "briefing-note", "meta": {},
        "parts": [{"id": 1, "key": "purpose", "title": "Purpose", "blocks": [[5, 1000000000]]}]
    }]);
    let damaged = serde_json::to_string(&value).expect("json");
    let refused = briefwright::project::from_json(damaged.as_bytes(), "damaged.brief")
        .expect_err("a version whose blocks are missing is refused");
    assert!(
        refused
            .to_string()
            .contains("version \u{201c}Gone\u{201d} refers to saved block"),
        "{refused}"
    );
}

#[test]
fn a_change_of_marking_is_called_out_and_the_redline_prints_the_new_marking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = briefwright::sample::project();
    let mut new = old.clone();
    new.apply(Edit::SetMeta(
        briefwright::model::MetaField::Classification,
        "PROTECTED".into(),
    ))
    .expect("mark");
    briefwright::project::save(&old, &dir.path().join("old.brief")).expect("save");
    briefwright::project::save(&new, &dir.path().join("new.brief")).expect("save");
    let out = briefwright(
        &["compare", "old.brief", "new.brief", "-o", "redline.pdf"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains("marking: OFFICIAL: Sensitive \u{2192} PROTECTED")
    );
    let text = pdf_text(dir.path(), "redline.pdf");
    assert!(
        text.starts_with("PROTECTED"),
        "the banner is the new marking: {text}"
    );
    assert!(
        text.contains("The marking changed: OFFICIAL: Sensitive \u{2192} PROTECTED."),
        "{text}"
    );
}

#[test]
fn a_replace_on_the_brief_s_own_text_in_suggest_mode_keeps_the_suggestions_made() {
    let mut project = briefwright::sample::project();
    let target = paragraph(&mut project, "Trade fell sharply in 2025.");
    project
        .apply(Edit::SuggestText {
            target,
            proposed: "Trade rose sharply in 2025.".into(),
            author: "Director".into(),
            date: "2026-12-06T10:00:00Z".into(),
        })
        .expect("suggest");
    // Find and Replace works on the brief's own words ("2025" → "2026").
    assert_eq!(
        project.proposed_after(target, "Trade fell sharply in 2026."),
        "Trade rose sharply in 2026."
    );
    // A keystroke in the field is typed over the words as suggested.
    assert_eq!(
        project.proposed_after(target, "Trade rose sharply in 2025!"),
        "Trade rose sharply in 2025!"
    );
    project
        .apply(Edit::SuggestText {
            target,
            proposed: project.proposed_after(target, "Trade fell sharply in 2026."),
            author: "Branch Head".into(),
            date: "2026-12-06T11:00:00Z".into(),
        })
        .expect("suggest");
    let authors: Vec<String> = project
        .review
        .text_suggestions(target)
        .iter()
        .map(|s| s.author.clone())
        .collect();
    assert_eq!(authors, vec!["Director", "Branch Head"]);
}
