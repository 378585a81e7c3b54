//! The command line: its definition, and the dispatch from each command's
//! flags, through its typed settings, to the code that runs it. Nothing
//! here is part of the library API, and the library knows nothing of clap.

mod args;
mod build;
mod check;
mod clock;
mod completions;
mod diff;
mod draft;
mod formats;
mod init;
mod input;
mod man;
mod mdbook;
mod migrate;
mod output;
mod pdf_pages;
mod progress;
mod render;
mod report;
mod schema;
mod serve;
mod templates;
mod verify;
mod watch;

use std::io::IsTerminal;

use clap::{CommandFactory, Parser, Subcommand};

use args::ColorArg;
use report::{Problem, Reporter};

/// Turn the structured facts of a news story into a faithful briefing.
///
/// A brief is a YAML file holding a story's actors, meetings, statements,
/// territorial figures, dates and sources. `brief` checks it like a
/// compiler and renders it to Markdown, HTML, or PDF (printed by a
/// locally installed Chromium or Chrome).
///
/// Start with `brief init`, which writes a commented example brief to
/// edit. `brief help COMMAND` explains each command.
#[derive(Debug, Parser)]
// A fixed width: help wraps the same on every terminal (and in the tests).
#[command(name = "brief", version, about, term_width = HELP_WIDTH)]
#[command(after_help = "Examples:
  brief init story.yaml                  # a commented starter brief to edit
  brief check story.yaml                 # errors and warnings, with lines
  brief render story.yaml                # the briefing, Markdown on stdout
  brief render story.yaml -o story.html  # a standalone HTML page
  brief render story.yaml -o story.pdf   # a PDF, printed by Chromium
  brief schema > brief.schema.json       # the JSON Schema, for editors")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// When to colour diagnostics: `auto` colours them on a terminal,
    /// unless NO_COLOR is set (CLICOLOR_FORCE forces colour).
    #[arg(long, value_enum, global = true, default_value_t = ColorArg::Auto, value_name = "WHEN", display_order = 900)]
    color: ColorArg,
}

/// The width help text is wrapped to, whatever the terminal.
const HELP_WIDTH: usize = 80;

#[derive(Debug, Subcommand)]
enum Command {
    /// Render a brief to Markdown, HTML, PDF or JSON.
    ///
    /// The brief is checked first. If it has errors they are printed,
    /// nothing is written, and the exit status is 1; warnings are printed
    /// and do not fail, unless --deny-warnings. The format is --format if
    /// given, else the extension of --template, then of --output, else
    /// Markdown; without --format, an --output name whose extension names
    /// no format is a usage error. HTML pages have SVG charts; --diagrams mermaid adds Mermaid
    /// diagrams to Markdown. A PDF is the HTML page printed by a headless
    /// Chromium or Chrome (--chromium, else BRIEF_CHROMIUM, else found on
    /// PATH); it is written to --output, or to standard output when that is
    /// not a terminal.
    #[command(after_help = "Examples:
  brief render story.yaml                     # Markdown on stdout
  brief render story.yaml -o story.html       # HTML page, written atomically
  brief render story.yaml -o story.pdf        # PDF, printed by Chromium
  brief render story.yaml --diagrams mermaid  # Markdown with Mermaid diagrams
  brief render story.yaml -f html --fragment  # HTML body only, to embed
  brief render story.yaml --template flash    # the one-page flash note
  brief render story.yaml --templates house/  # with your own templates
  brief render story.yaml -f json             # the data templates receive
  cat story.yaml | brief render -             # read the brief from stdin")]
    Render(render::RenderArgs),
    /// Check briefs for errors and warnings without rendering.
    ///
    /// Every problem in each brief is reported at once, with its code, its
    /// line and column, and a hint. Exit status: 0 when no brief has errors
    /// (warnings allowed, unless --deny-warnings), 1 when any brief has
    /// errors, 2 on a usage error.
    #[command(after_help = "Examples:
  brief check story.yaml                        # one brief
  brief check briefs/*.yaml                     # several at once
  brief check --deny-warnings briefs/*.yaml     # warnings fail too, for CI
  brief check --message-format json story.yaml  # JSON lines, for editors
  cat story.yaml | brief check -                # read the brief from stdin")]
    Check(check::CheckArgs),
    /// Render every brief under a directory, with an index page.
    ///
    /// Briefs are the .yaml and .yml files under SRC, except hidden ones and
    /// those whose name (or a parent directory's) starts with `_`. The
    /// output mirrors SRC: a/b.yaml becomes OUT/a/b.md and OUT/a/b.html,
    /// plus OUT/index.md and OUT/index.html. Briefs are rendered in
    /// parallel; those whose text and templates did not change since the
    /// last build are not rendered again. A brief with errors is reported
    /// and the rest are built. Exit status: 0 when every brief rendered
    /// (with --check: when OUT is up to date), 1 otherwise, 2 on a usage
    /// error.
    #[command(after_help = "Examples:
  brief build briefs --out site/briefs                     # Markdown
  brief build briefs --out public -f md,html               # both formats
  brief build briefs --out content/briefs --site hugo      # a Hugo section
  brief build briefs --out site/briefs --site jekyll       # a Jekyll section
  brief build briefs --out docs/briefs --check             # in CI: up to date?
  brief build briefs --out site --since v1.0               # with change pages")]
    Build(build::BuildArgs),
    /// Preview briefs in a browser, reloading on every save.
    ///
    /// Serves PATH (default: the current directory) on this machine: a
    /// brief at `/`, or a directory of briefs with its index at `/` and
    /// each brief at the name `build` gives its HTML page (a/b.yaml at
    /// /a/b.html). Each page is rendered when asked for, with --templates
    /// as they are then; a brief with errors shows its diagnostics instead.
    /// Open pages reload within a second of a save of the brief, a file it
    /// imports or a template. Nothing is written to disk, and nothing
    /// outside PATH is served. Ctrl-C stops it, with exit status 0.
    #[command(after_help = "Examples:
  brief serve story.yaml                 # one brief at http://127.0.0.1:4747/
  brief serve briefs --open              # a directory, opened in the browser
  brief serve briefs --port 0            # on a free port, printed at start
  brief serve briefs --templates house/  # with your own templates
  brief serve briefs --poll              # where file events do not arrive")]
    Serve(serve::ServeArgs),
    /// Compare two versions of a brief: what changed, as a change briefing.
    ///
    /// OLD and NEW are brief files, `-` for standard input, or
    /// `git:REV:PATH` for the version of PATH in the git revision REV (PATH
    /// relative to the current directory, as in `git show REV:./PATH`).
    /// Both versions are checked first; if either has errors they are
    /// printed and the exit status is 1. Items are matched by id, or by an
    /// id they `supersede`; reordering is not a change. The briefing lists
    /// the most significant changes first: status and figure changes, then
    /// items added and removed, then other changes, then wording edits.
    /// Exit status: 0 when the comparison is produced, with or without
    /// changes (with --exit-code: 1 when there are changes), 1 on errors, 2
    /// on a usage error. See docs/diff.md.
    #[command(after_help = "Examples:
  brief diff old.yaml story.yaml                  # Markdown on stdout
  brief diff git:HEAD:story.yaml story.yaml       # against the last commit
  brief diff git:v1.0:story.yaml story.yaml -o changes.html   # HTML page
  brief diff old.yaml story.yaml -f json          # for other tools
  brief diff --exit-code old.yaml story.yaml      # exit 1 if anything changed")]
    Diff(diff::DiffArgs),
    /// Report how much of its sources' texts a brief covers.
    ///
    /// For every source with a `text:`, the brief is checked and grounded
    /// as `brief check` does, then the text is read sentence by sentence:
    /// a sentence is covered when a passage of an item (its evidence or
    /// its quote) overlaps it; a number, with its qualifier, when a figure
    /// has the same value and qualifier or a passage holds it; a name
    /// when an actor's name or alias, a place's name or the brief's
    /// `verify.ignore` list matches it; a date expression when a date's
    /// stated wording matches it; a quotation when the brief quotes it.
    /// Prints each thing not covered with its line and column, then a
    /// summary line; --format md, html or json writes a report instead.
    /// Exit status: 0 when the report is produced (with
    /// --deny-uncovered: only when everything is covered), 1 when the
    /// brief has errors or no source has a text, 2 on a usage error. See
    /// docs/grounding.md.
    #[command(after_help = "Examples:
  brief verify story.yaml                    # what is left out, and a summary
  brief verify story.yaml -o coverage.html   # the article, passages marked
  brief verify story.yaml -f json            # for other tools
  brief verify --deny-uncovered story.yaml   # in CI: exit 1 if anything is left")]
    Verify(verify::VerifyArgs),
    /// Draft a brief from an article's text, for the author to review.
    ///
    /// Reads a plain-text article and writes a brief that `brief check`
    /// accepts: the article as its source, with `text:` naming it
    /// relative to the draft, and the actors, quotes and statements found
    /// in it. Every drafted item carries `evidence:` (the article's
    /// sentences it rests on) and `drafted: true`, which `brief check`
    /// warns about until the author has reviewed the item and deleted the
    /// marker. Nothing is invented: what the drafter is unsure of is left
    /// out or written as a comment. Relative dates are resolved only
    /// against --published (or the dateline's date). An article read from
    /// standard input has no file to name: its draft has no `text:`, and
    /// gives the passages as comments. Exit status: 0 when the draft is
    /// written, 1 when the article cannot be read or is empty, binary or
    /// too large, 2 on a usage error.
    #[command(after_help = "Examples:
  brief draft article.txt -o story.yaml          # then review story.yaml
  brief draft article.txt --published 2031-05-14 # dates resolved against it
  brief draft - < article.txt                    # from standard input
  brief check story.yaml                         # one warning per drafted item")]
    Draft(draft::DraftArgs),
    /// Rewrite a brief of an older format as the current one, keeping its
    /// comments and layout.
    ///
    /// The brief is checked first; if it has errors they are printed and
    /// nothing is written. The migration edits the text at known places
    /// and never writes the YAML out anew: it adds `format: 2` after the
    /// top-level `id`, and lists in each date's `inferred` the parts of its
    /// `value` that the `stated` wording does not give (`stated: Tuesday`
    /// gives no year, month or day). FILE is replaced atomically unless
    /// --output names another file. A brief already in format 2 is left
    /// byte for byte as it is. Exit status: 0 when migrated or already
    /// current (with --check: when already current), 1 on errors or when a
    /// migration is needed under --check, 2 on a usage error.
    #[command(after_help = "Examples:
  brief migrate story.yaml                    # in place
  brief migrate story.yaml -o story-v2.yaml   # to another file
  brief migrate --check story.yaml            # in CI: exit 1 if outdated
  brief migrate - < old.yaml > new.yaml       # standard input to output")]
    Migrate(migrate::MigrateArgs),
    /// List the templates, or export the built-ins to customise them.
    ///
    /// Briefings are laid out by Tera templates: `brief`, the full
    /// briefing, and `flash`, a one-page note, each in Markdown and HTML. A
    /// directory given to `render --templates` replaces or adds templates.
    #[command(subcommand)]
    #[command(after_help = "Examples:
  brief templates list                        # the built-in templates
  brief templates list --templates house/     # with your own directory
  brief templates export house/               # the built-ins, to edit
  brief render story.yaml --templates house/  # render with them")]
    Templates(templates::TemplatesCommand),
    /// Print the JSON Schema (draft-07) of the brief format, for editors.
    ///
    /// Editors that apply JSON Schemas to YAML (VS Code with Red Hat's YAML
    /// extension, or any editor using yaml-language-server) then complete
    /// keys, explain each field on hover, and underline mistakes of shape
    /// as you type. Save the schema beside your briefs, and name it on the
    /// first line of each brief (`brief init` writes this line):
    ///
    /// # yaml-language-server: $schema=brief.schema.json
    ///
    /// With `--registry`, the schema of a shared file that briefs import
    /// (sources, actors, places, issues and imports only).
    #[command(after_help = "Examples:
  brief schema > brief.schema.json          # beside your briefs
  brief schema > schema/brief.schema.json   # for $schema=../schema/...
  brief schema --registry > _shared/registry.schema.json")]
    Schema(schema::SchemaArgs),
    /// Run as an mdBook preprocessor: expand `{{#brief FILE}}` in a book.
    ///
    /// mdBook runs it when book.toml has a `[preprocessor.brief]` table
    /// with `command = "brief mdbook"`. It reads the book as JSON on
    /// standard input and prints it back with every `{{#brief FILE}}`
    /// replaced by the rendered brief (`{{#brief FILE section=NAME}}`: one
    /// block of the template; `level=N`: the level of its top heading). A
    /// brief with errors, a missing file or an unknown section fails the
    /// build. See docs/integrations.md.
    #[command(after_help = "book.toml:
  [preprocessor.brief]
  command = \"brief mdbook\"
  before = [\"links\"]
  templates = \"templates\"   # optional, relative to the book
  template = \"flash\"        # optional, default `brief`")]
    Mdbook(mdbook::MdbookArgs),
    /// Write a commented starter brief to edit.
    ///
    /// The starter is an invented story, marked `fictional: true`, that
    /// uses every part of the format, with a comment on each field, and
    /// checks with no errors or warnings. Replace its facts with your
    /// story's. Its first line names the JSON Schema for editors: run
    /// `brief schema > brief.schema.json` beside it. An existing file is
    /// never replaced, unless --force.
    #[command(after_help = "Examples:
  brief init                             # writes brief.yaml
  brief init story.yaml                  # writes story.yaml
  brief init - | less                    # read it on stdout
  brief init && brief check brief.yaml   # a clean start: no warnings")]
    Init(init::InitArgs),
    /// Print a completion script for your shell.
    ///
    /// It completes commands, options and their values. Save it where your
    /// shell looks for completions, or load it from your shell's startup
    /// file.
    #[command(after_help = "Examples:
  brief completions bash > ~/.local/share/bash-completion/completions/brief
  brief completions zsh > ~/.zfunc/_brief    # with fpath+=(~/.zfunc)
  brief completions fish > ~/.config/fish/completions/brief.fish
  brief completions powershell >> $PROFILE
  brief completions elvish >> ~/.config/elvish/rc.elv")]
    Completions(completions::CompletionsArgs),
    /// Print the manual page, in roff.
    ///
    /// Without a COMMAND it prints brief(1), the page of `brief` itself,
    /// which lists the commands; with one, that command's page, such as
    /// brief-render(1) for `brief man render`.
    #[command(after_help = "Examples:
  brief man | man -l -                               # read it now
  brief man > ~/.local/share/man/man1/brief.1        # then `man brief`
  brief man render > ~/.local/share/man/man1/brief-render.1
  brief man templates export                         # a nested command")]
    Man(man::ManArgs),
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
    let color = args::use_color(
        cli.color,
        |name| std::env::var_os(name),
        std::io::stderr().is_terminal(),
    );
    // Each command's flags become its settings before any work starts;
    // flags that do not go together are reported like any other error.
    match cli.command {
        Command::Render(args) => {
            let report = args.diagnostics.reporter(color);
            settled(&report, args.config(), render::run)
        }
        Command::Check(args) => {
            let report = args.diagnostics.reporter(color);
            check::run(&args.config(), &report)
        }
        Command::Build(args) => {
            let report = args.diagnostics.reporter(color);
            settled(&report, args.config(), |config, report| {
                if config.watch {
                    watch::run(config, report)
                } else {
                    build::run(config, report)
                }
            })
        }
        Command::Serve(args) => serve::run(&args, &Reporter::human(color)),
        Command::Diff(args) => {
            let report = args.diagnostics.reporter(color);
            settled(&report, args.config(), diff::run)
        }
        Command::Verify(args) => {
            let report = args.diagnostics.reporter(color);
            settled(&report, args.config(), verify::run)
        }
        Command::Draft(args) => {
            let report = args.reporter(color);
            settled(&report, args.config(), draft::run)
        }
        Command::Migrate(args) => {
            let report = args.diagnostics.reporter(color);
            migrate::run(&args.config(), &report)
        }
        Command::Templates(command) => templates::run(&command, &Reporter::human(color)),
        Command::Schema(args) => schema::run(&args, &Reporter::human(color)),
        Command::Mdbook(args) => mdbook::run(&args, &Reporter::human(color)),
        Command::Init(args) => init::run(&args, &Reporter::human(color)),
        Command::Completions(args) => {
            completions::run(&args, Cli::command(), &Reporter::human(color))
        }
        Command::Man(args) => man::run(&args, Cli::command(), &Reporter::human(color)),
    }
}

/// Runs a command on its settings, or reports why its flags gave none.
fn settled<C>(
    report: &Reporter,
    config: Result<C, Problem>,
    run: impl FnOnce(&C, &Reporter) -> i32,
) -> i32 {
    match config {
        Ok(config) => run(&config, report),
        Err(problem) => report.problem(&problem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brief::Limits;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn the_man_page_lists_the_examples_of_the_help() {
        let mut cmd = Cli::command().disable_help_subcommand(true);
        cmd.build();
        let render = cmd.find_subcommand("render").expect("a render command");
        let page = man::man_page(render.clone()).expect("a man page");
        assert!(
            page.starts_with(".TH brief-render 1 \"\" \"brief "),
            "{page}"
        );
        assert!(
            page.contains(
                ".SH EXAMPLES\n.TP\n\\fBbrief render story.yaml\\fR\nMarkdown on stdout\n"
            )
        );
        // A subcommand has no version of its own.
        assert!(!page.contains(".SH VERSION"));
    }

    #[test]
    fn limit_flags_state_the_library_defaults() {
        // The defaults the help states are the library's.
        let cmd = Cli::command();
        let check = cmd.find_subcommand("check").expect("check");
        let help = |id: &str| {
            check
                .get_arguments()
                .find(|a| a.get_id() == id)
                .and_then(|a| a.get_help())
                .map(|h| h.to_string())
                .unwrap_or_default()
        };
        let d = Limits::default();
        let size = |n: usize| {
            if n.is_multiple_of(1 << 20) {
                format!("{}MiB", n >> 20)
            } else {
                format!("{n}")
            }
        };
        assert!(help("max_file_size").ends_with(&format!("Default: {}", size(d.max_file_bytes))));
        assert!(help("max_depth").ends_with(&format!("Default: {}", d.max_depth)));
        assert!(help("max_depth").contains(&format!("at most {}", Limits::MAX_DEPTH)));
        assert!(help("max_nodes").ends_with(&format!("Default: {}", d.max_nodes)));
        assert!(help("max_aliases").ends_with(&format!("Default: {}", d.max_aliases)));
        assert!(
            help("max_string_length").ends_with(&format!("Default: {}", size(d.max_string_bytes)))
        );
    }
}
