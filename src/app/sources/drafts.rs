//! Articles on their way in: the text in the paste window and a link being fetched.

use std::sync::mpsc::Receiver;

use crate::import::LinkError;
use crate::model::Source;

/// The text in the paste window, and the formatted version the clipboard offered with it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PasteDraft {
    pub text: String,
    /// HTML of the same content, kept while `text` is what the clipboard held.
    pub html: Option<String>,
}

/// A link being fetched on its own thread.
pub struct LinkImport {
    pub url: String,
    pub(in crate::app) answer: Receiver<Result<Source, LinkError>>,
}
