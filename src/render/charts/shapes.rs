//! Small marks drawn in more than one place: diamonds, arrows, crosses and
//! fading bands, and the attributes of a mark for an item's status.

use std::fmt::Write as _;

use super::num::Num;

/// A diamond of radius `r` at (`cx`, `cy`): a statement's mark.
pub(super) fn diamond(out: &mut String, cx: f64, cy: f64, r: f64, style: &str) {
    let _ = write!(
        out,
        "<path d=\"M{} {} L{} {} L{} {} L{} {} Z\"{}/>",
        Num(cx),
        Num(cy - r),
        Num(cx + r),
        Num(cy),
        Num(cx),
        Num(cy + r),
        Num(cx - r),
        Num(cy),
        mark_style(style)
    );
}

/// The attributes of a mark for an item's status.
pub(super) fn mark_style(style: &str) -> &'static str {
    match style {
        "planned" => {
            " fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\""
        }
        "off" => " fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"",
        _ => "",
    }
}

/// A fading band from `a` to `b`, solid towards the mark.
pub(super) fn fuzzy(out: &mut String, id: &str, a: f64, b: f64, cy: f64, h: f64, side: &str) {
    if b - a < 0.5 {
        return;
    }
    let gradient = if side == "left" {
        "fade-left"
    } else {
        "fade-right"
    };
    let _ = write!(
        out,
        "<rect class=\"fuzzy\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{id}-{gradient})\"/>",
        Num(a),
        Num(cy - h / 2.0),
        Num(b - a),
        Num(h)
    );
}

/// An arrowhead at `x` pointing left (`dir` -1) or right (1): an open
/// end.
pub(super) fn arrow(out: &mut String, x: f64, cy: f64, dir: f64) {
    let _ = write!(
        out,
        "<path d=\"M{} {} L{} {} L{} {} Z\"/>",
        Num(x),
        Num(cy - 8.0),
        Num(x + 9.0 * dir),
        Num(cy),
        Num(x),
        Num(cy + 8.0)
    );
}

/// A cross over a mark: postponed or cancelled.
pub(super) fn cross(out: &mut String, x: f64, cy: f64) {
    let _ = write!(
        out,
        "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"/>",
        Num(x - 8.0),
        Num(cy - 8.0),
        Num(x + 8.0),
        Num(cy + 8.0),
        Num(x + 8.0),
        Num(cy - 8.0),
        Num(x - 8.0),
        Num(cy + 8.0)
    );
}
