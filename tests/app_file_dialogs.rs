//! Files on every desktop: when no native dialog can be shown, the window says so once
//! and uses its own file dialog, which opens, saves and imports like the native one.
#![cfg(feature = "gui")]

mod support;

use briefwright::app::{Command, FilePurpose, Settings};
use briefwright::diagnostic::Severity;
use briefwright::project::save;
use egui_kittest::kittest::Queryable;
use support::window::{empty_brief, harness_with, harness_with_settings, menu};

#[test]
fn without_a_native_dialog_open_shows_the_windows_own_and_opens_the_choice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("chosen.brief");
    let mut wanted = empty_brief();
    wanted.brief.meta.title = "Chosen in the fallback dialog".into();
    save(&wanted, &path).expect("save");

    let settings = Settings {
        last_folder: Some(dir.path().to_path_buf()),
        ..Settings::default()
    };
    let (mut harness, answers) = harness_with_settings(briefwright::sample::project(), settings);
    answers.borrow_mut().unavailable = true;
    menu(&mut harness, "File", "Open…");
    harness.run();
    let warnings: Vec<_> = harness
        .state()
        .messages()
        .iter()
        .filter(|m| m.severity == Severity::Warning && m.text.contains("own file dialog"))
        .cloned()
        .collect();
    assert_eq!(warnings.len(), 1, "{:?}", harness.state().messages());
    // In the officer's words; the technical reason is kept for a tooltip.
    let warning = &warnings[0];
    assert!(warning.text.starts_with("Your desktop has no file chooser"));
    for jargon in ["D-Bus", "XDG", "zenity", "portal"] {
        assert!(!warning.text.contains(jargon), "{}", warning.text);
    }
    assert!(warning.detail.as_deref().is_some_and(|d| !d.is_empty()));
    assert!(
        matches!(
            harness.state().open_file_request().map(|r| &r.purpose),
            Some(FilePurpose::OpenProject { .. })
        ),
        "the window's own dialog is showing"
    );
    harness.get_by_label("chosen.brief").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().path(), Some(path.as_path()));
    assert_eq!(
        harness.state().project().brief.meta.title,
        "Chosen in the fallback dialog"
    );

    // The next dialog goes straight to the window's own, without a second warning.
    harness.state_mut().run(Command::ImportDialog);
    harness.run();
    assert!(harness.state().open_file_request().is_some());
    let count = harness
        .state()
        .messages()
        .iter()
        .filter(|m| m.text.contains("own file dialog"))
        .count();
    assert_eq!(count, 1);
}

#[test]
fn the_windows_own_dialog_takes_a_whole_path_and_enter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = dir.path().join("first.brief");
    let second = dir.path().join("second.brief");
    for (path, title) in [(&first, "First"), (&second, "Second")] {
        let mut brief = empty_brief();
        brief.brief.meta.title = title.into();
        save(&brief, path).expect("save");
    }
    let (mut harness, answers) = harness_with(briefwright::sample::project());
    answers.borrow_mut().unavailable = true;

    // A whole path typed into the Folder box opens that file.
    harness
        .state_mut()
        .run(Command::OpenDialog { confirmed: true });
    harness.run();
    harness
        .get_by_label("Folder")
        .set_text_value_accesskit(first.to_str().expect("path"));
    harness.run();
    harness.get_by_label("Go").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().project().brief.meta.title, "First");

    // A file chosen in the list opens with Enter. (A double click opens it too: egui_kittest
    // cannot time two clicks as one double click, so that was checked in the real window
    // under Xvfb with xdotool.)
    harness
        .state_mut()
        .run(Command::OpenDialog { confirmed: true });
    harness.run();
    harness.get_by_label("second.brief").click();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    assert_eq!(harness.state().project().brief.meta.title, "Second");

    // Type-ahead: typing "fi" in the list chooses first.brief; Enter opens it.
    harness
        .state_mut()
        .run(Command::OpenDialog { confirmed: true });
    harness.run();
    harness.event(egui::Event::Text("fi".into()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    assert_eq!(harness.state().project().brief.meta.title, "First");

    // Saving: the keyboard starts in the name box, and Enter saves.
    harness.state_mut().run(Command::SaveAsDialog);
    harness.run();
    harness.run();
    let name = harness.get_by_label("File name");
    assert!(name.is_focused(), "the name box has the keyboard");
    name.set_text_value_accesskit("copy.brief");
    harness.run();
    harness.get_by_label("File name").focus();
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.run();
    assert!(dir.path().join("copy.brief").is_file(), "Enter saved it");
}
