//! The brief format, one module per section kind: each holds the raw serde
//! types its part of a brief file deserializes into and the checks that
//! types alone cannot make.
//!
//! The raw types mirror the YAML exactly. They carry source locations
//! ([`Located`](crate::pos::Located)) where later stages need to point at a
//! value, and they reject unknown fields. The reference page
//! `docs/format.md` documents every field; keep the two in step. The doc
//! comments here are also the descriptions editors show from the JSON
//! Schema ([`json_schema`](mod@crate::json_schema)), so they are written
//! for brief authors.
//!
//! The sections are the fields of [`Brief`]; [`Kind`] names the kinds of
//! item. Adding a section kind is a new module here, a field of `Brief` and
//! a variant of `Kind`: the code that visits every section destructures
//! `Brief` in full and matches `Kind` exhaustively, so the compiler points
//! at each place the new section must go.

mod actor;
mod brief;
mod checker;
mod date_spec;
mod event;
mod figure;
mod gap;
mod handle;
mod issue;
mod judgment;
mod key_point;
mod kind;
mod place;
mod source;
mod statement;

pub use actor::{Actor, ActorKind, Role};
pub use brief::{Brief, Registry};
pub(crate) use checker::Checker;
pub use date_spec::{DateFull, DatePart, DateSpec};
pub use event::{Event, EventKind, EventStatus};

pub use figure::{AppliesTo, ControlStatus, Figure, Qualifier};
pub use gap::Gap;
pub(crate) use handle::Handle;
pub use issue::Issue;
pub use judgment::{Confidence, Judgment, Likelihood};
pub use key_point::KeyPoint;
pub(crate) use kind::Kind;
pub use place::{Place, PlaceKind};
pub use source::{Source, SourceKind};
pub use statement::{Rejection, Relation, Statement, StatementKind};

use crate::pos::Located;

/// An item that other items refer to by id, and that may have been known
/// by other ids before.
pub(crate) trait Identified {
    /// The handle of the item at `index` in its section.
    fn handle(index: usize) -> Handle;
    /// Its id.
    fn id(&self) -> &Located<String>;
    /// The ids it had before, oldest or newest in any order.
    fn supersedes(&self) -> &[Located<String>];
}
