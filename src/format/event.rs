//! Events: meetings, calls and other events, held or planned, and the
//! order they follow one another in.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::attribution::{Attribution, AttributionView, attribution_view};
use super::change::{Item, Refs, Sig, Value, capitalize, date, field, plain, strings, text};
use super::checker::Checker;
use super::date_spec::{DateSpec, DateView, date_view};
use super::evidence::{Evidence, EvidenceView};
use super::handle::Handle;
use super::identified::Identified;
use super::kind::Kind;
use super::names::Cite;
use super::names::Names;
use super::reference::{Actors, Events, Places, Ref, RefVisitor, Sources};
use super::text::{join_and, opt};
use super::vote::{Vote, VoteView};
use crate::date::{Bound, Edtf};
use crate::diagnostic::Diagnostic;
use crate::pos::{Items, Located};

/// A meeting, call or other event, held or planned.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Identifier other facts refer to this event by.
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
    /// What kind of event this is.
    pub kind: EventKind,
    /// One line saying what happened or will happen.
    pub title: String,
    /// Who took or takes part, as actor ids (a loose group such as
    /// "U.S. officials" is an actor of kind `group`).
    #[serde(default)]
    pub participants: Vec<Ref<Actors>>,
    /// Where it takes place, as a place id.
    #[serde(default)]
    pub location: Option<Ref<Places>>,
    /// When it took or takes place.
    #[serde(default)]
    pub date: Option<DateSpec>,
    /// Whether it was held or is planned. Required for meetings, calls,
    /// talks, summits and visits.
    #[serde(default)]
    pub status: Option<EventStatus>,
    /// The level of the participants, as stated (e.g. `departmental heads`).
    #[serde(default)]
    pub level: Option<String>,
    /// Why it is held, as stated.
    #[serde(default)]
    pub purpose: Option<String>,
    /// Topics discussed or to be discussed.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Events this one follows, as event ids.
    #[serde(default)]
    pub follows: Vec<Ref<Events>>,
    /// Whom the event is reported according to, when the source
    /// attributes it (`according_to: {unnamed: diplomatic sources}`).
    #[serde(default)]
    pub according_to: Option<Attribution>,
    /// A short note on the event.
    #[serde(default)]
    pub note: Option<String>,
    /// For `kind: vote`: the tally, the threshold and the outcome, and
    /// how each member voted.
    #[serde(default)]
    pub vote: Option<Vote>,
    /// Sources reporting the event.
    #[serde(default)]
    pub sources: Vec<Ref<Sources>>,
    /// The passages of its sources' texts this item rests on: the exact
    /// words, or a list of passages, each `{exact, prefix, suffix,
    /// source}` (see docs/grounding.md). Checked against each source's
    /// `text:`.
    #[serde(default)]
    pub evidence: Evidence,
}

impl Event {
    /// Hands each reference of the event to `v`. Spelled out in full, so
    /// that a new field must say whether it is a reference.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Event {
            id: _,
            supersedes: _,
            drafted: _,
            kind: _,
            title: _,
            participants,
            location,
            date,
            status: _,
            level: _,
            purpose: _,
            topics: _,
            follows,
            according_to,
            note: _,
            vote,
            sources,
            evidence,
        } = self;
        if let Some(d) = date {
            d.visit_refs(v);
        }
        v.visit_all(participants);
        v.visit_opt(location);
        v.visit_all(follows);
        if let Some(a) = according_to {
            a.visit_refs(v);
        }
        if let Some(vote) = vote {
            vote.visit_refs(v);
        }
        evidence.visit_refs(v);
        v.visit_all(sources);
    }
}

/// Kinds of event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    /// A telephone or video call.
    PhoneCall,
    /// An in-person meeting.
    Meeting,
    /// Negotiations or talks between delegations.
    Talks,
    /// A meeting of heads of state or government.
    Summit,
    /// An official visit.
    Visit,
    /// A public speech, address or remarks.
    Speech,
    /// The annexation of territory.
    Annexation,
    /// Fighting, an offensive or another military action.
    MilitaryAction,
    /// An agreement or treaty signed.
    Agreement,
    /// A vote of a body (an assembly, a parliament, a council), with its
    /// tally in `vote`.
    Vote,
    /// Anything else.
    Other,
}

impl EventKind {
    /// Whether events of this kind are meetings, which must say whether
    /// they were held or are planned.
    pub fn is_meeting(self) -> bool {
        matches!(
            self,
            Self::PhoneCall | Self::Meeting | Self::Talks | Self::Summit | Self::Visit
        )
    }
}

/// Whether an event was held or is planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EventStatus {
    /// It took place.
    Held,
    /// It is taking place as the source reports it ("are meeting
    /// tonight").
    UnderWay,
    /// It is scheduled to take place.
    Scheduled,
    /// Someone has proposed it; it is not agreed.
    Proposed,
    /// It was scheduled and has been put off.
    Postponed,
    /// It was scheduled and will not take place.
    Cancelled,
}

impl Identified for Event {
    fn handle(index: usize) -> Handle {
        Handle::Event(index)
    }

    fn id(&self) -> &Located<String> {
        &self.id
    }

    fn supersedes(&self) -> &[Located<String>] {
        &self.supersedes
    }
}

impl Event {
    /// Checks the title, the references, the date, that a meeting says
    /// whether it was held, and the events it follows (among `events`,
    /// the brief's).
    pub(crate) fn check(&self, events: &Items<Event>, c: &mut impl Checker) {
        super::drafted::check(self.drafted.as_ref(), "event", &self.id.value, c);
        let e = self;
        self.evidence.check(c);
        c.not_blank(&e.title, e.id.pos, "the event's title");
        c.references(&e.participants);
        if let Some(l) = &e.location {
            c.reference(l);
        }
        if let Some(d) = &e.date {
            d.check(c);
        }
        c.references(&e.follows);
        if let Some(a) = &e.according_to {
            a.check(c);
        }
        c.references(&e.sources);
        if let Some(v) = &e.vote {
            if e.kind != EventKind::Vote {
                c.push(
                    Diagnostic::error(
                        "vote-on-other-event",
                        e.id.pos,
                        format!(
                            "the event `{}` has a `vote:` but is a {}, not a vote",
                            e.id.value,
                            e.kind.text()
                        ),
                    )
                    .with_label("not `kind: vote`")
                    .with_help("make it `kind: vote`, or record the vote as an event of its own"),
                );
            }
            v.check(e.id.pos, c);
        }
        if e.kind.is_meeting() && e.status.is_none() {
            c.push(
                Diagnostic::error(
                    "missing-status",
                    e.id.pos,
                    format!("the event `{}` is a meeting but does not say whether it was held", e.id.value),
                )
                .with_label("meeting without `status`")
                .with_help("add `status:` with one of `held`, `under-way`, `scheduled`, `proposed`, `postponed`, `cancelled`"),
            );
        }
        for f in &e.follows {
            if f.value == e.id.value {
                c.push(
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
        e.follows_order(events, c);
    }

    /// Warns when the event says it follows another but is dated before it.
    fn follows_order(&self, events: &Items<Event>, c: &mut impl Checker) {
        let e = self;
        let Some(mine) = e
            .date
            .as_ref()
            .and_then(|d| d.value.as_ref())
            .and_then(|v| v.latest())
        else {
            return;
        };
        for f in &e.follows {
            let Some(Handle::Event(i)) = c.lookup(&f.value) else {
                continue;
            };
            let other = &events[i];
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
                c.push(d);
            }
        }
    }

    /// Warns when the event is still marked `scheduled` although it is
    /// dated wholly before the brief was `published`: it has probably been
    /// held, put off or cancelled since. Approximate or uncertain dates,
    /// and intervals with an open or unknown end, are not judged.
    pub(crate) fn scheduled_in_the_past(&self, published: &DateSpec, c: &mut impl Checker) {
        let Some(earliest) = published
            .value
            .as_ref()
            .and_then(|v| firm(v, Edtf::earliest))
        else {
            return;
        };
        if self.status != Some(EventStatus::Scheduled) {
            return;
        }
        let Some(date) = &self.date else { return };
        let Some(latest) = date.value.as_ref().and_then(|v| firm(v, Edtf::latest)) else {
            return;
        };
        if latest < earliest {
            c.push(
                Diagnostic::warning(
                    "scheduled-in-the-past",
                    date.pos,
                    format!(
                        "the event `{}` is still `scheduled`, but is dated before the brief was published",
                        self.id.value
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

/// An event.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct EventView {
    /// Id.
    pub id: String,
    /// Kind in words: `phone call`, `talks`...
    #[schemars(with = "String")]
    pub kind: EventKind,
    /// What happened.
    pub title: String,
    /// Participants' names.
    pub participants: Vec<String>,
    /// Location name.
    pub location: Option<String>,
    /// When.
    pub date: Option<DateView>,
    /// `held`, `under way`, `scheduled`, `proposed`, `postponed`,
    /// `cancelled`, or null.
    #[schemars(with = "Option<String>")]
    pub status: Option<EventStatus>,
    /// The status as a code the same in every language (`held`,
    /// `under-way`...), for a CSS class; or null.
    pub status_code: Option<&'static str>,
    /// Level of participants.
    pub level: Option<String>,
    /// Purpose as stated.
    pub purpose: Option<String>,
    /// Topics.
    pub topics: Vec<String>,
    /// Titles of the events this one follows.
    pub follows: Vec<String>,
    /// Whom the event is reported according to, if the source says.
    pub according_to: Option<AttributionView>,
    /// A short note.
    pub note: Option<String>,
    /// For a vote: its tally, outcome and members' votes.
    pub vote: Option<VoteView>,
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

impl Event {
    /// The event's view.
    pub(crate) fn view(&self, l: &dyn Names) -> EventView {
        let e = self;
        EventView {
            id: e.id.value.clone(),
            kind: e.kind,
            title: e.title.trim().to_string(),
            participants: e.participants.iter().map(|p| l.actor_name(p)).collect(),
            location: e.location.as_ref().map(|p| l.place_name(p)),
            date: e.date.as_ref().map(date_view),
            status: e.status,
            status_code: e.status.map(EventStatus::code),
            level: opt(&e.level),
            purpose: opt(&e.purpose),
            topics: e.topics.clone(),
            follows: e.follows.iter().map(|f| l.event_label(f)).collect(),
            according_to: attribution_view(&e.according_to, l),
            note: opt(&e.note),
            vote: e.vote.as_ref().map(|v| v.view(l)),
            key_point: None,
            cites: l.cites(&e.sources),
            evidence: l.evidence(&e.evidence, &e.sources),
        }
    }
}

impl Event {
    /// The event named briefly, without its title: its kind and
    /// participants (`Phone call: Donald Trump and Vladimir Putin`), or
    /// its title when it names no participants.
    pub(crate) fn label(&self, l: &dyn Names) -> String {
        if !self.participants.is_empty() {
            let names: Vec<String> = self.participants.iter().map(|p| l.actor_name(p)).collect();
            return crate::i18n::words().msg(
                "event-label",
                &[
                    ("kind", capitalize(&self.kind.shown()).into()),
                    ("names", join_and(&names).into()),
                ],
            );
        }
        self.title.trim().to_string()
    }

    /// The event as its line of the chronology names it: a meeting, whose
    /// home is Meetings, by its [`Event::label`]; any other event by its
    /// title (a vote's title says how it went; two votes of one body would
    /// otherwise read alike).
    pub(crate) fn chronology_name(&self, l: &dyn Names) -> String {
        if self.kind.is_meeting() {
            self.label(l)
        } else {
            self.title.trim().to_string()
        }
    }

    /// The event named briefly where its title would repeat a line of the
    /// chronology: as [`Event::label`], but by its kind and date when it
    /// names no participants (`Other event of 16 March 2014`).
    pub(crate) fn reference(&self, l: &dyn Names) -> String {
        match &self.date {
            Some(d) if self.participants.is_empty() => crate::i18n::words().msg(
                "event-reference",
                &[
                    ("kind", self.kind.shown().into()),
                    ("date", date_view(d).text.into()),
                ],
            ),
            _ => self.label(l),
        }
    }
}

impl EventStatus {
    /// The status in words: `held`, `scheduled`...
    pub fn text(self) -> &'static str {
        match self {
            EventStatus::Held => "held",
            EventStatus::UnderWay => "under way",
            EventStatus::Scheduled => "scheduled",
            EventStatus::Proposed => "proposed",
            EventStatus::Postponed => "postponed",
            EventStatus::Cancelled => "cancelled",
        }
    }

    /// The status as written in the brief: `held`, `under-way`...
    pub fn code(self) -> &'static str {
        match self {
            EventStatus::Held => "held",
            EventStatus::UnderWay => "under-way",
            EventStatus::Scheduled => "scheduled",
            EventStatus::Proposed => "proposed",
            EventStatus::Postponed => "postponed",
            EventStatus::Cancelled => "cancelled",
        }
    }

    /// The status in the reader's language, as views show it.
    pub fn shown(self) -> String {
        let key = match self {
            EventStatus::Held => "status-held",
            EventStatus::UnderWay => "status-under-way",
            EventStatus::Scheduled => "status-scheduled",
            EventStatus::Proposed => "status-proposed",
            EventStatus::Postponed => "status-postponed",
            EventStatus::Cancelled => "status-cancelled",
        };
        crate::i18n::words().get(key)
    }

    /// Whether an event of this status took place.
    pub fn happened(self) -> bool {
        match self {
            EventStatus::Held => true,
            EventStatus::UnderWay
            | EventStatus::Scheduled
            | EventStatus::Proposed
            | EventStatus::Postponed
            | EventStatus::Cancelled => false,
        }
    }
}

impl EventKind {
    /// The kind in words: `phone call`, `talks`...
    pub fn text(self) -> &'static str {
        match self {
            EventKind::PhoneCall => "phone call",
            EventKind::Meeting => "meeting",
            EventKind::Talks => "talks",
            EventKind::Summit => "summit",
            EventKind::Visit => "visit",
            EventKind::Speech => "speech",
            EventKind::Annexation => "annexation",
            EventKind::MilitaryAction => "military action",
            EventKind::Agreement => "agreement",
            EventKind::Vote => "vote",
            EventKind::Other => "other",
        }
    }

    /// The kind in the reader's language, as views show it; `Other` is
    /// shown as an event.
    pub fn shown(self) -> String {
        let key = match self {
            EventKind::PhoneCall => "event-phone-call",
            EventKind::Meeting => "event-meeting",
            EventKind::Talks => "event-talks",
            EventKind::Summit => "event-summit",
            EventKind::Visit => "event-visit",
            EventKind::Speech => "event-speech",
            EventKind::Annexation => "event-annexation",
            EventKind::MilitaryAction => "event-military-action",
            EventKind::Agreement => "event-agreement",
            EventKind::Vote => "event-vote",
            EventKind::Other => "event-other",
        };
        crate::i18n::words().get(key)
    }
}

impl Event {
    /// The event as `brief diff` compares it; `i` is its place in its section.
    pub(crate) fn change_item(&self, i: usize, v: &EventView, r: &Refs) -> Item {
        let e = self;
        let mut item = Item::new(Kind::Event, i, Some(&e.id));
        item.supersedes = e.supersedes.iter().map(|s| s.value.clone()).collect();
        item.noun = if v.kind == EventKind::Other {
            "event"
        } else {
            v.kind.text()
        };
        item.label = v.title.clone();
        let mut d = vec![match v.status {
            Some(s) => format!("{}, {}", capitalize(&v.kind.shown()), s.shown()),
            None => capitalize(&v.kind.shown()),
        }];
        d.push(v.date.as_ref().map_or_else(
            || crate::i18n::words().get("date-not-given"),
            |d| d.text.clone(),
        ));
        if let Some(l) = &v.location {
            d.push(l.clone());
        }
        if !v.participants.is_empty() {
            d.push(crate::i18n::words().msg(
                "diff-participants",
                &[("names", v.participants.join(", ").into())],
            ));
        }
        item.description = Some(d.join(" · "));
        item.fields = vec![
            field(
                "status",
                "Status",
                Sig::Status,
                Value::Text(v.status.map(|s| s.shown())),
            ),
            field("kind", "Kind", Sig::Detail, plain(&v.kind.shown())),
            field("title", "Title", Sig::Wording, plain(&e.title)),
            field("date", "Date", Sig::Detail, date(&e.date)),
            field(
                "location",
                "Location",
                Sig::Detail,
                r.one_ref(&e.location, &v.location),
            ),
            field(
                "participants",
                "Participants",
                Sig::Detail,
                r.refs(&e.participants, &v.participants),
            ),
            field("level", "Level", Sig::Detail, text(&e.level)),
            field("purpose", "Purpose", Sig::Wording, text(&e.purpose)),
            field("topics", "Topics", Sig::Detail, strings(&e.topics)),
            field(
                "follows",
                "Follows",
                Sig::Detail,
                r.refs(&e.follows, &v.follows),
            ),
            field(
                "according_to",
                "According to",
                Sig::Wording,
                Value::Text(v.according_to.as_ref().map(|a| a.text.clone())),
            ),
            field("note", "Note", Sig::Wording, text(&e.note)),
            field(
                "vote",
                "Vote",
                Sig::Status,
                Value::Text(v.vote.as_ref().map(|v| v.text.clone())),
            ),
            field(
                "vote_members",
                "Members' votes",
                Sig::Detail,
                Value::Text(v.vote.as_ref().and_then(VoteView::members_text)),
            ),
            field("sources", "Sources", Sig::Detail, r.cites(&v.cites)),
        ];
        item
    }
}

impl Serialize for EventStatus {
    /// Templates see the status in the reader's words, as
    /// [`EventStatus::shown`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.shown())
    }
}

impl Serialize for EventKind {
    /// Templates see the kind in the reader's words, as
    /// [`EventKind::shown`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.shown())
    }
}
