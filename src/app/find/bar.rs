//! The find and replace bar (Ctrl+F, Ctrl+H) and the highlighting of its matches in the
//! editor's fields. Finding and replacing themselves are in [`crate::model::find`].

use crate::app::command::{Command, shortcut_for};
use crate::app::find::marks::match_context;
use crate::app::find::state::FindBar;
use crate::app::state::AppState;
use crate::model::find::{self, Place};

impl AppState {
    /// Finds the matches again if the query or the brief changed since the last search.
    pub(in crate::app) fn refresh_matches(&mut self) {
        let version = self.content_version;
        let Some(bar) = &mut self.find else {
            return;
        };
        if bar
            .found_for
            .as_ref()
            .is_some_and(|(query, at)| *query == bar.query && *at == version)
        {
            return;
        }
        bar.matches = find::find_all(&self.project, &bar.query);
        bar.found_for = Some((bar.query.clone(), version));
        bar.current = match bar.current {
            _ if bar.matches.is_empty() => None,
            Some(current) => Some(current.min(bar.matches.len() - 1)),
            None => None,
        };
    }

    /// Opens the bar (with the Replace row if `replace`) and puts the keyboard in it.
    pub(in crate::app) fn open_find(&mut self, replace: bool) {
        let bar = self.find.get_or_insert_with(FindBar::default);
        bar.show_replace |= replace;
        bar.focus_find = true;
    }

    /// Makes the next (`by` = 1) or previous (-1) match current and shows it.
    pub(in crate::app) fn step_match(&mut self, by: isize) {
        self.refresh_matches();
        let Some(bar) = &mut self.find else {
            return;
        };
        let total = bar.matches.len();
        if total == 0 {
            return;
        }
        let next = match bar.current {
            None if by < 0 => total - 1,
            None => 0,
            Some(current) => (current as isize + by).rem_euclid(total as isize) as usize,
        };
        bar.current = Some(next);
        let place = bar.matches[next].place;
        self.reveal(place);
    }

    /// Selects the block that holds `place` and scrolls the editor to it.
    fn reveal(&mut self, place: Place) {
        if let Some(block) = place.block() {
            self.selected = Some(block);
        }
        self.reveal = Some(place);
        self.history.break_burst();
    }

    /// Replaces the current match and moves on to the next one. A match in an excerpt is
    /// left alone unless the bar says to change excerpts too.
    pub(in crate::app) fn replace_current(&mut self) {
        self.refresh_matches();
        let Some(bar) = &self.find else {
            return;
        };
        let Some(current) = bar.current.and_then(|i| bar.matches.get(i)).cloned() else {
            self.step_match(1);
            return;
        };
        if current.in_excerpt && !bar.include_excerpts {
            self.info(
                "That match is in an excerpt, a quotation of its source, so it was left as \
                 quoted. Tick \u{201c}Also in excerpts\u{201d} to change it.",
            );
            self.step_match(1);
            return;
        }
        let edits = find::replace_edits(&self.project, &[current], &bar.replacement, true);
        self.history.break_burst();
        self.apply_edits(edits);
        self.history.break_burst();
        self.refresh_matches();
        // The replaced match is gone, so the one after it now has its index.
        if let Some(bar) = &mut self.find
            && let Some(index) = bar.current
            && let Some(next) = bar.matches.get(index).map(|m| m.place)
        {
            self.reveal(next);
        }
    }

    /// Replaces every match as one undoable step.
    pub(in crate::app) fn replace_all(&mut self) {
        self.refresh_matches();
        let Some(bar) = &self.find else {
            return;
        };
        let in_excerpts = bar.matches.iter().filter(|m| m.in_excerpt).count();
        let replaced = if bar.include_excerpts {
            bar.matches.len()
        } else {
            bar.matches.len() - in_excerpts
        };
        let edits = find::replace_edits(
            &self.project,
            &bar.matches,
            &bar.replacement,
            bar.include_excerpts,
        );
        let plural = |n: usize| if n == 1 { "" } else { "es" };
        let mut report = format!("Replaced {replaced} match{}.", plural(replaced));
        if !bar.include_excerpts && in_excerpts > 0 {
            report.push_str(&format!(
                " {in_excerpts} match{} in excerpts left as quoted.",
                plural(in_excerpts)
            ));
        }
        self.history.break_burst();
        self.apply_edits(edits);
        self.history.break_burst();
        self.info(report);
    }
}

fn find_field_id() -> egui::Id {
    egui::Id::unique("find-field")
}

fn replace_field_id() -> egui::Id {
    egui::Id::unique("replace-field")
}

/// The bar under the menu, while it is open.
pub fn find_bar_ui(ui: &mut egui::Ui, state: &mut AppState) {
    state.refresh_matches();
    // The bar's fields and options are its own edit buffer, changed in place; what they
    // do (find, replace, close) goes through commands.
    let Some(bar) = state.find_bar_mut() else {
        return;
    };
    let mut commands = Vec::new();
    // Esc closes the bar from its own fields, or when no field has the keyboard.
    let focus = ui.memory(|m| m.focused());
    if (focus.is_none() || focus == Some(find_field_id()) || focus == Some(replace_field_id()))
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
    {
        commands.push(Command::CloseFind);
    }
    ui.horizontal(|ui| {
        let label = ui.add_sized([84.0, 20.0], egui::Label::new("Find"));
        // Enter and Shift+Enter step through the matches and keep the keyboard here;
        // they are taken before the field sees them, since a one-line field lets go of
        // the keyboard on Enter.
        if ui.memory(|m| m.has_focus(find_field_id())) {
            if ui.input_mut(|i| i.consume_key(egui::Modifiers::SHIFT, egui::Key::Enter)) {
                commands.push(Command::FindNext(-1));
            } else if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)) {
                commands.push(Command::FindNext(1));
            }
        }
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut bar.query.text)
                    .id(find_field_id())
                    .desired_width(240.0)
                    .hint_text("Text in the brief"),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut bar.focus_find) {
            field.request_focus();
        }
        if ui
            .add(egui::Button::new("Previous"))
            .on_hover_text("Previous match (Shift+Enter, Shift+F3)")
            .clicked()
        {
            commands.push(Command::FindNext(-1));
        }
        if ui
            .add(egui::Button::new("Next"))
            .on_hover_text("Next match (Enter, F3)")
            .clicked()
        {
            commands.push(Command::FindNext(1));
        }
        ui.label(bar.count_text());
        ui.checkbox(&mut bar.query.match_case, "Match case");
        ui.checkbox(&mut bar.query.whole_word, "Whole word");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Close the find bar (Esc)")
                .clicked()
            {
                commands.push(Command::CloseFind);
            }
            if !bar.show_replace
                && ui
                    .button("Replace…")
                    .on_hover_text(shortcut_text(ui, &Command::Find { replace: true }))
                    .clicked()
            {
                bar.show_replace = true;
            }
        });
    });
    if bar.show_replace {
        ui.horizontal(|ui| {
            let label = ui.add_sized([84.0, 20.0], egui::Label::new("Replace with"));
            ui.add(
                egui::TextEdit::singleline(&mut bar.replacement)
                    .id(replace_field_id())
                    .desired_width(240.0),
            )
            .labelled_by(label.id);
            let has_matches = !bar.matches.is_empty();
            if ui
                .add_enabled(has_matches, egui::Button::new("Replace"))
                .on_hover_text("Replace this match and go to the next")
                .clicked()
            {
                commands.push(Command::ReplaceCurrent);
            }
            if ui
                .add_enabled(has_matches, egui::Button::new("Replace All"))
                .clicked()
            {
                commands.push(Command::ReplaceAll);
            }
            ui.checkbox(&mut bar.include_excerpts, "Also in excerpts")
                .on_hover_text(
                    "Excerpts quote their sources. Changing one marks it edited; \
                     Revert on the excerpt brings the source's words back.",
                );
        });
    }
    let current = bar.current.and_then(|i| bar.matches.get(i)).cloned();
    if let Some(current) = current {
        let context = match_context(state, &current, ui.visuals());
        ui.horizontal(|ui| {
            ui.add_space(88.0);
            ui.label(context);
        });
    }
    for command in commands {
        state.send(command);
    }
}

fn shortcut_text(ui: &egui::Ui, command: &Command) -> String {
    shortcut_for(command).map_or_else(String::new, |s| ui.ctx().format_shortcut(&s))
}
