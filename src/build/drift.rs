//! How the output directory differs from what a build would write:
//! `check` lists stale, missing and extra files; a build removes the
//! outputs of briefs that are gone.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::record::Record;
use super::report::{Drift, DriftKind};
use super::write::{OutDir, holds};

/// `check`: how the output directory differs from `files` (name, text),
/// given the new `record` and the `last` build's.
pub(super) fn drift(
    out: &Path,
    files: &[&(String, String)],
    record: &Record,
    last: &Record,
) -> Vec<Drift> {
    let mut found = Vec::new();
    for (name, text) in files.iter().copied() {
        let path = out.join(name);
        let drift = |kind, diff| Drift {
            path: PathBuf::from(name),
            kind,
            diff,
        };
        let Ok(meta) = path.symlink_metadata() else {
            found.push(drift(DriftKind::Missing, String::new()));
            continue;
        };
        if !meta.is_file() {
            // Never opened: a FIFO would hang, a device never end.
            let what = crate::output::describe(&meta);
            found.push(drift(
                DriftKind::Stale,
                format!("{name} is {what}, not a regular file\n"),
            ));
            continue;
        }
        if holds(&path, text) {
            continue;
        }
        // Enough of it to show how it differs, never more than a little
        // past the expected length.
        let current = crate::disk::open_regular(&path)
            .and_then(|f| crate::disk::read_limited(f, text.len().saturating_mul(2).max(4096)));
        let diff = match current {
            Ok(crate::disk::Limited::Within(bytes)) => {
                short_diff(name, &String::from_utf8_lossy(&bytes), text)
            }
            Ok(crate::disk::Limited::Over) => format!("{name} is much larger than expected\n"),
            Err(e) => format!("{name} cannot be read: {e}\n"),
        };
        found.push(drift(DriftKind::Stale, diff));
    }
    // Extra: files in the output directory the build would not write
    // (hidden files and the build record aside).
    let expected = owned_outputs(files.iter().map(|(name, _)| name.as_str()), record);
    let mut stack = vec![(out.to_path_buf(), String::new())];
    let mut extra = Vec::new();
    while let Some((dir, prefix)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            // Not through links: a link to a directory above would loop.
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push((entry.path(), format!("{rel}/")));
            } else if !expected.contains(rel.as_str()) {
                extra.push(rel);
            }
        }
    }
    extra.sort();
    // What a build would remove: see `remove_left_behind`.
    let written_before = last_outputs(last);
    found.extend(extra.into_iter().map(|rel| Drift {
        kind: match written_before.contains(rel.as_str()) {
            true => DriftKind::Obsolete,
            false => DriftKind::Extra,
        },
        path: PathBuf::from(rel),
        diff: String::new(),
    }));
    found
}

/// Removes the outputs the last build recorded that this one does not
/// own (their brief is gone, or their format no longer built); the files
/// removed.
pub(super) fn remove_left_behind(
    out_dir: &OutDir,
    last: &Record,
    record: &Record,
    files: &[(String, String)],
) -> Vec<PathBuf> {
    let index = record.index.iter().flat_map(|i| &i.outputs);
    let written = files.iter().map(|(name, _)| name).chain(index);
    let keep = owned_outputs(written.map(String::as_str), record);
    let mut removed = Vec::new();
    for name in last_outputs(last) {
        if !keep.contains(name) && out_dir.remove(name) {
            removed.push(PathBuf::from(name));
        }
    }
    removed.sort();
    removed.dedup();
    removed
}

/// Removes the temporary files a build killed while writing left in OUT
/// (`.brief-XXXXXX.tmp`, as [`crate::output`] names them), in every
/// directory of OUT, links not followed. Two builds writing into the same
/// OUT at once are not supported: each would remove the other's.
pub(super) fn remove_temporary_files(out_dir: &OutDir) {
    use crate::output::{TEMP_PREFIX, TEMP_SUFFIX};
    let mut stack = vec![out_dir.path().to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if kind.is_dir() {
                stack.push(entry.path());
            } else if kind.is_file()
                && let Some(middle) = name
                    .strip_prefix(TEMP_PREFIX)
                    .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
                && middle.len() == 6
                && middle.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Every output the last build recorded: its briefs' and its index
/// pages' (such as the tag page of an actor no brief names any more), and
/// the pending ones, which a killed build may have written for a brief
/// that is gone since.
fn last_outputs(last: &Record) -> std::collections::BTreeSet<&str> {
    let briefs = last.briefs.values().flat_map(|b| &b.outputs);
    let index = last.index.iter().flat_map(|i| &i.outputs);
    briefs
        .chain(index)
        .chain(&last.pending)
        .map(String::as_str)
        .collect()
}

/// The output names a build owns: what it writes now, and what failed
/// briefs wrote before (kept until they build again).
fn owned_outputs<'a>(
    written: impl Iterator<Item = &'a str>,
    record: &'a Record,
) -> HashSet<&'a str> {
    written
        .chain(
            record
                .briefs
                .values()
                .flat_map(|b| b.outputs.iter().map(String::as_str)),
        )
        .collect()
}

/// A unified diff of at most 40 lines.
fn short_diff(name: &str, current: &str, expected: &str) -> String {
    const MAX_LINES: usize = 40;
    let diff = similar::TextDiff::from_lines(current, expected);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("{name} (on disk)"),
            &format!("{name} (from the sources)"),
        )
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= MAX_LINES {
        return text;
    }
    let mut short = lines[..MAX_LINES].join("\n");
    short.push_str(&format!("\n... {} more lines\n", lines.len() - MAX_LINES));
    short
}
