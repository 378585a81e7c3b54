//! Writing into OUT: atomically, only when the content changed, and never
//! outside OUT, even through a symbolic link or a doctored build record.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use super::error::BuildError;
use super::options::is_built;
use crate::render::Format;

/// The output directory of a build that writes (not `check`).
pub(super) struct OutDir<'a> {
    /// OUT as given.
    out: &'a Path,
    /// OUT with links resolved: everything written must be under it.
    real: PathBuf,
    /// The directories of OUT this build has made and found inside OUT,
    /// so that each is created and checked once, not once per file
    /// written in it (which cost a dozen system calls per file).
    checked: Mutex<HashSet<PathBuf>>,
}

impl<'a> OutDir<'a> {
    /// Makes OUT if needed.
    pub fn create(out: &'a Path) -> Result<OutDir<'a>, BuildError> {
        std::fs::create_dir_all(out).map_err(|source| BuildError::Create {
            path: out.to_path_buf(),
            source,
        })?;
        let real = std::fs::canonicalize(out).map_err(|source| BuildError::Read {
            path: out.to_path_buf(),
            source,
        })?;
        Ok(OutDir {
            out,
            real,
            checked: Mutex::default(),
        })
    }

    /// OUT as given.
    pub fn path(&self) -> &Path {
        self.out
    }

    /// Makes OUT again, in case it was removed while the briefs were
    /// built.
    pub fn remake(&self) -> Result<(), BuildError> {
        std::fs::create_dir_all(self.out).map_err(|source| BuildError::Create {
            path: self.out.to_path_buf(),
            source,
        })
    }

    /// Writes `OUT/name` atomically, unless it already holds `text`.
    /// Whether it was written. What is there must be a regular file (or
    /// nothing): a link, a FIFO or a device is neither read nor replaced.
    pub fn write_if_changed(&self, name: &str, text: &str) -> Result<bool, BuildError> {
        let path = self.out.join(name);
        self.prepare(&path)?;
        if let Ok(meta) = path.symlink_metadata() {
            if !meta.is_file() {
                return Err(BuildError::NotAFile {
                    what: crate::output::describe(&meta),
                    path,
                });
            }
            if meta.len() == text.len() as u64 && holds(&path, text) {
                return Ok(false);
            }
        }
        crate::output::replace_file(&path, text.as_bytes(), false)
            .map_err(|source| BuildError::Write { path, source })?;
        Ok(true)
    }

    /// Removes `OUT/name` if it is inside OUT; whether it was removed.
    pub fn remove(&self, name: &str) -> bool {
        let path = self.out.join(name);
        inside(&self.real, &path).is_ok() && std::fs::remove_file(path).is_ok()
    }

    /// Makes the directory of `path` and checks it is inside OUT, unless
    /// that was done already in this build.
    fn prepare(&self, path: &Path) -> Result<(), BuildError> {
        let Some(parent) = path.parent() else {
            return inside(&self.real, path);
        };
        if self.checked().contains(parent) {
            return Ok(());
        }
        // What exists of the directory must already be inside OUT: else
        // making the rest would make directories outside it.
        let existing = parent
            .ancestors()
            .find(|a| a.as_os_str().is_empty() || a.exists())
            .unwrap_or(parent);
        if existing != parent {
            dir_inside(&self.real, existing, path)?;
        }
        std::fs::create_dir_all(parent).map_err(|source| BuildError::Create {
            path: parent.to_path_buf(),
            source,
        })?;
        inside(&self.real, path)?;
        self.checked().insert(parent.to_path_buf());
        Ok(())
    }

    fn checked(&self) -> std::sync::MutexGuard<'_, HashSet<PathBuf>> {
        // A worker that panicked left the set as valid as before.
        self.checked.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Whether the regular file at `path` holds exactly `text`; read no
/// further than that.
pub(super) fn holds(path: &Path, text: &str) -> bool {
    let Ok(file) = crate::disk::open_regular(path) else {
        return false;
    };
    matches!(
        crate::disk::read_limited(file, text.len()),
        Ok(crate::disk::Limited::Within(old)) if old == text.as_bytes()
    )
}

/// Whether a name from the build record is one a build writes: a relative
/// path down from OUT (no `..`, no root) to a file in a format a build
/// writes.
pub(super) fn output_name_is_safe(name: &str) -> bool {
    let path = Path::new(name);
    !name.is_empty()
        && path.components().all(|c| matches!(c, Component::Normal(_)))
        && Format::from_path(path).is_some_and(is_built)
}

/// Refuses a path whose directory is not inside OUT once symbolic links
/// are followed: a build writes and removes files in OUT only.
fn inside(out_real: &Path, path: &Path) -> Result<(), BuildError> {
    dir_inside(out_real, path.parent().unwrap_or(path), path)
}

/// Refuses to write `path` unless `dir` is inside OUT once symbolic links
/// are followed.
fn dir_inside(out_real: &Path, dir: &Path, path: &Path) -> Result<(), BuildError> {
    match std::fs::canonicalize(dir) {
        Ok(real) if real.starts_with(out_real) => Ok(()),
        Ok(_) => Err(BuildError::OutsideOutput(path.to_path_buf())),
        Err(source) => Err(BuildError::Read {
            path: dir.to_path_buf(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_a_build_writes_are_safe() {
        for name in ["a.md", "a/b.html", "a/b.changes.md"] {
            assert!(output_name_is_safe(name), "{name}");
        }
        for name in [
            "",
            "../a.md",
            "/tmp/a.md",
            "a/../../b.md",
            "a.json",
            "a.txt",
            "./a.md",
        ] {
            assert!(!output_name_is_safe(name), "{name}");
        }
    }
}
