//! The PDF's tags (PDF/UA-1): the marked-content sequences each page's items go in, and
//! the structure tree over them, built from the layout's document in reading order.
//!
//! Every item of a page is either content of an element of the document (its layout
//! [`Tag`](crate::layout::Tag) names which, and what part of it) or an artifact: page
//! furniture, rules, cell borders, a header row placed again after a page break. The
//! page writer ([`super::content`]) wraps each stretch of items with one mark in one
//! marked-content sequence: `/P <</MCID n>> BDC … EMC` for content, `/Artifact BMC … EMC`
//! for the rest. [`write_tree`] then gives each element its structure element (H1, P,
//! L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, BlockQuote, Note, Link) holding its
//! sequences, and the parent tree that leads from each sequence and each link annotation
//! back to its element.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use lopdf::{Document, Object, ObjectId, dictionary};

use super::metadata::text_string;
use crate::layout::{
    Document as Brief, ElementKind, FigurePlan, Item, MetaTable, Noted, Page, Role, Segment,
    TablePlan,
};

/// What a marked-content sequence holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Artifact,
    /// Content of `role` of element `element`; a link's text also names its annotation,
    /// counted from 0 on its page.
    Content {
        element: u32,
        role: Role,
        link: Option<u32>,
    },
}

/// A stretch of a page's items that goes in one marked-content sequence: positions in
/// the page's writing order ([`Sequences::order`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sequence {
    pub items: Range<usize>,
    pub mark: Mark,
}

/// The order a page's items are written in, and that order cut into marked-content
/// sequences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sequences {
    /// Indexes into the page's items.
    pub order: Vec<usize>,
    pub sequences: Vec<Sequence>,
}

/// The page's items cut into marked-content sequences, in order. A link area draws
/// nothing and goes with the sequence it stands in; the text run before it is the link's
/// text, in a sequence of its own. The layout puts a list item's label after its first
/// line; it is written before it, so that the label and the text are a sequence each.
pub fn sequences(page: &Page) -> Sequences {
    let mut order: Vec<usize> = (0..page.items.len()).collect();
    let mut start = 0;
    while start < order.len() {
        let element = page.items[start].tag.element;
        let mut end = start + 1;
        while end < order.len() && element.is_some() && page.items[end].tag.element == element {
            end += 1;
        }
        if end - start > 1 {
            order[start..end].sort_by_key(|&index| page.items[index].tag.role != Role::Label);
        }
        start = end;
    }
    let mut out: Vec<Sequence> = Vec::new();
    let mut links = 0u32;
    for (position, &index) in order.iter().enumerate() {
        let positioned = &page.items[index];
        let mark = match (&positioned.item, positioned.tag.element) {
            (Item::Link { .. }, _) => {
                links += 1;
                if let Some(last) = out.last_mut() {
                    last.items.end = position + 1;
                    continue;
                }
                Mark::Artifact
            }
            (Item::Text(_) | Item::Image { .. }, Some(element)) if positioned.tag.is_content() => {
                let next = order.get(position + 1).map(|&next| &page.items[next].item);
                let link = matches!(next, Some(Item::Link { .. })).then_some(links);
                Mark::Content {
                    element,
                    role: positioned.tag.role,
                    link,
                }
            }
            _ => Mark::Artifact,
        };
        match out.last_mut() {
            Some(last) if last.mark == mark && mark_joins(mark) => last.items.end = position + 1,
            _ => out.push(Sequence {
                items: position..position + 1,
                mark,
            }),
        }
    }
    Sequences {
        order,
        sequences: out,
    }
}

/// Whether the next item with the same mark may share the sequence: not a link's text,
/// which is one sequence per annotation.
fn mark_joins(mark: Mark) -> bool {
    !matches!(mark, Mark::Content { link: Some(_), .. })
}

/// Where one marked-content sequence of an element's part is.
#[derive(Debug, Clone, Copy)]
struct Placed {
    page: usize,
    mcid: i64,
    link: Option<u32>,
}

/// A structure element before it is written.
struct Node {
    kind: &'static str,
    lang: Option<String>,
    /// A table cell's `/Scope`.
    scope: Option<&'static str>,
    /// A note's `/ID`.
    id: Option<String>,
    /// A figure's alternative text.
    alt: Option<String>,
    /// How many columns a table cell spans, when more than one.
    col_span: Option<usize>,
    kids: Vec<Kid>,
}

enum Kid {
    Node(Node),
    /// The sequences of `role` of element `element`, wherever they landed.
    Content(u32, Role),
}

impl Node {
    fn new(kind: &'static str, kids: Vec<Kid>) -> Node {
        Node {
            kind,
            lang: None,
            scope: None,
            id: None,
            alt: None,
            col_span: None,
            kids,
        }
    }

    fn with_lang(mut self, lang: &Option<String>) -> Node {
        self.lang = lang.clone();
        self
    }
}

/// Writes the structure tree of `brief` over `pages` (whose objects are `page_ids`,
/// and whose link annotations, in order, are `annotations`), sets each page's
/// `/StructParents` and each annotation's `/StructParent`, and returns the tree's root.
pub fn write_tree(
    document: &mut Document,
    brief: &Brief,
    pages: &[Page],
    page_ids: &[ObjectId],
    annotations: &[Vec<ObjectId>],
) -> ObjectId {
    let mut contents: HashMap<(u32, Role), Vec<Placed>> = HashMap::new();
    let mut parents: Vec<Vec<Object>> = Vec::with_capacity(pages.len());
    for (index, page) in pages.iter().enumerate() {
        let mut mcid = 0;
        for sequence in sequences(page).sequences {
            if let Mark::Content {
                element,
                role,
                link,
            } = sequence.mark
            {
                contents.entry((element, role)).or_default().push(Placed {
                    page: index,
                    mcid,
                    link,
                });
                mcid += 1;
            }
        }
        parents.push(vec![Object::Null; usize::try_from(mcid).unwrap_or(0)]);
    }
    // Footnote marks go inline in their element's text, in the order they were written.
    let mut references: HashMap<u32, Vec<(Placed, u16)>> = HashMap::new();
    contents.retain(|(element, role), placed| match role {
        Role::Reference(number) => {
            let entry = references.entry(*element).or_default();
            entry.extend(placed.iter().map(|placed| (*placed, *number)));
            false
        }
        _ => true,
    });
    let mut writer = TreeWriter {
        document,
        contents,
        references,
        page_ids,
        annotations,
        parents,
        annotation_parents: Vec::new(),
    };
    let root_id = writer.document.new_object_id();
    let mut top = document_kids(brief);
    // Content the tree above does not place (none, if the layout and the document
    // agree) still gets an element, at the end, so that nothing tagged is unreachable.
    let mut placed: HashSet<(u32, Role)> = HashSet::new();
    collect_content(&top, &mut placed);
    let mut left: Vec<(u32, Role)> = writer
        .contents
        .keys()
        .filter(|key| !placed.contains(key))
        .copied()
        .collect();
    left.sort_by_key(|(element, role)| (*element, format!("{role:?}")));
    top.extend(
        left.into_iter()
            .map(|(element, role)| Kid::Node(Node::new("P", vec![Kid::Content(element, role)]))),
    );
    let document_node = Node::new("Document", top);
    let document_element = writer.emit(&document_node, root_id);

    let pages_count = writer.parents.len();
    let mut nums = Vec::new();
    for (index, parents) in std::mem::take(&mut writer.parents).into_iter().enumerate() {
        nums.push(Object::Integer(index as i64));
        nums.push(Object::Array(parents));
        if let Ok(page) = writer.document.get_dictionary_mut(page_ids[index]) {
            page.set("StructParents", index as i64);
        }
    }
    let mut key = pages_count as i64;
    for (annotation, parent) in std::mem::take(&mut writer.annotation_parents) {
        nums.push(Object::Integer(key));
        nums.push(Object::Reference(parent));
        if let Ok(dictionary) = writer.document.get_dictionary_mut(annotation) {
            dictionary.set("StructParent", key);
        }
        key += 1;
    }
    let mut root = dictionary! {
        "Type" => "StructTreeRoot",
        "ParentTree" => dictionary! { "Nums" => nums },
        "ParentTreeNextKey" => key,
    };
    if let Some(element) = document_element {
        root.set("K", element);
    }
    document.objects.insert(root_id, Object::Dictionary(root));
    root_id
}

fn collect_content(kids: &[Kid], out: &mut HashSet<(u32, Role)>) {
    for kid in kids {
        match kid {
            Kid::Node(node) => collect_content(&node.kids, out),
            Kid::Content(element, role) => {
                out.insert((*element, *role));
            }
        }
    }
}

struct TreeWriter<'a> {
    document: &'a mut Document,
    contents: HashMap<(u32, Role), Vec<Placed>>,
    /// Each element's footnote marks, with their numbers.
    references: HashMap<u32, Vec<(Placed, u16)>>,
    page_ids: &'a [ObjectId],
    annotations: &'a [Vec<ObjectId>],
    /// For each page, the element that holds each of its sequences, by MCID.
    parents: Vec<Vec<Object>>,
    /// Each annotation with the Link element it belongs to, in order.
    annotation_parents: Vec<(ObjectId, ObjectId)>,
}

impl TreeWriter<'_> {
    /// Whether `node` holds any content at all.
    fn filled(&self, node: &Node) -> bool {
        node.kids.iter().any(|kid| match kid {
            Kid::Node(node) => self.filled(node),
            Kid::Content(element, role) => self.contents.contains_key(&(*element, *role)),
        })
    }

    /// Writes `node` and what it holds under `parent`; `None` when it holds nothing.
    fn emit(&mut self, node: &Node, parent: ObjectId) -> Option<ObjectId> {
        if !self.filled(node) {
            return None;
        }
        let id = self.document.new_object_id();
        let page = node.kids.iter().find_map(|kid| match kid {
            Kid::Content(element, role) => self
                .contents
                .get(&(*element, *role))
                .and_then(|placed| placed.first())
                .map(|placed| placed.page),
            Kid::Node(_) => None,
        });
        let mut kids = Vec::new();
        for kid in &node.kids {
            match kid {
                Kid::Node(child) => {
                    if let Some(child) = self.emit(child, id) {
                        kids.push(Object::Reference(child));
                    }
                }
                Kid::Content(element, role) => {
                    let mut placed: Vec<(Placed, Option<u16>)> = self
                        .contents
                        .get(&(*element, *role))
                        .map(|placed| placed.iter().map(|p| (*p, None)).collect())
                        .unwrap_or_default();
                    if *role == Role::Text
                        && let Some(references) = self.references.get(element)
                    {
                        placed.extend(references.iter().map(|(p, number)| (*p, Some(*number))));
                        placed.sort_by_key(|(p, _)| (p.page, p.mcid));
                    }
                    for (placed, reference) in placed {
                        let kid = match reference {
                            Some(_) => self.reference(placed, id),
                            None => self.sequence(placed, id, page),
                        };
                        kids.push(kid);
                    }
                }
            }
        }
        let mut dictionary = dictionary! {
            "S" => node.kind,
            "P" => parent,
        };
        if let Some(page) = page {
            dictionary.set("Pg", self.page_ids[page]);
        }
        if let Some(lang) = &node.lang {
            dictionary.set("Lang", text_string(lang));
        }
        if node.scope.is_some() || node.col_span.is_some() {
            let mut attributes = dictionary! { "O" => "Table" };
            if let Some(scope) = node.scope {
                attributes.set("Scope", scope);
            }
            if let Some(span) = node.col_span {
                attributes.set("ColSpan", i64::try_from(span).unwrap_or(i64::MAX));
            }
            dictionary.set("A", attributes);
        }
        if let Some(alt) = &node.alt {
            dictionary.set("Alt", text_string(alt));
        }
        if let Some(note) = &node.id {
            dictionary.set("ID", Object::string_literal(note.as_str()));
        }
        dictionary.set(
            "K",
            if kids.len() == 1 {
                kids.remove(0)
            } else {
                Object::Array(kids)
            },
        );
        self.document
            .objects
            .insert(id, Object::Dictionary(dictionary));
        Some(id)
    }

    /// One sequence as a kid of element `id` whose page is `page`: its MCID, or a link
    /// element holding the MCID and its annotation.
    fn sequence(&mut self, placed: Placed, id: ObjectId, page: Option<usize>) -> Object {
        let annotation = placed.link.and_then(|link| {
            self.annotations
                .get(placed.page)
                .and_then(|annotations| annotations.get(link as usize))
                .copied()
        });
        let Some(annotation) = annotation else {
            self.set_parent(placed, id);
            return self.content_reference(placed, page);
        };
        let link = self.document.new_object_id();
        self.set_parent(placed, link);
        self.annotation_parents.push((annotation, link));
        let page_id = self.page_ids[placed.page];
        let element = dictionary! {
            "S" => "Link",
            "P" => id,
            "Pg" => page_id,
            "K" => vec![
                Object::Integer(placed.mcid),
                Object::Dictionary(dictionary! { "Type" => "OBJR", "Obj" => annotation }),
            ],
        };
        self.document
            .objects
            .insert(link, Object::Dictionary(element));
        Object::Reference(link)
    }

    /// A footnote's mark as a Reference element of its own under element `id`.
    fn reference(&mut self, placed: Placed, id: ObjectId) -> Object {
        let reference = self.document.new_object_id();
        self.set_parent(placed, reference);
        let element = dictionary! {
            "S" => "Reference",
            "P" => id,
            "Pg" => self.page_ids[placed.page],
            "K" => placed.mcid,
        };
        self.document
            .objects
            .insert(reference, Object::Dictionary(element));
        Object::Reference(reference)
    }

    fn set_parent(&mut self, placed: Placed, id: ObjectId) {
        if let Some(slot) = self
            .parents
            .get_mut(placed.page)
            .and_then(|parents| parents.get_mut(usize::try_from(placed.mcid).unwrap_or(0)))
        {
            *slot = Object::Reference(id);
        }
    }

    /// The MCID alone on the element's own page, or a marked-content reference naming
    /// the page it continues on.
    fn content_reference(&self, placed: Placed, page: Option<usize>) -> Object {
        if page == Some(placed.page) {
            Object::Integer(placed.mcid)
        } else {
            Object::Dictionary(dictionary! {
                "Type" => "MCR",
                "Pg" => self.page_ids[placed.page],
                "MCID" => placed.mcid,
            })
        }
    }
}

/// What a list item belongs to: consecutive elements with one key are one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKey {
    Numbered(usize),
    /// Bullets and talking points: one list however many blocks it runs through.
    Bulleted,
    Attachments,
    Sources,
}

/// The Document element's kids: each element of the brief in reading order, list items
/// gathered into their lists.
fn document_kids(brief: &Brief) -> Vec<Kid> {
    let mut kids = Vec::new();
    let mut list: Option<(ListKey, Vec<Kid>)> = None;
    for (index, element) in brief.elements.iter().enumerate() {
        let Ok(e) = u32::try_from(index) else {
            break;
        };
        if matches!(element.kind, ElementKind::PageBreak) {
            continue;
        }
        let key = match &element.kind {
            ElementKind::Paragraph {
                list: Some(list), ..
            }
            | ElementKind::Recommendation { list, .. } => Some(ListKey::Numbered(*list)),
            ElementKind::Bullet { .. } | ElementKind::ListItem { .. } => Some(ListKey::Bulleted),
            ElementKind::Attachment(_) => Some(ListKey::Attachments),
            ElementKind::SourceEntry(_) => Some(ListKey::Sources),
            _ => None,
        };
        if list.as_ref().map(|(k, _)| Some(*k)) != Some(key)
            && let Some((_, items)) = list.take()
        {
            kids.push(Kid::Node(Node::new("L", items)));
        }
        let text = || Kid::Content(e, Role::Text);
        match &element.kind {
            ElementKind::Title(_) => kids.push(Kid::Node(Node::new("H1", vec![text()]))),
            ElementKind::Heading(_) => kids.push(Kid::Node(Node::new("H2", vec![text()]))),
            ElementKind::Body(_) => kids.push(Kid::Node(Node::new("P", vec![text()]))),
            ElementKind::TitleBlock(table) => kids.push(Kid::Node(meta_table(e, table))),
            ElementKind::Table(table) => kids.push(Kid::Node(table_node(e, table))),
            ElementKind::Figure(figure) => kids.push(Kid::Node(figure_node(e, figure))),
            ElementKind::Quote { language, .. } => kids.push(Kid::Node(
                Node::new("BlockQuote", vec![text()]).with_lang(language),
            )),
            ElementKind::SignatureBlock(_) => {
                for piece in 0..3 {
                    kids.push(Kid::Node(Node::new(
                        "P",
                        vec![Kid::Content(e, Role::Piece(piece))],
                    )));
                }
            }
            ElementKind::Paragraph {
                text: noted,
                list: None,
                language,
            } => {
                let mut body = vec![text()];
                body.extend(notes(e, noted));
                kids.push(Kid::Node(Node::new("P", body).with_lang(language)));
            }
            ElementKind::Paragraph {
                text: noted,
                language,
                ..
            }
            | ElementKind::Bullet {
                text: noted,
                language,
            } => {
                let mut body = vec![text()];
                body.extend(notes(e, noted));
                push_item(&mut list, key, list_item(e, body, language));
            }
            ElementKind::ListItem { language, .. } => {
                push_item(&mut list, key, list_item(e, vec![text()], language));
            }
            ElementKind::Recommendation { text: noted, .. } => {
                let mut body = vec![Kid::Node(Node::new("P", vec![text()]))];
                body.extend(notes(e, noted));
                for piece in 0..2 {
                    body.push(Kid::Node(Node::new(
                        "P",
                        vec![Kid::Content(e, Role::Piece(piece))],
                    )));
                }
                push_item(&mut list, key, list_item(e, body, &None));
            }
            ElementKind::Attachment(_) | ElementKind::SourceEntry(_) => {
                push_item(&mut list, key, list_item(e, vec![text()], &None));
            }
            ElementKind::PageBreak => {}
        }
    }
    if let Some((_, items)) = list {
        kids.push(Kid::Node(Node::new("L", items)));
    }
    kids
}

/// A picture read by its alternative text, with its caption beside it so that the
/// caption is read too (a Figure's own content is replaced by its `/Alt`). A decorative
/// picture is an artifact and leaves only its caption.
fn figure_node(e: u32, figure: &FigurePlan) -> Node {
    let mut kids = Vec::new();
    if let Some(alt) = &figure.alt {
        let mut picture = Node::new("Figure", vec![Kid::Content(e, Role::Text)]);
        // An empty description is warned about at export; a reader still hears that a
        // picture is there, and its caption.
        picture.alt = Some(if alt.is_empty() {
            "Picture".to_owned()
        } else {
            alt.clone()
        });
        kids.push(Kid::Node(picture));
    }
    if figure.caption.is_some() {
        kids.push(Kid::Node(Node::new(
            "Caption",
            vec![Kid::Content(e, Role::Piece(0))],
        )));
    }
    Node::new("Div", kids)
}

fn push_item(list: &mut Option<(ListKey, Vec<Kid>)>, key: Option<ListKey>, item: Node) {
    match (list.as_mut(), key) {
        (Some((_, items)), _) => items.push(Kid::Node(item)),
        (None, Some(key)) => *list = Some((key, vec![Kid::Node(item)])),
        (None, None) => {}
    }
}

/// LI: the element's label, then its body.
fn list_item(e: u32, body: Vec<Kid>, language: &Option<String>) -> Node {
    Node::new(
        "LI",
        vec![
            Kid::Node(Node::new("Lbl", vec![Kid::Content(e, Role::Label)])),
            Kid::Node(Node::new("LBody", body).with_lang(language)),
        ],
    )
}

/// A Note for each footnote the text references, with its number as its ID.
fn notes(e: u32, noted: &Noted) -> Vec<Kid> {
    noted
        .segments
        .iter()
        .filter_map(|segment| match segment {
            Segment::Note { number, .. } => {
                let number = u16::try_from(*number).unwrap_or(u16::MAX);
                let mut note = Node::new("Note", vec![Kid::Content(e, Role::Note(number))]);
                note.id = Some(format!("note-{number}"));
                Some(Kid::Node(note))
            }
            Segment::Text(_) => None,
        })
        .collect()
}

fn cell(e: u32, row: usize, column: usize, kind: &'static str, scope: Option<&'static str>) -> Kid {
    let role = Role::Cell {
        row: u16::try_from(row).unwrap_or(u16::MAX),
        column: u16::try_from(column).unwrap_or(u16::MAX),
    };
    let mut node = Node::new(kind, vec![Kid::Content(e, role)]);
    node.scope = scope;
    Kid::Node(node)
}

/// The title block: a row header (To, From, Date) and its value in each row.
fn meta_table(e: u32, table: &MetaTable) -> Node {
    let rows = (0..table.rows.len())
        .map(|row| {
            Kid::Node(Node::new(
                "TR",
                vec![
                    cell(e, row, 0, "TH", Some("Row")),
                    cell(e, row, 1, "TD", None),
                ],
            ))
        })
        .collect();
    Node::new("Table", vec![Kid::Node(Node::new("TBody", rows))])
}

/// A table: its header row (column headers) in THead, the other rows in TBody.
fn table_node(e: u32, table: &TablePlan) -> Node {
    let mut kids = Vec::new();
    let first_body = usize::from(table.header);
    if table.header
        && let Some(header) = table.rows.first()
    {
        let cells = (0..header.len())
            .map(|column| cell(e, 0, column, "TH", Some("Column")))
            .collect();
        kids.push(Kid::Node(Node::new(
            "THead",
            vec![Kid::Node(Node::new("TR", cells))],
        )));
    }
    let rows: Vec<Kid> = table
        .rows
        .iter()
        .enumerate()
        .skip(first_body)
        .map(|(row, cells)| {
            let mut cells: Vec<Kid> = (0..cells.len())
                .map(|column| cell(e, row, column, "TD", None))
                .collect();
            // A row of one cell (a day's heading in a programme) spans the table.
            if let ([Kid::Node(only)], columns) = (cells.as_mut_slice(), table.columns.len())
                && columns > 1
            {
                only.col_span = Some(columns);
            }
            Kid::Node(Node::new("TR", cells))
        })
        .collect();
    kids.push(Kid::Node(Node::new("TBody", rows)));
    Node::new("Table", kids)
}
