//! The named styles and list definitions of the Word document, from the template: every
//! paragraph the export writes has a style with a name Word knows (Title, heading 1, List
//! Number, Quote, Table Grid, footnote text, …) or one of ours (Title Block, Protective
//! Marking, Response, Source Entry), so a department can restyle the whole brief by
//! attaching its own template.

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, Docx, IndentLevel, Level, LevelJc, LevelOverride,
    LevelText, LineSpacing, LineSpacingType, NumberFormat, Numbering, NumberingId, RunFonts,
    SpecialIndentType, Start, Style, StyleType, TableBorder, TableBorderPosition, TableBorders,
    TableCellMargins, TableProperty, VertAlignType, WidthType,
};

use crate::layout::Color;
use crate::template::{Align, Template};

pub(super) const TITLE: &str = "Title";
pub(super) const HEADING: &str = "Heading1";
pub(super) const BODY: &str = "BodyText";
pub(super) const LIST_NUMBER: &str = "ListNumber";
pub(super) const LIST_BULLET: &str = "ListBullet";
pub(super) const QUOTE: &str = "Quote";
pub(super) const RESPONSE: &str = "Response";
pub(super) const WRITING_LINE: &str = "WritingLine";
pub(super) const SOURCE_ENTRY: &str = "SourceEntry";
pub(super) const ATTACHMENT: &str = "Attachment";
pub(super) const TITLE_BLOCK: &str = "TitleBlock";
pub(super) const TITLE_BLOCK_LABEL: &str = "TitleBlockLabel";
pub(super) const TABLE_TEXT: &str = "TableText";
pub(super) const TABLE_GRID: &str = "TableGrid";
pub(super) const MARKING: &str = "Marking";
pub(super) const HEADER: &str = "Header";
pub(super) const FOOTER: &str = "Footer";
pub(super) const FOOTNOTE_TEXT: &str = "FootnoteText";
pub(super) const HYPERLINK: &str = "Hyperlink";
/// The paragraph a picture stands in, kept with its caption.
pub(super) const FIGURE: &str = "Figure";
pub(super) const CAPTION: &str = "Caption";

/// The list definitions: numbered paragraphs ("1."), and bullets.
const NUMBERED_LIST: usize = 2;
const BULLET_LIST: usize = 3;
/// The one bullet list instance all bullets share (ids 1 are docx-rs's own default).
pub(super) const BULLETS: usize = 2;

/// Twentieths of a point, Word's unit of length.
pub(super) fn twips(points: f32) -> i32 {
    (points * 20.0).round() as i32
}

pub(super) fn twips_mm(mm: f32) -> i32 {
    twips(mm * 72.0 / 25.4)
}

/// Half points, Word's unit of font size.
fn half_points(points: f32) -> usize {
    (points * 2.0).round().max(2.0) as usize
}

pub(super) fn hex(color: Color) -> String {
    format!("{:02X}{:02X}{:02X}", color.r, color.g, color.b)
}

fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Start => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::End => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

/// The layout's line height. Word's "auto" spacing would multiply the font's own line
/// height, which is already about 1.36 em for Noto Sans; "at least" the layout's height
/// gives the same lines and still grows for a taller script.
fn line_height(style: &crate::template::Style) -> i32 {
    twips(style.size_pt * style.leading)
}

/// A paragraph style from one of the template's styles: size, emphasis, alignment,
/// spacing and indents.
fn paragraph_style(id: &str, name: &str, style: &crate::template::Style) -> Style {
    let mut word = Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .size(half_points(style.size_pt))
        .align(alignment(style.align))
        .line_spacing(
            LineSpacing::new()
                .before(twips(style.space_before_pt).max(0) as u32)
                .after(twips(style.space_after_pt).max(0) as u32)
                .line(line_height(style))
                .line_rule(LineSpacingType::AtLeast),
        );
    if style.bold {
        word = word.bold();
    }
    if style.italic {
        word = word.italic();
    }
    if style.indent_left_mm > 0.0 || style.indent_right_mm > 0.0 {
        word = word.indent(
            Some(twips_mm(style.indent_left_mm)),
            None,
            Some(twips_mm(style.indent_right_mm)),
            None,
        );
    }
    word
}

fn keep_with_next(mut style: Style) -> Style {
    style.paragraph_property = style.paragraph_property.keep_next(true);
    style
}

/// The template's styles with the space before each paragraph reduced by the space a body
/// paragraph leaves after it. The layout takes the larger of the two spaces where two
/// paragraphs meet; Word adds them, and would open every heading and quotation wider.
fn spacing_as_word_adds_it(styles: &crate::template::Styles) -> crate::template::Styles {
    let mut word = styles.clone();
    let after = styles.body.space_after_pt;
    for style in [
        &mut word.title,
        &mut word.heading,
        &mut word.excerpt,
        &mut word.list,
        &mut word.meta,
        &mut word.citation,
    ] {
        style.space_before_pt = (style.space_before_pt - after).max(0.0);
    }
    word
}

/// Bold and italic as a paragraph style sets them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Emphasis {
    pub bold: bool,
    pub italic: bool,
}

/// The emphasis a Word style sets, to write runs against it.
pub(super) fn emphasis(style: &crate::template::Style) -> Emphasis {
    Emphasis {
        bold: style.bold,
        italic: style.italic,
    }
}

/// The document's default font, size and spacing, its styles and its list definitions.
pub(super) fn define(docx: Docx, template: &Template) -> Docx {
    let styles = &spacing_as_word_adds_it(&template.styles);
    let family = template.fonts.body.as_str();
    let list_indent = twips_mm(styles.list.indent_left_mm.max(6.0));
    let mut docx = docx
        .default_fonts(
            RunFonts::new()
                .ascii(family)
                .hi_ansi(family)
                .cs(family)
                .east_asia(family),
        )
        .default_size(half_points(styles.body.size_pt))
        .default_line_spacing(
            LineSpacing::new()
                .after(twips(styles.body.space_after_pt).max(0) as u32)
                .line(line_height(&styles.body))
                .line_rule(LineSpacingType::AtLeast),
        );
    let mut heading_2 = styles.heading.clone();
    heading_2.size_pt = (heading_2.size_pt * 0.9).max(styles.body.size_pt);
    let mut footnote = styles.footer.clone();
    footnote.space_before_pt = 0.0;
    footnote.space_after_pt = 2.0;
    let mut table_text = styles.meta.clone();
    table_text.space_before_pt = 0.0;
    table_text.space_after_pt = 0.0;
    let mut label = table_text.clone();
    label.bold = true;
    let list = &styles.list;
    // Captions are set as citations are, centred under their picture, as in the PDF.
    let mut caption = styles.citation.clone();
    caption.align = Align::Center;
    caption.indent_left_mm = 0.0;
    caption.indent_right_mm = 0.0;
    let hanging = |style: Style, hang: i32| {
        style.indent(
            Some(hang),
            Some(SpecialIndentType::Hanging(hang)),
            None,
            None,
        )
    };
    let paragraph_styles = [
        keep_with_next(paragraph_style(TITLE, "Title", &styles.title)),
        keep_with_next(paragraph_style(HEADING, "heading 1", &styles.heading)).outline_lvl(0),
        keep_with_next(paragraph_style("Heading2", "heading 2", &heading_2)).outline_lvl(1),
        paragraph_style(BODY, "Body Text", &styles.body),
        paragraph_style(LIST_NUMBER, "List Number", list),
        paragraph_style(LIST_BULLET, "List Bullet", list),
        paragraph_style(QUOTE, "Quote", &styles.excerpt),
        paragraph_style(RESPONSE, "Response", list).indent(Some(list_indent), None, None, None),
        keep_with_next(paragraph_style(WRITING_LINE, "Writing Line", &styles.body)),
        hanging(
            paragraph_style(SOURCE_ENTRY, "Source Entry", list),
            list_indent,
        ),
        hanging(
            paragraph_style(ATTACHMENT, "Attachment", &styles.body),
            twips(80.0),
        ),
        paragraph_style(TITLE_BLOCK, "Title Block", &table_text),
        paragraph_style(TITLE_BLOCK_LABEL, "Title Block Label", &label),
        paragraph_style(TABLE_TEXT, "Table Text", &table_text),
        paragraph_style(MARKING, "Protective Marking", &styles.header),
        paragraph_style(HEADER, "header", &styles.header),
        paragraph_style(FOOTER, "footer", &styles.footer).color(hex(Color::MUTED)),
        paragraph_style(FOOTNOTE_TEXT, "footnote text", &footnote),
        keep_with_next(paragraph_style(FIGURE, "Figure", &styles.body))
            .align(AlignmentType::Center),
        paragraph_style(CAPTION, "caption", &caption).color(hex(Color::MUTED)),
    ];
    for style in paragraph_styles {
        docx = docx.add_style(style);
    }
    let mut reference =
        Style::new("FootnoteReference", StyleType::Character).name("footnote reference");
    reference.run_property = reference
        .run_property
        .vert_align(VertAlignType::SuperScript);
    let link = Style::new(HYPERLINK, StyleType::Character)
        .name("Hyperlink")
        .color(hex(Color::LINK))
        .underline("single");
    let rule = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color(hex(Color::RULE))
    };
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |borders, position| {
        borders.set(rule(position))
    });
    let grid = Style::new(TABLE_GRID, StyleType::Table)
        .name("Table Grid")
        .table_property(
            TableProperty::new().set_borders(borders).set_margins(
                TableCellMargins::new()
                    .margin_left(twips(3.0).max(0) as usize, WidthType::Dxa)
                    .margin_right(twips(3.0).max(0) as usize, WidthType::Dxa)
                    .margin_top(twips(3.0).max(0) as usize, WidthType::Dxa)
                    .margin_bottom(twips(3.0).max(0) as usize, WidthType::Dxa),
            ),
        );
    docx = docx.add_style(reference).add_style(link).add_style(grid);
    // The language goes in when the package is finished: docx-rs has no element for it.
    for (_, id, name) in super::language::TAGGED {
        docx = docx.add_style(Style::new(id, StyleType::Character).name(name));
    }
    let level = |format: &str, text: &str| {
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(
            Some(list_indent),
            Some(SpecialIndentType::Hanging(list_indent)),
            None,
            None,
        )
    };
    let numbered = level("decimal", "%1.").bold();
    let bullet = level("bullet", crate::layout::BULLET);
    docx.add_abstract_numbering(AbstractNumbering::new(NUMBERED_LIST).add_level(numbered))
        .add_abstract_numbering(AbstractNumbering::new(BULLET_LIST).add_level(bullet))
        .add_numbering(Numbering::new(BULLETS, BULLET_LIST))
}

/// A numbered list that starts again at 1: one per part's paragraphs, and one per part's
/// recommendations, as the layout numbers them.
pub(super) fn numbered_list(id: usize) -> Numbering {
    Numbering::new(id, NUMBERED_LIST).add_override(LevelOverride::new(0).start(1))
}

/// The paragraph property that puts a paragraph in list `id`.
pub(super) fn list_member(id: usize) -> (NumberingId, IndentLevel) {
    (NumberingId::new(id), IndentLevel::new(0))
}
