//! Kill the command line at random moments while it writes a large project over an
//! existing one: afterwards the file is always whole, either the old or the new project.

use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use briefwright::project::{load, save};

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
