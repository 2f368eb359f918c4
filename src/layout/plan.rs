//! What the brief sets, paragraph by paragraph: the text, style and width of the title,
//! the metadata table, each part heading and each block.
//!
//! The flow builder sets these paragraphs and stacks their lines; the prefetch collects
//! them beforehand to set them on two threads. Both take them from here, so the two cannot
//! drift apart. Should they ever differ, the cost is a cache miss, never a wrong page.

use crate::fonts::{ParagraphRequest, ParagraphStyle, StyledSpan, Typesetter};
use crate::model::{Block, BlockKind, InlineSpan, Part, Project, parse_inline};
use crate::template::{Style, Template};
use crate::units::Pt;

use super::citations::Citations;
use super::footnotes::Footnotes;
use super::portion::PortionMarks;

#[path = "plan_decision.rs"]
mod decision;
#[path = "plan_figure.rs"]
mod figure;
#[path = "plan_sources.rs"]
mod sources;
#[path = "plan_title.rs"]
mod title;

pub use decision::{RESPONSE_COLUMN, TablePlan, attachment_letter};
pub use figure::FigurePlan;
pub use title::NO_CRITICAL_DATE;

/// The label of bullets and talking points.
pub const BULLET: &str = "\u{2022}";

/// The paragraphs of one brief laid out with one template.
#[derive(Clone, Copy)]
pub struct Plan<'a> {
    pub(super) project: &'a Project,
    template: &'a Template,
    citations: &'a Citations,
    portions: &'a PortionMarks,
    footnotes: &'a Footnotes,
    /// The width of the text between the page margins.
    width: Pt,
}

/// A part the template prints, numbered in print order.
pub struct PrintedPart<'a> {
    pub part: &'a Part,
    pub number: usize,
    /// The part opens with the brief's purpose line.
    pub lead_with_purpose: bool,
    /// How many paragraphs the part numbers, if it numbers them.
    pub numbered_paragraphs: Option<usize>,
    /// A page break in a part left out just before this one, which now falls before it.
    pub break_before: bool,
}

/// The metadata table: its column widths, cell padding and rows of label and value.
#[derive(Debug, Clone, PartialEq)]
pub struct MetaTable {
    pub label_width: Pt,
    pub value_width: Pt,
    pub padding: Pt,
    pub rows: Vec<[ParagraphRequest; 2]>,
}

/// What one block of the brief sets.
pub enum BlockPlan {
    /// A body paragraph.
    Text(ParagraphRequest),
    /// List items: the bullets of a list, a talking point, or a numbered paragraph.
    List(Vec<ListItem>),
    /// A quotation indented by `indent`, ending with its short reference to the Sources
    /// list.
    Excerpt {
        quote: ParagraphRequest,
        indent: Pt,
    },
    /// A marker in place of `what`, which the block refers to but is gone.
    Missing {
        what: &'static str,
        marker: ParagraphRequest,
    },
    /// Nothing to set.
    PageBreak,
    /// A numbered recommendation and, under its text, its two responses with their boxes.
    Recommendation(Box<RecommendationPlan>),
    Table(TablePlan),
    /// A picture and its caption.
    Figure(Box<FigurePlan>),
}

/// A recommendation's number and text, and its two responses set from `indent`.
pub struct RecommendationPlan {
    pub item: ListItem,
    pub responses: [ParagraphRequest; 2],
    pub indent: Pt,
}

/// A list item: its text hung by `hang`, and its label (a bullet or number) in the hang.
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    pub text: ParagraphRequest,
    pub label: ParagraphRequest,
    pub hang: Pt,
}

impl BlockPlan {
    /// The paragraphs the block sets, in the order the builder sets them.
    pub fn into_requests(self) -> Vec<ParagraphRequest> {
        match self {
            BlockPlan::Text(text) | BlockPlan::Missing { marker: text, .. } => vec![text],
            BlockPlan::List(items) => items
                .into_iter()
                .flat_map(|item| [item.text, item.label])
                .collect(),
            BlockPlan::Excerpt { quote, .. } => vec![quote],
            BlockPlan::PageBreak => Vec::new(),
            BlockPlan::Recommendation(plan) => {
                let RecommendationPlan {
                    item, responses, ..
                } = *plan;
                let mut requests = vec![item.text, item.label];
                requests.extend(responses);
                requests
            }
            BlockPlan::Table(table) => table.into_requests(),
            BlockPlan::Figure(figure) => figure.caption.into_iter().collect(),
        }
    }
}

impl<'a> PrintedPart<'a> {
    /// Whether the part holds recommendations, which the signature block follows.
    pub fn recommends(&self) -> bool {
        self.part
            .blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::Recommendation { .. }))
    }

    /// The part's blocks, each numbered paragraph with its label ("1.", "2.", …).
    pub fn blocks(&self) -> impl Iterator<Item = (&'a Block, Option<String>)> + use<'a> {
        let numbered = self.numbered_paragraphs.is_some();
        let (mut number, mut recommendation) = (0, 0);
        self.part.blocks.iter().map(move |block| {
            let label = match block.kind {
                BlockKind::Paragraph { .. } if numbered => {
                    number += 1;
                    Some(format!("{number}."))
                }
                // Recommendations are always numbered, on their own count.
                BlockKind::Recommendation { .. } => {
                    recommendation += 1;
                    Some(format!("{recommendation}."))
                }
                _ => None,
            };
            (block, label)
        })
    }
}

impl<'a> Plan<'a> {
    /// The paragraphs of `project`'s brief laid out with `template`.
    pub fn new(
        project: &'a Project,
        template: &'a Template,
        citations: &'a Citations,
        portions: &'a PortionMarks,
        footnotes: &'a Footnotes,
    ) -> Self {
        Plan {
            project,
            template,
            citations,
            portions,
            footnotes,
            width: template.page.text_width(),
        }
    }

    fn paragraph_style(&self, style: &Style) -> ParagraphStyle {
        ParagraphStyle {
            family: self.template.fonts.body.clone(),
            fallback: self.template.fonts.fallback.clone(),
            size: Pt(style.size_pt),
            leading: style.leading,
            bold: style.bold,
            italic: style.italic,
            align: style.align,
        }
    }

    /// `spans` set in `style` and broken at `width`, or at 20 pt if that is narrower.
    fn request(&self, spans: Vec<StyledSpan>, style: &Style, width: Pt) -> ParagraphRequest {
        ParagraphRequest {
            spans,
            style: self.paragraph_style(style),
            width: width.max(Pt(20.0)),
        }
    }

    /// The parts the template prints and that have something to print, in order.
    pub fn printed_parts(&self) -> Vec<PrintedPart<'a>> {
        let has_purpose = !self.project.brief.meta.purpose.trim().is_empty();
        let mut printed = Vec::new();
        let mut break_pending = false;
        for part in &self.project.brief.parts {
            let Some(part_template) = self.template.part(&part.key) else {
                continue;
            };
            let lead_with_purpose = part_template.lead_with_purpose_line && has_purpose;
            let is_break = |block: &Block| matches!(block.kind, BlockKind::PageBreak);
            if !lead_with_purpose && part.blocks.iter().all(is_break) {
                break_pending |= part.blocks.iter().any(is_break);
                continue;
            }
            let numbered_paragraphs = part_template.numbered_paragraphs.then(|| {
                part.blocks
                    .iter()
                    .filter(|b| matches!(b.kind, BlockKind::Paragraph { .. }))
                    .count()
            });
            printed.push(PrintedPart {
                part,
                number: printed.len() + 1,
                lead_with_purpose,
                numbered_paragraphs,
                break_before: std::mem::take(&mut break_pending),
            });
        }
        printed
    }

    /// The part's heading text (numbered if the template says so), and its paragraph.
    pub fn heading(&self, printed: &PrintedPart) -> (String, ParagraphRequest) {
        let title = printed.part.title.trim();
        let text = if self.template.number_part_headings {
            format!("{}. {title}", printed.number)
        } else {
            title.to_owned()
        };
        let style = &self.template.styles.heading;
        let request = self.request(vec![StyledSpan::plain(text.clone())], style, self.width);
        (text, request)
    }

    /// The brief's purpose line, as body text.
    pub fn purpose(&self) -> ParagraphRequest {
        self.text(&self.project.brief.meta.purpose)
    }

    /// How far the part's numbered paragraphs hang: the list indent, widened when the
    /// widest number (with a gap after it) would not fit in it, so that "128." never runs
    /// into its text. The number is set for real to measure it.
    pub fn number_hang(&self, printed: &PrintedPart, typesetter: &mut Typesetter) -> Pt {
        let style = &self.template.styles.list;
        let hang = Pt::mm(style.indent_left_mm);
        let Some(count) = printed.numbered_paragraphs else {
            return hang;
        };
        let mut label_style = style.clone();
        label_style.bold = true;
        let widest = self.request(
            vec![StyledSpan::plain(format!("{count}."))],
            &label_style,
            self.width,
        );
        let widest = typesetter.set(&widest.spans, &widest.style, widest.width);
        let width = widest.lines.first().map_or(Pt::ZERO, |line| line.width);
        hang.max(width + Pt(style.size_pt * 0.5))
    }

    /// What `block` sets; `label` numbers a paragraph, which then hangs by `number_hang`.
    pub fn block(&self, block: &Block, label: Option<&str>, number_hang: Pt) -> BlockPlan {
        let portion = self.portion_of(block).unwrap_or_default();
        match &block.kind {
            BlockKind::Paragraph { text } => {
                let text = format!("{portion}{}", self.footnotes.apply(block.id, text).text);
                match label {
                    Some(label) => BlockPlan::List(vec![self.list_item(&text, label, number_hang)]),
                    None => BlockPlan::Text(self.text(&text)),
                }
            }
            BlockKind::Excerpt { from, edited } => self.excerpt(*from, edited.as_deref(), &portion),
            BlockKind::TalkingPoint { point } => match self.project.talking_point(*point) {
                Some(point) => {
                    let text = match self.citation_of(block) {
                        Some(reference) => {
                            format!("{portion}{} {reference}", point.text.trim_end())
                        }
                        None => format!("{portion}{}", point.text),
                    };
                    BlockPlan::List(vec![self.list_item(&text, BULLET, number_hang)])
                }
                None => self.missing("a talking point that is no longer in the library"),
            },
            BlockKind::Bullets { items } => BlockPlan::List(
                items
                    .iter()
                    .filter(|item| !item.trim().is_empty())
                    .map(|item| {
                        let item = self.footnotes.apply(block.id, item).text;
                        self.list_item(&format!("{portion}{item}"), BULLET, number_hang)
                    })
                    .collect(),
            ),
            BlockKind::PageBreak => BlockPlan::PageBreak,
            BlockKind::Recommendation { text, responses } => {
                let text = format!("{portion}{}", self.footnotes.apply(block.id, text).text);
                self.recommendation(&text, *responses, label.unwrap_or("1."), number_hang)
            }
            BlockKind::Table { rows } => self.table(rows),
            BlockKind::Picture(figure) => self.figure(block, figure),
        }
    }

    /// The footnotes a block references, in order: each one's mark as printed in the
    /// text and its note, set in the footer style across the text width.
    pub fn notes_of(&self, block: &Block) -> Vec<(String, ParagraphRequest)> {
        let texts: Vec<&str> = match &block.kind {
            BlockKind::Paragraph { text } => vec![text],
            BlockKind::Bullets { items } => items.iter().map(String::as_str).collect(),
            _ => return Vec::new(),
        };
        let style = &self.template.styles.footer;
        texts
            .into_iter()
            .filter(|text| text.contains("[^"))
            .flat_map(|text| self.footnotes.apply(block.id, text).notes)
            .map(|(mark, note)| {
                let mut spans = vec![StyledSpan::plain(format!("{mark}\u{a0}"))];
                spans.extend(spans_from_inline(parse_inline(&note)));
                (mark, self.request(spans, style, self.width))
            })
            .collect()
    }

    /// The block's portion mark ("(OS) "), when the template marks portions.
    pub fn portion_of(&self, block: &Block) -> Option<String> {
        self.portions.of(self.project, &block.kind)
    }

    fn text(&self, markdown: &str) -> ParagraphRequest {
        let spans = spans_from_inline(parse_inline(markdown));
        self.request(spans, &self.template.styles.body, self.width)
    }

    fn list_item(&self, markdown: &str, label: &str, number_hang: Pt) -> ListItem {
        let style = &self.template.styles.list;
        let numbered = label.ends_with('.');
        let hang = if numbered {
            number_hang
        } else {
            Pt::mm(style.indent_left_mm)
        };
        let spans = spans_from_inline(parse_inline(markdown));
        let mut label_style = style.clone();
        label_style.bold = numbered;
        ListItem {
            text: self.request(spans, style, self.width - hang),
            label: self.request(vec![StyledSpan::plain(label)], &label_style, hang),
            hang,
        }
    }

    fn missing(&self, what: &'static str) -> BlockPlan {
        let marker = StyledSpan {
            text: format!("[Missing: {what}]"),
            bold: false,
            italic: true,
            link: None,
        };
        BlockPlan::Missing {
            what,
            marker: self.request(vec![marker], &self.template.styles.body, self.width),
        }
    }
}

/// Styled spans of inline markup, their straight quotes curled as they print (in the
/// PDF and in the Word file alike, which both take their text from here).
pub fn spans_from_inline(spans: Vec<InlineSpan>) -> Vec<StyledSpan> {
    let mut previous = None;
    spans
        .into_iter()
        .map(|s| StyledSpan {
            text: {
                let text = crate::typography::curly_quotes_after(&s.text, previous).into_owned();
                previous = text.chars().last().or(previous);
                text
            },
            bold: s.bold,
            italic: s.italic,
            link: s.link,
        })
        .collect()
}
