//! Sources cited once: every source the brief quotes gets a number in order of first
//! citation; excerpts and talking points carry a short reference ("[1]", "[1, adapted]"
//! or "(Brown 2026)", as the template chooses), and the full entry appears once, in the
//! Sources list at the end of the brief.

use std::collections::HashMap;

use crate::fonts::StyledSpan;
use crate::model::{BlockKind, Project, Source, SourceId};
use crate::template::{CitationStyle, Template};

/// The brief's cited sources, numbered in order of first citation.
#[derive(Debug, Default)]
pub struct Citations {
    numbers: HashMap<SourceId, usize>,
    order: Vec<SourceId>,
    style: CitationStyle,
    /// The credits of the pictures taken from each source, in brief order, once each:
    /// the Sources list names them after the source's entry.
    credits: HashMap<SourceId, Vec<String>>,
}

impl Citations {
    /// Numbers the sources that the parts `template` prints cite, in brief order.
    pub fn new(project: &Project, template: &Template) -> Self {
        let mut citations = Citations {
            style: template.citations,
            ..Citations::default()
        };
        for block in super::printed_blocks(project, template) {
            let source = match &block.kind {
                BlockKind::Excerpt { from, .. } => Some(from.source),
                BlockKind::TalkingPoint { point } => project
                    .talking_point(*point)
                    .and_then(|p| p.source)
                    .map(|s| s.source),
                BlockKind::Picture(figure) => figure.from.map(|from| from.source),
                _ => None,
            };
            let Some(source) = source.filter(|s| project.source(*s).is_some()) else {
                continue;
            };
            if !citations.numbers.contains_key(&source) {
                citations.order.push(source);
                citations.numbers.insert(source, citations.order.len());
            }
            if let BlockKind::Picture(figure) = &block.kind {
                let credit = figure.credit.trim().trim_end_matches('.');
                let credits = citations.credits.entry(source).or_default();
                if !credit.is_empty() && !credits.iter().any(|c| c == credit) {
                    credits.push(credit.to_owned());
                }
            }
        }
        citations
    }

    /// The credits of the pictures the brief takes from `source`.
    pub fn credits(&self, source: SourceId) -> &[String] {
        self.credits.get(&source).map_or(&[], Vec::as_slice)
    }

    /// The short reference to `source`: "[2]" or "(Brown 2026)", with ", adapted" when
    /// the quoted words were edited.
    pub fn reference(&self, project: &Project, source: SourceId, adapted: bool) -> String {
        let adapted = if adapted { ", adapted" } else { "" };
        match self.style {
            CitationStyle::Numbered => match self.numbers.get(&source) {
                Some(number) => format!("[{number}{adapted}]"),
                None => String::new(),
            },
            CitationStyle::AuthorYear => match project.source(source) {
                Some(source) => format!("({}{adapted})", author_year(source)),
                None => String::new(),
            },
        }
    }

    /// The cited sources, in order, each with its number.
    pub fn entries<'a>(&self, project: &'a Project) -> Vec<(usize, &'a Source)> {
        self.order
            .iter()
            .filter_map(|id| project.source(*id))
            .enumerate()
            .map(|(index, source)| (index + 1, source))
            .collect()
    }

    /// Whether the list is numbered (author-year lists are not).
    pub fn numbered(&self) -> bool {
        self.style == CitationStyle::Numbered
    }
}

/// "Brown 2026", or the title when the author is unknown, and "n.d." without a year.
fn author_year(source: &Source) -> String {
    let who = if source.author.trim().is_empty() {
        source.title.trim()
    } else {
        source
            .author
            .split([',', '&'])
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .last()
            .unwrap_or_default()
    };
    let year = source
        .date
        .split(|c: char| !c.is_ascii_digit())
        .find(|part| part.len() == 4)
        .unwrap_or("n.d.");
    format!("{who} {year}")
}

/// A source's full entry: author, “title”, publication, date, then the URL as a live link
/// and the date a web page was read, then the credits of the pictures taken from it.
pub fn entry_spans(source: &Source, picture_credits: &[String]) -> Vec<StyledSpan> {
    let mut parts = Vec::new();
    if !source.author.trim().is_empty() {
        parts.push(source.author.trim().to_owned());
    }
    if !source.title.trim().is_empty() {
        parts.push(format!("\u{201c}{}\u{201d}", source.title.trim()));
    }
    for extra in [&source.publication, &source.date] {
        if !extra.trim().is_empty() {
            parts.push(extra.trim().to_owned());
        }
    }
    let mut spans = vec![StyledSpan::plain(format!("{}.", parts.join(", ")))];
    let url = source.url.trim();
    if !url.is_empty() {
        spans.push(StyledSpan::plain(" "));
        spans.push(StyledSpan {
            text: url.to_owned(),
            bold: false,
            italic: false,
            link: Some(url.to_owned()),
        });
        if !source.accessed.trim().is_empty() {
            spans.push(StyledSpan::plain(format!(
                " (accessed {})",
                source.accessed.trim()
            )));
        }
    }
    if !picture_credits.is_empty() {
        let label = if picture_credits.len() == 1 {
            "Picture credit"
        } else {
            "Picture credits"
        };
        // After a URL or an access date the entry has no full stop yet.
        let stop = if spans.last().is_some_and(|span| !span.text.ends_with('.')) {
            "."
        } else {
            ""
        };
        spans.push(StyledSpan::plain(format!(
            "{stop} {label}: {}.",
            picture_credits.join("; ")
        )));
    }
    spans
}
