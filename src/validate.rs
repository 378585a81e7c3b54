//! Stage 2, validate: raw brief → checked [`Model`], with every problem
//! found reported at once.
//!
//! Checks what the types alone cannot: ids are unique, every reference
//! names an id of the right kind, numbers are in range, dates agree with
//! what they say was inferred, and each statement has a speaker or says
//! why it has none. Suspicious but legal content gives warnings.

use std::collections::{HashMap, HashSet};

use crate::date::{Bound, Edtf};
use crate::diagnostic::{Diagnostic, closest};
use crate::load::Loaded;
use crate::pos::{Located, Pos};
use crate::schema::{Brief, DatePart, DateSpec, EventStatus, StatementKind};

/// The kinds of thing an id can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Source,
    Actor,
    Place,
    Issue,
    Event,
    Statement,
    Figure,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Actor => "actor",
            Kind::Place => "place",
            Kind::Issue => "issue",
            Kind::Event => "event",
            Kind::Statement => "statement",
            Kind::Figure => "figure",
        }
    }

    fn article(self) -> &'static str {
        match self {
            Kind::Actor | Kind::Issue | Kind::Event => "an",
            _ => "a",
        }
    }
}

/// A brief that passed validation: every reference resolves, every date
/// parsed. Only [`crate::resolve`] reads it.
#[derive(Debug)]
pub struct Model {
    pub(crate) brief: Brief,
    /// Every id in the brief, with its kind and index in its list.
    pub(crate) ids: HashMap<String, (Kind, usize)>,
}

/// Checks a loaded brief. Returns the model when there are no errors
/// (warnings do not stop it), and every diagnostic, errors and warnings,
/// in source order.
pub fn validate(loaded: Loaded) -> (Option<Model>, Vec<Diagnostic>) {
    let mut diags = loaded.diagnostics;
    let Some(brief) = loaded.brief else {
        return (None, diags);
    };
    let mut brief = brief;
    let loaded_whole = !diags.iter().any(Diagnostic::is_error);
    let mut v = Validator {
        ids: HashMap::new(),
        first: HashMap::new(),
        broken: loaded.broken_ids,
        diags: Vec::new(),
        used: HashSet::new(),
        superseded: HashMap::new(),
    };
    v.collect_ids(&brief);
    v.collect_supersedes(&brief);
    v.check(&brief);
    if !v.diags.iter().any(Diagnostic::is_error) && prune_imports(&mut brief, &v.used) {
        // Index what is left (no diagnostic can come of it: every id was
        // checked above).
        v.ids.clear();
        v.first.clear();
        v.collect_ids(&brief);
    }
    // Only a brief free of errors can tell an unused actor: an item that
    // failed to load, or a misspelt reference, may be what refers to it.
    if loaded_whole && !v.diags.iter().any(Diagnostic::is_error) {
        v.unused_actors(&brief);
    }
    v.scheduled_in_the_past(&brief);
    diags.append(&mut v.diags);
    diags.sort_by_key(|d| d.pos);
    let ok = !diags.iter().any(Diagnostic::is_error);
    let model = ok.then_some(Model { brief, ids: v.ids });
    (model, diags)
}

struct Validator {
    ids: HashMap<String, (Kind, usize)>,
    first: HashMap<String, Pos>,
    broken: Vec<String>,
    diags: Vec<Diagnostic>,
    /// Ids the brief's own items refer to (not those of imported items).
    used: HashSet<String>,
    /// Each id named in a `supersedes`: the id of the item replacing it,
    /// and where it is named.
    superseded: HashMap<String, (String, Pos)>,
}

/// Drops the imported items the brief does not need: those it does not
/// refer to, directly or through other imported items it needs. Returns
/// whether anything was imported at all.
fn prune_imports(b: &mut Brief, used: &HashSet<String>) -> bool {
    let imported = |pos: Pos| pos.file != 0;
    if !(b.sources.iter().any(|x| imported(x.id.pos))
        || b.actors.iter().any(|x| imported(x.id.pos))
        || b.places.iter().any(|x| imported(x.id.pos))
        || b.issues.iter().any(|x| imported(x.id.pos)))
    {
        return false;
    }
    // What each imported item refers to in turn. Sources and issues refer
    // to nothing.
    let mut refers: HashMap<&str, Vec<&str>> = HashMap::new();
    for a in b.actors.iter().filter(|a| imported(a.id.pos)) {
        let targets = refers.entry(a.id.as_str()).or_default();
        for role in &a.roles {
            targets.extend(role.of.iter().map(Located::as_str));
            targets.extend(role.sources.iter().map(Located::as_str));
        }
        targets.extend(a.members.iter().map(Located::as_str));
    }
    for p in b.places.iter().filter(|p| imported(p.id.pos)) {
        refers
            .entry(p.id.as_str())
            .or_default()
            .extend(p.part_of.iter().map(Located::as_str));
    }
    let mut keep: HashSet<String> = used.clone();
    let mut work: Vec<String> = used.iter().cloned().collect();
    while let Some(id) = work.pop() {
        for next in refers.get(id.as_str()).into_iter().flatten() {
            if keep.insert((*next).to_owned()) {
                work.push((*next).to_owned());
            }
        }
    }
    let needed = |id: &Located<String>| !imported(id.pos) || keep.contains(&id.value);
    b.sources.0.retain(|x| needed(&x.id));
    b.actors.0.retain(|x| needed(&x.id));
    b.places.0.retain(|x| needed(&x.id));
    b.issues.0.retain(|x| needed(&x.id));
    true
}

impl Validator {
    fn collect_ids(&mut self, b: &Brief) {
        let lists: [(Kind, Vec<&Located<String>>); 7] = [
            (Kind::Source, b.sources.iter().map(|x| &x.id).collect()),
            (Kind::Actor, b.actors.iter().map(|x| &x.id).collect()),
            (Kind::Place, b.places.iter().map(|x| &x.id).collect()),
            (Kind::Issue, b.issues.iter().map(|x| &x.id).collect()),
            (Kind::Event, b.events.iter().map(|x| &x.id).collect()),
            (
                Kind::Statement,
                b.statements.iter().map(|x| &x.id).collect(),
            ),
            (Kind::Figure, b.figures.iter().map(|x| &x.id).collect()),
        ];
        for (kind, ids) in lists {
            for (i, id) in ids.into_iter().enumerate() {
                self.check_id_syntax(id);
                if let Some(first) = self.first.get(&id.value) {
                    let (other, _) = self.ids[&id.value];
                    self.diags.push(
                        Diagnostic::error(
                            "duplicate-id",
                            id.pos,
                            format!("the id `{}` is already used", id.value),
                        )
                        .with_label("used again here")
                        .with_related(
                            *first,
                            format!("first used here, for {} {}", other.article(), other.noun()),
                        )
                        .with_help(if first.file == id.pos.file {
                            "ids must be unique across the whole brief; rename one"
                        } else {
                            "an id is defined once, in the brief or in one file it imports; remove one of the two"
                        }),
                    );
                    continue;
                }
                self.first.insert(id.value.clone(), id.pos);
                self.ids.insert(id.value.clone(), (kind, i));
            }
        }
    }

    fn check_id_syntax(&mut self, id: &Located<String>) {
        let ok = !id.value.is_empty()
            && id
                .value
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !ok {
            self.diags.push(
                Diagnostic::error(
                    "invalid-id",
                    id.pos,
                    format!("`{}` is not a valid id", id.value),
                )
                .with_label("not a valid id")
                .with_help("ids are letters, digits, `-`, `_` and `.`, e.g. `trump-putin-call`"),
            );
        }
    }

    /// Checks that `r` names something of kind `want`.
    fn reference(&mut self, r: &Located<String>, want: Kind) {
        self.reference_any(r, &[want]);
    }

    fn reference_any(&mut self, r: &Located<String>, want: &[Kind]) {
        match self.ids.get(&r.value) {
            Some((kind, _)) if want.contains(kind) => {
                if r.pos.file == 0 {
                    self.used.insert(r.value.clone());
                }
            }
            Some((kind, _)) => {
                let wanted: Vec<String> = want
                    .iter()
                    .map(|k| format!("{} {}", k.article(), k.noun()))
                    .collect();
                self.diags.push(
                    Diagnostic::error(
                        "wrong-reference",
                        r.pos,
                        format!(
                            "`{}` is {} {}, but {} is expected here",
                            r.value,
                            kind.article(),
                            kind.noun(),
                            wanted.join(" or ")
                        ),
                    )
                    .with_label(format!("expected {}", wanted.join(" or ")))
                    .with_related(
                        self.first[&r.value],
                        format!("defined here, as {} {}", kind.article(), kind.noun()),
                    )
                    .with_help(format!("give the id of {} here", wanted.join(" or "))),
                );
            }
            None if self.broken.contains(&r.value) => {}
            None if self.superseded.contains_key(&r.value) => self.superseded_reference(r),
            None => {
                let nouns: Vec<&str> = want.iter().map(|k| k.noun()).collect();
                let candidates = self
                    .ids
                    .iter()
                    .filter(|(_, (k, _))| want.contains(k))
                    .map(|(id, _)| id.as_str());
                let d = Diagnostic::error(
                    "unknown-reference",
                    r.pos,
                    format!("no {} has the id `{}`", nouns.join(" or "), r.value),
                )
                .with_label("not found");
                let d = match closest(&r.value, candidates) {
                    Some(c) => d.with_help(format!("did you mean `{c}`?")),
                    None => d.with_help(format!(
                        "define it under `{}`, or check the spelling",
                        plural(want[0])
                    )),
                };
                self.diags.push(d);
            }
        }
    }

    fn references(&mut self, rs: &[Located<String>], want: Kind) {
        for r in rs {
            self.reference(r, want);
        }
    }

    fn not_blank(&mut self, text: &str, pos: Pos, what: &str) {
        if text.trim().is_empty() {
            let (label, help) = match what {
                "the title" => ("in this brief", "give the brief a title".to_string()),
                "`unattributed`" => (
                    "in this statement",
                    "say why the source names no speaker, or give `by`".to_string(),
                ),
                "a key point" => ("in this key point", "write the point, or remove it".into()),
                _ => ("in this item", format!("write {what}, or remove the item")),
            };
            self.diags.push(
                Diagnostic::error("empty-text", pos, format!("{what} is empty"))
                    .with_label(label)
                    .with_help(help),
            );
        }
    }

    /// A source's url must be a web or mail address a link can hold.
    fn url(&mut self, url: &Located<String>) {
        let text = url.value.trim();
        if text.is_empty() {
            return;
        }
        if let Err(p) = crate::url::check(text) {
            self.diags.push(
                Diagnostic::error("invalid-url", url.pos, p.message)
                    .with_label(p.label)
                    .with_help(p.help),
            );
        }
    }

    fn date(&mut self, d: &DateSpec) {
        match &d.value {
            None if !d.inferred.is_empty() => self.diags.push(
                Diagnostic::error(
                    "invalid-date",
                    d.pos,
                    "`inferred` names parts of a date, but there is no `value`",
                )
                .with_label("no `value`")
                .with_help("add the inferred `value`, or remove `inferred`"),
            ),
            None if d.stated.is_none() => self.diags.push(
                Diagnostic::error(
                    "invalid-date",
                    d.pos,
                    "the date has neither a `value` nor a `stated` wording",
                )
                .with_label("no `value` or `stated`")
                .with_help("leave the date out when nothing is known of it"),
            ),
            Some(value) => {
                for part in &d.inferred {
                    let name = match part {
                        DatePart::Year => "year",
                        DatePart::Month => "month",
                        DatePart::Day => "day",
                    };
                    if !value.has_part(name) {
                        self.diags.push(
                            Diagnostic::error(
                                "invalid-date",
                                d.pos,
                                format!(
                                    "`inferred` lists the {name}, but the date `value` has no {name}"
                                ),
                            )
                            .with_label(format!("no {name} in `value`"))
                            .with_help(format!(
                                "remove `{name}` from `inferred`, or give the inferred {name} in `value`"
                            )),
                        );
                    }
                }
                if !d.inferred.is_empty() && d.stated.is_none() {
                    self.diags.push(
                        Diagnostic::warning(
                            "inferred-without-wording",
                            d.pos,
                            "the date is partly inferred but the source's wording is not kept",
                        )
                        .with_label("no `stated` wording")
                        .with_help("add `stated:` with the date as the source words it"),
                    );
                }
            }
            None => {}
        }
    }

    fn check(&mut self, b: &Brief) {
        self.not_blank(&b.title, b.id.pos, "the title");
        for d in [&b.published, &b.as_of].into_iter().flatten() {
            self.date(d);
        }
        for k in b.key_points.iter() {
            self.not_blank(
                &k.text,
                k.sources.first().map_or(b.id.pos, |s| s.pos),
                "a key point",
            );
            self.references(&k.sources, Kind::Source);
        }
        for (pos, name, what) in b
            .actors
            .iter()
            .map(|a| (a.id.pos, &a.name, "the actor's name"))
            .chain(
                b.places
                    .iter()
                    .map(|p| (p.id.pos, &p.name, "the place's name")),
            )
            .chain(
                b.issues
                    .iter()
                    .map(|i| (i.id.pos, &i.name, "the issue's name")),
            )
            .chain(
                b.sources
                    .iter()
                    .map(|s| (s.id.pos, &s.name, "the source's name")),
            )
            .chain(
                b.events
                    .iter()
                    .map(|e| (e.id.pos, &e.title, "the event's title")),
            )
        {
            self.not_blank(name, pos, what);
        }
        for s in b.sources.iter() {
            if let Some(d) = &s.date {
                self.date(d);
            }
            if let Some(url) = &s.url {
                self.url(url);
            }
        }
        for a in b.actors.iter() {
            for role in &a.roles {
                if let Some(of) = &role.of {
                    self.reference(of, Kind::Actor);
                }
                self.references(&role.sources, Kind::Source);
            }
            self.references(&a.members, Kind::Actor);
        }
        for p in b.places.iter() {
            if let Some(parent) = &p.part_of {
                self.reference(parent, Kind::Place);
                if parent.value == p.id.value {
                    self.diags.push(
                        Diagnostic::error(
                            "self-reference",
                            parent.pos,
                            format!("the place `{}` cannot be part of itself", p.id.value),
                        )
                        .with_label("the place itself")
                        .with_help("name the larger place it belongs to, or remove `part_of`"),
                    );
                }
            }
        }
        for e in b.events.iter() {
            self.references(&e.participants, Kind::Actor);
            if let Some(l) = &e.location {
                self.reference(l, Kind::Place);
            }
            if let Some(d) = &e.date {
                self.date(d);
            }
            self.references(&e.follows, Kind::Event);
            self.references(&e.sources, Kind::Source);
            if e.kind.is_meeting() && e.status.is_none() {
                self.diags.push(
                    Diagnostic::error(
                        "missing-status",
                        e.id.pos,
                        format!("the event `{}` is a meeting but does not say whether it was held", e.id.value),
                    )
                    .with_label("meeting without `status`")
                    .with_help("add `status:` with one of `held`, `scheduled`, `proposed`, `postponed`, `cancelled`"),
                );
            }
            for f in &e.follows {
                if f.value == e.id.value {
                    self.diags.push(
                        Diagnostic::error(
                            "self-reference",
                            f.pos,
                            format!("the event `{}` cannot follow itself", e.id.value),
                        )
                        .with_label("the event itself")
                        .with_help("name the event it follows, or remove it from `follows`"),
                    );
                }
            }
            self.follows_order(b, e);
        }
        for s in b.statements.iter() {
            self.statement(s);
        }
        for f in b.figures.iter() {
            if let Some(c) = &f.controller {
                self.reference(c, Kind::Actor);
            }
            self.references(&f.areas, Kind::Place);
            self.references(&f.includes, Kind::Place);
            self.references(&f.sources, Kind::Source);
            if let Some(d) = &f.as_of {
                self.date(d);
            }
            if f.areas.is_empty() {
                self.diags.push(
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
                self.diags.push(
                    Diagnostic::error(
                        "missing-field",
                        f.id.pos,
                        format!("the figure `{}` covers several areas but does not say how", f.id.value),
                    )
                    .with_label("no `applies_to`")
                    .with_help("add `applies_to: each`, `total`, or `unclear` when the source does not say"),
                );
            }
            let v = f.value.value;
            let percent = matches!(f.unit.trim(), "percent" | "%");
            if percent && !(0.0..=100.0).contains(&v) {
                self.diags.push(
                    Diagnostic::error(
                        "out-of-range",
                        f.value.pos,
                        format!("{v} is not a percentage: percentages run from 0 to 100"),
                    )
                    .with_label("not between 0 and 100")
                    .with_help("give the share as a number from 0 to 100, with `unit: percent`"),
                );
            } else if v < 0.0 && !percent {
                self.diags.push(
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
                self.diags.push(
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
                self.diags.push(
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
        for j in b.judgments.iter() {
            self.references(&j.sources, Kind::Source);
        }
        for g in b.gaps.iter() {
            for r in &g.about {
                self.reference_any(
                    r,
                    &[
                        Kind::Event,
                        Kind::Statement,
                        Kind::Figure,
                        Kind::Actor,
                        Kind::Place,
                        Kind::Source,
                        Kind::Issue,
                    ],
                );
            }
        }
    }

    fn statement(&mut self, s: &crate::schema::Statement) {
        match (&s.by, &s.unattributed) {
            (Some(by), None) => self.reference(by, Kind::Actor),
            (None, Some(why)) => self.not_blank(why, s.id.pos, "`unattributed`"),
            (Some(by), Some(_)) => self.diags.push(
                Diagnostic::error(
                    "conflicting-attribution",
                    by.pos,
                    format!("the statement `{}` has both `by` and `unattributed`", s.id.value),
                )
                .with_label("`unattributed` is given too")
                .with_help("keep `by` when the source names the speaker, `unattributed` when it does not"),
            ),
            (None, None) => self.diags.push(
                Diagnostic::error(
                    "missing-speaker",
                    s.id.pos,
                    format!("the statement `{}` does not say who made it", s.id.value),
                )
                .with_label("no `by` or `unattributed`")
                .with_help("add `by:` with an actor id, or `unattributed:` saying why the source names no one"),
            ),
        }
        self.not_blank(&s.text, s.id.pos, "the statement text");
        if let Some(i) = &s.issue {
            self.reference(i, Kind::Issue);
        }
        self.references(&s.about, Kind::Actor);
        if let Some(at) = &s.at {
            self.reference(at, Kind::Event);
        }
        if let Some(d) = &s.date {
            self.date(d);
        }
        for a in &s.aligns_with {
            self.reference(&a.statement, Kind::Statement);
        }
        for r in &s.rejected_by {
            self.reference(&r.actor, Kind::Actor);
            self.references(&r.sources, Kind::Source);
        }
        self.references(&s.via, Kind::Source);
        self.references(&s.sources, Kind::Source);
        if s.kind == StatementKind::Quote && s.quote.is_none() {
            self.diags.push(
                Diagnostic::error(
                    "missing-quote",
                    s.id.pos,
                    format!(
                        "the statement `{}` is a quote but has no `quote`",
                        s.id.value
                    ),
                )
                .with_label("no `quote`")
                .with_help("add `quote:` with the verbatim words, or change `kind`"),
            );
        }
        if s.kind == StatementKind::Conditions && s.conditions.is_empty() {
            self.diags.push(
                Diagnostic::error(
                    "missing-conditions",
                    s.id.pos,
                    format!(
                        "the statement `{}` lists conditions but `conditions` is empty",
                        s.id.value
                    ),
                )
                .with_label("no `conditions`")
                .with_help("add each condition under `conditions:`"),
            );
        }
        let needs_source =
            matches!(s.kind, StatementKind::Claim | StatementKind::Quote) || s.quote.is_some();
        if needs_source && s.sources.is_empty() {
            let what = if s.kind == StatementKind::Claim {
                "claim"
            } else {
                "quote"
            };
            self.diags.push(
                Diagnostic::warning(
                    "unsourced",
                    s.id.pos,
                    format!("the {what} `{}` cites no source", s.id.value),
                )
                .with_label("no `sources`")
                .with_help("add `sources:` with the ids of the sources that report it"),
            );
        }
    }

    /// Warns when an event says it follows another but is dated before it.
    fn follows_order(&mut self, b: &Brief, e: &crate::schema::Event) {
        let Some(mine) = e
            .date
            .as_ref()
            .and_then(|d| d.value.as_ref())
            .and_then(|v| v.latest())
        else {
            return;
        };
        for f in &e.follows {
            let Some((Kind::Event, i)) = self.ids.get(&f.value).copied() else {
                continue;
            };
            let other = &b.events[i];
            let Some(theirs) = other
                .date
                .as_ref()
                .and_then(|d| d.value.as_ref())
                .and_then(|v| v.earliest())
            else {
                continue;
            };
            if mine < theirs {
                let mut d = Diagnostic::warning(
                    "follows-out-of-order",
                    f.pos,
                    format!(
                        "the event `{}` follows `{}` but is dated before it",
                        e.id.value, other.id.value
                    ),
                )
                .with_label(format!("`{}` is dated later", other.id.value))
                .with_help("check both dates, or the `follows` link");
                if let Some(date) = &other.date {
                    d = d.with_related(date.pos, format!("`{}` is dated here", other.id.value));
                }
                self.diags.push(d);
            }
        }
    }
}

impl Validator {
    /// Warns about actors that nothing refers to: usually a leftover, or a
    /// reference that names someone else by mistake.
    fn unused_actors(&mut self, b: &Brief) {
        let mut used: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for a in b.actors.iter() {
            used.extend(
                a.roles
                    .iter()
                    .filter_map(|r| r.of.as_ref())
                    .map(|r| r.as_str()),
            );
            used.extend(
                a.members
                    .iter()
                    .filter(|m| m.value != a.id.value)
                    .map(|m| m.as_str()),
            );
        }
        for e in b.events.iter() {
            used.extend(e.participants.iter().map(|p| p.as_str()));
        }
        for s in b.statements.iter() {
            used.extend(s.by.iter().chain(&s.about).map(|r| r.as_str()));
            used.extend(s.rejected_by.iter().map(|r| r.actor.as_str()));
        }
        for f in b.figures.iter() {
            used.extend(f.controller.iter().map(|c| c.as_str()));
        }
        for g in b.gaps.iter() {
            used.extend(g.about.iter().map(|r| r.as_str()));
        }
        for a in b.actors.iter() {
            let defined_here = self.first.get(&a.id.value) == Some(&a.id.pos);
            // Imported actors the brief does not use were left out.
            if defined_here && a.id.pos.file == 0 && !used.contains(&a.id.as_str()) {
                self.diags.push(
                    Diagnostic::warning(
                        "unused-actor",
                        a.id.pos,
                        format!("the actor `{}` is never referred to", a.id.value),
                    )
                    .with_label("defined but not used")
                    .with_help(
                        "refer to it where it takes part (`by`, `participants`, `members`, a role's `of`...), or remove it",
                    ),
                );
            }
        }
    }

    /// Warns about an event still marked `scheduled` although it is dated
    /// wholly before the brief was published: it has probably been held,
    /// put off or cancelled since. Approximate or uncertain dates, and
    /// intervals with an open or unknown end, are not judged.
    fn scheduled_in_the_past(&mut self, b: &Brief) {
        let Some(published) = b.published.as_ref() else {
            return;
        };
        let Some(earliest) = published
            .value
            .as_ref()
            .and_then(|v| firm(v, Edtf::earliest))
        else {
            return;
        };
        for e in b.events.iter() {
            if e.status != Some(EventStatus::Scheduled) {
                continue;
            }
            let Some(date) = &e.date else { continue };
            let Some(latest) = date.value.as_ref().and_then(|v| firm(v, Edtf::latest)) else {
                continue;
            };
            if latest < earliest {
                self.diags.push(
                    Diagnostic::warning(
                        "scheduled-in-the-past",
                        date.pos,
                        format!(
                            "the event `{}` is still `scheduled`, but is dated before the brief was published",
                            e.id.value
                        ),
                    )
                    .with_label("dated before publication")
                    .with_related(published.pos, "published here")
                    .with_help(
                        "if it took place, make it `status: held`; if not, `postponed` or `cancelled`; or check both dates",
                    ),
                );
            }
        }
    }
}

/// A bound of a date (through `bound`, [`Edtf::earliest`] or
/// [`Edtf::latest`]) when the date is firm: no approximate or uncertain
/// part, and no open or unknown end.
fn firm(date: &Edtf, bound: fn(&Edtf) -> Option<(i32, u8, u8)>) -> Option<(i32, u8, u8)> {
    let points = match date {
        Edtf::Point(p) => vec![p],
        Edtf::Interval(Bound::Point(p), Bound::Point(q)) => vec![p, q],
        Edtf::Interval(..) => return None,
    };
    if points.iter().any(|p| p.approximate || p.uncertain) {
        return None;
    }
    bound(date)
}

fn plural(kind: Kind) -> &'static str {
    match kind {
        Kind::Source => "sources",
        Kind::Actor => "actors",
        Kind::Place => "places",
        Kind::Issue => "issues",
        Kind::Event => "events",
        Kind::Statement => "statements",
        Kind::Figure => "figures",
    }
}

impl Validator {
    /// Records the ids each item supersedes, refusing one that is still
    /// defined, the item's own, and one that two items supersede.
    fn collect_supersedes(&mut self, b: &Brief) {
        let items: Vec<(&Located<String>, &[Located<String>])> = b
            .sources
            .iter()
            .map(|x| (&x.id, x.supersedes.as_slice()))
            .chain(b.actors.iter().map(|x| (&x.id, x.supersedes.as_slice())))
            .chain(b.places.iter().map(|x| (&x.id, x.supersedes.as_slice())))
            .chain(b.issues.iter().map(|x| (&x.id, x.supersedes.as_slice())))
            .chain(b.events.iter().map(|x| (&x.id, x.supersedes.as_slice())))
            .chain(
                b.statements
                    .iter()
                    .map(|x| (&x.id, x.supersedes.as_slice())),
            )
            .chain(b.figures.iter().map(|x| (&x.id, x.supersedes.as_slice())))
            .collect();
        for (id, olds) in items {
            for old in olds {
                self.check_id_syntax(old);
                if old.value == id.value {
                    self.diags.push(
                        Diagnostic::error(
                            "self-reference",
                            old.pos,
                            format!("`{}` cannot supersede itself", id.value),
                        )
                        .with_label("the item's own id")
                        .with_help("list the ids this item had before, or remove `supersedes`"),
                    );
                    continue;
                }
                if let Some(first) = self.first.get(&old.value) {
                    let (kind, _) = self.ids[&old.value];
                    self.diags.push(
                        Diagnostic::error(
                            "superseded-id-defined",
                            old.pos,
                            format!(
                                "`{}` is superseded by `{}`, but is still the id of {} {}",
                                old.value,
                                id.value,
                                kind.article(),
                                kind.noun()
                            ),
                        )
                        .with_label("still defined")
                        .with_related(*first, "defined here")
                        .with_help(
                            "a superseded id must be gone from the brief: rename or remove that item, or drop the id from `supersedes`",
                        ),
                    );
                    continue;
                }
                if let Some((other, pos)) = self.superseded.get(&old.value) {
                    let (other, pos) = (other.clone(), *pos);
                    self.diags.push(
                        Diagnostic::error(
                            "superseded-twice",
                            old.pos,
                            format!(
                                "`{}` is superseded by both `{other}` and `{}`",
                                old.value, id.value
                            ),
                        )
                        .with_label("superseded again here")
                        .with_related(pos, format!("first superseded here, by `{other}`"))
                        .with_help(
                            "an old id can lead to one item only; keep it in one `supersedes`",
                        ),
                    );
                    continue;
                }
                self.superseded
                    .insert(old.value.clone(), (id.value.clone(), old.pos));
            }
        }
    }

    /// Refuses a reference to an id that an item supersedes, pointing to
    /// the id that replaced it.
    fn superseded_reference(&mut self, r: &Located<String>) {
        let (new, pos) = self.superseded[&r.value].clone();
        self.diags.push(
            Diagnostic::error(
                "superseded-reference",
                r.pos,
                format!("`{}` was renamed to `{new}`", r.value),
            )
            .with_label("an old id")
            .with_related(pos, format!("superseded by `{new}` here"))
            .with_help(format!("did you mean `{new}`?")),
        );
    }
}
