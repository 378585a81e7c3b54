//! The plan of a build: which briefs there are, what each writes, and
//! which of them would overwrite another's output.
//!
//! Briefs are found recursively under the source directory: every `.yaml`
//! or `.yml` file, except hidden ones and those whose name (or a parent
//! directory's name) starts with `_`, which are left for shared data. The
//! output mirrors the source tree: `a/b.yaml` → `a/b.md`, `a/b.html`.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::error::{BriefFailure, BuildError, Owner};
use super::options::BuildOptions;
use crate::render::Format;

/// The briefs of a build, each with the reason it cannot be built
/// whatever its content, if any.
pub(super) struct Plan {
    /// Every brief, relative to the source directory with `/`, sorted.
    pub sources: Vec<String>,
    /// For each brief, the output it would overwrite.
    pub clashes: Vec<Option<BriefFailure>>,
}

impl Plan {
    /// Finds the briefs under `src` and the outputs that clash: `a.yaml`
    /// and `a.yml`, or a brief named `index`. The first in path order
    /// keeps the name.
    pub fn new(src: &Path, out: &Path, options: &BuildOptions) -> Result<Plan, BuildError> {
        let sources = find_briefs(src, Some(out))?;
        let mut owner: HashMap<String, Owner> = HashMap::new();
        for name in index_names(options) {
            owner.insert(name, Owner::Index);
        }
        let mut clashes = Vec::with_capacity(sources.len());
        for source in &sources {
            let names = output_names(source, options);
            let clash = names.iter().find_map(|n| {
                let with = match options.site {
                    // The site's own pages, whatever tags there will be.
                    Some(site) if site.reserves(n) => Some(&Owner::SitePages),
                    _ => owner.get(n),
                };
                with.map(|with| BriefFailure::Clash {
                    name: n.clone(),
                    with: with.clone(),
                })
            });
            if clash.is_none() {
                for n in names {
                    owner.insert(n, Owner::Brief(source.clone()));
                }
            }
            clashes.push(clash);
        }
        Ok(Plan { sources, clashes })
    }
}

/// Every brief under `src`, as paths relative to it with `/` separators,
/// sorted, leaving out the output directory `out`.
pub(super) fn find_briefs(src: &Path, out: Option<&Path>) -> Result<Vec<String>, BuildError> {
    let read_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| BuildError::Read { path, source }
    };
    let meta = std::fs::metadata(src).map_err(read_error(src))?;
    if !meta.is_dir() {
        return Err(BuildError::NotADirectory(src.to_path_buf()));
    }
    let out = out.and_then(|o| std::fs::canonicalize(o).ok());
    if out.is_some() && out == std::fs::canonicalize(src).ok() {
        return Err(BuildError::SourceIsOutput(src.to_path_buf()));
    }
    let mut found = Vec::new();
    let mut stack = vec![(src.to_path_buf(), String::new())];
    // Directories already walked: a symbolic link back up the tree is
    // followed once, not forever.
    let mut seen = HashSet::new();
    while let Some((dir, prefix)) = stack.pop() {
        if let Ok(real) = std::fs::canonicalize(&dir)
            && !seen.insert(real)
        {
            continue;
        }
        if out
            .as_ref()
            .is_some_and(|o| std::fs::canonicalize(&dir).is_ok_and(|d| &d == o))
        {
            continue;
        }
        for entry in std::fs::read_dir(&dir).map_err(read_error(&dir))? {
            let entry = entry.map_err(read_error(&dir))?;
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if name.starts_with('.') || name.starts_with('_') {
                continue;
            }
            let path = entry.path();
            let rel = format!("{prefix}{name}");
            if path.is_dir() {
                stack.push((path, format!("{rel}/")));
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                found.push(rel);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// `a/b.yaml` → `a/b.md`.
pub(super) fn output_name(rel: &str, format: Format) -> String {
    let stem = rel
        .strip_suffix(".yaml")
        .or_else(|| rel.strip_suffix(".yml"))
        .unwrap_or(rel);
    format!("{stem}.{}", format.extension())
}

/// A brief's outputs: its briefing in each format, then with `since` its
/// change page in each format.
pub(super) fn output_names(rel: &str, options: &BuildOptions) -> Vec<String> {
    let formats = &options.formats;
    let mut names: Vec<String> = formats.iter().map(|f| output_name(rel, *f)).collect();
    if options.since.is_some() {
        names.extend(formats.iter().map(|f| change_page_name(rel, *f)));
    }
    names
}

/// `a/b.yaml` → `a/b.changes.md`.
pub(super) fn change_page_name(rel: &str, format: Format) -> String {
    output_name(rel, format)
        .rsplit_once('.')
        .map(|(stem, ext)| format!("{stem}.changes.{ext}"))
        .unwrap_or_default()
}

/// The index pages, one per format: `index.md`, `index.html`; for a
/// site, its section page (`_index.md` or `index.md`). The tag pages of a
/// site depend on the briefs: see [`super::index`].
pub(super) fn index_names(options: &BuildOptions) -> Vec<String> {
    if let Some(site) = options.site {
        return vec![site.section_file().to_owned()];
    }
    options
        .formats
        .iter()
        .map(|f| format!("index.{}", f.extension()))
        .collect()
}
