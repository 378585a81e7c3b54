//! Evidence: the passages of a source's text that an item rests on, each
//! a TextQuoteSelector (the exact words, with words before and after to
//! tell repeats apart). Events, statements, figures and agreements carry
//! it; `brief check` finds each passage in the source's `text:`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::checker::Checker;
use super::cite::Cite;
use super::reference::{Ref, RefVisitor, Sources};
use crate::pos::{Located, Pos};

/// An item's evidence: one passage or a list. In YAML, a passage, or a
/// list of passages; each passage the exact words (the shorthand) or a
/// map in the [`SelectorFull`] form.
#[derive(Debug, Clone, Default)]
pub struct Evidence(pub Vec<Selector>);

/// One passage of a source's text.
#[derive(Debug, Clone)]
pub struct Selector {
    /// The passage's exact words.
    pub exact: Located<String>,
    /// Words just before it, when the exact words occur more than once.
    pub prefix: Option<String>,
    /// Words just after it, when the exact words occur more than once.
    pub suffix: Option<String>,
    /// Which source's text it is in, when the item cites several sources
    /// with a text.
    pub source: Option<Ref<Sources>>,
    /// Where the passage was written.
    pub pos: Pos,
}

/// A passage written out as a map.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SelectorFull {
    /// The passage's exact words, as the source's text has them (quote
    /// marks, dashes and spaces may differ in kind: see
    /// docs/grounding.md).
    #[schemars(with = "String")]
    pub exact: Located<String>,
    /// Words just before the passage, to tell it from another place with
    /// the same words.
    #[serde(default)]
    pub prefix: Option<String>,
    /// Words just after the passage, to tell it from another place with
    /// the same words.
    #[serde(default)]
    pub suffix: Option<String>,
    /// The source whose text holds the passage, as a source id: needed
    /// when the item cites several sources that have a `text:`.
    #[serde(default)]
    pub source: Option<Ref<Sources>>,
}

impl Evidence {
    /// Whether the item gives no evidence.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Hands each passage's source reference to `v`.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        for s in &mut self.0 {
            let Selector {
                exact: _,
                prefix: _,
                suffix: _,
                source,
                pos: _,
            } = s;
            v.visit_opt(source);
        }
    }

    /// Checks that each passage has words and names a source.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        for s in &self.0 {
            c.not_blank(&s.exact.value, s.exact.pos, "the passage's exact words");
            if let Some(r) = &s.source {
                c.reference(r);
            }
        }
    }
}

/// A passage of a source, as the briefing shows it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct EvidenceView {
    /// The source the passage is in, when known: the passage's `source`,
    /// else the one source the item cites with a text (or cites at all).
    pub source: Option<Cite>,
    /// The passage's words: as the source's text has them when it was
    /// found there (on one line), else as the brief gives them.
    pub exact: String,
    /// A link straight to the passage in the source's page (a Text
    /// Fragment: `URL#:~:text=...`), when the source has a web address.
    pub link: Option<String>,
    /// Whether `brief check` found the passage in the source's text.
    pub found: bool,
}
