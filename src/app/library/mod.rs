//! The Library tab: the officer's shared libraries of approved lines — search and
//! filter them, preview a line with its history, add, edit, approve and withdraw lines,
//! merge sync-conflict copies, and drag a line into the brief; and the brief's notices
//! when a line it uses has changed in its library.

pub(in crate::app) mod action;
pub(in crate::app) mod actions;
pub(in crate::app) mod notices;
pub(in crate::app) mod pane;
pub(in crate::app) mod state;
