//! `brief diff`: what changed between two versions of a brief.
//!
//! Both versions are checked models. Their items are matched by id (an
//! item's `supersedes` links it to an older id), or, for items without
//! ids (key points, judgments, gaps), by their text; the order items are
//! written in never matters. Each matched pair is compared field by field
//! on reader-facing values: references by the id they name (so renaming
//! an actor is one change, on the actor, not one on every statement that
//! names them), and shown by name, with dates and figures worded as in the
//! briefing. The result is a [`DiffView`]: what the `diff.md` and
//! `diff.html` templates receive, and what `brief diff --format json`
//! prints (see `docs/diff.md`).

mod git;

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::Serialize;

use crate::format::{self, Kind, Qualifier};
use crate::format::{Cite, DateView, date_view, join_and, qualifier_text};
use crate::pos::Located;
use crate::resolve::{self, View};
use crate::validate::Model;

pub use git::{GitError, git_show, parse_git_spec, resolve_commit};

/// The version of the [`DiffView`] structure, printed as `version` in the
/// JSON output. It changes only when a field is removed or changes
/// meaning; new fields may be added within a version.
pub const DIFF_VERSION: u32 = 1;

/// A change briefing: everything that differs between two versions of a
/// brief.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DiffView {
    /// The version of this structure (currently 1).
    pub version: u32,
    /// The older version.
    pub old: DiffSide,
    /// The newer version.
    pub new: DiffSide,
    /// Whether anything changed.
    pub changed: bool,
    /// The counts, in a sentence and by kind.
    pub summary: DiffSummary,
    /// Every change, most significant first: status changes, figure
    /// changes, items added, items removed, other changes of substance,
    /// then wording edits; within each, in the order of the brief.
    pub changes: Vec<ChangeView>,
    /// The same changes grouped by kind of item, in the order of the
    /// brief's sections; kinds with no change are left out.
    pub sections: Vec<DiffSection>,
}

/// One of the two versions compared.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DiffSide {
    /// Where it was read from: a file, or `REV:path` for a git revision.
    pub label: String,
    /// The brief's id.
    pub id: String,
    /// The brief's title.
    pub title: String,
    /// Its publication date as a reader sees it, if given.
    pub published: Option<String>,
    /// Whether it is a fictional exercise.
    pub fictional: bool,
}

/// The number of changes.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DiffSummary {
    /// The counts in one sentence: `3 changes: 1 event changed, 1
    /// statement added, 1 figure changed.`, or `No changes.`
    pub text: String,
    /// The number of changed, added and removed items.
    pub total: usize,
    /// The counts for each kind with changes, in the order of the brief's
    /// sections.
    pub counts: Vec<DiffCount>,
}

/// The changes to one kind of item, counted.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DiffCount {
    /// The kind: `brief`, `key_point`, `actor`, `source`, `place`,
    /// `issue`, `event`, `statement`, `figure`, `judgment` or `gap`.
    pub kind: &'static str,
    /// Items added.
    pub added: usize,
    /// Items removed.
    pub removed: usize,
    /// Items changed.
    pub changed: usize,
}

/// The changes to one kind of item.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DiffSection {
    /// The kind, as in `DiffCount.kind`.
    pub kind: &'static str,
    /// A heading for it: `Meetings and events`.
    pub title: &'static str,
    /// Items added, in the new version's order.
    pub added: Vec<ChangeView>,
    /// Items removed, in the old version's order.
    pub removed: Vec<ChangeView>,
    /// Items changed, in the new version's order.
    pub changed: Vec<ChangeView>,
}

/// One item added, removed or changed.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChangeView {
    /// The kind of item, as in `DiffCount.kind`.
    pub kind: &'static str,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    /// How significant the change is, most first: `status`, `figure`,
    /// `added`, `removed`, `detail`, `wording`.
    pub significance: &'static str,
    /// The item's id in the new version; null when removed or for items
    /// without ids.
    pub id: Option<String>,
    /// The item's id in the old version; null when added or for items
    /// without ids. Differs from `id` when the item `supersedes` it.
    pub old_id: Option<String>,
    /// What the item is, for a reader: `talks`, `position`, `figure`,
    /// `actor`...
    pub noun: &'static str,
    /// The item as a reader knows it: a name, a title, a statement with
    /// its speaker, a figure's measure and areas.
    pub label: String,
    /// For an added or removed item, the rest of it in one line; null
    /// when there is nothing more to say.
    pub description: Option<String>,
    /// The change in one line, for a summary: `Talks “…”: status:
    /// scheduled → held`.
    pub text: String,
    /// The fields that changed, most significant first; empty for an
    /// added or removed item.
    pub fields: Vec<FieldChangeView>,
}

/// One field of an item that changed.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FieldChangeView {
    /// The field's name in the brief format: `status`, `date`, `value`
    /// (a figure's number, qualifier and unit)...
    pub field: &'static str,
    /// The field's name for a reader: `Status`, `Date`, `Value`.
    pub label: &'static str,
    /// `status`, `figure`, `detail` or `wording`.
    pub significance: &'static str,
    /// The old value as a reader sees it; null when it was not given.
    pub old: Option<String>,
    /// The new value as a reader sees it; null when it is no longer given.
    pub new: Option<String>,
    /// What the change means, when there is more to say: `up about 1
    /// point`, `date made precise`, `added Ukraine`.
    pub note: Option<String>,
    /// The change in one line: `Status: scheduled → held`.
    pub text: String,
    /// For a figure whose number changed in the same unit and measure,
    /// the difference; null otherwise.
    pub delta: Option<DeltaView>,
    /// `text`, or for long prose only what happened (`Outlook reworded`):
    /// the form used in [`ChangeView::text`].
    #[serde(skip)]
    #[schemars(skip)]
    short: String,
    /// `significance`, to sort by.
    #[serde(skip)]
    #[schemars(skip)]
    sig: Sig,
}

/// The difference between two figures of the same unit and measure.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DeltaView {
    /// The old number.
    pub old: f64,
    /// The new number.
    pub new: f64,
    /// New minus old, rounded to the precision of the numbers given.
    pub by: f64,
    /// The unit of both (`percent`: `by` is in percentage points).
    pub unit: String,
    /// Whether a qualifier (`about`, `nearly`, `over`...) makes the
    /// difference approximate.
    pub approximate: bool,
}

/// Compares two checked versions of a brief. `old_label` and `new_label`
/// say where each was read from (shown in the output).
///
/// ```
/// let limits = brief::Limits::default();
/// let old = "id: d\ntitle: D\nissues:\n  - id: i\n    name: Borders\n";
/// let new = "id: d\ntitle: D\nissues:\n  - id: i\n    name: Frontiers\n";
/// let (old, _) = brief::check_str(old, &limits);
/// let (new, _) = brief::check_str(new, &limits);
/// let diff = brief::diff::diff(&old.unwrap(), &new.unwrap(), "old.yaml", "new.yaml");
/// assert_eq!(diff.changes[0].text, "Issue “Frontiers”: name: Borders → Frontiers");
/// ```
pub fn diff(old: &Model, new: &Model, old_label: &str, new_label: &str) -> DiffView {
    // Old ids that the new version's items supersede, mapped to the new
    // ids: references in the old version are compared in the new names.
    let mut renamed: HashMap<String, String> = HashMap::new();
    for item in new.brief.id_items() {
        let id = item.id;
        for o in item.supersedes {
            renamed.insert(o.value.clone(), id.value.clone());
        }
    }
    let old_items = Side::new(old, Some(&renamed)).items();
    let new_items = Side::new(new, None).items();
    let mut changes: Vec<(Rank, ChangeView)> = Vec::new();
    for kind in Kind::ALL {
        let olds: Vec<&Item> = old_items.iter().filter(|i| i.kind == kind).collect();
        let news: Vec<&Item> = new_items.iter().filter(|i| i.kind == kind).collect();
        compare_kind(kind, &olds, &news, &mut changes);
    }
    changes.sort_by_key(|(rank, _)| *rank);
    let mut sections = Vec::new();
    let mut counts = Vec::new();
    for kind in Kind::ALL {
        let of = |what: &str| -> Vec<ChangeView> {
            let mut list: Vec<&(Rank, ChangeView)> = changes
                .iter()
                .filter(|(_, c)| c.kind == kind.name() && c.change == what)
                .collect();
            list.sort_by_key(|((_, _, pos), _)| *pos);
            list.into_iter().map(|(_, c)| c.clone()).collect()
        };
        let section = DiffSection {
            kind: kind.name(),
            title: kind.title(),
            added: of("added"),
            removed: of("removed"),
            changed: of("changed"),
        };
        if section.added.is_empty() && section.removed.is_empty() && section.changed.is_empty() {
            continue;
        }
        counts.push(DiffCount {
            kind: kind.name(),
            added: section.added.len(),
            removed: section.removed.len(),
            changed: section.changed.len(),
        });
        sections.push(section);
    }
    let summary = summary(&counts);
    let changes: Vec<ChangeView> = changes.into_iter().map(|(_, c)| c).collect();
    DiffView {
        version: DIFF_VERSION,
        old: side(old, old_label),
        new: side(new, new_label),
        changed: !changes.is_empty(),
        summary,
        changes,
        sections,
    }
}

/// The change briefing of a brief that is new: every item added, and its
/// background and outlook. `old_label` says where it was looked for.
pub fn diff_new(new: &Model, old_label: &str, new_label: &str) -> DiffView {
    // Only the brief's own details are kept: every section starts empty.
    let format::Brief {
        id,
        title,
        dateline,
        published,
        as_of,
        imports,
        fictional,
        key_points: _,
        background: _,
        outlook: _,
        sources: _,
        actors: _,
        places: _,
        issues: _,
        events: _,
        statements: _,
        figures: _,
        judgments: _,
        gaps: _,
    } = new.brief.clone();
    let brief = format::Brief {
        id,
        title,
        dateline,
        published,
        as_of,
        imports,
        fictional,
        key_points: Default::default(),
        background: None,
        outlook: None,
        sources: Default::default(),
        actors: Default::default(),
        places: Default::default(),
        issues: Default::default(),
        events: Default::default(),
        statements: Default::default(),
        figures: Default::default(),
        judgments: Default::default(),
        gaps: Default::default(),
    };
    let empty = Model {
        brief,
        ids: HashMap::new(),
    };
    let mut view = diff(&empty, new, old_label, new_label);
    view.old.published = None;
    view
}

fn side(m: &Model, label: &str) -> DiffSide {
    let b = &m.brief;
    DiffSide {
        label: label.to_owned(),
        id: b.id.value.clone(),
        title: b.title.trim().to_owned(),
        published: b.published.as_ref().map(|d| date_view(d).text),
        fictional: b.fictional,
    }
}

fn summary(counts: &[DiffCount]) -> DiffSummary {
    let total: usize = counts.iter().map(|c| c.added + c.removed + c.changed).sum();
    if total == 0 {
        return DiffSummary {
            text: "No changes.".into(),
            total,
            counts: Vec::new(),
        };
    }
    let mut parts = Vec::new();
    for c in counts {
        let kind = Kind::ALL
            .into_iter()
            .find(|k| k.name() == c.kind)
            .expect("counts are of known kinds");
        for (n, what) in [
            (c.changed, "changed"),
            (c.added, "added"),
            (c.removed, "removed"),
        ] {
            if n == 0 {
                continue;
            }
            if kind == Kind::Brief {
                parts.push(format!("the brief's own details {what}"));
            } else {
                let noun = if n == 1 { kind.noun() } else { kind.plural() };
                parts.push(format!("{n} {noun} {what}"));
            }
        }
    }
    DiffSummary {
        text: format!(
            "{total} change{}: {}.",
            if total == 1 { "" } else { "s" },
            parts.join(", ")
        ),
        total,
        counts: counts.to_vec(),
    }
}

/// How significant a change is, most significant first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sig {
    Status,
    Figure,
    Added,
    Removed,
    Detail,
    Wording,
}

impl Sig {
    fn name(self) -> &'static str {
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

/// Where a change goes in the list of all changes: by significance, then
/// kind, then its item's place in its version.
type Rank = (Sig, Kind, usize);

/// One item of one version, ready to compare.
struct Item {
    kind: Kind,
    /// Its id, for kinds with ids.
    id: Option<String>,
    /// The ids it supersedes.
    supersedes: Vec<String>,
    /// What items without ids are matched by: their text, normalised.
    key: String,
    /// Its place in its list.
    pos: usize,
    noun: &'static str,
    label: String,
    description: Option<String>,
    fields: Vec<Field>,
}

struct Field {
    name: &'static str,
    label: &'static str,
    sig: Sig,
    value: Value,
}

/// A field's value, in the form it is compared in.
enum Value {
    /// Text, compared with its whitespace normalised.
    Text(Option<String>),
    /// An unordered list: (key compared, text shown).
    Set(Vec<(String, String)>),
    /// An ordered list: (key compared, text shown).
    List(Vec<(String, String)>),
    /// A date.
    Date(Option<Date>),
    /// A figure's number, qualifier and unit.
    Figure(Figure),
}

struct Date {
    /// Value, wording, inferred parts and basis, as written.
    key: String,
    view: DateView,
}

struct Figure {
    value: f64,
    /// The number as written (`20`, `99.5`).
    number: String,
    qualifier: Qualifier,
    unit: String,
    measure: String,
    display: String,
    /// The as-of date's key, to note an as-of change with the number.
    as_of: String,
}

/// One version, resolved, with the renaming of its ids into the new
/// version's (for the old version).
struct Side<'a> {
    m: &'a Model,
    b: &'a format::Brief,
    view: View,
    parts: resolve::Parts,
    renamed: Option<&'a HashMap<String, String>>,
}

/// Whitespace-normalised text: lines joined, paragraphs kept apart.
fn norm(text: &str) -> String {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Text as shown in a one-line change: whitespace collapsed.
fn shown(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text(s: &Option<String>) -> Value {
    Value::Text(
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
    )
}

fn plain(s: &str) -> Value {
    Value::Text(Some(s.trim().to_owned()).filter(|s| !s.is_empty()))
}

fn strings(items: &[String]) -> Value {
    Value::Set(
        items
            .iter()
            .map(|s| (norm(s), shown(s)))
            .filter(|(k, _)| !k.is_empty())
            .collect(),
    )
}

fn date(d: &Option<format::DateSpec>) -> Value {
    Value::Date(d.as_ref().map(|d| {
        let view = date_view(d);
        Date {
            key: date_key(&view),
            view,
        }
    }))
}

fn date_key(v: &DateView) -> String {
    format!(
        "{:?}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}",
        v.edtf,
        v.stated.as_deref().map(norm),
        v.inferred,
        v.basis.as_deref().map(norm)
    )
}

fn field(name: &'static str, label: &'static str, sig: Sig, value: Value) -> Field {
    Field {
        name,
        label,
        sig,
        value,
    }
}

impl<'a> Side<'a> {
    fn new(m: &'a Model, renamed: Option<&'a HashMap<String, String>>) -> Self {
        Side {
            m,
            b: &m.brief,
            view: resolve::resolve(m),
            parts: resolve::parts(m),
            renamed,
        }
    }

    /// An id as the new version names it.
    fn canon(&self, id: &str) -> String {
        self.renamed
            .and_then(|r| r.get(id))
            .cloned()
            .unwrap_or_else(|| id.to_owned())
    }

    /// References, by id, shown by the names `names` (one per id).
    fn refs(&self, ids: &[Located<String>], names: &[String]) -> Value {
        Value::Set(
            ids.iter()
                .zip(names)
                .map(|(id, name)| (self.canon(&id.value), name.clone()))
                .collect(),
        )
    }

    fn one_ref(&self, id: &Option<Located<String>>, name: &Option<String>) -> Value {
        match (id, name) {
            (Some(id), Some(name)) => Value::Set(vec![(self.canon(&id.value), name.clone())]),
            _ => Value::Set(Vec::new()),
        }
    }

    fn cites(&self, cites: &[Cite]) -> Value {
        Value::Set(
            cites
                .iter()
                .map(|c| (self.canon(&c.id), c.name.clone()))
                .collect(),
        )
    }

    fn items(&self) -> Vec<Item> {
        let mut out = vec![self.brief()];
        out.extend(self.key_points());
        out.extend(self.actors());
        out.extend(self.sources());
        out.extend(self.places());
        out.extend(self.issues());
        out.extend(self.events());
        out.extend(self.statements());
        out.extend(self.figures());
        out.extend(self.judgments());
        out.extend(self.gaps());
        out
    }

    fn item(&self, kind: Kind, pos: usize, id: Option<&Located<String>>) -> Item {
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

    fn brief(&self) -> Item {
        let b = self.b;
        let v = &self.view.brief;
        let mut item = self.item(Kind::Brief, 0, None);
        item.label = v.title.clone();
        item.fields = vec![
            field("id", "Id", Sig::Detail, plain(&b.id.value)),
            field("title", "Title", Sig::Wording, plain(&b.title)),
            field("dateline", "Dateline", Sig::Detail, text(&b.dateline)),
            field("published", "Published", Sig::Detail, date(&b.published)),
            field("as_of", "As of", Sig::Detail, date(&b.as_of)),
            field(
                "fictional",
                "Fictional",
                Sig::Detail,
                plain(if b.fictional { "yes" } else { "no" }),
            ),
            field(
                "background",
                "Background",
                Sig::Wording,
                text(&b.background),
            ),
            field("outlook", "Outlook", Sig::Wording, text(&b.outlook)),
        ];
        item
    }

    fn key_points(&self) -> Vec<Item> {
        self.view
            .key_points
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let mut item = self.item(Kind::KeyPoint, i, None);
                item.key = norm(&k.text);
                item.label = shown(&k.text);
                item.fields = vec![
                    field("text", "Text", Sig::Wording, plain(&k.text)),
                    field("sources", "Sources", Sig::Detail, self.cites(&k.cites)),
                ];
                item
            })
            .collect()
    }

    fn actors(&self) -> Vec<Item> {
        self.b
            .actors
            .iter()
            .zip(&self.view.actors)
            .enumerate()
            .map(|(i, (a, v))| {
                let mut item = self.item(Kind::Actor, i, Some(&a.id));
                item.supersedes = a.supersedes.iter().map(|s| s.value.clone()).collect();
                item.label = v.name.clone();
                let mut d = v.kind.to_owned();
                if !v.roles_text.is_empty() {
                    d = format!("{d}; {}", v.roles_text);
                }
                if let Some(desc) = &v.description {
                    d = format!("{d}; {}", shown(desc));
                }
                item.description = Some(d);
                let roles = a
                    .roles
                    .iter()
                    .zip(&v.roles)
                    .map(|(r, rv)| {
                        let key = format!(
                            "{}\u{1f}{:?}\u{1f}{:?}",
                            norm(&r.title),
                            r.of.as_ref().map(|o| self.canon(&o.value)),
                            r.portfolio.as_deref().map(norm)
                        );
                        (key, rv.text.clone())
                    })
                    .collect();
                item.fields = vec![
                    field("name", "Name", Sig::Wording, plain(&a.name)),
                    field("kind", "Kind", Sig::Detail, plain(v.kind)),
                    field("aliases", "Aliases", Sig::Wording, strings(&a.aliases)),
                    field("roles", "Roles", Sig::Detail, Value::Set(roles)),
                    field(
                        "members",
                        "Members",
                        Sig::Detail,
                        self.refs(&a.members, &v.members),
                    ),
                    field(
                        "description",
                        "Description",
                        Sig::Wording,
                        text(&a.description),
                    ),
                ];
                item
            })
            .collect()
    }

    fn sources(&self) -> Vec<Item> {
        self.b
            .sources
            .iter()
            .zip(&self.view.sources)
            .enumerate()
            .map(|(i, (s, v))| {
                let mut item = self.item(Kind::Source, i, Some(&s.id));
                item.supersedes = s.supersedes.iter().map(|s| s.value.clone()).collect();
                item.label = v.name.clone();
                let mut d = v.kind.to_owned();
                if let Some(p) = &v.publisher {
                    d = format!("{d}; published by {p}");
                }
                if let Some(date) = &v.date {
                    d = format!("{d}; {}", date.text);
                }
                item.description = Some(d);
                item.fields = vec![
                    field("name", "Name", Sig::Wording, plain(&s.name)),
                    field("publisher", "Publisher", Sig::Wording, text(&s.publisher)),
                    field("kind", "Kind", Sig::Detail, plain(v.kind)),
                    field(
                        "url",
                        "Link",
                        Sig::Detail,
                        text(&s.url.as_ref().map(|u| u.value.clone())),
                    ),
                    field("date", "Date", Sig::Detail, date(&s.date)),
                    field(
                        "reliability",
                        "Reliability",
                        Sig::Wording,
                        text(&s.reliability),
                    ),
                ];
                item
            })
            .collect()
    }

    fn place_name(&self, id: &str) -> String {
        self.b.places[self.m.ids[id].index()].name.trim().to_owned()
    }

    fn places(&self) -> Vec<Item> {
        self.b
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut item = self.item(Kind::Place, i, Some(&p.id));
                item.supersedes = p.supersedes.iter().map(|s| s.value.clone()).collect();
                item.label = p.name.trim().to_owned();
                let kind = p.kind.map(place_kind);
                let part_of = p.part_of.as_ref().map(|o| self.place_name(&o.value));
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
                        self.one_ref(&p.part_of, &part_of),
                    ),
                    field("aliases", "Aliases", Sig::Wording, strings(&p.aliases)),
                ];
                item
            })
            .collect()
    }

    fn issues(&self) -> Vec<Item> {
        self.b
            .issues
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let mut item = self.item(Kind::Issue, i, Some(&x.id));
                item.supersedes = x.supersedes.iter().map(|s| s.value.clone()).collect();
                item.label = x.name.trim().to_owned();
                item.description = x
                    .description
                    .as_deref()
                    .map(shown)
                    .filter(|d| !d.is_empty());
                item.fields = vec![
                    field("name", "Name", Sig::Wording, plain(&x.name)),
                    field(
                        "description",
                        "Description",
                        Sig::Wording,
                        text(&x.description),
                    ),
                ];
                item
            })
            .collect()
    }

    fn events(&self) -> Vec<Item> {
        self.b
            .events
            .iter()
            .zip(&self.parts.events)
            .enumerate()
            .map(|(i, (e, v))| {
                let mut item = self.item(Kind::Event, i, Some(&e.id));
                item.supersedes = e.supersedes.iter().map(|s| s.value.clone()).collect();
                item.noun = if v.kind == "other" { "event" } else { v.kind };
                item.label = v.title.clone();
                let mut d = vec![match v.status {
                    Some(s) => format!("{}, {s}", capitalize(v.kind)),
                    None => capitalize(v.kind),
                }];
                d.push(
                    v.date
                        .as_ref()
                        .map_or("date not given".into(), |d| d.text.clone()),
                );
                if let Some(l) = &v.location {
                    d.push(l.clone());
                }
                if !v.participants.is_empty() {
                    d.push(format!("participants: {}", v.participants.join(", ")));
                }
                item.description = Some(d.join(" · "));
                item.fields = vec![
                    field(
                        "status",
                        "Status",
                        Sig::Status,
                        Value::Text(v.status.map(str::to_owned)),
                    ),
                    field("kind", "Kind", Sig::Detail, plain(v.kind)),
                    field("title", "Title", Sig::Wording, plain(&e.title)),
                    field("date", "Date", Sig::Detail, date(&e.date)),
                    field(
                        "location",
                        "Location",
                        Sig::Detail,
                        self.one_ref(&e.location, &v.location),
                    ),
                    field(
                        "participants",
                        "Participants",
                        Sig::Detail,
                        self.refs(&e.participants, &v.participants),
                    ),
                    field("level", "Level", Sig::Detail, text(&e.level)),
                    field("purpose", "Purpose", Sig::Wording, text(&e.purpose)),
                    field("topics", "Topics", Sig::Detail, strings(&e.topics)),
                    field(
                        "follows",
                        "Follows",
                        Sig::Detail,
                        self.refs(&e.follows, &v.follows),
                    ),
                    field("sources", "Sources", Sig::Detail, self.cites(&v.cites)),
                ];
                item
            })
            .collect()
    }

    fn statements(&self) -> Vec<Item> {
        self.b
            .statements
            .iter()
            .zip(&self.parts.statements)
            .enumerate()
            .map(|(i, (s, v))| {
                let mut item = self.item(Kind::Statement, i, Some(&s.id));
                item.supersedes = s.supersedes.iter().map(|s| s.value.clone()).collect();
                item.noun = v.kind;
                item.label = format!("{}: {}", v.attribution, shown(&v.text));
                let mut d = vec![v.kind_label.to_owned()];
                if let Some(issue) = &v.issue {
                    d.push(format!("on {issue}"));
                }
                if let Some(q) = &v.quote {
                    d.push(format!("quote: “{}”", shown(q)));
                }
                if !v.conditions.is_empty() {
                    d.push(format!("conditions: {}", v.conditions.join("; ")));
                }
                if let Some(date) = &v.date {
                    d.push(date.text.clone());
                }
                item.description = Some(d.join(" · "));
                let speaker = self.one_ref(&s.by, &s.by.as_ref().map(|_| v.who.clone()));
                let aligns = s
                    .aligns_with
                    .iter()
                    .zip(&v.aligns_with)
                    .map(|(a, av)| {
                        let key = format!(
                            "{}\u{1f}{:?}",
                            self.canon(&a.statement.value),
                            av.framing.as_deref().map(norm)
                        );
                        let mut text = match &av.speaker {
                            Some(sp) => format!("{sp}: {}", shown(&av.text)),
                            None => shown(&av.text),
                        };
                        if let Some(f) = &av.framing {
                            text = format!("{text} ({f})");
                        }
                        (key, text)
                    })
                    .collect();
                let rejected = s
                    .rejected_by
                    .iter()
                    .zip(&v.rejected_by)
                    .map(|(r, rv)| {
                        let key = format!(
                            "{}\u{1f}{:?}",
                            self.canon(&r.actor.value),
                            rv.strength.as_deref().map(norm)
                        );
                        let text = match &rv.strength {
                            Some(st) => format!("{} ({st})", rv.name),
                            None => rv.name.clone(),
                        };
                        (key, text)
                    })
                    .collect();
                let via = s
                    .via
                    .iter()
                    .zip(v.via.iter().skip(1))
                    .map(|(id, step)| (self.canon(&id.value), step.name.clone()))
                    .collect();
                let issue = s.issue.as_ref().map(|i| self.canon(&i.value));
                item.fields = vec![
                    field("kind", "Kind", Sig::Detail, plain(v.kind)),
                    field("by", "Speaker", Sig::Detail, speaker),
                    field(
                        "unattributed",
                        "Unattributed",
                        Sig::Wording,
                        text(&s.unattributed),
                    ),
                    field("verb", "Verb", Sig::Wording, text(&s.verb)),
                    field("text", "Text", Sig::Wording, plain(&s.text)),
                    field("quote", "Quote", Sig::Wording, text(&s.quote)),
                    field(
                        "issue",
                        "Issue",
                        Sig::Detail,
                        Value::Set(issue.into_iter().zip(v.issue.clone()).collect()),
                    ),
                    field("about", "About", Sig::Detail, self.refs(&s.about, &v.about)),
                    field(
                        "conditions",
                        "Conditions",
                        Sig::Detail,
                        strings(&s.conditions),
                    ),
                    field("date", "Date", Sig::Detail, date(&s.date)),
                    field("at", "At", Sig::Detail, self.one_ref(&s.at, &v.at)),
                    field(
                        "aligns_with",
                        "Aligns with",
                        Sig::Detail,
                        Value::Set(aligns),
                    ),
                    field(
                        "rejected_by",
                        "Rejected by",
                        Sig::Detail,
                        Value::Set(rejected),
                    ),
                    field("via", "Via", Sig::Detail, Value::List(via)),
                    field("sources", "Sources", Sig::Detail, self.cites(&v.cites)),
                    field("note", "Note", Sig::Wording, text(&s.note)),
                ];
                item
            })
            .collect()
    }

    fn figures(&self) -> Vec<Item> {
        self.b
            .figures
            .iter()
            .zip(&self.parts.figures)
            .enumerate()
            .map(|(i, (f, v))| {
                let mut item = self.item(Kind::Figure, i, Some(&f.id));
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
                    d.push(s.to_owned());
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
                        Value::Figure(Figure {
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
                        self.one_ref(&f.controller, &v.controller),
                    ),
                    field("areas", "Areas", Sig::Detail, self.refs(&f.areas, &v.areas)),
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
                        self.refs(&f.includes, &v.includes),
                    ),
                    field(
                        "status",
                        "Status",
                        Sig::Detail,
                        Value::Text(v.status.map(str::to_owned)),
                    ),
                    field("sources", "Sources", Sig::Detail, self.cites(&v.cites)),
                ];
                item
            })
            .collect()
    }

    fn judgments(&self) -> Vec<Item> {
        self.view
            .judgments
            .iter()
            .enumerate()
            .map(|(i, j)| {
                let mut item = self.item(Kind::Judgment, i, None);
                item.key = norm(&j.text);
                item.label = shown(&j.text);
                let mut d = Vec::new();
                if let Some(l) = j.likelihood {
                    d.push(l.to_owned());
                }
                if let Some(c) = j.confidence {
                    d.push(format!("{c} confidence"));
                }
                item.description = Some(d.join(", ")).filter(|d| !d.is_empty());
                item.fields = vec![
                    field("text", "Text", Sig::Wording, plain(&j.text)),
                    field(
                        "likelihood",
                        "Likelihood",
                        Sig::Detail,
                        Value::Text(j.likelihood.map(str::to_owned)),
                    ),
                    field(
                        "confidence",
                        "Confidence",
                        Sig::Detail,
                        Value::Text(j.confidence.map(str::to_owned)),
                    ),
                    field("sources", "Sources", Sig::Detail, self.cites(&j.cites)),
                ];
                item
            })
            .collect()
    }

    fn gaps(&self) -> Vec<Item> {
        self.b
            .gaps
            .iter()
            .zip(&self.view.gaps)
            .enumerate()
            .map(|(i, (g, v))| {
                let mut item = self.item(Kind::Gap, i, None);
                item.key = norm(&v.text);
                item.label = shown(&v.text);
                item.description = Some(v.about.join("; "))
                    .filter(|d| !d.is_empty())
                    .map(|d| format!("about {d}"));
                item.fields = vec![
                    field("text", "Text", Sig::Wording, plain(&v.text)),
                    field("about", "About", Sig::Detail, self.refs(&g.about, &v.about)),
                ];
                item
            })
            .collect()
    }
}

fn place_kind(k: format::PlaceKind) -> &'static str {
    match k {
        format::PlaceKind::Country => "country",
        format::PlaceKind::Region => "region",
        format::PlaceKind::City => "city",
        format::PlaceKind::Site => "site",
        format::PlaceKind::Other => "other",
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn unit_key(unit: &str) -> String {
    match unit.trim() {
        "%" | "percent" => "percent".into(),
        u => u.to_owned(),
    }
}

/// The most pairs of edited texts weighed against each other, per kind.
const MAX_PAIRS_WEIGHED: usize = 250_000;

/// The words of a text, ignoring case and punctuation.
fn words(s: &str) -> std::collections::BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How much two texts share: the words they have in common over the
/// words of either (0 to 1).
fn similarity(
    a: &std::collections::BTreeSet<String>,
    b: &std::collections::BTreeSet<String>,
) -> f64 {
    let all = a.union(b).count();
    if all == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / all as f64
}

/// Pairs the items of one kind and records what was added, removed and
/// changed.
fn compare_kind(kind: Kind, olds: &[&Item], news: &[&Item], out: &mut Vec<(Rank, ChangeView)>) {
    let mut taken = vec![false; olds.len()];
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut unmatched_new = Vec::new();
    // Ids (or, without ids, exact texts) first, then `supersedes`: an item
    // keeping its id is its own match even if another item claims that id
    // as an old one. Equal keys pair up in order.
    let key = |item: &Item| -> String {
        if kind.has_ids() {
            item.id.clone().unwrap_or_default()
        } else {
            item.key.clone()
        }
    };
    let mut by_key: HashMap<String, std::collections::VecDeque<usize>> = HashMap::new();
    for (o, old) in olds.iter().enumerate() {
        by_key.entry(key(old)).or_default().push_back(o);
    }
    let mut found: Vec<Option<usize>> = vec![None; news.len()];
    for (n, item) in news.iter().enumerate() {
        if let Some(o) = by_key.get_mut(&key(item)).and_then(|q| q.pop_front()) {
            taken[o] = true;
            found[n] = Some(o);
        }
    }
    if kind.has_ids() {
        let by_id: HashMap<&str, usize> = olds
            .iter()
            .enumerate()
            .filter_map(|(o, old)| old.id.as_deref().map(|id| (id, o)))
            .collect();
        for (n, item) in news.iter().enumerate() {
            if found[n].is_some() {
                continue;
            }
            let hit = item
                .supersedes
                .iter()
                .filter_map(|id| by_id.get(id.as_str()).copied())
                .find(|&o| !taken[o]);
            if let Some(o) = hit {
                taken[o] = true;
                found[n] = Some(o);
            }
        }
    } else {
        // An edited text is matched with the most similar old one left, if
        // they share at least half their words. Skipped when there are too
        // many pairs to weigh: they stay added and removed.
        let left_new: Vec<usize> = (0..news.len()).filter(|&n| found[n].is_none()).collect();
        let left_old: Vec<usize> = (0..olds.len()).filter(|&o| !taken[o]).collect();
        if left_new.len().saturating_mul(left_old.len()) <= MAX_PAIRS_WEIGHED {
            let words_old: Vec<_> = left_old.iter().map(|&o| words(&olds[o].key)).collect();
            for n in left_new {
                let mine = words(&news[n].key);
                let mut best: Option<(usize, f64)> = None;
                for (k, &o) in left_old.iter().enumerate() {
                    let score = similarity(&words_old[k], &mine);
                    if !taken[o] && score >= 0.5 && best.is_none_or(|(_, b)| score > b) {
                        best = Some((o, score));
                    }
                }
                if let Some((o, _)) = best {
                    taken[o] = true;
                    found[n] = Some(o);
                }
            }
        }
    }
    for (n, hit) in found.iter().enumerate() {
        match *hit {
            Some(o) => pairs.push((o, n)),
            None => unmatched_new.push(n),
        }
    }
    for n in unmatched_new {
        let item = news[n];
        out.push(whole(item, "added", Sig::Added));
    }
    for (o, old) in olds.iter().enumerate() {
        if !taken[o] {
            out.push(whole(old, "removed", Sig::Removed));
        }
    }
    for (o, n) in pairs {
        let (old, new) = (olds[o], news[n]);
        let mut fields: Vec<FieldChangeView> = old
            .fields
            .iter()
            .zip(&new.fields)
            .filter_map(|(a, b)| compare_field(a, b))
            .collect();
        if fields.is_empty() {
            continue;
        }
        // Most significant first; within a significance, in field order.
        fields.sort_by_key(|f| f.sig);
        let sig = fields[0].sig;
        let head = if kind == Kind::Brief {
            "The brief".to_owned()
        } else {
            format!("{} “{}”", capitalize(new.noun), new.label)
        };
        let mut text = format!("{head}: {}", lowercase_first(&fields[0].short));
        if fields.len() > 1 {
            let more: Vec<String> = fields[1..]
                .iter()
                .map(|f| lowercase_first(f.label))
                .collect();
            text.push_str(&format!("; also changed: {}", join_and(&more)));
        }
        let change = ChangeView {
            kind: kind.name(),
            change: "changed",
            significance: sig.name(),
            id: new.id.clone(),
            old_id: old.id.clone(),
            noun: new.noun,
            label: new.label.clone(),
            description: None,
            text,
            fields,
        };
        out.push(((sig, kind, new.pos), change));
    }
}

/// A whole item added or removed.
fn whole(item: &Item, change: &'static str, sig: Sig) -> (Rank, ChangeView) {
    let verb = if sig == Sig::Added {
        "Added"
    } else {
        "Removed"
    };
    let (id, old_id) = if sig == Sig::Added {
        (item.id.clone(), None)
    } else {
        (None, item.id.clone())
    };
    let c = ChangeView {
        kind: item.kind.name(),
        change,
        significance: sig.name(),
        id,
        old_id,
        noun: item.noun,
        label: item.label.clone(),
        description: item.description.clone(),
        text: format!("{verb} {}: {}", item.noun, item.label),
        fields: Vec::new(),
    };
    ((sig, item.kind, item.pos), c)
}

/// Values longer than this are not repeated in a one-line summary.
const SHORT: usize = 80;

fn compare_field(a: &Field, b: &Field) -> Option<FieldChangeView> {
    let none = "(none)";
    let make = |old: Option<String>, new: Option<String>, note: Option<String>, sig: Sig| {
        let brief = old.as_ref().is_none_or(|o| o.chars().count() <= SHORT)
            && new.as_ref().is_none_or(|n| n.chars().count() <= SHORT);
        let mut text = format!(
            "{}: {} → {}",
            b.label,
            old.as_deref().unwrap_or(none),
            new.as_deref().unwrap_or(none)
        );
        if let Some(n) = &note {
            text.push_str(&format!(" ({n})"));
        }
        // Long prose is not repeated in a one-line summary.
        let short = if brief {
            text.clone()
        } else {
            match (&old, &new) {
                (None, _) => format!("{} added", b.label),
                (_, None) => format!("{} removed", b.label),
                _ => format!("{} reworded", b.label),
            }
        };
        FieldChangeView {
            field: b.name,
            label: b.label,
            significance: sig.name(),
            old,
            new,
            note,
            text,
            delta: None,
            short,
            sig,
        }
    };
    match (&a.value, &b.value) {
        (Value::Text(x), Value::Text(y)) => {
            if x.as_deref().map(norm) == y.as_deref().map(norm) {
                return None;
            }
            let show = |v: &Option<String>| v.as_deref().map(shown);
            Some(make(show(x), show(y), None, b.sig))
        }
        (Value::Set(x), Value::Set(y)) => {
            let mut xk: Vec<&str> = x.iter().map(|(k, _)| k.as_str()).collect();
            let mut yk: Vec<&str> = y.iter().map(|(k, _)| k.as_str()).collect();
            xk.sort_unstable();
            yk.sort_unstable();
            if xk == yk {
                return None;
            }
            let (in_x, in_y): (HashSet<&str>, HashSet<&str>) =
                (xk.iter().copied().collect(), yk.iter().copied().collect());
            let added: Vec<&str> = y
                .iter()
                .filter(|(k, _)| !in_x.contains(k.as_str()))
                .map(|(_, s)| s.as_str())
                .collect();
            let removed: Vec<&str> = x
                .iter()
                .filter(|(k, _)| !in_y.contains(k.as_str()))
                .map(|(_, s)| s.as_str())
                .collect();
            let mut note = Vec::new();
            if !added.is_empty() {
                note.push(format!("added {}", added.join("; ")));
            }
            if !removed.is_empty() {
                note.push(format!("removed {}", removed.join("; ")));
            }
            let join = |v: &[(String, String)]| {
                Some(
                    v.iter()
                        .map(|(_, s)| s.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                )
                .filter(|s| !s.is_empty())
            };
            if x.len() <= 1 && y.len() <= 1 {
                // One value for another: old → new says it all.
                return Some(make(join(x), join(y), None, b.sig));
            }
            let note = note.join("; ");
            if note.is_empty() {
                return Some(make(join(x), join(y), None, b.sig));
            }
            let mut f = make(join(x), join(y), Some(note.clone()), b.sig);
            // Lists: what was added and removed says it better than both
            // lists in full.
            f.text = format!("{}: {note}", b.label);
            f.short = f.text.clone();
            Some(f)
        }
        (Value::List(x), Value::List(y)) => {
            let xk: Vec<&str> = x.iter().map(|(k, _)| k.as_str()).collect();
            let yk: Vec<&str> = y.iter().map(|(k, _)| k.as_str()).collect();
            if xk == yk {
                return None;
            }
            let join = |v: &[(String, String)]| {
                Some(
                    v.iter()
                        .map(|(_, s)| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                )
                .filter(|s| !s.is_empty())
            };
            Some(make(join(x), join(y), None, b.sig))
        }
        (Value::Date(x), Value::Date(y)) => {
            if x.as_ref().map(|d| &d.key) == y.as_ref().map(|d| &d.key) {
                return None;
            }
            let note = match (x, y) {
                (Some(x), Some(y)) => precision_note(&x.view, &y.view),
                _ => None,
            };
            Some(make(
                x.as_ref().map(|d| d.view.text.clone()),
                y.as_ref().map(|d| d.view.text.clone()),
                note,
                b.sig,
            ))
        }
        (Value::Figure(x), Value::Figure(y)) => {
            if x.value == y.value && x.qualifier == y.qualifier && x.unit == y.unit {
                return None;
            }
            let (note, delta) = figure_delta(x, y);
            let mut note = note;
            if x.as_of != y.as_of {
                note.push_str("; as-of date changed");
            }
            let mut f = make(
                Some(x.display.clone()),
                Some(y.display.clone()),
                Some(note),
                b.sig,
            );
            f.delta = delta;
            Some(f)
        }
        _ => None,
    }
}

/// What a change of date says about its precision.
fn precision_note(old: &DateView, new: &DateView) -> Option<String> {
    let rank = |p: &str| match p {
        "day" => 3,
        "month" => 2,
        "year" => 1,
        _ => 0,
    };
    let (a, b) = (rank(old.precision), rank(new.precision));
    if b > a {
        Some(if new.precision == "day" {
            "date made precise".into()
        } else {
            format!("date made more precise: to the {}", new.precision)
        })
    } else if b < a {
        Some(if new.precision == "unknown" {
            "date made less precise: no date worked out".into()
        } else {
            format!("date made less precise: to the {}", new.precision)
        })
    } else if !old.inferred.is_empty() && new.inferred.is_empty() {
        Some("now stated, no longer inferred".into())
    } else if old.inferred.is_empty() && !new.inferred.is_empty() {
        Some("now partly inferred".into())
    } else {
        None
    }
}

/// The note on a figure's change, and the difference when the numbers
/// can be compared.
fn figure_delta(x: &Figure, y: &Figure) -> (String, Option<DeltaView>) {
    if x.measure != y.measure {
        return ("a different measure: not compared".into(), None);
    }
    if x.unit != y.unit {
        return ("a different unit: not compared".into(), None);
    }
    let decimals = |s: &str| s.split_once('.').map_or(0, |(_, d)| d.len());
    let places = decimals(&x.number).max(decimals(&y.number)).min(9);
    let scale = 10f64.powi(places as i32);
    let by = ((y.value - x.value) * scale).round() / scale;
    let exact = |q: Qualifier| matches!(q, Qualifier::Unqualified | Qualifier::Exactly);
    let approximate = !(exact(x.qualifier) && exact(y.qualifier));
    let delta = DeltaView {
        old: x.value,
        new: y.value,
        by,
        unit: y.unit.clone(),
        approximate,
    };
    if by == 0.0 {
        let q = |q: Qualifier| match qualifier_text(q).0 {
            "" => "unqualified".to_owned(),
            w => format!("“{w}”"),
        };
        return (
            format!(
                "the same number, now {}, was {}",
                q(y.qualifier),
                q(x.qualifier)
            ),
            Some(delta),
        );
    }
    let amount = format!("{:.*}", places, by.abs());
    let unit = match y.unit.as_str() {
        "percent" if amount == "1" => " point".to_owned(),
        "percent" => " points".to_owned(),
        "" => String::new(),
        u => format!(" {u}"),
    };
    let direction = if by > 0.0 { "up" } else { "down" };
    let about = if approximate { "about " } else { "" };
    (format!("{direction} {about}{amount}{unit}"), Some(delta))
}
