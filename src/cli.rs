//! Command-line parsing and terminal output. Nothing here is part of the
//! library API.

use std::io::{Read, Write};
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
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render a brief to Markdown or HTML.
    #[command(
        after_help = "Examples:\n  brief render story.yaml                     Markdown on stdout\n  brief render story.yaml -o story.html       HTML page, written atomically\n  brief render story.yaml -f html --fragment  HTML body only, for embedding\n  cat story.yaml | brief render -             read the brief from stdin"
    )]
    Render {
        /// The brief to render; `-` reads standard input.
        file: PathBuf,
        /// Output format. Defaults from the --output extension, else Markdown.
        #[arg(short, long, value_enum)]
        format: Option<FormatArg>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// HTML only: emit the body content alone, for embedding in a page.
        #[arg(long)]
        fragment: bool,
    },
    /// Check briefs for errors and warnings without rendering.
    #[command(
        after_help = "Exit status: 0 when every brief is free of errors (warnings allowed),\n1 when any brief has errors, 2 on a usage error."
    )]
    Check {
        /// The briefs to check; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// Markdown (CommonMark with GFM tables and footnotes).
    Md,
    /// A standalone HTML5 page.
    Html,
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
    match cli.command {
        Command::Render {
            file,
            format,
            output,
            fragment,
        } => render(&file, format, output.as_deref(), fragment, &limits),
        Command::Check { files } => check(&files, &limits),
    }
}

/// A brief's text and the name to show for it.
struct Input {
    label: String,
    text: String,
}

/// Reads a brief. On failure the problem has been printed; the error says
/// whether it was a diagnostic about the content (rather than I/O).
fn read_input(path: &Path, limits: &Limits) -> Result<Input, bool> {
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
            eprintln!("error: cannot read `{label}`: {e}");
            Err(false)
        }
        Err(brief::ReadError::Invalid(d)) => {
            let lossy = if path == Path::new("-") {
                String::new()
            } else {
                String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned()
            };
            eprintln!("{}", d.render(&label, &lossy));
            Err(true)
        }
        Err(_) => Err(false),
    }
}

fn print_diagnostics(input: &Input, diagnostics: &[Diagnostic]) {
    let mut stderr = std::io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(stderr, "{}", d.render(&input.label, &input.text));
    }
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn render(
    file: &Path,
    format: Option<FormatArg>,
    output: Option<&Path>,
    fragment: bool,
    limits: &Limits,
) -> i32 {
    let format = match format {
        Some(FormatArg::Md) => Format::Markdown,
        Some(FormatArg::Html) => Format::Html,
        None => output
            .and_then(Format::from_path)
            .unwrap_or(Format::Markdown),
    };
    if fragment && format != Format::Html {
        eprintln!("error: --fragment applies to HTML output only\n\nhelp: add `--format html`");
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
    let input = match read_input(file, limits) {
        Ok(i) => i,
        Err(diagnosed) => {
            if diagnosed {
                let label = if file == Path::new("-") {
                    "<stdin>".to_string()
                } else {
                    file.display().to_string()
                };
                eprintln!("error: could not render `{label}` due to 1 error");
            }
            return 1;
        }
    };
    let renderer = match Renderer::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let options = RenderOptions { format, fragment };
    match brief::render_str(&input.text, limits, &renderer, &options) {
        Ok(rendered) => {
            print_diagnostics(&input, &rendered.warnings);
            match output {
                Some(path) => match write_atomically(path, rendered.text.as_bytes()) {
                    Ok(()) => 0,
                    Err(e) => {
                        // The temporary file's name means nothing to the user.
                        let message = e.to_string();
                        let message = message.split(" at path \"").next().unwrap_or(&message);
                        eprintln!("error: cannot write `{}`: {message}", path.display());
                        1
                    }
                },
                None => {
                    let mut stdout = std::io::stdout().lock();
                    match stdout
                        .write_all(rendered.text.as_bytes())
                        .and_then(|_| stdout.flush())
                    {
                        Ok(()) => 0,
                        // A closed pipe (`brief render x | head`) is not an error.
                        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
                        Err(e) => {
                            eprintln!("error: cannot write to standard output: {e}");
                            1
                        }
                    }
                }
            }
        }
        Err(brief::Error::Invalid(diagnostics)) => {
            print_diagnostics(&input, &diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "error: could not render `{}` due to {}",
                input.label,
                count(errors, "error")
            );
            1
        }
        Err(e) => {
            eprintln!("error: could not render `{}`: {e}", input.label);
            1
        }
    }
}

fn check(files: &[PathBuf], limits: &Limits) -> i32 {
    let mut errors = 0;
    let mut warnings = 0;
    let mut failed = 0;
    for file in files {
        let input = match read_input(file, limits) {
            Ok(i) => i,
            Err(_) => {
                errors += 1;
                failed += 1;
                continue;
            }
        };
        let (_, diagnostics) = brief::check_str(&input.text, limits);
        print_diagnostics(&input, &diagnostics);
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
    if failed > 0 {
        eprintln!("error: {summary}");
        1
    } else {
        eprintln!("{summary}");
        0
    }
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
