//! References: the id one item gives to name another, and, once
//! validation has found it, the item it names.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use serde::{Deserialize, Deserializer};

use super::handle::Handle;
use super::kind::Kind;
use crate::pos::Located;

/// What a reference may name: one of the marker types below, each
/// standing for the items of one section (or of any).
pub(crate) trait Target {
    /// The kinds of item it may name; the first names the section
    /// suggested when nothing has the id.
    const KINDS: &'static [Kind];
}

/// The actors, as what a reference names.
#[derive(Debug)]
pub enum Actors {}

impl Target for Actors {
    const KINDS: &'static [Kind] = &[Kind::Actor];
}

/// The sources, as what a reference names.
#[derive(Debug)]
pub enum Sources {}

impl Target for Sources {
    const KINDS: &'static [Kind] = &[Kind::Source];
}

/// The places, as what a reference names.
#[derive(Debug)]
pub enum Places {}

impl Target for Places {
    const KINDS: &'static [Kind] = &[Kind::Place];
}

/// The issues, as what a reference names.
#[derive(Debug)]
pub enum Issues {}

impl Target for Issues {
    const KINDS: &'static [Kind] = &[Kind::Issue];
}

/// The events, as what a reference names.
#[derive(Debug)]
pub enum Events {}

impl Target for Events {
    const KINDS: &'static [Kind] = &[Kind::Event];
}

/// The agreements, as what a reference names.
#[derive(Debug)]
pub enum Agreements {}

impl Target for Agreements {
    const KINDS: &'static [Kind] = &[Kind::Agreement];
}

/// The statements, as what a reference names.
#[derive(Debug)]
pub enum Statements {}

impl Target for Statements {
    const KINDS: &'static [Kind] = &[Kind::Statement];
}

/// The items that carry a date of their own (events, statements,
/// figures, agreements), for a date placed relative to another item.
#[derive(Debug)]
pub enum DatedItems {}

impl Target for DatedItems {
    // In the order messages name them.
    const KINDS: &'static [Kind] = &[Kind::Event, Kind::Statement, Kind::Figure, Kind::Agreement];
}

/// The figures, as what a reference names.
#[derive(Debug)]
pub enum Figures {}

impl Target for Figures {
    const KINDS: &'static [Kind] = &[Kind::Figure];
}

/// Any item with an id, for references that may name any of them.
#[derive(Debug)]
pub enum AnyItem {}

impl Target for AnyItem {
    // In the order messages name them.
    const KINDS: &'static [Kind] = &[
        Kind::Event,
        Kind::Agreement,
        Kind::Statement,
        Kind::Figure,
        Kind::Actor,
        Kind::Place,
        Kind::Source,
        Kind::Issue,
    ];
}

/// The items a key point may present: those with a fact of their own to
/// show (events, statements, figures).
#[derive(Debug)]
pub enum KeyItems {}

impl Target for KeyItems {
    const KINDS: &'static [Kind] = &[Kind::Event, Kind::Statement, Kind::Figure, Kind::Agreement];
}

/// A reference, by its id, to one of the items `K` stands for
/// ([`Actors`], [`Sources`]... or [`AnyItem`]). It reads as the id it was written as; the item
/// it names is known only in a brief that passed validation.
pub struct Ref<K> {
    id: Located<String>,
    target: Option<Handle>,
    kind: PhantomData<fn() -> K>,
}

impl<K> Ref<K> {
    /// A reference written as `id`, not yet resolved.
    pub(crate) fn new(id: Located<String>) -> Self {
        Ref {
            id,
            target: None,
            kind: PhantomData,
        }
    }

    /// The item it names: set only by [`Ref::resolve`], so always there
    /// in a checked model.
    pub(crate) fn handle(&self) -> Option<Handle> {
        self.target
    }

    /// The same reference, as one that may name any item (every kind
    /// `K` accepts is one of those).
    pub(crate) fn any(&self) -> Ref<AnyItem> {
        Ref {
            id: self.id.clone(),
            target: self.target,
            kind: PhantomData,
        }
    }

    /// The index of the item it names in that item's section.
    pub(crate) fn index(&self) -> Option<usize> {
        self.target.map(Handle::index)
    }

    /// Finds the item the id names among `ids`, if it is of a kind the
    /// reference accepts. Returns whether it was found.
    pub(crate) fn resolve(&mut self, ids: &HashMap<String, Handle>) -> bool
    where
        K: Target,
    {
        self.target = ids
            .get(&self.id.value)
            .copied()
            .filter(|h| K::KINDS.contains(&h.kind()));
        self.target.is_some()
    }
}

/// Visits references, each with the type of item it names: what
/// validation resolves every reference of a brief with.
pub(crate) trait RefVisitor {
    /// Visits one reference.
    fn visit<K: Target>(&mut self, r: &mut Ref<K>);

    /// Visits each of a list of references.
    fn visit_all<K: Target>(&mut self, rs: &mut [Ref<K>]) {
        for r in rs {
            self.visit(r);
        }
    }

    /// Visits an optional reference.
    fn visit_opt<K: Target>(&mut self, r: &mut Option<Ref<K>>) {
        if let Some(r) = r {
            self.visit(r);
        }
    }
}

impl<K> Deref for Ref<K> {
    type Target = Located<String>;

    fn deref(&self) -> &Located<String> {
        &self.id
    }
}

impl<K> Clone for Ref<K> {
    fn clone(&self) -> Self {
        Ref {
            id: self.id.clone(),
            target: self.target,
            kind: PhantomData,
        }
    }
}

impl<K> fmt::Debug for Ref<K> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_struct("Ref")
            .field("id", &self.id)
            .field("target", &self.target)
            .finish()
    }
}

impl<'de, K> Deserialize<'de> for Ref<K> {
    /// Written as an id, read exactly as any located id is.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Ref {
            id: Located::deserialize(d)?,
            target: None,
            kind: PhantomData,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::marker::PhantomData;

    use super::{Actors, AnyItem, Ref, Target};
    use crate::format::{Handle, Kind};
    use crate::pos::Located;

    fn reference<K>(id: &str) -> Ref<K> {
        Ref {
            id: Located::unplaced(id.to_owned()),
            target: None,
            kind: PhantomData,
        }
    }

    #[test]
    fn a_reference_takes_only_an_item_of_a_kind_it_accepts() {
        let ids = HashMap::from([
            ("putin".to_owned(), Handle::Actor(3)),
            ("call".to_owned(), Handle::Event(1)),
        ]);
        let mut actor = reference::<Actors>("putin");
        assert!(actor.resolve(&ids));
        assert_eq!(actor.index(), Some(3));
        let mut wrong = reference::<Actors>("call");
        assert!(!wrong.resolve(&ids));
        assert_eq!(wrong.handle(), None);
        let mut missing = reference::<Actors>("trump");
        assert!(!missing.resolve(&ids));
        let mut any = reference::<AnyItem>("call");
        assert!(any.resolve(&ids));
        assert_eq!(any.handle(), Some(Handle::Event(1)));
    }

    #[test]
    fn any_item_is_every_kind_with_an_id() {
        for kind in Kind::ALL {
            assert_eq!(AnyItem::KINDS.contains(&kind), kind.referable(), "{kind:?}");
        }
    }
}
