//! Rebuilding an article from the positioned characters of its PDF pages: characters
//! become lines, lines are put in reading order column by column (a gutter that no line
//! crosses splits a page; a title across both columns is read first), running headers,
//! footers and page numbers are dropped, and lines are joined into paragraphs, with words
//! hyphenated at line ends made whole again.

use std::collections::HashSet;

use super::hyphenation::Hyphenation;
use super::split::RawBlock;
use crate::model::SectionKind;

/// One character (or ligature) as drawn: baseline origin, advance and font size in points.
pub struct Glyph {
    pub x: f32,
    pub y: f32,
    pub advance: f32,
    pub size: f32,
    pub text: String,
    /// The marked content it is drawn in, which the structure tree names.
    pub mcid: Option<i64>,
    /// Drawn as an artifact: a running head, page number or decoration.
    pub artifact: bool,
}

/// The characters of one page, in the order its content stream draws them.
pub struct PageText {
    /// The page's number, from 1.
    pub number: u32,
    pub bottom: f32,
    pub top: f32,
    pub glyphs: Vec<Glyph>,
}

#[derive(Clone, Debug)]
struct Line {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: String,
    /// Starts with a list number or bullet set apart from its text.
    item: bool,
}

/// Share of the page height at top and bottom where running headers and footers sit.
const MARGIN_BAND: f32 = 0.12;

/// What the pages hold: the article's blocks and the running head's publication name.
pub struct PdfText {
    pub blocks: Vec<RawBlock>,
    /// The first part of a running header repeated at the top of the pages ("THE STEPPE
    /// REVIEW | ECONOMY" gives "The Steppe Review"): clippings carry their paper's name there.
    pub publication: Option<String>,
}

/// The article's headings and paragraphs, in reading order.
pub fn article_text(pages: &[PageText]) -> PdfText {
    let mut page_lines: Vec<Vec<Line>> = pages.iter().map(lines_of).collect();

    let running_head = drop_furniture(&mut page_lines, pages);
    PdfText {
        blocks: article_blocks(page_lines),
        publication: running_head.as_deref().and_then(publication_in),
    }
}

fn article_blocks(page_lines: Vec<Vec<Line>>) -> Vec<RawBlock> {
    let groups: Vec<Vec<Line>> = page_lines
        .into_iter()
        .flat_map(|lines| reading_order(lines, 0))
        .collect();
    let body_size = body_size(&groups);
    let hyphenation = Hyphenation::of_lines(groups.iter().flatten().map(|l| l.text.as_str()));
    paragraphs(&groups, body_size, &hyphenation)
}

/// Characters joined into lines: a new line starts where the baseline moves, the pen goes
/// back, or a gap wider than a word space opens (a column gutter or a table cell).
fn lines_of(page: &PageText) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut current: Option<Line> = None;
    let mut pending_space = false;
    for glyph in &page.glyphs {
        if glyph.artifact || !(glyph.size > 0.5 && glyph.x.is_finite() && glyph.y.is_finite()) {
            continue;
        }
        let blank = glyph.text.chars().all(char::is_whitespace);
        if let Some(line) = &mut current {
            let moved = (glyph.y - line.y).abs() > 0.4 * glyph.size.max(line.size)
                || glyph.x < line.x1 - 0.7 * line.size
                || glyph.x > line.x1 + 1.2 * line.size;
            if !moved {
                if blank {
                    pending_space = true;
                    line.x1 = line.x1.max(glyph.x + glyph.advance);
                    continue;
                }
                if (pending_space || glyph.x > line.x1 + 0.15 * glyph.size)
                    && !line.text.ends_with(' ')
                {
                    line.text.push(' ');
                }
                pending_space = false;
                line.text.push_str(&glyph.text);
                line.x1 = line.x1.max(glyph.x + glyph.advance);
                continue;
            }
            lines.extend(current.take());
        }
        pending_space = false;
        if !blank {
            current = Some(Line {
                x0: glyph.x,
                x1: glyph.x + glyph.advance,
                y: glyph.y,
                size: glyph.size,
                text: glyph.text.clone(),
                item: false,
            });
        }
    }
    lines.extend(current);
    let lines: Vec<Line> = lines
        .into_iter()
        .filter_map(|mut line| {
            line.text = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
            // A bullet set close to its text is in the same line: it marks an item.
            if let Some((first, rest)) = line.text.split_once(' ')
                && is_bullet(first)
                && first != "-"
                && first != "–"
            {
                line.text = rest.to_owned();
                line.item = true;
            }
            (!line.text.is_empty()).then_some(line)
        })
        .collect();
    attach_list_markers(lines)
}

/// A list number or bullet set apart from its item ("1." then the text at a tab stop) is
/// joined to the item on its baseline.
fn attach_list_markers(lines: Vec<Line>) -> Vec<Line> {
    let mut markers: Vec<Line> = Vec::new();
    let mut others: Vec<Line> = Vec::new();
    for line in lines {
        if is_list_marker(&line.text) {
            markers.push(line);
        } else {
            others.push(line);
        }
    }
    for marker in markers {
        // Browsers set a bullet a little off the text's baseline, and further from it.
        let item = others.iter_mut().find(|line| {
            (line.y - marker.y).abs() < 0.5 * line.size
                && line.x0 >= marker.x1
                && line.x0 - marker.x1 < 6.0 * line.size
        });
        match item {
            Some(item) => {
                // A number is part of the item; a bullet is decoration.
                if !is_bullet(&marker.text) {
                    item.text = format!("{} {}", marker.text, item.text);
                }
                item.x0 = marker.x0;
                item.item = true;
            }
            // A bullet with no text beside it is decoration.
            None if is_bullet(&marker.text) => {}
            None => others.push(marker),
        }
    }
    others
}

/// A bullet as word processors and browsers draw it, Symbol and Wingdings' private-use
/// ones included.
fn is_bullet(text: &str) -> bool {
    matches!(
        text,
        "•" | "◦" | "▪" | "■" | "●" | "○" | "–" | "-" | "*" | "\u{f0b7}" | "\u{f0a7}" | "\u{f076}"
    )
}

fn is_list_marker(text: &str) -> bool {
    let inner = text.trim_start_matches('(').trim_end_matches(['.', ')']);
    is_bullet(text)
        || (text.len() > inner.len()
            && !inner.is_empty()
            && inner.len() <= 3
            && (inner.chars().all(|c| c.is_ascii_digit())
                || inner.chars().all(|c| c.is_ascii_lowercase())))
}

/// Drops lines in the top and bottom bands that repeat (digits aside) on at least half of
/// the pages, and page numbers there. Returns the first repeated line at the top.
fn drop_furniture(page_lines: &mut [Vec<Line>], pages: &[PageText]) -> Option<String> {
    let in_band = |line: &Line, page: &PageText| {
        let band = (page.top - page.bottom) * MARGIN_BAND;
        line.y > page.top - band || line.y < page.bottom + band
    };
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    for (lines, page) in page_lines.iter().zip(pages) {
        let keys: HashSet<String> = lines
            .iter()
            .filter(|line| in_band(line, page))
            .map(|line| furniture_key(&line.text))
            .collect();
        for key in keys {
            *seen.entry(key).or_default() += 1;
        }
    }
    let repeated = |key: &str| {
        let count = seen.get(key).copied().unwrap_or(0);
        page_lines.len() >= 2 && count >= 2 && count * 2 >= page_lines.len()
    };
    let repeated: HashSet<String> = seen.keys().filter(|k| repeated(k)).cloned().collect();
    let running_head = page_lines
        .first()
        .zip(pages.first())
        .and_then(|(lines, page)| {
            let band = (page.top - page.bottom) * MARGIN_BAND;
            lines
                .iter()
                .filter(|line| {
                    line.y > page.top - band && repeated.contains(&furniture_key(&line.text))
                })
                // The topmost line, and on it the leftmost part: "Steppe Review", not
                // the section name set flush right.
                .max_by(|a, b| a.y.total_cmp(&b.y).then(b.x0.total_cmp(&a.x0)))
                .map(|line| line.text.clone())
        });
    let set_apart = set_apart_lines(page_lines, pages);
    for ((lines, page), apart) in page_lines.iter_mut().zip(pages).zip(set_apart) {
        let mut index = 0;
        lines.retain(|line| {
            let furniture = in_band(line, page)
                && (repeated.contains(&furniture_key(&line.text))
                    || is_page_number(&line.text)
                    || apart.contains(&index));
            index += 1;
            !furniture
        });
    }
    running_head
}

/// The lines of each page that stand apart above or below its text, as a running head or
/// foot does when it appears on one page only (a two-page article whose first page has
/// none): short, no larger than the text, and set off from it by well over a line.
fn set_apart_lines(page_lines: &[Vec<Line>], pages: &[PageText]) -> Vec<HashSet<usize>> {
    let all: Vec<&Line> = page_lines.iter().flatten().collect();
    let body = median(all.iter().map(|l| l.size).collect()).unwrap_or(10.0);
    let mut result = Vec::new();
    for (number, (lines, page)) in page_lines.iter().zip(pages).enumerate() {
        let mut apart = HashSet::new();
        let band = (page.top - page.bottom) * MARGIN_BAND;
        for (index, line) in lines.iter().enumerate() {
            let short = line.text.split_whitespace().count() <= 8
                && !line.text.ends_with(['.', ',', ';', ':', '?', '!'])
                && line.size <= body * 1.05;
            if !short {
                continue;
            }
            let others = lines
                .iter()
                .filter(|o| (o.y - line.y).abs() > 0.5 * line.size);
            let (mut below, mut above) = (f32::INFINITY, f32::INFINITY);
            for other in others {
                if other.y < line.y {
                    below = below.min(line.y - other.y);
                } else {
                    above = above.min(other.y - line.y);
                }
            }
            let head = line.y > page.top - band && above.is_infinite() && below > 2.2 * body;
            // The first page's top holds the title and byline, not a running head.
            let head = head && number > 0;
            let foot = line.y < page.bottom + band && below.is_infinite() && above > 2.2 * body;
            if head || foot {
                apart.insert(index);
            }
        }
        result.push(apart);
    }
    result
}

/// The first part of a running head that is a name: not a date, section number or page.
fn publication_in(running_head: &str) -> Option<String> {
    let part = running_head
        .split(['|', '·', '•', '—', '–'])
        .map(str::trim)
        .find(|part| !part.is_empty())?;
    let words = part.split_whitespace().count();
    let is_name = (1..=6).contains(&words)
        && part.chars().any(char::is_alphabetic)
        && !part.chars().any(|c| c.is_ascii_digit());
    if !is_name {
        return None;
    }
    if part.chars().any(char::is_lowercase) {
        return Some(part.to_owned());
    }
    // Running heads are often set in capitals; the name is not.
    let titled = part
        .split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some(titled)
}

/// The text with digits made alike, so that "Page 2 of 5" matches "Page 3 of 5".
fn furniture_key(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn is_page_number(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | '/'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    !words.is_empty()
        && words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()))
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_ascii_digit()) || matches!(w.as_str(), "page" | "p." | "of")
        })
}

/// Groups of lines in reading order. A gutter splits the page into columns, read left to
/// right within each band between lines that cross the gutter (a title over both columns).
fn reading_order(mut lines: Vec<Line>, depth: usize) -> Vec<Vec<Line>> {
    lines.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let Some((gutter_left, gutter_right)) = (depth < 3).then(|| gutter(&lines)).flatten() else {
        return if lines.is_empty() {
            Vec::new()
        } else {
            vec![lines]
        };
    };
    let mut groups = Vec::new();
    let (mut left, mut right, mut spanning) = (Vec::new(), Vec::new(), Vec::new());
    for line in lines {
        if line.x0 < gutter_left && line.x1 > gutter_right {
            flush_band(&mut groups, &mut left, &mut right, depth);
            spanning.push(line);
            continue;
        }
        if !spanning.is_empty() {
            groups.push(std::mem::take(&mut spanning));
        }
        if line.x1 <= gutter_right {
            left.push(line);
        } else {
            right.push(line);
        }
    }
    flush_band(&mut groups, &mut left, &mut right, depth);
    if !spanning.is_empty() {
        groups.push(spanning);
    }
    groups
}

fn flush_band(
    groups: &mut Vec<Vec<Line>>,
    left: &mut Vec<Line>,
    right: &mut Vec<Line>,
    depth: usize,
) {
    groups.extend(reading_order(std::mem::take(left), depth + 1));
    groups.extend(reading_order(std::mem::take(right), depth + 1));
}

/// The widest vertical strip in the middle of the text that (almost) no line crosses, with
/// lines on both sides of it.
fn gutter(lines: &[Line]) -> Option<(f32, f32)> {
    if lines.len() < 6 {
        return None;
    }
    let left = lines.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min);
    let right = lines.iter().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max);
    let width = right - left;
    if !(width.is_finite() && width > 20.0) {
        return None;
    }
    let buckets = (width.ceil() as usize).min(4000);
    let scale = buckets as f32 / width;
    let mut coverage = vec![0usize; buckets + 1];
    for line in lines {
        let from = ((line.x0 - left) * scale) as usize;
        let to = (((line.x1 - left) * scale) as usize).min(buckets);
        for count in &mut coverage[from.min(to)..to] {
            *count += 1;
        }
    }
    let allowed = (lines.len() / 10).max(1);
    let (from, to) = (
        (buckets as f32 * 0.15) as usize,
        (buckets as f32 * 0.85) as usize,
    );
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for (index, &count) in coverage.iter().enumerate().take(to).skip(from) {
        match (count <= allowed, start) {
            (true, None) => start = Some(index),
            (false, Some(begin)) => {
                if best.is_none_or(|(a, b)| index - begin > b - a) {
                    best = Some((begin, index));
                }
                start = None;
            }
            _ => {}
        }
    }
    let (begin, end) = best?;
    let (gutter_left, gutter_right) = (left + begin as f32 / scale, left + end as f32 / scale);
    let body = median(lines.iter().map(|l| l.size).collect())?;
    let either_side = |side: &dyn Fn(&Line) -> bool| lines.iter().filter(|l| side(l)).count() >= 3;
    (gutter_right - gutter_left >= (0.8 * body).max(4.0)
        && either_side(&|l| l.x1 <= gutter_right)
        && either_side(&|l| l.x0 >= gutter_left))
    .then_some((gutter_left, gutter_right))
}

fn median(mut values: Vec<f32>) -> Option<f32> {
    values.sort_by(f32::total_cmp);
    values.get(values.len() / 2).copied()
}

/// The size most of the text is set in, weighted by characters.
fn body_size(groups: &[Vec<Line>]) -> f32 {
    let mut sizes: std::collections::HashMap<i32, usize> = Default::default();
    for line in groups.iter().flatten() {
        *sizes.entry((line.size * 2.0).round() as i32).or_default() += line.text.len();
    }
    sizes
        .into_iter()
        .max_by_key(|(size, count)| (*count, -size))
        .map_or(10.0, |(size, _)| size as f32 / 2.0)
}

fn paragraphs(groups: &[Vec<Line>], body_size: f32, hyphenation: &Hyphenation) -> Vec<RawBlock> {
    let leading = typical_leading(groups, body_size);
    let is_heading = |line: &Line| line.size >= body_size * 1.12;
    let mut blocks: Vec<(RawBlock, f32)> = Vec::new();
    let mut previous: Option<(&Line, f32, f32)> = None;
    for group in groups {
        let left = group.iter().map(|l| l.x0).fold(f32::INFINITY, f32::min);
        let right = group.iter().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max);
        let width = right - left;
        let mut above: Option<&Line> = None;
        for line in group {
            let starts = match previous {
                None => true,
                Some((prev, prev_right, prev_width)) => {
                    let short = prev.x1 < prev_right - 0.25 * prev_width
                        || prev.x1 < prev_right - 3.0 * prev.size
                            && prev.text.ends_with(['.', '!', '?', ':', '"', '”', '’']);
                    let gap = above.is_some_and(|a| {
                        a.y - line.y > 1.2 * leading * (line.size / body_size).max(1.0)
                    });
                    // A first-line indent, measured from the line above in a column and
                    // from the column's edge after a column or page break.
                    let indent = match above {
                        // Under a list item the text hangs indented past its number.
                        Some(above) => line.x0 > above.x0 + 0.6 * line.size && !above.item,
                        None => line.x0 > left + 0.6 * line.size,
                    };
                    // A heading's lines are short by nature: only a change of size, a gap
                    // or the body's start ends it.
                    let heading_goes_on = is_heading(prev) && is_heading(line);
                    is_heading(prev) != is_heading(line)
                        || (prev.size - line.size).abs() > 0.06 * line.size
                        || (indent && !heading_goes_on)
                        || line.item
                        || (short && !heading_goes_on)
                        || gap
                }
            };
            match blocks.last_mut() {
                Some((block, _)) if !starts => hyphenation.join(&mut block.text, &line.text),
                _ => blocks.push((
                    RawBlock {
                        kind: if is_heading(line) {
                            SectionKind::Heading
                        } else {
                            SectionKind::Paragraph
                        },
                        text: line.text.clone(),
                        figure: None,
                    },
                    line.size,
                )),
            }
            previous = Some((line, right, width));
            above = Some(line);
        }
    }
    blocks.into_iter().map(|(block, _)| block).collect()
}

/// The usual distance between baselines of body text.
fn typical_leading(groups: &[Vec<Line>], body_size: f32) -> f32 {
    let gaps: Vec<f32> = groups
        .iter()
        .flat_map(|group| group.windows(2))
        .filter(|pair| {
            (pair[0].size - body_size).abs() < 0.5 && (pair[1].size - body_size).abs() < 0.5
        })
        .map(|pair| pair[0].y - pair[1].y)
        .filter(|gap| *gap > 0.0)
        .collect();
    median(gaps).unwrap_or(body_size * 1.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_recognised() {
        for number in ["3", "Page 3", "Page 3 of 12", "- 4 -", "12 | 40"] {
            assert!(is_page_number(number), "{number}");
        }
        for text in ["Chapter", "3 ships", "2026 budget"] {
            assert!(!is_page_number(text), "{text}");
        }
    }
}
