//! Bad input gets a clear message, never a panic, and no file is changed: through the
//! library, the command line and the window.

use std::path::{Path, PathBuf};
use std::process::Command;

use briefwright::import::import_file;
use briefwright::project::{FileOps, RealFiles, load, save, write_atomically_with};

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name)
}

/// (fixture, words the message must contain)
const BAD_PROJECTS: [(&str, &str); 7] = [
    ("empty.brief", "is empty"),
    (
        "truncated.brief",
        "is damaged: EOF while parsing a string at line 7, column",
    ),
    (
        "not-a-project.brief",
        "is JSON but not a Briefwright project (it has no \"format\" field)",
    ),
    (
        "wrong-types.brief",
        "wrong kind of value: invalid type: integer `5`, expected a string",
    ),
    ("binary.brief", "is not text"),
    (
        "future.brief",
        "newer Briefwright (file version 7); this version reads up to version 1",
    ),
    ("folder.brief", "is a folder"),
];

#[test]
fn bad_project_files_are_refused_by_name_and_left_alone() {
    for (name, expected) in BAD_PROJECTS {
        let path = bad(name);
        let before = std::fs::read(&path).ok();
        let message = load(&path).expect_err(name).to_string();
        assert!(
            message.contains(name) && message.contains(expected),
            "{name}: {message}"
        );
        assert_eq!(std::fs::read(&path).ok(), before, "{name} was changed");
    }
    let missing = load(&bad("no-such.brief"))
        .expect_err("missing")
        .to_string();
    assert!(
        missing.contains("cannot open") && missing.contains("no-such.brief"),
        "{missing}"
    );
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.brief");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(300 * 1024 * 1024).expect("sparse 300 MB file");
    let message = load(&path).expect_err("huge").to_string();
    assert!(
        message.contains("is 300 MB, larger than the 64 MB"),
        "{message}"
    );
}

#[test]
fn an_excerpt_of_a_missing_section_loads_with_a_warning() {
    let loaded = load(&bad("missing-section.brief")).expect("loads");
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(
        loaded.warnings[0]
            .message
            .contains("section 99 of source 1, which is missing"),
        "{:?}",
        loaded.warnings
    );
    let laid = briefwright::layout::layout(
        &loaded.project,
        &briefwright::template::Template::built_in("briefing-note").expect("template"),
        &mut briefwright::fonts::Typesetter::new(),
    );
    assert!(
        laid.diagnostics
            .iter()
            .any(|d| d.message.contains("no longer in the project"))
    );
}

#[test]
fn bad_articles_are_refused_or_decoded() {
    let decoded =
        import_file(&bad("article-windows-1252.txt")).expect("legacy encoding is decoded");
    assert_eq!(
        decoded.sections[0].text,
        "The minister’s “frank” visit — notes."
    );
    for (name, expected) in [
        (
            "article-image.txt",
            "this is a JPEG image, not a text article",
        ),
        ("article-zip.md", "this is a ZIP archive"),
        ("article-binary.txt", "looks like a binary file"),
        ("folder.brief", "is a folder, not an article"),
    ] {
        let message = import_file(&bad(name)).expect_err(name).to_string();
        assert!(message.contains(expected), "{name}: {message}");
    }
}

#[test]
fn the_command_line_reports_every_bad_file_and_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, expected) in BAD_PROJECTS {
        let output = Command::new(env!("CARGO_BIN_EXE_briefwright"))
            .args(["export", bad(name).to_str().expect("path"), "-o", "out.pdf"])
            .current_dir(dir.path())
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {stderr}");
        assert!(
            stderr.contains(expected) && !stderr.contains("panicked"),
            "{name}: {stderr}"
        );
    }
    for name in ["article-image.txt", "article-zip.md", "article-binary.txt"] {
        let output = Command::new(env!("CARGO_BIN_EXE_briefwright"))
            .args([
                "new",
                "-o",
                "d.brief",
                "--article",
                bad(name).to_str().expect("path"),
            ])
            .current_dir(dir.path())
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert!(String::from_utf8_lossy(&output.stderr).contains(name));
    }
    assert!(!dir.path().join("out.pdf").exists() && !dir.path().join("d.brief").exists());
}

/// Fails the way a full disk or a read-only folder does, at a chosen step.
struct FailingFiles {
    fail_write: Option<std::io::ErrorKind>,
    fail_rename: Option<std::io::ErrorKind>,
}

impl FileOps for FailingFiles {
    fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        if let Some(kind) = self.fail_write {
            // Half the bytes reach the disk before it fills up.
            std::fs::write(path, &bytes[..bytes.len() / 2])?;
            return Err(kind.into());
        }
        RealFiles.write(path, bytes)
    }
    fn copy(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        RealFiles.copy(from, to)
    }
    fn sync(&self, path: &Path) -> std::io::Result<()> {
        RealFiles.sync(path)
    }
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        match self.fail_rename {
            Some(kind) if to.extension().is_some_and(|e| e == "brief") => Err(kind.into()),
            _ => RealFiles.rename(from, to),
        }
    }
    fn remove(&self, path: &Path) {
        RealFiles.remove(path);
    }
    fn sync_folder(&self, folder: &Path) -> std::io::Result<()> {
        RealFiles.sync_folder(folder)
    }
}

#[test]
fn write_errors_name_the_cause_and_leave_the_old_file_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("brief.brief");
    save(&briefwright::sample::project(), &path).expect("first save");
    let before = std::fs::read(&path).expect("read");
    let new_bytes = vec![b'x'; 10_000];
    let cases = [
        (
            FailingFiles {
                fail_write: Some(std::io::ErrorKind::StorageFull),
                fail_rename: None,
            },
            "The disk is full",
        ),
        (
            FailingFiles {
                fail_write: Some(std::io::ErrorKind::PermissionDenied),
                fail_rename: None,
            },
            "Choose a folder you can write to",
        ),
        (
            FailingFiles {
                fail_write: None,
                fail_rename: Some(std::io::ErrorKind::ReadOnlyFilesystem),
            },
            "Choose a folder you can write to",
        ),
    ];
    for (files, expected) in cases {
        let message = write_atomically_with(&files, &path, &new_bytes, true)
            .expect_err("fails")
            .to_string();
        assert!(
            message.contains("cannot write") && message.contains(expected),
            "{message}"
        );
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "the old file is untouched"
        );
        let leftovers: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "temporary files cleaned up: {leftovers:?}"
        );
    }
}
