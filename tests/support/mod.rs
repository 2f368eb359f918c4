//! What the window tests share: scripted file dialogs and a harness around the window.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use briefwright::app::{AppState, Dialogs, Settings, app_ui};
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
}

pub struct ScriptedDialogs(pub Rc<RefCell<Answers>>);

impl Dialogs for ScriptedDialogs {
    fn pick_project(&mut self, _: Option<&Path>) -> Option<PathBuf> {
        self.0.borrow_mut().projects.pop_front()
    }
    fn pick_articles(&mut self, _: Option<&Path>) -> Option<Vec<PathBuf>> {
        self.0.borrow_mut().articles.pop_front()
    }
    fn save_project_as(&mut self, _: &str, _: Option<&Path>) -> Option<PathBuf> {
        self.0.borrow_mut().save_as.pop_front()
    }
    fn save_pdf_as(&mut self, _: &str, _: Option<&Path>) -> Option<PathBuf> {
        self.0.borrow_mut().pdfs.pop_front()
    }
    fn pick_template(&mut self, _: Option<&Path>) -> Option<PathBuf> {
        self.0.borrow_mut().templates.pop_front()
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
    let answers = Rc::new(RefCell::new(Answers::default()));
    let recovery =
        std::env::temp_dir().join(format!("briefwright-test-recovery-{}", std::process::id()));
    let state = AppState::new(
        project,
        None,
        Settings::default(),
        Box::new(ScriptedDialogs(Rc::clone(&answers))),
    )
    .with_recovery_folder(recovery);
    let harness = Harness::builder()
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
