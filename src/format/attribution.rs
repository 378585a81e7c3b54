//! Attribution: whom a fact is according to, an actor of the brief or an
//! unnamed source described in words, with the reporting verb. Events,
//! figures, agreements and key points carry one, so the briefing shows
//! the attribution where the fact appears, once.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::checker::Checker;
use super::names::Names;
use super::reference::{Actors, Ref, RefVisitor};
use super::text::opt;
use crate::diagnostic::Diagnostic;
use crate::pos::Pos;

/// Whom a fact is according to. In YAML, either an actor id (the
/// shorthand) or a map in the [`AttributionFull`] form.
#[derive(Debug, Clone)]
pub struct Attribution {
    /// The actor the fact is according to.
    pub actor: Option<Ref<Actors>>,
    /// An unnamed source, described as the source describes it
    /// (`unnamed diplomatic sources`).
    pub unnamed: Option<String>,
    /// The reporting verb as written (`said`, `told reporters`).
    pub verb: Option<String>,
    /// Where the attribution was written.
    pub pos: Pos,
}

/// An attribution written out as a map.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttributionFull {
    /// The actor the fact is according to, as an actor id.
    #[serde(default)]
    pub actor: Option<Ref<Actors>>,
    /// An unnamed source, described in words as the source describes it
    /// (`unnamed diplomatic sources`, `a senior official`). Give either
    /// `actor` or `unnamed`.
    #[serde(default)]
    pub unnamed: Option<String>,
    /// The reporting verb as written (`said`, `told reporters`); without
    /// it the briefing says "according to".
    #[serde(default)]
    pub verb: Option<String>,
}

impl Attribution {
    /// Hands the attribution's reference to `v`.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Attribution {
            actor,
            unnamed: _,
            verb: _,
            pos: _,
        } = self;
        v.visit_opt(actor);
    }

    /// Checks that the attribution names exactly one of an actor or an
    /// unnamed source, and that its texts are not blank.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        match (&self.actor, &self.unnamed) {
            (Some(a), None) => c.reference(a),
            (None, Some(u)) => c.not_blank(u, self.pos, "`unnamed`"),
            (Some(a), Some(_)) => c.push(
                Diagnostic::error(
                    "invalid-attribution",
                    a.pos,
                    "an attribution names both an `actor` and an `unnamed` source",
                )
                .with_label("both `actor` and `unnamed`")
                .with_help("keep `actor` when the source names who it is, `unnamed` when it does not"),
            ),
            (None, None) => c.push(
                Diagnostic::error(
                    "invalid-attribution",
                    self.pos,
                    "an attribution names neither an `actor` nor an `unnamed` source",
                )
                .with_label("no `actor` or `unnamed`")
                .with_help(
                    "write `according_to: ACTOR-ID`, or `according_to: {unnamed: diplomatic sources}`",
                ),
            ),
        }
        if let Some(verb) = &self.verb {
            c.not_blank(verb, self.pos, "the reporting verb");
        }
    }

    /// The attribution's view.
    pub(crate) fn view(&self, l: &dyn Names) -> AttributionView {
        let who = match (&self.actor, &self.unnamed) {
            (Some(a), _) => l.actor_name(a),
            (None, Some(u)) => u.trim().to_string(),
            (None, None) => String::new(),
        };
        let verb = opt(&self.verb);
        let text = match &verb {
            Some(v) => crate::i18n::words().msg(
                "according-to-verb",
                &[("who", who.as_str().into()), ("verb", v.as_str().into())],
            ),
            None => crate::i18n::words().msg("according-to-who", &[("who", who.as_str().into())]),
        };
        AttributionView {
            who,
            named: self.actor.is_some(),
            verb,
            text,
        }
    }
}

/// Whom a fact is according to, as the briefing shows it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AttributionView {
    /// The actor's name, or the unnamed source's description.
    pub who: String,
    /// Whether `who` is an actor of the brief (false for an unnamed
    /// source described in words).
    pub named: bool,
    /// The reporting verb as written, if given.
    pub verb: Option<String>,
    /// The phrase to print after the fact: `according to unnamed
    /// diplomatic sources`, or `Sergei Ryabkov said` when a verb is given.
    pub text: String,
}

/// The attribution's view, when there is one.
pub(crate) fn attribution_view(a: &Option<Attribution>, l: &dyn Names) -> Option<AttributionView> {
    a.as_ref().map(|a| a.view(l))
}
