//! Writes the two-column PDF article used by the import tests and benches: the kind of
//! clipping an officer saves from a newspaper's e-edition, with a title across both
//! columns, a byline and date, running headers and footers with page numbers, first-line
//! indents instead of blank lines, a bold subheading, and words hyphenated at line ends.
//!
//! It is built with lopdf straight from content-stream operators in the PDF core font
//! Helvetica (WinAnsi), so it shares nothing with Briefwright's own PDF writer.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};

/// One block of the article's body.
#[derive(Clone, Copy)]
pub enum Block<'a> {
    Heading(&'a str),
    /// A paragraph; `~` marks where a word may be hyphenated at a line end.
    Text(&'a str),
}

pub struct Article<'a> {
    pub title: &'a str,
    pub byline: &'a str,
    pub date: &'a str,
    /// The running header printed at the top of every page.
    pub header: &'a str,
    /// Printed at the foot of every page, left, with "Page N" on the right.
    pub footer: &'a str,
    pub body: Vec<Block<'a>>,
    /// The document information dictionary's Title and Author.
    pub info_title: &'a str,
    pub info_author: &'a str,
}

const PAGE: (f64, f64) = (595.0, 842.0);
const MARGIN: f64 = 56.0;
const GUTTER: f64 = 20.0;
const BODY_SIZE: f64 = 11.0;
const LEADING: f64 = 15.0;
const INDENT: f64 = 10.0;

struct Line {
    text: String,
    bold: bool,
    size: f64,
    indent: f64,
    space_before: f64,
}

/// The whole PDF file.
pub fn two_column_pdf(article: &Article) -> Vec<u8> {
    let lines = column_lines(&article.body);
    let column_width = (PAGE.0 - 2.0 * MARGIN - GUTTER) / 2.0;
    let top = PAGE.1 - 70.0;
    let bottom = 60.0;

    let mut pages: Vec<Vec<Operation>> = vec![Vec::new()];
    let mut y = top;
    let title_lines = wrap(article.title, PAGE.0 - 2.0 * MARGIN, 20.0, false);
    for line in &title_lines {
        y -= 24.0;
        text(&mut pages[0], "F2", 20.0, MARGIN, y, line);
    }
    for (font, line) in [("F2", article.byline), ("F1", article.date)] {
        if !line.is_empty() {
            y -= 16.0;
            text(&mut pages[0], font, 10.0, MARGIN, y, line);
        }
    }
    y -= 16.0;

    let mut column = 0;
    let column_top_first = y;
    for line in lines {
        let needed = line.space_before + LEADING;
        if y - needed < bottom {
            if column == 0 {
                column = 1;
            } else {
                column = 0;
                pages.push(Vec::new());
            }
            y = if pages.len() == 1 {
                column_top_first
            } else {
                top
            };
        } else {
            y -= line.space_before;
        }
        y -= LEADING;
        let x = MARGIN + column as f64 * (column_width + GUTTER) + line.indent;
        let font = if line.bold { "F2" } else { "F1" };
        let page = pages.len() - 1;
        text(&mut pages[page], font, line.size, x, y, &line.text);
    }

    let count = pages.len();
    for (number, operations) in pages.iter_mut().enumerate() {
        text(operations, "F1", 8.0, MARGIN, PAGE.1 - 40.0, article.header);
        text(operations, "F1", 8.0, MARGIN, 34.0, article.footer);
        let page_label = format!("Page {} of {count}", number + 1);
        text(
            operations,
            "F1",
            8.0,
            PAGE.0 - MARGIN - 50.0,
            34.0,
            &page_label,
        );
    }
    write_document(pages, article.info_title, article.info_author)
}

fn column_lines(body: &[Block]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut after_heading = true;
    for block in body {
        match block {
            Block::Heading(heading) => {
                lines.push(Line {
                    text: (*heading).to_owned(),
                    bold: true,
                    size: 13.0,
                    indent: 0.0,
                    space_before: 8.0,
                });
                after_heading = true;
            }
            Block::Text(paragraph) => {
                let width = (PAGE.0 - 2.0 * MARGIN - GUTTER) / 2.0 - INDENT;
                for (index, line) in wrap(paragraph, width, BODY_SIZE, true)
                    .into_iter()
                    .enumerate()
                {
                    let indent = if index == 0 && !after_heading {
                        INDENT
                    } else {
                        0.0
                    };
                    lines.push(Line {
                        text: line,
                        bold: false,
                        size: BODY_SIZE,
                        indent,
                        space_before: 0.0,
                    });
                }
                after_heading = false;
            }
        }
    }
    lines
}

/// Greedy line filling to `width` points; a word that does not fit is split at its last
/// `~` that fits, printed as a hyphen, when `hyphenate` is on.
fn wrap(text: &str, width: f64, size: f64, hyphenate: bool) -> Vec<String> {
    let fits = |line: &str| helvetica_width(line) * size <= width;
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let plain = word.replace('~', "");
        let mut longer = line.clone();
        push_word(&mut longer, &plain);
        if fits(&longer) {
            line = longer;
            continue;
        }
        if hyphenate {
            let parts: Vec<&str> = word.split('~').collect();
            let fitting = (1..parts.len()).rev().find(|&n| {
                let mut candidate = line.clone();
                push_word(&mut candidate, &format!("{}-", parts[..n].concat()));
                fits(&candidate)
            });
            if let Some(n) = fitting {
                push_word(&mut line, &format!("{}-", parts[..n].concat()));
                lines.push(std::mem::take(&mut line));
                line = parts[n..].concat();
                continue;
            }
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line = plain;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Width in ems, from Helvetica's metrics rounded to a few classes (close enough to keep
/// lines inside their column).
fn helvetica_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '\'' | '|' | '.' | ',' | ':' | ';' => 0.23,
            ' ' | 'f' | 't' | 'r' | 'I' | '-' | '(' | ')' | '/' | '\u{2019}' => 0.34,
            'm' | 'w' | 'M' | 'W' => 0.86,
            c if c.is_ascii_uppercase() => 0.70,
            _ => 0.56,
        })
        .sum()
}

fn push_word(line: &mut String, word: &str) {
    if !line.is_empty() {
        line.push(' ');
    }
    line.push_str(word);
}

fn text(operations: &mut Vec<Operation>, font: &str, size: f64, x: f64, y: f64, line: &str) {
    operations.push(Operation::new("BT", vec![]));
    operations.push(Operation::new(
        "Tf",
        vec![Object::Name(font.as_bytes().to_vec()), size.into()],
    ));
    operations.push(Operation::new("Td", vec![x.into(), y.into()]));
    operations.push(Operation::new(
        "Tj",
        vec![Object::string_literal(win_ansi(line))],
    ));
    operations.push(Operation::new("ET", vec![]));
}

fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{2019}' => 0x92,
            '\u{2014}' => 0x97,
            '\u{2013}' => 0x96,
            c if (c as u32) < 0x100 => c as u8,
            _ => b'?',
        })
        .collect()
}

fn font(base: &str) -> Dictionary {
    dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => base,
        "Encoding" => "WinAnsiEncoding",
    }
}

/// A one-page "scan": an image and no text, as a scanner writes it.
pub fn scanned_pdf() -> Vec<u8> {
    let mut document = Document::with_version("1.7");
    let pages_id = document.new_object_id();
    let pixels = vec![0xd0u8; 64 * 64];
    let image = document.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 64, "Height" => 64,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        pixels,
    ));
    let content = b"q 483 0 0 700 56 70 cm /Im1 Do Q".to_vec();
    let stream = document.add_object(Stream::new(Dictionary::new(), content));
    let page = document.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
        "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image } },
        "MediaBox" => vec![0.into(), 0.into(), PAGE.0.into(), PAGE.1.into()],
    });
    document.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    document.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).expect("the PDF is written");
    bytes
}

fn write_document(pages: Vec<Vec<Operation>>, title: &str, author: &str) -> Vec<u8> {
    let mut document = Document::with_version("1.7");
    let pages_id = document.new_object_id();
    let regular = document.add_object(font("Helvetica"));
    let bold = document.add_object(font("Helvetica-Bold"));
    let resources = document.add_object(dictionary! {
        "Font" => dictionary! { "F1" => regular, "F2" => bold },
    });
    let mut kids = Vec::new();
    for operations in pages {
        let content = Content { operations };
        let bytes = content.encode().expect("content encodes");
        let stream = document.add_object(Stream::new(Dictionary::new(), bytes));
        let page = document.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => stream,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), PAGE.0.into(), PAGE.1.into()],
        });
        kids.push(page.into());
    }
    let count = kids.len() as i64;
    document.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = document.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    document.trailer.set("Root", catalog);
    let mut info = Dictionary::new();
    if !title.is_empty() {
        info.set("Title", Object::string_literal(title));
    }
    if !author.is_empty() {
        info.set("Author", Object::string_literal(author));
    }
    let info = document.add_object(info);
    document.trailer.set("Info", info);
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).expect("the PDF is written");
    bytes
}

/// The article in `tests/fixtures/pdf/two-column.pdf`, written by us.
pub fn steppe_review() -> Article<'static> {
    Article {
        title: "Rail and river: Astana bets on a second Caspian freight route",
        byline: "By Dana Seitkali",
        date: "14 November 2026",
        header: "THE STEPPE REVIEW  |  ECONOMY  |  14 November 2026",
        footer: "steppe-review.example/economy",
        info_title: "Astana bets on a second Caspian freight route",
        info_author: "Dana Seitkali",
        body: STEPPE_REVIEW.to_vec(),
    }
}

const STEPPE_REVIEW: [Block<'static>; 18] = [
    Block::Text(
        "Kazakhstan will open tenders next spring for a second con~tain~er terminal at \
         Aktau, the trans~port ministry said on Thursday, as freight on the trans-Caspian \
         route climbed for the third year in a row.",
    ),
    Block::Text(
        "Officials expect the terminal to handle 400,000 containers a year once it is \
         finished, roughly double today\u{2019}s capacity. The ministry de~scribed the \
         project as the centre~piece of a wider infra~structure plan that also covers \
         rail sidings, customs posts and a dredged approach channel.",
    ),
    Block::Text(
        "Shipping lines have complained for months that vessels wait up to nine days to \
         unload during the autumn peak. A senior official said the new berths would cut \
         that to two, provided the customs modern~isation programme stays on sched~ule.",
    ),
    Block::Text(
        "Exporters in the south of the country, who send grain and fer~til~is~er west, \
         welcomed the an~nounce~ment but warned that rail tariffs still made the route \
         less competi~tive than the northern corridor through Russia.",
    ),
    Block::Heading("Partners and financing"),
    Block::Text(
        "The government is talking to de~vel~op~ment banks and to port operators from the \
         Gulf and South-East Asia about a share in the operating company. No partner has \
         been chosen, and the ministry declined to name the bidders.",
    ),
    Block::Text(
        "Analysts in Almaty said a foreign operator would bring man~age~ment experience \
         that state-owned ports have lacked, but cautioned that the con~ces~sion terms \
         would decide whether private money actually arrives.",
    ),
    Block::Text(
        "Azerbaijan and Georgia have promised matching upgrades on their side of the \
         route, including longer sidings at Alat and a new ferry berth at Poti. Their \
         trans~port ministers are due to meet their Kazakh coun~ter~part in Baku in \
         January to agree a common timetable.",
    ),
    Block::Text(
        "Diplomats in Astana say the talks have taken on new ur~gen~cy since insurers \
         raised premiums for cargo crossing the Black Sea. Several European retailers \
         have asked their for~ward~ers to quote for the Caspian route as a standing \
         al~ter~na~tive rather than an emergency option.",
    ),
    Block::Text(
        "The en~vi~ron~men~tal case is less settled. Scientists at a university in Atyrau \
         have warned that falling water levels in the northern Caspian could make \
         dredging a re~cur~ring cost, and have asked for an in~de~pen~dent assess~ment \
         before the approach channel is deepened.",
    ),
    Block::Text(
        "The ministry said an assessment was already under way and would be published \
         in full. It added that the terminal's design allowed for shallower-draught \
         vessels if water levels kept falling.",
    ),
    Block::Heading("A crowded field"),
    Block::Text(
        "Aktau is not the only port on the eastern shore chasing the same cargo. \
         Kuryk, seventy kilometres to the south, added a ferry terminal two years \
         ago, and Turkmenbashi across the border has cut its handling charges twice \
         since the summer in an effort to win back transit traffic.",
    ),
    Block::Text(
        "Port officials in Aktau argue that the two Kazakh ports com~ple~ment each \
         other, with Kuryk taking bulk and ferry traffic while the new terminal \
         concentrates on containers. Forwarders are less sure, and several said they \
         would wait for the tariff sched~ule before com~mit~ting volumes.",
    ),
    Block::Text(
        "The question of who pays for the rail sidings also remains open. The \
         national railway company has said it cannot fund the work from its own \
         budget, and the finance ministry has yet to say whether the sidings will be \
         part of the con~ces~sion or paid for sep~a~rate~ly from the state budget.",
    ),
    Block::Heading("What comes next"),
    Block::Text(
        "Tender documents are expected in March, with con~struc~tion to begin by the end \
         of the year if the financing is settled. The ministry said it would publish \
         quar~ter~ly reports on progress, a first for a project of this size.",
    ),
    Block::Text(
        "For now, freight for~ward~ers are advising clients to book Caspian crossings well \
         ahead of the autumn harvest, when demand for vessels is at its highest and \
         delays are longest.",
    ),
];
