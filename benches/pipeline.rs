//! Speed of the pipeline: layout and PDF at several sizes, relayout after one edit (what
//! the preview does per keystroke), save and load, and article import.

use std::hint::black_box;

use briefwright::fonts::Typesetter;
use briefwright::layout::{Laid, Layouter, layout};
use briefwright::model::{BlockKind, Edit, Figure, PictureKey, Project};
use briefwright::pdf::PdfStandard;
use briefwright::project::{from_json, to_json};
use briefwright::sample::{long_project, project};
use briefwright::template::Template;
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/support/article_docx.rs"]
#[allow(dead_code)]
mod article_docx;
#[path = "../tests/support/article_pdf.rs"]
#[allow(dead_code)]
mod article_pdf;
#[path = "../tests/support/brief_blocks.rs"]
#[allow(dead_code)]
mod brief_blocks;

/// Extra items giving 20 and 200 pages with the briefing-note template.
const TWENTY_PAGES: usize = 180;
const TWO_HUNDRED_PAGES: usize = 1910;

fn pdf_len(laid: &Laid) -> usize {
    briefwright::pdf::write(laid)
        .map(|pdf| pdf.len())
        .unwrap_or(0)
}

fn pdf_len_as(laid: &Laid, standard: PdfStandard) -> usize {
    briefwright::pdf::write_as(laid, standard)
        .map(|pdf| pdf.len())
        .unwrap_or(0)
}

/// The sample with one paragraph of Chinese added: what a CJK quotation costs.
fn sample_with_chinese() -> Project {
    let mut project = project();
    project.push_block(
        1,
        BlockKind::Paragraph {
            text: "The ministry's statement read: 哈萨克斯坦愿与各方一道，在能源、交通、\
                   农业和数字经济领域深化务实合作，欢迎更多企业来哈投资兴业。"
                .into(),
        },
    );
    project
}

fn layout_and_pdf(c: &mut Criterion) {
    let template = Template::built_in("briefing-note").expect("template");
    let mut group = c.benchmark_group("layout+pdf");
    group.sample_size(20);
    let sizes: Vec<usize> = [project(), sample_with_chinese()]
        .iter()
        .map(|p| pdf_len(&layout(p, &template, &mut Typesetter::new())))
        .collect();
    eprintln!(
        "PDF size: sample {} bytes, with one Chinese paragraph {} bytes",
        sizes[0], sizes[1]
    );
    for (name, project) in [
        ("sample", project()),
        ("sample + one Chinese paragraph", sample_with_chinese()),
        ("20 pages", long_project(TWENTY_PAGES)),
        ("200 pages", long_project(TWO_HUNDRED_PAGES)),
    ] {
        let pages = layout(&project, &template, &mut Typesetter::new())
            .pages
            .len();
        let laid = layout(&project, &template, &mut Typesetter::new());
        let sizes = PdfStandard::ALL.map(|standard| pdf_len_as(&laid, standard));
        eprintln!(
            "{name}: {pages} pages; PDF {} bytes as PDF/A-2a and PDF/UA-1, {} as PDF/UA-1, {} untagged",
            sizes[2], sizes[1], sizes[0]
        );
        // Fonts are loaded once per process; every paragraph is shaped and broken afresh.
        let mut typesetter = Typesetter::new();
        group.bench_function(name, |b| {
            b.iter(|| {
                typesetter.clear_cache();
                let laid = layout(black_box(&project), &template, &mut typesetter);
                pdf_len(&laid)
            })
        });
    }
    // What the tags and the archive cost: the same exports, untagged (--pdf-standard none).
    for (name, project) in [
        ("sample, untagged", project()),
        ("200 pages, untagged", long_project(TWO_HUNDRED_PAGES)),
    ] {
        let mut typesetter = Typesetter::new();
        group.bench_function(name, |b| {
            b.iter(|| {
                typesetter.clear_cache();
                let laid = layout(black_box(&project), &template, &mut typesetter);
                pdf_len_as(&laid, PdfStandard::None)
            })
        });
    }
    group.finish();
}

/// Export from the window: the preview has already laid the brief out, so paragraphs and
/// blocks come from the caches and the time is mostly PDF writing.
fn export_after_preview(c: &mut Criterion) {
    let template = Template::built_in("briefing-note").expect("template");
    let mut group = c.benchmark_group("layout+pdf after the preview");
    group.sample_size(20);
    for (name, project) in [
        ("sample", project()),
        ("200 pages", long_project(TWO_HUNDRED_PAGES)),
    ] {
        let mut layouter = Layouter::new();
        layouter.layout(&project, &template);
        group.bench_function(name, |b| {
            b.iter(|| pdf_len(&layouter.layout(black_box(&project), &template)))
        });
    }
    group.finish();
}

/// The middle paragraph with one more character.
fn edit_middle(project: &Project, round: usize) -> Project {
    let mut edited = project.clone();
    let blocks = brief_blocks::paragraphs(&edited);
    let block = blocks[blocks.len() / 2];
    if let Some((p, i)) = edited.locate(block)
        && let BlockKind::Paragraph { text } = &edited.brief.parts[p].blocks[i].kind
    {
        let text = format!("{text}{}", if round.is_multiple_of(2) { "x" } else { "y" });
        edited
            .apply(Edit::SetBlockText { block, text })
            .expect("edit applies");
    }
    edited
}

/// `project` with 20 more pictures spread through its parts: a photo and the sample's
/// map, in turn.
fn with_pictures(mut project: Project) -> Project {
    let photo = briefwright::picture::prepare(
        include_bytes!("../tests/fixtures/pictures/photo-large.jpg"),
        "photo-large.jpg",
    )
    .expect("a photo");
    let map = project
        .brief
        .blocks()
        .find_map(|block| match &block.kind {
            BlockKind::Picture(figure) => Some(figure.clone()),
            _ => None,
        })
        .expect("the sample's map");
    let parts = project.brief.parts.len();
    for index in 0..20 {
        let part = index % parts;
        let mut figure = Figure::new(PictureKey::of(&photo.bytes));
        figure.alt = format!("Photo {index}");
        let (picture, figure) = if index % 2 == 0 {
            (photo.clone(), figure)
        } else {
            let stored = project.pictures[&map.picture].clone();
            (stored, map.clone())
        };
        let middle = project.brief.parts[part].blocks.len() / 2;
        project
            .apply(Edit::AddPicture {
                part,
                index: middle,
                picture: Box::new(picture),
                figure: Box::new(figure),
            })
            .expect("adds");
    }
    project
}

fn relayout_after_edit(c: &mut Criterion) {
    let template = Template::built_in("briefing-note").expect("template");
    let mut group = c.benchmark_group("relayout after one edit");
    group.sample_size(30);
    for (name, project) in [
        ("20 pages", long_project(TWENTY_PAGES)),
        ("200 pages", long_project(TWO_HUNDRED_PAGES)),
        (
            "200 pages with 21 pictures",
            with_pictures(long_project(TWO_HUNDRED_PAGES)),
        ),
    ] {
        let mut layouter = Layouter::new();
        layouter.layout(&project, &template);
        let edits = [edit_middle(&project, 0), edit_middle(&project, 1)];
        let mut round = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                round += 1;
                black_box(
                    layouter
                        .layout_for_screen(&edits[round % 2], &template)
                        .pages
                        .len(),
                )
            })
        });
    }
    group.finish();
}

fn save_and_load(c: &mut Criterion) {
    let project = long_project(TWO_HUNDRED_PAGES);
    let json = to_json(&project);
    eprintln!("200-page project: {} KB of JSON", json.len() / 1024);
    let mut group = c.benchmark_group("project file, 200 pages");
    group.bench_function("save (serialise)", |b| {
        b.iter(|| black_box(to_json(black_box(&project)).len()))
    });
    group.bench_function("load (parse)", |b| {
        b.iter(|| {
            black_box(
                from_json(black_box(json.as_bytes()), "bench.brief")
                    .map(|l| l.project.sources.len()),
            )
        })
    });
    let dir = std::env::temp_dir().join(format!("briefwright-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("bench.brief");
    group.bench_function("save to disk (atomic, fsync)", |b| {
        b.iter(|| briefwright::project::save(&project, &path).is_ok())
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

fn import_long_article(c: &mut Criterion) {
    let paragraph = "Officials from both capitals met again this week to review progress on water, trade and transport, and agreed to publish a short note on what remains to be done before the summit. ";
    let mut article =
        String::from("A Long Report on Everything\n\nBy Test Writer\n\n1 May 2026\n\n");
    while article.split_whitespace().count() < 40_000 {
        article.push_str(&paragraph.repeat(4));
        article.push_str("\n\n");
    }
    c.bench_function("import a 40,000-word article", |b| {
        b.iter(|| {
            black_box(
                briefwright::import::import_bytes("long.txt", black_box(article.as_bytes()), false)
                    .map(|s| s.sections.len()),
            )
        })
    });
}

/// A 1 MB news page as they come: the news-page fixture's article (six times its length),
/// inside a page whose bulk is scripts, styles, menus and link lists.
fn import_web_page(c: &mut Criterion) {
    let page = include_str!("../tests/fixtures/web/news-page.html");
    let (head, rest) = page
        .split_once("<div class=\"story-body\">")
        .expect("the fixture has a story body");
    let (body, tail) = rest
        .split_once("</div>\n  <div class=\"newsletter-box\">")
        .expect("body end");
    let mut furniture = String::from("<script>window.__STATE__ = {\"items\": [");
    while furniture.len() < 500 * 1024 {
        furniture.push_str(
            "{\"id\": 12345, \"title\": \"A related story title\", \"url\": \"/a/b/c\"},",
        );
    }
    furniture.push_str("]};</script><style>");
    while furniture.len() < 700 * 1024 {
        furniture
            .push_str(".card .title a:hover { color: #123456; text-decoration: underline; }\n");
    }
    furniture.push_str("</style><nav class=\"mega-menu\"><ul>");
    while furniture.len() < 1000 * 1024 {
        furniture.push_str("<li><a href=\"/section/topic\">Topic of the day</a></li>");
    }
    furniture.push_str("</ul></nav>");
    let html = format!(
        "{head}{furniture}<div class=\"story-body\">{}</div>\n  <div class=\"newsletter-box\">{tail}",
        body.repeat(6)
    )
    .replacen("<body>", "<body>", 1);
    eprintln!("web page: {} KB", html.len() / 1024);
    c.bench_function("import a 1 MB web page", |b| {
        b.iter(|| {
            black_box(
                briefwright::import::import_html_bytes(
                    "page.html",
                    black_box(html.as_bytes()),
                    None,
                )
                .map(|s| s.sections.len()),
            )
        })
    });
}

fn import_pdf_article(c: &mut Criterion) {
    let mut article = article_pdf::steppe_review();
    article.body = article.body.repeat(10);
    let pdf = article_pdf::two_column_pdf(&article);
    let pages = briefwright::import::import_pdf(&pdf).map(|s| s.sections.len());
    eprintln!("PDF article: {} KB, {pages:?} sections", pdf.len() / 1024);
    c.bench_function("import a 20-page PDF article", |b| {
        b.iter(|| {
            black_box(briefwright::import::import_pdf(black_box(&pdf)).map(|s| s.sections.len()))
        })
    });
    // A real producer's: Typst, two columns, tagged, with running heads and hyphenation.
    let typst = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/producers/bench/digital-economy-20-pages.typst-2col.pdf"
    ))
    .expect("the 20-page Typst article is in the fixtures");
    let sections = briefwright::import::import_pdf(&typst).map(|s| s.sections.len());
    eprintln!(
        "Typst article: {} KB, {sections:?} sections",
        typst.len() / 1024
    );
    c.bench_function("import a 20-page two-column Typst PDF article", |b| {
        b.iter(|| {
            black_box(briefwright::import::import_pdf(black_box(&typst)).map(|s| s.sections.len()))
        })
    });
}

fn import_word_document(c: &mut Criterion) {
    let mut paper = article_docx::working_paper();
    paper.body = paper.body.repeat(50);
    let docx = article_docx::paper_docx(&paper);
    eprintln!("Word document: {} KB", docx.len() / 1024);
    c.bench_function("import a 50-page Word document", |b| {
        b.iter(|| {
            black_box(briefwright::import::import_docx(black_box(&docx)).map(|s| s.sections.len()))
        })
    });
}

/// Hostile files (issue 34). Budgets: a 2,000-deep page imports in at most 1 s; every
/// hostile file is refused in at most 10 s. These are the parts that take time: the deep
/// page's reader view, and walking a PDF whose drawings repeat inside each other up to
/// the operation limit.
fn import_hostile(c: &mut Criterion) {
    let deep = format!(
        "<html><head><title>Deep</title></head><body>{}<p>The minister will visit Astana in May.</p><p>Officials expect agreements on water.</p>{}</body></html>",
        "<div>".repeat(2000),
        "</div>".repeat(2000)
    );
    c.bench_function("import a 2,000-deep web page", |b| {
        b.iter(|| {
            black_box(
                briefwright::import::import_html_bytes(
                    "deep.html",
                    black_box(deep.as_bytes()),
                    None,
                )
                .map(|s| s.sections.len()),
            )
        })
    });
    let bomb = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hostile/pdf-drawing-bomb.pdf"
    ))
    .expect("the hostile corpus has the drawing bomb");
    c.bench_function("refuse a PDF drawing bomb", |b| {
        b.iter(|| black_box(briefwright::import::import_pdf(black_box(&bomb)).is_err()))
    });
}

/// Word export: the package written from a finished layout (its document, facts and
/// banner), and the whole export of a project: layout from cold, then the package.
fn word_export(c: &mut Criterion) {
    let template = Template::built_in("briefing-note").expect("template");
    let mut group = c.benchmark_group("word export");
    group.sample_size(20);
    for (name, project) in [
        ("sample", project()),
        ("200 pages", long_project(TWO_HUNDRED_PAGES)),
    ] {
        let laid = layout(&project, &template, &mut Typesetter::new());
        let bytes = briefwright::word::write(&laid, &template).expect("docx");
        eprintln!("Word {name}: {} bytes", bytes.len());
        group.bench_function(name, |b| {
            b.iter(|| {
                briefwright::word::write(black_box(&laid), &template)
                    .expect("docx")
                    .len()
            })
        });
        group.bench_function(format!("{name}, with its layout from cold"), |b| {
            b.iter(|| {
                let laid = layout(black_box(&project), &template, &mut Typesetter::new());
                briefwright::word::write(&laid, &template)
                    .expect("docx")
                    .len()
            })
        });
    }
    group.finish();
}

/// Spelling: the whole sample from scratch, what one keystroke in a paragraph costs (a
/// look at whether the accepted words changed, and the edited paragraph checked), and
/// loading the brief's dictionary.
fn spelling(c: &mut Criterion) {
    use briefwright::spelling::{
        Accepted, Checker, Dictionaries, DictionaryFolders, check_project,
    };
    let folders = DictionaryFolders::only(Vec::new());
    let tags = vec!["en-GB".to_owned()];
    let (dictionaries, _) = Dictionaries::load(&tags, &folders);
    let sample = project();
    let mut group = c.benchmark_group("spell");
    group.bench_function("spell-check the sample", |b| {
        b.iter(|| {
            let accepted = Accepted::from_project(&sample);
            let checker = Checker {
                dictionaries: &dictionaries,
                language: "en-GB",
                accepted: &accepted,
            };
            black_box(check_project(black_box(&sample), &checker).len())
        })
    });
    let paragraph = sample
        .brief
        .blocks()
        .find_map(|b| match &b.kind {
            BlockKind::Paragraph { text } if text.len() > 150 => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_default();
    group.bench_function("re-check one edited paragraph", |b| {
        let mut typed = 0usize;
        let accepted = Accepted::from_project(&sample);
        let checker = Checker {
            dictionaries: &dictionaries,
            language: "en-GB",
            accepted: &accepted,
        };
        b.iter(|| {
            typed += 1;
            let text = format!("{paragraph} {}", "x".repeat(typed % 7));
            // What the window does per keystroke: tell whether the accepted words changed
            // (they do not when a paragraph is typed in), then check the paragraph.
            let unchanged = Accepted::fingerprint_of(black_box(&sample)) == accepted.fingerprint();
            black_box((unchanged, checker.unknown_words(black_box(&text)).len()))
        })
    });
    group.sample_size(10);
    group.bench_function("load the dictionaries", |b| {
        b.iter(|| {
            black_box(
                Dictionaries::load(black_box(&tags), &folders)
                    .0
                    .has("en-GB"),
            )
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    spelling,
    layout_and_pdf,
    word_export,
    export_after_preview,
    relayout_after_edit,
    save_and_load,
    import_long_article,
    import_web_page,
    import_pdf_article,
    import_word_document,
    import_hostile
);
criterion_main!(benches);
