//! What decides whether a brief is up to date: a fingerprint of the
//! build's settings, of each brief's bytes and of its imports, and the
//! stamps (size and times) of sources and outputs.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::options::BuildOptions;
use crate::hash::Fingerprint;
use crate::render::Renderer;

/// How long before a build's start a source must have been modified for
/// its size and time stamp to be trusted: file systems whose times are
/// coarse (to the second, or two) could otherwise hide an edit made just
/// after a build read the file.
const RACY_NANOS: u64 = 3_000_000_000;

/// What, besides a brief's own text, decides its outputs.
pub(super) struct Settings {
    /// Everything that counts, as bytes: each brief's fingerprint starts
    /// with them.
    bytes: Vec<u8>,
    /// Their fingerprint, kept in the build record.
    pub hash: u64,
}

impl Settings {
    /// The settings of a build with these templates and options, and
    /// with change pages against the commit `since`.
    pub fn new(renderer: &Renderer, options: &BuildOptions, since: Option<&str>) -> Self {
        let formats: Vec<&str> = options.formats.iter().map(|f| f.extension()).collect();
        let mut text = format!(
            "{}|{:x}|{}|{:?}|{:?}|{:?}|{}|{:?}|{:?}|{:?}|{}",
            env!("CARGO_PKG_VERSION"),
            renderer.fingerprint(),
            formats.join(","),
            options.template,
            options.front_matter,
            options.site,
            options.deny_warnings,
            options.import_root,
            options.diagrams,
            options.limits,
            options.lang,
        );
        if let Some(commit) = since {
            text.push_str(&format!("|since:{commit}"));
        }
        let bytes = text.into_bytes();
        let mut h = Fingerprint::new();
        h.write(&bytes);
        Settings {
            hash: h.finish(),
            bytes,
        }
    }

    /// A hash that starts with the settings, for what they decide.
    pub fn start(&self) -> Fingerprint {
        let mut h = Fingerprint::new();
        h.write(&self.bytes);
        h.write(&[0]);
        h
    }

    /// The fingerprint of a brief with these bytes: an up-to-date brief is
    /// recognised without being decoded.
    pub fn of_brief(&self, bytes: &[u8]) -> u64 {
        let mut h = self.start();
        h.write(bytes);
        h.finish()
    }

    /// Before when a source must have last changed for its stamp alone to
    /// show it is as the last build read it: only when that build had the
    /// same settings, and never when every brief is to be read.
    pub fn trusted_before(
        &self,
        last: u64,
        last_settings: u64,
        options: &BuildOptions,
    ) -> Option<u64> {
        (!options.force && !options.check && last_settings == self.hash)
            .then(|| last.saturating_sub(RACY_NANOS))
    }
}

/// The fingerprint of an imported file's text.
pub(super) fn of_text(text: &str) -> u64 {
    let mut h = Fingerprint::new();
    h.write(text.as_bytes());
    h.finish()
}

/// A file's size and modification time (nanoseconds since 1970).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Stamp {
    /// Its size in bytes.
    pub size: u64,
    /// When it was last modified.
    pub modified: u64,
}

impl Stamp {
    /// The stamp of the file at `path`, or `None` if it is missing.
    pub fn of(path: &Path) -> Option<Stamp> {
        Stamp::from_metadata(&std::fs::metadata(path).ok()?)
    }

    fn from_metadata(meta: &std::fs::Metadata) -> Option<Stamp> {
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        Some(Stamp {
            size: meta.len(),
            modified: u64::try_from(modified).ok()?,
        })
    }
}

/// A source's stamp: its size and modification time, and on Unix also
/// the time its inode last changed and its inode number, which no tool
/// can set back (unlike the modification time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct SourceStamp {
    /// Its size and modification time.
    pub file: Stamp,
    /// When its inode last changed (0 where there is none).
    pub changed: u64,
    /// Its inode number (0 where there is none).
    pub inode: u64,
}

impl SourceStamp {
    /// The stamp of the source at `path`; `None` if any part cannot be
    /// read, and then the source is never trusted without being read.
    pub fn of(path: &Path) -> Option<SourceStamp> {
        let meta = std::fs::metadata(path).ok()?;
        let file = Stamp::from_metadata(&meta)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let changed = u64::try_from(meta.ctime())
                .ok()?
                .checked_mul(1_000_000_000)?
                .checked_add(u64::try_from(meta.ctime_nsec()).ok()?)?;
            Some(SourceStamp {
                file,
                changed,
                inode: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        Some(SourceStamp {
            file,
            changed: 0,
            inode: 0,
        })
    }

    /// The latest time the source may have changed.
    pub fn latest(&self) -> u64 {
        self.file.modified.max(self.changed)
    }
}

/// The stamps of `outputs` in `out` as they are now.
pub(super) fn stamps(out: &Path, outputs: &[String]) -> Vec<Option<Stamp>> {
    outputs.iter().map(|o| Stamp::of(&out.join(o))).collect()
}

/// Whether every output is still as the record says it was written (same
/// size and modification time).
pub(super) fn outputs_untouched(out: &Path, outputs: &[String], stamps: &[Option<Stamp>]) -> bool {
    outputs.len() == stamps.len()
        && outputs
            .iter()
            .zip(stamps)
            .all(|(o, st)| st.is_some() && Stamp::of(&out.join(o)) == *st)
}

/// Now, in nanoseconds since 1970.
pub(super) fn now_nanos() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}
