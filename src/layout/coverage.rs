//! Characters no bundled font draws: noted per paragraph while setting, reported once per
//! script for the whole brief ("3 paragraphs contain Japanese text (15 characters) that
//! no bundled font can draw: Background ¶2, …").

use crate::diagnostic::Diagnostic;
use crate::fonts::Script;
use crate::model::{BlockId, Project};
use crate::unicode_block::block_name;

/// How many places a message names before "and N more".
const PLACES_NAMED: usize = 5;

/// The note a paragraph leaves when some of its characters show as boxes. [`gather`]
/// folds these into the brief's messages.
pub fn undrawn(missing: &[char], block: Option<BlockId>) -> Diagnostic {
    let mut note = Diagnostic::error(
        format!(
            "{} characters cannot be drawn by any bundled font",
            missing.len()
        ),
        block,
    );
    note.undrawn = missing.to_vec();
    note
}

/// One script's undrawable text across the brief.
struct Gathered {
    what: String,
    emoji: bool,
    characters: usize,
    places: Vec<Option<BlockId>>,
}

/// Replaces the per-paragraph notes of [`undrawn`] in `diagnostics` by one message per
/// script, naming the blocks (the first as the message's block, the rest after it).
pub fn gather(diagnostics: &mut Vec<Diagnostic>, project: &Project) {
    if diagnostics.iter().all(|d| d.undrawn.is_empty()) {
        return;
    }
    let mut gathered: Vec<Gathered> = Vec::new();
    let mut kept = Vec::with_capacity(diagnostics.len());
    for diagnostic in diagnostics.drain(..) {
        if diagnostic.undrawn.is_empty() {
            kept.push(diagnostic);
            continue;
        }
        let has_kana = diagnostic
            .undrawn
            .iter()
            .any(|c| Script::of(*c) == Some(Script::Japanese));
        for c in &diagnostic.undrawn {
            let script = match Script::of(*c) {
                Some(Script::Chinese) if has_kana => Some(Script::Japanese),
                other => other,
            };
            let what = match script {
                Some(script) => script.describe().to_owned(),
                None => match block_name(*c) {
                    "an unnamed block" => "rare characters".to_owned(),
                    block => format!("{block} text"),
                },
            };
            let index = match gathered.iter().position(|g| g.what == what) {
                Some(index) => index,
                None => {
                    gathered.push(Gathered {
                        what,
                        emoji: script == Some(Script::Emoji),
                        characters: 0,
                        places: Vec::new(),
                    });
                    gathered.len() - 1
                }
            };
            let entry = &mut gathered[index];
            entry.characters += 1;
            if !entry.places.contains(&diagnostic.block) {
                entry.places.push(diagnostic.block);
            }
        }
    }
    kept.extend(gathered.into_iter().map(|g| message(g, project)));
    *diagnostics = kept;
}

fn message(gathered: Gathered, project: &Project) -> Diagnostic {
    let Gathered {
        what,
        emoji,
        characters,
        places,
    } = gathered;
    let mut names: Vec<String> = places
        .iter()
        .take(PLACES_NAMED)
        .map(|place| match place {
            Some(block) => project
                .block_label(*block)
                .unwrap_or_else(|| "a talking point".to_owned()),
            None => "the title or title block".to_owned(),
        })
        .collect();
    if places.len() > PLACES_NAMED {
        names.push(format!("and {} more", places.len() - PLACES_NAMED));
    }
    let paragraphs = match places.len() {
        1 => "1 paragraph contains".to_owned(),
        n => format!("{n} paragraphs contain"),
    };
    let count = match characters {
        1 => "1 character".to_owned(),
        n => format!("{n} characters"),
    };
    let shows = if characters == 1 {
        "it prints as a box"
    } else {
        "each prints as a box"
    };
    let text = format!(
        "{paragraphs} {what} ({count}) that no bundled font can draw: {}; {shows}",
        names.join(", ")
    );
    let mut blocks = places.into_iter().flatten();
    let first = blocks.next();
    let mut diagnostic = if emoji {
        Diagnostic::warning(text, first)
    } else {
        Diagnostic::error(text, first)
    };
    diagnostic.also = blocks.collect();
    diagnostic
}
