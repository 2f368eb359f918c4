//! A readable text dump of a layout, for golden tests and debugging.

use std::fmt::Write;

use super::{Item, Laid};

/// One line per item: kind, position (pt, top-left origin, one decimal) and content.
pub fn dump(laid: &Laid) -> String {
    let mut out = String::new();
    for (index, page) in laid.pages.iter().enumerate() {
        let _ = writeln!(
            out,
            "page {} ({:.1} x {:.1})",
            index + 1,
            page.size.width.0,
            page.size.height.0
        );
        for positioned in &page.items {
            let (x, y) = (positioned.at.x.0, positioned.at.y.0);
            let _ = match &positioned.item {
                Item::Text(run) => {
                    let text: String = run.glyphs.iter().map(|g| run.glyph_text(g)).collect();
                    writeln!(
                        out,
                        "  text {x:.1},{y:.1} {} {:.1}pt {text:?}",
                        run.face.face().name,
                        run.size.0
                    )
                }
                Item::Rule { to, thickness, .. } => {
                    writeln!(
                        out,
                        "  rule {x:.1},{y:.1} +{:.1},{:.1} {:.1}pt",
                        to.x.0, to.y.0, thickness.0
                    )
                }
                Item::Rect { size, fill, stroke } => writeln!(
                    out,
                    "  rect {x:.1},{y:.1} {:.1}x{:.1}{}{}",
                    size.width.0,
                    size.height.0,
                    if fill.is_some() { " filled" } else { "" },
                    if stroke.is_some() { " stroked" } else { "" }
                ),
                Item::Link { size, url } => writeln!(
                    out,
                    "  link {x:.1},{y:.1} {:.1}x{:.1} {url}",
                    size.width.0, size.height.0
                ),
                Item::Image { size, picture, .. } => writeln!(
                    out,
                    "  image {x:.1},{y:.1} {:.1}x{:.1} {} {}x{}px",
                    size.width.0,
                    size.height.0,
                    picture.format.name(),
                    picture.width_px,
                    picture.height_px
                ),
            };
        }
    }
    for entry in &laid.outline {
        let _ = writeln!(
            out,
            "outline {:?} page {} y {:.1}",
            entry.title,
            entry.page + 1,
            entry.y.0
        );
    }
    for diagnostic in &laid.diagnostics {
        let _ = writeln!(out, "{diagnostic}");
    }
    out
}
