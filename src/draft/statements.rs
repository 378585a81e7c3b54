//! Statements: direct quotes with their speaker and reporting verb, and
//! the attribution and relay phrases around them.

use super::Context;
use super::model::{Ids, Statement};

/// The statements of the article.
pub fn find(_cx: &Context, _ids: &mut Ids) -> Vec<Statement> {
    Vec::new()
}
