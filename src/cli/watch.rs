//! `brief build --watch`: build, then build again whenever a brief, a
//! file it imports or a template changes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::build::{BuildConfig, once};
use super::report::Reporter;

/// How often the files are looked at.
const INTERVAL: Duration = Duration::from_millis(300);

/// What is compared between two looks: each file's size and modification
/// time, `None` when it is missing.
type Snapshot = BTreeMap<PathBuf, Option<(u64, SystemTime)>>;

/// Builds on every change until the process is stopped.
pub fn run(config: &BuildConfig, report: &Reporter) -> i32 {
    let mut imports: Vec<PathBuf> = Vec::new();
    loop {
        // Taken before building, so that a change made during the build
        // starts another.
        let mut before = snapshot(config, &imports);
        let (_, found) = once(config, report);
        for file in &found {
            if !before.contains_key(file) {
                before.insert(file.clone(), stamp(file));
            }
        }
        imports = found;
        report.note(&format!(
            "watching `{}` for changes; press Ctrl-C to stop",
            config.src.display()
        ));
        wait_for_change(&before, || snapshot(config, &imports));
        report.note("change detected; building again");
    }
}

/// Returns once the files differ from `before` and have stopped changing.
fn wait_for_change(before: &Snapshot, look: impl Fn() -> Snapshot) {
    loop {
        std::thread::sleep(INTERVAL);
        let mut now = look();
        if now == *before {
            continue;
        }
        // Let an editor finish saving before building.
        loop {
            std::thread::sleep(INTERVAL / 3);
            let again = look();
            if again == now {
                return;
            }
            now = again;
        }
    }
}

/// Every file under the source and template directories (except the
/// output directory and hidden files), and every imported file.
fn snapshot(config: &BuildConfig, imports: &[PathBuf]) -> Snapshot {
    let out = std::fs::canonicalize(&config.out).ok();
    let mut files = BTreeMap::new();
    let mut dirs: Vec<PathBuf> = vec![config.src.clone()];
    dirs.extend(config.templates.iter().cloned());
    while let Some(dir) = dirs.pop() {
        if out
            .as_ref()
            .is_some_and(|o| std::fs::canonicalize(&dir).is_ok_and(|d| &d == o))
        {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let s = stamp(&path);
                files.insert(path, s);
            }
        }
    }
    for i in imports {
        files.insert(i.clone(), stamp(i));
    }
    files
}

/// A file's size and modification time; `None` when it is missing.
fn stamp(path: &Path) -> Option<(u64, SystemTime)> {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().unwrap_or(std::time::UNIX_EPOCH)))
}
