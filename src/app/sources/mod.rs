//! The left pane: imported sources with their sections, and the talking-point library.

pub(in crate::app) mod clipboard;
pub(in crate::app) mod drafts;
pub(in crate::app) mod import;

use egui::{RichText, Sense};

use crate::app::command::Command;
use crate::app::drag::DragPayload;
use crate::app::state::{AppState, Pane, Tab};
use crate::model::{Edit, Marked, SectionKind, SectionRef, SourceField};

/// The left pane with its two tabs.
pub fn library_ui(ui: &mut egui::Ui, state: &mut AppState) {
    // Long titles are cut short rather than widening the pane.
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    // The tab chosen shows on this frame; the command keeps it.
    let mut tab = state.tab();
    // A narrow pane puts the last tab on a second line rather than cutting its name.
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(&mut tab, Tab::Sources, "Sources");
        ui.selectable_value(&mut tab, Tab::TalkingPoints, "Talking points");
        let open = state.project().open_comments() + state.project().open_suggestions();
        let review = if open > 0 {
            format!("Reviewing ({open})")
        } else {
            "Reviewing".to_owned()
        };
        ui.selectable_value(&mut tab, Tab::Review, review);
        ui.selectable_value(&mut tab, Tab::Library, "Library");
    });
    if tab != state.tab() {
        state.send(Command::SetTab(tab));
    }
    ui.separator();
    match tab {
        Tab::Sources => sources_ui(ui, state),
        Tab::TalkingPoints => talking_points_ui(ui, state),
        Tab::Review => crate::app::review::pane::review_ui(ui, state),
        Tab::Library => crate::app::library::pane::library_pane_ui(ui, state),
    }
}

/// The Filter field, the pane's first control: F6 brings the keyboard here. Returns the
/// filter as typed, which this frame already shows.
fn filter_ui(ui: &mut egui::Ui, state: &mut AppState) -> String {
    let mut filter = state.source_filter().to_owned();
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut filter)
                    .hint_text("words in titles or text")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if field.changed() {
            state.send(Command::SetSourceFilter(filter.clone()));
        }
        if state.pane_to_focus() == Some(Pane::Sources) {
            state.send(Command::PaneFocused(Pane::Sources));
            field.request_focus();
        }
    });
    filter
}

fn matches(filter: &str, text: &str) -> bool {
    filter.trim().is_empty() || text.to_lowercase().contains(&filter.trim().to_lowercase())
}

fn sources_ui(ui: &mut egui::Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        if ui
            .button("Import…")
            .on_hover_text("Import article files (Ctrl+I), or drop them on the window")
            .clicked()
        {
            state.send(Command::ImportDialog);
        }
        if ui
            .button("Paste…")
            .on_hover_text("Paste an article's text as a new source")
            .clicked()
        {
            state.send(Command::PasteDialog);
        }
    });
    for url in state.links_in_flight() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!("Fetching {url}"));
        });
    }
    let filter = filter_ui(ui, state);
    egui::ScrollArea::vertical()
        .id_salt("sources")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if state.project().sources.is_empty() {
                ui.weak("No articles yet. Import one, paste one, or drop files here.");
            }
            for source_index in 0..state.project().sources.len() {
                let source = &state.project().sources[source_index];
                let title_matches = matches(&filter, &source.title);
                let visible: Vec<usize> = (0..source.sections.len())
                    .filter(|i| title_matches || matches(&filter, &source.sections[*i].text))
                    .collect();
                if !title_matches && visible.is_empty() {
                    continue;
                }
                let source_id = source.id;
                // Collapsing headers never wrap, so a long title would widen the pane: cut it to fit.
                let room = ((ui.available_width() - 110.0) / 7.0).max(12.0) as usize;
                let title: String = if source.title.chars().count() > room {
                    source.title.chars().take(room).collect::<String>() + "…"
                } else {
                    source.title.clone()
                };
                let header = format!("{title} ({} sections)", source.body_sections().count());
                egui::CollapsingHeader::new(header)
                    .id_salt(("source", source_id.0))
                    .default_open(!filter.is_empty())
                    .show(ui, |ui| {
                        source_metadata_ui(ui, state, source_index);
                        ui.separator();
                        for section_index in visible {
                            let section =
                                &state.project().sources[source_index].sections[section_index];
                            let reference = SectionRef {
                                source: source_id,
                                section: section.id,
                            };
                            let kind = section.kind;
                            let preview: String = section.text.chars().take(160).collect();
                            let ellipsis = if section.text.chars().count() > 160 {
                                "…"
                            } else {
                                ""
                            };
                            let quoted_in = state.quoting(reference);
                            ui.horizontal(|ui| {
                                if kind != SectionKind::Heading
                                    && ui
                                        .small_button("Add to brief")
                                        .on_hover_text(if kind == SectionKind::Figure {
                                            "Add the picture to the brief, citing its source"
                                        } else {
                                            "Add as an excerpt to the brief"
                                        })
                                        .clicked()
                                {
                                    state.send(Command::AddSection {
                                        section: reference,
                                        part: None,
                                        again: false,
                                    });
                                }
                                crate::app::drag::drag_source_ui(
                                    ui,
                                    egui::Id::unique(("drag-section", reference.section.0)),
                                    DragPayload::Section(reference),
                                    &format!("{preview}{ellipsis}"),
                                    |ui| {
                                        let text = format!("{preview}{ellipsis}");
                                        let rich = match kind {
                                            SectionKind::Heading => RichText::new(text).strong(),
                                            SectionKind::Paragraph => RichText::new(text),
                                            SectionKind::Boilerplate => {
                                                RichText::new(format!("[boilerplate] {text}"))
                                                    .weak()
                                            }
                                            SectionKind::Figure => {
                                                RichText::new(format!("[picture] {text}")).italics()
                                            }
                                        };
                                        ui.add(egui::Label::new(rich).wrap().sense(Sense::hover()))
                                            .on_hover_text("Drag onto a part of the brief");
                                    },
                                );
                            });
                            // On a line of its own, so the pane keeps its width.
                            if let Some(block) = quoted_in {
                                ui.horizontal(|ui| {
                                    ui.label(RichText::new("\u{2713} In the brief").strong())
                                        .on_hover_text("The brief quotes this paragraph");
                                    if ui
                                        .small_button("Go to")
                                        .on_hover_text("Select its excerpt in the brief")
                                        .clicked()
                                    {
                                        state.send(Command::GoToBlock(block));
                                    }
                                });
                            }
                        }
                    });
            }
        });
}

fn source_metadata_ui(ui: &mut egui::Ui, state: &mut AppState, source_index: usize) {
    let source = &state.project().sources[source_index];
    let source_id = source.id;
    let values: Vec<(SourceField, String)> = SourceField::ALL
        .iter()
        .map(|f| (*f, f.get(source).to_owned()))
        .collect();
    egui::Grid::new(("source-meta", source_id.0))
        .num_columns(2)
        .show(ui, |ui| {
            for (field, mut value) in values {
                let label = ui.add_sized([76.0, 18.0], egui::Label::new(field.label()));
                let response = ui
                    .add(egui::TextEdit::singleline(&mut value).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if response.changed() {
                    state.send(Command::Edit(Edit::SetSourceField(source_id, field, value)));
                }
                ui.end_row();
            }
            let language = state.project().sources[source_index].language.clone();
            let label = ui.add_sized([76.0, 18.0], egui::Label::new("Language"));
            crate::app::spelling::marks::source_language_ui(
                ui, state, source_id, &language, label.id,
            );
            ui.end_row();
        });
    let marking = state.project().sources[source_index].marking.clone();
    ui.horizontal(|ui| {
        crate::app::editor::marking::item_marking_ui(
            ui,
            state,
            Marked::Source(source_id),
            &marking,
        );
    });
    if ui
        .button("Remove source")
        .on_hover_text("Remove this article from the project; undo brings it back")
        .clicked()
    {
        state.send(Command::RemoveSourceDialog(source_id));
    }
}

fn talking_points_ui(ui: &mut egui::Ui, state: &mut AppState) {
    crate::app::library::notices::library_notices_ui(ui, state);
    if ui.button("New talking point").clicked() {
        state.send(Command::Edit(Edit::AddTalkingPoint {
            text: "New talking point".into(),
            tags: Vec::new(),
            source: None,
        }));
    }
    let filter = filter_ui(ui, state);
    egui::ScrollArea::vertical()
        .id_salt("talking-points")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for index in 0..state.project().talking_points.len() {
                let point = state.project().talking_points[index].clone();
                if !matches(&filter, &point.text) && !point.tags.iter().any(|t| matches(&filter, t))
                {
                    continue;
                }
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    let mut text = point.text.clone();
                    let output = egui::TextEdit::multiline(&mut text)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY)
                        .show(ui);
                    // In the library a point has no block of the brief; replacing a word
                    // needs only the point.
                    let place = crate::model::find::Place::TalkingPoint {
                        block: crate::model::BlockId(0),
                        point: point.id,
                    };
                    let field = crate::app::spelling::marks::Field::whole(place);
                    crate::app::spelling::marks::spelling_marks_ui(
                        ui, state, field, &text, &output,
                    );
                    let response = output
                        .response
                        .response
                        .accessible_name("Talking point text");
                    if response.changed() {
                        state.send(Command::Edit(Edit::SetTalkingPoint {
                            point: point.id,
                            text,
                            tags: point.tags.clone(),
                        }));
                    }
                    ui.horizontal(|ui| {
                        let label = ui.label("Tags");
                        let buffer_id = egui::Id::unique(("tags", point.id.0));
                        let joined = point.tags.join(", ");
                        // Tags are typed as one comma-separated line; keep the typed text while the field has focus.
                        let mut buffer = ui
                            .data(|d| d.get_temp::<String>(buffer_id))
                            .unwrap_or(joined.clone());
                        let response = ui
                            .add(egui::TextEdit::singleline(&mut buffer).desired_width(160.0))
                            .labelled_by(label.id);
                        if response.changed() {
                            let tags = buffer
                                .split(',')
                                .map(|t| t.trim().to_owned())
                                .filter(|t| !t.is_empty())
                                .collect();
                            state.send(Command::Edit(Edit::SetTalkingPoint {
                                point: point.id,
                                text: point.text.clone(),
                                tags,
                            }));
                        }
                        if response.has_focus() {
                            ui.data_mut(|d| d.insert_temp(buffer_id, buffer));
                        } else {
                            ui.data_mut(|d| d.remove::<String>(buffer_id));
                        }
                    });
                    ui.horizontal(|ui| {
                        crate::app::editor::marking::item_marking_ui(
                            ui,
                            state,
                            Marked::TalkingPoint(point.id),
                            &point.marking,
                        );
                    });
                    ui.horizontal(|ui| {
                        if ui.small_button("Add to brief").clicked() {
                            state.send(Command::AddTalkingPoint {
                                point: point.id,
                                part: None,
                            });
                        }
                        crate::app::drag::drag_source_ui(
                            ui,
                            egui::Id::unique(("drag-point", point.id.0)),
                            DragPayload::TalkingPoint(point.id),
                            &point.text,
                            |ui| {
                                ui.weak("Drag")
                                    .on_hover_text("Drag onto a part of the brief");
                            },
                        );
                        if ui.small_button("Delete").clicked() {
                            state.send(Command::Edit(Edit::DeleteTalkingPoint(point.id)));
                        }
                    });
                });
            }
        });
}
