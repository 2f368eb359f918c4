//! Inline markup inside paragraphs: **bold**, *italic* and links, read with pulldown-cmark.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A run of text with one set of inline styles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineSpan {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

/// Splits inline Markdown into styled spans. Block-level syntax is read as plain text,
/// so a paragraph that starts with "1." or "#" stays what the officer typed.
pub fn parse_inline(markdown: &str) -> Vec<InlineSpan> {
    let mut spans: Vec<InlineSpan> = Vec::new();
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut link: Option<String> = None;
    // Escaping the block markers keeps pulldown-cmark to inline parsing only.
    let escaped = escape_block_syntax(markdown);
    let parser = Parser::new_ext(&escaped, Options::ENABLE_STRIKETHROUGH);
    let push =
        |spans: &mut Vec<InlineSpan>, text: &str, bold: u32, italic: u32, link: &Option<String>| {
            if let Some(last) = spans.last_mut()
                && last.bold == (bold > 0)
                && last.italic == (italic > 0)
                && last.link == *link
            {
                last.text.push_str(text);
                return;
            }
            spans.push(InlineSpan {
                text: text.to_owned(),
                bold: bold > 0,
                italic: italic > 0,
                link: link.clone(),
            });
        };
    for event in parser {
        match event {
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => link = Some(dest_url.into_string()),
            Event::End(TagEnd::Link) => link = None,
            Event::Text(text) | Event::Code(text) => push(&mut spans, &text, bold, italic, &link),
            Event::SoftBreak | Event::HardBreak => push(&mut spans, " ", bold, italic, &link),
            Event::End(TagEnd::Paragraph) if spans.last().is_some() => {
                push(&mut spans, " ", bold, italic, &link)
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                push(&mut spans, &html, bold, italic, &link)
            }
            _ => {}
        }
    }
    if let Some(last) = spans.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
    }
    spans.retain(|s| !s.text.is_empty());
    spans
}

/// The text without markup, as a reader sees it.
pub fn plain_text(markdown: &str) -> String {
    parse_inline(markdown).into_iter().map(|s| s.text).collect()
}

fn escape_block_syntax(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 8);
    for (i, line) in markdown.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        out.push_str(if indent.len() >= 4 { "" } else { indent });
        let digits = list_number_digits(trimmed);
        if digits > 0 {
            // "1." would start an ordered list; escaping the dot keeps it as text.
            out.push_str(&trimmed[..digits]);
            out.push('\\');
            out.push_str(&trimmed[digits..]);
            continue;
        }
        if let Some(first) = trimmed.chars().next()
            && matches!(first, '#' | '>' | '-' | '+' | '*' | '=' | '|' | '`' | '~')
            && !(first == '*'
                && trimmed
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c == '*' || !c.is_whitespace()))
        {
            out.push('\\');
        }
        out.push_str(trimmed);
    }
    out
}

/// The number of leading digits if the line starts like an ordered list item ("1." or "2)").
fn list_number_digits(line: &str) -> usize {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(line[digits..].chars().next(), Some('.') | Some(')')) {
        digits
    } else {
        0
    }
}

/// `text` cut to at most `max_chars` characters, with "…" when cut: for messages that
/// quote what the user wrote, which may be a megabyte long.
pub fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}\u{2026}", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_italic_and_links_become_spans() {
        let spans = parse_inline("**Trade.** Grew *fast*, see [the report](https://example.org).");
        let summary: Vec<(&str, bool, bool, Option<&str>)> = spans
            .iter()
            .map(|s| (s.text.as_str(), s.bold, s.italic, s.link.as_deref()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("Trade.", true, false, None),
                (" Grew ", false, false, None),
                ("fast", false, true, None),
                (", see ", false, false, None),
                ("the report", false, false, Some("https://example.org")),
                (".", false, false, None),
            ]
        );
    }

    #[test]
    fn block_syntax_stays_literal() {
        assert_eq!(plain_text("1. First"), "1. First");
        assert_eq!(plain_text("# not a heading"), "# not a heading");
        assert_eq!(plain_text("- not a list"), "- not a list");
        assert_eq!(plain_text("    indented code"), "indented code");
    }

    #[test]
    fn unicode_passes_through() {
        assert_eq!(
            plain_text("Қазақстан — “Astana” ₸"),
            "Қазақстан — “Astana” ₸"
        );
    }
}
