//! `brief diff`: what changed between two versions of a brief.
//!
//! Both versions are checked models. Their items are matched by id (an
//! item's `supersedes` links it to an older id), or, for items without
//! ids (key points, judgments, gaps), by their text; the order items are
//! written in never matters. Each matched pair is compared field by field
//! on reader-facing values: references by the id they name (so renaming
//! an actor is one change, on the actor, not one on every statement that
//! names them), and shown by name, with dates and figures worded as in the
//! briefing. Each section says what its items are compared by
//! (`change_item` in its module of [`crate::format`]); this module matches
//! the items of the two versions, compares them and ranks the changes.
//! The result is a [`DiffView`]: what the `diff.md` and
//! `diff.html` templates receive, and what `brief diff --format json`
//! prints (see `docs/diff.md`).

mod change_kind;
mod git;

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::Serialize;

use crate::format::{
    self, DatePrecision, DateView, Field, FigureValue, Item, Kind, Qualifier, Refs, Sig, Value,
    capitalize, date_view, join_and, norm, shown,
};
use crate::resolve::{self, Lookup, View};
use crate::validate::Model;

pub use change_kind::ChangeKind;
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
    /// The language of the change briefing (`--lang`).
    pub lang: crate::i18n::Lang,
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
    /// `issue`, `event`, `agreement`, `statement`, `figure`, `judgment` or `gap`.
    #[schemars(with = "String")]
    pub kind: Kind,
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
    #[schemars(with = "String")]
    pub kind: Kind,
    /// A heading for it: `Meetings and events`.
    pub title: String,
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
    #[schemars(with = "String")]
    pub kind: Kind,
    /// `added`, `removed` or `changed`.
    #[schemars(with = "String")]
    pub change: ChangeKind,
    /// How significant the change is, most first: `status`, `figure`,
    /// `added`, `removed`, `detail`, `wording`.
    #[schemars(with = "String")]
    pub significance: Sig,
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
    /// The field's name for a reader, in the briefing's language:
    /// `Status`, `Date`, `Value`.
    pub label: String,
    /// `status`, `figure`, `detail` or `wording`.
    #[schemars(with = "String")]
    pub significance: Sig,
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
    for item in new.brief().id_items() {
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
        let of = |what: ChangeKind| -> Vec<ChangeView> {
            let mut list: Vec<&(Rank, ChangeView)> = changes
                .iter()
                .filter(|(_, c)| c.kind == kind && c.change == what)
                .collect();
            list.sort_by_key(|((_, _, pos), _)| *pos);
            list.into_iter().map(|(_, c)| c.clone()).collect()
        };
        let section = DiffSection {
            kind,
            title: crate::i18n::words().msg("diff-kind-title", &[("kind", kind.name().into())]),
            added: of(ChangeKind::Added),
            removed: of(ChangeKind::Removed),
            changed: of(ChangeKind::Changed),
        };
        if section.added.is_empty() && section.removed.is_empty() && section.changed.is_empty() {
            continue;
        }
        counts.push(DiffCount {
            kind,
            added: section.added.len(),
            removed: section.removed.len(),
            changed: section.changed.len(),
        });
        sections.push(section);
    }
    let summary = summary(&counts);
    let changes: Vec<ChangeView> = changes.into_iter().map(|(_, c)| c).collect();
    DiffView {
        lang: crate::i18n::words().lang(),
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
    // Only the brief's own details are kept: no prose, and every section
    // starts empty.
    let mut brief = new.brief().clone();
    brief.background = None;
    brief.outlook = None;
    let empty = Model::details_only(brief);
    let mut view = diff(&empty, new, old_label, new_label);
    view.old.published = None;
    view
}

fn side(m: &Model, label: &str) -> DiffSide {
    let b = m.brief();
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
    let w = crate::i18n::words();
    if total == 0 {
        return DiffSummary {
            text: w.get("diff-no-changes"),
            total,
            counts: Vec::new(),
        };
    }
    let mut parts = Vec::new();
    for c in counts {
        let kind = c.kind;
        for (n, what) in [
            (c.changed, ChangeKind::Changed),
            (c.added, ChangeKind::Added),
            (c.removed, ChangeKind::Removed),
        ] {
            let what = what.name();
            if n == 0 {
                continue;
            }
            if kind == Kind::Brief {
                parts.push(w.msg("diff-brief-details", &[("what", what.into())]));
            } else {
                parts.push(w.msg(
                    "diff-part",
                    &[
                        ("n", n.into()),
                        ("kind", kind.name().into()),
                        ("what", what.into()),
                    ],
                ));
            }
        }
    }
    DiffSummary {
        text: w.msg(
            "diff-summary",
            &[("total", total.into()), ("parts", parts.join(", ").into())],
        ),
        total,
        counts: counts.to_vec(),
    }
}

/// Where a change goes in the list of all changes: by significance, then
/// kind, then its item's place in its version.
type Rank = (Sig, Kind, usize);

/// One version, resolved, with the renaming of its ids into the new
/// version's (for the old version).
struct Side<'a> {
    b: &'a format::Brief,
    view: View,
    parts: resolve::Parts,
    lookup: Lookup<'a>,
    renamed: Option<&'a HashMap<String, String>>,
}

impl<'a> Side<'a> {
    fn new(m: &'a Model, renamed: Option<&'a HashMap<String, String>>) -> Self {
        Side {
            b: m.brief(),
            view: resolve::resolve(m),
            parts: resolve::parts(m),
            lookup: Lookup::new(m),
            renamed,
        }
    }

    /// Every item of the version, section by section, each with the view
    /// it is shown by.
    fn items(&self) -> Vec<Item> {
        // Spelled out in full so that a new section is a compile error
        // here until `brief diff` compares it.
        let format::Brief {
            id: _,
            format: _,
            title: _,
            lang: _,
            dateline: _,
            published: _,
            as_of: _,
            imports: _,
            fictional: _,
            key_points,
            background: _,
            outlook: _,
            sources,
            actors,
            places,
            issues,
            events,
            agreements,
            statements,
            figures,
            judgments,
            gaps,
            verify: _,
        } = self.b;
        let (v, p) = (&self.view, &self.parts);
        let r = &Refs {
            names: &self.lookup,
            renamed: self.renamed,
        };
        let mut out = vec![self.b.change_item(&v.brief)];
        out.extend(
            key_points
                .iter()
                .zip(&v.key_points)
                .enumerate()
                .map(|(i, (x, xv))| x.change_item(i, xv, r)),
        );
        out.extend(
            actors
                .iter()
                .zip(&v.actors)
                .enumerate()
                .map(|(i, (x, xv))| x.change_item(i, xv, r)),
        );
        out.extend(
            sources
                .iter()
                .zip(&v.sources)
                .enumerate()
                .map(|(i, (x, xv))| x.change_item(i, xv)),
        );
        out.extend(places.iter().enumerate().map(|(i, x)| x.change_item(i, r)));
        out.extend(issues.iter().enumerate().map(|(i, x)| x.change_item(i)));
        out.extend(
            events
                .iter()
                .zip(&p.events)
                .enumerate()
                .map(|(i, (x, xv))| x.change_item(i, xv, r)),
        );
        out.extend(
            agreements
                .iter()
                .zip(&p.agreements)
                .enumerate()
                .map(|(i, (x, xv))| x.change_item(i, xv, r)),
        );
        out.extend(
            statements
                .iter()
                .zip(&p.statements)
                .enumerate()
                .map(|(i, (x, xv))| x.change_item(i, xv, r)),
        );
        out.extend(
            figures
                .iter()
                .zip(&p.figures)
                .enumerate()
                .map(|(i, (x, xv))| x.change_item(i, xv, r)),
        );
        out.extend(
            judgments
                .iter()
                .zip(&v.judgments)
                .enumerate()
                .map(|(i, (x, xv))| x.change_item(i, xv, r)),
        );
        out.extend(
            gaps.iter()
                .zip(&v.gaps)
                .enumerate()
                .map(|(i, (x, xv))| x.change_item(i, xv, r)),
        );
        out
    }
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The most pairs of edited texts weighed against each other, per kind.
const MAX_PAIRS_WEIGHED: usize = 250_000;

/// The most words compared in weighing them, per kind: long texts cost
/// more to weigh than short ones, and two briefs of long unrelated texts
/// must not take seconds to tell apart.
const MAX_WORDS_WEIGHED: usize = 20_000_000;

/// The words of texts, each as a number (the same word, the same number),
/// so that comparing two texts is a merge of two sorted lists of numbers.
#[derive(Default)]
struct Words {
    numbers: HashMap<String, u32>,
}

impl Words {
    /// The words of `s`, ignoring case and punctuation, sorted, each once.
    fn of(&mut self, s: &str) -> Vec<u32> {
        let mut out: Vec<u32> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let next = self.numbers.len() as u32;
                *self.numbers.entry(w.to_lowercase()).or_insert(next)
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// How much two texts share: the words they have in common over the
/// words of either (0 to 1).
fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let all = a.len() + b.len() - common;
    if all == 0 {
        return 0.0;
    }
    common as f64 / all as f64
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
        let mut words = Words::default();
        let words_old: Vec<Vec<u32>> = left_old.iter().map(|&o| words.of(&olds[o].key)).collect();
        let words_new: Vec<Vec<u32>> = left_new.iter().map(|&n| words.of(&news[n].key)).collect();
        // Every pair compared costs the words of both: known before any is.
        let work = left_new
            .len()
            .saturating_mul(words_old.iter().map(Vec::len).sum())
            .saturating_add(
                left_old
                    .len()
                    .saturating_mul(words_new.iter().map(Vec::len).sum()),
            );
        if left_new.len().saturating_mul(left_old.len()) <= MAX_PAIRS_WEIGHED
            && work <= MAX_WORDS_WEIGHED
        {
            for (n, mine) in left_new.into_iter().zip(&words_new) {
                let mut best: Option<(usize, f64)> = None;
                for (k, &o) in left_old.iter().enumerate() {
                    // Sharing half the words needs lengths within a factor
                    // of two: skip the rest without comparing them.
                    let (a, b) = (words_old[k].len(), mine.len());
                    if taken[o] || a.min(b) * 2 < a.max(b) {
                        continue;
                    }
                    let score = similarity(&words_old[k], mine);
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
        out.push(whole(item, ChangeKind::Added, Sig::Added));
    }
    for (o, old) in olds.iter().enumerate() {
        if !taken[o] {
            out.push(whole(old, ChangeKind::Removed, Sig::Removed));
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
        fields.sort_by_key(|f| f.significance);
        let sig = fields[0].significance;
        let w = crate::i18n::words();
        let head = if kind == Kind::Brief {
            w.get("diff-head-brief")
        } else {
            w.msg(
                "diff-head",
                &[
                    ("noun", capitalize(&noun_shown(new)).into()),
                    ("label", new.label.as_str().into()),
                ],
            )
        };
        let lower = |s: &str| {
            if w.get("lowercase-inside-sentence") == "yes" {
                lowercase_first(s)
            } else {
                s.to_owned()
            }
        };
        let mut text = w.msg(
            "diff-changed",
            &[
                ("head", head.into()),
                ("first", lower(&fields[0].short).into()),
            ],
        );
        if fields.len() > 1 {
            let more: Vec<String> = fields[1..].iter().map(|f| lower(&f.label)).collect();
            text = w.msg(
                "diff-also",
                &[("text", text.into()), ("more", join_and(&more).into())],
            );
        }
        let change = ChangeView {
            kind,
            change: ChangeKind::Changed,
            significance: sig,
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
fn whole(item: &Item, change: ChangeKind, sig: Sig) -> (Rank, ChangeView) {
    let key = if sig == Sig::Added {
        "diff-added"
    } else {
        "diff-removed"
    };
    let (id, old_id) = if sig == Sig::Added {
        (item.id.clone(), None)
    } else {
        (None, item.id.clone())
    };
    let c = ChangeView {
        kind: item.kind,
        change,
        significance: sig,
        id,
        old_id,
        noun: item.noun,
        label: item.label.clone(),
        description: item.description.clone(),
        text: crate::i18n::words().msg(
            key,
            &[
                ("noun", noun_shown(item).into()),
                ("label", item.label.as_str().into()),
            ],
        ),
        fields: Vec::new(),
    };
    ((sig, item.kind, item.pos), c)
}

/// Values longer than this are not repeated in a one-line summary.
const SHORT: usize = 80;

/// What a reader calls an item, in the briefing's language: its kind of
/// event, statement or agreement, or its section's noun.
fn noun_shown(item: &Item) -> String {
    let w = crate::i18n::words();
    let code = item.noun.replace(' ', "-");
    match item.kind {
        Kind::Event if code == "event" => w.get("event-other"),
        Kind::Event => w.get(&format!("event-{code}")),
        Kind::Agreement => w.get(&format!("agreement-{code}")),
        Kind::Statement => w.msg("statement-kind", &[("kind", code.into())]),
        kind => w.msg("kind-noun", &[("kind", kind.name().into())]),
    }
}

fn compare_field(a: &Field, b: &Field) -> Option<FieldChangeView> {
    let w = crate::i18n::words();
    let none = w.get("diff-none");
    let label = w.msg("diff-field", &[("field", b.name.into())]);
    let make = |old: Option<String>, new: Option<String>, note: Option<String>, sig: Sig| {
        let brief = old.as_ref().is_none_or(|o| o.chars().count() <= SHORT)
            && new.as_ref().is_none_or(|n| n.chars().count() <= SHORT);
        let mut text = w.msg(
            "diff-field-change",
            &[
                ("label", label.as_str().into()),
                ("old", old.as_deref().unwrap_or(&none).into()),
                ("new", new.as_deref().unwrap_or(&none).into()),
            ],
        );
        if let Some(n) = &note {
            text.push_str(&format!(" ({n})"));
        }
        // Long prose is not repeated in a one-line summary.
        let short = if brief {
            text.clone()
        } else {
            let key = match (&old, &new) {
                (None, _) => "diff-field-added",
                (_, None) => "diff-field-removed",
                _ => "diff-field-reworded",
            };
            w.msg(key, &[("label", label.as_str().into())])
        };
        FieldChangeView {
            field: b.name,
            label: label.clone(),
            significance: sig,
            old,
            new,
            note,
            text,
            delta: None,
            short,
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
                x.as_ref().map(|d| date_shown(&d.view)),
                y.as_ref().map(|d| date_shown(&d.view)),
                note,
                b.sig,
            ))
        }
        (Value::Figure(x), Value::Figure(y)) => {
            if x.value == y.value
                && x.qualifier == y.qualifier
                && x.unit == y.unit
                && x.display == y.display
            {
                return None;
            }
            let (note, delta) = figure_delta(x, y);
            let mut note = note;
            if x.as_of != y.as_of {
                let w = crate::i18n::words();
                note = w.msg(
                    "diff-notes",
                    &[
                        ("a", note.into()),
                        ("b", w.get("diff-as-of-changed").into()),
                    ],
                );
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
    let rank = |p: DatePrecision| match p {
        DatePrecision::Day => 3,
        DatePrecision::Month => 2,
        DatePrecision::Year => 1,
        DatePrecision::Unknown => 0,
    };
    let (a, b) = (rank(old.precision), rank(new.precision));
    let w = crate::i18n::words();
    let to = || ("precision", new.precision.text().into());
    if b > a {
        Some(match new.precision {
            DatePrecision::Day => w.get("diff-date-precise"),
            DatePrecision::Month | DatePrecision::Year | DatePrecision::Unknown => {
                w.msg("diff-date-more-precise", &[to()])
            }
        })
    } else if b < a {
        Some(match new.precision {
            DatePrecision::Unknown => w.get("diff-date-no-longer-worked-out"),
            DatePrecision::Day | DatePrecision::Month | DatePrecision::Year => {
                w.msg("diff-date-less-precise", &[to()])
            }
        })
    } else if !old.inferred.is_empty() && new.inferred.is_empty() {
        Some(w.get("diff-date-now-stated"))
    } else if old.inferred.is_empty() && !new.inferred.is_empty() {
        Some(w.get("diff-date-now-inferred"))
    } else {
        None
    }
}

/// A date as a change shows it: its text, and the relation that places
/// it, which the text leaves to the chronology.
fn date_shown(v: &DateView) -> String {
    match (v.relation, &v.relative_to) {
        (Some(r), Some(id)) => format!("{} · {} {id}", v.text, r.shown()),
        (Some(r), None) => format!("{} · {}", v.text, r.shown()),
        (None, _) => v.text.clone(),
    }
}

/// A number as formatted with fixed decimals, its whole part grouped by
/// thousands: `1200.5` → `1,200.5`.
fn grouped(number: &str) -> String {
    match number.split_once('.') {
        Some((whole, frac)) => format!("{}.{frac}", format::group_thousands(whole)),
        None => format::group_thousands(number),
    }
}

/// The note on a figure's change, and the difference when the numbers
/// can be compared.
fn figure_delta(x: &FigureValue, y: &FigureValue) -> (String, Option<DeltaView>) {
    let w = crate::i18n::words();
    let not_compared = |why: &str| (w.msg("diff-not-compared", &[("why", why.into())]), None);
    if x.measure != y.measure {
        return not_compared("measure");
    }
    if x.unit != y.unit {
        return not_compared("unit");
    }
    let (Some(old), Some(new)) = (x.value, y.value) else {
        return not_compared("range");
    };
    let decimals = |s: &str| s.split_once('.').map_or(0, |(_, d)| d.len());
    let places = decimals(&x.number).max(decimals(&y.number)).min(9);
    let scale = 10f64.powi(places as i32);
    let by = ((new - old) * scale).round() / scale;
    let exact = |q: Qualifier| q.is_exact();
    let approximate = !(exact(x.qualifier) && exact(y.qualifier));
    let delta = DeltaView {
        old,
        new,
        by,
        unit: y.unit.clone(),
        approximate,
    };
    if by == 0.0 {
        let q = |q: Qualifier| match q {
            Qualifier::Unqualified => w.get("diff-unqualified"),
            q => w.msg(
                "quoted",
                &[("text", w.get(&format!("qualifier-{}", q.key())).into())],
            ),
        };
        return (
            w.msg(
                "diff-same-number",
                &[
                    ("now", q(y.qualifier).into()),
                    ("was", q(x.qualifier).into()),
                ],
            ),
            Some(delta),
        );
    }
    let amount =
        crate::i18n::localize_number(&grouped(&format!("{:.*}", places, by.abs())), w.lang());
    let unit = match y.unit.as_str() {
        "percent" => "percent",
        "" => "none",
        _ => "other",
    };
    (
        w.msg(
            "diff-delta",
            &[
                ("direction", if by > 0.0 { "up" } else { "down" }.into()),
                ("approximate", if approximate { "yes" } else { "no" }.into()),
                ("amount", amount.into()),
                ("n", by.abs().into()),
                ("scale", unit.into()),
                ("unit", y.unit.as_str().into()),
            ],
        ),
        Some(delta),
    )
}
