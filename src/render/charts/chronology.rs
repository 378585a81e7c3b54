//! The chronology chart: each item a row, its mark on a time axis drawn
//! to scale, with breaks where time is left out.

use std::fmt::Write as _;

use super::axis::Axis;
use super::legend::{legend_items, legend_row};
use super::marks::{End, Mark, known_days, place, runs_on_and_before};
use super::num::Num;
use super::shapes::{arrow, cross, diamond, fuzzy, mark_style};
use super::svg::{Desc, chart_open, sources_caption, text_lines};
use super::text::{text_width, wrap};
use super::xml::{IdPart, Xml};
use crate::format::{DateView, EventStatus};
use crate::resolve::{ChronoKind, ChronoView, View};

/// The chart's width.
const W: f64 = 720.0;
/// The width of the items' words, left of the plot.
const LABEL_W: f64 = 250.0;
/// Where the plot starts and ends.
const PLOT_L: f64 = 270.0;
const PLOT_R: f64 = 712.0;
/// The height of an item's row.
const ROW: f64 = 44.0;

/// The marks the legend explains, in its order; each says what it means
/// in the message `chart-legend-KIND`.
const LEGEND: &[&str] = &[
    "held",
    "planned",
    "off",
    "statement",
    "span",
    "fuzzy",
    "inferred",
    "break",
];

/// The chronology chart of a view, or nothing for an empty chronology.
pub(super) fn chronology_svg(view: &View, id: &str) -> String {
    let items = &view.chronology;
    if items.is_empty() {
        return String::new();
    }
    let marks = place(items);
    // Room on the left and right for what runs on past the known dates.
    let (runs_on, runs_before) = runs_on_and_before(&marks);
    let axis = Axis::new(
        known_days(&marks),
        PLOT_L + if runs_before { 60.0 } else { 0.0 },
        PLOT_R - if runs_on { 90.0 } else { 0.0 },
    );
    let mut plot = Plot {
        id,
        axis,
        // About 1 KB of markup an item, and 1.5 KB for the axis and legend.
        body: String::with_capacity(1024 * items.len() + 1536),
        used: Vec::new(),
        inferred_days: Vec::new(),
    };
    let w = crate::i18n::words();
    let mut desc = Desc::new(
        &format!("{} ", w.get("chart-chronology-desc")),
        192 * items.len(),
    );
    let mut label = String::new();
    for (i, (c, m)) in items.iter().zip(&marks).enumerate() {
        plot.item(&mut desc, &mut label, i, c, m);
    }
    let ay = 6.0 + items.len() as f64 * ROW + 6.0;
    if plot.axis.draw(&mut plot.body, ay, &plot.inferred_days) {
        plot.use_("break");
    }
    let legend = legend_items(LEGEND, &plot.used);
    let legend: Vec<(&str, &str)> = legend.iter().map(|(k, t)| (*k, t.as_str())).collect();
    let mut y = ay + 32.0;
    y += legend_row(&mut plot.body, &legend, y, id);
    let desc = desc.end(".");
    let mut out = chart_open(
        id,
        "chart-chronology",
        W,
        y,
        &w.get("chronology"),
        &desc,
        &plot.body,
    );
    out.push_str("</svg>\n<figcaption>");
    out.push_str(&Xml(&w.get("chart-chronology-caption")).to_string());
    sources_caption(&mut out, items.iter().flat_map(|c| &c.cites));
    out.push_str("</figcaption>\n</figure>");
    out
}

/// How an item looks, whatever its mark.
#[derive(Clone, Copy)]
struct Look {
    /// `solid`, `planned` or `off`: see [`status_style`].
    style: &'static str,
    /// A statement, drawn as a diamond rather than a circle.
    statement: bool,
    /// Part of its date was inferred: ringed.
    inferred: bool,
}

/// The chart's body as it is drawn, with what it has used so far.
struct Plot<'a> {
    id: &'a str,
    axis: Axis,
    body: String,
    /// The kinds of marks drawn, for the legend.
    used: Vec<&'static str>,
    /// The days of inferred dates, starred under the axis.
    inferred_days: Vec<i64>,
}

impl Plot<'_> {
    /// Notes that a kind of mark is drawn, for the legend.
    fn use_(&mut self, kind: &'static str) {
        if !self.used.contains(&kind) {
            self.used.push(kind);
        }
    }

    /// Draws the `i`th item: its words on the left, its mark on the axis,
    /// and its date above the mark.
    fn item(&mut self, desc: &mut Desc, label: &mut String, i: usize, c: &ChronoView, m: &Mark) {
        let y = 6.0 + i as f64 * ROW;
        let cy = y + 28.0;
        let look = Look {
            style: status_style(c),
            statement: match c.source_kind {
                ChronoKind::Statement => true,
                ChronoKind::Event | ChronoKind::Agreement | ChronoKind::Deadline => false,
            },
            inferred: c.date.as_ref().is_some_and(|d| !d.inferred.is_empty()),
        };
        item_open(&mut self.body, desc, self.id, c, look);
        let lines = wrap(&c.text, LABEL_W, 12.0, 2);
        text_lines(&mut self.body, 0.0, y + 16.0, 15.0, &lines, "");
        // A faint guide from the label to the plot.
        let _ = write!(
            self.body,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{cy}\" y2=\"{cy}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>",
            Num(PLOT_L),
            Num(PLOT_R),
            cy = Num(cy)
        );
        self.use_(match (look.statement, look.style) {
            (true, _) => "statement",
            (false, "planned") => "planned",
            (false, "off") => "off",
            _ => "held",
        });
        let anchor_x = match *m {
            Mark::Point { day, fuzz } => Some(self.point(day, fuzz, cy, look)),
            Mark::Span { start, end, fuzz } => Some(self.span(start, end, fuzz, cy, look)),
            Mark::After { day } => Some(self.after(day, cy, look)),
            Mark::Unplaced => None,
        };
        date_label(&mut self.body, label, c, anchor_x, y);
        self.body.push_str("</g>\n");
    }

    /// A known day: a dot, or a diamond for a statement, with fading
    /// sides when approximate. Returns its x.
    fn point(&mut self, day: i64, fuzz: i64, cy: f64, look: Look) -> f64 {
        let axis = &self.axis;
        let x = axis.x(day) + 0.5 * (axis.x(day + 1) - axis.x(day));
        if fuzz > 0 {
            let (a, b) = (axis.x(day - fuzz), axis.x(day + 1 + fuzz));
            fuzzy(&mut self.body, self.id, a, x, cy, 8.0, "left");
            fuzzy(&mut self.body, self.id, x, b, cy, 8.0, "right");
            self.use_("fuzzy");
        }
        if look.statement {
            diamond(&mut self.body, x, cy, 6.0, look.style);
        } else {
            let _ = write!(
                self.body,
                "<circle cx=\"{}\" cy=\"{}\" r=\"5.5\"{}/>",
                Num(x),
                Num(cy),
                mark_style(look.style)
            );
        }
        if look.style == "off" {
            cross(&mut self.body, x, cy);
        }
        if look.inferred {
            self.use_("inferred");
            self.inferred_days.push(day);
            let _ = write!(
                self.body,
                "<circle class=\"inferred-ring\" cx=\"{}\" cy=\"{}\" r=\"9.5\" fill=\"none\" stroke=\"currentColor\" stroke-dasharray=\"1 2\"/>",
                Num(x),
                Num(cy)
            );
        }
        x
    }

    /// A month, a year or an interval: a bar, with fading or arrowed ends
    /// where it is approximate, unknown or open. Returns where it starts.
    fn span(&mut self, start: End, end: End, fuzz: i64, cy: f64, look: Look) -> f64 {
        let a = match start {
            End::Day(d) => self.axis.x(d),
            _ => PLOT_L,
        };
        let b = match end {
            End::Day(d) => self.axis.x(d),
            _ => PLOT_R,
        };
        let (a, b) = if b - a < 4.0 {
            (a - 2.0, a + 2.0)
        } else {
            (a, b)
        };
        self.use_("span");
        let _ = write!(
            self.body,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\"{}/>",
            Num(a),
            Num(cy - 5.0),
            Num(b - a),
            mark_style(look.style)
        );
        if fuzz > 0 {
            self.use_("fuzzy");
            if let End::Day(d) = start {
                let from = self.axis.x(d - fuzz);
                fuzzy(&mut self.body, self.id, from, a, cy, 10.0, "left");
            }
            if let End::Day(d) = end {
                let to = self.axis.x(d + fuzz);
                fuzzy(&mut self.body, self.id, b, to, cy, 10.0, "right");
            }
        }
        self.span_ends([(start, a, -1.0), (end, b, 1.0)], cy);
        if look.style == "off" {
            cross(&mut self.body, (a + b) / 2.0, cy);
        }
        if look.inferred {
            self.use_("inferred");
            if let End::Day(d) = start {
                self.inferred_days.push(d);
            }
            let _ = write!(
                self.body,
                "<rect class=\"inferred-ring\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"none\" stroke=\"currentColor\" stroke-dasharray=\"1 2\"/>",
                Num(a - 4.0),
                Num(cy - 9.0),
                Num(b - a + 8.0)
            );
        }
        a
    }

    /// A span's open ends get an arrow, its unknown ends a fade.
    fn span_ends(&mut self, ends: [(End, f64, f64); 2], cy: f64) {
        for (e, x, dir) in ends {
            match e {
                End::Open => arrow(&mut self.body, x, cy, dir),
                End::Unknown => {
                    self.use_("fuzzy");
                    let (l, r, side) = if dir < 0.0 {
                        (x, x + 30.0, "left")
                    } else {
                        (x - 30.0, x, "right")
                    };
                    fuzzy(&mut self.body, self.id, l, r, cy, 10.0, side);
                }
                End::Day(_) => {}
            }
        }
    }

    /// An undated item after a dated one: an open, fading bar from where
    /// that one ends. Returns where it starts.
    fn after(&mut self, day: i64, cy: f64, look: Look) -> f64 {
        self.use_("fuzzy");
        let a = self.axis.x(day);
        let b = PLOT_R - 2.0;
        let _ = write!(
            self.body,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" fill=\"url(#{}-fade-right)\"{}/>",
            Num(a),
            Num(cy - 5.0),
            Num((b - a).max(4.0)),
            self.id,
            if look.style == "planned" {
                " stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\""
            } else {
                ""
            }
        );
        a
    }
}

/// Opens an item's group with its title, which the description repeats.
fn item_open(body: &mut String, desc: &mut Desc, id: &str, c: &ChronoView, look: Look) {
    let _ = write!(
        body,
        "<g class=\"item {} {}{}\" id=\"{id}-{}\"><title>",
        c.source_kind.text(),
        look.style,
        if look.inferred { " inferred" } else { "" },
        IdPart(&c.id)
    );
    let not_given;
    let full_date = match &c.date {
        Some(d) => d.text.as_str(),
        None => {
            not_given = crate::i18n::words().get("date-not-given");
            not_given.as_str()
        }
    };
    let title = body.len();
    let _ = write!(body, "{}: {}", Xml(full_date), Xml(&c.text));
    if let Some(s) = c.status {
        let _ = write!(body, " ({})", Xml(&s.shown()));
    }
    desc.item(&body[title..]);
    body.push_str("</title>");
}

/// The item's date in words, above its mark: starting at the mark, or
/// ending there when it would run past the plot. `label` is room to
/// write it, kept between items.
fn date_label(
    body: &mut String,
    label: &mut String,
    c: &ChronoView,
    anchor_x: Option<f64>,
    y: f64,
) {
    label.clear();
    short_date(label, c.date.as_ref());
    if let Some(s) = c.status {
        label.push_str(" · ");
        label.push_str(&s.shown());
    }
    let max_w = PLOT_R - PLOT_L;
    let lines = wrap(label, max_w, 11.0, 1);
    let width = lines.first().map_or(0.0, |l| text_width(l, 11.0));
    let x = match anchor_x {
        Some(x) if x + width <= PLOT_R => x,
        Some(x) if x - width >= PLOT_L => x - width,
        _ => PLOT_L,
    };
    text_lines(
        body,
        x,
        y + 14.0,
        13.0,
        &lines,
        " font-size=\"11\" class=\"when\"",
    );
}

/// The short date of an item for the chart: the source's words, or the
/// normalised date, with what was inferred or is unknown.
fn short_date(text: &mut String, d: Option<&DateView>) {
    let w = crate::i18n::words();
    let Some(d) = d else {
        text.push_str(&w.get("date-not-given"));
        return;
    };
    match d.stated.as_deref().or(d.normalised.as_deref()) {
        Some(s) => text.push_str(s),
        None => text.push_str(&w.get("date-unknown")),
    }
    if !d.inferred.is_empty() {
        let parts: Vec<String> = d
            .inferred
            .iter()
            .map(|p| w.get(&format!("part-{}", p.name())))
            .collect();
        text.push(' ');
        text.push_str(&w.msg(
            "chart-parts-inferred",
            &[("parts", crate::format::join_and(&parts).into())],
        ));
    } else if d.edtf.is_none() && d.stated.is_some() {
        text.push(' ');
        text.push_str(&w.get("chart-exact-date-unknown"));
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
}

/// How an item's status is drawn: `solid` (held or happened), `planned`
/// or `off` (postponed or cancelled).
fn status_style(c: &ChronoView) -> &'static str {
    // A deadline is still to come, as a planned meeting is.
    if c.source_kind == ChronoKind::Deadline {
        return "planned";
    }
    match c.status {
        Some(EventStatus::Scheduled | EventStatus::Proposed) => "planned",
        Some(EventStatus::Postponed | EventStatus::Cancelled) => "off",
        _ => "solid",
    }
}
