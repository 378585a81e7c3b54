//! `brief diff`: what changed between two versions of a brief, as a
//! change briefing.

use std::path::{Path, PathBuf};

use brief::{Files, Format, ImportScope, RenderOptions};

use super::args::{DiagnosticArgs, ImportArgs, LangArg, LimitArgs, ReadConfig, TemplateArgs};
use super::formats::{DiffFormat, check_output_name, is_device};
use super::input::{Input, read_input};
use super::output::{inputs, print_stdout, same_file, write_file};
use super::report::{Problem, Reporter, count};
use super::templates::compile;

/// The flags of `brief diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The older version: a file, `git:REV:PATH`, or `-` for standard input.
    old: PathBuf,
    /// The newer version: a file, `git:REV:PATH`, or `-` for standard input.
    new: PathBuf,
    /// Output format. Defaults from the --template extension, then the
    /// --output extension, else Markdown.
    #[arg(short, long, value_enum)]
    format: Option<DiffFormat>,
    /// Write to this file (atomically) instead of standard output; `-` is
    /// standard output. Without --format, its extension must name a
    /// format (.md, .html, .json).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    templates: TemplateArgs,
    /// The template to render: one of yours from --templates, whose name
    /// starts with `diff.` or `diff-`. Default: `diff`.
    #[arg(short, long, value_name = "NAME")]
    template: Option<String>,
    /// The language of the change briefing: its labels, dates and
    /// numbers. The brief's own text is never translated.
    #[arg(long, value_enum, value_name = "LANG", default_value = "en")]
    lang: LangArg,
    /// Exit with 1 when there are changes, 0 when there are none (errors
    /// still exit with 1).
    #[arg(long)]
    exit_code: bool,
    #[command(flatten)]
    imports: ImportArgs,
    /// How diagnostics are printed.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

/// What `brief diff` does, decided from its flags before any work.
#[derive(Debug)]
pub struct DiffConfig {
    /// The older version: a file, `-` or `git:REV:PATH`.
    pub old: PathBuf,
    /// The newer version.
    pub new: PathBuf,
    /// Where to write, or standard output.
    pub output: Option<PathBuf>,
    /// The user's template directory.
    pub templates: Option<PathBuf>,
    /// The format and template of the change briefing.
    pub options: RenderOptions,
    /// Exit with 1 when there are changes.
    pub exit_code: bool,
    /// How to read both versions.
    pub read: ReadConfig,
}

impl DiffArgs {
    /// The settings these flags ask for, or why they do not go together.
    pub fn config(&self) -> Result<DiffConfig, Problem> {
        // `-o -` is standard output, as for `brief render`.
        let output = self.output.as_deref().filter(|p| *p != Path::new("-"));
        let pdf_output =
            output.is_some_and(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")));
        if self.format.is_none() && pdf_output {
            return Err(
                Problem::usage("`brief diff` writes Markdown, HTML or JSON, not PDF")
                    .help("write HTML (`-o changes.html`) and print it from a browser"),
            );
        }
        // Overwriting a brief is refused first, whatever its name says.
        let stdin = Path::new("-");
        if let Some(out) = output {
            for input in [&self.old, &self.new] {
                if input != stdin && same_file(input, out) {
                    return Err(Problem::refusal(format!(
                        "the output `{}` is an input brief; refusing to overwrite it",
                        out.display()
                    )));
                }
            }
        }
        if self.format.is_none()
            && let Some(out) = output
            && !is_device(out)
        {
            check_output_name(out, false)?;
        }
        let template_format = self
            .template
            .as_deref()
            .and_then(|t| brief::render::TemplateKind::of(t).format());
        let format = match (self.format.map(|DiffFormat(f)| f), template_format) {
            (Some(f), Some(t)) if f != t => {
                return Err(Problem::usage(format!(
                    "the template `{}` renders {}, but --format asks for {}",
                    self.template.as_deref().unwrap_or_default(),
                    t.extension(),
                    f.extension()
                ))
                .help("drop --format, or name the template without its extension"));
            }
            (Some(f), _) => f,
            (None, Some(t)) => t,
            (None, None) => output
                .and_then(Format::from_path)
                .unwrap_or(Format::Markdown),
        };
        if format == Format::Json && (self.template.is_some() || self.templates.templates.is_some())
        {
            return Err(Problem::usage("JSON output uses no templates")
                .help("drop --template and --templates, or pick another --format"));
        }
        if self.old == stdin && self.new == stdin {
            return Err(Problem::usage(
                "only one version can be read from standard input",
            ));
        }
        Ok(DiffConfig {
            old: self.old.clone(),
            new: self.new.clone(),
            output: output.map(Path::to_path_buf),
            templates: self.templates.templates.clone(),
            options: RenderOptions {
                format,
                template: self.template.clone(),
                lang: self.lang.lang(),
                ..RenderOptions::default()
            },
            exit_code: self.exit_code,
            read: ReadConfig::new(&self.imports, &self.limits),
        })
    }
}

/// Compares the two versions and writes the change briefing; returns the
/// exit status.
pub fn run(config: &DiffConfig, report: &Reporter) -> i32 {
    let options = &config.options;
    let Some(renderer) = compile(config.templates.as_deref(), report) else {
        return 1;
    };
    if options.format != Format::Json
        && let Err(e) = renderer.diff_template_name(options)
    {
        report.error(None, &e.to_string());
        return 1;
    }
    let old = read_version(&config.old, &config.read, report);
    let new = read_version(&config.new, &config.read, report);
    let (Ok(old), Ok(new)) = (old, new) else {
        report.summary(true, "could not compare the two versions");
        return 1;
    };
    let labels = [old.label.clone(), new.label.clone()];
    let mut models = Vec::new();
    let mut failed = Vec::new();
    let mut read = Vec::new();
    for input in [old, new] {
        let label = input.label.clone();
        let mut checked = input.check(&config.read.limits);
        // Kept: the files read are inputs the output must not overwrite.
        let files = std::mem::take(&mut checked.files);
        // A version that checks is compared quietly: its warnings are for
        // `check`. With --deny-warnings they are errors, as everywhere.
        let diagnostics = report.judge(checked.diagnostics);
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        if errors > 0 {
            report.diagnostics(&files, &diagnostics);
            failed.push(format!("`{label}` has {}", count(errors, "error")));
            models.push(None);
        } else {
            models.push(checked.model);
        }
        read.push(files);
    }
    let (Some(Some(old_model)), Some(Some(new_model))) = (models.first(), models.get(1)) else {
        report.summary(
            true,
            &format!(
                "could not compare `{}` and `{}`: {}",
                labels[0],
                labels[1],
                failed.join(", ")
            ),
        );
        return 1;
    };
    let words = renderer.words(options.lang);
    let view = brief::i18n::in_words(&words, || {
        brief::diff::diff(old_model, new_model, &labels[0], &labels[1])
    });
    let text = match renderer.render_diff(&view, options) {
        Ok(t) => t,
        Err(e) => {
            report.error(None, &e.to_string());
            report.summary(
                true,
                "could not render the change briefing due to a template error",
            );
            return 1;
        }
    };
    let status = match &config.output {
        Some(path) => {
            let briefs = [&config.old, &config.new]
                .map(PathBuf::as_path)
                .into_iter()
                .filter(|p| *p != Path::new("-"));
            let files: Vec<&Files> = read.iter().collect();
            write_file(
                path,
                text.as_bytes(),
                &inputs(briefs, &files, &renderer),
                report,
            )
        }
        None => print_stdout(&text, report),
    };
    if status == 0 && config.exit_code && view.changed {
        1
    } else {
        status
    }
}

/// Reads one version: a file, `-`, or `git:REV:PATH`. On failure the
/// problem has been reported. A version from git has its imports read
/// from the working tree, at the same path.
fn read_version(spec: &Path, config: &ReadConfig, report: &Reporter) -> Result<Input, ()> {
    let Some(git) = spec.to_str().and_then(brief::diff::parse_git_spec) else {
        return read_input(spec, config, report).map_err(|_| ());
    };
    let (rev, path) = git.map_err(|e| report.error(None, &e.to_string()))?;
    let label = format!("{rev}:{path}");
    let bytes = brief::diff::git_show(Path::new("."), rev, path, config.limits.max_file_bytes)
        .map_err(|e| report.error(Some(&label), &e.to_string()))?;
    match brief::decode_source(bytes.clone(), &config.limits) {
        Ok(text) => {
            let scope = ImportScope::for_file(Path::new(path), config.import_root.as_deref());
            Ok(Input { label, text, scope })
        }
        Err(d) => {
            let files = Files::new(label, String::from_utf8_lossy(&bytes));
            report.diagnostics(&files, &[d]);
            Err(())
        }
    }
}
