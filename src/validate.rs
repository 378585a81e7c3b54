//! Stage 2, validate: raw brief → checked [`Model`], with every problem
//! found reported at once.
//!
//! Checks what the types alone cannot: ids are unique, every reference
//! names an id of the right kind, numbers are in range, dates agree with
//! what they say was inferred, and each statement has a speaker or says
//! why it has none. Suspicious but legal content gives warnings.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::{Diagnostic, Suggestions};
use crate::format::{
    self, Brief, Checker, Handle, Kind, Ref, RefVisitor, Target, check_key_points, join_or,
};
use crate::load::Loaded;
use crate::pos::{Located, Pos};

/// A brief that passed validation: every date parsed, and every
/// reference holds the item it names. Only this module makes one, and only
/// of a brief whose references all resolved; [`crate::resolve`] reads it.
#[derive(Debug)]
pub struct Model {
    brief: Brief,
}

impl Model {
    /// The checked brief.
    pub(crate) fn brief(&self) -> &Brief {
        &self.brief
    }

    /// The model of a brief's own details with every section left empty,
    /// so that it holds no reference at all.
    pub(crate) fn details_only(brief: Brief) -> Model {
        let Brief {
            id,
            format,
            title,
            lang,
            dateline,
            published,
            as_of,
            imports,
            fictional,
            key_points: _,
            background,
            outlook,
            sources: _,
            actors: _,
            places: _,
            issues: _,
            events: _,
            agreements: _,
            statements: _,
            figures: _,
            judgments: _,
            gaps: _,
            verify,
        } = brief;
        let brief = Brief {
            id,
            format,
            title,
            lang,
            dateline,
            published,
            as_of,
            imports,
            fictional,
            key_points: Default::default(),
            background,
            outlook,
            sources: Default::default(),
            actors: Default::default(),
            places: Default::default(),
            issues: Default::default(),
            events: Default::default(),
            agreements: Default::default(),
            statements: Default::default(),
            figures: Default::default(),
            judgments: Default::default(),
            gaps: Default::default(),
            verify,
        };
        Model { brief }
    }
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
        broken: loaded.broken_ids.into_iter().collect(),
        suggestions: Suggestions::new(SUGGESTION_WORK),
        diags: Vec::new(),
        used: HashSet::new(),
        superseded: HashMap::new(),
    };
    v.collect_ids(&brief);
    v.collect_supersedes(&brief);
    v.check(&brief);
    v.date_relations(&brief);
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
    // Every reference takes the item it names (in the brief as pruned).
    // The checks above have reported each one that names nothing; one
    // they missed is reported here the same way, so it stops the brief
    // rather than reaching resolve.
    let resolved = !v.diags.iter().any(Diagnostic::is_error) && {
        let mut pass = Resolving {
            v: &mut v,
            all: true,
        };
        brief.visit_refs(&mut pass);
        pass.all
    };
    diags.append(&mut v.diags);
    diags.sort_by_key(|d| d.pos);
    let ok = resolved && !diags.iter().any(Diagnostic::is_error);
    let model = ok.then_some(Model { brief });
    (model, diags)
}

/// Points each reference at the item it names, reporting one that names
/// none of the kinds it accepts.
struct Resolving<'a> {
    v: &'a mut Validator,
    /// Whether every reference so far found its item.
    all: bool,
}

impl RefVisitor for Resolving<'_> {
    fn visit<K: Target>(&mut self, r: &mut Ref<K>) {
        if !r.resolve(&self.v.ids) {
            self.all = false;
            self.v.reference_any(r, K::KINDS);
        }
    }
}

/// The work did-you-mean may take over all the unknown references of one
/// brief (see [`Suggestions`]): a few tenths of a second at most, however
/// many there are.
const SUGGESTION_WORK: u64 = 50_000_000;

struct Validator {
    ids: HashMap<String, Handle>,
    first: HashMap<String, Pos>,
    broken: HashSet<String>,
    diags: Vec<Diagnostic>,
    /// Did-you-mean for unknown references, bounded over the whole brief.
    suggestions: Suggestions,
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
    // Only registry sections can be imported; spelled out in full so that
    // a new section must say whether it can.
    let Brief {
        id: _,
        format: _,
        title: _,
        lang: _,
        dateline: _,
        published: _,
        as_of: _,
        imports: _,
        fictional: _,
        key_points: _,
        background: _,
        outlook: _,
        sources,
        actors,
        places,
        issues,
        events: _,
        agreements: _,
        statements: _,
        figures: _,
        judgments: _,
        gaps: _,
        verify: _,
    } = b;
    if !(sources.iter().any(|x| imported(x.id.pos))
        || actors.iter().any(|x| imported(x.id.pos))
        || places.iter().any(|x| imported(x.id.pos))
        || issues.iter().any(|x| imported(x.id.pos)))
    {
        return false;
    }
    // What each imported item refers to in turn. Sources and issues refer
    // to nothing.
    let mut refers: HashMap<&str, Vec<&str>> = HashMap::new();
    for a in actors.iter().filter(|a| imported(a.id.pos)) {
        refers
            .entry(a.id.as_str())
            .or_default()
            .extend(a.refers_to());
    }
    for p in places.iter().filter(|p| imported(p.id.pos)) {
        refers
            .entry(p.id.as_str())
            .or_default()
            .extend(p.refers_to());
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
    sources.0.retain(|x| needed(&x.id));
    actors.0.retain(|x| needed(&x.id));
    places.0.retain(|x| needed(&x.id));
    issues.0.retain(|x| needed(&x.id));
    true
}

impl Validator {
    fn collect_ids(&mut self, b: &Brief) {
        for item in b.id_items() {
            let id = item.id;
            self.check_id_syntax(id);
            if let Some(first) = self.first.get(&id.value) {
                let other = self.ids[&id.value].kind();
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
            self.ids.insert(id.value.clone(), item.handle);
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

    /// Runs every section's checks.
    fn check(&mut self, b: &Brief) {
        let Brief {
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
            verify,
        } = b;
        b.check_details(self);
        check_key_points(key_points, self);
        for x in sources.iter() {
            x.check(self);
        }
        for x in actors.iter() {
            x.check(self);
        }
        for x in places.iter() {
            x.check(self);
        }
        for x in issues.iter() {
            x.check(self);
        }
        for x in events.iter() {
            x.check(events, self);
        }
        for x in agreements.iter() {
            x.check(self);
        }
        for x in statements.iter() {
            x.check(self);
        }
        for x in figures.iter() {
            x.check(self);
        }
        for x in judgments.iter() {
            x.check(self);
        }
        for x in gaps.iter() {
            x.check(self);
        }
        if let Some(v) = verify {
            v.check(self);
        }
    }
}

impl Checker for Validator {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn lookup(&self, id: &str) -> Option<Handle> {
        self.ids.get(id).copied()
    }

    fn reference_any(&mut self, r: &Located<String>, want: &[Kind]) {
        match self.ids.get(&r.value).map(|h| h.kind()) {
            Some(kind) if want.contains(&kind) => {
                if r.pos.file == 0 {
                    self.used.insert(r.value.clone());
                }
            }
            Some(kind) => {
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
                            join_or(&wanted)
                        ),
                    )
                    .with_label(format!("expected {}", join_or(&wanted)))
                    .with_related(
                        self.first[&r.value],
                        format!("defined here, as {} {}", kind.article(), kind.noun()),
                    )
                    .with_help(format!("give the id of {} here", join_or(&wanted))),
                );
            }
            None if self.broken.contains(&r.value) => {}
            None if self.superseded.contains_key(&r.value) => self.superseded_reference(r),
            None => {
                let nouns: Vec<String> = want.iter().map(|k| k.noun().to_owned()).collect();
                let candidates = self
                    .ids
                    .iter()
                    .filter(|(_, h)| want.contains(&h.kind()))
                    .map(|(id, _)| id.as_str());
                let d = Diagnostic::error(
                    "unknown-reference",
                    r.pos,
                    format!("no {} has the id `{}`", join_or(&nouns), r.value),
                )
                .with_label("not found");
                let d = match self.suggestions.closest(&r.value, candidates) {
                    Some(c) => d.with_help(format!("did you mean `{c}`?")),
                    None => d.with_help(format!(
                        "define it under `{}`, or check the spelling",
                        want[0].plural()
                    )),
                };
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
            used.extend(
                e.according_to
                    .iter()
                    .filter_map(|a| a.actor.as_deref())
                    .map(|r| r.as_str()),
            );
            if let Some(v) = &e.vote {
                used.extend(v.body.iter().map(|r| r.as_str()));
                used.extend(v.members.iter().map(|m| m.actor.as_str()));
            }
        }
        for a in b.agreements.iter() {
            used.extend(a.parties.iter().chain(&a.proposed_by).map(|r| r.as_str()));
            used.extend(a.rejected_by.iter().map(|r| r.actor.as_str()));
            used.extend(
                a.according_to
                    .iter()
                    .filter_map(|a| a.actor.as_deref())
                    .map(|r| r.as_str()),
            );
        }
        for s in b.statements.iter() {
            used.extend(s.by.0.iter().chain(&s.about).map(|r| r.as_str()));
            used.extend(s.rejected_by.iter().map(|r| r.actor.as_str()));
        }
        for f in b.figures.iter() {
            used.extend(f.controller.iter().chain(&f.parties).map(|c| c.as_str()));
            used.extend(
                f.according_to
                    .iter()
                    .filter_map(|a| a.actor.as_ref())
                    .map(|a| a.as_str()),
            );
        }
        for g in b.gaps.iter() {
            used.extend(g.about.iter().map(|r| r.as_str()));
        }
        // Whom a fact is according to is a use of that actor too.
        let attributions = (b.key_points.iter().map(|k| &k.according_to))
            .chain(b.events.iter().map(|e| &e.according_to));
        for a in attributions.flatten() {
            used.extend(a.actor.iter().map(|r| r.as_str()));
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

    /// Checks the relations that place dates relative to other items.
    fn date_relations(&mut self, b: &Brief) {
        let mut items = Vec::new();
        items.extend(b.events.iter().map(|e| (&e.id, e.date.as_ref())));
        items.extend(b.statements.iter().map(|s| (&s.id, s.date.as_ref())));
        items.extend(b.figures.iter().map(|f| (&f.id, f.as_of.as_ref())));
        items.extend(b.agreements.iter().map(|a| (&a.id, a.date.as_ref())));
        format::check_date_relations(&items, self);
    }

    /// Warns about events still marked `scheduled` although they are dated
    /// before the brief was published.
    fn scheduled_in_the_past(&mut self, b: &Brief) {
        let Some(published) = b.published.as_ref() else {
            return;
        };
        for e in b.events.iter() {
            e.scheduled_in_the_past(published, self);
        }
    }
}

impl Validator {
    /// Records the ids each item supersedes, refusing one that is still
    /// defined, the item's own, and one that two items supersede.
    fn collect_supersedes(&mut self, b: &Brief) {
        for item in b.id_items() {
            let (id, olds) = (item.id, item.supersedes);
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
                    let kind = self.ids[&old.value].kind();
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
