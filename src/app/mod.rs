//! The desktop window (eframe + egui). Only this module touches egui, eframe or rfd.
//!
//! Panels draw the state and send [`Command`]s; [`AppState::run`] applies them after the
//! frame. Tests drive [`app_ui`] headlessly with egui_kittest.

mod command;
mod drag;
mod editor;
mod field_layout;
mod files;
mod find;
mod focus;
mod history;
mod library;
mod menu;
mod modals;
mod pane;
mod pictures;
mod preview;
mod review;
mod run;
mod settings;
mod shell;
mod sources;
mod spelling;
mod state;
pub mod termination;
mod theme;

use std::path::PathBuf;

pub use command::{ClipboardAction, Command, UnsavedChoice};
pub use drag::DragPayload;
pub use files::dialogs::{
    DialogAnswer, Dialogs, FilePurpose, FileRequest, NativeDialogs, NoDialogs,
};
pub use find::state::FindBar;
pub use preview::block_at;
pub use shell::run;
pub use spelling::state::{SpellingState, WordMenu};
pub use state::{AppState, Message, Modal, Pane, PasteDraft, Settings, Tab, Theme};

use crate::diagnostic::Severity;
use crate::model::BlockId;

/// Shows the window's text in the bundled Noto Sans (so Kazakh and other Cyrillic letters
/// look as they will print), then egui's own fonts (its monochrome emoji), then the
/// bundled fallbacks for Arabic, Tamil, symbols and CJK, so the editor and the sources
/// pane show every script the PDF prints. egui reads a font's glyphs only when it draws
/// them, so the CJK font costs nothing until CJK text is on screen.
fn install_fonts(ctx: &egui::Context) {
    use crate::fonts::{FontFallback, find_face};
    let mut fonts = egui::FontDefinitions::default();
    let mut fallbacks = Vec::new();
    let body = ["Noto Sans"];
    let fallback = FontFallback::default();
    for family in body.iter().copied().chain(fallback.all_families()) {
        if let Some(face) = find_face(family, false, false) {
            fonts.font_data.insert(
                family.to_owned(),
                std::sync::Arc::new(egui::FontData::from_static(face.face().bytes)),
            );
            if !body.contains(&family) {
                fallbacks.push(family.to_owned());
            }
        }
    }
    for (family, position) in [
        (egui::FontFamily::Proportional, 0),
        (egui::FontFamily::Monospace, 1),
    ] {
        let list = fonts.families.entry(family).or_default();
        list.insert(position.min(list.len()), body[0].to_owned());
        list.extend(fallbacks.iter().cloned());
    }
    ctx.set_fonts(fonts);
}

const SOURCES_MIN_WIDTH: f32 = 200.0;
const PREVIEW_MIN_WIDTH: f32 = 260.0;
/// The editor's share of a narrow window: room for a label and a readable field.
const EDITOR_MIN_WIDTH: f32 = 420.0;

/// One frame of the whole window: menus, panes, modals, shortcuts and dropped files.
pub fn app_ui(ui: &mut egui::Ui, state: &mut AppState) {
    // The fonts belong to egui's context, so it remembers that they are set up.
    let fonts_installed = egui::Id::unique("fonts-installed");
    if !ui
        .ctx()
        .data(|data| data.get_temp::<bool>(fonts_installed))
        .unwrap_or(false)
    {
        install_fonts(ui.ctx());
        theme::install(ui.ctx());
        ui.ctx()
            .data_mut(|data| data.insert_temp(fonts_installed, true));
    }
    if termination::requested() && !state.should_close() {
        state.shut_down();
    }
    apply_display_settings(ui.ctx(), state.settings());
    handle_input(ui.ctx(), state);
    focus::carry_out_clipboard_request(ui.ctx(), state);
    state.collect_dialog_answer();
    state.poll_libraries();
    let is_focused = ui.input(|i| i.viewport().focused.unwrap_or(true));
    state.autosave_tick(std::time::Instant::now(), is_focused);
    egui::Panel::top("menu").show(ui, |ui| menu::menu_bar_ui(ui, state));
    egui::Panel::bottom("status").show(ui, |ui| status_ui(ui, state));
    if state.find_bar().is_some() {
        egui::Panel::top("find").show(ui, |ui| find::bar::find_bar_ui(ui, state));
    }
    // The panes share the width so that the editor's fields always keep room of their
    // own and never run under the preview, however narrow the window.
    let width = ui.available_width();
    let sources_max = (width * 0.25).clamp(SOURCES_MIN_WIDTH, 640.0);
    let sources_now = state
        .settings()
        .sources_width
        .clamp(SOURCES_MIN_WIDTH, sources_max);
    let preview_max = (width - sources_now - EDITOR_MIN_WIDTH).clamp(PREVIEW_MIN_WIDTH, 1400.0);
    let library = egui::Panel::left("library");
    let chosen = state.settings().sources_width;
    let range = SOURCES_MIN_WIDTH..=sources_max;
    if let Some(width) = side_pane_ui(ui, library, "library", chosen, range, |ui| {
        remember_pane(ui, Pane::Sources);
        sources::library_ui(ui, state);
    }) && width != chosen
    {
        state.send(Command::SetSourcesWidth(width));
    }
    if state.settings().preview_hidden {
        // Folded to a button: the editor takes the room.
        egui::Panel::right("preview-folded")
            .resizable(false)
            .show(ui, |ui| {
                remember_pane(ui, Pane::Preview);
                let show = ui
                    .button("\u{25c0} Preview")
                    .on_hover_text("Show the preview again")
                    .accessible_name("Show preview");
                if state.pane_to_focus() == Some(Pane::Preview) {
                    state.send(Command::PaneFocused(Pane::Preview));
                    show.request_focus();
                }
                if show.clicked() {
                    state.send(Command::SetPreviewHidden(false));
                }
            });
    } else {
        let preview = egui::Panel::right("preview");
        let chosen = state.settings().preview_width;
        let range = PREVIEW_MIN_WIDTH..=preview_max;
        if let Some(width) = side_pane_ui(ui, preview, "preview", chosen, range, |ui| {
            remember_pane(ui, Pane::Preview);
            preview::preview_ui(ui, state);
        }) && width != chosen
        {
            state.send(Command::SetPreviewWidth(width));
        }
    }
    egui::CentralPanel::default().show(ui, |ui| {
        remember_pane(ui, Pane::Editor);
        editor::brief_editor_ui(ui, state);
    });
    state.note_focused_pane(focused_pane(ui.ctx()));
    if !state.messages().is_empty() {
        messages_ui(ui, state);
    }
    modals::modals_ui(ui, state);
    files::file_picker_ui(ui, state);
    focus::remember_text_field(ui.ctx());
    focus::focus_ring_ui(ui.ctx());
    state.run_queued();
    if state.poll_spelling() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(50));
    }
    if state.poll_link_imports() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
    }
    if state.clipboard_request().is_some() {
        // Carry it out on the very next frame, before anything else takes the keyboard.
        ui.ctx().request_repaint();
    }
}

fn pane_key(pane: Pane) -> egui::Id {
    egui::Id::unique(("pane-rect", pane as u8))
}

/// Keeps where `pane` is this frame, to tell which pane holds the keyboard.
fn remember_pane(ui: &egui::Ui, pane: Pane) {
    let rect = ui.max_rect();
    ui.ctx()
        .data_mut(|data| data.insert_temp(pane_key(pane), rect));
}

/// Where `pane` was drawn on the last frame: for tests that check no control runs out
/// of its pane.
pub fn pane_rect(ctx: &egui::Context, pane: Pane) -> Option<egui::Rect> {
    ctx.data(|data| data.get_temp::<egui::Rect>(pane_key(pane)))
}

/// The pane the focused control is in, if any.
fn focused_pane(ctx: &egui::Context) -> Option<Pane> {
    let focused = ctx.memory(|m| m.focused())?;
    let at = ctx.read_response(focused)?.rect.center();
    Pane::ORDER.into_iter().find(|pane| {
        ctx.data(|data| data.get_temp::<egui::Rect>(pane_key(*pane)))
            .is_some_and(|rect| rect.contains(at))
    })
}

/// A resizable side pane at the width the user `chosen`, squeezed to `range` by a narrow
/// window. Returns the width to remember as the user's choice: none while the window
/// squeezes the pane, since that width is not the user's. egui keeps a panel's last width,
/// so once the window grows again the chosen width is given back explicitly.
fn side_pane_ui(
    ui: &mut egui::Ui,
    panel: egui::Panel,
    key: &str,
    chosen: f32,
    range: std::ops::RangeInclusive<f32>,
    add_contents: impl FnOnce(&mut egui::Ui),
) -> Option<f32> {
    let max = *range.end();
    let shown_key = egui::Id::unique(("shown-width", key));
    let mut panel = panel.resizable(true).default_size(chosen).size_range(range);
    let target = chosen.min(max);
    let shown = ui.ctx().data(|data| data.get_temp::<f32>(shown_key));
    if shown.is_some_and(|shown| shown < target - 1.0) {
        panel = panel.exact_size(target);
    }
    let width = panel.show(ui, add_contents).response.rect.width();
    ui.ctx().data_mut(|data| data.insert_temp(shown_key, width));
    (width < max - 1.0).then_some(width)
}

/// Theme and interface size from the settings; egui's own zoom keys are off because
/// the shortcuts are ours (the preview has its own zoom).
fn apply_display_settings(ctx: &egui::Context, settings: &Settings) {
    let theme = match settings.theme {
        Theme::System => egui::ThemePreference::System,
        Theme::Light => egui::ThemePreference::Light,
        Theme::Dark => egui::ThemePreference::Dark,
    };
    if ctx.options(|o| o.zoom_with_keyboard || o.theme_preference != theme) {
        ctx.options_mut(|options| {
            options.zoom_with_keyboard = false;
            options.theme_preference = theme;
        });
    }
    if (ctx.zoom_factor() - settings.interface_zoom).abs() > f32::EPSILON {
        ctx.set_zoom_factor(settings.interface_zoom);
    }
}

fn handle_input(ctx: &egui::Context, state: &mut AppState) {
    if state.modal().is_none() {
        for (shortcut, command) in command::shortcuts() {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                state.send(command);
            }
        }
        // Delete removes the selected block only when no text field has the keyboard.
        if ctx.memory(|m| m.focused().is_none())
            && state.selected().is_some()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Delete))
        {
            state.send(Command::DeleteSelected);
        }
    }
    let dropped: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .collect()
    });
    let (projects, files): (Vec<PathBuf>, Vec<PathBuf>) = dropped
        .into_iter()
        .partition(|p| p.extension().is_some_and(|e| e == "brief"));
    // Pictures dropped on the window go into the brief; everything else is an article.
    let (pictures, articles): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|p| crate::picture::is_picture_file(p));
    if !pictures.is_empty() {
        state.send(Command::InsertPictures {
            paths: pictures,
            part: None,
        });
    }
    if let Some(project) = projects.into_iter().next() {
        state.send(Command::open(project));
    }
    if !articles.is_empty() {
        state.send(Command::ImportArticles(articles));
    }
}

fn status_ui(ui: &mut egui::Ui, state: &AppState) {
    ui.horizontal(|ui| {
        let blocks: usize = state
            .project()
            .brief
            .parts
            .iter()
            .map(|p| p.blocks.len())
            .sum();
        ui.label(format!(
            "{} sources · {} talking points · {blocks} blocks",
            state.project().sources.len(),
            state.project().talking_points.len()
        ));
        ui.separator();
        ui.label(format!("template: {}", state.project().brief.template));
        if state.is_suggesting() {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, "Suggesting");
        }
        let (comments, suggestions) = (
            state.project().open_comments(),
            state.project().open_suggestions(),
        );
        if comments + suggestions > 0 {
            ui.separator();
            ui.label(format!(
                "{} \u{b7} {}",
                crate::model::count_of(comments, "open comment"),
                crate::model::count_of(suggestions, "open suggestion")
            ));
        }
        if state.is_read_only() {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, "read-only");
        }
        if let Some(laid) = state.laid() {
            ui.separator();
            ui.label(format!(
                "laid out in {:.1} ms",
                state.layout_time().as_secs_f64() * 1000.0
            ))
            .on_hover_text(format!("{} pages", laid.pages.len()));
        }
    });
}

/// "Go to" for a message about one block; "Go to 1", "2", "3"… for one about several.
fn go_to_buttons_ui(ui: &mut egui::Ui, blocks: &[BlockId]) -> Option<BlockId> {
    const SHOWN: usize = 6;
    let mut chosen = None;
    for (index, block) in blocks.iter().take(SHOWN).enumerate() {
        let label = match (index, blocks.len()) {
            (0, 1) => "Go to".to_owned(),
            (0, _) => "Go to 1".to_owned(),
            (n, _) => (n + 1).to_string(),
        };
        if ui
            .small_button(label)
            .on_hover_text("Select the block this is about")
            .clicked()
        {
            chosen = Some(*block);
        }
    }
    chosen
}

/// How many of the latest messages show before the older ones collapse into a count.
const MESSAGES_SHOWN: usize = 4;

/// The notification area: the latest messages in a box over the foot of the editor,
/// newest first, so that a message never pushes the panes down. Older ones collapse into
/// "N earlier", which opens them.
fn messages_ui(ui: &mut egui::Ui, state: &mut AppState) {
    let expanded_key = egui::Id::unique("messages-expanded");
    let expanded = ui
        .ctx()
        .data(|data| data.get_temp::<bool>(expanded_key))
        .unwrap_or(false);
    let shown = if expanded {
        state.messages().len()
    } else {
        MESSAGES_SHOWN
    };
    let earlier = state.messages().len().saturating_sub(MESSAGES_SHOWN);
    let screen = ui.ctx().content_rect();
    egui::Area::new(egui::Id::unique("notifications"))
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -40.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width((screen.width() * 0.6).min(720.0));
                egui::ScrollArea::vertical()
                    .max_height(screen.height() * 0.5)
                    .show(ui, |ui| messages_list_ui(ui, state, shown));
                ui.horizontal(|ui| {
                    if earlier > 0 {
                        let text = if expanded {
                            "Show fewer".to_owned()
                        } else {
                            format!("{earlier} earlier")
                        };
                        if ui.button(text).clicked() {
                            ui.ctx()
                                .data_mut(|data| data.insert_temp(expanded_key, !expanded));
                        }
                    }
                    if ui.button("Dismiss").clicked() {
                        ui.ctx()
                            .data_mut(|data| data.insert_temp(expanded_key, false));
                        state.send(Command::DismissMessages);
                    }
                });
            });
        });
}

fn messages_list_ui(ui: &mut egui::Ui, state: &mut AppState, shown: usize) {
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            let mut go_to = None;
            for message in state.messages().iter().rev().take(shown) {
                let color = match message.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                    Severity::Info => ui.visuals().text_color(),
                };
                ui.horizontal(|ui| {
                    let shown = ui.colored_label(color, &message.text);
                    if let Some(detail) = &message.detail {
                        shown.on_hover_text(detail);
                    }
                    go_to = go_to.or(go_to_buttons_ui(ui, &message.blocks));
                });
            }
            if let Some(block) = go_to {
                state.send(Command::GoToBlock(block));
            }
        });
    });
}
