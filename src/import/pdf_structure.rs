//! The author's own structure of a tagged PDF: the structure tree's paragraphs, headings
//! and list items in reading order, each with the marked content (page and MCID) that
//! draws it. Word, LibreOffice, Typst, Chromium, InDesign and Acrobat all write it, and
//! it says where a paragraph ends however its lines fall on the page.
//!
//! What is not the article is marked on the way: text outside the `Art` element when
//! there is one (a web page's menu and footer), figure captions, and loose text that no
//! paragraph holds (share buttons, "Read also" links, advertisements). Whether the tree
//! can be trusted is for the caller to judge against the page: see [`super::pdf_tagged`].

use std::collections::HashSet;

use pdf_extract::{Dictionary, Document, Object, ObjectId};

/// Deepest nesting of structure elements followed; real trees are a dozen deep.
const MAX_DEPTH: usize = 64;
/// Most structure elements visited; a long report has tens of thousands.
const MAX_ELEMENTS: usize = 200_000;

/// A block of the structure tree.
#[derive(Debug, Clone, PartialEq)]
pub struct StructBlock {
    pub role: Role,
    /// The marked content that draws it, in order: page number (as pdf-extract counts
    /// pages, from 1) and MCID.
    pub content: Vec<(u32, i64)>,
    /// Inside the article (`Art`), or the document has no `Art` element.
    pub in_article: bool,
}

/// What a block is, by its standard structure type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `H1`…`H6` (or `H`, as level 1), and `Title`.
    Heading(u8),
    Paragraph,
    /// A list item's body, without its label.
    ListItem,
    /// A figure's or table's caption.
    Caption,
    /// Text no paragraph holds: `NonStruct`, `Div` or `Span` straight under a grouping
    /// element, a table cell, a figure's text.
    Loose,
}

/// The blocks of `document`'s structure tree in reading order, or `None` when it has no
/// tree (or none that leads anywhere).
pub fn read(document: &Document) -> Option<Vec<StructBlock>> {
    let catalog = document.catalog().ok()?;
    let root = resolve(document, catalog.get(b"StructTreeRoot").ok()?)?
        .as_dict()
        .ok()?;
    let pages: Vec<(u32, ObjectId)> = document.get_pages().into_iter().collect();
    let mut reader = Reader {
        document,
        role_map: root
            .get(b"RoleMap")
            .ok()
            .and_then(|m| resolve(document, m))
            .and_then(|m| m.as_dict().ok()),
        pages,
        has_article: false,
        visited: 0,
        seen: HashSet::new(),
        blocks: Vec::new(),
    };
    let top = root.get(b"K").ok()?;
    reader.has_article = reader.contains_article(top, 0);
    reader.children(top, None, Context::top(!reader.has_article), 0);
    (!reader.blocks.is_empty()).then_some(reader.blocks)
}

struct Reader<'a> {
    document: &'a Document,
    role_map: Option<&'a Dictionary>,
    pages: Vec<(u32, ObjectId)>,
    has_article: bool,
    visited: usize,
    /// Elements already read, so a tree that loops is read once.
    seen: HashSet<ObjectId>,
    blocks: Vec<StructBlock>,
}

/// Where in the tree an element stands.
#[derive(Clone, Copy)]
struct Context {
    in_article: bool,
    in_figure: bool,
}

impl Context {
    fn top(in_article: bool) -> Self {
        Context {
            in_article,
            in_figure: false,
        }
    }
}

impl<'a> Reader<'a> {
    /// The standard type an element's `/S` maps to through the role map.
    fn standard_type(&self, element: &Dictionary) -> Vec<u8> {
        let mut kind = element
            .get(b"S")
            .ok()
            .and_then(|s| s.as_name().ok())
            .unwrap_or(b"")
            .to_vec();
        for _ in 0..8 {
            let mapped = self
                .role_map
                .and_then(|map| map.get(&kind).ok())
                .and_then(|m| resolve(self.document, m))
                .and_then(|m| m.as_name().ok());
            match mapped {
                Some(next) if next != kind.as_slice() => kind = next.to_vec(),
                _ => break,
            }
        }
        kind
    }

    fn contains_article(&mut self, kids: &'a Object, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        self.elements(kids).into_iter().any(|(_, element)| {
            self.standard_type(element) == b"Art"
                || element
                    .get(b"K")
                    .is_ok_and(|k| self.contains_article(k, depth + 1))
        })
    }

    /// The structure elements among `kids` (an element, a reference, or an array of
    /// them), with their object ids when they have one.
    fn elements(&self, kids: &'a Object) -> Vec<(Option<ObjectId>, &'a Dictionary)> {
        let items: Vec<&Object> = match kids {
            Object::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        items
            .into_iter()
            .filter_map(|item| {
                let id = item.as_reference().ok();
                let dictionary = resolve(self.document, item)?.as_dict().ok()?;
                let is_element = dictionary.has(b"S")
                    && !matches!(
                        dictionary.get(b"Type").and_then(Object::as_name),
                        Ok(b"MCR" | b"OBJR")
                    );
                is_element.then_some((id, dictionary))
            })
            .collect()
    }

    /// The page an element's content is on, by its `/Pg` or its parent's.
    fn page_of(&self, element: &Dictionary, parent: Option<u32>) -> Option<u32> {
        let Ok(Object::Reference(id)) = element.get(b"Pg") else {
            return parent;
        };
        self.pages
            .iter()
            .find(|(_, page)| page == id)
            .map(|(number, _)| *number)
    }

    /// Reads `kids` of an element on `page` as grouping content: blocks become blocks,
    /// groups are read through.
    fn children(&mut self, kids: &'a Object, page: Option<u32>, context: Context, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let items: Vec<&'a Object> = match kids {
            Object::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        // Marked content straight in a group is loose text.
        let mut loose = Vec::new();
        for item in items {
            if let Some(content) = self.marked_content(item, page) {
                loose.push(content);
                continue;
            }
            if !loose.is_empty() {
                self.push(Role::Loose, std::mem::take(&mut loose), context);
            }
            for (id, element) in self.elements(item) {
                self.element(id, element, page, context, depth + 1);
            }
        }
        if !loose.is_empty() {
            self.push(Role::Loose, loose, context);
        }
    }

    fn element(
        &mut self,
        id: Option<ObjectId>,
        element: &'a Dictionary,
        page: Option<u32>,
        mut context: Context,
        depth: usize,
    ) {
        self.visited += 1;
        if self.visited > MAX_ELEMENTS || id.is_some_and(|id| !self.seen.insert(id)) {
            return;
        }
        let page = self.page_of(element, page);
        let kind = self.standard_type(element);
        let Ok(kids) = element.get(b"K") else {
            return;
        };
        let role = match kind.as_slice() {
            b"H" | b"H1" | b"Title" => Some(Role::Heading(1)),
            b"H2" => Some(Role::Heading(2)),
            b"H3" => Some(Role::Heading(3)),
            b"H4" => Some(Role::Heading(4)),
            b"H5" => Some(Role::Heading(5)),
            b"H6" => Some(Role::Heading(6)),
            b"P" | b"Quote" | b"Note" | b"Code" | b"TOCI" => Some(Role::Paragraph),
            b"Caption" => Some(Role::Caption),
            b"LBody" => Some(Role::ListItem),
            b"Lbl" | b"Artifact" => return,
            b"LI" => {
                // The item's body without its bullet or number; an item with no body
                // is one block.
                let has_body = self
                    .elements(kids)
                    .iter()
                    .any(|(_, e)| self.standard_type(e) == b"LBody");
                if has_body {
                    self.children(kids, page, context, depth);
                    return;
                }
                Some(Role::ListItem)
            }
            b"TD" | b"TH" => Some(Role::Loose),
            b"Figure" | b"Formula" | b"Form" => {
                context.in_figure = true;
                None
            }
            b"Art" => {
                context.in_article = true;
                None
            }
            _ => None,
        };
        match role {
            Some(role) => {
                let mut content = Vec::new();
                self.collect(kids, page, &mut content, depth);
                let role = if context.in_figure && role != Role::Caption {
                    Role::Loose
                } else {
                    role
                };
                self.push(role, content, context);
            }
            None => self.children(kids, page, context, depth),
        }
    }

    fn push(&mut self, role: Role, content: Vec<(u32, i64)>, context: Context) {
        if !content.is_empty() {
            self.blocks.push(StructBlock {
                role,
                content,
                in_article: context.in_article,
            });
        }
    }

    /// The marked content of a block's subtree, in order.
    fn collect(
        &mut self,
        kids: &'a Object,
        page: Option<u32>,
        content: &mut Vec<(u32, i64)>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let items: Vec<&'a Object> = match kids {
            Object::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        for item in items {
            if let Some(found) = self.marked_content(item, page) {
                content.push(found);
                continue;
            }
            for (id, element) in self.elements(item) {
                self.visited += 1;
                if self.visited > MAX_ELEMENTS || id.is_some_and(|id| !self.seen.insert(id)) {
                    continue;
                }
                if matches!(self.standard_type(element).as_slice(), b"Lbl" | b"Artifact") {
                    continue;
                }
                let page = self.page_of(element, page);
                if let Ok(kids) = element.get(b"K") {
                    self.collect(kids, page, content, depth + 1);
                }
            }
        }
    }

    /// An MCID (on `page`) or a marked-content reference, as page and MCID.
    fn marked_content(&self, item: &Object, page: Option<u32>) -> Option<(u32, i64)> {
        match item {
            Object::Integer(mcid) => Some((page?, *mcid)),
            _ => {
                let dictionary = resolve(self.document, item)?.as_dict().ok()?;
                if dictionary.get(b"Type").and_then(Object::as_name).ok() != Some(b"MCR") {
                    return None;
                }
                // Content in a form XObject (`/Stm`) is not followed.
                if dictionary.has(b"Stm") {
                    return None;
                }
                let mcid = dictionary.get(b"MCID").ok()?.as_i64().ok()?;
                Some((self.page_of(dictionary, page)?, mcid))
            }
        }
    }
}

/// `object`, or the object it refers to.
fn resolve<'a>(document: &'a Document, object: &'a Object) -> Option<&'a Object> {
    match object {
        Object::Reference(id) => document.get_object(*id).ok(),
        other => Some(other),
    }
}
