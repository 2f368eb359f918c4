//! `briefwright install-desktop` against a temporary XDG_DATA_HOME: the files are
//! written, valid, and removed again by `--uninstall`.

use std::path::Path;
use std::process::Command;

fn run(args: &[&str], data_home: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_briefwright"))
        .args(args)
        .env("XDG_DATA_HOME", data_home)
        .output()
        .expect("run briefwright")
}

#[test]
fn install_desktop_writes_valid_files_and_uninstall_removes_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let installed = run(&["install-desktop"], dir.path());
    assert!(
        installed.status.success(),
        "{}",
        String::from_utf8_lossy(&installed.stderr)
    );
    let desktop = dir.path().join("applications/briefwright.desktop");
    let entry = std::fs::read_to_string(&desktop).expect("desktop entry");
    assert!(
        entry.contains("MimeType=application/x-briefwright;"),
        "{entry}"
    );
    assert!(entry.contains(env!("CARGO_BIN_EXE_briefwright")), "{entry}");
    assert!(entry.contains("%f"), "{entry}");
    let mime = std::fs::read_to_string(dir.path().join("mime/packages/briefwright.xml"))
        .expect("mime type");
    assert!(mime.contains("<glob pattern=\"*.brief\"/>"), "{mime}");
    let png = std::fs::read(
        dir.path()
            .join("icons/hicolor/256x256/apps/briefwright.png"),
    )
    .expect("png icon");
    assert!(png.starts_with(b"\x89PNG"));
    let svg = std::fs::read_to_string(
        dir.path()
            .join("icons/hicolor/scalable/apps/briefwright.svg"),
    )
    .expect("svg icon");
    assert!(svg.contains("<svg"));

    match Command::new("desktop-file-validate").arg(&desktop).output() {
        Ok(validated) => assert!(
            validated.status.success() && validated.stdout.is_empty(),
            "desktop-file-validate: {}{}",
            String::from_utf8_lossy(&validated.stdout),
            String::from_utf8_lossy(&validated.stderr)
        ),
        Err(_) => eprintln!("desktop-file-validate is not installed; skipping that check"),
    }

    let removed = run(&["install-desktop", "--uninstall"], dir.path());
    assert!(removed.status.success());
    assert!(!desktop.exists());
    assert!(!dir.path().join("mime/packages/briefwright.xml").exists());
    assert!(
        !dir.path()
            .join("icons/hicolor/256x256/apps/briefwright.png")
            .exists()
    );
}
