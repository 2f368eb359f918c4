//! What the window tests share: scripted file dialogs and a harness around the window.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use briefwright::app::{
    AppState, DialogAnswer, Dialogs, FilePurpose, FileRequest, Settings, app_ui,
};
use briefwright::model::Project;
use briefwright::template::Template;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Answers the file dialogs would give, queued by the test.
#[derive(Default)]
pub struct Answers {
    pub projects: VecDeque<PathBuf>,
    pub articles: VecDeque<Vec<PathBuf>>,
    pub save_as: VecDeque<PathBuf>,
    pub pdfs: VecDeque<PathBuf>,
    pub templates: VecDeque<PathBuf>,
    pub dictionaries: VecDeque<PathBuf>,
    /// A file in a library folder, for Library ▸ Browse….
    pub libraries: VecDeque<PathBuf>,
    /// Answer every request with "no native dialog can be shown".
    pub unavailable: bool,
}

pub struct ScriptedDialogs(pub Rc<RefCell<Answers>>, pub Option<FileRequest>);

impl ScriptedDialogs {
    pub fn new(answers: Rc<RefCell<Answers>>) -> Self {
        ScriptedDialogs(answers, None)
    }
}

impl Dialogs for ScriptedDialogs {
    fn start(&mut self, request: FileRequest) {
        self.1 = Some(request);
    }

    fn answer(&mut self) -> Option<(FileRequest, DialogAnswer)> {
        let request = self.1.take()?;
        let mut answers = self.0.borrow_mut();
        if answers.unavailable {
            return Some((
                request,
                DialogAnswer::Unavailable("no portal in this test".into()),
            ));
        }
        let chosen = match &request.purpose {
            FilePurpose::OpenProject { .. } => answers.projects.pop_front().map(|p| vec![p]),
            FilePurpose::ImportArticles
            | FilePurpose::ImportReview
            | FilePurpose::InsertPictures => answers.articles.pop_front(),
            FilePurpose::SaveProjectAs { .. } => answers.save_as.pop_front().map(|p| vec![p]),
            FilePurpose::ExportPdf { .. }
            | FilePurpose::ExportWord { .. }
            | FilePurpose::ExportReview { .. } => answers.pdfs.pop_front().map(|p| vec![p]),
            FilePurpose::PickTemplate => answers.templates.pop_front().map(|p| vec![p]),
            FilePurpose::PickDictionary => answers.dictionaries.pop_front().map(|p| vec![p]),
            FilePurpose::PickLibrary => answers.libraries.pop_front().map(|p| vec![p]),
        };
        drop(answers);
        Some((
            request,
            chosen.map_or(DialogAnswer::Cancelled, DialogAnswer::Chosen),
        ))
    }
}

pub fn empty_brief() -> Project {
    let template = Template::built_in("briefing-note").expect("template");
    let mut project = Project::new("briefing-note", &template.part_titles());
    project.brief.meta.title = "Flood cooperation".into();
    project.brief.meta.created = "2026-03-01T09:00:00Z".into();
    project
}

pub fn harness(project: Project) -> (Harness<'static, AppState>, Rc<RefCell<Answers>>) {
    harness_of(project, Settings::default(), Harness::builder())
}

fn harness_of(
    project: Project,
    settings: Settings,
    builder: egui_kittest::HarnessBuilder<AppState>,
) -> (Harness<'static, AppState>, Rc<RefCell<Answers>>) {
    let answers = Rc::new(RefCell::new(Answers::default()));
    let recovery =
        std::env::temp_dir().join(format!("briefwright-test-recovery-{}", std::process::id()));
    let state = AppState::new(
        project,
        None,
        settings,
        Box::new(ScriptedDialogs::new(Rc::clone(&answers))),
    )
    .with_recovery_folder(recovery);
    let harness = builder
        .with_size([1600.0, 1000.0])
        .build_ui_state(app_ui, state);
    (harness, answers)
}

pub fn article() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/opinion-with-footer.txt")
}

pub fn menu(harness: &mut Harness<'static, AppState>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label_contains(item).click();
    harness.run();
}

pub fn harness_with(project: Project) -> (Harness<'static, AppState>, Rc<RefCell<Answers>>) {
    let (mut harness, answers) = harness(project);
    harness.run();
    (harness, answers)
}

/// Like [`harness_with`], with the settings kept from an earlier run (the last folder, say).
pub fn harness_with_settings(
    project: Project,
    settings: Settings,
) -> (Harness<'static, AppState>, Rc<RefCell<Answers>>) {
    let (mut harness, answers) = harness_of(project, settings, Harness::builder());
    harness.run();
    (harness, answers)
}

/// Clicks the first part's "Add paragraph" and lets the new block take the cursor.
pub fn add_first_paragraph(harness: &mut Harness<'static, AppState>) {
    harness
        .get_all_by_label("Add paragraph")
        .next()
        .expect("a part takes paragraphs")
        .click();
    harness.run();
    harness.run();
}
