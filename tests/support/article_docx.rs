//! Writes the Word article used by the import tests and benches: a working paper a
//! colleague might send, with a Title-style title, headings, paragraphs mixing bold and
//! italic runs, a table, a comment, a header and a footer with a page number, and core
//! properties (author, created date) and the company in the application properties.
//!
//! docx-rs writes the body; it cannot write a title or author into the core properties,
//! so those two parts are replaced in the package afterwards.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    Comment, Docx, Footer, Header, PageNum, Paragraph, Run, Style, StyleType, Table, TableCell,
    TableRow,
};

/// One block of the paper's body, as written.
#[derive(Clone, Copy)]
pub enum Block<'a> {
    Heading(&'a str),
    /// Runs of plain, `*italic*` and `**bold**` text.
    Text(&'a str),
    /// The first row is the header row.
    Table(&'a [&'a [&'a str]]),
}

pub struct Paper<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub created: &'a str,
    pub company: &'a str,
    pub header: &'a str,
    pub footer: &'a str,
    pub comment: &'a str,
    pub body: Vec<Block<'a>>,
}

/// The `.docx` file.
pub fn paper_docx(paper: &Paper) -> Vec<u8> {
    let mut docx = Docx::new()
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(48),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .bold()
                .size(32)
                .outline_lvl(0),
        )
        .header(
            Header::new()
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text(paper.header))),
        )
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(format!("{}  Page ", paper.footer)))
                    .add_page_num(PageNum::new()),
            ),
        )
        .created_at(paper.created)
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(paper.title)),
        );
    let mut commented = false;
    for block in &paper.body {
        docx = match block {
            Block::Heading(text) => docx.add_paragraph(
                Paragraph::new()
                    .style("Heading1")
                    .add_run(Run::new().add_text(*text)),
            ),
            Block::Text(text) => {
                let mut paragraph = styled_runs(text);
                if !commented && !paper.comment.is_empty() {
                    commented = true;
                    let comment = Comment::new(1)
                        .author("Reviewer")
                        .date(paper.created)
                        .add_paragraph(
                            Paragraph::new().add_run(Run::new().add_text(paper.comment)),
                        );
                    paragraph = paragraph.add_comment_start(comment).add_comment_end(1);
                }
                docx.add_paragraph(paragraph)
            }
            Block::Table(rows) => docx.add_table(Table::new(
                rows.iter()
                    .map(|row| {
                        TableRow::new(
                            row.iter()
                                .map(|cell| {
                                    TableCell::new().add_paragraph(
                                        Paragraph::new().add_run(Run::new().add_text(*cell)),
                                    )
                                })
                                .collect(),
                        )
                    })
                    .collect(),
            )),
        };
    }
    let mut packed = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut packed)
        .expect("the document is packed");
    replace_parts(
        &packed.into_inner(),
        &[
            ("docProps/core.xml", core_xml(paper)),
            ("docProps/app.xml", app_xml(paper)),
        ],
    )
}

/// "Plain *italic* and **bold**" as runs.
fn styled_runs(text: &str) -> Paragraph {
    let mut paragraph = Paragraph::new();
    for (index, part) in text.split("**").enumerate() {
        let bold = index % 2 == 1;
        for (inner, piece) in part.split('*').enumerate() {
            if piece.is_empty() {
                continue;
            }
            let mut run = Run::new().add_text(piece);
            if bold {
                run = run.bold();
            }
            if inner % 2 == 1 {
                run = run.italic();
            }
            paragraph = paragraph.add_run(run);
        }
    }
    paragraph
}

fn core_xml(paper: &Paper) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{}</dcterms:modified></cp:coreProperties>"#,
        escape(paper.title),
        escape(paper.author),
        paper.created,
        paper.created
    )
}

fn app_xml(paper: &Paper) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Briefwright test fixtures</Application><Company>{}</Company></Properties>"#,
        escape(paper.company)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The package with the named parts' contents replaced (or added), other parts as they were.
pub fn replace_parts(package: &[u8], parts: &[(&str, String)]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package)).expect("a zip");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).expect("a part");
        let name = part.name().to_owned();
        if parts.iter().any(|(replaced, _)| *replaced == name) {
            continue;
        }
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).expect("the part unpacks");
        out.start_file(name, options).expect("a part starts");
        out.write_all(&bytes).expect("the part is written");
    }
    for (name, text) in parts {
        out.start_file(*name, options).expect("a part starts");
        out.write_all(text.as_bytes()).expect("the part is written");
    }
    out.finish().expect("the zip is finished").into_inner()
}

/// The paper in `tests/fixtures/docx/working-paper.docx`, written by us.
pub fn working_paper() -> Paper<'static> {
    Paper {
        title: "Water diplomacy on the steppe: what Malaysia can offer",
        author: "Nurul Huda Rahman",
        created: "2026-10-02T08:30:00Z",
        company: "Central Asia Policy Institute",
        header: "Central Asia Policy Institute · Working paper 14 · Not for citation",
        footer: "cap-institute.example",
        comment: "Check the figure for 2024 against the ministry's release.",
        body: WORKING_PAPER.to_vec(),
    }
}

const WORKING_PAPER: [Block<'static>; 10] = [
    Block::Text(
        "Floods now cost Kazakhstan more each spring than any other natural hazard. \
         This paper asks what a country with long *monsoon* experience can usefully \
         offer, and what it should **not** promise.",
    ),
    Block::Heading("The problem"),
    Block::Text(
        "Snowmelt floods along the Ishim and Tobol rivers displaced thousands of \
         families in recent years. Forecasting exists, but warnings often reach \
         villages **too late** to move livestock and grain.",
    ),
    Block::Text(
        "Regional authorities have asked for help with *retention basins*, river \
         gauges and the training of local emergency staff.",
    ),
    Block::Table(&[
        &["Measure", "Lead time", "Indicative cost"],
        &["River gauges and telemetry", "12 months", "Low"],
        &["Retention basins", "3 to 5 years", "High"],
        &["Early-warning training", "6 months", "Low"],
    ]),
    Block::Heading("What Malaysia can offer"),
    Block::Text(
        "Malaysia's drainage department runs a national flood forecasting centre and \
         has trained staff from several neighbouring countries. A *small, practical* \
         exchange would be credible; a grand programme would not.",
    ),
    Block::Text(
        "We recommend a joint working group with a **one-year** plan, reporting to \
         both ministries, and a pilot on a single river basin.",
    ),
    Block::Heading("Risks"),
    Block::Text(
        "The main risk is overpromising. Basins take years to build, and a visit that \
         announces them without funding would be judged a failure within a season.",
    ),
];
