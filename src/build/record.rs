//! The build record (`OUT/.brief-build.json`): what the last build wrote
//! and from what, so that the next one can skip what did not change. A
//! record that is missing, unreadable or of another version means every
//! brief is built again.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::BuildError;
use super::fingerprint::{SourceStamp, Stamp, outputs_untouched, stamps};
use super::index::{Entry, IndexRecord};
use super::write::output_name_is_safe;

/// The file in the output directory that records what the last build
/// wrote, so the next one can skip what did not change.
pub const MANIFEST: &str = ".brief-build.json";

/// The version of the record's layout; a record of any other is ignored.
/// Version 1 kept its numbers as strings.
pub(super) const VERSION: u32 = 2;

/// What a build wrote and from what.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Record {
    /// [`VERSION`] once written.
    pub version: u32,
    /// The fingerprint of the build's settings (templates, formats,
    /// options), so that a brief can be skipped without being read.
    pub settings: u64,
    /// When the build that wrote this record started, in nanoseconds since
    /// 1970: a source modified shortly before then is read again, since
    /// its time stamp alone may not show a later edit.
    pub started: u64,
    /// Source path (with `/`) → what was built from it.
    pub briefs: BTreeMap<String, BriefRecord>,
    /// The index pages as last written.
    pub index: Option<IndexRecord>,
}

/// What was built from one brief.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct BriefRecord {
    /// The fingerprint of its bytes and the settings; `None` when it
    /// failed, so it is built again next time.
    pub fingerprint: Option<u64>,
    /// The source's stamp when it was read.
    pub source: Option<SourceStamp>,
    /// Its outputs, relative to OUT with `/`.
    pub outputs: Vec<String>,
    /// Each output's stamp as written (`None`: it was missing), so a file
    /// edited or replaced since is rendered again.
    pub stamps: Vec<Option<Stamp>>,
    /// Each file the brief imports (as shown in diagnostics) and the
    /// fingerprint of its text, so a change to one renders it again.
    pub imports: Vec<(String, u64)>,
    /// What the index shows of it.
    pub entry: Option<Entry>,
}

impl Record {
    /// A new, empty record of a build with these settings, started at
    /// `started`.
    pub fn new(settings: u64, started: u64) -> Record {
        Record {
            version: VERSION,
            settings,
            started,
            briefs: BTreeMap::new(),
            index: None,
        }
    }

    /// The record in `out`, or an empty one if there is none this build
    /// can use.
    pub fn read(out: &Path) -> Record {
        std::fs::read(out.join(MANIFEST))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .filter(|r: &Record| r.version == VERSION)
            .map(|mut r| {
                // The record lives in OUT, where anyone may have edited it:
                // only names a build could have written are trusted, so
                // that removing stale outputs never reaches outside OUT.
                r.briefs
                    .retain(|_, b| b.outputs.iter().all(|o| output_name_is_safe(o)));
                r
            })
            .unwrap_or_default()
    }

    /// Writes the record into `out`, durably.
    pub fn write(&self, out: &Path) -> Result<(), BuildError> {
        let json = serde_json::to_string(self).map_err(BuildError::Record)?;
        let path = out.join(MANIFEST);
        crate::output::write_atomically(&path, json.as_bytes())
            .map_err(|source| BuildError::Write { path, source })
    }

    /// Stamps the outputs of briefs rendered this time, now that they are
    /// written.
    pub fn stamp_new_outputs(&mut self, out: &Path) {
        for built in self.briefs.values_mut() {
            if built.stamps.len() != built.outputs.len() && built.fingerprint.is_some() {
                built.stamps = stamps(out, &built.outputs);
            }
        }
    }
}

impl BriefRecord {
    /// Whether every output is still as recorded.
    pub fn outputs_untouched(&self, out: &Path) -> bool {
        outputs_untouched(out, &self.outputs, &self.stamps)
    }
}
