//! How the find bar's matches look: highlighted in the editor's fields, and the current
//! one with the words around it under the bar.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};

use crate::app::state::AppState;
use crate::model::find::{self, Match, Place};

/// Where the current match is and the words around it, the match in bold.
pub fn match_context(state: &AppState, current: &Match, visuals: &egui::Visuals) -> LayoutJob {
    let where_ = match current.place {
        Place::Meta(field) => format!("Title block, {}", field.label()),
        Place::Block(block) | Place::TalkingPoint { block, .. } | Place::Figure { block, .. } => {
            let part = state
                .project()
                .locate(block)
                .map(|(part, _)| state.project().brief.parts[part].title.clone())
                .unwrap_or_default();
            let kind = match current.place {
                Place::TalkingPoint { .. } => "talking point".to_owned(),
                Place::Figure { field, .. } => format!("picture {}", field.label()),
                _ if current.in_excerpt => "excerpt (quotation)".to_owned(),
                _ => "text".to_owned(),
            };
            format!("{part}, {kind}")
        }
    };
    let text = find::place_text(state.project(), current.place).unwrap_or_default();
    let range = current.range.clone();
    let mut job = LayoutJob::default();
    let plain = TextFormat::simple(egui::FontId::default(), visuals.text_color());
    let weak = TextFormat::simple(egui::FontId::default(), visuals.weak_text_color());
    job.append(&format!("{where_}: "), 0.0, weak);
    if range.end <= text.len() && text.is_char_boundary(range.start) {
        let before = &text[..range.start];
        let after = &text[range.end..];
        let start_cut = before.chars().count() > CONTEXT_CHARS;
        let end_cut = after.chars().count() > CONTEXT_CHARS;
        let before = format!(
            "{}{}",
            if start_cut { "\u{2026}" } else { "" },
            tail_chars(before, CONTEXT_CHARS)
        );
        let after = format!(
            "{}{}",
            head_chars(after, CONTEXT_CHARS),
            if end_cut { "\u{2026}" } else { "" }
        );
        job.append(&before, 0.0, plain.clone());
        let strong = TextFormat {
            background: visuals.selection.bg_fill,
            ..plain.clone()
        };
        job.append(&text[range], 0.0, strong);
        job.append(&after, 0.0, plain);
    }
    job
}

/// How many characters of context the bar shows on each side of the current match.
const CONTEXT_CHARS: usize = 60;

fn tail_chars(text: &str, count: usize) -> String {
    let start = text
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    text[start..].replace('\n', " ")
}

fn head_chars(text: &str, count: usize) -> String {
    text.chars()
        .take(count)
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect()
}

/// A layouter for a text field that shows the find bar's matches in it.
pub fn highlight_layouter(
    matches: Vec<(Range<usize>, bool)>,
    multiline: bool,
) -> impl FnMut(&egui::Ui, &dyn egui::TextBuffer, f32) -> Arc<egui::Galley> {
    crate::app::field_layout::marked_layouter(matches, multiline, |is_current, plain, visuals| {
        if *is_current {
            TextFormat {
                background: visuals.selection.bg_fill,
                color: visuals.selection.stroke.color,
                ..plain.clone()
            }
        } else {
            TextFormat {
                background: visuals.selection.bg_fill.gamma_multiply(0.45),
                ..plain.clone()
            }
        }
    })
}
