//! The legend under each chart: a sample of each mark used and what it
//! means, in rows.

use std::fmt::{self, Write as _};

use super::num::Num;
use super::shapes::diamond;
use super::text::{text_width, wrap};
use super::xml::Xml;

/// The legend's entries for the marks of `kinds` that are in `used`,
/// each with its meaning in the reader's words (`chart-legend-KIND`).
pub(super) fn legend_items(kinds: &[&'static str], used: &[&str]) -> Vec<(&'static str, String)> {
    let w = crate::i18n::words();
    kinds
        .iter()
        .filter(|k| used.contains(k))
        .map(|k| (*k, w.get(&format!("chart-legend-{k}"))))
        .collect()
}

/// A legend: sample marks and their meaning, in rows, from `y` down.
/// Returns its height.
pub(super) fn legend_row(out: &mut String, items: &[(&str, &str)], y: f64, id: &str) -> f64 {
    // A meaning too long for one line of the chart (a long German
    // compound, a Cyrillic phrase) is wrapped, never clipped.
    const WIDTH: f64 = 720.0;
    const TEXT_W: f64 = WIDTH - 28.0 - 18.0;
    out.push_str("<g class=\"legend\" font-size=\"11\">");
    let (mut x, mut row, mut row_lines) = (0.0, 0.0, 1usize);
    for (kind, label) in items {
        let lines = if text_width(label, 11.0) > TEXT_W {
            wrap(label, TEXT_W, 11.0, 3)
        } else {
            vec![(*label).to_string()]
        };
        let widest = lines
            .iter()
            .map(|l| text_width(l, 11.0))
            .fold(0.0, f64::max);
        let w = 28.0 + widest + 18.0;
        if x > 0.0 && x + w > WIDTH {
            x = 0.0;
            row += 18.0 + 13.0 * (row_lines - 1) as f64;
            row_lines = 1;
        }
        row_lines = row_lines.max(lines.len());
        let top = y + row;
        let _ = sample(out, kind, x, top, id);
        for (i, line) in lines.iter().enumerate() {
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                Num(x + 26.0),
                Num(top + 9.0 + 13.0 * i as f64),
                Xml(line)
            );
        }
        x += w;
    }
    out.push_str("</g>\n");
    row + 22.0 + 13.0 * (row_lines - 1) as f64
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meaning_too_long_for_the_chart_is_wrapped_not_clipped() {
        let long = "gepunkteter Ring, *: Jahr oder anderer Teil erschlossen, nicht angegeben; \
                    Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenberechnung \
                    und noch einmal dieselbe lange Erklärung für die Leserinnen und Leser";
        let mut out = String::new();
        let one = legend_row(&mut out, &[("held", "held")], 0.0, "c");
        out.clear();
        let height = legend_row(&mut out, &[("inferred", long)], 0.0, "c");
        let lines: Vec<&str> = out.split("<text ").skip(1).collect();
        assert!(lines.len() >= 2, "{out}");
        assert!(height > one, "{height} {one}");
        for l in lines {
            let text = &l[l.find('>').unwrap() + 1..l.find("</text>").unwrap()];
            assert!(26.0 + text_width(text, 11.0) <= 720.0, "{text}");
        }
    }
}
