//! The build record (`OUT/.brief-build.json`): what the last build wrote
//! and from what, so that the next one can skip what did not change. A
//! record that is missing, unreadable or of another version means every
//! brief is built again.
//!
//! The record lives in OUT, where anyone may edit it, so nothing in it is
//! trusted: every path it holds must be relative and lead down into SRC
//! (briefs, imports) or OUT (outputs), and anything else is dropped with a
//! warning. Before a build writes anything it records the outputs it may
//! write (`pending`), so that a build killed half-way leaves no output
//! the next one does not know of.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use serde::{Deserialize, Serialize};

use super::error::BuildError;
use super::fingerprint::{SourceStamp, Stamp, outputs_untouched, stamps};
use super::index::{Entry, IndexRecord};
use super::write::output_name_is_safe;

/// The file in the output directory that records what the last build
/// wrote, so the next one can skip what did not change.
pub const MANIFEST: &str = ".brief-build.json";

/// The version of the record's layout; a record of any other is ignored.
/// Version 1 kept its numbers as strings; version 2 named imports as
/// shown in diagnostics and had no pending outputs.
pub(super) const VERSION: u32 = 3;

/// The largest record read: far above what any real build writes (a few
/// hundred bytes a brief), so only a hostile file is refused.
const MAX_RECORD_BYTES: usize = 256 * 1024 * 1024;

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
    /// Outputs (relative to OUT, with `/`) a build was about to write
    /// when it wrote this record: a build that finishes owns them or
    /// removes them, and leaves this empty.
    #[serde(default)]
    pub pending: Vec<String>,
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
    /// Each file the brief imports (its real path relative to SRC, with
    /// `/`) and the fingerprint of its text, so a change to one renders
    /// it again.
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
            pending: Vec::new(),
        }
    }

    /// The record in `out`, or an empty one if there is none this build
    /// can use; and a warning for each thing in it that was ignored.
    pub fn read(out: &Path) -> (Record, Vec<String>) {
        let path = out.join(MANIFEST);
        let mut warnings = Vec::new();
        let bytes = match crate::disk::open_regular(&path)
            .and_then(|f| crate::disk::read_limited(f, MAX_RECORD_BYTES))
        {
            Ok(crate::disk::Limited::Within(bytes)) => bytes,
            Ok(crate::disk::Limited::Over) => {
                warnings.push(format!(
                    "the build record `{}` is larger than {MAX_RECORD_BYTES} bytes; it was ignored",
                    path.display()
                ));
                return (Record::default(), warnings);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Record::default(), warnings);
            }
            Err(e) => {
                warnings.push(format!(
                    "the build record `{}` cannot be read ({e}); it was ignored",
                    path.display()
                ));
                return (Record::default(), warnings);
            }
        };
        let Some(mut record) = serde_json::from_slice::<Record>(&bytes)
            .ok()
            .filter(|r| r.version == VERSION)
        else {
            return (Record::default(), warnings);
        };
        record.confine(&mut warnings);
        (record, warnings)
    }

    /// Drops every entry naming a path outside SRC or OUT (see the module
    /// documentation), with a warning: removing stale outputs must never
    /// reach outside OUT, nor checking imports read outside SRC.
    fn confine(&mut self, warnings: &mut Vec<String>) {
        let mut ignore = |what: &str, name: &str| {
            warnings.push(format!(
                "the build record names {what} `{}`, outside the {} directory; it was ignored",
                name.escape_debug(),
                if what == "the output" {
                    "output"
                } else {
                    "source"
                }
            ));
        };
        self.briefs.retain(|key, b| {
            let bad = if !relative_name_is_safe(key) {
                Some(("the brief", key.as_str()))
            } else if let Some(o) = b.outputs.iter().find(|o| !output_name_is_safe(o)) {
                Some(("the output", o.as_str()))
            } else {
                b.imports
                    .iter()
                    .find(|(i, _)| !relative_name_is_safe(i))
                    .map(|(i, _)| ("the import", i.as_str()))
            };
            if let Some((what, name)) = bad {
                ignore(what, name);
            }
            bad.is_none()
        });
        if let Some(index) = &self.index
            && let Some(o) = index.outputs.iter().find(|o| !output_name_is_safe(o))
        {
            ignore("the output", o);
            self.index = None;
        }
        self.pending.retain(|o| {
            let safe = output_name_is_safe(o);
            if !safe {
                ignore("the output", o);
            }
            safe
        });
    }

    /// Adds to the pending outputs those of `names` the record does not
    /// own yet; whether any was added (and the record must be written
    /// before any of them is).
    pub fn note_pending(&mut self, names: impl Iterator<Item = String>) -> bool {
        let mut owned: std::collections::HashSet<&str> = self
            .briefs
            .values()
            .flat_map(|b| &b.outputs)
            .chain(self.index.iter().flat_map(|i| &i.outputs))
            .chain(&self.pending)
            .map(String::as_str)
            .collect();
        let mut new: Vec<String> = names.filter(|n| !owned.contains(n.as_str())).collect();
        owned.clear();
        if new.is_empty() {
            return false;
        }
        self.pending.append(&mut new);
        self.pending.sort();
        self.pending.dedup();
        // A record there was none of (or of another version) is now one of
        // this version, or the next build would not read it.
        self.version = VERSION;
        true
    }

    /// Writes the record into `out`, durably. Whatever is at its name (a
    /// link too) is replaced, never written through: the record stays
    /// inside OUT.
    pub fn write(&self, out: &Path) -> Result<(), BuildError> {
        let json = serde_json::to_string(self).map_err(BuildError::Record)?;
        let path = out.join(MANIFEST);
        crate::output::replace_file(&path, json.as_bytes(), true)
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

/// Whether a name from the record is a relative path down from its
/// directory: not empty, no root, no `..` or `.`.
pub(super) fn relative_name_is_safe(name: &str) -> bool {
    !name.is_empty()
        && Path::new(name)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

impl BriefRecord {
    /// Whether every output is still as recorded.
    pub fn outputs_untouched(&self, out: &Path) -> bool {
        outputs_untouched(out, &self.outputs, &self.stamps)
    }
}
