//! The parts of the plan that quote and cite: excerpts with their short reference, the
//! reference a block carries, and the Sources list.

use crate::fonts::{ParagraphRequest, StyledSpan};
use crate::model::{Block, BlockKind, SectionRef, parse_inline};
use crate::units::Pt;

use super::{BULLET, BlockPlan, ListItem, Plan, spans_from_inline};

impl<'a> Plan<'a> {
    pub(super) fn excerpt(
        &self,
        from: SectionRef,
        edited: Option<&str>,
        portion: &str,
    ) -> BlockPlan {
        let Some((source, section)) = self.project.section(from) else {
            return self.missing("a source section that is no longer in the project");
        };
        let text = edited.unwrap_or(&section.text).trim();
        let style = &self.template.styles.excerpt;
        let left = Pt::mm(style.indent_left_mm);
        let right = Pt::mm(style.indent_right_mm);
        let quoted = format!(
            "\u{201c}{}\u{201d}",
            text.trim_matches(['"', '\u{201c}', '\u{201d}'])
        );
        // Only the brief's own words count: a suggestion marked in them is not yet made.
        let adapted =
            edited.is_some_and(|e| crate::change_mark::original(e).trim() != section.text.trim());
        let mut spans = spans_from_inline(parse_inline(&quoted));
        if !portion.is_empty() {
            // Upright inside the italic quotation, like the reference.
            spans.insert(
                0,
                StyledSpan {
                    text: portion.to_owned(),
                    bold: false,
                    italic: true,
                    link: None,
                },
            );
        }
        let reference = self.citations.reference(self.project, source.id, adapted);
        if !reference.is_empty() {
            // Italic inside the italic quotation sets the reference upright.
            spans.push(StyledSpan {
                text: format!(" {reference}"),
                bold: false,
                italic: true,
                link: None,
            });
        }
        let quote = self.request(spans, style, self.width - left - right);
        BlockPlan::Excerpt {
            quote,
            indent: left,
        }
    }

    /// The short reference a block carries to the Sources list, if it cites a source:
    /// part of what the block looks like, so the block cache keys on it.
    pub fn citation_of(&self, block: &Block) -> Option<String> {
        match &block.kind {
            BlockKind::Excerpt { from, edited } => {
                let (_, section) = self.project.section(*from)?;
                let adapted = edited
                    .as_deref()
                    .is_some_and(|e| crate::change_mark::original(e).trim() != section.text.trim());
                Some(self.citations.reference(self.project, from.source, adapted))
            }
            BlockKind::Picture(figure) => {
                let from = figure.from?;
                self.project.section(from)?;
                Some(self.citations.reference(self.project, from.source, false))
            }
            BlockKind::TalkingPoint { point } => {
                let source = self.project.talking_point(*point)?.source?;
                self.project.source(source.source)?;
                Some(self.citations.reference(self.project, source.source, false))
            }
            _ => None,
        }
        .filter(|reference| !reference.is_empty())
    }

    /// The language of the source an excerpt quotes, when the officer or import set one.
    pub fn source_language(&self, block: &Block) -> Option<&'a str> {
        let BlockKind::Excerpt { from, .. } = &block.kind else {
            return None;
        };
        let source = self.project.source(from.source)?;
        (!source.language.is_empty()).then_some(source.language.as_str())
    }

    /// The Sources list at the end of the brief: its heading and one entry per cited
    /// source, numbered when the references are numbers.
    pub fn sources_list(&self) -> Option<(ParagraphRequest, Vec<ListItem>)> {
        let entries = self.citations.entries(self.project);
        if entries.is_empty() {
            return None;
        }
        let heading = self.request(
            vec![StyledSpan::plain("Sources")],
            &self.template.styles.heading,
            self.width,
        );
        let style = &self.template.styles.list;
        let hang = Pt::mm(style.indent_left_mm);
        let items = entries
            .into_iter()
            .map(|(number, source)| {
                let label = if self.citations.numbered() {
                    format!("[{number}]")
                } else {
                    BULLET.to_owned()
                };
                ListItem {
                    text: self.request(
                        crate::layout::citations::entry_spans(
                            source,
                            self.citations.credits(source.id),
                        ),
                        style,
                        self.width - hang,
                    ),
                    label: self.request(vec![StyledSpan::plain(label)], style, hang),
                    hang,
                }
            })
            .collect();
        Some((heading, items))
    }
}
