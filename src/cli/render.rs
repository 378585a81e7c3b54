//! `brief render`: one brief to Markdown, HTML, JSON or PDF.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use brief::{Diagnostic, Format, RenderOptions};
use clap::ValueEnum;

use super::args::{
    DiagnosticArgs, DiagramsArg, FrontMatterArg, ImportArgs, LangArg, LimitArgs, ReadConfig,
    TemplateArgs,
};
use super::formats::{RenderFormat, check_output_name, is_device};
use super::input::{self, read_input};
use super::output::{inputs, same_file, write_file, write_stdout};
use super::report::{Problem, Reporter, count};
use super::templates::compile;

/// The flags of `brief render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The brief to render; `-` reads standard input.
    file: PathBuf,
    /// Output format. Defaults from the --template extension, then the
    /// --output extension, else Markdown. PDF needs Chromium or Chrome.
    #[arg(short, long, value_enum)]
    format: Option<RenderFormat>,
    /// Write to this file (atomically) instead of standard output; `-` is
    /// standard output. Without --format, its extension must name a
    /// format (.md, .html, .json, .pdf).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// HTML only: emit the body content alone, for embedding in a page.
    #[arg(long)]
    fragment: bool,
    #[command(flatten)]
    templates: TemplateArgs,
    /// The template to render: `flash`, `flash.html`, or one of your own
    /// from --templates. Default: `brief`.
    #[arg(short, long, value_name = "NAME")]
    template: Option<String>,
    /// Markdown only: start with front matter for a static-site generator.
    #[arg(long, value_enum, value_name = "LANG")]
    front_matter: Option<FrontMatterArg>,
    /// The language of the briefing: its labels, dates, qualifiers and
    /// numbers. The brief's own text is never translated.
    #[arg(long, value_enum, value_name = "LANG", default_value = "en")]
    lang: LangArg,
    /// Diagrams: `svg` charts (HTML and PDF; their default), `mermaid`
    /// (Markdown), or `none`.
    #[arg(long, value_enum, value_name = "KIND")]
    diagrams: Option<DiagramsArg>,
    /// PDF only: the paper size.
    #[arg(long, value_enum, value_name = "SIZE")]
    paper: Option<PaperArg>,
    /// PDF only: the Chromium or Chrome to print with.
    #[arg(long, value_name = "PATH")]
    chromium: Option<PathBuf>,
    #[command(flatten)]
    imports: ImportArgs,
    /// How diagnostics are printed.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

/// The paper a PDF is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PaperArg {
    /// ISO A4 (the default).
    A4,
    /// US Letter.
    Letter,
}

/// What `brief render` does, decided from its flags before any work.
#[derive(Debug)]
pub struct RenderConfig {
    /// The brief; `-` is standard input.
    pub file: PathBuf,
    /// Where to write, or standard output.
    pub output: Option<PathBuf>,
    /// The user's template directory.
    pub templates: Option<PathBuf>,
    /// How to render.
    pub options: RenderOptions,
    /// How to print the page to PDF, when the output is a PDF.
    pub pdf: Option<PdfConfig>,
    /// How to read the brief.
    pub read: ReadConfig,
}

/// How a PDF is printed.
#[derive(Debug)]
pub struct PdfConfig {
    /// The paper size.
    pub paper: brief::pdf::Paper,
    /// `--chromium`, if given.
    pub chromium: Option<PathBuf>,
}

impl RenderArgs {
    /// The settings these flags ask for, or why they do not go together.
    pub fn config(&self) -> Result<RenderConfig, Problem> {
        let file = self.file.as_path();
        // `-o -` is standard output, as `-` is standard input.
        let output = self
            .output
            .as_deref()
            .filter(|p| *p != std::path::Path::new("-"));
        let template_format = self
            .template
            .as_deref()
            .and_then(|t| brief::render::TemplateKind::of(t).format());
        // Overwriting the brief is refused first, whatever its name says.
        if let Some(out) = output
            && file != Path::new("-")
            && same_file(file, out)
        {
            return Err(Problem::refusal(format!(
                "the output `{}` is the input brief; refusing to overwrite it",
                out.display()
            )));
        }
        if self.format.is_none()
            && let Some(out) = output
            && !is_device(out)
        {
            check_output_name(out, true)?;
        }
        let pdf_output =
            output.is_some_and(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")));
        let pdf = match self.format {
            Some(f) => f == RenderFormat::Pdf,
            None => pdf_output && template_format != Some(Format::Markdown),
        };
        let format = match (self.format.map(RenderFormat::format), template_format) {
            (Some(f), Some(t)) if f != t => {
                return Err(Problem::usage(format!(
                    "the template `{}` renders {}, but --format asks for {}",
                    self.template.as_deref().unwrap_or_default(),
                    t.extension(),
                    if pdf { "pdf" } else { f.extension() }
                ))
                .help("drop --format, or name the template without its extension"));
            }
            (Some(f), _) => f,
            (None, Some(t)) => t,
            (None, None) => output
                .and_then(Format::from_path)
                .unwrap_or(Format::Markdown),
        };
        let format = if pdf { Format::Html } else { format };
        if self.fragment && (format != Format::Html || pdf) {
            return Err(Problem::usage("--fragment applies to HTML output only")
                .help("add `--format html`"));
        }
        if let Some(d) = self.diagrams {
            d.check(format, pdf)?;
        }
        if !pdf && (self.paper.is_some() || self.chromium.is_some()) {
            let flag = if self.paper.is_some() {
                "--paper"
            } else {
                "--chromium"
            };
            return Err(Problem::usage(format!("{flag} applies to PDF output only"))
                .help("add `--format pdf`, or write to a file ending in .pdf"));
        }
        if pdf && output.is_none() && std::io::stdout().is_terminal() {
            return Err(Problem::usage(
                "a PDF is not for a terminal; refusing to write it to standard output",
            )
            .help("write it to a file with `-o FILE.pdf`, or pipe it"));
        }
        if format == Format::Json && (self.template.is_some() || self.templates.templates.is_some())
        {
            return Err(Problem::usage("JSON output uses no templates")
                .help("drop --template and --templates, or pick another --format"));
        }
        if self.front_matter.is_some() && format != Format::Markdown {
            return Err(Problem::usage(
                "--front-matter applies to Markdown output only",
            ));
        }
        Ok(RenderConfig {
            file: self.file.clone(),
            output: output.map(std::path::Path::to_path_buf),
            templates: self.templates.templates.clone(),
            options: RenderOptions {
                format,
                fragment: self.fragment,
                template: self.template.clone(),
                front_matter: self.front_matter.map(FrontMatterArg::kind),
                diagrams: self.diagrams.map(DiagramsArg::kind),
                lang: self.lang.lang(),
            },
            pdf: pdf.then(|| PdfConfig {
                paper: match self.paper {
                    Some(PaperArg::Letter) => brief::pdf::Paper::Letter,
                    _ => brief::pdf::Paper::A4,
                },
                chromium: self.chromium.clone(),
            }),
            read: ReadConfig::new(&self.imports, &self.limits),
        })
    }
}

/// Renders the brief, and returns the exit status.
pub fn run(config: &RenderConfig, report: &Reporter) -> i32 {
    let options = &config.options;
    // Templates first: a broken template is reported before any brief.
    let Some(renderer) = compile(config.templates.as_deref(), report) else {
        return 1;
    };
    // Find the browser before any work, so a missing one is said at once.
    let browser = match &config.pdf {
        Some(pdf) => match brief::pdf::find_browser(
            pdf.chromium.as_deref(),
            std::env::var_os(brief::pdf::BROWSER_VAR),
            std::env::var_os("PATH"),
        ) {
            Ok(b) => Some(b),
            Err(e) => {
                report.error(None, &e.to_string());
                return 1;
            }
        },
        None => None,
    };
    if options.format != Format::Json
        && let Err(e) = renderer.template_name(options)
    {
        report.error(None, &e.to_string());
        return 1;
    }
    let input = match read_input(&config.file, &config.read, report) {
        Ok(i) => i,
        Err(diagnosed) => {
            if diagnosed {
                let label = input::label(&config.file);
                report.summary(true, &format!("could not render `{label}` due to 1 error"));
            }
            return 1;
        }
    };
    let label = input.label.clone();
    let checked = input.check(&config.read.limits);
    let failed = |diagnostics: &[Diagnostic]| {
        report.diagnostics(&checked.files, diagnostics);
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        report.summary(
            true,
            &format!(
                "could not render `{label}` due to {}",
                count(errors, "error")
            ),
        );
        1
    };
    match checked.render(&renderer, options) {
        Ok(rendered) if report.deny_warnings && !rendered.warnings.is_empty() => {
            failed(&report.judge(rendered.warnings))
        }
        Ok(rendered) => {
            report.diagnostics(&checked.files, &rendered.warnings);
            let bytes = match (browser, &config.pdf) {
                (Some(browser), Some(pdf)) => {
                    let options = brief::pdf::PdfOptions {
                        paper: pdf.paper,
                        browser: Some(browser),
                        ..Default::default()
                    };
                    if let Some(line) =
                        printing_note(std::io::stderr().is_terminal() && !report.is_json(), 1)
                    {
                        report.note(&line);
                    }
                    match brief::pdf::html_to_pdf(&rendered.text, &options) {
                        Ok(bytes) => bytes,
                        Err(e) => {
                            report.error(Some(&label), &e.to_string());
                            return 1;
                        }
                    }
                }
                _ => rendered.text.into_bytes(),
            };
            let code = match &config.output {
                Some(path) => {
                    let brief = Some(config.file.as_path()).filter(|f| *f != Path::new("-"));
                    let inputs = inputs(brief, &[&checked.files], &renderer);
                    write_file(path, &bytes, &inputs, report)
                }
                None => write_stdout(&bytes, report),
            };
            // The process ends next: freeing the briefing and the compiled
            // templates would only cost time.
            std::mem::forget(bytes);
            std::mem::forget(renderer);
            code
        }
        Err(brief::Error::Invalid(diagnostics)) => failed(&report.judge(diagnostics)),
        Err(brief::Error::Render(e)) => {
            report.error(Some(&label), &e.to_string());
            report.summary(
                true,
                &format!("could not render `{label}` due to a template error"),
            );
            1
        }
        Err(e) => {
            report.error(Some(&label), &format!("could not render `{label}`: {e}"));
            1
        }
    }
}

/// The line that says a PDF is being printed, which takes a second or
/// two: only for a reader at a terminal, never into a log or a pipe.
pub fn printing_note(terminal: bool, pages: usize) -> Option<String> {
    terminal.then(|| match pages {
        1 => "printing PDF\u{2026}".to_string(),
        n => format!("printing {n} PDFs\u{2026}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printing_is_said_at_a_terminal_only() {
        assert_eq!(
            printing_note(true, 1).as_deref(),
            Some("printing PDF\u{2026}")
        );
        assert_eq!(
            printing_note(true, 3).as_deref(),
            Some("printing 3 PDFs\u{2026}")
        );
        assert_eq!(printing_note(false, 1), None);
    }
}
