//! Figures: numbers such as the share of a territory an actor controls,
//! with the qualifier the source puts on them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::attribution::{Attribution, AttributionView, attribution_view};
use super::change::{
    FigureValue, Item, Refs, Sig, Value, capitalize, date, field, norm, plain, text,
};
use super::checker::Checker;
use super::date_spec::{DateSpec, DateView, date_view};
use super::evidence::{Evidence, EvidenceView};
use super::handle::Handle;
use super::identified::Identified;
use super::kind::Kind;
use super::names::Names;
use super::names::{Cite, FigureLink};
use super::qualifier::Meaning;
use super::qualifier::Qualifier;
use super::reference::{Actors, Figures, Places, Ref, RefVisitor, Sources};
use super::text::{join_and, number_text, opt};
use crate::diagnostic::Diagnostic;
use crate::pos::Located;

/// A figure: a number the source gives, with the qualifier it puts on
/// it. Territorial control is one kind; counts of people, money, votes
/// and shares are others.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("dependencies" = {
    "value": ["qualifier"],
    "low": ["high", "qualifier"],
    "high": ["low", "qualifier"],
}))]
pub struct Figure {
    /// Identifier of the figure.
    pub id: Located<String>,
    /// Earlier ids of this same item, when its id was renamed: `brief diff`
    /// then matches it with the item of that id in an older version, so
    /// its history stays linked. A superseded id cannot be used in this
    /// brief, neither as an id nor in a reference.
    #[serde(default)]
    pub supersedes: Vec<Located<String>>,
    /// Set by `brief draft` on an item it wrote: the item is still to be
    /// reviewed against its source. Each is a warning
    /// (`drafted-not-reviewed`); delete the line once the item is reviewed.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub drafted: Option<Located<bool>>,
    /// What kind of number it is: `territory` (the default when `areas`
    /// or `controller` are given and no `measure`),
    /// `count`, `money`, `votes`, `share` or `other`.
    #[serde(default)]
    pub kind: Option<FigureKind>,
    /// What is measured or counted, as the source puts it (`soldiers'
    /// bodies returned`, `people killed`); for territory the default is
    /// `territorial control`.
    #[serde(default)]
    pub measure: Option<String>,
    /// Who controls the territory, as an actor id (territory only).
    #[serde(default)]
    pub controller: Option<Ref<Actors>>,
    /// The area or areas the figure is about, as place ids. Required for
    /// territory, optional for other kinds.
    #[serde(default)]
    pub areas: Vec<Ref<Places>>,
    /// The parties the figure is about, as actor ids (`[russia, ukraine]`
    /// for prisoners exchanged by each side).
    #[serde(default)]
    pub parties: Vec<Ref<Actors>>,
    /// With several areas or parties: whether the value applies to `each`
    /// of them ("1,200 from each side"), to their `total`, or the source
    /// leaves it `unclear`.
    #[serde(default)]
    pub applies_to: Option<AppliesTo>,
    /// The number, as stated. Give either `value`, or a range with `low`
    /// and `high`, or neither for a count with no number (`stated:
    /// thousands`).
    #[serde(default)]
    pub value: Option<Located<f64>>,
    /// The low end of a range ("between 12 and 30": 12).
    #[serde(default)]
    pub low: Option<Located<f64>>,
    /// The high end of a range ("between 12 and 30": 30).
    #[serde(default)]
    pub high: Option<Located<f64>>,
    /// Unit of the value (`percent`, `km2`, `people`, `USD`...).
    #[serde(default)]
    pub unit: String,
    /// How the source qualifies the number, by the word it uses (`almost`,
    /// `more-than`, `between`). Required with a number. Never drop it:
    /// "nearly 20%" is not "20%".
    #[serde(default)]
    #[schemars(with = "Option<Qualifier>")]
    pub qualifier: Option<Located<Qualifier>>,
    /// The figure's wording in the source (e.g. `nearly 20%`,
    /// `thousands`). Required when no number is given: it is then shown
    /// as the figure.
    #[serde(default)]
    pub stated: Option<String>,
    /// The date the figure describes.
    #[serde(default)]
    pub as_of: Option<DateSpec>,
    /// What the figure includes, as stated (e.g. `Crimea`), as place ids.
    #[serde(default)]
    pub includes: Vec<Ref<Places>>,
    /// The status of the controlled territory (territory only).
    #[serde(default)]
    pub status: Option<ControlStatus>,
    /// Whom the figure is according to, when the source attributes it.
    #[serde(default)]
    pub according_to: Option<Attribution>,
    /// Figures that give a different number for the same thing, as
    /// figure ids: the briefing shows them side by side, each with its
    /// attribution.
    #[serde(default)]
    pub conflicts_with: Vec<Ref<Figures>>,
    /// A figure this one is compared with ("48% against 41% last time").
    #[serde(default)]
    pub compared_with: Option<Comparison>,
    /// Sources for the figure.
    #[serde(default)]
    pub sources: Vec<Ref<Sources>>,
    /// The passages of its sources' texts this item rests on: the exact
    /// words, or a list of passages, each `{exact, prefix, suffix,
    /// source}` (see docs/grounding.md). Checked against each source's
    /// `text:`.
    #[serde(default)]
    pub evidence: Evidence,
}

/// A comparison with another figure.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The figure compared with, as a figure id, when the brief has it;
    /// a comparison with a number the source does not give ("seven points
    /// less than in 2019") has only its `wording`.
    #[serde(default)]
    pub figure: Option<Ref<Figures>>,
    /// The comparison as the source words it (`against 41% last time`).
    #[serde(default)]
    pub wording: Option<String>,
}

impl Figure {
    /// Hands each reference of the figure to `v`. Spelled out in full, so
    /// that a new field must say whether it is a reference.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Figure {
            id: _,
            supersedes: _,
            drafted: _,
            kind: _,
            measure: _,
            controller,
            areas,
            parties,
            applies_to: _,
            value: _,
            low: _,
            high: _,
            unit: _,
            qualifier: _,
            stated: _,
            as_of,
            includes,
            status: _,
            according_to,
            conflicts_with,
            compared_with,
            sources,
            evidence,
        } = self;
        if let Some(d) = as_of {
            d.visit_refs(v);
        }
        v.visit_opt(controller);
        v.visit_all(areas);
        v.visit_all(parties);
        v.visit_all(includes);
        if let Some(a) = according_to {
            a.visit_refs(v);
        }
        v.visit_all(conflicts_with);
        if let Some(c) = compared_with {
            v.visit_opt(&mut c.figure);
        }
        evidence.visit_refs(v);
        v.visit_all(sources);
    }
}

/// What kind of number a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FigureKind {
    /// Territorial control: the share or area an actor holds.
    Territory,
    /// A count of people or things: killed, injured, detained,
    /// exchanged, remains returned.
    Count,
    /// An amount of money.
    Money,
    /// Votes cast or won.
    Votes,
    /// A share of something other than territory (turnout, a poll).
    Share,
    /// Any other measure.
    Other,
}

impl FigureKind {
    /// The kind as written in a brief.
    pub fn name(self) -> &'static str {
        match self {
            FigureKind::Territory => "territory",
            FigureKind::Count => "count",
            FigureKind::Money => "money",
            FigureKind::Votes => "votes",
            FigureKind::Share => "share",
            FigureKind::Other => "other",
        }
    }

    /// The message key of the kind's group heading in the briefing.
    pub fn heading_key(self) -> &'static str {
        match self {
            FigureKind::Territory => "territorial-control",
            FigureKind::Count => "figures-counts",
            FigureKind::Money => "figures-money",
            FigureKind::Votes => "votes",
            FigureKind::Share => "figures-shares",
            FigureKind::Other => "figures-other",
        }
    }

    /// What is measured when the figure does not say.
    fn default_measure(self) -> String {
        crate::i18n::words().msg("figure-measure", &[("kind", self.name().into())])
    }
}

impl Serialize for FigureKind {
    /// Templates see the kind as written, as [`FigureKind::name`] gives it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// How a figure applies to several areas or parties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AppliesTo {
    /// The value holds for each area or party separately.
    Each,
    /// The value holds for the areas or parties taken together.
    Total,
    /// The source does not say which.
    Unclear,
}

/// Status of controlled territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ControlStatus {
    /// Formally annexed by the controller.
    Annexed,
    /// Held by military force.
    Occupied,
    /// Claimed but not (fully) held.
    Claimed,
    /// Controlled, without further qualification.
    Controlled,
}

impl Identified for Figure {
    fn handle(index: usize) -> Handle {
        Handle::Figure(index)
    }

    fn id(&self) -> &Located<String> {
        &self.id
    }

    fn supersedes(&self) -> &[Located<String>] {
        &self.supersedes
    }
}

impl Figure {
    /// Whether the value is a percentage (`unit: percent` or `%`).
    pub(crate) fn is_percent(&self) -> bool {
        is_percent_unit(&self.unit)
    }

    /// The figure's kind: as written, or territory when it names areas or
    /// a controller and no measure, or `other`.
    pub fn figure_kind(&self) -> FigureKind {
        match self.kind {
            Some(k) => k,
            None if opt(&self.measure).is_none()
                && (!self.areas.is_empty() || self.controller.is_some()) =>
            {
                FigureKind::Territory
            }
            None => FigureKind::Other,
        }
    }

    /// The qualifier, `unqualified` when none is written.
    pub fn qualifier(&self) -> Qualifier {
        self.qualifier
            .as_ref()
            .map_or(Qualifier::Unqualified, |q| q.value)
    }

    /// The range, when both ends are given.
    fn range(&self) -> Option<(f64, f64)> {
        match (&self.low, &self.high) {
            (Some(l), Some(h)) => Some((l.value, h.value)),
            _ => None,
        }
    }

    /// Checks the references, the areas, the number or range and its
    /// qualifier, and warns of a figure without a date or a source.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        super::drafted::check(self.drafted.as_ref(), "figure", &self.id.value, c);
        let f = self;
        self.evidence.check(c);
        if let Some(controller) = &f.controller {
            c.reference(controller);
        }
        c.references(&f.areas);
        c.references(&f.parties);
        c.references(&f.includes);
        c.references(&f.conflicts_with);
        if let Some(cmp) = &f.compared_with {
            match &cmp.figure {
                Some(r) => c.reference(r),
                None if cmp.wording.as_deref().is_none_or(|w| w.trim().is_empty()) => c.push(
                    Diagnostic::error(
                        "missing-field",
                        f.id.pos,
                        format!(
                            "the figure `{}` is `compared_with` nothing: it names no `figure` and has no `wording`",
                            f.id.value
                        ),
                    )
                    .with_label("in this figure")
                    .with_help("name the other figure with `figure: ID`, or give the source's words with `wording`"),
                ),
                None => {}
            }
        }
        c.references(&f.sources);
        if let Some(d) = &f.as_of {
            d.check(c);
        }
        if let Some(a) = &f.according_to {
            a.check(c);
        }
        let kind = f.figure_kind();
        if kind == FigureKind::Territory && f.areas.is_empty() {
            c.push(
                Diagnostic::error(
                    "missing-field",
                    f.id.pos,
                    format!("the figure `{}` names no area", f.id.value),
                )
                .with_label("no `areas`")
                .with_help(
                    "list the places the figure is about in `areas`, or give its `kind` \
                     (`count`, `money`, `votes`, `share`, `other`) and `measure` when it is \
                     not territorial control",
                ),
            );
        }
        // Only a kind written out is checked: a figure with a `measure`
        // and a controller has always been a valid "other" figure.
        if let Some(k) = f.kind.filter(|k| *k != FigureKind::Territory) {
            f.check_not_territory(k, c);
        }
        for (list, what) in [(f.areas.len(), "areas"), (f.parties.len(), "parties")] {
            if list > 1 && f.applies_to.is_none() {
                c.push(
                    Diagnostic::error(
                        "missing-field",
                        f.id.pos,
                        format!(
                            "the figure `{}` covers several {what} but does not say how",
                            f.id.value
                        ),
                    )
                    .with_label("no `applies_to`")
                    .with_help(
                        "add `applies_to: each` (\"1,200 from each side\"), `total`, or \
                         `unclear` when the source does not say",
                    ),
                );
                break;
            }
        }
        f.check_number(c);
        f.check_links(c);
        if f.as_of.is_none() {
            c.push(
                Diagnostic::warning(
                    "figure-without-date",
                    f.id.pos,
                    format!("the figure `{}` has no `as_of` date", f.id.value),
                )
                .with_label("undated")
                .with_help(
                    "add `as_of:` with the date the figure describes, or the source's wording \
                     (`as_of: {stated: currently}`)",
                ),
            );
        }
        if f.sources.is_empty() {
            c.push(
                Diagnostic::warning(
                    "unsourced",
                    f.id.pos,
                    format!("the figure `{}` cites no source", f.id.value),
                )
                .with_label("no `sources`")
                .with_help("add `sources:` with the ids of the sources that give it"),
            );
        }
    }

    /// A controller or a control status belongs to territory only.
    fn check_not_territory(&self, kind: FigureKind, c: &mut impl Checker) {
        let f = self;
        let misplaced = f
            .controller
            .as_ref()
            .map(|r| (r.pos, "controller"))
            .or_else(|| f.status.map(|_| (f.id.pos, "status")));
        if let Some((pos, field)) = misplaced {
            c.push(
                Diagnostic::error(
                    "not-territory",
                    pos,
                    format!(
                        "the figure `{}` is of kind `{}` but has a `{field}`, which only \
                         territorial control has",
                        f.id.value,
                        kind.name()
                    ),
                )
                .with_label(format!("`{field}` on a `{}` figure", kind.name()))
                .with_help(
                    "remove it, or write `kind: territory` if the figure is of territorial \
                     control; for whom a count is about, use `parties`",
                ),
            );
        }
    }

    /// Exactly one of a value or a range, a range the right way round, a
    /// wording when there is no number, and a qualifier that fits.
    fn check_number(&self, c: &mut impl Checker) {
        let f = self;
        let id = &f.id.value;
        let range_error = |pos, message: String, label: &str, help: &str| {
            Diagnostic::error("invalid-range", pos, message)
                .with_label(label.to_owned())
                .with_help(help.to_owned())
        };
        match (&f.value, &f.low, &f.high) {
            (Some(v), Some(_), _) | (Some(v), _, Some(_)) => c.push(range_error(
                v.pos,
                format!("the figure `{id}` gives both a `value` and a range"),
                "`value` with `low`/`high`",
                "give either `value` for one number, or `low` and `high` for a range",
            )),
            (None, Some(l), None) => c.push(range_error(
                l.pos,
                format!("the figure `{id}` gives `low` without `high`"),
                "a range with one end",
                "add `high:`; for \"at least 12\" write `value: 12` with `qualifier: at-least`",
            )),
            (None, None, Some(h)) => c.push(range_error(
                h.pos,
                format!("the figure `{id}` gives `high` without `low`"),
                "a range with one end",
                "add `low:`; for \"up to 30\" write `value: 30` with `qualifier: up-to`",
            )),
            (None, Some(l), Some(h)) if l.value > h.value => c.push(range_error(
                l.pos,
                format!(
                    "the figure `{id}` has a range from {} down to {}",
                    number_text(l.value),
                    number_text(h.value)
                ),
                "`low` is above `high`",
                "swap `low` and `high`",
            )),
            (None, None, None) if opt(&f.stated).is_none() => c.push(
                Diagnostic::error(
                    "missing-figure-value",
                    f.id.pos,
                    format!("the figure `{id}` gives no number and no wording"),
                )
                .with_label("no `value`, range or `stated`")
                .with_help(
                    "give `value:` (or `low:` and `high:`); when the source gives no number, \
                     write its words in `stated:` (`stated: thousands`)",
                ),
            ),
            _ => {}
        }
        let numbers = [&f.value, &f.low, &f.high];
        if numbers.iter().any(|n| n.is_some()) && f.qualifier.is_none() {
            c.push(
                Diagnostic::error(
                    "missing-field",
                    f.id.pos,
                    format!("the figure `{id}` gives a number without its `qualifier`"),
                )
                .with_label("no `qualifier`")
                .with_help(
                    "add `qualifier:` with the source's word (`nearly`, `about`, `more-than`...), \
                     or `unqualified` when it gives the number bare",
                ),
            );
        }
        if let Some(q) = &f.qualifier {
            let range = f.low.is_some() || f.high.is_some();
            let problem = match q.value.meaning() {
                Meaning::Range if !range => Some((
                    "`between` needs a range",
                    "give `low:` and `high:` instead of `value:`",
                )),
                Meaning::Below | Meaning::Above | Meaning::AtLeast | Meaning::AtMost if range => {
                    Some((
                        "a bound on a range",
                        "a range takes `between`, `unqualified` or a word meaning about; keep \
                         the source's words (\"at least 12, up to 30\") in `stated:`",
                    ))
                }
                _ => None,
            };
            if let Some((label, help)) = problem {
                c.push(
                    Diagnostic::error(
                        "qualifier-mismatch",
                        q.pos,
                        format!(
                            "the qualifier `{}` does not fit the figure `{id}`",
                            q.value.key()
                        ),
                    )
                    .with_label(label)
                    .with_help(help),
                );
            }
        }
        for n in numbers.into_iter().flatten() {
            f.check_value(n, c);
        }
    }

    /// A percentage between 0 and 100; a warning for a negative number.
    fn check_value(&self, n: &Located<f64>, c: &mut impl Checker) {
        let v = n.value;
        let percent = self.is_percent();
        if percent && !(0.0..=100.0).contains(&v) {
            c.push(
                Diagnostic::error(
                    "out-of-range",
                    n.pos,
                    format!("{v} is not a percentage: percentages run from 0 to 100"),
                )
                .with_label("not between 0 and 100")
                .with_help("give the share as a number from 0 to 100, with `unit: percent`"),
            );
        } else if v < 0.0 && !percent {
            c.push(
                Diagnostic::warning(
                    "negative-figure",
                    n.pos,
                    format!("the figure `{}` is negative", self.id.value),
                )
                .with_label("below zero")
                .with_help(
                    "check the sign; a fall is usually given as a positive number with a `measure` that says so",
                ),
            );
        }
    }

    /// A figure neither conflicts with nor compares with itself, and a
    /// conflict names whom each number is according to.
    fn check_links(&self, c: &mut impl Checker) {
        let f = self;
        let links = f
            .conflicts_with
            .iter()
            .chain(f.compared_with.as_ref().and_then(|cmp| cmp.figure.as_ref()));
        for r in links {
            if r.value == f.id.value {
                c.push(
                    Diagnostic::error(
                        "self-reference",
                        r.pos,
                        format!("the figure `{}` cannot refer to itself", f.id.value),
                    )
                    .with_label("the figure itself")
                    .with_help("name the other figure"),
                );
            }
        }
        if !f.conflicts_with.is_empty() && f.according_to.is_none() {
            c.push(
                Diagnostic::warning(
                    "unattributed-conflict",
                    f.id.pos,
                    format!(
                        "the figure `{}` conflicts with another but does not say whom it is \
                         according to",
                        f.id.value
                    ),
                )
                .with_label("no `according_to`")
                .with_help(
                    "add `according_to:` so a reader sees whose number each is \
                     (`according_to: health-ministry`)",
                ),
            );
        }
    }
}

/// Whether a unit, as written, means a percentage.
pub(crate) fn is_percent_unit(unit: &str) -> bool {
    matches!(unit.trim(), "percent" | "%")
}

/// A comparison with another figure, as shown.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ComparisonView {
    /// The figure compared with, when the brief has it.
    pub figure: Option<FigureLink>,
    /// The comparison as the source words it, or a wording made from the
    /// other figure (`compared with 41%`).
    pub text: String,
}

/// A figure with its qualifier kept.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FigureView {
    /// Id.
    pub id: String,
    /// `territory`, `count`, `money`, `votes`, `share` or `other`.
    #[schemars(with = "String")]
    pub kind: FigureKind,
    /// What is measured (`territorial control`, `people killed`).
    pub measure: String,
    /// Whether the figure is of territorial control.
    pub territorial: bool,
    /// Controller's name.
    pub controller: Option<String>,
    /// Area names.
    pub areas: Vec<String>,
    /// Areas in one phrase: `Donetsk region, Zaporizhzhia region and Kherson region`.
    pub areas_text: String,
    /// Names of the parties the figure is about.
    pub parties: Vec<String>,
    /// Parties in one phrase: `Russia and Ukraine`.
    pub parties_text: String,
    /// `each`, `total`, `unclear`, or null for one area and one party.
    #[schemars(with = "Option<String>")]
    pub applies_to: Option<AppliesTo>,
    /// What `applies_to` means for a reader (`for each area`, `for each of
    /// Russia and Ukraine`), or empty.
    pub applies_to_text: String,
    /// Whether the value applies to each area or party: `display` then
    /// ends in "each".
    pub each: bool,
    /// The number with thousands separators (`1,200`, `99.5`), or empty
    /// for a range or a figure with no number.
    pub value: String,
    /// The low end of a range, or empty.
    pub low: String,
    /// The high end of a range, or empty.
    pub high: String,
    /// The unit.
    pub unit: String,
    /// The qualifier as the source's word: `nearly`, `almost`, `more
    /// than`, or empty.
    #[schemars(with = "String")]
    pub qualifier: Qualifier,
    /// How the qualifier bounds the value: `below`, `above`, `around`,
    /// `at least`, `at most`, `exact`, `range`, or `as stated`.
    pub bound: &'static str,
    /// Qualifier, value, unit and "each", the one phrase to print:
    /// `nearly 20%`, `between 12 and 30 people`, `1,200 soldiers each`,
    /// `3.5 billion USD`; for a count with no number, its wording.
    pub display: String,
    /// The source's wording.
    pub stated: Option<String>,
    /// As-of date.
    pub as_of: Option<DateView>,
    /// Names of what the figure includes.
    pub includes: Vec<String>,
    /// `annexed`, `occupied`, `claimed`, `controlled`, or null.
    #[schemars(with = "Option<String>")]
    pub status: Option<ControlStatus>,
    /// Whom the figure is according to, if the source says.
    pub according_to: Option<AttributionView>,
    /// Figures that conflict with this one, each with its attribution.
    pub conflicts_with: Vec<FigureLink>,
    /// The figure this one is compared with, if any.
    pub compared_with: Option<ComparisonView>,
    /// The single number, for charts; not shown to templates, which have
    /// `value`.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) number: Option<f64>,
    /// Whether the value is a percentage; not shown to templates, which
    /// have `unit`.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) percent: bool,
    /// The number of the key point that presents this item, if one does;
    /// its entry here then refers to that key point instead of repeating
    /// the fact.
    pub key_point: Option<usize>,
    /// Sources.
    pub cites: Vec<Cite>,
    /// The passages of its sources' texts it rests on, in the order
    /// given.
    pub evidence: Vec<EvidenceView>,
}

impl Figure {
    /// The figure's view.
    pub(crate) fn view(&self, l: &dyn Names) -> FigureView {
        let f = self;
        let kind = f.figure_kind();
        let areas: Vec<String> = f.areas.iter().map(|a| l.place_name(a)).collect();
        let parties: Vec<String> = f.parties.iter().map(|a| l.actor_name(a)).collect();
        let applies_to = f
            .applies_to
            .filter(|_| f.areas.len() > 1 || f.parties.len() > 1);
        let num =
            |n: &Option<Located<f64>>| n.as_ref().map_or(String::new(), |n| number_text(n.value));
        FigureView {
            id: f.id.value.clone(),
            kind,
            measure: opt(&f.measure).unwrap_or_else(|| kind.default_measure()),
            territorial: kind == FigureKind::Territory,
            controller: f.controller.as_ref().map(|c| l.actor_name(c)),
            areas_text: join_and(&areas),
            areas,
            parties_text: join_and(&parties),
            applies_to,
            applies_to_text: applies_to_text(f, &parties),
            each: f.each(),
            parties,
            value: num(&f.value),
            low: num(&f.low),
            high: num(&f.high),
            unit: f.unit.trim().to_string(),
            qualifier: f.qualifier(),
            bound: f.qualifier().bound(),
            display: figure_display(f),
            stated: opt(&f.stated),
            as_of: f.as_of.as_ref().map(date_view),
            includes: f.includes.iter().map(|p| l.place_name(p)).collect(),
            status: f.status,
            according_to: attribution_view(&f.according_to, l),
            conflicts_with: f.conflicts_with.iter().map(|r| l.figure_link(r)).collect(),
            compared_with: f.compared_with.as_ref().map(|cmp| {
                let figure = cmp.figure.as_ref().map(|r| l.figure_link(r));
                let text = opt(&cmp.wording).unwrap_or_else(|| match &figure {
                    Some(other) => crate::i18n::words().msg(
                        "compared-with",
                        &[("figure", other.display.as_str().into())],
                    ),
                    None => String::new(),
                });
                ComparisonView { figure, text }
            }),
            number: f.value.as_ref().map(|v| v.value),
            percent: f.is_percent(),
            key_point: None,
            cites: l.cites(&f.sources),
            evidence: l.evidence(&f.evidence, &f.sources),
        }
    }

    /// Whether the value applies to each of several areas or parties.
    fn each(&self) -> bool {
        self.applies_to == Some(AppliesTo::Each) && (self.areas.len() > 1 || self.parties.len() > 1)
    }

    /// The figure as a link from another: its display and attribution.
    pub(crate) fn link(&self, l: &dyn Names) -> FigureLink {
        FigureLink {
            id: self.id.value.clone(),
            display: figure_display(self),
            according_to: attribution_view(&self.according_to, l)
                .map(|a| a.text)
                .unwrap_or_default(),
        }
    }
}

/// What `applies_to` means for a reader: `for each area`, `for each of
/// Russia and Ukraine`, or empty.
fn applies_to_text(f: &Figure, parties: &[String]) -> String {
    let several_parties = f.parties.len() > 1;
    let several_areas = f.areas.len() > 1;
    let whom = if several_parties {
        join_and(parties)
    } else {
        String::new()
    };
    let w = crate::i18n::words();
    let key = match f.applies_to {
        Some(AppliesTo::Each) if several_parties => "applies-each-of",
        Some(AppliesTo::Total) if several_parties => "applies-combined-of",
        Some(AppliesTo::Unclear) if several_parties => "applies-unclear-of",
        Some(AppliesTo::Each) if several_areas => "applies-each-area",
        Some(AppliesTo::Total) if several_areas => "applies-areas-combined",
        Some(AppliesTo::Unclear) if several_areas => "applies-unclear-areas",
        _ => return String::new(),
    };
    w.msg(key, &[("whom", whom.into())])
}

/// A money amount in words when it is a round number of millions,
/// billions or trillions (`3.5 billion`), so large sums read as news
/// writes them; any other amount with thousands separators.
fn money_text(v: f64) -> String {
    for (scale, key) in [
        (1e12, "money-trillion"),
        (1e9, "money-billion"),
        (1e6, "money-million"),
    ] {
        if v.abs() >= scale {
            let scaled = v / scale;
            // Only when two decimals say it exactly: a reader is never shown
            // a rounded amount as the source's.
            let cents = (scaled * 100.0).round();
            if (cents / 100.0 * scale - v).abs() < 0.5 {
                let amount = cents / 100.0;
                return crate::i18n::words().msg(
                    key,
                    &[("count", amount.into()), ("n", number_text(amount).into())],
                );
            }
            break;
        }
    }
    number_text(v)
}

/// Qualifier, value, unit and "each", as a reader reads them: `nearly
/// 20%`, `between 12 and 30 people`, `1,200 soldiers each`. A figure
/// with no number shows its wording. The words and their order come
/// from the reader's language: `près de 20 %`, `knapp 20 %`.
pub(crate) fn figure_display(f: &Figure) -> String {
    let w = crate::i18n::words();
    let number = |v: f64| {
        if f.figure_kind() == FigureKind::Money {
            money_text(v)
        } else {
            number_text(v)
        }
    };
    let unit = f.unit.trim();
    let percent = |n: String| w.msg("figure-percent", &[("n", n.into())]);
    let with_unit = |n: String| {
        if f.is_percent() {
            percent(n)
        } else if unit.is_empty() {
            n
        } else {
            w.msg("figure-unit", &[("n", n.into()), ("unit", unit.into())])
        }
    };
    let q = f.qualifier();
    let word = || w.get(&format!("qualifier-{}", q.key()));
    let amount = match (&f.value, f.range()) {
        (Some(v), _) => {
            let a = with_unit(number(v.value));
            match q.word() {
                "" => a,
                _ => w.msg(
                    "figure-qualified",
                    &[("q", word().into()), ("amount", a.into())],
                ),
            }
        }
        (None, Some((low, high))) => {
            // Percentages keep the sign on both ends: `between 12% and 30%`.
            let (lo, hi) = if f.is_percent() {
                (percent(number(low)), with_unit(number(high)))
            } else {
                (number(low), with_unit(number(high)))
            };
            let ends = [("low", lo.into()), ("high", hi.into())];
            match q.meaning() {
                Meaning::Range => w.msg("figure-between", &ends),
                Meaning::AsStated | Meaning::Exact => w.msg("figure-range", &ends),
                _ => {
                    let [low, high] = ends;
                    w.msg("figure-qualified-range", &[("q", word().into()), low, high])
                }
            }
        }
        // The source's words are the figure ("thousands"); the measure
        // says of what.
        (None, None) => opt(&f.stated).unwrap_or_default(),
    };
    if f.each() {
        w.msg("figure-each", &[("amount", amount.into())])
    } else {
        amount
    }
}

impl AppliesTo {
    /// The word as written in a brief: `each`, `total` or `unclear`.
    pub fn name(self) -> &'static str {
        match self {
            AppliesTo::Each => "each",
            AppliesTo::Total => "total",
            AppliesTo::Unclear => "unclear",
        }
    }
}

impl ControlStatus {
    /// The status in the reader's language.
    pub fn shown(self) -> String {
        crate::i18n::words().msg("control-status", &[("status", self.text().into())])
    }

    /// The status in words: `annexed`, `occupied`, `claimed`, `controlled`.
    pub fn text(self) -> &'static str {
        match self {
            ControlStatus::Annexed => "annexed",
            ControlStatus::Occupied => "occupied",
            ControlStatus::Claimed => "claimed",
            ControlStatus::Controlled => "controlled",
        }
    }
}

impl Figure {
    /// The figure as `brief diff` compares it; `i` is its place in its section.
    pub(crate) fn change_item(&self, i: usize, v: &FigureView, r: &Refs) -> Item {
        let f = self;
        let mut item = Item::new(Kind::Figure, i, Some(&f.id));
        item.supersedes = f.supersedes.iter().map(|s| s.value.clone()).collect();
        let w = crate::i18n::words();
        item.label = if v.territorial {
            w.msg(
                "diff-territory-label",
                &[
                    ("areas", v.areas_text.as_str().into()),
                    (
                        "controller",
                        v.controller.as_deref().unwrap_or_default().into(),
                    ),
                    (
                        "named",
                        if v.controller.is_some() { "yes" } else { "no" }.into(),
                    ),
                ],
            )
        } else {
            match &v.controller {
                Some(c) => format!("{}, {} ({c})", capitalize(&v.measure), v.areas_text),
                None => format!("{}, {}", capitalize(&v.measure), v.areas_text),
            }
        };
        let mut d = vec![v.display.clone()];
        if !v.applies_to_text.is_empty() {
            d.push(v.applies_to_text.to_owned());
        }
        if let Some(a) = &v.as_of {
            d.push(w.msg("key-point-as-of", &[("date", a.text.as_str().into())]));
        }
        if let Some(s) = v.status {
            d.push(s.shown());
        }
        item.description = Some(d.join(" · "));
        let as_of = date(&f.as_of);
        let as_of_key = match &as_of {
            Value::Date(Some(d)) => d.key.clone(),
            _ => String::new(),
        };
        item.fields = vec![
            field(
                "value",
                "Value",
                Sig::Figure,
                Value::Figure(FigureValue {
                    value: f.value.as_ref().map(|v| v.value),
                    number: v.value.clone(),
                    qualifier: f.qualifier(),
                    unit: unit_key(&v.unit),
                    measure: norm(&v.measure),
                    display: v.display.clone(),
                    as_of: as_of_key,
                }),
            ),
            field("measure", "Measure", Sig::Detail, plain(&v.measure)),
            field(
                "controller",
                "Controller",
                Sig::Detail,
                r.one_ref(&f.controller, &v.controller),
            ),
            field("areas", "Areas", Sig::Detail, r.refs(&f.areas, &v.areas)),
            field(
                "applies_to",
                "Applies to",
                Sig::Detail,
                Value::Text(Some(v.applies_to_text.to_owned()).filter(|t| !t.is_empty())),
            ),
            field("stated", "Stated", Sig::Wording, text(&f.stated)),
            field("as_of", "As of", Sig::Detail, as_of),
            field(
                "includes",
                "Includes",
                Sig::Detail,
                r.refs(&f.includes, &v.includes),
            ),
            field(
                "status",
                "Status",
                Sig::Detail,
                Value::Text(v.status.map(|s| s.shown())),
            ),
            field("sources", "Sources", Sig::Detail, r.cites(&v.cites)),
        ];
        item
    }
}

impl Serialize for AppliesTo {
    /// Templates see the word as written, as [`AppliesTo::name`] gives it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl Serialize for ControlStatus {
    /// Templates see the status in the reader's words.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.shown())
    }
}

/// A unit as compared: `%` and `percent` are one.
fn unit_key(unit: &str) -> String {
    if is_percent_unit(unit) {
        "percent".into()
    } else {
        unit.trim().to_owned()
    }
}
