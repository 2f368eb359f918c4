//! What a picture block sets: the picture at its printed size, centred, and its caption
//! and credit under it, with the short reference to its source when it came from one.

use crate::fonts::{ParagraphRequest, StyledSpan};
use crate::model::{Block, Figure, Picture, PictureKey};
use crate::units::{Pt, Size};

use super::{BlockPlan, Plan, spans_from_inline};

/// The most of the page's text height a picture may take, so that its caption and the
/// heading above it fit on its page too.
const MAX_HEIGHT_SHARE: f32 = 0.6;

/// A picture at its printed size and what is said about it.
#[derive(Debug, Clone, PartialEq)]
pub struct FigurePlan {
    pub key: PictureKey,
    pub picture: Picture,
    pub size: Size,
    /// From the left margin to the picture's left edge.
    pub indent: Pt,
    /// What a reader who cannot see it is told; `None` for a decorative picture.
    pub alt: Option<String>,
    pub caption: Option<ParagraphRequest>,
}

impl Plan<'_> {
    /// The crest the brief's own template prints above the title, aligned as the
    /// template says: described when the template gives it alternative text, otherwise
    /// decorative (the department's name is in the text).
    pub fn crest(&self) -> Option<FigurePlan> {
        let setup = self.template.crest.as_ref()?;
        let picture = self
            .project
            .brief
            .custom_template
            .as_ref()?
            .crest
            .as_ref()?;
        let width = Pt::mm(setup.width_mm).min(self.width);
        let size = Size {
            width,
            height: width * picture.aspect(),
        };
        let indent = match setup.align {
            crate::template::Align::Start | crate::template::Align::Justify => Pt::ZERO,
            crate::template::Align::Center => (self.width - width) * 0.5,
            crate::template::Align::End => self.width - width,
        };
        Some(FigurePlan {
            key: PictureKey::of(&picture.bytes),
            picture: picture.clone(),
            size,
            indent,
            alt: setup
                .alt
                .as_deref()
                .map(str::trim)
                .filter(|alt| !alt.is_empty())
                .map(str::to_owned),
            caption: None,
        })
    }

    pub(super) fn figure(&self, block: &Block, figure: &Figure) -> BlockPlan {
        let Some(picture) = self.project.pictures.get(&figure.picture) else {
            return self.missing("a picture that is no longer in the project");
        };
        let page = &self.template.page;
        let max_height =
            (page.height() - Pt::mm(page.margin_top_mm + page.margin_bottom_mm)) * MAX_HEIGHT_SHARE;
        let mut width = self.width * figure.width.fraction();
        let mut height = width * picture.aspect();
        if height > max_height {
            width = width * (max_height.0 / height.0);
            height = max_height;
        }
        let mut caption = figure.caption_line();
        if let Some(reference) = self.citation_of(block) {
            caption = format!("{caption} {reference}").trim().to_owned();
        }
        let caption = (!caption.is_empty()).then(|| {
            let mut spans: Vec<StyledSpan> =
                spans_from_inline(crate::model::parse_inline(&caption));
            if spans.is_empty() {
                spans.push(StyledSpan::plain(caption.clone()));
            }
            // Set as the template sets citations, centred under the picture.
            let mut style = self.template.styles.citation.clone();
            style.align = crate::template::Align::Center;
            style.indent_left_mm = 0.0;
            style.indent_right_mm = 0.0;
            self.request(spans, &style, self.width)
        });
        BlockPlan::Figure(Box::new(FigurePlan {
            key: figure.picture.clone(),
            picture: picture.clone(),
            size: Size { width, height },
            indent: (self.width - width) * 0.5,
            alt: (!figure.decorative).then(|| figure.alt.trim().to_owned()),
            caption,
        }))
    }
}
