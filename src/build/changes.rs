//! Change pages (`--since REV`): each brief compared with its version in
//! a git revision, as `brief diff git:REV:PATH PATH` would show it.

use std::path::Path;

use super::error::{BriefFailure, BuildError};
use super::options::BuildOptions;
use super::plan::change_page_name;
use crate::imports::ImportScope;
use crate::render::{RenderOptions, Renderer};

/// The revision change pages compare with.
pub(super) struct Since {
    /// As the user named it.
    pub rev: String,
    /// The commit it named when the build started.
    pub commit: String,
}

impl Since {
    /// The revision of `options.since`, resolved once, to a commit, so
    /// that every page compares with the same one and a moved branch is
    /// seen; the diff templates are checked first.
    pub fn resolve(
        src: &Path,
        renderer: &Renderer,
        options: &BuildOptions,
    ) -> Result<Option<Since>, BuildError> {
        let Some(rev) = options.since.as_deref() else {
            return Ok(None);
        };
        for format in &options.formats {
            renderer
                .diff_template_name(&diff_options(*format))
                .map_err(BuildError::Template)?;
        }
        let commit = crate::diff::resolve_commit(src, rev).map_err(BuildError::Git)?;
        Ok(Some(Since {
            rev: rev.to_owned(),
            commit,
        }))
    }

    /// The change pages of the brief `rel` (whose model is `new`) in each
    /// format. A brief not in that commit is all new.
    pub fn pages(
        &self,
        src: &Path,
        rel: &str,
        new: &crate::Model,
        renderer: &Renderer,
        options: &BuildOptions,
    ) -> Result<Vec<(String, String)>, BriefFailure> {
        let rev = &self.rev;
        let old_label = format!("{rev}:{rel}");
        let max = options.limits.max_file_bytes;
        let view = match crate::diff::git_show(src, &self.commit, rel, max) {
            Ok(bytes) => {
                let text = crate::disk::decode_source(bytes, &options.limits).map_err(|d| {
                    BriefFailure::OldUnreadable {
                        rev: rev.clone(),
                        diagnostic: Box::new(d),
                    }
                })?;
                let root = options.import_root.as_deref().unwrap_or(src);
                let scope = ImportScope::for_file(&src.join(rel), Some(root));
                let checked =
                    crate::pipeline::check_source(&old_label, text, Some(&scope), &options.limits);
                let Some(old) = checked.model else {
                    return Err(BriefFailure::OldInvalid {
                        rev: rev.clone(),
                        errors: checked.diagnostics.iter().filter(|d| d.is_error()).count(),
                    });
                };
                crate::diff::diff(&old, new, &old_label, rel)
            }
            Err(e) if e.is_missing_file() => {
                crate::diff::diff_new(new, &format!("(none in {rev})"), rel)
            }
            Err(e) => return Err(BriefFailure::Git(e)),
        };
        let mut pages = Vec::new();
        for format in &options.formats {
            let text = renderer
                .render_diff(&view, &diff_options(*format))
                .map_err(BriefFailure::ChangePage)?;
            pages.push((change_page_name(rel, *format), text));
        }
        Ok(pages)
    }
}

fn diff_options(format: crate::render::Format) -> RenderOptions {
    RenderOptions {
        format,
        ..RenderOptions::default()
    }
}
