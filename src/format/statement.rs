//! Statements: who said, claimed, demanded or believed what, with whom it
//! aligns and who rejects it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::change::{Item, Refs, Sig, Value, date, field, norm, plain, shown, strings, text};
use super::checker::Checker;
use super::date_spec::{DateSpec, DateView, date_view};
use super::evidence::{Evidence, EvidenceView};
use super::handle::Handle;
use super::identified::Identified;
use super::kind::Kind;
use super::names::Cite;
use super::names::Names;
use super::names::SpeakerView;
use super::reference::{Actors, Events, Issues, Ref, RefVisitor, Sources, Statements};
use super::text::{join_and, opt};
use crate::diagnostic::Diagnostic;
use crate::pos::Located;

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
    /// Set by `brief draft` on an item it wrote: the item is still to be
    /// reviewed against its source. Each is a warning
    /// (`drafted-not-reviewed`); delete the line once the item is reviewed.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub drafted: Option<Located<bool>>,
    /// Who made the statement: an actor id, or a list of actor ids for a
    /// statement made by several parties (joint statements, mutual
    /// accusations). Leave out and fill `unattributed` when the source
    /// names no one.
    #[serde(default)]
    pub by: Speakers,
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
    #[schemars(with = "Option<String>")]
    pub quote: Option<Located<String>>,
    /// Partial quotes inside a paraphrase: each a fragment of `text`
    /// the source gives verbatim, written exactly as it appears in
    /// `text` (without the quotation marks around it).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub quoted: Vec<Located<String>>,
    /// The issue the statement is about, as an issue id.
    #[serde(default)]
    pub issue: Option<Ref<Issues>>,
    /// Actors the statement is about (for beliefs and characterisations
    /// of others), as actor ids.
    #[serde(default)]
    pub about: Vec<Ref<Actors>>,
    /// For demands and conditions: each condition on its own line.
    #[serde(default)]
    pub conditions: Vec<String>,
    /// When the statement was made.
    #[serde(default)]
    pub date: Option<DateSpec>,
    /// The event at which the statement was made, as an event id.
    #[serde(default)]
    pub at: Option<Ref<Events>>,
    /// Other statements this one is reported as agreeing with.
    #[serde(default)]
    pub aligns_with: Vec<Relation>,
    /// Actors reported as rejecting this statement.
    #[serde(default)]
    pub rejected_by: Vec<Rejection>,
    /// The chain through which the words reached the reader, from the
    /// speaker outwards, as source ids (e.g. `[tass, article]`).
    #[serde(default)]
    pub via: Vec<Ref<Sources>>,
    /// Sources reporting the statement.
    #[serde(default)]
    pub sources: Vec<Ref<Sources>>,
    /// The passages of its sources' texts this item rests on: the exact
    /// words, or a list of passages, each `{exact, prefix, suffix,
    /// source}` (see docs/grounding.md). Checked against each source's
    /// `text:`.
    #[serde(default)]
    pub evidence: Evidence,
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
    /// An accusation against others; with several speakers in `by`, a
    /// mutual accusation.
    Accusation,
    /// The speaker denying a fact or a claim.
    Denial,
}

/// Who made a statement: one actor or several, each reference with its
/// own position. In YAML, an actor id or a list of actor ids.
#[derive(Debug, Clone, Default)]
pub struct Speakers(pub Vec<Ref<Actors>>);

/// A statement agreeing with another.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// The statement agreed with, as a statement id.
    pub statement: Ref<Statements>,
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
    pub actor: Ref<Actors>,
    /// How strongly, as stated (e.g. `firmly`).
    #[serde(default)]
    pub strength: Option<String>,
    /// The verb the source uses for the rejection, shown instead of
    /// "rejects" (e.g. `denies`, `dismisses as "propaganda"`).
    #[serde(default)]
    pub verb: Option<String>,
    /// Sources reporting the rejection.
    #[serde(default)]
    pub sources: Vec<Ref<Sources>>,
}

impl Statement {
    /// Hands each reference of the statement, and of its relations to
    /// others, to `v`. Spelled out in full, so that a new field must say
    /// whether it is a reference.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Statement {
            id: _,
            supersedes: _,
            drafted: _,
            by,
            unattributed: _,
            kind: _,
            verb: _,
            text: _,
            quote: _,
            quoted: _,
            issue,
            about,
            conditions: _,
            date,
            at,
            aligns_with,
            rejected_by,
            via,
            sources,
            evidence,
            note: _,
        } = self;
        if let Some(d) = date {
            d.visit_refs(v);
        }
        v.visit_all(&mut by.0);
        v.visit_opt(issue);
        v.visit_all(about);
        v.visit_opt(at);
        for a in aligns_with {
            let Relation {
                statement,
                framing: _,
            } = a;
            v.visit(statement);
        }
        for r in rejected_by {
            let Rejection {
                actor,
                strength: _,
                verb: _,
                sources,
            } = r;
            v.visit(actor);
            v.visit_all(sources);
        }
        v.visit_all(via);
        evidence.visit_refs(v);
        v.visit_all(sources);
    }
}

impl Identified for Statement {
    fn handle(index: usize) -> Handle {
        Handle::Statement(index)
    }

    fn id(&self) -> &Located<String> {
        &self.id
    }

    fn supersedes(&self) -> &[Located<String>] {
        &self.supersedes
    }
}

impl Statement {
    /// Checks the speaker (or why there is none), the text, the
    /// references, and what the kind of statement requires.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        super::drafted::check(self.drafted.as_ref(), "statement", &self.id.value, c);
        let s = self;
        self.evidence.check(c);
        match (s.by.0.first(), &s.unattributed) {
            (Some(_), None) => {
                c.references(&s.by.0);
                s.check_speakers_once(c);
            }
            (None, Some(why)) => c.not_blank(why, s.id.pos, "`unattributed`"),
            (Some(by), Some(_)) => c.push(
                Diagnostic::error(
                    "conflicting-attribution",
                    by.pos,
                    format!("the statement `{}` has both `by` and `unattributed`", s.id.value),
                )
                .with_label("`unattributed` is given too")
                .with_help("keep `by` when the source names the speaker, `unattributed` when it does not"),
            ),
            (None, None) => c.push(
                Diagnostic::error(
                    "missing-speaker",
                    s.id.pos,
                    format!("the statement `{}` does not say who made it", s.id.value),
                )
                .with_label("no `by` or `unattributed`")
                .with_help("add `by:` with an actor id, or `unattributed:` saying why the source names no one"),
            ),
        }
        c.not_blank(&s.text, s.id.pos, "the statement text");
        s.check_quoted(c);
        if let Some(i) = &s.issue {
            c.reference(i);
        }
        c.references(&s.about);
        if let Some(at) = &s.at {
            c.reference(at);
        }
        if let Some(d) = &s.date {
            d.check(c);
        }
        for a in &s.aligns_with {
            c.reference(&a.statement);
        }
        for r in &s.rejected_by {
            c.reference(&r.actor);
            c.references(&r.sources);
        }
        c.references(&s.via);
        c.references(&s.sources);
        if s.kind == StatementKind::Quote && s.quote.is_none() {
            c.push(
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
            c.push(
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
            c.push(
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
}

impl Statement {
    /// Each speaker of a statement by several parties is named once.
    fn check_speakers_once(&self, c: &mut impl Checker) {
        for (i, by) in self.by.0.iter().enumerate() {
            if self.by.0[..i].iter().any(|b| b.value == by.value) {
                c.push(
                    Diagnostic::error(
                        "duplicate-speaker",
                        by.pos,
                        format!(
                            "the statement `{}` names `{}` as a speaker twice",
                            self.id.value, by.value
                        ),
                    )
                    .with_label("named already in `by`")
                    .with_help("list each speaker once in `by`"),
                );
            }
        }
    }

    /// Each partial quote is a fragment of the paraphrase, so the reader
    /// sees the verbatim words in place.
    fn check_quoted(&self, c: &mut impl Checker) {
        let text = squeeze(&self.text);
        for q in &self.quoted {
            let fragment = squeeze(&q.value);
            if fragment.is_empty() {
                c.not_blank(&q.value, q.pos, "the quoted fragment");
            } else if !text.contains(&fragment) {
                c.push(
                    Diagnostic::error(
                        "quoted-not-in-text",
                        q.pos,
                        format!(
                            "the quoted fragment \"{fragment}\" does not appear in the text of the statement `{}`",
                            self.id.value
                        ),
                    )
                    .with_label("not found in `text`")
                    .with_help(
                        "copy the fragment exactly as `text` has it, or add it to `text` in quotation marks",
                    ),
                );
            }
        }
    }
}

/// The text with every run of whitespace made one space, so a fragment
/// matches across the line breaks of a folded YAML string.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A statement with everything resolved.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StatementView {
    /// Id.
    pub id: String,
    /// The anchor of the statement's home in Positions, for links from
    /// other sections in HTML: `statement-` and the id, with any
    /// character other than a letter, digit or `-` made `-`. (Markdown
    /// has no anchor on a list item: its links go to the Positions
    /// heading.)
    pub anchor: String,
    /// The first speaker, or null when unattributed.
    pub speaker: Option<SpeakerView>,
    /// Every speaker, in the order written (several for a statement by
    /// several parties); empty when unattributed.
    pub speakers: Vec<SpeakerView>,
    /// Why there is no speaker, when unattributed.
    pub unattributed: Option<String>,
    /// Kind: `quote`, `position`, `claim`, `conditions`,
    /// `characterisation`, `belief`, `confirmation`, `accusation`,
    /// `denial`.
    #[schemars(with = "String")]
    pub kind: StatementKind,
    /// Kind as a label for readers: `Claim (not verified)`...
    pub kind_label: String,
    /// Whether this is a claim the source does not vouch for.
    pub is_claim: bool,
    /// Reporting verb as stated.
    pub verb: Option<String>,
    /// Whether `who` is set as a speaker's name: false for an
    /// unattributed statement, and for speakers that are only described
    /// (an unnamed person) or are documents.
    pub named: bool,
    /// The speakers' names, without roles: `Russia and Ukraine`, or
    /// `Not attributed`.
    pub names: String,
    /// Who said it: `Sergei Ryabkov (Deputy Foreign Minister, Russia)`,
    /// `Russia and Ukraine`, or `Not attributed`. In Positions the role
    /// is given at a speaker's first mention only.
    pub who: String,
    /// Who said it, with the verb: `Sergei Ryabkov (Deputy Foreign
    /// Minister, Russia), stated` or `Not attributed, are seen as`.
    pub attribution: String,
    /// A short reference to the statement for other sections, the
    /// speakers, verb and issue: `Russia, maintains, on the status of
    /// the land`.
    pub short: String,
    /// The statement in plain words.
    pub text: String,
    /// Verbatim words.
    pub quote: Option<String>,
    /// A link straight to the quote in its source's page (a Text
    /// Fragment: `URL#:~:text=...`), when `brief check` found the quote in
    /// the `text` of a source with a web address; null otherwise.
    pub quote_link: Option<String>,
    /// Partial quotes inside the paraphrase, each a fragment of `text`.
    pub quoted: Vec<String>,
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
    /// The number of the key point that presents this item, if one does;
    /// its entry here then refers to that key point instead of repeating
    /// the fact.
    pub key_point: Option<usize>,
    /// Sources.
    pub cites: Vec<Cite>,
    /// The passages of its sources' texts it rests on, in the order
    /// given.
    pub evidence: Vec<EvidenceView>,
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
    /// The anchor of the other statement's home in Positions.
    pub anchor: String,
    /// Who made the other statement (names), or null.
    pub speaker: Option<String>,
    /// The other statement's text.
    pub text: String,
    /// A short reference to the other statement, to link to its home:
    /// `Pete Hegseth, view, on Ukraine's 2014 borders`.
    pub link: String,
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
    /// The verb as stated (`denies`), if given.
    pub verb: Option<String>,
    /// The rejection in words, without the actor: the verb as stated,
    /// or `rejects`, with the strength (`rejects, firmly`, `denies`).
    pub label: String,
    /// Sources.
    pub cites: Vec<Cite>,
}

/// The words for a rejection: its own verb, or "rejects", with the
/// strength as stated.
pub(crate) fn rejection_label(verb: Option<&str>, strength: Option<&str>) -> String {
    let w = crate::i18n::words();
    let verb = verb.map_or_else(|| w.get("objection-rejects"), str::to_string);
    match strength {
        Some(st) => w.msg(
            "speaker-verb",
            &[("who", verb.as_str().into()), ("verb", st.into())],
        ),
        None => verb,
    }
}

/// The anchor of a statement's home in Positions: only letters, digits
/// and `-`, so that no output format needs to escape it.
pub(crate) fn statement_anchor(id: &str) -> String {
    let slug: String = id
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("statement-{slug}")
}

/// A short reference to a statement, for the sections that link to its
/// home rather than repeat it: the speakers, the verb (or the kind) and
/// the issue, `Russia, maintains, on the status of the land`.
pub(crate) fn short_ref(
    names: &str,
    verb: Option<&str>,
    kind: StatementKind,
    issue: Option<&str>,
) -> String {
    let w = crate::i18n::words();
    let kind_word;
    let what = match verb {
        Some(v) => v,
        None => {
            kind_word = kind.shown();
            kind_word.as_str()
        }
    };
    let args = [
        ("who", names.into()),
        ("verb", what.into()),
        ("issue", issue.unwrap_or_default().into()),
    ];
    match issue {
        Some(_) => w.msg("statement-short-on", &args),
        None => w.msg("speaker-verb", &args),
    }
}

/// What the briefing calls a statement that names no speaker, in the
/// reader's language.
pub(crate) fn not_attributed() -> String {
    crate::i18n::words().get("not-attributed")
}

impl Statement {
    /// The statement's view.
    pub(crate) fn view(&self, l: &dyn Names) -> StatementView {
        let s = self;
        let speakers: Vec<SpeakerView> = s.by.0.iter().map(|b| l.speaker(b)).collect();
        let verb = opt(&s.verb);
        let names = if speakers.is_empty() {
            not_attributed()
        } else {
            let names: Vec<String> = speakers.iter().map(|sp| sp.name.clone()).collect();
            join_and(&names)
        };
        let who = match speakers.as_slice() {
            [sp] if !sp.role.is_empty() => format!("{} ({})", sp.name, sp.role),
            _ => names.clone(),
        };
        let attribution = match &verb {
            Some(v) => crate::i18n::words().msg(
                "speaker-verb",
                &[("who", who.as_str().into()), ("verb", v.as_str().into())],
            ),
            None => who.clone(),
        };
        let issue = s.issue.as_ref().map(|i| l.issue_name(i).trim().to_string());
        let short = short_ref(&names, verb.as_deref(), s.kind, issue.as_deref());
        let mut via: Vec<ViaStep> = Vec::new();
        if !s.via.is_empty() {
            via.push(ViaStep {
                name: names.clone(),
                n: None,
            });
            via.extend(s.via.iter().map(|v| {
                let source = l.source(v);
                ViaStep {
                    name: source.name,
                    n: Some(source.n),
                }
            }));
        }
        StatementView {
            id: s.id.value.clone(),
            anchor: statement_anchor(&s.id.value),
            speaker: speakers.first().cloned(),
            named: !speakers.is_empty() && speakers.iter().all(|sp| !sp.unnamed && !sp.document),
            speakers,
            unattributed: opt(&s.unattributed),
            kind: s.kind,
            kind_label: s.kind.label(),
            is_claim: s.kind == StatementKind::Claim,
            verb,
            names,
            who,
            attribution,
            short,
            text: s.text.trim().to_string(),
            quote: opt(&s.quote.as_ref().map(|q| q.value.clone())),
            quote_link: s.quote.as_ref().and_then(|q| l.quote_link(q.pos)),
            quoted: s.quoted.iter().map(|q| squeeze(&q.value)).collect(),
            issue,
            about: s.about.iter().map(|a| l.actor_name(a)).collect(),
            conditions: s.conditions.iter().map(|c| c.trim().to_string()).collect(),
            date: s.date.as_ref().map(date_view),
            at: s.at.as_ref().map(|a| l.event_title(a)),
            aligns_with: s
                .aligns_with
                .iter()
                .map(|a| {
                    let (speaker, text, link) = l.statement(&a.statement);
                    AlignView {
                        link,
                        anchor: statement_anchor(&a.statement.value),
                        speaker,
                        text,
                        framing: opt(&a.framing),
                    }
                })
                .collect(),
            rejected_by: s
                .rejected_by
                .iter()
                .map(|r| {
                    let strength = opt(&r.strength);
                    let verb = opt(&r.verb);
                    RejectionView {
                        name: l.actor_name(&r.actor),
                        label: rejection_label(verb.as_deref(), strength.as_deref()),
                        strength,
                        verb,
                        cites: l.cites(&r.sources),
                    }
                })
                .collect(),
            via,
            key_point: None,
            cites: l.cites(&s.sources),
            evidence: l.evidence(&s.evidence, &s.sources),
            note: opt(&s.note),
        }
    }
}

impl StatementKind {
    /// The kind in words: `quote`, `position`, `claim`...
    pub fn text(self) -> &'static str {
        match self {
            StatementKind::Quote => "quote",
            StatementKind::Position => "position",
            StatementKind::Claim => "claim",
            StatementKind::Conditions => "conditions",
            StatementKind::Characterisation => "characterisation",
            StatementKind::Belief => "belief",
            StatementKind::Confirmation => "confirmation",
            StatementKind::Accusation => "accusation",
            StatementKind::Denial => "denial",
        }
    }

    /// The kind as a label for readers, in their language: `Claim (not
    /// verified by the source)`...
    pub fn label(self) -> String {
        crate::i18n::words().msg("statement-kind-label", &[("kind", self.text().into())])
    }

    /// The kind as a noun in the reader's language: `position`, `claim`...
    pub fn shown(self) -> String {
        crate::i18n::words().msg("statement-kind", &[("kind", self.text().into())])
    }
}

impl Statement {
    /// The statement as `brief diff` compares it; `i` is its place in its section.
    pub(crate) fn change_item(&self, i: usize, v: &StatementView, refs: &Refs) -> Item {
        let s = self;
        let mut item = Item::new(Kind::Statement, i, Some(&s.id));
        item.supersedes = s.supersedes.iter().map(|s| s.value.clone()).collect();
        item.noun = v.kind.text();
        let w = crate::i18n::words();
        item.label = w.msg(
            "key-point-statement",
            &[
                ("who", v.attribution.as_str().into()),
                ("words", shown(&v.text).into()),
            ],
        );
        let mut d = vec![v.kind_label.clone()];
        if let Some(issue) = &v.issue {
            d.push(w.msg("diff-on-issue", &[("issue", issue.as_str().into())]));
        }
        let quoted = |q: &str| w.msg("quoted", &[("text", q.into())]);
        if let Some(q) = &v.quote {
            d.push(w.msg("diff-quote", &[("text", quoted(&shown(q)).into())]));
        }
        if !v.quoted.is_empty() {
            let all: Vec<String> = v.quoted.iter().map(|q| quoted(q)).collect();
            d.push(w.msg("diff-quoted", &[("text", all.join(", ").into())]));
        }
        if !v.conditions.is_empty() {
            d.push(w.msg(
                "diff-conditions",
                &[("text", v.conditions.join("; ").into())],
            ));
        }
        if let Some(date) = &v.date {
            d.push(date.text.clone());
        }
        item.description = Some(d.join(" · "));
        let speaker_names: Vec<String> = v.speakers.iter().map(|sp| sp.name.clone()).collect();
        let speaker = refs.refs(&s.by.0, &speaker_names);
        let aligns = s
            .aligns_with
            .iter()
            .zip(&v.aligns_with)
            .map(|(a, av)| {
                let key = format!(
                    "{}\u{1f}{:?}",
                    refs.canon(&a.statement.value),
                    av.framing.as_deref().map(norm)
                );
                let mut text = match &av.speaker {
                    Some(sp) => format!("{sp}: {}", shown(&av.text)),
                    None => shown(&av.text),
                };
                if let Some(f) = &av.framing {
                    text = format!("{text} ({f})");
                }
                (key, text)
            })
            .collect();
        let rejected = s
            .rejected_by
            .iter()
            .zip(&v.rejected_by)
            .map(|(r, rv)| {
                let key = format!(
                    "{}\u{1f}{:?}\u{1f}{:?}",
                    refs.canon(&r.actor.value),
                    rv.strength.as_deref().map(norm),
                    rv.verb.as_deref().map(norm)
                );
                let how: Vec<&str> = [rv.verb.as_deref(), rv.strength.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                let text = if how.is_empty() {
                    rv.name.clone()
                } else {
                    format!("{} ({})", rv.name, how.join(", "))
                };
                (key, text)
            })
            .collect();
        let via = s
            .via
            .iter()
            .zip(v.via.iter().skip(1))
            .map(|(id, step)| (refs.canon(&id.value), step.name.clone()))
            .collect();
        let issue = s.issue.as_ref().map(|i| refs.canon(&i.value));
        item.fields = vec![
            field("kind", "Kind", Sig::Detail, plain(v.kind.text())),
            field("by", "Speaker", Sig::Detail, speaker),
            field(
                "unattributed",
                "Unattributed",
                Sig::Wording,
                text(&s.unattributed),
            ),
            field("verb", "Verb", Sig::Wording, text(&s.verb)),
            field("text", "Text", Sig::Wording, plain(&s.text)),
            field(
                "quote",
                "Quote",
                Sig::Wording,
                text(&s.quote.as_ref().map(|q| q.value.clone())),
            ),
            field(
                "quoted",
                "Quoted fragments",
                Sig::Wording,
                strings(&v.quoted),
            ),
            field(
                "issue",
                "Issue",
                Sig::Detail,
                Value::Set(issue.into_iter().zip(v.issue.clone()).collect()),
            ),
            field("about", "About", Sig::Detail, refs.refs(&s.about, &v.about)),
            field(
                "conditions",
                "Conditions",
                Sig::Detail,
                strings(&s.conditions),
            ),
            field("date", "Date", Sig::Detail, date(&s.date)),
            field("at", "At", Sig::Detail, refs.one_ref(&s.at, &v.at)),
            field(
                "aligns_with",
                "Aligns with",
                Sig::Detail,
                Value::Set(aligns),
            ),
            field(
                "rejected_by",
                "Rejected by",
                Sig::Detail,
                Value::Set(rejected),
            ),
            field("via", "Via", Sig::Detail, Value::List(via)),
            field("sources", "Sources", Sig::Detail, refs.cites(&v.cites)),
            field("note", "Note", Sig::Wording, text(&s.note)),
        ];
        item
    }
}

impl Serialize for StatementKind {
    /// Templates see the kind in words, as [`StatementKind::text`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text())
    }
}
