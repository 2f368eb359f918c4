//! The suggestions on a field, shown under it: the text with insertions underlined and
//! deletions struck through in each reviewer's colour, and a button row to answer them.

use egui::text::{LayoutJob, TextFormat};

use crate::app::command::Command;
use crate::app::state::AppState;
use crate::model::{SuggestedChange, TextTarget};

/// A colour per reviewer, told apart on light and dark backgrounds alike.
const AUTHOR_COLOURS: [egui::Color32; 6] = [
    egui::Color32::from_rgb(0x1f, 0x6f, 0xd1),
    egui::Color32::from_rgb(0xc2, 0x3b, 0x22),
    egui::Color32::from_rgb(0x2e, 0x8b, 0x57),
    egui::Color32::from_rgb(0x9b, 0x4d, 0xca),
    egui::Color32::from_rgb(0xc7, 0x7c, 0x02),
    egui::Color32::from_rgb(0x00, 0x8b, 0x8b),
];

/// The colour of `author`, the same wherever they appear.
pub fn author_colour(project: &crate::model::Project, author: &str) -> egui::Color32 {
    let mut authors: Vec<&str> = project
        .review
        .suggestions
        .iter()
        .map(|s| s.author.as_str())
        .chain(project.review.comments.iter().map(|c| c.author.as_str()))
        .collect();
    authors.sort_unstable();
    authors.dedup();
    let index = authors.iter().position(|a| *a == author).unwrap_or(0);
    AUTHOR_COLOURS[index % AUTHOR_COLOURS.len()]
}

/// Accept and Reject for one suggestion.
pub fn answer_buttons_ui(
    ui: &mut egui::Ui,
    state: &mut AppState,
    suggestion: crate::model::SuggestionId,
) {
    for (label, accept) in [("Accept", true), ("Reject", false)] {
        if ui.small_button(label).clicked() {
            state.send(Command::AnswerSuggestion { suggestion, accept });
        }
    }
}

/// Shows `target`'s suggestions under its field, if it has any.
pub fn suggestions_ui(ui: &mut egui::Ui, state: &mut AppState, target: TextTarget) {
    let suggestions: Vec<crate::model::Suggestion> = state
        .project()
        .review
        .text_suggestions(target)
        .into_iter()
        .cloned()
        .collect();
    if suggestions.is_empty() {
        return;
    }
    let Some(base) = state.project().target_text(target) else {
        return;
    };
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for suggestion in &suggestions {
        let SuggestedChange::Text { start, end, insert } = &suggestion.change else {
            continue;
        };
        let (Some(kept), Some(removed)) = (base.get(at..*start), base.get(*start..*end)) else {
            continue;
        };
        job.append(kept, 0.0, plain.clone());
        let colour = author_colour(state.project(), &suggestion.author);
        if !removed.is_empty() {
            // A space after struck words that something replaces, so the two read apart.
            let removed = crate::model::marked_text::spaced_deletion(removed, !insert.is_empty());
            job.append(
                &removed,
                0.0,
                TextFormat {
                    color: colour,
                    strikethrough: egui::Stroke::new(1.2, colour),
                    ..plain.clone()
                },
            );
        }
        if !insert.is_empty() {
            job.append(
                insert,
                0.0,
                TextFormat {
                    color: colour,
                    underline: egui::Stroke::new(1.2, colour),
                    ..plain.clone()
                },
            );
        }
        at = *end;
    }
    job.append(base.get(at..).unwrap_or_default(), 0.0, plain);
    job.wrap.max_width = ui.available_width();
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .inner_margin(4.0)
        .corner_radius(3.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(job);
            ui.horizontal_wrapped(|ui| {
                for suggestion in &suggestions {
                    let colour = author_colour(state.project(), &suggestion.author);
                    ui.colored_label(colour, "\u{25cf}");
                    ui.label(egui::RichText::new(suggestion.describe(&base)).small())
                        .on_hover_text(format!(
                            "Suggested by {} on {}",
                            suggestion.author,
                            crate::dates::long_date(&suggestion.date).unwrap_or_default()
                        ));
                    answer_buttons_ui(ui, state, suggestion.id);
                }
            });
        });
}

/// Above a block's text: its comments, and what a suggestion would do to the whole block
/// (add, delete or move it), with Accept and Reject.
pub fn block_review_ui(ui: &mut egui::Ui, state: &mut AppState, block: crate::model::BlockId) {
    let target = TextTarget::Block(block);
    let comments = state
        .project()
        .review
        .comments
        .iter()
        .filter(|c| c.target == target && !c.resolved)
        .map(|c| (c.id, c.author.clone(), c.text.clone()))
        .collect::<Vec<_>>();
    let whole = state.project().review.block_suggestion(block).cloned();
    let in_text = state.project().review.text_suggestions(target).len();
    if comments.is_empty() && whole.is_none() && in_text == 0 {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        if in_text + usize::from(whole.is_some()) > 1 {
            ui.weak(format!("{in_text} suggestions in this block:"));
            if ui.small_button("Accept all in block").clicked() {
                state.send(Command::AnswerBlockSuggestions {
                    block,
                    accept: true,
                });
            }
            if ui.small_button("Reject all in block").clicked() {
                state.send(Command::AnswerBlockSuggestions {
                    block,
                    accept: false,
                });
            }
        }
        if let Some(suggestion) = &whole {
            let colour = author_colour(state.project(), &suggestion.author);
            let what = match suggestion.change {
                SuggestedChange::AddedBlock => "suggests adding this block",
                SuggestedChange::DeletedBlock => "suggests deleting this block",
                SuggestedChange::MovedBlock { .. } => "moved this block here",
                SuggestedChange::Text { .. } => "",
            };
            ui.colored_label(colour, format!("{} {what}", suggestion.author));
            answer_buttons_ui(ui, state, suggestion.id);
        }
        for (id, author, text) in comments {
            let colour = author_colour(state.project(), &author);
            let marker = ui
                .add(
                    egui::Button::new(
                        egui::RichText::new(format!("Comment \u{2014} {author}"))
                            .color(colour)
                            .small(),
                    )
                    .small(),
                )
                .on_hover_text(&text);
            if marker.clicked() {
                state.send(Command::GoToComment(id));
                state.send(Command::SetTab(crate::app::state::Tab::Review));
            }
        }
    });
}

/// How a stretch of a field's text is marked for review.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldMark {
    /// Suggested text, in suggest mode: underlined in its author's colour.
    Inserted(egui::Color32),
    /// Text a comment is on: shaded in its author's colour.
    Commented(egui::Color32),
}

/// The stretches of `target`'s field to mark, in the text the field shows: in suggest
/// mode, the suggested insertions (the field shows the text with them made); otherwise
/// the words open comments are on.
pub fn field_marks(
    state: &AppState,
    target: TextTarget,
) -> Vec<(std::ops::Range<usize>, FieldMark)> {
    let project = state.project();
    let mut marks = Vec::new();
    if state.is_suggesting() {
        let mut shift: isize = 0;
        for suggestion in project.review.text_suggestions(target) {
            let SuggestedChange::Text { start, end, insert } = &suggestion.change else {
                continue;
            };
            let at = (*start as isize + shift).max(0) as usize;
            if !insert.is_empty() {
                let colour = author_colour(project, &suggestion.author);
                marks.push((at..at + insert.len(), FieldMark::Inserted(colour)));
            }
            shift += insert.len() as isize - (*end as isize - *start as isize);
        }
    } else {
        for comment in project.review.comments.iter() {
            if comment.target != target || comment.resolved || comment.detached {
                continue;
            }
            if let Some(span) = comment.span.clone().filter(|s| !s.is_empty()) {
                let colour = author_colour(project, &comment.author);
                marks.push((span, FieldMark::Commented(colour)));
            }
        }
        marks.sort_by_key(|(range, _)| range.start);
    }
    marks
}

/// A layouter for a text field that shows `marks`.
pub fn review_layouter(
    marks: Vec<(std::ops::Range<usize>, FieldMark)>,
    multiline: bool,
) -> impl FnMut(&egui::Ui, &dyn egui::TextBuffer, f32) -> std::sync::Arc<egui::Galley> {
    crate::app::field_layout::marked_layouter(marks, multiline, |mark, plain, _| match mark {
        FieldMark::Inserted(colour) => TextFormat {
            color: *colour,
            underline: egui::Stroke::new(1.5, *colour),
            ..plain.clone()
        },
        FieldMark::Commented(colour) => TextFormat {
            background: colour.gamma_multiply(0.25),
            ..plain.clone()
        },
    })
}
