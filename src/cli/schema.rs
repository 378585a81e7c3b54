//! `brief schema`: the JSON Schema of the format, for editors.

use super::output::print_stdout;
use super::report::Reporter;

/// The flags of `brief schema`.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Print the schema of a registry (a shared file of sources,
    /// actors, places and issues) instead of a brief's.
    #[arg(long)]
    registry: bool,
}

/// Prints the schema; returns the exit status.
pub fn run(args: &SchemaArgs, report: &Reporter) -> i32 {
    let schema = if args.registry {
        brief::registry_json_schema()
    } else {
        brief::json_schema()
    };
    print_stdout(&schema, report)
}
