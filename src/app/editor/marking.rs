//! Choosing markings in the window: the brief's scheme, level and caveats, each source's
//! and talking point's level, and what the pages will actually carry when the content
//! raises it.

use egui::RichText;

use crate::app::{AppState, Command};
use crate::marking::{Computed, Scheme};
use crate::model::{Edit, Marked, Marking, MetaField};

/// What the level box shows for an unmarked source or talking point.
const UNMARKED: &str = "Unmarked";

/// The brief's scheme, level and caveats, then the marking the pages carry when its
/// content raised it, with a Go to for each block that did.
pub fn brief_marking_ui(ui: &mut egui::Ui, state: &mut AppState, label: egui::Id) {
    let scheme = scheme_of(state);
    let meta = &state.project().brief.meta;
    let current = scheme
        .canonical(&meta.classification)
        .unwrap_or(meta.classification.as_str())
        .to_owned();
    let mut chosen = current.clone();
    let mut chosen_scheme = scheme.name.clone();
    ui.vertical(|ui| {
        // Wraps on a narrow window rather than widening the editor under the preview.
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_id_salt("classification")
                .selected_text(&current)
                .width(ui.available_width().clamp(140.0, 200.0))
                .show_ui(ui, |ui| {
                    for level in &scheme.levels {
                        ui.selectable_value(&mut chosen, level.clone(), level);
                    }
                })
                .response
                .labelled_by(label);
            let scheme_label = ui.label("Scheme");
            egui::ComboBox::from_id_salt("marking-scheme")
                .selected_text(&scheme.name)
                .width(110.0)
                .show_ui(ui, |ui| {
                    for known in Scheme::built_ins() {
                        ui.selectable_value(&mut chosen_scheme, known.name.clone(), &known.name)
                            .on_hover_text(&known.description);
                    }
                })
                .response
                .labelled_by(scheme_label.id);
        });
        caveats_ui(ui, state, &scheme);
        let template_default = state
            .template()
            .map(|t| t.default_classification.clone())
            .unwrap_or_default();
        let computed = crate::marking::compute(state.project(), &scheme, &template_default);
        raised_ui(ui, state, &computed);
    });
    if chosen != current {
        state.send(Command::Edit(Edit::SetMeta(
            MetaField::Classification,
            chosen,
        )));
    }
    if chosen_scheme != scheme.name {
        state.send(Command::Edit(Edit::SetScheme {
            name: chosen_scheme,
            custom: String::new(),
        }));
    }
}

fn caveats_ui(ui: &mut egui::Ui, state: &mut AppState, scheme: &Scheme) {
    let chosen = state.project().brief.meta.caveats.clone();
    let mut toggled = None;
    ui.horizontal_wrapped(|ui| {
        for caveat in scheme.caveats.iter().chain(&scheme.markers) {
            let mut on = chosen.iter().any(|c| c.eq_ignore_ascii_case(caveat));
            if ui.checkbox(&mut on, caveat).changed() {
                toggled = Some((caveat.clone(), on));
            }
        }
    });
    if let Some((caveat, on)) = toggled {
        let mut caveats: Vec<String> = chosen
            .into_iter()
            .filter(|c| !c.eq_ignore_ascii_case(&caveat))
            .collect();
        if on {
            caveats.push(caveat);
        }
        state.send(Command::Edit(Edit::SetCaveats(caveats)));
    }
}

fn raised_ui(ui: &mut egui::Ui, state: &mut AppState, computed: &Computed) {
    if !computed.is_raised() {
        return;
    }
    let colour = ui.visuals().warn_fg_color;
    ui.label(
        RichText::new(format!("Pages are marked {}", computed.text()))
            .strong()
            .color(colour),
    );
    let mut go_to = None;
    for reason in computed.reasons() {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("raised by {reason}"));
            let block = computed
                .raised_by
                .iter()
                .find(|r| reason.starts_with(&format!("{} (", r.item)))
                .map(|r| r.block);
            if let Some(block) = block
                && ui
                    .small_button("Go to")
                    .on_hover_text("Select the block that raised the marking")
                    .clicked()
            {
                go_to = Some(block);
            }
        });
    }
    if let Some(block) = go_to {
        state.send(Command::GoToBlock(block));
    }
}

/// A level box for a source or talking point: "Unmarked" or a level of the brief's scheme.
pub fn item_marking_ui(ui: &mut egui::Ui, state: &mut AppState, of: Marked, current: &Marking) {
    let scheme = scheme_of(state);
    let shown = if current.level.trim().is_empty() {
        UNMARKED.to_owned()
    } else {
        current.level.clone()
    };
    let mut chosen = shown.clone();
    let id = match of {
        Marked::Source(id) => ("source-marking", id.0),
        Marked::TalkingPoint(id) => ("point-marking", id.0),
    };
    let label = ui.label("Marking");
    egui::ComboBox::from_id_salt(id)
        .selected_text(&shown)
        .width(150.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, UNMARKED.to_owned(), UNMARKED);
            for level in &scheme.levels {
                ui.selectable_value(&mut chosen, level.clone(), level);
            }
        })
        .response
        .labelled_by(label.id);
    if chosen != shown {
        let level = if chosen == UNMARKED {
            String::new()
        } else {
            chosen
        };
        let marking = Marking {
            level,
            caveats: current.caveats.clone(),
        };
        state.send(Command::Edit(Edit::SetMarking(of, marking)));
    }
}

/// The brief's scheme, or the default one when it names none the app knows (the layout
/// says so in the message bar).
fn scheme_of(state: &AppState) -> std::borrow::Cow<'static, Scheme> {
    Scheme::for_meta_or_default(&state.project().brief.meta)
}
