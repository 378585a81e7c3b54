//! `brief build`: a directory of briefs → a directory of briefings, in
//! parallel, with an index page per format, skipping briefs whose inputs
//! and templates did not change, or (`check`) comparing with what is
//! already there and writing nothing.
//!
//! A build runs in phases, each in its own module: `plan` (the briefs
//! and their output names), `fingerprint` (what decides whether a brief
//! is up to date), `workers` and `brief` (each brief rendered and
//! written on a worker), `index` (the index pages), `record` (the
//! build record), `gather` (the outcomes, in path order, into the summary
//! and the new record), `write` (files written inside OUT only) and `drift`
//! (`check`, and outputs left behind); `listing` gives a preview the
//! briefs and their index without building.
//!
//! Output is deterministic: the order of work never reaches it. Every file
//! is written to a temporary file and renamed into place, and only when its
//! content changed; a brief with errors keeps its previous output.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let out = tempfile::tempdir()?;
//! let renderer = brief::Renderer::new()?;
//! let options = brief::BuildOptions {
//!     formats: vec![brief::Format::Markdown, brief::Format::Html],
//!     ..Default::default()
//! };
//! let summary = brief::build("briefs".as_ref(), out.path(), &renderer, &options, &|_, _| {})?;
//! assert_eq!(summary.failed(), 0);
//! assert!(out.path().join("us-russia-talks.html").is_file());
//! assert!(out.path().join("index.md").is_file());
//!
//! // Nothing changed: nothing is rendered again, and a check finds no drift.
//! let again = brief::build("briefs".as_ref(), out.path(), &renderer, &options, &|_, _| {})?;
//! assert_eq!(again.rendered, 0);
//! let check = brief::BuildOptions { check: true, ..options };
//! let report = brief::build("briefs".as_ref(), out.path(), &renderer, &check, &|_, _| {})?;
//! assert!(report.drift.is_empty());
//! # Ok(())
//! # }
//! ```

mod brief;
mod changes;
mod drift;
mod error;
mod fingerprint;
mod gather;
mod index;
mod listing;
mod options;
mod plan;
mod record;
mod report;
mod site;
mod slug;
#[cfg(test)]
mod tests;
mod workers;
mod write;

use std::path::Path;

pub use error::{BriefFailure, BuildError, Owner};
pub use listing::{briefs_in, index_view};
pub use options::BuildOptions;
pub use record::MANIFEST;
pub use report::{BriefReport, BuildSummary, Drift, DriftKind};
pub use site::Site;

use crate::render::Renderer;

/// Builds every brief under `src` into `out`. `progress` is called with
/// (done, total) as briefs finish, from worker threads.
pub fn build(
    src: &Path,
    out: &Path,
    renderer: &Renderer,
    options: &BuildOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<BuildSummary, BuildError> {
    options.validate(renderer)?;
    let started = fingerprint::now_nanos();
    let plan = plan::Plan::new(src, out, options)?;
    let (mut last, warnings) = record::Record::read(out);
    let since = changes::Since::resolve(src, renderer, options)?;
    let settings =
        fingerprint::Settings::new(renderer, options, since.as_ref().map(|s| s.commit.as_str()));
    let out_dir = match options.check {
        true => None,
        false => Some(write::OutDir::create(out)?),
    };
    if let Some(out_dir) = &out_dir {
        // What a killed build left: its temporary files, and (through the
        // pending outputs recorded next) the outputs it wrote.
        drift::remove_temporary_files(out_dir);
        let planned = plan
            .sources
            .iter()
            .flat_map(|rel| plan::output_names(rel, options));
        if last.note_pending(planned.chain(plan::index_names(options))) {
            last.write(out)?;
        }
    }
    let src_real = std::fs::canonicalize(src).ok();

    let each = brief::Build {
        src,
        src_real: src_real.as_deref(),
        out,
        out_dir: out_dir.as_ref(),
        renderer,
        options,
        settings: &settings,
        last: &last,
        trusted_before: settings.trusted_before(last.started, last.settings, options),
        since: since.as_ref(),
    };
    let outcomes = workers::run(plan.sources.len(), options.jobs, progress, |i| {
        each.brief(&plan.sources[i], plan.clashes[i].clone())
    });

    let new = record::Record::new(settings.hash, started);
    let gather::Gathered {
        mut summary,
        mut record,
        files,
        entries,
    } = gather::gather(&plan.sources, outcomes, &mut last, new, src, options)?;
    summary.warnings = warnings;

    let index = index::IndexPages::new(
        &entries,
        last.index.as_ref(),
        &settings,
        renderer,
        options,
        out,
    )?;

    // Checking compares with what is there, and writes nothing.
    let Some(out_dir) = out_dir else {
        let expected: Vec<&(String, String)> = files.iter().chain(index.files()).collect();
        summary.drift = drift::drift(out, &expected, &record, &last);
        return Ok(summary);
    };
    out_dir.remake()?;
    record.index = Some(index.write(&out_dir, &mut summary.written)?);
    record.stamp_new_outputs(out);
    summary.removed = drift::remove_left_behind(&out_dir, &last, &record, &files);
    record.write(out)?;
    Ok(summary)
}
