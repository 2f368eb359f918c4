//! Shared libraries of approved lines: the folder format, compare-and-swap saves between
//! two real processes, sync-conflict copies, expiry, read-only folders, a brief whose
//! library is missing, lint, CSV import and the update check.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use briefwright::library::{
    self, Action, Filter, Library, LibraryInfo, Line, SaveError, Status, UseNotice,
};
use briefwright::model::{BlockKind, Edit, LibraryUse, Marking, Project};

fn briefwright(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefwright"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run briefwright")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A library folder named `team` in a fresh temporary folder.
fn new_library() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("team");
    std::fs::create_dir(&folder).expect("folder");
    let info = LibraryInfo {
        id: "team-lines".into(),
        name: "Team lines".into(),
        marking: "OFFICIAL".into(),
        scheme: String::new(),
    };
    library::create(&folder, &info).expect("library.toml");
    (dir, folder)
}

fn add_line(folder: &Path, words: &str) -> Line {
    let mut line = Line::new(words, "Aigerim Sadykova");
    line.status = Status::Approved;
    line.tags = vec!["housing".into()];
    library::create_line(folder, &line, "Aigerim Sadykova", Action::Created)
        .expect("line saved")
        .line
}

#[test]
fn a_line_file_is_readable_toml_with_its_history() {
    let (_dir, folder) = new_library();
    let line = add_line(&folder, "We welcome the housing accord.");
    let file = std::fs::read_to_string(folder.join(line.file_name())).expect("file");
    assert!(
        file.contains("text = \"We welcome the housing accord.\""),
        "{file}"
    );
    assert!(file.contains("status = \"approved\""), "{file}");
    assert!(file.contains("[[history]]"), "{file}");
    let mut edited = line.clone();
    edited.text = "We strongly welcome the housing accord.".into();
    let saved =
        library::save_line(&folder, &edited, 1, "Ben Ortiz", Action::Edited).expect("saved");
    assert_eq!(saved.line.version, 2);
    let read = library::read_line(&folder, &line.id).expect("read");
    assert_eq!(read.history.len(), 2);
    assert_eq!(read.history[0].text, "We welcome the housing accord.");
    assert_eq!(read.history[1].by, "Ben Ortiz");
    assert_eq!(read.modified_by, "Ben Ortiz");
}

#[test]
fn two_processes_saving_different_lines_fifty_times_each_all_land() {
    let (_dir, folder) = new_library();
    let a = add_line(&folder, "Line A version 1.");
    let b = add_line(&folder, "Line B version 1.");
    let run = |id: String, name: &'static str, folder: PathBuf| {
        std::thread::spawn(move || {
            for save in 1..=50u32 {
                let out = briefwright(
                    &[
                        "library",
                        "set-text",
                        folder.to_str().expect("utf-8 path"),
                        &id,
                        "--text",
                        &format!("{name} save {save}"),
                        "--expect-version",
                        &save.to_string(),
                        "--by",
                        name,
                    ],
                    &folder,
                );
                assert!(
                    out.status.success(),
                    "{name} save {save}: {}",
                    text(&out.stderr)
                );
            }
        })
    };
    let first = run(a.id.clone(), "Officer A", folder.clone());
    let second = run(b.id.clone(), "Officer B", folder.clone());
    first.join().expect("officer A's process");
    second.join().expect("officer B's process");
    for (id, name) in [(&a.id, "Officer A"), (&b.id, "Officer B")] {
        let line = library::read_line(&folder, id).expect("line");
        assert_eq!(line.version, 51);
        assert_eq!(line.text, format!("{name} save 50"));
        assert_eq!(line.history.len(), 51);
    }
    let opened = Library::open(&folder).expect("open");
    assert_eq!(opened.lines.len(), 2);
    assert!(opened.conflicts.is_empty() && opened.problems.is_empty());
}

#[test]
fn two_processes_saving_one_line_from_one_version_one_wins_the_other_keeps_a_draft() {
    let (_dir, folder) = new_library();
    for round in 0..5 {
        let line = add_line(&folder, &format!("Round {round} original."));
        let spawn = |name: &str| {
            Command::new(env!("CARGO_BIN_EXE_briefwright"))
                .args([
                    "library",
                    "set-text",
                    folder.to_str().expect("utf-8 path"),
                    &line.id,
                    "--text",
                    &format!("Round {round} text by {name}."),
                    "--expect-version",
                    "1",
                    "--by",
                    name,
                ])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let first = spawn("Dana Lee");
        let second = spawn("Erik Holm");
        let outputs = [
            ("Dana Lee", first.wait_with_output().expect("first")),
            ("Erik Holm", second.wait_with_output().expect("second")),
        ];
        let winners: Vec<&str> = outputs
            .iter()
            .filter(|(_, o)| o.status.success())
            .map(|(n, _)| *n)
            .collect();
        assert_eq!(winners.len(), 1, "round {round}: exactly one save lands");
        let (loser, lost) = outputs
            .iter()
            .find(|(_, o)| !o.status.success())
            .expect("one refused");
        let message = text(&lost.stderr);
        assert!(message.contains(winners[0]), "names the winner: {message}");
        assert!(message.contains("draft"), "{message}");
        assert!(!message.contains("panicked"), "{message}");
        let now = library::read_line(&folder, &line.id).expect("line");
        assert_eq!(now.version, 2);
        assert_eq!(now.text, format!("Round {round} text by {}.", winners[0]));
        let drafts: Vec<String> = std::fs::read_dir(folder.join("drafts"))
            .expect("drafts folder")
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect();
        let lost_text = format!("Round {round} text by {loser}.");
        assert!(
            drafts.iter().any(|d| d.contains(&lost_text)),
            "the refused text is kept as a draft"
        );
    }
}

#[test]
fn a_save_from_an_old_version_is_refused_naming_who_and_when() {
    let (_dir, folder) = new_library();
    let line = add_line(&folder, "Original.");
    let mut first = line.clone();
    first.text = "First officer's words.".into();
    library::save_line(&folder, &first, 1, "Dana Lee", Action::Edited).expect("first save");
    let mut second = line.clone();
    second.text = "Second officer's words.".into();
    let refused =
        library::save_line(&folder, &second, 1, "Erik Holm", Action::Edited).expect_err("refused");
    let message = refused.to_string();
    assert!(message.contains("Dana Lee"), "{message}");
    assert!(message.contains("version 2"), "{message}");
    let SaveError::Changed(conflict) = refused else {
        panic!("not a conflict: {message}");
    };
    assert!(
        message.contains(&conflict.at) && conflict.at.starts_with("20"),
        "{message}"
    );
    let draft = std::fs::read_to_string(conflict.draft.expect("draft written")).expect("draft");
    assert!(draft.contains("Second officer's words."));
    assert_eq!(
        library::read_line(&folder, &line.id).expect("line").text,
        "First officer's words."
    );
}

#[test]
fn sync_conflict_copies_are_detected_and_merged() {
    let (_dir, folder) = new_library();
    let line = add_line(&folder, "Our words.");
    let mut theirs = line.clone();
    theirs.text = "Their words, saved on another desk.".into();
    for copy in [
        format!("{} (Ben's conflicted copy 2026-12-01).toml", line.id),
        format!("{}-DESKTOP-1.toml", line.id),
        format!("{}.sync-conflict-20261201-101010-ABCDEF.toml", line.id),
    ] {
        std::fs::write(folder.join(&copy), theirs.to_toml().expect("toml")).expect("copy");
    }
    let opened = Library::open(&folder).expect("open");
    assert_eq!(opened.lines.len(), 1);
    assert_eq!(opened.conflicts.len(), 3);
    assert_eq!(opened.line(&line.id).expect("line").text, "Our words.");
    let lint = text(
        &briefwright(
            &["library", "lint", "team"],
            folder.parent().expect("parent"),
        )
        .stdout,
    );
    assert!(lint.contains("3 conflict copies"), "{lint}");
    let copy = &opened.conflicts[0];
    let saved = library::merge_conflict_copy(&folder, copy, &copy.line.text, "Aigerim Sadykova")
        .expect("merged");
    assert_eq!(saved.line.text, "Their words, saved on another desk.");
    assert_eq!(
        saved.line.history.last().expect("entry").action,
        Action::Merged
    );
    assert!(!folder.join(&copy.file).exists(), "the copy is removed");
    assert_eq!(Library::open(&folder).expect("open").conflicts.len(), 2);
}

#[test]
fn unreadable_and_foreign_files_are_named_not_fatal() {
    let (_dir, folder) = new_library();
    add_line(&folder, "A good line.");
    std::fs::write(folder.join("notes.docx"), b"PK\x03\x04").expect("docx");
    std::fs::write(folder.join("broken.toml"), "text = ").expect("broken");
    std::fs::write(
        folder.join("empty.toml"),
        "id = \"x\"\nversion = 1\ntext = \"\"\n",
    )
    .expect("empty");
    let opened = Library::open(&folder).expect("open");
    assert_eq!(opened.lines.len(), 1);
    let named: Vec<&str> = opened.problems.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(named, ["broken.toml", "empty.toml", "notes.docx"]);
    assert!(opened.problems[2].message.contains("not a line file"));
    let lint = briefwright(
        &["library", "lint", "team"],
        folder.parent().expect("parent"),
    );
    assert!(lint.status.success());
    let out = text(&lint.stdout);
    assert!(out.contains("not read: broken.toml"), "{out}");
    assert!(out.contains("3 unreadable files"), "{out}");
}

#[test]
fn the_index_is_cached_beside_the_library_and_only_changed_files_are_read() {
    let (_dir, folder) = new_library();
    let a = add_line(&folder, "First line.");
    add_line(&folder, "Second line.");
    let first = Library::open(&folder).expect("open");
    assert_eq!(first.files_read, 2);
    assert_eq!(
        first.index_at.as_deref(),
        Some(folder.join(library::INDEX_FILE).as_path())
    );
    let again = Library::open(&folder).expect("open again");
    assert_eq!(again.files_read, 0, "all from the index");
    let mut edited = a.clone();
    edited.text = "First line, changed.".into();
    library::save_line(&folder, &edited, 1, "Ben Ortiz", Action::Edited).expect("save");
    let third = Library::open(&folder).expect("open after a change");
    assert_eq!(third.files_read, 1);
    assert_eq!(
        third.line(&a.id).expect("line").text,
        "First line, changed."
    );
    assert!(
        third.line(&a.id).expect("line").history.is_empty(),
        "histories stay in files"
    );
}

#[test]
fn expired_lines_are_reported_by_lint() {
    let (dir, folder) = new_library();
    let mut old = Line::new("An old position.", "Ben");
    old.status = Status::Approved;
    old.review_by = "2020-01-01".into();
    library::create_line(&folder, &old, "Ben", Action::Created).expect("old");
    let mut draft = Line::new("Not yet cleared.", "Ben");
    draft.marking = "SECRET".into();
    library::create_line(&folder, &draft, "Ben", Action::Created).expect("draft");
    let out = briefwright(&["library", "lint", "team"], dir.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = text(&out.stdout);
    assert!(out.contains("2 lines\n"), "{out}");
    assert!(out.contains("1 expired\n"), "{out}");
    assert!(out.contains("1 unapproved\n"), "{out}");
    assert!(out.contains("1 above the library's marking"), "{out}");
    assert!(
        out.contains("expired: ") && out.contains("2020-01-01"),
        "{out}"
    );
}

#[test]
fn near_duplicates_are_found() {
    let (dir, folder) = new_library();
    add_line(
        &folder,
        "The government remains committed to the regional housing accord this year.",
    );
    add_line(
        &folder,
        "The government remains committed to the regional housing accord this term.",
    );
    add_line(&folder, "Wheat exports rose sharply in the last quarter.");
    let out = text(&briefwright(&["library", "lint", "team"], dir.path()).stdout);
    assert!(out.contains("1 near-duplicate pair"), "{out}");
}

/// A brief whose one talking point is `line` of the library in `folder`.
fn brief_using(folder: &Path, line: &Line) -> Project {
    let mut project = briefwright::sample::project();
    let info = LibraryInfo::read(folder).expect("info");
    let created = project
        .apply(Edit::AddLibraryPoint {
            text: line.text.clone(),
            tags: line.tags.clone(),
            marking: Marking::default(),
            library: LibraryUse {
                library: info.id,
                line: line.id.clone(),
                version: line.version,
                used_on: "2026-12-06".into(),
                folder: folder.display().to_string(),
                kept: None,
            },
            part: Some(0),
        })
        .expect("point");
    let briefwright::model::Created::Block(block) = created else {
        panic!("no block made");
    };
    assert!(
        project
            .brief
            .blocks()
            .any(|b| b.id == block && matches!(b.kind, BlockKind::TalkingPoint { .. }))
    );
    project
}

#[test]
fn check_and_export_warn_about_withdrawn_and_expired_lines() {
    let (dir, folder) = new_library();
    let line = add_line(&folder, "We will hold the line on rates.");
    let brief = dir.path().join("qt.brief");
    briefwright::project::save(&brief_using(&folder, &line), &brief).expect("saved");
    let check = text(&briefwright(&["check", "qt.brief"], dir.path()).stdout);
    assert!(
        check.contains("library lines:   1 (0 outdated, 0 withdrawn, 0 expired"),
        "{check}"
    );

    let withdrawn = briefwright(
        &["library", "withdraw", "team", &line.id, "--by", "Ben"],
        dir.path(),
    );
    assert!(withdrawn.status.success(), "{}", text(&withdrawn.stderr));
    let check = briefwright(&["check", "qt.brief"], dir.path());
    assert!(check.status.success(), "a warning, not an error");
    let out = text(&check.stdout);
    assert!(out.contains("1 withdrawn"), "{out}");
    assert!(out.contains("withdrawn: the talking point"), "{out}");
    let export = briefwright(&["export", "qt.brief", "-o", "qt.pdf"], dir.path());
    assert!(export.status.success(), "{}", text(&export.stderr));
    assert!(
        text(&export.stderr).contains("warning: the talking point \u{201c}We will hold the line on rates.\u{201d} uses a line that was withdrawn"),
        "{}",
        text(&export.stderr)
    );

    let (dir2, folder2) = new_library();
    let mut old = Line::new("An old position on rates.", "Ben");
    old.status = Status::Approved;
    old.review_by = "2021-06-30".into();
    let old = library::create_line(&folder2, &old, "Ben", Action::Created)
        .expect("old")
        .line;
    let brief2 = dir2.path().join("old.brief");
    briefwright::project::save(&brief_using(&folder2, &old), &brief2).expect("saved");
    let check = text(&briefwright(&["check", "old.brief"], dir2.path()).stdout);
    assert!(check.contains("expired: the talking point"), "{check}");
    assert!(check.contains("2021-06-30"), "{check}");
    let export = briefwright(&["export", "old.brief", "-o", "old.pdf"], dir2.path());
    assert!(
        text(&export.stderr).contains("review date (2021-06-30) has passed"),
        "{}",
        text(&export.stderr)
    );
}

#[test]
fn check_lists_an_outdated_line_and_the_update_is_one_undoable_step() {
    let (dir, folder) = new_library();
    let line = add_line(&folder, "Rates will stay as they are.");
    let mut project = brief_using(&folder, &line);
    let mut changed = line.clone();
    changed.text = "Rates will stay as they are this year.".into();
    library::save_line(&folder, &changed, 1, "Ben Ortiz", Action::Edited).expect("saved");
    let brief = dir.path().join("qt.brief");
    briefwright::project::save(&project, &brief).expect("saved");
    let out = text(&briefwright(&["check", "qt.brief"], dir.path()).stdout);
    assert!(out.contains("1 outdated"), "{out}");
    assert!(
        out.contains("was updated in the library: version 2 by Ben Ortiz"),
        "{out}"
    );

    let opened = Library::open(&folder).expect("open");
    let checks = library::check_uses(&project, &[&opened], "2026-12-06");
    assert_eq!(checks.len(), 1);
    let UseNotice::Updated { line: newer } = &checks[0].notice else {
        panic!("not an update: {:?}", checks[0].notice);
    };
    let point = checks[0].point;
    let before = project.clone();
    let mut used = checks[0].used.clone();
    used.version = newer.version;
    let applied = project
        .apply_undoable(Edit::SetLibraryUse {
            point,
            text: newer.text.clone(),
            library: Some(used),
        })
        .expect("update");
    assert_eq!(
        project.talking_point(point).expect("point").text,
        "Rates will stay as they are this year."
    );
    assert!(library::check_uses(&project, &[&opened], "2026-12-06").is_empty());
    project.apply(applied.inverse).expect("undo");
    assert!(project.same_content(&before));

    // Keep: the notice goes until the line changes again.
    let mut kept = checks[0].used.clone();
    kept.kept = Some(newer.version);
    project
        .apply(Edit::SetLibraryUse {
            point,
            text: before.talking_point(point).expect("point").text.clone(),
            library: Some(kept),
        })
        .expect("keep");
    assert!(library::check_uses(&project, &[&opened], "2026-12-06").is_empty());
}

#[test]
fn a_brief_whose_library_is_missing_still_lays_out_and_says_so() {
    let (dir, folder) = new_library();
    let line = add_line(&folder, "Words the brief keeps for itself.");
    let brief = dir.path().join("away.brief");
    briefwright::project::save(&brief_using(&folder, &line), &brief).expect("saved");
    std::fs::rename(&folder, dir.path().join("unplugged")).expect("library goes away");
    let check = briefwright(&["check", "away.brief"], dir.path());
    assert!(check.status.success(), "{}", text(&check.stderr));
    let out = text(&check.stdout);
    assert!(out.contains("library team-lines not reachable"), "{out}");
    let export = briefwright(&["export", "away.brief", "-o", "away.pdf"], dir.path());
    assert!(export.status.success(), "{}", text(&export.stderr));
    let pdf = std::fs::read(dir.path().join("away.pdf")).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let project = briefwright::project::load(&brief).expect("load").project;
    let laid = briefwright::export::render(&project, &mut briefwright::layout::Layouter::new())
        .expect("laid out");
    let words = format!("{:?}", laid.laid.document);
    assert!(
        words.contains("Words the brief keeps for itself."),
        "the brief's own copy prints"
    );
}

#[test]
fn a_library_on_a_read_only_folder_opens_and_refuses_saves_by_name() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, folder) = new_library();
    let line = add_line(&folder, "A line on a read-only share.");
    std::fs::remove_file(folder.join(library::INDEX_FILE)).ok();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let probe = folder.join("probe");
    // Root writes into a 0o555 folder regardless; the immutable attribute stops even
    // root, as a read-only share does. It is taken off again however the test ends.
    struct Immutable(std::path::PathBuf);
    impl Drop for Immutable {
        fn drop(&mut self) {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        }
    }
    let mut _immutable = None;
    if std::fs::write(&probe, b"x").is_ok() {
        std::fs::remove_file(&probe).ok();
        let made = std::process::Command::new("chattr")
            .arg("+i")
            .arg(&folder)
            .status()
            .is_ok_and(|status| status.success());
        if made {
            _immutable = Some(Immutable(folder.clone()));
        }
        if std::fs::write(&probe, b"x").is_ok() {
            std::fs::remove_file(&probe).ok();
            drop(_immutable.take());
            std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755))
                .expect("chmod");
            eprintln!(
                "skipped the refusal half: neither a 0o555 folder nor chattr +i stops this user writing"
            );
            return;
        }
    }
    let opened = Library::open(&folder).expect("a read-only library opens");
    assert_eq!(opened.lines.len(), 1);
    assert_ne!(
        opened.index_at.as_deref(),
        Some(folder.join(library::INDEX_FILE).as_path())
    );
    let mut edited = line.clone();
    edited.text = "Changed.".into();
    let refused =
        library::save_line(&folder, &edited, 1, "Ben", Action::Edited).expect_err("refused");
    assert!(refused.to_string().contains("read-only"), "{refused}");
    drop(_immutable);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn csv_import_names_bad_rows_by_line_and_brings_in_the_rest() {
    let (dir, folder) = new_library();
    let csv = dir.path().join("lines.csv");
    std::fs::write(
        &csv,
        "text,tags,owner,approved_by,approved_on,review_by,marking,status\n\
         \"We support the accord, as agreed.\",housing;trade,Ben,Dana,2026-01-02,2027-01-01,OFFICIAL,approved\n\
         Second line,,Ben,,,,,draft\n\
         Third line,,Ben,,,,,maybe\n\
         ,,Ben,,,,,draft\n\
         Fifth line,,Ben,,,31/12/2027,,approved\n\
         Sixth line,trade,Erik,,,,,withdrawn\n",
    )
    .expect("csv");
    let out = briefwright(
        &["library", "import", "team", "lines.csv", "--by", "Importer"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let errors = text(&out.stderr);
    assert!(
        errors.contains("line 4: its status \u{201c}maybe\u{201d}"),
        "{errors}"
    );
    assert!(errors.contains("line 5: its text is empty"), "{errors}");
    assert!(errors.contains("line 6: its review_by"), "{errors}");
    assert!(text(&out.stdout).contains("imported 3 line(s)"));
    let opened = Library::open(&folder).expect("open");
    assert_eq!(opened.lines.len(), 3);
    let first = opened
        .search(&Filter {
            query: "accord".into(),
            ..Filter::default()
        })
        .into_iter()
        .next()
        .cloned()
        .expect("first row");
    assert_eq!(first.tags, ["housing", "trade"]);
    assert_eq!(first.status, Status::Approved);
    assert_eq!(first.approved_by, "Dana");
    assert_eq!(first.review_by, "2027-01-01");
}

#[test]
fn two_imports_into_one_library_at_once_both_land_whole() {
    let (dir, folder) = new_library();
    for name in ["a.csv", "b.csv"] {
        let mut csv = String::from("text,tags,status\n");
        for row in 0..150 {
            csv.push_str(&format!("Line {row} from {name},import,approved\n"));
        }
        std::fs::write(dir.path().join(name), csv).expect("csv");
    }
    let spawn = |name: &str| {
        Command::new(env!("CARGO_BIN_EXE_briefwright"))
            .args(["library", "import", "team", name])
            .current_dir(dir.path())
            .output()
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| spawn("a.csv"));
        let b = s.spawn(|| spawn("b.csv"));
        (a.join().expect("a"), b.join().expect("b"))
    });
    for out in [a.expect("run a"), b.expect("run b")] {
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(text(&out.stdout).contains("imported 150 line(s)"));
    }
    let opened = Library::open(&folder).expect("open");
    assert_eq!(opened.lines.len(), 300);
    assert!(opened.problems.is_empty() && opened.conflicts.is_empty());
}

#[test]
fn new_approve_and_list_from_the_command_line() {
    let (dir, _folder) = new_library();
    let out = briefwright(
        &[
            "library",
            "new",
            "team",
            "--text",
            "A fresh line.",
            "--tag",
            "visits",
            "--by",
            "Dana Lee",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let id = text(&out.stdout).trim().to_owned();
    let out = briefwright(
        &["library", "approve", "team", &id, "--by", "Erik Holm"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let line = library::read_line(&dir.path().join("team"), &id).expect("line");
    assert_eq!(line.status, Status::Approved);
    assert_eq!(line.approved_by, "Erik Holm");
    assert_eq!(line.approved_on, library::today());
    let out = text(
        &briefwright(
            &["library", "list", "team", "--status", "approved"],
            dir.path(),
        )
        .stdout,
    );
    assert!(out.contains(&format!("{id}  v2  approved")), "{out}");
    assert!(out.contains("1 of 1 lines"), "{out}");
    let missing = briefwright(&["library", "lint", "nowhere"], dir.path());
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        text(&missing.stderr).contains("cannot be reached"),
        "{}",
        text(&missing.stderr)
    );
}
