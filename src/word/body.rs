//! The body of the Word document, in the layout's order: the title, the title block as a
//! table, each printed part under its heading with its blocks, the signature block after
//! recommendations, clearance, contact officer and attachments, and the Sources list.

use docx_rs::{BreakType, Numbering, Paragraph, Run, Tab, TabLeaderType, TabValueType, Table};

use crate::layout::{BlockPlan, Footnotes, ListItem, Plan, PrintedPart, RESPONSE_COLUMN};
use crate::model::{Block, BlockKind, Project};
use crate::template::Template;

use super::runs::{Ids, add_noted, add_request, in_language, in_language_of};
use super::styles::{
    ATTACHMENT, BODY, BULLETS, HEADING, LIST_BULLET, LIST_NUMBER, QUOTE, RESPONSE, SOURCE_ENTRY,
    TITLE, WRITING_LINE, emphasis, list_member, numbered_list, twips,
};
use super::tables;

/// A paragraph or a table of the body.
pub(super) enum Child {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// Writes the body of one brief.
pub(super) struct BodyWriter<'a> {
    pub project: &'a Project,
    pub template: &'a Template,
    pub plan: Plan<'a>,
    pub footnotes: &'a Footnotes,
    pub ids: Ids,
    /// The numbered lists begun so far (ids from 3 on).
    pub lists: Vec<Numbering>,
    pub children: Vec<Child>,
    /// A page break the next paragraph or table must start after.
    break_pending: bool,
}

impl<'a> BodyWriter<'a> {
    pub fn new(
        project: &'a Project,
        template: &'a Template,
        plan: Plan<'a>,
        footnotes: &'a Footnotes,
    ) -> Self {
        BodyWriter {
            project,
            template,
            plan,
            footnotes,
            ids: Ids::default(),
            lists: Vec::new(),
            children: Vec::new(),
            break_pending: false,
        }
    }

    /// Writes the whole body.
    pub fn write(&mut self) {
        let title = self.plan.title();
        let paragraph = self.ids.styled(TITLE);
        let title = add_request(
            paragraph,
            &title,
            emphasis(&self.template.styles.title),
            &mut self.ids,
        );
        self.paragraph(title);
        if let Some(table) = self.plan.meta_table() {
            let table = tables::title_block(&table, &mut self.ids);
            self.table(table);
        }
        for printed in self.plan.printed_parts() {
            self.break_pending |= printed.break_before;
            self.part(&printed);
        }
        self.decision_lists();
        self.sources_list();
    }

    pub(super) fn paragraph(&mut self, paragraph: Paragraph) {
        if std::mem::take(&mut self.break_pending) {
            self.page_break();
        }
        self.children.push(Child::Paragraph(Box::new(paragraph)));
    }

    pub(super) fn table(&mut self, table: Table) {
        if std::mem::take(&mut self.break_pending) {
            self.page_break();
        } else if matches!(self.children.last(), Some(Child::Table(_))) {
            // Word joins tables that touch into one.
            let spacer = self.ids.styled(BODY);
            self.children.push(Child::Paragraph(Box::new(spacer)));
        }
        self.children.push(Child::Table(Box::new(table)));
    }

    fn page_break(&mut self) {
        let paragraph = self
            .ids
            .styled(BODY)
            .add_run(Run::new().add_break(BreakType::Page));
        self.children.push(Child::Paragraph(Box::new(paragraph)));
    }

    /// A new numbered list starting at 1; its id.
    fn begin_list(&mut self) -> usize {
        let id = self.lists.len() + 3;
        self.lists.push(numbered_list(id));
        id
    }

    fn heading(&mut self, text: &str) {
        let paragraph = self
            .ids
            .styled(HEADING)
            .add_run(Run::new().add_text(super::runs::clean(text)));
        self.paragraph(paragraph);
    }

    fn part(&mut self, printed: &PrintedPart) {
        let (heading, _) = self.plan.heading(printed);
        self.heading(&heading);
        if printed.lead_with_purpose {
            let purpose = self.plan.purpose();
            let body = emphasis(&self.template.styles.body);
            let paragraph = add_request(self.ids.styled(BODY), &purpose, body, &mut self.ids);
            self.paragraph(paragraph);
        }
        let numbers = printed.numbered_paragraphs.map(|_| self.begin_list());
        let mut recommendations = None;
        for (block, label) in printed.blocks() {
            match &block.kind {
                BlockKind::PageBreak => self.break_pending = true,
                BlockKind::Paragraph { text } => self.text(block, text, label.and(numbers)),
                BlockKind::Bullets { items } => {
                    for item in items.iter().filter(|item| !item.trim().is_empty()) {
                        self.bullet(block, item);
                    }
                }
                BlockKind::Recommendation { text, responses } => {
                    let list = *recommendations.get_or_insert_with(|| self.begin_list());
                    self.recommendation(block, text, responses.options(), list);
                }
                _ => self.planned(block),
            }
        }
        if printed.recommends() && self.template.signature_block {
            self.signature_block();
        }
    }

    /// A paragraph, a member of list `numbers` when the part numbers its paragraphs.
    fn text(&mut self, block: &Block, text: &str, numbers: Option<usize>) {
        let (style, base) = match numbers {
            Some(_) => (LIST_NUMBER, &self.template.styles.list),
            None => (BODY, &self.template.styles.body),
        };
        let mut paragraph = self.ids.styled(style);
        if let Some(list) = numbers {
            let (id, level) = list_member(list);
            paragraph = paragraph.numbering(id, level);
        }
        let portion = self.plan.portion_of(block).unwrap_or_default();
        let segments = self.footnotes.segments(block.id, text);
        let paragraph = add_noted(paragraph, &portion, segments, emphasis(base), &mut self.ids);
        self.paragraph(in_language_of(paragraph, text));
    }

    fn bullet(&mut self, block: &Block, item: &str) {
        let (id, level) = list_member(BULLETS);
        let paragraph = self.ids.styled(LIST_BULLET).numbering(id, level);
        let portion = self.plan.portion_of(block).unwrap_or_default();
        let segments = self.footnotes.segments(block.id, item);
        let base = emphasis(&self.template.styles.list);
        let paragraph = add_noted(paragraph, &portion, segments, base, &mut self.ids);
        self.paragraph(in_language_of(paragraph, item));
    }

    /// A numbered recommendation kept with its two responses, each after a box, the
    /// second at the same column as in the layout.
    fn recommendation(&mut self, block: &Block, text: &str, options: [&str; 2], list: usize) {
        let (id, level) = list_member(list);
        let paragraph = self
            .ids
            .styled(LIST_NUMBER)
            .numbering(id, level)
            .keep_next(true);
        let portion = self.plan.portion_of(block).unwrap_or_default();
        let segments = self.footnotes.segments(block.id, text);
        let base = emphasis(&self.template.styles.list);
        let paragraph = add_noted(paragraph, &portion, segments, base, &mut self.ids);
        self.paragraph(paragraph);
        let indent = crate::units::Pt::mm(self.template.styles.list.indent_left_mm.max(6.0));
        let column = twips((indent + RESPONSE_COLUMN).0).max(0) as usize;
        let [first, second] = options;
        let responses = self
            .ids
            .styled(RESPONSE)
            .add_tab(Tab::new().val(TabValueType::Left).pos(column))
            .add_run(Run::new().add_text(format!("\u{2610}\u{a0}{first}")))
            .add_run(
                Run::new()
                    .add_tab()
                    .add_text(format!("\u{2610}\u{a0}{second}")),
            );
        self.paragraph(responses);
    }

    /// Excerpts, talking points, tables and missing references, as the plan sets them.
    fn planned(&mut self, block: &Block) {
        match self.plan.block(block, None, crate::units::Pt::ZERO) {
            BlockPlan::Excerpt { quote, .. } => {
                let base = emphasis(&self.template.styles.excerpt);
                let paragraph = add_request(self.ids.styled(QUOTE), &quote, base, &mut self.ids);
                let source = match &block.kind {
                    BlockKind::Excerpt { from, .. } => self.project.source(from.source),
                    _ => None,
                };
                let paragraph = match source.filter(|s| !s.language.is_empty()) {
                    Some(source) => in_language(paragraph, &source.language),
                    None => {
                        let text: String = quote.spans.iter().map(|s| s.text.as_str()).collect();
                        in_language_of(paragraph, &text)
                    }
                };
                self.paragraph(paragraph);
            }
            BlockPlan::List(items) => {
                for item in items {
                    self.bullet_item(&item);
                }
            }
            BlockPlan::Table(plan) => {
                let table = tables::table(&plan, &mut self.ids);
                self.table(table);
            }
            BlockPlan::Missing { marker, .. } | BlockPlan::Text(marker) => {
                let base = emphasis(&self.template.styles.body);
                let paragraph = add_request(self.ids.styled(BODY), &marker, base, &mut self.ids);
                self.paragraph(paragraph);
            }
            BlockPlan::PageBreak | BlockPlan::Recommendation(_) => {}
        }
    }

    fn bullet_item(&mut self, item: &ListItem) {
        let (id, level) = list_member(BULLETS);
        let paragraph = self.ids.styled(LIST_BULLET).numbering(id, level);
        let base = emphasis(&self.template.styles.list);
        let paragraph = add_request(paragraph, &item.text, base, &mut self.ids);
        let text: String = item.text.spans.iter().map(|s| s.text.as_str()).collect();
        self.paragraph(in_language_of(paragraph, &text));
    }

    /// The minister's comments on three ruled lines, then the signature and date lines,
    /// kept together.
    fn signature_block(&mut self) {
        let [comments, signature, date] = self.plan.signature_labels();
        let body = emphasis(&self.template.styles.body);
        let paragraph = self.ids.styled(WRITING_LINE);
        let paragraph = add_request(paragraph, &comments, body, &mut self.ids);
        self.paragraph(paragraph);
        let width = self.template.page.text_width().0;
        // Lines to write on are tabs with an underscore leader: paragraph borders would
        // join into a box, as Word groups equal borders of adjacent paragraphs.
        for _ in 0..3 {
            let line = self
                .ids
                .styled(WRITING_LINE)
                .add_tab(
                    Tab::new()
                        .val(TabValueType::Right)
                        .leader(TabLeaderType::Underscore)
                        .pos(twips(width).max(0) as usize),
                )
                .add_run(Run::new().add_tab());
            self.paragraph(line);
        }
        let text = |request: &crate::fonts::ParagraphRequest| {
            request
                .spans
                .iter()
                .map(|s| s.text.as_str())
                .collect::<String>()
        };
        let rule = |at: f32| {
            Tab::new()
                .val(TabValueType::Left)
                .leader(TabLeaderType::Underscore)
                .pos(twips(at).max(0) as usize)
        };
        let line = self
            .ids
            .styled(BODY)
            .add_tab(rule(width * 0.55))
            .add_tab(rule(width))
            .add_run(
                Run::new()
                    .add_text(format!("{} ", text(&signature)))
                    .add_tab(),
            )
            .add_run(Run::new().add_text(format!("  {} ", text(&date))).add_tab());
        self.paragraph(line);
    }

    /// Clearance and contact officer tables, and the lettered attachments.
    fn decision_lists(&mut self) {
        if let Some(table) = self.plan.clearance_table() {
            self.heading("Clearance");
            let table = tables::table(&table, &mut self.ids);
            self.table(table);
        }
        if let Some(table) = self.plan.contact_table() {
            let table = tables::table(&table, &mut self.ids);
            self.table(table);
        }
        let attachments = self.plan.attachment_rows();
        if attachments.is_empty() {
            return;
        }
        self.heading("Attachments");
        let base = emphasis(&self.template.styles.body);
        for [label, title] in &attachments {
            let paragraph = self.ids.styled(ATTACHMENT);
            let paragraph = add_request(paragraph, label, base, &mut self.ids);
            let paragraph = add_request(
                paragraph.add_run(Run::new().add_tab()),
                title,
                base,
                &mut self.ids,
            );
            self.paragraph(paragraph);
        }
    }

    /// The Sources list: each cited source once, after its number or a bullet.
    fn sources_list(&mut self) {
        let Some((_, entries)) = self.plan.sources_list() else {
            return;
        };
        self.heading("Sources");
        let base = emphasis(&self.template.styles.list);
        for entry in &entries {
            let paragraph = self.ids.styled(SOURCE_ENTRY);
            let paragraph = add_request(paragraph, &entry.label, base, &mut self.ids);
            let paragraph = paragraph.add_run(Run::new().add_tab());
            let paragraph = add_request(paragraph, &entry.text, base, &mut self.ids);
            self.paragraph(paragraph);
        }
    }
}
