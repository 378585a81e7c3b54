//! Grounding a brief in the text of its sources: every quote found
//! verbatim, every evidence passage found once, and a figure's number and
//! qualifier and a date's wording found in the item's evidence.
//!
//! A layer above [`crate::validate`] (it reads a checked [`Model`]) and
//! below [`crate::resolve`] (which shows the passages found). The
//! pipeline reads each source's `text:` into a [`SourceText`] and runs
//! [`ground`] when any source has one; a brief without texts never gets
//! here.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::format::{Evidence, Kind, Ref, Sources};
use crate::pos::Pos;
use crate::validate::Model;

mod evidence;
mod facts;
pub mod locate;
pub use crate::scan::normal;
mod quotes;
pub mod text;
mod words;

pub use locate::{Closest, QuoteMatch, WordDiff, closest, describe, find_all, find_quote};
pub use normal::{Normalised, normalise};
pub use text::SourceText;

/// The item a passage belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRef {
    /// Its kind.
    pub kind: Kind,
    /// Its index in its section.
    pub index: usize,
    /// Its id.
    pub id: String,
}

/// Why a passage of a source's text was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassageKind {
    /// An evidence passage of an item.
    Evidence,
    /// A statement's quote, or a fragment it quotes.
    Quote,
}

/// A passage of a source's text that an item of the brief rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The id of the source whose text holds it.
    pub source: String,
    /// The item.
    pub item: ItemRef,
    /// An evidence passage or a quote.
    pub kind: PassageKind,
    /// Where it is, in bytes of the source's text
    /// ([`SourceText::text`]).
    pub range: Range<usize>,
    /// Where the brief gives it.
    pub at: Pos,
}

/// A brief's sources' texts, and every passage of them the brief's items
/// were found in.
#[derive(Debug, Default)]
pub struct Grounding {
    /// The texts, one per source with a `text:`.
    pub texts: Vec<SourceText>,
    /// Every passage found, in the order of the brief's items.
    pub passages: Vec<Passage>,
}

impl Grounding {
    /// The text of the source with id `source`.
    pub fn text_of(&self, source: &str) -> Option<&SourceText> {
        self.texts.iter().find(|t| t.source == source)
    }

    /// The passages found for an item, in the order the brief gives them.
    pub fn passages_of(&self, kind: Kind, index: usize) -> impl Iterator<Item = &Passage> {
        self.passages
            .iter()
            .filter(move |p| p.item.kind == kind && p.item.index == index)
    }
}

/// Checks every quote and evidence passage of the brief against the
/// texts of its sources; returns the passages found and a diagnostic for
/// each one that is not, or that does not say what the item says.
pub fn ground(model: &Model, texts: Vec<SourceText>) -> (Grounding, Vec<Diagnostic>) {
    let mut g = Grounder {
        model,
        grounding: Grounding {
            texts,
            passages: Vec::new(),
        },
        diags: Vec::new(),
    };
    g.run();
    let Grounder {
        grounding, diags, ..
    } = g;
    (grounding, diags)
}

/// The work of [`ground`]: the brief, what has been found so far, and
/// the diagnostics.
pub(crate) struct Grounder<'a> {
    pub(crate) model: &'a Model,
    pub(crate) grounding: Grounding,
    pub(crate) diags: Vec<Diagnostic>,
}

impl Grounder<'_> {
    fn run(&mut self) {
        let brief = self.model.brief();
        for (i, k) in brief.key_points.iter().enumerate() {
            // An `item` point rests on its item's evidence, checked there.
            if k.item.is_none() {
                let item = item(Kind::KeyPoint, i, &format!("key-point-{}", i + 1));
                self.evidence(&item, &k.evidence, &k.sources);
            }
        }
        for (i, e) in brief.events.iter().enumerate() {
            let item = item(Kind::Event, i, &e.id.value);
            let found = self.evidence(&item, &e.evidence, &e.sources);
            if let Some(d) = &e.date {
                self.date_wording(&item, d, &found);
            }
        }
        for (i, s) in brief.statements.iter().enumerate() {
            let item = item(Kind::Statement, i, &s.id.value);
            let found = self.evidence(&item, &s.evidence, &s.sources);
            self.quotes(&item, s, &found);
            if let Some(d) = &s.date {
                self.date_wording(&item, d, &found);
            }
        }
        for (i, f) in brief.figures.iter().enumerate() {
            let item = item(Kind::Figure, i, &f.id.value);
            let found = self.evidence(&item, &f.evidence, &f.sources);
            self.figure(f, &found);
            if let Some(d) = &f.as_of {
                self.date_wording(&item, d, &found);
            }
        }
        for (i, a) in brief.agreements.iter().enumerate() {
            let item = item(Kind::Agreement, i, &a.id.value);
            let found = self.evidence(&item, &a.evidence, &a.sources);
            for d in [&a.date, &a.start, &a.end, &a.target].into_iter().flatten() {
                self.date_wording(&item, d, &found);
            }
        }
    }

    /// The texts of the sources among `cited`, as indices in
    /// [`Grounding::texts`].
    pub(crate) fn texts_of(&self, cited: &[Ref<Sources>]) -> Vec<usize> {
        let sources = &self.model.brief().sources;
        let mut out: Vec<usize> = Vec::new();
        for r in cited {
            let Some(s) = r.index().and_then(|i| sources.get(i)) else {
                continue;
            };
            if let Some(t) = self.text_index(&s.id.value)
                && !out.contains(&t)
            {
                out.push(t);
            }
        }
        out
    }

    /// The index in [`Grounding::texts`] of the text of source `id`.
    pub(crate) fn text_index(&self, id: &str) -> Option<usize> {
        self.grounding.texts.iter().position(|t| t.source == id)
    }

    /// Checks an item's evidence (see `evidence.rs`): the passages found,
    /// as (text, range of the original text).
    fn evidence(
        &mut self,
        item: &ItemRef,
        evidence: &Evidence,
        cited: &[Ref<Sources>],
    ) -> Vec<(usize, Range<usize>)> {
        evidence::check(self, item, evidence, cited)
    }
}

fn item(kind: Kind, index: usize, id: &str) -> ItemRef {
    ItemRef {
        kind,
        index,
        id: id.to_owned(),
    }
}

/// The position of bytes `r` of a source's text, for a diagnostic.
pub(crate) fn pos_in(t: &SourceText, r: Range<usize>) -> Pos {
    let (line, column) = t.line_col(r.start);
    Pos {
        file: t.file as u32,
        line: line as u32,
        column: column as u32,
        offset: r.start,
        len: r.len(),
    }
}

/// `line:column` of byte `at` of a source's text, for a message.
pub(crate) fn line_col(t: &SourceText, at: usize) -> String {
    let (l, c) = t.line_col(at);
    format!("{l}:{c}")
}

/// A short excerpt of a text, on one line, for a message.
pub(crate) fn excerpt(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = one.chars();
    let short: String = chars.by_ref().take(80).collect();
    if chars.next().is_some() {
        format!("{short}…")
    } else {
        short
    }
}
