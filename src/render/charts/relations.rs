//! The relations chart: one relation a row, the two actors in boxes and
//! a line between them that says how they relate.

use std::fmt::Write as _;

use super::legend::{legend_items, legend_row};
use super::num::Num;
use super::svg::{Desc, chart_open, sources_caption, text_lines};
use super::text::wrap;
use super::xml::{IdPart, Xml};
use crate::resolve::{RelationKind, RelationView, View};

/// The chart's width.
const W: f64 = 720.0;
/// The width of an actor's box.
const BOX_W: f64 = 190.0;
/// The height of a relation's row.
const ROW: f64 = 74.0;
/// Where the left actor's box ends and the right one's starts.
const LX: f64 = BOX_W;
const RX: f64 = W - BOX_W;

/// What the legend says of each line, in its order.
const LEGEND: &[&str] = &["aligns", "rejects"];

/// How a relation's line is drawn.
fn relation_style(r: &RelationView) -> &'static str {
    match r.kind {
        RelationKind::Aligns => "aligns",
        RelationKind::Rejects => "rejects",
    }
}

/// The relations chart of a view, or nothing when it has no relations.
pub(super) fn relations_svg(view: &View, id: &str) -> String {
    let relations = &view.relations;
    if relations.is_empty() {
        return String::new();
    }
    // About 1.5 KB of markup a relation, and 1 KB for the legend.
    let mut body = String::with_capacity(1536 * relations.len() + 1024);
    let mut used: Vec<&str> = Vec::new();
    let w = crate::i18n::words();
    let mut desc = Desc::new(
        &format!("{} ", w.get("chart-relations-desc")),
        192 * relations.len(),
    );
    for (i, r) in relations.iter().enumerate() {
        let style = relation_style(r);
        draw_relation(&mut body, &mut desc, id, r, style, 6.0 + i as f64 * ROW);
        used.push(style);
    }
    used.sort();
    used.dedup();
    let legend = legend_items(LEGEND, &used);
    let legend: Vec<(&str, &str)> = legend.iter().map(|(k, t)| (*k, t.as_str())).collect();
    let y = 6.0 + relations.len() as f64 * ROW + 4.0;
    let height = y + legend_row(&mut body, &legend, y, id);
    let desc = desc.end(".");
    let mut out = chart_open(
        id,
        "chart-relations",
        W,
        height,
        &w.get("relations"),
        &desc,
        &body,
    );
    out.push_str("</svg>\n<figcaption>");
    out.push_str(&Xml(&w.get("chart-relations-caption")).to_string());
    sources_caption(&mut out, relations.iter().flat_map(|r| &r.cites));
    out.push_str("</figcaption>\n</figure>");
    out
}

/// Draws one relation in the row starting at `y`.
fn draw_relation(
    body: &mut String,
    desc: &mut Desc,
    id: &str,
    r: &RelationView,
    style: &str,
    y: f64,
) {
    let cy = y + 26.0;
    relation_open(body, desc, id, r, style);
    for (x, name) in [(0.0, &r.from), (RX, &r.to)] {
        actor_box(body, x, cy, name);
    }
    let (a, b) = (LX + 6.0, RX - 6.0);
    match r.kind {
        RelationKind::Aligns => aligns_line(body, a, b, cy),
        RelationKind::Rejects => rejects_line(body, a, b, cy),
    }
    // The relation in words above the line, the position below.
    let label = wrap(&r.label, b - a - 8.0, 12.0, 1);
    text_lines(
        body,
        (a + b) / 2.0,
        cy - 9.0,
        14.0,
        &label,
        " text-anchor=\"middle\" font-weight=\"bold\" class=\"label\"",
    );
    let position = wrap(&r.link, b - a - 8.0, 11.0, 2);
    text_lines(
        body,
        (a + b) / 2.0,
        cy + 18.0,
        13.0,
        &position,
        " text-anchor=\"middle\" font-size=\"11\" class=\"position\"",
    );
    body.push_str("</g>\n");
}

/// Opens a relation's group with its title, which the description
/// repeats.
fn relation_open(body: &mut String, desc: &mut Desc, id: &str, r: &RelationView, style: &str) {
    let _ = write!(
        body,
        "<g class=\"relation {style}\" id=\"{id}-{}\"><title>",
        IdPart(&r.id)
    );
    let title = body.len();
    let _ = write!(
        body,
        "{} {} {}: {}",
        Xml(&r.from),
        Xml(&r.label),
        Xml(&r.to),
        Xml(&r.link)
    );
    if let Some(w) = &r.with_link {
        let _ = write!(body, " — with {}", Xml(w));
    }
    if let Some(f) = &r.framing {
        let _ = write!(body, " ({})", Xml(f));
    }
    desc.item(&body[title..]);
    body.push_str("</title>");
}

/// An actor's name in a rounded box, at `x`.
fn actor_box(body: &mut String, x: f64, cy: f64, name: &str) {
    let lines = wrap(name, BOX_W - 16.0, 12.0, 2);
    let _ = write!(
        body,
        "<rect class=\"actor\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"40\" rx=\"6\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/>",
        Num(x + 0.75),
        Num(cy - 20.0),
        Num(BOX_W - 1.5)
    );
    let first = if lines.len() > 1 { cy - 3.0 } else { cy + 4.0 };
    text_lines(
        body,
        x + BOX_W / 2.0,
        first,
        14.0,
        &lines,
        " text-anchor=\"middle\" font-weight=\"bold\"",
    );
}

/// Aligns with: a line with an arrowhead.
fn aligns_line(body: &mut String, a: f64, b: f64, cy: f64) {
    let _ = write!(
        body,
        "<path d=\"M{} {cy} L{} {cy}\" stroke=\"currentColor\" stroke-width=\"2\"/><path d=\"M{} {} L{} {cy} L{} {} Z\"/>",
        Num(a),
        Num(b - 10.0),
        Num(b - 10.0),
        Num(cy - 6.0),
        Num(b),
        Num(b - 10.0),
        Num(cy + 6.0),
        cy = Num(cy)
    );
}

/// Rejects: a dashed line ending in a bar.
fn rejects_line(body: &mut String, a: f64, b: f64, cy: f64) {
    let _ = write!(
        body,
        "<path d=\"M{} {cy} L{} {cy}\" stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><path d=\"M{b} {} L{b} {}\" stroke=\"currentColor\" stroke-width=\"3\"/>",
        Num(a),
        Num(b),
        Num(cy - 9.0),
        Num(cy + 9.0),
        cy = Num(cy),
        b = Num(b)
    );
}
