//! Styled spans as Word runs: bold and italic as direct formatting against the
//! paragraph's style, links as hyperlinks, line breaks, and footnotes where the text
//! references them. Paragraph and hyperlink ids come from counters of the document being
//! written, not docx-rs's process-wide ones, so that the same brief gives the same bytes.

use docx_rs::{BreakType, Delete, Footnote, Hyperlink, HyperlinkData, Insert, Paragraph, Run};

use crate::change_mark::{self, ChangeKind};
use crate::layout::Attribution;

use crate::fonts::{ParagraphRequest, StyledSpan};
use crate::layout::{Noted, Segment};

use super::styles::{Emphasis, FOOTNOTE_TEXT, HYPERLINK};

/// A placeholder run text that the packaging step turns into Word's footnote number
/// mark (`<w:footnoteRef/>`), which docx-rs cannot write. A private-use character, so no
/// brief's text can contain it by accident.
pub(super) const FOOTNOTE_MARK: char = '\u{F8FF}';

/// The ids of one document: paragraphs, hyperlinks and footnotes, counted from 1.
#[derive(Debug, Default)]
pub(super) struct Ids {
    paragraph: u32,
    hyperlink: usize,
    footnote: usize,
    /// Who made the changes that review marks show, for Word's tracked changes.
    pub attributions: Vec<Attribution>,
    /// The comments whose anchors the texts mark, by the marks' index.
    pub comments: Vec<crate::layout::Comment>,
    /// The paragraph ids of the resolved comments' text, which Word's
    /// `commentsExtended` part marks as done.
    pub resolved: Vec<String>,
    bookmarks: usize,
}

impl Ids {
    /// A new bookmark id.
    pub fn bookmark(&mut self) -> usize {
        self.bookmarks += 1;
        self.bookmarks
    }

    /// Word's id of comment `index` (from 1); its replies follow all the comments.
    fn comment_id(&self, index: usize) -> usize {
        index + 1
    }

    fn reply_id(&self, index: usize, reply: usize) -> usize {
        let before: usize = self.comments[..index].iter().map(|c| c.replies.len()).sum();
        self.comments.len() + before + reply + 1
    }

    /// Word's comment for `index`, and one for each of its replies, each pointing to the
    /// comment it answers.
    fn word_comments(&mut self, index: usize) -> Vec<docx_rs::Comment> {
        let Some(comment) = self.comments.get(index).cloned() else {
            return Vec::new();
        };
        let mut made = Vec::new();
        let mut thread = vec![(
            self.comment_id(index),
            comment.author.clone(),
            comment.date.clone(),
            comment.text.clone(),
            None,
        )];
        for (n, reply) in comment.replies.iter().enumerate() {
            thread.push((
                self.reply_id(index, n),
                reply.author.clone(),
                reply.date.clone(),
                reply.text.clone(),
                Some(self.comment_id(index)),
            ));
        }
        for (id, author, date, text, parent) in thread {
            let paragraph = self.paragraph();
            if comment.resolved {
                self.resolved.push(paragraph.id.clone());
            }
            let mut word = docx_rs::Comment::new(id)
                .author(clean(&author))
                .date(w3c_date(&date))
                .add_paragraph(paragraph.add_run(text_run(&text)));
            if let Some(parent) = parent {
                word = word.parent_comment_id(parent);
            }
            made.push(word);
        }
        made
    }

    /// The ids of comment `index` and its replies, for the ends of their ranges.
    fn thread_ids(&self, index: usize) -> Vec<usize> {
        let replies = self.comments.get(index).map_or(0, |c| c.replies.len());
        std::iter::once(self.comment_id(index))
            .chain((0..replies).map(|n| self.reply_id(index, n)))
            .collect()
    }
}

impl Ids {
    /// A new paragraph with the document's next id.
    pub fn paragraph(&mut self) -> Paragraph {
        self.paragraph += 1;
        Paragraph::new().id(format!("{:08X}", self.paragraph))
    }

    /// A paragraph in `style`.
    pub fn styled(&mut self, style: &str) -> Paragraph {
        self.paragraph().style(style)
    }

    fn hyperlink(&mut self, url: &str) -> Hyperlink {
        self.hyperlink += 1;
        Hyperlink {
            link: HyperlinkData::External {
                rid: format!("rIdHyperlink{}", self.hyperlink),
                path: quick_xml::escape::escape(url).into_owned(),
            },
            history: None,
            children: Vec::new(),
        }
    }

    fn footnote(&mut self, note: &[StyledSpan]) -> Footnote {
        self.footnote += 1;
        let mark = Run::new()
            .style("FootnoteReference")
            .add_text(FOOTNOTE_MARK.to_string());
        let text = self
            .styled(FOOTNOTE_TEXT)
            .add_run(mark)
            .add_run(Run::new().add_text(" "));
        let text = add_spans(text, note, Emphasis::default(), Emphasis::default(), self);
        Footnote {
            id: self.footnote,
            content: vec![text],
        }
    }
}

/// `request`'s spans added to `paragraph`, whose style sets `base`.
pub(super) fn add_request(
    paragraph: Paragraph,
    request: &ParagraphRequest,
    base: Emphasis,
    ids: &mut Ids,
) -> Paragraph {
    let wanted = Emphasis {
        bold: request.style.bold,
        italic: request.style.italic,
    };
    add_spans(paragraph, &request.spans, wanted, base, ids)
}

/// `spans` added to `paragraph`. `wanted` is the emphasis the plan's paragraph style
/// gives, `base` what the Word style gives; a span's italic turns the paragraph's slant
/// over, as in the layout ("italic inside an italic quotation reads as roman").
pub(super) fn add_spans(
    mut paragraph: Paragraph,
    spans: &[StyledSpan],
    wanted: Emphasis,
    base: Emphasis,
    ids: &mut Ids,
) -> Paragraph {
    for span in spans.iter().filter(|span| !span.text.is_empty()) {
        if change_mark::has_marks(&span.text) {
            paragraph = add_marked_span(paragraph, span, wanted, base, ids);
            continue;
        }
        let run = emphasised(text_run(&span.text), span, wanted, base);
        paragraph = match &span.link {
            Some(url) => paragraph.add_hyperlink(ids.hyperlink(url).add_run(run.style(HYPERLINK))),
            None => paragraph.add_run(run),
        };
    }
    paragraph
}

/// A span with review marks as Word's tracked changes: inserted text in `w:ins`, deleted
/// text in `w:del`, credited to whoever the mark names, so a Word user can accept or
/// reject each. A link inside a change keeps its text and loses its target.
fn add_marked_span(
    mut paragraph: Paragraph,
    span: &StyledSpan,
    wanted: Emphasis,
    base: Emphasis,
    ids: &mut Ids,
) -> Paragraph {
    for piece in change_mark::pieces(&span.text) {
        let (range, change) = match piece {
            change_mark::Piece::Text(range, _) if range.is_empty() => continue,
            change_mark::Piece::Text(range, change) => (range, change),
            change_mark::Piece::CommentStart(index) => {
                for comment in ids.word_comments(usize::from(index)) {
                    paragraph = paragraph.add_comment_start(comment);
                }
                continue;
            }
            change_mark::Piece::CommentEnd(index) => {
                for id in ids.thread_ids(usize::from(index)) {
                    paragraph = paragraph.add_comment_end(id);
                }
                continue;
            }
        };
        let piece = StyledSpan {
            text: span.text[range].to_owned(),
            ..span.clone()
        };
        let Some(change) = change.filter(|c| c.kind != ChangeKind::Changed) else {
            paragraph = add_spans(paragraph, std::slice::from_ref(&piece), wanted, base, ids);
            continue;
        };
        let (author, date) = ids
            .attributions
            .get(usize::from(change.by))
            .map(|a| (a.author.clone(), w3c_date(&a.date)))
            .unwrap_or_else(|| ("Briefwright".to_owned(), w3c_date("")));
        let author = clean(&author);
        let run = emphasised(Run::new(), &piece, wanted, base);
        paragraph = if change.kind == ChangeKind::Inserted {
            paragraph.add_insert(
                Insert::new(emphasised(text_run(&piece.text), &piece, wanted, base))
                    .author(author)
                    .date(date),
            )
        } else {
            paragraph.add_delete(
                Delete::new()
                    .add_run(run.add_delete_text(clean(&piece.text)))
                    .author(author)
                    .date(date),
            )
        };
    }
    paragraph
}

/// `run` in the bold and italic `span` asks for against the paragraph's style.
fn emphasised(mut run: Run, span: &StyledSpan, wanted: Emphasis, base: Emphasis) -> Run {
    let bold = wanted.bold || span.bold;
    let italic = wanted.italic ^ span.italic;
    if bold != base.bold {
        run = if bold { run.bold() } else { run.disable_bold() };
    }
    if italic != base.italic {
        run = if italic {
            run.italic()
        } else {
            run.disable_italic()
        };
    }
    run
}

/// A timestamp as Word's `w:date` wants it (`2026-03-09T10:00:00Z`); a fixed date if it
/// is not one, so the file stays valid.
fn w3c_date(timestamp: &str) -> String {
    let valid = timestamp.len() >= 19
        && timestamp.as_bytes().get(4) == Some(&b'-')
        && timestamp.as_bytes().get(10) == Some(&b'T');
    if valid {
        format!("{}Z", &timestamp[..19])
    } else {
        "2000-01-01T00:00:00Z".to_owned()
    }
}

/// Text with its line breaks as Word line breaks and its tabs as tabs. Other control
/// characters (a form feed pasted from another program, say) cannot stand in XML, and
/// Word would refuse the whole file; they are left out.
fn text_run(text: &str) -> Run {
    let mut run = Run::new();
    let mut pending = String::new();
    for c in text.chars() {
        let control = match c {
            '\n' | '\u{b}' | '\u{2028}' => Some(true),
            '\t' => Some(false),
            _ => None,
        };
        match control {
            Some(line_break) => {
                if !pending.is_empty() {
                    run = run.add_text(std::mem::take(&mut pending));
                }
                run = if line_break {
                    run.add_break(BreakType::TextWrapping)
                } else {
                    run.add_tab()
                };
            }
            None if allowed_in_xml(c) => pending.push(c),
            None => {}
        }
    }
    if !pending.is_empty() {
        run = run.add_text(pending);
    }
    run
}

/// Whether XML 1.0 allows the character in text.
pub(super) fn allowed_in_xml(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// `text` without the characters XML cannot hold.
pub(super) fn clean(text: &str) -> String {
    text.chars().filter(|c| allowed_in_xml(*c)).collect()
}

/// `text` added to `paragraph`: its portion mark, its stretches of text, and a Word
/// footnote where each note is referenced.
pub(super) fn add_noted(
    mut paragraph: Paragraph,
    text: &Noted,
    base: Emphasis,
    ids: &mut Ids,
) -> Paragraph {
    if !text.prefix.is_empty() {
        paragraph = paragraph.add_run(text_run(&text.prefix));
    }
    for segment in &text.segments {
        paragraph = match segment {
            Segment::Text(spans) => add_spans(paragraph, spans, base, base, ids),
            Segment::Note { text, .. } => {
                let note = ids.footnote(text);
                paragraph.add_run(Run::new().add_footnote_reference(note))
            }
        };
    }
    paragraph
}

/// `paragraph` with its runs in the character style of `language` ("ms", "kk"…), when
/// the export tags it. Links and footnote marks keep their own style.
pub(super) fn in_language(paragraph: Paragraph, language: Option<&str>) -> Paragraph {
    match language.and_then(super::language::style_of_tag) {
        Some(style) => in_style(paragraph, style),
        None => paragraph,
    }
}

fn in_style(mut paragraph: Paragraph, style: &str) -> Paragraph {
    for child in &mut paragraph.children {
        if let docx_rs::ParagraphChild::Run(run) = child
            && run.run_property.style.is_none()
        {
            run.run_property = std::mem::take(&mut run.run_property).style(style);
        }
    }
    paragraph
}
