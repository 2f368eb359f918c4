//! Spelling in the editor's fields: a red wavy line under each unknown word, and on a
//! right click its menu of suggestions, "Add to dictionary" and "Ignore in this brief".
//! Also the language of a source, which the officer can correct.

use std::ops::Range;

use egui::epaint::text::cursor::CCursor;

use crate::app::command::Command;
use crate::app::spelling::state::WordMenu;
use crate::app::state::AppState;
use crate::model::Edit;
use crate::model::find::Place;
use crate::spelling::{SOURCE_LANGUAGES, language_name};

/// A text field of the brief, as spelling sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub place: Place,
    /// Tells apart the fields of one place: a table's cells.
    pub sub: usize,
    /// Where the field's text starts in the place's text (a cell in its table's text).
    pub offset: usize,
}

impl Field {
    /// A field that holds the whole text of `place`.
    pub fn whole(place: Place) -> Self {
        Field {
            place,
            sub: 0,
            offset: 0,
        }
    }

    /// The cell at `row` and `column` of a table, if it holds text. Its offset is where
    /// it starts in the table's text as `table_text` writes it.
    pub fn table_cell(
        block: crate::model::BlockId,
        rows: &[Vec<String>],
        row: usize,
        column: usize,
    ) -> Option<Self> {
        rows.get(row)?.get(column)?;
        let before_row: usize = rows[..row]
            .iter()
            .map(|r| crate::model::table_text(std::slice::from_ref(r)).len() + 1)
            .sum();
        let before_cell: usize = rows[row][..column].iter().map(|c| c.len() + 3).sum();
        Some(Field {
            place: Place::Block(block),
            sub: 1 + row * 1000 + column,
            offset: before_row + before_cell,
        })
    }
}

/// Underlines the unknown words of a field just shown and opens the word menu on a right
/// click. `text` is the field's text after this frame's typing.
pub fn spelling_marks_ui(
    ui: &egui::Ui,
    state: &mut AppState,
    field: Field,
    text: &str,
    output: &egui::text_edit::TextEditOutput,
) {
    let Field { place, sub, offset } = field;
    let language = state.spelling_language();
    let unknown = state.unknown_words_cached(language, (place, sub), text);
    let painter = ui
        .painter()
        .with_clip_rect(output.text_clip_rect.intersect(ui.clip_rect()));
    let stroke = egui::Stroke::new(1.0, ui.visuals().error_fg_color);
    for range in &unknown {
        if let Some(span) = screen_span(text, range, output) {
            painter.add(egui::Shape::line(wave(span), stroke));
        }
    }
    let response = &output.response.response;
    // The menu a right click opens shows on this frame; the command keeps it open.
    let opened = response.secondary_clicked().then(|| {
        let menu = response
            .interact_pointer_pos()
            .and_then(|pointer| word_at(text, &unknown, output, pointer))
            .map(|range| WordMenu {
                place,
                sub,
                word: text[range.clone()].to_owned(),
                suggestions: state.spelling().suggestions(language, text, range.clone()),
                range: range.start + offset..range.end + offset,
            });
        state.send(Command::SetWordMenu(menu.clone()));
        menu
    });
    let is_this_field = match &opened {
        Some(menu) => menu.as_ref(),
        None => state.spelling().menu.as_ref(),
    }
    .is_some_and(|m| m.place == place && m.sub == sub);
    if is_this_field {
        response.context_menu(|ui| word_menu_ui(ui, state, opened.flatten()));
    }
}

/// The menu of a flagged word: the one opened on this frame, or the one open.
fn word_menu_ui(ui: &mut egui::Ui, state: &mut AppState, opened: Option<WordMenu>) {
    let Some(menu) = opened.or_else(|| state.spelling().menu.clone()) else {
        return;
    };
    if menu.suggestions.is_empty() {
        ui.weak("No suggestions");
    }
    for suggestion in &menu.suggestions {
        if ui.button(suggestion).clicked() {
            state.send(Command::ReplaceWord {
                place: menu.place,
                range: menu.range.clone(),
                word: menu.word.clone(),
                replacement: suggestion.clone(),
            });
            ui.close();
        }
    }
    ui.separator();
    if ui
        .button("Add to dictionary")
        .on_hover_text("Accept this word in every brief (your personal dictionary)")
        .clicked()
    {
        state.send(Command::AddToDictionary(menu.word.clone()));
        ui.close();
    }
    if ui
        .button("Ignore in this brief")
        .on_hover_text("Accept this word in this brief only; kept in the brief's file")
        .clicked()
    {
        state.send(Command::IgnoreInBrief(menu.word.clone()));
        ui.close();
    }
}

/// Where a word is on screen: the left and right ends of its baseline. Words that wrap
/// over two rows are underlined on neither.
fn screen_span(
    text: &str,
    range: &Range<usize>,
    output: &egui::text_edit::TextEditOutput,
) -> Option<(egui::Pos2, egui::Pos2)> {
    let start = char_index(text, range.start)?;
    let end = char_index(text, range.end)?;
    let offset = output.galley_pos.to_vec2();
    let left = output.galley.pos_from_cursor(CCursor::new(start));
    let right = output.galley.pos_from_cursor(CCursor::new(end));
    if (left.min.y - right.min.y).abs() > 1.0 || right.max.x <= left.min.x {
        return None;
    }
    Some((left.left_bottom() + offset, right.left_bottom() + offset))
}

/// The character index of byte `at`, if it is on a character boundary of `text`.
fn char_index(text: &str, at: usize) -> Option<usize> {
    text.is_char_boundary(at)
        .then(|| text[..at].chars().count())
}

/// A wavy line just under a baseline from `left` to `right`.
fn wave((left, right): (egui::Pos2, egui::Pos2)) -> Vec<egui::Pos2> {
    const STEP: f32 = 2.0;
    const HEIGHT: f32 = 1.5;
    let y = left.y - 1.0;
    let steps = ((right.x - left.x) / STEP).ceil().max(1.0) as usize;
    (0..=steps)
        .map(|i| {
            let x = (left.x + i as f32 * STEP).min(right.x);
            let dy = if i % 2 == 0 { 0.0 } else { HEIGHT };
            egui::pos2(x, y + dy)
        })
        .collect()
}

/// The unknown word under `pointer`, if any.
fn word_at(
    text: &str,
    unknown: &[Range<usize>],
    output: &egui::text_edit::TextEditOutput,
    pointer: egui::Pos2,
) -> Option<Range<usize>> {
    let cursor = output.galley.cursor_from_pos(pointer - output.galley_pos);
    let at = text
        .char_indices()
        .nth(cursor.index.into())
        .map_or(text.len(), |(byte, _)| byte);
    unknown
        .iter()
        .find(|r| r.start <= at && at <= r.end)
        .cloned()
}

/// A source's language, as a drop-down the officer can correct.
pub fn source_language_ui(
    ui: &mut egui::Ui,
    state: &mut AppState,
    source: crate::model::SourceId,
    current: &str,
    label: egui::Id,
) {
    let shown = if current.is_empty() {
        "Not known".to_owned()
    } else {
        language_name(current)
    };
    egui::ComboBox::from_id_salt(("source-language", source.0))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for (tag, name) in SOURCE_LANGUAGES {
                if ui.selectable_label(tag == current, name).clicked() && tag != current {
                    state.send(Command::Edit(Edit::SetSourceLanguage(
                        source,
                        tag.to_owned(),
                    )));
                }
            }
        })
        .response
        .labelled_by(label);
}
