//! Places: the countries, regions and cities events and figures refer to.

use schemars::JsonSchema;
use serde::Deserialize;

use super::change::{Item, Refs, Sig, Value, field, plain, strings};
use super::checker::Checker;
use super::handle::Handle;
use super::identified::Identified;
use super::kind::Kind;
use super::reference::{Places, Ref, RefVisitor};
use crate::diagnostic::Diagnostic;
use crate::pos::Located;

/// A place: a country, region or city.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Identifier events and figures refer to this place by.
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
    /// Name as used in the briefing (e.g. `Donetsk region`).
    pub name: String,
    /// What kind of place this is.
    #[serde(default)]
    pub kind: Option<PlaceKind>,
    /// The larger place it belongs to, as a place id.
    #[serde(default)]
    pub part_of: Option<Ref<Places>>,
    /// Other names and spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Place {
    /// Hands each reference of the place to `v`. Spelled out in full, so
    /// that a new field must say whether it is a reference.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Place {
            id: _,
            supersedes: _,
            drafted: _,
            name: _,
            kind: _,
            part_of,
            aliases: _,
        } = self;
        v.visit_opt(part_of);
    }
}

/// Kinds of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceKind {
    /// A country.
    Country,
    /// A region, province or oblast.
    Region,
    /// A city or town.
    City,
    /// A site or building.
    Site,
    /// Anything else.
    Other,
}

impl Identified for Place {
    fn handle(index: usize) -> Handle {
        Handle::Place(index)
    }

    fn id(&self) -> &Located<String> {
        &self.id
    }

    fn supersedes(&self) -> &[Located<String>] {
        &self.supersedes
    }
}

impl Place {
    /// Checks the name and the larger place it is part of.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        super::drafted::check(self.drafted.as_ref(), "place", &self.id.value, c);
        c.not_blank(&self.name, self.id.pos, "the place's name");
        if let Some(parent) = &self.part_of {
            c.reference(parent);
            if parent.value == self.id.value {
                c.push(
                    Diagnostic::error(
                        "self-reference",
                        parent.pos,
                        format!("the place `{}` cannot be part of itself", self.id.value),
                    )
                    .with_label("the place itself")
                    .with_help("name the larger place it belongs to, or remove `part_of`"),
                );
            }
        }
    }

    /// The ids this place refers to: what an imported place brings along.
    pub(crate) fn refers_to(&self) -> impl Iterator<Item = &str> {
        self.part_of.iter().map(|r| r.as_str())
    }
}

impl Place {
    /// The place as `brief diff` compares it; `i` is its place in its section.
    pub(crate) fn change_item(&self, i: usize, r: &Refs) -> Item {
        let p = self;
        let mut item = Item::new(Kind::Place, i, Some(&p.id));
        item.supersedes = p.supersedes.iter().map(|s| s.value.clone()).collect();
        item.label = p.name.trim().to_owned();
        let kind = p.kind.map(PlaceKind::text);
        let part_of = p.part_of.as_ref().map(|o| r.place_name(o));
        item.description = match (kind, &part_of) {
            (Some(k), Some(o)) => Some(format!("{k}, part of {o}")),
            (Some(k), None) => Some(k.to_owned()),
            (None, Some(o)) => Some(format!("part of {o}")),
            (None, None) => None,
        };
        item.fields = vec![
            field("name", "Name", Sig::Wording, plain(&p.name)),
            field(
                "kind",
                "Kind",
                Sig::Detail,
                Value::Text(kind.map(str::to_owned)),
            ),
            field(
                "part_of",
                "Part of",
                Sig::Detail,
                r.one_ref(&p.part_of, &part_of),
            ),
            field("aliases", "Aliases", Sig::Wording, strings(&p.aliases)),
        ];
        item
    }
}

impl PlaceKind {
    /// The kind in words: `country`, `region`, `city`, `site`, `other`.
    pub fn text(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::City => "city",
            PlaceKind::Site => "site",
            PlaceKind::Other => "other",
        }
    }
}
