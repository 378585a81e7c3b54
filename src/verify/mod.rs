//! `brief verify`: how much of its sources' texts a brief covers, from
//! the passages grounding found ([`crate::ground`]) and what the brief
//! states ([`facts`]), reported by [`report`].

pub mod coverage;
pub mod facts;
pub mod report;

pub use coverage::{Article, Claim, Count, Coverage, Facts, FigureFact, Summary, cover_all};

use crate::ground::{Grounding, PassageKind};
use crate::validate::Model;

/// The texts of a grounding with the passages found in each, the items
/// named as a reader names them (`figure walkout`).
pub fn articles(g: &Grounding) -> Vec<Article<'_>> {
    g.texts
        .iter()
        .map(|t| Article {
            source: &t.source,
            file: &t.path,
            text: &t.text,
            passages: g
                .passages
                .iter()
                .filter(|p| p.source == t.source)
                .map(|p| Claim {
                    item: format!("{} {}", p.item.kind.noun(), p.item.id),
                    range: p.range.clone(),
                    quote: p.kind == PassageKind::Quote,
                })
                .collect(),
        })
        .collect()
}

/// The coverage of a checked brief's texts; `None` when no source has a
/// text, so there is nothing to verify.
pub fn verify(model: &Model, grounding: Option<&Grounding>) -> Option<Coverage> {
    let g = grounding.filter(|g| !g.texts.is_empty())?;
    let mut coverage = cover_all(&articles(g), &facts::facts(model));
    coverage.title = model.brief().title.clone();
    Some(coverage)
}
