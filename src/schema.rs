//! The brief format: the raw serde types a brief file deserializes into.
//!
//! These types mirror the YAML exactly. They carry source locations
//! ([`Located`]) where later stages need to point at a value, and they reject
//! unknown fields. Nothing here checks references or parses dates: that is
//! the job of [`crate::validate`]. The reference page `docs/format.md`
//! documents every field; keep the two in step. The doc comments here are
//! also the descriptions editors show from the JSON Schema
//! ([`json_schema`](mod@crate::json_schema)), so they are written for brief
//! authors.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::date::Edtf;
use crate::pos::{Items, Located, Pos};

/// A whole brief: one story, its facts, and where they came from.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    /// Stable identifier of the brief, e.g. `us-russia-talks-2025-02`.
    // Not checked against the id syntax (see `docs/format.md`), so the
    // JSON Schema describes it as plain text, not as an id.
    #[schemars(with = "String")]
    pub id: Located<String>,
    /// Headline of the briefing.
    pub title: String,
    /// Place the story was filed from, as stated (e.g. `Moscow`).
    #[serde(default)]
    pub dateline: Option<String>,
    /// Publication date of the underlying reporting. Omit or set to `~`
    /// when the source does not give one; write a partial date when only
    /// part is known.
    #[serde(default)]
    pub published: Option<DateSpec>,
    /// Date the facts in this brief are current as of, when it differs
    /// from the publication date or the publication date is unknown.
    #[serde(default)]
    pub as_of: Option<DateSpec>,
    /// Shared files of actors, sources, places and issues (registries)
    /// this brief uses, as paths relative to this file (e.g.
    /// `_shared/actors.yaml`). Their ids resolve like the brief's own; only
    /// the items the brief refers to appear in the briefing.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub imports: Vec<Located<String>>,
    /// Marks a brief whose content is invented for training or testing.
    /// Rendered as a prominent label on every output.
    #[serde(default)]
    pub fictional: bool,
    /// Bottom line up front: the few points a reader must take away,
    /// most important first.
    #[serde(default)]
    pub key_points: Items<KeyPoint>,
    /// Context a reader needs, as Markdown prose.
    #[serde(default)]
    pub background: Option<String>,
    /// What to watch next, as Markdown prose.
    #[serde(default)]
    pub outlook: Option<String>,
    /// Where the facts came from. Every fact cites these by id.
    #[serde(default)]
    pub sources: Items<Source>,
    /// People, states, organisations and groups in the story.
    #[serde(default)]
    pub actors: Items<Actor>,
    /// Places referred to by events and figures.
    #[serde(default)]
    pub places: Items<Place>,
    /// Issues that positions and statements are about.
    #[serde(default)]
    pub issues: Items<Issue>,
    /// Meetings, calls and other events, held or planned.
    #[serde(default)]
    pub events: Items<Event>,
    /// Who said, claimed, demanded or believed what.
    #[serde(default)]
    pub statements: Items<Statement>,
    /// Territorial and other figures with their qualifiers.
    #[serde(default)]
    pub figures: Items<Figure>,
    /// The analyst's own judgments, kept apart from what sources report.
    #[serde(default)]
    pub judgments: Items<Judgment>,
    /// What the sources leave unclear or unstated.
    #[serde(default)]
    pub gaps: Items<Gap>,
}

/// A shared file that briefs import: actors, sources, places and issues
/// defined once for many briefs. It holds no story of its own.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    /// Other shared files this one builds on, as paths relative to it.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub imports: Vec<Located<String>>,
    /// Sources, as in a brief.
    #[serde(default)]
    pub sources: Items<Source>,
    /// Actors, as in a brief.
    #[serde(default)]
    pub actors: Items<Actor>,
    /// Places, as in a brief.
    #[serde(default)]
    pub places: Items<Place>,
    /// Issues, as in a brief.
    #[serde(default)]
    pub issues: Items<Issue>,
}

/// A bottom-line-up-front point.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyPoint {
    /// The point, as one plain-text sentence.
    pub text: String,
    /// Ids of the sources it rests on.
    #[serde(default)]
    pub sources: Vec<Located<String>>,
}

/// A source of facts: an article, an agency report, a statement.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier facts cite this source by.
    pub id: Located<String>,
    /// Earlier ids of this same item, when its id was renamed: `brief diff`
    /// then matches it with the item of that id in an older version, so
    /// its history stays linked. A superseded id cannot be used in this
    /// brief, neither as an id nor in a reference.
    #[serde(default)]
    pub supersedes: Vec<Located<String>>,
    /// Name of the source as a reader would recognise it
    /// (e.g. `TASS` or the article's headline).
    pub name: String,
    /// Who published it, when different from the name.
    #[serde(default)]
    pub publisher: Option<String>,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// Where to find it, if it is online: an `http`, `https` or `mailto`
    /// address.
    #[serde(default)]
    // The pattern spells out both cases: editors compile it as a
    // JavaScript regular expression, which has no inline `(?i)`.
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^\s*([Hh][Tt][Tt][Pp][Ss]?://[^\s/]|[Mm][Aa][Ii][Ll][Tt][Oo]:\S)")
    )]
    pub url: Option<Located<String>>,
    /// When it was published, if known.
    #[serde(default)]
    pub date: Option<DateSpec>,
    /// A short descriptor of who the source is, how it knows, and any
    /// reliability concern or bias (e.g. `Russian state news agency`).
    #[serde(default)]
    pub reliability: Option<String>,
}

/// Kinds of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A news article.
    NewsArticle,
    /// A report by a news agency (TASS, Reuters, AP...).
    AgencyReport,
    /// A statement by a government or organisation.
    OfficialStatement,
    /// A transcript or record of remarks.
    Transcript,
    /// An interview.
    Interview,
    /// A post on social media.
    SocialMedia,
    /// A dataset or map (e.g. territorial control assessments).
    Dataset,
    /// A research or think-tank report.
    Report,
    /// Anything else.
    Other,
}

/// A person, state, organisation or loose group.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Identifier facts refer to this actor by.
    pub id: Located<String>,
    /// Earlier ids of this same item, when its id was renamed: `brief diff`
    /// then matches it with the item of that id in an older version, so
    /// its history stays linked. A superseded id cannot be used in this
    /// brief, neither as an id nor in a reference.
    #[serde(default)]
    pub supersedes: Vec<Located<String>>,
    /// Name as used in the briefing.
    pub name: String,
    /// What kind of actor this is.
    pub kind: ActorKind,
    /// Other spellings and names (e.g. `Zelensky`, `Zelenskyy`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Posts the actor holds, as stated by the sources.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// For groups: known members, as actor ids. A loose group such as
    /// "Ukraine's Western European allies" may leave this empty.
    #[serde(default)]
    pub members: Vec<Located<String>>,
    /// One line of description, where the name alone is not enough.
    #[serde(default)]
    pub description: Option<String>,
}

/// Kinds of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    /// A named individual.
    Person,
    /// A state or its government.
    State,
    /// A formal organisation: ministry, alliance, company, agency.
    Organisation,
    /// A loose or unnamed group of people or states.
    Group,
}

/// A post held by a person: the office, in which state or organisation,
/// and the portfolio where stated.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The office as stated (e.g. `Deputy Foreign Minister`).
    pub title: String,
    /// The state or organisation the office belongs to, as an actor id.
    #[serde(default)]
    pub of: Option<Located<String>>,
    /// What the holder is responsible for, where stated
    /// (e.g. `U.S.-Russia relations`).
    #[serde(default)]
    pub portfolio: Option<String>,
    /// Sources stating this role.
    #[serde(default)]
    pub sources: Vec<Located<String>>,
}

/// A place: a country, region or city.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Identifier events and figures refer to this place by.
    pub id: Located<String>,
    /// Earlier ids of this same item, when its id was renamed: `brief diff`
    /// then matches it with the item of that id in an older version, so
    /// its history stays linked. A superseded id cannot be used in this
    /// brief, neither as an id nor in a reference.
    #[serde(default)]
    pub supersedes: Vec<Located<String>>,
    /// Name as used in the briefing (e.g. `Donetsk region`).
    pub name: String,
    /// What kind of place this is.
    #[serde(default)]
    pub kind: Option<PlaceKind>,
    /// The larger place it belongs to, as a place id.
    #[serde(default)]
    pub part_of: Option<Located<String>>,
    /// Other names and spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Kinds of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceKind {
    /// A country.
    Country,
    /// A region, province or oblast.
    Region,
    /// A city or town.
    City,
    /// A site or building.
    Site,
    /// Anything else.
    Other,
}

/// An issue that statements take positions on.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    /// Identifier statements refer to this issue by.
    pub id: Located<String>,
    /// Earlier ids of this same item, when its id was renamed: `brief diff`
    /// then matches it with the item of that id in an older version, so
    /// its history stays linked. A superseded id cannot be used in this
    /// brief, neither as an id nor in a reference.
    #[serde(default)]
    pub supersedes: Vec<Located<String>>,
    /// Short name of the issue (e.g. `Ukraine's NATO membership`).
    pub name: String,
    /// One line of description.
    #[serde(default)]
    pub description: Option<String>,
}

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
    /// What kind of event this is.
    pub kind: EventKind,
    /// One line saying what happened or will happen.
    pub title: String,
    /// Who took or takes part, as actor ids (a loose group such as
    /// "U.S. officials" is an actor of kind `group`).
    #[serde(default)]
    pub participants: Vec<Located<String>>,
    /// Where it takes place, as a place id.
    #[serde(default)]
    pub location: Option<Located<String>>,
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
    pub follows: Vec<Located<String>>,
    /// Sources reporting the event.
    #[serde(default)]
    pub sources: Vec<Located<String>>,
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
    /// It is scheduled to take place.
    Scheduled,
    /// Someone has proposed it; it is not agreed.
    Proposed,
    /// It was scheduled and has been put off.
    Postponed,
    /// It was scheduled and will not take place.
    Cancelled,
}

/// Something an actor said, claimed, demanded or believes, or a
/// characterisation with no stated agent.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Identifier other statements refer to this one by.
    pub id: Located<String>,
    /// Earlier ids of this same item, when its id was renamed: `brief diff`
    /// then matches it with the item of that id in an older version, so
    /// its history stays linked. A superseded id cannot be used in this
    /// brief, neither as an id nor in a reference.
    #[serde(default)]
    pub supersedes: Vec<Located<String>>,
    /// Who made the statement, as an actor id. Leave out and fill
    /// `unattributed` when the source names no one.
    #[serde(default)]
    pub by: Option<Located<String>>,
    /// Why the statement has no speaker (e.g. `"are seen as": no agent
    /// given`, or `the article's own framing`).
    #[serde(default)]
    pub unattributed: Option<String>,
    /// What kind of statement this is.
    pub kind: StatementKind,
    /// The reporting verb as the source uses it (`says`, `claims`,
    /// `reiterated`, `maintains`). It carries meaning: keep it.
    #[serde(default)]
    pub verb: Option<String>,
    /// The statement in plain words (a paraphrase when not quoted).
    pub text: String,
    /// Verbatim words, with the source's own ellipses and punctuation.
    #[serde(default)]
    pub quote: Option<String>,
    /// The issue the statement is about, as an issue id.
    #[serde(default)]
    pub issue: Option<Located<String>>,
    /// Actors the statement is about (for beliefs and characterisations
    /// of others), as actor ids.
    #[serde(default)]
    pub about: Vec<Located<String>>,
    /// For demands and conditions: each condition on its own line.
    #[serde(default)]
    pub conditions: Vec<String>,
    /// When the statement was made.
    #[serde(default)]
    pub date: Option<DateSpec>,
    /// The event at which the statement was made, as an event id.
    #[serde(default)]
    pub at: Option<Located<String>>,
    /// Other statements this one is reported as agreeing with.
    #[serde(default)]
    pub aligns_with: Vec<Relation>,
    /// Actors reported as rejecting this statement.
    #[serde(default)]
    pub rejected_by: Vec<Rejection>,
    /// The chain through which the words reached the reader, from the
    /// speaker outwards, as source ids (e.g. `[tass, article]`).
    #[serde(default)]
    pub via: Vec<Located<String>>,
    /// Sources reporting the statement.
    #[serde(default)]
    pub sources: Vec<Located<String>>,
    /// Anything a reader must know to weigh the statement (e.g. that the
    /// quote is probably a translation).
    #[serde(default)]
    pub note: Option<String>,
}

/// Kinds of statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StatementKind {
    /// Words quoted verbatim.
    Quote,
    /// A stance on an issue.
    Position,
    /// An assertion of fact the source attributes to the speaker, not
    /// vouched for by the source.
    Claim,
    /// Conditions or demands, listed in `conditions`.
    Conditions,
    /// A description or framing of a situation.
    Characterisation,
    /// What the speaker believes of others.
    Belief,
    /// The speaker confirming a fact.
    Confirmation,
}

/// A statement agreeing with another.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// The statement agreed with, as a statement id.
    pub statement: Located<String>,
    /// Whose framing the alignment is, when it is not the speaker's own
    /// (e.g. `the article's framing`).
    #[serde(default)]
    pub framing: Option<String>,
}

/// An actor rejecting a statement.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    /// The rejecting actor, as an actor id.
    pub actor: Located<String>,
    /// How strongly, as stated (e.g. `firmly`).
    #[serde(default)]
    pub strength: Option<String>,
    /// Sources reporting the rejection.
    #[serde(default)]
    pub sources: Vec<Located<String>>,
}

/// A figure, such as the share of a territory an actor controls.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// Identifier of the figure.
    pub id: Located<String>,
    /// Earlier ids of this same item, when its id was renamed: `brief diff`
    /// then matches it with the item of that id in an older version, so
    /// its history stays linked. A superseded id cannot be used in this
    /// brief, neither as an id nor in a reference.
    #[serde(default)]
    pub supersedes: Vec<Located<String>>,
    /// What is measured, when it is not territorial control
    /// (default: `territorial control`).
    #[serde(default)]
    pub measure: Option<String>,
    /// Who controls the territory, as an actor id.
    #[serde(default)]
    pub controller: Option<Located<String>>,
    /// The area or areas the figure is about, as place ids.
    pub areas: Vec<Located<String>>,
    /// With several areas: whether the value applies to `each` area, to
    /// their `total`, or the source leaves it `unclear`.
    #[serde(default)]
    pub applies_to: Option<AppliesTo>,
    /// The number, as stated.
    pub value: Located<f64>,
    /// Unit of the value (`percent`, `km2`, `people`...).
    pub unit: String,
    /// How the source qualifies the number. Never drop it: "nearly 20%"
    /// is not "20%".
    pub qualifier: Qualifier,
    /// The figure's wording in the source (e.g. `nearly 20%`).
    #[serde(default)]
    pub stated: Option<String>,
    /// The date the figure describes.
    #[serde(default)]
    pub as_of: Option<DateSpec>,
    /// What the figure includes, as stated (e.g. `Crimea`), as place ids.
    #[serde(default)]
    pub includes: Vec<Located<String>>,
    /// The status of the controlled territory.
    #[serde(default)]
    pub status: Option<ControlStatus>,
    /// Sources for the figure.
    #[serde(default)]
    pub sources: Vec<Located<String>>,
}

/// How a figure applies to several areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AppliesTo {
    /// The value holds for each area separately.
    Each,
    /// The value holds for the areas taken together.
    Total,
    /// The source does not say which.
    Unclear,
}

/// The qualifier a source puts on a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// The source gives the number with no qualifier ("75%"). It may
    /// still be rounded: this is not a claim of exactness.
    Unqualified,
    /// The source says the number is exact ("exactly", "precisely").
    Exactly,
    /// "about", "around", "some": close to the value either way.
    About,
    /// "nearly", "almost": just below the value.
    Nearly,
    /// "over", "more than": above the value.
    Over,
    /// "under", "less than": below the value.
    Under,
    /// "at least".
    AtLeast,
    /// "at most", "up to".
    AtMost,
}

/// Status of controlled territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ControlStatus {
    /// Formally annexed by the controller.
    Annexed,
    /// Held by military force.
    Occupied,
    /// Claimed but not (fully) held.
    Claimed,
    /// Controlled, without further qualification.
    Controlled,
}

/// A judgment by the brief's author, kept apart from reported facts.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Judgment {
    /// The judgment in one sentence.
    pub text: String,
    /// How likely the author judges it, in the standard bands.
    #[serde(default)]
    pub likelihood: Option<Likelihood>,
    /// How confident the author is in the judgment.
    #[serde(default)]
    pub confidence: Option<Confidence>,
    /// Sources the judgment depends on.
    #[serde(default)]
    pub sources: Vec<Located<String>>,
}

/// Likelihood bands for judgments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Likelihood {
    /// 1–5%.
    AlmostNoChance,
    /// 5–20%.
    VeryUnlikely,
    /// 20–45%.
    Unlikely,
    /// 45–55%.
    RoughlyEven,
    /// 55–80%.
    Likely,
    /// 80–95%.
    VeryLikely,
    /// 95–99%.
    AlmostCertain,
}

/// Confidence levels for judgments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// Low confidence.
    Low,
    /// Moderate confidence.
    Moderate,
    /// High confidence.
    High,
}

/// Something the sources leave unclear.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// What is unclear, in one sentence.
    pub text: String,
    /// Ids of the facts the gap concerns (any kind of id).
    #[serde(default)]
    pub about: Vec<Located<String>>,
}

/// A date as a source gives it. In YAML, either a plain EDTF string (the
/// shorthand for a date the source states exactly as written, e.g.
/// `2025-02-12`) or a map in the [`DateFull`] form that keeps the wording
/// and says what was inferred.
#[derive(Debug, Clone)]
pub struct DateSpec {
    /// The normalised date, when it can be worked out.
    pub value: Option<Edtf>,
    /// The wording in the source.
    pub stated: Option<String>,
    /// Parts of `value` inferred rather than stated.
    pub inferred: Vec<DatePart>,
    /// How the inferred parts were worked out.
    pub basis: Option<String>,
    /// Where the date was written.
    pub pos: Pos,
}

/// A date with its wording kept.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateFull {
    /// The normalised date in EDTF (levels 0–1): `2025-02-12`, `2025-02`,
    /// `2025`, `2025-02-12?` (uncertain), `2025-02~` (approximate),
    /// `2025-02-XX` (day unspecified), `2025-02-20/2025-02-23` (interval),
    /// `2025-02-12/..` (open end). Leave out when it cannot be worked out.
    #[serde(default)]
    pub value: Option<Edtf>,
    /// The wording in the source (e.g. `February 12`, `end of the week`).
    #[serde(default)]
    pub stated: Option<String>,
    /// Parts of `value` not stated by the source but inferred by the
    /// author: any of `year`, `month`, `day`.
    #[serde(default)]
    pub inferred: Vec<DatePart>,
    /// How the inferred parts were worked out.
    #[serde(default)]
    pub basis: Option<String>,
}

/// A part of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DatePart {
    /// The year.
    Year,
    /// The month.
    Month,
    /// The day.
    Day,
}
