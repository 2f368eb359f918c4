//! Splitting an article's body into headings and paragraphs.

use crate::model::SectionKind;

/// A heading or paragraph found in the text, before metadata is picked out.
#[derive(Debug, Clone, PartialEq)]
pub struct RawBlock {
    pub kind: SectionKind,
    pub text: String,
    /// The picture a figure block shows.
    pub figure: Option<crate::model::SourceFigure>,
}

/// Splits text at blank lines. Lines inside a paragraph are joined with spaces, since
/// articles copied from the web or email are often hard-wrapped. Markdown headings
/// (`#`) and setext underlines become headings; other Markdown is kept as typed.
pub fn split_blocks(text: &str, is_markdown: bool) -> Vec<RawBlock> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let flush = |lines: &mut Vec<&str>, blocks: &mut Vec<RawBlock>| {
        if !lines.is_empty() {
            let joined = normalise_spaces(&lines.join(" "));
            if !joined.is_empty() {
                blocks.push(RawBlock {
                    kind: SectionKind::Paragraph,
                    text: joined,
                    figure: None,
                });
            }
            lines.clear();
        }
    };
    for line in text.split('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut lines, &mut blocks);
            continue;
        }
        if is_markdown {
            if let Some(heading) = atx_heading(trimmed) {
                flush(&mut lines, &mut blocks);
                blocks.push(RawBlock {
                    kind: SectionKind::Heading,
                    text: normalise_spaces(heading),
                    figure: None,
                });
                continue;
            }
            if lines.len() == 1
                && !trimmed.is_empty()
                && (trimmed.chars().all(|c| c == '=') || trimmed.chars().all(|c| c == '-'))
            {
                let heading = normalise_spaces(lines[0]);
                lines.clear();
                blocks.push(RawBlock {
                    kind: SectionKind::Heading,
                    text: heading,
                    figure: None,
                });
                continue;
            }
        }
        lines.push(trimmed);
    }
    flush(&mut lines, &mut blocks);
    blocks
}

fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        Some(line[hashes..].trim().trim_end_matches('#').trim())
    } else {
        None
    }
}

/// Collapses runs of whitespace (including no-break and zero-width spaces) into one space.
fn normalise_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            pending_space = !out.is_empty();
        } else if c.is_control() {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let blocks = split_blocks("One line\nand more.\n\n\nSecond   para.\r\n", false);
        assert_eq!(
            blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(),
            ["One line and more.", "Second para."]
        );
    }

    #[test]
    fn markdown_headings_are_found() {
        let blocks = split_blocks("# Title\n\nBody text.\n\nSub\n---\n\nMore.", true);
        let kinds: Vec<SectionKind> = blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                SectionKind::Heading,
                SectionKind::Paragraph,
                SectionKind::Heading,
                SectionKind::Paragraph
            ]
        );
        assert_eq!(blocks[2].text, "Sub");
    }

    #[test]
    fn plain_text_hash_lines_are_not_headings() {
        assert_eq!(
            split_blocks("# not markdown", false)[0].kind,
            SectionKind::Paragraph
        );
    }
}
