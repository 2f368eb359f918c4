//! Cutting what a page never shows as text (scripts, styles, `<noscript>`, `<template>`,
//! SVG drawings and comments) out of its source before it is parsed. News pages carry
//! megabytes of inline script; the HTML parser and the reader view need not walk it.
//! JSON-LD scripts stay: they hold the article's metadata.

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
    fn unclosed_elements_run_to_the_end_and_plain_pages_are_not_copied() {
        assert_eq!(strip_inert("<p>a</p><script>while(1)"), "<p>a</p>");
        assert_eq!(strip_inert("<p>a</p><!-- open"), "<p>a</p>");
        assert!(matches!(strip_inert("<p>a < b</p>"), Cow::Borrowed(_)));
    }
}
