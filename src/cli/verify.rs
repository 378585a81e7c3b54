//! `brief verify`: how much of its sources' texts a brief covers.

use std::path::{Path, PathBuf};

use brief::output::Inputs;
use brief::verify::report;

use super::args::{DiagnosticArgs, ImportArgs, LangArg, LimitArgs, ReadConfig};
use super::input::read_input;
use super::output::{print_stdout, same_file, write_file};
use super::report::{Problem, Reporter, count};

/// The forms of the coverage report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VerifyFormat {
    /// Each thing not covered with its place, then the summary line.
    Text,
    /// A Markdown report.
    Md,
    /// A standalone HTML page showing the article with what is covered
    /// marked.
    Html,
    /// The whole report as JSON.
    Json,
}

/// The flags of `brief verify`.
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The brief; `-` reads standard input (its texts are then found
    /// from the current directory).
    file: PathBuf,
    /// Report format. Defaults from the --output extension (.md, .html,
    /// .json), else text.
    #[arg(short, long, value_enum)]
    format: Option<VerifyFormat>,
    /// Write the report to this file (atomically); the summary line is
    /// still printed.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Exit with 1 when anything in the texts is not covered.
    #[arg(long)]
    deny_uncovered: bool,
    /// The language of the report's own words (text, Markdown and HTML;
    /// JSON keys stay English). The brief's and the article's text are
    /// never translated.
    #[arg(long, value_enum, value_name = "LANG", default_value = "en")]
    lang: LangArg,
    #[command(flatten)]
    imports: ImportArgs,
    /// How diagnostics are printed.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

/// What `brief verify` does, decided from its flags.
#[derive(Debug)]
pub struct VerifyConfig {
    /// The brief; `-` is standard input.
    pub file: PathBuf,
    /// The report's form.
    pub format: VerifyFormat,
    /// Where to write the report, or standard output.
    pub output: Option<PathBuf>,
    /// Exit with 1 when anything is uncovered.
    pub deny_uncovered: bool,
    /// The language of the report's words.
    pub lang: brief::Lang,
    /// How to read the brief.
    pub read: ReadConfig,
}

impl VerifyArgs {
    /// The settings these flags ask for, or why they do not go together.
    pub fn config(&self) -> Result<VerifyConfig, Problem> {
        let from_output = self.output.as_deref().and_then(|p| {
            let ext = p.extension()?.to_str()?.to_ascii_lowercase();
            match ext.as_str() {
                "md" | "markdown" => Some(VerifyFormat::Md),
                "html" | "htm" => Some(VerifyFormat::Html),
                "json" => Some(VerifyFormat::Json),
                _ => None,
            }
        });
        if let Some(out) = &self.output
            && self.file != Path::new("-")
            && same_file(&self.file, out)
        {
            return Err(Problem::refusal(format!(
                "the output `{}` is the brief; refusing to overwrite it",
                out.display()
            )));
        }
        Ok(VerifyConfig {
            file: self.file.clone(),
            format: self.format.or(from_output).unwrap_or(VerifyFormat::Text),
            output: self.output.clone(),
            deny_uncovered: self.deny_uncovered,
            lang: self.lang.lang(),
            read: ReadConfig::new(&self.imports, &self.limits),
        })
    }
}

/// Checks the brief, measures how much of its texts it covers, and
/// writes the report; returns the exit status.
pub fn run(config: &VerifyConfig, report: &Reporter) -> i32 {
    let Ok(input) = read_input(&config.file, &config.read, report) else {
        return 1;
    };
    let label = input.label.clone();
    let checked = input.check(&config.read.limits);
    let diagnostics = report.judge(checked.diagnostics);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let Some(model) = checked.model.as_ref().filter(|_| errors == 0) else {
        report.diagnostics(&checked.files, &diagnostics);
        report.summary(
            true,
            &format!("could not verify `{label}`: {}", count(errors, "error")),
        );
        return 1;
    };
    let Some(coverage) = brief::verify::verify(model, checked.grounding.as_ref()) else {
        report.problem(
            &Problem::usage(format!(
                "`{label}` has no source with a `text:`, so there is nothing to verify"
            ))
            .help("give a source the file of its article: `text: articles/story.txt`"),
        );
        return 1;
    };
    let title = &coverage.title;
    let words = brief::i18n::Words::new(brief::i18n::Catalog::builtin(), config.lang);
    let (text, summary) = brief::i18n::in_words(&words, || {
        let text = match config.format {
            VerifyFormat::Text => report::text(&coverage),
            VerifyFormat::Md => report::markdown(&coverage, title),
            VerifyFormat::Html => report::html(&coverage, title),
            VerifyFormat::Json => report::json(&coverage),
        };
        (text, coverage.summary.line())
    });
    let status = match &config.output {
        Some(path) => {
            let mut inputs = Inputs::new();
            if config.file != Path::new("-") {
                inputs.add(&config.file);
            }
            for (name, _) in checked.files.iter().skip(1) {
                inputs.add(Path::new(name));
            }
            let written = write_file(path, text.as_bytes(), &inputs, report);
            if written == 0 && config.format != VerifyFormat::Text {
                print_stdout(&format!("{summary}\n"), report)
            } else {
                written
            }
        }
        None => print_stdout(&text, report),
    };
    if status == 0 && config.deny_uncovered && !coverage.summary.complete() {
        report.summary(
            true,
            &format!(
                "`{label}` leaves {} of its texts uncovered",
                count(coverage.uncovered.len(), "thing")
            ),
        );
        return 1;
    }
    status
}
