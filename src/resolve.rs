//! Stage 3, resolve: checked [`Model`] → [`View`], the data templates see.
//!
//! Everything a template needs is worked out here, once. Each section
//! resolves its own items into their views (in [`crate::format`]): references
//! become names and roles, sources get numbers, figures and dates get their
//! reader-facing wording. What spans sections is done here: the chronology
//! is merged from all dated items and sorted, the latest developments are
//! picked from it, meetings are split by status, statements are grouped by
//! issue, and relations between actors are gathered. Templates only lay
//! this out.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::date::Edtf;
use crate::format::{
    self, Actor, ActorView, AnyItem, BriefView, Cite, DateView, EventStatus, EventView, FigureView,
    GapView, Handle, IssueView, JudgmentView, KeyPointView, Names, SourceView, SpeakerView,
    StatementKind, StatementView, date_view, figure_display, join_and, opt,
};
use crate::format::{Actors, Events, Issue, Issues, Places, Ref, Sources, Statement, Statements};
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

/// One line of the chronology.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChronoView {
    /// Id of the event or statement.
    pub id: String,
    /// `event` or `statement`.
    #[schemars(with = "String")]
    pub source_kind: ChronoKind,
    /// When.
    pub date: Option<DateView>,
    /// What happened, in one line.
    pub text: String,
    /// For events: `held`, `scheduled`... or null.
    #[schemars(with = "Option<String>")]
    pub status: Option<EventStatus>,
    /// Ids of the items this one comes after: the events an event
    /// follows, or the event a statement was made at.
    pub after: Vec<String>,
    /// The number of the key point that presents this item, if one does:
    /// the line then refers to it rather than repeating its fact.
    pub key_point: Option<usize>,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// What a line of the chronology was drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChronoKind {
    /// An event.
    Event,
    /// A dated statement.
    Statement,
}

impl ChronoKind {
    /// The kind as templates see it: `event` or `statement`.
    pub fn text(self) -> &'static str {
        match self {
            ChronoKind::Event => "event",
            ChronoKind::Statement => "statement",
        }
    }
}

impl Serialize for ChronoKind {
    /// Templates see the kind in words, as [`ChronoKind::text`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text())
    }
}

/// Meetings split by status.
#[derive(Debug, Serialize, JsonSchema)]
pub struct MeetingsView {
    /// Held meetings, in chronological order.
    pub held: Vec<EventView>,
    /// Meetings under way as the source reports them.
    pub under_way: Vec<EventView>,
    /// Scheduled or proposed meetings.
    pub upcoming: Vec<EventView>,
    /// Postponed or cancelled meetings.
    pub called_off: Vec<EventView>,
}

/// The statements on one issue.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PositionGroup {
    /// The issue, or null for statements on no declared issue.
    pub issue: Option<IssueView>,
    /// The statements, in the order written.
    pub statements: Vec<StatementView>,
}

/// Figures by kind.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FiguresView {
    /// Figures of territorial control (no `measure` given).
    pub territory: Vec<FigureView>,
    /// Figures of any other measure (votes, casualties, distances...).
    pub other: Vec<FigureView>,
}

/// What links two actors in a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationKind {
    /// One statement aligns with another's position.
    Aligns,
    /// An actor rejects a statement.
    Rejects,
    /// Actors met, or are to meet.
    Meets,
}

impl RelationKind {
    /// The kind as templates see it: `aligns`, `rejects` or `meets`.
    pub fn text(self) -> &'static str {
        match self {
            RelationKind::Aligns => "aligns",
            RelationKind::Rejects => "rejects",
            RelationKind::Meets => "meets",
        }
    }
}

impl Serialize for RelationKind {
    /// Templates see the kind in words, as [`RelationKind::text`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text())
    }
}

/// One relation between actors: an alignment, a rejection or a meeting.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RelationView {
    /// A stable id: `STATEMENT-aligns-OTHER`, `STATEMENT-rejected-by-ACTOR`
    /// or the event's id.
    pub id: String,
    /// `aligns`, `rejects` or `meets`.
    #[schemars(with = "String")]
    pub kind: RelationKind,
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
    #[schemars(with = "Option<String>")]
    pub status: Option<EventStatus>,
    /// For meetings: when.
    pub date: Option<DateView>,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// Builds the view of a checked brief.
pub fn resolve(model: &Model) -> View {
    Resolver::new(model).view()
}

/// Every event, statement and figure of a brief, resolved, in the order
/// written: what `brief diff` compares, besides the [`View`].
pub(crate) struct Parts {
    pub(crate) events: Vec<EventView>,
    pub(crate) statements: Vec<StatementView>,
    pub(crate) figures: Vec<FigureView>,
}

pub(crate) fn parts(model: &Model) -> Parts {
    let r = Resolver::new(model);
    Parts {
        events: r.b.events.iter().map(|e| e.view(&r.l)).collect(),
        statements: r.b.statements.iter().map(|s| s.view(&r.l)).collect(),
        figures: r.b.figures.iter().map(|f| f.view(&r.l)).collect(),
    }
}

/// The items of a checked brief that its references name: what sections
/// resolve their references with. Each reference already holds the place
/// of its item, so nothing is looked up by id; a reference that does not
/// (which validation lets into no model) shows its id.
pub(crate) struct Lookup<'a> {
    b: &'a format::Brief,
}

impl<'a> Lookup<'a> {
    /// The lookup of a checked model.
    pub(crate) fn new(model: &'a Model) -> Self {
        Lookup { b: model.brief() }
    }

    fn actor(&self, r: &Ref<Actors>) -> Option<&'a Actor> {
        r.index().and_then(|i| self.b.actors.get(i))
    }

    fn issue(&self, r: &Ref<Issues>) -> Option<&'a Issue> {
        r.index().and_then(|i| self.b.issues.get(i))
    }

    fn statement_of(&self, r: &Ref<Statements>) -> Option<&'a Statement> {
        r.index().and_then(|i| self.b.statements.get(i))
    }
}

impl Names for Lookup<'_> {
    fn actor_name(&self, r: &Ref<Actors>) -> String {
        self.actor(r)
            .map_or_else(|| r.value.clone(), |a| a.name.clone())
    }

    fn place_name(&self, r: &Ref<Places>) -> String {
        r.index()
            .and_then(|i| self.b.places.get(i))
            .map_or_else(|| r.value.clone(), |p| p.name.clone())
    }

    fn event_title(&self, r: &Ref<Events>) -> String {
        r.index()
            .and_then(|i| self.b.events.get(i))
            .map_or_else(|| r.value.clone(), |e| e.title.clone())
    }

    fn issue_name(&self, r: &Ref<Issues>) -> String {
        self.issue(r)
            .map_or_else(|| r.value.clone(), |i| i.name.clone())
    }

    fn source(&self, r: &Ref<Sources>) -> Cite {
        let found = r.index().and_then(|i| Some((i, self.b.sources.get(i)?)));
        Cite {
            n: found.map_or(0, |(i, _)| i + 1),
            id: r.value.clone(),
            name: found.map_or_else(|| r.value.clone(), |(_, s)| s.name.clone()),
        }
    }

    fn statement(&self, r: &Ref<Statements>) -> (Option<String>, String) {
        match self.statement_of(r) {
            Some(s) => (
                s.by.as_ref().map(|b| self.actor_name(b)),
                s.text.trim().to_string(),
            ),
            None => (None, r.value.clone()),
        }
    }

    fn label_of(&self, r: &Ref<AnyItem>) -> String {
        let b = self.b;
        let label = match r.handle() {
            Some(Handle::Source(i)) => b.sources.get(i).map(|x| x.name.clone()),
            Some(Handle::Actor(i)) => b.actors.get(i).map(|x| x.name.clone()),
            Some(Handle::Place(i)) => b.places.get(i).map(|x| x.name.clone()),
            Some(Handle::Issue(i)) => b.issues.get(i).map(|x| x.name.clone()),
            Some(Handle::Event(i)) => b.events.get(i).map(|x| x.title.clone()),
            Some(Handle::Statement(i)) => b.statements.get(i).map(|x| x.text.trim().to_string()),
            Some(Handle::Figure(i)) => b
                .figures
                .get(i)
                .map(|f| f.stated.clone().unwrap_or_else(|| figure_display(f))),
            None => None,
        };
        label.unwrap_or_else(|| r.value.clone())
    }

    fn speaker(&self, by: &Option<Ref<Actors>>) -> Option<SpeakerView> {
        by.as_ref().map(|by| match self.actor(by) {
            Some(a) => SpeakerView {
                name: a.name.trim().to_string(),
                role: a
                    .roles
                    .first()
                    .map(|r| match &r.of {
                        Some(of) => format!("{}, {}", r.title.trim(), self.actor_name(of)),
                        None => r.title.trim().to_string(),
                    })
                    .unwrap_or_default(),
            },
            None => SpeakerView {
                name: by.value.clone(),
                role: String::new(),
            },
        })
    }
}

struct Resolver<'a> {
    b: &'a format::Brief,
    l: Lookup<'a>,
    /// The number, from 1, of the key point that presents an item, by the
    /// item's id: that item's own section refers back to it instead of
    /// repeating its fact.
    key_points: HashMap<String, usize>,
}

impl<'a> Resolver<'a> {
    fn new(model: &'a Model) -> Self {
        let b = model.brief();
        let mut key_points = HashMap::new();
        for (i, k) in b.key_points.iter().enumerate() {
            if let Some(item) = &k.item {
                // The first key point to name an item presents it.
                key_points.entry(item.value.clone()).or_insert(i + 1);
            }
        }
        Resolver {
            b,
            l: Lookup::new(model),
            key_points,
        }
    }

    fn view(&self) -> View {
        // Spelled out in full so that a new section is a compile error
        // here until the view shows it.
        let format::Brief {
            id: _,
            format: _,
            title: _,
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
            places: _,
            issues: _,
            events: _,
            statements,
            figures,
            judgments,
            gaps,
        } = self.b;
        let l = &self.l;
        // Each statement is resolved once; sections take copies.
        let statement_views: Vec<StatementView> = statements
            .iter()
            .map(|s| {
                let mut v = s.view(l);
                v.key_point = self.key_point_of(&v.id);
                v
            })
            .collect();
        let figure_views: Vec<FigureView> = figures
            .iter()
            .map(|f| {
                let mut v = f.view(l);
                v.key_point = self.key_point_of(&v.id);
                v
            })
            .collect();
        let chronology = self.chronology(&statement_views);
        let latest = latest(&chronology);
        View {
            brief: self.b.details_view(),
            key_points: self.key_point_views(&statement_views, &figure_views),
            actors: actors.iter().map(|a| a.view(l)).collect(),
            chronology,
            latest,
            meetings: self.meetings(),
            conditions: statements
                .iter()
                .zip(&statement_views)
                .filter(|(s, _)| s.kind == StatementKind::Conditions)
                .map(|(_, v)| v.clone())
                .collect(),
            positions: self.positions(statement_views),
            figures: {
                let (territory, other) = figure_views.into_iter().partition(|f| f.territorial);
                FiguresView { territory, other }
            },
            judgments: judgments.iter().map(|j| j.view(l)).collect(),
            gaps: gaps.iter().map(|g| g.view(l)).collect(),
            sources: sources
                .iter()
                .enumerate()
                .map(|(i, s)| s.view(i + 1))
                .collect(),
            relations: self.relations(),
        }
    }

    fn relations(&self) -> Vec<RelationView> {
        let b = self.b;
        let speaker = |s: &format::Statement| {
            s.by.as_ref().map_or_else(
                || "Unattributed".to_string(),
                |by| self.l.actor_name(by).trim().to_string(),
            )
        };
        let issue = |s: &format::Statement| {
            s.issue
                .as_ref()
                .map(|i| self.l.issue_name(i).trim().to_string())
        };
        let mut out = Vec::new();
        for s in b.statements.iter() {
            for a in &s.aligns_with {
                let Some(other) = self.l.statement_of(&a.statement) else {
                    continue;
                };
                out.push(RelationView {
                    id: format!("{}-aligns-{}", s.id.value, other.id.value),
                    kind: RelationKind::Aligns,
                    from: speaker(s),
                    to: speaker(other),
                    label: "aligns with".to_string(),
                    position: s.text.trim().to_string(),
                    with_position: Some(other.text.trim().to_string()),
                    framing: opt(&a.framing),
                    issue: issue(s),
                    status: None,
                    date: None,
                    cites: self.l.cites(&s.sources),
                });
            }
            for r in &s.rejected_by {
                let strength = opt(&r.strength);
                out.push(RelationView {
                    id: format!("{}-rejected-by-{}", s.id.value, r.actor.value),
                    kind: RelationKind::Rejects,
                    from: self.l.actor_name(&r.actor).trim().to_string(),
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
                        self.l.cites(&s.sources)
                    } else {
                        self.l.cites(&r.sources)
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
                .map(|p| self.l.actor_name(p).trim().to_string())
                .collect();
            let kind = e.kind.text();
            out.push(RelationView {
                id: e.id.value.clone(),
                kind: RelationKind::Meets,
                from: names[0].clone(),
                to: join_and(&names[1..]),
                label: match e.status {
                    Some(st) => format!("{kind}, {}", st.text()),
                    None => kind.to_string(),
                },
                position: e.title.trim().to_string(),
                with_position: None,
                framing: None,
                issue: None,
                status: e.status,
                date: e.date.as_ref().map(date_view),
                cites: self.l.cites(&e.sources),
            });
        }
        out
    }

    /// The number of the key point that presents the item with this id.
    fn key_point_of(&self, id: &str) -> Option<usize> {
        self.key_points.get(id).copied()
    }

    fn event_view(&self, e: &format::Event) -> EventView {
        let mut v = e.view(&self.l);
        v.key_point = self.key_point_of(&v.id);
        v
    }

    /// The key points; one that names an item gets that item's fact in
    /// one sentence, drawn from the item's view so that it reads as the
    /// item's own section would put it.
    fn key_point_views(
        &self,
        statements: &[StatementView],
        figures: &[FigureView],
    ) -> Vec<KeyPointView> {
        let b = self.b;
        b.key_points
            .iter()
            .enumerate()
            .map(|(i, k)| {
                let mut v = k.view(i, &self.l);
                let handle = k.item.as_ref().and_then(|r| r.handle());
                let sentence = match handle {
                    Some(Handle::Event(j)) => {
                        b.events.get(j).map(|e| event_sentence(&self.event_view(e)))
                    }
                    Some(Handle::Statement(j)) => statements.get(j).map(statement_sentence),
                    Some(Handle::Figure(j)) => figures.get(j).map(figure_sentence),
                    _ => None,
                };
                let section = match handle {
                    Some(Handle::Event(j)) => match b.events.get(j) {
                        Some(e) if e.kind.is_meeting() => Some("Meetings"),
                        _ => Some("Chronology"),
                    },
                    Some(Handle::Statement(_)) => Some("Positions"),
                    Some(Handle::Figure(j)) => match figures.get(j) {
                        Some(f) if f.territorial => Some("Territorial control"),
                        _ => Some("Other figures"),
                    },
                    _ => None,
                };
                if let (Some(item), Some(section)) = (&mut v.item, section) {
                    if section == "Chronology" {
                        item.anchor = "chronology".to_string();
                    }
                    item.section = section.to_string();
                    item.section_anchor = section.to_lowercase().replace(' ', "-");
                }
                if let Some(sentence) = sentence {
                    v.display = sentence.clone();
                    v.text = sentence;
                }
                if let Some(item_cites) = k.item.as_ref().and_then(|r| self.item_cites(r.handle()?))
                {
                    v.cites.extend(item_cites);
                    v.cites.sort_by_key(|c| c.n);
                    v.cites.dedup_by_key(|c| c.n);
                }
                v
            })
            .collect()
    }

    /// The sources an event, statement or figure cites.
    fn item_cites(&self, h: Handle) -> Option<Vec<Cite>> {
        let b = self.b;
        let sources = match h {
            Handle::Event(j) => &b.events.get(j)?.sources,
            Handle::Statement(j) => &b.statements.get(j)?.sources,
            Handle::Figure(j) => &b.figures.get(j)?.sources,
            _ => return None,
        };
        Some(self.l.cites(sources))
    }

    fn meetings(&self) -> MeetingsView {
        let mut held = Vec::new();
        let mut under_way = Vec::new();
        let mut upcoming = Vec::new();
        let mut called_off = Vec::new();
        for i in self.chrono_order_of_events() {
            let e = &self.b.events[i];
            if !e.kind.is_meeting() {
                continue;
            }
            let list = match e.status {
                Some(EventStatus::Held) | None => &mut held,
                Some(EventStatus::UnderWay) => &mut under_way,
                Some(EventStatus::Scheduled | EventStatus::Proposed) => &mut upcoming,
                Some(EventStatus::Postponed | EventStatus::Cancelled) => &mut called_off,
            };
            list.push(self.event_view(e));
        }
        MeetingsView {
            held,
            under_way,
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
                        source_kind: ChronoKind::Event,
                        date: e.date.as_ref().map(date_view),
                        text: e.title.trim().to_string(),
                        status: e.status,
                        after: e.follows.iter().map(|f| f.value.clone()).collect(),
                        key_point: self.key_point_of(&e.id.value),
                        cites: self.l.cites(&e.sources),
                    }
                } else {
                    let v = &views[dated[i - n_events]];
                    ChronoView {
                        id: v.id.clone(),
                        source_kind: ChronoKind::Statement,
                        date: v.date.clone(),
                        // A statement a key point presents is named here,
                        // not repeated: the line refers to the key point.
                        text: match v.key_point {
                            Some(_) => v.attribution.clone(),
                            None => format!("{}: {}", v.attribution, v.text),
                        },
                        status: None,
                        after: b.statements[dated[i - n_events]]
                            .at
                            .iter()
                            .map(|a| a.value.clone())
                            .collect(),
                        key_point: v.key_point,
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
                issue: Some(i.view()),
                statements: Vec::new(),
            })
            .collect();
        let mut other = Vec::new();
        for (s, v) in self.b.statements.iter().zip(views) {
            let group = s.issue.as_ref().and_then(|i| groups.get_mut(i.index()?));
            match group {
                Some(g) => g.statements.push(v),
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
}

/// An event's fact in one sentence: its title, status, attribution and
/// date.
fn event_sentence(e: &EventView) -> String {
    let mut out = e.title.clone();
    if let Some(status) = e.status {
        out.push_str(&format!(", {}", status.text()));
    }
    if let Some(a) = &e.according_to {
        out.push_str(&format!(", {}", a.text));
    }
    if let Some(d) = &e.date {
        out.push_str(&format!(", {}", d.text));
    }
    out
}

/// A statement's fact in one sentence: who, with the verb, and the words
/// (verbatim when quoted).
fn statement_sentence(s: &StatementView) -> String {
    let words = match &s.quote {
        Some(q) => format!("“{q}”"),
        None => s.text.clone(),
    };
    if s.is_claim {
        format!(
            "{}, in a claim not verified by the source: {words}",
            s.attribution
        )
    } else {
        format!("{}: {words}", s.attribution)
    }
}

/// A figure's fact in one sentence: what is measured, the figure with its
/// qualifier, where and as of when.
fn figure_sentence(f: &FigureView) -> String {
    let mut out = format!("{}: {}", format::capitalize(&f.measure), f.display);
    if !f.applies_to_text.is_empty() {
        out.push_str(&format!(", {}", f.applies_to_text));
    }
    if let Some(c) = &f.controller {
        out.push_str(&format!(", held by {c}"));
    }
    if !f.areas_text.is_empty() {
        out.push_str(&format!(", {}", f.areas_text));
    }
    if let Some(d) = &f.as_of {
        out.push_str(&format!(", as of {}", d.text));
    }
    out
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
        .filter(|c| c.date.is_some() && c.status.is_none_or(EventStatus::happened))
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
