//! Turning the brief into a flow of blocks made of unbreakable slabs (lines, table rows).

use std::sync::Arc;

use crate::fonts::{ParagraphRequest, SetParagraph, Typesetter};
use crate::model::{Block, BlockId, BlockKind, Project};
use crate::template::Template;
use crate::units::{Point, Pt, Size};

use super::citations::Citations;
use super::document::Document;
use super::footnotes::Footnotes;
use super::memo::BlockCache;
use super::plan::{BlockPlan, FigurePlan, ListItem, Plan, PrintedPart};
use super::portion::PortionMarks;
use super::slabs::{
    FlowBlock, Slab, cut_out, glyph_run, paragraph_slabs, stack_lines, text_block, text_height,
    with_role,
};
use super::{Color, Diagnostic, Item, Role};

/// Between a picture and its caption.
const FIGURE_CAPTION_GAP: Pt = Pt(4.0);

#[path = "content_decision.rs"]
mod decision;

struct Builder<'a> {
    project: &'a Project,
    template: &'a Template,
    plan: Plan<'a>,
    typesetter: &'a mut Typesetter,
    blocks: &'a mut BlockCache,
    diagnostics: &'a mut Vec<Diagnostic>,
    flow: Vec<FlowBlock>,
    break_pending: bool,
    /// How far numbered paragraphs of the current part hang: room for their widest number.
    number_hang: Pt,
}

/// Builds the flow for the whole brief: title, metadata table and parts. Blocks found in
/// `blocks` are taken from there, and blocks built afresh are added to it.
pub fn build(
    project: &Project,
    template: &Template,
    typesetter: &mut Typesetter,
    blocks: &mut BlockCache,
    diagnostics: &mut Vec<Diagnostic>,
    with_document: bool,
) -> (Vec<FlowBlock>, Option<Document>) {
    let citations = Citations::new(project, template);
    let portions = PortionMarks::new(project, template);
    let footnotes = Footnotes::new(project, template);
    let plan = Plan::new(project, template, &citations, &portions, &footnotes);
    let mut builder = Builder {
        project,
        template,
        plan,
        typesetter,
        blocks,
        diagnostics,
        flow: Vec::new(),
        break_pending: false,
        number_hang: Pt::mm(template.styles.list.indent_left_mm),
    };
    if let Some(crest) = plan.crest() {
        builder.figure(&crest, None);
        if let Some(block) = builder.flow.last_mut() {
            block.keep_with_next = true;
            block.space_before = Pt::ZERO;
        }
    }
    builder.title();
    builder.meta_table();
    let left_out: Vec<&str> = template
        .unprinted_parts(&project.brief)
        .into_iter()
        .map(|(_, part)| part.title.as_str())
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
    for printed in plan.printed_parts() {
        builder.break_pending |= printed.break_before;
        builder.part(&printed);
    }
    builder.decision_lists();
    builder.sources_list();
    let document = with_document.then(|| super::document::build(&plan, &footnotes, template));
    (builder.flow, document)
}

impl Builder<'_> {
    /// Sets `request`, warning about characters no bundled font can draw.
    fn set(&mut self, request: &ParagraphRequest, block: Option<BlockId>) -> Arc<SetParagraph> {
        let set = self
            .typesetter
            .set(&request.spans, &request.style, request.width);
        if !set.missing.is_empty() {
            self.diagnostics
                .push(super::coverage::undrawn(&set.missing, block));
        }
        set
    }

    fn push(&mut self, mut block: FlowBlock) {
        block.page_break_before |= std::mem::take(&mut self.break_pending);
        self.flow.push(block);
    }

    fn title(&mut self) {
        let set = self.set(&self.plan.title(), None);
        let slabs = paragraph_slabs(&set, Pt::ZERO, Color::BLACK);
        self.push(FlowBlock {
            slabs: slabs.into(),
            space_before: Pt::ZERO,
            space_after: Pt(self.template.styles.title.space_after_pt),
            keep_with_next: true,
            splittable: false,
            repeat_first: false,
            page_break_before: false,
            block: None,
            outline: None,
            element: None,
        });
    }

    fn meta_table(&mut self) {
        let Some(table) = self.plan.meta_table() else {
            return;
        };
        let padding = table.padding;
        let mut slabs = Vec::new();
        for (row, [label, value]) in table.rows.iter().enumerate() {
            let row = u16::try_from(row).unwrap_or(u16::MAX);
            let label_set = self.set(label, None);
            let value_set = self.set(value, None);
            let height = text_height(&label_set).max(text_height(&value_set)) + padding * 2.0;
            let mut items = vec![
                (
                    Point::default(),
                    Item::Rect {
                        size: Size {
                            width: table.label_width,
                            height,
                        },
                        fill: Some(Color::SHADE),
                        stroke: Some((Color::RULE, Pt(0.5))),
                    },
                    Role::Artifact,
                ),
                (
                    Point::new(table.label_width, Pt::ZERO),
                    Item::Rect {
                        size: Size {
                            width: table.value_width,
                            height,
                        },
                        fill: None,
                        stroke: Some((Color::RULE, Pt(0.5))),
                    },
                    Role::Artifact,
                ),
            ];
            items.extend(with_role(
                stack_lines(&label_set, Point::new(padding, padding), Color::BLACK),
                Role::Cell { row, column: 0 },
            ));
            items.extend(with_role(
                stack_lines(
                    &value_set,
                    Point::new(table.label_width + padding, padding),
                    Color::BLACK,
                ),
                Role::Cell { row, column: 1 },
            ));
            slabs.push(Slab {
                height,
                items,
                notes: Vec::new(),
            });
        }
        self.push(FlowBlock {
            slabs: slabs.into(),
            space_before: Pt::ZERO,
            space_after: Pt(14.0),
            keep_with_next: false,
            splittable: false,
            repeat_first: false,
            page_break_before: false,
            block: None,
            outline: None,
            element: None,
        });
    }

    /// A heading kept with what follows it, with its outline entry.
    fn heading(&mut self, heading: &ParagraphRequest, outline: String) {
        let set = self.set(heading, None);
        let style = &self.template.styles.heading;
        self.push(FlowBlock {
            slabs: paragraph_slabs(&set, Pt::ZERO, Color::BLACK).into(),
            space_before: Pt(style.space_before_pt),
            space_after: Pt(style.space_after_pt),
            keep_with_next: true,
            splittable: false,
            repeat_first: false,
            page_break_before: false,
            block: None,
            outline: Some(outline),
            element: None,
        });
    }

    /// The Sources list, after the parts: each cited source once, in full.
    fn sources_list(&mut self) {
        let Some((heading, entries)) = self.plan.sources_list() else {
            return;
        };
        self.heading(&heading, "Sources".to_owned());
        for entry in &entries {
            self.list_item(entry, None);
        }
    }

    fn part(&mut self, printed: &PrintedPart) {
        let (heading_text, heading) = self.plan.heading(printed);
        self.heading(&heading, heading_text);
        if printed.lead_with_purpose {
            self.text(&self.plan.purpose(), None);
        }
        self.number_hang = self.plan.number_hang(printed, self.typesetter);
        for (block, label) in printed.blocks() {
            if matches!(block.kind, BlockKind::PageBreak) {
                self.break_pending = true;
                continue;
            }
            self.cached_block(block, label.as_deref());
        }
        if printed.recommends() && self.template.signature_block {
            self.signature_block();
        }
    }

    /// Builds `block`, or takes what an earlier layout built for the same content.
    fn cached_block(&mut self, block: &Block, label: Option<&str>) {
        // The hang is part of what a numbered paragraph looks like.
        let label_and_hang = label.map(|label| format!("{label} {}", self.number_hang.0));
        // The reference and the portion mark depend on other blocks and the sources.
        let marks: Vec<String> = self
            .plan
            .notes_of(block)
            .into_iter()
            .map(|(mark, _)| mark)
            .collect();
        let footnotes = (!marks.is_empty()).then(|| marks.join(","));
        let citation = [
            self.plan.citation_of(block),
            self.plan.portion_of(block),
            footnotes,
        ]
        .into_iter()
        .flatten()
        .reduce(|a, b| format!("{a}|{b}"));
        let signature = super::memo::signature(
            self.project,
            block,
            label_and_hang.as_deref(),
            citation.as_deref(),
        );
        // A page break before the block belongs to this layout, not to the cached block.
        let page_break = std::mem::take(&mut self.break_pending);
        let start = self.flow.len();
        let cached = signature
            .as_deref()
            .and_then(|signature| self.blocks.get(signature));
        if let Some((flow, diagnostics)) = cached {
            self.flow.extend_from_slice(flow);
            self.diagnostics.extend_from_slice(diagnostics);
        } else {
            let first_diagnostic = self.diagnostics.len();
            self.build_block(block, label);
            if let Some(signature) = signature {
                let flow = self.flow[start..].to_vec();
                let diagnostics = self.diagnostics[first_diagnostic..].to_vec();
                self.blocks.insert(signature, flow, diagnostics);
            }
        }
        match self.flow.get_mut(start) {
            Some(first) => first.page_break_before |= page_break,
            None => self.break_pending = page_break,
        }
    }

    /// Hangs each footnote the block references on the line that shows its mark, from
    /// the flow blocks the block built (those from `start` on).
    fn attach_notes(&mut self, block: &Block, start: usize) {
        let mut from = (start, 0);
        for (mark, request) in self.plan.notes_of(block) {
            let set = self.set(&request, Some(block.id));
            let number = super::footnotes::number_of_mark(&mark);
            let role = Role::Note(number);
            let mut note = paragraph_slabs(&set, Pt::ZERO, Color::TEXT);
            for slab in &mut note {
                slab.items = with_role(std::mem::take(&mut slab.items), role);
            }
            let found = (from.0..self.flow.len()).find_map(|index| {
                let first = if index == from.0 { from.1 } else { 0 };
                (first..self.flow[index].slabs.len())
                    .find(|slab| self.flow[index].slabs[*slab].text().contains(&mark))
                    .map(|slab| (index, slab))
            });
            if let Some((index, slab)) = found {
                let mut slabs = self.flow[index].slabs.to_vec();
                slabs[slab].notes.extend(note);
                cut_out(&mut slabs[slab].items, &mark, Role::Reference(number));
                self.flow[index].slabs = slabs.into();
                from = (index, slab);
            }
        }
    }

    fn build_block(&mut self, block: &Block, label: Option<&str>) {
        let start = self.flow.len();
        self.build_block_body(block, label);
        self.attach_notes(block, start);
    }

    fn build_block_body(&mut self, block: &Block, label: Option<&str>) {
        let id = Some(block.id);
        match self.plan.block(block, label, self.number_hang) {
            BlockPlan::Text(text) => self.text(&text, id),
            BlockPlan::List(items) => {
                for item in &items {
                    self.list_item(item, id);
                }
            }
            BlockPlan::Excerpt { quote, indent } => self.excerpt(&quote, indent, id),
            BlockPlan::Missing { what, marker } => self.missing(what, &marker, id),
            BlockPlan::PageBreak => self.break_pending = true,
            BlockPlan::Recommendation(plan) => {
                self.recommendation(&plan.item, &plan.responses, plan.indent, id)
            }
            BlockPlan::Table(table) => self.table(&table, id),
            BlockPlan::Figure(figure) => self.figure(&figure, id),
        }
    }

    fn text(&mut self, text: &ParagraphRequest, block: Option<BlockId>) {
        let set = self.set(text, block);
        let slabs = paragraph_slabs(&set, Pt::ZERO, Color::TEXT);
        self.push(text_block(slabs, &self.template.styles.body, block));
    }

    fn list_item(&mut self, item: &ListItem, block: Option<BlockId>) {
        let slabs = self.list_item_slabs(item, block);
        self.push(text_block(slabs, &self.template.styles.list, block));
    }

    /// The item's lines, its label on the first.
    fn list_item_slabs(&mut self, item: &ListItem, block: Option<BlockId>) -> Vec<Slab> {
        let set = self.set(&item.text, block);
        let mut slabs = paragraph_slabs(&set, item.hang, Color::TEXT);
        let label_set = self.set(&item.label, block);
        if let (Some(first), Some(label_line)) = (slabs.first_mut(), label_set.lines.first()) {
            let baseline = set
                .lines
                .first()
                .map_or(label_line.baseline, |l| l.baseline);
            for run in &label_line.runs {
                first.items.push((
                    Point::new(run.x, baseline),
                    Item::Text(glyph_run(run, Color::TEXT)),
                    Role::Label,
                ));
            }
        }
        slabs
    }

    fn excerpt(&mut self, quote: &ParagraphRequest, indent: Pt, block: Option<BlockId>) {
        let set = self.set(quote, block);
        let slabs = paragraph_slabs(&set, indent, Color::TEXT);
        let style = &self.template.styles.excerpt;
        self.push(FlowBlock {
            slabs: slabs.into(),
            space_before: Pt(style.space_before_pt),
            space_after: Pt(self.template.styles.citation.space_after_pt),
            keep_with_next: false,
            splittable: true,
            repeat_first: false,
            page_break_before: false,
            block,
            outline: None,
            element: None,
        });
    }

    /// The picture and, under it, its caption: one unbreakable block, so that a
    /// picture is never parted from its caption. A decorative picture is an artifact.
    fn figure(&mut self, figure: &FigurePlan, block: Option<BlockId>) {
        if figure.alt.as_deref().is_some_and(str::is_empty) {
            self.diagnostics.push(Diagnostic::warning(
                "a picture has no alternative text: describe it for readers who cannot see it, or mark it decorative",
                block,
            ));
        }
        let role = if figure.alt.is_some() {
            Role::Text
        } else {
            Role::Artifact
        };
        let mut slabs = vec![Slab {
            height: figure.size.height + FIGURE_CAPTION_GAP,
            items: vec![(
                Point::new(figure.indent, Pt::ZERO),
                Item::Image {
                    size: figure.size,
                    key: figure.key.clone(),
                    picture: figure.picture.clone(),
                },
                role,
            )],
            notes: Vec::new(),
        }];
        if let Some(caption) = &figure.caption {
            let set = self.set(caption, block);
            for mut slab in paragraph_slabs(&set, Pt::ZERO, Color::MUTED) {
                slab.items = with_role(std::mem::take(&mut slab.items), Role::Piece(0));
                slabs.push(slab);
            }
        }
        let style = &self.template.styles.body;
        self.push(FlowBlock {
            slabs: slabs.into(),
            space_before: Pt(style.space_before_pt.max(6.0)),
            space_after: Pt(style.space_after_pt.max(6.0)),
            keep_with_next: false,
            splittable: false,
            repeat_first: false,
            page_break_before: false,
            block,
            outline: None,
            element: None,
        });
    }

    fn missing(&mut self, what: &str, marker: &ParagraphRequest, block: Option<BlockId>) {
        self.diagnostics.push(Diagnostic::error(
            format!("a block refers to {what}; it prints as \u{201c}[Missing: \u{2026}]\u{201d}"),
            block,
        ));
        let set = self.set(marker, block);
        let slabs = paragraph_slabs(&set, Pt::ZERO, Color::MARKING);
        self.push(text_block(slabs, &self.template.styles.body, block));
    }
}
