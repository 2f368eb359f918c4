//! Word export: the brief as a `.docx` that a minister's office can edit, comment on and
//! track changes in. It is written with docx-rs from the layout's document (the brief in
//! reading order, built from the same plan as the PDF's pages, in the same layout; not from
//! the PDF), so the title, title block, part headings, numbering, quotations and their
//! references, recommendations, tables, footnotes, Sources list and marking are those of
//! the PDF, in the same order.
//!
//! What Word keeps live stays live: numbered paragraphs and recommendations are Word
//! lists that renumber when someone inserts one, footnotes are Word footnotes, page
//! numbers are fields, and every paragraph has a named style ([`styles`]). Word paginates
//! the document itself, with the template's page size and margins ([`page`]). What docx-rs
//! cannot write is added in one small step on its parts ([`package`]). Ids come from the
//! document's own counters, so the same project gives the same bytes. The fonts travel
//! in the file, subset to the brief's characters ([`embed`]), with each run that the body
//! font cannot draw naming the template's fallback family ([`fonts`]), so the Word brief
//! looks the same on a machine that has none of them.

mod body;
mod embed;
mod figures;
mod fonts;
mod language;
mod package;
mod page;
mod runs;
mod styles;
mod tables;

use docx_rs::Docx;

use crate::layout::Laid;
use crate::template::Template;

use body::{BodyWriter, Child};

/// Why a Word document could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum WordError {
    #[error("the Word document could not be assembled: {0}")]
    Assemble(String),
}

/// The brief `laid` out with `template`, as the bytes of a `.docx` file. Word sets its own
/// pages, so only the layout's document (the brief in reading order), its facts and its
/// marking banner are read, never the pages.
pub fn write(laid: &Laid, template: &Template) -> Result<Vec<u8>, WordError> {
    let document = laid.document.as_ref().ok_or_else(|| {
        WordError::Assemble(
            "the brief was laid out for the screen only, without its document".into(),
        )
    })?;
    let mut body = BodyWriter::new(template);
    body.ids.attributions = document.attributions.clone();
    body.ids.comments = document.comments.clone();
    body.write(document);
    if let Some(error) = body.figures.error.take() {
        return Err(error);
    }
    let (facts, banner) = (&laid.facts, &laid.banner);
    let mut docx = styles::define(Docx::new(), template);
    docx = page::set_up(docx, template, facts, banner, &mut body.ids);
    for list in body.lists {
        docx = docx.add_numbering(list);
    }
    for child in body.children {
        docx = match child {
            Child::Paragraph(paragraph) => docx.add_paragraph(*paragraph),
            Child::Table(table) => docx.add_table(*table),
        };
    }
    let used = fonts::assign(&mut docx, template);
    let embedded = embed::embed(&used, &template.fonts.body)?;
    let version = document
        .identity
        .as_ref()
        .map(|identity| identity.version.0.to_string())
        .unwrap_or_default();
    let identity = document.identity.as_ref();
    let custom = [
        ("Protective marking", banner.text.as_str()),
        ("Reference", facts.reference.trim()),
        (
            crate::layout::ReviewIdentity::BRIEF_PROPERTY,
            identity.map_or("", |i| i.brief.as_str()),
        ),
        (
            crate::layout::ReviewIdentity::VERSION_PROPERTY,
            version.as_str(),
        ),
        (
            crate::layout::ReviewIdentity::TITLE_PROPERTY,
            identity.map_or("", |i| i.title.as_str()),
        ),
    ];
    package::pack(
        docx,
        facts,
        &custom,
        embedded,
        &body.ids.resolved,
        &body.figures.described,
    )
}
