//! SVG pictures as vector paths in the page's own content: usvg gives the drawing as
//! filled and stroked paths (text already turned into glyph outlines, in the bundled
//! fonts), and each becomes printpdf path operations. The preview draws the same usvg
//! tree with resvg, so both show one drawing; the PDF stays sharp at any zoom, and a map
//! costs a few kilobytes and no rasterising.
//!
//! What this plain translation cannot carry (gradients, patterns, transparency, clipping,
//! masks, filters, pictures inside the drawing) makes the whole picture go in drawn at
//! 300 dpi instead ([`super::pictures`]).

use printpdf::{
    Color, CurTransMat, Line, LineCapStyle, LineDashPattern, LineJoinStyle, LinePoint, Op,
    PaintMode, Point, Polygon, PolygonRing, Pt, Rgb, WindingOrder,
};
use resvg::tiny_skia::{PathSegment, Transform};
use resvg::usvg;

/// The drawing as operations in its own user space (y down, from its top-left), to be
/// placed by the caller; `None` when it uses something these operations cannot carry.
pub fn svg_ops(bytes: &[u8]) -> Option<(Vec<Op>, (f32, f32))> {
    let tree = crate::picture::svg_tree(bytes).ok()?;
    let mut ops = Vec::new();
    group(tree.root(), &mut ops)?;
    let size = tree.size();
    Some((ops, (size.width(), size.height())))
}

fn group(group: &usvg::Group, ops: &mut Vec<Op>) -> Option<()> {
    let plain = group.opacity().get() >= 1.0
        && group.clip_path().is_none()
        && group.mask().is_none()
        && group.filters().is_empty();
    if !plain {
        return None;
    }
    for node in group.children() {
        match node {
            usvg::Node::Group(child) => self::group(child, ops)?,
            usvg::Node::Path(path) => self::path(path, ops)?,
            usvg::Node::Text(text) => self::group(text.flattened(), ops)?,
            usvg::Node::Image(_) => return None,
        }
    }
    Some(())
}

fn path(path: &usvg::Path, ops: &mut Vec<Op>) -> Option<()> {
    if !path.is_visible() {
        return Some(());
    }
    let transform = path.abs_transform();
    let subpaths = subpaths(path.data(), transform);
    if subpaths.is_empty() {
        return Some(());
    }
    let fill = path
        .fill()
        .map(|fill| (fill, solid(fill.paint(), fill.opacity())));
    let stroke = path
        .stroke()
        .map(|stroke| (stroke, solid(stroke.paint(), stroke.opacity())));
    let fill_first = path.paint_order() == usvg::PaintOrder::FillAndStroke;
    let paint_fill = |ops: &mut Vec<Op>| -> Option<()> {
        if let Some((fill, color)) = &fill {
            let color = color.clone()?;
            ops.push(Op::SaveGraphicsState);
            ops.push(Op::SetFillColor { col: color });
            ops.push(Op::DrawPolygon {
                polygon: Polygon {
                    rings: subpaths
                        .iter()
                        .map(|(points, _)| PolygonRing {
                            points: points.clone(),
                        })
                        .collect(),
                    mode: PaintMode::Fill,
                    winding_order: match fill.rule() {
                        usvg::FillRule::EvenOdd => WindingOrder::EvenOdd,
                        usvg::FillRule::NonZero => WindingOrder::NonZero,
                    },
                },
            });
            ops.push(Op::RestoreGraphicsState);
        }
        Some(())
    };
    let paint_stroke = |ops: &mut Vec<Op>| -> Option<()> {
        if let Some((stroke, color)) = &stroke {
            let color = color.clone()?;
            // A stroke is as wide as the transform scales it (uniformly, in practice).
            let scale = (transform.sx * transform.sy - transform.kx * transform.ky)
                .abs()
                .sqrt();
            ops.push(Op::SaveGraphicsState);
            ops.push(Op::SetOutlineColor { col: color });
            ops.push(Op::SetOutlineThickness {
                pt: Pt(stroke.width().get() * scale),
            });
            ops.push(Op::SetLineCapStyle {
                cap: match stroke.linecap() {
                    usvg::LineCap::Butt => LineCapStyle::Butt,
                    usvg::LineCap::Round => LineCapStyle::Round,
                    usvg::LineCap::Square => LineCapStyle::ProjectingSquare,
                },
            });
            ops.push(Op::SetLineJoinStyle {
                join: match stroke.linejoin() {
                    usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => LineJoinStyle::Miter,
                    usvg::LineJoin::Round => LineJoinStyle::Round,
                    usvg::LineJoin::Bevel => LineJoinStyle::Bevel,
                },
            });
            if let Some(dashes) = stroke.dasharray() {
                let scaled: Vec<f32> = dashes.iter().map(|d| d * scale).collect();
                ops.push(Op::SetLineDashPattern {
                    dash: LineDashPattern::new(stroke.dashoffset() * scale, &scaled),
                });
            }
            for (points, closed) in &subpaths {
                ops.push(Op::DrawLine {
                    line: Line {
                        points: points.clone(),
                        is_closed: *closed,
                    },
                });
            }
            ops.push(Op::RestoreGraphicsState);
        }
        Some(())
    };
    if fill_first {
        paint_fill(ops)?;
        paint_stroke(ops)?;
    } else {
        paint_stroke(ops)?;
        paint_fill(ops)?;
    }
    Some(())
}

/// An opaque flat colour, or `None` for what needs the raster fallback.
fn solid(paint: &usvg::Paint, opacity: usvg::Opacity) -> Option<Color> {
    match paint {
        usvg::Paint::Color(color) if opacity.get() >= 1.0 => Some(Color::Rgb(Rgb {
            r: f32::from(color.red) / 255.0,
            g: f32::from(color.green) / 255.0,
            b: f32::from(color.blue) / 255.0,
            icc_profile: None,
        })),
        _ => None,
    }
}

/// The path's subpaths as points in user space (quadratic curves raised to cubic ones,
/// as PDF has only cubic), each with whether it was closed.
fn subpaths(data: &resvg::tiny_skia::Path, transform: Transform) -> Vec<(Vec<LinePoint>, bool)> {
    let point = |x: f32, y: f32, bezier: bool| {
        let mut p = resvg::tiny_skia::Point::from_xy(x, y);
        transform.map_point(&mut p);
        // A hundredth of a user unit is far below what prints (the map is 640 units
        // across 80 mm), and short numbers keep the content stream small.
        let round = |v: f32| (v * 100.0).round() / 100.0;
        LinePoint {
            p: Point {
                x: Pt(round(p.x)),
                y: Pt(round(p.y)),
            },
            bezier,
        }
    };
    let mut out: Vec<(Vec<LinePoint>, bool)> = Vec::new();
    let mut current: Vec<LinePoint> = Vec::new();
    let mut last = (0.0f32, 0.0f32);
    let mut start = (0.0f32, 0.0f32);
    for segment in data.segments() {
        match segment {
            PathSegment::MoveTo(p) => {
                if current.len() > 1 {
                    out.push((std::mem::take(&mut current), false));
                }
                current.clear();
                current.push(point(p.x, p.y, false));
                last = (p.x, p.y);
                start = last;
            }
            PathSegment::LineTo(p) => {
                current.push(point(p.x, p.y, false));
                last = (p.x, p.y);
            }
            PathSegment::QuadTo(c, p) => {
                let c1 = (
                    last.0 + (c.x - last.0) * 2.0 / 3.0,
                    last.1 + (c.y - last.1) * 2.0 / 3.0,
                );
                let c2 = (p.x + (c.x - p.x) * 2.0 / 3.0, p.y + (c.y - p.y) * 2.0 / 3.0);
                current.push(point(c1.0, c1.1, true));
                current.push(point(c2.0, c2.1, true));
                current.push(point(p.x, p.y, false));
                last = (p.x, p.y);
            }
            PathSegment::CubicTo(c1, c2, p) => {
                current.push(point(c1.x, c1.y, true));
                current.push(point(c2.x, c2.y, true));
                current.push(point(p.x, p.y, false));
                last = (p.x, p.y);
            }
            PathSegment::Close => {
                if current.len() > 1 {
                    out.push((std::mem::take(&mut current), true));
                }
                last = start;
            }
        }
    }
    if current.len() > 1 {
        out.push((current, false));
    }
    out
}

/// The matrix that puts a drawing of `size` user units into the rectangle at (`x`, `y`)
/// (PDF points, y up, its bottom-left corner) that is `width` × `height` points: SVG's y
/// axis runs down.
pub fn placement(size: (f32, f32), x: f32, y: f32, width: f32, height: f32) -> Op {
    let sx = width / size.0.max(1e-3);
    let sy = height / size.1.max(1e-3);
    Op::SetTransformationMatrix {
        matrix: CurTransMat::Raw([sx, 0.0, 0.0, -sy, x, y + height]),
    }
}
