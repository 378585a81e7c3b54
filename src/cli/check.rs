//! `brief check`: errors and warnings of briefs, without rendering.

use std::path::PathBuf;

use super::args::{DiagnosticArgs, ImportArgs, LimitArgs, ReadConfig};
use super::input::read_input;
use super::report::{Reporter, count};

/// The flags of `brief check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The briefs to check; `-` reads standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    imports: ImportArgs,
    /// How diagnostics are printed.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

/// What `brief check` does, decided from its flags.
#[derive(Debug)]
pub struct CheckConfig {
    /// The briefs; `-` is standard input.
    pub files: Vec<PathBuf>,
    /// How to read them.
    pub read: ReadConfig,
}

impl CheckArgs {
    /// The settings these flags ask for.
    pub fn config(&self) -> CheckConfig {
        CheckConfig {
            files: self.files.clone(),
            read: ReadConfig::new(&self.imports, &self.limits),
        }
    }
}

/// Checks every brief and prints what is wrong; returns 1 if any brief
/// has errors.
pub fn run(config: &CheckConfig, report: &Reporter) -> i32 {
    let mut errors = 0;
    let mut warnings = 0;
    let mut failed = 0;
    for file in &config.files {
        let input = match read_input(file, &config.read, report) {
            Ok(i) => i,
            Err(_) => {
                errors += 1;
                failed += 1;
                continue;
            }
        };
        let checked = input.check(&config.read.limits);
        let diagnostics = report.judge(checked.diagnostics);
        report.diagnostics(&checked.files, &diagnostics);
        let e = diagnostics.iter().filter(|d| d.is_error()).count();
        errors += e;
        warnings += diagnostics.len() - e;
        failed += usize::from(e > 0);
    }
    let summary = format!(
        "checked {}: {}, {}",
        count(config.files.len(), "brief"),
        count(errors, "error"),
        count(warnings, "warning")
    );
    report.summary(failed > 0, &summary);
    i32::from(failed > 0)
}
