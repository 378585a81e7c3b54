//! Pictures of a briefing: inline SVG for HTML pages, Mermaid diagrams for
//! Markdown. Drawn in Rust from the [`View`], never from the raw model, so
//! they show exactly what the tables show.
//!
//! Faithfulness rules, the same as the text's:
//! - a qualified figure is drawn as a bound or a range, never as an exact
//!   bar, and its label prints the qualifier (`nearly 20%`);
//! - a date known only to the month or year is drawn as a span, an
//!   approximate one with faded ends, an undated item after what it
//!   follows as an open, fading span; an inferred part is marked;
//! - held and planned events differ in shape and line, and in words, not
//!   in colour alone.
//!
//! Every piece of user text is XML-escaped (SVG) or turned into Mermaid
//! entity codes; ids are derived from the brief's and items' ids, so the
//! output is deterministic. Each SVG has a `<title>` and a `<desc>`, and
//! the page keeps the tables beside it.

use std::fmt::Write as _;

use serde::Serialize;

use crate::date::{Bound, Edtf};
use crate::resolve::{ChronoView, Cite, DateView, FigureView, RelationView, View};

/// Which diagrams a rendering has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Diagrams {
    /// No diagrams.
    Off,
    /// Inline SVG charts (HTML only; the default for HTML).
    Svg,
    /// Mermaid code blocks (Markdown only).
    Mermaid,
}

impl Diagrams {
    /// `none`, `svg` or `mermaid`.
    pub fn as_str(self) -> &'static str {
        match self {
            Diagrams::Off => "none",
            Diagrams::Svg => "svg",
            Diagrams::Mermaid => "mermaid",
        }
    }
}

/// The charts templates receive as `charts`: markup to print as it is
/// (already escaped), or empty when there is nothing to draw.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ChartsView {
    /// Territorial control: one bar per figure in percent (HTML only).
    pub territory: String,
    /// The chronology on a time axis.
    pub chronology: String,
    /// Who aligns with, rejects or meets whom.
    pub relations: String,
}

/// The SVG charts of a view, each a `<figure>` holding an `<svg>` and a
/// `<figcaption>`.
pub fn svg_charts(view: &View) -> ChartsView {
    let prefix = format!("brief-{}", id_part(&view.brief.id));
    ChartsView {
        territory: territory_svg(view, &format!("{prefix}-territory-chart")),
        chronology: chronology_svg(view, &format!("{prefix}-chronology-chart")),
        relations: relations_svg(view, &format!("{prefix}-relations-chart")),
    }
}

/// The Mermaid diagrams of a view, each a fenced ```` ```mermaid ````
/// block. Territorial control has none: its table is the picture.
pub fn mermaid_charts(view: &View) -> ChartsView {
    ChartsView {
        territory: String::new(),
        chronology: chronology_mermaid(view),
        relations: relations_mermaid(view),
    }
}

// ---------------------------------------------------------------------------
// Text helpers

/// Escapes text for XML (element text and quoted attributes). Characters
/// XML 1.0 does not allow become U+FFFD; line breaks become spaces.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if (c as u32) < 0x20
                || matches!(c, '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}') =>
            {
                out.push('\u{fffd}')
            }
            c => out.push(c),
        }
    }
    out
}

/// An id-safe form of a user id: ASCII letters, digits, `-` and `_` kept,
/// anything else `_`.
fn id_part(s: &str) -> String {
    let out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out.is_empty() { "_".into() } else { out }
}

/// A coordinate, with at most one decimal.
fn n(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Roughly how wide `s` is at `size` px, for wrapping: an estimate that
/// errs on the wide side, so text stays inside its box.
fn text_width(s: &str, size: f64) -> f64 {
    s.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | ';' | ':' | '\'' | '!' | '|' | ' ' => {
                0.38
            }
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.95,
            c if c.is_ascii_uppercase() => 0.76,
            c if c.is_ascii() => 0.63,
            c if (c as u32) >= 0x1100 => 1.05,
            _ => 0.68,
        })
        .sum::<f64>()
        * size
}

/// Breaks `s` into at most `max_lines` lines of at most `width` px; the
/// last line ends with `…` when text was left out.
fn wrap(s: &str, width: f64, size: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut words = s.split_whitespace().peekable();
    let mut cut = false;
    while let Some(word) = words.next() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate, size) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if lines.len() == max_lines {
            cut = true;
            break;
        }
        // A word wider than the line is broken where it must be.
        let mut rest = word.to_string();
        while text_width(&rest, size) > width {
            let mut head = String::new();
            for c in rest.chars() {
                if text_width(&format!("{head}{c}"), size) > width && !head.is_empty() {
                    break;
                }
                head.push(c);
            }
            rest = rest[head.len()..].to_string();
            lines.push(head);
            if lines.len() == max_lines {
                cut = !rest.is_empty() || words.peek().is_some();
                break;
            }
        }
        if lines.len() == max_lines {
            if !rest.is_empty() {
                cut = true;
            }
            break;
        }
        line = rest;
    }
    if !line.is_empty() {
        if lines.len() < max_lines {
            lines.push(line);
        } else {
            cut = true;
        }
    }
    if cut && let Some(last) = lines.last_mut() {
        while !last.is_empty() && text_width(&format!("{last}…"), size) > width {
            last.pop();
        }
        let trimmed = last.trim_end().to_string();
        *last = format!("{trimmed}…");
    }
    lines
}

/// `<text>` with one `<tspan>` per line.
fn text_lines(out: &mut String, x: f64, y: f64, line_height: f64, lines: &[String], attrs: &str) {
    let _ = write!(out, "<text x=\"{}\" y=\"{}\"{attrs}>", n(x), n(y));
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            let _ = write!(out, "<tspan>{}</tspan>", xml_escape(l));
        } else {
            let _ = write!(
                out,
                "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                n(x),
                n(line_height),
                xml_escape(l)
            );
        }
    }
    out.push_str("</text>");
}

/// Opens an `<svg>` with its title and description.
fn svg_open(
    out: &mut String,
    id: &str,
    class: &str,
    width: f64,
    height: f64,
    title: &str,
    desc: &str,
) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{class}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\" font-size=\"12\" fill=\"currentColor\">\n<title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n",
        w = n(width),
        h = n(height),
        title = xml_escape(title),
        desc = xml_escape(desc),
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

/// A caption's sources: `Source: News article [1]`, with links in HTML.
fn sources_caption(cites: &[Cite]) -> String {
    let mut cites: Vec<&Cite> = cites.iter().collect();
    cites.sort_by_key(|c| c.n);
    cites.dedup_by_key(|c| c.n);
    if cites.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = cites
        .iter()
        .map(|c| {
            format!(
                "{}<sup class=\"cite\"><a href=\"#source-{}\">{}</a></sup>",
                xml_escape(&c.name),
                c.n,
                c.n
            )
        })
        .collect();
    let label = if cites.len() == 1 {
        "Source"
    } else {
        "Sources"
    };
    format!(" {label}: {}.", parts.join("; "))
}

fn figure_open(id: &str, class: &str) -> String {
    format!("<figure class=\"chart {class}\" id=\"{id}\">\n")
}

// ---------------------------------------------------------------------------
// Territorial control

/// Where a figure's value lies, as drawn.
struct Share {
    /// Up to where the bar is solid.
    solid: f64,
    /// The hatched stretch the qualifier allows, if any.
    range: Option<(f64, f64)>,
    /// The bound's position and which way the value lies from it
    /// (`-1` below, `1` above, `0` around or exact), and whether the bound
    /// itself is included.
    bound: f64,
    side: i8,
    inclusive: bool,
}

fn share(f: &FigureView, v: f64) -> Share {
    let fuzz = (v.abs() * 0.1).clamp(1.0, 5.0);
    let c = |x: f64| x.clamp(0.0, 100.0);
    match f.bound {
        "below" => Share {
            solid: c(v - fuzz),
            range: Some((c(v - fuzz), c(v))),
            bound: c(v),
            side: -1,
            inclusive: false,
        },
        "at most" => Share {
            solid: c(v - fuzz),
            range: Some((c(v - fuzz), c(v))),
            bound: c(v),
            side: -1,
            inclusive: true,
        },
        "above" => Share {
            solid: c(v),
            range: Some((c(v), c(v + fuzz))),
            bound: c(v),
            side: 1,
            inclusive: false,
        },
        "at least" => Share {
            solid: c(v),
            range: Some((c(v), c(v + fuzz))),
            bound: c(v),
            side: 1,
            inclusive: true,
        },
        "around" => Share {
            solid: c(v - fuzz),
            range: Some((c(v - fuzz), c(v + fuzz))),
            bound: c(v),
            side: 0,
            inclusive: true,
        },
        _ => Share {
            solid: c(v),
            range: None,
            bound: c(v),
            side: 0,
            inclusive: true,
        },
    }
}

fn is_percent(f: &FigureView) -> bool {
    matches!(f.unit.as_str(), "percent" | "%")
}

/// One bar: its label and figure.
struct Bar<'a> {
    figure: &'a FigureView,
    /// The area's index, for a figure that applies to each area.
    part: Option<usize>,
    label: String,
    value: f64,
}

fn territory_label(f: &FigureView, area: Option<&str>, with_as_of: bool) -> String {
    let mut label = match area {
        Some(a) => format!("{a} ({})", f.applies_to_text),
        None if f.applies_to_text.is_empty() => f.areas_text.clone(),
        None => format!("{} ({})", f.areas_text, f.applies_to_text),
    };
    if !f.includes.is_empty() {
        label.push_str(&format!(", including {}", join_and(&f.includes)));
    }
    match (&f.controller, f.status) {
        (Some(c), Some(s)) => label.push_str(&format!(" — {s} by {c}")),
        (Some(c), None) => label.push_str(&format!(" — {c}")),
        (None, Some(s)) => label.push_str(&format!(" — {s}")),
        (None, None) => {}
    }
    if with_as_of {
        let as_of = f
            .as_of
            .as_ref()
            .map_or("date not given", |d| d.text.as_str());
        label.push_str(&format!(" (as of {as_of})"));
    }
    label
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn territory_svg(view: &View, id: &str) -> String {
    let figures: Vec<&FigureView> = view
        .figures
        .territory
        .iter()
        .filter(|f| is_percent(f))
        .filter(|f| f.value.parse::<f64>().is_ok_and(f64::is_finite))
        .collect();
    if figures.is_empty() {
        return String::new();
    }
    let as_of: Vec<String> = {
        let mut all: Vec<String> = figures
            .iter()
            .map(|f| {
                f.as_of
                    .as_ref()
                    .map_or_else(|| "date not given".to_string(), |d| d.text.clone())
            })
            .collect();
        all.dedup();
        all
    };
    let one_as_of = as_of.len() == 1;
    let mut bars = Vec::new();
    for f in &figures {
        let value: f64 = f.value.parse().unwrap_or(0.0);
        if f.applies_to == Some("each") {
            for (k, a) in f.areas.iter().enumerate() {
                bars.push(Bar {
                    figure: f,
                    part: Some(k),
                    label: territory_label(f, Some(a), !one_as_of),
                    value,
                });
            }
        } else {
            bars.push(Bar {
                figure: f,
                part: None,
                label: territory_label(f, None, !one_as_of),
                value,
            });
        }
    }

    const W: f64 = 720.0;
    const TRACK: f64 = 520.0;
    const BAR_H: f64 = 16.0;
    let scale = TRACK / 100.0;
    let mut body = String::new();
    let mut y = 8.0;
    let mut desc = Vec::new();
    let (mut used_range, mut used_bound) = (false, false);
    for bar in &bars {
        let f = bar.figure;
        let lines = wrap(&bar.label, W, 13.0, 3);
        let _ = write!(
            body,
            "<g class=\"bar bound-{}\" id=\"{id}-{}{}\">",
            f.bound.replace(' ', "-"),
            id_part(&f.id),
            bar.part.map(|k| format!("-{k}")).unwrap_or_default()
        );
        let _ = write!(
            body,
            "<title>{}: {}</title>",
            xml_escape(&bar.label),
            xml_escape(&f.display)
        );
        text_lines(&mut body, 0.0, y + 12.0, 15.0, &lines, " font-size=\"13\"");
        let top = y + 6.0 + 15.0 * lines.len() as f64;
        let s = share(f, bar.value);
        // The whole: an outlined track with quarter lines.
        let _ = write!(
            body,
            "<rect class=\"track\" x=\"0.5\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>",
            n(top),
            n(TRACK),
            n(BAR_H)
        );
        for q in [25.0, 50.0, 75.0] {
            let _ = write!(
                body,
                "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\" stroke-opacity=\"0.2\"/>",
                n(top),
                n(top + BAR_H),
                x = n(q * scale)
            );
        }
        if s.solid > 0.0 {
            let _ = write!(
                body,
                "<rect class=\"share\" x=\"0.5\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                n(top),
                n(s.solid * scale),
                n(BAR_H)
            );
        }
        if let Some((a, b)) = s.range
            && b > a
        {
            used_range = true;
            let _ = write!(
                body,
                "<rect class=\"range\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{id}-hatch)\" stroke=\"currentColor\" stroke-dasharray=\"2 2\"/>",
                n(a * scale + 0.5),
                n(top),
                n((b - a) * scale),
                n(BAR_H)
            );
        }
        let bx = s.bound * scale + 0.5;
        if s.range.is_some() {
            used_bound = true;
            let dash = if s.inclusive {
                ""
            } else {
                " stroke-dasharray=\"3 2\""
            };
            let _ = write!(
                body,
                "<line class=\"bound\" x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\" stroke-width=\"2\"{dash}/>",
                n(top - 5.0),
                n(top + BAR_H + 5.0),
                x = n(bx)
            );
            // A chevron on the side where the value lies.
            let tip = match s.side {
                -1 => Some(-7.0),
                1 => Some(7.0),
                _ => None,
            };
            if let Some(dx) = tip {
                let _ = write!(
                    body,
                    "<path d=\"M{} {} L{} {} L{} {} Z\"/>",
                    n(bx),
                    n(top - 9.0),
                    n(bx + dx),
                    n(top - 5.0),
                    n(bx),
                    n(top - 1.0)
                );
            } else {
                // Around: whisker caps at both ends of the range.
                if let Some((a, b)) = s.range {
                    for x in [a, b] {
                        let _ = write!(
                            body,
                            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\"/>",
                            n(top - 3.0),
                            n(top + BAR_H + 3.0),
                            x = n(x * scale + 0.5)
                        );
                    }
                }
            }
        } else {
            let _ = write!(
                body,
                "<line class=\"bound exact\" x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\" stroke-width=\"2\"/>",
                n(top - 2.0),
                n(top + BAR_H + 2.0),
                x = n(bx)
            );
        }
        let _ = write!(
            body,
            "<text class=\"value\" x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\">{}</text>",
            n(TRACK + 12.0),
            n(top + 13.0),
            xml_escape(&f.display)
        );
        body.push_str("</g>\n");
        desc.push(format!("{}: {}", bar.label, f.display));
        y = top + BAR_H + 16.0;
    }
    // The scale, and a legend for what the marks mean.
    let _ = write!(
        body,
        "<g class=\"axis\" font-size=\"11\"><text x=\"0\" y=\"{y}\">0%</text><text x=\"{}\" y=\"{y}\" text-anchor=\"end\">100%</text></g>",
        n(TRACK),
        y = n(y)
    );
    body.push('\n');
    y += 10.0;
    let mut legend: Vec<(&str, &str)> = vec![("solid", "solid: the share")];
    if used_range {
        legend.push(("range", "hatched: left open by the qualifier"));
    }
    if used_bound {
        legend.push((
            "bound",
            "dashed line and arrow: a bound the value is below or above",
        ));
    }
    let (legend_svg, legend_h) = legend_row(&legend, y, id);
    body.push_str(&legend_svg);
    y += legend_h;

    let title = "Territorial control";
    let desc_text = format!(
        "Bar chart of the share of each area under the controller, on a scale of 0 to 100 percent. {}. Qualified figures are drawn as bounds or ranges, not exact values.",
        desc.join("; ")
    );
    let mut out = figure_open(id, "chart-territory");
    svg_open(
        &mut out,
        &format!("{id}-svg"),
        "chart-svg",
        W,
        y,
        title,
        &desc_text,
    );
    defs(&mut out, id);
    out.push_str(&body);
    out.push_str("</svg>\n<figcaption>");
    out.push_str("Territorial control: each bar is the controller's share of the area.");
    if one_as_of {
        let _ = write!(out, " As of: {}.", xml_escape(&as_of[0]));
    }
    let cites: Vec<Cite> = figures.iter().flat_map(|f| f.cites.clone()).collect();
    out.push_str(&sources_caption(&cites));
    let other = view.figures.territory.len() - figures.len();
    if other > 0 {
        out.push_str(" Figures not in percent are in the table only.");
    }
    out.push_str("</figcaption>\n</figure>");
    out
}

/// A legend: sample marks and their meaning, in rows.
fn legend_row(items: &[(&str, &str)], y: f64, id: &str) -> (String, f64) {
    let mut out = String::from("<g class=\"legend\" font-size=\"11\">");
    let (mut x, mut row) = (0.0, 0.0);
    for (kind, label) in items {
        let w = 28.0 + text_width(label, 11.0) + 18.0;
        if x > 0.0 && x + w > 720.0 {
            x = 0.0;
            row += 18.0;
        }
        let top = y + row;
        let sample = match *kind {
            "solid" => format!(
                "<rect class=\"share\" x=\"{}\" y=\"{}\" width=\"20\" height=\"10\"/>",
                n(x),
                n(top)
            ),
            "range" => format!(
                "<rect x=\"{}\" y=\"{}\" width=\"20\" height=\"10\" fill=\"url(#{id}-hatch)\" stroke=\"currentColor\" stroke-dasharray=\"2 2\"/>",
                n(x),
                n(top)
            ),
            "bound" => format!(
                "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/><path d=\"M{x} {} L{} {} L{x} {} Z\"/>",
                n(top - 2.0),
                n(top + 12.0),
                n(top - 2.0),
                n(x + 10.0 - 7.0),
                n(top + 2.0),
                n(top + 6.0),
                x = n(x + 10.0)
            ),
            "held" => format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"5\"/>",
                n(x + 10.0),
                n(top + 5.0)
            ),
            "planned" => format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>",
                n(x + 10.0),
                n(top + 5.0)
            ),
            "off" => format!(
                "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/><path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"/>",
                n(x + 5.0),
                n(top),
                n(x + 15.0),
                n(top + 10.0),
                n(x + 15.0),
                n(top),
                n(x + 5.0),
                n(top + 10.0),
                cx = n(x + 10.0),
                cy = n(top + 5.0)
            ),
            "statement" => diamond(x + 10.0, top + 5.0, 6.0, "solid"),
            "span" => format!(
                "<rect x=\"{}\" y=\"{}\" width=\"20\" height=\"10\"/>",
                n(x),
                n(top)
            ),
            "fuzzy" => format!(
                "<rect x=\"{}\" y=\"{}\" width=\"20\" height=\"10\" fill=\"url(#{id}-fade-right)\"/>",
                n(x),
                n(top)
            ),
            "inferred" => format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"4\"/><circle cx=\"{}\" cy=\"{}\" r=\"8\" fill=\"none\" stroke=\"currentColor\" stroke-dasharray=\"1 2\"/>",
                n(x + 10.0),
                n(top + 5.0),
                n(x + 10.0),
                n(top + 5.0)
            ),
            "break" => format!(
                "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"/>",
                n(x + 4.0),
                n(top + 11.0),
                n(x + 10.0),
                n(top - 1.0),
                n(x + 10.0),
                n(top + 11.0),
                n(x + 16.0),
                n(top - 1.0)
            ),
            "aligns" => format!(
                "<path d=\"M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"2\"/><path d=\"M{} {} L{} {} L{} {} Z\"/>",
                n(x),
                n(top + 5.0),
                n(x + 14.0),
                n(top + 5.0),
                n(x + 14.0),
                n(top + 1.0),
                n(x + 20.0),
                n(top + 5.0),
                n(x + 14.0),
                n(top + 9.0)
            ),
            "rejects" => format!(
                "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>",
                n(x),
                n(top + 5.0),
                n(x + 18.0),
                n(top + 5.0),
                n(x + 19.0),
                n(top - 1.0),
                n(x + 19.0),
                n(top + 11.0)
            ),
            "meets" => format!(
                "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"/>",
                n(x),
                n(top + 3.0),
                n(x + 20.0),
                n(top + 3.0),
                n(x),
                n(top + 7.0),
                n(x + 20.0),
                n(top + 7.0)
            ),
            "meets-planned" => format!(
                "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
                n(x),
                n(top + 3.0),
                n(x + 20.0),
                n(top + 3.0),
                n(x),
                n(top + 7.0),
                n(x + 20.0),
                n(top + 7.0)
            ),
            _ => String::new(),
        };
        out.push_str(&sample);
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            n(x + 26.0),
            n(top + 9.0),
            xml_escape(label)
        );
        x += w;
    }
    out.push_str("</g>\n");
    (out, row + 22.0)
}

fn diamond(cx: f64, cy: f64, r: f64, style: &str) -> String {
    format!(
        "<path d=\"M{} {} L{} {} L{} {} L{} {} Z\"{}/>",
        n(cx),
        n(cy - r),
        n(cx + r),
        n(cy),
        n(cx),
        n(cy + r),
        n(cx - r),
        n(cy),
        mark_style(style)
    )
}

/// The attributes of a mark for an item's status.
fn mark_style(style: &str) -> &'static str {
    match style {
        "planned" => {
            " fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\""
        }
        "off" => " fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"",
        _ => "",
    }
}

// ---------------------------------------------------------------------------
// Chronology

/// Days since 1970-01-01 of a civil date.
fn day_number((y, m, d): (i32, u8, u8)) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
fn civil(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An end of a drawn span.
#[derive(Debug, Clone, Copy, PartialEq)]
enum End {
    /// A known day.
    Day(i64),
    /// `..`: runs on past the edge of the chart.
    Open,
    /// Not known: fades out.
    Unknown,
}

/// How one chronology item is drawn.
#[derive(Debug, Clone, PartialEq)]
enum Mark {
    /// One known day: a point.
    Point { day: i64, fuzz: i64 },
    /// A month, a year or an interval: a span from start to end
    /// (exclusive), with faded extensions when approximate.
    Span { start: End, end: End, fuzz: i64 },
    /// No date, but after a dated item: an open, fading span from there.
    After { day: i64 },
    /// Nothing to place.
    Unplaced,
}

fn mark_of(date: Option<&DateView>) -> Mark {
    let Some(edtf) = date.and_then(|d| d.edtf.as_deref()) else {
        return Mark::Unplaced;
    };
    let Ok(value) = Edtf::parse(edtf) else {
        return Mark::Unplaced;
    };
    let fuzz_for = |p: &crate::date::Point| -> i64 {
        if !p.approximate {
            0
        } else if p.day.is_some() {
            3
        } else if p.month.is_some() {
            15
        } else {
            120
        }
    };
    match value {
        Edtf::Point(p) => {
            let first = Edtf::Point(p).earliest().map(day_number);
            let last = Edtf::Point(p).latest().map(day_number);
            match (first, last) {
                (Some(a), Some(b)) if p.day.is_some() && a == b => Mark::Point {
                    day: a,
                    fuzz: fuzz_for(&p),
                },
                (Some(a), Some(b)) => Mark::Span {
                    start: End::Day(a),
                    end: End::Day(b + 1),
                    fuzz: fuzz_for(&p),
                },
                _ => Mark::Unplaced,
            }
        }
        Edtf::Interval(a, b) => {
            let end_of = |bound: Bound, first: bool| match bound {
                Bound::Point(p) => {
                    let e = Edtf::Point(p);
                    let day = if first { e.earliest() } else { e.latest() };
                    day.map_or(End::Unknown, |d| {
                        End::Day(day_number(d) + i64::from(!first))
                    })
                }
                Bound::Open => End::Open,
                Bound::Unknown => End::Unknown,
            };
            let fuzz = [a, b]
                .iter()
                .map(|x| match x {
                    Bound::Point(p) => fuzz_for(p),
                    _ => 0,
                })
                .max()
                .unwrap_or(0);
            Mark::Span {
                start: end_of(a, true),
                end: end_of(b, false),
                fuzz,
            }
        }
    }
}

/// A stretch of time drawn to scale, between breaks.
#[derive(Debug, Clone, Copy)]
struct Segment {
    from: i64,
    to: i64,
    /// The known dates inside, without the padding: what the label names.
    first: i64,
    last: i64,
    x0: f64,
    x1: f64,
}

/// The time axis: segments to scale, with breaks between them.
struct Axis {
    segments: Vec<Segment>,
    left: f64,
    right: f64,
}

impl Axis {
    /// Builds segments around the known intervals `[a, b)`, splitting where
    /// the gap between them is large for the whole span.
    fn new(mut known: Vec<(i64, i64, usize)>, left: f64, right: f64) -> Self {
        known.sort();
        let mut clusters: Vec<(i64, i64, usize)> = Vec::new();
        if let (Some(first), Some(last)) = (
            known.iter().map(|k| k.0).min(),
            known.iter().map(|k| k.1).max(),
        ) {
            let threshold = ((last - first) as f64 * 0.05).max(31.0) as i64;
            for (a, b, w) in known {
                match clusters.last_mut() {
                    Some(c) if a - c.1 <= threshold => {
                        c.1 = c.1.max(b);
                        c.2 += w;
                    }
                    _ => clusters.push((a, b, w)),
                }
            }
        }
        const GAP: f64 = 22.0;
        let usable = (right - left) - GAP * clusters.len().saturating_sub(1) as f64;
        let total: f64 = clusters.iter().map(|c| 2.0 + c.2 as f64).sum();
        let mut x = left;
        let segments = clusters
            .iter()
            .map(|&(a, b, w)| {
                let len = (b - a).max(1);
                let pad = ((len as f64) * 0.08).ceil().max(1.0) as i64;
                let width = usable * (2.0 + w as f64) / total.max(1.0);
                let s = Segment {
                    from: a - pad,
                    to: b + pad,
                    first: a,
                    last: b,
                    x0: x,
                    x1: x + width,
                };
                x += width + GAP;
                s
            })
            .collect();
        Axis {
            segments,
            left,
            right,
        }
    }

    /// The x of a day: linear inside a segment, and across the break
    /// between two.
    fn x(&self, day: i64) -> f64 {
        let segs = &self.segments;
        let Some(first) = segs.first() else {
            return self.left;
        };
        if day <= first.from {
            return first.x0;
        }
        for (i, s) in segs.iter().enumerate() {
            if day <= s.to {
                let span = (s.to - s.from).max(1) as f64;
                return s.x0 + (s.x1 - s.x0) * (day - s.from) as f64 / span;
            }
            if let Some(next) = segs.get(i + 1)
                && day < next.from
            {
                let span = (next.from - s.to).max(1) as f64;
                return s.x1 + (next.x0 - s.x1) * (day - s.to) as f64 / span;
            }
        }
        segs.last().map_or(self.right, |s| s.x1)
    }
}

/// The label of a segment: its stretch of time in a few characters.
fn segment_label(s: &Segment) -> String {
    let (y0, m0, d0) = civil(s.first);
    let (y1, m1, d1) = civil(s.last - 1);
    let month = |m: u8| MONTHS[usize::from(m) - 1];
    let days = s.last - s.first;
    let whole_years = (m0, d0, m1, d1) == (1, 1, 12, 31);
    if days > 500 || whole_years {
        if y0 == y1 {
            format!("{y0}")
        } else {
            format!("{y0}–{y1}")
        }
    } else if y0 == y1 && m0 == m1 {
        format!("{} {y0}", month(m0))
    } else if y0 == y1 {
        format!("{}–{} {y0}", month(m0), month(m1))
    } else {
        format!("{} {y0} – {} {y1}", month(m0), month(m1))
    }
}

/// The short date of an item for the chart: the source's words, or the
/// normalised date, with what was inferred or is unknown.
fn short_date(d: Option<&DateView>) -> String {
    let Some(d) = d else {
        return "date not given".to_string();
    };
    let mut text = d
        .stated
        .clone()
        .or_else(|| d.normalised.clone())
        .unwrap_or_else(|| "date unknown".to_string());
    if !d.inferred.is_empty() {
        text.push_str(&format!(" ({} inferred)", d.inferred.join(" and ")));
    } else if d.edtf.is_none() && d.stated.is_some() {
        text.push_str(" (exact date unknown)");
    } else if d.stated.is_some()
        && let Some(norm) = &d.normalised
        && d.stated
            .as_deref()
            .is_some_and(|s| !s.eq_ignore_ascii_case(norm))
        && (norm.starts_with("about ") || norm.contains("(uncertain)"))
    {
        text.push_str(if norm.contains("(uncertain)") {
            " (uncertain)"
        } else {
            " (approximate)"
        });
    }
    text
}

fn status_style(c: &ChronoView) -> &'static str {
    match c.status {
        Some("scheduled" | "proposed") => "planned",
        Some("postponed" | "cancelled") => "off",
        _ => "solid",
    }
}

fn chronology_svg(view: &View, id: &str) -> String {
    let items = &view.chronology;
    if items.is_empty() {
        return String::new();
    }
    let mut marks: Vec<Mark> = items.iter().map(|c| mark_of(c.date.as_ref())).collect();
    // Undated items that come after a dated one start where it ends.
    for i in 0..items.len() {
        if marks[i] != Mark::Unplaced || items[i].after.is_empty() {
            continue;
        }
        let ends: Vec<i64> = items[i]
            .after
            .iter()
            .filter_map(|a| items.iter().position(|c| &c.id == a))
            .filter_map(|j| match marks[j] {
                Mark::Point { day, .. } => Some(day + 1),
                Mark::Span {
                    end: End::Day(e), ..
                } => Some(e),
                Mark::Span {
                    start: End::Day(s), ..
                } => Some(s + 1),
                Mark::After { day } => Some(day),
                _ => None,
            })
            .collect();
        if let Some(&day) = ends.iter().max() {
            marks[i] = Mark::After { day };
        }
    }
    let mut known: Vec<(i64, i64, usize)> = Vec::new();
    for m in &marks {
        match *m {
            Mark::Point { day, .. } => known.push((day, day + 1, 1)),
            Mark::Span { start, end, .. } => match (start, end) {
                (End::Day(a), End::Day(b)) => known.push((a, b, 1)),
                (End::Day(a), _) => known.push((a, a + 1, 1)),
                (_, End::Day(b)) => known.push((b - 1, b, 1)),
                _ => {}
            },
            Mark::After { day } => known.push((day, day + 1, 1)),
            Mark::Unplaced => {}
        }
    }
    const W: f64 = 720.0;
    const LABEL_W: f64 = 250.0;
    const PLOT_L: f64 = 270.0;
    const PLOT_R: f64 = 712.0;
    const ROW: f64 = 44.0;
    // Room on the right for what runs on past the last known date.
    let runs_on = marks.iter().any(|m| {
        matches!(
            m,
            Mark::After { .. }
                | Mark::Span {
                    end: End::Open | End::Unknown,
                    ..
                }
        )
    });
    let runs_before = marks.iter().any(|m| {
        matches!(
            m,
            Mark::Span {
                start: End::Open | End::Unknown,
                ..
            }
        )
    });
    let axis = Axis::new(
        known,
        PLOT_L + if runs_before { 60.0 } else { 0.0 },
        PLOT_R - if runs_on { 90.0 } else { 0.0 },
    );
    let mut body = String::new();
    let mut used: Vec<&str> = Vec::new();
    let use_ = |k: &'static str, used: &mut Vec<&str>| {
        if !used.contains(&k) {
            used.push(k);
        }
    };
    let mut desc = Vec::new();
    let mut inferred_days: Vec<i64> = Vec::new();
    for (i, (c, m)) in items.iter().zip(&marks).enumerate() {
        let y = 6.0 + i as f64 * ROW;
        let cy = y + 28.0;
        let style = status_style(c);
        let status = c.status.map(|s| format!(" · {s}")).unwrap_or_default();
        let date = short_date(c.date.as_ref());
        let inferred = c.date.as_ref().is_some_and(|d| !d.inferred.is_empty());
        let _ = write!(
            body,
            "<g class=\"item {} {style}{}\" id=\"{id}-{}\">",
            c.source_kind,
            if inferred { " inferred" } else { "" },
            id_part(&c.id)
        );
        let full_date = c
            .date
            .as_ref()
            .map_or("date not given", |d| d.text.as_str());
        let _ = write!(
            body,
            "<title>{}: {}{}</title>",
            xml_escape(full_date),
            xml_escape(&c.text),
            xml_escape(&c.status.map(|s| format!(" ({s})")).unwrap_or_default())
        );
        desc.push(format!(
            "{full_date}: {}{}",
            c.text,
            c.status.map(|s| format!(" ({s})")).unwrap_or_default()
        ));
        let lines = wrap(&c.text, LABEL_W, 12.0, 2);
        text_lines(&mut body, 0.0, y + 16.0, 15.0, &lines, "");
        // A faint guide from the label to the plot.
        let _ = write!(
            body,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{cy}\" y2=\"{cy}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>",
            n(PLOT_L),
            n(PLOT_R),
            cy = n(cy)
        );
        if c.source_kind == "statement" {
            use_("statement", &mut used);
        } else {
            use_(
                match style {
                    "planned" => "planned",
                    "off" => "off",
                    _ => "held",
                },
                &mut used,
            );
        }
        let mut anchor_x = None;
        match *m {
            Mark::Point { day, fuzz } => {
                let x = axis.x(day) + 0.5 * (axis.x(day + 1) - axis.x(day));
                if fuzz > 0 {
                    use_("fuzzy", &mut used);
                    let (a, b) = (axis.x(day - fuzz), axis.x(day + 1 + fuzz));
                    fuzzy(&mut body, id, a, x, cy, 8.0, "left");
                    fuzzy(&mut body, id, x, b, cy, 8.0, "right");
                }
                if c.source_kind == "statement" {
                    body.push_str(&diamond(x, cy, 6.0, style));
                } else {
                    let _ = write!(
                        body,
                        "<circle cx=\"{}\" cy=\"{}\" r=\"5.5\"{}/>",
                        n(x),
                        n(cy),
                        mark_style(style)
                    );
                }
                if style == "off" {
                    cross(&mut body, x, cy);
                }
                if inferred {
                    use_("inferred", &mut used);
                    inferred_days.push(day);
                    let _ = write!(
                        body,
                        "<circle class=\"inferred-ring\" cx=\"{}\" cy=\"{}\" r=\"9.5\" fill=\"none\" stroke=\"currentColor\" stroke-dasharray=\"1 2\"/>",
                        n(x),
                        n(cy)
                    );
                }
                anchor_x = Some(x);
            }
            Mark::Span { start, end, fuzz } => {
                let a = match start {
                    End::Day(d) => axis.x(d),
                    _ => PLOT_L,
                };
                let b = match end {
                    End::Day(d) => axis.x(d),
                    _ => PLOT_R,
                };
                let (a, b) = if b - a < 4.0 {
                    (a - 2.0, a + 2.0)
                } else {
                    (a, b)
                };
                use_("span", &mut used);
                let _ = write!(
                    body,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\"{}/>",
                    n(a),
                    n(cy - 5.0),
                    n(b - a),
                    mark_style(style)
                );
                if fuzz > 0 {
                    use_("fuzzy", &mut used);
                    if let End::Day(d) = start {
                        fuzzy(&mut body, id, axis.x(d - fuzz), a, cy, 10.0, "left");
                    }
                    if let End::Day(d) = end {
                        fuzzy(&mut body, id, b, axis.x(d + fuzz), cy, 10.0, "right");
                    }
                }
                for (e, x, dir) in [(start, a, -1.0), (end, b, 1.0)] {
                    match e {
                        End::Open => arrow(&mut body, x, cy, dir),
                        End::Unknown => {
                            use_("fuzzy", &mut used);
                            let (l, r, side) = if dir < 0.0 {
                                (x, x + 30.0, "left")
                            } else {
                                (x - 30.0, x, "right")
                            };
                            fuzzy(&mut body, id, l, r, cy, 10.0, side);
                        }
                        End::Day(_) => {}
                    }
                }
                if style == "off" {
                    cross(&mut body, (a + b) / 2.0, cy);
                }
                if inferred {
                    use_("inferred", &mut used);
                    if let End::Day(d) = start {
                        inferred_days.push(d);
                    }
                    let _ = write!(
                        body,
                        "<rect class=\"inferred-ring\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"none\" stroke=\"currentColor\" stroke-dasharray=\"1 2\"/>",
                        n(a - 4.0),
                        n(cy - 9.0),
                        n(b - a + 8.0)
                    );
                }
                anchor_x = Some(a);
            }
            Mark::After { day } => {
                use_("fuzzy", &mut used);
                let a = axis.x(day);
                let b = PLOT_R - 2.0;
                let _ = write!(
                    body,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" fill=\"url(#{id}-fade-right)\"{}/>",
                    n(a),
                    n(cy - 5.0),
                    n((b - a).max(4.0)),
                    if style == "planned" {
                        " stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\""
                    } else {
                        ""
                    }
                );
                anchor_x = Some(a);
            }
            Mark::Unplaced => {}
        }
        // The item's date in words, above its mark.
        let label = format!("{date}{status}");
        let max_w = PLOT_R - PLOT_L;
        let lines = wrap(&label, max_w, 11.0, 1);
        let width = lines.first().map_or(0.0, |l| text_width(l, 11.0));
        let x = match anchor_x {
            Some(x) if x + width <= PLOT_R => x,
            Some(x) if x - width >= PLOT_L => x - width,
            _ => PLOT_L,
        };
        text_lines(
            &mut body,
            x,
            y + 14.0,
            13.0,
            &lines,
            " font-size=\"11\" class=\"when\"",
        );
        body.push_str("</g>\n");
    }
    // The axis: a line per segment, breaks between, and the stretch of
    // time under each.
    let ay = 6.0 + items.len() as f64 * ROW + 6.0;
    body.push_str("<g class=\"axis\" font-size=\"11\">");
    for (i, s) in axis.segments.iter().enumerate() {
        let _ = write!(
            body,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{ay}\" y2=\"{ay}\" stroke=\"currentColor\"/>",
            n(s.x0),
            n(s.x1),
            ay = n(ay)
        );
        for x in [s.x0, s.x1] {
            let _ = write!(
                body,
                "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\"/>",
                n(ay - 3.0),
                n(ay + 3.0),
                x = n(x)
            );
        }
        if i > 0 {
            let gx = (axis.segments[i - 1].x1 + s.x0) / 2.0;
            let _ = write!(
                body,
                "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"/>",
                n(gx - 6.0),
                n(ay + 6.0),
                n(gx - 1.0),
                n(ay - 6.0),
                n(gx + 1.0),
                n(ay + 6.0),
                n(gx + 6.0),
                n(ay - 6.0)
            );
            use_("break", &mut used);
        }
        let marked = inferred_days.iter().any(|&d| d >= s.from && d <= s.to);
        let label = format!("{}{}", segment_label(s), if marked { "*" } else { "" });
        let _ = write!(
            body,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            n((s.x0 + s.x1) / 2.0),
            n(ay + 16.0),
            xml_escape(&label)
        );
    }
    body.push_str("</g>\n");
    let mut y = ay + 32.0;
    let names: &[(&str, &str)] = &[
        ("held", "held, or happened"),
        ("planned", "scheduled or proposed (dashed, hollow)"),
        ("off", "postponed or cancelled (crossed)"),
        ("statement", "statement"),
        ("span", "bar: only the month or year is known, or a period"),
        ("fuzzy", "fading: approximate, or the date is not known"),
        (
            "inferred",
            "dotted ring, *: year or other part inferred, not stated",
        ),
        ("break", "axis break: time left out"),
    ];
    let legend: Vec<(&str, &str)> = names
        .iter()
        .filter(|(k, _)| used.contains(k))
        .copied()
        .collect();
    let (legend_svg, legend_h) = legend_row(&legend, y, id);
    body.push_str(&legend_svg);
    y += legend_h;
    let desc_text = format!(
        "Timeline, earliest first; each stretch of time is to scale, with breaks where time is left out. {}.",
        desc.join("; ")
    );
    let mut out = figure_open(id, "chart-chronology");
    svg_open(
        &mut out,
        &format!("{id}-svg"),
        "chart-svg",
        W,
        y,
        "Chronology",
        &desc_text,
    );
    defs(&mut out, id);
    out.push_str(&body);
    out.push_str("</svg>\n<figcaption>Chronology on a time axis: each stretch of time is to scale; breaks mark time left out. Dates the source gives only in part are drawn as spans or fading marks, never as exact days.");
    let cites: Vec<Cite> = items.iter().flat_map(|c| c.cites.clone()).collect();
    out.push_str(&sources_caption(&cites));
    out.push_str("</figcaption>\n</figure>");
    out
}

/// A fading band from `a` to `b`, solid towards the mark.
fn fuzzy(out: &mut String, id: &str, a: f64, b: f64, cy: f64, h: f64, side: &str) {
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
        n(a),
        n(cy - h / 2.0),
        n(b - a),
        n(h)
    );
}

fn arrow(out: &mut String, x: f64, cy: f64, dir: f64) {
    let _ = write!(
        out,
        "<path d=\"M{} {} L{} {} L{} {} Z\"/>",
        n(x),
        n(cy - 8.0),
        n(x + 9.0 * dir),
        n(cy),
        n(x),
        n(cy + 8.0)
    );
}

fn cross(out: &mut String, x: f64, cy: f64) {
    let _ = write!(
        out,
        "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"/>",
        n(x - 8.0),
        n(cy - 8.0),
        n(x + 8.0),
        n(cy + 8.0),
        n(x + 8.0),
        n(cy - 8.0),
        n(x - 8.0),
        n(cy + 8.0)
    );
}

// ---------------------------------------------------------------------------
// Relations

fn relation_style(r: &RelationView) -> &'static str {
    match (r.kind, r.status) {
        ("aligns", _) => "aligns",
        ("rejects", _) => "rejects",
        (_, Some("scheduled" | "proposed")) => "meets-planned",
        (_, Some("postponed" | "cancelled")) => "meets-off",
        _ => "meets",
    }
}

fn relations_svg(view: &View, id: &str) -> String {
    let relations = &view.relations;
    if relations.is_empty() {
        return String::new();
    }
    const W: f64 = 720.0;
    const BOX_W: f64 = 190.0;
    const ROW: f64 = 74.0;
    let (lx, rx) = (BOX_W, W - BOX_W);
    let mut body = String::new();
    let mut used: Vec<&str> = Vec::new();
    let mut desc = Vec::new();
    for (i, r) in relations.iter().enumerate() {
        let y = 6.0 + i as f64 * ROW;
        let cy = y + 26.0;
        let style = relation_style(r);
        let _ = write!(
            body,
            "<g class=\"relation {style}\" id=\"{id}-{}\">",
            id_part(&r.id)
        );
        let mut sentence = format!("{} {} {}: {}", r.from, r.label, r.to, r.position);
        if let Some(w) = &r.with_position {
            sentence.push_str(&format!(" — with: {w}"));
        }
        if let Some(f) = &r.framing {
            sentence.push_str(&format!(" ({f})"));
        }
        if let Some(d) = &r.date {
            sentence.push_str(&format!(" ({})", d.text));
        }
        let _ = write!(body, "<title>{}</title>", xml_escape(&sentence));
        desc.push(sentence);
        for (x, name) in [(0.0, &r.from), (rx, &r.to)] {
            let lines = wrap(name, BOX_W - 16.0, 12.0, 2);
            let _ = write!(
                body,
                "<rect class=\"actor\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"40\" rx=\"6\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/>",
                n(x + 0.75),
                n(cy - 20.0),
                n(BOX_W - 1.5)
            );
            let first = if lines.len() > 1 { cy - 3.0 } else { cy + 4.0 };
            text_lines(
                &mut body,
                x + BOX_W / 2.0,
                first,
                14.0,
                &lines,
                " text-anchor=\"middle\" font-weight=\"bold\"",
            );
        }
        let (a, b) = (lx + 6.0, rx - 6.0);
        match style {
            "aligns" => {
                let _ = write!(
                    body,
                    "<path d=\"M{} {cy} L{} {cy}\" stroke=\"currentColor\" stroke-width=\"2\"/><path d=\"M{} {} L{} {cy} L{} {} Z\"/>",
                    n(a),
                    n(b - 10.0),
                    n(b - 10.0),
                    n(cy - 6.0),
                    n(b),
                    n(b - 10.0),
                    n(cy + 6.0),
                    cy = n(cy)
                );
            }
            "rejects" => {
                let _ = write!(
                    body,
                    "<path d=\"M{} {cy} L{} {cy}\" stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><path d=\"M{b} {} L{b} {}\" stroke=\"currentColor\" stroke-width=\"3\"/>",
                    n(a),
                    n(b),
                    n(cy - 9.0),
                    n(cy + 9.0),
                    cy = n(cy),
                    b = n(b)
                );
            }
            _ => {
                let dash = if style == "meets-planned" {
                    " stroke-dasharray=\"6 4\""
                } else {
                    ""
                };
                let _ = write!(
                    body,
                    "<path d=\"M{a} {} L{b} {} M{a} {} L{b} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"{dash}/>",
                    n(cy - 2.5),
                    n(cy - 2.5),
                    n(cy + 2.5),
                    n(cy + 2.5),
                    a = n(a),
                    b = n(b)
                );
                if style == "meets-off" {
                    cross(&mut body, (a + b) / 2.0, cy);
                }
            }
        }
        used.push(match style {
            "meets-off" => "meets",
            s => s,
        });
        // The relation in words above the line, the position below.
        let label = wrap(&r.label, b - a - 8.0, 12.0, 1);
        text_lines(
            &mut body,
            (a + b) / 2.0,
            cy - 9.0,
            14.0,
            &label,
            " text-anchor=\"middle\" font-weight=\"bold\" class=\"label\"",
        );
        let position = wrap(&r.position, b - a - 8.0, 11.0, 2);
        text_lines(
            &mut body,
            (a + b) / 2.0,
            cy + 18.0,
            13.0,
            &position,
            " text-anchor=\"middle\" font-size=\"11\" class=\"position\"",
        );
        body.push_str("</g>\n");
    }
    used.sort();
    used.dedup();
    let names: &[(&str, &str)] = &[
        ("aligns", "aligns with (arrow)"),
        ("rejects", "rejects the position of (dashed, bar end)"),
        ("meets", "met, or spoke with (double line)"),
        (
            "meets-planned",
            "to meet: scheduled or proposed (dashed double line)",
        ),
    ];
    let legend: Vec<(&str, &str)> = names
        .iter()
        .filter(|(k, _)| used.contains(k))
        .copied()
        .collect();
    let y = 6.0 + relations.len() as f64 * ROW + 4.0;
    let (legend_svg, legend_h) = legend_row(&legend, y, id);
    body.push_str(&legend_svg);
    let height = y + legend_h;
    let desc_text = format!(
        "Who aligns with or rejects whose position, and who met or is to meet whom, one relation a row: {}.",
        desc.join("; ")
    );
    let mut out = figure_open(id, "chart-relations");
    svg_open(
        &mut out,
        &format!("{id}-svg"),
        "chart-svg",
        W,
        height,
        "Relations",
        &desc_text,
    );
    defs(&mut out, id);
    out.push_str(&body);
    out.push_str("</svg>\n<figcaption>Relations between the actors, one a row: who aligns with or rejects whose position, and who met or is to meet whom. The table below gives each in full.");
    let cites: Vec<Cite> = relations.iter().flat_map(|r| r.cites.clone()).collect();
    out.push_str(&sources_caption(&cites));
    out.push_str("</figcaption>\n</figure>");
    out
}

// ---------------------------------------------------------------------------
// Mermaid

/// Escapes text for a quoted Mermaid label: quotes, markup, comment and
/// statement characters become entity codes (`#35;`), so that user text
/// stays text and cannot end the label, the statement, the diagram or the
/// Markdown code block.
pub fn mermaid_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{fffd}'),
            '"' | '#' | ';' | '%' | '<' | '>' | '&' | '`' | '[' | ']' | '{' | '}' | '|' => {
                let _ = write!(out, "#{};", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

fn chronology_mermaid(view: &View) -> String {
    let items = &view.chronology;
    if items.is_empty() {
        return String::new();
    }
    let mut out = String::from("```mermaid\nflowchart TB\n");
    for (i, c) in items.iter().enumerate() {
        let date = c
            .date
            .as_ref()
            .map_or("date not given", |d| d.text.as_str());
        let mut label = format!("{date}: {}", c.text);
        if let Some(s) = c.status {
            label.push_str(&format!(" ({s})"));
        }
        let label = mermaid_escape(&label);
        // Shapes say what the words say: a stadium for what is planned, a
        // parallelogram for a statement.
        let node = match (c.source_kind, c.status) {
            ("statement", _) => format!("  c{i}[/\"{label}\"/]\n"),
            (_, Some("scheduled" | "proposed")) => format!("  c{i}([\"{label}\"])\n"),
            _ => format!("  c{i}[\"{label}\"]\n"),
        };
        out.push_str(&node);
    }
    for i in 1..items.len() {
        let _ = writeln!(out, "  c{} --> c{i}", i - 1);
    }
    let planned: Vec<String> = items
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.status, Some("scheduled" | "proposed")))
        .map(|(i, _)| format!("c{i}"))
        .collect();
    let off: Vec<String> = items
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.status, Some("postponed" | "cancelled")))
        .map(|(i, _)| format!("c{i}"))
        .collect();
    if !planned.is_empty() {
        out.push_str("  classDef planned stroke-dasharray: 5 5\n");
        let _ = writeln!(out, "  class {} planned", planned.join(","));
    }
    if !off.is_empty() {
        out.push_str("  classDef off stroke-dasharray: 2 2\n");
        let _ = writeln!(out, "  class {} off", off.join(","));
    }
    out.push_str("```");
    out
}

fn relations_mermaid(view: &View) -> String {
    if view.relations.is_empty() {
        return String::new();
    }
    let mut actors: Vec<String> = Vec::new();
    let node = |name: &str, actors: &mut Vec<String>| -> String {
        let i = actors.iter().position(|a| a == name).unwrap_or_else(|| {
            actors.push(name.to_string());
            actors.len() - 1
        });
        format!("a{i}")
    };
    let meetings: Vec<&crate::resolve::EventView> = view
        .meetings
        .held
        .iter()
        .chain(&view.meetings.upcoming)
        .chain(&view.meetings.called_off)
        .collect();
    let mut edges = String::new();
    let mut events = String::new();
    let mut planned = Vec::new();
    for (i, r) in view.relations.iter().enumerate() {
        match r.kind {
            "aligns" | "rejects" => {
                let from = node(&r.from, &mut actors);
                let to = node(&r.to, &mut actors);
                let mut label = format!("{}: {}", r.label, r.position);
                if let Some(w) = &r.with_position {
                    label.push_str(&format!(" — with: {w}"));
                }
                let label = mermaid_escape(&label);
                let arrow = if r.kind == "aligns" { "-->" } else { "-.-x" };
                let _ = writeln!(edges, "  {from} {arrow}|\"{label}\"| {to}");
            }
            _ => {
                let participants: Vec<String> = meetings
                    .iter()
                    .find(|m| m.id == r.id)
                    .map(|m| m.participants.clone())
                    .unwrap_or_else(|| vec![r.from.clone(), r.to.clone()]);
                let mut label = format!("{}: {}", r.label, r.position);
                if let Some(d) = &r.date {
                    label.push_str(&format!(" ({})", d.text));
                }
                let planned_meeting = matches!(r.status, Some("scheduled" | "proposed"));
                let _ = writeln!(events, "  m{i}([\"{}\"])", mermaid_escape(&label));
                if planned_meeting {
                    planned.push(format!("m{i}"));
                }
                let link = if planned_meeting { "-.-" } else { "---" };
                for p in &participants {
                    let a = node(p, &mut actors);
                    let _ = writeln!(edges, "  {a} {link} m{i}");
                }
            }
        }
    }
    let mut out = String::from("```mermaid\nflowchart LR\n");
    for (i, a) in actors.iter().enumerate() {
        let _ = writeln!(out, "  a{i}[\"{}\"]", mermaid_escape(a));
    }
    out.push_str(&events);
    out.push_str(&edges);
    if !planned.is_empty() {
        out.push_str("  classDef planned stroke-dasharray: 5 5\n");
        let _ = writeln!(out, "  class {} planned", planned.join(","));
    }
    out.push_str("```");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number((1970, 1, 1)), 0);
        assert_eq!(day_number((2025, 2, 12)) - day_number((2025, 2, 1)), 11);
        assert_eq!(day_number((2024, 3, 1)) - day_number((2024, 2, 1)), 29);
        for d in [-1000, 0, 1, 20_000, 55_000] {
            let (y, m, dd) = civil(d);
            assert_eq!(day_number((y as i32, m, dd)), d);
        }
    }

    #[test]
    fn xml_escaping_keeps_text_text() {
        assert_eq!(
            xml_escape("<script>]]>&\"'\u{1}\n"),
            "&lt;script&gt;]]&gt;&amp;&quot;&#39;\u{fffd} "
        );
    }

    #[test]
    fn mermaid_escaping_leaves_no_syntax() {
        let s = mermaid_escape("a\"b]; c --> d %% e # f\n```<b>");
        assert_eq!(
            s,
            "a#34;b#93;#59; c --#62; d #37;#37; e #35; f #96;#96;#96;#60;b#62;"
        );
        for bad in ["\"", "]", "-->", "%%", "\n", "```", "<"] {
            assert!(!s.contains(bad), "{bad} in {s}");
        }
        assert_eq!(mermaid_escape("A \"B\""), "A #34;B#34;");
        assert_eq!(mermaid_escape("x;y"), "x#59;y");
    }

    #[test]
    fn wrapping_fits_and_marks_what_it_cuts() {
        let lines = wrap("one two three four five six seven", 60.0, 12.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        for l in &lines {
            assert!(text_width(l, 12.0) <= 60.0, "{l}");
        }
        assert_eq!(wrap("short", 100.0, 12.0, 2), vec!["short"]);
        let long = wrap(&"x".repeat(100), 50.0, 12.0, 2);
        assert_eq!(long.len(), 2);
        assert!(long[1].ends_with('…'));
    }

    #[test]
    fn partial_dates_are_spans_and_days_points() {
        let date = |edtf: &str| DateView {
            text: String::new(),
            stated: None,
            normalised: None,
            edtf: Some(edtf.into()),
            exact: false,
            inferred: vec![],
            basis: None,
            precision: "day",
        };
        assert!(matches!(
            mark_of(Some(&date("2025-02-12"))),
            Mark::Point { fuzz: 0, .. }
        ));
        assert!(matches!(
            mark_of(Some(&date("2024-06"))),
            Mark::Span {
                start: End::Day(_),
                end: End::Day(_),
                fuzz: 0
            }
        ));
        match mark_of(Some(&date("2024-06"))) {
            Mark::Span {
                start: End::Day(a),
                end: End::Day(b),
                ..
            } => assert_eq!(b - a, 30),
            m => panic!("{m:?}"),
        }
        assert!(matches!(
            mark_of(Some(&date("2029~"))),
            Mark::Span { fuzz: 120, .. }
        ));
        assert!(matches!(
            mark_of(Some(&date("2032-03-02/.."))),
            Mark::Span { end: End::Open, .. }
        ));
        assert_eq!(mark_of(None), Mark::Unplaced);
    }
}
