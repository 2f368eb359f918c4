//! Review in the window: suggest mode, comments, suggestions to answer, versions and
//! clearance sign-offs, in the left pane's Review tab; the markup under the editor's
//! fields; and the preview's views of versions and comparisons.

pub(in crate::app) mod actions;
pub(in crate::app) mod markup;
pub(in crate::app) mod pane;
pub(in crate::app) mod state;
