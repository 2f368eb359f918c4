//! The pictures of a web page's article: each `<img>` of the article (not of its adverts,
//! asides or navigation) becomes a figure section in its place, with its `alt` text and
//! the caption of its `<figure>`. Its bytes come from the page itself (`data:`
//! addresses) or from whoever imports the page (a saved page's files beside it); a
//! picture that cannot be had, or is no picture Briefwright takes, is counted, so the
//! officer is told. Icons and tracking pixels are not the article's and are left out.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use dom_query::NodeRef;

use crate::model::{Picture, PictureKey, Section, SectionKind, SourceFigure};

/// A picture smaller than this each way is an icon or a tracking pixel.
const SMALLEST_FIGURE_PX: u32 = 48;

/// The article's sections with its pictures, and how many pictures were left out.
pub(super) struct Found {
    pub sections: Vec<Section>,
    pub pictures: Vec<Picture>,
    pub left_out: usize,
}

pub(super) fn with_figures(
    content: &str,
    title: &str,
    fetch: &dyn Fn(&str) -> Option<Vec<u8>>,
) -> Found {
    let mut pictures: Vec<Picture> = Vec::new();
    let mut left_out = 0;
    let mut figure = |node: &NodeRef| -> Option<Section> {
        let src = node.attr("src")?.trim().to_owned();
        if declared_tiny(node) {
            return None;
        }
        let Some(bytes) = data_bytes(&src).or_else(|| fetch(&src)) else {
            left_out += 1;
            return None;
        };
        let Ok(picture) = crate::picture::prepare(&bytes, &src) else {
            left_out += 1;
            return None;
        };
        if picture.width_px < SMALLEST_FIGURE_PX && picture.height_px < SMALLEST_FIGURE_PX {
            return None;
        }
        let key = PictureKey::of(&picture.bytes);
        if !pictures.iter().any(|p| PictureKey::of(&p.bytes) == key) {
            pictures.push(picture);
        }
        let alt = words(&node.attr("alt").map(|a| a.to_string()).unwrap_or_default());
        let caption = node
            .ancestors_it(None)
            .find(|a| a.has_name("figure"))
            .and_then(|figure| figure.descendants_it().find(|d| d.has_name("figcaption")))
            .map(|caption| words(&caption.text()))
            .unwrap_or_default();
        let text = [&caption, &alt]
            .into_iter()
            .find(|t| !t.is_empty())
            .cloned()
            .unwrap_or_else(|| "Picture".to_owned());
        let mut section = Section::new(SectionKind::Figure, text);
        section.figure = Some(SourceFigure { picture: key, alt });
        Some(section)
    };
    let sections = super::html_sections::sections_with(content, title, Some(&mut figure));
    Found {
        sections,
        pictures,
        left_out,
    }
}

/// Whether the page itself says the picture is tiny (`width="1" height="1"`).
fn declared_tiny(node: &NodeRef) -> bool {
    let size = |name: &str| {
        node.attr(name)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
    };
    matches!((size("width"), size("height")), (Some(w), Some(h)) if w < SMALLEST_FIGURE_PX && h < SMALLEST_FIGURE_PX)
}

/// The bytes of a `data:…;base64,…` address.
fn data_bytes(src: &str) -> Option<Vec<u8>> {
    let rest = src.strip_prefix("data:")?;
    let (header, data) = rest.split_once(',')?;
    header
        .ends_with(";base64")
        .then(|| STANDARD.decode(data.trim()).ok())
        .flatten()
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
