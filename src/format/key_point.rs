//! Key points: the bottom line up front, most important first.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::change::{Item, Refs, Sig, field, norm, plain, shown};
use super::checker::Checker;
use super::kind::Kind;
use super::names::Cite;
use super::names::Names;
use super::reference::{Ref, RefVisitor, Sources};
use crate::pos::Pos;

/// A bottom-line-up-front point.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyPoint {
    /// The point, as one plain-text sentence.
    pub text: String,
    /// Ids of the sources it rests on.
    #[serde(default)]
    pub sources: Vec<Ref<Sources>>,
}

impl KeyPoint {
    /// Hands each reference of the key point to `v`. Spelled out in full, so
    /// that a new field must say whether it is a reference.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let KeyPoint { text: _, sources } = self;
        v.visit_all(sources);
    }
}

impl KeyPoint {
    /// Checks the text and the sources. A point with no sources has no
    /// position of its own: its problems are shown at `brief_pos`.
    pub(crate) fn check(&self, brief_pos: Pos, c: &mut impl Checker) {
        c.not_blank(
            &self.text,
            self.sources.first().map_or(brief_pos, |s| s.pos),
            "a key point",
        );
        c.references(&self.sources);
    }
}

/// A key point.
#[derive(Debug, Serialize, JsonSchema)]
pub struct KeyPointView {
    /// The point.
    pub text: String,
    /// Sources it rests on.
    pub cites: Vec<Cite>,
}

impl KeyPoint {
    /// The point's view.
    pub(crate) fn view(&self, l: &dyn Names) -> KeyPointView {
        KeyPointView {
            text: self.text.trim().to_string(),
            cites: l.cites(&self.sources),
        }
    }
}

impl KeyPoint {
    /// The point as `brief diff` compares it, from its view `k`; `i` is its
    /// place in its section.
    pub(crate) fn change_item(&self, i: usize, k: &KeyPointView, r: &Refs) -> Item {
        let mut item = Item::new(Kind::KeyPoint, i, None);
        item.key = norm(&k.text);
        item.label = shown(&k.text);
        item.fields = vec![
            field("text", "Text", Sig::Wording, plain(&k.text)),
            field("sources", "Sources", Sig::Detail, r.cites(&k.cites)),
        ];
        item
    }
}
