//! The Word export read back: with docx-rs's reader and the package's own parts (styles,
//! lists, header and footer fields, properties), and through LibreOffice, which must
//! print every paragraph, the marking on every page and the page numbers.

mod support;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use briefwright::model::{BlockKind, Edit, Project};
use briefwright::template::Template;

fn word(project: &Project) -> Vec<u8> {
    let template = Template::for_brief(&project.brief).expect("template");
    let laid = briefwright::layout::layout(
        project,
        &template,
        &mut briefwright::fonts::Typesetter::new(),
    );
    briefwright::word::write(&laid, &template).expect("a Word document")
}

/// The part `name` of the package, as text.
fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut entry = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the package"));
    let mut text = String::new();
    entry.read_to_string(&mut text).expect("UTF-8");
    text
}

/// The paragraphs of the body, in order: (style, list id, text).
fn paragraphs(docx: &[u8]) -> Vec<(String, Option<usize>, String)> {
    let read = docx_rs::read_docx(docx).expect("docx-rs reads it back");
    read.document
        .children
        .iter()
        .filter_map(|child| match child {
            docx_rs::DocumentChild::Paragraph(paragraph) => Some(paragraph),
            _ => None,
        })
        .map(|paragraph| {
            let style = paragraph
                .property
                .style
                .as_ref()
                .map(|s| s.val.clone())
                .unwrap_or_default();
            let list = paragraph
                .property
                .numbering_property
                .as_ref()
                .and_then(|n| n.id.as_ref())
                .map(|id| id.id);
            (style, list, paragraph.raw_text())
        })
        .collect()
}

#[test]
fn the_word_file_keeps_the_briefs_structure_styles_and_properties() {
    let project = briefwright::sample::project();
    let docx = word(&project);
    let styles = part(&docx, "word/styles.xml");
    for name in [
        "Title",
        "heading 1",
        "heading 2",
        "List Number",
        "List Bullet",
        "Quote",
        "Table Grid",
        "footnote text",
        "Title Block",
        "Protective Marking",
    ] {
        assert!(
            styles.contains(&format!(r#"<w:name w:val="{name}" />"#)),
            "style {name}"
        );
    }
    assert!(
        styles.contains(r#"<w:lang w:val="en-GB""#),
        "default language"
    );

    let body = paragraphs(&docx);
    let meta = &project.brief.meta;
    assert_eq!(body[0].0, "Title");
    assert!(body[0].2.starts_with(meta.title.trim()), "{:?}", body[0]);
    let headings: Vec<&str> = body
        .iter()
        .filter(|(style, ..)| style == "Heading1")
        .map(|(_, _, text)| text.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "1. Purpose",
            "2. Background",
            "3. Key Issues",
            "4. Talking Points",
            "5. Recommendation",
            "Sources"
        ]
    );
    // Key issues are a real Word list: numbered by Word, not by typed numbers.
    let key_issues = project
        .brief
        .parts
        .iter()
        .find(|p| p.title == "Key Issues")
        .expect("key issues");
    let numbered: Vec<&(String, Option<usize>, String)> = body
        .iter()
        .filter(|(style, list, _)| style == "ListNumber" && list.is_some())
        .collect();
    assert_eq!(numbered.len(), key_issues.blocks.len());
    assert!(numbered.iter().all(|(_, list, _)| *list == numbered[0].1));
    assert!(
        numbered[0].2.starts_with("Flood resilience."),
        "{:?}",
        numbered[0]
    );
    let numbering = part(&docx, "word/numbering.xml");
    let list = numbered[0].1.expect("a list");
    assert!(
        numbering.contains(&format!(r#"<w:num w:numId="{list}">"#)),
        "{numbering}"
    );
    assert!(numbering.contains(r#"<w:numFmt w:val="decimal" />"#));
    assert!(numbering.contains(r#"<w:lvlText w:val="%1." />"#));
    assert!(numbering.contains(r#"<w:startOverride w:val="1" />"#));
    // Talking points are bullets, excerpts quotations with their short reference.
    let bullets = body
        .iter()
        .filter(|(style, ..)| style == "ListBullet")
        .count();
    assert!(bullets >= 4, "{bullets} bullets");
    let quotes: Vec<&str> = body
        .iter()
        .filter(|(style, ..)| style == "Quote")
        .map(|(_, _, text)| text.as_str())
        .collect();
    assert_eq!(quotes.len(), 3);
    assert!(
        quotes[0].starts_with('\u{201c}') && quotes[0].ends_with("[1]"),
        "{}",
        quotes[0]
    );

    let document = part(&docx, "word/document.xml");
    // The Kazakh excerpt is tagged as Kazakh, its English neighbours are not.
    let kazakh = document.find("Сарапшылардың").expect("the Kazakh excerpt");
    let run_start = document[..kazakh].rfind("<w:r>").expect("its run");
    assert!(
        document[run_start..kazakh].contains(r#"<w:rStyle w:val="LanguageKazakh" />"#),
        "{}",
        &document[run_start..kazakh]
    );
    let english = document
        .find("Water is the clearest case")
        .expect("the English excerpt");
    let run_start = document[..english].rfind("<w:r>").expect("its run");
    assert!(
        !document[run_start..english].contains("Language"),
        "English is the default"
    );
    // A4 with the template's margins.
    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "page size"
    );
    assert!(
        document.contains("<w:tblStyle w:val=\"TableGrid\" />"),
        "title block table"
    );
    assert!(document.contains("The Prime Minister"));
    let header = part(&docx, "word/header1.xml");
    assert!(header.contains("OFFICIAL: Sensitive"), "{header}");
    let footer = part(&docx, "word/footer1.xml");
    assert!(footer.contains("OFFICIAL: Sensitive"), "{footer}");
    assert!(footer.contains(meta.reference.trim()), "{footer}");
    assert!(
        footer.contains(">PAGE<") && footer.contains(">NUMPAGES<"),
        "{footer}"
    );
    assert!(footer.contains(r#"w:fldCharType="begin""#), "{footer}");

    let core = part(&docx, "docProps/core.xml");
    assert!(
        core.contains(&format!("<dc:title>{}</dc:title>", meta.title.trim())),
        "{core}"
    );
    let author = if meta.author.trim().is_empty() {
        &meta.from
    } else {
        &meta.author
    };
    assert!(
        core.contains(&format!("<dc:creator>{}</dc:creator>", author.trim())),
        "{core}"
    );
    assert!(
        core.contains("<dc:subject>To brief the Prime Minister"),
        "{core}"
    );
    assert!(core.contains("<dc:language>en-GB</dc:language>"), "{core}");
    assert!(core.contains("<cp:keywords>"), "{core}");
    let custom = part(&docx, "docProps/custom.xml");
    assert!(custom.contains(r#"name="Protective marking""#), "{custom}");
    assert!(custom.contains("OFFICIAL: Sensitive"), "{custom}");
}

#[test]
fn the_same_project_gives_the_same_bytes() {
    let project = briefwright::sample::project();
    let first = word(&project);
    let other = briefwright::sample_kinds::sample_for("decision-brief").expect("a sample");
    word(&other);
    assert_eq!(
        first,
        word(&project),
        "another export in between changes nothing"
    );
}

#[test]
fn footnotes_are_word_footnotes_with_their_number_mark() {
    let mut project = briefwright::sample::project();
    let block = support::first_paragraph(&project);
    project
        .apply(Edit::SetBlockText {
            block,
            text: "Water is the case.[^w] Trade follows.\n[^w]: Ministry figures, **2026**."
                .to_owned(),
        })
        .expect("edited");
    let docx = word(&project);
    let document = part(&docx, "word/document.xml");
    assert!(
        document.contains(r#"<w:footnoteReference w:id="1" />"#),
        "reference"
    );
    assert!(!document.contains("[^w]"), "the label is not printed");
    let notes = part(&docx, "word/footnotes.xml");
    assert!(notes.contains("Ministry figures, "), "{notes}");
    assert!(notes.contains("<w:footnoteRef />"), "{notes}");
    assert!(!notes.contains('\u{F8FF}'), "no placeholder left");
    let read = paragraphs(&docx);
    assert!(
        read.iter()
            .any(|(_, _, text)| text.starts_with("Water is the case.")
                && text.ends_with(" Trade follows.")),
        "{read:?}"
    );
}

/// The words of a text, one space between them, with a word broken at its hyphen at a
/// line end made whole again ("technical-" "cooperation" reads "technical-cooperation"),
/// so that a check does not depend on where LibreOffice breaks a line.
fn words(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "-")
        .replace("\u{ad} ", "")
        .replace('\u{ad}', "")
}

/// Every sample kind, with the name of its template.
const KINDS: [&str; 6] = [
    "briefing-note",
    "decision-brief",
    "information-brief",
    "visit-brief",
    "meeting-brief",
    "talking-points-card",
];

/// What LibreOffice prints of `docx`, page by page. The PDFs it writes stay in `dir`, as
/// `NAME.pdf`.
fn through_libreoffice(docxs: &[(&str, Vec<u8>)], dir: &Path) -> Vec<Vec<String>> {
    for (name, bytes) in docxs {
        std::fs::write(dir.join(format!("{name}.docx")), bytes).expect("write");
    }
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let mut convert = Command::new("soffice");
    convert
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir);
    for (name, _) in docxs {
        convert.arg(dir.join(format!("{name}.docx")));
    }
    let status = convert.output().unwrap_or_else(|error| {
        panic!("soffice (LibreOffice; .ci/run installs libreoffice-writer-nogui) runs: {error}")
    });
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    docxs
        .iter()
        .map(|(name, _)| {
            let output = Command::new("pdftotext")
                .args(["-enc", "UTF-8"])
                .arg(dir.join(format!("{name}.pdf")))
                .arg("-")
                .output()
                .expect("pdftotext (poppler-utils) runs");
            String::from_utf8_lossy(&output.stdout)
                .split('\u{c}')
                .filter(|page| !page.trim().is_empty())
                .map(words)
                .collect()
        })
        .collect()
}

/// The text the officer wrote or quoted in each block, as Word prints it (no markup).
fn block_texts(project: &Project) -> Vec<String> {
    let plain = |text: &str| -> String {
        briefwright::model::parse_inline(text)
            .into_iter()
            .map(|span| span.text)
            .collect()
    };
    let template = Template::for_brief(&project.brief).expect("template");
    project
        .brief
        .parts
        .iter()
        .filter(|part| template.part(&part.key).is_some())
        .flat_map(|part| &part.blocks)
        .flat_map(|block| match &block.kind {
            BlockKind::Paragraph { text } | BlockKind::Recommendation { text, .. } => {
                vec![plain(text)]
            }
            BlockKind::Bullets { items } => items.iter().map(|i| plain(i)).collect(),
            BlockKind::Excerpt { from, edited } => {
                let (_, section) = project.section(*from).expect("quoted section");
                vec![plain(edited.as_deref().unwrap_or(&section.text))]
            }
            BlockKind::TalkingPoint { point } => {
                vec![plain(&project.talking_point(*point).expect("point").text)]
            }
            BlockKind::Table { rows } => rows.iter().flatten().map(|c| plain(c)).collect(),
            BlockKind::PageBreak => Vec::new(),
            BlockKind::Picture(figure) => vec![figure.caption_line()],
        })
        .map(|text| words(&text))
        .filter(|text| !text.is_empty())
        .collect()
}

#[test]
fn libreoffice_prints_every_paragraph_the_marking_and_the_page_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let projects: Vec<Project> = KINDS
        .iter()
        .map(|kind| briefwright::sample_kinds::sample_for(kind).expect("a sample"))
        .collect();
    let docxs: Vec<(&str, Vec<u8>)> = KINDS
        .iter()
        .zip(&projects)
        .map(|(kind, project)| (*kind, word(project)))
        .collect();
    let printed = through_libreoffice(&docxs, dir.path());
    for ((kind, project), pages) in KINDS.iter().zip(&projects).zip(&printed) {
        let total = pages.len();
        let template = Template::for_brief(&project.brief).expect("template");
        let ours = briefwright::layout::layout(
            project,
            &template,
            &mut briefwright::fonts::Typesetter::new(),
        )
        .pages
        .len();
        assert_eq!(
            total, ours,
            "{kind}: LibreOffice prints the Word file on as many pages as our PDF has"
        );
        for (index, page) in pages.iter().enumerate() {
            assert!(
                page.matches("OFFICIAL: Sensitive").count() >= 2,
                "{kind}: page {} has the marking at head and foot: {page}",
                index + 1
            );
            assert!(
                page.contains(&format!("Page {} of {total}", index + 1)),
                "{kind}: page {} is numbered: {page}",
                index + 1
            );
        }
        let all = pages.join(" ");
        for text in block_texts(project) {
            // Each paragraph's first and last words, which a page break cannot split
            // from the page furniture.
            let words: Vec<&str> = text.split(' ').collect();
            let head = words[..words.len().min(6)].join(" ");
            let tail = words[words.len().saturating_sub(4)..].join(" ");
            assert!(all.contains(&head), "{kind}: {head:?} is printed");
            assert!(all.contains(&tail), "{kind}: {tail:?} is printed");
        }
    }
    let decision_text = printed[1].join(" ");
    for expected in [
        "\u{2610} Agreed",
        "\u{2610} Not agreed",
        "Minister\u{2019}s comments:",
        "Signature",
        "Cleared by",
        "Contact officer",
        "Attachment A",
        "Critical date",
    ] {
        assert!(
            decision_text.contains(expected),
            "{expected} in the decision brief"
        );
    }
    // LibreOffice draws the brief with the faces the file carries, not a substitute of
    // this machine's (a fresh one has no Noto fonts installed at all).
    let fonts = Command::new("pdffonts")
        .arg(dir.path().join("decision-brief.pdf"))
        .output()
        .expect("pdffonts (poppler-utils) runs");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    for face in [
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSansSymbols2-Regular",
    ] {
        assert!(
            fonts.lines().any(|line| line.contains(face)),
            "LibreOffice printed with the embedded {face}:\n{fonts}"
        );
    }
    for substitute in ["DejaVu", "Liberation", "Carlito"] {
        assert!(
            !fonts.contains(substitute),
            "no substitute font ({substitute}) was used:\n{fonts}"
        );
    }
}

#[test]
fn the_fonts_travel_in_the_file_subset_and_obfuscated() {
    let sample = briefwright::sample::project();
    let docx = word(&sample);
    let table = part(&docx, "word/fontTable.xml");
    assert!(table.contains(r#"<w:font w:name="Noto Sans">"#), "{table}");
    for slot in [
        "embedRegular",
        "embedBold",
        "embedItalic",
        "embedBoldItalic",
    ] {
        assert!(
            table.contains(&format!("<w:{slot} r:id=")),
            "{slot}: {table}"
        );
    }
    // The sample has no Chinese, Arabic or Tamil: those faces stay out.
    for absent in [
        "Droid Sans Fallback",
        "Noto Naskh Arabic",
        "Noto Sans Tamil",
    ] {
        assert!(!table.contains(absent), "{absent} is not embedded: {table}");
    }
    let settings = part(&docx, "word/settings.xml");
    assert!(settings.contains("<w:embedTrueTypeFonts />"));
    assert!(settings.contains("<w:saveSubsetFonts />"));
    let types = part(&docx, "[Content_Types].xml");
    assert!(types.contains(r#"Extension="odttf""#), "{types}");
    let rels = part(&docx, "word/_rels/fontTable.xml.rels");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).expect("a zip");
    let fonts: Vec<String> = archive
        .file_names()
        .filter(|name| name.ends_with(".odttf"))
        .map(str::to_owned)
        .collect();
    assert!(fonts.len() >= 4, "{fonts:?}");
    for font in &fonts {
        let target = font.trim_start_matches("word/");
        assert!(rels.contains(&format!(r#"Target="{target}""#)), "{rels}");
        let mut bytes = Vec::new();
        archive
            .by_name(font)
            .expect("the font part")
            .read_to_end(&mut bytes)
            .expect("read");
        // Obfuscated: the header no longer starts as a TrueType file does…
        assert_ne!(bytes[..4], [0, 1, 0, 0], "{font} is obfuscated");
        // …but everything after the first 32 bytes is the font's table directory.
        assert!(bytes.len() > 1000, "{font}: {} bytes", bytes.len());
    }
    // The unembedded package is docx-rs's; the fonts may add at most 150 KB to it.
    let compressed: u64 = fonts
        .iter()
        .map(|font| archive.by_name(font).expect("entry").compressed_size())
        .sum();
    assert!(compressed <= 150 * 1024, "the fonts add {compressed} bytes");
}

#[test]
fn a_brief_in_chinese_tamil_and_arabic_carries_their_faces() {
    let mut project = briefwright::sample::project();
    let block = support::first_paragraph(&project);
    project
        .apply(Edit::SetBlockText {
            block,
            text: "Delegation: 中国代表团, தமிழ் நாடு, مرحبا.".to_owned(),
        })
        .expect("edited");
    let docx = word(&project);
    let table = part(&docx, "word/fontTable.xml");
    for family in [
        "Droid Sans Fallback",
        "Noto Sans Tamil",
        "Noto Naskh Arabic",
    ] {
        assert!(
            table.contains(&format!(r#"<w:font w:name="{family}">"#)),
            "{table}"
        );
    }
    let document = part(&docx, "word/document.xml");
    assert!(
        document.contains(r#"w:eastAsia="Droid Sans Fallback""#),
        "the Chinese run names its face"
    );
}

#[test]
fn odd_text_gives_a_well_formed_document() {
    let mut project = briefwright::sample::project();
    let odd = "Tab\there, form\u{c}feed, nul\u{0}, vertical\u{b}tab, \u{fffe}, RTL مرحبا, flag \u{1f1f2}\u{1f1fe}, e\u{301}, <b>&amp;</b>";
    project
        .apply(Edit::SetMeta(
            briefwright::model::MetaField::Title,
            odd.to_owned(),
        ))
        .expect("title");
    let block = support::first_paragraph(&project);
    project
        .apply(Edit::SetBlockText {
            block,
            text: odd.to_owned(),
        })
        .expect("edited");
    let docx = word(&project);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).expect("a zip");
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).expect("entry");
        if !entry.name().ends_with(".xml") && !entry.name().ends_with(".rels") {
            continue;
        }
        let name = entry.name().to_owned();
        let mut xml = String::new();
        entry.read_to_string(&mut xml).expect("UTF-8");
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Text(text)) => {
                    let text = text.decode().expect("text");
                    assert!(
                        !text
                            .chars()
                            .any(|c| matches!(c, '\u{0}' | '\u{c}' | '\u{fffe}')),
                        "{name} holds a character XML forbids"
                    );
                }
                Ok(_) => {}
                Err(error) => panic!("{name} is not well-formed: {error}"),
            }
        }
    }
    let body = paragraphs(&docx);
    assert!(body[0].2.contains("RTL مرحبا"), "{:?}", body[0]);
    assert!(
        body.iter()
            .any(|(_, _, text)| text.contains("form") && text.contains("feed")),
        "{body:?}"
    );
}

#[test]
fn table_header_rows_repeat_on_every_page() {
    let visit = briefwright::sample_kinds::sample_for("visit-brief").expect("a sample");
    let document = part(&word(&visit), "word/document.xml");
    let tables = document.matches("<w:tbl>").count();
    let headers = document.matches("<w:tblHeader />").count();
    // The title block has no header row; the programme and contact tables have one each.
    assert!(headers >= 1 && headers < tables, "{headers} of {tables}");
    let first = document.find("<w:tblHeader />").expect("a header row");
    let row_end = first + document[first..].find("</w:tr>").expect("its row");
    assert!(document[first..row_end].contains("EEEEEE"), "shaded");
}

#[test]
fn the_briefs_language_and_its_sources_languages_are_kept() {
    let mut project = briefwright::sample::project();
    project
        .apply(Edit::SetLanguage("en-AU".to_owned()))
        .expect("language");
    // The officer says the English op-ed is Malay: its quotations follow the source.
    let english = project
        .sources
        .iter()
        .find(|s| s.title.starts_with("Steppe and Monsoon"))
        .map(|s| s.id)
        .expect("the op-ed");
    project
        .apply(Edit::SetSourceLanguage(english, "ms".to_owned()))
        .expect("source language");
    let docx = word(&project);
    assert!(part(&docx, "docProps/core.xml").contains("<dc:language>en-AU</dc:language>"));
    assert!(part(&docx, "word/styles.xml").contains(r#"<w:lang w:val="en-AU""#));
    let document = part(&docx, "word/document.xml");
    let quote = document
        .find("Water is the clearest case")
        .expect("the quotation");
    let run_start = document[..quote].rfind("<w:r>").expect("its run");
    assert!(
        document[run_start..quote].contains(r#"<w:rStyle w:val="LanguageMalay" />"#),
        "{}",
        &document[run_start..quote]
    );
}
