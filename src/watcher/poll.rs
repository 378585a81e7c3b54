//! Polling: the watched files looked at every [`super::POLL_INTERVAL`],
//! each by its size and modification time to the nanosecond where the
//! file system keeps it. (`notify`'s own poller compares whole seconds,
//! and would miss a second save within the second of the first.)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, Weak};
use std::time::SystemTime;

use super::{POLL_INTERVAL, lock};

/// Each file's size and modification time, by path.
type Snapshot = BTreeMap<PathBuf, (u64, SystemTime)>;

/// The watched paths and what they looked like last.
#[derive(Debug, Default)]
pub(super) struct Poller {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    roots: Vec<(PathBuf, bool)>,
    seen: Snapshot,
}

impl Poller {
    /// Starts looking, calling `changed` with each path that appeared,
    /// changed or went away, until the poller is dropped.
    pub fn start(changed: impl Fn(&Path) + Send + 'static) -> Arc<Poller> {
        let poller = Arc::new(Poller::default());
        let weak: Weak<Poller> = Arc::downgrade(&poller);
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(POLL_INTERVAL);
                let Some(poller) = weak.upgrade() else {
                    return;
                };
                for path in poller.look() {
                    changed(&path);
                }
            }
        });
        poller
    }

    /// Adds a path to look at, as it is now: a change from here on counts.
    pub fn add(&self, root: PathBuf, recursive: bool) {
        let mut state = lock(&self.state);
        snapshot(&root, recursive, &mut state.seen);
        state.roots.push((root, recursive));
    }

    /// The paths that differ from the last look.
    fn look(&self) -> Vec<PathBuf> {
        let mut state = lock(&self.state);
        let mut now = Snapshot::new();
        for (root, recursive) in &state.roots {
            snapshot(root, *recursive, &mut now);
        }
        let mut changed: Vec<PathBuf> = now
            .iter()
            .filter(|(p, stamp)| state.seen.get(*p) != Some(stamp))
            .map(|(p, _)| p.clone())
            .collect();
        changed.extend(state.seen.keys().filter(|p| !now.contains_key(*p)).cloned());
        state.seen = now;
        changed
    }
}

/// Adds the files of `root` to `into`: the file itself, a directory's
/// files, and with `recursive` those of its subdirectories too (not
/// hidden ones, such as `.git`).
fn snapshot(root: &Path, recursive: bool, into: &mut Snapshot) {
    let mut dirs = vec![root.to_path_buf()];
    let mut first = true;
    while let Some(dir) = dirs.pop() {
        let Ok(meta) = std::fs::metadata(&dir) else {
            continue;
        };
        if !meta.is_dir() {
            into.insert(dir, stamp(&meta));
            continue;
        }
        if !first && !recursive {
            continue;
        }
        first = false;
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => {
                    if recursive && !entry.file_name().to_string_lossy().starts_with('.') {
                        dirs.push(path);
                    }
                }
                Ok(m) => {
                    into.insert(path, stamp(&m));
                }
                Err(_) => {}
            }
        }
    }
}

fn stamp(meta: &std::fs::Metadata) -> (u64, SystemTime) {
    (
        meta.len(),
        meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewrite_within_the_same_second_is_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "one").unwrap();
        let poller = Poller::default();
        poller.add(dir.path().to_path_buf(), true);
        assert!(poller.look().is_empty());
        // The same size: only the modification time tells.
        std::thread::sleep(std::time::Duration::from_millis(5));
        std::fs::write(&file, "two").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b.yaml"), "b").unwrap();
        let changed = poller.look();
        assert!(changed.contains(&file), "{changed:?}");
        assert!(
            changed.contains(&dir.path().join("sub/b.yaml")),
            "{changed:?}"
        );
        std::fs::remove_file(&file).unwrap();
        assert_eq!(poller.look(), vec![file]);
    }
}
