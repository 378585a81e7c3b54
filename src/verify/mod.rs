//! `brief verify`: how much of its sources' texts a brief covers.

pub mod coverage;
pub mod facts;
pub mod report;

pub use coverage::{Article, Claim, Count, Coverage, Facts, FigureFact, Summary, cover_all};
