//! Splitting text into the words a spelling dictionary should judge: web addresses,
//! e-mail addresses, link targets, footnote labels, numbers, words with digits and
//! acronyms are left out.

use std::ops::Range;

/// The byte ranges of the words in `text` to look up, in order.
pub fn words_to_check(text: &str) -> Vec<Range<usize>> {
    let skipped = skipped_spans(text);
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next_is_letter = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        let continues = c.is_alphanumeric()
            || is_mark(c)
            || (is_apostrophe(c) && start.is_some() && next_is_letter);
        match (continues, start) {
            (true, None) if !is_apostrophe(c) => start = Some(at),
            (false, Some(begun)) => {
                words.push(begun..at);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(begun) = start {
        words.push(begun..text.len());
    }
    words
        .into_iter()
        .filter(|range| {
            !skipped
                .iter()
                .any(|s| s.start < range.end && range.start < s.end)
        })
        .filter(|range| is_a_word_to_check(&text[range.clone()]))
        .collect()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Combining marks (accents typed as separate characters) belong to their letter.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Single letters, numbers, words with digits, acronyms ("MFA", "ASEAN") and words with
/// capitals inside ("MoU", "iPhone") are not judged.
fn is_a_word_to_check(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    if letters.next().is_none() || word.chars().any(|c| c.is_numeric()) {
        return false;
    }
    word.chars().count() >= 2 && !letters.any(char::is_uppercase)
}

/// Byte ranges that hold no prose: link targets `](…)`, footnote labels `[^…]`, web and
/// e-mail addresses, and dotted names such as "example.org" or "e.g.".
fn skipped_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("](") {
        let start = from + found;
        let end = text[start..]
            .find(')')
            .map_or(text.len(), |close| start + close + 1);
        spans.push(start..end);
        from = end;
    }
    from = 0;
    while let Some(found) = text[from..].find("[^") {
        let start = from + found;
        let end = text[start..]
            .find(']')
            .map_or(text.len(), |close| start + close + 1);
        spans.push(start..end);
        from = end;
    }
    let mut in_markup = vec![false; text.len() + 1];
    for span in &spans {
        in_markup[span.clone()].fill(true);
    }
    let mut chunk_start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace() || in_markup[at], chunk_start) {
            (false, None) => chunk_start = Some(at),
            (true, Some(start)) => {
                if is_address(&text[start..at]) {
                    spans.push(start..at);
                }
                chunk_start = None;
            }
            _ => {}
        }
    }
    spans
}

/// A whitespace-free chunk that is an address rather than words.
fn is_address(chunk: &str) -> bool {
    if chunk.contains("://") || chunk.contains('@') || chunk.starts_with("www.") {
        return true;
    }
    let inner = chunk.trim_matches(|c: char| !c.is_alphanumeric());
    let bytes: Vec<char> = inner.chars().collect();
    bytes.windows(3).any(|w| {
        w[0].is_alphanumeric() && matches!(w[1], '.' | '/' | '\\') && w[2].is_alphanumeric()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        words_to_check(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn prose_words_are_found_with_their_apostrophes() {
        assert_eq!(
            words("Malaysia’s flood-resilience plan isn't new."),
            ["Malaysia’s", "flood", "resilience", "plan", "isn't", "new"]
        );
    }

    #[test]
    fn addresses_numbers_and_acronyms_are_left_out() {
        assert_eq!(
            words(
                "See https://example.org/a-b or mail a.b@gov.my, MFA/CA/2026 and 16th COVID19 MoU."
            ),
            ["See", "or", "mail", "and"]
        );
    }

    #[test]
    fn link_targets_and_footnote_labels_are_left_out_but_link_text_is_checked() {
        assert_eq!(
            words("Read [the reveiw](https://x.org/reveiw)[^notte] now"),
            ["Read", "the", "reveiw", "now"]
        );
    }

    #[test]
    fn markdown_emphasis_does_not_join_words() {
        assert_eq!(
            words("**Flood resilience.** *Trade*"),
            ["Flood", "resilience", "Trade"]
        );
    }
}
