//! Judgments: the analyst's own assessments, kept apart from what the
//! sources report.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{Checker, Kind};
use crate::pos::Located;

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

impl Judgment {
    /// Checks the sources it depends on.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        c.references(&self.sources, Kind::Source);
    }
}
