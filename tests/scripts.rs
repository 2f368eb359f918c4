//! Every script of the region's press: drawn by a bundled font (loaded only when a brief
//! uses it), copied back out of the PDF exactly, reported once per script when no font
//! draws it, and never set outside the text area however long a word is.

mod support;

use std::process::Command;

use briefwright::diagnostic::Severity;
use briefwright::export::render;
use briefwright::fonts::{FACES, Typesetter};
use briefwright::layout::{Item, Laid, Layouter, layout};
use briefwright::model::{BlockKind, Edit, MetaField, Project};
use briefwright::template::Template;
use briefwright::units::Pt;
use support::fixture;

/// The test article: one line per script, then symbols and emoji.
fn region_scripts() -> Project {
    let source = briefwright::import::import_file(&fixture("region-scripts.md")).expect("imports");
    let template = Template::built_in("briefing-note").expect("template");
    briefwright::draft::new_draft(&template, vec![source], &Default::default())
}

fn note() -> Template {
    Template::built_in("briefing-note").expect("template")
}

/// The text of every glyph drawn with the missing-glyph box.
fn boxed_text(laid: &Laid) -> String {
    let mut boxed = String::new();
    for page in &laid.pages {
        for positioned in &page.items {
            if let Item::Text(run) = &positioned.item {
                for glyph in run.glyphs.iter().filter(|g| g.id == 0) {
                    boxed.push_str(run.glyph_text(glyph));
                }
            }
        }
    }
    boxed
}

#[test]
fn every_script_of_the_region_is_drawn_and_only_emoji_fall_back_to_boxes() {
    let project = region_scripts();
    let laid = layout(&project, &note(), &mut Typesetter::new());
    let boxed = boxed_text(&laid);
    assert!(
        boxed
            .chars()
            .all(|c| matches!(u32::from(c), 0x1F000..=0x1FAFF)),
        "only emoji may show as boxes, not {boxed:?}"
    );
    assert!(boxed.contains('\u{1F600}'), "the grinning face has no font");
    let undrawn: Vec<_> = laid
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("no bundled font"))
        .collect();
    assert_eq!(undrawn.len(), 1, "{undrawn:#?}");
    assert_eq!(undrawn[0].severity, Severity::Warning);
    assert!(
        undrawn[0]
            .message
            .starts_with("1 paragraph contains emoji (5 characters)"),
        "{}",
        undrawn[0].message
    );
    assert!(undrawn[0].block.is_some(), "the window can go to it");
}

#[test]
fn the_pdf_gives_back_each_script_exactly() {
    let project = region_scripts();
    let rendered = render(&project, &mut Layouter::new()).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("scripts.pdf");
    std::fs::write(&path, &rendered.pdf).expect("write");
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext is needed (poppler-utils; .ci/run installs it)");
    let text = String::from_utf8_lossy(&output.stdout);
    for sentence in [
        "总理将于三月访问阿斯塔纳和吉隆坡。",
        "總理將於三月訪問阿斯塔納和吉隆坡。",
        "首相は三月にアスタナとクアラルンプールを訪問します。",
        "총리는 삼월에 아스타나와 쿠알라룸푸르를 방문합니다.",
        "Премьер-министр наурыз айында Астана мен Куала-Лумпурға барады.",
        "Премьер-министр посетит Астану и Куала-Лумпур в марте.",
        "Perdana Menteri akan melawat Astana dan Kuala Lumpur pada bulan Mac.",
        "பிரதமர்",
        "மாதம்",
        "பயணம்",
        "≤ 5% ≥ 3% ≠ 4% ± 0.5 × 2 ÷ 3 ∑ √ ∞ → ← ↑ ↓ ✓ ✗ ☐ ☑ ★ • RM 5 ₸ 100 ₽ 50 ¥ 30 €",
    ] {
        assert!(text.contains(sentence), "{sentence:?} not in:\n{text}");
    }
}

#[test]
fn a_latin_brief_loads_no_fallback_font_and_a_chinese_paragraph_loads_one() {
    let mut typesetter = Typesetter::new();
    let body_faces = FACES
        .iter()
        .filter(|f| briefwright::fonts::BODY_FAMILIES.contains(&f.family))
        .count();
    let mut project = briefwright::sample::project();
    layout(&project, &note(), &mut typesetter);
    assert_eq!(typesetter.faces_loaded(), body_faces);
    project.push_block(
        1,
        BlockKind::Paragraph {
            text: "The communiqué quoted 一带一路.".into(),
        },
    );
    let laid = layout(&project, &note(), &mut typesetter);
    assert_eq!(typesetter.faces_loaded(), body_faces + 1);
    assert!(boxed_text(&laid).is_empty());
}

#[test]
fn undrawable_text_gives_one_message_per_script_naming_every_block() {
    let mut project = briefwright::sample::project();
    let part = 1;
    let mut added = Vec::new();
    for text in [
        "ประเทศไทย and more.",
        "Then กรุงเทพ again.",
        "हिन्दी once.",
        "A flag 🇲🇾 and 😀.",
    ] {
        added.push(
            project
                .push_block(part, BlockKind::Paragraph { text: text.into() })
                .expect("added"),
        );
    }
    let laid = layout(&project, &note(), &mut Typesetter::new());
    let undrawn: Vec<_> = laid
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("no bundled font"))
        .collect();
    assert_eq!(undrawn.len(), 3, "{undrawn:#?}");
    let thai = undrawn
        .iter()
        .find(|d| d.message.contains("Thai text"))
        .expect("Thai");
    let part_title = &project.brief.parts[part].title;
    let count = project.brief.parts[part].blocks.len();
    assert_eq!(
        thai.message,
        format!(
            "2 paragraphs contain Thai text (16 characters) that no bundled font can draw: \
             {part_title} \u{b6}{}, {part_title} \u{b6}{}; each prints as a box",
            count - 3,
            count - 2
        )
    );
    assert_eq!(thai.severity, Severity::Error);
    assert_eq!(thai.blocks().collect::<Vec<_>>(), added[..2].to_vec());
    let emoji = undrawn
        .iter()
        .find(|d| d.message.contains("emoji"))
        .expect("emoji");
    assert_eq!(emoji.severity, Severity::Warning);
    assert_eq!(emoji.block, Some(added[3]));
}

#[test]
fn a_template_chooses_the_fallback_fonts_of_each_script() {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/templates/briefing-note.toml"
    ))
    .expect("template file");
    let without_cjk = source.replace("chinese = [\"Droid Sans Fallback\"]", "chinese = []");
    assert_ne!(without_cjk, source, "the template names its fallbacks");
    let template = Template::parse("no-cjk", &without_cjk).expect("parses");
    let mut project = briefwright::sample::project();
    project.push_block(
        1,
        BlockKind::Paragraph {
            text: "They quoted 一带一路 and ≤.".into(),
        },
    );
    let laid = layout(&project, &template, &mut Typesetter::new());
    assert_eq!(boxed_text(&laid), "一带一路");
    assert!(
        laid.diagnostics.iter().any(|d| d
            .message
            .starts_with("1 paragraph contains Chinese text (4 characters)")),
        "{:#?}",
        laid.diagnostics
    );
    let unknown = source.replace(
        "tamil = [\"Noto Sans Tamil\"]",
        "tamil = [\"Latha\", \"Noto Sans Tamil\"]",
    );
    let template = Template::parse("latha", &unknown).expect("parses");
    let laid = layout(&project, &template, &mut Typesetter::new());
    assert!(
        laid.diagnostics.iter().any(|d| d
            .message
            .contains("\u{201c}Latha\u{201d}, which is not bundled")),
        "{:#?}",
        laid.diagnostics
    );
    let misspelt = source.replace("[fonts.fallback]", "[fonts.fallback]\nklingon = []");
    let error = Template::parse("klingon", &misspelt).expect_err("an unknown script is refused");
    assert!(error.to_string().contains("klingon"), "{error}");
}

/// Every visible glyph's advance box lies between the page's left and right margins. A
/// space that ends a line may hang past the margin, as in every typesetter: it draws
/// nothing.
fn assert_inside_the_margins(laid: &Laid, template: &Template) {
    let left = Pt::mm(template.page.margin_left_mm);
    let right = Pt::mm(template.page.width_mm - template.page.margin_right_mm);
    let slack = Pt(0.01);
    let mut checked = 0;
    for page in &laid.pages {
        for positioned in &page.items {
            let Item::Text(run) = &positioned.item else {
                continue;
            };
            for glyph in run
                .glyphs
                .iter()
                .filter(|g| !run.glyph_text(g).chars().all(char::is_whitespace))
            {
                let start = positioned.at.x + glyph.x;
                let end = start + glyph.advance;
                assert!(
                    start.0 >= left.0 - slack.0 && end.0 <= right.0 + slack.0,
                    "{:?} at {}..{} pt is outside {}..{} pt",
                    run.glyph_text(glyph),
                    start.0,
                    end.0,
                    left.0,
                    right.0
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} glyphs");
}

#[test]
fn words_wider_than_the_line_break_at_the_margin() {
    let word = "Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(5);
    let word = &word[..200];
    let url = format!(
        "https://www.example.gov.au/foreign-affairs/briefings/central-asia/kazakhstan/{}?ref=briefwright&session=4f9a2c7d81e0b3",
        "visit-programme-".repeat(8)
    );
    let chinese =
        "哈萨克斯坦总统表示两国将在能源交通农业和数字经济领域深化合作并欢迎更多企业投资".repeat(3);
    let mut project = briefwright::sample::project();
    for text in [
        format!("A word: {word} ends here."),
        format!("See [the programme]({url}) or {url} directly."),
        chinese.clone(),
    ] {
        project.push_block(1, BlockKind::Paragraph { text });
    }
    project
        .apply(Edit::SetMeta(MetaField::To, format!("Minister {word}")))
        .expect("set");
    project
        .apply(Edit::SetMeta(MetaField::From, url.clone()))
        .expect("set");
    let template = note();
    let laid = layout(&project, &template, &mut Typesetter::new());
    assert_inside_the_margins(&laid, &template);
    // Nothing was dropped to stay inside: every character of the long word is drawn.
    // Page furniture is left out, as a line of the word may end one page and the next
    // begin the following one.
    let mut drawn = String::new();
    for page in &laid.pages {
        for positioned in &page.items {
            if positioned.tag.role == briefwright::layout::Role::Artifact {
                continue;
            }
            if let Item::Text(run) = &positioned.item {
                for glyph in run.glyphs.iter() {
                    drawn.push_str(run.glyph_text(glyph));
                }
            }
        }
    }
    let letters = |text: &str| -> usize { text.matches("Pneumono").count() };
    assert!(letters(&drawn) >= 2 * letters(word), "{drawn}");
    assert!(drawn.contains("哈萨克斯坦总统表示"));
}
