//! Command-line parsing and terminal output. Nothing here is part of the
//! library API.

use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use brief::{Diagnostic, Format, Limits, RenderOptions, Renderer};
use clap::{Parser, Subcommand, ValueEnum};

/// Turn the structured facts of a news story into a faithful briefing.
///
/// A brief is a YAML file holding a story's actors, meetings, statements,
/// territorial figures, dates and sources. `brief` checks it like a
/// compiler and renders it to Markdown or HTML.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  brief render briefs/us-russia-talks.yaml\n  brief render briefs/us-russia-talks.yaml --output brief.html\n  brief check briefs/*.yaml"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// When to colour diagnostics: `auto` colours them on a terminal,
    /// unless NO_COLOR is set (CLICOLOR_FORCE forces colour).
    #[arg(long, value_enum, global = true, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    color: ColorArg,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render a brief to Markdown, HTML or JSON.
    #[command(
        after_help = "Examples:\n  brief render story.yaml                        Markdown on stdout\n  brief render story.yaml -o story.html          HTML page, written atomically\n  brief render story.yaml -f html --fragment     HTML body only, for embedding\n  brief render story.yaml --template flash       the one-page flash note\n  brief render story.yaml --templates house/     with your own templates\n  brief render story.yaml -f json                what templates receive\n  cat story.yaml | brief render -                read the brief from stdin"
    )]
    Render(RenderArgs),
    /// Check briefs for errors and warnings without rendering.
    #[command(
        after_help = "Exit status: 0 when every brief is free of errors (warnings allowed,\nunless --deny-warnings), 1 when any brief has errors, 2 on a usage error."
    )]
    Check {
        /// The briefs to check; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        diagnostics: DiagnosticArgs,
    },
    /// List the templates, or export the built-ins to customise them.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Print the JSON Schema (draft-07) of the brief format, for editors.
    #[command(
        after_help = "Point an editor at it with a first line in the brief:\n  # yaml-language-server: $schema=brief.schema.json\n\nExample:\n  brief schema > brief.schema.json"
    )]
    Schema,
}

#[derive(Debug, clap::Args)]
struct RenderArgs {
    /// The brief to render; `-` reads standard input.
    file: PathBuf,
    /// Output format. Defaults from the --template extension, then the
    /// --output extension, else Markdown.
    #[arg(short, long, value_enum)]
    format: Option<FormatArg>,
    /// Write to this file (atomically) instead of standard output.
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
    #[command(flatten)]
    diagnostics: DiagnosticArgs,
}

#[derive(Debug, Clone, clap::Args)]
struct TemplateArgs {
    /// A directory of templates: a file named like a built-in replaces it,
    /// any other becomes available to --template, include and extends.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum TemplatesCommand {
    /// List the templates: name, what it renders, where it comes from.
    List {
        #[command(flatten)]
        templates: TemplateArgs,
    },
    /// Write the built-in templates into DIR as files to edit.
    #[command(
        after_help = "Rendering with the exported, unedited templates gives the same output as the built-ins.\n\nExample:\n  brief templates export house/\n  brief render story.yaml --templates house/"
    )]
    Export {
        /// Where to write them (created if missing).
        dir: PathBuf,
        /// Overwrite templates already in DIR.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// Markdown (CommonMark with GFM tables and footnotes).
    Md,
    /// A standalone HTML5 page.
    Html,
    /// The data templates receive, as JSON.
    Json,
}

impl FormatArg {
    fn format(self) -> Format {
        match self {
            FormatArg::Md => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Json => Format::Json,
        }
    }
}

/// Runs the command line and returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let limits = Limits::default();
    let color = use_color(
        cli.color,
        |name| std::env::var_os(name),
        std::io::stderr().is_terminal(),
    );
    match cli.command {
        Command::Render(args) => render(&args, &limits, &Reporter::new(&args.diagnostics, color)),
        Command::Check { files, diagnostics } => {
            check(&files, &limits, &Reporter::new(&diagnostics, color))
        }
        Command::Templates(TemplatesCommand::List { templates }) => list_templates(&templates),
        Command::Schema => print_stdout(&brief::json_schema()),
        Command::Templates(TemplatesCommand::Export { dir, force }) => {
            export_templates(&dir, force)
        }
    }
}

/// A brief's text and the name to show for it.
struct Input {
    label: String,
    text: String,
}

/// Reads a brief. On failure the problem has been printed; the error says
/// whether it was a diagnostic about the content (rather than I/O).
fn read_input(path: &Path, limits: &Limits, report: &Reporter) -> Result<Input, bool> {
    let label = if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let result = if path == Path::new("-") {
        let mut bytes = Vec::new();
        match std::io::stdin()
            .take(limits.max_file_bytes as u64 + 1)
            .read_to_end(&mut bytes)
        {
            Ok(_) => brief::decode_source(bytes, limits).map_err(brief::ReadError::Invalid),
            Err(e) => Err(brief::ReadError::Io(e)),
        }
    } else {
        brief::read_source(path, limits)
    };
    match result {
        Ok(text) => Ok(Input { label, text }),
        Err(brief::ReadError::Io(e)) => {
            report.error(Some(&label), &format!("cannot read `{label}`: {e}"));
            Err(false)
        }
        Err(brief::ReadError::Invalid(d)) => {
            let lossy = if path == Path::new("-") {
                String::new()
            } else {
                String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned()
            };
            report.diagnostics(&label, &lossy, &[d]);
            Err(true)
        }
        Err(_) => Err(false),
    }
}

/// How diagnostics are printed, as chosen on the command line.
#[derive(Debug, Clone, clap::Args)]
struct DiagnosticArgs {
    /// How to print diagnostics on standard error: `human` for a reader,
    /// or `json`, one JSON object per line, for editors and CI.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human, value_name = "FORMAT")]
    message_format: MessageFormat,
    /// Treat warnings as errors: exit with status 1 (and `render` writes
    /// nothing).
    #[arg(long)]
    deny_warnings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MessageFormat {
    /// rustc-style text: the offending line, a caret, and help.
    Human,
    /// One JSON object per diagnostic, one per line.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

/// Whether to colour standard error. With `auto`: never when `NO_COLOR`
/// is set and not empty; always when `CLICOLOR_FORCE` is set and not `0`;
/// never when `CLICOLOR` is `0`; else on a terminal that is not `dumb`.
fn use_color(choice: ColorArg, var: impl Fn(&str) -> Option<OsString>, terminal: bool) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            let value = |name: &str| var(name).filter(|v| !v.is_empty());
            if value("NO_COLOR").is_some() {
                false
            } else if value("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                true
            } else if value("CLICOLOR").is_some_and(|v| v == "0") {
                false
            } else {
                terminal && value("TERM").is_none_or(|t| t != "dumb")
            }
        }
    }
}

/// Prints diagnostics and errors on standard error, in the chosen format.
struct Reporter {
    json: bool,
    color: bool,
    deny_warnings: bool,
}

impl Reporter {
    fn new(args: &DiagnosticArgs, color: bool) -> Self {
        Self {
            json: args.message_format == MessageFormat::Json,
            color,
            deny_warnings: args.deny_warnings,
        }
    }

    /// Applies `--deny-warnings`: every warning becomes an error.
    fn judge(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        if self.deny_warnings {
            diagnostics.into_iter().map(Diagnostic::denied).collect()
        } else {
            diagnostics
        }
    }

    /// Prints diagnostics about the brief `file`, whose text is `source`.
    fn diagnostics(&self, file: &str, source: &str, diagnostics: &[Diagnostic]) {
        let mut stderr = std::io::stderr().lock();
        for d in diagnostics {
            let text = if self.json {
                d.to_json(file, source)
            } else if self.color {
                d.render_ansi(file, source)
            } else {
                d.render(file, source)
            };
            let _ = writeln!(stderr, "{text}");
        }
    }

    /// Prints an error that is not about a brief's content (a file that
    /// cannot be read or written, a template that fails). In JSON it has
    /// the fields of a diagnostic, with no code or position.
    fn error(&self, file: Option<&str>, message: &str) {
        if self.json {
            // The keys of a diagnostic, in the same order.
            let json = format!(
                r#"{{"severity":"error","code":null,"name":null,"message":{},"file":{},"line":null,"column":null,"end_line":null,"end_column":null,"byte_start":null,"byte_end":null,"label":null,"help":null,"related":[]}}"#,
                serde_json::Value::from(message),
                serde_json::Value::from(file),
            );
            eprintln!("{json}");
        } else {
            self.summary(true, message);
        }
    }

    /// Prints a closing line for a reader (`error: could not render...`).
    /// JSON output leaves it out: the exit status says the same.
    fn summary(&self, error: bool, message: &str) {
        match (self.json, error, self.color) {
            (true, _, _) => {}
            (false, false, _) => eprintln!("{message}"),
            (false, true, false) => eprintln!("error: {message}"),
            (false, true, true) => eprintln!("\x1b[1;91merror\x1b[0m\x1b[1m: {message}\x1b[0m"),
        }
    }
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn render(args: &RenderArgs, limits: &Limits, report: &Reporter) -> i32 {
    let file = args.file.as_path();
    let output = args.output.as_deref();
    let template_format = args
        .template
        .as_deref()
        .and_then(|t| brief::render::TemplateKind::of(t).format());
    let format = match (args.format.map(FormatArg::format), template_format) {
        (Some(f), Some(t)) if f != t => {
            eprintln!(
                "error: the template `{}` renders {}, but --format asks for {}\n\nhelp: drop --format, or name the template without its extension",
                args.template.as_deref().unwrap_or_default(),
                t.extension(),
                f.extension()
            );
            return 2;
        }
        (Some(f), _) => f,
        (None, Some(t)) => t,
        (None, None) => output
            .and_then(Format::from_path)
            .unwrap_or(Format::Markdown),
    };
    if args.fragment && format != Format::Html {
        eprintln!("error: --fragment applies to HTML output only\n\nhelp: add `--format html`");
        return 2;
    }
    if format == Format::Json && (args.template.is_some() || args.templates.templates.is_some()) {
        eprintln!(
            "error: JSON output uses no templates\n\nhelp: drop --template and --templates, or pick another --format"
        );
        return 2;
    }
    if let Some(out) = output
        && file != Path::new("-")
        && same_file(file, out)
    {
        eprintln!(
            "error: the output `{}` is the input brief; refusing to overwrite it",
            out.display()
        );
        return 1;
    }
    // Templates first: a broken template is reported before any brief.
    let Some(renderer) = renderer(&args.templates) else {
        return 1;
    };
    let options = RenderOptions {
        format,
        fragment: args.fragment,
        template: args.template.clone(),
    };
    if format != Format::Json
        && let Err(e) = renderer.template_name(&options)
    {
        eprintln!("error: {e}");
        return 1;
    }
    let input = match read_input(file, limits, report) {
        Ok(i) => i,
        Err(diagnosed) => {
            if diagnosed {
                let label = if file == Path::new("-") {
                    "<stdin>".to_string()
                } else {
                    file.display().to_string()
                };
                report.summary(true, &format!("could not render `{label}` due to 1 error"));
            }
            return 1;
        }
    };
    let failed = |diagnostics: &[Diagnostic]| {
        report.diagnostics(&input.label, &input.text, diagnostics);
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        report.summary(
            true,
            &format!(
                "could not render `{}` due to {}",
                input.label,
                count(errors, "error")
            ),
        );
        1
    };
    match brief::render_str(&input.text, limits, &renderer, &options) {
        Ok(rendered) if report.deny_warnings && !rendered.warnings.is_empty() => {
            failed(&report.judge(rendered.warnings))
        }
        Ok(rendered) => {
            report.diagnostics(&input.label, &input.text, &rendered.warnings);
            match output {
                Some(path) => match write_atomically(path, rendered.text.as_bytes()) {
                    Ok(()) => 0,
                    Err(e) => {
                        // The temporary file's name means nothing to the user.
                        let message = e.to_string();
                        let message = message.split(" at path \"").next().unwrap_or(&message);
                        let shown = path.display().to_string();
                        report.error(Some(&shown), &format!("cannot write `{shown}`: {message}"));
                        1
                    }
                },
                None => print_stdout(&rendered.text),
            }
        }
        Err(brief::Error::Invalid(diagnostics)) => failed(&report.judge(diagnostics)),
        Err(brief::Error::Render(e)) => {
            report.error(Some(&input.label), &e.to_string());
            report.summary(
                true,
                &format!("could not render `{}` due to a template error", input.label),
            );
            1
        }
        Err(e) => {
            report.error(
                Some(&input.label),
                &format!("could not render `{}`: {e}", input.label),
            );
            1
        }
    }
}

/// Compiles the built-in templates and any user directory; on failure
/// the problem has been printed.
fn renderer(args: &TemplateArgs) -> Option<Renderer> {
    let result = match &args.templates {
        None => Renderer::new(),
        Some(dir) => {
            brief::render::TemplateDir::read(dir).and_then(|d| Renderer::with_templates(&d))
        }
    };
    match result {
        Ok(r) => Some(r),
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    }
}

fn list_templates(args: &TemplateArgs) -> i32 {
    use brief::render::Origin;
    let Some(renderer) = renderer(args) else {
        return 1;
    };
    let rows: Vec<(String, &str, String)> = renderer
        .templates()
        .iter()
        .map(|t| {
            let origin = match &t.origin {
                Origin::BuiltIn => "built-in".to_string(),
                Origin::Overridden(p) => format!("{} (replaces the built-in)", p.display()),
                Origin::User(p) => p.display().to_string(),
                _ => String::new(),
            };
            (t.name.clone(), t.kind.as_str(), origin)
        })
        .collect();
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0).max(4);
    let mut out = format!("{:width$}  {:8}  SOURCE\n", "NAME", "RENDERS");
    for (name, kind, origin) in rows {
        out.push_str(&format!("{name:width$}  {kind:8}  {origin}\n"));
    }
    print_stdout(&out)
}

fn export_templates(dir: &Path, force: bool) -> i32 {
    match brief::render::export_builtins(dir, force) {
        Ok(paths) => {
            eprintln!(
                "wrote {} to `{}`; render with `--templates {}`",
                count(paths.len(), "template"),
                dir.display(),
                dir.display()
            );
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

/// Writes to standard output; a closed pipe is not an error.
fn print_stdout(text: &str) -> i32 {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            1
        }
    }
}

fn check(files: &[PathBuf], limits: &Limits, report: &Reporter) -> i32 {
    let mut errors = 0;
    let mut warnings = 0;
    let mut failed = 0;
    for file in files {
        let input = match read_input(file, limits, report) {
            Ok(i) => i,
            Err(_) => {
                errors += 1;
                failed += 1;
                continue;
            }
        };
        let (_, diagnostics) = brief::check_str(&input.text, limits);
        let diagnostics = report.judge(diagnostics);
        report.diagnostics(&input.label, &input.text, &diagnostics);
        let e = diagnostics.iter().filter(|d| d.is_error()).count();
        errors += e;
        warnings += diagnostics.len() - e;
        failed += usize::from(e > 0);
    }
    let summary = format!(
        "checked {}: {}, {}",
        count(files.len(), "brief"),
        count(errors, "error"),
        count(warnings, "warning")
    );
    report.summary(failed > 0, &summary);
    i32::from(failed > 0)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes through a temporary file in the same directory, then renames it
/// into place: readers never see a half-written file, and a failure leaves
/// any previous file untouched.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".brief-").suffix(".tmp");
    // A replaced file keeps its permissions; a new one gets those of any
    // new file (0666 less the umask), not the private mode of temp files.
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    #[cfg(unix)]
    let default_mode = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o666)
    };
    #[cfg(unix)]
    if existing.is_none() {
        builder.permissions(default_mode);
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Some(perms) = existing {
        tmp.as_file().set_permissions(perms)?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn color(choice: ColorArg, vars: &[(&str, &str)], terminal: bool) -> bool {
        let var = |name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        };
        use_color(choice, var, terminal)
    }

    #[test]
    fn auto_colours_a_terminal_only() {
        assert!(color(ColorArg::Auto, &[], true));
        assert!(!color(ColorArg::Auto, &[], false));
        assert!(!color(ColorArg::Auto, &[("TERM", "dumb")], true));
        assert!(color(ColorArg::Auto, &[("TERM", "xterm-256color")], true));
    }

    #[test]
    fn auto_honours_the_environment() {
        assert!(!color(ColorArg::Auto, &[("NO_COLOR", "1")], true));
        // An empty NO_COLOR does not count.
        assert!(color(ColorArg::Auto, &[("NO_COLOR", "")], true));
        assert!(!color(ColorArg::Auto, &[("CLICOLOR", "0")], true));
        assert!(color(ColorArg::Auto, &[("CLICOLOR_FORCE", "1")], false));
        assert!(!color(ColorArg::Auto, &[("CLICOLOR_FORCE", "0")], false));
        assert!(!color(
            ColorArg::Auto,
            &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
            true
        ));
    }

    #[test]
    fn the_flag_wins_over_the_environment() {
        assert!(color(ColorArg::Always, &[("NO_COLOR", "1")], false));
        assert!(!color(ColorArg::Never, &[("CLICOLOR_FORCE", "1")], true));
    }
}
