//! Turning the brief into a flow of blocks made of unbreakable slabs (lines, table rows).

use crate::fonts::{ParagraphStyle, SetParagraph, StyledSpan, Typesetter};
use crate::model::{Block, BlockId, BlockKind, InlineSpan, Part, Project, parse_inline};
use crate::template::{Style, Template};
use crate::units::{Point, Pt, Size};

use super::{Color, Diagnostic, GlyphRun, Item};

/// A block of the flow: slabs stacked vertically, with spacing and breaking rules.
#[derive(Debug, Clone)]
pub struct FlowBlock {
    /// Shared, so a block rebuilt from the cache costs no copying.
    pub slabs: std::sync::Arc<[Slab]>,
    pub space_before: Pt,
    pub space_after: Pt,
    /// Keep on the same page as the start of the next block (headings, titles).
    pub keep_with_next: bool,
    /// May be split across pages between slabs (with widow and orphan control).
    pub splittable: bool,
    pub page_break_before: bool,
    pub block: Option<BlockId>,
    /// Outline (bookmark) title, for part headings.
    pub outline: Option<String>,
}

/// An unbreakable horizontal strip: one line of text or one table row.
/// Item positions are relative to the strip's top-left corner at the left margin.
#[derive(Debug, Clone)]
pub struct Slab {
    pub height: Pt,
    pub items: Vec<(Point, Item)>,
}

struct Builder<'a> {
    project: &'a Project,
    template: &'a Template,
    typesetter: &'a mut Typesetter,
    diagnostics: &'a mut Vec<Diagnostic>,
    flow: Vec<FlowBlock>,
    width: Pt,
    break_pending: bool,
    /// How far numbered paragraphs of the current part hang: room for their widest number.
    number_hang: Pt,
}

/// Builds the flow for the whole brief: title, metadata table and parts.
pub fn build(
    project: &Project,
    template: &Template,
    typesetter: &mut Typesetter,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<FlowBlock> {
    typesetter.flow_cache.begin(template_fingerprint(template));
    let mut builder = Builder {
        project,
        template,
        typesetter,
        diagnostics,
        flow: Vec::new(),
        width: template.page.text_width(),
        break_pending: false,
        number_hang: Pt::mm(template.styles.list.indent_left_mm),
    };
    builder.title();
    if template.show_meta_table {
        builder.meta_table();
    }
    let mut number = 0;
    let left_out: Vec<&str> = project
        .brief
        .parts
        .iter()
        .filter(|p| template.part(&p.key).is_none() && !p.blocks.is_empty())
        .map(|p| p.title.as_str())
        .collect();
    if !left_out.is_empty() {
        builder.diagnostics.push(Diagnostic::warning(
            format!(
                "the {} template does not print {} (the text is kept in the project)",
                template.name,
                left_out.join(", ")
            ),
            None,
        ));
    }
    for part in project
        .brief
        .parts
        .iter()
        .filter(|p| template.part(&p.key).is_some())
    {
        let lead = template
            .part(&part.key)
            .is_some_and(|p| p.lead_with_purpose_line)
            && !project.brief.meta.purpose.trim().is_empty();
        let has_content = lead
            || part
                .blocks
                .iter()
                .any(|b| !matches!(b.kind, BlockKind::PageBreak));
        if !has_content {
            builder.break_pending |= part
                .blocks
                .iter()
                .any(|b| matches!(b.kind, BlockKind::PageBreak));
            continue;
        }
        number += 1;
        builder.part(part, number, lead);
    }
    builder.flow
}

/// Changes whenever anything in the template changes.
fn template_fingerprint(template: &Template) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    format!("{template:?}").hash(&mut hasher);
    hasher.finish()
}

impl Builder<'_> {
    fn paragraph_style(&self, style: &Style) -> ParagraphStyle {
        ParagraphStyle {
            family: self.template.fonts.body.clone(),
            size: Pt(style.size_pt),
            leading: style.leading,
            bold: style.bold,
            italic: style.italic,
            align: style.align,
        }
    }

    fn set(
        &mut self,
        spans: &[StyledSpan],
        style: &Style,
        width: Pt,
        block: Option<BlockId>,
    ) -> std::sync::Arc<SetParagraph> {
        let paragraph_style = self.paragraph_style(style);
        let set = self
            .typesetter
            .set(spans, &paragraph_style, width.max(Pt(20.0)));
        if !set.missing.is_empty() {
            self.diagnostics.push(missing_glyphs(&set.missing, block));
        }
        set
    }

    fn push(&mut self, mut block: FlowBlock) {
        block.page_break_before |= std::mem::take(&mut self.break_pending);
        self.flow.push(block);
    }

    fn title(&mut self) {
        let meta = &self.project.brief.meta;
        let suffix = self.template.title_suffix.trim();
        let mut title = meta.title.trim().to_owned();
        if title.is_empty() {
            title = "Untitled brief".to_owned();
        }
        if !suffix.is_empty() && !title.to_lowercase().contains(&suffix.to_lowercase()) {
            title = format!("{title} \u{2014} {suffix}");
        }
        let style = self.template.styles.title.clone();
        let set = self.set(&[StyledSpan::plain(title)], &style, self.width, None);
        let slabs = paragraph_slabs(&set, Pt::ZERO, Color::BLACK);
        self.push(FlowBlock {
            slabs: slabs.into(),
            space_before: Pt::ZERO,
            space_after: Pt(style.space_after_pt),
            keep_with_next: true,
            splittable: false,
            page_break_before: false,
            block: None,
            outline: None,
        });
    }

    fn meta_table(&mut self) {
        let meta = &self.project.brief.meta;
        let rows: Vec<(&str, String)> = [
            ("To", &meta.to),
            ("From", &meta.from),
            ("Date", &meta.date),
            ("Reference", &meta.reference),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(label, value)| (label, value.trim().to_owned()))
        .collect();
        if rows.is_empty() {
            return;
        }
        let style = self.template.styles.meta.clone();
        let padding = Pt(3.0);
        let label_width = (self.width * 0.24).max(Pt::mm(22.0));
        let value_width = self.width - label_width;
        let mut slabs = Vec::new();
        for (label, value) in rows {
            let mut label_style = style.clone();
            label_style.bold = true;
            let label_set = self.set(
                &[StyledSpan::plain(label)],
                &label_style,
                label_width - padding * 2.0,
                None,
            );
            let value_set = self.set(
                &[StyledSpan::plain(value)],
                &style,
                value_width - padding * 2.0,
                None,
            );
            let height = text_height(&label_set).max(text_height(&value_set)) + padding * 2.0;
            let mut items = vec![
                (
                    Point::default(),
                    Item::Rect {
                        size: Size {
                            width: label_width,
                            height,
                        },
                        fill: Some(Color::SHADE),
                        stroke: Some((Color::RULE, Pt(0.5))),
                    },
                ),
                (
                    Point::new(label_width, Pt::ZERO),
                    Item::Rect {
                        size: Size {
                            width: value_width,
                            height,
                        },
                        fill: None,
                        stroke: Some((Color::RULE, Pt(0.5))),
                    },
                ),
            ];
            items.extend(stack_lines(
                &label_set,
                Point::new(padding, padding),
                Color::BLACK,
            ));
            items.extend(stack_lines(
                &value_set,
                Point::new(label_width + padding, padding),
                Color::BLACK,
            ));
            slabs.push(Slab { height, items });
        }
        self.push(FlowBlock {
            slabs: slabs.into(),
            space_before: Pt::ZERO,
            space_after: Pt(14.0),
            keep_with_next: false,
            splittable: false,
            page_break_before: false,
            block: None,
            outline: None,
        });
    }

    fn part(&mut self, part: &Part, number: usize, lead_with_purpose: bool) {
        let numbered = self
            .template
            .part(&part.key)
            .is_some_and(|p| p.numbered_paragraphs);
        let heading_text = if self.template.number_part_headings {
            format!("{number}. {}", part.title.trim())
        } else {
            part.title.trim().to_owned()
        };
        let style = self.template.styles.heading.clone();
        let set = self.set(
            &[StyledSpan::plain(heading_text.clone())],
            &style,
            self.width,
            None,
        );
        let slabs = paragraph_slabs(&set, Pt::ZERO, Color::BLACK);
        self.push(FlowBlock {
            slabs: slabs.into(),
            space_before: Pt(style.space_before_pt),
            space_after: Pt(style.space_after_pt),
            keep_with_next: true,
            splittable: false,
            page_break_before: false,
            block: None,
            outline: Some(heading_text),
        });
        if lead_with_purpose {
            let purpose = self.project.brief.meta.purpose.clone();
            self.text_paragraph(&purpose, None, None);
        }
        if numbered {
            let count = part
                .blocks
                .iter()
                .filter(|b| matches!(b.kind, BlockKind::Paragraph { .. }))
                .count();
            self.number_hang = self.hang_for_numbers_up_to(count);
        }
        let mut paragraph_number = 0;
        for block in &part.blocks {
            if matches!(block.kind, BlockKind::PageBreak) {
                self.break_pending = true;
                continue;
            }
            let label =
                (numbered && matches!(block.kind, BlockKind::Paragraph { .. })).then(|| {
                    paragraph_number += 1;
                    format!("{paragraph_number}.")
                });
            self.cached_block(block, label.as_deref());
        }
    }

    /// The list indent, widened when the part's largest number (with a gap after it) would
    /// not fit in it, so that "128." never runs into its text.
    fn hang_for_numbers_up_to(&mut self, count: usize) -> Pt {
        let style = self.template.styles.list.clone();
        let hang = Pt::mm(style.indent_left_mm);
        let mut label_style = style.clone();
        label_style.bold = true;
        let label_style = self.paragraph_style(&label_style);
        let widest = self.typesetter.set_now(
            &[StyledSpan::plain(format!("{count}."))],
            &label_style,
            self.width,
        );
        let width = widest.lines.first().map_or(Pt::ZERO, |line| line.width);
        hang.max(width + Pt(style.size_pt * 0.5))
    }

    /// Builds `block`, or takes what an earlier layout built for the same content.
    fn cached_block(&mut self, block: &Block, label: Option<&str>) {
        // The hang is part of what a numbered paragraph looks like.
        let label_and_hang = label.map(|label| format!("{label} {}", self.number_hang.0));
        let signature = super::memo::signature(self.project, block, label_and_hang.as_deref());
        // A page break before the block belongs to this layout, not to the cached block.
        let page_break = std::mem::take(&mut self.break_pending);
        let start = self.flow.len();
        let cached = signature
            .as_deref()
            .and_then(|signature| self.typesetter.flow_cache.get(signature));
        if let Some((flow, diagnostics)) = cached {
            self.flow.extend_from_slice(flow);
            self.diagnostics.extend_from_slice(diagnostics);
        } else {
            let first_diagnostic = self.diagnostics.len();
            self.build_block(block, label);
            if let Some(signature) = signature.filter(|_| !self.typesetter.is_recording()) {
                let flow = self.flow[start..].to_vec();
                let diagnostics = self.diagnostics[first_diagnostic..].to_vec();
                self.typesetter
                    .flow_cache
                    .insert(signature, flow, diagnostics);
            }
        }
        match self.flow.get_mut(start) {
            Some(first) => first.page_break_before |= page_break,
            None => self.break_pending = page_break,
        }
    }

    fn build_block(&mut self, block: &Block, label: Option<&str>) {
        let id = Some(block.id);
        match &block.kind {
            BlockKind::Paragraph { text } => self.text_paragraph(text, label, id),
            BlockKind::Excerpt { from, edited } => self.excerpt(*from, edited.as_deref(), id),
            BlockKind::TalkingPoint { point } => match self.project.talking_point(*point) {
                Some(tp) => {
                    let text = tp.text.clone();
                    self.list_item(&text, "\u{2022}", id);
                }
                None => {
                    self.missing_reference("a talking point that is no longer in the library", id)
                }
            },
            BlockKind::Bullets { items } => {
                for item in items.iter().filter(|i| !i.trim().is_empty()) {
                    self.list_item(item, "\u{2022}", id);
                }
            }
            BlockKind::PageBreak => self.break_pending = true,
        }
    }

    fn text_paragraph(&mut self, markdown: &str, label: Option<&str>, block: Option<BlockId>) {
        if let Some(label) = label {
            self.list_item(markdown, label, block);
            return;
        }
        let style = self.template.styles.body.clone();
        let spans = spans_from_inline(parse_inline(markdown));
        let set = self.set(&spans, &style, self.width, block);
        let slabs = paragraph_slabs(&set, Pt::ZERO, Color::TEXT);
        self.push(text_block(slabs, &style, block));
    }

    fn list_item(&mut self, markdown: &str, label: &str, block: Option<BlockId>) {
        let style = self.template.styles.list.clone();
        let numbered = label.ends_with('.');
        let hang = if numbered {
            self.number_hang
        } else {
            Pt::mm(style.indent_left_mm)
        };
        let spans = spans_from_inline(parse_inline(markdown));
        let set = self.set(&spans, &style, self.width - hang, block);
        let mut slabs = paragraph_slabs(&set, hang, Color::TEXT);
        let mut label_style = style.clone();
        label_style.bold = numbered;
        let label_set = self.set(&[StyledSpan::plain(label)], &label_style, hang, block);
        if let (Some(first), Some(label_line)) = (slabs.first_mut(), label_set.lines.first()) {
            let baseline = set
                .lines
                .first()
                .map_or(label_line.baseline, |l| l.baseline);
            for run in &label_line.runs {
                first.items.push((
                    Point::new(run.x, baseline),
                    Item::Text(glyph_run(run, Color::TEXT)),
                ));
            }
        }
        self.push(text_block(slabs, &style, block));
    }

    fn excerpt(
        &mut self,
        from: crate::model::SectionRef,
        edited: Option<&str>,
        block: Option<BlockId>,
    ) {
        let Some((source, section)) = self.project.section(from) else {
            self.missing_reference("a source section that is no longer in the project", block);
            return;
        };
        let text = edited.unwrap_or(&section.text).trim();
        let style = self.template.styles.excerpt.clone();
        let left = Pt::mm(style.indent_left_mm);
        let right = Pt::mm(style.indent_right_mm);
        let quoted = format!(
            "\u{201c}{}\u{201d}",
            text.trim_matches(['"', '\u{201c}', '\u{201d}'])
        );
        let spans = spans_from_inline(parse_inline(&quoted));
        let set = self.set(&spans, &style, self.width - left - right, block);
        let mut slabs = paragraph_slabs(&set, left, Color::TEXT);

        let mut citation = String::from("\u{2014} ");
        let mut parts = Vec::new();
        if !source.author.trim().is_empty() {
            parts.push(source.author.trim().to_owned());
        }
        if !source.title.trim().is_empty() {
            parts.push(format!("\u{201c}{}\u{201d}", source.title.trim()));
        }
        for extra in [&source.publication, &source.date] {
            if !extra.trim().is_empty() {
                parts.push(extra.trim().to_owned());
            }
        }
        citation.push_str(&parts.join(", "));
        let citation_style = self.template.styles.citation.clone();
        let url = source.url.trim().to_owned();
        let span = StyledSpan {
            text: citation,
            bold: false,
            italic: false,
            link: (!url.is_empty()).then_some(url),
        };
        let citation_set = self.set(
            &[span],
            &citation_style,
            self.width - left - Pt::mm(citation_style.indent_right_mm),
            block,
        );
        let mut citation_slabs = paragraph_slabs(&citation_set, left, Color::MUTED);
        if let Some(first) = citation_slabs.first_mut() {
            // A little air between the quotation and its attribution.
            first.height += Pt(style.space_after_pt);
            for (point, _) in &mut first.items {
                point.y += Pt(style.space_after_pt);
            }
        }
        slabs.extend(citation_slabs);
        self.push(FlowBlock {
            slabs: slabs.into(),
            space_before: Pt(style.space_before_pt),
            space_after: Pt(citation_style.space_after_pt),
            keep_with_next: false,
            splittable: true,
            page_break_before: false,
            block,
            outline: None,
        });
    }

    fn missing_reference(&mut self, what: &str, block: Option<BlockId>) {
        self.diagnostics.push(Diagnostic::error(
            format!("a block refers to {what}; it prints as \u{201c}[Missing: \u{2026}]\u{201d}"),
            block,
        ));
        let style = self.template.styles.body.clone();
        let span = StyledSpan {
            text: format!("[Missing: {what}]"),
            bold: false,
            italic: true,
            link: None,
        };
        let set = self.set(&[span], &style, self.width, block);
        let slabs = paragraph_slabs(&set, Pt::ZERO, Color::MARKING);
        self.push(text_block(slabs, &style, block));
    }
}

/// One error per paragraph for the characters no bundled font draws, however many.
fn missing_glyphs(missing: &[char], block: Option<BlockId>) -> Diagnostic {
    const SHOWN: usize = 8;
    let mut unique: Vec<char> = Vec::new();
    for c in missing {
        if !unique.contains(c) {
            unique.push(*c);
        }
    }
    let listed: Vec<String> = unique
        .iter()
        .take(SHOWN)
        .map(|c| {
            format!(
                "U+{:04X} \u{2018}{c}\u{2019} ({})",
                u32::from(*c),
                crate::unicode_block::block_name(*c)
            )
        })
        .collect();
    let more = unique.len().saturating_sub(SHOWN);
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    Diagnostic::error(
        format!(
            "{} cannot be drawn by any bundled font{tail}; {} as blank boxes",
            listed.join(", "),
            if unique.len() == 1 {
                "it shows"
            } else {
                "they show"
            }
        ),
        block,
    )
}

fn text_block(slabs: Vec<Slab>, style: &Style, block: Option<BlockId>) -> FlowBlock {
    FlowBlock {
        slabs: slabs.into(),
        space_before: Pt(style.space_before_pt),
        space_after: Pt(style.space_after_pt),
        keep_with_next: false,
        splittable: true,
        page_break_before: false,
        block,
        outline: None,
    }
}

fn spans_from_inline(spans: Vec<InlineSpan>) -> Vec<StyledSpan> {
    spans
        .into_iter()
        .map(|s| StyledSpan {
            text: s.text,
            bold: s.bold,
            italic: s.italic,
            link: s.link,
        })
        .collect()
}

fn text_height(set: &SetParagraph) -> Pt {
    set.lines
        .iter()
        .fold(Pt::ZERO, |sum, line| sum + line.height)
}

fn glyph_run(run: &crate::fonts::TextRun, color: Color) -> GlyphRun {
    GlyphRun {
        face: run.face,
        size: run.size,
        color,
        glyphs: run.glyphs.clone(),
        text: run.text.clone(),
    }
}

/// One slab per line, with text starting at `indent` from the left margin.
fn paragraph_slabs(set: &SetParagraph, indent: Pt, color: Color) -> Vec<Slab> {
    set.lines
        .iter()
        .map(|line| Slab {
            height: line.height,
            items: line_items(set, line, Point::new(indent, Pt::ZERO), color),
        })
        .collect()
}

/// All lines of a paragraph stacked from `origin`, as items of one slab.
fn stack_lines(set: &SetParagraph, origin: Point, color: Color) -> Vec<(Point, Item)> {
    let mut y = origin.y;
    let mut items = Vec::new();
    for line in &set.lines {
        items.extend(line_items(set, line, Point::new(origin.x, y), color));
        y += line.height;
    }
    items
}

fn line_items(
    set: &SetParagraph,
    line: &crate::fonts::SetLine,
    origin: Point,
    color: Color,
) -> Vec<(Point, Item)> {
    // Links in running text are blue and underlined; in muted text (citations) they stay
    // quiet and are only clickable.
    let marks_links = color == Color::TEXT;
    let mut items = Vec::new();
    for run in &line.runs {
        let at = Point::new(origin.x + run.x, origin.y + line.baseline);
        let run_color = if run.link.is_some() && marks_links {
            Color::LINK
        } else {
            color
        };
        items.push((at, Item::Text(glyph_run(run, run_color))));
        if let Some(url) = run.link.and_then(|i| set.links.get(i)) {
            let inked = run
                .glyphs
                .iter()
                .rev()
                .skip_while(|g| g.text.of(&run.text).trim().is_empty())
                .map(|g| g.x + g.advance)
                .next();
            let width = inked.unwrap_or(Pt::ZERO);
            items.push((
                Point::new(origin.x + run.x, origin.y),
                Item::Link {
                    size: Size {
                        width,
                        height: line.height,
                    },
                    url: url.clone(),
                },
            ));
            if marks_links {
                items.push((
                    Point::new(origin.x + run.x, origin.y + line.baseline + run.size * 0.12),
                    Item::Rule {
                        to: Point::new(width, Pt::ZERO),
                        thickness: Pt(0.4),
                        color: Color::LINK,
                    },
                ));
            }
        }
    }
    items
}
