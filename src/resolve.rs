//! Stage 3, resolve: checked [`Model`] → [`View`], the data templates see.
//!
//! Everything a template needs is worked out here, once: references become
//! names and roles, sources get numbers, the chronology is merged from all
//! dated items and sorted, statements are grouped by issue, figures and
//! dates get their reader-facing wording. Templates only lay this out.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::date::Edtf;
use crate::format::Handle;
use crate::format::{
    self, ActorKind, AppliesTo, Confidence, ControlStatus, DatePart, DateSpec, EventStatus,
    Likelihood, Qualifier, SourceKind, StatementKind,
};
use crate::validate::Model;

/// The whole briefing, ready for a template.
#[derive(Debug, Serialize, JsonSchema)]
pub struct View {
    /// Title, dateline, dates and prose.
    pub brief: BriefView,
    /// Bottom line up front.
    pub key_points: Vec<KeyPointView>,
    /// Everyone in the story, in the order written.
    pub actors: Vec<ActorView>,
    /// All dated and ordered items, earliest first; undated items come
    /// after what they follow, or last.
    pub chronology: Vec<ChronoView>,
    /// The latest developments: up to three dated chronology items that
    /// happened (statements, and events not scheduled, proposed, postponed
    /// or cancelled), most recent first.
    pub latest: Vec<ChronoView>,
    /// Meetings, split by status.
    pub meetings: MeetingsView,
    /// Statements grouped by issue, in the order issues are declared;
    /// statements with no issue come last, under `issue: null`.
    pub positions: Vec<PositionGroup>,
    /// Statements of kind `conditions`.
    pub conditions: Vec<StatementView>,
    /// Figures, in the order written, split into territorial control and
    /// other measures.
    pub figures: FiguresView,
    /// The author's own judgments.
    pub judgments: Vec<JudgmentView>,
    /// What the sources leave unclear.
    pub gaps: Vec<GapView>,
    /// Sources, numbered from 1 in the order written.
    pub sources: Vec<SourceView>,
    /// Who aligns with or rejects whose position, in the order the
    /// statements are written, then who met or is to meet whom, in
    /// chronological order.
    pub relations: Vec<RelationView>,
}

/// Metadata and prose of the brief.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BriefView {
    /// The brief's id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Place filed from, if given.
    pub dateline: Option<String>,
    /// Publication date, if anything is known of it.
    pub published: Option<DateView>,
    /// As-of date, if given.
    pub as_of: Option<DateView>,
    /// Whether the brief is a fictional exercise.
    pub fictional: bool,
    /// Background, as Markdown prose.
    pub background: Option<String>,
    /// Outlook, as Markdown prose.
    pub outlook: Option<String>,
}

/// A date as a reader should see it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DateView {
    /// The one phrase to print: the source's wording where kept, with the
    /// normalised date and what was inferred or approximate, never an
    /// inferred date presented as stated (e.g. `February 12 (year not
    /// stated; inferred: 12 February 2025)`).
    pub text: String,
    /// The source's wording, if kept.
    pub stated: Option<String>,
    /// The normalised date in words (`12 February 2025`), if known.
    pub normalised: Option<String>,
    /// The EDTF value (`2025-02-12`), if known; for machine-readable
    /// attributes such as `<time datetime>` when `exact` is true.
    pub edtf: Option<String>,
    /// Whether the source states an exact day (nothing inferred,
    /// approximate or uncertain).
    pub exact: bool,
    /// Parts inferred by the author: `year`, `month`, `day`.
    pub inferred: Vec<&'static str>,
    /// How the inferred parts were worked out.
    pub basis: Option<String>,
    /// `day`, `month`, `year`, or `unknown`.
    pub precision: &'static str,
}

/// A cited source: its number and name.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Cite {
    /// The source's number (1-based).
    pub n: usize,
    /// The source's id.
    pub id: String,
    /// The source's name.
    pub name: String,
}

/// A key point.
#[derive(Debug, Serialize, JsonSchema)]
pub struct KeyPointView {
    /// The point.
    pub text: String,
    /// Sources it rests on.
    pub cites: Vec<Cite>,
}

/// A person, state, organisation or group.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActorView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// `person`, `state`, `organisation` or `group`.
    pub kind: &'static str,
    /// Other names.
    pub aliases: Vec<String>,
    /// Posts held.
    pub roles: Vec<RoleView>,
    /// The roles in one phrase, e.g. `Deputy Foreign Minister, Russia
    /// (U.S.-Russia relations)`; empty when none.
    pub roles_text: String,
    /// Names of known members, for groups.
    pub members: Vec<String>,
    /// Description.
    pub description: Option<String>,
}

/// A post held by a person.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RoleView {
    /// The office.
    pub title: String,
    /// Name of the state or organisation, if given.
    pub of: Option<String>,
    /// Portfolio, if stated.
    pub portfolio: Option<String>,
    /// The role in one phrase: `Deputy Foreign Minister, Russia (U.S.-Russia relations)`.
    pub text: String,
    /// Sources stating the role.
    pub cites: Vec<Cite>,
}

/// One line of the chronology.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChronoView {
    /// Id of the event or statement.
    pub id: String,
    /// `event` or `statement`.
    pub source_kind: &'static str,
    /// When.
    pub date: Option<DateView>,
    /// What happened, in one line.
    pub text: String,
    /// For events: `held`, `scheduled`... or null.
    pub status: Option<&'static str>,
    /// Ids of the items this one comes after: the events an event
    /// follows, or the event a statement was made at.
    pub after: Vec<String>,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// Meetings split by status.
#[derive(Debug, Serialize, JsonSchema)]
pub struct MeetingsView {
    /// Held meetings, in chronological order.
    pub held: Vec<EventView>,
    /// Scheduled or proposed meetings.
    pub upcoming: Vec<EventView>,
    /// Postponed or cancelled meetings.
    pub called_off: Vec<EventView>,
}

/// An event.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct EventView {
    /// Id.
    pub id: String,
    /// Kind in words: `phone call`, `talks`...
    pub kind: &'static str,
    /// What happened.
    pub title: String,
    /// Participants' names.
    pub participants: Vec<String>,
    /// Location name.
    pub location: Option<String>,
    /// When.
    pub date: Option<DateView>,
    /// `held`, `scheduled`, `proposed`, `postponed`, `cancelled`, or null.
    pub status: Option<&'static str>,
    /// Level of participants.
    pub level: Option<String>,
    /// Purpose as stated.
    pub purpose: Option<String>,
    /// Topics.
    pub topics: Vec<String>,
    /// Titles of the events this one follows.
    pub follows: Vec<String>,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// The statements on one issue.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PositionGroup {
    /// The issue, or null for statements on no declared issue.
    pub issue: Option<IssueView>,
    /// The statements, in the order written.
    pub statements: Vec<StatementView>,
}

/// An issue.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IssueView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
}

/// A speaker with the post they held.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SpeakerView {
    /// Name.
    pub name: String,
    /// First role in one phrase, without the portfolio
    /// (`Deputy Foreign Minister, Russia`), or empty.
    pub role: String,
}

/// A statement with everything resolved.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StatementView {
    /// Id.
    pub id: String,
    /// The speaker, or null when unattributed.
    pub speaker: Option<SpeakerView>,
    /// Why there is no speaker, when unattributed.
    pub unattributed: Option<String>,
    /// Kind: `quote`, `position`, `claim`, `conditions`,
    /// `characterisation`, `belief`, `confirmation`.
    pub kind: &'static str,
    /// Kind as a label for readers: `Claim (not verified)`...
    pub kind_label: &'static str,
    /// Whether this is a claim the source does not vouch for.
    pub is_claim: bool,
    /// Reporting verb as stated.
    pub verb: Option<String>,
    /// Who said it: `Sergei Ryabkov (Deputy Foreign Minister, Russia)`,
    /// or `Unattributed`.
    pub who: String,
    /// Who said it, with the verb: `Sergei Ryabkov (Deputy Foreign
    /// Minister, Russia), stated` or `Unattributed, are seen as`.
    pub attribution: String,
    /// The statement in plain words.
    pub text: String,
    /// Verbatim words.
    pub quote: Option<String>,
    /// Issue name.
    pub issue: Option<String>,
    /// Names of the actors it is about.
    pub about: Vec<String>,
    /// Conditions or demands.
    pub conditions: Vec<String>,
    /// When.
    pub date: Option<DateView>,
    /// Title of the event it was made at.
    pub at: Option<String>,
    /// Statements it aligns with.
    pub aligns_with: Vec<AlignView>,
    /// Actors rejecting it.
    pub rejected_by: Vec<RejectionView>,
    /// The chain the words travelled through, speaker first, then each
    /// source; sources carry their number.
    pub via: Vec<ViaStep>,
    /// Sources.
    pub cites: Vec<Cite>,
    /// Note for the reader.
    pub note: Option<String>,
}

/// One step of a quote's chain.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ViaStep {
    /// The speaker's or source's name.
    pub name: String,
    /// The source's number; null for the speaker.
    pub n: Option<usize>,
}

/// Agreement with another statement.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AlignView {
    /// Who made the other statement (name), or null.
    pub speaker: Option<String>,
    /// The other statement's text.
    pub text: String,
    /// Whose framing the alignment is.
    pub framing: Option<String>,
}

/// A rejection.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RejectionView {
    /// The rejecting actor's name.
    pub name: String,
    /// How strongly, as stated.
    pub strength: Option<String>,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// Figures by kind.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FiguresView {
    /// Figures of territorial control (no `measure` given).
    pub territory: Vec<FigureView>,
    /// Figures of any other measure (votes, casualties, distances...).
    pub other: Vec<FigureView>,
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
    pub applies_to: Option<&'static str>,
    /// What `applies_to` means for a reader, or empty.
    pub applies_to_text: &'static str,
    /// The number as written (`20`, `99.5`).
    pub value: String,
    /// The unit.
    pub unit: String,
    /// The qualifier as a word: `nearly`, `over`, `about`, or empty.
    pub qualifier: &'static str,
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
    pub status: Option<&'static str>,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// One relation between actors: an alignment, a rejection or a meeting.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RelationView {
    /// A stable id: `STATEMENT-aligns-OTHER`, `STATEMENT-rejected-by-ACTOR`
    /// or the event's id.
    pub id: String,
    /// `aligns`, `rejects` or `meets`.
    pub kind: &'static str,
    /// Who: the speaker who aligns, the actor who rejects, or the first
    /// participant of a meeting (`Unattributed` for a statement with no
    /// speaker).
    pub from: String,
    /// With or against whom: the other statement's speaker, the speaker of
    /// the rejected statement, or the other participants of a meeting.
    pub to: String,
    /// The relation in words: `aligns with`, `rejects, firmly`,
    /// `phone call, held`.
    pub label: String,
    /// The position at stake: the aligning statement, the rejected
    /// statement, or the meeting's title.
    pub position: String,
    /// For an alignment, the statement aligned with; otherwise null.
    pub with_position: Option<String>,
    /// Whose framing an alignment is, as stated.
    pub framing: Option<String>,
    /// The issue's name, for statements on one.
    pub issue: Option<String>,
    /// For meetings: `held`, `scheduled`... or null.
    pub status: Option<&'static str>,
    /// For meetings: when.
    pub date: Option<DateView>,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// A judgment by the author.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JudgmentView {
    /// The judgment.
    pub text: String,
    /// Likelihood band in words with its range: `likely (55–80%)`.
    pub likelihood: Option<&'static str>,
    /// `low`, `moderate` or `high`.
    pub confidence: Option<&'static str>,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// A gap in the sources.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GapView {
    /// What is unclear.
    pub text: String,
    /// Names or titles of the facts it concerns.
    pub about: Vec<String>,
}

/// A numbered source.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SourceView {
    /// Number, from 1.
    pub n: usize,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Publisher.
    pub publisher: Option<String>,
    /// Kind in words: `news article`, `agency report`...
    pub kind: &'static str,
    /// Link.
    pub url: Option<String>,
    /// Publication date.
    pub date: Option<DateView>,
    /// Reliability descriptor.
    pub reliability: Option<String>,
}

/// Builds the view of a checked brief.
pub fn resolve(model: &Model) -> View {
    Resolver {
        m: model,
        b: &model.brief,
    }
    .view()
}

/// Every event, statement and figure of a brief, resolved, in the order
/// written: what `brief diff` compares, besides the [`View`].
pub(crate) struct Parts {
    pub(crate) events: Vec<EventView>,
    pub(crate) statements: Vec<StatementView>,
    pub(crate) figures: Vec<FigureView>,
}

pub(crate) fn parts(model: &Model) -> Parts {
    let r = Resolver {
        m: model,
        b: &model.brief,
    };
    Parts {
        events: r.b.events.iter().map(|e| r.event(e)).collect(),
        statements: r.b.statements.iter().map(|s| r.statement(s)).collect(),
        figures: r.b.figures.iter().map(|f| r.figure(f)).collect(),
    }
}

struct Resolver<'a> {
    m: &'a Model,
    b: &'a format::Brief,
}

fn opt(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

impl<'a> Resolver<'a> {
    fn index(&self, id: &str) -> usize {
        // Validation guarantees every reference resolves.
        self.m.ids[id].index()
    }

    fn actor_name(&self, id: &str) -> String {
        self.b.actors[self.index(id)].name.clone()
    }

    fn place_name(&self, id: &str) -> String {
        self.b.places[self.index(id)].name.clone()
    }

    fn cites(&self, ids: &[crate::pos::Located<String>]) -> Vec<Cite> {
        let mut out: Vec<Cite> = ids
            .iter()
            .map(|r| {
                let i = self.index(&r.value);
                Cite {
                    n: i + 1,
                    id: r.value.clone(),
                    name: self.b.sources[i].name.clone(),
                }
            })
            .collect();
        out.sort_by_key(|c| c.n);
        out.dedup_by_key(|c| c.n);
        out
    }

    fn role(&self, r: &format::Role) -> RoleView {
        let of = r.of.as_ref().map(|o| self.actor_name(&o.value));
        let mut text = r.title.trim().to_string();
        if let Some(of) = &of {
            text = format!("{text}, {of}");
        }
        if let Some(p) = opt(&r.portfolio) {
            text = format!("{text} ({p})");
        }
        RoleView {
            title: r.title.clone(),
            of,
            portfolio: opt(&r.portfolio),
            text,
            cites: self.cites(&r.sources),
        }
    }

    fn view(&self) -> View {
        let b = self.b;
        // Each statement is resolved once; sections take copies.
        let statements: Vec<StatementView> =
            b.statements.iter().map(|s| self.statement(s)).collect();
        let chronology = self.chronology(&statements);
        let latest = latest(&chronology);
        View {
            brief: BriefView {
                id: b.id.value.clone(),
                title: b.title.trim().to_string(),
                dateline: opt(&b.dateline),
                published: b.published.as_ref().map(date_view),
                as_of: b.as_of.as_ref().map(date_view),
                fictional: b.fictional,
                background: opt(&b.background),
                outlook: opt(&b.outlook),
            },
            key_points: b
                .key_points
                .iter()
                .map(|k| KeyPointView {
                    text: k.text.trim().to_string(),
                    cites: self.cites(&k.sources),
                })
                .collect(),
            actors: b.actors.iter().map(|a| self.actor(a)).collect(),
            chronology,
            latest,
            meetings: self.meetings(),
            conditions: b
                .statements
                .iter()
                .zip(&statements)
                .filter(|(s, _)| s.kind == StatementKind::Conditions)
                .map(|(_, v)| v.clone())
                .collect(),
            positions: self.positions(statements),
            figures: {
                let (territory, other) = b
                    .figures
                    .iter()
                    .map(|f| self.figure(f))
                    .partition(|f| f.territorial);
                FiguresView { territory, other }
            },
            judgments: b
                .judgments
                .iter()
                .map(|j| JudgmentView {
                    text: j.text.trim().to_string(),
                    likelihood: j.likelihood.map(likelihood_text),
                    confidence: j.confidence.map(|c| match c {
                        Confidence::Low => "low",
                        Confidence::Moderate => "moderate",
                        Confidence::High => "high",
                    }),
                    cites: self.cites(&j.sources),
                })
                .collect(),
            gaps: b
                .gaps
                .iter()
                .map(|g| GapView {
                    text: g.text.trim().to_string(),
                    about: g.about.iter().map(|r| self.label_of(&r.value)).collect(),
                })
                .collect(),
            sources: b
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| SourceView {
                    n: i + 1,
                    id: s.id.value.clone(),
                    name: s.name.trim().to_string(),
                    publisher: opt(&s.publisher),
                    kind: source_kind_text(s.kind),
                    // Checked by `validate`; checked again here, so that
                    // no template can be handed a `javascript:` link.
                    url: s
                        .url
                        .as_ref()
                        .map(|u| u.value.trim().to_string())
                        .filter(|u| !u.is_empty() && crate::url::check(u).is_ok()),
                    date: s.date.as_ref().map(date_view),
                    reliability: opt(&s.reliability),
                })
                .collect(),
            relations: self.relations(),
        }
    }

    fn relations(&self) -> Vec<RelationView> {
        let b = self.b;
        let speaker = |s: &format::Statement| {
            s.by.as_ref().map_or_else(
                || "Unattributed".to_string(),
                |by| self.actor_name(&by.value).trim().to_string(),
            )
        };
        let issue = |s: &format::Statement| {
            s.issue
                .as_ref()
                .map(|i| b.issues[self.index(&i.value)].name.trim().to_string())
        };
        let mut out = Vec::new();
        for s in b.statements.iter() {
            for a in &s.aligns_with {
                let other = &b.statements[self.index(&a.statement.value)];
                out.push(RelationView {
                    id: format!("{}-aligns-{}", s.id.value, other.id.value),
                    kind: "aligns",
                    from: speaker(s),
                    to: speaker(other),
                    label: "aligns with".to_string(),
                    position: s.text.trim().to_string(),
                    with_position: Some(other.text.trim().to_string()),
                    framing: opt(&a.framing),
                    issue: issue(s),
                    status: None,
                    date: None,
                    cites: self.cites(&s.sources),
                });
            }
            for r in &s.rejected_by {
                let strength = opt(&r.strength);
                out.push(RelationView {
                    id: format!("{}-rejected-by-{}", s.id.value, r.actor.value),
                    kind: "rejects",
                    from: self.actor_name(&r.actor.value).trim().to_string(),
                    to: speaker(s),
                    label: match strength {
                        Some(st) => format!("rejects, {st}"),
                        None => "rejects".to_string(),
                    },
                    position: s.text.trim().to_string(),
                    with_position: None,
                    framing: None,
                    issue: issue(s),
                    status: None,
                    date: None,
                    cites: if r.sources.is_empty() {
                        self.cites(&s.sources)
                    } else {
                        self.cites(&r.sources)
                    },
                });
            }
        }
        for i in self.chrono_order_of_events() {
            let e = &b.events[i];
            if !e.kind.is_meeting() || e.participants.len() < 2 {
                continue;
            }
            let names: Vec<String> = e
                .participants
                .iter()
                .map(|p| self.actor_name(&p.value).trim().to_string())
                .collect();
            let kind = event_kind_text(e.kind);
            out.push(RelationView {
                id: e.id.value.clone(),
                kind: "meets",
                from: names[0].clone(),
                to: join_and(&names[1..]),
                label: match e.status {
                    Some(st) => format!("{kind}, {}", status_text(st)),
                    None => kind.to_string(),
                },
                position: e.title.trim().to_string(),
                with_position: None,
                framing: None,
                issue: None,
                status: e.status.map(status_text),
                date: e.date.as_ref().map(date_view),
                cites: self.cites(&e.sources),
            });
        }
        out
    }

    fn label_of(&self, id: &str) -> String {
        let b = self.b;
        match self.m.ids[id] {
            Handle::Source(i) => b.sources[i].name.clone(),
            Handle::Actor(i) => b.actors[i].name.clone(),
            Handle::Place(i) => b.places[i].name.clone(),
            Handle::Issue(i) => b.issues[i].name.clone(),
            Handle::Event(i) => b.events[i].title.clone(),
            Handle::Statement(i) => b.statements[i].text.trim().to_string(),
            Handle::Figure(i) => {
                let f = &b.figures[i];
                f.stated.clone().unwrap_or_else(|| figure_display(f))
            }
        }
    }

    fn actor(&self, a: &format::Actor) -> ActorView {
        let roles: Vec<RoleView> = a.roles.iter().map(|r| self.role(r)).collect();
        ActorView {
            id: a.id.value.clone(),
            name: a.name.trim().to_string(),
            kind: match a.kind {
                ActorKind::Person => "person",
                ActorKind::State => "state",
                ActorKind::Organisation => "organisation",
                ActorKind::Group => "group",
            },
            aliases: a.aliases.clone(),
            roles_text: roles
                .iter()
                .map(|r| r.text.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            roles,
            members: a
                .members
                .iter()
                .map(|m| self.actor_name(&m.value))
                .collect(),
            description: opt(&a.description),
        }
    }

    fn event(&self, e: &format::Event) -> EventView {
        EventView {
            id: e.id.value.clone(),
            kind: event_kind_text(e.kind),
            title: e.title.trim().to_string(),
            participants: e
                .participants
                .iter()
                .map(|p| self.actor_name(&p.value))
                .collect(),
            location: e.location.as_ref().map(|l| self.place_name(&l.value)),
            date: e.date.as_ref().map(date_view),
            status: e.status.map(status_text),
            level: opt(&e.level),
            purpose: opt(&e.purpose),
            topics: e.topics.clone(),
            follows: e
                .follows
                .iter()
                .map(|f| self.b.events[self.index(&f.value)].title.clone())
                .collect(),
            cites: self.cites(&e.sources),
        }
    }

    fn meetings(&self) -> MeetingsView {
        let mut held = Vec::new();
        let mut upcoming = Vec::new();
        let mut called_off = Vec::new();
        for i in self.chrono_order_of_events() {
            let e = &self.b.events[i];
            if !e.kind.is_meeting() {
                continue;
            }
            let list = match e.status {
                Some(EventStatus::Held) | None => &mut held,
                Some(EventStatus::Scheduled | EventStatus::Proposed) => &mut upcoming,
                Some(EventStatus::Postponed | EventStatus::Cancelled) => &mut called_off,
            };
            list.push(self.event(e));
        }
        MeetingsView {
            held,
            upcoming,
            called_off,
        }
    }

    /// The events as items to place in time, in the order written.
    fn event_items(&self) -> Vec<Item<'a>> {
        self.b
            .events
            .iter()
            .map(|e| Item {
                id: &e.id.value,
                date: e.date.as_ref().and_then(|d| d.value.as_ref()),
                follows: e.follows.iter().map(|f| f.value.as_str()).collect(),
            })
            .collect()
    }

    fn chrono_order_of_events(&self) -> Vec<usize> {
        chrono_sort(&self.event_items())
    }

    fn chronology(&self, views: &[StatementView]) -> Vec<ChronoView> {
        let b = self.b;
        // Events first, then dated statements, so that ties keep events
        // ahead of what was said at them.
        let mut items = self.event_items();
        let dated: Vec<usize> = (0..b.statements.len())
            .filter(|&i| b.statements[i].date.is_some())
            .collect();
        items.extend(dated.iter().map(|&i| &b.statements[i]).map(|s| Item {
            id: &s.id.value,
            date: s.date.as_ref().and_then(|d| d.value.as_ref()),
            follows: s.at.iter().map(|a| a.value.as_str()).collect(),
        }));
        let n_events = b.events.len();
        chrono_sort(&items)
            .into_iter()
            .map(|i| {
                if i < n_events {
                    let e = &b.events[i];
                    ChronoView {
                        id: e.id.value.clone(),
                        source_kind: "event",
                        date: e.date.as_ref().map(date_view),
                        text: e.title.trim().to_string(),
                        status: e.status.map(status_text),
                        after: e.follows.iter().map(|f| f.value.clone()).collect(),
                        cites: self.cites(&e.sources),
                    }
                } else {
                    let v = &views[dated[i - n_events]];
                    ChronoView {
                        id: v.id.clone(),
                        source_kind: "statement",
                        date: v.date.clone(),
                        text: format!("{}: {}", v.attribution, v.text),
                        status: None,
                        after: b.statements[dated[i - n_events]]
                            .at
                            .iter()
                            .map(|a| a.value.clone())
                            .collect(),
                        cites: v.cites.clone(),
                    }
                }
            })
            .collect()
    }

    fn positions(&self, views: Vec<StatementView>) -> Vec<PositionGroup> {
        let mut groups: Vec<PositionGroup> = self
            .b
            .issues
            .iter()
            .map(|i| PositionGroup {
                issue: Some(IssueView {
                    id: i.id.value.clone(),
                    name: i.name.trim().to_string(),
                    description: opt(&i.description),
                }),
                statements: Vec::new(),
            })
            .collect();
        let mut other = Vec::new();
        for (s, v) in self.b.statements.iter().zip(views) {
            match &s.issue {
                Some(i) => groups[self.index(&i.value)].statements.push(v),
                None => other.push(v),
            }
        }
        groups.retain(|g| !g.statements.is_empty());
        if !other.is_empty() {
            groups.push(PositionGroup {
                issue: None,
                statements: other,
            });
        }
        groups
    }

    fn speaker(&self, by: &Option<crate::pos::Located<String>>) -> Option<SpeakerView> {
        by.as_ref().map(|by| {
            let a = &self.b.actors[self.index(&by.value)];
            SpeakerView {
                name: a.name.trim().to_string(),
                role: a
                    .roles
                    .first()
                    .map(|r| match &r.of {
                        Some(of) => format!("{}, {}", r.title.trim(), self.actor_name(&of.value)),
                        None => r.title.trim().to_string(),
                    })
                    .unwrap_or_default(),
            }
        })
    }

    fn statement(&self, s: &format::Statement) -> StatementView {
        let speaker = self.speaker(&s.by);
        let verb = opt(&s.verb);
        let who = match &speaker {
            Some(sp) if sp.role.is_empty() => sp.name.clone(),
            Some(sp) => format!("{} ({})", sp.name, sp.role),
            None => "Unattributed".to_string(),
        };
        let attribution = match &verb {
            Some(v) => format!("{who}, {v}"),
            None => who.clone(),
        };
        let mut via: Vec<ViaStep> = Vec::new();
        if !s.via.is_empty() {
            via.push(ViaStep {
                name: speaker
                    .as_ref()
                    .map_or_else(|| "Unattributed".into(), |s| s.name.clone()),
                n: None,
            });
            via.extend(s.via.iter().map(|v| {
                let i = self.index(&v.value);
                ViaStep {
                    name: self.b.sources[i].name.clone(),
                    n: Some(i + 1),
                }
            }));
        }
        StatementView {
            id: s.id.value.clone(),
            speaker,
            unattributed: opt(&s.unattributed),
            kind: statement_kind_text(s.kind),
            kind_label: statement_kind_label(s.kind),
            is_claim: s.kind == StatementKind::Claim,
            verb,
            who,
            attribution,
            text: s.text.trim().to_string(),
            quote: opt(&s.quote),
            issue: s
                .issue
                .as_ref()
                .map(|i| self.b.issues[self.index(&i.value)].name.clone()),
            about: s.about.iter().map(|a| self.actor_name(&a.value)).collect(),
            conditions: s.conditions.iter().map(|c| c.trim().to_string()).collect(),
            date: s.date.as_ref().map(date_view),
            at: s
                .at
                .as_ref()
                .map(|a| self.b.events[self.index(&a.value)].title.clone()),
            aligns_with: s
                .aligns_with
                .iter()
                .map(|a| {
                    let other = &self.b.statements[self.index(&a.statement.value)];
                    AlignView {
                        speaker: other.by.as_ref().map(|b| self.actor_name(&b.value)),
                        text: other.text.trim().to_string(),
                        framing: opt(&a.framing),
                    }
                })
                .collect(),
            rejected_by: s
                .rejected_by
                .iter()
                .map(|r| RejectionView {
                    name: self.actor_name(&r.actor.value),
                    strength: opt(&r.strength),
                    cites: self.cites(&r.sources),
                })
                .collect(),
            via,
            cites: self.cites(&s.sources),
            note: opt(&s.note),
        }
    }

    fn figure(&self, f: &format::Figure) -> FigureView {
        let areas: Vec<String> = f.areas.iter().map(|a| self.place_name(&a.value)).collect();
        let (qualifier, bound) = qualifier_text(f.qualifier);
        FigureView {
            id: f.id.value.clone(),
            measure: opt(&f.measure).unwrap_or_else(|| "territorial control".into()),
            territorial: opt(&f.measure).is_none(),
            controller: f.controller.as_ref().map(|c| self.actor_name(&c.value)),
            areas_text: join_and(&areas),
            areas,
            applies_to: f.applies_to.filter(|_| f.areas.len() > 1).map(|a| match a {
                AppliesTo::Each => "each",
                AppliesTo::Total => "total",
                AppliesTo::Unclear => "unclear",
            }),
            applies_to_text: match f.applies_to.filter(|_| f.areas.len() > 1) {
                Some(AppliesTo::Each) => "for each area",
                Some(AppliesTo::Total) => "for the areas combined",
                Some(AppliesTo::Unclear) => "unclear whether for each area or combined",
                None => "",
            },
            value: number_text(f.value.value),
            unit: f.unit.trim().to_string(),
            qualifier,
            bound,
            display: figure_display(f),
            stated: opt(&f.stated),
            as_of: f.as_of.as_ref().map(date_view),
            includes: f
                .includes
                .iter()
                .map(|p| self.place_name(&p.value))
                .collect(),
            status: f.status.map(|s| match s {
                ControlStatus::Annexed => "annexed",
                ControlStatus::Occupied => "occupied",
                ControlStatus::Claimed => "claimed",
                ControlStatus::Controlled => "controlled",
            }),
            cites: self.cites(&f.sources),
        }
    }
}

/// One item to place in time.
struct Item<'a> {
    id: &'a str,
    date: Option<&'a Edtf>,
    follows: Vec<&'a str>,
}

/// The last three dated items of the chronology that happened, most
/// recent first.
fn latest(chronology: &[ChronoView]) -> Vec<ChronoView> {
    chronology
        .iter()
        .rev()
        .filter(|c| {
            c.date.is_some()
                && !matches!(
                    c.status,
                    Some("scheduled" | "proposed" | "postponed" | "cancelled")
                )
        })
        .take(3)
        .cloned()
        .collect()
}

/// Orders items by date: earliest possible day first, then the latest
/// possible day (so "February 2025" comes before "12 February 2025"
/// only when it can start earlier), then the order written. Undated items
/// go right after the last item they follow, or at the end.
fn chrono_sort(items: &[Item]) -> Vec<usize> {
    let mut dated: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].date.is_some())
        .collect();
    dated.sort_by_key(|&i| {
        let d = items[i].date.expect("filtered to dated items");
        (d.earliest(), d.latest().unwrap_or((i32::MAX, 12, 31)), i)
    });
    let by_id: HashMap<&str, usize> = items.iter().enumerate().map(|(i, it)| (it.id, i)).collect();
    let undated: Vec<usize> = (0..items.len())
        .filter(|&i| items[i].date.is_none())
        .collect();
    if undated.is_empty() {
        return dated;
    }
    // The rule, as passes over the undated items in the order written:
    // an item whose predecessors are all placed goes right after the one
    // of them placed last; items with no known predecessor, and those
    // that never can be placed (a cycle, or a predecessor in the tail),
    // go to the end. Done in O(n log n) rather than pass by pass.
    let mut scan = vec![usize::MAX; items.len()];
    for (k, &i) in undated.iter().enumerate() {
        scan[i] = k;
    }
    let preds: Vec<Vec<usize>> = undated
        .iter()
        .map(|&i| {
            items[i]
                .follows
                .iter()
                .filter_map(|f| by_id.get(f).copied())
                .collect()
        })
        .collect();
    let passes = placement_passes(items, &undated, &scan, &preds);
    let mut placed: Vec<usize> = (0..undated.len()).filter(|&k| passes[k] != NEVER).collect();
    placed.sort_by_key(|&k| (passes[k], k));

    let mut tree = OrderTree::new(items.len(), &dated);
    for k in placed {
        let node = |i: usize| i + 1;
        let anchor = preds[k]
            .iter()
            .map(|&p| node(p))
            .max_by(|&a, &b| tree.compare(a, b))
            .expect("a placed item has predecessors");
        tree.insert_after(node(undated[k]), anchor);
    }
    let mut order = tree.preorder();
    order.extend(
        (0..undated.len())
            .filter(|&k| preds[k].is_empty())
            .map(|k| undated[k]),
    );
    order.extend(
        (0..undated.len())
            .filter(|&k| !preds[k].is_empty() && passes[k] == NEVER)
            .map(|k| undated[k]),
    );
    order
}

/// The pass of an item that is never placed.
const NEVER: usize = usize::MAX;

/// For each undated item (by its place `k` in `undated`), the pass in
/// which it is placed: 1 if its predecessors are all dated; else, for
/// each undated predecessor, that one's pass, plus one when it comes
/// later in the order written (it is placed after this item is looked
/// at). `NEVER` for items with no predecessor, in a cycle, or after one.
fn placement_passes(
    items: &[Item],
    undated: &[usize],
    scan: &[usize],
    preds: &[Vec<usize>],
) -> Vec<usize> {
    const NEW: u8 = 0;
    const OPEN: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; undated.len()];
    let mut pass = vec![NEVER; undated.len()];
    for start in 0..undated.len() {
        if state[start] != NEW {
            continue;
        }
        state[start] = OPEN;
        let mut stack = vec![(start, 0)];
        while let Some(&mut (k, ref mut next)) = stack.last_mut() {
            if let Some(&p) = preds[k].get(*next) {
                *next += 1;
                if items[p].date.is_none() && state[scan[p]] == NEW {
                    state[scan[p]] = OPEN;
                    stack.push((scan[p], 0));
                }
                continue;
            }
            stack.pop();
            state[k] = DONE;
            if preds[k].is_empty() {
                continue;
            }
            let mut mine = 1;
            for &p in &preds[k] {
                if items[p].date.is_some() {
                    continue;
                }
                let q = scan[p];
                // Still open: a cycle through this item.
                if state[q] == OPEN || pass[q] == NEVER {
                    mine = NEVER;
                    break;
                }
                mine = mine.max(pass[q] + usize::from(q > k));
            }
            pass[k] = mine;
        }
    }
    pass
}

/// The chronology as it is built: a tree whose preorder is the order.
/// Node 0 is the root; dated items are its children in date order; an
/// item placed after another becomes that one's first child. Binary
/// lifting compares two nodes' places in O(log n).
struct OrderTree {
    parent: Vec<u32>,
    depth: Vec<u32>,
    /// Among siblings, the smaller key comes first.
    key: Vec<i64>,
    /// `up[j * len + v]`: the 2^j-th ancestor of `v`.
    up: Vec<u32>,
    levels: usize,
    children: Vec<Vec<u32>>,
    inserted: i64,
}

impl OrderTree {
    fn new(items: usize, dated: &[usize]) -> Self {
        let len = items + 1;
        let levels = (usize::BITS - len.leading_zeros()) as usize + 1;
        let mut tree = OrderTree {
            parent: vec![0; len],
            depth: vec![0; len],
            key: vec![0; len],
            up: vec![0; len * levels],
            levels,
            children: vec![Vec::new(); len],
            inserted: 0,
        };
        for (rank, &i) in dated.iter().enumerate() {
            tree.attach(i + 1, 0, rank as i64);
        }
        tree
    }

    fn attach(&mut self, v: usize, parent: usize, key: i64) {
        let len = self.parent.len();
        self.parent[v] = parent as u32;
        self.depth[v] = self.depth[parent] + 1;
        self.key[v] = key;
        self.up[v] = parent as u32;
        for j in 1..self.levels {
            let mid = self.up[(j - 1) * len + v] as usize;
            self.up[j * len + v] = self.up[(j - 1) * len + mid];
        }
        self.children[parent].push(v as u32);
    }

    /// Places `v` right after `anchor`, ahead of what was placed after
    /// `anchor` before.
    fn insert_after(&mut self, v: usize, anchor: usize) {
        self.inserted += 1;
        self.attach(v, anchor, -self.inserted);
    }

    fn lift(&self, mut v: usize, by: u32) -> usize {
        let len = self.parent.len();
        for j in 0..self.levels {
            if by & (1 << j) != 0 {
                v = self.up[j * len + v] as usize;
            }
        }
        v
    }

    /// Whether `a` comes before or after `b` in the order.
    fn compare(&self, a: usize, b: usize) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        if a == b {
            return Ordering::Equal;
        }
        let (da, db) = (self.depth[a], self.depth[b]);
        let (mut x, mut y) = (
            self.lift(a, da.saturating_sub(db)),
            self.lift(b, db.saturating_sub(da)),
        );
        if x == y {
            // One is an ancestor of the other, and comes first.
            return da.cmp(&db);
        }
        let len = self.parent.len();
        for j in (0..self.levels).rev() {
            let (ux, uy) = (self.up[j * len + x], self.up[j * len + y]);
            if ux != uy {
                x = ux as usize;
                y = uy as usize;
            }
        }
        self.key[x].cmp(&self.key[y])
    }

    /// The items in order.
    fn preorder(&self) -> Vec<usize> {
        let mut order = Vec::with_capacity(self.parent.len());
        let mut stack: Vec<u32> = self.children[0].iter().rev().copied().collect();
        while let Some(v) = stack.pop() {
            order.push(v as usize - 1);
            // Children are visited newest first: push them oldest first.
            stack.extend(self.children[v as usize].iter().copied());
        }
        order
    }
}

/// The reader-facing form of a date. The principle: never print an
/// inferred or approximate date as if the source had stated it.
pub(crate) fn date_view(d: &DateSpec) -> DateView {
    let stated = opt(&d.stated);
    let normalised = d.value.as_ref().map(|v| v.to_string());
    let inferred: Vec<&'static str> = d
        .inferred
        .iter()
        .map(|p| match p {
            DatePart::Year => "year",
            DatePart::Month => "month",
            DatePart::Day => "day",
        })
        .collect();
    let exact = inferred.is_empty() && d.value.as_ref().is_some_and(Edtf::is_exact_day);
    let text = match (&stated, &normalised) {
        (Some(s), Some(n)) if !inferred.is_empty() => {
            format!(
                "{s} ({} not stated; inferred: {n})",
                join_and_str(&inferred)
            )
        }
        (None, Some(n)) if !inferred.is_empty() => {
            format!("{n} ({} inferred)", join_and_str(&inferred))
        }
        (Some(s), Some(n)) if s.eq_ignore_ascii_case(n) => s.clone(),
        (Some(s), Some(n)) => format!("{s} ({n})"),
        (None, Some(n)) => n.clone(),
        (Some(s), None) => format!("{s} (exact date unknown)"),
        (None, None) => "date unknown".to_string(),
    };
    DateView {
        text,
        stated,
        edtf: d.value.as_ref().map(|_| edtf_string(d)),
        normalised,
        exact,
        inferred,
        basis: opt(&d.basis),
        precision: d.value.as_ref().map_or("unknown", Edtf::precision),
    }
}

fn edtf_string(d: &DateSpec) -> String {
    use crate::date::{Bound, Point};
    fn point(p: &Point) -> String {
        let mut s = format!("{:04}", p.year);
        if let Some(m) = p.month {
            s.push_str(&format!("-{m:02}"));
        }
        if let Some(day) = p.day {
            s.push_str(&format!("-{day:02}"));
        }
        s.push_str(match (p.uncertain, p.approximate) {
            (true, true) => "%",
            (true, false) => "?",
            (false, true) => "~",
            _ => "",
        });
        s
    }
    let bound = |b: &Bound| match b {
        Bound::Point(p) => point(p),
        Bound::Open => "..".to_string(),
        Bound::Unknown => String::new(),
    };
    match d.value.as_ref() {
        Some(Edtf::Point(p)) => point(p),
        Some(Edtf::Interval(a, b)) => format!("{}/{}", bound(a), bound(b)),
        None => String::new(),
    }
}

pub(crate) fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

pub(crate) fn figure_display(f: &format::Figure) -> String {
    let (q, _) = qualifier_text(f.qualifier);
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

pub(crate) fn qualifier_text(q: Qualifier) -> (&'static str, &'static str) {
    match q {
        Qualifier::Unqualified => ("", "as stated"),
        Qualifier::Exactly => ("exactly", "exact"),
        Qualifier::About => ("about", "around"),
        Qualifier::Nearly => ("nearly", "below"),
        Qualifier::Over => ("over", "above"),
        Qualifier::Under => ("under", "below"),
        Qualifier::AtLeast => ("at least", "at least"),
        Qualifier::AtMost => ("at most", "at most"),
    }
}

fn join_and_str(items: &[&str]) -> String {
    let owned: Vec<String> = items.iter().map(|s| s.to_string()).collect();
    join_and(&owned)
}

pub(crate) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn status_text(s: EventStatus) -> &'static str {
    match s {
        EventStatus::Held => "held",
        EventStatus::Scheduled => "scheduled",
        EventStatus::Proposed => "proposed",
        EventStatus::Postponed => "postponed",
        EventStatus::Cancelled => "cancelled",
    }
}

fn event_kind_text(k: format::EventKind) -> &'static str {
    use format::EventKind::*;
    match k {
        PhoneCall => "phone call",
        Meeting => "meeting",
        Talks => "talks",
        Summit => "summit",
        Visit => "visit",
        Speech => "speech",
        Annexation => "annexation",
        MilitaryAction => "military action",
        Agreement => "agreement",
        Other => "other",
    }
}

fn statement_kind_text(k: StatementKind) -> &'static str {
    match k {
        StatementKind::Quote => "quote",
        StatementKind::Position => "position",
        StatementKind::Claim => "claim",
        StatementKind::Conditions => "conditions",
        StatementKind::Characterisation => "characterisation",
        StatementKind::Belief => "belief",
        StatementKind::Confirmation => "confirmation",
    }
}

fn statement_kind_label(k: StatementKind) -> &'static str {
    match k {
        StatementKind::Quote => "Quote",
        StatementKind::Position => "Position",
        StatementKind::Claim => "Claim (not verified by the source)",
        StatementKind::Conditions => "Conditions",
        StatementKind::Characterisation => "Characterisation",
        StatementKind::Belief => "Belief about others",
        StatementKind::Confirmation => "Confirmation",
    }
}

fn source_kind_text(k: SourceKind) -> &'static str {
    match k {
        SourceKind::NewsArticle => "news article",
        SourceKind::AgencyReport => "agency report",
        SourceKind::OfficialStatement => "official statement",
        SourceKind::Transcript => "transcript",
        SourceKind::Interview => "interview",
        SourceKind::SocialMedia => "social media post",
        SourceKind::Dataset => "dataset",
        SourceKind::Report => "report",
        SourceKind::Other => "other",
    }
}

fn likelihood_text(l: Likelihood) -> &'static str {
    match l {
        Likelihood::AlmostNoChance => "almost no chance (1–5%)",
        Likelihood::VeryUnlikely => "very unlikely (5–20%)",
        Likelihood::Unlikely => "unlikely (20–45%)",
        Likelihood::RoughlyEven => "roughly even chance (45–55%)",
        Likelihood::Likely => "likely (55–80%)",
        Likelihood::VeryLikely => "very likely (80–95%)",
        Likelihood::AlmostCertain => "almost certain (95–99%)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule of `chrono_sort`, spelt out pass by pass (quadratic).
    fn reference_sort(items: &[Item]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..items.len())
            .filter(|&i| items[i].date.is_some())
            .collect();
        order.sort_by_key(|&i| {
            let d = items[i].date.expect("dated");
            (d.earliest(), d.latest().unwrap_or((i32::MAX, 12, 31)), i)
        });
        let by_id: HashMap<&str, usize> =
            items.iter().enumerate().map(|(i, it)| (it.id, i)).collect();
        let mut pending: Vec<usize> = (0..items.len())
            .filter(|&i| items[i].date.is_none())
            .collect();
        let mut tail = Vec::new();
        loop {
            let mut progress = false;
            let mut still = Vec::new();
            for i in pending {
                let preds: Vec<usize> = items[i]
                    .follows
                    .iter()
                    .filter_map(|f| by_id.get(f).copied())
                    .collect();
                if preds.is_empty() {
                    tail.push(i);
                    continue;
                }
                let positions: Option<Vec<usize>> = preds
                    .iter()
                    .map(|p| order.iter().position(|x| x == p))
                    .collect();
                match positions {
                    Some(ps) => {
                        let at = ps.into_iter().max().map_or(order.len(), |p| p + 1);
                        order.insert(at, i);
                        progress = true;
                    }
                    None => still.push(i),
                }
            }
            pending = still;
            if pending.is_empty() || !progress {
                tail.extend(pending);
                break;
            }
        }
        order.extend(tail);
        order
    }

    #[test]
    fn chrono_sort_follows_the_rule_on_random_chronologies() {
        let dates: Vec<Edtf> = [
            "2025-02-12",
            "2025-02",
            "2024",
            "2025-02-12/2025-02-20",
            "2025-03~",
        ]
        .iter()
        .map(|d| Edtf::parse(d).expect("a valid date"))
        .collect();
        let ids: Vec<String> = (0..40).map(|i| format!("e{i}")).collect();
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for round in 0..400 {
            let n = 1 + round % 30;
            let items: Vec<Item> = (0..n)
                .map(|i| {
                    let dated = next(3) == 0;
                    let follows = (0..next(4))
                        // Sometimes an id that names nothing.
                        .map(|_| ids[next(n + 2)].as_str())
                        .filter(|f| *f != ids[i])
                        .collect();
                    Item {
                        id: &ids[i],
                        date: dated.then(|| &dates[next(dates.len())]),
                        follows,
                    }
                })
                .collect();
            assert_eq!(chrono_sort(&items), reference_sort(&items), "round {round}");
        }
    }

    #[test]
    fn a_long_chain_of_undated_items_written_backwards_keeps_its_order() {
        // Each item follows the next one written: one pass per item in the
        // old, quadratic way.
        let n = 3000;
        let ids: Vec<String> = (0..n).map(|i| format!("e{i}")).collect();
        let first = Edtf::parse("2025").expect("a valid date");
        let items: Vec<Item> = (0..n)
            .map(|i| Item {
                id: &ids[i],
                date: (i == n - 1).then_some(&first),
                follows: if i + 1 < n {
                    vec![ids[i + 1].as_str()]
                } else {
                    vec![]
                },
            })
            .collect();
        let order = chrono_sort(&items);
        let expected: Vec<usize> = (0..n).rev().collect();
        assert_eq!(order, expected);
    }
}
