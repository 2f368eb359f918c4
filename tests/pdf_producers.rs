//! PDF articles made by the tools that make them (Typst, LibreOffice, Chromium, LuaLaTeX,
//! WeasyPrint; `tests/fixtures/producers/`, with the script that made them), imported and
//! compared paragraph by paragraph with the text they were made from. An excerpt is a
//! quotation: every paragraph must come in whole and word for word, the title and author
//! right, and no running head, page number or site furniture among the paragraphs.

mod support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use briefwright::model::{SectionKind, Source};

/// An article as written: what its PDFs were made from.
struct Truth {
    title: String,
    author: String,
    date: String,
    paragraphs: Vec<String>,
}

impl Truth {
    fn read(path: &Path) -> Truth {
        let text = std::fs::read_to_string(path).expect("the article's text is beside it");
        let (head, body) = text
            .split_once("\n\n")
            .expect("a header, then the paragraphs");
        let field = |name: &str| {
            head.lines()
                .find_map(|line| line.strip_prefix(&format!("{name}: ")))
                .unwrap_or_default()
                .to_owned()
        };
        Truth {
            title: field("title"),
            author: field("author"),
            date: field("date"),
            paragraphs: body
                .split("\n\n")
                .map(normalise)
                .filter(|p| !p.is_empty())
                .collect(),
        }
    }
}

/// Whitespace runs as one space: how a paragraph wraps is not its wording.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How one PDF came in.
struct Score {
    name: String,
    exact: usize,
    total: usize,
    title: bool,
    author: bool,
    date: bool,
    /// Furniture lines found among the article's paragraphs and headings.
    leaked: Vec<String>,
    /// Paragraphs and headings that came in but are not the article's.
    strays: Vec<String>,
    missing: Vec<String>,
}

fn score(pdf: &Path) -> Score {
    let name = pdf
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a name")
        .trim_end_matches(".pdf")
        .to_owned();
    let article = name.split('.').next().expect("article.producer");
    let folder = pdf.parent().expect("a folder");
    let truth = Truth::read(&folder.join(format!("{article}.txt")));
    let furniture: Vec<String> =
        std::fs::read_to_string(folder.join(format!("{name}.furniture.txt")))
            .unwrap_or_default()
            .lines()
            .map(normalise)
            .filter(|line| !line.is_empty())
            .collect();
    let bytes = std::fs::read(pdf).expect("the PDF");
    let source: Source = match briefwright::import::import_pdf(&bytes) {
        Ok(source) => source,
        Err(error) => panic!("{name} is refused: {error}"),
    };
    let content: Vec<String> = source
        .sections
        .iter()
        .filter(|s| s.kind != SectionKind::Boilerplate)
        .map(|s| normalise(&s.text))
        .collect();
    let exact = truth
        .paragraphs
        .iter()
        .filter(|p| content.contains(p))
        .count();
    let missing = truth
        .paragraphs
        .iter()
        .filter(|p| !content.contains(p))
        .cloned()
        .collect();
    let strays = content
        .iter()
        .filter(|c| !truth.paragraphs.contains(c))
        .cloned()
        .collect();
    let leaked = furniture
        .iter()
        .filter(|f| {
            let f = f.to_lowercase();
            content.iter().any(|c| c.to_lowercase().contains(&f))
        })
        .cloned()
        .collect();
    let date = briefwright::dates::long_date(&truth.date).unwrap_or_default();
    Score {
        name,
        exact,
        total: truth.paragraphs.len(),
        title: normalise(&source.title) == truth.title,
        author: normalise(&source.author) == truth.author,
        date: normalise(&source.date) == date,
        leaked,
        strays,
        missing,
    }
}

fn producers() -> Vec<PathBuf> {
    let folder = support::fixture("producers");
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("the producers folder")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    pdfs
}

fn table(scores: &[Score]) -> String {
    let mut out = String::from(
        "| PDF | exact paragraphs | title | author | date | furniture leaked | other strays |\n|---|---|---|---|---|---|---|\n",
    );
    let yes = |ok: bool| if ok { "right" } else { "wrong" };
    for s in scores {
        let _ = writeln!(
            out,
            "| {} | {}/{} | {} | {} | {} | {} | {} |",
            s.name,
            s.exact,
            s.total,
            yes(s.title),
            yes(s.author),
            yes(s.date),
            s.leaked.len(),
            s.strays.len()
        );
    }
    out
}

#[test]
fn every_producers_article_comes_in_whole_and_word_for_word() {
    let pdfs = producers();
    assert!(pdfs.len() >= 12, "the corpus is in place");
    let scores: Vec<Score> = pdfs.iter().map(|pdf| score(pdf)).collect();
    let table = table(&scores);
    println!("{table}");
    let report = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf-producers.md");
    std::fs::write(&report, &table).expect("write the table");
    let mut failures = String::new();
    for s in &scores {
        let wrong = s.exact < s.total || !s.title || !s.author || !s.date;
        if wrong || !s.leaked.is_empty() || !s.strays.is_empty() {
            let _ = writeln!(
                failures,
                "{}: missing {:#?}\nstray {:#?}\nleaked {:?}",
                s.name, s.missing, s.strays, s.leaked
            );
        }
    }
    assert!(failures.is_empty(), "{table}\n{failures}");
}

/// Our own export read back: a brief made of an article's paragraphs, laid out and
/// written as the PDF an officer would send, imported as another officer would receive it.
/// The paragraphs come back word for word (with the quotes curled, as our layout prints
/// them), the title is the brief's, and the marking banners and page numbers stay out of
/// the paragraphs. The title block's cells still come in as short paragraphs: our PDF is
/// not tagged yet, and a table is not told from text by its geometry.
#[test]
fn our_own_export_comes_back_word_for_word() {
    use briefwright::fonts::Typesetter;
    use briefwright::model::{BlockKind, Edit, MetaField};
    use briefwright::template::Template;

    let folder = support::fixture("producers");
    for article in ["trade-corridor", "caspian-ports", "digital-economy"] {
        let truth = Truth::read(&folder.join(format!("{article}.txt")));
        let mut project = briefwright::sample::project();
        for part in &mut project.brief.parts {
            part.blocks.clear();
        }
        project
            .apply(Edit::SetMeta(MetaField::Title, truth.title.clone()))
            .expect("titled");
        for paragraph in &truth.paragraphs {
            project
                .apply(Edit::AddBlock {
                    part: 1,
                    kind: BlockKind::Paragraph {
                        text: paragraph.clone(),
                    },
                })
                .expect("added");
        }
        let template = Template::for_brief(&project.brief).expect("template");
        let laid = briefwright::layout::layout(&project, &template, &mut Typesetter::new());
        let pdf = briefwright::pdf::write(&laid).expect("our PDF");
        let source = briefwright::import::import_pdf(&pdf).expect("our PDF imports");
        let content: Vec<String> = source
            .sections
            .iter()
            .filter(|s| s.kind != SectionKind::Boilerplate)
            .map(|s| normalise(&s.text))
            .collect();
        let straight = |text: &str| text.replace(['\u{2018}', '\u{2019}'], "'");
        let content: Vec<String> = content.iter().map(|c| straight(c)).collect();
        let missing: Vec<&String> = truth
            .paragraphs
            .iter()
            .filter(|p| !content.contains(&straight(p)))
            .collect();
        assert!(
            missing.is_empty(),
            "{article}: missing {missing:#?}\ngot {content:#?}"
        );
        assert!(
            normalise(&source.title).starts_with(&truth.title),
            "{article}: title {:?}",
            source.title
        );
        let marking = laid.marking().to_owned();
        let furniture: Vec<&String> = content
            .iter()
            .filter(|c| c.contains(&marking) || c.starts_with("Page "))
            .collect();
        assert!(furniture.is_empty(), "{article}: {furniture:#?}");
    }
}
