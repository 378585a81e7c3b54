//! The brief format, one module per section kind: each holds the raw serde
//! types its part of a brief file deserializes into, the checks that types
//! alone cannot make, and its view: what templates see of it once its
//! references are resolved into names.
//!
//! The raw types mirror the YAML exactly. They carry source locations
//! ([`Located`](crate::pos::Located)) where later stages need to point at a
//! value, and they reject unknown fields. The reference page
//! `docs/format.md` documents every field; keep the two in step. The doc
//! comments here are also the descriptions editors show from the JSON
//! Schema ([`json_schema`](mod@crate::json_schema)), so they are written
//! for brief authors.
//!
//! A field that names another item is a [`Ref`], typed by the section it
//! names into. Validation points every reference at its item (each
//! section lists its references in one `visit_refs`), so resolving a
//! checked brief reads items by place, never by id.
//!
//! The sections are the fields of [`Brief`]; [`Kind`] names the kinds of
//! item. Adding a section kind is a new module here, a field of `Brief` and
//! a variant of `Kind`: the code that visits every section destructures
//! `Brief` in full and matches `Kind` exhaustively, so the compiler points
//! at each place the new section must go.

mod actor;
mod agreement;
mod attribution;
mod brief;
mod change;
mod checker;
mod cite;
mod date_spec;
mod drafted;
mod event;
mod evidence;
mod figure;
mod gap;
mod handle;
mod identified;
mod issue;
mod judgment;
mod key_point;
mod kind;
mod names;
mod place;
mod qualifier;
mod reference;
mod source;
mod statement;
mod text;
mod verify;
mod vote;

pub use actor::{Actor, ActorKind, ActorView, Role, RoleView};
pub use agreement::{
    Agreement, AgreementKind, AgreementStatus, AgreementView, Duration, DurationUnit, Objection,
    ObjectionView, Term, TermView,
};
pub use attribution::{Attribution, AttributionFull, AttributionView};
pub use brief::{Brief, BriefView, FORMAT, Registry};
pub use change::Sig;
pub(crate) use change::{Field, FigureValue, Item, Refs, Value, capitalize, norm, shown};
pub(crate) use checker::Checker;
pub use date_spec::{
    DateFull, DateNoteView, DatePart, DatePrecision, DateRelation, DateSpec, DateView,
};
pub(crate) use date_spec::{
    Given, check_relations as check_date_relations, date_view, edtf_of_wording,
    unmarked_inferred_parts,
};
pub use event::{Event, EventKind, EventStatus, EventView};
pub use evidence::{Evidence, EvidenceView, Selector, SelectorFull};
pub(crate) use figure::figure_display;

pub use figure::{
    AppliesTo, Comparison, ComparisonView, ControlStatus, Figure, FigureKind, FigureView,
};
pub use gap::{Gap, GapKind, GapView};
pub(crate) use handle::Handle;
pub use issue::{Issue, IssueView};
pub use judgment::{Confidence, Judgment, JudgmentView, Likelihood};
pub use key_point::{KeyItemView, KeyPoint, KeyPointView};
pub(crate) use key_point::{KeyPointFields, check_key_points};
pub use kind::Kind;
pub(crate) use names::Names;
pub use names::{Cite, FigureLink, SpeakerView};
pub use place::{Place, PlaceKind};
pub(crate) use qualifier::help as qualifier_help;
pub use qualifier::{Meaning, Qualifier};
pub use reference::{
    Actors, Agreements, AnyItem, DatedItems, Events, Figures, Issues, KeyItems, Places, Ref,
    Sources, Statements,
};
pub(crate) use reference::{RefVisitor, Target};
pub use source::{Source, SourceKind, SourceView};
pub use statement::{
    AlignView, Rejection, RejectionView, Relation, Speakers, Statement, StatementKind,
    StatementView, ViaStep,
};
pub(crate) use statement::{not_attributed, short_ref};
pub(crate) use text::{group_thousands, join_and, join_or, number_text, opt};
pub use verify::VerifySettings;
pub use vote::{Ballot, Count, Vote, VoteGroup, VoteMember, VoteOutcome, VoteView};
