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

use crate::i18n::{self, Lang, Words};
use schemars::JsonSchema;
use serde::Serialize;

use crate::date::Edtf;
use crate::format::{
    self, Actor, ActorKind, ActorView, AgreementView, AnyItem, BriefView, Cite, DateNoteView,
    DateRelation, DateSpec, DateView, EventKind, EventStatus, EventView, FigureKind, FigureLink,
    FigureView, GapView, Handle, IssueView, JudgmentView, KeyPointView, Names, SourceView,
    SpeakerView, StatementKind, StatementView, date_view, figure_display, join_and, opt, short_ref,
};
use crate::format::{
    Actors, Events, Evidence, EvidenceView, Figures, Issue, Issues, Places, Ref, Sources,
    Statement, Statements,
};
use crate::ground::{Grounding, PassageKind};
use crate::pos::Pos;
use crate::validate::Model;

/// The whole briefing, ready for a template.
#[derive(Debug, Serialize, JsonSchema)]
pub struct View {
    /// The language the briefing is written in (`--lang`): the `lang` of
    /// an HTML page, and the language `t()` takes its messages in.
    pub lang: Lang,
    /// The language of the brief's own text (its `lang`) when it is not
    /// the briefing's, for a `lang` attribute on the author's text; `null`
    /// when they are the same.
    pub text_lang: Option<String>,
    /// Title, dateline, dates and prose.
    pub brief: BriefView,
    /// Bottom line up front.
    pub key_points: Vec<KeyPointView>,
    /// Everyone in the story, in the order written.
    pub actors: Vec<ActorView>,
    /// Dated items, earliest first, with the undated items the source
    /// places: right after (or before, or next to) the item their date or
    /// `follows` names, and `recent` ones after the last dated item before
    /// publication. Nothing else undated is placed in this sequence.
    pub chronology: Vec<ChronoView>,
    /// Items with no date and nothing placing them, in the order written:
    /// shown apart, never in the dated sequence.
    pub undated: Vec<ChronoView>,
    /// The full explanation of each distinct inferred date shown in the
    /// briefing (its wording and basis), once per date: the brief's own
    /// dates, then those of the chronology in order, then the others.
    pub date_notes: Vec<DateNoteView>,
    /// The latest developments: up to three chronology items with a date
    /// value that happened (statements, and events held or with no
    /// status), most recent first.
    pub latest: Vec<ChronoView>,
    /// Developments with no date value (placed by a relation, recent, or
    /// undated) that happened, in the order of the chronology then the
    /// undated list: the flash note lists them apart, never under a date.
    pub latest_undated: Vec<ChronoView>,
    /// Meetings, split by status.
    pub meetings: MeetingsView,
    /// Events of kind `vote`, in chronological order.
    pub votes: Vec<EventView>,
    /// Agreements and proposals, in the order written.
    pub agreements: Vec<AgreementView>,
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
    /// Who aligns with or rejects whose statement, in the order the
    /// statements are written. Meetings are not repeated here: their
    /// home is `meetings`.
    pub relations: Vec<RelationView>,
}

/// One line of the chronology.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChronoView {
    /// Id of the event or statement.
    pub id: String,
    /// `event`, `statement`, `agreement` or `deadline` (an agreement's
    /// target date).
    #[schemars(with = "String")]
    pub source_kind: ChronoKind,
    /// When.
    pub date: Option<DateView>,
    /// What happened, in one line. For a statement, a short reference to
    /// it (`Donald Trump stated a position on NATO membership`); its text
    /// is in Positions, at `anchor`.
    pub text: String,
    /// The line in full where there is no Positions section to link to
    /// (the flash note): a statement's speaker and text; an event's title.
    pub full: String,
    /// The id of the item's entry in its home section, for a link in
    /// HTML: `statement-ID` in Positions, `event-ID` in Meetings or Votes,
    /// `agreement-ID`; null for an event whose home is the chronology.
    pub anchor: Option<String>,
    /// The heading of that home section, as a Markdown link target:
    /// `positions`, `meetings`, `votes` or `agreements-and-proposals`.
    pub home: Option<String>,
    /// For events: `held`, `scheduled`... in the briefing's language, or
    /// null.
    #[schemars(with = "Option<String>")]
    pub status: Option<EventStatus>,
    /// For events: the status as a code the same in every language
    /// (`held`, `under-way`...), for a CSS class; or null.
    pub status_code: Option<&'static str>,
    /// For events: whom the event is according to, as the briefing says
    /// it (`according to unnamed diplomatic sources`), or null.
    pub according_to: Option<String>,
    /// For an item with no date value placed by a stated relation, that
    /// relation in words: `after: Talks in Riyadh`, `before: …`,
    /// `around: …`, or `recently`; null otherwise.
    pub relation: Option<String>,
    /// Ids of the items this one comes after: the events an event
    /// follows, or the event a statement was made at.
    pub after: Vec<String>,
    /// The number of the key point that presents this item, if one does:
    /// the line then refers to it rather than repeating its fact.
    pub key_point: Option<usize>,
    /// Sources.
    pub cites: Vec<Cite>,
    /// The source passages of an event that has no section of its own
    /// (not a meeting or a vote), which the chronology is the only place
    /// to show; empty for the others, whose sections show theirs.
    pub evidence: Vec<EvidenceView>,
}

/// What a line of the chronology was drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChronoKind {
    /// An event.
    Event,
    /// A dated statement.
    Statement,
    /// An agreement or proposal, on the date it was agreed or proposed.
    Agreement,
    /// The deadline or hoped-for date of an agreement or proposal.
    Deadline,
}

impl ChronoKind {
    /// The kind as templates see it: `event` or `statement`.
    pub fn text(self) -> &'static str {
        match self {
            ChronoKind::Event => "event",
            ChronoKind::Statement => "statement",
            ChronoKind::Agreement => "agreement",
            ChronoKind::Deadline => "deadline",
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
    /// Scheduled meetings: the only ones that are "next".
    pub upcoming: Vec<EventView>,
    /// Proposed meetings, not agreed.
    pub proposed: Vec<EventView>,
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
    /// Figures of territorial control, in the order written.
    pub territory: Vec<FigureView>,
    /// Figures of every other kind (counts, money, votes, shares...), in
    /// the order written.
    pub other: Vec<FigureView>,
    /// The figures of `other`, grouped by kind (counts, money, votes,
    /// shares, other), each group with the columns it needs.
    pub groups: Vec<FigureGroupView>,
}

/// The figures of one kind other than territory, and which of their
/// columns have something to show.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FigureGroupView {
    /// `count`, `money`, `votes`, `share` or `other`.
    #[schemars(with = "String")]
    pub kind: FigureKind,
    /// The group's heading: `Counts`, `Money`, `Votes`, `Shares`, `Other figures`.
    pub heading: String,
    /// The figures, in the order written.
    pub figures: Vec<FigureView>,
    /// Whether any figure names areas.
    pub has_areas: bool,
    /// Whether any figure names parties.
    pub has_parties: bool,
    /// Whether any figure has a wording different from its display.
    pub has_stated: bool,
    /// Whether any figure has an as-of date.
    pub has_as_of: bool,
    /// Whether any figure is attributed, conflicts with or is compared
    /// with another.
    pub has_according_to: bool,
}

/// The figures other than territory, grouped by kind in the kinds'
/// order, each group with the columns it needs.
fn figure_groups(other: &[FigureView]) -> Vec<FigureGroupView> {
    let mut kinds: Vec<FigureKind> = other.iter().map(|f| f.kind).collect();
    kinds.sort();
    kinds.dedup();
    kinds
        .into_iter()
        .map(|kind| {
            let figures: Vec<FigureView> =
                other.iter().filter(|f| f.kind == kind).cloned().collect();
            FigureGroupView {
                kind,
                heading: i18n::words().get(kind.heading_key()),
                has_areas: figures.iter().any(|f| !f.areas.is_empty()),
                has_parties: figures.iter().any(|f| !f.parties.is_empty()),
                has_stated: figures
                    .iter()
                    .any(|f| f.stated.as_ref().is_some_and(|s| *s != f.display)),
                has_as_of: figures.iter().any(|f| f.as_of.is_some()),
                has_according_to: figures.iter().any(|f| {
                    f.according_to.is_some()
                        || !f.conflicts_with.is_empty()
                        || f.compared_with.is_some()
                }),
                figures,
            }
        })
        .collect()
}

/// What links two actors in a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationKind {
    /// One statement aligns with another's position.
    Aligns,
    /// An actor rejects a statement.
    Rejects,
}

impl RelationKind {
    /// The kind as templates see it: `aligns` or `rejects`.
    pub fn text(self) -> &'static str {
        match self {
            RelationKind::Aligns => "aligns",
            RelationKind::Rejects => "rejects",
        }
    }
}

impl Serialize for RelationKind {
    /// Templates see the kind in words, as [`RelationKind::text`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text())
    }
}

/// One relation between actors: an alignment or a rejection.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RelationView {
    /// A stable id: `STATEMENT-aligns-OTHER` or
    /// `STATEMENT-rejected-by-ACTOR` (the actors' ids joined by `-` when
    /// several reject it in the same words).
    pub id: String,
    /// `aligns` or `rejects`.
    #[schemars(with = "String")]
    pub kind: RelationKind,
    /// Who: the speakers who align, or the actors who reject the
    /// statement in the same words (`Ukraine and Ukraine's Western
    /// European allies`); `Not attributed` for a statement with no
    /// speaker.
    pub from: String,
    /// With or against whom: the other statement's speakers, or the
    /// speakers of the rejected statement.
    pub to: String,
    /// The relation in words: `aligns with`, `rejects, firmly`, or a
    /// rejection's own verb (`denies`).
    pub label: String,
    /// The anchor of the statement at stake (the aligning or the
    /// rejected one) in Positions, its home, for HTML.
    pub anchor: String,
    /// A short reference to that statement, to link to its home:
    /// `Russia, maintains, on the status of the land`.
    pub link: String,
    /// For an alignment, the anchor of the statement aligned with.
    pub with_anchor: Option<String>,
    /// For an alignment, a short reference to the statement aligned with.
    pub with_link: Option<String>,
    /// Whose framing an alignment is, as stated.
    pub framing: Option<String>,
    /// The issue's name, for statements on one.
    pub issue: Option<String>,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// Builds the view of a checked brief, its phrases in the current words
/// (English unless a caller set others: see [`resolve_in`]).
pub fn resolve(model: &Model) -> View {
    resolve_in(model, None, &i18n::words())
}

/// [`resolve`] with what grounding found in the sources' texts: each
/// evidence passage is shown as the text has it, marked found.
pub fn resolve_grounded(model: &Model, grounding: Option<&Grounding>) -> View {
    resolve_in(model, grounding, &i18n::words())
}

/// Builds the view of a checked brief, with what grounding found, and its
/// phrases (dates, figures, lists) in `words`.
pub fn resolve_in(model: &Model, grounding: Option<&Grounding>, words: &Words) -> View {
    i18n::in_words(words, || {
        let mut view = Resolver::new(model, grounding).view();
        view.lang = words.lang();
        let text = &view.brief.lang;
        let same = Lang::of_tag(text) == Some(words.lang());
        view.text_lang = (!same).then(|| text.clone());
        view
    })
}

/// Every event, statement and figure of a brief, resolved, in the order
/// written: what `brief diff` compares, besides the [`View`].
pub(crate) struct Parts {
    pub(crate) events: Vec<EventView>,
    pub(crate) agreements: Vec<AgreementView>,
    pub(crate) statements: Vec<StatementView>,
    pub(crate) figures: Vec<FigureView>,
}

pub(crate) fn parts(model: &Model) -> Parts {
    let r = Resolver::new(model, None);
    Parts {
        events: r.b.events.iter().map(|e| e.view(&r.l)).collect(),
        agreements: r.b.agreements.iter().map(|a| a.view(&r.l)).collect(),
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
    /// What grounding found, when the brief's sources have texts.
    grounding: Option<&'a Grounding>,
}

impl<'a> Lookup<'a> {
    /// The lookup of a checked model.
    pub(crate) fn new(model: &'a Model) -> Self {
        Lookup {
            b: model.brief(),
            grounding: None,
        }
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

/// A source's web address, when it is one a Text Fragment can point
/// into.
fn page_url(src: &format::Source) -> Option<&str> {
    src.url.as_ref().map(|u| u.value.trim()).filter(|u| {
        crate::url::check(u).is_ok() && (u.starts_with("http://") || u.starts_with("https://"))
    })
}

impl Names for Lookup<'_> {
    fn quote_link(&self, at: Pos) -> Option<String> {
        let g = self.grounding?;
        let p = g
            .passages
            .iter()
            .find(|p| p.kind == PassageKind::Quote && p.at == at)?;
        let src = self.b.sources.iter().find(|s| s.id.value == p.source)?;
        let url = page_url(src)?;
        // The words as the page has them: its own quote marks and dashes,
        // and any words an ellipsis of the quote left out.
        let words = g.text_of(&p.source)?.text.get(p.range.clone())?;
        Some(crate::url::text_fragment(url, None, words, None))
    }

    fn evidence(&self, evidence: &Evidence, cited: &[Ref<Sources>]) -> Vec<EvidenceView> {
        evidence
            .0
            .iter()
            .map(|s| {
                let found = self.grounding.and_then(|g| {
                    let p = g
                        .passages
                        .iter()
                        .find(|p| p.kind == PassageKind::Evidence && p.at == s.exact.pos)?;
                    let t = g.text_of(&p.source)?;
                    Some((p, t.text.get(p.range.clone())?))
                });
                // The passage's own source, else the one its words were
                // found in, else the item's only source.
                let index = match (&s.source, found) {
                    (Some(r), _) => r.index(),
                    (None, Some((p, _))) => {
                        self.b.sources.iter().position(|x| x.id.value == p.source)
                    }
                    (None, None) if cited.len() == 1 => cited[0].index(),
                    (None, None) => None,
                };
                let source = index.and_then(|i| Some((i, self.b.sources.get(i)?)));
                let words = found.map_or(s.exact.value.as_str(), |(_, w)| w);
                let exact = words.split_whitespace().collect::<Vec<_>>().join(" ");
                let link = source.and_then(|(_, src)| page_url(src)).map(|u| {
                    crate::url::text_fragment(u, s.prefix.as_deref(), &exact, s.suffix.as_deref())
                });
                EvidenceView {
                    source: source.map(|(i, src)| Cite {
                        n: i + 1,
                        id: src.id.value.clone(),
                        name: src.name.clone(),
                    }),
                    exact,
                    link,
                    found: found.is_some(),
                }
            })
            .collect()
    }

    fn actor_name(&self, r: &Ref<Actors>) -> String {
        self.actor(r)
            .map_or_else(|| r.value.clone(), |a| a.name.clone())
    }

    fn figure_link(&self, r: &Ref<Figures>) -> FigureLink {
        match r.index().and_then(|i| self.b.figures.get(i)) {
            Some(f) => f.link(self),
            None => FigureLink {
                id: r.value.clone(),
                display: r.value.clone(),
                according_to: String::new(),
            },
        }
    }

    fn place_name(&self, r: &Ref<Places>) -> String {
        r.index()
            .and_then(|i| self.b.places.get(i))
            .map_or_else(|| r.value.clone(), |p| p.name.clone())
    }

    fn event_label(&self, r: &Ref<Events>) -> String {
        r.index()
            .and_then(|i| self.b.events.get(i))
            .map_or_else(|| r.value.clone(), |e| e.reference(self))
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

    fn statement(&self, r: &Ref<Statements>) -> (Option<String>, String, String) {
        match self.statement_of(r) {
            Some(s) => {
                let names: Vec<String> =
                    s.by.0
                        .iter()
                        .map(|b| self.actor_name(b).trim().to_string())
                        .collect();
                let joined = join_and(&names);
                let issue = s
                    .issue
                    .as_ref()
                    .map(|i| self.issue_name(i).trim().to_string());
                let nobody = format::not_attributed();
                let link = short_ref(
                    if names.is_empty() { &nobody } else { &joined },
                    opt(&s.verb).as_deref(),
                    s.kind,
                    issue.as_deref(),
                );
                (
                    (!names.is_empty()).then_some(joined),
                    s.text.trim().to_string(),
                    link,
                )
            }
            None => (None, r.value.clone(), r.value.clone()),
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
            Some(Handle::Agreement(i)) => b.agreements.get(i).map(|x| x.title.clone()),
            Some(Handle::Statement(i)) => b.statements.get(i).map(|x| x.text.trim().to_string()),
            Some(Handle::Figure(i)) => b
                .figures
                .get(i)
                .map(|f| f.stated.clone().unwrap_or_else(|| figure_display(f))),
            None => None,
        };
        label.unwrap_or_else(|| r.value.clone())
    }

    fn speaker(&self, by: &Ref<Actors>) -> SpeakerView {
        match self.actor(by) {
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
                unnamed: a.unnamed,
                document: a.kind == ActorKind::Document,
            },
            None => SpeakerView {
                name: by.value.clone(),
                role: String::new(),
                unnamed: false,
                document: false,
            },
        }
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
    fn new(model: &'a Model, grounding: Option<&'a Grounding>) -> Self {
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
            l: Lookup { b, grounding },
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
            places: _,
            issues: _,
            events: _,
            agreements,
            statements,
            figures,
            judgments,
            gaps,
            verify: _,
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
        let (chronology, undated) = self.chronology(&statement_views);
        let latest = latest(&chronology);
        let latest_undated = chronology
            .iter()
            .chain(&undated)
            .filter(|c| !has_value(c) && c.status.is_none_or(EventStatus::happened))
            .cloned()
            .collect();
        let date_notes = self.date_notes(&chronology, &undated);
        View {
            lang: Lang::En,
            text_lang: None,
            brief: self.b.details_view(),
            key_points: self.key_point_views(&statement_views, &figure_views),
            actors: actors.iter().map(|a| a.view(l)).collect(),
            chronology,
            undated,
            date_notes,
            latest,
            latest_undated,
            meetings: self.meetings(),
            votes: self.votes(),
            agreements: agreements
                .iter()
                .map(|a| {
                    let mut v = a.view(l);
                    v.key_point = self.key_point_of(&v.id);
                    v
                })
                .collect(),
            conditions: statements
                .iter()
                .zip(&statement_views)
                .filter(|(s, _)| s.kind == StatementKind::Conditions)
                .map(|(_, v)| v.clone())
                .collect(),
            relations: self.relations(&statement_views),
            positions: self.positions(statement_views),
            figures: {
                let (territory, other): (Vec<FigureView>, Vec<FigureView>) =
                    figure_views.into_iter().partition(|f| f.territorial);
                let groups = figure_groups(&other);
                FiguresView {
                    territory,
                    other,
                    groups,
                }
            },
            judgments: judgments.iter().map(|j| j.view(l)).collect(),
            gaps: gaps.iter().map(|g| g.view(l)).collect(),
            sources: sources
                .iter()
                .enumerate()
                .map(|(i, s)| s.view(i + 1))
                .collect(),
        }
    }

    /// Who aligns with or rejects whose statement. Meetings are not
    /// relations here: they have their home in Meetings.
    fn relations(&self, views: &[StatementView]) -> Vec<RelationView> {
        let b = self.b;
        let mut out = Vec::new();
        for (s, v) in b.statements.iter().zip(views) {
            for a in &s.aligns_with {
                let Some(j) = a.statement.index() else {
                    continue;
                };
                let Some(other) = views.get(j) else {
                    continue;
                };
                out.push(RelationView {
                    id: format!("{}-aligns-{}", v.id, other.id),
                    kind: RelationKind::Aligns,
                    from: v.names.clone(),
                    to: other.names.clone(),
                    label: i18n::words().get("relation-aligns-with"),
                    anchor: v.anchor.clone(),
                    link: v.short.clone(),
                    with_anchor: Some(other.anchor.clone()),
                    with_link: Some(other.short.clone()),
                    framing: opt(&a.framing),
                    issue: v.issue.clone(),
                    cites: v.cites.clone(),
                });
            }
            // Actors rejecting a statement in the same words share one
            // relation, so the statement is linked once.
            let mut rejections: Vec<(
                String,
                Vec<&format::Rejection>,
                Vec<&format::RejectionView>,
            )> = Vec::new();
            for (r, rv) in s.rejected_by.iter().zip(&v.rejected_by) {
                match rejections
                    .iter_mut()
                    .find(|(label, _, _)| *label == rv.label)
                {
                    Some((_, rs, rvs)) => {
                        rs.push(r);
                        rvs.push(rv);
                    }
                    None => rejections.push((rv.label.clone(), vec![r], vec![rv])),
                }
            }
            for (label, rs, rvs) in rejections {
                let names: Vec<String> = rvs.iter().map(|rv| rv.name.trim().to_string()).collect();
                let ids: Vec<&str> = rs.iter().map(|r| r.actor.as_str()).collect();
                let mut cites: Vec<Cite> = rvs.iter().flat_map(|rv| rv.cites.clone()).collect();
                if cites.is_empty() {
                    cites = v.cites.clone();
                }
                cites.sort_by_key(|c| c.n);
                cites.dedup_by_key(|c| c.n);
                out.push(RelationView {
                    id: format!("{}-rejected-by-{}", v.id, ids.join("-")),
                    kind: RelationKind::Rejects,
                    from: join_and(&names),
                    to: v.names.clone(),
                    label,
                    anchor: v.anchor.clone(),
                    link: v.short.clone(),
                    with_anchor: None,
                    with_link: None,
                    framing: None,
                    issue: v.issue.clone(),
                    cites,
                });
            }
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
                    Some(Handle::Agreement(j)) => b
                        .agreements
                        .get(j)
                        .map(|a| agreement_sentence(&a.view(&self.l))),
                    _ => None,
                };
                // The section's title in the reader's language; its anchor
                // stays the same in every language, so links keep working.
                let section = match handle {
                    Some(Handle::Event(j)) => match b.events.get(j) {
                        Some(e) if e.kind.is_meeting() => Some(("meetings", "meetings")),
                        _ => Some(("chronology", "chronology")),
                    },
                    Some(Handle::Statement(_)) => Some(("positions", "positions")),
                    Some(Handle::Agreement(_)) => Some(("agreements", "agreements-and-proposals")),
                    Some(Handle::Figure(j)) => match figures.get(j) {
                        Some(f) if f.territorial => {
                            Some(("territorial-control", "territorial-control"))
                        }
                        _ => Some(("figures", "figures")),
                    },
                    _ => None,
                };
                if let (Some(item), Some((key, anchor))) = (&mut v.item, section) {
                    if key == "chronology" {
                        item.anchor = "chronology".to_string();
                    }
                    item.section = i18n::words().get(key);
                    item.section_anchor = anchor.to_string();
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
            Handle::Agreement(j) => &b.agreements.get(j)?.sources,
            _ => return None,
        };
        Some(self.l.cites(sources))
    }

    fn meetings(&self) -> MeetingsView {
        let mut held = Vec::new();
        let mut under_way = Vec::new();
        let mut upcoming = Vec::new();
        let mut proposed = Vec::new();
        let mut called_off = Vec::new();
        for i in self.chrono_order_of_events() {
            let e = &self.b.events[i];
            if !e.kind.is_meeting() {
                continue;
            }
            let list = match e.status {
                Some(EventStatus::Held) | None => &mut held,
                Some(EventStatus::UnderWay) => &mut under_way,
                Some(EventStatus::Scheduled) => &mut upcoming,
                Some(EventStatus::Proposed) => &mut proposed,
                Some(EventStatus::Postponed | EventStatus::Cancelled) => &mut called_off,
            };
            list.push(self.event_view(e));
        }
        MeetingsView {
            held,
            under_way,
            upcoming,
            proposed,
            called_off,
        }
    }

    fn votes(&self) -> Vec<EventView> {
        self.chrono_order_of_events()
            .into_iter()
            .map(|i| &self.b.events[i])
            .filter(|e| e.kind == EventKind::Vote || e.vote.is_some())
            .map(|e| e.view(&self.l))
            .collect()
    }

    /// The events as items to place in time, in the order written.
    fn event_items(&self) -> Vec<Item<'a>> {
        self.b
            .events
            .iter()
            .map(|e| Item {
                id: &e.id.value,
                date: e.date.as_ref().and_then(|d| d.value.as_ref()),
                follows: e
                    .follows
                    .iter()
                    .map(|f| f.value.as_str())
                    .chain(placed_after(e.date.as_ref()))
                    .collect(),
            })
            .collect()
    }

    fn chrono_order_of_events(&self) -> Vec<usize> {
        chrono_sort(&self.event_items())
    }

    /// The chronology and the undated items kept apart from it.
    fn chronology(&self, views: &[StatementView]) -> (Vec<ChronoView>, Vec<ChronoView>) {
        let b = self.b;
        // Events first, then dated statements, so that ties keep events
        // ahead of what was said at them.
        let mut items = self.event_items();
        let dated: Vec<usize> = (0..b.statements.len())
            .filter(|&i| b.statements[i].date.is_some())
            .collect();
        items.extend(dated.iter().map(|&i| &b.statements[i]).map(|s| {
            Item {
                id: &s.id.value,
                date: s.date.as_ref().and_then(|d| d.value.as_ref()),
                follows: s
                    .at
                    .iter()
                    .map(|a| a.value.as_str())
                    .chain(placed_after(s.date.as_ref()))
                    .collect(),
            }
        }));
        let n_events = b.events.len();
        let n_statements = dated.len();
        // Then each agreement on its date (after the event it came from),
        // and on its deadline.
        let agreed: Vec<usize> = (0..b.agreements.len())
            .filter(|&i| b.agreements[i].date.is_some())
            .collect();
        items.extend(agreed.iter().map(|&i| &b.agreements[i]).map(|a| {
            Item {
                id: &a.id.value,
                date: a.date.as_ref().and_then(|d| d.value.as_ref()),
                follows: a
                    .from
                    .iter()
                    .map(|f| f.value.as_str())
                    .chain(placed_after(a.date.as_ref()))
                    .collect(),
            }
        }));
        let targeted: Vec<usize> = (0..b.agreements.len())
            .filter(|&i| b.agreements[i].target.is_some())
            .collect();
        items.extend(targeted.iter().map(|&i| &b.agreements[i]).map(|a| Item {
            id: "",
            date: a.target.as_ref().and_then(|d| d.value.as_ref()),
            // A deadline with no date of its own is not placed after the
            // agreement: its wording ("by the end of the month") may put
            // it anywhere, so it is listed apart.
            follows: Vec::new(),
        }));
        let first_agreement = n_events + n_statements;
        let first_deadline = first_agreement + agreed.len();
        let agreement_row = |i: usize, kind: ChronoKind| {
            let a = &b.agreements[i];
            let v = a.view(&self.l);
            let (date, text) = match kind {
                ChronoKind::Deadline => (
                    v.target.clone(),
                    i18n::words().msg("deadline-of", &[("title", v.title.as_str().into())]),
                ),
                _ => (
                    v.date.clone(),
                    i18n::words().msg(
                        "key-point-labelled",
                        &[
                            ("label", v.summary.as_str().into()),
                            ("text", v.title.as_str().into()),
                        ],
                    ),
                ),
            };
            ChronoView {
                anchor: Some(format!("agreement-{}", v.id)),
                home: Some("agreements-and-proposals".to_owned()),
                id: v.id,
                source_kind: kind,
                date,
                full: text.clone(),
                text,
                status: None,
                status_code: None,
                according_to: None,
                relation: None,
                key_point: self.key_point_of(&a.id.value),
                after: match kind {
                    ChronoKind::Deadline => vec![a.id.value.clone()],
                    _ => a.from.iter().map(|f| f.value.clone()).collect(),
                },
                cites: v.cites,
                evidence: Vec::new(),
            }
        };
        let date_of = |i: usize| -> Option<&DateSpec> {
            if i >= first_deadline {
                b.agreements[targeted[i - first_deadline]].target.as_ref()
            } else if i >= first_agreement {
                b.agreements[agreed[i - first_agreement]].date.as_ref()
            } else if i < n_events {
                b.events[i].date.as_ref()
            } else {
                b.statements[dated[i - n_events]].date.as_ref()
            }
        };
        let (mut order, tail) = chrono_split(&items);
        let undated = self.place_relative(&items, &mut order, tail, &date_of);
        let view = |i: usize| -> ChronoView {
            let mut c = if i >= first_deadline {
                agreement_row(targeted[i - first_deadline], ChronoKind::Deadline)
            } else if i >= first_agreement {
                agreement_row(agreed[i - first_agreement], ChronoKind::Agreement)
            } else if i < n_events {
                let e = &b.events[i];
                // A meeting or a vote has its home in its own section: the
                // chronology names it briefly and links there.
                let home = if e.kind.is_meeting() {
                    Some("meetings")
                } else if e.kind == EventKind::Vote || e.vote.is_some() {
                    Some("votes")
                } else {
                    None
                };
                ChronoView {
                    id: e.id.value.clone(),
                    source_kind: ChronoKind::Event,
                    date: e.date.as_ref().map(date_view),
                    // A vote keeps its title, which says how it went; two
                    // votes of one body would otherwise read alike.
                    text: e.chronology_name(&self.l),
                    full: e.title.trim().to_string(),
                    anchor: home.map(|_| format!("event-{}", e.id.value)),
                    home: home.map(str::to_owned),
                    status: e.status,
                    status_code: e.status.map(EventStatus::code),
                    according_to: e.according_to.as_ref().map(|a| a.view(&self.l).text),
                    relation: None,
                    after: e.follows.iter().map(|f| f.value.clone()).collect(),
                    key_point: self.key_point_of(&e.id.value),
                    cites: self.l.cites(&e.sources),
                    evidence: match home {
                        None => self.l.evidence(&e.evidence, &e.sources),
                        Some(_) => Vec::new(),
                    },
                }
            } else {
                let k = dated[i - n_events];
                let v = &views[k];
                ChronoView {
                    id: v.id.clone(),
                    source_kind: ChronoKind::Statement,
                    date: v.date.clone(),
                    text: statement_reference(&b.statements[k], v),
                    // A statement a key point presents is named, not
                    // repeated: the line refers to the key point.
                    full: match v.key_point {
                        Some(_) => v.attribution.clone(),
                        None => format!("{}: {}", v.attribution, v.text),
                    },
                    anchor: Some(v.anchor.clone()),
                    home: Some("positions".to_owned()),
                    status: None,
                    status_code: None,
                    according_to: None,
                    relation: None,
                    key_point: v.key_point,
                    after: b.statements[k].at.iter().map(|a| a.value.clone()).collect(),
                    cites: v.cites.clone(),
                    evidence: Vec::new(),
                }
            };
            // A deadline row names its agreement already.
            if items[i].date.is_none() && c.source_kind != ChronoKind::Deadline {
                let follows: Vec<Handle> = if i >= first_deadline {
                    Vec::new()
                } else if i >= first_agreement {
                    let a = &b.agreements[agreed[i - first_agreement]];
                    a.from.iter().filter_map(|f| f.handle()).collect()
                } else if i < n_events {
                    b.events[i]
                        .follows
                        .iter()
                        .filter_map(|f| f.handle())
                        .collect()
                } else {
                    let st = &b.statements[dated[i - n_events]];
                    st.at.iter().filter_map(|f| f.handle()).collect()
                };
                c.relation = self.relation_text(date_of(i), &follows);
            }
            c
        };
        (
            order.into_iter().map(view).collect(),
            undated.into_iter().map(view).collect(),
        )
    }

    /// The relation that places an undated item, in words.
    fn relation_text(&self, date: Option<&DateSpec>, follows: &[Handle]) -> Option<String> {
        match date.and_then(DateSpec::relation) {
            Some((DateRelation::Recent, _)) => Some(i18n::words().get("placed-recently")),
            Some((kind, Some(r))) => {
                let named = r
                    .handle()
                    .map_or_else(|| r.value.clone(), |h| self.named(h));
                let key = match kind {
                    DateRelation::Before => "placed-before",
                    DateRelation::Around => "placed-around",
                    DateRelation::After | DateRelation::Recent => "placed-after",
                };
                Some(i18n::words().msg(key, &[("named", named.into())]))
            }
            _ => {
                let named: Vec<String> = follows.iter().map(|&h| self.named(h)).collect();
                (!named.is_empty()).then(|| {
                    i18n::words().msg("placed-after", &[("named", join_and(&named).into())])
                })
            }
        }
    }

    /// An item a chronology line is placed by, named as the chronology
    /// names it: a meeting by its kind and participants, another event by
    /// its title, a statement by its speakers, a figure by its
    /// wording, an agreement by its title.
    fn named(&self, h: Handle) -> String {
        let b = self.b;
        let named = match h {
            // As the event's own line of the chronology names it.
            Handle::Event(i) => b.events.get(i).map(|e| e.chronology_name(&self.l)),
            Handle::Statement(i) => b.statements.get(i).map(|s| {
                let names: Vec<String> =
                    s.by.0
                        .iter()
                        .map(|by| self.l.actor_name(by).trim().to_string())
                        .collect();
                if names.is_empty() {
                    i18n::words().get("statement-by-nobody")
                } else {
                    i18n::words().msg("statement-by", &[("names", join_and(&names).into())])
                }
            }),
            Handle::Figure(i) => b
                .figures
                .get(i)
                .map(|f| f.stated.clone().unwrap_or_else(|| figure_display(f))),
            Handle::Agreement(i) => b.agreements.get(i).map(|a| a.title.trim().to_string()),
            _ => None,
        };
        named.unwrap_or_default()
    }

    /// Places the items `chrono_split` could not: those `before` another
    /// item, `recent` ones, and those that follow them. What is left, the
    /// items nothing places, is returned in the order written.
    fn place_relative<'d>(
        &self,
        items: &[Item],
        order: &mut Vec<usize>,
        tail: Vec<usize>,
        date_of: &dyn Fn(usize) -> Option<&'d DateSpec>,
    ) -> Vec<usize> {
        let by_id: HashMap<&str, usize> =
            items.iter().enumerate().map(|(i, it)| (it.id, i)).collect();
        let published = self
            .b
            .published
            .as_ref()
            .and_then(|p| p.value.as_ref())
            .and_then(Edtf::earliest);
        let past = |i: usize| -> bool {
            let Some(value) = items[i].date else {
                return false;
            };
            let happened = i >= self.b.events.len()
                || self.b.events[i].status.is_none_or(EventStatus::happened);
            happened && published.is_none_or(|p| value.latest().is_some_and(|l| l <= p))
        };
        let mut pending = tail;
        let mut recent_after: Option<usize> = None;
        loop {
            let mut progress = false;
            let mut still = Vec::new();
            for i in pending {
                let at = |id: &str| {
                    by_id
                        .get(id)
                        .and_then(|j| order.iter().position(|x| x == j))
                };
                let spot = match date_of(i).and_then(DateSpec::relation) {
                    _ if items[i].date.is_some() => None,
                    Some((DateRelation::Before, Some(r))) => at(&r.value),
                    Some((DateRelation::Recent, _)) => {
                        let last_past = order.iter().rposition(|&x| past(x));
                        let spot = match (recent_after, last_past) {
                            (Some(r), Some(p)) => r.max(p) + 1,
                            (Some(r), None) => r + 1,
                            (None, Some(p)) => p + 1,
                            (None, None) => 0,
                        };
                        recent_after = Some(spot);
                        Some(spot)
                    }
                    _ if items[i].follows.is_empty() => None,
                    _ => items[i]
                        .follows
                        .iter()
                        .map(|f| at(f))
                        .collect::<Option<Vec<usize>>>()
                        .and_then(|ps| ps.into_iter().max())
                        .map(|p| p + 1),
                };
                match spot {
                    Some(p) => {
                        let p = p.min(order.len());
                        let recent = matches!(
                            date_of(i).and_then(DateSpec::relation),
                            Some((DateRelation::Recent, _))
                        );
                        if !recent
                            && let Some(r) = recent_after.as_mut()
                            && *r >= p
                        {
                            *r += 1;
                        }
                        order.insert(p, i);
                        progress = true;
                    }
                    None => still.push(i),
                }
            }
            pending = still;
            if pending.is_empty() || !progress {
                break;
            }
        }
        pending.sort_unstable();
        pending
    }

    /// The notes of the distinct inferred dates the briefing shows, in
    /// the order of the chronology, then the other dated items.
    fn date_notes(&self, chronology: &[ChronoView], undated: &[ChronoView]) -> Vec<DateNoteView> {
        let b = self.b;
        let mut notes: Vec<DateNoteView> = Vec::new();
        let mut add = |d: Option<DateView>| {
            // One note per date as printed: a second basis for the same
            // day and wording would only repeat it.
            if let Some(n) = d.as_ref().and_then(DateNoteView::of)
                && !notes
                    .iter()
                    .any(|m| m.date == n.date && m.stated == n.stated)
            {
                // A basis already given is referred to, not repeated.
                let earlier = notes
                    .iter()
                    .find(|m| m.basis.is_some() && m.basis == n.basis)
                    .map(|m| m.date.clone());
                notes.push(match earlier {
                    Some(date) => n.same_basis_as(&date),
                    None => n,
                });
            }
        };
        add(b.published.as_ref().map(date_view));
        add(b.as_of.as_ref().map(date_view));
        for c in chronology.iter().chain(undated) {
            add(c.date.clone());
        }
        for s in b.statements.iter() {
            add(s.date.as_ref().map(date_view));
        }
        for f in b.figures.iter() {
            add(f.as_of.as_ref().map(date_view));
        }
        notes
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
        // A speaker's role is given at the first mention in the section;
        // later lines name them only.
        let mut introduced: Vec<String> = Vec::new();
        for v in groups.iter_mut().flat_map(|g| g.statements.iter_mut()) {
            if let [sp] = v.speakers.as_slice() {
                if introduced.contains(&sp.name) {
                    v.who = v.names.clone();
                    v.attribution = match &v.verb {
                        Some(verb) => i18n::words().msg(
                            "speaker-verb",
                            &[
                                ("who", v.who.as_str().into()),
                                ("verb", verb.as_str().into()),
                            ],
                        ),
                        None => v.who.clone(),
                    };
                } else {
                    introduced.push(sp.name.clone());
                }
            }
        }
        groups
    }
}

/// An event's fact in one sentence: its title, status, attribution and
/// date.
fn event_sentence(e: &EventView) -> String {
    let mut parts = vec![e.title.clone()];
    if let Some(status) = e.status {
        parts.push(status.shown());
    }
    if let Some(a) = &e.according_to {
        parts.push(a.text.clone());
    }
    if let Some(d) = &e.date {
        parts.push(d.text.clone());
    }
    clauses(&parts)
}

/// Clauses of one sentence, joined as the reader's language joins them.
fn clauses(parts: &[String]) -> String {
    let w = i18n::words();
    let mut out = String::new();
    for p in parts {
        out = if out.is_empty() {
            p.clone()
        } else {
            w.msg(
                "clause",
                &[("before", out.into()), ("next", p.as_str().into())],
            )
        };
    }
    out
}

/// A statement's fact in one sentence: who, with the verb, and the words
/// (verbatim when quoted).
fn statement_sentence(s: &StatementView) -> String {
    let w = i18n::words();
    let words = match &s.quote {
        Some(q) => w.msg("quoted", &[("text", q.as_str().into())]),
        None => s.text.clone(),
    };
    let key = if s.is_claim {
        "key-point-claim"
    } else {
        "key-point-statement"
    };
    w.msg(
        key,
        &[
            ("who", s.attribution.as_str().into()),
            ("words", words.into()),
        ],
    )
}

/// An agreement as one sentence of a key point: its title, then what it
/// is and where it stands, its deadline and whom it is according to. The
/// order differs from its line in the chronology, which leads with its
/// kind.
fn agreement_sentence(a: &AgreementView) -> String {
    let w = i18n::words();
    let mut parts = vec![w.msg(
        "key-point-labelled",
        &[
            ("label", a.title.as_str().into()),
            ("text", inside_sentence(&a.summary).into()),
        ],
    )];
    if let Some(t) = &a.target {
        parts.push(w.msg("key-point-target", &[("date", t.text.as_str().into())]));
    }
    if let Some(by) = &a.according_to {
        parts.push(by.text.clone());
    }
    clauses(&parts)
}

/// A phrase that opens a line (`Truce, proposed`) as it reads inside a
/// sentence: lower-cased in languages that do so (`truce, proposed`), as
/// it is in German, whose nouns keep their capital.
fn inside_sentence(phrase: &str) -> String {
    if i18n::words().get("lowercase-inside-sentence") != "yes" {
        return phrase.to_string();
    }
    let mut c = phrase.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A figure's fact in one sentence: what is measured, the figure with its
/// qualifier, where and as of when.
fn figure_sentence(f: &FigureView) -> String {
    let w = i18n::words();
    let mut parts = vec![w.msg(
        "key-point-labelled",
        &[
            ("label", format::capitalize(&f.measure).into()),
            ("text", f.display.as_str().into()),
        ],
    )];
    if !f.applies_to_text.is_empty() {
        parts.push(f.applies_to_text.clone());
    }
    if let Some(c) = &f.controller {
        parts.push(w.msg("key-point-held-by", &[("who", c.as_str().into())]));
    }
    if !f.areas_text.is_empty() {
        parts.push(f.areas_text.clone());
    }
    if let Some(d) = &f.as_of {
        // An interval reads as itself: `from 15 April 2023 onwards`.
        // So does a wording with no date value: `currently`.
        let interval = matches!(d.value, Some(Edtf::Interval(..)));
        if d.normalised.is_none() || interval {
            parts.push(d.text.clone());
        } else {
            parts.push(w.msg("key-point-as-of", &[("date", d.text.as_str().into())]));
        }
    }
    // The attribution travels with the number: a toll a report gives is
    // never shown as established.
    if let Some(a) = &f.according_to {
        parts.push(a.text.clone());
    }
    clauses(&parts)
}

/// One item to place in time.
struct Item<'a> {
    id: &'a str,
    date: Option<&'a Edtf>,
    follows: Vec<&'a str>,
}

/// Whether a line of the chronology has a date value (not only a
/// wording or a relation).
fn has_value(c: &ChronoView) -> bool {
    c.date.as_ref().is_some_and(|d| d.edtf.is_some())
}

/// The ids a date places its item after (or next to): `after` and
/// `around`.
fn placed_after(d: Option<&DateSpec>) -> Option<&str> {
    match d.and_then(DateSpec::relation) {
        Some((DateRelation::After | DateRelation::Around, Some(r))) => Some(r.value.as_str()),
        _ => None,
    }
}

/// A statement as the chronology refers to it: who, what kind of
/// statement, on what; its text is in Positions.
fn statement_reference(s: &Statement, v: &StatementView) -> String {
    let w = i18n::words();
    let what = match s.kind {
        StatementKind::Quote => "quote",
        StatementKind::Position => "position",
        StatementKind::Claim => "claim",
        StatementKind::Conditions => "conditions",
        StatementKind::Characterisation => "characterisation",
        StatementKind::Belief => "belief",
        StatementKind::Confirmation => "confirmation",
        #[allow(unreachable_patterns)]
        _ => "other",
    };
    let Some(speaker) = &v.speaker else {
        return match &v.issue {
            Some(issue) => w.msg(
                "statement-unattributed-on",
                &[("issue", issue.as_str().into())],
            ),
            None => w.get("statement-unattributed"),
        };
    };
    let mut args = vec![("who", speaker.name.as_str().into()), ("kind", what.into())];
    match &v.issue {
        Some(issue) => {
            args.push(("issue", issue.as_str().into()));
            w.msg("statement-reference-on", &args)
        }
        None => w.msg("statement-reference", &args),
    }
}

/// The last three items of the chronology with a date value that
/// happened, most recent first.
fn latest(chronology: &[ChronoView]) -> Vec<ChronoView> {
    chronology
        .iter()
        .rev()
        .filter(|c| {
            has_value(c)
                && c.source_kind != ChronoKind::Deadline
                && c.status.is_none_or(EventStatus::happened)
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
    let (mut order, tail) = chrono_split(items);
    order.extend(tail);
    order
}

/// The order of [`chrono_sort`] in two parts: the dated items with what
/// is placed after them, and the tail of items nothing places.
fn chrono_split(items: &[Item]) -> (Vec<usize>, Vec<usize>) {
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
        return (dated, Vec::new());
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
    let order = tree.preorder();
    let mut tail: Vec<usize> = (0..undated.len())
        .filter(|&k| preds[k].is_empty())
        .map(|k| undated[k])
        .collect();
    tail.extend(
        (0..undated.len())
            .filter(|&k| !preds[k].is_empty() && passes[k] == NEVER)
            .map(|k| undated[k]),
    );
    (order, tail)
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
