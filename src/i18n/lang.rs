//! `Lang`: the five languages a briefing can be written in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language `brief` writes briefings in.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Russian.
    Ru,
    /// Ukrainian.
    Uk,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Fr, Lang::De, Lang::Ru, Lang::Uk];

    /// The BCP 47 tag: `en`, `fr`, `de`, `ru`, `uk`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
        }
    }

    /// The language's name in itself, for lists a reader picks from.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
            Lang::Ru => "Русский",
            Lang::Uk => "Українська",
        }
    }

    /// The language of a BCP 47 tag, by its primary subtag
    /// (`fr-CA` is French); `None` for a language `brief` does not write.
    pub fn of_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or(tag);
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(primary))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// A language name that is not one of the five.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`: expected one of en, fr, de, ru, uk")]
pub struct ParseLangError(pub String);

impl FromStr for Lang {
    type Err = ParseLangError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag() == s)
            .ok_or_else(|| ParseLangError(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_regions_fall_to_their_language() {
        for l in Lang::ALL {
            assert_eq!(l.tag().parse::<Lang>(), Ok(l));
        }
        assert_eq!(Lang::of_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::of_tag("uk-UA"), Some(Lang::Uk));
        assert_eq!(Lang::of_tag("pl"), None);
        assert!("english".parse::<Lang>().is_err());
    }
}
