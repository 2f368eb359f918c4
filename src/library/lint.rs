//! `briefwright library lint`: what needs an officer's attention in a library — expired
//! and unapproved lines, near-duplicates, lines marked above the library's ceiling, sync
//! conflict copies and files that are not lines.

use std::collections::{HashMap, HashSet};

use super::Library;
use super::line::{Line, Status};

/// Two lines whose word sets overlap at least this much (Jaccard) say the same thing.
const NEAR_DUPLICATE: f64 = 0.8;

/// What lint found, each finding as a sentence naming the line's file.
#[derive(Debug, Default)]
pub struct LintReport {
    pub lines: usize,
    pub expired: Vec<String>,
    pub unapproved: Vec<String>,
    pub withdrawn: usize,
    pub near_duplicates: Vec<String>,
    pub above_marking: Vec<String>,
    pub conflicts: Vec<String>,
    pub problems: Vec<String>,
}

impl LintReport {
    /// The findings, one a line, then the counts, as the command prints them.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for finding in self
            .expired
            .iter()
            .chain(&self.unapproved)
            .chain(&self.near_duplicates)
            .chain(&self.above_marking)
            .chain(&self.conflicts)
            .chain(&self.problems)
        {
            out.push_str(finding);
            out.push('\n');
        }
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        out.push_str(&plural(self.lines, "line", "lines"));
        out.push('\n');
        for count in [
            format!("{} expired", self.expired.len()),
            format!("{} unapproved", self.unapproved.len()),
            format!("{} withdrawn", self.withdrawn),
            plural(
                self.near_duplicates.len(),
                "near-duplicate pair",
                "near-duplicate pairs",
            ),
            format!("{} above the library's marking", self.above_marking.len()),
            plural(self.conflicts.len(), "conflict copy", "conflict copies"),
            plural(self.problems.len(), "unreadable file", "unreadable files"),
        ] {
            out.push_str(&count);
            out.push('\n');
        }
        out
    }

    /// Whether anything needs attention.
    pub fn is_clean(&self) -> bool {
        self.expired.is_empty()
            && self.unapproved.is_empty()
            && self.near_duplicates.is_empty()
            && self.above_marking.is_empty()
            && self.conflicts.is_empty()
            && self.problems.is_empty()
    }
}

fn quote(line: &Line) -> String {
    format!(
        "{} \u{201c}{}\u{201d}",
        line.file_name(),
        crate::model::shorten(&line.text, 60)
    )
}

/// Checks `library` as of `today` (`YYYY-MM-DD`).
pub fn lint(library: &Library, today: &str) -> LintReport {
    let mut report = LintReport {
        lines: library.lines.len(),
        ..LintReport::default()
    };
    let scheme = crate::marking::Scheme::choose(&library.info.scheme)
        .map(|(scheme, _)| scheme)
        .unwrap_or_else(|_| std::borrow::Cow::Borrowed(crate::marking::Scheme::default_scheme()));
    let ceiling = scheme.rank(&library.info.marking);
    for line in &library.lines {
        if line.status == Status::Withdrawn {
            report.withdrawn += 1;
            continue;
        }
        if line.is_expired(today) {
            report.expired.push(format!(
                "expired: {} (review by {})",
                quote(line),
                line.review_by
            ));
        }
        if line.status != Status::Approved {
            report
                .unapproved
                .push(format!("unapproved: {}", quote(line)));
        }
        if let Some(ceiling) = ceiling
            && !line.marking.trim().is_empty()
        {
            match scheme.rank(&line.marking) {
                Some(rank) if rank > ceiling => report.above_marking.push(format!(
                    "marked above the library: {} is {}, the library is {}",
                    quote(line),
                    line.marking,
                    library.info.marking
                )),
                Some(_) => {}
                None => report.above_marking.push(format!(
                    "unknown marking: {} is \u{201c}{}\u{201d}, not a level of {}",
                    quote(line),
                    line.marking,
                    scheme.name
                )),
            }
        }
    }
    report.near_duplicates = near_duplicates(&library.lines)
        .into_iter()
        .map(|(a, b)| {
            format!(
                "near-duplicates: {} and {}",
                quote(&library.lines[a]),
                quote(&library.lines[b])
            )
        })
        .collect();
    report.conflicts = library
        .conflicts
        .iter()
        .map(|c| {
            format!(
                "conflict copy: {} is another version of {}.toml; merge it in the Library pane",
                c.file, c.line.id
            )
        })
        .collect();
    report.problems = library
        .problems
        .iter()
        .map(|p| format!("not read: {p}"))
        .collect();
    report
}

fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The two words of `set` that fewest lines use.
fn rarest<'a>(set: &'a HashSet<String>, frequency: &HashMap<&str, usize>) -> Vec<&'a str> {
    let mut ranked: Vec<&str> = set.iter().map(String::as_str).collect();
    ranked.sort_by_key(|w| (frequency.get(w).copied().unwrap_or(0), *w));
    ranked.truncate(2);
    ranked
}

/// Pairs of lines (indices, the first lower) that say nearly the same words. Only lines
/// sharing one of each other's two rarest words are compared, so 10,000 lines take
/// milliseconds rather than fifty million comparisons; lines that differ in a word or
/// two still share their rarest words.
pub fn near_duplicates(lines: &[Line]) -> Vec<(usize, usize)> {
    let sets: Vec<HashSet<String>> = lines
        .iter()
        .map(|l| {
            if l.status == Status::Withdrawn {
                HashSet::new()
            } else {
                words(&l.text)
            }
        })
        .collect();
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for set in &sets {
        for word in set {
            *frequency.entry(word.as_str()).or_default() += 1;
        }
    }
    let mut holders: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut keys = Vec::with_capacity(sets.len());
    for (i, set) in sets.iter().enumerate() {
        let key = rarest(set, &frequency);
        for word in &key {
            holders.entry(word).or_default().push(i);
        }
        keys.push(key);
    }
    let mut pairs = HashSet::new();
    for (i, key) in keys.iter().enumerate() {
        for word in key {
            for &j in holders.get(word).map(Vec::as_slice).unwrap_or_default() {
                if j <= i || pairs.contains(&(i, j)) {
                    continue;
                }
                let shared = sets[i].intersection(&sets[j]).count();
                let all = sets[i].len() + sets[j].len() - shared;
                if all > 0 && shared as f64 / all as f64 >= NEAR_DUPLICATE {
                    pairs.insert((i, j));
                }
            }
        }
    }
    let mut pairs: Vec<_> = pairs.into_iter().collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_that_differ_in_a_word_are_near_duplicates() {
        let lines = vec![
            Line::new(
                "The government remains committed to the regional housing accord this year.",
                "a",
            ),
            Line::new("Exports of wheat rose sharply in the last quarter.", "b"),
            Line::new(
                "The government remains committed to the regional housing accord this term.",
                "c",
            ),
        ];
        assert_eq!(near_duplicates(&lines), vec![(0, 2)]);
    }
}
