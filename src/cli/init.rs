//! `brief init`: write the commented starter brief.

use std::path::{Path, PathBuf};

use super::output::{print_stdout, report_write_error};
use super::report::Reporter;

/// The flags of `brief init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Where to write the brief; `-` writes it to standard output.
    #[arg(default_value = "brief.yaml")]
    path: PathBuf,
    /// Replace PATH if it exists.
    #[arg(long)]
    force: bool,
}

/// Writes the starter brief to `args.path`, or to standard output for `-`.
/// An existing file is left untouched unless `args.force`.
pub fn run(args: &InitArgs, report: &Reporter) -> i32 {
    let path = args.path.as_path();
    if path == Path::new("-") {
        return print_stdout(brief::STARTER, report);
    }
    let shown = path.display().to_string();
    // A dangling symlink counts as existing too.
    if !args.force && path.symlink_metadata().is_ok() {
        report.error(
            Some(&shown),
            &format!(
                "`{shown}` already exists; nothing was written\n  = help: pick another path, or pass --force to overwrite it"
            ),
        );
        return 1;
    }
    // A folder named in the path is made, as `mkdir -p` would.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        report.error(
            Some(&shown),
            &format!(
                "cannot make the folder `{}`: {e}; nothing was written",
                dir.display()
            ),
        );
        return 1;
    }
    // The starter's header names the file it was written to.
    let starter = brief::STARTER.replace(
        "#   brief check brief.yaml      # errors and warnings, with line numbers\n#   brief render brief.yaml     # the briefing, as Markdown",
        &format!(
            "#   brief check {shown}      # errors and warnings, with line numbers\n#   brief render {shown}     # the briefing, as Markdown"
        ),
    );
    // With --force a device or FIFO is written to, never replaced.
    let inputs = brief::output::Inputs::new();
    if let Err(e) = brief::output::write_output(path, starter.as_bytes(), &inputs) {
        report_write_error(path, &e, report);
        return 1;
    }
    let schema = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(
            || PathBuf::from("brief.schema.json"),
            |d| d.join("brief.schema.json"),
        );
    report.note(&format!(
        "wrote `{shown}`: a fictional starter brief; replace its facts with your story's\n\
         check it with `brief check {shown}`\n\
         for completion in your editor: `brief schema > {}`",
        schema.display()
    ));
    0
}
