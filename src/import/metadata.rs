//! Finding an article's title, byline, date, publication and URL, and recognising boilerplate.

use super::split::RawBlock;
use crate::model::SectionKind;

/// Metadata found in an article, and which body blocks it was taken from.
#[derive(Debug, Default)]
pub struct FoundMetadata {
    pub title: String,
    pub author: String,
    pub publication: String,
    pub date: String,
    pub url: String,
    pub notes: String,
    /// Indexes of blocks that held metadata and are not sections.
    pub consumed: Vec<usize>,
}

/// Splits `key: value` lines at the top of the text (YAML-style front matter between
/// `---` lines, or a header of known keys) from the body.
pub fn split_front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let trimmed = text.trim_start_matches('\u{feff}');
    if let Some(rest) = trimmed
        .strip_prefix("---\n")
        .or_else(|| trimmed.strip_prefix("---\r\n"))
        && let Some(end) = rest.find("\n---")
    {
        let pairs = rest[..end].lines().filter_map(key_value).collect();
        let body = rest[end + 4..].trim_start_matches(['-', '\r', '\n']);
        return (pairs, body);
    }
    let mut pairs = Vec::new();
    let mut consumed = 0;
    for line in trimmed.split_inclusive('\n') {
        match key_value(line.trim()) {
            Some(pair) if is_known_key(&pair.0) => {
                pairs.push(pair);
                consumed += line.len();
            }
            _ => break,
        }
    }
    (pairs, &trimmed[consumed..])
}

fn key_value(line: &str) -> Option<(String, String)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim().to_lowercase();
    if key.is_empty() || key.contains(' ') && !matches!(key.as_str(), "published by") {
        return None;
    }
    Some((key, value.trim().trim_matches('"').to_owned()))
}

fn is_known_key(key: &str) -> bool {
    matches!(
        key,
        "title"
            | "author"
            | "by"
            | "publication"
            | "source"
            | "date"
            | "url"
            | "link"
            | "licence"
            | "license"
            | "notes"
    )
}

/// Picks the metadata out of front matter and the first blocks of the body.
pub fn find_metadata(front_matter: &[(String, String)], blocks: &[RawBlock]) -> FoundMetadata {
    let mut found = FoundMetadata::default();
    for (key, value) in front_matter {
        let slot = match key.as_str() {
            "title" => &mut found.title,
            "author" | "by" => &mut found.author,
            "publication" | "source" => &mut found.publication,
            "date" => &mut found.date,
            "url" | "link" => &mut found.url,
            "licence" | "license" | "notes" => &mut found.notes,
            _ => continue,
        };
        *slot = value.clone();
    }
    if let Some(first) = blocks.first()
        && (found.title.is_empty() && looks_like_title(first) || first.text == found.title)
    {
        found.title = first.text.clone();
        found.consumed.push(0);
    }
    let mut after_byline = false;
    for (index, block) in blocks.iter().enumerate().take(6) {
        if found.consumed.contains(&index) {
            continue;
        }
        // A paper sets its name on the line under the author's ("Jane Doe" / "The
        // Astana Times").
        let follows_byline = std::mem::take(&mut after_byline);
        if follows_byline
            && found.publication.is_empty()
            && !looks_like_date(&block.text)
            && byline(&block.text).is_some()
            && block.text.split_whitespace().count() <= 5
        {
            found.publication = block.text.trim().to_owned();
            found.consumed.push(index);
            continue;
        }
        if found.author.is_empty()
            && let Some(byline) = full_byline(&block.text)
        {
            found.author = byline.author;
            if found.publication.is_empty() {
                found.publication = byline.publication.unwrap_or_default();
            }
            if found.date.is_empty() {
                found.date = byline.date.unwrap_or_default();
            }
            after_byline = true;
            found.consumed.push(index);
        } else if found.date.is_empty() && looks_like_date(&block.text) {
            found.date = block
                .text
                .trim_start_matches("Published")
                .trim_start_matches(':')
                .trim()
                .to_owned();
            found.consumed.push(index);
        } else if found.url.is_empty() && is_url(&block.text) {
            found.url = block.text.clone();
            found.consumed.push(index);
        }
    }
    if found.publication.is_empty() {
        found.publication = blocks
            .iter()
            .rev()
            .take(4)
            .find_map(|b| publication_from_footer(&b.text))
            .unwrap_or_default();
    }
    if found.title.is_empty() {
        found.title = blocks
            .iter()
            .find(|b| b.kind == SectionKind::Paragraph)
            .map(|b| b.text.chars().take(60).collect::<String>() + "…")
            .unwrap_or_else(|| "Untitled article".to_owned());
    }
    found
}

fn looks_like_title(block: &RawBlock) -> bool {
    let text = block.text.trim();
    if looks_like_date(text) || BYLINE_PREFIXES.iter().any(|p| text.starts_with(p)) {
        return false;
    }
    block.kind == SectionKind::Heading
        || (text.chars().count() <= 160
            && !text.ends_with(['.', ',', ';', ':'])
            && text.split_whitespace().count() <= 25)
}

/// Whether `text` is a byline naming `author` ("By Dana Omarova · 11 February 2026").
pub(super) fn is_byline_of(text: &str, author: &str) -> bool {
    let author = author.trim();
    !author.is_empty()
        && text.chars().count() <= 160
        && full_byline(text).is_some_and(|byline| {
            byline.author == author || author.contains(byline.author.as_str())
        })
}

/// What a byline says: who wrote the article, and often where and when it appeared.
#[derive(Debug, PartialEq)]
struct Byline {
    author: String,
    publication: Option<String>,
    date: Option<String>,
}

/// A byline with what news sites and papers put beside the name: "By Mohd Faiz Abdullah ·
/// The Astana Times · 20 May 2024", "By Aigerim Seitkali in Opinion on 3 June 2024",
/// "By Jane Doe, 12 May 2026", or just "Jane Doe".
fn full_byline(text: &str) -> Option<Byline> {
    let text = text.trim();
    let explicit = BYLINE_PREFIXES.iter().any(|p| text.starts_with(p));
    let mut parts = text
        .split(['·', '|', '•', '—', '–'])
        .map(str::trim)
        .filter(|part| !part.is_empty());
    let mut first = parts.next()?.to_owned();
    let rest: Vec<&str> = parts.collect();
    if !explicit && !rest.is_empty() {
        return None;
    }
    let mut date = None;
    // "… on 3 June 2024" or "…, 3 June 2024" after the name.
    for marker in [" on ", ", "] {
        if let Some(at) = first.rfind(marker)
            && looks_like_date(&first[at + marker.len()..])
        {
            date = Some(first[at + marker.len()..].trim().to_owned());
            first.truncate(at);
            break;
        }
    }
    // "… in Opinion": the section the site filed it under.
    if explicit && let Some(at) = first.find(" in ") {
        first.truncate(at);
    }
    let author = byline(&first)?;
    let mut publication = None;
    for part in rest {
        if looks_like_date(part) {
            date.get_or_insert_with(|| part.to_owned());
        } else if publication.is_none() && part.split_whitespace().count() <= 6 {
            publication = Some(part.to_owned());
        } else {
            return None;
        }
    }
    Some(Byline {
        author,
        publication,
        date,
    })
}

/// "By Jane Doe", "Dr. Jane Doe." or "Jane Doe and John Roe": a short line of capitalised names.
const BYLINE_PREFIXES: [&str; 5] = ["By ", "by ", "Oleh ", "Авторы ", "Автор: "];

fn byline(text: &str) -> Option<String> {
    let text = text.trim();
    let (explicit, rest) = match BYLINE_PREFIXES.iter().find_map(|p| text.strip_prefix(p)) {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let rest = rest.trim_end_matches('.').trim();
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || rest.chars().count() > 80 {
        return None;
    }
    let is_name_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                *w,
                "and" | "bin" | "binti" | "de" | "van" | "von" | "al" | "&"
            )
    };
    if !explicit && (words.len() < 2 || !words.iter().all(is_name_word)) {
        return None;
    }
    let without_titles: Vec<&str> = words
        .into_iter()
        .skip_while(|w| {
            matches!(
                w.trim_end_matches('.'),
                "Dr" | "Prof"
                    | "Professor"
                    | "Mr"
                    | "Mrs"
                    | "Ms"
                    | "Datuk"
                    | "Dato"
                    | "Tan"
                    | "Sri"
            )
        })
        .collect();
    (!without_titles.is_empty()).then(|| without_titles.join(" "))
}

/// Month names in English, Malay and Kazakh, lower case.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januari",
    "februari",
    "mac",
    "mei",
    "jun",
    "julai",
    "ogos",
    "oktober",
    "disember",
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];

fn looks_like_date(text: &str) -> bool {
    let text = text
        .trim()
        .trim_start_matches("Published")
        .trim_start_matches(':')
        .trim();
    if text.chars().count() > 40 {
        return false;
    }
    let lower = text.to_lowercase();
    let has_year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4 && n.starts_with(['1', '2']));
    let has_month = lower.split(|c: char| !c.is_alphabetic()).any(|word| {
        let abbreviation: String = word.chars().take(3).collect();
        word.chars().count() >= 3
            && MONTHS
                .iter()
                .any(|m| *m == word || m.starts_with(&abbreviation))
    });
    let iso = text.len() == 10
        && text.as_bytes().get(4) == Some(&b'-')
        && text.as_bytes().get(7) == Some(&b'-');
    iso || (has_year && has_month)
}

fn is_url(text: &str) -> bool {
    (text.starts_with("http://") || text.starts_with("https://"))
        && !text.contains(char::is_whitespace)
}

/// "Get The Astana Times stories sent directly to you!" names the publication.
fn publication_from_footer(text: &str) -> Option<String> {
    let start = text.find("Get ")? + 4;
    let end = text[start..].find(" stories")? + start;
    let name = text[start..end].trim();
    (!name.is_empty() && name.split_whitespace().count() <= 6).then(|| name.to_owned())
}

/// Newsletter prompts, social links, copyright lines and author blurbs: not article content.
pub fn is_boilerplate(text: &str) -> bool {
    let lower = text.to_lowercase();
    const PHRASES: &[&str] = &[
        "sign up",
        "subscribe to",
        "newsletter",
        "sent directly to you",
        "follow us on",
        "all rights reserved",
        "share this article",
        "read more:",
        "click here",
        "cookie",
        "ikuti kami",
        "langgan",
    ];
    const AUTHOR_NOTES: &[&str] = &[
        "the author is",
        "the writer is",
        "the author was",
        "the writer was",
        "about the author",
    ];
    // Real paragraphs can mention signing up or cookies; footers are short.
    let length = text.chars().count();
    (length < 250 && (PHRASES.iter().any(|p| lower.contains(p)) || lower.starts_with('©')))
        || (length < 400 && AUTHOR_NOTES.iter().any(|p| lower.starts_with(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_are_recognised() {
        assert_eq!(byline("Dr. Jane Doe.").as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline("By Aigerim Sultanova").as_deref(),
            Some("Aigerim Sultanova")
        );
        assert_eq!(byline("The minister spoke."), None);
        assert_eq!(
            byline("Oleh Nurul Hidayah Ahmad").as_deref(),
            Some("Nurul Hidayah Ahmad")
        );
        assert_eq!(
            byline("Trade grew strongly in the first quarter of the year."),
            None
        );
    }

    #[test]
    fn bylines_with_publication_section_and_date_are_read() {
        assert_eq!(
            full_byline("By Mohd Faiz Abdullah · The Astana Times · 20 May 2024"),
            Some(Byline {
                author: "Mohd Faiz Abdullah".into(),
                publication: Some("The Astana Times".into()),
                date: Some("20 May 2024".into()),
            })
        );
        assert_eq!(
            full_byline("By Aigerim Seitkali in Opinion on 3 June 2024"),
            Some(Byline {
                author: "Aigerim Seitkali".into(),
                publication: None,
                date: Some("3 June 2024".into()),
            })
        );
        assert_eq!(
            full_byline("By Jane Doe, 12 May 2026").map(|b| (b.author, b.date)),
            Some(("Jane Doe".into(), Some("12 May 2026".into())))
        );
        assert_eq!(
            full_byline("Dana Nurlanovna").map(|b| b.author),
            Some("Dana Nurlanovna".into())
        );
        assert_eq!(full_byline("Trade · Politics · Culture · Sport"), None);
        assert_eq!(
            full_byline("By the end of the year the corridor should be open."),
            None
        );
    }

    #[test]
    fn dates_are_recognised() {
        assert!(looks_like_date("12 May 2026"));
        assert!(looks_like_date("Published: March 3, 2025"));
        assert!(looks_like_date("2026-05-12"));
        assert!(looks_like_date("5 Mac 2026"));
        assert!(looks_like_date("4 наурыз 2026"));
        assert!(!looks_like_date("May the talks go well."));
    }

    #[test]
    fn front_matter_is_read() {
        let (pairs, body) = split_front_matter("---\ntitle: A\nauthor: B\n---\n\nBody");
        assert_eq!(
            pairs,
            vec![("title".into(), "A".into()), ("author".into(), "B".into())]
        );
        assert_eq!(body, "Body");
        let (pairs, body) = split_front_matter("Title: X\nURL: https://e.org\n\nText");
        assert_eq!(pairs.len(), 2);
        assert_eq!(body.trim(), "Text");
    }

    #[test]
    fn footers_are_boilerplate() {
        assert!(is_boilerplate("Sign up for our newsletter!"));
        assert!(is_boilerplate(
            "The author is a senior fellow at an institute."
        ));
        assert!(!is_boilerplate(
            "The minister will sign up to the agreement on Tuesday, officials said, after a long negotiation that ran late into the night and touched on many matters beyond trade, including water, energy and transport links between the two capitals, which both sides describe as the backbone of the relationship for the coming decade and more."
        ));
        assert_eq!(
            publication_from_footer("Get The Daily Courier stories sent directly to you!")
                .as_deref(),
            Some("The Daily Courier")
        );
    }
}
