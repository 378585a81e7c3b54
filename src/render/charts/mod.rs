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
//!
//! Each chart is written straight into one `String`: numbers, escaped text
//! and ids go in through small `Display` types (`xml`, `num`) that
//! build no `String` of their own. One file a chart (`territory`,
//! `chronology`, `relations`, `mermaid`); the SVG frame, shapes,
//! legend and text measuring they share each have a file of their own.

mod axis;
mod chronology;
mod days;
mod legend;
mod marks;
mod mermaid;
mod num;
mod relations;
#[cfg(test)]
mod samples;
mod shapes;
mod share;
mod svg;
mod territory;
mod text;
mod xml;

use serde::Serialize;

use crate::resolve::View;
use chronology::chronology_svg;
pub use mermaid::mermaid_escape;
use mermaid::{chronology_mermaid, relations_mermaid};
use relations::relations_svg;
use territory::territory_svg;
use xml::IdPart;
pub use xml::xml_escape;

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
