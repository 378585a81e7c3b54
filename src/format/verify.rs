//! The brief's settings for `brief verify`: the words of its sources
//! that need no item.

use schemars::JsonSchema;
use serde::Deserialize;

use super::checker::Checker;
use crate::pos::Located;

/// Settings for `brief verify`, which reports how much of the sources'
/// texts the brief covers.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifySettings {
    /// Names in the sources' texts that need no actor or place (a
    /// newspaper's own name, a building, a brand): `brief verify` counts
    /// them as covered. Compared without regard to case or a possessive
    /// `'s` (`Harbour Authority`, `Celest Times`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub ignore: Vec<Located<String>>,
}

impl VerifySettings {
    /// Checks that no word of the ignore list is blank.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        for word in &self.ignore {
            c.not_blank(&word.value, word.pos, "a word to ignore");
        }
    }
}
