//! The briefs' outcomes gathered, in path order, into what the build
//! reports and the build record it writes.

use std::path::{Path, PathBuf};

use super::brief::Outcome;
use super::error::BuildError;
use super::index::Entry;
use super::options::BuildOptions;
use super::plan::output_names;
use super::record::{BriefRecord, Record};
use super::report::BuildSummary;

/// The briefs' results gathered in path order.
pub(super) struct Gathered {
    /// What the build did so far.
    pub summary: BuildSummary,
    /// The new record, without the index pages yet.
    pub record: Record,
    /// Each rendered brief's (output name, text); the text is empty once
    /// a worker has written it.
    pub files: Vec<(String, String)>,
    /// (source path, entry) of every brief the index lists.
    pub entries: Vec<(String, Entry)>,
}

/// Gathers the outcomes of `sources` (in the same order) into the summary
/// and the new record. An up-to-date brief keeps its record, taken over
/// whole; a failed one keeps its old outputs and record, marked to be
/// built again. The first write error stops the build.
pub(super) fn gather(
    sources: &[String],
    outcomes: Vec<Outcome>,
    last: &mut Record,
    new: Record,
    src: &Path,
    options: &BuildOptions,
) -> Result<Gathered, BuildError> {
    let mut g = Gathered {
        summary: BuildSummary {
            briefs: sources.len(),
            ..BuildSummary::default()
        },
        record: new,
        files: Vec::new(),
        entries: Vec::new(),
    };
    for (key, mut o) in sources.iter().zip(outcomes) {
        if let Some(e) = o.write_error.take() {
            return Err(e);
        }
        g.summary
            .written
            .extend(o.written.iter().map(PathBuf::from));
        let outputs = output_names(key, options);
        let mut stamps = Vec::new();
        let failed = o.report.failed();
        if o.skipped {
            g.summary.up_to_date += 1;
        }
        // A skipped brief fails after all if its output now clashes.
        if o.skipped
            && !failed
            && let Some(kept) = last.briefs.remove(key)
        {
            o.entry = kept.entry;
            o.imports = kept.imports;
            stamps = kept.stamps;
        } else if !o.skipped && !failed {
            g.summary.rendered += 1;
        }
        if let Some(entry) = &o.entry {
            g.entries.push((key.clone(), entry.clone()));
        }
        match o.skipped {
            true => (g.summary.imports).extend(o.imports.iter().map(|(name, _)| src.join(name))),
            false => g.summary.imports.append(&mut o.watched),
        }
        if failed || !o.report.diagnostics.is_empty() {
            g.summary.reports.push(o.report);
        }
        if failed {
            if let Some(old) = last.briefs.get(key) {
                g.record.briefs.insert(
                    key.clone(),
                    BriefRecord {
                        fingerprint: None,
                        source: None,
                        ..old.clone()
                    },
                );
            }
            continue;
        }
        g.files.extend(o.files);
        g.summary.outputs.extend(outputs.iter().map(PathBuf::from));
        g.record.briefs.insert(
            key.clone(),
            BriefRecord {
                fingerprint: o.fingerprint,
                source: o.source,
                outputs,
                stamps,
                imports: o.imports,
                entry: o.entry,
            },
        );
    }
    g.summary.imports.sort();
    g.summary.imports.dedup();
    Ok(g)
}
