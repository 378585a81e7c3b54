//! Judgments: the analyst's own assessments, kept apart from what the
//! sources report.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::change::{Item, Refs, Sig, Value, field, norm, plain, shown};
use super::checker::Checker;
use super::kind::Kind;
use super::names::Cite;
use super::names::Names;
use super::reference::{Ref, RefVisitor, Sources};

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
    pub sources: Vec<Ref<Sources>>,
}

impl Judgment {
    /// Hands each reference of the judgment to `v`. Spelled out in full, so
    /// that a new field must say whether it is a reference.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Judgment {
            text: _,
            likelihood: _,
            confidence: _,
            sources,
        } = self;
        v.visit_all(sources);
    }
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

impl Judgment {
    /// Checks the sources it depends on.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        c.references(&self.sources);
    }
}

/// A judgment by the author.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JudgmentView {
    /// The judgment.
    pub text: String,
    /// Likelihood band in words with its range: `likely (55–80%)`.
    pub likelihood: Option<String>,
    /// `low`, `moderate` or `high`.
    #[schemars(with = "Option<String>")]
    pub confidence: Option<Confidence>,
    /// Sources.
    pub cites: Vec<Cite>,
}

impl Judgment {
    /// The judgment's view.
    pub(crate) fn view(&self, l: &dyn Names) -> JudgmentView {
        let j = self;
        JudgmentView {
            text: j.text.trim().to_string(),
            likelihood: j.likelihood.map(Likelihood::shown),
            confidence: j.confidence,
            cites: l.cites(&j.sources),
        }
    }
}

impl Likelihood {
    /// The band in words with its range: `likely (55–80%)`.
    pub fn text(self) -> &'static str {
        match self {
            Likelihood::AlmostNoChance => "almost no chance (1–5%)",
            Likelihood::VeryUnlikely => "very unlikely (5–20%)",
            Likelihood::Unlikely => "unlikely (20–45%)",
            Likelihood::RoughlyEven => "roughly even chance (45–55%)",
            Likelihood::Likely => "likely (55–80%)",
            Likelihood::VeryLikely => "very likely (80–95%)",
            Likelihood::AlmostCertain => "almost certain (95–99%)",
        }
    }
}

impl Likelihood {
    /// The band in the reader's words, with its range.
    pub fn shown(self) -> String {
        crate::i18n::words().msg("likelihood", &[("band", self.key().into())])
    }

    /// The band as written in a brief: `almost-no-chance`, `likely`...
    fn key(self) -> &'static str {
        match self {
            Likelihood::AlmostNoChance => "almost-no-chance",
            Likelihood::VeryUnlikely => "very-unlikely",
            Likelihood::Unlikely => "unlikely",
            Likelihood::RoughlyEven => "roughly-even",
            Likelihood::Likely => "likely",
            Likelihood::VeryLikely => "very-likely",
            Likelihood::AlmostCertain => "almost-certain",
        }
    }
}

impl Confidence {
    /// The level in the reader's words.
    pub fn shown(self) -> String {
        crate::i18n::words().msg("confidence-level", &[("level", self.text().into())])
    }

    /// The level in words: `low`, `moderate` or `high`.
    pub fn text(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Moderate => "moderate",
            Confidence::High => "high",
        }
    }
}

impl Judgment {
    /// The judgment as `brief diff` compares it, from its view `j`; `i` is
    /// its place in its section.
    pub(crate) fn change_item(&self, i: usize, j: &JudgmentView, r: &Refs) -> Item {
        let mut item = Item::new(Kind::Judgment, i, None);
        item.key = norm(&j.text);
        item.label = shown(&j.text);
        let mut d = Vec::new();
        if let Some(l) = &j.likelihood {
            d.push(l.clone());
        }
        if let Some(c) = j.confidence {
            d.push(crate::i18n::words().msg("confidence", &[("level", c.shown().into())]));
        }
        item.description = Some(d.join(", ")).filter(|d| !d.is_empty());
        item.fields = vec![
            field("text", "Text", Sig::Wording, plain(&j.text)),
            field(
                "likelihood",
                "Likelihood",
                Sig::Detail,
                Value::Text(j.likelihood.clone()),
            ),
            field(
                "confidence",
                "Confidence",
                Sig::Detail,
                Value::Text(j.confidence.map(Confidence::shown)),
            ),
            field("sources", "Sources", Sig::Detail, r.cites(&j.cites)),
        ];
        item
    }
}

impl Serialize for Confidence {
    /// Templates see the confidence in the reader's words.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.shown())
    }
}
