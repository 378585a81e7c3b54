//! Votes: the tally of an event of kind `vote`, the threshold it needed
//! as stated, its outcome, and how each member voted.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::checker::Checker;
use super::names::Names;
use super::reference::{Actors, Ref, RefVisitor};
use super::text::{number_text, opt};
use crate::diagnostic::Diagnostic;
use crate::pos::Pos;

/// The tally and outcome of a vote.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vote {
    /// The body that voted, as an actor id (`un-general-assembly`).
    #[serde(default)]
    pub body: Option<Ref<Actors>>,
    /// Votes in favour.
    #[serde(default)]
    #[schemars(with = "Option<u64>")]
    pub in_favour: Option<Count>,
    /// Votes against.
    #[serde(default)]
    #[schemars(with = "Option<u64>")]
    pub against: Option<Count>,
    /// Abstentions.
    #[serde(default)]
    #[schemars(with = "Option<u64>")]
    pub abstaining: Option<Count>,
    /// Members absent or not voting, when the source gives them.
    #[serde(default)]
    #[schemars(with = "Option<u64>")]
    pub absent: Option<Count>,
    /// The majority the vote needed, as stated (`a simple majority`,
    /// `two-thirds of members present`).
    #[serde(default)]
    pub threshold: Option<String>,
    /// Whether the motion was adopted or rejected. Not checked against the
    /// counts: thresholds vary, and the source is the authority.
    #[serde(default)]
    pub outcome: Option<VoteOutcome>,
    /// How members voted, when the source says.
    #[serde(default)]
    pub members: Vec<VoteMember>,
}

/// A number of votes: a whole number, 0 or more. Anything else is a
/// located `invalid-value` error that says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub u64);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = f64::deserialize(d)?;
        if n < 0.0 || n.fract() != 0.0 || n > 1e15 {
            return Err(serde::de::Error::custom(format!(
                "a count of votes is a whole number, 0 or more, not {}",
                number_text(n)
            )));
        }
        Ok(Count(n as u64))
    }
}

/// The outcome of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum VoteOutcome {
    /// The motion passed.
    Adopted,
    /// The motion failed.
    Rejected,
}

/// How one member voted.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteMember {
    /// The member, as an actor id.
    pub actor: Ref<Actors>,
    /// Its vote.
    pub vote: Ballot,
}

/// One member's vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Ballot {
    /// In favour.
    For,
    /// Against.
    Against,
    /// Abstained.
    Abstain,
    /// Absent or did not vote.
    Absent,
}

impl Ballot {
    /// Every ballot, in the order members' votes are listed.
    const ALL: [Ballot; 4] = [
        Ballot::For,
        Ballot::Against,
        Ballot::Abstain,
        Ballot::Absent,
    ];

    /// The ballot as a heading for the members who cast it.
    pub fn label(self) -> String {
        let key = match self {
            Ballot::For => "for",
            Ballot::Against => "against",
            Ballot::Abstain => "abstain",
            Ballot::Absent => "absent",
        };
        crate::i18n::words().msg("ballot", &[("ballot", key.into())])
    }
}

impl VoteOutcome {
    /// The outcome in words: `adopted` or `rejected`.
    pub fn text(self) -> &'static str {
        match self {
            VoteOutcome::Adopted => "adopted",
            VoteOutcome::Rejected => "rejected",
        }
    }
}

impl Vote {
    /// Hands each reference of the vote to `v`.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Vote {
            body,
            in_favour: _,
            against: _,
            abstaining: _,
            absent: _,
            threshold: _,
            outcome: _,
            members,
        } = self;
        v.visit_opt(body);
        for m in members {
            v.visit(&mut m.actor);
        }
    }

    /// Checks the references and that no member is listed twice; `pos`
    /// is where its event is, for a blank threshold. Whether the outcome
    /// follows from the counts is not judged: the threshold is the
    /// source's to state.
    pub(crate) fn check(&self, pos: Pos, c: &mut impl Checker) {
        if let Some(b) = &self.body {
            c.reference(b);
        }
        if let Some(t) = &self.threshold {
            c.not_blank(t, pos, "the vote's threshold");
        }
        for (i, m) in self.members.iter().enumerate() {
            c.reference(&m.actor);
            if let Some(first) = self.members[..i]
                .iter()
                .find(|o| o.actor.value == m.actor.value)
            {
                c.push(
                    Diagnostic::error(
                        "duplicate-vote-member",
                        m.actor.pos,
                        format!(
                            "`{}` is listed twice among the vote's members",
                            m.actor.value
                        ),
                    )
                    .with_label("listed again")
                    .with_related(first.actor.pos, "first listed here")
                    .with_help("give each member one vote"),
                );
            }
        }
    }

    /// The vote's view.
    pub(crate) fn view(&self, l: &dyn Names) -> VoteView {
        let tally = tally(self);
        let threshold = opt(&self.threshold);
        let mut text = match (self.outcome, tally.is_empty()) {
            (Some(o), false) => crate::i18n::words().msg(
                "vote-outcome-tally",
                &[
                    ("outcome", o.text().into()),
                    ("tally", tally.as_str().into()),
                ],
            ),
            (Some(o), true) => {
                crate::i18n::words().msg("vote-outcome", &[("outcome", o.text().into())])
            }
            (None, _) => tally.clone(),
        };
        if let Some(t) = &threshold {
            if text.is_empty() {
                text =
                    crate::i18n::words().msg("vote-threshold", &[("threshold", t.as_str().into())]);
            } else {
                text = crate::i18n::words().msg(
                    "vote-result-threshold",
                    &[
                        ("result", text.as_str().into()),
                        ("threshold", t.as_str().into()),
                    ],
                );
            }
        }
        let members = Ballot::ALL
            .iter()
            .map(|&b| VoteGroup {
                label: b.label(),
                names: self
                    .members
                    .iter()
                    .filter(|m| m.vote == b)
                    .map(|m| l.actor_name(&m.actor).trim().to_string())
                    .collect(),
            })
            .filter(|g| !g.names.is_empty())
            .collect();
        VoteView {
            body: self
                .body
                .as_ref()
                .map(|b| l.actor_name(b).trim().to_string()),
            in_favour: self.in_favour.map(|c| c.0),
            against: self.against.map(|c| c.0),
            abstaining: self.abstaining.map(|c| c.0),
            absent: self.absent.map(|c| c.0),
            threshold,
            outcome: self.outcome,
            tally,
            text,
            members,
        }
    }
}

/// The counts the source gives, in words: `100 in favour, 11 against, 58
/// abstaining`.
fn tally(v: &Vote) -> String {
    let w = crate::i18n::words();
    [
        (v.in_favour, "for"),
        (v.against, "against"),
        (v.abstaining, "abstain"),
        (v.absent, "absent"),
    ]
    .iter()
    .filter_map(|(n, ballot)| {
        n.map(|n| {
            w.msg(
                "vote-count",
                &[("n", (n.0 as f64).into()), ("ballot", (*ballot).into())],
            )
        })
    })
    .collect::<Vec<_>>()
    .join(", ")
}

/// A vote, as the briefing shows it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct VoteView {
    /// The body that voted, by name.
    pub body: Option<String>,
    /// Votes in favour.
    pub in_favour: Option<u64>,
    /// Votes against.
    pub against: Option<u64>,
    /// Abstentions.
    pub abstaining: Option<u64>,
    /// Absent or not voting.
    pub absent: Option<u64>,
    /// The majority needed, as stated.
    pub threshold: Option<String>,
    /// `adopted`, `rejected`, or null.
    #[schemars(with = "Option<String>")]
    pub outcome: Option<VoteOutcome>,
    /// The counts in words: `100 in favour, 11 against, 58 abstaining`.
    pub tally: String,
    /// The vote in one line: `Adopted: 100 in favour, 11 against, 58
    /// abstaining; threshold: a simple majority`.
    pub text: String,
    /// Members' votes grouped by vote (for, against, abstained, absent),
    /// only the groups with members.
    pub members: Vec<VoteGroup>,
}

/// The members who cast one kind of vote.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct VoteGroup {
    /// `For`, `Against`, `Abstained` or `Absent`.
    pub label: String,
    /// The members' names, in the order written.
    pub names: Vec<String>,
}

impl VoteView {
    /// The members' votes in one line, for `brief diff`: `For: A, B;
    /// Against: C`.
    pub(crate) fn members_text(&self) -> Option<String> {
        if self.members.is_empty() {
            return None;
        }
        Some(
            self.members
                .iter()
                .map(|g| format!("{}: {}", g.label, g.names.join(", ")))
                .collect::<Vec<_>>()
                .join("; "),
        )
    }
}

impl Serialize for VoteOutcome {
    /// Templates see the outcome in words, as [`VoteOutcome::text`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text())
    }
}
