//! Helpers shared by the integration tests: the fixtures in this repository, and the
//! optional corpus of real articles that is not ours to ship, and (with the window) a
//! harness with scripted file dialogs.
#![allow(dead_code)]

pub mod brief_blocks;
#[cfg(feature = "gui")]
pub mod window;

use std::path::{Path, PathBuf};

#[allow(unused_imports)] // each test binary uses its own few helpers
pub use brief_blocks::{add_chart, first_paragraph, paragraph_texts, paragraphs};

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `name` in the folder named by `BRIEFWRIGHT_CORPUS`, or `None` (saying that `test` skips)
/// when the variable is unset, so that a fresh clone passes without the corpus.
pub fn corpus_article(name: &str, test: &str) -> Option<PathBuf> {
    let Some(folder) = std::env::var_os("BRIEFWRIGHT_CORPUS").filter(|v| !v.is_empty()) else {
        eprintln!("skipping {test}: set BRIEFWRIGHT_CORPUS to the folder holding {name} to run it");
        return None;
    };
    // Asked for, the corpus must be there: a mistyped folder should not pass as a skip.
    let folder = PathBuf::from(folder);
    assert!(
        folder.is_dir(),
        "BRIEFWRIGHT_CORPUS={} is not a folder",
        folder.display()
    );
    let path = folder.join(name);
    assert!(
        path.is_file(),
        "{} is not in BRIEFWRIGHT_CORPUS",
        path.display()
    );
    Some(path)
}
pub mod article_docx;
pub mod article_pdf;
pub mod web_server;
