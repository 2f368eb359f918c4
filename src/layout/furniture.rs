//! What every page carries besides the brief: the protective marking (where and how its
//! scheme says), the page number and the reference.

use crate::fonts::{ParagraphStyle, StyledSpan, Typesetter};
use crate::marking::{Computed, MarkingPosition, Scheme};
use crate::model::Project;
use crate::template::{Align, Style, Template};
use crate::units::{Point, Pt};

use super::{Color, GlyphRun, Item, Positioned, Tag};

/// The marking as every page prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Banner {
    /// Empty for a level that prints no banner.
    pub text: String,
    pub colour: Color,
    pub bold: bool,
    pub min_size: Pt,
    pub align: Align,
    pub top: bool,
    pub bottom: bool,
}

impl Banner {
    /// The banner for `computed` under `scheme`, at the places `template` prints one.
    pub fn new(computed: &Computed, scheme: &Scheme, template: &Template) -> Self {
        let print = &scheme.print;
        Banner {
            text: if scheme.prints(&computed.level) {
                computed.text()
            } else {
                computed.caveats.join(" // ")
            },
            colour: scheme
                .colour_of(&computed.level)
                .map_or(Color::BLACK, |(r, g, b)| Color { r, g, b }),
            bold: print.bold,
            min_size: Pt(print.min_size_pt),
            align: match print.position {
                MarkingPosition::Centre => Align::Center,
                MarkingPosition::Right => Align::End,
            },
            top: print.top && template.header.classification,
            bottom: print.bottom && template.footer.classification,
        }
    }
}

/// The marking, page number and reference of one page.
pub fn furniture(
    index: usize,
    total: usize,
    project: &Project,
    template: &Template,
    banner: &Banner,
    typesetter: &mut Typesetter,
) -> Vec<Positioned> {
    let meta = &project.brief.meta;
    let page = &template.page;
    let left = Pt::mm(page.margin_left_mm);
    let width = page.text_width();
    let mut items = Vec::new();
    let mut text_at = |text: &str,
                       style: &Style,
                       align: Align,
                       baseline_y: Pt,
                       color: Color,
                       items: &mut Vec<Positioned>| {
        let paragraph_style = ParagraphStyle {
            family: template.fonts.body.clone(),
            fallback: template.fonts.fallback.clone(),
            size: Pt(style.size_pt),
            leading: style.leading,
            bold: style.bold,
            italic: style.italic,
            align,
        };
        let set = typesetter.set(&[StyledSpan::plain(text)], &paragraph_style, width);
        if let Some(line) = set.lines.first() {
            for run in &line.runs {
                items.push(Positioned {
                    at: Point::new(left + run.x, baseline_y),
                    item: Item::Text(GlyphRun {
                        face: run.face,
                        size: run.size,
                        color,
                        glyphs: run.glyphs.clone(),
                        text: run.text.clone(),
                    }),
                    block: None,
                    tag: Tag::ARTIFACT,
                });
            }
        }
    };
    let header_y = Pt::mm(page.margin_top_mm * 0.55);
    let footer_y = page.height() - Pt::mm(page.margin_bottom_mm * 0.45);
    let marking_style = Style {
        size_pt: template.styles.header.size_pt.max(banner.min_size.0),
        bold: banner.bold || template.styles.header.bold,
        ..template.styles.header.clone()
    };
    if !banner.text.is_empty() {
        for (wanted, y) in [(banner.top, header_y), (banner.bottom, footer_y)] {
            if wanted {
                text_at(
                    &banner.text,
                    &marking_style,
                    banner.align,
                    y,
                    banner.colour,
                    &mut items,
                );
            }
        }
    }
    let footer = &template.styles.footer;
    if template.footer.page_numbers {
        text_at(
            &format!("Page {} of {total}", index + 1),
            footer,
            Align::End,
            footer_y,
            Color::MUTED,
            &mut items,
        );
    }
    if template.footer.reference && !meta.reference.trim().is_empty() {
        text_at(
            meta.reference.trim(),
            footer,
            Align::Start,
            footer_y,
            Color::MUTED,
            &mut items,
        );
    }
    items
}
