//! `brief templates`: list the templates, or export the built-ins; and
//! compiling the templates every rendering command starts with.

use std::path::{Path, PathBuf};

use brief::Renderer;
use brief::diagnostic::printable;
use clap::Subcommand;

use super::args::TemplateArgs;
use super::output::print_stdout;
use super::report::{Reporter, count};

/// The subcommands of `brief templates`.
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// List the templates: name, what it renders, where it comes from.
    #[command(after_help = "Examples:
  brief templates list                     # the built-in templates
  brief templates list --templates house/  # which of yours replace them")]
    List {
        #[command(flatten)]
        templates: TemplateArgs,
    },
    /// Write the built-in templates into DIR as files to edit.
    ///
    /// Rendering with the exported, unedited templates gives the same
    /// output as the built-ins. If any of them already exists in DIR,
    /// nothing is written, unless --force.
    #[command(after_help = "Examples:
  brief templates export house/               # then edit house/brief.md
  brief render story.yaml --templates house/  # render with your edits")]
    Export {
        /// Where to write them (created if missing).
        dir: PathBuf,
        /// Overwrite templates already in DIR.
        #[arg(long)]
        force: bool,
    },
}

/// Runs a `brief templates` subcommand, and returns the exit status.
pub fn run(command: &TemplatesCommand, report: &Reporter) -> i32 {
    match command {
        TemplatesCommand::List { templates } => list(templates.templates.as_deref(), report),
        TemplatesCommand::Export { dir, force } => export(dir, *force, report),
    }
}

/// Compiles the built-in templates and any user directory; on failure
/// the problem has been reported.
pub fn compile(dir: Option<&Path>, report: &Reporter) -> Option<Renderer> {
    let result = match dir {
        None => Renderer::new(),
        Some(dir) => {
            brief::render::TemplateDir::read(dir).and_then(|d| Renderer::with_templates(&d))
        }
    };
    match result {
        Ok(r) => Some(r),
        Err(e) => {
            report.error(None, &e.to_string());
            None
        }
    }
}

/// Prints a table of the templates: name, what it renders, its source.
fn list(dir: Option<&Path>, report: &Reporter) -> i32 {
    use brief::render::Origin;
    let Some(renderer) = compile(dir, report) else {
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
            // A user's template is named after its file, which may hold
            // anything a file name can.
            let name = printable(&t.name).into_owned();
            (name, t.kind.as_str(), printable(&origin).into_owned())
        })
        .collect();
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0).max(4);
    let mut out = format!("{:width$}  {:8}  SOURCE\n", "NAME", "RENDERS");
    for (name, kind, origin) in rows {
        out.push_str(&format!("{name:width$}  {kind:8}  {origin}\n"));
    }
    print_stdout(&out, report)
}

/// Writes the built-in templates into `dir`.
fn export(dir: &Path, force: bool, report: &Reporter) -> i32 {
    match brief::render::export_builtins(dir, force) {
        Ok(paths) => {
            report.note(&format!(
                "wrote {} to `{}`; render with `--templates {}`",
                count(paths.len(), "template"),
                dir.display(),
                dir.display()
            ));
            0
        }
        Err(e) => {
            report.error(None, &e.to_string());
            1
        }
    }
}
