//! The brief editor: the metadata form, then each part with its blocks, edited in place.

pub(in crate::app) mod decision;
pub(in crate::app) mod fields;
pub(in crate::app) mod figure;
pub(in crate::app) mod marking;
pub(in crate::app) mod table;
pub(in crate::app) mod title_block;

use egui::{Align, RichText, Sense};

use crate::app::command::Command;
use crate::app::drag::DragPayload;
use crate::app::editor::fields::add_text_field;
use crate::app::state::AppState;
use crate::model::find::Place;
use crate::model::{BlockId, BlockKind, Edit, Project};

/// The widest the editor's column grows, in points: about 110 characters a line.
const MAX_COLUMN_WIDTH: f32 = 900.0;

/// The centre pane.
pub fn brief_editor_ui(ui: &mut egui::Ui, state: &mut AppState) {
    egui::ScrollArea::vertical()
        .id_salt("editor")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // On a wide screen the column stays at a readable measure, centred.
            let width = ui.available_width().min(MAX_COLUMN_WIDTH);
            let margin = ((ui.available_width() - width) / 2.0).max(0.0);
            ui.horizontal_top(|ui| {
                ui.add_space(margin);
                ui.vertical(|ui| {
                    ui.set_width(width);
                    crate::app::editor::title_block::title_block_ui(ui, state);
                    ui.add_space(8.0);
                    for part_index in 0..state.project().brief.parts.len() {
                        part_ui(ui, state, part_index);
                        ui.add_space(6.0);
                    }
                    crate::app::editor::decision::brief_lists_ui(ui, state);
                });
            });
        });
    // The scroll requests last this frame only; they end where the queue is run.
}

fn part_ui(ui: &mut egui::Ui, state: &mut AppState, part_index: usize) {
    let title = state.project().brief.parts[part_index].title.clone();
    let frame = egui::Frame::group(ui.style()).inner_margin(6.0);
    let mut block_rects = Vec::new();
    let (_, dropped) = ui.dnd_drop_zone::<DragPayload, ()>(frame, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(&title).strong().size(15.0));
        let key = &state.project().brief.parts[part_index].key;
        if state.template().is_some_and(|t| t.part(key).is_none()) {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "Not printed by this kind of brief: move these blocks into a part above.",
            );
        }
        let block_ids: Vec<BlockId> = state.project().brief.parts[part_index]
            .blocks
            .iter()
            .map(|b| b.id)
            .collect();
        let leads_with_purpose = state
            .template()
            .and_then(|t| {
                t.part(&state.project().brief.parts[part_index].key)
                    .map(|p| p.lead_with_purpose_line)
            })
            .unwrap_or(false);
        if leads_with_purpose {
            ui.weak("Opens with the Purpose line from the form above.");
        } else if block_ids.is_empty() {
            ui.weak("Empty: drag sections or talking points here, or add a block below.");
        }
        for block in block_ids {
            let rect = block_ui(ui, state, block);
            block_rects.push(rect);
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Add paragraph")
                .on_hover_text(format!("Add a paragraph to {title}"))
                .clicked()
            {
                state.send(Command::Edit(Edit::AddBlock {
                    part: part_index,
                    kind: BlockKind::Paragraph {
                        text: String::new(),
                    },
                }));
            }
            if ui.button("Add bullet list").clicked() {
                state.send(Command::Edit(Edit::AddBlock {
                    part: part_index,
                    kind: BlockKind::Bullets {
                        items: vec![String::new()],
                    },
                }));
            }
            if ui
                .button("Add recommendation")
                .on_hover_text("A numbered recommendation with response boxes to tick")
                .clicked()
            {
                state.send(Command::Edit(Edit::AddBlock {
                    part: part_index,
                    kind: BlockKind::Recommendation {
                        text: String::new(),
                        responses: Default::default(),
                    },
                }));
            }
            if ui.button("Add table").clicked() {
                state.send(Command::Edit(Edit::AddBlock {
                    part: part_index,
                    kind: BlockKind::Table {
                        rows: vec![
                            vec!["Time".into(), "Event".into(), "Place".into()],
                            vec![String::new(), String::new(), String::new()],
                        ],
                    },
                }));
            }
            if ui.button("Add page break").clicked() {
                state.send(Command::Edit(Edit::AddBlock {
                    part: part_index,
                    kind: BlockKind::PageBreak,
                }));
            }
        });
    });
    if let Some(payload) = dropped {
        let pointer_y = ui
            .ctx()
            .pointer_interact_pos()
            .map_or(f32::INFINITY, |p| p.y);
        let index = block_rects
            .iter()
            .position(|r: &egui::Rect| pointer_y < r.center().y)
            .unwrap_or(block_rects.len());
        let command = match *payload {
            DragPayload::Section(section) => Command::AddSection {
                again: false,
                section,
                part: Some(part_index),
            },
            DragPayload::TalkingPoint(point) => Command::AddTalkingPoint {
                point,
                part: Some(part_index),
            },
            DragPayload::LibraryLine { library, line } => {
                let Some(line) = state.library_line_id(library, line) else {
                    return;
                };
                Command::Library(Box::new(
                    crate::app::library::action::LibraryAction::UseLine {
                        library,
                        line,
                        part: Some(part_index),
                    },
                ))
            }
            DragPayload::Block(block) => Command::Edit(Edit::MoveBlockTo {
                block,
                part: part_index,
                index,
            }),
        };
        state.send(command);
    }
}

/// A short description of where a block's content comes from.
/// The words a block shows, for the image that follows the pointer while it is dragged.
fn block_words(project: &Project, kind: &BlockKind) -> String {
    match kind {
        BlockKind::Paragraph { text } | BlockKind::Recommendation { text, .. } => text.clone(),
        BlockKind::Bullets { items } => items.join(" "),
        BlockKind::Excerpt { from, edited } => edited
            .clone()
            .or_else(|| project.section(*from).map(|(_, s)| s.text.clone()))
            .unwrap_or_default(),
        BlockKind::TalkingPoint { point } => project
            .talking_point(*point)
            .map(|p| p.text.clone())
            .unwrap_or_default(),
        BlockKind::Table { rows } => rows.first().map(|row| row.join(" | ")).unwrap_or_default(),
        BlockKind::PageBreak => kind.label().to_owned(),
        BlockKind::Picture(figure) => [&figure.caption, &figure.alt]
            .into_iter()
            .find(|text| !text.trim().is_empty())
            .map_or_else(|| kind.label().to_owned(), |text| text.trim().to_owned()),
    }
}

fn block_caption(project: &Project, kind: &BlockKind) -> (String, bool) {
    match kind {
        BlockKind::Excerpt { from, edited } => match project.section(*from) {
            Some((source, _)) => (
                format!("Excerpt \u{2014} {}", source.title),
                edited.is_some(),
            ),
            None => (
                "Excerpt \u{2014} its source section is missing".to_owned(),
                false,
            ),
        },
        BlockKind::TalkingPoint { .. } => ("Talking point (from the library)".to_owned(), false),
        other => (other.label().to_owned(), false),
    }
}

fn block_ui(ui: &mut egui::Ui, state: &mut AppState, block: BlockId) -> egui::Rect {
    let Some((part_index, index)) = state.project().locate(block) else {
        return egui::Rect::NOTHING;
    };
    let kind = state.project().brief.parts[part_index].blocks[index]
        .kind
        .clone();
    let is_selected = state.selected() == Some(block);
    let (caption, is_edited) = block_caption(state.project(), &kind);
    let stroke = if is_selected {
        ui.visuals().selection.stroke
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    let response = egui::Frame::new()
        .stroke(stroke)
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let handle = crate::app::drag::drag_source_ui(
                    ui,
                    egui::Id::unique(("drag-block", block.0)),
                    DragPayload::Block(block),
                    &block_words(state.project(), &kind),
                    |ui| {
                        ui.label(RichText::new("Drag").weak().small())
                            .on_hover_text("Drag to move this block");
                    },
                );
                if handle.response.clicked() {
                    state.send(Command::Select(Some(block)));
                }
                // The caption takes the room the buttons leave; long source titles are cut
                // short. The buttons are laid out left to right so that Tab meets them in
                // the order they are read.
                // The buttons' width is measured as they are drawn and used on the next
                // frame, so that the caption ends exactly where they begin.
                let buttons_key = egui::Id::unique(("block-buttons-width", is_edited));
                let buttons_width = ui
                    .data(|d| d.get_temp::<f32>(buttons_key))
                    .unwrap_or(if is_edited { 330.0 } else { 230.0 });
                let caption_width =
                    (ui.available_width() - buttons_width - ui.spacing().item_spacing.x).max(60.0);
                let caption_response = ui
                    .allocate_ui_with_layout(
                        egui::vec2(caption_width, 16.0),
                        egui::Layout::left_to_right(Align::Center),
                        |ui| {
                            ui.set_min_width(caption_width);
                            ui.add(
                                egui::Label::new(RichText::new(&caption).small().strong())
                                    .truncate()
                                    .sense(Sense::CLICK),
                            )
                        },
                    )
                    .inner;
                if caption_response.clicked() {
                    state.send(Command::Select(Some(block)));
                }
                let buttons = ui.horizontal(|ui| {
                    if is_edited {
                        let original = match &kind {
                            BlockKind::Excerpt { from, .. } => state
                                .project()
                                .section(*from)
                                .map(|(_, section)| section.text.clone())
                                .unwrap_or_default(),
                            _ => String::new(),
                        };
                        ui.label(
                            RichText::new("edited")
                                .small()
                                .color(ui.visuals().warn_fg_color),
                        )
                        .on_hover_text(format!(
                            "This excerpt differs from the source's words and prints as \
                             adapted. The source says:\n\n\u{201c}{original}\u{201d}"
                        ));
                        if ui
                            .small_button("Revert")
                            .on_hover_text("Go back to the source's words")
                            .clicked()
                        {
                            state.send(Command::Edit(Edit::RevertExcerpt(block)));
                        }
                    }
                    if ui.small_button("Move up").clicked() {
                        state.send(Command::Edit(Edit::MoveBlock { block, by: -1 }));
                    }
                    if ui.small_button("Move down").clicked() {
                        state.send(Command::Edit(Edit::MoveBlock { block, by: 1 }));
                    }
                    if ui.small_button("Delete").clicked() {
                        state.send(Command::Edit(Edit::DeleteBlock(block)));
                    }
                });
                let measured = buttons.response.rect.width();
                ui.data_mut(|d| d.insert_temp(buttons_key, measured));
            });
            crate::app::review::markup::block_review_ui(ui, state, block);
            block_body_ui(ui, state, block, &kind);
        });
    let is_revealed = state.place_to_reveal().and_then(Place::block) == Some(block);
    if is_selected && (state.scrolls_to_selected() || is_revealed) {
        response.response.scroll_to_me(Some(Align::Center));
    }
    response.response.rect
}

fn block_body_ui(ui: &mut egui::Ui, state: &mut AppState, block: BlockId, kind: &BlockKind) {
    let text = match kind {
        BlockKind::Paragraph { text } => Some(text.clone()),
        BlockKind::Excerpt { from, edited } => Some(
            edited
                .clone()
                .or_else(|| state.project().section(*from).map(|(_, s)| s.text.clone()))
                .unwrap_or_default(),
        ),
        BlockKind::Bullets { items } => Some(items.join("\n")),
        BlockKind::Recommendation { text, responses } => {
            crate::app::editor::decision::responses_ui(ui, state, block, *responses);
            Some(text.clone())
        }
        BlockKind::Table { rows } => {
            let target = crate::model::TextTarget::Block(block);
            let shown = state
                .shown_text(target)
                .filter(|_| state.is_suggesting())
                .map(|text| crate::model::table_rows(&text));
            crate::app::editor::table::table_ui(ui, state, block, shown.as_deref().unwrap_or(rows));
            crate::app::review::markup::suggestions_ui(ui, state, target);
            None
        }
        BlockKind::TalkingPoint { point } => {
            let text = state.project().talking_point(*point).map_or_else(
                || "(missing from the library)".to_owned(),
                |t| t.text.clone(),
            );
            ui.label(format!("\u{2022} {text}"));
            None
        }
        BlockKind::PageBreak => {
            ui.vertical_centered(|ui| ui.weak("\u{2014} page break \u{2014}"));
            None
        }
        BlockKind::Picture(figure) => {
            figure::figure_ui(ui, state, block, figure);
            None
        }
    };
    if text.is_none() && state.block_to_focus() == Some(block) {
        // Tables, talking points and page breaks have no text field of their own.
        state.send(Command::NewBlockFocused(block));
    }
    if let Some(mut text) = text {
        let name = format!("{} text", kind.label());
        let hint = match kind {
            BlockKind::Bullets { .. } => "One bullet per line",
            BlockKind::Recommendation { .. } => "That the minister …",
            BlockKind::Table { .. } => {
                "A row per line, cells separated by | ; the first row is the header"
            }
            BlockKind::Paragraph { .. } => {
                "Type here. **bold**, *italic* and [links](https://…) work."
            }
            _ => "",
        };
        let place = Place::Block(block);
        let response = add_text_field(ui, state, &mut text, place, true, |e| {
            e.desired_rows(1)
                .desired_width(f32::INFINITY)
                .hint_text(hint)
        })
        .accessible_name(name);
        if state.block_to_focus() == Some(block) {
            // A block just added takes the cursor, ready to type into.
            state.send(Command::NewBlockFocused(block));
            response.request_focus();
            response.scroll_to_me(Some(Align::Center));
        }
        if response.gained_focus() {
            state.send(Command::Select(Some(block)));
        }
        if response.changed() {
            state.send(Command::Edit(Edit::SetBlockText { block, text }));
        }
        crate::app::review::markup::suggestions_ui(
            ui,
            state,
            crate::model::TextTarget::Block(block),
        );
    }
}
