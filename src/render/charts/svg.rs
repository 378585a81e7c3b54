//! The frame every SVG chart shares: the `<figure>` and `<svg>` openings,
//! the definitions, the description, lines of text and the sources of the
//! caption.

use std::fmt::Write as _;

use super::num::Num;
use super::xml::Xml;
use crate::format::Cite;

/// `<text>` with one `<tspan>` per line.
pub(super) fn text_lines(
    out: &mut String,
    x: f64,
    y: f64,
    line_height: f64,
    lines: &[String],
    attrs: &str,
) {
    let _ = write!(out, "<text x=\"{}\" y=\"{}\"{attrs}>", Num(x), Num(y));
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            let _ = write!(out, "<tspan>{}</tspan>", Xml(l));
        } else {
            let _ = write!(
                out,
                "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                Num(x),
                Num(line_height),
                Xml(l)
            );
        }
    }
    out.push_str("</text>");
}

/// Opens an `<svg>` with its title and description; `desc` is already
/// escaped. The svg's id is the chart's `id` with `-svg`.
fn svg_open(out: &mut String, id: &str, width: f64, height: f64, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-svg-title {id}-svg-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\" font-size=\"12\" fill=\"currentColor\">\n<title id=\"{id}-svg-title\">{title}</title>\n<desc id=\"{id}-svg-desc\">{desc}</desc>\n",
        w = Num(width),
        h = Num(height),
        title = Xml(title),
    );
}

/// The shared definitions: a hatch pattern and fades, ids under `id`.
fn defs(out: &mut String, id: &str) {
    let _ = write!(
        out,
        "<defs>\n<pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"currentColor\" fill-opacity=\"0.12\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"currentColor\" stroke-width=\"2.5\"/></pattern>\n\
         <linearGradient id=\"{id}-fade-right\"><stop offset=\"0\" stop-color=\"currentColor\" stop-opacity=\"0.7\"/><stop offset=\"1\" stop-color=\"currentColor\" stop-opacity=\"0\"/></linearGradient>\n\
         <linearGradient id=\"{id}-fade-left\"><stop offset=\"0\" stop-color=\"currentColor\" stop-opacity=\"0\"/><stop offset=\"1\" stop-color=\"currentColor\" stop-opacity=\"0.7\"/></linearGradient>\n\
         </defs>\n"
    );
}

/// A chart's description, escaped as it is built: `intro`, the items
/// joined with `; `, then `outro`. An item's text is the markup just
/// written for it (its `<title>`), so each is escaped once.
pub(super) struct Desc {
    xml: String,
    items: usize,
}

impl Desc {
    /// A description that starts with `intro`, with room for about
    /// `capacity` bytes of items.
    pub(super) fn new(intro: &str, capacity: usize) -> Self {
        let mut xml = String::with_capacity(intro.len() + capacity);
        xml.push_str(intro);
        Desc { xml, items: 0 }
    }

    /// Adds an item, already escaped.
    pub(super) fn item(&mut self, xml: &str) {
        if self.items > 0 {
            self.xml.push_str("; ");
        }
        self.xml.push_str(xml);
        self.items += 1;
    }

    /// The description, ended with `outro`.
    pub(super) fn end(mut self, outro: &str) -> String {
        self.xml.push_str(outro);
        self.xml
    }
}

/// The start of a chart's `<figure>` and `<svg>`, with room for `body`:
/// what is left is the caption.
pub(super) fn chart_open(
    id: &str,
    class: &str,
    width: f64,
    height: f64,
    title: &str,
    desc: &str,
    body: &str,
) -> String {
    // The opening markup and the definitions take about 1.4 KB, the
    // caption up to about 1 KB.
    let mut out = String::with_capacity(body.len() + desc.len() + 2560);
    let _ = writeln!(out, "<figure class=\"chart {class}\" id=\"{id}\">");
    svg_open(&mut out, id, width, height, title, desc);
    defs(&mut out, id);
    out.push_str(body);
    out
}

/// A caption's sources: `Source: News article [1]`, with links in HTML.
pub(super) fn sources_caption<'a>(out: &mut String, cites: impl IntoIterator<Item = &'a Cite>) {
    let mut cites: Vec<&Cite> = cites.into_iter().collect();
    cites.sort_by_key(|c| c.n);
    cites.dedup_by_key(|c| c.n);
    if cites.is_empty() {
        return;
    }
    let label = crate::i18n::words().msg("chart-sources", &[("count", cites.len().into())]);
    let _ = write!(out, " {} ", Xml(&label));
    for (i, c) in cites.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        let _ = write!(
            out,
            "{}<sup class=\"cite\"><a href=\"#source-{n}\">{n}</a></sup>",
            Xml(&c.name),
            n = c.n
        );
    }
    out.push('.');
}
