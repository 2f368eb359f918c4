//! The window's panes and the left pane's tabs, as commands name them.

/// Which tab of the left pane is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Sources,
    TalkingPoints,
    /// Comments, suggestions, versions and clearance.
    Review,
    /// Shared libraries of approved lines.
    Library,
}

/// The window's panes, in the order F6 visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Sources,
    Editor,
    Preview,
}

impl Pane {
    pub const ORDER: [Pane; 3] = [Pane::Sources, Pane::Editor, Pane::Preview];
}
