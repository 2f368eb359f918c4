//! The brief with its review marks written into its texts, for the preview's markup views,
//! the review copy and the Word export's tracked changes; and the brief as it prints, with
//! no suggestion made.

use std::borrow::Cow;

use crate::change_mark::{self, Change, ChangeKind};

use super::marked_text::wrap_pieces;

use super::review::{SuggestedChange, Suggestion, TextTarget};
use super::{BlockKind, Project};

/// How the preview shows suggestions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MarkupMode {
    /// Insertions underlined and deletions struck through, in colour.
    #[default]
    AllMarkup,
    /// The text as it would read with every suggestion made, changed lines barred.
    SimpleMarkup,
    /// The text as it prints today: no suggestion made.
    AsPrinted,
}

impl MarkupMode {
    pub const ALL: [MarkupMode; 3] = [
        MarkupMode::AllMarkup,
        MarkupMode::SimpleMarkup,
        MarkupMode::AsPrinted,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MarkupMode::AllMarkup => "All markup",
            MarkupMode::SimpleMarkup => "Simple markup",
            MarkupMode::AsPrinted => "As it will print",
        }
    }
}

/// Who made a marked change, and when; marks refer to these by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub author: String,
    /// ISO 8601.
    pub date: String,
}

/// What a copy with review marks carries besides its texts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Markup {
    pub attributions: Vec<Attribution>,
    /// The comments whose anchors the texts mark, by the marks' index.
    pub comments: Vec<super::Comment>,
    /// Comments printed in a column beside the text (the review copy).
    pub notes: Vec<MarginNote>,
    /// Set on a Word file exported for review: which brief and version it is, so that
    /// the reviewed file can come back (see `import::review`).
    pub identity: Option<ReviewIdentity>,
}

impl ReviewIdentity {
    /// The custom document property that holds the brief's id.
    pub const BRIEF_PROPERTY: &'static str = "Briefwright brief";
    /// The custom document property that holds the version the file was exported as.
    pub const VERSION_PROPERTY: &'static str = "Briefwright version";
    /// The custom document property that holds the brief's title.
    pub const TITLE_PROPERTY: &'static str = "Briefwright brief title";

    /// The name of the bookmark on paragraph `n` of `block` ("_bw12_0"). Word hides
    /// bookmarks whose names start with "_", and Word and LibreOffice keep them on save.
    pub fn bookmark(block: super::BlockId, n: usize) -> String {
        format!("_bw{}_{n}", block.0)
    }

    /// The block and paragraph a bookmark name gives, if it is one of ours.
    pub fn block_of_bookmark(name: &str) -> Option<(super::BlockId, usize)> {
        let (block, n) = name.strip_prefix("_bw")?.split_once('_')?;
        Some((super::BlockId(block.parse().ok()?), n.parse().ok()?))
    }

    /// The name of the bookmark on the cell at `row`, `column` of table `block`.
    pub fn cell_bookmark(block: super::BlockId, row: usize, column: usize) -> String {
        format!("_bwt{}_{row}_{column}", block.0)
    }

    /// The table, row and column a cell's bookmark name gives, if it is one of ours.
    pub fn cell_of_bookmark(name: &str) -> Option<(super::BlockId, usize, usize)> {
        let mut parts = name.strip_prefix("_bwt")?.split('_');
        let block = super::BlockId(parts.next()?.parse().ok()?);
        let row = parts.next()?.parse().ok()?;
        let column = parts.next()?.parse().ok()?;
        Some((block, row, column))
    }
}

/// What a Word file exported for review carries to find its way home: the brief's id,
/// the version it was exported as, and each block's id on its paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewIdentity {
    pub brief: String,
    pub version: super::VersionId,
    /// The brief's title, to name it when a file comes back to the wrong brief.
    pub title: String,
}

/// A comment as the review copy prints it in the margin.
#[derive(Debug, Clone, PartialEq)]
pub struct MarginNote {
    /// The block it stands beside; `None` for the title block or text that is gone.
    pub block: Option<super::BlockId>,
    /// "Farid Hassan, 6 December 2026".
    pub heading: String,
    /// The words it is on, if it is on some.
    pub quote: String,
    /// The comment, then its replies.
    pub text: String,
}

impl Markup {
    /// The index of `author` at `date`, added if new.
    pub fn attribution(&mut self, author: &str, date: &str) -> u16 {
        let index = match self
            .attributions
            .iter()
            .position(|a| a.author == author && a.date == date)
        {
            Some(index) => index,
            None => {
                self.attributions.push(Attribution {
                    author: author.to_owned(),
                    date: date.to_owned(),
                });
                self.attributions.len() - 1
            }
        };
        u16::try_from(index).unwrap_or(u16::MAX)
    }
}

impl Project {
    /// The brief as it prints while suggestions are open: none of them made. A block
    /// suggested as added is left out; a block suggested as moved prints where it was.
    pub fn as_printed(&self) -> Cow<'_, Project> {
        let structural = |s: &&Suggestion| s.text_range().is_none() && self.target_exists(s.target);
        if !self.review.suggestions.iter().any(|s| structural(&s)) {
            return Cow::Borrowed(self);
        }
        let mut printed = self.clone();
        let mut moves = Vec::new();
        for suggestion in self.review.suggestions.iter().filter(structural) {
            let TextTarget::Block(block) = suggestion.target else {
                continue;
            };
            match suggestion.change {
                SuggestedChange::AddedBlock => {
                    if let Some((p, i)) = printed.locate(block) {
                        printed.brief.parts[p].blocks.remove(i);
                    }
                }
                SuggestedChange::MovedBlock { part, index } => moves.push((block, part, index)),
                _ => {}
            }
        }
        for (block, part, index) in moves {
            let _ = printed.apply(super::Edit::PlaceBlock { block, part, index });
        }
        printed.review = Default::default();
        Cow::Owned(printed)
    }

    /// A copy whose texts carry the suggestions as review marks (see [`change_mark`]), or
    /// the brief as it prints for [`MarkupMode::AsPrinted`] or when nothing is suggested.
    pub fn with_markup(&self, mode: MarkupMode) -> Cow<'_, Project> {
        let open: Vec<&Suggestion> = self
            .review
            .suggestions
            .iter()
            .filter(|s| self.target_exists(s.target))
            .collect();
        if mode == MarkupMode::AsPrinted || open.is_empty() {
            return self.as_printed();
        }
        let mut marked = self.clone();
        // The copy's own review is dropped first, so its texts change without moving marks.
        marked.review = Default::default();
        let mut markup = Markup::default();
        let mut targets: Vec<TextTarget> = open.iter().map(|s| s.target).collect();
        targets.sort();
        targets.dedup();
        let mut deleted_blocks = Vec::new();
        for target in targets {
            let Some(base) = self.target_text(target) else {
                continue;
            };
            let separators = separators_of(self, target);
            let text_suggestions = self.review.text_suggestions(target);
            let mut text = marked_text(&base, &text_suggestions, mode, &mut markup, separators);
            if let TextTarget::Block(block) = target
                && let Some(whole) = self.review.block_suggestion(block)
            {
                let by = markup.attribution(&whole.author, &whole.date);
                let kind = match (&whole.change, mode) {
                    (SuggestedChange::AddedBlock, MarkupMode::AllMarkup) => ChangeKind::Inserted,
                    (SuggestedChange::DeletedBlock, MarkupMode::AllMarkup) => ChangeKind::Deleted,
                    (SuggestedChange::DeletedBlock, _) => {
                        deleted_blocks.push(block);
                        ChangeKind::Changed
                    }
                    _ => ChangeKind::Changed,
                };
                text = wrap_pieces(&change_mark::strip(&text), Change { kind, by }, separators);
            }
            let _ = marked.apply(Project::set_target_text(target, text));
        }
        for block in deleted_blocks {
            let _ = marked.apply(super::Edit::DeleteBlock(block));
        }
        marked.markup = Some(markup);
        Cow::Owned(marked)
    }
}

/// The characters a target's text is cut at (a list's lines, a table's cells): a mark
/// never spans one, so each item or cell carries its own.
fn separators_of(project: &Project, target: TextTarget) -> &'static [char] {
    let TextTarget::Block(block) = target else {
        return &[];
    };
    let kind = project
        .locate(block)
        .map(|(p, i)| &project.brief.parts[p].blocks[i].kind);
    match kind {
        Some(BlockKind::Bullets { .. }) => &['\n'],
        Some(BlockKind::Table { .. }) => &['\n', '|'],
        _ => &[],
    }
}

/// `base` with `suggestions` shown as `mode` shows them.
fn marked_text(
    base: &str,
    suggestions: &[&Suggestion],
    mode: MarkupMode,
    markup: &mut Markup,
    separators: &[char],
) -> String {
    let mut out = String::with_capacity(base.len() + 32);
    let mut at = 0;
    for suggestion in suggestions {
        let SuggestedChange::Text { start, end, insert } = &suggestion.change else {
            continue;
        };
        let (Some(kept), Some(removed)) = (base.get(at..*start), base.get(*start..*end)) else {
            continue;
        };
        out.push_str(kept);
        let by = markup.attribution(&suggestion.author, &suggestion.date);
        let change = |kind| Change { kind, by };
        match mode {
            MarkupMode::AllMarkup => {
                out.push_str(&wrap_pieces(
                    &super::marked_text::spaced_deletion(removed, !insert.is_empty()),
                    change(ChangeKind::Deleted),
                    separators,
                ));
                out.push_str(&wrap_pieces(
                    insert,
                    change(ChangeKind::Inserted),
                    separators,
                ));
            }
            _ if insert.is_empty() => {
                // A deletion leaves nothing to mark but the place: the next character is
                // barred so that the line still shows it changed.
                let next = base[*end..].chars().next();
                if let Some(next) = next.filter(|c| !separators.contains(c)) {
                    out.push_str(&change_mark::wrap(
                        change(ChangeKind::Changed),
                        &next.to_string(),
                    ));
                    at = *end + next.len_utf8();
                    continue;
                }
            }
            _ => out.push_str(&wrap_pieces(
                insert,
                change(ChangeKind::Changed),
                separators,
            )),
        }
        at = *end;
    }
    out.push_str(base.get(at..).unwrap_or_default());
    out
}

impl Project {
    /// The review copy: suggestions shown as markup, and open comments in a column in
    /// the margin beside the block each is on (the layout makes room for it).
    pub fn review_copy(&self) -> Project {
        let mut notes = Vec::new();
        for comment in self.review.comments.iter().filter(|c| !c.resolved) {
            let when = crate::dates::long_date(&comment.date).unwrap_or_default();
            let mut text = one_line(&comment.text);
            for reply in &comment.replies {
                text.push_str(&format!(
                    " \u{2014} {}: {}",
                    reply.author,
                    one_line(&reply.text)
                ));
            }
            let (block, place) = match comment.target {
                TextTarget::Block(block) if self.locate(block).is_some() => (Some(block), None),
                TextTarget::Block(_) => (None, Some("on deleted text".to_owned())),
                TextTarget::Meta(field) => (None, Some(format!("on the {}", field.label()))),
            };
            let gone = comment.detached && place.is_none();
            notes.push(MarginNote {
                block,
                heading: match (place, gone) {
                    (Some(place), _) => format!("{}, {when}, {place}:", comment.author),
                    (None, true) => format!("{}, {when}, on words since deleted:", comment.author),
                    (None, false) => format!("{}, {when}:", comment.author),
                },
                quote: super::shorten(&one_line(&comment.quote), 80),
                text,
            });
        }
        let mut copy = self.with_markup(MarkupMode::AllMarkup).into_owned();
        if !notes.is_empty() {
            let mut markup = copy.markup.take().unwrap_or_default();
            markup.notes = notes;
            copy.markup = Some(markup);
        }
        copy
    }
}

impl Project {
    /// The copy the Word export writes: suggestions as tracked changes, and every
    /// comment anchored where it stands, for Word's comments. A comment on a block as a
    /// whole, or whose text is gone, spans its block's text. A brief with nothing to
    /// review is itself.
    pub fn word_copy(&self) -> Cow<'_, Project> {
        if self.review.comments.is_empty() {
            return self.with_markup(MarkupMode::AllMarkup);
        }
        let mut anchored = self.clone();
        anchored.review.comments.clear();
        // Each text's comments: (index of the comment, the bytes it is on).
        type Anchors = Vec<(usize, std::ops::Range<usize>)>;
        let mut by_target: Vec<(TextTarget, Anchors)> = Vec::new();
        for (index, comment) in self.review.comments.iter().enumerate() {
            let Some(text) = self.target_text(comment.target) else {
                continue;
            };
            let range = match &comment.span {
                Some(span) if !comment.detached && text.get(span.clone()).is_some() => span.clone(),
                _ => 0..text.len(),
            };
            match by_target.iter_mut().find(|(t, _)| *t == comment.target) {
                Some((_, ranges)) => ranges.push((index, range)),
                None => by_target.push((comment.target, vec![(index, range)])),
            }
        }
        for (target, mut ranges) in by_target {
            let Some(mut text) = anchored.target_text(target) else {
                continue;
            };
            // Last first, so that the places still to mark keep their offsets; the
            // start goes in before the end so that an empty range still reads start, end.
            let mut points: Vec<(usize, bool, usize)> = ranges
                .drain(..)
                .flat_map(|(index, range)| [(range.start, true, index), (range.end, false, index)])
                .collect();
            points.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let mut inserted: Vec<(usize, usize)> = Vec::new();
            for (at, is_start, index) in points {
                let index = u16::try_from(index).unwrap_or(u16::MAX);
                let mark = crate::change_mark::with_comment("", 0..0, index);
                // `mark` is start-and-end of an empty range; its halves are each a mark.
                let half = mark.len() / 2;
                let piece = if is_start {
                    &mark[..half]
                } else {
                    &mark[half..]
                };
                if text.is_char_boundary(at) {
                    text.insert_str(at, piece);
                    inserted.push((at, piece.len()));
                }
            }
            // The suggestions on this text keep their words: a change starts after the
            // marks at its start and ends before those at its end, so a comment on
            // deleted words holds the deletion.
            let moved = |p: usize, at_start: bool| {
                p + inserted
                    .iter()
                    .filter(|(at, _)| if at_start { *at <= p } else { *at < p })
                    .map(|(_, len)| len)
                    .sum::<usize>()
            };
            let mut suggestions = Vec::new();
            anchored.review.suggestions.retain(|s| {
                if s.target == target && s.text_range().is_some() {
                    suggestions.push(s.clone());
                    false
                } else {
                    true
                }
            });
            let _ = anchored.apply(Project::set_target_text(target, text));
            for mut suggestion in suggestions {
                if let SuggestedChange::Text { start, end, .. } = &mut suggestion.change {
                    let empty = *start == *end;
                    *start = moved(*start, true);
                    *end = if empty { *start } else { moved(*end, false) };
                }
                anchored.review.suggestions.push(suggestion);
            }
        }
        let mut copy = anchored.with_markup(MarkupMode::AllMarkup).into_owned();
        let mut markup = copy.markup.take().unwrap_or_default();
        markup.comments = self.review.comments.clone();
        copy.markup = Some(markup);
        Cow::Owned(copy)
    }
}

impl Project {
    /// The Word file exported for review: [`Project::word_copy`], with each paragraph
    /// carrying its block's id and the file carrying the brief's id and the version it
    /// was exported as (the latest version saved for a review export), so that the
    /// reviewed file can come back.
    pub fn word_review_copy(&self) -> Project {
        let mut copy = self.word_copy().into_owned();
        let version = self
            .review
            .versions
            .iter()
            .rev()
            .find(|v| v.reason == super::versions::VersionReason::ReviewExport);
        if let Some(version) = version
            && !self.review.brief_id.is_empty()
        {
            let mut markup = copy.markup.take().unwrap_or_default();
            markup.identity = Some(ReviewIdentity {
                brief: self.review.brief_id.clone(),
                version: version.id,
                title: self.brief.meta.title.clone(),
            });
            copy.markup = Some(markup);
        }
        copy
    }
}

/// A comment's text on one line, as a note holds it.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
