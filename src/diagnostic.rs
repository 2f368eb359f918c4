//! Diagnostics: what is wrong with a project or its layout, how serious it is, and which
//! block it came from. Loading, layout, the command line and the window all use this
//! one type.

use crate::model::BlockId;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Nothing is wrong; something the user should know (a file was opened or cleaned up).
    Info,
    /// Worth checking before the brief goes out; the output is as the user asked.
    Warning,
    /// The output is wrong (text left out or drawn as boxes) until the user fixes it.
    Error,
}

/// A problem found while loading or laying out a brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// The brief block it came from, if any.
    pub block: Option<BlockId>,
    /// Further blocks it is about, after `block` (a warning that covers several).
    pub also: Vec<BlockId>,
    /// Characters of `block` that no bundled font draws. Layout gathers these from every
    /// paragraph into one message per script.
    pub undrawn: Vec<char>,
    /// Something to settle before the brief is sent (a placeholder title, an empty To,
    /// From or Date): the window lists these before an export.
    pub before_sending: bool,
}

impl Diagnostic {
    /// A warning about `block` (or the brief as a whole).
    pub fn warning(message: impl Into<String>, block: Option<BlockId>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            message: message.into(),
            block,
            also: Vec::new(),
            undrawn: Vec::new(),
            before_sending: false,
        }
    }

    /// An error about `block` (or the brief as a whole).
    pub fn error(message: impl Into<String>, block: Option<BlockId>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            block,
            also: Vec::new(),
            undrawn: Vec::new(),
            before_sending: false,
        }
    }

    /// The same diagnostic, marked as something to settle before the brief is sent.
    pub fn before_sending(mut self) -> Self {
        self.before_sending = true;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Every block it is about, in order.
    pub fn blocks(&self) -> impl Iterator<Item = BlockId> + '_ {
        self.block.into_iter().chain(self.also.iter().copied())
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Info => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{level}: {}", self.message)
    }
}
