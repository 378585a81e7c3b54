//! Mermaid diagrams for Markdown: the chronology as a flowchart and the
//! relations as a graph of actors, with user text turned into entity codes.

use std::fmt::{self, Write as _};

use crate::format::EventStatus;
use crate::resolve::{ChronoKind, RelationKind, RelationView, View};

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

/// The chronology as a flowchart, earliest first, shaped by status and
/// kind.
pub(super) fn chronology_mermaid(view: &View) -> String {
    let items = &view.chronology;
    if items.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(128 * items.len() + 128);
    out.push_str("```mermaid\nflowchart TB\n");
    let not_given = crate::i18n::words().get("date-not-given");
    for (i, c) in items.iter().enumerate() {
        // An item placed only by a relation shows the relation, as the
        // table does.
        let date = c.relation.as_deref().unwrap_or_else(|| {
            c.date
                .as_ref()
                .map_or(not_given.as_str(), |d| d.text.as_str())
        });
        // Shapes say what the words say: a stadium for what is planned, a
        // parallelogram for a statement.
        let (open, close) = match (c.source_kind, c.status) {
            (ChronoKind::Statement, _) => ("[/\"", "\"/]"),
            // A deadline is still to come; an agreement is a fact on a date.
            (ChronoKind::Deadline, _) => ("([\"", "\"])"),
            (ChronoKind::Agreement, _) => ("[\"", "\"]"),
            (ChronoKind::Event, Some(EventStatus::Scheduled | EventStatus::Proposed)) => {
                ("([\"", "\"])")
            }
            (
                ChronoKind::Event,
                None
                | Some(
                    EventStatus::Held
                    | EventStatus::UnderWay
                    | EventStatus::Postponed
                    | EventStatus::Cancelled,
                ),
            ) => ("[\"", "\"]"),
        };
        let _ = write!(
            out,
            "  c{i}{open}{}: {}",
            MermaidText(date),
            MermaidText(&c.text)
        );
        if let Some(s) = c.status {
            let _ = write!(out, " ({})", MermaidText(&s.shown()));
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

/// The relations as a graph: actors as boxes, each alignment or rejection
/// a labelled arrow between two. Meetings are charted with the
/// chronology, not here.
pub(super) fn relations_mermaid(view: &View) -> String {
    if view.relations.is_empty() {
        return String::new();
    }
    let mut graph = Graph::default();
    for r in &view.relations {
        graph.position_edge(r);
    }
    let Graph { actors, edges } = graph;
    let mut out = String::with_capacity(64 * actors.len() + edges.len() + 128);
    out.push_str("```mermaid\nflowchart LR\n");
    for (i, a) in actors.iter().enumerate() {
        let _ = writeln!(out, "  a{i}[\"{}\"]", MermaidText(a));
    }
    out.push_str(&edges);
    out.push_str("```");
    out
}

/// The relations graph as it is written: its statements are gathered
/// apart, as the actors' nodes must come first.
#[derive(Default)]
struct Graph<'a> {
    /// The actors' names, numbered as first named.
    actors: Vec<&'a str>,
    edges: String,
}

impl<'a> Graph<'a> {
    /// An actor's node number.
    fn node(&mut self, name: &'a str) -> usize {
        self.actors
            .iter()
            .position(|a| *a == name)
            .unwrap_or_else(|| {
                self.actors.push(name);
                self.actors.len() - 1
            })
    }

    /// An alignment or rejection: a labelled arrow from one actor to the
    /// other.
    fn position_edge(&mut self, r: &'a RelationView) {
        let from = self.node(&r.from);
        let to = self.node(&r.to);
        let arrow = match r.kind {
            RelationKind::Aligns => "-->",
            RelationKind::Rejects => "-.-x",
        };
        let _ = write!(
            self.edges,
            "  a{from} {arrow}|\"{}: {}",
            MermaidText(&r.label),
            MermaidText(&r.link)
        );
        if let Some(w) = &r.with_link {
            let with = crate::i18n::words().msg("chart-with", &[("link", w.as_str().into())]);
            let _ = write!(self.edges, " — {}", MermaidText(&with));
        }
        let _ = writeln!(self.edges, "\"| a{to}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::samples::samples;

    /// The plain form [`mermaid_escape`] had before it wrote runs of text
    /// in one go: the faster form must write exactly what this writes.
    fn plain(s: &str) -> String {
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

    #[test]
    fn escapes_write_what_the_plain_form_wrote() {
        for s in samples() {
            assert_eq!(mermaid_escape(&s), plain(&s), "{s:?}");
        }
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
}
