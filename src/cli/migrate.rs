//! `brief migrate`: rewrite a brief of an older format as the current one,
//! keeping its comments and layout.

use std::path::PathBuf;

use super::args::{DiagnosticArgs, ImportArgs, LimitArgs, ReadConfig};
use super::input::read_input;
use super::output::{print_stdout, same_file, write_file};
use super::report::Reporter;
use brief::output::Inputs;

/// The flags of `brief migrate`.
#[derive(Debug, clap::Args)]
pub struct MigrateArgs {
    /// The brief to migrate; `-` reads standard input (and writes standard
    /// output, unless --output).
    file: PathBuf,
    /// Write the migrated brief here (atomically) instead of replacing
    /// FILE.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Write nothing: exit with status 1 if FILE needs migrating, 0 if it
    /// is already in the current format.
    #[arg(long, conflicts_with = "output")]
    check: bool,
    #[command(flatten)]
    imports: ImportArgs,
    /// How diagnostics are printed.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Where the migrated brief goes.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Back over the file it was read from.
    InPlace,
    /// To another file.
    File(PathBuf),
    /// To standard output.
    Stdout,
    /// Nowhere: only say whether a migration is needed.
    Check,
}

/// What `brief migrate` does, decided from its flags.
#[derive(Debug)]
pub struct MigrateConfig {
    /// The brief; `-` is standard input.
    pub file: PathBuf,
    /// Where the result goes.
    pub target: Target,
    /// How to read it.
    pub read: ReadConfig,
}

impl MigrateArgs {
    /// The settings these flags ask for.
    pub fn config(&self) -> MigrateConfig {
        let stdin = self.file == std::path::Path::new("-");
        let target = match (&self.output, self.check) {
            (_, true) => Target::Check,
            (Some(p), false) if p == std::path::Path::new("-") => Target::Stdout,
            (Some(p), false) => Target::File(p.clone()),
            (None, false) if stdin => Target::Stdout,
            (None, false) => Target::InPlace,
        };
        MigrateConfig {
            file: self.file.clone(),
            target,
            read: ReadConfig::new(&self.imports, &self.limits),
        }
    }
}

/// Checks the brief, migrates it and writes the result where asked. A
/// brief with errors, or one the migration cannot edit, is reported and
/// nothing is written (exit 1). With --check, exits 1 when a migration is
/// needed.
pub fn run(config: &MigrateConfig, report: &Reporter) -> i32 {
    let Ok(input) = read_input(&config.file, &config.read, report) else {
        return 1;
    };
    let label = input.label.clone();
    let text = input.text.clone();
    let checked = input.check(&config.read.limits);
    let diagnostics = report.judge(checked.diagnostics);
    report.diagnostics(&checked.files, &diagnostics);
    let Some(model) = checked
        .model
        .filter(|_| !diagnostics.iter().any(|d| d.is_error()))
    else {
        report.summary(
            true,
            &format!("`{label}` has errors; fix them first, nothing was written"),
        );
        return 1;
    };
    if config.target == Target::Check {
        return if brief::migrate::needs_migration(&model) {
            report.note(&format!(
                "`{label}` needs migrating to format {}",
                brief::format::FORMAT
            ));
            1
        } else {
            report.note(&format!("`{label}` is in format {}", brief::format::FORMAT));
            0
        };
    }
    let migration = match brief::migrate::migrate(&text, &model, &config.read.limits) {
        Ok(m) => m,
        Err(e) => {
            report.error(
                Some(&label),
                &format!("cannot migrate `{label}`: {e}; nothing was written"),
            );
            return 1;
        }
    };
    let status = match &config.target {
        Target::Stdout => return print_stdout(&migration.text, report),
        Target::InPlace if !migration.changed() => 0,
        // Rewriting the brief in place is what was asked for: it is the
        // one input this command may replace.
        Target::InPlace => write_file(
            &config.file,
            migration.text.as_bytes(),
            &Inputs::new(),
            report,
        ),
        Target::File(path) => {
            if same_file(path, &config.file) && !migration.changed() {
                0
            } else {
                let mut inputs = Inputs::new();
                if !same_file(path, &config.file) {
                    inputs.add(&config.file);
                }
                write_file(path, migration.text.as_bytes(), &inputs, report)
            }
        }
        Target::Check => 0,
    };
    if status == 0 {
        if migration.changed() {
            let written = match &config.target {
                Target::File(p) => p.display().to_string(),
                _ => label.clone(),
            };
            let mut note = format!(
                "migrated `{label}` to format {}, written to `{written}`:",
                brief::format::FORMAT
            );
            for c in &migration.changes {
                note.push_str(&format!("\n  {c}"));
            }
            report.note(&note);
        } else {
            report.note(&format!(
                "`{label}` is already in format {}; nothing changed",
                brief::format::FORMAT
            ));
        }
    }
    status
}
