//! The session ends the window (SIGTERM at logout, SIGHUP when its terminal closes): the
//! unsaved work is written to the recovery folder, the lock is released, and the window
//! closes. A real SIGTERM is sent to this test's own process, which has the window's
//! handler installed, so the test lives in a binary of its own.
#![cfg(all(feature = "gui", unix))]

mod support;

use std::time::{Duration, Instant};

use briefwright::app::{AppState, Command, Settings, app_ui, termination};
use briefwright::model::{Edit, MetaField};
use briefwright::project::recovery::{find_recoveries, load_recovery};
use briefwright::project::{lock_path, save};
use support::window::{ScriptedDialogs, empty_brief};

#[test]
fn sigterm_saves_a_recovery_copy_releases_the_lock_and_closes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let recovery = dir.path().join("recovery");
    std::fs::create_dir_all(&recovery).expect("recovery folder");
    let file = dir.path().join("visit.brief");
    save(&empty_brief(), &file).expect("save");
    let answers = std::rc::Rc::new(std::cell::RefCell::new(Default::default()));
    let state = AppState::new(
        empty_brief(),
        None,
        Settings::default(),
        Box::new(ScriptedDialogs::new(answers)),
    )
    .with_recovery_folder(recovery.clone());
    let mut harness = egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(app_ui, state);
    harness.state_mut().run(Command::open(file.clone()));
    harness.run();
    assert!(lock_path(&file).exists(), "the open brief is locked");
    harness.state_mut().run(Command::Edit(Edit::SetMeta(
        MetaField::Title,
        "Work not yet saved".to_owned(),
    )));
    harness.run();
    assert!(harness.state().is_dirty());
    assert!(find_recoveries(&recovery).is_empty(), "no autosave yet");

    termination::install();
    // SAFETY: kill(2) on this very process, with a signal whose handler was installed
    // just above and only sets a flag.
    let sent = unsafe { libc::kill(libc::getpid(), libc::SIGTERM) };
    assert_eq!(sent, 0, "the signal was sent");
    let waited = Instant::now();
    while !termination::requested() && waited.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(termination::requested(), "the signal arrived and was taken");
    harness.run();

    assert!(harness.state().should_close(), "the window closes");
    assert!(!lock_path(&file).exists(), "the lock is released");
    let copies = find_recoveries(&recovery);
    assert_eq!(
        copies.len(),
        1,
        "the unsaved work is in the recovery folder"
    );
    let kept = load_recovery(&copies[0]).expect("the copy reads back");
    assert_eq!(kept.brief.meta.title, "Work not yet saved");
}
