//! Property tests: any project survives save and load; any text exports without a panic
//! and its words come back out of the PDF.

use briefwright::export::render;
use briefwright::layout::Layouter;
use briefwright::model::{BlockKind, Project};
use briefwright::project::{from_json, to_json};
use proptest::prelude::*;

fn project_with(texts: &[String], meta: &[String]) -> Project {
    let mut project = briefwright::sample::project();
    project.brief.meta.title = meta[0].clone();
    project.brief.meta.to = meta[1].clone();
    project.brief.meta.purpose = meta[2].clone();
    for (i, text) in texts.iter().enumerate() {
        let kind = match i % 3 {
            0 => BlockKind::Paragraph { text: text.clone() },
            1 => BlockKind::Bullets {
                items: text.split('\n').map(str::to_owned).collect(),
            },
            _ => {
                let id =
                    project.add_talking_point(text, vec![text.chars().take(5).collect()], None);
                BlockKind::TalkingPoint { point: id }
            }
        };
        project.push_block(i % project.brief.parts.len(), kind);
    }
    project
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_project_survives_save_and_load(texts in prop::collection::vec(any::<String>(), 0..6), meta in prop::collection::vec(any::<String>(), 3)) {
        let project = project_with(&texts, &meta);
        let loaded = from_json(to_json(&project).as_bytes(), "p.brief").expect("loads").project;
        prop_assert_eq!(loaded, project);
    }

    #[test]
    fn any_text_lays_out_and_exports_without_panic(texts in prop::collection::vec(any::<String>(), 1..4)) {
        let project = project_with(&texts, &["T".into(), "To".into(), "P".into()]);
        let rendered = render(&project, &mut Layouter::new()).expect("renders");
        prop_assert!(rendered.pdf.starts_with(b"%PDF-"));
    }
}

/// Words from scripts the bundled fonts cover, with punctuation and odd spacing.
fn covered_text() -> impl Strategy<Value = String> {
    let word =
        prop::string::string_regex("[A-Za-zÀ-ÿĀ-ſА-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{1,12}").expect("regex");
    prop::collection::vec(word, 1..30).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn words_come_back_from_pdftotext(text in covered_text()) {
        let mut project = briefwright::sample::project();
        project.push_block(0, BlockKind::Paragraph { text: text.clone() });
        let pdf = render(&project, &mut Layouter::new()).expect("renders").pdf;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("p.pdf");
        std::fs::write(&path, pdf).expect("write");
        let output = std::process::Command::new("pdftotext").args(["-enc", "UTF-8"]).arg(&path).arg("-").output().expect("pdftotext (poppler-utils) runs");
        let extracted = String::from_utf8_lossy(&output.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
        for word in text.split_whitespace() {
            prop_assert!(extracted.contains(word), "{} missing", word);
        }
    }
}
