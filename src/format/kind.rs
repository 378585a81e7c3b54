//! The kinds of item a brief holds: what an id can name, and what
//! `brief diff` compares, section by section.

/// A kind of item, in the order of the brief's sections (the order
/// `brief diff` lists its changes in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The brief's own details: title, dates, prose.
    Brief,
    /// A bottom-line-up-front point.
    KeyPoint,
    /// A person, state, organisation or group.
    Actor,
    /// A source of facts.
    Source,
    /// A place.
    Place,
    /// An issue statements take positions on.
    Issue,
    /// A meeting, call or other event.
    Event,
    /// An agreement or proposal.
    Agreement,
    /// Something said, claimed or believed.
    Statement,
    /// A figure with its qualifier.
    Figure,
    /// The analyst's own judgment.
    Judgment,
    /// Something the sources leave unclear.
    Gap,
}

impl Kind {
    /// Every kind, in declaration order. A unit test walks [`Kind::next`],
    /// whose match is exhaustive, to keep this complete.
    pub const ALL: [Kind; 12] = [
        Kind::Brief,
        Kind::KeyPoint,
        Kind::Actor,
        Kind::Source,
        Kind::Place,
        Kind::Issue,
        Kind::Event,
        Kind::Agreement,
        Kind::Statement,
        Kind::Figure,
        Kind::Judgment,
        Kind::Gap,
    ];

    /// The kind after this one, in declaration order.
    #[cfg(test)]
    fn next(self) -> Option<Kind> {
        match self {
            Kind::Brief => Some(Kind::KeyPoint),
            Kind::KeyPoint => Some(Kind::Actor),
            Kind::Actor => Some(Kind::Source),
            Kind::Source => Some(Kind::Place),
            Kind::Place => Some(Kind::Issue),
            Kind::Issue => Some(Kind::Event),
            Kind::Event => Some(Kind::Agreement),
            Kind::Agreement => Some(Kind::Statement),
            Kind::Statement => Some(Kind::Figure),
            Kind::Figure => Some(Kind::Judgment),
            Kind::Judgment => Some(Kind::Gap),
            Kind::Gap => None,
        }
    }

    /// The name in machine-readable output: `key_point`, `source`...
    pub fn name(self) -> &'static str {
        match self {
            Kind::Brief => "brief",
            Kind::KeyPoint => "key_point",
            Kind::Actor => "actor",
            Kind::Source => "source",
            Kind::Place => "place",
            Kind::Issue => "issue",
            Kind::Event => "event",
            Kind::Agreement => "agreement",
            Kind::Statement => "statement",
            Kind::Figure => "figure",
            Kind::Judgment => "judgment",
            Kind::Gap => "gap",
        }
    }

    /// The noun for one item, in messages: `key point`, `source`...
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Kind::KeyPoint => "key point",
            _ => self.name(),
        }
    }

    /// The indefinite article before [`Kind::noun`].
    pub(crate) fn article(self) -> &'static str {
        match self {
            Kind::Actor | Kind::Issue | Kind::Event | Kind::Agreement => "an",
            _ => "a",
        }
    }

    /// The noun for several items, which is also the section's key in a
    /// brief for kinds other than the brief itself.
    pub(crate) fn plural(self) -> &'static str {
        match self {
            Kind::Brief => "briefs",
            Kind::KeyPoint => "key points",
            Kind::Actor => "actors",
            Kind::Source => "sources",
            Kind::Place => "places",
            Kind::Issue => "issues",
            Kind::Event => "events",
            Kind::Agreement => "agreements",
            Kind::Statement => "statements",
            Kind::Figure => "figures",
            Kind::Judgment => "judgments",
            Kind::Gap => "gaps",
        }
    }

    /// Whether items of this kind have ids (the brief has its own); the
    /// others are matched by their text.
    pub(crate) fn has_ids(self) -> bool {
        self == Kind::Brief || self.referable()
    }

    /// Whether a reference can name an item of this kind.
    pub(crate) fn referable(self) -> bool {
        match self {
            Kind::Actor
            | Kind::Source
            | Kind::Place
            | Kind::Issue
            | Kind::Event
            | Kind::Agreement
            | Kind::Statement
            | Kind::Figure => true,
            Kind::Brief | Kind::KeyPoint | Kind::Judgment | Kind::Gap => false,
        }
    }
}

impl serde::Serialize for Kind {
    /// Machine-readable output sees the name, as [`Kind::name`] gives it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn all_lists_every_kind_in_order() {
        let mut walked = vec![Kind::Brief];
        while let Some(next) = walked.last().and_then(|k| k.next()) {
            walked.push(next);
        }
        assert_eq!(walked, Kind::ALL);
        let mut sorted = Kind::ALL;
        sorted.sort();
        assert_eq!(sorted, Kind::ALL);
    }
}
