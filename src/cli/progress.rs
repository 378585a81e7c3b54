//! The progress bar of `brief build`: drawn on a terminal only, never
//! into a pipe, a CI log or JSON output.

use std::io::IsTerminal;
use std::sync::OnceLock;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Builds with fewer briefs end before a bar would be noticed.
const SMALLEST: usize = 50;

/// A one-line progress bar on standard error, made on the first update
/// of a build large enough to show it.
pub struct Progress {
    on: bool,
    bar: OnceLock<ProgressBar>,
}

impl Progress {
    /// A bar, drawn only when `allowed` and standard error is a terminal
    /// outside CI.
    pub fn new(allowed: bool) -> Self {
        let ci = std::env::var_os("CI").is_some();
        Self {
            on: allowed && !ci && std::io::stderr().is_terminal(),
            bar: OnceLock::new(),
        }
    }

    /// `done` of `total` briefs are rendered; called from any worker.
    pub fn show(&self, done: usize, total: usize) {
        if !self.on || total < SMALLEST {
            return;
        }
        let bar = self.bar.get_or_init(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template("[{bar:20}] {pos}/{len} briefs") {
                bar.set_style(style.progress_chars("== "));
            }
            bar
        });
        bar.set_position(done as u64);
    }

    /// Takes the bar off the screen, so the summary starts on a clean line.
    pub fn clear(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}
