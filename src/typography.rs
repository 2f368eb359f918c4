//! Typographic quotes: a straight ' or " typed or pasted into the brief prints as the
//! curly quote the template's own text uses (‘ ’ “ ”), so "Minister's" never stands
//! beside "Minister’s" on one page. English quotes for the brief's English variants.
//! A leaf: it imports nothing from the crate.

use std::borrow::Cow;

/// Whether a quote after `previous` opens (rather than closes or is an apostrophe).
fn opens_after(previous: Option<char>) -> bool {
    match previous {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | '\u{201c}' | '\u{2018}'
                )
        }
    }
}

/// The curly quote for a straight `quote` after `previous`, or `None` when `quote` is not
/// a straight quote.
pub fn curly(quote: char, previous: Option<char>) -> Option<char> {
    let opening = opens_after(previous);
    match quote {
        '\'' => Some(if opening { '\u{2018}' } else { '\u{2019}' }),
        '"' => Some(if opening { '\u{201c}' } else { '\u{201d}' }),
        _ => None,
    }
}

/// `text` with its straight quotes curled.
pub fn curly_quotes(text: &str) -> Cow<'_, str> {
    curly_quotes_after(text, None)
}

/// `text`, which follows `previous` (the end of the span before it), with its straight
/// quotes curled.
pub fn curly_quotes_after(text: &str, mut previous: Option<char>) -> Cow<'_, str> {
    if !text.contains(['\'', '"']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        let shown = curly(c, previous).unwrap_or(c);
        out.push(shown);
        previous = Some(shown);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_and_quotes_curl_the_right_way() {
        assert_eq!(curly_quotes("Minister's"), "Minister\u{2019}s");
        assert_eq!(
            curly_quotes("the 'water' talks"),
            "the \u{2018}water\u{2019} talks"
        );
        assert_eq!(
            curly_quotes("\"Open,\" she said (\"soon\")."),
            "\u{201c}Open,\u{201d} she said (\u{201c}soon\u{201d})."
        );
        assert_eq!(curly_quotes("the '90s"), "the \u{2018}90s");
        assert!(matches!(curly_quotes("no quotes"), Cow::Borrowed(_)));
        // A quote that starts a span after a bold word closes it.
        assert_eq!(curly_quotes_after("'s visit", Some('r')), "\u{2019}s visit");
    }
}
