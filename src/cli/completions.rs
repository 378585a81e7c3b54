//! `brief completions`: a completion script for a shell.

use super::output::print_stdout;
use super::report::Reporter;

/// The flags of `brief completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Prints the completion script of `cli` (the whole command line) for
/// the shell asked for.
pub fn run(args: &CompletionsArgs, mut cli: clap::Command, report: &Reporter) -> i32 {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cli, "brief", &mut script);
    print_stdout(&String::from_utf8_lossy(&script), report)
}
