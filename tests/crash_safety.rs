//! A save that fails or stops at any moment leaves the project whole on disk, either the
//! old or the new one. One test stops a save at each of its steps in turn through the
//! `FileOps` seam; another kills the command line at random moments.

use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use briefwright::model::Project;
use briefwright::project::{FileOps, RealFiles, load, save, save_with};

const KILLS: usize = 200;

/// A small deterministic random generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next_fraction(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn start_writing(dir: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_briefwright"))
        .args([
            "new",
            "-o",
            "target.brief",
            "--force",
            "--title",
            "New project",
            "--article",
            "big.txt",
        ])
        .current_dir(dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn")
}

#[test]
fn a_kill_at_any_moment_leaves_the_old_or_the_new_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paragraph = "Officials reviewed water, trade and transport links and agreed a short list of projects with named owners and dates. ";
    let article: String = (0..4000)
        .map(|i| format!("{} {i}\n\n", paragraph.repeat(3)))
        .collect();
    std::fs::write(
        dir.path().join("big.txt"),
        format!("A Very Long Report\n\n{article}"),
    )
    .expect("article");
    let target = dir.path().join("target.brief");
    let old = briefwright::sample::project();
    save(&old, &target).expect("old project");

    // How long one complete write takes, to spread the kills across it.
    let started = Instant::now();
    assert!(start_writing(dir.path()).wait().expect("wait").success());
    let full_run = started.elapsed();
    let new = load(&target).expect("new project loads").project;
    assert_eq!(new.brief.meta.title, "New project");
    assert!(
        std::fs::metadata(&target).expect("size").len() > 1_000_000,
        "a large project"
    );

    let mut random = Lcg(2026);
    let mut outcomes = (0, 0);
    for round in 0..KILLS {
        save(&old, &target).expect("reset to the old project");
        let mut child = start_writing(dir.path());
        std::thread::sleep(Duration::from_secs_f64(
            full_run.as_secs_f64() * 1.1 * random.next_fraction(),
        ));
        let _ = child.kill();
        child.wait().expect("reaped");
        let loaded = load(&target)
            .unwrap_or_else(|e| panic!("round {round}: the project is damaged after a kill: {e}"))
            .project;
        if loaded == old {
            outcomes.0 += 1;
        } else {
            assert_eq!(
                loaded.brief.meta.title, new.brief.meta.title,
                "round {round}: neither old nor new"
            );
            assert_eq!(
                loaded.sources, new.sources,
                "round {round}: a partial new project"
            );
            outcomes.1 += 1;
        }
    }
    eprintln!(
        "after {KILLS} kills: {} old, {} new",
        outcomes.0, outcomes.1
    );
    assert!(outcomes.0 > 0, "some kills landed before the rename");
}

/// What happens at the chosen step of a save.
#[derive(Debug, Clone, Copy)]
enum Fault {
    /// The step fails (a full disk, a read-only folder); the process carries on.
    Fail,
    /// The process stops during the step: a write or copy leaves half a file, and every
    /// later operation is a failing no-op, since a dead process cleans nothing up.
    Stop,
}

/// One step of a save, as the fake saw it.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    kind: &'static str,
    /// The file the step creates or changes.
    target: PathBuf,
}

/// Real files, except that step number `at` fails or stops the process.
struct FaultyFiles {
    fault: Fault,
    at: usize,
    steps: RefCell<Vec<Step>>,
    stopped: Cell<bool>,
}

enum Turn {
    Run,
    Fail,
    Stop,
}

impl FaultyFiles {
    fn new(fault: Fault, at: usize) -> Self {
        FaultyFiles {
            fault,
            at,
            steps: RefCell::new(Vec::new()),
            stopped: Cell::new(false),
        }
    }

    fn begin(&self, kind: &'static str, target: &Path) -> std::io::Result<Turn> {
        if self.stopped.get() {
            return Err(std::io::Error::other("the process has stopped"));
        }
        let mut steps = self.steps.borrow_mut();
        let index = steps.len();
        steps.push(Step {
            kind,
            target: target.to_path_buf(),
        });
        Ok(match (index == self.at, self.fault) {
            (false, _) => Turn::Run,
            (true, Fault::Fail) => Turn::Fail,
            (true, Fault::Stop) => {
                self.stopped.set(true);
                Turn::Stop
            }
        })
    }
}

fn injected() -> std::io::Error {
    std::io::Error::from(std::io::ErrorKind::StorageFull)
}

impl FileOps for FaultyFiles {
    fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        match self.begin("write", path)? {
            Turn::Run => RealFiles.write(path, bytes),
            Turn::Fail => Err(injected()),
            Turn::Stop => {
                RealFiles.write(path, &bytes[..bytes.len() / 2])?;
                Err(injected())
            }
        }
    }
    fn copy(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        match self.begin("copy", to)? {
            Turn::Run => RealFiles.copy(from, to),
            Turn::Fail => Err(injected()),
            Turn::Stop => {
                let bytes = std::fs::read(from)?;
                std::fs::write(to, &bytes[..bytes.len() / 2])?;
                Err(injected())
            }
        }
    }
    fn sync(&self, path: &Path) -> std::io::Result<()> {
        match self.begin("sync", path)? {
            Turn::Run => RealFiles.sync(path),
            Turn::Fail | Turn::Stop => Err(injected()),
        }
    }
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        match self.begin("rename", to)? {
            Turn::Run => RealFiles.rename(from, to),
            Turn::Fail | Turn::Stop => Err(injected()),
        }
    }
    fn remove(&self, path: &Path) {
        if !self.stopped.get() {
            RealFiles.remove(path);
        }
    }
    fn sync_folder(&self, folder: &Path) -> std::io::Result<()> {
        match self.begin("sync folder", folder)? {
            Turn::Run => RealFiles.sync_folder(folder),
            Turn::Fail | Turn::Stop => Err(injected()),
        }
    }
}

/// Empties the folder and saves `old` in it for real, so the next save replaces it.
fn reset(folder: &Path, path: &Path, old: &Project) {
    for entry in std::fs::read_dir(folder).expect("list") {
        std::fs::remove_file(entry.expect("entry").path()).expect("remove");
    }
    save(old, path).expect("the old project is saved");
}

fn temporaries(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_save_that_fails_or_stops_at_any_step_leaves_the_old_or_the_new_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("visit.brief");
    let backup = dir.path().join("visit.brief.bak");
    let old = briefwright::sample::project();
    let mut new = old.clone();
    new.brief.meta.title = "Visit of the Prime Minister: revised after the call".into();

    reset(dir.path(), &path, &old);
    let recorder = FaultyFiles::new(Fault::Fail, usize::MAX);
    save_with(&recorder, &new, &path).expect("a save with no fault");
    let steps = recorder.steps.take();
    for kind in ["write", "sync", "copy", "rename", "sync folder"] {
        assert!(
            steps.iter().any(|s| s.kind == kind),
            "no {kind} step in {steps:?}"
        );
    }
    let replaced_at = steps
        .iter()
        .position(|s| s.kind == "rename" && s.target == path)
        .expect("a rename onto the project");

    for fault in [Fault::Fail, Fault::Stop] {
        for (at, step) in steps.iter().enumerate() {
            reset(dir.path(), &path, &old);
            let files = FaultyFiles::new(fault, at);
            let result = save_with(&files, &new, &path);
            let label = format!(
                "{fault:?} at step {at}, {} {}",
                step.kind,
                step.target.display()
            );
            assert_eq!(
                files.steps.borrow().get(at),
                Some(step),
                "{label}: the save took the same steps"
            );
            let on_disk = load(&path)
                .unwrap_or_else(|e| panic!("{label}: the project is damaged: {e}"))
                .project;
            let expected = if at <= replaced_at { &old } else { &new };
            assert!(
                on_disk == *expected,
                "{label}: expected the {} project, found \u{201c}{}\u{201d}",
                if at <= replaced_at { "old" } else { "new" },
                on_disk.brief.meta.title
            );
            if backup.exists() {
                let kept =
                    load(&backup).unwrap_or_else(|e| panic!("{label}: the backup is damaged: {e}"));
                assert!(
                    kept.project == old,
                    "{label}: the backup is not the old project"
                );
            }
            match fault {
                Fault::Fail => {
                    assert_eq!(result.is_ok(), at > replaced_at, "{label}: {result:?}");
                    let left = temporaries(dir.path());
                    assert!(left.is_empty(), "{label}: temporaries left: {left:?}");
                }
                Fault::Stop => {
                    // The app starts again and saves: leftovers do not get in the way.
                    save(&new, &path).unwrap_or_else(|e| panic!("{label}: saving again: {e}"));
                    assert!(load(&path).expect("loads").project == new, "{label}");
                    assert!(
                        load(&backup).expect("backup").project == *expected,
                        "{label}"
                    );
                    let left = temporaries(dir.path());
                    assert!(left.is_empty(), "{label}: temporaries left: {left:?}");
                }
            }
        }
    }
}
