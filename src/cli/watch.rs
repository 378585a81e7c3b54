//! `brief build --watch`: build, then build again whenever a brief, a
//! file it imports or a template changes, as the file watcher of
//! `brief serve` reports (file events, or polling where they cannot
//! start).

use brief::watcher::{Watcher, real};

use super::build::{BuildConfig, once};
use super::clock;
use super::report::Reporter;

/// Builds on every change until the process is stopped.
pub fn run(config: &BuildConfig, report: &Reporter) -> i32 {
    // What the build writes is no reason to build again.
    let out = real(&config.out);
    let watcher = Watcher::start(config.poll, Box::new(move |p| !p.starts_with(&out)));
    let mut dirs = vec![config.src.clone()];
    dirs.extend(config.templates.iter().cloned());
    for dir in &dirs {
        if let Err(e) = watcher.watch(dir, true) {
            report.error(None, &format!("cannot watch `{}`: {e}", dir.display()));
            return 1;
        }
    }
    let changes = watcher.changes();
    loop {
        // Taken before building, so that a change made during the build
        // starts another.
        let seen = changes.current();
        let (_, imports) = once(config, report);
        for file in &imports {
            // Their directories, not the files: an editor that saves by
            // renaming a new file over the old one ends a watch on a file.
            if let Some(dir) = file.parent() {
                let _ = watcher.watch(dir, false);
            }
        }
        report.note(&format!(
            "{} watching `{}` for changes {}; press Ctrl-C to stop",
            clock::stamp(),
            config.src.display(),
            watcher.mode().describe()
        ));
        changes.wait_past(seen, None);
        report.note(&format!(
            "{} change detected; building again",
            clock::stamp()
        ));
    }
}
