//! Gaps: what the sources leave unclear or unstated.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Checker, Kind, Lookup};
use crate::pos::Located;

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

/// What a gap can be about: any item with an id, in the order messages
/// name them (the first also names the section to define a missing id in).
const ABOUT: [Kind; 7] = [
    Kind::Event,
    Kind::Statement,
    Kind::Figure,
    Kind::Actor,
    Kind::Place,
    Kind::Source,
    Kind::Issue,
];

impl Gap {
    /// Checks that what it is about exists.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        for r in &self.about {
            c.reference_any(r, &ABOUT);
        }
    }
}

/// A gap in the sources.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GapView {
    /// What is unclear.
    pub text: String,
    /// Names or titles of the facts it concerns.
    pub about: Vec<String>,
}

impl Gap {
    /// The gap's view.
    pub(crate) fn view(&self, l: &Lookup) -> GapView {
        GapView {
            text: self.text.trim().to_string(),
            about: self.about.iter().map(|r| l.label_of(&r.value)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ABOUT, Kind};

    #[test]
    fn a_gap_can_be_about_any_kind_with_an_id() {
        for kind in Kind::ALL {
            assert_eq!(ABOUT.contains(&kind), kind.referable(), "{kind:?}");
        }
    }
}
