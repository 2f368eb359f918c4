//! What each drawn item is in the brief's structure: which element of the layout's
//! [`Document`](super::Document) it shows, and what part of that element, or that it is
//! an artifact (page furniture, rules and boxes, a header row repeated after a page
//! break). The PDF's tags are built from these, so that every glyph on a page is either
//! reachable from the structure tree or marked as not part of the brief.

/// An item's place in the brief's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tag {
    /// The index in [`Document::elements`](super::Document::elements) of the element the
    /// item shows; `None` for artifacts, and for everything in a layout made for the
    /// screen only, which has no document.
    pub element: Option<u32>,
    pub role: Role,
}

impl Tag {
    /// Not part of the brief's content.
    pub const ARTIFACT: Tag = Tag {
        element: None,
        role: Role::Artifact,
    };

    /// Whether the item is content of an element of the document.
    pub fn is_content(self) -> bool {
        self.element.is_some() && self.role != Role::Artifact
    }
}

/// What part of its element an item shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Role {
    /// The element's running text: a heading, a paragraph's lines, a quotation.
    #[default]
    Text,
    /// A list item's number or bullet, an attachment's letter.
    Label,
    /// The cell at `row`, `column` of a table (the title block, clearance, contact officer
    /// and table blocks). A row of one cell spans the table.
    Cell { row: u16, column: u16 },
    /// The element's `n`th separate piece: a recommendation's response boxes, the
    /// signature block's comments, signature and date labels.
    Piece(u8),
    /// Footnote `number` (counted through the brief from 1) that the element references,
    /// set at the foot of the page.
    Note(u16),
    /// The mark of footnote `number` in the element's text ("¹").
    Reference(u16),
    /// Decoration only: page furniture, a repeated header row, rules and boxes.
    Artifact,
}
