//! Web pages: the article a reader view would show (dom_smoothie, a port of Firefox's
//! Readability), in order, as headings and paragraphs, with the page's metadata: title,
//! author, publication, date and canonical URL from its meta tags, JSON-LD and `<time>`.
//! Navigation, banners, share buttons, captions, related links and footers are left out.

use dom_query::Document;
use dom_smoothie::{Config, Readability};

use crate::model::{SectionKind, Source};

use super::html_sections::sections;

/// Deepest nesting of elements read from a page; deeper start tags are left out and their
/// text kept. News pages nest 20 to 40 deep; the reader view's time grows with the
/// square of the depth (see [`super::html_strip::limit_depth`]).
pub const MAX_HTML_DEPTH: usize = 128;

/// Why a page gave no article.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum HtmlError {
    #[error("the page has no article text a reader view could find")]
    NoArticle,
}

/// The article in `html`. `page_url` (where the page was fetched from, if it was) is used
/// when the page names no canonical URL of its own. Its pictures come in only when they
/// are inside the page (`data:` addresses); see [`import_html_with_pictures`].
pub fn import_html(html: &str, page_url: Option<&str>) -> Result<Source, HtmlError> {
    import_html_with_pictures(html, page_url, &|_| None).map(|(source, _)| source)
}

/// [`import_html`], with the article's pictures as figure sections: `fetch` gives the
/// bytes of a picture by its `src` (a saved page's files beside it). Also says how many
/// of the article's pictures could not be brought in (on the web, or not pictures).
pub fn import_html_with_pictures(
    html: &str,
    page_url: Option<&str>,
    fetch: &dyn Fn(&str) -> Option<Vec<u8>>,
) -> Result<(Source, usize), HtmlError> {
    let stripped = super::html_strip::strip_inert(html);
    let document =
        Document::from(super::html_strip::limit_depth(&stripped, MAX_HTML_DEPTH).as_ref());
    let canonical = first_attr(&document, "link[rel='canonical']", "href")
        .or_else(|| first_attr(&document, "meta[property='og:url']", "content"))
        .or_else(|| page_url.map(str::to_owned));
    let time = first_attr(
        &document,
        "article time[datetime], time[datetime]",
        "datetime",
    );
    let author_meta = first_attr(&document, "meta[name='author']", "content");
    let config = Config {
        max_elements_to_parse: 0,
        // Kept so that advertisement and newsletter boxes inside the body can be told
        // apart from its paragraphs.
        keep_classes: true,
        ..Config::default()
    };
    // A page URL that is not absolute only loses the resolving of relative links.
    let page_url = page_url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = Readability::with_document(document, page_url, Some(config))
        .map_err(|_| HtmlError::NoArticle)?;
    let article = readability.parse().map_err(|_| HtmlError::NoArticle)?;
    let title = article.title.trim().to_owned();
    let mut found = super::html_figures::with_figures(&article.content, &title, fetch);
    let author = article
        .byline
        .or(author_meta)
        .map(|b| clean_byline(&b))
        .unwrap_or_default();
    // Reader view leaves the page's byline in the text when the page's metadata named the
    // author; it is the source's author, not a paragraph to quote.
    if let Some(index) = found
        .sections
        .iter()
        .take(3)
        .position(|section| super::metadata::is_byline_of(&section.text, &author))
    {
        found.sections.remove(index);
    }
    if found.sections.iter().all(|s| s.kind == SectionKind::Figure) {
        return Err(HtmlError::NoArticle);
    }
    let mut source = Source::new(title, found.sections);
    source.pictures = found.pictures;
    source.language = crate::spelling::detect_source_language(&source).unwrap_or_default();
    source.author = author;
    source.publication = article.site_name.unwrap_or_default().trim().to_owned();
    source.date = article
        .published_time
        .or(time)
        .map(|d| crate::dates::long_date(d.trim()).unwrap_or_else(|| d.trim().to_owned()))
        .unwrap_or_default();
    source.url = canonical
        .or(article.url)
        .unwrap_or_default()
        .trim()
        .to_owned();
    Ok((source, found.left_out))
}

/// Formatted text copied from a browser or word processor: its headings and paragraphs,
/// with no reader-view pass (what was selected is the article). `None` if it holds none.
pub fn import_html_fragment(html: &str) -> Option<Source> {
    let stripped = super::html_strip::strip_inert(html);
    let limited = super::html_strip::limit_depth(&stripped, MAX_HTML_DEPTH);
    let blocks: Vec<super::split::RawBlock> = sections(&limited, "")
        .into_iter()
        .map(|section| super::split::RawBlock {
            kind: section.kind,
            text: section.text,
            figure: None,
        })
        .collect();
    if blocks.is_empty() {
        return None;
    }
    Some(super::source_from_blocks(&[], blocks).source)
}

fn first_attr(document: &Document, selector: &str, attribute: &str) -> Option<String> {
    document
        .select(selector)
        .iter()
        .find_map(|node| node.attr(attribute))
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty())
}

/// "By Jane Smith, Political Editor" becomes "Jane Smith, Political Editor".
fn clean_byline(byline: &str) -> String {
    let byline = byline.trim();
    let without = ["By ", "by ", "BY "]
        .iter()
        .find_map(|prefix| byline.strip_prefix(prefix))
        .unwrap_or(byline);
    without.split_whitespace().collect::<Vec<_>>().join(" ")
}
