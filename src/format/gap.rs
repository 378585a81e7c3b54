//! Gaps: what the sources leave unclear or unstated, and the questions
//! they say were left unanswered.

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
    /// `unclear` (the default): something the sources leave unclear;
    /// `question`: a question the source says was left unanswered, shown
    /// as an open question.
    #[serde(default)]
    pub kind: GapKind,
}

/// What kind of gap it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum GapKind {
    /// Something the sources leave unclear or unstated.
    #[default]
    Unclear,
    /// A question the source reports was asked and left unanswered.
    Question,
}

impl GapKind {
    /// The kind as written in a brief.
    pub fn name(self) -> &'static str {
        match self {
            GapKind::Unclear => "unclear",
            GapKind::Question => "question",
        }
    }
}

impl Gap {
    /// Hands each reference of the gap to `v`. Spelled out in full, so
    /// that a new field must say whether it is a reference.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Gap {
            text: _,
            about,
            kind: _,
        } = self;
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
    /// `unclear` or `question`.
    pub kind: String,
    /// Whether it is a question the source says was left unanswered.
    pub is_question: bool,
    /// What is unclear, or the open question.
    pub text: String,
    /// The gap in one line, as the flash note's caveats print it: the
    /// text, or `Open question: ` and the question.
    pub line: String,
    /// Names or titles of the facts it concerns.
    pub about: Vec<String>,
}

impl Gap {
    /// The gap's view.
    pub(crate) fn view(&self, l: &dyn Names) -> GapView {
        let text = self.text.trim().to_string();
        let is_question = self.kind == GapKind::Question;
        GapView {
            kind: self.kind.name().to_string(),
            is_question,
            line: if is_question {
                crate::i18n::words().msg("open-question-line", &[("text", text.as_str().into())])
            } else {
                text.clone()
            },
            text,
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
            field("kind", "Kind", Sig::Detail, plain(&v.kind)),
            field("about", "About", Sig::Detail, r.refs(&g.about, &v.about)),
        ];
        item
    }
}
