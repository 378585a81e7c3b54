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

use std::fmt::{self, Write as _};

use serde::Serialize;

use crate::date::{Bound, Edtf};
use crate::format::{Cite, ControlStatus, DateView, EventStatus, EventView, FigureView, Qualifier};
use crate::resolve::{ChronoView, RelationView, View};

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
    let prefix = format!("brief-{}", IdPart(&view.brief.id));
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
//
// The charts are written straight into one `String` each: numbers, escaped
// text and ids go in through the small `Display` types below, which write
// their text without building a `String` of their own.

/// Escapes text for XML (element text and quoted attributes). Characters
/// XML 1.0 does not allow become U+FFFD; line breaks become spaces.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let _ = write!(out, "{}", Xml(s));
    out
}

/// Text to write XML-escaped, as [`xml_escape`] escapes it.
#[derive(Clone, Copy)]
struct Xml<'a>(&'a str);

/// The bytes that start a character [`Xml`] does not write as it is: the
/// markup characters, the C0 controls and DEL, and the first bytes of the
/// two-byte (C1 controls) and three-byte (U+FFFE, U+FFFF) encodings of the
/// others, which are then looked at more closely.
const XML_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    let others = b"&<>\"'\x7f\xc2\xef";
    let mut i = 0;
    while i < others.len() {
        table[others[i] as usize] = true;
        i += 1;
    }
    table
};

impl fmt::Display for Xml<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, bytes) = (self.0, self.0.as_bytes());
        // Runs of characters that stay as they are are written in one go.
        let mut run = 0;
        let mut i = 0;
        while i < bytes.len() {
            if !XML_SPECIAL[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            let (with, len) = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
                (b'&', ..) => ("&amp;", 1),
                (b'<', ..) => ("&lt;", 1),
                (b'>', ..) => ("&gt;", 1),
                (b'"', ..) => ("&quot;", 1),
                (b'\'', ..) => ("&#39;", 1),
                (b'\n' | b'\r' | b'\t', ..) => (" ", 1),
                (0..=0x1f | 0x7f, ..) => ("\u{fffd}", 1),
                // U+0080 to U+009F.
                (0xc2, Some(0x80..=0x9f), _) => ("\u{fffd}", 2),
                // U+FFFE and U+FFFF.
                (0xef, Some(0xbf), Some(0xbe | 0xbf)) => ("\u{fffd}", 3),
                // Another character starting with 0xC2 or 0xEF.
                _ => {
                    i += 1;
                    continue;
                }
            };
            // `i` starts a character: the special bytes are ASCII or lead
            // bytes, never continuation bytes.
            f.write_str(&s[run..i])?;
            f.write_str(with)?;
            i += len;
            run = i;
        }
        f.write_str(&s[run..])
    }
}

/// An id-safe form of a user id: ASCII letters, digits, `-` and `_` kept,
/// any other character `_`, and `_` for an empty id.
#[derive(Clone, Copy)]
struct IdPart<'a>(&'a str);

impl fmt::Display for IdPart<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let keep = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        let s = self.0;
        if s.is_empty() {
            f.write_str("_")
        } else if s.chars().all(keep) {
            f.write_str(s)
        } else {
            s.chars()
                .try_for_each(|c| f.write_char(if keep(c) { c } else { '_' }))
        }
    }
}

/// A coordinate, written with at most one decimal: `12`, `12.5`, `-0.5`;
/// 0 for what is not finite.
#[derive(Clone, Copy)]
struct Num(f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() { self.0 } else { 0.0 };
        let tenths = (v * 10.0).round();
        if tenths.abs() >= 1e15 {
            // Far beyond any drawing: the general formatting, which the
            // digits below agree with for everything smaller.
            let r = tenths / 10.0;
            return if r.fract() == 0.0 {
                write!(f, "{}", r as i64)
            } else {
                write!(f, "{r:.1}")
            };
        }
        // `tenths` is a whole number, held exactly. Below 1e15 tenths, a
        // value whose tenth is not 0 is never whole in an `f64`, and `{:.1}`
        // writes exactly its tenths: so the digits are written here, the
        // whole part, then `.` and the tenth unless it is 0.
        let t = tenths as i64;
        let (whole, tenth) = (t.unsigned_abs() / 10, t.unsigned_abs() % 10);
        let mut text = [0u8; 24];
        let mut at = text.len();
        let mut put = |b: u8| {
            at -= 1;
            text[at] = b;
        };
        if tenth != 0 {
            put(b'0' + tenth as u8);
            put(b'.');
        }
        let mut rest = whole;
        loop {
            put(b'0' + (rest % 10) as u8);
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if t < 0 {
            put(b'-');
        }
        // ASCII, so UTF-8.
        f.write_str(std::str::from_utf8(&text[at..]).map_err(|_| fmt::Error)?)
    }
}

/// How wide each ASCII character is, in units of the font size: see
/// [`char_units`].
const ASCII_UNITS: [f64; 128] = {
    let mut units = [0.63; 128];
    let mut c = b'A';
    while c <= b'Z' {
        units[c as usize] = 0.76;
        c += 1;
    }
    let narrow = b"iljtfr.,;:'!| ";
    let mut i = 0;
    while i < narrow.len() {
        units[narrow[i] as usize] = 0.38;
        i += 1;
    }
    let wide = b"mwMW@%";
    let mut i = 0;
    while i < wide.len() {
        units[wide[i] as usize] = 0.95;
        i += 1;
    }
    units
};

/// Roughly how wide a character is, in units of the font size: narrow and
/// wide Latin letters, capitals, other ASCII, wide scripts (from U+1100)
/// and everything else.
fn char_units(c: char) -> f64 {
    match c {
        c if c.is_ascii() => ASCII_UNITS[c as usize],
        c if (c as u32) >= 0x1100 => 1.05,
        _ => 0.68,
    }
}

/// Adds the widths of `s`'s characters to `units`, one by one from the
/// left: so a width measured in pieces is the one measured in one go.
fn add_units(units: f64, s: &str) -> f64 {
    s.chars().fold(units, |sum, c| sum + char_units(c))
}

/// Roughly how wide `s` is at `size` px, for wrapping: an estimate that
/// errs on the wide side, so text stays inside its box.
fn text_width(s: &str, size: f64) -> f64 {
    s.chars().map(char_units).sum::<f64>() * size
}

/// The next word of `s` from byte `from` on, as `split_whitespace` finds
/// words: where it starts and ends, and `units` with the widths of its
/// characters added one by one.
fn next_word(s: &str, from: usize, mut units: f64) -> Option<(usize, usize, f64)> {
    let mut chars = s[from..].char_indices();
    let start = loop {
        let (i, c) = chars.next()?;
        if !c.is_whitespace() {
            units += char_units(c);
            break from + i;
        }
    };
    for (i, c) in chars {
        if c.is_whitespace() {
            return Some((start, from + i, units));
        }
        units += char_units(c);
    }
    Some((start, s.len(), units))
}

/// Breaks `s` into at most `max_lines` lines of at most `width` px; the
/// last line ends with `…` when text was left out.
///
/// A line's width is kept as it grows, added up in the same order as
/// [`text_width`] adds up the whole line, so each word is measured where it
/// is tried and the breaks fall exactly where `text_width` puts them.
fn wrap(s: &str, width: f64, size: f64, max_lines: usize) -> Vec<String> {
    let fits = |units: f64| units * size <= width;
    let mut lines: Vec<String> = Vec::with_capacity(max_lines);
    // The line being filled: the words in `s[start..end]`, `units` wide,
    // and whether they are one space apart there (else the line is
    // written with one).
    let (mut start, mut end, mut units, mut one_space) = (0, 0, 0.0, true);
    let line = |start: usize, end: usize, one_space: bool| -> String {
        let text = &s[start..end];
        if one_space {
            return text.to_string();
        }
        let mut line = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        line
    };
    let mut from = 0;
    let mut cut = false;
    loop {
        // The line with the next word, measured as the whole line would be.
        let with = if start == end {
            0.0
        } else {
            units + char_units(' ')
        };
        let Some((word_start, word_end, with_word)) = next_word(s, from, with) else {
            break;
        };
        from = word_end;
        if fits(with_word) {
            if start == end {
                (start, one_space) = (word_start, true);
            } else {
                one_space &= &s[end..word_start] == " ";
            }
            (end, units) = (word_end, with_word);
            continue;
        }
        if start < end {
            lines.push(line(start, end, one_space));
            start = end;
        }
        if lines.len() == max_lines {
            cut = true;
            break;
        }
        // A word wider than the line is broken where it must be.
        let mut rest = &s[word_start..word_end];
        let mut rest_units = add_units(0.0, rest);
        while !fits(rest_units) {
            // The longest head that fits, and at least one character.
            let (mut head_len, mut head_units) = (0, 0.0);
            for (i, c) in rest.char_indices() {
                let units = head_units + char_units(c);
                if !fits(units) && head_len > 0 {
                    break;
                }
                (head_len, head_units) = (i + c.len_utf8(), units);
            }
            lines.push(rest[..head_len].to_string());
            rest = &rest[head_len..];
            rest_units = add_units(0.0, rest);
            if lines.len() == max_lines {
                let more_words = s[from..].contains(|c: char| !c.is_whitespace());
                cut = !rest.is_empty() || more_words;
                break;
            }
        }
        if lines.len() == max_lines {
            if !rest.is_empty() {
                cut = true;
            }
            break;
        }
        (start, end, units, one_space) = (word_end - rest.len(), word_end, rest_units, true);
    }
    if start < end {
        if lines.len() < max_lines {
            lines.push(line(start, end, one_space));
        } else {
            cut = true;
        }
    }
    if cut && let Some(last) = lines.last_mut() {
        // The longest start of the line that fits with the `…`: widths of
        // starts only grow, so the first that does not fit ends the search.
        let ellipsis = char_units('…');
        let (mut keep, mut units) = (0, 0.0);
        for (i, c) in last.char_indices() {
            units += char_units(c);
            if !fits(units + ellipsis) {
                break;
            }
            keep = i + c.len_utf8();
        }
        last.truncate(keep);
        last.truncate(last.trim_end().len());
        last.push('…');
    }
    lines
}

/// `<text>` with one `<tspan>` per line.
fn text_lines(out: &mut String, x: f64, y: f64, line_height: f64, lines: &[String], attrs: &str) {
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
struct Desc {
    xml: String,
    items: usize,
}

impl Desc {
    fn new(intro: &str, capacity: usize) -> Self {
        let mut xml = String::with_capacity(intro.len() + capacity);
        xml.push_str(intro);
        Desc { xml, items: 0 }
    }

    /// Adds an item, already escaped.
    fn item(&mut self, xml: &str) {
        if self.items > 0 {
            self.xml.push_str("; ");
        }
        self.xml.push_str(xml);
        self.items += 1;
    }

    fn end(mut self, outro: &str) -> String {
        self.xml.push_str(outro);
        self.xml
    }
}

/// The start of a chart's `<figure>` and `<svg>`, with room for `body`:
/// what is left is the caption.
fn chart_open(
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
fn sources_caption<'a>(out: &mut String, cites: impl IntoIterator<Item = &'a Cite>) {
    let mut cites: Vec<&Cite> = cites.into_iter().collect();
    cites.sort_by_key(|c| c.n);
    cites.dedup_by_key(|c| c.n);
    if cites.is_empty() {
        return;
    }
    out.push_str(if cites.len() == 1 {
        " Source: "
    } else {
        " Sources: "
    });
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
    match f.qualifier {
        Qualifier::Nearly | Qualifier::Under => Share {
            solid: c(v - fuzz),
            range: Some((c(v - fuzz), c(v))),
            bound: c(v),
            side: -1,
            inclusive: false,
        },
        Qualifier::AtMost => Share {
            solid: c(v - fuzz),
            range: Some((c(v - fuzz), c(v))),
            bound: c(v),
            side: -1,
            inclusive: true,
        },
        Qualifier::Over => Share {
            solid: c(v),
            range: Some((c(v), c(v + fuzz))),
            bound: c(v),
            side: 1,
            inclusive: false,
        },
        Qualifier::AtLeast => Share {
            solid: c(v),
            range: Some((c(v), c(v + fuzz))),
            bound: c(v),
            side: 1,
            inclusive: true,
        },
        Qualifier::About => Share {
            solid: c(v - fuzz),
            range: Some((c(v - fuzz), c(v + fuzz))),
            bound: c(v),
            side: 0,
            inclusive: true,
        },
        Qualifier::Unqualified | Qualifier::Exactly => Share {
            solid: c(v),
            range: None,
            bound: c(v),
            side: 0,
            inclusive: true,
        },
    }
}

fn is_percent(f: &FigureView) -> bool {
    f.percent
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
    if let [init @ .., last] = f.includes.as_slice() {
        label.push_str(", including ");
        for (i, item) in init.iter().enumerate() {
            if i > 0 {
                label.push_str(", ");
            }
            label.push_str(item);
        }
        if !init.is_empty() {
            label.push_str(" and ");
        }
        label.push_str(last);
    }
    match (&f.controller, f.status.map(ControlStatus::text)) {
        (Some(c), Some(s)) => {
            let _ = write!(label, " — {s} by {c}");
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
        let _ = write!(label, " (as of {})", as_of_text(f));
    }
    label
}

/// A figure's as-of date in words.
fn as_of_text(f: &FigureView) -> &str {
    f.as_of
        .as_ref()
        .map_or("date not given", |d| d.text.as_str())
}

fn territory_svg(view: &View, id: &str) -> String {
    let figures: Vec<(&FigureView, f64)> = view
        .figures
        .territory
        .iter()
        .filter(|f| is_percent(f))
        .filter_map(|f| Some((f, f.value.parse::<f64>().ok().filter(|v| v.is_finite())?)))
        .collect();
    let Some(&(first, _)) = figures.first() else {
        return String::new();
    };
    let one_as_of = figures
        .iter()
        .all(|(f, _)| as_of_text(f) == as_of_text(first));
    let mut bars = Vec::new();
    for &(f, value) in &figures {
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
    // About 1.4 KB of markup a bar, and 0.5 KB for the scale and legend.
    let mut body = String::with_capacity(1536 * bars.len() + 512);
    let mut y = 8.0;
    let mut desc = Desc::new(
        "Bar chart of the share of each area under the controller, on a scale of 0 to 100 percent. ",
        192 * bars.len(),
    );
    let (mut used_range, mut used_bound) = (false, false);
    for bar in &bars {
        let f = bar.figure;
        let lines = wrap(&bar.label, W, 13.0, 3);
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
        text_lines(&mut body, 0.0, y + 12.0, 15.0, &lines, " font-size=\"13\"");
        let top = y + 6.0 + 15.0 * lines.len() as f64;
        let s = share(f, bar.value);
        // The whole: an outlined track with quarter lines.
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
                x = Num(q * scale)
            );
        }
        if s.solid > 0.0 {
            let _ = write!(
                body,
                "<rect class=\"share\" x=\"0.5\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                Num(top),
                Num(s.solid * scale),
                Num(BAR_H)
            );
        }
        if let Some((a, b)) = s.range
            && b > a
        {
            used_range = true;
            let _ = write!(
                body,
                "<rect class=\"range\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"url(#{id}-hatch)\" stroke=\"currentColor\" stroke-dasharray=\"2 2\"/>",
                Num(a * scale + 0.5),
                Num(top),
                Num((b - a) * scale),
                Num(BAR_H)
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
            } else {
                // Around: whisker caps at both ends of the range.
                if let Some((a, b)) = s.range {
                    for x in [a, b] {
                        let _ = write!(
                            body,
                            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\"/>",
                            Num(top - 3.0),
                            Num(top + BAR_H + 3.0),
                            x = Num(x * scale + 0.5)
                        );
                    }
                }
            }
        } else {
            let _ = write!(
                body,
                "<line class=\"bound exact\" x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"currentColor\" stroke-width=\"2\"/>",
                Num(top - 2.0),
                Num(top + BAR_H + 2.0),
                x = Num(bx)
            );
        }
        let _ = write!(
            body,
            "<text class=\"value\" x=\"{}\" y=\"{}\" font-size=\"14\" font-weight=\"bold\">{}</text>",
            Num(TRACK + 12.0),
            Num(top + 13.0),
            Xml(&f.display)
        );
        body.push_str("</g>\n");
        y = top + BAR_H + 16.0;
    }
    // The scale, and a legend for what the marks mean.
    let _ = write!(
        body,
        "<g class=\"axis\" font-size=\"11\"><text x=\"0\" y=\"{y}\">0%</text><text x=\"{}\" y=\"{y}\" text-anchor=\"end\">100%</text></g>",
        Num(TRACK),
        y = Num(y)
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
    y += legend_row(&mut body, &legend, y, id);

    let desc = desc.end(". Qualified figures are drawn as bounds or ranges, not exact values.");
    let mut out = chart_open(
        id,
        "chart-territory",
        W,
        y,
        "Territorial control",
        &desc,
        &body,
    );
    out.push_str("</svg>\n<figcaption>");
    out.push_str("Territorial control: each bar is the controller's share of the area.");
    if one_as_of {
        let _ = write!(out, " As of: {}.", Xml(as_of_text(first)));
    }
    sources_caption(&mut out, figures.iter().flat_map(|(f, _)| &f.cites));
    let other = view.figures.territory.len() - figures.len();
    if other > 0 {
        out.push_str(" Figures not in percent are in the table only.");
    }
    out.push_str("</figcaption>\n</figure>");
    out
}

/// A legend: sample marks and their meaning, in rows.
/// Returns its height.
fn legend_row(out: &mut String, items: &[(&str, &str)], y: f64, id: &str) -> f64 {
    out.push_str("<g class=\"legend\" font-size=\"11\">");
    let (mut x, mut row) = (0.0, 0.0);
    for (kind, label) in items {
        let w = 28.0 + text_width(label, 11.0) + 18.0;
        if x > 0.0 && x + w > 720.0 {
            x = 0.0;
            row += 18.0;
        }
        let top = y + row;
        let _ = match *kind {
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
            "meets" => write!(
                out,
                "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"/>",
                Num(x),
                Num(top + 3.0),
                Num(x + 20.0),
                Num(top + 3.0),
                Num(x),
                Num(top + 7.0),
                Num(x + 20.0),
                Num(top + 7.0)
            ),
            "meets-planned" => write!(
                out,
                "<path d=\"M{} {} L{} {} M{} {} L{} {}\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>",
                Num(x),
                Num(top + 3.0),
                Num(x + 20.0),
                Num(top + 3.0),
                Num(x),
                Num(top + 7.0),
                Num(x + 20.0),
                Num(top + 7.0)
            ),
            _ => Ok(()),
        };
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

fn diamond(out: &mut String, cx: f64, cy: f64, r: f64, style: &str) {
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
    let Some(value) = date.and_then(|d| d.value) else {
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

/// The label of a segment: its stretch of time in a few characters, with
/// nothing to escape.
fn segment_label(out: &mut String, s: &Segment) {
    let (y0, m0, d0) = civil(s.first);
    let (y1, m1, d1) = civil(s.last - 1);
    let month = |m: u8| MONTHS[usize::from(m) - 1];
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

/// The short date of an item for the chart: the source's words, or the
/// normalised date, with what was inferred or is unknown.
fn short_date(text: &mut String, d: Option<&DateView>) {
    let Some(d) = d else {
        text.push_str("date not given");
        return;
    };
    text.push_str(
        d.stated
            .as_deref()
            .or(d.normalised.as_deref())
            .unwrap_or("date unknown"),
    );
    if !d.inferred.is_empty() {
        text.push_str(" (");
        for (i, part) in d.inferred.iter().enumerate() {
            if i > 0 {
                text.push_str(" and ");
            }
            text.push_str(part);
        }
        text.push_str(" inferred)");
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
}

fn status_style(c: &ChronoView) -> &'static str {
    match c.status {
        Some(EventStatus::Scheduled | EventStatus::Proposed) => "planned",
        Some(EventStatus::Postponed | EventStatus::Cancelled) => "off",
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
    // About 1 KB of markup an item, and 1.5 KB for the axis and legend.
    let mut body = String::with_capacity(1024 * items.len() + 1536);
    let mut used: Vec<&str> = Vec::new();
    let use_ = |k: &'static str, used: &mut Vec<&str>| {
        if !used.contains(&k) {
            used.push(k);
        }
    };
    let mut desc = Desc::new(
        "Timeline, earliest first; each stretch of time is to scale, with breaks where time is left out. ",
        192 * items.len(),
    );
    let mut inferred_days: Vec<i64> = Vec::new();
    let mut label = String::new();
    for (i, (c, m)) in items.iter().zip(&marks).enumerate() {
        let y = 6.0 + i as f64 * ROW;
        let cy = y + 28.0;
        let style = status_style(c);
        let inferred = c.date.as_ref().is_some_and(|d| !d.inferred.is_empty());
        let _ = write!(
            body,
            "<g class=\"item {} {style}{}\" id=\"{id}-{}\"><title>",
            c.source_kind,
            if inferred { " inferred" } else { "" },
            IdPart(&c.id)
        );
        let full_date = c
            .date
            .as_ref()
            .map_or("date not given", |d| d.text.as_str());
        let title = body.len();
        let _ = write!(body, "{}: {}", Xml(full_date), Xml(&c.text));
        if let Some(s) = c.status {
            let _ = write!(body, " ({})", Xml(s.text()));
        }
        desc.item(&body[title..]);
        body.push_str("</title>");
        let lines = wrap(&c.text, LABEL_W, 12.0, 2);
        text_lines(&mut body, 0.0, y + 16.0, 15.0, &lines, "");
        // A faint guide from the label to the plot.
        let _ = write!(
            body,
            "<line x1=\"{}\" x2=\"{}\" y1=\"{cy}\" y2=\"{cy}\" stroke=\"currentColor\" stroke-opacity=\"0.15\"/>",
            Num(PLOT_L),
            Num(PLOT_R),
            cy = Num(cy)
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
                    diamond(&mut body, x, cy, 6.0, style);
                } else {
                    let _ = write!(
                        body,
                        "<circle cx=\"{}\" cy=\"{}\" r=\"5.5\"{}/>",
                        Num(x),
                        Num(cy),
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
                        Num(x),
                        Num(cy)
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
                    Num(a),
                    Num(cy - 5.0),
                    Num(b - a),
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
                        Num(a - 4.0),
                        Num(cy - 9.0),
                        Num(b - a + 8.0)
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
                    Num(a),
                    Num(cy - 5.0),
                    Num((b - a).max(4.0)),
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
        label.clear();
        short_date(&mut label, c.date.as_ref());
        if let Some(s) = c.status {
            label.push_str(" · ");
            label.push_str(s.text());
        }
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
            let gx = (axis.segments[i - 1].x1 + s.x0) / 2.0;
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
            use_("break", &mut used);
        }
        let marked = inferred_days.iter().any(|&d| d >= s.from && d <= s.to);
        let _ = write!(
            body,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">",
            Num((s.x0 + s.x1) / 2.0),
            Num(ay + 16.0),
        );
        segment_label(&mut body, s);
        if marked {
            body.push('*');
        }
        body.push_str("</text>");
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
    y += legend_row(&mut body, &legend, y, id);
    let desc = desc.end(".");
    let mut out = chart_open(id, "chart-chronology", W, y, "Chronology", &desc, &body);
    out.push_str("</svg>\n<figcaption>Chronology on a time axis: each stretch of time is to scale; breaks mark time left out. Dates the source gives only in part are drawn as spans or fading marks, never as exact days.");
    sources_caption(&mut out, items.iter().flat_map(|c| &c.cites));
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
        Num(a),
        Num(cy - h / 2.0),
        Num(b - a),
        Num(h)
    );
}

fn arrow(out: &mut String, x: f64, cy: f64, dir: f64) {
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

fn cross(out: &mut String, x: f64, cy: f64) {
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

// ---------------------------------------------------------------------------
// Relations

fn relation_style(r: &RelationView) -> &'static str {
    match (r.kind, r.status) {
        ("aligns", _) => "aligns",
        ("rejects", _) => "rejects",
        (_, Some(EventStatus::Scheduled | EventStatus::Proposed)) => "meets-planned",
        (_, Some(EventStatus::Postponed | EventStatus::Cancelled)) => "meets-off",
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
    // About 1.5 KB of markup a relation, and 1 KB for the legend.
    let mut body = String::with_capacity(1536 * relations.len() + 1024);
    let mut used: Vec<&str> = Vec::new();
    let mut desc = Desc::new(
        "Who aligns with or rejects whose position, and who met or is to meet whom, one relation a row: ",
        192 * relations.len(),
    );
    for (i, r) in relations.iter().enumerate() {
        let y = 6.0 + i as f64 * ROW;
        let cy = y + 26.0;
        let style = relation_style(r);
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
            Xml(&r.position)
        );
        if let Some(w) = &r.with_position {
            let _ = write!(body, " — with: {}", Xml(w));
        }
        if let Some(f) = &r.framing {
            let _ = write!(body, " ({})", Xml(f));
        }
        if let Some(d) = &r.date {
            let _ = write!(body, " ({})", Xml(&d.text));
        }
        desc.item(&body[title..]);
        body.push_str("</title>");
        for (x, name) in [(0.0, &r.from), (rx, &r.to)] {
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
            "rejects" => {
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
            _ => {
                let dash = if style == "meets-planned" {
                    " stroke-dasharray=\"6 4\""
                } else {
                    ""
                };
                let _ = write!(
                    body,
                    "<path d=\"M{a} {} L{b} {} M{a} {} L{b} {}\" stroke=\"currentColor\" stroke-width=\"1.5\"{dash}/>",
                    Num(cy - 2.5),
                    Num(cy - 2.5),
                    Num(cy + 2.5),
                    Num(cy + 2.5),
                    a = Num(a),
                    b = Num(b)
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
    let height = y + legend_row(&mut body, &legend, y, id);
    let desc = desc.end(".");
    let mut out = chart_open(id, "chart-relations", W, height, "Relations", &desc, &body);
    out.push_str("</svg>\n<figcaption>Relations between the actors, one a row: who aligns with or rejects whose position, and who met or is to meet whom. The table below gives each in full.");
    sources_caption(&mut out, relations.iter().flat_map(|r| &r.cites));
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
    let _ = write!(out, "{}", MermaidText(s));
    out
}

/// Text to write escaped for a quoted Mermaid label, as [`mermaid_escape`]
/// escapes it.
#[derive(Clone, Copy)]
struct MermaidText<'a>(&'a str);

/// The bytes that start a character [`MermaidText`] does not write as it
/// is: the syntax characters, the C0 controls and DEL, and 0xC2, the first
/// byte of the C1 controls, which is then looked at more closely.
const MERMAID_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    let others = b"\"#;%<>&`[]{}|\x7f\xc2";
    let mut i = 0;
    while i < others.len() {
        table[others[i] as usize] = true;
        i += 1;
    }
    table
};

impl fmt::Display for MermaidText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, bytes) = (self.0, self.0.as_bytes());
        // Runs of characters that stay as they are are written in one go.
        let mut run = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if !MERMAID_SPECIAL[usize::from(b)] {
                i += 1;
                continue;
            }
            let len = match (b, bytes.get(i + 1)) {
                // U+0080 to U+009F.
                (0xc2, Some(0x80..=0x9f)) => 2,
                // Another character starting with 0xC2.
                (0xc2, _) => {
                    i += 1;
                    continue;
                }
                _ => 1,
            };
            // `i` starts a character: the special bytes are ASCII or a
            // lead byte.
            f.write_str(&s[run..i])?;
            match b {
                b'\n' | b'\r' | b'\t' => f.write_str(" ")?,
                0..=0x1f | 0x7f | 0xc2 => f.write_str("\u{fffd}")?,
                _ => write!(f, "#{b};")?,
            }
            i += len;
            run = i;
        }
        f.write_str(&s[run..])
    }
}

/// `  class c0,c3 planned`: a class for the nodes `prefix` + number.
fn class_line(out: &mut String, prefix: char, nodes: &[usize], class: &str) {
    out.push_str("  class ");
    for (k, i) in nodes.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        let _ = write!(out, "{prefix}{i}");
    }
    let _ = writeln!(out, " {class}");
}

fn chronology_mermaid(view: &View) -> String {
    let items = &view.chronology;
    if items.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(128 * items.len() + 128);
    out.push_str("```mermaid\nflowchart TB\n");
    for (i, c) in items.iter().enumerate() {
        let date = c
            .date
            .as_ref()
            .map_or("date not given", |d| d.text.as_str());
        // Shapes say what the words say: a stadium for what is planned, a
        // parallelogram for a statement.
        let (open, close) = match (c.source_kind, c.status) {
            ("statement", _) => ("[/\"", "\"/]"),
            (_, Some(EventStatus::Scheduled | EventStatus::Proposed)) => ("([\"", "\"])"),
            _ => ("[\"", "\"]"),
        };
        let _ = write!(
            out,
            "  c{i}{open}{}: {}",
            MermaidText(date),
            MermaidText(&c.text)
        );
        if let Some(s) = c.status {
            let _ = write!(out, " ({})", MermaidText(s.text()));
        }
        let _ = writeln!(out, "{close}");
    }
    for i in 1..items.len() {
        let _ = writeln!(out, "  c{} --> c{i}", i - 1);
    }
    let with_status = |statuses: &[EventStatus]| -> Vec<usize> {
        items
            .iter()
            .enumerate()
            .filter(|(_, c)| c.status.is_some_and(|s| statuses.contains(&s)))
            .map(|(i, _)| i)
            .collect()
    };
    let planned = with_status(&[EventStatus::Scheduled, EventStatus::Proposed]);
    let off = with_status(&[EventStatus::Postponed, EventStatus::Cancelled]);
    if !planned.is_empty() {
        out.push_str("  classDef planned stroke-dasharray: 5 5\n");
        class_line(&mut out, 'c', &planned, "planned");
    }
    if !off.is_empty() {
        out.push_str("  classDef off stroke-dasharray: 2 2\n");
        class_line(&mut out, 'c', &off, "off");
    }
    out.push_str("```");
    out
}

fn relations_mermaid(view: &View) -> String {
    if view.relations.is_empty() {
        return String::new();
    }
    let mut actors: Vec<&str> = Vec::new();
    // An actor's node number, numbered as first named.
    fn node<'a>(name: &'a str, actors: &mut Vec<&'a str>) -> usize {
        actors.iter().position(|a| *a == name).unwrap_or_else(|| {
            actors.push(name);
            actors.len() - 1
        })
    }
    let meetings: Vec<&EventView> = view
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
                let arrow = if r.kind == "aligns" { "-->" } else { "-.-x" };
                let _ = write!(
                    edges,
                    "  a{from} {arrow}|\"{}: {}",
                    MermaidText(&r.label),
                    MermaidText(&r.position)
                );
                if let Some(w) = &r.with_position {
                    let _ = write!(edges, " — with: {}", MermaidText(w));
                }
                let _ = writeln!(edges, "\"| a{to}");
            }
            _ => {
                let _ = write!(
                    events,
                    "  m{i}([\"{}: {}",
                    MermaidText(&r.label),
                    MermaidText(&r.position)
                );
                if let Some(d) = &r.date {
                    let _ = write!(events, " ({})", MermaidText(&d.text));
                }
                events.push_str("\"])\n");
                let planned_meeting = matches!(
                    r.status,
                    Some(EventStatus::Scheduled | EventStatus::Proposed)
                );
                if planned_meeting {
                    planned.push(i);
                }
                let link = if planned_meeting { "-.-" } else { "---" };
                let participants: Vec<&str> = match meetings.iter().find(|m| m.id == r.id) {
                    Some(m) => m.participants.iter().map(String::as_str).collect(),
                    None => vec![&r.from, &r.to],
                };
                for p in participants {
                    let a = node(p, &mut actors);
                    let _ = writeln!(edges, "  a{a} {link} m{i}");
                }
            }
        }
    }
    let mut out = String::with_capacity(64 * actors.len() + events.len() + edges.len() + 128);
    out.push_str("```mermaid\nflowchart LR\n");
    for (i, a) in actors.iter().enumerate() {
        let _ = writeln!(out, "  a{i}[\"{}\"]", MermaidText(a));
    }
    out.push_str(&events);
    out.push_str(&edges);
    if !planned.is_empty() {
        out.push_str("  classDef planned stroke-dasharray: 5 5\n");
        class_line(&mut out, 'm', &planned, "planned");
    }
    out.push_str("```");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain forms these helpers had before they wrote into their
    /// output directly and measured as they went: the faster forms must
    /// write exactly what these write.
    mod plain {
        use std::fmt::Write as _;

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

        pub fn id_part(s: &str) -> String {
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

        pub fn n(v: f64) -> String {
            let v = if v.is_finite() { v } else { 0.0 };
            let r = (v * 10.0).round() / 10.0;
            if r.fract() == 0.0 {
                format!("{}", r as i64)
            } else {
                format!("{r:.1}")
            }
        }

        pub fn text_width(s: &str, size: f64) -> f64 {
            s.chars()
                .map(|c| match c {
                    'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | ';' | ':' | '\'' | '!'
                    | '|' | ' ' => 0.38,
                    'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.95,
                    c if c.is_ascii_uppercase() => 0.76,
                    c if c.is_ascii() => 0.63,
                    c if (c as u32) >= 0x1100 => 1.05,
                    _ => 0.68,
                })
                .sum::<f64>()
                * size
        }

        pub fn wrap(s: &str, width: f64, size: f64, max_lines: usize) -> Vec<String> {
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
    }

    /// A small deterministic generator for test inputs (xorshift).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn pick<T: Copy>(&mut self, from: &[T]) -> T {
            from[self.below(from.len())]
        }
    }

    /// Characters that matter to the escapes, ids and widths: markup and
    /// Mermaid syntax, whitespace, controls, the bytes 0xC2 and 0xEF start
    /// (with and without the code points that are replaced), narrow, wide
    /// and other letters.
    const CHARS: &[char] = &[
        'a',
        'i',
        'm',
        'W',
        'Z',
        '0',
        '-',
        '_',
        '.',
        ' ',
        '&',
        '<',
        '>',
        '"',
        '\'',
        '#',
        ';',
        '%',
        '`',
        '[',
        ']',
        '{',
        '}',
        '|',
        '\n',
        '\r',
        '\t',
        '\u{0}',
        '\u{1f}',
        '\u{7f}',
        '\u{80}',
        '\u{85}',
        '\u{9f}',
        '\u{a0}',
        '\u{bf}',
        '\u{e9}',
        '\u{100}',
        '\u{7ff}',
        '\u{800}',
        '\u{10ff}',
        '\u{1100}',
        '\u{2026}',
        '\u{3000}',
        '\u{754c}',
        '\u{efbf}',
        '\u{f7be}',
        '\u{fbfe}',
        '\u{feff}',
        '\u{fffd}',
        '\u{fffe}',
        '\u{ffff}',
        '\u{ffbe}',
        '\u{ffbf}',
        '\u{1f600}',
        '\u{10ffff}',
    ];

    /// Every character up to U+3000 and some above, every string of two
    /// of [`CHARS`], then random longer ones.
    fn samples() -> Vec<String> {
        let mut all = vec![String::new()];
        let singles = (0..0x3000).chain([0xd7ff, 0xe000, 0xfeff, 0xfffd, 0x1_0000, 0x10_ffff]);
        all.extend(singles.filter_map(char::from_u32).map(String::from));
        for &a in CHARS {
            for &b in CHARS {
                all.push([a, b].iter().collect());
            }
        }
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..2000 {
            let len = rng.below(40);
            all.push((0..len).map(|_| rng.pick(CHARS)).collect());
        }
        all
    }

    #[test]
    fn escapes_and_ids_write_what_the_plain_forms_wrote() {
        for s in samples() {
            assert_eq!(xml_escape(&s), plain::xml_escape(&s), "{s:?}");
            assert_eq!(mermaid_escape(&s), plain::mermaid_escape(&s), "{s:?}");
            assert_eq!(IdPart(&s).to_string(), plain::id_part(&s), "{s:?}");
        }
    }

    #[test]
    fn widths_are_the_plain_widths() {
        for s in samples() {
            for size in [11.0, 12.0, 13.0] {
                assert_eq!(
                    text_width(&s, size).to_bits(),
                    plain::text_width(&s, size).to_bits(),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn numbers_are_written_as_format_wrote_them() {
        let mut values: Vec<f64> = vec![
            0.0,
            -0.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            0.05,
            -0.05,
            0.04999999999999999,
            0.15,
            0.25,
            0.35,
            0.45,
            -0.45,
            0.95,
            -0.95,
            9.95,
            99.95,
            -99.95,
            719.95,
            1e14,
            1e14 - 0.05,
            1e14 + 0.05,
            99_999_999_999_999.9,
            -99_999_999_999_999.9,
            1e15,
            -1e15,
            1e16 + 2.0,
            1e17,
            4.5e15,
            9.007_199_254_740_993e15,
            i64::MAX as f64,
            i64::MIN as f64,
            1e19,
            -1e19,
            1e300,
        ];
        // Every hundredth and some thousandths: the roundings at .x5.
        values.extend((-300_000..300_000).map(|i| f64::from(i) / 100.0));
        values.extend((-30_000..30_000).map(|i| f64::from(i) / 1000.0));
        values.extend((-3000..3000).map(|i| f64::from(i) * 0.1 + 0.05));
        // Random values over many magnitudes, and random bit patterns.
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..200_000 {
            let mantissa = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
            let exponent = rng.below(40) as i32 - 20;
            let sign = if rng.next() & 1 == 0 { 1.0 } else { -1.0 };
            values.push(sign * mantissa * 10f64.powi(exponent));
            values.push(f64::from_bits(rng.next()));
        }
        for v in values {
            assert_eq!(Num(v).to_string(), plain::n(v), "{v:e}");
        }
    }

    /// A random text to wrap: words of a few to many characters, some
    /// wide, between runs of spaces and other whitespace.
    fn words(rng: &mut Rng) -> String {
        let letters = [
            'a',
            'i',
            'm',
            'W',
            'Z',
            '&',
            '\u{e9}',
            '\u{754c}',
            '\u{1f600}',
            '-',
        ];
        let gaps = [
            " ", " ", " ", "  ", "\t", "\n", "\u{a0}", "\u{3000}", " \r\n ",
        ];
        let mut s = String::new();
        if rng.below(4) == 0 {
            s.push_str(rng.pick(&gaps));
        }
        for i in 0..rng.below(14) {
            if i > 0 {
                s.push_str(rng.pick(&gaps));
            }
            let len = match rng.below(8) {
                0 => 20 + rng.below(60),
                _ => 1 + rng.below(9),
            };
            s.extend((0..len).map(|_| rng.pick(&letters)));
        }
        if rng.below(4) == 0 {
            s.push_str(rng.pick(&gaps));
        }
        s
    }

    #[test]
    fn wrapping_breaks_where_the_plain_form_broke() {
        let mut rng = Rng(0x0bad_5eed_1234_5678);
        for _ in 0..600 {
            let s = words(&mut rng);
            let size = rng.pick(&[11.0, 12.0, 13.0]);
            // The widths the charts use, narrow ones, and the widths of
            // starts of the text itself, where a line fits exactly.
            let mut widths = vec![0.5, 8.0, 30.0, 60.0, 174.0, 250.0, 326.0, 442.0, 720.0];
            let chars: Vec<char> = s.chars().collect();
            for _ in 0..4 {
                let k = rng.below(chars.len() + 1);
                let start: String = chars[..k].iter().collect();
                widths.push(plain::text_width(start.trim(), size));
                widths.push(plain::text_width(&format!("{}…", start.trim()), size));
            }
            for width in widths {
                for max_lines in 1..=3 {
                    assert_eq!(
                        wrap(&s, width, size, max_lines),
                        plain::wrap(&s, width, size, max_lines),
                        "{s:?} in {width} at {size}px, {max_lines} lines"
                    );
                }
            }
        }
    }

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
            value: Some(Edtf::parse(edtf).expect("a valid date")),
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
