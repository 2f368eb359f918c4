//! The body of the Word document, in the layout's order: the title, the title block as a
//! table, each printed part under its heading with its blocks, the signature block after
//! recommendations, clearance, contact officer and attachments, and the Sources list.

use docx_rs::{BreakType, Numbering, Paragraph, Run, Tab, TabLeaderType, TabValueType, Table};

use crate::fonts::ParagraphRequest;
use crate::layout::{Document, ElementKind, ListItem, Noted, RESPONSE_COLUMN};
use crate::template::Template;

use super::runs::{Ids, add_noted, add_request, in_language};
use super::styles::{
    ATTACHMENT, BODY, BULLETS, CAPTION, FIGURE, HEADING, LIST_BULLET, LIST_NUMBER, QUOTE, RESPONSE,
    SOURCE_ENTRY, TITLE, WRITING_LINE, emphasis, list_member, numbered_list, twips,
};
use super::tables;

/// A paragraph or a table of the body.
pub(super) enum Child {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// The Word list id of the layout's numbered list `list`: ids 1 and 2 are the bullets
/// and the footnotes' lists.
fn list_id(list: usize) -> usize {
    list + 3
}

/// Writes the body of one brief.
pub(super) struct BodyWriter<'a> {
    pub template: &'a Template,
    pub ids: Ids,
    /// The numbered lists, one for each the layout's document begins.
    pub lists: Vec<Numbering>,
    pub children: Vec<Child>,
    /// A page break the next paragraph or table must start after.
    break_pending: bool,
    /// Paragraphs carry their block's identity (a Word file exported for review).
    identified: bool,
    /// The block of the element being written, and how many of its paragraphs are out.
    block: Option<crate::layout::BlockId>,
    in_block: usize,
    pub figures: super::figures::Figures,
}

impl<'a> BodyWriter<'a> {
    pub fn new(template: &'a Template) -> Self {
        BodyWriter {
            template,
            ids: Ids::default(),
            lists: Vec::new(),
            children: Vec::new(),
            break_pending: false,
            identified: false,
            block: None,
            in_block: 0,
            figures: Default::default(),
        }
    }

    /// Writes the whole body: each element of the document in order.
    pub fn write(&mut self, document: &Document) {
        self.lists = (0..document.lists)
            .map(|list| numbered_list(list_id(list)))
            .collect();
        self.identified = document.identity.is_some();
        for element in &document.elements {
            if element.block != self.block {
                self.block = element.block;
                self.in_block = 0;
            }
            self.element(&element.kind);
        }
    }

    fn element(&mut self, element: &ElementKind) {
        let styles = &self.template.styles;
        match element {
            ElementKind::Title(title) => {
                let paragraph = self.ids.styled(TITLE);
                let title = add_request(paragraph, title, emphasis(&styles.title), &mut self.ids);
                self.paragraph(title);
            }
            ElementKind::TitleBlock(table) => {
                let table = tables::title_block(table, &mut self.ids);
                self.table(table);
            }
            ElementKind::Heading(text) => self.heading(text),
            ElementKind::Body(text) => {
                let base = emphasis(&styles.body);
                let paragraph = add_request(self.ids.styled(BODY), text, base, &mut self.ids);
                self.paragraph(paragraph);
            }
            ElementKind::Paragraph {
                text,
                list,
                language,
            } => self.text(text, *list, language.as_deref()),
            ElementKind::Bullet { text, language } => {
                let (id, level) = list_member(BULLETS);
                let paragraph = self.ids.styled(LIST_BULLET).numbering(id, level);
                let base = emphasis(&styles.list);
                let paragraph = add_noted(paragraph, text, base, &mut self.ids);
                self.paragraph(in_language(paragraph, language.as_deref()));
            }
            ElementKind::ListItem { text, language } => {
                let (id, level) = list_member(BULLETS);
                let paragraph = self.ids.styled(LIST_BULLET).numbering(id, level);
                let base = emphasis(&styles.list);
                let paragraph = add_request(paragraph, text, base, &mut self.ids);
                self.paragraph(in_language(paragraph, language.as_deref()));
            }
            ElementKind::Recommendation {
                text,
                list,
                responses,
            } => self.recommendation(text, *list, responses),
            ElementKind::Quote { quote, language } => {
                let base = emphasis(&styles.excerpt);
                let paragraph = add_request(self.ids.styled(QUOTE), quote, base, &mut self.ids);
                self.paragraph(in_language(paragraph, language.as_deref()));
            }
            ElementKind::Table(plan) => {
                let identity = self.block.filter(|_| self.identified);
                let table = tables::table(plan, &mut self.ids, identity);
                self.table(table);
            }
            ElementKind::PageBreak => self.break_pending = true,
            ElementKind::SignatureBlock(labels) => self.signature_block(labels),
            ElementKind::Attachment([label, title]) => {
                let base = emphasis(&styles.body);
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
            ElementKind::SourceEntry(entry) => self.source_entry(entry),
            ElementKind::Figure(figure) => {
                let paragraph = self.ids.styled(FIGURE);
                let paragraph = self.figures.paragraph(paragraph, figure);
                self.paragraph(paragraph);
                if let Some(caption) = &figure.caption {
                    let base = emphasis(&styles.citation);
                    let paragraph =
                        add_request(self.ids.styled(CAPTION), caption, base, &mut self.ids);
                    self.paragraph(paragraph);
                }
            }
        }
    }

    pub(super) fn paragraph(&mut self, mut paragraph: Paragraph) {
        if self.identified
            && let Some(block) = self.block
        {
            // A bookmark at the paragraph's start names the block and its paragraph, so
            // that a reviewed file maps back; Word hides names that start with "_".
            let id = self.ids.bookmark();
            let name = crate::layout::ReviewIdentity::bookmark(block, self.in_block);
            self.in_block += 1;
            paragraph.children.insert(
                0,
                docx_rs::ParagraphChild::BookmarkEnd(docx_rs::BookmarkEnd::new(id)),
            );
            paragraph.children.insert(
                0,
                docx_rs::ParagraphChild::BookmarkStart(docx_rs::BookmarkStart::new(id, name)),
            );
        }
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

    fn heading(&mut self, text: &str) {
        let paragraph = self
            .ids
            .styled(HEADING)
            .add_run(Run::new().add_text(super::runs::clean(text)));
        self.paragraph(paragraph);
    }

    /// A paragraph, a member of numbered list `list` when its part numbers paragraphs.
    fn text(&mut self, text: &Noted, list: Option<usize>, language: Option<&str>) {
        let (style, base) = match list {
            Some(_) => (LIST_NUMBER, &self.template.styles.list),
            None => (BODY, &self.template.styles.body),
        };
        let mut paragraph = self.ids.styled(style);
        if let Some(list) = list {
            let (id, level) = list_member(list_id(list));
            paragraph = paragraph.numbering(id, level);
        }
        let paragraph = add_noted(paragraph, text, emphasis(base), &mut self.ids);
        self.paragraph(in_language(paragraph, language));
    }

    /// A numbered recommendation kept with its two responses, each after a box, the
    /// second at the same column as in the layout.
    fn recommendation(&mut self, text: &Noted, list: usize, options: &[String; 2]) {
        let (id, level) = list_member(list_id(list));
        let paragraph = self
            .ids
            .styled(LIST_NUMBER)
            .numbering(id, level)
            .keep_next(true);
        let base = emphasis(&self.template.styles.list);
        let paragraph = add_noted(paragraph, text, base, &mut self.ids);
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

    /// The minister's comments on three ruled lines, then the signature and date lines,
    /// kept together.
    fn signature_block(&mut self, labels: &[ParagraphRequest; 3]) {
        let [comments, signature, date] = labels;
        let body = emphasis(&self.template.styles.body);
        let paragraph = self.ids.styled(WRITING_LINE);
        let paragraph = add_request(paragraph, comments, body, &mut self.ids);
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
        let text = |request: &ParagraphRequest| {
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
                    .add_text(format!("{} ", text(signature)))
                    .add_tab(),
            )
            .add_run(Run::new().add_text(format!("  {} ", text(date))).add_tab());
        self.paragraph(line);
    }

    /// An entry of the Sources list, after its number or a bullet.
    fn source_entry(&mut self, entry: &ListItem) {
        let base = emphasis(&self.template.styles.list);
        let paragraph = self.ids.styled(SOURCE_ENTRY);
        let paragraph = add_request(paragraph, &entry.label, base, &mut self.ids);
        let paragraph = paragraph.add_run(Run::new().add_tab());
        let paragraph = add_request(paragraph, &entry.text, base, &mut self.ids);
        self.paragraph(paragraph);
    }
}
