//! `brief mdbook`: the mdBook preprocessor that expands `{{#brief FILE}}`.

use clap::Subcommand;

use super::output::print_stdout;
use super::report::{Reporter, count};

/// The flags of `brief mdbook`.
#[derive(Debug, clap::Args)]
pub struct MdbookArgs {
    #[command(subcommand)]
    command: Option<MdbookCommand>,
}

/// The subcommands of `brief mdbook`.
#[derive(Debug, Subcommand)]
enum MdbookCommand {
    /// Exit with 0 if the preprocessor supports RENDERER: it supports every
    /// renderer, since it writes Markdown.
    Supports {
        /// The renderer mdBook asks about, such as `html`.
        renderer: String,
    },
}

/// mdBook's [context, book] JSON in, the book out. Brief diagnostics and
/// directive errors go to standard error and fail the build.
pub fn run(args: &MdbookArgs, report: &Reporter) -> i32 {
    if let Some(MdbookCommand::Supports { .. }) = args.command {
        return 0;
    }
    let (ctx, book) = match mdbook_preprocessor::parse_input(std::io::stdin().lock()) {
        Ok(input) => input,
        Err(e) => {
            report.summary(
                true,
                &format!("cannot read the book mdBook passes on standard input: {e:#}"),
            );
            return 1;
        }
    };
    let ours = mdbook_preprocessor::MDBOOK_VERSION;
    if ctx
        .mdbook_version
        .split('.')
        .take(2)
        .ne(ours.split('.').take(2))
    {
        report.warning(&format!(
            "brief was built for mdBook {ours}, but is run by mdBook {}",
            ctx.mdbook_version
        ));
    }
    let (book, outcome) = match brief::mdbook::run(&ctx, book) {
        Ok(done) => done,
        Err(e) => {
            report.summary(true, &e.to_string());
            return 1;
        }
    };
    for brief in &outcome.warnings {
        report.diagnostics(&brief.files, &brief.diagnostics);
    }
    for e in &outcome.errors {
        if let brief::mdbook::Error::Invalid { brief, .. } = e {
            report.diagnostics(&brief.files, &brief.diagnostics);
        }
        report.summary(true, &e.to_string());
    }
    if !outcome.errors.is_empty() {
        report.summary(
            true,
            &format!(
                "could not expand the briefs of the book due to {}",
                count(outcome.errors.len(), "error")
            ),
        );
        return 1;
    }
    match serde_json::to_string(&book) {
        Ok(json) => print_stdout(&json, report),
        Err(e) => {
            report.summary(true, &format!("cannot write the book as JSON: {e}"));
            1
        }
    }
}
