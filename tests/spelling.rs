//! Spelling: what the check reports and what it leaves alone, in the brief's language and
//! others, and the command line's report.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use briefwright::model::find::Place;
use briefwright::model::{
    BlockKind, Edit, MetaField, Project, Section, SectionId, SectionKind, SectionRef, Source,
};
use briefwright::spelling::{
    Accepted, Checker, Dictionaries, DictionaryFolders, Finding, PersonalDictionary, SpellCache,
    check_project, detect_language, languages_needed, replace_word_edit,
};

/// The bundled dictionaries and those in `folders`, none from the system.
fn dictionaries(tags: &[&str], folders: Vec<std::path::PathBuf>) -> Dictionaries {
    let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
    let (loaded, problems) = Dictionaries::load(&tags, &DictionaryFolders::only(folders));
    assert!(problems.is_empty(), "{problems:?}");
    loaded
}

fn findings_in(project: &Project, dictionaries: &Dictionaries) -> Vec<Finding> {
    let accepted = Accepted::from_project(project);
    let language = briefwright::spelling::brief_language(&project.brief.meta.language);
    let checker = Checker {
        dictionaries,
        language,
        accepted: &accepted,
    };
    check_project(project, &checker)
}

fn words(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.word.as_str()).collect()
}

/// An empty briefing note with one paragraph of `text`.
fn brief_with(text: &str) -> Project {
    let mut project = Project::new(
        "briefing-note",
        &[("background".into(), "Background".into())],
    );
    project.push_block(0, BlockKind::Paragraph { text: text.into() });
    project
}

fn source_with(project: &mut Project, author: &str, text: &str) -> SectionRef {
    let mut source = Source::new(
        "Steppe and Monsoon",
        vec![Section {
            id: SectionId(0),
            kind: SectionKind::Paragraph,
            text: text.into(),
            figure: None,
        }],
    );
    source.author = author.into();
    let id = project.add_source(source);
    let section = project.source(id).expect("added").sections[0].id;
    SectionRef {
        source: id,
        section,
    }
}

#[test]
fn a_misspelt_word_in_a_paragraph_is_reported_with_the_right_word_among_its_suggestions() {
    let project = brief_with("Officials will strenghten the flood programme this year.");
    let loaded = dictionaries(&["en-GB"], vec![]);
    let findings = findings_in(&project, &loaded);
    assert_eq!(words(&findings), ["strenghten"]);
    let accepted = Accepted::default();
    let checker = Checker {
        dictionaries: &loaded,
        language: "en-GB",
        accepted: &accepted,
    };
    let text = "Officials will strenghten the flood programme this year.";
    let suggestions = checker.suggestions(text, findings[0].range.clone());
    assert!(
        suggestions.iter().any(|s| s == "strengthen"),
        "{suggestions:?}"
    );
    assert!(suggestions.len() <= 5);
}

#[test]
fn the_same_misspelling_in_an_excerpt_is_not_reported() {
    let mut project = brief_with("A clean paragraph.");
    let from = source_with(&mut project, "", "Both sides hope to strenghten ties.");
    project.push_block(0, BlockKind::Excerpt { from, edited: None });
    let edited = Some("Both sides strenghten ties (sic).".to_owned());
    project.push_block(0, BlockKind::Excerpt { from, edited });
    let loaded = dictionaries(&["en-GB"], vec![]);
    assert_eq!(words(&findings_in(&project, &loaded)), Vec::<&str>::new());
}

#[test]
fn organise_passes_in_british_english_and_is_reported_in_american_english() {
    let mut project = brief_with("We will organise a working group.");
    let loaded = dictionaries(&["en-GB", "en-US", "en-AU", "en-CA"], vec![]);
    assert!(
        findings_in(&project, &loaded).is_empty(),
        "en-GB is the default"
    );
    project
        .apply(Edit::SetLanguage("en-US".into()))
        .expect("language set");
    assert_eq!(words(&findings_in(&project, &loaded)), ["organise"]);
    project
        .apply(Edit::SetLanguage("en-AU".into()))
        .expect("language set");
    assert!(
        findings_in(&project, &loaded).is_empty(),
        "Australian English spells it so too"
    );
}

const MALAY: &str = "Kedua-dua negara sedang meneliti kerjasama dalam sektor makanan halal, \
                     teknologi pertanian dan pengurusan banjir selepas lawatan rasmi itu.";

#[test]
fn a_malay_paragraph_is_not_reported_as_english() {
    assert_eq!(detect_language(MALAY).as_deref(), Some("ms"));
    let project = brief_with(MALAY);
    let loaded = dictionaries(&["en-GB"], vec![]);
    assert!(
        findings_in(&project, &loaded).is_empty(),
        "skipped: no Malay dictionary"
    );
    assert!(languages_needed(&project).contains(&"ms".to_owned()));
}

#[test]
fn a_malay_paragraph_is_checked_with_a_malay_dictionary_from_the_extra_folder() {
    let folder = tempfile::tempdir().expect("tempdir");
    let words_ms = [
        "kedua",
        "dua",
        "negara",
        "sedang",
        "meneliti",
        "kerjasama",
        "dalam",
        "sektor",
        "makanan",
        "halal",
        "teknologi",
        "pertanian",
        "dan",
        "pengurusan",
        "banjir",
        "selepas",
        "lawatan",
        "rasmi",
        "itu",
    ];
    std::fs::write(
        folder.path().join("ms_MY.aff"),
        "SET UTF-8\nTRY aeinrtkgsmlubdpoh\n",
    )
    .expect("aff written");
    let dic = format!("{}\n{}\n", words_ms.len(), words_ms.join("\n"));
    std::fs::write(folder.path().join("ms_MY.dic"), dic).expect("dic written");
    let loaded = dictionaries(&["en-GB", "ms"], vec![folder.path().to_path_buf()]);
    assert!(loaded.has("ms"));
    assert!(findings_in(&brief_with(MALAY), &loaded).is_empty());
    let misspelt = MALAY.replace("pertanian", "pertanain");
    assert_eq!(
        words(&findings_in(&brief_with(&misspelt), &loaded)),
        ["pertanain"]
    );
}

#[test]
fn kazakh_and_russian_words_in_an_english_paragraph_are_left_alone() {
    let project = brief_with("Рақмет — thank you for the warm welcome to the capital.");
    let loaded = dictionaries(&["en-GB"], vec![]);
    assert!(findings_in(&project, &loaded).is_empty());
    let kazakh = "Малайзия үкіметі басшысының Астанаға сапары екі ел арасындағы ынтымақтастықтың жаңа кезеңін ашуы мүмкін.";
    assert_eq!(detect_language(kazakh).as_deref(), Some("kk"));
    assert!(findings_in(&brief_with(kazakh), &loaded).is_empty());
}

#[test]
fn a_name_from_a_source_is_accepted() {
    let text = "Tulegenova argues that Zhambyl province needs flood forecasting.";
    let loaded = dictionaries(&["en-GB"], vec![]);
    assert_eq!(
        words(&findings_in(&brief_with(text), &loaded)),
        ["Tulegenova", "Zhambyl"],
        "unknown without the source"
    );
    let mut project = brief_with(text);
    source_with(
        &mut project,
        "Aigerim Tulegenova",
        "Floods hit the Zhambyl region.",
    );
    assert!(findings_in(&project, &loaded).is_empty());
    assert!(
        findings_in(&brief_with("Tulegenova’s view"), &loaded).len() == 1,
        "a possessive of an unknown name is still unknown"
    );
}

#[test]
fn names_in_the_title_block_and_talking_points_are_accepted_elsewhere() {
    let mut project = brief_with("Ask Sarsenov and the Zhetisu office for figures.");
    project
        .apply(Edit::SetMeta(
            MetaField::From,
            "Erlan Sarsenov, Director".into(),
        ))
        .expect("set");
    project.add_talking_point(
        "We thank the regional office in Zhetisu for its help.",
        vec![],
        None,
    );
    let loaded = dictionaries(&["en-GB"], vec![]);
    assert!(findings_in(&project, &loaded).is_empty());
}

#[test]
fn urls_numbers_acronyms_and_link_targets_are_not_reported() {
    let project = brief_with(
        "See [the review](https://example.org/revue-xyz) by MFA and ASEAN[^kzq] in 2026, ref KZ-031b, www.gov.my and desk@mfa.gov.my.",
    );
    let loaded = dictionaries(&["en-GB"], vec![]);
    assert!(
        findings_in(&project, &loaded).is_empty(),
        "{:?}",
        findings_in(&project, &loaded)
    );
}

#[test]
fn the_bundled_sample_has_no_unknown_words() {
    let loaded = dictionaries(&["en-GB"], vec![]);
    let sample = briefwright::sample::project();
    let findings = findings_in(&sample, &loaded);
    assert!(findings.is_empty(), "{:?}", words(&findings));
    for (kind, _) in briefwright::template::BUILT_IN {
        let sample = briefwright::sample_kinds::sample_for(kind).expect("a sample of each kind");
        let findings = findings_in(&sample, &loaded);
        assert!(findings.is_empty(), "{kind}: {:?}", words(&findings));
    }
}

#[test]
fn replacing_a_word_is_one_undoable_edit() {
    let mut project = brief_with("We will strenghten ties.");
    let loaded = dictionaries(&["en-GB"], vec![]);
    let finding = findings_in(&project, &loaded).remove(0);
    let edit = replace_word_edit(
        &project,
        finding.place,
        finding.range.clone(),
        &finding.word,
        "strengthen",
    )
    .expect("the word is still there");
    let applied = project.apply_undoable(edit).expect("applied");
    let Place::Block(block) = finding.place else {
        panic!("the finding is in a paragraph");
    };
    let text = |p: &Project| briefwright::model::find::place_text(p, Place::Block(block));
    assert_eq!(text(&project).as_deref(), Some("We will strengthen ties."));
    assert!(findings_in(&project, &loaded).is_empty());
    assert!(
        replace_word_edit(&project, finding.place, finding.range, &finding.word, "x").is_none(),
        "a stale range is refused"
    );
    project.apply(applied.inverse).expect("undone");
    assert_eq!(text(&project).as_deref(), Some("We will strenghten ties."));
}

#[test]
fn a_pictures_caption_and_alternative_text_are_checked_and_corrected_in_place() {
    let mut project = brief_with("A clean paragraph.");
    let figure_words = [
        "Grain exports by month",
        "Exports strenghten after the harvest",
        "Chart: Trade desk",
    ];
    support::add_chart(&mut project, 0, 1, figure_words);
    let loaded = dictionaries(&["en-GB"], vec![]);
    let findings = findings_in(&project, &loaded);
    assert_eq!(words(&findings), ["strenghten"]);
    let Place::Figure { block, field } = findings[0].place else {
        panic!("the finding is in the picture: {:?}", findings[0].place);
    };
    assert_eq!(field, briefwright::model::find::FigureField::Caption);
    assert_eq!(
        briefwright::spelling::place_label(&project, findings[0].place),
        "Background ¶2, picture caption"
    );
    let edit = replace_word_edit(
        &project,
        findings[0].place,
        findings[0].range.clone(),
        &findings[0].word,
        "strengthen",
    )
    .expect("the word is still there");
    project.apply(edit).expect("applied");
    let text = briefwright::model::find::place_text(&project, Place::Figure { block, field });
    assert_eq!(
        text.as_deref(),
        Some("Exports strengthen after the harvest")
    );
    assert!(findings_in(&project, &loaded).is_empty());
}

#[test]
fn words_ignored_in_a_brief_are_kept_in_the_project_file_and_old_files_load_unchanged() {
    let mut project = brief_with("The agritech fund grows.");
    let loaded = dictionaries(&["en-GB"], vec![]);
    assert_eq!(words(&findings_in(&project, &loaded)), ["agritech"]);
    let plain_json = briefwright::project::to_json(&project);
    assert!(!plain_json.contains("ignored_words") && !plain_json.contains("\"language\""));
    project
        .apply(Edit::SetIgnoredWords(vec!["agritech".into()]))
        .expect("ignored");
    project
        .apply(Edit::SetLanguage("en-AU".into()))
        .expect("language");
    let json = briefwright::project::to_json(&project);
    let reloaded = briefwright::project::from_json(json.as_bytes(), "test.brief")
        .expect("loads")
        .project;
    assert_eq!(reloaded.brief.ignored_words, ["agritech"]);
    assert_eq!(reloaded.brief.meta.language, "en-AU");
    assert!(findings_in(&reloaded, &loaded).is_empty());
}

#[test]
fn the_personal_dictionary_is_a_plain_text_file() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = folder.path().join("config").join("personal-dictionary.txt");
    let mut personal = PersonalDictionary::at(&path);
    personal.add("agritech").expect("added");
    personal.add("agritech").expect("a second time is a no-op");
    assert_eq!(
        std::fs::read_to_string(&path).expect("written"),
        "agritech\n"
    );
    let reread = PersonalDictionary::at(&path);
    let mut accepted = Accepted::default();
    accepted.add_any_case(reread.words.iter().map(String::as_str));
    assert!(accepted.contains("Agritech"));
}

#[test]
fn the_cache_rechecks_only_changed_text_and_agrees_with_a_fresh_check() {
    let loaded = dictionaries(&["en-GB"], vec![]);
    let accepted = Accepted::default();
    let checker = Checker {
        dictionaries: &loaded,
        language: "en-GB",
        accepted: &accepted,
    };
    let mut cache = SpellCache::default();
    let key = (Place::Meta(MetaField::Purpose), 0);
    for text in ["A tpyo here.", "A typo here.", "A tpyo here and tehre."] {
        let cached = cache.unknown_words(&checker, 1, key, text);
        assert_eq!(cached, checker.unknown_words(text));
        assert_eq!(cache.unknown_words(&checker, 1, key, text), cached);
    }
    assert_eq!(cache.len(), 1, "one entry per place");
}

#[test]
fn imported_articles_get_their_language() {
    let malay = format!("Perdagangan Dua Hala\n\n{MALAY}\n");
    let source = briefwright::import::import_text(&malay, false).expect("imported");
    assert_eq!(source.language, "ms");
    let english = "Water and Trade\n\nKazakhstan lost roads and grain stores to the spring floods, while Malaysia manages monsoon surges every year.\n";
    let source = briefwright::import::import_text(english, false).expect("imported");
    assert_eq!(source.language, "en");
}

fn briefwright(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefwright"))
        .args(args)
        .current_dir(dir)
        .env("BRIEFWRIGHT_CONFIG_DIR", dir.join("config"))
        .output()
        .expect("run briefwright")
}

#[test]
fn check_spelling_lists_each_unknown_word_with_where_it_is_and_suggestions_and_exits_0() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut project = brief_with("Officials will strenghten the programme.");
    project
        .apply(Edit::SetMeta(
            MetaField::Purpose,
            "To brief the Minsiter.".into(),
        ))
        .expect("set");
    briefwright::project::save(&project, &dir.path().join("typo.brief")).expect("saved");
    let output = briefwright(&["check", "--spelling", "typo.brief"], dir.path());
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let listing = String::from_utf8_lossy(&output.stdout);
    assert!(
        listing.contains("Background \u{b6}1, paragraph: strenghten"),
        "{listing}"
    );
    assert!(listing.contains("strengthen"), "{listing}");
    assert!(
        listing.contains("Title block, Purpose: Minsiter"),
        "{listing}"
    );
    assert!(listing.contains("2 unknown words"), "{listing}");

    let exported = briefwright(&["export", "typo.brief", "-o", "typo.pdf"], dir.path());
    assert!(exported.status.success());
    let warnings = String::from_utf8_lossy(&exported.stderr);
    assert_eq!(
        warnings
            .lines()
            .filter(|l| l.contains("unknown word"))
            .count(),
        1,
        "{warnings}"
    );
    assert!(warnings.contains("2 unknown words"), "{warnings}");
    let quiet = briefwright(
        &["export", "typo.brief", "-o", "typo.docx", "--no-spelling"],
        dir.path(),
    );
    assert!(quiet.status.success());
    assert!(
        !String::from_utf8_lossy(&quiet.stderr).contains("unknown word"),
        "--no-spelling does not count them"
    );
}

#[test]
fn typing_in_a_paragraph_keeps_the_accepted_words_so_other_fields_keep_their_results() {
    let mut project = brief_with("First paragraph.");
    let before = Accepted::from_project(&project).fingerprint();
    assert_eq!(
        Accepted::fingerprint_of(&project),
        before,
        "the cheap look agrees"
    );
    let block = project.brief.parts[0].blocks[0].id;
    project
        .apply(Edit::SetBlockText {
            block,
            text: "First paragraph, edited.".into(),
        })
        .expect("typed");
    assert_eq!(Accepted::from_project(&project).fingerprint(), before);
    source_with(
        &mut project,
        "Aigerim Tulegenova",
        "Floods hit the Zhambyl region.",
    );
    assert_ne!(
        Accepted::from_project(&project).fingerprint(),
        before,
        "a new source brings names"
    );
    let with_source = Accepted::from_project(&project).fingerprint();
    project
        .apply(Edit::SetIgnoredWords(vec!["agritech".into()]))
        .expect("ignored");
    assert_ne!(Accepted::from_project(&project).fingerprint(), with_source);
}
