//! Figures: numbers such as the share of a territory an actor controls,
//! with the qualifier the source puts on them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::change::{
    FigureValue, Item, Refs, Sig, Value, capitalize, date, field, norm, plain, text,
};
use super::checker::Checker;
use super::date_spec::{DateSpec, DateView, date_view};
use super::handle::Handle;
use super::identified::Identified;
use super::kind::Kind;
use super::names::Cite;
use super::names::Names;
use super::qualifier::Qualifier;
use super::reference::{Actors, Places, Ref, RefVisitor, Sources};
use super::text::{join_and, number_text, opt};
use crate::diagnostic::Diagnostic;
use crate::pos::Located;

/// A figure, such as the share of a territory an actor controls.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Identifier of the figure.
    pub id: Located<String>,
    /// Earlier ids of this same item, when its id was renamed: `brief diff`
    /// then matches it with the item of that id in an older version, so
    /// its history stays linked. A superseded id cannot be used in this
    /// brief, neither as an id nor in a reference.
    #[serde(default)]
    pub supersedes: Vec<Located<String>>,
    /// What is measured, when it is not territorial control
    /// (default: `territorial control`).
    #[serde(default)]
    pub measure: Option<String>,
    /// Who controls the territory, as an actor id.
    #[serde(default)]
    pub controller: Option<Ref<Actors>>,
    /// The area or areas the figure is about, as place ids.
    pub areas: Vec<Ref<Places>>,
    /// With several areas: whether the value applies to `each` area, to
    /// their `total`, or the source leaves it `unclear`.
    #[serde(default)]
    pub applies_to: Option<AppliesTo>,
    /// The number, as stated.
    pub value: Located<f64>,
    /// Unit of the value (`percent`, `km2`, `people`...).
    pub unit: String,
    /// How the source qualifies the number. Never drop it: "nearly 20%"
    /// is not "20%".
    pub qualifier: Qualifier,
    /// The figure's wording in the source (e.g. `nearly 20%`).
    #[serde(default)]
    pub stated: Option<String>,
    /// The date the figure describes.
    #[serde(default)]
    pub as_of: Option<DateSpec>,
    /// What the figure includes, as stated (e.g. `Crimea`), as place ids.
    #[serde(default)]
    pub includes: Vec<Ref<Places>>,
    /// The status of the controlled territory.
    #[serde(default)]
    pub status: Option<ControlStatus>,
    /// Sources for the figure.
    #[serde(default)]
    pub sources: Vec<Ref<Sources>>,
}

impl Figure {
    /// Hands each reference of the figure to `v`. Spelled out in full, so
    /// that a new field must say whether it is a reference.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Figure {
            id: _,
            supersedes: _,
            measure: _,
            controller,
            areas,
            applies_to: _,
            value: _,
            unit: _,
            qualifier: _,
            stated: _,
            as_of: _,
            includes,
            status: _,
            sources,
        } = self;
        v.visit_opt(controller);
        v.visit_all(areas);
        v.visit_all(includes);
        v.visit_all(sources);
    }
}

/// How a figure applies to several areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AppliesTo {
    /// The value holds for each area separately.
    Each,
    /// The value holds for the areas taken together.
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

    /// Checks the references, the areas, the range of the value, and
    /// warns of a figure without a date or a source.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        let f = self;
        if let Some(controller) = &f.controller {
            c.reference(controller);
        }
        c.references(&f.areas);
        c.references(&f.includes);
        c.references(&f.sources);
        if let Some(d) = &f.as_of {
            d.check(c);
        }
        if f.areas.is_empty() {
            c.push(
                Diagnostic::error(
                    "missing-field",
                    f.id.pos,
                    format!("the figure `{}` names no area", f.id.value),
                )
                .with_label("no `areas`")
                .with_help("list the places the figure is about in `areas`"),
            );
        }
        if f.areas.len() > 1 && f.applies_to.is_none() {
            c.push(
                Diagnostic::error(
                    "missing-field",
                    f.id.pos,
                    format!(
                        "the figure `{}` covers several areas but does not say how",
                        f.id.value
                    ),
                )
                .with_label("no `applies_to`")
                .with_help(
                    "add `applies_to: each`, `total`, or `unclear` when the source does not say",
                ),
            );
        }
        let v = f.value.value;
        let percent = f.is_percent();
        if percent && !(0.0..=100.0).contains(&v) {
            c.push(
                Diagnostic::error(
                    "out-of-range",
                    f.value.pos,
                    format!("{v} is not a percentage: percentages run from 0 to 100"),
                )
                .with_label("not between 0 and 100")
                .with_help("give the share as a number from 0 to 100, with `unit: percent`"),
            );
        } else if v < 0.0 && !percent {
            c.push(
                Diagnostic::warning(
                    "negative-figure",
                    f.value.pos,
                    format!("the figure `{}` is negative", f.id.value),
                )
                .with_label("below zero")
                .with_help(
                    "check the sign; a fall is usually given as a positive number with a `measure` that says so",
                ),
            );
        }
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
}

/// Whether a unit, as written, means a percentage.
pub(crate) fn is_percent_unit(unit: &str) -> bool {
    matches!(unit.trim(), "percent" | "%")
}

/// A figure with its qualifier kept.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FigureView {
    /// Id.
    pub id: String,
    /// What is measured.
    pub measure: String,
    /// Whether the figure is of territorial control (no other `measure`).
    pub territorial: bool,
    /// Controller's name.
    pub controller: Option<String>,
    /// Area names.
    pub areas: Vec<String>,
    /// Areas in one phrase: `Donetsk region, Zaporizhzhia region and Kherson region`.
    pub areas_text: String,
    /// `each`, `total`, `unclear`, or null for one area.
    #[schemars(with = "Option<String>")]
    pub applies_to: Option<AppliesTo>,
    /// What `applies_to` means for a reader, or empty.
    pub applies_to_text: &'static str,
    /// The number as written (`20`, `99.5`).
    pub value: String,
    /// The unit.
    pub unit: String,
    /// The qualifier as a word: `nearly`, `over`, `about`, or empty.
    #[schemars(with = "String")]
    pub qualifier: Qualifier,
    /// How the qualifier bounds the value: `below`, `above`, `around`,
    /// `at least`, `at most`, `exact`, or `as stated`.
    pub bound: &'static str,
    /// Qualifier, value and unit: `nearly 20%`.
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
}

impl Figure {
    /// The figure's view.
    pub(crate) fn view(&self, l: &dyn Names) -> FigureView {
        let f = self;
        let areas: Vec<String> = f.areas.iter().map(|a| l.place_name(a)).collect();
        FigureView {
            id: f.id.value.clone(),
            measure: opt(&f.measure).unwrap_or_else(|| "territorial control".into()),
            territorial: opt(&f.measure).is_none(),
            controller: f.controller.as_ref().map(|c| l.actor_name(c)),
            areas_text: join_and(&areas),
            areas,
            applies_to: f.applies_to.filter(|_| f.areas.len() > 1),
            applies_to_text: match f.applies_to.filter(|_| f.areas.len() > 1) {
                Some(AppliesTo::Each) => "for each area",
                Some(AppliesTo::Total) => "for the areas combined",
                Some(AppliesTo::Unclear) => "unclear whether for each area or combined",
                None => "",
            },
            value: number_text(f.value.value),
            unit: f.unit.trim().to_string(),
            qualifier: f.qualifier,
            bound: f.qualifier.bound(),
            display: figure_display(f),
            stated: opt(&f.stated),
            as_of: f.as_of.as_ref().map(date_view),
            includes: f.includes.iter().map(|p| l.place_name(p)).collect(),
            status: f.status,
            percent: f.is_percent(),
            key_point: None,
            cites: l.cites(&f.sources),
        }
    }
}

/// Qualifier, value and unit, as a reader reads them: `nearly 20%`.
pub(crate) fn figure_display(f: &Figure) -> String {
    let q = f.qualifier.word();
    let value = number_text(f.value.value);
    let unit = f.unit.trim();
    let amount = if f.is_percent() {
        format!("{value}%")
    } else if unit.is_empty() {
        value
    } else {
        format!("{value} {unit}")
    };
    if q.is_empty() {
        amount
    } else {
        format!("{q} {amount}")
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
        item.label = if v.territorial {
            match &v.controller {
                Some(c) => format!("Territorial control of {} by {c}", v.areas_text),
                None => format!("Territorial control of {}", v.areas_text),
            }
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
            d.push(format!("as of {}", a.text));
        }
        if let Some(s) = v.status {
            d.push(s.text().to_owned());
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
                    value: f.value.value,
                    number: v.value.clone(),
                    qualifier: f.qualifier,
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
                Value::Text(v.status.map(|s| s.text().to_owned())),
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
    /// Templates see the status in words, as [`ControlStatus::text`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text())
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
