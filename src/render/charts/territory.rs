//! The territorial control chart: one bar per area and figure in percent,
//! with qualified figures drawn as bounds or ranges.

use std::fmt::Write as _;

use super::legend::{legend_items, legend_row};
use super::num::Num;
use super::share::{Share, share};
use super::svg::{Desc, chart_open, sources_caption, text_lines};
use super::text::wrap;
use super::xml::{IdPart, Xml};
use crate::format::{AppliesTo, ControlStatus, FigureView};
use crate::resolve::View;

/// The chart's width.
const W: f64 = 720.0;
/// The width of a bar's track, 0 to 100 percent.
const TRACK: f64 = 520.0;
/// The height of a bar.
const BAR_H: f64 = 16.0;
/// Pixels a percent.
const SCALE: f64 = TRACK / 100.0;

/// One bar: its label and figure.
struct Bar<'a> {
    figure: &'a FigureView,
    /// The area's index, for a figure that applies to each area.
    part: Option<usize>,
    label: String,
    value: f64,
}

/// A bar's label: the area, what the figure applies to, what it includes,
/// who controls it, and its as-of date when the bars' dates differ.
fn territory_label(f: &FigureView, area: Option<&str>, with_as_of: bool) -> String {
    let mut label = String::new();
    match area {
        Some(a) => {
            let _ = write!(label, "{a} ({})", f.applies_to_text);
        }
        None if f.applies_to_text.is_empty() => label.push_str(&f.areas_text),
        None => {
            let _ = write!(label, "{} ({})", f.areas_text, f.applies_to_text);
        }
    }
    if !f.includes.is_empty() {
        let names = crate::format::join_and(&f.includes);
        let including = crate::i18n::words().msg("chart-including", &[("names", names.into())]);
        label.push_str(", ");
        label.push_str(&including);
    }
    match (&f.controller, f.status.map(ControlStatus::shown)) {
        (Some(c), Some(s)) => {
            let by = crate::i18n::words().msg(
                "chart-status-by",
                &[
                    ("status", s.as_str().into()),
                    ("controller", c.as_str().into()),
                ],
            );
            let _ = write!(label, " — {by}");
        }
        (Some(c), None) => {
            let _ = write!(label, " — {c}");
        }
        (None, Some(s)) => {
            let _ = write!(label, " — {s}");
        }
        (None, None) => {}
    }
    if with_as_of {
        let as_of = crate::i18n::words().msg("chart-as-of", &[("date", as_of_text(f).into())]);
        let _ = write!(label, " {as_of}");
    }
    label
}

/// A figure's as-of date in words.
fn as_of_text(f: &FigureView) -> String {
    f.as_of.as_ref().map_or_else(
        || crate::i18n::words().get("date-not-given"),
        |d| d.text.clone(),
    )
}

/// The territorial control chart of a view, or nothing when no figure of
/// territorial control is in percent.
pub(super) fn territory_svg(view: &View, id: &str) -> String {
    let figures = percent_figures(view);
    let Some(&(first, _)) = figures.first() else {
        return String::new();
    };
    let one_as_of = figures
        .iter()
        .all(|(f, _)| as_of_text(f) == as_of_text(first));
    let bars = bars(&figures, one_as_of);
    // About 1.4 KB of markup a bar, and 0.5 KB for the scale and legend.
    let mut body = String::with_capacity(1536 * bars.len() + 512);
    let mut y = 8.0;
    let w = crate::i18n::words();
    let mut desc = Desc::new(
        &format!("{} ", w.get("chart-territory-desc")),
        192 * bars.len(),
    );
    let mut used = Used::default();
    for bar in &bars {
        y = draw_bar(&mut body, &mut desc, &mut used, id, bar, y);
    }
    y = scale_and_legend(&mut body, used, y, id);
    let desc = desc.end(&format!(". {}", w.get("chart-territory-desc-end")));
    let mut out = chart_open(
        id,
        "chart-territory",
        W,
        y,
        &w.get("territorial-control"),
        &desc,
        &body,
    );
    out.push_str("</svg>\n<figcaption>");
    out.push_str(&Xml(&w.get("chart-territory-caption")).to_string());
    if one_as_of {
        let as_of = w.msg(
            "chart-territory-as-of",
            &[("date", as_of_text(first).into())],
        );
        let _ = write!(out, " {}", Xml(&as_of));
    }
    sources_caption(&mut out, figures.iter().flat_map(|(f, _)| &f.cites));
    let other = view.figures.territory.len() - figures.len();
    if other > 0 {
        let _ = write!(out, " {}", Xml(&w.get("chart-territory-not-percent")));
    }
    out.push_str("</figcaption>\n</figure>");
    out
}

/// The figures of territorial control in percent, with their values.
fn percent_figures(view: &View) -> Vec<(&FigureView, f64)> {
    view.figures
        .territory
        .iter()
        .filter(|f| f.percent)
        .filter_map(|f| Some((f, f.number.filter(|v| v.is_finite())?)))
        .collect()
}

/// One bar a figure, or one an area for a figure that applies to each.
fn bars<'a>(figures: &[(&'a FigureView, f64)], one_as_of: bool) -> Vec<Bar<'a>> {
    let mut bars = Vec::new();
    for &(f, value) in figures {
        match f.applies_to {
            Some(AppliesTo::Each) => {
                for (k, a) in f.areas.iter().enumerate() {
                    bars.push(Bar {
                        figure: f,
                        part: Some(k),
                        label: territory_label(f, Some(a), !one_as_of),
                        value,
                    });
                }
            }
            Some(AppliesTo::Total | AppliesTo::Unclear) | None => bars.push(Bar {
                figure: f,
                part: None,
                label: territory_label(f, None, !one_as_of),
                value,
            }),
        }
    }
    bars
}

/// Which marks the bars used, for the legend.
#[derive(Default, Clone, Copy)]
struct Used {
    range: bool,
    bound: bool,
}

/// Draws one bar with its label above it, starting at `y`; returns where
/// the next one starts.
fn draw_bar(
    body: &mut String,
    desc: &mut Desc,
    used: &mut Used,
    id: &str,
    bar: &Bar<'_>,
    y: f64,
) -> f64 {
    let f = bar.figure;
    let lines = wrap(&bar.label, W, 13.0, 3);
    bar_open(body, desc, id, bar);
    text_lines(body, 0.0, y + 12.0, 15.0, &lines, " font-size=\"13\"");
    let top = y + 6.0 + 15.0 * lines.len() as f64;
    let s = share(f, bar.value);
    track(body, top);
    share_marks(body, used, id, &s, top);
    bound_marks(body, used, &s, top);
    let _ = write!(
        body,
        "<text class=\"value\" x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\">{}</text>",
        Num(TRACK + 12.0),
        Num(top + 13.0),
        Xml(&f.display)
    );
    body.push_str("</g>\n");
    top + BAR_H + 16.0
}

/// Opens a bar's group with its title, which the description repeats.
fn bar_open(body: &mut String, desc: &mut Desc, id: &str, bar: &Bar<'_>) {
    let f = bar.figure;
    body.push_str("<g class=\"bar bound-");
    body.extend(f.bound.chars().map(|c| if c == ' ' { '-' } else { c }));
    let _ = write!(body, "\" id=\"{id}-{}", IdPart(&f.id));
    if let Some(k) = bar.part {
        let _ = write!(body, "-{k}");
    }
    body.push_str("\"><title>");
    let title = body.len();
    let _ = write!(body, "{}: {}", Xml(&bar.label), Xml(&f.display));
    desc.item(&body[title..]);
    body.push_str("</title>");
}

/// The whole: an outlined track with quarter lines.
fn track(body: &mut String, top: f64) {
    let _ = write!(
        body,
        "<rect class=\"track\" x=\"0.5\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>",
        Num(top),
        Num(TRACK),
        Num(BAR_H)
    );
    for q in [25.0, 50.0, 75.0] {
        let _ = write!(
            body,
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\" stroke-opacity=\"0.2\"/>",
            Num(top),
            Num(top + BAR_H),
            x = Num(q * SCALE)
        );
    }
}

/// The solid share, and the hatched range the qualifier leaves open.
fn share_marks(body: &mut String, used: &mut Used, id: &str, s: &Share, top: f64) {
    if s.solid > 0.0 {
        let _ = write!(
            body,
            "<rect class=\"share\" x=\"0.5\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            Num(top),
            Num(s.solid * SCALE),
            Num(BAR_H)
        );
    }
    if let Some((a, b)) = s.range
        && b > a
    {
        used.range = true;
        let _ = write!(
            body,
            "<rect class=\"range\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{id}-hatch)\" stroke=\"currentColor\" stroke-dasharray=\"2 2\"/>",
            Num(a * SCALE + 0.5),
            Num(top),
            Num((b - a) * SCALE),
            Num(BAR_H)
        );
    }
}

/// The line at the value: a bound with a chevron or whisker caps for a
/// qualified value, a plain line for an exact one.
fn bound_marks(body: &mut String, used: &mut Used, s: &Share, top: f64) {
    let bx = s.bound * SCALE + 0.5;
    let Some((a, b)) = s.range else {
        let _ = write!(
            body,
            "<line class=\"bound exact\" x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\" stroke-width=\"2\"/>",
            Num(top - 2.0),
            Num(top + BAR_H + 2.0),
            x = Num(bx)
        );
        return;
    };
    used.bound = true;
    let dash = if s.inclusive {
        ""
    } else {
        " stroke-dasharray=\"3 2\""
    };
    let _ = write!(
        body,
        "<line class=\"bound\" x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\" stroke-width=\"2\"{dash}/>",
        Num(top - 5.0),
        Num(top + BAR_H + 5.0),
        x = Num(bx)
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
            Num(bx),
            Num(top - 9.0),
            Num(bx + dx),
            Num(top - 5.0),
            Num(bx),
            Num(top - 1.0)
        );
        return;
    }
    // Around: whisker caps at both ends of the range.
    for x in [a, b] {
        let _ = write!(
            body,
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\"/>",
            Num(top - 3.0),
            Num(top + BAR_H + 3.0),
            x = Num(x * SCALE + 0.5)
        );
    }
}

/// The scale under the bars, and a legend for what the marks mean;
/// returns the chart's height.
fn scale_and_legend(body: &mut String, used: Used, y: f64, id: &str) -> f64 {
    let _ = write!(
        body,
        "<g class=\"axis\" font-size=\"11\"><text x=\"0\" y=\"{y}\">0%</text><text x=\"{}\" y=\"{y}\" text-anchor=\"end\">100%</text></g>",
        Num(TRACK),
        y = Num(y)
    );
    body.push('\n');
    let y = y + 10.0;
    let mut kinds = vec!["solid"];
    if used.range {
        kinds.push("range");
    }
    if used.bound {
        kinds.push("bound");
    }
    let legend = legend_items(&kinds, &kinds);
    let legend: Vec<(&str, &str)> = legend.iter().map(|(k, t)| (*k, t.as_str())).collect();
    y + legend_row(body, &legend, y, id)
}
