//! The briefs of a directory and the data of their index page, for a
//! preview that renders each page on request instead of writing files.

use std::path::Path;

use super::error::BuildError;
use super::index::{Entry, link, view};
use super::plan::{find_briefs, output_name};
use crate::render::{Format, IndexView};
use crate::validate::Model;

/// Every brief under `src` that `build` would render, relative to it with
/// `/` separators, sorted.
pub fn briefs_in(src: &Path) -> Result<Vec<String>, BuildError> {
    find_briefs(src, None)
}

/// The index page's data for briefs given by path, each with its checked
/// model, or `None` when it has errors (it is then listed by its path,
/// last).
pub fn index_view(
    briefs: &[(String, Option<&Model>)],
    format: Format,
    lang: crate::i18n::Lang,
) -> IndexView {
    let words = crate::i18n::Words::new(crate::i18n::Catalog::builtin(), lang);
    let entries: Vec<(String, Entry)> = briefs
        .iter()
        .map(|(rel, model)| {
            let entry = match model {
                Some(model) => Entry::new(model, &crate::resolve::resolve_in(model, None, &words)),
                None => Entry::broken(rel),
            };
            (rel.clone(), entry)
        })
        .collect();
    view(
        &entries,
        &|path: &str| link(&output_name(path, format)),
        lang,
    )
}
