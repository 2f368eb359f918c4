//! A tagged PDF's article, paragraph by paragraph as its structure tree says
//! ([`super::pdf_structure`]), with each paragraph's text taken from the characters its
//! marked content draws: lines joined with a space, or made one word again where a line
//! ends in a hyphen the layout added.
//!
//! The tree is checked against the page before it is trusted: its paragraphs, headings,
//! list items and captions must hold most of the text the pages draw (running heads and
//! other artifacts aside). A tree that a producer filled with loose text, or that points
//! at content the pages do not draw, is set aside for the geometry of
//! [`super::pdf_layout`].

use std::collections::HashMap;

use super::hyphenation::Hyphenation;
use super::pdf_layout::{Glyph, PageText};
use super::pdf_structure::{Role, StructBlock};
use super::split::RawBlock;
use crate::model::SectionKind;

/// Share of the pages' text the tree's blocks must hold for the tree to be used.
const MIN_COVERAGE: f32 = 0.6;
/// Most words in a kicker or section label set above a title ("ECONOMY", "OPINION").
const KICKER_WORDS: usize = 4;

/// The article's blocks in the tree's order, or `None` when the tree cannot be trusted.
pub fn article_blocks(tree: &[StructBlock], pages: &[PageText]) -> Option<Vec<RawBlock>> {
    let mut drawn: HashMap<(u32, i64), Vec<&Glyph>> = HashMap::new();
    let mut total = 0usize;
    for page in pages {
        for glyph in &page.glyphs {
            if glyph.artifact {
                continue;
            }
            total += visible_chars(&glyph.text);
            if let Some(mcid) = glyph.mcid {
                drawn.entry((page.number, mcid)).or_default().push(glyph);
            }
        }
    }
    let texts: Vec<(Role, bool, Vec<String>)> = tree
        .iter()
        .map(|block| {
            let glyphs: Vec<&Glyph> = block
                .content
                .iter()
                .filter_map(|key| drawn.get(key))
                .flatten()
                .copied()
                .collect();
            (block.role, block.in_article, lines_of(&glyphs))
        })
        .collect();
    let covered: usize = texts
        .iter()
        .filter(|(role, ..)| *role != Role::Loose)
        .flat_map(|(_, _, lines)| lines)
        .map(|line| visible_chars(line))
        .sum();
    let has_paragraphs = texts
        .iter()
        .any(|(role, _, lines)| *role == Role::Paragraph && !lines.is_empty());
    if total == 0 || !has_paragraphs || (covered as f32) < MIN_COVERAGE * total as f32 {
        return None;
    }
    let hyphenation =
        Hyphenation::of_lines(texts.iter().flat_map(|(_, _, l)| l).map(String::as_str));
    let mut blocks: Vec<RawBlock> = Vec::new();
    for (role, in_article, lines) in texts {
        let Some((first, rest)) = lines.split_first() else {
            continue;
        };
        let mut text = first.clone();
        for line in rest {
            hyphenation.join(&mut text, line);
        }
        let kind = match role {
            _ if !in_article => continue,
            Role::Loose => continue,
            Role::Heading(_) => SectionKind::Heading,
            Role::Paragraph | Role::ListItem => SectionKind::Paragraph,
            Role::Caption => SectionKind::Boilerplate,
        };
        blocks.push(RawBlock {
            kind,
            text,
            figure: None,
        });
    }
    drop_kickers(&mut blocks);
    Some(blocks)
}

/// Drops the short labels a page sets above the title ("ECONOMY"): the title is the
/// first heading, and nothing short before it is article.
fn drop_kickers(blocks: &mut Vec<RawBlock>) {
    let Some(title) = blocks
        .iter()
        .take(4)
        .position(|b| b.kind == SectionKind::Heading)
    else {
        return;
    };
    let mut index = 0;
    blocks.retain(|block| {
        let keep = index >= title || block.text.split_whitespace().count() > KICKER_WORDS;
        index += 1;
        keep
    });
}

fn visible_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// The lines a block's characters make, in drawing order: a new line starts where the
/// baseline moves or the pen goes back. Spaces come from space characters and from gaps
/// wider than a word space.
fn lines_of(glyphs: &[&Glyph]) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut pen: Option<(f32, f32, f32)> = None; // y, x where the last glyph ended, size
    let mut pending_space = false;
    for glyph in glyphs {
        if !(glyph.size > 0.5 && glyph.x.is_finite() && glyph.y.is_finite()) {
            continue;
        }
        let blank = glyph.text.chars().all(char::is_whitespace);
        if let Some((y, end, size)) = pen {
            let size = size.max(glyph.size);
            let new_line = (glyph.y - y).abs() > 0.5 * size || glyph.x < end - 1.5 * size;
            if new_line {
                let line = current.split_whitespace().collect::<Vec<_>>().join(" ");
                if !line.is_empty() {
                    lines.push(line);
                }
                current.clear();
            } else if !blank
                && (pending_space || glyph.x > end + 0.15 * glyph.size)
                && !current.ends_with(' ')
            {
                current.push(' ');
            }
        }
        if blank {
            pending_space = true;
        } else {
            pending_space = false;
            current.push_str(&glyph.text);
        }
        pen = Some((glyph.y, glyph.x + glyph.advance, glyph.size));
    }
    let line = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
