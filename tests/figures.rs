//! Pictures in a brief, read back by tools we did not write: the PDF's images with
//! poppler's `pdfimages` and rendered with `pdftoppm` (compared with our own preview of
//! the same page), its Figure tags with lopdf and `pdfua`, and the Word file's pictures
//! through LibreOffice. The pictures are files made by ImageMagick and Pillow.

mod support;

use std::path::Path;
use std::process::Command;

use briefwright::export::{ExportFormat, prepare};
use briefwright::layout::{Item, Layouter};
use briefwright::model::{BlockKind, Edit, Figure, FigureWidth, PictureKey, Project};
use briefwright::raster::Rasterizer;
use lopdf::{Document, Object};

fn picture_fixture(name: &str) -> Vec<u8> {
    std::fs::read(support::fixture(&format!("pictures/{name}"))).expect("fixture")
}

/// An empty brief with `pictures` added to its first part, each with `alt` text (or
/// decorative when `alt` is `None`).
fn brief_with(pictures: &[(&str, Option<&str>, &str)]) -> Project {
    let mut project = support::window::empty_brief();
    for (name, alt, caption) in pictures {
        let picture = briefwright::picture::prepare(&picture_fixture(name), name).expect(name);
        let mut figure = Figure::new(PictureKey::of(&picture.bytes));
        match alt {
            Some(alt) => figure.alt = (*alt).to_owned(),
            None => figure.decorative = true,
        }
        figure.caption = (*caption).to_owned();
        project
            .apply(Edit::AddPicture {
                part: 0,
                index: usize::MAX,
                picture: Box::new(picture),
                figure: Box::new(figure),
            })
            .expect("adds the picture");
    }
    project
}

fn run(name: &str, args: &[&str]) -> String {
    let output = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed (.ci/run installs it): {e}"));
    assert!(output.status.success(), "{name} {args:?} failed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn pdf_of(project: &Project, dir: &Path, name: &str) -> String {
    let prepared = prepare(project, ExportFormat::Pdf, &mut Layouter::new()).expect("exports");
    let path = dir.join(name);
    std::fs::write(&path, &prepared.bytes).expect("write");
    path.to_str().expect("utf-8").to_owned()
}

#[test]
fn poppler_finds_each_picture_once_a_jpeg_kept_as_jpeg() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut project = brief_with(&[
        (
            "photo-imagemagick.jpg",
            Some("A red square on a blue field"),
            "A photo",
        ),
        ("chart-imagemagick.png", Some("A blue disc"), "A chart"),
    ]);
    // The same photo a second time is stored and embedded once.
    let photo = project.brief.parts[0].blocks[0].kind.clone();
    project
        .apply(Edit::AddBlock {
            part: 0,
            kind: photo,
        })
        .expect("adds");
    assert_eq!(project.pictures.len(), 2);
    let pdf = pdf_of(&project, dir.path(), "pictures.pdf");
    let list = run("pdfimages", &["-list", &pdf]);
    let rows: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|line| line.split_whitespace().collect())
        .collect();
    // page num type width height color comp bpc enc interp object …
    let images: Vec<_> = rows.iter().filter(|row| row[2] == "image").collect();
    let masks: Vec<_> = rows.iter().filter(|row| row[2] == "smask").collect();
    assert_eq!(images.len(), 3, "three drawings:\n{list}");
    let objects: std::collections::HashSet<&str> = images.iter().map(|row| row[10]).collect();
    assert_eq!(objects.len(), 2, "of two image objects:\n{list}");
    let jpeg = images
        .iter()
        .find(|row| row[3] == "400")
        .expect("the photo");
    assert_eq!(jpeg[8], "jpeg", "the JPEG goes in as JPEG:\n{list}");
    let chart = images
        .iter()
        .find(|row| row[3] == "300")
        .expect("the chart");
    assert_eq!(chart[8], "image");
    assert_eq!(
        masks.len(),
        1,
        "the transparent PNG keeps its transparency:\n{list}"
    );
    run("qpdf", &["--check", &pdf]);
}

#[test]
fn each_picture_is_a_figure_with_its_alt_and_a_decorative_one_is_an_artifact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = brief_with(&[
        (
            "photo-imagemagick.jpg",
            Some("A red square on a blue field"),
            "The photo",
        ),
        ("chart-imagemagick.png", None, "An ornament"),
    ]);
    let pdf = pdf_of(&project, dir.path(), "tags.pdf");
    let document = Document::load(&pdf).expect("lopdf reads it");
    let figures: Vec<String> = document
        .objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"S").and_then(Object::as_name).ok() == Some(b"Figure"))
        .map(|dict| {
            let alt = dict.get(b"Alt").expect("a Figure has /Alt");
            match alt {
                // A text string: UTF-16 after its byte-order mark, or PDFDocEncoding.
                Object::String(bytes, _) if bytes.starts_with(&[0xfe, 0xff]) => String::from_utf16(
                    &bytes[2..]
                        .chunks(2)
                        .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                        .collect::<Vec<_>>(),
                )
                .expect("UTF-16"),
                Object::String(bytes, _) => bytes.iter().map(|&b| char::from(b)).collect(),
                other => panic!("not a string: {other:?}"),
            }
        })
        .collect();
    assert_eq!(
        figures,
        vec!["A red square on a blue field".to_owned()],
        "one Figure: the decorative picture is not one"
    );
    let structure = run("pdfinfo", &["-struct-text", &pdf]);
    assert!(structure.contains("Figure"), "{structure}");
    assert!(structure.contains("\"The photo\""), "{structure}");
    assert!(
        structure.contains("\"An ornament\""),
        "captions are read: {structure}"
    );
    let check = Command::new("pdfua")
        .args(["check", &pdf])
        .output()
        .expect("pdfua is needed (.ci/run installs it with pip)");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success() && !report.contains("ERROR"),
        "{report}"
    );
}

#[test]
fn the_preview_draws_the_picture_where_poppler_draws_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = brief_with(&[("photo-imagemagick.jpg", Some("A photo"), "")]);
    let prepared = prepare(&project, ExportFormat::Pdf, &mut Layouter::new()).expect("exports");
    let page = &prepared.laid.pages[0];
    let (at, size) = page
        .items
        .iter()
        .find_map(|p| match &p.item {
            Item::Image { size, .. } => Some((p.at, *size)),
            _ => None,
        })
        .expect("the picture is on page 1");
    let ours = Rasterizer::default().render(page, 1.0).expect("renders");
    let path = dir.path().join("page.pdf");
    std::fs::write(&path, &prepared.bytes).expect("write");
    let prefix = dir.path().join("poppler");
    run(
        "pdftoppm",
        &[
            "-r",
            "72",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            path.to_str().expect("utf-8"),
            prefix.to_str().expect("utf-8"),
        ],
    );
    let theirs = image::open(dir.path().join("poppler-1.png"))
        .expect("poppler's page")
        .to_rgba8();
    // A4 is 595.3 points wide: poppler rounds its 72 dpi page up, we round it down.
    assert!(theirs.width().abs_diff(ours.width) <= 1 && theirs.height().abs_diff(ours.height) <= 1);
    // The photo is a blue-to-white gradient with a dark red square in its top left:
    // sample a grid inside the picture and compare the two renderings.
    let mut worst = 0i32;
    let mut red_seen = false;
    for fy in 1..10 {
        for fx in 1..10 {
            let x = (at.x.0 + size.width.0 * fx as f32 / 10.0) as u32;
            let y = (at.y.0 + size.height.0 * fy as f32 / 10.0) as u32;
            let i = ((y * ours.width + x) * 4) as usize;
            let mine = &ours.rgba[i..i + 3];
            let poppler = theirs.get_pixel(x, y).0;
            for c in 0..3 {
                worst = worst.max((i32::from(mine[c]) - i32::from(poppler[c])).abs());
            }
            red_seen |= mine[0] > 100 && mine[2] < 60;
        }
    }
    assert!(red_seen, "the red square is drawn in the preview");
    assert!(worst < 40, "preview and PDF differ by {worst} in a channel");
}

#[test]
fn the_word_file_carries_the_pictures_with_their_descriptions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = brief_with(&[
        (
            "photo-imagemagick.jpg",
            Some("A red square & a blue field"),
            "The photo",
        ),
        ("chart-imagemagick.png", None, "An ornament"),
    ]);
    let prepared = prepare(&project, ExportFormat::Docx, &mut Layouter::new()).expect("exports");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&prepared.bytes)).expect("a zip");
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).expect(name), &mut text)
            .expect("UTF-8");
        text
    };
    let document = read("word/document.xml");
    assert!(
        document.contains(r#"name="Picture 1" descr="A red square &amp; a blue field""#),
        "the photo's description"
    );
    assert!(
        document.contains("adec:decorative"),
        "the ornament is decorative"
    );
    let types = read("[Content_Types].xml");
    assert!(types.contains(r#"Extension="jpeg" ContentType="image/jpeg""#));
    let rels = read("word/_rels/document.xml.rels");
    assert!(rels.contains(".jpeg\""), "{rels}");
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("word/media/") && n.ends_with(".jpeg"))
    );

    // LibreOffice opens it and prints both pictures.
    let docx = dir.path().join("pictures.docx");
    std::fs::write(&docx, &prepared.bytes).expect("write");
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let status = Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .expect("LibreOffice is needed (.ci/run installs it)");
    assert!(status.status.success());
    let pdf = dir.path().join("pictures.pdf");
    let list = run("pdfimages", &["-list", pdf.to_str().expect("utf-8")]);
    let images = list
        .lines()
        .skip(2)
        .filter(|line| line.split_whitespace().nth(2) == Some("image"))
        .count();
    assert_eq!(images, 2, "LibreOffice prints both pictures:\n{list}");
}

#[test]
fn a_picture_without_alternative_text_is_warned_about() {
    let mut project = brief_with(&[("chart-imagemagick.png", Some(""), "A chart")]);
    let laid = briefwright::layout::layout(
        &project,
        &briefwright::template::Template::built_in("briefing-note").expect("template"),
        &mut briefwright::fonts::Typesetter::new(),
    );
    assert!(
        laid.diagnostics
            .iter()
            .any(|d| d.message.contains("a picture has no alternative text")),
        "{:?}",
        laid.diagnostics
    );
    let block = project.brief.parts[0].blocks[0].id;
    let BlockKind::Picture(mut figure) = project.brief.parts[0].blocks[0].kind.clone() else {
        panic!("a picture");
    };
    figure.decorative = true;
    figure.width = FigureWidth::Half;
    project
        .apply(Edit::SetFigure {
            block,
            figure: Box::new(figure),
        })
        .expect("sets");
    let laid = briefwright::layout::layout(
        &project,
        &briefwright::template::Template::built_in("briefing-note").expect("template"),
        &mut briefwright::fonts::Typesetter::new(),
    );
    assert!(
        !laid
            .diagnostics
            .iter()
            .any(|d| d.message.contains("alternative text")),
        "a decorative picture needs none"
    );
}

#[test]
fn a_saved_project_keeps_pictures_in_use_once_and_refuses_damaged_ones_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut project = brief_with(&[
        ("photo-imagemagick.jpg", Some("A photo"), ""),
        ("chart-imagemagick.png", Some("A chart"), ""),
    ]);
    let chart = project.brief.parts[0].blocks[1].id;
    project.apply(Edit::DeleteBlock(chart)).expect("deletes");
    let path = dir.path().join("pictures.brief");
    briefwright::project::save(&project, &path).expect("saves");
    let text = std::fs::read_to_string(&path).expect("read");
    let saved: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        saved["pictures"].as_object().map(|p| p.len()),
        Some(1),
        "only the picture in use is saved"
    );
    let loaded = briefwright::project::load(&path).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.project.pictures, {
        let mut kept = project.pictures.clone();
        kept.retain(|key, _| project.pictures_in_use().contains(key));
        kept
    });

    // A picture whose bytes were cut in the file: the brief opens, the picture is left
    // out and named, and its block prints as missing.
    let mut damaged = saved.clone();
    let pictures = damaged["pictures"].as_object_mut().expect("pictures");
    let (_, picture) = pictures.iter_mut().next().expect("one");
    let bytes = picture["bytes"].as_str().expect("base64").to_owned();
    picture["bytes"] = serde_json::Value::String(bytes[..bytes.len() / 2].to_owned());
    let cut = dir.path().join("cut.brief");
    std::fs::write(&cut, serde_json::to_string(&damaged).expect("JSON")).expect("write");
    let loaded = briefwright::project::load(&cut).expect("still opens");
    let warnings: Vec<String> = loaded.warnings.iter().map(|w| w.message.clone()).collect();
    assert!(
        warnings.iter().any(|w| w.contains("the picture sha256-")),
        "{warnings:?}"
    );
    assert!(loaded.project.pictures.is_empty());
    let laid = briefwright::layout::layout(
        &loaded.project,
        &briefwright::template::Template::built_in("briefing-note").expect("template"),
        &mut briefwright::fonts::Typesetter::new(),
    );
    assert!(
        laid.diagnostics.iter().any(|d| d
            .message
            .contains("a picture that is no longer in the project")),
        "{:?}",
        laid.diagnostics
    );
}

/// The figure sections of a source: (caption or alt text, alt text).
fn figure_sections(source: &briefwright::model::Source) -> Vec<(String, String)> {
    source
        .sections
        .iter()
        .filter(|s| s.kind == briefwright::model::SectionKind::Figure)
        .map(|s| {
            let alt = s.figure.as_ref().map(|f| f.alt.clone()).unwrap_or_default();
            (s.text.clone(), alt)
        })
        .collect()
}

#[test]
fn a_saved_web_page_brings_its_article_pictures_with_alt_and_caption() {
    let imported =
        briefwright::import::import_file_noting(&support::fixture("web/ferry-terminals.html"))
            .expect("imports");
    let source = &imported.source;
    assert_eq!(
        figure_sections(source),
        vec![(
            "Freight volumes through the main ports, 2023 to 2025. Chart: Example News".to_owned(),
            "Bar chart: freight volumes rose each year from 2023 to 2025.".to_owned()
        )],
        "the chart beside the page, and not the tracking pixel"
    );
    assert_eq!(source.author, "Dana Omarova");
    assert!(
        source
            .sections
            .iter()
            .all(|section| !section.text.contains("By Dana Omarova")),
        "the byline is the source's author, not a paragraph to quote: {:?}",
        source.sections.first().map(|s| &s.text)
    );
    assert_eq!(source.pictures.len(), 1);
    assert_eq!(
        (source.pictures[0].width_px, source.pictures[0].height_px),
        (600, 360)
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("1 picture of the article not brought in")),
        "the photo on the web is named: {:?}",
        imported.warnings
    );
    // In the brief, the picture cites the page, and the page is in the Sources list.
    let mut project = support::window::empty_brief();
    let id = project.add_source(imported.source);
    let figure = project
        .source(id)
        .and_then(|s| s.sections.iter().find(|s| s.figure.is_some()))
        .map(|s| briefwright::model::SectionRef {
            source: id,
            section: s.id,
        })
        .expect("a figure section");
    let mut kind = project.quoting_block(figure);
    assert!(matches!(&kind, BlockKind::Picture(f) if f.from == Some(figure)));
    // The officer names the graphics desk as the credit: the Sources list repeats it.
    if let BlockKind::Picture(f) = &mut kind {
        f.credit = "Graphics desk, Example News".into();
    }
    project.push_block(1, kind);
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = pdf_of(&project, dir.path(), "cited.pdf");
    let text = run("pdftotext", &["-layout", &pdf, "-"]);
    assert!(
        text.contains("2023 to 2025. Chart: Example News. Graphics desk, Example News [1]"),
        "{text}"
    );
    assert!(
        text.contains("Ferry terminals race to add berths"),
        "{text}"
    );
    let sources = text.split("Sources").last().unwrap_or_default();
    let sources = sources.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        sources.contains("ferry-terminals-2026.html. Picture credit: Graphics desk, Example News."),
        "the Sources list names the picture's credit: {sources}"
    );
    assert_eq!(run("pdfimages", &["-list", &pdf]).lines().count(), 3);
}

#[test]
fn a_saved_page_reads_no_file_outside_its_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = dir.path().join("secret.png");
    std::fs::copy(support::fixture("pictures/chart-imagemagick.png"), &outside).expect("copy");
    let page = dir.path().join("page").join("saved.html");
    std::fs::create_dir_all(page.parent().expect("folder")).expect("folder");
    std::fs::write(
        &page,
        format!(
            "<html><body><article><h1>A page</h1><p>{}</p>\
             <img src=\"../secret.png\" alt=\"up\"><img src=\"{}\" alt=\"absolute\">\
             <img src=\"file://{}\" alt=\"file\"><p>{}</p></article></body></html>",
            "Words of the article that make it an article. ".repeat(8),
            outside.display(),
            outside.display(),
            "More words of the article follow here. ".repeat(8),
        ),
    )
    .expect("write");
    let imported = briefwright::import::import_file_noting(&page).expect("imports");
    assert!(figure_sections(&imported.source).is_empty());
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("3 pictures of the article not brought in")),
        "{:?}",
        imported.warnings
    );
}

#[test]
fn a_libreoffice_word_file_brings_its_picture_with_its_description() {
    // python-docx wrote it with a description on the picture; LibreOffice opened it and
    // saved it again as Word (tests/fixtures/pictures/README.md).
    let source = briefwright::import::import_file(&support::fixture(
        "docx/freight-with-figure.libreoffice.docx",
    ))
    .expect("imports");
    assert_eq!(
        figure_sections(&source),
        vec![(
            "Bar chart: freight volumes rose each year from 2023 to 2025.".to_owned(),
            "Bar chart: freight volumes rose each year from 2023 to 2025.".to_owned()
        )]
    );
    assert_eq!(source.pictures.len(), 1);
    assert_eq!(
        source.pictures[0].format,
        briefwright::model::PictureFormat::Png
    );
    let kinds: Vec<_> = source.sections.iter().map(|s| s.kind).collect();
    let figure = kinds
        .iter()
        .position(|k| *k == briefwright::model::SectionKind::Figure)
        .expect("a figure");
    assert!(
        figure > 0 && figure + 1 < kinds.len(),
        "in its place: {kinds:?}"
    );
}

#[test]
fn a_project_file_carrying_a_decompression_bomb_opens_without_it() {
    use base64::Engine as _;
    let dir = tempfile::tempdir().expect("temp dir");
    let project = brief_with(&[("chart-imagemagick.png", Some("A chart"), "")]);
    let path = dir.path().join("bomb.brief");
    briefwright::project::save(&project, &path).expect("saves");
    let mut saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("JSON");
    // The picture's bytes swapped for a 48 KB PNG that unpacks to 400 megapixels, under
    // a key that matches them, as a hostile file would.
    let bomb = picture_fixture("bomb-20000px.png");
    let key = PictureKey::of(&bomb).0;
    let old_key = project.pictures.keys().next().expect("one").0.clone();
    let pictures = saved["pictures"].as_object_mut().expect("pictures");
    let mut entry = pictures.remove(&old_key).expect("the picture");
    entry["bytes"] =
        serde_json::Value::String(base64::engine::general_purpose::STANDARD.encode(&bomb));
    entry["width_px"] = 20_000.into();
    entry["height_px"] = 20_000.into();
    pictures.insert(key.clone(), entry);
    let text = serde_json::to_string(&saved)
        .expect("JSON")
        .replace(&old_key, &key);
    std::fs::write(&path, text).expect("write");
    let loaded = briefwright::project::load(&path).expect("opens");
    let warnings: Vec<String> = loaded.warnings.iter().map(|w| w.message.clone()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("says it is 20000 × 20000 pixels") && w.contains("left out")),
        "{warnings:?}"
    );
    // Refused from its header, never unpacked.
    assert!(loaded.project.pictures.is_empty());
}

#[test]
fn an_svg_map_goes_into_the_pdf_as_vectors_and_looks_as_the_preview_draws_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = briefwright::sample::project();
    let prepared = prepare(&project, ExportFormat::Pdf, &mut Layouter::new()).expect("exports");
    let path = dir.path().join("sample.pdf");
    std::fs::write(&path, &prepared.bytes).expect("write");
    let pdf = path.to_str().expect("utf-8");
    let list = run("pdfimages", &["-list", pdf]);
    assert_eq!(
        list.lines().count(),
        2,
        "no raster image for the map:\n{list}"
    );
    let (page_index, at, size) = prepared
        .laid
        .pages
        .iter()
        .enumerate()
        .find_map(|(index, page)| {
            page.items.iter().find_map(|p| match &p.item {
                Item::Image { size, .. } => Some((index, p.at, *size)),
                _ => None,
            })
        })
        .expect("the map");
    let scale = 2.0;
    let ours = Rasterizer::default()
        .render(&prepared.laid.pages[page_index], scale)
        .expect("renders");
    let page = (page_index + 1).to_string();
    let prefix = dir.path().join("poppler");
    run(
        "pdftoppm",
        &[
            "-r",
            "144",
            "-f",
            &page,
            "-l",
            &page,
            "-png",
            pdf,
            prefix.to_str().expect("utf-8"),
        ],
    );
    let theirs = image::open(dir.path().join(format!("poppler-{page}.png")))
        .expect("poppler's page")
        .to_rgba8();
    // Compare the two renderings over the map, pixel by pixel: they may differ only at
    // anti-aliased edges.
    let mut differing = 0;
    let mut total = 0;
    let x0 = (at.x.0 * scale) as u32;
    let y0 = (at.y.0 * scale) as u32;
    for y in y0..y0 + (size.height.0 * scale) as u32 {
        for x in x0..x0 + (size.width.0 * scale) as u32 {
            let i = ((y * ours.width + x) * 4) as usize;
            let poppler = theirs.get_pixel(x, y).0;
            let far =
                (0..3).any(|c| i32::from(ours.rgba[i + c]).abs_diff(i32::from(poppler[c])) > 60);
            differing += usize::from(far);
            total += 1;
        }
    }
    assert!(
        differing * 100 < total * 3,
        "{differing} of {total} pixels differ between the preview and poppler"
    );
}
