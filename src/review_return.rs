//! A Word file back from review, brought into its brief: each tracked change becomes a
//! suggestion on the block it belongs to, credited to its reviewer with the date; each
//! comment and its replies become a comment on the same words; paragraphs a reviewer
//! added or deleted with track changes on become suggested blocks and deletions; a change
//! that cannot be placed becomes a comment on the nearest block that quotes it. Nothing
//! in the brief's text changes until the officer accepts, and the whole import is one
//! edit, undone in one step.

use std::collections::BTreeMap;

use similar::{Algorithm, DiffTag, TextDiff};

use crate::import::DocxError;
use crate::import::word_review::{self, Piece, ReviewedWord, Reviser, WordParagraph};
use crate::model::{
    Block, BlockId, BlockKind, Comment, Edit, MetaField, Project, Reply, SuggestedChange,
    Suggestion, TextTarget,
};

/// Why a Word file was not brought into the brief. The brief is never changed.
#[derive(Debug, thiserror::Error)]
pub enum ReturnError {
    #[error("{file} {cause}")]
    Word { file: String, cause: DocxError },
    #[error(
        "{file} did not come from Briefwright (it carries no brief id); to use its text, import it as an article (File \u{25b8} Import Article\u{2026} or `briefwright new --article`)"
    )]
    NotFromBriefwright { file: String },
    #[error(
        "{file} has a comment by {author} of {kb} KB, far longer than any comment; the file is damaged or not a review, and was not brought in"
    )]
    CommentTooLong {
        file: String,
        author: String,
        kb: usize,
    },
    #[error(
        "{file} was exported from another brief, \u{201c}{title}\u{201d}; open that brief to bring its review in"
    )]
    OtherBrief { file: String, title: String },
}

/// The longest comment brought in: a page of text is about 3 KB; a comment of megabytes
/// is a damaged or hostile file, and would make the brief too large to save.
const MAX_COMMENT_BYTES: usize = 64 * 1024;

/// What an import brought in, by reviewer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// (reviewer, changes, comments), in the order they first appear.
    pub reviewers: Vec<(String, usize, usize)>,
    /// Changes placed as comments because their place was not found.
    pub unplaced: usize,
    /// Changes and comments already in the brief (the same file imported again).
    pub already_there: usize,
    /// Formatting changes, which Briefwright's templates decide: listed, not applied, as
    /// (reviewer, where).
    pub formatting: Vec<(String, String)>,
    pub warnings: Vec<String>,
}

impl Summary {
    fn count(&mut self, reviewer: &str, change: bool) {
        let row = match self.reviewers.iter().position(|r| r.0 == reviewer) {
            Some(row) => row,
            None => {
                self.reviewers.push((reviewer.to_owned(), 0, 0));
                self.reviewers.len() - 1
            }
        };
        if change {
            self.reviewers[row].1 += 1;
        } else {
            self.reviewers[row].2 += 1;
        }
    }

    /// "Reviewer One: 4 changes, 2 comments; Reviewer Two: 1 change".
    pub fn line(&self) -> String {
        if self.reviewers.is_empty() {
            return "No changes or comments to bring in".to_owned();
        }
        self.reviewers
            .iter()
            .map(|(who, changes, comments)| {
                let mut parts = Vec::new();
                if *changes > 0 {
                    parts.push(crate::model::count_of(*changes, "change"));
                }
                if *comments > 0 {
                    parts.push(crate::model::count_of(*comments, "comment"));
                }
                format!("{who}: {}", parts.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Saves the brief as the version a Word file for review is made from, with each block's
/// text as that Word file has it, so that edits made with Track Changes off can be found
/// when the file comes back. The brief gets its id for review files if it has none.
pub fn save_word_review_version(
    project: &mut Project,
    label: &str,
    author: &str,
    date: &str,
    layouter: &mut crate::layout::Layouter,
) -> Result<(), crate::export::ExportError> {
    project.review.ensure_brief_id();
    let mut version = project.snapshot(
        label,
        author,
        date,
        crate::model::versions::VersionReason::ReviewExport,
    );
    let id = version.id;
    let _ = project.apply(Edit::AddVersion(Box::new(version.clone())));
    let prepared = crate::export::prepare_copy(
        project,
        crate::export::ExportFormat::Docx,
        crate::export::Copy::Review,
        layouter,
    )?;
    if let Ok(written) = word_review::read(&prepared.bytes) {
        version.word_text = block_texts(&written);
        if let Some(saved) = project.review.versions.iter_mut().find(|v| v.id == id) {
            *saved = version;
        }
    }
    Ok(())
}

/// Each block's text as a Word file has it before its tracked changes, its paragraphs
/// one per line.
fn block_texts(word: &ReviewedWord) -> Vec<(BlockId, String)> {
    let mut texts: Vec<(BlockId, String)> = Vec::new();
    for paragraph in &word.paragraphs {
        let Some((block, _)) = paragraph.origin else {
            continue;
        };
        match texts.last_mut() {
            Some((last, text)) if *last == block => {
                text.push_str(if paragraph.column.unwrap_or(0) > 0 {
                    " | "
                } else {
                    "\n"
                });
                text.push_str(&paragraph.original());
            }
            _ => texts.push((block, paragraph.original())),
        }
    }
    texts
}

/// A change as Word tracked it, in the bytes of the block's text as Word had it before.
struct WordChange {
    start: usize,
    end: usize,
    insert: String,
    by: Reviser,
}

/// The edit that brings the reviewed Word file `bytes` (named `file`) into `project`, and
/// what it brings. `project` only hands out ids here; apply the edit to change it.
pub fn import_review(
    project: &mut Project,
    bytes: &[u8],
    file: &str,
) -> Result<(Edit, Summary), ReturnError> {
    let reviewed = word_review::read(bytes).map_err(|cause| ReturnError::Word {
        file: file.to_owned(),
        cause,
    })?;
    if let Some(long) = reviewed
        .comments
        .iter()
        .find(|c| c.text.len() > MAX_COMMENT_BYTES)
    {
        return Err(ReturnError::CommentTooLong {
            file: file.to_owned(),
            author: long.author.clone(),
            kb: long.text.len() / 1024,
        });
    }
    match &reviewed.brief {
        None => {
            return Err(ReturnError::NotFromBriefwright {
                file: file.to_owned(),
            });
        }
        Some(id) if *id != project.review.brief_id => {
            return Err(ReturnError::OtherBrief {
                file: file.to_owned(),
                title: reviewed.title.clone().unwrap_or_else(|| "untitled".into()),
            });
        }
        Some(_) => {}
    }
    let mut summary = Summary::default();
    // The version the file was exported as; if it is no longer in the brief, the closest
    // one exported for review that is (the latest before it, or else the earliest after).
    let exported_version = reviewed.version.map(crate::model::VersionId).and_then(|id| {
        if let Some(version) = project.review.version(id) {
            return Some(version.clone());
        }
        let for_word = || {
            project
                .review
                .versions
                .iter()
                .filter(|v| !v.word_text.is_empty())
        };
        let closest = for_word()
            .rfind(|v| v.id < id)
            .or_else(|| for_word().next())
            .cloned();
        summary.warnings.push(match &closest {
            Some(version) => format!(
                "the version {file} was exported as is no longer in the brief; it is compared with the closest that is, \u{201c}{}\u{201d}",
                version.label
            ),
            None => format!(
                "the version {file} was exported as is no longer in the brief; its tracked changes and comments are placed on the brief as it is now, and edits made with Track Changes off cannot be found"
            ),
        });
        closest
    });
    let mut edits = Vec::new();
    let mut comment_places: BTreeMap<String, (BlockId, usize, Option<usize>)> = BTreeMap::new();
    // The paragraphs of each block, in order, and the block before each other paragraph.
    let mut by_block: BTreeMap<BlockId, Vec<&WordParagraph>> = BTreeMap::new();
    let mut previous: Option<BlockId> = None;
    let mut unbookmarked: Vec<(Option<BlockId>, &WordParagraph)> = Vec::new();
    for paragraph in &reviewed.paragraphs {
        match paragraph.origin {
            Some((block, _)) if project.locate(block).is_some() => {
                by_block.entry(block).or_default().push(paragraph);
                previous = Some(block);
            }
            _ => unbookmarked.push((previous, paragraph)),
        }
    }
    // Each block's text as the file was exported, to find edits made with Track
    // Changes off; credited to whoever saved the file last.
    let exported: Vec<(BlockId, String)> =
        exported_version.map(|v| v.word_text).unwrap_or_default();
    let untracked_by = Reviser {
        author: reviewed
            .last_modified_by
            .clone()
            .unwrap_or_else(|| "Unknown reviewer".to_owned()),
        date: reviewed.modified.clone().unwrap_or_default(),
    };
    for (&block, paragraphs) in &by_block {
        let was = exported
            .iter()
            .find(|(b, _)| *b == block)
            .map(|(_, text)| text.as_str());
        bring_block(
            project,
            BlockFile {
                block,
                paragraphs,
                exported: was,
                untracked_by: &untracked_by,
            },
            &mut edits,
            &mut comment_places,
            &mut summary,
        );
    }
    for paragraph in &reviewed.paragraphs {
        for by in &paragraph.formatting {
            let place = paragraph
                .origin
                .and_then(|(block, _)| project.block_label(block))
                .unwrap_or_else(|| {
                    format!(
                        "\u{201c}{}\u{201d}",
                        crate::model::shorten(paragraph.revised().trim(), 40)
                    )
                });
            summary.formatting.push((by.author.clone(), place));
        }
    }
    // A block the file had when exported and no longer has was deleted with Track
    // Changes off: a suggested deletion, credited like the other untracked edits.
    for (block, _) in &exported {
        if by_block.contains_key(block)
            || project.locate(*block).is_none()
            || project.review.block_suggestion(*block).is_some()
        {
            continue;
        }
        summary.count(&untracked_by.author, true);
        edits.push(Edit::SuggestBlockEdit {
            edit: Box::new(Edit::DeleteBlock(*block)),
            author: untracked_by.author.clone(),
            date: untracked_by.date.clone(),
        });
    }
    // The title block is a table of labels and values: a changed value goes to its field.
    let mut field: Option<MetaField> = None;
    for (after, paragraph) in unbookmarked {
        let labelled = field.take();
        if paragraph.in_table {
            let label = paragraph.original();
            if let Some(named) = MetaField::ALL
                .into_iter()
                .find(|f| !f.is_chosen_from_list() && f.label() == label.trim())
            {
                field = Some(named);
                continue;
            }
            if let Some(labelled) = labelled
                && paragraph.has_changes()
                && bring_field(project, labelled, paragraph, &mut edits, &mut summary)
            {
                continue;
            }
        }
        bring_other(
            project,
            after,
            paragraph,
            &mut edits,
            &mut comment_places,
            &mut summary,
        );
    }
    bring_comments(
        project,
        &reviewed,
        &comment_places,
        &mut edits,
        &mut summary,
    );
    Ok((Edit::Many(edits), summary))
}

/// A block as the reviewed file has it.
struct BlockFile<'a> {
    block: BlockId,
    paragraphs: &'a [&'a WordParagraph],
    /// Its text in the file as exported, if the version recorded it.
    exported: Option<&'a str>,
    /// Who edits made with Track Changes off are credited to.
    untracked_by: &'a Reviser,
}

/// The block's tracked changes as suggestions (or its deletion as a suggested deletion),
/// edits made with Track Changes off too, and where its comments start and end.
fn bring_block(
    project: &mut Project,
    file: BlockFile,
    edits: &mut Vec<Edit>,
    comment_places: &mut BTreeMap<String, (BlockId, usize, Option<usize>)>,
    summary: &mut Summary,
) {
    let BlockFile {
        block,
        paragraphs,
        exported,
        untracked_by,
    } = file;
    let target = TextTarget::Block(block);
    let Some(text) = project.target_text(target) else {
        return;
    };
    // Word's text of the block before the changes, and the changes in it.
    let (original, changes, anchors) = read_changes(paragraphs);
    for (id, at, is_start) in anchors {
        if is_start {
            comment_places.entry(id).or_insert((block, at, None));
        } else if let Some(place) = comment_places.get_mut(&id) {
            place.2 = Some(at);
        }
    }
    // Places in the reviewed file's text go to the text as exported, then to the brief's.
    let exported = exported.unwrap_or(&original);
    let to_brief = |at: usize| map_position(exported, &text, map_position(&original, exported, at));
    for place in comment_places.values_mut().filter(|p| p.0 == block) {
        place.1 = to_brief(place.1);
        place.2 = place.2.map(to_brief);
    }
    // Edits made with Track Changes off: what differs between the text as exported and
    // as the reviewer left it, apart from the tracked changes.
    let mut untracked: Vec<(usize, usize, String)> = Vec::new();
    if exported != original {
        for hunk in crate::model::word_diff::word_hunks(exported, &original) {
            untracked.push((
                map_position(exported, &text, hunk.old.start),
                map_position(exported, &text, hunk.old.end),
                original[hunk.new].to_owned(),
            ));
        }
    }
    let deleted_by = paragraphs.iter().find_map(|p| p.mark_deleted.clone());
    let all_deleted = !changes.is_empty()
        && paragraphs.iter().all(|p| {
            p.pieces.iter().all(|piece| {
                !matches!(piece, Piece::Text(t) if !t.trim().is_empty())
                    && !matches!(piece, Piece::Inserted { .. })
            })
        });
    if let (Some(by), true) = (deleted_by, all_deleted) {
        if project.review.block_suggestion(block).is_none() {
            summary.count(&by.author, true);
            edits.push(Edit::SuggestBlockEdit {
                edit: Box::new(Edit::DeleteBlock(block)),
                author: by.author,
                date: by.date,
            });
        } else {
            summary.already_there += 1;
        }
        return;
    }
    let untracked = untracked
        .into_iter()
        .map(|(start, end, insert)| WordChange {
            start,
            end,
            insert,
            by: untracked_by.clone(),
        });
    let tracked = changes.into_iter().map(|change| WordChange {
        start: to_brief(change.start),
        end: to_brief(change.end),
        ..change
    });
    let placed: Vec<WordChange> = untracked.chain(tracked).collect();
    suggest(project, target, placed, edits, summary);
}

/// Suggestions on `target` for `changes`, already placed in its text; a change the
/// brief already holds (the same file imported again) is counted, not added.
fn suggest(
    project: &mut Project,
    target: TextTarget,
    changes: Vec<WordChange>,
    edits: &mut Vec<Edit>,
    summary: &mut Summary,
) {
    let existing: Vec<Suggestion> = project
        .review
        .text_suggestions(target)
        .into_iter()
        .cloned()
        .collect();
    for change in changes {
        let suggested = SuggestedChange::Text {
            start: change.start,
            end: change.end.max(change.start),
            insert: change.insert,
        };
        if existing.iter().any(|s| s.change == suggested) {
            summary.already_there += 1;
            continue;
        }
        summary.count(&change.by.author, true);
        edits.push(Edit::InsertSuggestion {
            index: usize::MAX,
            suggestion: Box::new(Suggestion {
                id: project.ids.suggestion(),
                target,
                author: change.by.author,
                date: change.by.date,
                change: suggested,
            }),
        });
    }
}

/// The text of `paragraphs` as Word had it before the tracked changes (lines, or a
/// table's cells " | " apart, as the brief's text of them is), the changes in it, and
/// where comments start (true) and end in it.
fn read_changes(
    paragraphs: &[&WordParagraph],
) -> (String, Vec<WordChange>, Vec<(String, usize, bool)>) {
    let mut original = String::new();
    let mut changes: Vec<WordChange> = Vec::new();
    let mut anchors = Vec::new();
    for (n, paragraph) in paragraphs.iter().enumerate() {
        if n > 0 {
            original.push_str(if paragraph.column.unwrap_or(0) > 0 {
                " | "
            } else {
                "\n"
            });
        }
        for piece in &paragraph.pieces {
            let at = original.len();
            match piece {
                Piece::Text(written) => original.push_str(written),
                Piece::Deleted { text, by } => {
                    original.push_str(text);
                    changes.push(WordChange {
                        start: at,
                        end: original.len(),
                        insert: String::new(),
                        by: by.clone(),
                    });
                }
                Piece::Inserted { text, by } => match changes.last_mut() {
                    // An insertion right after a deletion by the same reviewer replaces it.
                    Some(last) if last.end == at && last.by == *by && last.insert.is_empty() => {
                        last.insert = text.clone();
                    }
                    _ => changes.push(WordChange {
                        start: at,
                        end: at,
                        insert: text.clone(),
                        by: by.clone(),
                    }),
                },
                Piece::CommentStart(id) => anchors.push((id.clone(), at, true)),
                Piece::CommentEnd(id) => anchors.push((id.clone(), at, false)),
            }
        }
    }
    (original, changes, anchors)
}

/// A changed value of the title block as suggestions on its field; false if the field
/// no longer reads as it did (the change is then kept as a comment).
fn bring_field(
    project: &mut Project,
    field: MetaField,
    paragraph: &WordParagraph,
    edits: &mut Vec<Edit>,
    summary: &mut Summary,
) -> bool {
    let target = TextTarget::Meta(field);
    let Some(text) = project.target_text(target) else {
        return false;
    };
    let (original, changes, _) = read_changes(&[paragraph]);
    if original.trim() != text.trim() {
        return false;
    }
    let placed = changes
        .into_iter()
        .map(|change| WordChange {
            start: map_position(&original, &text, change.start),
            end: map_position(&original, &text, change.end),
            ..change
        })
        .collect();
    suggest(project, target, placed, edits, summary);
    true
}

/// A paragraph with no block of ours: one the reviewer added (a suggested block), or one
/// of the title block or a table, whose changes are kept as comments quoting them.
fn bring_other(
    project: &mut Project,
    after: Option<BlockId>,
    paragraph: &WordParagraph,
    edits: &mut Vec<Edit>,
    comment_places: &mut BTreeMap<String, (BlockId, usize, Option<usize>)>,
    summary: &mut Summary,
) {
    let near = after.or_else(|| project.brief.blocks().next().map(|b| b.id));
    for piece in &paragraph.pieces {
        if let (Piece::CommentStart(id), Some(block)) = (piece, near) {
            comment_places.entry(id.clone()).or_insert((block, 0, None));
        }
    }
    let added_by = paragraph.mark_inserted.clone().or_else(|| {
        let inserted = paragraph.pieces.iter().all(|p| {
            matches!(
                p,
                Piece::Inserted { .. } | Piece::CommentStart(_) | Piece::CommentEnd(_)
            )
        });
        paragraph
            .pieces
            .iter()
            .find_map(|p| match p {
                Piece::Inserted { by, .. } => Some(by.clone()),
                _ => None,
            })
            .filter(|_| inserted)
    });
    let revised = paragraph.revised();
    if let (Some(by), false) = (added_by, paragraph.in_table) {
        if revised.trim().is_empty() {
            return;
        }
        let already = project.brief.blocks().any(
            |b| matches!(&b.kind, BlockKind::Paragraph { text } if text.trim() == revised.trim()),
        );
        if already {
            summary.already_there += 1;
            return;
        }
        let (part, index) = after
            .and_then(|block| project.locate(block))
            .map(|(p, i)| (p, i + 1))
            .unwrap_or((0, 0));
        summary.count(&by.author, true);
        edits.push(Edit::SuggestBlockEdit {
            edit: Box::new(Edit::InsertBlock {
                part,
                index,
                block: Block {
                    id: project.ids.block(),
                    kind: BlockKind::Paragraph {
                        text: revised.trim().to_owned(),
                    },
                },
            }),
            author: by.author,
            date: by.date,
        });
        return;
    }
    if !paragraph.has_changes() {
        return;
    }
    // A change in the title block or a table: kept, quoted, as a comment on the block
    // nearest to it, for the officer to make by hand.
    let Some(block) = near else {
        return;
    };
    for piece in &paragraph.pieces {
        let (what, text, by) = match piece {
            Piece::Inserted { text, by } => ("insert", text, by),
            Piece::Deleted { text, by } => ("delete", text, by),
            _ => continue,
        };
        summary.unplaced += 1;
        summary.count(&by.author, true);
        edits.push(Edit::AddComment(Box::new(Comment {
            id: project.ids.comment(),
            target: TextTarget::Block(block),
            span: None,
            quote: String::new(),
            detached: false,
            author: by.author.clone(),
            date: by.date.clone(),
            text: format!(
                "Suggested in Word where Briefwright could not place it (\u{201c}{}\u{201d}): {what} \u{201c}{}\u{201d}",
                crate::model::shorten(paragraph.original().trim(), 80),
                text
            ),
            replies: Vec::new(),
            resolved: false,
        })));
    }
}

/// The file's comments, each with its replies, on the words it marks.
fn bring_comments(
    project: &mut Project,
    reviewed: &ReviewedWord,
    places: &BTreeMap<String, (BlockId, usize, Option<usize>)>,
    edits: &mut Vec<Edit>,
    summary: &mut Summary,
) {
    let first_block = project.brief.blocks().next().map(|b| b.id);
    for comment in reviewed.comments.iter().filter(|c| c.parent.is_none()) {
        let place = places.get(&comment.id).copied();
        let Some(block) = place.map(|p| p.0).or(first_block) else {
            continue;
        };
        let target = TextTarget::Block(block);
        let text = project.target_text(target).unwrap_or_default();
        let span = place
            .and_then(|(_, start, end)| end.map(|end| start.min(end)..end.max(start)))
            .filter(|range| !range.is_empty() && text.get(range.clone()).is_some());
        let quote = span
            .as_ref()
            .and_then(|range| text.get(range.clone()))
            .unwrap_or_default()
            .to_owned();
        let replies: Vec<Reply> = reviewed
            .comments
            .iter()
            .filter(|reply| {
                reply.parent.as_deref() == Some(comment.paragraph.as_str())
                    && !comment.paragraph.is_empty()
            })
            .map(|reply| Reply {
                author: reply.author.clone(),
                date: reply.date.clone(),
                text: reply.text.clone(),
            })
            .collect();
        let same =
            project.review.comments.iter().any(|c| {
                c.target == target && c.author == comment.author && c.text == comment.text
            });
        if same {
            summary.already_there += 1;
            continue;
        }
        summary.count(&comment.author, false);
        edits.push(Edit::AddComment(Box::new(Comment {
            id: project.ids.comment(),
            target,
            span,
            quote,
            detached: false,
            author: comment.author.clone(),
            date: comment.date.clone(),
            text: comment.text.clone(),
            replies,
            resolved: comment.done,
        })));
    }
}

/// Where byte `at` of Word's text of a block is in the brief's text of it: the two are
/// aligned character by character, since Word's text lacks the brief's `**` and `[^1]`
/// and has the printed quotes and citations.
fn map_position(word: &str, brief: &str, at: usize) -> usize {
    if word == brief {
        return at.min(brief.len());
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(std::time::Duration::from_millis(100))
        .diff_chars(word, brief);
    let mut word_at = 0;
    let mut brief_at = 0;
    for op in diff.ops() {
        let old: usize = diff.old_slices()[op.old_range()]
            .iter()
            .map(|s| s.len())
            .sum();
        let new: usize = diff.new_slices()[op.new_range()]
            .iter()
            .map(|s| s.len())
            .sum();
        match op.tag() {
            DiffTag::Equal if at < word_at + old => return brief_at + (at - word_at),
            DiffTag::Delete | DiffTag::Replace if at < word_at + old => return brief_at,
            _ => {}
        }
        word_at += old;
        brief_at += new;
    }
    brief.len()
}
