//! Find and replace: the bar's state, the bar itself with the searching and replacing
//! it asks for, and the highlighting of matches in the editor's fields.

pub(in crate::app) mod bar;
pub(in crate::app) mod marks;
pub(in crate::app) mod state;
