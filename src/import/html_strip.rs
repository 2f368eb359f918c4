//! Cutting what a page never shows as text (scripts, styles, `<noscript>`, `<template>`,
//! SVG drawings and comments) out of its source before it is parsed. News pages carry
//! megabytes of inline script; the HTML parser and the reader view need not walk it.
//! JSON-LD scripts stay: they hold the article's metadata.
//!
//! Also flattening what nests too deep ([`limit_depth`]): the reader view (dom_smoothie
//! over dom_query) counts the text under every node, node by node, so its time grows with
//! the square of the nesting; 2,000 nested `<div>`s took 27 s.

use std::borrow::Cow;

const INERT: [&str; 5] = ["script", "style", "noscript", "template", "svg"];

/// `html` without its inert elements and comments.
pub fn strip_inert(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset;
        let rest = &bytes[start + 1..];
        let end = if rest.starts_with(b"!--") {
            find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3)
        } else if let Some(name) = INERT.iter().find(|name| opens(rest, name)) {
            let tag_end = find(bytes, start, b">").map_or(bytes.len(), |e| e + 1);
            if *name == "script" && contains_ignoring_case(&bytes[start..tag_end], b"ld+json") {
                at = tag_end;
                continue;
            }
            let closing = format!("</{name}");
            match find_ignoring_case(bytes, tag_end, closing.as_bytes()) {
                Some(close) => find(bytes, close, b">").map_or(bytes.len(), |e| e + 1),
                None => bytes.len(),
            }
        } else {
            at = start + 1;
            continue;
        };
        out.push_str(&html[copied..start]);
        copied = end;
        at = end;
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Elements that never hold content, so never nest.
const VOID: [&str; 15] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements kept past the depth limit, because they make paragraphs, headings, lists and
/// tables of the text inside.
const SHAPES_TEXT: [&str; 21] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "pre",
    "blockquote",
];
/// How much deeper than the limit those may still nest.
const SHAPE_DEPTH_ALLOWANCE: usize = 32;

/// Elements inside a line of text: left out, they leave nothing between their words.
const INLINE: [&str; 17] = [
    "a", "abbr", "b", "cite", "code", "em", "font", "i", "mark", "q", "s", "small", "span",
    "strong", "sub", "sup", "u",
];

/// Start tags that close an open `<p>`, as the HTML parser does.
const CLOSES_P: [&str; 29] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "ul",
];

/// `html` with every start tag deeper than `max_depth` open elements left out, and its
/// end tag with it; the text inside stays, in the element at the limit. Nesting is counted
/// as the HTML parser would build it, near enough: void elements do not nest, and a new
/// `<p>`, `<li>`, `<td>`, `<tr>`, `<dt>`, `<dd>` or `<option>` closes the open one, so a page
/// of unclosed paragraphs is not taken for a deep one.
pub fn limit_depth(html: &str, max_depth: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut open = OpenElements::default();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset;
        let Some((inner_end, end)) = tag_end(bytes, start) else {
            break;
        };
        at = end;
        let inner = &html[start + 1..inner_end];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/' && *c != '>')
            .flat_map(char::to_lowercase)
            .collect();
        // Text such as "a < b", comments, doctypes and CDATA are not elements.
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let drop = if closing {
            // The end tag of an element left out goes with it.
            open.close(&name).is_some_and(|kept| !kept)
        } else {
            // "<div/>" is not self-closing in HTML: the parser opens a div, so only the
            // void elements are skipped, whatever their slash says.
            if VOID.contains(&name.as_str()) {
                continue;
            }
            open.close_implied(&name);
            // Past the limit only the elements that give text its shape are kept (the
            // paragraphs inside a deep stack of wrappers), up to a second, hard limit.
            let keeps_shape = SHAPES_TEXT.contains(&name.as_str())
                && open.depth < max_depth + SHAPE_DEPTH_ALLOWANCE;
            let kept = open.depth < max_depth || keeps_shape;
            open.push(name.clone(), kept);
            !kept
        };
        if drop {
            out.push_str(&html[copied..start]);
            // A block's edge separates words; an inline element's does not.
            if !INLINE.contains(&name.as_str()) {
                out.push(' ');
            }
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// How far back an end tag looks for the element it closes. The HTML parser looks
/// through all open elements; this bounds the scan, so that a page of stray end tags over
/// a huge stack of left-out ones costs no more than a page of ordinary ones.
const END_TAG_REACH: usize = 4096;

/// The open elements, those kept and those left out, in order.
#[derive(Default)]
struct OpenElements {
    /// Name and whether it is kept.
    stack: Vec<(String, bool)>,
    /// How many of them are kept: the nesting the HTML parser will see.
    depth: usize,
}

impl OpenElements {
    fn push(&mut self, name: String, kept: bool) {
        self.depth += usize::from(kept);
        self.stack.push((name, kept));
    }

    /// The innermost open element among `names`, within reach, unless one of `boundary`
    /// is open inside it.
    fn find(&self, names: &[&str], boundary: &[&str]) -> Option<usize> {
        let reach = self.stack.len().saturating_sub(END_TAG_REACH);
        let index = self.stack[reach..]
            .iter()
            .rposition(|(open, _)| names.contains(&open.as_str()))?
            + reach;
        let blocked = self.stack[index + 1..]
            .iter()
            .any(|(open, _)| boundary.contains(&open.as_str()));
        (!blocked).then_some(index)
    }

    /// Closes from `index` in; returns whether the element at `index` was kept.
    fn truncate(&mut self, index: usize) -> bool {
        let kept = self.stack.get(index).is_some_and(|(_, kept)| *kept);
        for (_, was_kept) in self.stack.drain(index..) {
            self.depth -= usize::from(was_kept);
        }
        kept
    }

    /// Closes the innermost open `name`, and what is open inside it; `None` when none
    /// is open, otherwise whether it was kept.
    fn close(&mut self, name: &str) -> Option<bool> {
        let index = self.find(&[name], &[])?;
        Some(self.truncate(index))
    }

    /// Closes what a start tag `name` closes implicitly.
    fn close_implied(&mut self, name: &str) {
        let closes: &[&str] = match name {
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "td" | "th" => &["td", "th"],
            "tr" => &["tr", "td", "th"],
            "option" => &["option"],
            _ => &[],
        };
        let boundary = ["ul", "ol", "dl", "table", "select", "div", "body"];
        if !closes.is_empty()
            && let Some(index) = self.find(closes, &boundary)
        {
            self.truncate(index);
        }
        if CLOSES_P.contains(&name) || name == "li" {
            let scope = ["table", "td", "th", "button", "object", "marquee", "applet"];
            if let Some(index) = self.find(&["p"], &scope) {
                self.truncate(index);
            }
        }
    }
}

/// Where the inside of the tag that starts at `start` ends, and where reading goes on:
/// after its `>` (skipping `>` inside quoted attribute values), or at the next `<` when it
/// was not a tag. `None` when the page ends first.
fn tag_end(bytes: &[u8], start: usize) -> Option<(usize, usize)> {
    let mut quote = None;
    // A quote opens a value only right after "=", as in the HTML tokenizer.
    let mut after_equals = false;
    for (offset, &byte) in bytes[start + 1..].iter().enumerate() {
        let here = start + 1 + offset;
        let was_after_equals = after_equals;
        if !byte.is_ascii_whitespace() {
            after_equals = byte == b'=' && quote.is_none();
        }
        match (quote, byte) {
            (None, b'"' | b'\'') if was_after_equals => quote = Some(byte),
            (Some(q), _) if q == byte => quote = None,
            (None, b'>') => return Some((here, here + 1)),
            (None, b'<') => return Some((here, here)),
            _ => {}
        }
    }
    None
}

/// Whether `rest` (what follows a `<`) opens the element `name`.
fn opens(rest: &[u8], name: &str) -> bool {
    rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        && matches!(
            rest[name.len()],
            b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
        )
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|p| p + from)
}

fn find_ignoring_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

fn contains_ignoring_case(bytes: &[u8], needle: &[u8]) -> bool {
    find_ignoring_case(bytes, 0, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_and_comments_go_and_json_ld_stays() {
        let page = "<p>One</p><SCRIPT src=x>var a = '<p>no</p>';</script><style>p{}</style>\
                    <!-- note --><script type=\"application/ld+json\">{\"a\":1}</script>\
                    <svg><title>Logo</title></svg><p>Twó</p><scripted>kept</scripted>";
        assert_eq!(
            strip_inert(page),
            "<p>One</p><script type=\"application/ld+json\">{\"a\":1}</script>\
             <p>Twó</p><scripted>kept</scripted>"
        );
    }

    #[test]
    fn nesting_past_the_limit_is_flattened_and_its_text_kept() {
        let deep = format!(
            "{}<p>one</p><p>t<b>w</b>o</p>{}",
            "<div class=\"a>b\">".repeat(6),
            "</div>".repeat(6)
        );
        let flat = limit_depth(&deep, 3);
        assert_eq!(
            flat,
            format!(
                // Past the limit, inline elements go and their words stay whole.
                "{}   <p>one</p><p>two</p>   {}",
                "<div class=\"a>b\">".repeat(3),
                "</div>".repeat(3)
            )
        );
        // Unclosed paragraphs and list items are siblings, not nesting.
        let sloppy = format!("<ul>{}</ul>{}", "<li>item".repeat(50), "<p>para".repeat(50));
        assert!(matches!(limit_depth(&sloppy, 3), Cow::Borrowed(_)));
        assert!(matches!(
            limit_depth("<p>a<br>b<img src=x/></p>", 1),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn unclosed_elements_run_to_the_end_and_plain_pages_are_not_copied() {
        assert_eq!(strip_inert("<p>a</p><script>while(1)"), "<p>a</p>");
        assert_eq!(strip_inert("<p>a</p><!-- open"), "<p>a</p>");
        assert!(matches!(strip_inert("<p>a < b</p>"), Cow::Borrowed(_)));
    }
}
