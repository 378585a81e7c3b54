//! Handles: what an id turns into once validation has found the item it
//! names, so later stages look items up by section and index, not by text.

use super::kind::Kind;

/// An item with an id: its section and its index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Handle {
    /// A source, by its index in `sources`.
    Source(usize),
    /// An actor, by its index in `actors`.
    Actor(usize),
    /// A place, by its index in `places`.
    Place(usize),
    /// An issue, by its index in `issues`.
    Issue(usize),
    /// An event, by its index in `events`.
    Event(usize),
    /// An agreement, by its index in `agreements`.
    Agreement(usize),
    /// A statement, by its index in `statements`.
    Statement(usize),
    /// A figure, by its index in `figures`.
    Figure(usize),
}

impl Handle {
    /// The kind of item it names.
    pub(crate) fn kind(self) -> Kind {
        match self {
            Handle::Source(_) => Kind::Source,
            Handle::Actor(_) => Kind::Actor,
            Handle::Place(_) => Kind::Place,
            Handle::Issue(_) => Kind::Issue,
            Handle::Event(_) => Kind::Event,
            Handle::Agreement(_) => Kind::Agreement,
            Handle::Statement(_) => Kind::Statement,
            Handle::Figure(_) => Kind::Figure,
        }
    }

    /// Its index in its section.
    pub(crate) fn index(self) -> usize {
        match self {
            Handle::Source(i)
            | Handle::Actor(i)
            | Handle::Place(i)
            | Handle::Issue(i)
            | Handle::Event(i)
            | Handle::Agreement(i)
            | Handle::Statement(i)
            | Handle::Figure(i) => i,
        }
    }
}
