//! The page of the Word document: the template's size and margins, and the header and
//! footer every page carries, with the marking placed as its scheme says, the reference,
//! and "Page X of Y" as Word fields, so the numbers stay right as the office edits.

use docx_rs::{
    AlignmentType, Docx, Footer, Header, NumPages, PageMargin, PageNum, Run, Tab, TabValueType,
};

use crate::layout::{Banner, Facts};
use crate::template::{Align, Template};

use super::runs::{Ids, clean};
use super::styles::{FOOTER, HEADER, MARKING, hex, twips_mm};

/// `docx` with the template's page, and the header and footer of every page.
pub(super) fn set_up(
    docx: Docx,
    template: &Template,
    facts: &Facts,
    banner: &Banner,
    ids: &mut Ids,
) -> Docx {
    let page = &template.page;
    let margin = PageMargin {
        top: twips_mm(page.margin_top_mm),
        left: twips_mm(page.margin_left_mm),
        bottom: twips_mm(page.margin_bottom_mm),
        right: twips_mm(page.margin_right_mm),
        // The header and footer stand where the layout prints them.
        header: twips_mm(page.margin_top_mm * 0.4),
        footer: twips_mm(page.margin_bottom_mm * 0.35),
        gutter: 0,
    };
    let mut header = Header::new();
    if banner.top && !banner.text.is_empty() {
        header = header.add_paragraph(marking(banner, template, ids));
    } else {
        header = header.add_paragraph(ids.styled(HEADER));
    }
    let footer = Footer::new().add_paragraph(footer_line(template, facts, banner, ids));
    docx.page_size(
        twips_mm(page.width_mm).max(0) as u32,
        twips_mm(page.height_mm).max(0) as u32,
    )
    .page_margin(margin)
    .header(header)
    .footer(footer)
}

/// The marking's run: its colour, weight and at least its scheme's size.
fn marking_run(banner: &Banner, template: &Template) -> Run {
    let size = template.styles.header.size_pt.max(banner.min_size.0);
    let run = Run::new()
        .add_text(clean(&banner.text))
        .color(hex(banner.colour))
        .size((size * 2.0).round() as usize);
    if banner.bold { run.bold() } else { run }
}

/// The marking at the head of the page, centred or at the right as its scheme says.
fn marking(banner: &Banner, template: &Template, ids: &mut Ids) -> docx_rs::Paragraph {
    let align = match banner.align {
        Align::End => AlignmentType::Right,
        _ => AlignmentType::Center,
    };
    ids.styled(MARKING)
        .align(align)
        .add_run(marking_run(banner, template))
}

/// One line at the foot, as on the PDF's pages: the reference at the left, the marking
/// in the middle (or at the right, before the page number), "Page X of Y" at the right.
fn footer_line(
    template: &Template,
    facts: &Facts,
    banner: &Banner,
    ids: &mut Ids,
) -> docx_rs::Paragraph {
    let page = &template.page;
    let width = twips_mm(page.width_mm - page.margin_left_mm - page.margin_right_mm).max(0);
    let mut line = ids
        .styled(FOOTER)
        .add_tab(Tab::new().val(TabValueType::Center).pos(width as usize / 2))
        .add_tab(Tab::new().val(TabValueType::Right).pos(width as usize));
    if template.footer.reference && !facts.reference.trim().is_empty() {
        line = line.add_run(Run::new().add_text(clean(facts.reference.trim())));
    }
    if banner.bottom && !banner.text.is_empty() {
        line = line
            .add_run(Run::new().add_tab())
            .add_run(marking_run(banner, template));
    }
    if template.footer.page_numbers {
        let tab = if banner.bottom && !banner.text.is_empty() {
            Run::new().add_tab()
        } else {
            Run::new().add_tab().add_tab()
        };
        line = line
            .add_run(tab.add_text("Page "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" of "))
            .add_num_pages(NumPages::new());
    }
    line
}
