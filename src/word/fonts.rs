//! Which bundled family draws each run of the Word file, and which characters each family
//! must carry into the file.
//!
//! The document's default font is the template's body family. Characters it lacks (the
//! response boxes' ☐, Arabic, Tamil, Chinese…) go, as in the layout, to the first of the
//! template's fallback families for their script that has them; those runs name that
//! family, so Word and LibreOffice draw them with the face that is embedded instead of a
//! substitute of their own choosing. The walk runs over the finished document tree, after
//! every writer of runs (body, tables, title block, headers, footers, footnotes) is done,
//! so none of them needs to know about fonts.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use docx_rs::{
    DocumentChild, Docx, FooterChild, HeaderChild, Paragraph, ParagraphChild, Run, RunChild,
    RunFonts, Table, TableCellContent, TableChild, TableRowChild, Text,
};

use crate::fonts::{FaceId, FontFallback, Script, find_face};
use crate::template::Template;

/// The characters the document shows in each family, by family name.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct UsedText {
    pub by_family: BTreeMap<String, BTreeSet<char>>,
}

/// Chooses a family for each character: the body family when it has the character,
/// else the template's fallback for the character's script that has it.
struct FamilyChooser<'t> {
    body: String,
    body_face: Option<FaceId>,
    fallback: &'t FontFallback,
    chosen: HashMap<char, Option<String>>,
}

impl<'t> FamilyChooser<'t> {
    fn new(template: &'t Template) -> Self {
        let body = template.fonts.body.clone();
        Self {
            body_face: find_face(&body, false, false),
            body,
            fallback: &template.fonts.fallback,
            chosen: HashMap::new(),
        }
    }

    /// The fallback family for `c`, or `None` when the body family draws it (or nothing
    /// bundled does, and the body family's missing-glyph box is what the PDF shows too).
    fn fallback_for(&mut self, c: char) -> Option<String> {
        if c.is_ascii() || c.is_whitespace() {
            return None;
        }
        if let Some(known) = self.chosen.get(&c) {
            return known.clone();
        }
        let body_has = self.body_face.is_some_and(|face| face.maps(c));
        let family = if body_has {
            None
        } else {
            Script::of(c).and_then(|script| {
                self.fallback
                    .families(script)
                    .iter()
                    .find(|family| find_face(family, false, false).is_some_and(|f| f.maps(c)))
                    .cloned()
            })
        };
        self.chosen.insert(c, family.clone());
        family
    }
}

/// Names the fallback family on every run (or part of a run) whose characters the body
/// family lacks, and returns the characters each family shows.
pub(super) fn assign(docx: &mut Docx, template: &Template) -> UsedText {
    let mut walk = Walk {
        chooser: FamilyChooser::new(template),
        used: UsedText::default(),
    };
    for child in &mut docx.document.children {
        match child {
            DocumentChild::Paragraph(paragraph) => walk.paragraph(paragraph),
            DocumentChild::Table(table) => walk.table(table),
            _ => {}
        }
    }
    let section = &mut docx.document.section_property;
    for (_, header) in [
        &mut section.header,
        &mut section.first_header,
        &mut section.even_header,
    ]
    .into_iter()
    .flatten()
    {
        for child in &mut header.children {
            match child {
                HeaderChild::Paragraph(paragraph) => walk.paragraph(paragraph),
                HeaderChild::Table(table) => walk.table(table),
                HeaderChild::StructuredDataTag(_) => {}
            }
        }
    }
    for (_, footer) in [
        &mut section.footer,
        &mut section.first_footer,
        &mut section.even_footer,
    ]
    .into_iter()
    .flatten()
    {
        for child in &mut footer.children {
            match child {
                FooterChild::Paragraph(paragraph) => walk.paragraph(paragraph),
                FooterChild::Table(table) => walk.table(table),
                FooterChild::StructuredDataTag(_) => {}
            }
        }
    }
    walk.used
}

struct Walk<'t> {
    chooser: FamilyChooser<'t>,
    used: UsedText,
}

impl Walk<'_> {
    fn table(&mut self, table: &mut Table) {
        for TableChild::TableRow(row) in &mut table.rows {
            for TableRowChild::TableCell(cell) in &mut row.cells {
                for content in &mut cell.children {
                    match content {
                        TableCellContent::Paragraph(paragraph) => self.paragraph(paragraph),
                        TableCellContent::Table(table) => self.table(table),
                        _ => {}
                    }
                }
            }
        }
    }

    fn paragraph(&mut self, paragraph: &mut Paragraph) {
        self.children(&mut paragraph.children);
    }

    fn children(&mut self, children: &mut Vec<ParagraphChild>) {
        let mut finished = Vec::with_capacity(children.len());
        for child in children.drain(..) {
            match child {
                ParagraphChild::Run(run) => {
                    for run in self.run(*run) {
                        finished.push(ParagraphChild::Run(Box::new(run)));
                    }
                }
                ParagraphChild::Hyperlink(mut link) => {
                    self.children(&mut link.children);
                    finished.push(ParagraphChild::Hyperlink(link));
                }
                other => finished.push(other),
            }
        }
        *children = finished;
    }

    /// `run` split where its family changes, each part naming its fallback family.
    fn run(&mut self, mut run: Run) -> Vec<Run> {
        for child in &mut run.children {
            if let RunChild::FootnoteReference(note) = child {
                for paragraph in &mut note.content {
                    self.paragraph(paragraph);
                }
            }
        }
        let mut parts: Vec<(Option<String>, Vec<RunChild>)> = Vec::new();
        for child in run.children {
            let RunChild::Text(text) = child else {
                push_child(&mut parts, child);
                continue;
            };
            for c in text.text.chars() {
                let family = self.chooser.fallback_for(c);
                let shown_in = family.as_deref().unwrap_or(&self.chooser.body);
                self.used
                    .by_family
                    .entry(shown_in.to_owned())
                    .or_default()
                    .insert(c);
                push_char(&mut parts, family, c, text.preserve_space);
            }
        }
        if parts.iter().all(|(family, _)| family.is_none()) {
            let mut whole = Run::new();
            whole.run_property = run.run_property;
            whole.children = parts
                .into_iter()
                .flat_map(|(_, children)| children)
                .collect();
            return vec![whole];
        }
        parts
            .into_iter()
            .map(|(family, children)| {
                let mut part = Run::new();
                part.run_property = run.run_property.clone();
                if let Some(family) = family {
                    part.run_property = part.run_property.fonts(
                        RunFonts::new()
                            .ascii(&family)
                            .hi_ansi(&family)
                            .east_asia(&family)
                            .cs(&family),
                    );
                }
                part.children = children;
                part
            })
            .collect()
    }
}

/// A child that is not text (a tab, a break, a field) joins the run part being built.
fn push_child(parts: &mut Vec<(Option<String>, Vec<RunChild>)>, child: RunChild) {
    match parts.last_mut() {
        Some((_, children)) => children.push(child),
        None => parts.push((None, vec![child])),
    }
}

/// `c` added to the last part when it is in the same family, else to a new part.
/// Spaces are the body family's: fallback faces may lack them, and a space's width is
/// the body font's in the layout too.
fn push_char(
    parts: &mut Vec<(Option<String>, Vec<RunChild>)>,
    family: Option<String>,
    c: char,
    preserve_space: bool,
) {
    if let Some((last, children)) = parts.last_mut()
        && *last == family
    {
        if let Some(RunChild::Text(text)) = children.last_mut() {
            text.text.push(c);
        } else {
            children.push(RunChild::Text(text_of(c, preserve_space)));
        }
        return;
    }
    parts.push((family, vec![RunChild::Text(text_of(c, preserve_space))]));
}

fn text_of(c: char, preserve_space: bool) -> Text {
    let mut text = Text::new(c.to_string());
    text.preserve_space = preserve_space;
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_template() -> Template {
        let project = crate::sample::project();
        Template::for_brief(&project.brief).expect("the sample's template")
    }

    fn runs(paragraph: &Paragraph) -> Vec<(Option<String>, String)> {
        paragraph
            .children
            .iter()
            .filter_map(|child| match child {
                ParagraphChild::Run(run) => Some(run),
                _ => None,
            })
            .map(|run| {
                let text = run
                    .children
                    .iter()
                    .filter_map(|c| match c {
                        RunChild::Text(t) => Some(t.text.as_str()),
                        _ => None,
                    })
                    .collect::<String>();
                let family = run.run_property.fonts.as_ref().map(|fonts| {
                    serde_json::to_value(fonts).expect("fonts serialise")["ascii"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned()
                });
                (family, text)
            })
            .collect()
    }

    #[test]
    fn characters_the_body_font_lacks_go_to_the_templates_fallback() {
        let template = sample_template();
        let mut docx = Docx::new().add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("\u{2610}\u{a0}Agreed"))
                .add_run(Run::new().bold().add_text("Қазақстан 中国 visit")),
        );
        let used = assign(&mut docx, &template);
        let DocumentChild::Paragraph(paragraph) = &docx.document.children[0] else {
            panic!("a paragraph");
        };
        let body = template.fonts.body.clone();
        assert_eq!(
            runs(paragraph),
            vec![
                (Some("Noto Sans Symbols2".to_owned()), "\u{2610}".to_owned()),
                (None, "\u{a0}Agreed".to_owned()),
                (None, "Қазақстан ".to_owned()),
                (Some("Droid Sans Fallback".to_owned()), "中国".to_owned()),
                (None, " visit".to_owned()),
            ]
        );
        assert!(used.by_family[&body].contains(&'Қ'));
        assert!(!used.by_family[&body].contains(&'中'));
        assert!(used.by_family["Droid Sans Fallback"].contains(&'国'));
        assert!(used.by_family["Noto Sans Symbols2"].contains(&'\u{2610}'));
    }

    #[test]
    fn a_latin_run_is_left_as_it_was() {
        let template = sample_template();
        let run = Run::new().italic().add_text("Plain words").add_tab();
        let mut docx = Docx::new().add_paragraph(Paragraph::new().add_run(run.clone()));
        assign(&mut docx, &template);
        let DocumentChild::Paragraph(paragraph) = &docx.document.children[0] else {
            panic!("a paragraph");
        };
        assert_eq!(paragraph.children, vec![ParagraphChild::Run(Box::new(run))]);
    }
}
