//! Watching files for changes: the operating system's file events through
//! `notify`, or polling (`poll.rs`) when those cannot start, settled into
//! numbered changes that any number of threads can wait for.
//!
//! A save is often several events (an editor writes a temporary file,
//! renames it over the old one, changes its mode); they are counted as one
//! change once no event has come for [`QUIET`]. Each change adds one to the
//! generation, so a waiter that remembers the generation it has seen misses
//! nothing that happened in between.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use notify::{EventKind, RecursiveMode};

mod poll;

/// How long the files must be still before a change counts: long enough
/// for an editor's save to finish, short enough that a reload feels
/// immediate.
pub const QUIET: Duration = Duration::from_millis(30);

/// How often files are looked at when polling.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// How changes are noticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The operating system's file events.
    Events,
    /// Looking at the files every [`POLL_INTERVAL`].
    Polling,
}

impl Mode {
    /// How the mode is named in messages.
    pub fn describe(self) -> &'static str {
        match self {
            Mode::Events => "with file events",
            Mode::Polling => "by polling",
        }
    }
}

/// The count of changes seen so far, which threads wait on.
#[derive(Debug, Default)]
struct Generation {
    count: Mutex<u64>,
    bumped: Condvar,
}

/// What a thread holds to wait for changes.
#[derive(Debug, Clone)]
pub struct Changes(Arc<Generation>);

impl Changes {
    /// How many changes have been seen.
    pub fn current(&self) -> u64 {
        *lock(&self.0.count)
    }

    /// Waits until more than `seen` changes have been seen, or `timeout`
    /// (if any) passes; returns the count then.
    pub fn wait_past(&self, seen: u64, timeout: Option<Duration>) -> u64 {
        let count = lock(&self.0.count);
        let count = match timeout {
            Some(t) => {
                self.0
                    .bumped
                    .wait_timeout_while(count, t, |c| *c <= seen)
                    .unwrap_or_else(PoisonError::into_inner)
                    .0
            }
            None => self
                .0
                .bumped
                .wait_while(count, |c| *c <= seen)
                .unwrap_or_else(PoisonError::into_inner),
        };
        *count
    }

    fn bump(&self) {
        *lock(&self.0.count) += 1;
        self.0.bumped.notify_all();
    }
}

/// A lock that a panicked holder did not spoil: the data is a counter or a
/// set, valid whatever happened.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Which changed paths count.
pub type Relevant = Box<dyn Fn(&Path) -> bool + Send + Sync>;

/// A path as events name it: its real path, or for a path that does not
/// exist (yet), the absolute one.
pub fn real(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Watches directories and files; see the module documentation.
pub struct Watcher {
    inner: Inner,
    mode: Mode,
    changes: Changes,
    watched: Mutex<BTreeSet<(PathBuf, bool)>>,
}

/// What notices changes.
enum Inner {
    Events(Mutex<Box<dyn notify::Watcher + Send>>),
    Polling(Arc<poll::Poller>),
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher")
            .field("mode", &self.mode)
            .finish_non_exhaustive()
    }
}

impl Watcher {
    /// Starts watching nothing yet: with file events, or by polling when
    /// `poll` or when file events cannot start. A change counts only when
    /// `relevant` accepts one of its paths (real paths: see [`real`]),
    /// which lets a caller leave out, say, its own output directory.
    pub fn start(poll: bool, relevant: Relevant) -> Watcher {
        let changes = Changes(Arc::default());
        let (send, receive) = mpsc::channel::<()>();
        let relevant: Arc<Relevant> = Arc::new(relevant);
        let polled = {
            let (send, relevant) = (send.clone(), relevant.clone());
            move |path: &Path| {
                if path_counts(path, &**relevant) {
                    let _ = send.send(());
                }
            }
        };
        let handler = move |event: notify::Result<notify::Event>| {
            if let Ok(event) = event
                && counts(&event, &**relevant)
            {
                let _ = send.send(());
            }
        };
        let events = match poll {
            true => None,
            false => notify::recommended_watcher(handler).ok(),
        };
        let (inner, mode) = match events {
            Some(w) => (Inner::Events(Mutex::new(Box::new(w))), Mode::Events),
            None => (Inner::Polling(poll::Poller::start(polled)), Mode::Polling),
        };
        let settle = changes.clone();
        std::thread::spawn(move || settle_events(&receive, &settle));
        Watcher {
            inner,
            mode,
            changes,
            watched: Mutex::default(),
        }
    }

    /// How changes are noticed.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// A handle to wait for changes with.
    pub fn changes(&self) -> Changes {
        self.changes.clone()
    }

    /// Watches `path`: a directory with everything under it when
    /// `recursive`, else a directory's own entries or one file. Watching
    /// the same path again does nothing. A path that does not exist is
    /// an error.
    pub fn watch(&self, path: &Path, recursive: bool) -> Result<(), notify::Error> {
        // Watched by their real path, so that the paths of events are real
        // paths too.
        let path = std::fs::canonicalize(path).map_err(notify::Error::io)?;
        let key = (path, recursive);
        if lock(&self.watched).contains(&key) {
            return Ok(());
        }
        match &self.inner {
            Inner::Events(w) => {
                let how = if recursive {
                    RecursiveMode::Recursive
                } else {
                    RecursiveMode::NonRecursive
                };
                lock(w).watch(&key.0, how)?;
            }
            Inner::Polling(p) => p.add(key.0.clone(), recursive),
        }
        lock(&self.watched).insert(key);
        Ok(())
    }
}

/// Whether an event is a change worth acting on: not a mere read, and not
/// only of editor litter (hidden files, backups) or paths that are not
/// relevant.
fn counts(event: &notify::Event, relevant: &dyn Fn(&Path) -> bool) -> bool {
    // A read is no change, and neither is a change of attributes alone:
    // reading a file can update its access time, which must not reload
    // the page that read it. (Polling reports a new modification time,
    // which does count.)
    use notify::event::{MetadataKind, ModifyKind};
    if matches!(
        event.kind,
        EventKind::Access(_)
            | EventKind::Modify(ModifyKind::Metadata(
                MetadataKind::Any | MetadataKind::AccessTime
            ))
    ) {
        return false;
    }
    event.paths.is_empty() || event.paths.iter().any(|p| path_counts(p, relevant))
}

/// Whether a change of `path` counts: it is not editor litter (a hidden
/// file, a backup) and `relevant` accepts it.
fn path_counts(path: &Path, relevant: &dyn Fn(&Path) -> bool) -> bool {
    let litter = path.file_name().is_some_and(|n| {
        let n = n.to_string_lossy();
        n.starts_with('.') || n.ends_with('~') || n.ends_with(".swp")
    });
    !litter && relevant(path)
}

/// Turns bursts of events into single changes, until the watcher is
/// dropped.
fn settle_events(receive: &mpsc::Receiver<()>, changes: &Changes) {
    while receive.recv().is_ok() {
        loop {
            match receive.recv_timeout(QUIET) {
                Ok(()) => continue,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    changes.bump();
                    return;
                }
            }
        }
        changes.bump();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    const PATIENCE: Option<Duration> = Some(Duration::from_secs(20));

    fn sees_a_change(poll: bool) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "one").unwrap();
        let watcher = Watcher::start(poll, Box::new(|_| true));
        assert_eq!(watcher.mode() == Mode::Polling, poll);
        watcher.watch(dir.path(), true).unwrap();
        let changes = watcher.changes();
        let before = changes.current();
        std::fs::write(&file, "two").unwrap();
        assert!(changes.wait_past(before, PATIENCE) > before);
    }

    #[test]
    fn file_events_report_a_write() {
        sees_a_change(false);
    }

    #[test]
    fn polling_reports_a_write() {
        sees_a_change(true);
    }

    #[test]
    fn editor_litter_and_ignored_paths_do_not_count() {
        let event = |p: &str| notify::Event::new(EventKind::Any).add_path(PathBuf::from(p));
        let ignored = |p: &Path| !p.starts_with("/site/out");
        assert!(counts(&event("/site/a.yaml"), &ignored));
        assert!(!counts(&event("/site/.a.yaml.swp"), &ignored));
        assert!(!counts(&event("/site/a.yaml~"), &ignored));
        assert!(!counts(&event("/site/out/a.html"), &ignored));
        let read = notify::Event::new(EventKind::Access(notify::event::AccessKind::Any))
            .add_path(PathBuf::from("/site/a.yaml"));
        assert!(!counts(&read, &ignored));
        let attributes = |kind| {
            notify::Event::new(EventKind::Modify(notify::event::ModifyKind::Metadata(kind)))
                .add_path(PathBuf::from("/site/a.yaml"))
        };
        assert!(!counts(
            &attributes(notify::event::MetadataKind::Any),
            &ignored
        ));
        assert!(counts(
            &attributes(notify::event::MetadataKind::WriteTime),
            &ignored
        ));
    }

    #[test]
    fn a_missing_path_cannot_be_watched() {
        let watcher = Watcher::start(true, Box::new(|_| true));
        assert!(watcher.watch(Path::new("/no/such/dir"), true).is_err());
    }
}
