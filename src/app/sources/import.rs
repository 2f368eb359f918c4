//! Getting articles in and out of the project from the window: files, pasted text and
//! formatted text, links fetched in the background, and removing a source with the
//! question of what becomes of its excerpts.

use std::path::PathBuf;
use std::sync::mpsc::{TryRecvError, channel};

use crate::app::sources::drafts::LinkImport;
use crate::app::state::{AppState, Modal};
use crate::import::{Fetcher, LinkError, import_file_noting, import_html_fragment, import_text};
use crate::model::{Edit, ExcerptsOfRemoved, Source, SourceId};

impl AppState {
    pub(in crate::app) fn import_articles(&mut self, paths: Vec<PathBuf>) {
        let mut edits = Vec::new();
        for path in paths {
            match import_file_noting(&path) {
                Ok(imported) => {
                    for warning in imported.warnings {
                        self.warning(format!("{warning}."));
                    }
                    edits.push(Edit::AddSource(Box::new(imported.source)));
                }
                Err(error) => self.error(format!("Could not import an article. {error}.")),
            }
        }
        let count = edits.len();
        self.apply_edits(edits);
        if count > 0 {
            self.info(format!(
                "Imported {count} article{}.",
                if count == 1 { "" } else { "s" }
            ));
        }
    }

    /// Opens the paste window, filled with the clipboard's text when it also offers the
    /// same content formatted, so that headings and paragraphs survive.
    pub(in crate::app) fn open_paste_dialog(&mut self) {
        self.modal = Some(Modal::Paste(
            crate::app::sources::clipboard::formatted_text().unwrap_or_default(),
        ));
    }

    pub(in crate::app) fn paste_article(&mut self, text: &str) {
        let is_markdown = text
            .lines()
            .any(|l| l.starts_with("# ") || l.starts_with("## "));
        match import_text(text, is_markdown) {
            Some(source) => self.add_pasted(source),
            None => self
                .error("There was no text to import. Paste the article's text into the box first."),
        }
    }

    pub(in crate::app) fn paste_html(&mut self, html: &str, text: &str) {
        match import_html_fragment(html) {
            Some(source) => self.add_pasted(source),
            None => self.paste_article(text),
        }
    }

    fn add_pasted(&mut self, mut source: Source) {
        source.file_name = "pasted text".into();
        self.apply_edits(vec![Edit::AddSource(Box::new(source))]);
        self.modal = None;
    }

    /// Fetches `url` on a thread of its own, so that a slow server never stops the window.
    pub(in crate::app) fn start_link_import(&mut self, url: String) {
        let url = url.trim().to_owned();
        if url.is_empty() {
            self.error("Type or paste a link (https://…) first.");
            return;
        }
        self.modal = None;
        let (sender, answer) = channel();
        let fetched = url.clone();
        let today = crate::dates::long_date(&crate::dates::now_timestamp()).unwrap_or_default();
        std::thread::spawn(move || {
            // The window may be gone by the time the answer comes; nothing waits for it then.
            let _ = sender.send(Fetcher::default().import_link(&fetched, &today));
        });
        // The Sources tab shows the fetch with a spinner, and the source when it arrives.
        self.tab = crate::app::state::Tab::Sources;
        self.link_imports.push(LinkImport { url, answer });
    }

    /// Adds the articles of links that have been fetched. True while any is still coming.
    pub fn poll_link_imports(&mut self) -> bool {
        let mut finished = Vec::new();
        self.link_imports
            .retain(|import| match import.answer.try_recv() {
                Ok(result) => {
                    finished.push((import.url.clone(), result));
                    false
                }
                Err(TryRecvError::Empty) => true,
                Err(TryRecvError::Disconnected) => {
                    finished.push((
                        import.url.clone(),
                        Err(LinkError::Unreachable {
                            host: import.url.clone(),
                            cause: "the fetch stopped unexpectedly".into(),
                        }),
                    ));
                    false
                }
            });
        for (url, result) in finished {
            match result {
                Ok(source) => {
                    let title = source.title.clone();
                    self.apply_edits(vec![Edit::AddSource(Box::new(source))]);
                    self.info(format!("Imported \u{201c}{title}\u{201d} from {url}."));
                }
                Err(error) => self.error(format!("Could not import the link: {error}.")),
            }
        }
        !self.link_imports.is_empty()
    }

    /// The links still being fetched.
    pub fn links_in_flight(&self) -> impl Iterator<Item = &str> {
        self.link_imports.iter().map(|import| import.url.as_str())
    }

    pub(in crate::app) fn ask_to_remove_source(&mut self, source: SourceId) {
        if self.project.excerpts_of(source).is_empty() {
            self.remove_source(source, ExcerptsOfRemoved::Remove);
        } else {
            self.modal = Some(Modal::RemoveSource(source));
        }
    }

    pub(in crate::app) fn remove_source(&mut self, source: SourceId, excerpts: ExcerptsOfRemoved) {
        self.modal = None;
        let Some(title) = self.project.source(source).map(|s| s.title.clone()) else {
            return;
        };
        let count = self.project.excerpts_of(source).len();
        self.apply_edits(self.project.remove_source_edits(source, excerpts));
        let what = match (count, excerpts) {
            (0, _) => String::new(),
            (n, ExcerptsOfRemoved::KeepAsQuotes) => {
                format!(" {n} excerpt{} kept as quoted text.", plural(n))
            }
            (n, ExcerptsOfRemoved::Remove) => format!(" {n} excerpt{} removed.", plural(n)),
        };
        self.info(format!(
            "Removed \u{201c}{title}\u{201d}.{what} Undo brings it back."
        ));
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
