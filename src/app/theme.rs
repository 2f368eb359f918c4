//! The window's light and dark themes, adjusted so that they meet WCAG 2.2 AA: text at
//! least 4.5:1 against its background, and the boundaries of text fields, checkboxes and
//! buttons at least 3:1 against the panel (SC 1.4.11). egui's own light theme draws text
//! fields with no border, white on a near-white panel, so an empty field all but vanished.

use egui::{Color32, Stroke, Visuals};

/// egui's light visuals with borders and weak text dark enough to read.
pub fn light() -> Visuals {
    let mut visuals = Visuals::light();
    let border = Stroke::new(1.0, Color32::from_gray(118));
    visuals.widgets.inactive.bg_stroke = border;
    visuals.widgets.hovered.bg_stroke = Stroke::new(1.0, Color32::from_gray(60));
    visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(40);
    visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(30);
    visuals.weak_text_color = Some(Color32::from_gray(96));
    // egui's orange and red are too light to read on the light panel.
    visuals.warn_fg_color = Color32::from_rgb(160, 82, 0);
    visuals.error_fg_color = Color32::from_rgb(180, 0, 0);
    // The blue the PDF prints links in.
    visuals.hyperlink_color = Color32::from_rgb(0x0b, 0x4f, 0x9c);
    visuals
}

/// egui's dark visuals with field borders that stand out from the panel.
pub fn dark() -> Visuals {
    let mut visuals = Visuals::dark();
    visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(130));
    visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(200);
    visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(220);
    visuals.weak_text_color = Some(Color32::from_gray(150));
    visuals.error_fg_color = Color32::from_rgb(255, 110, 110);
    visuals
}

/// Installs both themes; the theme setting picks between them.
pub fn install(ctx: &egui::Context) {
    ctx.set_visuals_of(egui::Theme::Light, light());
    ctx.set_visuals_of(egui::Theme::Dark, dark());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG's relative luminance of an sRGB colour.
    fn luminance(color: Color32) -> f64 {
        let channel = |value: u8| {
            let c = f64::from(value) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
    }

    /// WCAG's contrast ratio of two opaque colours, from 1 to 21.
    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn the_contrast_formula_matches_wcags_examples() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::from_gray(118), Color32::WHITE) - 4.54).abs() < 0.05);
    }

    #[test]
    fn both_themes_meet_wcag_aa() {
        for (name, visuals) in [("light", light()), ("dark", dark())] {
            let panel = visuals.panel_fill;
            let field = visuals.text_edit_bg_color();
            let widgets = &visuals.widgets;
            let text = [
                ("text", widgets.noninteractive.fg_stroke.color, panel),
                ("weak text", visuals.weak_text_color(), panel),
                ("text in a field", visuals.text_color(), field),
                (
                    "button text",
                    widgets.inactive.fg_stroke.color,
                    widgets.inactive.weak_bg_fill,
                ),
                ("warning", visuals.warn_fg_color, panel),
                ("error", visuals.error_fg_color, panel),
                ("link", visuals.hyperlink_color, panel),
            ];
            for (what, color, background) in text {
                let ratio = contrast(color, background);
                assert!(ratio >= 4.5, "{name}: {what} is {ratio:.2}:1, under 4.5:1");
            }
            let boundary = widgets.inactive.bg_stroke;
            assert!(boundary.width >= 1.0, "{name}: fields have a border");
            for (what, background) in [("panel", panel), ("field", field)] {
                let ratio = contrast(boundary.color, background);
                assert!(
                    ratio >= 3.0,
                    "{name}: a field's border against the {what} is {ratio:.2}:1, under 3:1"
                );
            }
        }
    }
}
