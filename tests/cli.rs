//! The command line, including every error path: exit codes and messages, never a panic.

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

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_clean_failure(output: &Output, needle: &str) {
    assert_eq!(output.status.code(), Some(1), "stderr: {}", stderr(output));
    let message = stderr(output);
    assert!(
        message.contains(needle),
        "expected {needle:?} in {message:?}"
    );
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn sample_then_export_then_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let made = briefwright(&["sample", "-o", "visit.brief"], dir.path());
    assert!(made.status.success(), "{}", stderr(&made));
    let exported = briefwright(&["export", "visit.brief", "-o", "visit.pdf"], dir.path());
    assert!(exported.status.success(), "{}", stderr(&exported));
    let pdf = std::fs::read(dir.path().join("visit.pdf")).expect("pdf written");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(
        String::from_utf8_lossy(&exported.stdout).contains("(2 pages)"),
        "the sample fits its 2-page budget"
    );
    assert!(
        stderr(&exported).is_empty(),
        "no warnings for the sample: {}",
        stderr(&exported)
    );
    let checked = briefwright(&["check", "visit.brief"], dir.path());
    assert!(checked.status.success(), "{}", stderr(&checked));
    let summary = String::from_utf8_lossy(&checked.stdout);
    for line in [
        "sources:         3",
        "sections:        14 (of the sources)",
        "parts:           5",
        "blocks:          18",
        "pages:           2 (budget 2)",
        "warnings:        0",
    ] {
        assert!(summary.contains(line), "{line:?} missing from {summary}");
    }
}

#[test]
fn sample_and_new_refuse_to_overwrite_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("keep.brief"), "precious").expect("write");
    assert_clean_failure(
        &briefwright(&["sample", "-o", "keep.brief"], dir.path()),
        "already exists; pass --force",
    );
    assert_clean_failure(
        &briefwright(&["new", "-o", "keep.brief"], dir.path()),
        "already exists; pass --force",
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("keep.brief")).expect("read"),
        "precious"
    );
    let forced = briefwright(&["sample", "-o", "keep.brief", "--force"], dir.path());
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("keep.brief.bak")).expect("backup kept"),
        "precious"
    );
}

#[test]
fn new_imports_articles_as_excerpts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles/opinion-with-footer.txt");
    let article = article.to_str().expect("utf-8 path");
    let made = briefwright(
        &[
            "new",
            "-o",
            "draft.brief",
            "--article",
            article,
            "--title",
            "Flood talks",
            "--classification",
            "OFFICIAL",
        ],
        dir.path(),
    );
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(String::from_utf8_lossy(&made.stdout).contains("1 article(s) and 3 excerpt(s)"));
    let json = std::fs::read_to_string(dir.path().join("draft.brief")).expect("draft");
    assert!(
        json.starts_with("{\n  \"format\": \"briefwright\",\n  \"version\": 1,"),
        "{}",
        &json[..80]
    );
    assert_eq!(json.matches("\"type\": \"excerpt\"").count(), 3);
    assert!(json.contains("\"classification\": \"OFFICIAL\""));
    let exported = briefwright(&["export", "draft.brief", "-o", "draft.pdf"], dir.path());
    assert!(exported.status.success(), "{}", stderr(&exported));
}

#[test]
fn new_fetches_an_article_from_a_link() {
    let server = support::web_server::serve(|path| match path {
        "/story" => support::web_server::Answer::ok(
            "text/html",
            std::fs::read(support::fixture("web/news-page.html")).expect("fixture"),
        ),
        _ => support::web_server::Answer {
            status: "404 Not Found",
            ..support::web_server::Answer::ok("text/html", "")
        },
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let link = format!("{}/story", server.base);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_briefwright"))
            .args(args)
            .current_dir(dir.path())
            .env("NO_PROXY", "127.0.0.1")
            .env_remove("ALL_PROXY")
            .env_remove("HTTPS_PROXY")
            .env_remove("HTTP_PROXY")
            .output()
            .expect("run briefwright")
    };
    let made = run(&["new", "-o", "draft.brief", "--article", &link]);
    assert!(made.status.success(), "{}", stderr(&made));
    let json = std::fs::read_to_string(dir.path().join("draft.brief")).expect("draft");
    assert!(json.contains("\"author\": \"Asel Nurlanova\""), "{json}");
    let today = briefwright::dates::long_date(&briefwright::dates::now_timestamp()).expect("date");
    assert!(
        json.contains(&format!("\"accessed\": \"{today}\"")),
        "{json}"
    );

    let missing = run(&[
        "new",
        "-o",
        "other.brief",
        "--article",
        &format!("{}/gone", server.base),
    ]);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("404 Not Found"),
        "{}",
        stderr(&missing)
    );
    assert!(!dir.path().join("other.brief").exists());
}

#[test]
fn new_reports_bad_articles_and_templates() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("photo.txt"), b"\x89PNG\r\n\x1a\n\0\0\0").expect("write");
    assert_clean_failure(
        &briefwright(
            &["new", "-o", "d.brief", "--article", "photo.txt"],
            dir.path(),
        ),
        "this is a PNG image",
    );
    assert_clean_failure(
        &briefwright(
            &["new", "-o", "d.brief", "--article", "absent.txt"],
            dir.path(),
        ),
        "absent.txt",
    );
    assert_clean_failure(
        &briefwright(&["new", "-o", "d.brief", "--template", "memo"], dir.path()),
        "no template named",
    );
    assert!(
        !dir.path().join("d.brief").exists(),
        "nothing is written on failure"
    );
    let marking = briefwright(
        &[
            "new",
            "-o",
            "d.brief",
            "--classification",
            "CONFIDENTIALISH",
        ],
        dir.path(),
    );
    assert!(!marking.status.success());
    assert!(
        stderr(&marking).contains(
            "\u{201c}CONFIDENTIALISH\u{201d} is not a level of the au-pspf marking scheme; \
             the levels are UNOFFICIAL, OFFICIAL, OFFICIAL: Sensitive, PROTECTED, SECRET, TOP SECRET"
        ),
        "{}",
        stderr(&marking)
    );
    assert_clean_failure(
        &briefwright(&["new", "-o", "d.brief", "--scheme", "nz-psr"], dir.path()),
        "the schemes are au-pspf, uk-gscp, ca-gc, my-ak",
    );
    assert!(!dir.path().join("d.brief").exists());
}

#[test]
fn a_protected_article_raises_an_official_brief_and_the_cli_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("cable.md"),
        "# Cable 42\n\nThe embassy reports that the text is settled.\n",
    )
    .expect("write");
    let new = briefwright(
        &[
            "new",
            "-o",
            "d.brief",
            "--article",
            "cable.md",
            "--classification",
            "OFFICIAL",
            "--article-marking",
            "PROTECTED",
        ],
        dir.path(),
    );
    assert!(new.status.success(), "{}", stderr(&new));
    let export = briefwright(&["export", "d.brief", "-o", "d.pdf"], dir.path());
    assert!(export.status.success(), "{}", stderr(&export));
    assert!(
        stderr(&export).contains(
            "the brief is marked PROTECTED rather than OFFICIAL because it includes the excerpt \
             from \u{201c}Cable 42\u{201d} (PROTECTED)"
        ),
        "{}",
        stderr(&export)
    );
    let check = briefwright(&["check", "d.brief"], dir.path());
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(out.contains("chosen marking:  OFFICIAL"), "{out}");
    assert!(out.contains("brief marking:   PROTECTED"), "{out}");
    let text = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(dir.path().join("d.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils; .ci/run installs it)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert_eq!(
        text.matches("PROTECTED").count(),
        2,
        "top and bottom: {text}"
    );
    assert!(!text.contains("OFFICIAL"), "{text}");
    let info = std::process::Command::new("pdfinfo")
        .args(["-meta"])
        .arg(dir.path().join("d.pdf"))
        .output()
        .expect("pdfinfo");
    assert!(
        String::from_utf8_lossy(&info.stdout).contains("<bw:Marking>PROTECTED</bw:Marking>"),
        "the XMP packet carries the marking"
    );
}

#[test]
fn export_and_check_report_bad_projects() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("broken.brief"),
        "{\"format\": \"briefwright\", \"version\": 1,",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("future.brief"),
        "{\"format\": \"briefwright\", \"version\": 9}",
    )
    .expect("write");
    std::fs::write(dir.path().join("other.brief"), "{\"name\": \"x\"}").expect("write");
    for command in ["export", "check"] {
        let args = |file: &'static str| {
            if command == "export" {
                vec![command, file, "-o", "out.pdf"]
            } else {
                vec![command, file]
            }
        };
        assert_clean_failure(
            &briefwright(&args("broken.brief"), dir.path()),
            "line 1, column",
        );
        assert_clean_failure(
            &briefwright(&args("future.brief"), dir.path()),
            "newer Briefwright (file version 9)",
        );
        assert_clean_failure(
            &briefwright(&args("other.brief"), dir.path()),
            "not a Briefwright project",
        );
        assert_clean_failure(
            &briefwright(&args("missing.brief"), dir.path()),
            "cannot open missing.brief",
        );
    }
    assert!(!dir.path().join("out.pdf").exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("future.brief")).expect("read"),
        "{\"format\": \"briefwright\", \"version\": 9}"
    );
}

#[test]
fn export_to_an_unwritable_place_fails_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(
        briefwright(&["sample", "-o", "visit.brief"], dir.path())
            .status
            .success()
    );
    assert_clean_failure(
        &briefwright(
            &["export", "visit.brief", "-o", "no/such/folder/out.pdf"],
            dir.path(),
        ),
        "cannot write no/such/folder/out.pdf",
    );
    std::fs::create_dir(dir.path().join("taken.pdf")).expect("mkdir");
    assert_clean_failure(
        &briefwright(&["export", "visit.brief", "-o", "taken.pdf"], dir.path()),
        "cannot write taken.pdf",
    );
}

#[test]
fn export_picks_the_format_from_the_extension_and_refuses_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(
        briefwright(&["sample", "-o", "visit.brief"], dir.path())
            .status
            .success()
    );
    for (output, reason) in [
        (
            "brief.odt",
            "cannot export to brief.odt: .odt is not a format Briefwright exports yet; supported: .pdf, .docx",
        ),
        (
            "brief",
            "cannot export to brief: the name has no extension to say which format to write; supported: .pdf, .docx",
        ),
    ] {
        assert_clean_failure(
            &briefwright(&["export", "visit.brief", "-o", output], dir.path()),
            reason,
        );
        assert!(
            !dir.path().join(output).exists(),
            "nothing is written as {output}"
        );
    }
    let upper_case = briefwright(&["export", "visit.brief", "-o", "VISIT.PDF"], dir.path());
    assert!(upper_case.status.success(), "{}", stderr(&upper_case));
    let pdf = std::fs::read(dir.path().join("VISIT.PDF")).expect("written");
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn export_writes_word_by_extension_or_by_format_and_fails_cleanly_like_pdf() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(
        briefwright(&["sample", "-o", "visit.brief"], dir.path())
            .status
            .success()
    );
    let by_name = briefwright(&["export", "visit.brief", "-o", "visit.docx"], dir.path());
    assert!(by_name.status.success(), "{}", stderr(&by_name));
    assert!(String::from_utf8_lossy(&by_name.stdout).contains("wrote visit.docx (Word document"));
    let docx = std::fs::read(dir.path().join("visit.docx")).expect("written");
    assert!(docx.starts_with(b"PK\x03\x04"), "a zip package");
    let by_format = briefwright(
        &[
            "export",
            "visit.brief",
            "-o",
            "for-the-office",
            "--format",
            "docx",
        ],
        dir.path(),
    );
    assert!(by_format.status.success(), "{}", stderr(&by_format));
    assert_eq!(
        std::fs::read(dir.path().join("for-the-office")).expect("written"),
        docx,
        "the same project gives the same bytes"
    );
    let as_pdf = briefwright(
        &["export", "visit.brief", "-o", "odd.docx", "--format", "pdf"],
        dir.path(),
    );
    assert!(as_pdf.status.success(), "{}", stderr(&as_pdf));
    assert!(
        std::fs::read(dir.path().join("odd.docx"))
            .expect("written")
            .starts_with(b"%PDF-")
    );
    let odt = briefwright(
        &["export", "visit.brief", "-o", "x.pdf", "--format", "odt"],
        dir.path(),
    );
    assert!(!odt.status.success());
    assert!(
        stderr(&odt).contains("\"odt\" is not a format; use pdf or docx"),
        "{}",
        stderr(&odt)
    );
    assert!(!dir.path().join("x.pdf").exists());
    assert_clean_failure(
        &briefwright(
            &["export", "visit.brief", "-o", "no/such/folder/out.docx"],
            dir.path(),
        ),
        "cannot write no/such/folder/out.docx",
    );
    std::fs::create_dir(dir.path().join("taken.docx")).expect("mkdir");
    assert_clean_failure(
        &briefwright(&["export", "visit.brief", "-o", "taken.docx"], dir.path()),
        "cannot write taken.docx",
    );
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp") || name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "no partial files: {leftovers:?}");
}

/// The text the operating system gives for a missing file, as `std::io::Error` shows it.
fn not_found_text() -> String {
    std::fs::read("/no/such/file/anywhere")
        .expect_err("missing")
        .to_string()
}

#[test]
fn each_cause_is_printed_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("article.pdf"),
        b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("corrupt.brief"),
        "{\"format\": \"briefwright\", \"version\": 1, \"brief\": [",
    )
    .expect("write");
    assert!(
        briefwright(&["sample", "-o", "visit.brief"], dir.path())
            .status
            .success()
    );
    let not_found = not_found_text();
    let cases: [(&[&str], &str); 5] = [
        (
            &["new", "-o", "d.brief", "--article", "article.pdf"],
            "article.pdf is not a PDF file a reader can open",
        ),
        (
            &["export", "corrupt.brief", "-o", "out.pdf"],
            "EOF while parsing",
        ),
        (&["export", "missing.brief", "-o", "out.pdf"], &not_found),
        (
            &["export", "visit.brief", "-o", "no/such/folder/out.pdf"],
            &not_found,
        ),
        (
            &["new", "-o", "d.brief", "--template", "missing.toml"],
            &not_found,
        ),
    ];
    for (args, cause) in cases {
        let output = briefwright(args, dir.path());
        assert_clean_failure(&output, cause);
        let message = stderr(&output);
        assert_eq!(
            message.matches(cause).count(),
            1,
            "{args:?}: {cause:?} should appear once in {message:?}"
        );
    }
}

#[test]
fn templates_are_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let listed = briefwright(&["templates"], dir.path());
    assert!(listed.status.success());
    let text = String::from_utf8_lossy(&listed.stdout);
    assert!(
        text.contains("briefing-note")
            && text.contains("talking-points-card")
            && text.contains("210×297 mm"),
        "{text}"
    );
}

#[test]
fn unknown_commands_fail_with_usage() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = briefwright(&["export"], dir.path());
    assert_eq!(
        output.status.code(),
        Some(1),
        "usage errors exit with 1 like other errors"
    );
    assert!(stderr(&output).contains("Usage"));
}

#[test]
fn a_department_scheme_file_is_kept_in_the_project_and_marks_the_brief() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("dept.toml"),
        concat!(
            "name = \"nz-psr\"\n",
            "description = \"New Zealand, PSR\"\n",
            "levels = [\"UNCLASSIFIED\", \"IN-CONFIDENCE\", \"SENSITIVE\", \"RESTRICTED\"]\n",
            "default = \"UNCLASSIFIED\"\n",
            "[print]\nposition = \"centre\"\ntop = true\nbottom = false\nbold = true\n",
        ),
    )
    .expect("write");
    std::fs::write(dir.path().join("a.md"), "# Note\n\nOne paragraph.\n").expect("write");
    let new = briefwright(
        &[
            "new",
            "-o",
            "d.brief",
            "--article",
            "a.md",
            "--scheme",
            "dept.toml",
            "--classification",
            "in-confidence",
        ],
        dir.path(),
    );
    assert!(new.status.success(), "{}", stderr(&new));
    // The file can go: the project keeps its own copy.
    std::fs::remove_file(dir.path().join("dept.toml")).expect("remove");
    let check = briefwright(&["check", "d.brief"], dir.path());
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(out.contains("marking scheme:  nz-psr"), "{out}");
    assert!(out.contains("brief marking:   IN-CONFIDENCE"), "{out}");
    let export = briefwright(&["export", "d.brief", "-o", "d.pdf"], dir.path());
    assert!(export.status.success(), "{}", stderr(&export));
    let text = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(dir.path().join("d.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert_eq!(text.matches("IN-CONFIDENCE").count(), 1, "top only: {text}");
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "name = \"x\"\nlevels = []\n").expect("write");
    assert_clean_failure(
        &briefwright(
            &["new", "-o", "e.brief", "--scheme", "bad.toml"],
            dir.path(),
        ),
        "marking scheme bad.toml",
    );
}

#[test]
fn pdf_standard_chooses_what_the_pdf_meets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let made = briefwright(&["sample", "-o", "visit.brief"], dir.path());
    assert!(made.status.success(), "{}", stderr(&made));
    let tagged = |name: &str| {
        let info = Command::new("pdfinfo")
            .arg(dir.path().join(name))
            .output()
            .expect("pdfinfo (poppler-utils; .ci/run installs it)");
        String::from_utf8_lossy(&info.stdout).contains("Tagged:          yes")
    };
    for (standard, name, is_tagged, ua, a) in [
        (None, "a2.pdf", true, true, true),
        (Some("none"), "none.pdf", false, false, false),
        (Some("UA"), "ua.pdf", true, true, false),
    ] {
        let mut args = vec!["export", "visit.brief", "-o", name, "--no-spelling"];
        if let Some(standard) = standard {
            args.extend(["--pdf-standard", standard]);
        }
        let exported = briefwright(&args, dir.path());
        assert!(exported.status.success(), "{}", stderr(&exported));
        let pdf = std::fs::read(dir.path().join(name)).expect("written");
        let text = String::from_utf8_lossy(&pdf);
        assert_eq!(tagged(name), is_tagged, "{name}");
        assert_eq!(
            text.contains("<pdfuaid:part>1</pdfuaid:part>"),
            ua,
            "{name}"
        );
        assert_eq!(text.contains("<pdfaid:part>2</pdfaid:part>"), a, "{name}");
    }
    let refused = briefwright(
        &[
            "export",
            "visit.brief",
            "-o",
            "x.pdf",
            "--pdf-standard",
            "pdfx",
        ],
        dir.path(),
    );
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("\"pdfx\" is not a PDF standard; use a2"),
        "{}",
        stderr(&refused)
    );
    assert!(!dir.path().join("x.pdf").exists());
}
