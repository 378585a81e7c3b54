//! What a build tells its caller: each brief's problems, the files it
//! wrote or removed, and (`check`) how the output directory differs.

use std::fmt;
use std::path::PathBuf;

use super::error::BriefFailure;
use crate::diagnostic::Diagnostic;
use crate::pos::Files;

/// A brief's problems: its path, its text and those of its imports (to
/// show the lines diagnostics point at) and its diagnostics, or a problem
/// that is not about its content (unreadable, a template error, a
/// clashing output name).
#[derive(Debug, Clone)]
pub struct BriefReport {
    /// The brief, relative to the source directory as given.
    pub path: PathBuf,
    /// Its text and its imports', when they could be read.
    pub files: Files,
    /// Errors and warnings about its content.
    pub diagnostics: Vec<Diagnostic>,
    /// Any other failure.
    pub failure: Option<BriefFailure>,
}

impl BriefReport {
    /// A report with nothing in it yet.
    pub(super) fn new(path: PathBuf) -> Self {
        BriefReport {
            path,
            files: Files::default(),
            diagnostics: Vec::new(),
            failure: None,
        }
    }

    /// Whether the brief could not be rendered.
    pub fn failed(&self) -> bool {
        self.failure.is_some() || self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// How an output file differs from what the build would write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DriftKind {
    /// It exists with other content.
    Stale,
    /// It does not exist.
    Missing,
    /// It exists but the build would not write it, nor did an earlier
    /// one: a build leaves it.
    Extra,
    /// An earlier build wrote it and this one would not (its brief is
    /// gone, its actor's tag page no longer named): a build removes it.
    Obsolete,
}

impl fmt::Display for DriftKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DriftKind::Stale => "stale",
            DriftKind::Missing => "missing",
            DriftKind::Extra => "extra",
            DriftKind::Obsolete => "obsolete",
        })
    }
}

/// One output file that is not as the build would write it.
#[derive(Debug, Clone)]
pub struct Drift {
    /// The file, relative to the output directory.
    pub path: PathBuf,
    /// How it differs.
    pub kind: DriftKind,
    /// A short unified diff (for stale files), else empty.
    pub diff: String,
}

/// What a build did, or (`check`) found.
#[derive(Debug, Default)]
pub struct BuildSummary {
    /// Briefs found.
    pub briefs: usize,
    /// Briefs rendered this time.
    pub rendered: usize,
    /// Briefs skipped as up to date.
    pub up_to_date: usize,
    /// Every brief with diagnostics or a failure, in path order.
    pub reports: Vec<BriefReport>,
    /// Files written (relative to the output directory).
    pub written: Vec<PathBuf>,
    /// Every output of the briefs that built or were up to date, written
    /// this time or not (relative to the output directory), in path
    /// order; the index pages aside.
    pub outputs: Vec<PathBuf>,
    /// Files removed because their brief is gone.
    pub removed: Vec<PathBuf>,
    /// `check` only: files that differ from what the build would write.
    pub drift: Vec<Drift>,
    /// Every file the briefs import, sorted: with the briefs and
    /// templates, what a build depends on.
    pub imports: Vec<PathBuf>,
    /// What was ignored in the build record, and why.
    pub warnings: Vec<String>,
}

impl BuildSummary {
    /// Briefs that could not be rendered.
    pub fn failed(&self) -> usize {
        self.reports.iter().filter(|r| r.failed()).count()
    }
}
