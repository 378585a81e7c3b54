//! Key points: the bottom line up front, most important first, each
//! written as a sentence or naming the item of the brief it is.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::attribution::{Attribution, AttributionView, attribution_view};
use super::change::{Item, Refs, Sig, field, norm, plain, shown};
use super::checker::Checker;
use super::evidence::{Evidence, EvidenceView};
use super::handle::Handle;
use super::kind::Kind;
use super::names::Cite;
use super::names::Names;
use super::reference::{KeyItems, Ref, RefVisitor, Sources};
use crate::diagnostic::Diagnostic;
use crate::pos::Pos;

/// A bottom-line-up-front point: a sentence of its own (`text`), or an
/// item of the brief (`item`) shown here in full, so that the fact is
/// written once.
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyPoint {
    /// The point, as one plain-text sentence. Give either `text` or
    /// `item`.
    #[serde(default)]
    pub text: Option<String>,
    /// The id of the event, statement or figure that is the point. The
    /// briefing shows that item's fact here, and its own section refers
    /// back to this key point instead of repeating it.
    #[serde(default)]
    pub item: Option<Ref<KeyItems>>,
    /// Whom a `text` point is according to, when the source attributes
    /// it. An `item` point takes its item's attribution.
    #[serde(default)]
    pub according_to: Option<Attribution>,
    /// Ids of the sources it rests on.
    #[serde(default)]
    pub sources: Vec<Ref<Sources>>,
    /// The passages of its sources' texts a `text` point rests on, as on
    /// any item (see docs/grounding.md). An `item` point shows its item's
    /// evidence instead.
    #[serde(default)]
    pub evidence: Evidence,
    /// Where the point was written.
    #[schemars(skip)]
    pub pos: Pos,
}

/// A key point's fields as written, before its place is attached (what
/// the loader reads a [`KeyPoint`] from).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct KeyPointFields {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub item: Option<Ref<KeyItems>>,
    #[serde(default)]
    pub according_to: Option<Attribution>,
    #[serde(default)]
    pub sources: Vec<Ref<Sources>>,
    #[serde(default)]
    pub evidence: Evidence,
}

impl KeyPointFields {
    /// The key point, written at `pos`.
    pub(crate) fn at(self, pos: Pos) -> KeyPoint {
        let KeyPointFields {
            text,
            item,
            according_to,
            sources,
            evidence,
        } = self;
        KeyPoint {
            text,
            item,
            according_to,
            sources,
            evidence,
            pos,
        }
    }
}

impl KeyPoint {
    /// Hands each reference of the key point to `v`. Spelled out in full, so
    /// that a new field must say whether it is a reference.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let KeyPoint {
            text: _,
            item,
            according_to,
            sources,
            evidence,
            pos: _,
        } = self;
        v.visit_opt(item);
        if let Some(a) = according_to {
            a.visit_refs(v);
        }
        evidence.visit_refs(v);
        v.visit_all(sources);
    }
}

impl KeyPoint {
    /// Checks that the point is either a sentence or an item, and its
    /// attribution and sources.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        match (&self.text, &self.item) {
            (Some(text), None) => c.not_blank(text, self.pos, "a key point"),
            (None, Some(item)) => {
                c.reference(item);
                if let Some(a) = &self.according_to {
                    c.push(
                        Diagnostic::error(
                            "invalid-key-point",
                            a.pos,
                            "a key point that names an item takes that item's attribution",
                        )
                        .with_label("`according_to` on an `item` key point")
                        .with_help(format!(
                            "move `according_to` to `{}`, or write the point as `text`",
                            item.value
                        )),
                    );
                }
                if let Some(first) = self.evidence.0.first() {
                    c.push(
                        Diagnostic::error(
                            "invalid-key-point",
                            first.pos,
                            "a key point that names an item shows that item's evidence",
                        )
                        .with_label("`evidence` on an `item` key point")
                        .with_help(format!(
                            "move `evidence` to `{}`, or write the point as `text`",
                            item.value
                        )),
                    );
                }
            }
            (Some(_), Some(item)) => c.push(
                Diagnostic::error(
                    "invalid-key-point",
                    item.pos,
                    "a key point has both `text` and `item`",
                )
                .with_label("both `text` and `item`")
                .with_help(
                    "keep `item` to show that item's fact here, or `text` for a point of its own",
                ),
            ),
            (None, None) => c.push(
                Diagnostic::error(
                    "invalid-key-point",
                    self.pos,
                    "a key point has neither `text` nor `item`",
                )
                .with_label("no `text` or `item`")
                .with_help(
                    "write the point as `text: ...`, or name the event, statement or figure it is with `item: ID`",
                ),
            ),
        }
        if let Some(a) = &self.according_to {
            a.check(c);
        }
        self.evidence.check(c);
        c.references(&self.sources);
    }
}

/// Checks every key point, and warns when two present the same item (its
/// section can refer back to only one).
pub(crate) fn check_key_points(points: &[KeyPoint], c: &mut impl Checker) {
    let mut seen: Vec<&Ref<KeyItems>> = Vec::new();
    for k in points {
        k.check(c);
        let Some(item) = &k.item else { continue };
        match seen.iter().find(|s| s.value == item.value) {
            Some(first) => c.push(
                Diagnostic::warning(
                    "duplicate-key-point",
                    item.pos,
                    format!("`{}` is already a key point", item.value),
                )
                .with_label("named a second time")
                .with_related(first.pos, "first named here")
                .with_help("remove one of the two key points"),
            ),
            None => seen.push(item),
        }
    }
}

/// The item a key point presents.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct KeyItemView {
    /// Its kind: `event`, `statement` or `figure`.
    pub kind: String,
    /// Its id.
    pub id: String,
    /// The HTML anchor of its entry in its home section (`event-ID`,
    /// `statement-ID`, `figure-ID`; `chronology` for an event that is not
    /// a meeting).
    pub anchor: String,
    /// The title of its home section: `Meetings`, `Chronology`,
    /// `Positions`, `Territorial control` or `Other figures`.
    pub section: String,
    /// That section's heading anchor (`meetings`, `positions`...), for
    /// Markdown links.
    pub section_anchor: String,
}

/// A key point.
#[derive(Debug, Serialize, JsonSchema)]
pub struct KeyPointView {
    /// Its number, from 1, in the order written; its anchor is
    /// `key-point-N`.
    pub n: usize,
    /// The point: its own sentence, or the fact of the item it names in
    /// one sentence (with the item's attribution and date).
    pub text: String,
    /// The item the point presents, when it names one; null for a point
    /// written as text.
    pub item: Option<KeyItemView>,
    /// Whom a text point is according to, if the source says.
    pub according_to: Option<AttributionView>,
    /// The point as printed: `text`, with its attribution after it when
    /// it has one (`The terms are not public, according to unnamed
    /// diplomatic sources.`).
    pub display: String,
    /// Sources it rests on (for an item, the point's own and the item's).
    pub cites: Vec<Cite>,
    /// The source passages a text point rests on, each with its source
    /// and a link to it; empty for a point that names an item (its
    /// section shows the item's).
    pub evidence: Vec<EvidenceView>,
}

impl KeyPoint {
    /// The point's view; `i` is its place in its section. For an item,
    /// `text` is the item's label here: resolve, which sees every
    /// section's views, replaces it with the item's fact.
    pub(crate) fn view(&self, i: usize, l: &dyn Names) -> KeyPointView {
        let item = self.item.as_ref().map(|r| {
            let (kind, id) = match r.handle() {
                Some(Handle::Event(_)) => ("event", r.value.clone()),
                Some(Handle::Statement(_)) => ("statement", r.value.clone()),
                Some(Handle::Figure(_)) => ("figure", r.value.clone()),
                Some(Handle::Agreement(_)) => ("agreement", r.value.clone()),
                _ => ("item", r.value.clone()),
            };
            // Resolve, which knows where each item is shown, sets the
            // section.
            KeyItemView {
                kind: kind.to_string(),
                anchor: format!("{kind}-{id}"),
                id,
                section: String::new(),
                section_anchor: String::new(),
            }
        });
        let text = match (&self.text, &self.item) {
            (Some(t), _) => t.trim().to_string(),
            (None, Some(r)) => l.label_of(&r.any()).trim().to_string(),
            (None, None) => String::new(),
        };
        let according_to = attribution_view(&self.according_to, l);
        KeyPointView {
            n: i + 1,
            display: with_attribution(&text, according_to.as_ref()),
            text,
            item,
            according_to,
            cites: l.cites(&self.sources),
            evidence: match self.item {
                Some(_) => Vec::new(),
                None => l.evidence(&self.evidence, &self.sources),
            },
        }
    }
}

/// `text` with the attribution after it, as one sentence: the text's own
/// closing full stop moves after the attribution.
pub(crate) fn with_attribution(text: &str, a: Option<&AttributionView>) -> String {
    match a {
        None => text.to_string(),
        Some(a) => {
            let (body, stop) = match text.strip_suffix('.') {
                Some(body) => (body, "."),
                None => (text, ""),
            };
            format!("{body}, {}{stop}", a.text)
        }
    }
}

impl KeyPoint {
    /// The point as `brief diff` compares it, from its view `k`; `i` is its
    /// place in its section.
    pub(crate) fn change_item(&self, i: usize, k: &KeyPointView, r: &Refs) -> Item {
        let mut item = Item::new(Kind::KeyPoint, i, None);
        item.key = match &self.item {
            Some(x) => format!("item:{}", x.value),
            None => norm(&k.text),
        };
        item.label = shown(&k.text);
        item.fields = vec![
            field("text", "Text", Sig::Wording, plain(&k.text)),
            field(
                "item",
                "Item",
                Sig::Detail,
                r.one_ref(&self.item, &self.item.as_ref().map(|_| k.text.clone())),
            ),
            field(
                "according_to",
                "According to",
                Sig::Wording,
                plain(k.according_to.as_ref().map_or("", |a| a.text.as_str())),
            ),
            field("sources", "Sources", Sig::Detail, r.cites(&k.cites)),
        ];
        item
    }
}
