//! How good a draft is: its items matched one to one against the items of
//! a hand-made expected brief of the same article, and counted.
//!
//! Both briefs are checked by the pipeline ([`crate::check_str`]) and
//! compared as checked models. An item matches under the rules of its
//! kind (below, and in docs/drafting.md); each drafted item matches at
//! most one expected item and each expected item at most one drafted
//! item, and of the ways to pair them the one with the most pairs is
//! taken. Then, per kind:
//!
//! - **precision**: drafted items that match an expected item / drafted
//!   items (a drafted item that matches nothing counts against it);
//! - **recall**: expected items matched / expected items;
//! - **dates**: of the dates the matched drafted items carry, how many
//!   equal the expected item's date in the same field.
//!
//! Texts are compared under [`key`]: the normalisation grounding uses
//! (quote marks, dashes, spaces), then lower case, the quote marks taken
//! out and punctuation trimmed from both ends.
//!
//! The rules:
//! - **actors**: the same kind, and the drafted name is the expected
//!   name or one of its aliases (a leading "the" ignored); two unnamed
//!   actors (`unnamed: true`) of the same kind also match when the words
//!   of one name, a leading article left out, run on inside the other's
//!   ("diplomatic sources" and "diplomatic sources in Savonne");
//! - **places**: the same name or alias, and the same kind when both
//!   give one;
//! - **statements**: the same speakers (each drafted speaker an actor
//!   that matches an expected speaker under the actor rule, as many of
//!   each; or both unattributed), and, when the drafted statement has a
//!   quote, that quote is the expected statement's quote or one of its
//!   quoted fragments; without a quote, their evidence overlaps;
//! - **figures**: the same number (`value`, or `low` and `high`; or both
//!   without a number, and the words of one's `stated` wording run on
//!   inside the other's: "nearly a third" and "nearly a third of those
//!   contracts"), the same qualifier
//!   (none is `unqualified`), and their evidence overlaps;
//! - **events**: their evidence overlaps and they have the same status
//!   (or neither has one);
//! - **agreements**: their evidence overlaps.
//!
//! Two items' evidence overlaps when a passage of one, under [`key`],
//! holds a passage of the other.

use std::collections::HashMap;
use std::fmt::{self, Write as _};

use crate::format::{
    Actor, ActorKind, Agreement, Brief, DateSpec, Event, Evidence, Figure, Kind, Place, Qualifier,
    Statement,
};
use crate::ground::normalise;
use crate::load::Limits;
use crate::validate::Model;

/// The kinds of item the drafter writes, which are the kinds scored, in
/// the order a table lists them: an expected brief's items of other
/// kinds do not count against recall. A draft that has places while
/// they are not in this list is reported ([`Score::unscored`]), and the
/// corpus test fails, so that the list follows the drafter.
pub const SCORED: [Kind; 6] = [
    Kind::Actor,
    Kind::Place,
    Kind::Event,
    Kind::Statement,
    Kind::Figure,
    Kind::Agreement,
];

/// What was counted for one kind of item (or for several, added up).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Items in the draft.
    pub drafted: usize,
    /// Items in the expected brief.
    pub expected: usize,
    /// Pairs of a drafted and an expected item that match.
    pub matched: usize,
    /// Dates the matched drafted items carry.
    pub dated: usize,
    /// Of those, the ones equal to the expected item's date in the same
    /// field.
    pub dates_equal: usize,
}

impl Counts {
    /// Matched / drafted; 1 when nothing was drafted (nothing invented).
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.drafted)
    }

    /// Matched / expected; 1 when nothing was expected.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }

    fn add(&mut self, other: &Counts) {
        self.drafted += other.drafted;
        self.expected += other.expected;
        self.matched += other.matched;
        self.dated += other.dated;
        self.dates_equal += other.dates_equal;
    }
}

fn ratio(n: usize, of: usize) -> f64 {
    if of == 0 { 1.0 } else { n as f64 / of as f64 }
}

/// An item left unpaired: a drafted item that matches nothing expected,
/// or an expected item nothing drafted matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unpaired {
    /// Its kind.
    pub kind: Kind,
    /// Its id in its brief.
    pub id: String,
    /// What it says, in short: a name, a quote, a number, a passage.
    pub what: String,
}

/// A draft's score against its expected brief.
#[derive(Debug, Clone, Default)]
pub struct Score {
    /// The counts of each kind in [`SCORED`], in that order.
    pub kinds: Vec<(Kind, Counts)>,
    /// Drafted items that match no expected item, in the draft's order.
    pub unmatched: Vec<Unpaired>,
    /// Expected items no drafted item matches, in the expected brief's
    /// order.
    pub missed: Vec<Unpaired>,
    /// Drafted items of kinds not in [`SCORED`], by kind: none while the
    /// list is kept up to date.
    pub unscored: Vec<(Kind, usize)>,
}

impl Score {
    /// The counts of one kind (zero for a kind not scored).
    pub fn of(&self, kind: Kind) -> Counts {
        self.kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, c)| *c)
            .unwrap_or_default()
    }

    /// Every kind added up.
    pub fn total(&self) -> Counts {
        let mut all = Counts::default();
        for (_, c) in &self.kinds {
            all.add(c);
        }
        all
    }

    /// Another article's score added to this one (counts add up; the
    /// unpaired items are kept apart, per article, by the caller).
    pub fn add(&mut self, other: &Score) {
        for (kind, c) in &other.kinds {
            match self.kinds.iter_mut().find(|(k, _)| k == kind) {
                Some((_, mine)) => mine.add(c),
                None => self.kinds.push((*kind, *c)),
            }
        }
        for (kind, n) in &other.unscored {
            match self.unscored.iter_mut().find(|(k, _)| k == kind) {
                Some((_, mine)) => *mine += n,
                None => self.unscored.push((*kind, *n)),
            }
        }
    }
}

/// Why two briefs could not be scored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the {which} brief has errors:\n{}", .messages.join("\n"))]
pub struct ScoreError {
    /// `drafted` or `expected`.
    pub which: &'static str,
    /// Each error's code and message.
    pub messages: Vec<String>,
}

/// Scores the brief `drafted` (YAML) against the brief `expected`. Both
/// are checked as text (their sources' texts are not read); either
/// having errors is an error, warnings are not.
pub fn score(drafted: &str, expected: &str) -> Result<Score, ScoreError> {
    let d = checked("drafted", drafted)?;
    let e = checked("expected", expected)?;
    Ok(score_briefs(d.brief(), e.brief()))
}

/// Drafts `article` as `brief draft --published DATE` does, DATE the
/// expected brief's `published` day, with the article as `article.txt`
/// beside the draft, and scores the draft against `expected`. Returns
/// the draft and its score.
pub fn draft_and_score(article: &str, expected: &str) -> Result<(String, Score), ScoreError> {
    let e = checked("expected", expected)?;
    let published = e
        .brief()
        .published
        .as_ref()
        .and_then(|p| p.value.as_ref())
        .and_then(|v| v.point().copied());
    let options = crate::draft::DraftOptions {
        published,
        text_path: Some("article.txt".to_owned()),
        ..crate::draft::DraftOptions::new()
    };
    let drafted = crate::draft::draft(article, &options).map_err(|err| ScoreError {
        which: "drafted",
        messages: vec![err.to_string()],
    })?;
    let d = checked("drafted", &drafted)?;
    let score = score_briefs(d.brief(), e.brief());
    Ok((drafted, score))
}

fn checked(which: &'static str, yaml: &str) -> Result<Model, ScoreError> {
    let (model, diagnostics) = crate::check_str(yaml, &Limits::default());
    model.ok_or_else(|| ScoreError {
        which,
        messages: diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect(),
    })
}

/// Scores two checked briefs: see the module's documentation.
fn score_briefs(d: &Brief, e: &Brief) -> Score {
    let speakers = Speakers::new(d, e);
    let mut score = Score::default();
    if !d.places.is_empty() && !SCORED.contains(&Kind::Place) {
        score.unscored.push((Kind::Place, d.places.len()));
    }
    for kind in SCORED {
        let outcome = match kind {
            Kind::Actor => compare(&d.actors, &e.actors, actor_matches, |_| Vec::new()),
            Kind::Place => compare(&d.places, &e.places, place_matches, |_| Vec::new()),
            Kind::Event => compare(&d.events, &e.events, event_matches, |x| {
                vec![x.date.as_ref()]
            }),
            Kind::Statement => compare(
                &d.statements,
                &e.statements,
                |a, b| speakers.statement_matches(a, b),
                |x| vec![x.date.as_ref()],
            ),
            Kind::Figure => compare(&d.figures, &e.figures, figure_matches, |x| {
                vec![x.as_of.as_ref()]
            }),
            Kind::Agreement => compare(&d.agreements, &e.agreements, agreement_matches, |x| {
                vec![
                    x.date.as_ref(),
                    x.start.as_ref(),
                    x.end.as_ref(),
                    x.target.as_ref(),
                ]
            }),
            _ => continue,
        };
        let (counts, unmatched, missed) = outcome;
        score.kinds.push((kind, counts));
        score.unmatched.extend(
            unmatched
                .into_iter()
                .map(|(id, what)| Unpaired { kind, id, what }),
        );
        score.missed.extend(
            missed
                .into_iter()
                .map(|(id, what)| Unpaired { kind, id, what }),
        );
    }
    score
}

/// What the scorer needs of an item of any kind.
trait Scored {
    fn id(&self) -> &str;
    /// A short description, for the lists of unpaired items.
    fn what(&self) -> String;
    /// What it says beyond what the rules compare (kind, name or title,
    /// passages, dates), each as a text: among items that match, the
    /// pairing prefers those that share more of these.
    fn traits(&self) -> Vec<String>;
}

/// How many traits two items share.
fn affinity<T: Scored>(a: &T, b: &T) -> usize {
    let theirs = b.traits();
    a.traits().iter().filter(|t| theirs.contains(t)).count()
}

/// The traits every item with evidence and dates has.
fn common_traits(
    kind: String,
    label: &str,
    evidence: &Evidence,
    dates: &[Option<&DateSpec>],
) -> Vec<String> {
    let mut t = vec![format!("kind {kind}"), format!("label {}", key(label))];
    t.extend(
        evidence
            .0
            .iter()
            .map(|s| format!("passage {}", key(&s.exact.value))),
    );
    for (n, d) in dates.iter().enumerate() {
        if let Some(d) = d {
            let v = d
                .value
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            t.push(format!(
                "date {n} {v} {}",
                d.stated.as_deref().map(key).unwrap_or_default()
            ));
        }
    }
    t
}

type Outcome = (Counts, Vec<(String, String)>, Vec<(String, String)>);

/// Pairs `drafted` with `expected` under `matches` and counts; `dates`
/// gives an item's date fields, in a fixed order, for the dates
/// compared.
fn compare<'a, T: Scored + 'a>(
    drafted: &'a [T],
    expected: &'a [T],
    matches: impl Fn(&T, &T) -> bool,
    dates: impl Fn(&'a T) -> Vec<Option<&'a DateSpec>>,
) -> Outcome {
    let pairs = pair(
        drafted.len(),
        expected.len(),
        |i, j| matches(&drafted[i], &expected[j]),
        |i, j| affinity(&drafted[i], &expected[j]),
    );
    let mut counts = Counts {
        drafted: drafted.len(),
        expected: expected.len(),
        ..Counts::default()
    };
    let mut taken = vec![false; expected.len()];
    let mut unmatched = Vec::new();
    for (i, p) in pairs.iter().enumerate() {
        let Some(j) = *p else {
            unmatched.push((drafted[i].id().to_owned(), drafted[i].what()));
            continue;
        };
        taken[j] = true;
        counts.matched += 1;
        for (dd, ed) in dates(&drafted[i]).into_iter().zip(dates(&expected[j])) {
            if let Some(dd) = dd {
                counts.dated += 1;
                if ed.is_some_and(|ed| same_date(dd, ed)) {
                    counts.dates_equal += 1;
                }
            }
        }
    }
    let missed = expected
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(x, _)| (x.id().to_owned(), x.what()))
        .collect();
    (counts, unmatched, missed)
}

/// A pairing of `n` drafted with `m` expected items with as many pairs as
/// `ok` allows: for each drafted item, the expected item it is paired
/// with. Found by augmenting paths, the drafted items in order, each
/// trying first the expected items it has most `affinity` with (then in
/// order), so the result is always the same and an item and its copy are
/// paired.
fn pair(
    n: usize,
    m: usize,
    ok: impl Fn(usize, usize) -> bool,
    affinity: impl Fn(usize, usize) -> usize,
) -> Vec<Option<usize>> {
    let edges: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            let mut js: Vec<usize> = (0..m).filter(|&j| ok(i, j)).collect();
            js.sort_by_key(|&j| std::cmp::Reverse(affinity(i, j)));
            js
        })
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; m];
    for i in 0..n {
        let mut seen = vec![false; m];
        augment(i, &edges, &mut owner, &mut seen);
    }
    let mut pairs = vec![None; n];
    for (j, o) in owner.iter().enumerate() {
        if let Some(i) = o {
            pairs[*i] = Some(j);
        }
    }
    pairs
}

fn augment(i: usize, edges: &[Vec<usize>], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
    for &j in &edges[i] {
        if seen[j] {
            continue;
        }
        seen[j] = true;
        if owner[j].is_none_or(|k| augment(k, edges, owner, seen)) {
            owner[j] = Some(i);
            return true;
        }
    }
    false
}

/// `s` as texts are compared: normalised as grounding does (quote marks,
/// dashes, spaces), lower case, without double quote marks, and without
/// spaces, punctuation or single quote marks at either end.
pub fn key(s: &str) -> String {
    let n = normalise(s).text.to_lowercase().replace('"', "");
    n.trim_matches(|c: char| c.is_whitespace() || ".,;:!?'".contains(c))
        .to_owned()
}

/// A name as names are compared: [`key`] without a leading "the".
fn name_key(s: &str) -> String {
    let k = key(s);
    match k.strip_prefix("the ") {
        Some(rest) => rest.to_owned(),
        None => k,
    }
}

/// A name's words without a leading article ("a", "an", "the", "one").
fn name_words(s: &str) -> Vec<String> {
    let k = key(s);
    let mut words: Vec<String> = k.split(' ').map(str::to_owned).collect();
    if words.len() > 1 && ["a", "an", "the", "one"].contains(&words[0].as_str()) {
        words.remove(0);
    }
    words
}

/// Whether the words `short` run on, in order, inside `long`.
fn runs_inside(short: &[String], long: &[String]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

fn actor_matches(d: &Actor, e: &Actor) -> bool {
    if d.kind != e.kind {
        return false;
    }
    let name = name_key(&d.name);
    if name_key(&e.name) == name || e.aliases.iter().any(|a| name_key(a) == name) {
        return true;
    }
    if d.unnamed && e.unnamed {
        let (a, b) = (name_words(&d.name), name_words(&e.name));
        return runs_inside(&a, &b) || runs_inside(&b, &a);
    }
    false
}

fn place_matches(d: &Place, e: &Place) -> bool {
    let name = name_key(&d.name);
    let named = name_key(&e.name) == name || e.aliases.iter().any(|a| name_key(a) == name);
    let kinds = match (&d.kind, &e.kind) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    named && kinds
}

/// Whether a passage of `a` holds a passage of `b` or the other way.
fn overlaps(a: &Evidence, b: &Evidence) -> bool {
    let keys = |e: &Evidence| -> Vec<String> {
        e.0.iter()
            .map(|s| key(&s.exact.value))
            .filter(|k| !k.is_empty())
            .collect()
    };
    let (a, b) = (keys(a), keys(b));
    a.iter().any(|x| {
        b.iter()
            .any(|y| x.contains(y.as_str()) || y.contains(x.as_str()))
    })
}

fn event_matches(d: &Event, e: &Event) -> bool {
    d.status == e.status && overlaps(&d.evidence, &e.evidence)
}

fn agreement_matches(d: &Agreement, e: &Agreement) -> bool {
    overlaps(&d.evidence, &e.evidence)
}

fn figure_matches(d: &Figure, e: &Figure) -> bool {
    let num = |x: &Option<crate::pos::Located<f64>>| x.as_ref().map(|v| v.value);
    let same = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (None, None) => true,
        _ => false,
    };
    let numbers = same(num(&d.value), num(&e.value))
        && same(num(&d.low), num(&e.low))
        && same(num(&d.high), num(&e.high));
    let no_number = [&d.value, &d.low, &d.high].iter().all(|v| v.is_none());
    let words = |s: &str| -> Vec<String> { key(s).split(' ').map(str::to_owned).collect() };
    let wording = !no_number
        || matches!((&d.stated, &e.stated), (Some(a), Some(b))
            if runs_inside(&words(a), &words(b)) || runs_inside(&words(b), &words(a)));
    let qualifier = |f: &Figure| {
        f.qualifier
            .as_ref()
            .map_or(Qualifier::Unqualified, |q| q.value)
    };
    numbers && wording && qualifier(d) == qualifier(e) && overlaps(&d.evidence, &e.evidence)
}

/// The two briefs' actors by id, for comparing speakers.
struct Speakers<'a> {
    drafted: HashMap<&'a str, &'a Actor>,
    expected: HashMap<&'a str, &'a Actor>,
}

impl<'a> Speakers<'a> {
    fn new(d: &'a Brief, e: &'a Brief) -> Self {
        let by_id = |b: &'a Brief| {
            b.actors
                .iter()
                .map(|a| (a.id.value.as_str(), a))
                .collect::<HashMap<_, _>>()
        };
        Speakers {
            drafted: by_id(d),
            expected: by_id(e),
        }
    }

    /// Whether the speakers match: as many on each side, and each drafted
    /// speaker matches an expected one (under the actor rule) no other
    /// drafted speaker has taken.
    fn same(&self, d: &Statement, e: &Statement) -> bool {
        let ds: Vec<_> =
            d.by.0
                .iter()
                .map(|r| self.drafted.get(r.value.as_str()))
                .collect();
        let es: Vec<_> =
            e.by.0
                .iter()
                .map(|r| self.expected.get(r.value.as_str()))
                .collect();
        if ds.len() != es.len() || ds.iter().chain(&es).any(Option::is_none) {
            return false;
        }
        let pairs = pair(
            ds.len(),
            es.len(),
            |i, j| match (ds[i], es[j]) {
                (Some(a), Some(b)) => actor_matches(a, b),
                _ => false,
            },
            |_, _| 0,
        );
        pairs.iter().all(Option::is_some)
    }

    fn statement_matches(&self, d: &Statement, e: &Statement) -> bool {
        if !self.same(d, e) {
            return false;
        }
        match &d.quote {
            Some(q) => {
                let q = key(&q.value);
                e.quote.iter().chain(&e.quoted).any(|x| key(&x.value) == q)
            }
            None => overlaps(&d.evidence, &e.evidence),
        }
    }
}

/// Whether two dates are the same: the same value; or both without one,
/// and the same wording, the same items they are after, before or around
/// (by id), and both recent or neither.
fn same_date(d: &DateSpec, e: &DateSpec) -> bool {
    match (&d.value, &e.value) {
        (Some(a), Some(b)) => a.to_string() == b.to_string(),
        (None, None) => {
            let ids = |x: &DateSpec| {
                [&x.after, &x.before, &x.around].map(|r| r.as_ref().map(|r| r.value.clone()))
            };
            d.stated.as_deref().map(key) == e.stated.as_deref().map(key)
                && ids(d) == ids(e)
                && d.recent == e.recent
        }
        _ => false,
    }
}

/// The first passage of an item's evidence, for the lists.
fn first_passage(e: &Evidence) -> String {
    e.0.first()
        .map(|s| short(&s.exact.value))
        .unwrap_or_default()
}

/// `s` cut to about 70 characters, on one line.
fn short(s: &str) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match one.char_indices().nth(70) {
        Some((i, _)) => format!("{}…", &one[..i]),
        None => one,
    }
}

impl Scored for Actor {
    fn id(&self) -> &str {
        &self.id.value
    }
    fn what(&self) -> String {
        let kind = match self.kind {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::Group => "group",
            ActorKind::Document => "document",
        };
        format!("{} ({kind})", self.name)
    }
    fn traits(&self) -> Vec<String> {
        vec![format!("name {}", key(&self.name))]
    }
}

impl Scored for Place {
    fn id(&self) -> &str {
        &self.id.value
    }
    fn what(&self) -> String {
        self.name.clone()
    }
    fn traits(&self) -> Vec<String> {
        vec![format!("name {}", key(&self.name))]
    }
}

impl Scored for Event {
    fn id(&self) -> &str {
        &self.id.value
    }
    fn what(&self) -> String {
        let status = self.status.map_or("no status", |s| s.code());
        format!("{status}: {}", first_passage(&self.evidence))
    }
    fn traits(&self) -> Vec<String> {
        let kind = format!("{:?}", self.kind);
        common_traits(kind, &self.title, &self.evidence, &[self.date.as_ref()])
    }
}

impl Scored for Statement {
    fn id(&self) -> &str {
        &self.id.value
    }
    fn what(&self) -> String {
        let by = if self.by.0.is_empty() {
            "unattributed".to_owned()
        } else {
            let ids: Vec<&str> = self.by.0.iter().map(|r| r.value.as_str()).collect();
            ids.join(", ")
        };
        match &self.quote {
            Some(q) => format!("{by}: “{}”", short(&q.value)),
            None => format!("{by}: {}", first_passage(&self.evidence)),
        }
    }
    fn traits(&self) -> Vec<String> {
        let kind = format!("{:?}", self.kind);
        common_traits(kind, &self.text, &self.evidence, &[self.date.as_ref()])
    }
}

impl Scored for Figure {
    fn id(&self) -> &str {
        &self.id.value
    }
    fn what(&self) -> String {
        let q = self
            .qualifier
            .as_ref()
            .map_or(Qualifier::Unqualified, |q| q.value);
        let n = |v: &Option<crate::pos::Located<f64>>| v.as_ref().map(|v| v.value.to_string());
        let number = match (n(&self.value), n(&self.low), n(&self.high)) {
            (Some(v), _, _) => v,
            (None, Some(l), Some(h)) => format!("{l}–{h}"),
            _ => self.stated.clone().unwrap_or_default(),
        };
        format!("{} {number} {}", q.word(), self.unit)
            .trim()
            .to_owned()
    }
    fn traits(&self) -> Vec<String> {
        let kind = format!("{:?}", self.kind);
        let label = self.measure.as_deref().unwrap_or_default();
        let mut t = common_traits(kind, label, &self.evidence, &[self.as_of.as_ref()]);
        t.push(format!("unit {}", key(&self.unit)));
        t.push(format!(
            "stated {}",
            self.stated.as_deref().map(key).unwrap_or_default()
        ));
        t
    }
}

impl Scored for Agreement {
    fn id(&self) -> &str {
        &self.id.value
    }
    fn what(&self) -> String {
        first_passage(&self.evidence)
    }
    fn traits(&self) -> Vec<String> {
        let kind = format!("{:?} {:?}", self.kind, self.status);
        let dates = [
            self.date.as_ref(),
            self.start.as_ref(),
            self.end.as_ref(),
            self.target.as_ref(),
        ];
        common_traits(kind, &self.title, &self.evidence, &dates)
    }
}

/// One row of a table: an article's name and its score.
pub type Row<'a> = (&'a str, &'a Score);

/// A Markdown table of scores: for each article, a line per kind and a
/// line for all kinds; then the same for all articles together. Figures
/// to three decimals (so that 0.949 is not shown as 0.95); dates as equal/dated.
pub fn table(rows: &[Row<'_>]) -> String {
    let mut out = String::new();
    out.push_str(
        "| article | kind | drafted | expected | matched | precision | recall | dates equal |\n",
    );
    out.push_str("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    let mut all = Score::default();
    for (name, score) in rows {
        lines(&mut out, name, score);
        all.add(score);
    }
    if rows.len() > 1 {
        lines(&mut out, "all articles", &all);
    }
    out
}

/// A shorter Markdown table: a line per article (and one for all
/// articles together), with precision / recall for each kind and all
/// kinds, and the dates equal.
pub fn summary(rows: &[Row<'_>]) -> String {
    let mut out = String::from("| article |");
    for kind in SCORED {
        let _ = write!(out, " {} |", kind.plural());
    }
    out.push_str(" all | dates equal |\n| --- |");
    out.push_str(&" ---: |".repeat(SCORED.len() + 2));
    out.push('\n');
    let mut all = Score::default();
    for (name, score) in rows {
        summary_line(&mut out, name, score);
        all.add(score);
    }
    if rows.len() > 1 {
        summary_line(&mut out, "all articles", &all);
    }
    out
}

fn summary_line(out: &mut String, name: &str, score: &Score) {
    let cell = |c: Counts| format!("{:.3} / {:.3}", c.precision(), c.recall());
    let _ = write!(out, "| {name} |");
    for kind in SCORED {
        let _ = write!(out, " {} |", cell(score.of(kind)));
    }
    let t = score.total();
    let _ = writeln!(out, " **{}** | {}/{} |", cell(t), t.dates_equal, t.dated);
}

fn lines(out: &mut String, name: &str, score: &Score) {
    for (kind, c) in &score.kinds {
        line(out, name, kind.plural(), c);
    }
    line(out, name, "**all**", &score.total());
}

fn line(out: &mut String, name: &str, kind: &str, c: &Counts) {
    let _ = writeln!(
        out,
        "| {name} | {kind} | {} | {} | {} | {:.3} | {:.3} | {}/{} |",
        c.drafted,
        c.expected,
        c.matched,
        c.precision(),
        c.recall(),
        c.dates_equal,
        c.dated
    );
}

impl fmt::Display for Unpaired {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} `{}`: {}", self.kind.name(), self.id, self.what)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_quote_marks_case_spaces_and_end_punctuation() {
        assert_eq!(
            key("“None of our  batteries fired,”"),
            "none of our batteries fired"
        );
        assert_eq!(key("‘We will — not’."), "we will-not");
        assert_eq!(
            name_key("The Sardan Liberation Front"),
            "sardan liberation front"
        );
        assert_ne!(key("fired on Tuesday"), key("fired on Monday"));
    }

    #[test]
    fn pairing_takes_the_most_pairs_whatever_the_order() {
        // Drafted 0 could take expected 0 or 1; drafted 1 only expected 0.
        let ok = |i: usize, j: usize| matches!((i, j), (0, 0) | (0, 1) | (1, 0));
        assert_eq!(pair(2, 2, ok, |_, _| 0), vec![Some(1), Some(0)]);
        // Affinity orders the tries, never the number of pairs.
        assert_eq!(
            pair(2, 2, ok, |i, j| usize::from(i == j)),
            vec![Some(1), Some(0)]
        );
        assert_eq!(pair(1, 2, ok, |_, j| j), vec![Some(1)]);
        // Two drafted items for one expected: only one is paired.
        assert_eq!(pair(2, 1, |_, _| true, |_, _| 0), vec![Some(0), None]);
        assert_eq!(
            pair(0, 3, |_, _| true, |_, _| 0),
            Vec::<Option<usize>>::new()
        );
    }

    #[test]
    fn unnamed_names_match_inside_each_other_and_named_ones_do_not() {
        let words = |s: &str| name_words(s);
        assert!(runs_inside(
            &words("diplomatic sources"),
            &words("diplomatic sources in Savonne")
        ));
        assert!(runs_inside(
            &words("a nurse"),
            &words("a nurse at the hospital")
        ));
        assert!(!runs_inside(
            &words("sources in Velmar"),
            &words("diplomatic sources")
        ));
    }

    #[test]
    fn ratios_of_nothing_are_one() {
        let c = Counts::default();
        assert_eq!((c.precision(), c.recall()), (1.0, 1.0));
        let c = Counts {
            drafted: 4,
            expected: 8,
            matched: 2,
            ..Counts::default()
        };
        assert_eq!((c.precision(), c.recall()), (0.5, 0.25));
    }
}
