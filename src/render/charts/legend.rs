//! The legend under each chart: a sample of each mark used and what it
//! means, in rows.

use std::fmt::{self, Write as _};

use super::num::Num;
use super::shapes::diamond;
use super::text::text_width;
use super::xml::Xml;

/// A legend: sample marks and their meaning, in rows, from `y` down.
/// Returns its height.
pub(super) fn legend_row(out: &mut String, items: &[(&str, &str)], y: f64, id: &str) -> f64 {
    out.push_str("<g class=\"legend\" font-size=\"11\">");
    let (mut x, mut row) = (0.0, 0.0);
    for (kind, label) in items {
        let w = 28.0 + text_width(label, 11.0) + 18.0;
        if x > 0.0 && x + w > 720.0 {
            x = 0.0;
            row += 18.0;
        }
        let top = y + row;
        let _ = sample(out, kind, x, top, id);
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            Num(x + 26.0),
            Num(top + 9.0),
            Xml(label)
        );
        x += w;
    }
    out.push_str("</g>\n");
    row + 22.0
}

/// The sample mark of `kind`, in a box 20 wide and 10 high at `x`, `top`.
fn sample(out: &mut String, kind: &str, x: f64, top: f64, id: &str) -> fmt::Result {
    match kind {
        "solid" | "range" | "bound" => share_sample(out, kind, x, top, id),
        "held" | "planned" | "off" | "statement" => event_sample(out, kind, x, top),
        "span" | "fuzzy" | "inferred" | "break" => time_sample(out, kind, x, top, id),
        "aligns" | "rejects" => relation_sample(out, kind, x, top),
        _ => Ok(()),
    }
}

/// The marks of the territorial control chart.
fn share_sample(out: &mut String, kind: &str, x: f64, top: f64, id: &str) -> fmt::Result {
    match kind {
        "solid" => write!(
            out,
            "<rect class=\"share\" x=\"{}\" y=\"{}\" width=\"20\" height=\"10\"/>",
            Num(x),
            Num(top)
        ),
        "range" => write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"20\" height=\"10\" fill=\"url(#{id}-hatch)\" stroke=\"currentColor\" stroke-dasharray=\"2 2\"/>",
            Num(x),
            Num(top)
        ),
        "bound" => write!(
            out,
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/><path d=\"M{x} {} L{} {} L{x} {} Z\"/>",
            Num(top - 2.0),
            Num(top + 12.0),
            Num(top - 2.0),
            Num(x + 10.0 - 7.0),
            Num(top + 2.0),
            Num(top + 6.0),
            x = Num(x + 10.0)
        ),
        _ => Ok(()),
    }
}

/// The marks of a chronology item's status and kind.
fn event_sample(out: &mut String, kind: &str, x: f64, top: f64) -> fmt::Result {
    match kind {
        "held" => write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"5\"/>",
            Num(x + 10.0),
            Num(top + 5.0)
        ),
        "planned" => write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>",
            Num(x + 10.0),
            Num(top + 5.0)
        ),
        "off" => write!(
            out,
            "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/><path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"/>",
            Num(x + 5.0),
            Num(top),
            Num(x + 15.0),
            Num(top + 10.0),
            Num(x + 15.0),
            Num(top),
            Num(x + 5.0),
            Num(top + 10.0),
            cx = Num(x + 10.0),
            cy = Num(top + 5.0)
        ),
        "statement" => {
            diamond(out, x + 10.0, top + 5.0, 6.0, "solid");
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The marks of how well a date is known, and the axis break.
fn time_sample(out: &mut String, kind: &str, x: f64, top: f64, id: &str) -> fmt::Result {
    match kind {
        "span" => write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"20\" height=\"10\"/>",
            Num(x),
            Num(top)
        ),
        "fuzzy" => write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"20\" height=\"10\" fill=\"url(#{id}-fade-right)\"/>",
            Num(x),
            Num(top)
        ),
        "inferred" => write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"4\"/><circle cx=\"{}\" cy=\"{}\" r=\"8\" fill=\"none\" stroke=\"currentColor\" stroke-dasharray=\"1 2\"/>",
            Num(x + 10.0),
            Num(top + 5.0),
            Num(x + 10.0),
            Num(top + 5.0)
        ),
        "break" => write!(
            out,
            "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"/>",
            Num(x + 4.0),
            Num(top + 11.0),
            Num(x + 10.0),
            Num(top - 1.0),
            Num(x + 10.0),
            Num(top + 11.0),
            Num(x + 16.0),
            Num(top - 1.0)
        ),
        _ => Ok(()),
    }
}

/// The lines of the relations chart.
fn relation_sample(out: &mut String, kind: &str, x: f64, top: f64) -> fmt::Result {
    match kind {
        "aligns" => write!(
            out,
            "<path d=\"M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"2\"/><path d=\"M{} {} L{} {} L{} {} Z\"/>",
            Num(x),
            Num(top + 5.0),
            Num(x + 14.0),
            Num(top + 5.0),
            Num(x + 14.0),
            Num(top + 1.0),
            Num(x + 20.0),
            Num(top + 5.0),
            Num(x + 14.0),
            Num(top + 9.0)
        ),
        "rejects" => write!(
            out,
            "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>",
            Num(x),
            Num(top + 5.0),
            Num(x + 18.0),
            Num(top + 5.0),
            Num(x + 19.0),
            Num(top - 1.0),
            Num(x + 19.0),
            Num(top + 11.0)
        ),
        _ => Ok(()),
    }
}
