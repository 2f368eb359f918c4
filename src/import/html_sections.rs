//! The headings, paragraphs and pictures of a web page's article, in order: what the
//! reader view found, without captions, asides, advertisements, share and newsletter
//! boxes, each picture (when asked for) in its place.

use dom_query::{Document, Matcher};

use crate::model::{Section, SectionId, SectionKind};

/// Elements that never hold article text, even inside the extracted content: captions,
/// asides, advertisements, share and newsletter boxes that sit inside an article's body.
const NOT_TEXT: &str = "figure, figcaption, aside, nav, footer, form, button, \
    [role='complementary'], [class~='ad'], [class^='ad-'], [class*=' ad-'], \
    [class*='advert'], [class*='sponsor'], [class*='promo'], [class*='newsletter'], \
    [class*='share'], [class*='social'], [class*='related'], [class*='read-also'], \
    [id*='advert'], [id*='newsletter']";

const HEADINGS: &str = "h1, h2, h3, h4, h5, h6";

/// Where a picture is not the article's: the same places as [`NOT_TEXT`], but a figure
/// is where an article's pictures are.
const NOT_PICTURE: &str = "aside, nav, footer, form, button, \
    [role='complementary'], [class~='ad'], [class^='ad-'], [class*=' ad-'], \
    [class*='advert'], [class*='sponsor'], [class*='promo'], [class*='newsletter'], \
    [class*='share'], [class*='social'], [class*='related'], [class*='read-also'], \
    [id*='advert'], [id*='newsletter']";

/// Labels that mark what follows as not the article's.
const LABELS: [&str; 4] = ["advertisement", "sponsored", "sponsored content", "ad"];

/// The headings and paragraphs of the extracted article, in order. A heading that only
/// repeats the title is dropped; list items become paragraphs of their own.
pub(super) fn sections(content: &str, title: &str) -> Vec<Section> {
    sections_with(content, title, None)
}

/// Makes a figure section of an `<img>` of the article, if it can.
pub(super) type PictureSection<'a> = dyn FnMut(&dom_query::NodeRef) -> Option<Section> + 'a;

/// [`sections`], with each picture `picture` makes a section of in its place.
pub(super) fn sections_with(
    content: &str,
    title: &str,
    mut picture: Option<&mut PictureSection<'_>>,
) -> Vec<Section> {
    let document = Document::from(content);
    // Parsed once: matching a selector given as text parses it at every call.
    let (Ok(not_text), Ok(heading), Ok(not_picture)) = (
        Matcher::new(NOT_TEXT),
        Matcher::new(HEADINGS),
        Matcher::new(NOT_PICTURE),
    ) else {
        return Vec::new();
    };
    let mut sections = Vec::new();
    for node in document
        .select("h1, h2, h3, h4, h5, h6, p, li, img")
        .nodes()
    {
        if node.has_name("img") {
            let placed = node.is_match(&not_picture)
                || node.ancestors_it(None).any(|a| a.is_match(&not_picture));
            if let (Some(picture), false) = (picture.as_mut(), placed) {
                sections.extend(picture(node));
            }
            continue;
        }
        if node.is_match(&not_text) || node.ancestors_it(None).any(|a| a.is_match(&not_text)) {
            continue;
        }
        if node.has_name("li") && node.descendants_it().any(|d| d.has_name("p")) {
            continue; // its paragraphs come on their own
        }
        let text: String = node.text().split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() || LABELS.contains(&text.to_lowercase().as_str()) {
            continue;
        }
        let kind = if node.is_match(&heading) {
            if text.eq_ignore_ascii_case(title) {
                continue;
            }
            SectionKind::Heading
        } else {
            SectionKind::Paragraph
        };
        sections.push(Section {
            id: SectionId(0),
            kind,
            text,
            figure: None,
        });
    }
    sections
}
