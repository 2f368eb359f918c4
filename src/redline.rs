//! The redline of two briefs: the newer brief, with what changed since the older one
//! marked, and a legend that says what is compared and how to read the marks. The PDF
//! and Word writers set it like any brief, so it looks like the brief it compares.

use crate::change_mark::{Change, ChangeKind, wrap};
use crate::model::Project;
use crate::model::compare::{Comparison, compare, redline};
use crate::template::Template;

/// One side of a comparison: the brief and what to call it in the legend
/// ("visit.brief, version 2 “To Director”").
pub struct Side<'a> {
    pub project: &'a Project,
    pub name: String,
}

/// What comparing two briefs gives: the differences, and the brief to print them with
/// (`None` when there are none).
pub struct Redline {
    pub comparison: Comparison,
    pub marking_change: Option<(String, String)>,
    pub project: Option<Project>,
}

/// The printed marking of `project` ("OFFICIAL: Sensitive"), as its template computes it.
pub fn printed_marking(project: &Project) -> String {
    let scheme = crate::marking::Scheme::for_meta_or_default(&project.brief.meta);
    let default = Template::for_brief(&project.brief)
        .map(|template| template.default_classification)
        .unwrap_or_default();
    crate::marking::compute(project, &scheme, &default).text()
}

/// Compares `old` with `new`; the changes are credited to `author` at `date` (ISO 8601).
pub fn make(old: &Side, new: &Side, author: &str, date: &str) -> Redline {
    let comparison = compare(old.project, new.project);
    let (old_marking, new_marking) = (printed_marking(old.project), printed_marking(new.project));
    let marking_change = (old_marking != new_marking).then_some((old_marking, new_marking));
    if comparison.is_empty() && marking_change.is_none() {
        return Redline {
            comparison,
            marking_change,
            project: None,
        };
    }
    let shown = |kind, text: &str| wrap(Change { kind, by: 0 }, text);
    let when = crate::dates::long_date(date).unwrap_or_default();
    let mut legend = vec![
        format!(
            "**Redline.** Changes from {} to {}, compared by {author} on {when}.",
            old.name, new.name
        ),
        format!(
            "Inserted text is {}; deleted text is {}; a bar in the margin marks every line that changed. Changes: {}.",
            shown(ChangeKind::Inserted, "underlined twice in blue"),
            shown(ChangeKind::Deleted, "struck through in red"),
            comparison.summary()
        ),
    ];
    if let Some((before, after)) = &marking_change {
        legend.push(format!(
            "**The marking changed:** {} \u{2192} {}.",
            shown(ChangeKind::Deleted, before),
            shown(ChangeKind::Inserted, after)
        ));
    }
    let project = redline(old.project, new.project, &comparison, &legend, author, date);
    Redline {
        comparison,
        marking_change,
        project: Some(project),
    }
}

/// One line per difference, for the command line and the compare view:
/// "Background ¶2: reworded".
pub fn describe(redline: &Redline) -> Vec<String> {
    use crate::model::compare::BlockChangeKind as Kind;
    let mut lines = Vec::new();
    if let Some((before, after)) = &redline.marking_change {
        lines.push(format!("marking: {before} \u{2192} {after}"));
    }
    for field in &redline.comparison.fields {
        lines.push(format!(
            "{}: \u{201c}{}\u{201d} \u{2192} \u{201c}{}\u{201d}",
            field.label,
            crate::model::shorten(field.old.trim(), 60),
            crate::model::shorten(field.new.trim(), 60)
        ));
    }
    for change in &redline.comparison.blocks {
        let what = match change.kind {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Reworded => "reworded",
            Kind::Moved => "moved",
            Kind::MovedAndReworded => "moved and reworded",
        };
        let text = if change.new.is_empty() {
            &change.old
        } else {
            &change.new
        };
        lines.push(format!(
            "{}: {what} \u{2014} \u{201c}{}\u{201d}",
            change.place,
            crate::model::shorten(text.trim(), 60)
        ));
    }
    lines
}
