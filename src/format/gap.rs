//! Gaps: what the sources leave unclear or unstated.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::change::{Item, Refs, Sig, field, norm, plain, shown};
use super::checker::Checker;
use super::kind::Kind;
use super::names::Names;
use super::reference::{AnyItem, Ref, RefVisitor};

/// Something the sources leave unclear.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// What is unclear, in one sentence.
    pub text: String,
    /// Ids of the facts the gap concerns (any kind of id).
    #[serde(default)]
    pub about: Vec<Ref<AnyItem>>,
}

impl Gap {
    /// Hands each reference of the gap to `v`. Spelled out in full, so
    /// that a new field must say whether it is a reference.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Gap { text: _, about } = self;
        v.visit_all(about);
    }
}

impl Gap {
    /// Checks that what it is about exists.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        for r in &self.about {
            c.reference(r);
        }
    }
}

/// A gap in the sources.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GapView {
    /// What is unclear.
    pub text: String,
    /// Names or titles of the facts it concerns.
    pub about: Vec<String>,
}

impl Gap {
    /// The gap's view.
    pub(crate) fn view(&self, l: &dyn Names) -> GapView {
        GapView {
            text: self.text.trim().to_string(),
            about: self.about.iter().map(|r| l.label_of(r)).collect(),
        }
    }
}

impl Gap {
    /// The gap as `brief diff` compares it; `i` is its place in its section.
    pub(crate) fn change_item(&self, i: usize, v: &GapView, r: &Refs) -> Item {
        let g = self;
        let mut item = Item::new(Kind::Gap, i, None);
        item.key = norm(&v.text);
        item.label = shown(&v.text);
        item.description = Some(v.about.join("; "))
            .filter(|d| !d.is_empty())
            .map(|d| format!("about {d}"));
        item.fields = vec![
            field("text", "Text", Sig::Wording, plain(&v.text)),
            field("about", "About", Sig::Detail, r.refs(&g.about, &v.about)),
        ];
        item
    }
}
