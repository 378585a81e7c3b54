//! Agreements and proposals: truces, ceasefires, deals, treaties and
//! resolutions, agreed or only proposed, with their terms, their hedges
//! as stated, their length and dates, and who rejects or doubts them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::attribution::{Attribution, AttributionView, attribution_view};
use super::change::{Item, Refs, Sig, Value, capitalize, date, field, plain, text};
use super::checker::Checker;
use super::date_spec::{DateSpec, DateView, date_view};
use super::evidence::{Evidence, EvidenceView};
use super::handle::Handle;
use super::identified::Identified;
use super::kind::Kind;
use super::names::{Cite, Names};
use super::qualifier::Qualifier;
use super::reference::{Actors, Events, Ref, RefVisitor, Sources};
use super::text::{join_and, opt};
use crate::diagnostic::Diagnostic;
use crate::pos::Located;

/// An agreement or a proposal for one: a truce, a ceasefire, a deal, a
/// treaty, a resolution.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// Identifier other facts refer to this agreement by.
    pub id: Located<String>,
    /// Earlier ids of this same item, when its id was renamed (see
    /// events).
    #[serde(default)]
    pub supersedes: Vec<Located<String>>,
    /// Set by `brief draft` on an item it wrote: the item is still to be
    /// reviewed against its source. Each is a warning
    /// (`drafted-not-reviewed`); delete the line once the item is reviewed.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub drafted: Option<Located<bool>>,
    /// What kind of agreement it is.
    pub kind: AgreementKind,
    /// One line saying what it is (`30-day halt to strikes on energy
    /// infrastructure`).
    pub title: String,
    /// How far it has got: proposed, agreed, signed, in force...
    pub status: AgreementStatus,
    /// The source's hedge on it, as stated (`possible`, `preliminary`):
    /// always shown with it.
    #[serde(default)]
    pub hedge: Option<String>,
    /// The parties bound by it, as actor ids.
    #[serde(default)]
    pub parties: Vec<Ref<Actors>>,
    /// Who proposed it, as actor ids.
    #[serde(default)]
    pub proposed_by: Vec<Ref<Actors>>,
    /// Its terms, each in its own wording.
    #[serde(default)]
    pub terms: Vec<Term>,
    /// How long it is to last (`{value: 30, unit: days, stated: 30-day}`).
    #[serde(default)]
    pub duration: Option<Duration>,
    /// When it was agreed or proposed.
    #[serde(default)]
    pub date: Option<DateSpec>,
    /// When it takes or took effect.
    #[serde(default)]
    pub start: Option<DateSpec>,
    /// When it ends or ended.
    #[serde(default)]
    pub end: Option<DateSpec>,
    /// A deadline, or the date the parties hope to reach it by
    /// (`{stated: by the end of the month}`).
    #[serde(default)]
    pub target: Option<DateSpec>,
    /// The event it came from, as an event id.
    #[serde(default)]
    pub from: Option<Ref<Events>>,
    /// Who rejects, doubts or denies it, each with the verb as stated.
    #[serde(default)]
    pub rejected_by: Vec<Objection>,
    /// Whom it is reported according to, when the source attributes it.
    #[serde(default)]
    pub according_to: Option<Attribution>,
    /// A short note on it.
    #[serde(default)]
    pub note: Option<String>,
    /// Sources reporting it.
    #[serde(default)]
    pub sources: Vec<Ref<Sources>>,
    /// The passages of its sources' texts this item rests on: the exact
    /// words, or a list of passages, each `{exact, prefix, suffix,
    /// source}` (see docs/grounding.md). Checked against each source's
    /// `text:`.
    #[serde(default)]
    pub evidence: Evidence,
}

/// Kinds of agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AgreementKind {
    /// An agreement of any other kind.
    Agreement,
    /// A proposal not (yet) agreed.
    Proposal,
    /// A truce: a pause in fighting, often partial.
    Truce,
    /// A ceasefire.
    Ceasefire,
    /// A deal.
    Deal,
    /// A treaty.
    Treaty,
    /// A resolution of a body.
    Resolution,
    /// Anything else.
    Other,
}

/// How far an agreement has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AgreementStatus {
    /// Put forward, not agreed.
    Proposed,
    /// Being negotiated.
    UnderNegotiation,
    /// Agreed in principle, details open.
    AgreedInPrinciple,
    /// Agreed.
    Agreed,
    /// Signed.
    Signed,
    /// In force.
    InForce,
    /// In force but broken.
    Violated,
    /// Broken down.
    Collapsed,
    /// Ran its course.
    Expired,
    /// Turned down.
    Rejected,
}

/// One term of an agreement.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The term in plain words.
    #[schemars(with = "String")]
    pub text: Located<String>,
    /// The term's wording, verbatim, when the source quotes it.
    #[serde(default)]
    pub quote: Option<String>,
}

/// How long an agreement is to last.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duration {
    /// The number of units.
    pub value: u64,
    /// The unit.
    pub unit: DurationUnit,
    /// The qualifier the source puts on it (`about`, `up-to`...).
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// The wording as stated (`30-day`, `a month-long`).
    #[serde(default)]
    pub stated: Option<String>,
}

/// Units of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DurationUnit {
    /// Hours.
    Hours,
    /// Days.
    Days,
    /// Weeks.
    Weeks,
    /// Months.
    Months,
    /// Years.
    Years,
}

/// Someone who rejects, doubts or denies an agreement.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Objection {
    /// Who, as an actor id.
    pub actor: Ref<Actors>,
    /// The verb as stated (`doubts`, `dismisses as "a ploy"`); without it,
    /// `rejects`.
    #[serde(default)]
    pub verb: Option<String>,
    /// How strongly, as stated (`firmly`).
    #[serde(default)]
    pub strength: Option<String>,
    /// Sources reporting it.
    #[serde(default)]
    pub sources: Vec<Ref<Sources>>,
}

impl Agreement {
    /// Hands each reference of the agreement to `v`. Spelled out in full,
    /// so that a new field must say whether it is a reference.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Agreement {
            id: _,
            supersedes: _,
            drafted: _,
            kind: _,
            title: _,
            status: _,
            hedge: _,
            parties,
            proposed_by,
            terms: _,
            duration: _,
            date,
            start,
            end,
            target,
            from,
            rejected_by,
            according_to,
            note: _,
            sources,
            evidence,
        } = self;
        v.visit_all(parties);
        v.visit_all(proposed_by);
        for d in [date, start, end, target].into_iter().flatten() {
            d.visit_refs(v);
        }
        v.visit_opt(from);
        for r in rejected_by {
            v.visit(&mut r.actor);
            v.visit_all(&mut r.sources);
        }
        if let Some(a) = according_to {
            a.visit_refs(v);
        }
        evidence.visit_refs(v);
        v.visit_all(sources);
    }
}

impl Identified for Agreement {
    fn handle(index: usize) -> Handle {
        Handle::Agreement(index)
    }

    fn id(&self) -> &Located<String> {
        &self.id
    }

    fn supersedes(&self) -> &[Located<String>] {
        &self.supersedes
    }
}

impl Agreement {
    /// Checks the texts, the references and the dates, and warns when the
    /// agreement is said to end before it starts.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        super::drafted::check(self.drafted.as_ref(), "agreement", &self.id.value, c);
        let a = self;
        self.evidence.check(c);
        c.not_blank(&a.title, a.id.pos, "the agreement's title");
        if let Some(h) = &a.hedge {
            c.not_blank(h, a.id.pos, "the hedge");
        }
        c.references(&a.parties);
        c.references(&a.proposed_by);
        for t in &a.terms {
            c.not_blank(&t.text.value, t.text.pos, "the term");
        }
        if let Some(d) = &a.duration
            && let Some(s) = &d.stated
        {
            c.not_blank(s, a.id.pos, "the duration's wording");
        }
        for d in [&a.date, &a.start, &a.end, &a.target].into_iter().flatten() {
            d.check(c);
        }
        if let Some(f) = &a.from {
            c.reference(f);
        }
        for r in &a.rejected_by {
            c.reference(&r.actor);
            if let Some(v) = &r.verb {
                c.not_blank(v, r.actor.pos, "the verb");
            }
            c.references(&r.sources);
        }
        if let Some(at) = &a.according_to {
            at.check(c);
        }
        c.references(&a.sources);
        a.ends_before_start(c);
    }

    /// Warns when the whole of `end` comes before the earliest `start`.
    fn ends_before_start(&self, c: &mut impl Checker) {
        let (Some(start), Some(end)) = (&self.start, &self.end) else {
            return;
        };
        let first = start.value.as_ref().and_then(|v| v.earliest());
        let last = end.value.as_ref().and_then(|v| v.latest());
        if let (Some(first), Some(last)) = (first, last)
            && last < first
        {
            c.push(
                Diagnostic::warning(
                    "agreement-ends-before-start",
                    end.pos,
                    format!("the agreement `{}` ends before it starts", self.id.value),
                )
                .with_label("`end` is before `start`")
                .with_related(start.pos, "starts here")
                .with_help(
                    "check both dates: `start` is when it takes effect, `end` when it stops",
                ),
            );
        }
    }
}

/// An agreement or proposal, as the briefing shows it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AgreementView {
    /// Id.
    pub id: String,
    /// Kind in words: `truce`, `ceasefire`...
    #[schemars(with = "String")]
    pub kind: AgreementKind,
    /// What it is.
    pub title: String,
    /// Status in words: `proposed`, `agreed in principle`, `in force`...
    #[schemars(with = "String")]
    pub status: AgreementStatus,
    /// The hedge as stated (`possible`), if any.
    pub hedge: Option<String>,
    /// The agreement in a few words, hedge and length included, then its
    /// status, capitalised to open a line: `Possible 30-day truce,
    /// proposed`.
    pub summary: String,
    /// The parties' names.
    pub parties: Vec<String>,
    /// Who proposed it, by name.
    pub proposed_by: Vec<String>,
    /// Its terms.
    pub terms: Vec<TermView>,
    /// Its length in words, with its qualifier: `about 30 days`.
    pub duration: Option<String>,
    /// When agreed or proposed.
    pub date: Option<DateView>,
    /// When it takes effect.
    pub start: Option<DateView>,
    /// When it ends.
    pub end: Option<DateView>,
    /// Its deadline or hoped-for date.
    pub target: Option<DateView>,
    /// The title of the event it came from.
    pub from: Option<String>,
    /// Who rejects or doubts it.
    pub rejected_by: Vec<ObjectionView>,
    /// Whom it is reported according to.
    pub according_to: Option<AttributionView>,
    /// The number of the key point that presents this agreement, if one
    /// does: its entry here then refers to it.
    pub key_point: Option<usize>,
    /// A short note.
    pub note: Option<String>,
    /// Sources.
    pub cites: Vec<Cite>,
    /// The passages of its sources' texts it rests on, in the order
    /// given.
    pub evidence: Vec<EvidenceView>,
}

/// One term of an agreement.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TermView {
    /// The term in plain words.
    pub text: String,
    /// Its wording, verbatim, if quoted.
    pub quote: Option<String>,
}

/// Someone who rejects or doubts an agreement.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ObjectionView {
    /// Who, by name.
    pub name: String,
    /// The verb as stated, or `rejects`.
    pub verb: String,
    /// How strongly, as stated.
    pub strength: Option<String>,
    /// The objection in words: `Ukraine doubts`, `Poland rejects, firmly`.
    pub text: String,
    /// Sources.
    pub cites: Vec<Cite>,
}

impl Agreement {
    /// The agreement's view.
    pub(crate) fn view(&self, l: &dyn Names) -> AgreementView {
        let a = self;
        let hedge = opt(&a.hedge);
        let mut head: Vec<String> = hedge.iter().cloned().collect();
        let kind = match &a.duration {
            Some(d) => d.with_kind(&a.kind.shown()),
            None => a.kind.shown(),
        };
        head.push(kind);
        AgreementView {
            id: a.id.value.clone(),
            kind: a.kind,
            title: a.title.trim().to_string(),
            status: a.status,
            summary: capitalize(&crate::i18n::words().msg(
                "agreement-summary",
                &[
                    ("head", head.join(" ").into()),
                    ("status", a.status.shown().into()),
                ],
            )),
            hedge,
            parties: a.parties.iter().map(|p| l.actor_name(p)).collect(),
            proposed_by: a.proposed_by.iter().map(|p| l.actor_name(p)).collect(),
            terms: a
                .terms
                .iter()
                .map(|t| TermView {
                    text: t.text.value.trim().to_string(),
                    quote: opt(&t.quote),
                })
                .collect(),
            duration: a.duration.as_ref().map(Duration::text),
            date: a.date.as_ref().map(date_view),
            start: a.start.as_ref().map(date_view),
            end: a.end.as_ref().map(date_view),
            target: a.target.as_ref().map(date_view),
            from: a.from.as_ref().map(|f| l.event_title(f).trim().to_string()),
            rejected_by: a
                .rejected_by
                .iter()
                .map(|r| {
                    let name = l.actor_name(&r.actor).trim().to_string();
                    let verb = opt(&r.verb)
                        .unwrap_or_else(|| crate::i18n::words().get("objection-rejects"));
                    let strength = opt(&r.strength);
                    let text = match &strength {
                        Some(s) => format!("{name} {verb}, {s}"),
                        None => format!("{name} {verb}"),
                    };
                    ObjectionView {
                        name,
                        verb,
                        strength,
                        text,
                        cites: l.cites(&r.sources),
                    }
                })
                .collect(),
            according_to: attribution_view(&a.according_to, l),
            key_point: None,
            note: opt(&a.note),
            cites: l.cites(&a.sources),
            evidence: l.evidence(&a.evidence, &a.sources),
        }
    }
}

impl Duration {
    /// The length in words: the qualifier, the number and the unit
    /// (`about 30 days`); the wording as stated opens the summary.
    fn text(&self) -> String {
        let w = crate::i18n::words();
        let n = w.msg(
            "duration-length",
            &[
                ("n", (self.value as f64).into()),
                ("unit", self.unit.text().into()),
            ],
        );
        match self.qualifier.filter(|q| !q.word().is_empty()) {
            Some(q) => w.msg(
                "figure-qualified",
                &[
                    ("q", w.get(&format!("qualifier-{}", q.key())).into()),
                    ("amount", n.into()),
                ],
            ),
            None => n,
        }
    }

    /// The agreement's kind with its length, as the summary opens:
    /// `60-day truce` (the wording as stated, when given, in English),
    /// `trêve de 60 jours`, `Waffenruhe für 60 Tage`.
    fn with_kind(&self, kind: &str) -> String {
        let w = crate::i18n::words();
        let compound = opt(&self.stated).unwrap_or_else(|| {
            w.msg(
                "duration-compound",
                &[
                    ("n", (self.value as f64).into()),
                    ("unit", self.unit.text().into()),
                ],
            )
        });
        w.msg(
            "agreement-with-length",
            &[
                ("kind", kind.into()),
                ("compound", compound.into()),
                ("length", self.text().into()),
            ],
        )
    }
}

impl DurationUnit {
    /// The unit in words: `days`.
    pub fn text(self) -> &'static str {
        match self {
            DurationUnit::Hours => "hours",
            DurationUnit::Days => "days",
            DurationUnit::Weeks => "weeks",
            DurationUnit::Months => "months",
            DurationUnit::Years => "years",
        }
    }

    /// One unit in words: `day`.
    pub fn singular(self) -> &'static str {
        match self {
            DurationUnit::Hours => "hour",
            DurationUnit::Days => "day",
            DurationUnit::Weeks => "week",
            DurationUnit::Months => "month",
            DurationUnit::Years => "year",
        }
    }
}

impl AgreementKind {
    /// The kind in words: `truce`, `ceasefire`...
    pub fn text(self) -> &'static str {
        match self {
            AgreementKind::Agreement => "agreement",
            AgreementKind::Proposal => "proposal",
            AgreementKind::Truce => "truce",
            AgreementKind::Ceasefire => "ceasefire",
            AgreementKind::Deal => "deal",
            AgreementKind::Treaty => "treaty",
            AgreementKind::Resolution => "resolution",
            AgreementKind::Other => "agreement",
        }
    }

    /// The kind in the reader's language.
    pub fn shown(self) -> String {
        let key = match self {
            AgreementKind::Agreement | AgreementKind::Other => "agreement-agreement",
            AgreementKind::Proposal => "agreement-proposal",
            AgreementKind::Truce => "agreement-truce",
            AgreementKind::Ceasefire => "agreement-ceasefire",
            AgreementKind::Deal => "agreement-deal",
            AgreementKind::Treaty => "agreement-treaty",
            AgreementKind::Resolution => "agreement-resolution",
        };
        crate::i18n::words().get(key)
    }
}

impl AgreementStatus {
    /// The status in words: `proposed`, `agreed in principle`...
    pub fn text(self) -> &'static str {
        match self {
            AgreementStatus::Proposed => "proposed",
            AgreementStatus::UnderNegotiation => "under negotiation",
            AgreementStatus::AgreedInPrinciple => "agreed in principle",
            AgreementStatus::Agreed => "agreed",
            AgreementStatus::Signed => "signed",
            AgreementStatus::InForce => "in force",
            AgreementStatus::Violated => "violated",
            AgreementStatus::Collapsed => "collapsed",
            AgreementStatus::Expired => "expired",
            AgreementStatus::Rejected => "rejected",
        }
    }

    /// The status in the reader's language.
    pub fn shown(self) -> String {
        let key = match self {
            AgreementStatus::Proposed => "agreement-proposed",
            AgreementStatus::UnderNegotiation => "agreement-under-negotiation",
            AgreementStatus::AgreedInPrinciple => "agreement-agreed-in-principle",
            AgreementStatus::Agreed => "agreement-agreed",
            AgreementStatus::Signed => "agreement-signed",
            AgreementStatus::InForce => "agreement-in-force",
            AgreementStatus::Violated => "agreement-violated",
            AgreementStatus::Collapsed => "agreement-collapsed",
            AgreementStatus::Expired => "agreement-expired",
            AgreementStatus::Rejected => "agreement-rejected",
        };
        crate::i18n::words().get(key)
    }
}

impl Agreement {
    /// The agreement as `brief diff` compares it; `i` is its place in its
    /// section.
    pub(crate) fn change_item(&self, i: usize, v: &AgreementView, r: &Refs) -> Item {
        let a = self;
        let mut item = Item::new(Kind::Agreement, i, Some(&a.id));
        item.supersedes = a.supersedes.iter().map(|s| s.value.clone()).collect();
        item.noun = a.kind.text();
        item.label = v.title.clone();
        let mut d = vec![v.summary.clone()];
        if !v.parties.is_empty() {
            d.push(
                crate::i18n::words().msg("diff-parties", &[("names", join_and(&v.parties).into())]),
            );
        }
        item.description = Some(d.join(" · "));
        let terms: Vec<String> = v.terms.iter().map(|t| t.text.clone()).collect();
        let objections: Vec<String> = v.rejected_by.iter().map(|o| o.text.clone()).collect();
        item.fields = vec![
            field("status", "Status", Sig::Status, plain(&v.status.shown())),
            field("kind", "Kind", Sig::Detail, plain(&v.kind.shown())),
            field("title", "Title", Sig::Wording, plain(&a.title)),
            field("hedge", "Hedge", Sig::Detail, text(&a.hedge)),
            field(
                "parties",
                "Parties",
                Sig::Detail,
                r.refs(&a.parties, &v.parties),
            ),
            field(
                "proposed_by",
                "Proposed by",
                Sig::Detail,
                r.refs(&a.proposed_by, &v.proposed_by),
            ),
            field(
                "terms",
                "Terms",
                Sig::Detail,
                super::change::strings(&terms),
            ),
            field(
                "duration",
                "Duration",
                Sig::Detail,
                Value::Text(v.duration.clone()),
            ),
            field("date", "Date", Sig::Detail, date(&a.date)),
            field("start", "Start", Sig::Detail, date(&a.start)),
            field("end", "End", Sig::Detail, date(&a.end)),
            field("target", "Target", Sig::Detail, date(&a.target)),
            field("from", "From", Sig::Detail, r.one_ref(&a.from, &v.from)),
            field(
                "rejected_by",
                "Rejected by",
                Sig::Detail,
                super::change::strings(&objections),
            ),
            field(
                "according_to",
                "According to",
                Sig::Wording,
                Value::Text(v.according_to.as_ref().map(|a| a.text.clone())),
            ),
            field("note", "Note", Sig::Wording, text(&a.note)),
            field("sources", "Sources", Sig::Detail, r.cites(&v.cites)),
        ];
        item
    }
}

impl Serialize for AgreementKind {
    /// Templates see the kind in words, as [`AgreementKind::text`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.shown())
    }
}

impl Serialize for AgreementStatus {
    /// Templates see the status in words, as [`AgreementStatus::text`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.shown())
    }
}
