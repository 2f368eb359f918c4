//! Protective markings: the schemes, and the marking a brief must carry. The brief's
//! marking is the highest of what the officer chose and of everything it includes (the
//! sources its excerpts quote, its talking points and their sources), with the union of
//! their caveats: it is never lower than its content.

mod scheme;

pub use scheme::{DEFAULT_SCHEME, MarkingPosition, MarkingPrint, Scheme, SchemeError};

use crate::model::{BlockId, BlockKind, Marking, Project};

/// The marking a brief carries, and why.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Computed {
    /// The level the officer chose, as the scheme spells it.
    pub chosen: String,
    /// The level the brief carries: the chosen one or higher.
    pub level: String,
    /// Caveats and markers, the chosen ones and those of the content, in scheme order.
    pub caveats: Vec<String>,
    /// What raised the level or added a caveat, in brief order.
    pub raised_by: Vec<Raise>,
    /// Levels and caveats that the scheme does not know, named for the user.
    pub unknown: Vec<String>,
}

/// An item of the brief that carries more than the officer chose.
#[derive(Debug, Clone, PartialEq)]
pub struct Raise {
    /// "the excerpt from “Cable 42”", "the talking point “We welcome…”".
    pub item: String,
    /// Its marking, as printed.
    pub marking: String,
    pub block: BlockId,
}

impl Computed {
    /// The marking as it prints: the level, then its caveats ("PROTECTED // CABINET").
    pub fn text(&self) -> String {
        std::iter::once(self.level.as_str())
            .chain(self.caveats.iter().map(String::as_str))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" // ")
    }

    /// Whether the content raised the level or added caveats.
    pub fn is_raised(&self) -> bool {
        !self.raised_by.is_empty()
    }

    /// What raised the marking, each item once: "the excerpt from “Cable 42” (PROTECTED,
    /// 2 blocks)".
    pub fn reasons(&self) -> Vec<String> {
        let mut counted: Vec<(String, usize)> = Vec::new();
        for raise in &self.raised_by {
            let reason = format!("{} ({}", raise.item, raise.marking);
            match counted.iter_mut().find(|(r, _)| *r == reason) {
                Some((_, count)) => *count += 1,
                None => counted.push((reason, 1)),
            }
        }
        counted
            .into_iter()
            .map(|(reason, count)| match count {
                1 => format!("{reason})"),
                n => format!("{reason}, {n} blocks)"),
            })
            .collect()
    }

    /// One sentence on what raised the marking, for the window and the command line.
    pub fn explanation(&self) -> Option<String> {
        if !self.is_raised() {
            return None;
        }
        let items = self.reasons();
        Some(format!(
            "the brief is marked {} rather than {} because it includes {}",
            self.text(),
            if self.chosen.is_empty() {
                "unmarked"
            } else {
                &self.chosen
            },
            items.join(", ")
        ))
    }
}

/// The marking `project`'s brief carries under `scheme`. When the officer chose no level,
/// `default` stands in for it (a template's default, if the scheme has that level, or
/// else the scheme's).
pub fn compute(project: &Project, scheme: &Scheme, default: &str) -> Computed {
    let meta = &project.brief.meta;
    let mut computed = Computed::default();
    let default = scheme.canonical(default).unwrap_or(scheme.default.as_str());
    let chosen_rank = match scheme.canonical(&meta.classification) {
        Some(level) => {
            computed.chosen = level.to_owned();
            scheme.rank(level)
        }
        None => {
            if !meta.classification.trim().is_empty() {
                computed
                    .unknown
                    .push(unknown_level(scheme, &meta.classification));
            }
            computed.chosen = default.to_owned();
            scheme.rank(default)
        }
    };
    let mut rank = chosen_rank;
    let mut caveats: Vec<&str> = Vec::new();
    for caveat in &meta.caveats {
        match scheme.canonical_caveat(caveat) {
            Some(known) if !caveats.contains(&known) => caveats.push(known),
            Some(_) => {}
            None => computed.unknown.push(unknown_caveat(scheme, caveat)),
        }
    }
    for (block, item, marking) in included(project) {
        if marking.is_unmarked() {
            continue;
        }
        let item_rank = scheme.rank(&marking.level);
        if item_rank.is_none() && !marking.level.trim().is_empty() {
            computed.unknown.push(unknown_level(scheme, &marking.level));
        }
        let mut raises = item_rank > chosen_rank;
        rank = rank.max(item_rank);
        for caveat in &marking.caveats {
            match scheme.canonical_caveat(caveat) {
                Some(known) if !caveats.contains(&known) => {
                    caveats.push(known);
                    raises = true;
                }
                Some(_) => {}
                None => computed.unknown.push(unknown_caveat(scheme, caveat)),
            }
        }
        if raises {
            let printed = Computed {
                level: scheme
                    .canonical(&marking.level)
                    .unwrap_or_default()
                    .to_owned(),
                caveats: marking.caveats.clone(),
                ..Computed::default()
            };
            computed.raised_by.push(Raise {
                item,
                marking: printed.text(),
                block,
            });
        }
    }
    computed.level = rank
        .and_then(|r| scheme.levels.get(r))
        .cloned()
        .unwrap_or_else(|| scheme.default.clone());
    let order = |c: &&str| {
        scheme
            .caveats
            .iter()
            .chain(&scheme.markers)
            .position(|k| k == c)
    };
    caveats.sort_by_key(order);
    computed.caveats = caveats.into_iter().map(str::to_owned).collect();
    computed.unknown.dedup();
    computed
}

/// Every marked thing the brief includes, with the block that includes it.
fn included(project: &Project) -> Vec<(BlockId, String, &Marking)> {
    let mut items = Vec::new();
    for block in project.brief.blocks() {
        match &block.kind {
            BlockKind::Excerpt { from, .. } => {
                if let Some((source, _)) = project.section(*from)
                    && !source.marking.is_unmarked()
                {
                    let item = format!("the excerpt from \u{201c}{}\u{201d}", source.title);
                    items.push((block.id, item, &source.marking));
                }
            }
            BlockKind::TalkingPoint { point } => {
                let Some(point) = project.talking_point(*point) else {
                    continue;
                };
                if !point.marking.is_unmarked() {
                    let item = format!("the talking point \u{201c}{}\u{201d}", short(&point.text));
                    items.push((block.id, item, &point.marking));
                }
                if let Some((source, _)) = point.source.and_then(|s| project.section(s))
                    && !source.marking.is_unmarked()
                {
                    let item = format!(
                        "the talking point drawn from \u{201c}{}\u{201d}",
                        source.title
                    );
                    items.push((block.id, item, &source.marking));
                }
            }
            _ => {}
        }
    }
    items
}

fn short(text: &str) -> String {
    const WORDS: usize = 6;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= WORDS {
        words.join(" ")
    } else {
        format!("{}\u{2026}", words[..WORDS].join(" "))
    }
}

fn unknown_level(scheme: &Scheme, level: &str) -> String {
    format!(
        "\u{201c}{}\u{201d} is not a level of {} (its levels are {})",
        level.trim(),
        scheme.name,
        scheme.levels.join(", ")
    )
}

fn unknown_caveat(scheme: &Scheme, caveat: &str) -> String {
    let known: Vec<&str> = scheme
        .caveats
        .iter()
        .chain(&scheme.markers)
        .map(String::as_str)
        .collect();
    format!(
        "\u{201c}{}\u{201d} is not a caveat or marker of {} ({})",
        caveat.trim(),
        scheme.name,
        if known.is_empty() {
            "it has none".to_owned()
        } else {
            format!("they are {}", known.join(", "))
        }
    )
}

#[cfg(test)]
mod tests;
