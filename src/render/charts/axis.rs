//! The chronology's time axis: stretches of time drawn to scale, with
//! breaks where time is left out, and their labels.

use std::fmt::Write as _;

use super::days::civil;
use super::num::Num;
use super::xml::Xml;

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
pub(super) struct Axis {
    segments: Vec<Segment>,
    left: f64,
    right: f64,
}

impl Axis {
    /// Builds segments around the known intervals `[a, b)`, splitting where
    /// the gap between them is large for the whole span.
    pub(super) fn new(mut known: Vec<(i64, i64, usize)>, left: f64, right: f64) -> Self {
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
        // The room a break takes.
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

    /// Draws the axis at `ay`: a line per segment, breaks between, and
    /// the stretch of time under each, starred where a date in it was
    /// inferred. Returns whether it has a break.
    pub(super) fn draw(&self, body: &mut String, ay: f64, inferred_days: &[i64]) -> bool {
        body.push_str("<g class=\"axis\" font-size=\"11\">");
        for (i, s) in self.segments.iter().enumerate() {
            let _ = write!(
                body,
                "<line x1=\"{}\" x2=\"{}\" y1=\"{ay}\" y2=\"{ay}\" stroke=\"currentColor\"/>",
                Num(s.x0),
                Num(s.x1),
                ay = Num(ay)
            );
            for x in [s.x0, s.x1] {
                let _ = write!(
                    body,
                    "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\"/>",
                    Num(ay - 3.0),
                    Num(ay + 3.0),
                    x = Num(x)
                );
            }
            if i > 0 {
                axis_break(body, (self.segments[i - 1].x1 + s.x0) / 2.0, ay);
            }
            let marked = inferred_days.iter().any(|&d| d >= s.from && d <= s.to);
            let _ = write!(
                body,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">",
                Num((s.x0 + s.x1) / 2.0),
                Num(ay + 16.0),
            );
            segment_label(body, s);
            if marked {
                body.push('*');
            }
            body.push_str("</text>");
        }
        body.push_str("</g>\n");
        self.segments.len() > 1
    }

    /// The x of a day: linear inside a segment, and across the break
    /// between two.
    pub(super) fn x(&self, day: i64) -> f64 {
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

/// The label of a segment: its stretch of time in a few characters, with
/// nothing to escape.
fn segment_label(out: &mut String, s: &Segment) {
    let (y0, m0, d0) = civil(s.first);
    let (y1, m1, d1) = civil(s.last - 1);
    let w = crate::i18n::words();
    let month = |m: u8| Xml(&w.get(&format!("month-short-{m}"))).to_string();
    let days = s.last - s.first;
    let whole_years = (m0, d0, m1, d1) == (1, 1, 12, 31);
    let _ = if days > 500 || whole_years {
        if y0 == y1 {
            write!(out, "{y0}")
        } else {
            write!(out, "{y0}–{y1}")
        }
    } else if y0 == y1 && m0 == m1 {
        write!(out, "{} {y0}", month(m0))
    } else if y0 == y1 {
        write!(out, "{}–{} {y0}", month(m0), month(m1))
    } else {
        write!(out, "{} {y0} – {} {y1}", month(m0), month(m1))
    };
}

/// The zigzag of a break in the axis, centred on `gx`.
fn axis_break(body: &mut String, gx: f64, ay: f64) {
    let _ = write!(
        body,
        "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"/>",
        Num(gx - 6.0),
        Num(ay + 6.0),
        Num(gx - 1.0),
        Num(ay - 6.0),
        Num(gx + 1.0),
        Num(ay + 6.0),
        Num(gx + 6.0),
        Num(ay - 6.0)
    );
}
