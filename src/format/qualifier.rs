//! The qualifier a source puts on a number ("nearly", "over"...): kept
//! with every figure, shown as its word, and bounding the value in charts
//! and in `brief diff`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

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

impl Qualifier {
    /// The qualifier as a word before the number: `nearly`, `over`, or
    /// empty when there is none.
    pub fn word(self) -> &'static str {
        match self {
            Qualifier::Unqualified => "",
            Qualifier::Exactly => "exactly",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::AtLeast => "at least",
            Qualifier::AtMost => "at most",
        }
    }

    /// How the qualifier bounds the value: `below`, `above`, `around`,
    /// `at least`, `at most`, `exact`, or `as stated`.
    pub fn bound(self) -> &'static str {
        match self {
            Qualifier::Unqualified => "as stated",
            Qualifier::Exactly => "exact",
            Qualifier::About => "around",
            Qualifier::Nearly | Qualifier::Under => "below",
            Qualifier::Over => "above",
            Qualifier::AtLeast => "at least",
            Qualifier::AtMost => "at most",
        }
    }
}

impl Serialize for Qualifier {
    /// Templates see the qualifier in words, as [`Qualifier::word`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.word())
    }
}
