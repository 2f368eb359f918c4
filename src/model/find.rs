//! Find and replace across the brief's own text: the title block, paragraphs, bullet
//! lists, excerpts, the talking points the brief uses, and what the brief says about its
//! pictures (alternative text, caption and credit).
//!
//! Excerpts are quotations. Finding shows their matches like any other, but replacing
//! leaves them alone unless the caller asks for it; a replaced excerpt then holds the
//! officer's edit, which marks it edited.

use std::borrow::Cow;
use std::ops::Range;

use super::{BlockId, BlockKind, Edit, Figure, MetaField, Project, TalkingPointId};

/// What to look for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    /// Upper and lower case differ.
    pub match_case: bool,
    /// Only matches that are not part of a longer word.
    pub whole_word: bool,
}

/// A piece of the brief's text that can hold matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// A text field of the title block.
    Meta(MetaField),
    /// A paragraph, bullet list (items one per line) or excerpt.
    Block(BlockId),
    /// A talking point of the library, where the brief first uses it in `block`.
    TalkingPoint {
        block: BlockId,
        point: TalkingPointId,
    },
    /// One of the text fields of a picture block.
    Figure { block: BlockId, field: FigureField },
}

impl Place {
    /// The brief block the place belongs to, if it is not in the title block.
    pub fn block(self) -> Option<BlockId> {
        match self {
            Place::Meta(_) => None,
            Place::Block(block)
            | Place::TalkingPoint { block, .. }
            | Place::Figure { block, .. } => Some(block),
        }
    }
}

/// The text fields of a picture block, in the order the picture editor shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureField {
    Alt,
    Caption,
    Credit,
}

impl FigureField {
    pub const ALL: [FigureField; 3] = [FigureField::Alt, FigureField::Caption, FigureField::Credit];

    /// "alternative text", "caption", "credit": how a message names the field.
    pub fn label(self) -> &'static str {
        match self {
            FigureField::Alt => "alternative text",
            FigureField::Caption => "caption",
            FigureField::Credit => "credit",
        }
    }

    pub fn get(self, figure: &Figure) -> &str {
        match self {
            FigureField::Alt => &figure.alt,
            FigureField::Caption => &figure.caption,
            FigureField::Credit => &figure.credit,
        }
    }

    pub fn get_mut(self, figure: &mut Figure) -> &mut String {
        match self {
            FigureField::Alt => &mut figure.alt,
            FigureField::Caption => &mut figure.caption,
            FigureField::Credit => &mut figure.credit,
        }
    }
}

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub place: Place,
    /// Byte range in the place's text (see [`place_text`]).
    pub range: Range<usize>,
    /// The match is in an excerpt, a quotation of a source.
    pub in_excerpt: bool,
}

/// The title-block fields that hold free text (the classification is chosen from a list).
const SEARCHED_META: [MetaField; 6] = [
    MetaField::Title,
    MetaField::To,
    MetaField::From,
    MetaField::Date,
    MetaField::Reference,
    MetaField::Purpose,
];

/// Every place with text, in the order the brief reads, each with its text (bullet
/// items joined with line breaks, as the editor shows them) and whether it is an excerpt.
/// A talking point used twice is listed once, where it first appears.
pub fn places(project: &Project) -> Vec<(Place, Cow<'_, str>, bool)> {
    let meta = &project.brief.meta;
    let mut places: Vec<(Place, Cow<'_, str>, bool)> = SEARCHED_META
        .iter()
        .map(|&field| (Place::Meta(field), Cow::Borrowed(field.get(meta)), false))
        .collect();
    let mut points_seen = Vec::new();
    for block in project.brief.blocks() {
        let place = Place::Block(block.id);
        match &block.kind {
            BlockKind::Paragraph { text } => places.push((place, Cow::Borrowed(text), false)),
            BlockKind::Bullets { items } => {
                places.push((place, Cow::Owned(items.join("\n")), false))
            }
            BlockKind::Excerpt { from, edited } => {
                let text = edited
                    .as_deref()
                    .or_else(|| project.section(*from).map(|(_, s)| s.text.as_str()));
                if let Some(text) = text {
                    places.push((place, Cow::Borrowed(text), true));
                }
            }
            BlockKind::TalkingPoint { point } => {
                if points_seen.contains(point) {
                    continue;
                }
                points_seen.push(*point);
                if let Some(talking_point) = project.talking_point(*point) {
                    let place = Place::TalkingPoint {
                        block: block.id,
                        point: *point,
                    };
                    places.push((place, Cow::Borrowed(&talking_point.text), false));
                }
            }
            BlockKind::Recommendation { text, .. } => {
                places.push((place, Cow::Borrowed(text), false))
            }
            BlockKind::Table { rows } => {
                places.push((place, Cow::Owned(super::table_text(rows)), false))
            }
            BlockKind::Picture(figure) => {
                // A decorative picture's alternative text is neither printed nor read
                // aloud, so it holds nothing to find.
                let fields = FigureField::ALL
                    .into_iter()
                    .filter(|&field| !(figure.decorative && field == FigureField::Alt));
                places.extend(fields.map(|field| {
                    let place = Place::Figure {
                        block: block.id,
                        field,
                    };
                    (place, Cow::Borrowed(field.get(figure)), false)
                }));
            }
            BlockKind::PageBreak => {}
        }
    }
    places
}

/// The text of one place as find sees it.
pub fn place_text(project: &Project, place: Place) -> Option<String> {
    match place {
        Place::Meta(field) => Some(field.get(&project.brief.meta).to_owned()),
        Place::Block(block) => {
            let (part, index) = project.locate(block)?;
            match &project.brief.parts[part].blocks[index].kind {
                BlockKind::Paragraph { text } => Some(text.clone()),
                BlockKind::Bullets { items } => Some(items.join("\n")),
                BlockKind::Excerpt { from, edited } => edited
                    .clone()
                    .or_else(|| project.section(*from).map(|(_, s)| s.text.clone())),
                BlockKind::Recommendation { text, .. } => Some(text.clone()),
                BlockKind::Table { rows } => Some(super::table_text(rows)),
                BlockKind::TalkingPoint { .. } | BlockKind::PageBreak | BlockKind::Picture(_) => {
                    None
                }
            }
        }
        Place::TalkingPoint { point, .. } => project.talking_point(point).map(|p| p.text.clone()),
        Place::Figure { block, field } => figure(project, block).map(|f| field.get(f).to_owned()),
    }
}

/// The figure of picture block `block`.
fn figure(project: &Project, block: BlockId) -> Option<&Figure> {
    let (part, index) = project.locate(block)?;
    match &project.brief.parts[part].blocks[index].kind {
        BlockKind::Picture(figure) => Some(figure),
        _ => None,
    }
}

/// The edit that sets the text of `place` to `text`: one undoable edit, whatever kind of
/// place it is. `None` if the place is gone.
pub fn set_text_edit(project: &Project, place: Place, text: String) -> Option<Edit> {
    Some(match place {
        Place::Meta(field) => Edit::SetMeta(field, text),
        Place::Block(block) => Edit::SetBlockText { block, text },
        Place::TalkingPoint { point, .. } => Edit::SetTalkingPoint {
            point,
            text,
            tags: project.talking_point(point)?.tags.clone(),
        },
        Place::Figure { block, field } => {
            let mut changed = figure(project, block)?.clone();
            *field.get_mut(&mut changed) = text;
            Edit::SetFigure {
                block,
                figure: Box::new(changed),
            }
        }
    })
}

/// Every match of `query` in the brief, in reading order.
pub fn find_all(project: &Project, query: &Query) -> Vec<Match> {
    if query.text.is_empty() {
        return Vec::new();
    }
    places(project)
        .into_iter()
        .flat_map(|(place, text, in_excerpt)| {
            find_in_text(&text, query)
                .into_iter()
                .map(move |range| Match {
                    place,
                    range,
                    in_excerpt,
                })
        })
        .collect()
}

/// The byte ranges where `query` occurs in `text`, without overlaps.
pub fn find_in_text(text: &str, query: &Query) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    if query.text.is_empty() {
        return found;
    }
    let mut start = 0;
    while start < text.len() {
        let Some(length) = match_length(&text[start..], &query.text, query.match_case) else {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let range = start..start + length;
        if !query.whole_word || is_whole_word(text, &range) {
            found.push(range.clone());
            start = range.end.max(start + 1);
        } else {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// How many bytes of `haystack`'s start match `needle`, if it starts with it.
fn match_length(haystack: &str, needle: &str, match_case: bool) -> Option<usize> {
    if match_case {
        return haystack.starts_with(needle).then_some(needle.len());
    }
    // Compare lower-case forms character by character, so that letters whose lower case
    // differs in length (İ, ẞ) keep the byte offsets of the original text.
    let mut wanted = needle.chars().flat_map(char::to_lowercase).peekable();
    let mut length = 0;
    for c in haystack.chars() {
        if wanted.peek().is_none() {
            break;
        }
        for lower in c.to_lowercase() {
            if wanted.next() != Some(lower) {
                return None;
            }
        }
        length += c.len_utf8();
    }
    wanted.peek().is_none().then_some(length)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_whole_word(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let first = text[range.clone()].chars().next();
    let last = text[range.clone()].chars().next_back();
    let joins = |outside: Option<char>, inside: Option<char>| matches!((outside, inside), (Some(o), Some(i)) if is_word_char(o) && is_word_char(i));
    !joins(before, first) && !joins(after, last)
}

/// The edits that put `replacement` in place of `matches`: one edit per place, and one
/// per picture for all its fields. Matches in
/// excerpts are skipped unless `include_excerpts`. Matches must come from [`find_all`] on
/// this same project.
pub fn replace_edits(
    project: &Project,
    matches: &[Match],
    replacement: &str,
    include_excerpts: bool,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut index = 0;
    while index < matches.len() {
        let place = matches[index].place;
        let group_end = matches[index..]
            .iter()
            .position(|m| m.place != place)
            .map_or(matches.len(), |offset| index + offset);
        let group: Vec<&Match> = matches[index..group_end]
            .iter()
            .filter(|m| include_excerpts || !m.in_excerpt)
            .collect();
        index = group_end;
        if group.is_empty() {
            continue;
        }
        let Some(text) = place_text(project, place) else {
            continue;
        };
        let mut replaced = String::with_capacity(text.len());
        let mut copied_to = 0;
        for found in group {
            if found.range.start < copied_to || found.range.end > text.len() {
                continue;
            }
            replaced.push_str(&text[copied_to..found.range.start]);
            replaced.push_str(replacement);
            copied_to = found.range.end;
        }
        replaced.push_str(&text[copied_to..]);
        let edit = set_text_edit(project, place, replaced);
        // A picture's fields are one figure: the edits of its caption and its credit
        // become one, or the second, made from the figure as it was, would undo the first.
        match (edits.last_mut(), edit) {
            (
                Some(Edit::SetFigure { block, figure }),
                Some(Edit::SetFigure {
                    block: next_block,
                    figure: next,
                }),
            ) if *block == next_block => {
                if let Place::Figure { field, .. } = place {
                    *field.get_mut(figure) = field.get(&next).to_owned();
                }
            }
            (_, edit) => edits.extend(edit),
        }
    }
    edits
}

#[cfg(test)]
#[path = "find_tests.rs"]
mod tests;
