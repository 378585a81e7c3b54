//! What `brief diff` compares: each section turns its items into [`Item`]s
//! of named fields, with values in the form they are compared in; the diff
//! stage matches the items of two versions and compares them.

use std::collections::HashMap;

use super::date_spec::{DateSpec, DateView, date_view};
use super::kind::Kind;
use super::names::Cite;
use super::names::Names;
use super::qualifier::Qualifier;
use super::reference::{Places, Ref};
use crate::pos::Located;

/// How significant a change is, most significant first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sig {
    /// The status of an event: held, cancelled...
    Status,
    /// A figure's number.
    Figure,
    /// An item added.
    Added,
    /// An item removed.
    Removed,
    /// Any other fact.
    Detail,
    /// Only the wording.
    Wording,
}

impl Sig {
    /// The name in machine-readable output.
    pub fn name(self) -> &'static str {
        match self {
            Sig::Status => "status",
            Sig::Figure => "figure",
            Sig::Added => "added",
            Sig::Removed => "removed",
            Sig::Detail => "detail",
            Sig::Wording => "wording",
        }
    }
}

impl serde::Serialize for Sig {
    /// Machine-readable output sees the name, as [`Sig::name`] gives it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// One item of one version, ready to compare.
pub(crate) struct Item {
    /// Its kind.
    pub(crate) kind: Kind,
    /// Its id, for kinds with ids.
    pub(crate) id: Option<String>,
    /// The ids it supersedes.
    pub(crate) supersedes: Vec<String>,
    /// What items without ids are matched by: their text, normalised.
    pub(crate) key: String,
    /// Its place in its list.
    pub(crate) pos: usize,
    /// What one item is called: `actor`, `phone call`, `claim`...
    pub(crate) noun: &'static str,
    /// The item in one line.
    pub(crate) label: String,
    /// More about it, for an item added or removed.
    pub(crate) description: Option<String>,
    /// Its fields, in the order shown.
    pub(crate) fields: Vec<Field>,
}

impl Item {
    /// An item of `kind` at `pos` in its section, with nothing filled in.
    pub(crate) fn new(kind: Kind, pos: usize, id: Option<&Located<String>>) -> Item {
        Item {
            kind,
            id: id.map(|i| i.value.clone()),
            supersedes: Vec::new(),
            key: String::new(),
            pos,
            noun: kind.noun(),
            label: String::new(),
            description: None,
            fields: Vec::new(),
        }
    }
}

/// One field of an item.
pub(crate) struct Field {
    /// Its key in the brief.
    pub(crate) name: &'static str,
    /// Its name for readers.
    pub(crate) label: &'static str,
    /// How significant a change to it is.
    pub(crate) sig: Sig,
    /// Its value.
    pub(crate) value: Value,
}

/// A field's value, in the form it is compared in.
pub(crate) enum Value {
    /// Text, compared with its whitespace normalised.
    Text(Option<String>),
    /// An unordered list: (key compared, text shown).
    Set(Vec<(String, String)>),
    /// An ordered list: (key compared, text shown).
    List(Vec<(String, String)>),
    /// A date.
    Date(Option<Date>),
    /// A figure's number, qualifier and unit.
    Figure(FigureValue),
}

/// A date, as compared and as shown.
pub(crate) struct Date {
    /// Value, wording, inferred parts and basis, as written.
    pub(crate) key: String,
    /// Its reader-facing form.
    pub(crate) view: DateView,
}

/// A figure's number, as compared and as shown.
pub(crate) struct FigureValue {
    /// The number, when the figure gives one number (not a range, not
    /// a wording alone).
    pub(crate) value: Option<f64>,
    /// The number as written (`20`, `99.5`).
    pub(crate) number: String,
    /// How the source qualifies it.
    pub(crate) qualifier: Qualifier,
    /// Its unit, with `%` as `percent`.
    pub(crate) unit: String,
    /// What is measured, normalised.
    pub(crate) measure: String,
    /// Qualifier, value and unit: `nearly 20%`.
    pub(crate) display: String,
    /// The as-of date's key, to note an as-of change with the number.
    pub(crate) as_of: String,
}

/// How one version's references are compared: by the id the newer
/// version gives the item they name, shown by name.
pub(crate) struct Refs<'a> {
    /// The names of the version's items.
    pub(crate) names: &'a dyn Names,
    /// For the older version: its ids that the newer one's items
    /// supersede, mapped to the newer ids.
    pub(crate) renamed: Option<&'a HashMap<String, String>>,
}

impl Refs<'_> {
    /// An id as the new version names it.
    pub(crate) fn canon(&self, id: &str) -> String {
        self.renamed
            .and_then(|r| r.get(id))
            .cloned()
            .unwrap_or_else(|| id.to_owned())
    }

    /// References, by id, shown by the names `names` (one per id).
    pub(crate) fn refs<K>(&self, ids: &[Ref<K>], names: &[String]) -> Value {
        Value::Set(
            ids.iter()
                .zip(names)
                .map(|(id, name)| (self.canon(&id.value), name.clone()))
                .collect(),
        )
    }

    /// An optional reference, shown by `name`.
    pub(crate) fn one_ref<K>(&self, id: &Option<Ref<K>>, name: &Option<String>) -> Value {
        match (id, name) {
            (Some(id), Some(name)) => Value::Set(vec![(self.canon(&id.value), name.clone())]),
            _ => Value::Set(Vec::new()),
        }
    }

    /// Citations, by the id of each source.
    pub(crate) fn cites(&self, cites: &[Cite]) -> Value {
        Value::Set(
            cites
                .iter()
                .map(|c| (self.canon(&c.id), c.name.clone()))
                .collect(),
        )
    }

    /// The name of the place `r` names, trimmed.
    pub(crate) fn place_name(&self, r: &Ref<Places>) -> String {
        self.names.place_name(r).trim().to_owned()
    }
}

/// Whitespace-normalised text: lines joined, paragraphs kept apart.
pub(crate) fn norm(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Text as shown in a one-line change: whitespace collapsed.
pub(crate) fn shown(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Optional text, compared trimmed; blank is none.
pub(crate) fn text(s: &Option<String>) -> Value {
    Value::Text(
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
    )
}

/// Text, compared trimmed; blank is none.
pub(crate) fn plain(s: &str) -> Value {
    Value::Text(Some(s.trim().to_owned()).filter(|s| !s.is_empty()))
}

/// A list of texts, compared as a set, whitespace normalised.
pub(crate) fn strings(items: &[String]) -> Value {
    Value::Set(
        items
            .iter()
            .map(|s| (norm(s), shown(s)))
            .filter(|(k, _)| !k.is_empty())
            .collect(),
    )
}

/// An optional date.
pub(crate) fn date(d: &Option<DateSpec>) -> Value {
    Value::Date(d.as_ref().map(|d| {
        let view = date_view(d);
        Date {
            key: date_key(&view),
            view,
        }
    }))
}

/// What a date is compared by: value, wording, inferred parts, basis,
/// time of day and the relation that places it.
pub(crate) fn date_key(v: &DateView) -> String {
    format!(
        "{:?}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}",
        v.edtf,
        v.stated.as_deref().map(norm),
        v.inferred.iter().map(|p| p.name()).collect::<Vec<_>>(),
        v.basis.as_deref().map(norm),
        v.time.as_deref().map(norm),
        v.relation.map(|r| r.text()),
        v.relative_to
    )
}

/// A field of an item.
pub(crate) fn field(name: &'static str, label: &'static str, sig: Sig, value: Value) -> Field {
    Field {
        name,
        label,
        sig,
        value,
    }
}

/// The text with its first letter in upper case.
pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
