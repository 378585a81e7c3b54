//! Command-line parsing and terminal output. Nothing here is part of the
//! library API.

use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use brief::{Diagnostic, Files, Format, ImportScope, Limits, RenderOptions, Renderer};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

/// Turn the structured facts of a news story into a faithful briefing.
///
/// A brief is a YAML file holding a story's actors, meetings, statements,
/// territorial figures, dates and sources. `brief` checks it like a
/// compiler and renders it to Markdown or HTML.
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
    /// Markdown. HTML pages have SVG charts; --diagrams mermaid adds Mermaid
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
    Render(RenderArgs),
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
    Check {
        /// The briefs to check; `-` reads standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        imports: ImportArgs,
        #[command(flatten)]
        diagnostics: DiagnosticArgs,
        #[command(flatten)]
        limits: LimitArgs,
    },
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
  brief build briefs --out content --front-matter toml     # for a Zola site
  brief build briefs --out docs/briefs --check             # in CI: up to date?
  brief build briefs --out site --since v1.0               # with change pages")]
    Build(BuildArgs),
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
    Diff(DiffArgs),
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
    Templates(TemplatesCommand),
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
    Schema {
        /// Print the schema of a registry (a shared file of sources,
        /// actors, places and issues) instead of a brief's.
        #[arg(long)]
        registry: bool,
    },
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
    Mdbook {
        #[command(subcommand)]
        command: Option<MdbookCommand>,
    },
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
    Init(InitArgs),
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
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
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
    Man {
        /// The command whose page to print: `render`, `templates export`...
        #[arg(value_name = "COMMAND")]
        command: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
enum MdbookCommand {
    /// Exit with 0 if the preprocessor supports RENDERER: it supports every
    /// renderer, since it writes Markdown.
    Supports {
        /// The renderer mdBook asks about, such as `html`.
        renderer: String,
    },
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
    /// Markdown only: start with front matter for a static-site generator.
    #[arg(long, value_enum, value_name = "LANG")]
    front_matter: Option<FrontMatterArg>,
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
    #[command(flatten)]
    diagnostics: DiagnosticArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Where a brief's imports may be read from.
#[derive(Debug, Clone, clap::Args)]
struct ImportArgs {
    /// Imports must stay inside this directory. Default for `build`: SRC;
    /// else the brief's git repository, or outside one the current
    /// directory (when the brief is in it) or the brief's directory.
    #[arg(long, value_name = "DIR")]
    import_root: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiagramsArg {
    /// No diagrams.
    None,
    /// Inline SVG charts in HTML pages.
    Svg,
    /// Mermaid code blocks in Markdown.
    Mermaid,
}

impl DiagramsArg {
    fn kind(self) -> brief::render::Diagrams {
        match self {
            DiagramsArg::None => brief::render::Diagrams::Off,
            DiagramsArg::Svg => brief::render::Diagrams::Svg,
            DiagramsArg::Mermaid => brief::render::Diagrams::Mermaid,
        }
    }

    /// Whether these diagrams go with `format`, and if not, the help.
    fn check(self, format: Format, pdf: bool) -> Result<(), String> {
        let shown = if pdf { "pdf" } else { format.extension() };
        match (self, format) {
            (DiagramsArg::None, Format::Markdown | Format::Html) => Ok(()),
            (DiagramsArg::Svg, Format::Html) => Ok(()),
            (DiagramsArg::Mermaid, Format::Markdown) => Ok(()),
            (DiagramsArg::Mermaid, _) => Err(format!(
                "--diagrams mermaid applies to Markdown output only, not {shown}\n\nhelp: HTML pages and PDFs have SVG charts; drop --diagrams, or add `--format md`"
            )),
            (DiagramsArg::Svg, _) => Err(format!(
                "--diagrams svg applies to HTML and PDF output only, not {shown}\n\nhelp: for Markdown, use `--diagrams mermaid`"
            )),
            (DiagramsArg::None, _) => Err(format!(
                "--diagrams applies to Markdown, HTML and PDF output only, not {shown}"
            )),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PaperArg {
    /// ISO A4 (the default).
    A4,
    /// US Letter.
    Letter,
}

#[derive(Debug, clap::Args)]
struct BuildArgs {
    /// The directory of briefs, searched recursively.
    src: PathBuf,
    /// Where to write the briefings (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Output formats, comma-separated.
    #[arg(short, long, value_enum, value_delimiter = ',', default_value = "md")]
    format: Vec<BuildFormatArg>,
    #[command(flatten)]
    templates: TemplateArgs,
    /// The template for each brief (`brief` by default; see `brief render`).
    #[arg(short, long, value_name = "NAME")]
    template: Option<String>,
    /// Markdown only: start each briefing with front matter for a
    /// static-site generator.
    #[arg(long, value_enum, value_name = "LANG")]
    front_matter: Option<FrontMatterArg>,
    /// Diagrams: `mermaid` adds Mermaid diagrams to the Markdown outputs;
    /// `none` drops the SVG charts of the HTML outputs.
    #[arg(long, value_enum, value_name = "KIND")]
    diagrams: Option<DiagramsArg>,
    /// Write nothing: exit 1 and list each stale, missing or extra file if
    /// OUT is not what a build would write.
    #[arg(long)]
    check: bool,
    /// Render every brief, even those that look up to date.
    #[arg(long)]
    force: bool,
    /// Keep running, and build again whenever a brief, a file it imports
    /// or a template changes. Stop with Ctrl-C.
    #[arg(long, conflicts_with = "check")]
    watch: bool,
    /// Worker threads; 0 (the default) uses every core.
    #[arg(short, long, value_name = "N", default_value_t = 0)]
    jobs: usize,
    /// Also write a change page for each brief (a/b.yaml: OUT/a/b.changes.md)
    /// against its version in the git revision REV, as `brief diff` does.
    #[arg(long, value_name = "REV")]
    since: Option<String>,
    #[command(flatten)]
    imports: ImportArgs,
    #[command(flatten)]
    diagnostics: DiagnosticArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Debug, clap::Args)]
struct DiffArgs {
    /// The older version: a file, `git:REV:PATH`, or `-` for standard input.
    old: PathBuf,
    /// The newer version: a file, `git:REV:PATH`, or `-` for standard input.
    new: PathBuf,
    /// Output format. Defaults from the --template extension, then the
    /// --output extension, else Markdown.
    #[arg(short, long, value_enum)]
    format: Option<DiffFormatArg>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    templates: TemplateArgs,
    /// The template to render: one of yours from --templates, whose name
    /// starts with `diff.` or `diff-`. Default: `diff`.
    #[arg(short, long, value_name = "NAME")]
    template: Option<String>,
    /// Exit with 1 when there are changes, 0 when there are none (errors
    /// still exit with 1).
    #[arg(long)]
    exit_code: bool,
    #[command(flatten)]
    imports: ImportArgs,
    #[command(flatten)]
    diagnostics: DiagnosticArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BuildFormatArg {
    /// Markdown (CommonMark with GFM tables and footnotes).
    Md,
    /// Standalone HTML5 pages.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FrontMatterArg {
    /// `---` YAML (Hugo, Jekyll).
    Yaml,
    /// `+++` TOML, tags under [taxonomies] (Zola).
    Toml,
}

impl FrontMatterArg {
    fn kind(self) -> brief::FrontMatter {
        match self {
            FrontMatterArg::Yaml => brief::FrontMatter::Yaml,
            FrontMatterArg::Toml => brief::FrontMatter::Toml,
        }
    }
}

#[derive(Debug, clap::Args)]
struct InitArgs {
    /// Where to write the brief; `-` writes it to standard output.
    #[arg(default_value = "brief.yaml")]
    path: PathBuf,
    /// Replace PATH if it exists.
    #[arg(long)]
    force: bool,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// Markdown (CommonMark with GFM tables and footnotes).
    Md,
    /// A standalone HTML5 page.
    Html,
    /// The data templates receive, as JSON.
    Json,
    /// A print-ready PDF of the HTML page (needs Chromium or Chrome).
    Pdf,
}

/// The formats of `brief diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormatArg {
    /// Markdown (CommonMark).
    Md,
    /// A standalone HTML5 page.
    Html,
    /// The data templates receive, as JSON.
    Json,
}

impl DiffFormatArg {
    fn format(self) -> Format {
        match self {
            DiffFormatArg::Md => Format::Markdown,
            DiffFormatArg::Html => Format::Html,
            DiffFormatArg::Json => Format::Json,
        }
    }
}

impl FormatArg {
    /// The format rendered; a PDF is printed from HTML.
    fn format(self) -> Format {
        match self {
            FormatArg::Md => Format::Markdown,
            FormatArg::Html | FormatArg::Pdf => Format::Html,
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
    let color = use_color(
        cli.color,
        |name| std::env::var_os(name),
        std::io::stderr().is_terminal(),
    );
    match cli.command {
        Command::Render(args) => render(
            &args,
            &args.limits.limits(),
            &Reporter::new(&args.diagnostics, color),
        ),
        Command::Check {
            files,
            imports,
            diagnostics,
            limits,
        } => check(
            &files,
            &imports,
            &limits.limits(),
            &Reporter::new(&diagnostics, color),
        ),
        Command::Templates(TemplatesCommand::List { templates }) => list_templates(&templates),
        Command::Schema { registry: false } => print_stdout(&brief::json_schema()),
        Command::Schema { registry: true } => print_stdout(&brief::registry_json_schema()),
        Command::Mdbook { command } => mdbook(command.as_ref(), color),
        Command::Build(args) => build(
            &args,
            &args.limits.limits(),
            &Reporter::new(&args.diagnostics, color),
        ),
        Command::Templates(TemplatesCommand::Export { dir, force }) => {
            export_templates(&dir, force)
        }
        Command::Init(args) => init(&args),
        Command::Diff(args) => diff(&args, &args.limits.limits(), color),
        Command::Completions { shell } => completions(shell),
        Command::Man { command } => man(&command),
    }
}

/// A brief's text, the name to show for it, and where its imports are.
struct Input {
    label: String,
    text: String,
    scope: ImportScope,
}

impl Input {
    /// Loads and validates the brief with its imports.
    fn check(self, limits: &Limits) -> brief::Checked {
        brief::check_source(&self.label, self.text, Some(&self.scope), limits)
    }
}

/// Reads a brief. On failure the problem has been printed; the error says
/// whether it was a diagnostic about the content (rather than I/O).
fn read_input(
    path: &Path,
    imports: &ImportArgs,
    limits: &Limits,
    report: &Reporter,
) -> Result<Input, bool> {
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
        Ok(text) => {
            let root = imports.import_root.as_deref();
            let scope = if path == Path::new("-") {
                ImportScope::for_stdin(root)
            } else {
                ImportScope::for_file(path, root)
            };
            Ok(Input { label, text, scope })
        }
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
            report.diagnostics(&Files::new(label, lossy), &[d]);
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

/// The resource limits a brief must keep within (see docs/security.md).
/// Each is given in `brief::Limits::default()`; the defaults in the help
/// text are checked against it by a unit test.
#[derive(Debug, Clone, Default, clap::Args)]
#[command(next_help_heading = "Limits")]
struct LimitArgs {
    /// Largest brief file read, in bytes or with a unit (512KiB, 16MiB).
    /// Default: 16MiB.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_file_size: Option<usize>,
    /// Deepest nesting of lists and maps, at most 1000. Default: 64.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1000))]
    max_depth: Option<u16>,
    /// Most YAML values in a brief, aliases expanded. Default: 1000000.
    #[arg(long, value_name = "N", value_parser = parse_count)]
    max_nodes: Option<usize>,
    /// Most uses of YAML aliases (`*name`) in a brief. Default: 10000.
    #[arg(long, value_name = "N", value_parser = parse_count)]
    max_aliases: Option<usize>,
    /// Longest text value, in bytes or with a unit (64KiB). Default: 1MiB.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_string_length: Option<usize>,
}

impl LimitArgs {
    fn limits(&self) -> Limits {
        let d = Limits::default();
        Limits {
            max_file_bytes: self.max_file_size.unwrap_or(d.max_file_bytes),
            max_depth: self.max_depth.map_or(d.max_depth, usize::from),
            max_nodes: self.max_nodes.unwrap_or(d.max_nodes),
            max_aliases: self.max_aliases.unwrap_or(d.max_aliases),
            max_string_bytes: self.max_string_length.unwrap_or(d.max_string_bytes),
        }
    }
}

/// A count: digits, with `_` allowed between them (`1_000_000`).
fn parse_count(text: &str) -> Result<usize, String> {
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("`{text}` is not a whole number"));
    }
    digits.parse().map_err(|_| format!("`{text}` is too large"))
}

/// A size in bytes: a count, optionally followed by a unit: `B`, `KiB`,
/// `MiB`, `GiB` (powers of 1024), or `KB`, `MB`, `GB` (powers of 1000);
/// units are case-insensitive and may follow a space.
fn parse_size(text: &str) -> Result<usize, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '_'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let factor: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kib" | "k" => 1 << 10,
        "mib" | "m" => 1 << 20,
        "gib" | "g" => 1 << 30,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        other => {
            return Err(format!(
                "unknown unit `{other}`; write bytes, or use KiB, MiB or GiB (as in 16MiB)"
            ));
        }
    };
    let n = parse_count(number).map_err(|_| {
        format!("`{text}` is not a size; write bytes, or a number and a unit, as in 16MiB")
    })?;
    n.checked_mul(factor)
        .ok_or_else(|| format!("`{text}` is too large"))
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

    /// Prints diagnostics about a brief read from `files`.
    fn diagnostics(&self, files: &Files, diagnostics: &[Diagnostic]) {
        let mut stderr = std::io::stderr().lock();
        for d in diagnostics {
            let text = if self.json {
                d.to_json_in(files)
            } else if self.color {
                d.render_ansi_in(files)
            } else {
                d.render_in(files)
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
    let pdf_output =
        output.is_some_and(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")));
    let pdf = match args.format {
        Some(f) => f == FormatArg::Pdf,
        None => pdf_output && template_format != Some(Format::Markdown),
    };
    let format = match (args.format.map(FormatArg::format), template_format) {
        (Some(f), Some(t)) if f != t => {
            eprintln!(
                "error: the template `{}` renders {}, but --format asks for {}\n\nhelp: drop --format, or name the template without its extension",
                args.template.as_deref().unwrap_or_default(),
                t.extension(),
                if pdf { "pdf" } else { f.extension() }
            );
            return 2;
        }
        (Some(f), _) => f,
        (None, Some(t)) => t,
        (None, None) => output
            .and_then(Format::from_path)
            .unwrap_or(Format::Markdown),
    };
    let format = if pdf { Format::Html } else { format };
    if args.fragment && (format != Format::Html || pdf) {
        eprintln!("error: --fragment applies to HTML output only\n\nhelp: add `--format html`");
        return 2;
    }
    if let Some(Err(e)) = args.diagrams.map(|d| d.check(format, pdf)) {
        eprintln!("error: {e}");
        return 2;
    }
    if !pdf && (args.paper.is_some() || args.chromium.is_some()) {
        let flag = if args.paper.is_some() {
            "--paper"
        } else {
            "--chromium"
        };
        eprintln!(
            "error: {flag} applies to PDF output only\n\nhelp: add `--format pdf`, or write to a file ending in .pdf"
        );
        return 2;
    }
    if pdf && output.is_none() && std::io::stdout().is_terminal() {
        eprintln!(
            "error: a PDF is not for a terminal; refusing to write it to standard output\n\nhelp: write it to a file with `-o FILE.pdf`, or pipe it"
        );
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
    if args.front_matter.is_some() && format != Format::Markdown {
        eprintln!("error: --front-matter applies to Markdown output only");
        return 2;
    }
    let options = RenderOptions {
        format,
        fragment: args.fragment,
        template: args.template.clone(),
        front_matter: args.front_matter.map(FrontMatterArg::kind),
        diagrams: args.diagrams.map(DiagramsArg::kind),
    };
    // Find the browser before any work, so a missing one is said at once.
    let browser = if pdf {
        match brief::pdf::find_browser(
            args.chromium.as_deref(),
            std::env::var_os(brief::pdf::BROWSER_VAR),
            std::env::var_os("PATH"),
        ) {
            Ok(b) => Some(b),
            Err(e) => {
                report.error(None, &e.to_string());
                return 1;
            }
        }
    } else {
        None
    };
    if format != Format::Json
        && let Err(e) = renderer.template_name(&options)
    {
        eprintln!("error: {e}");
        return 1;
    }
    let input = match read_input(file, &args.imports, limits, report) {
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
    let label = input.label.clone();
    let checked = input.check(limits);
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
    match checked.render(&renderer, &options) {
        Ok(rendered) if report.deny_warnings && !rendered.warnings.is_empty() => {
            failed(&report.judge(rendered.warnings))
        }
        Ok(rendered) => {
            report.diagnostics(&checked.files, &rendered.warnings);
            let bytes = match browser {
                Some(browser) => {
                    let options = brief::pdf::PdfOptions {
                        paper: match args.paper {
                            Some(PaperArg::Letter) => brief::pdf::Paper::Letter,
                            _ => brief::pdf::Paper::A4,
                        },
                        browser: Some(browser),
                        ..Default::default()
                    };
                    match brief::pdf::html_to_pdf(&rendered.text, &options) {
                        Ok(bytes) => bytes,
                        Err(e) => {
                            report.error(Some(&label), &e.to_string());
                            return 1;
                        }
                    }
                }
                None => rendered.text.into_bytes(),
            };
            let code = match output {
                Some(path) => match write_atomically(path, &bytes) {
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
                None => write_stdout(&bytes),
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

fn build(args: &BuildArgs, limits: &Limits, report: &Reporter) -> i32 {
    if !args.watch {
        return build_once(args, limits, report).0;
    }
    let mut imports: Vec<PathBuf> = Vec::new();
    loop {
        // Taken before building, so that a change made during the build
        // starts another.
        let mut before = watch_snapshot(args, &imports);
        let (status, found) = build_once(args, limits, report);
        if status == 2 {
            return status;
        }
        for file in &found {
            if !before.contains_key(file) {
                before.insert(file.clone(), file_stamp(file));
            }
        }
        imports = found;
        let watched = || watch_snapshot(args, &imports);
        eprintln!(
            "watching `{}` for changes; press Ctrl-C to stop",
            args.src.display()
        );
        loop {
            std::thread::sleep(WATCH_INTERVAL);
            let mut now = watched();
            if now == before {
                continue;
            }
            // Let an editor finish saving before building.
            loop {
                std::thread::sleep(WATCH_INTERVAL / 3);
                let again = watched();
                if again == now {
                    break;
                }
                now = again;
            }
            break;
        }
        eprintln!("change detected; building again");
    }
}

/// How often `build --watch` looks for changes.
const WATCH_INTERVAL: std::time::Duration = std::time::Duration::from_millis(300);

/// What `build --watch` compares: the size and modification time of every
/// file under the source and template directories (except the output
/// directory and hidden files) and of every imported file.
fn watch_snapshot(
    args: &BuildArgs,
    imports: &[PathBuf],
) -> std::collections::BTreeMap<PathBuf, Option<(u64, std::time::SystemTime)>> {
    let stamp = file_stamp;
    let out = std::fs::canonicalize(&args.out).ok();
    let mut files = std::collections::BTreeMap::new();
    let mut dirs: Vec<PathBuf> = vec![args.src.clone()];
    dirs.extend(args.templates.templates.iter().cloned());
    while let Some(dir) = dirs.pop() {
        if out
            .as_ref()
            .is_some_and(|o| std::fs::canonicalize(&dir).is_ok_and(|d| &d == o))
        {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let s = stamp(&path);
                files.insert(path, s);
            }
        }
    }
    for i in imports {
        files.insert(i.clone(), stamp(i));
    }
    files
}

/// A file's size and modification time; `None` when it is missing.
fn file_stamp(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().unwrap_or(std::time::UNIX_EPOCH)))
}

/// One build; returns the exit status and the files the briefs import.
fn build_once(args: &BuildArgs, limits: &Limits, report: &Reporter) -> (i32, Vec<PathBuf>) {
    let mut imports = Vec::new();
    let status = build_status(args, limits, report, &mut imports);
    (status, imports)
}

fn build_status(
    args: &BuildArgs,
    limits: &Limits,
    report: &Reporter,
    imports: &mut Vec<PathBuf>,
) -> i32 {
    let formats: Vec<Format> = args
        .format
        .iter()
        .map(|f| match f {
            BuildFormatArg::Md => Format::Markdown,
            BuildFormatArg::Html => Format::Html,
        })
        .collect();
    if args.diagrams == Some(DiagramsArg::Mermaid) && !formats.contains(&Format::Markdown) {
        eprintln!(
            "error: --diagrams mermaid applies to Markdown output only\n\nhelp: add `--format md`"
        );
        return 2;
    }
    if args.diagrams == Some(DiagramsArg::Svg) && !formats.contains(&Format::Html) {
        eprintln!("error: --diagrams svg applies to HTML output only\n\nhelp: add `--format html`");
        return 2;
    }
    if args.front_matter.is_some() && !formats.contains(&Format::Markdown) {
        eprintln!(
            "error: --front-matter applies to Markdown output only\n\nhelp: add `--format md`"
        );
        return 2;
    }
    let Some(renderer) = renderer(&args.templates) else {
        return 1;
    };
    let mut formats_unique = Vec::new();
    for f in formats {
        if !formats_unique.contains(&f) {
            formats_unique.push(f);
        }
    }
    let options = brief::BuildOptions {
        formats: formats_unique,
        template: args.template.clone(),
        front_matter: args.front_matter.map(FrontMatterArg::kind),
        jobs: args.jobs,
        limits: *limits,
        import_root: args.imports.import_root.clone(),
        check: args.check,
        force: args.force,
        deny_warnings: report.deny_warnings,
        diagrams: args.diagrams.map(DiagramsArg::kind),
        since: args.since.clone(),
    };
    let bar = Progress::new(!report.json);
    let result = brief::build(&args.src, &args.out, &renderer, &options, &|done, total| {
        bar.show(done, total)
    });
    bar.clear();
    let summary = match result {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    imports.clone_from(&summary.imports);
    for r in &summary.reports {
        let label = r.path.display().to_string();
        report.diagnostics(&r.files, &r.diagnostics);
        if let Some(failure) = &r.failure {
            eprintln!("error: `{label}`: {failure}");
        }
    }
    let failed = summary.failed();
    let out = args.out.display();
    if args.check {
        for d in &summary.drift {
            eprintln!("{}: {}", d.kind, args.out.join(&d.path).display());
            if !d.diff.is_empty() {
                eprint!("{}", d.diff);
                if !d.diff.ends_with('\n') {
                    eprintln!();
                }
            }
        }
        if summary.drift.is_empty() && failed == 0 {
            report.summary(
                false,
                &format!(
                    "`{out}` is up to date with {}",
                    count(summary.briefs, "brief")
                ),
            );
            return 0;
        }
        let mut parts = Vec::new();
        for kind in [
            brief::build::DriftKind::Stale,
            brief::build::DriftKind::Missing,
            brief::build::DriftKind::Extra,
        ] {
            let n = summary.drift.iter().filter(|d| d.kind == kind).count();
            if n > 0 {
                parts.push(format!("{n} {kind}"));
            }
        }
        if failed > 0 {
            parts.push(format!("{} failed", count(failed, "brief")));
        }
        report.summary(
            true,
            &format!(
                "`{out}` is not up to date: {}\n\nhelp: run the same command without --check",
                parts.join(", ")
            ),
        );
        return 1;
    }
    let done = format!(
        "built {} into `{out}`: {} rendered, {} up to date; {} written, {} removed",
        count(summary.briefs, "brief"),
        summary.rendered,
        summary.up_to_date,
        count(summary.written.len(), "file"),
        summary.removed.len()
    );
    if failed > 0 {
        report.summary(
            true,
            &format!(
                "{done}\nerror: {} could not be rendered",
                count(failed, "brief")
            ),
        );
        1
    } else {
        report.summary(false, &done);
        0
    }
}

/// A one-line progress display on a terminal; silent otherwise (pipes, CI).
struct Progress {
    on: bool,
    shown: std::sync::atomic::AtomicUsize,
}

impl Progress {
    fn new(allowed: bool) -> Self {
        let ci = std::env::var_os("CI").is_some();
        Self {
            on: allowed && !ci && std::io::stderr().is_terminal(),
            shown: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    fn show(&self, done: usize, total: usize) {
        // Only for builds long enough to notice, and at most ~100 updates.
        if !self.on || total < 50 {
            return;
        }
        let percent = done * 100 / total;
        let last = self
            .shown
            .swap(percent, std::sync::atomic::Ordering::Relaxed);
        if percent != last || done == total {
            let filled = percent / 5;
            eprint!(
                "\r[{}{}] {done}/{total} briefs",
                "=".repeat(filled),
                " ".repeat(20 - filled)
            );
        }
    }

    fn clear(&self) {
        if self.on && self.shown.load(std::sync::atomic::Ordering::Relaxed) > 0 {
            eprint!("\r\x1b[K");
        }
    }
}

/// Writes the starter brief to `args.path`, or to standard output for `-`.
/// An existing file is left untouched unless `args.force`.
fn init(args: &InitArgs) -> i32 {
    let path = args.path.as_path();
    if path == Path::new("-") {
        return print_stdout(brief::STARTER);
    }
    let shown = path.display();
    // A dangling symlink counts as existing too.
    if !args.force && path.symlink_metadata().is_ok() {
        eprintln!(
            "error: `{shown}` already exists; nothing was written\n  = help: pick another path, or pass --force to overwrite it"
        );
        return 1;
    }
    if let Err(e) = write_atomically(path, brief::STARTER.as_bytes()) {
        // The temporary file's name means nothing to the user.
        let message = e.to_string();
        let message = message.split(" at path \"").next().unwrap_or(&message);
        eprintln!("error: cannot write `{shown}`: {message}");
        return 1;
    }
    let schema = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(
            || PathBuf::from("brief.schema.json"),
            |d| d.join("brief.schema.json"),
        );
    eprintln!(
        "wrote `{shown}`: a fictional starter brief; replace its facts with your story's\n\
         check it with `brief check {shown}`\n\
         for completion in your editor: `brief schema > {}`",
        schema.display()
    );
    0
}

/// Prints the completion script for `shell`.
fn completions(shell: clap_complete::Shell) -> i32 {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "brief", &mut script);
    print_stdout(&String::from_utf8_lossy(&script))
}

/// Prints the man page of `brief`, or of the command named by `path`
/// (`["templates", "export"]`).
fn man(path: &[String]) -> i32 {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut page = &cmd;
    for (i, name) in path.iter().enumerate() {
        match page.find_subcommand(name) {
            Some(sub) => page = sub,
            None => {
                let known: Vec<&str> = page.get_subcommands().map(|c| c.get_name()).collect();
                eprintln!(
                    "error: `{}` has no command `{name}`\n  = help: the commands are {}",
                    ["brief"]
                        .into_iter()
                        .chain(path[..i].iter().map(String::as_str))
                        .collect::<Vec<_>>()
                        .join(" "),
                    known.join(", ")
                );
                return 2;
            }
        }
    }
    match man_page(page.clone()) {
        Ok(roff) => print_stdout(&roff),
        Err(e) => {
            eprintln!("error: cannot write the man page: {e}");
            1
        }
    }
}

/// The roff man page of `cmd`: clap_mangen's sections, with the text
/// after the help's options as more DESCRIPTION paragraphs, and its
/// examples (`Examples:` then one `  command  # what it does` a line) as
/// an EXAMPLES section. It starts with the `.TH` title line.
fn man_page(cmd: clap::Command) -> std::io::Result<String> {
    use clap_mangen::roff::{Roff, bold, roman};
    let after_help = cmd
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    let (notes, examples) = match after_help.split_once("Examples:\n") {
        Some((notes, examples)) if notes.is_empty() || notes.ends_with('\n') => (notes, examples),
        _ => (after_help.as_str(), ""),
    };
    let man = clap_mangen::Man::new(cmd.clone());
    // Each part comes with the same preamble (it defines a string used
    // for apostrophes); it is written once, after the title.
    let preamble = Roff::new().render();
    let part = |render: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| -> std::io::Result<String> {
        let mut out = Vec::new();
        render(&mut out)?;
        let text = String::from_utf8_lossy(&out).into_owned();
        Ok(text.strip_prefix(&preamble).unwrap_or(&text).to_string())
    };
    // The title by hand: clap_mangen leaves out an empty date, which moves
    // the source into the date's place. There is no date: the page must
    // not depend on the clock.
    let title = cmd.get_display_name().unwrap_or(cmd.get_name());
    let source = concat!("brief ", env!("CARGO_PKG_VERSION"));
    let mut page = format!(".TH {title} 1 \"\" \"{source}\" \"User Commands\"\n");
    page.push_str(&preamble);
    page.push_str(&part(&|w| man.render_name_section(w))?);
    page.push_str(&part(&|w| man.render_synopsis_section(w))?);
    page.push_str(&part(&|w| man.render_description_section(w))?);
    let mut roff = Roff::new();
    for paragraph in notes.split("\n\n").filter(|p| !p.trim().is_empty()) {
        roff.control("PP", []);
        // Indented lines (a sample file) keep their layout; prose is filled.
        let verbatim = paragraph.lines().all(|l| l.starts_with("  "));
        if verbatim {
            roff.control("nf", []);
        }
        for line in paragraph.lines() {
            roff.text([roman(line)]);
        }
        if verbatim {
            roff.control("fi", []);
        }
    }
    page.push_str(&part(&|w| roff.to_writer(w))?);
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        page.push_str(&part(&|w| man.render_options_section(w))?);
    }
    if cmd.get_subcommands().any(|c| !c.is_hide_set()) {
        page.push_str(&part(&|w| man.render_subcommands_section(w))?);
    }
    if !examples.trim().is_empty() {
        let mut roff = Roff::new();
        roff.control("SH", ["EXAMPLES"]);
        for line in examples.lines().filter(|l| !l.trim().is_empty()) {
            // `command  # what it does`, or the older `command   what`.
            let line = line.trim();
            let (command, what) = line
                .split_once(" # ")
                .or_else(|| line.split_once("   "))
                .unwrap_or((line, ""));
            roff.control("TP", []);
            roff.text([bold(command.trim())]);
            roff.text([roman(what.trim())]);
        }
        page.push_str(&part(&|w| roff.to_writer(w))?);
    }
    if cmd.get_version().is_some() {
        page.push_str(&part(&|w| man.render_version_section(w))?);
    }
    Ok(page)
}

/// Writes to standard output; a closed pipe is not an error.
fn print_stdout(text: &str) -> i32 {
    write_stdout(text.as_bytes())
}

/// Writes bytes to standard output; a closed pipe is not an error.
fn write_stdout(bytes: &[u8]) -> i32 {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            1
        }
    }
}

fn check(files: &[PathBuf], imports: &ImportArgs, limits: &Limits, report: &Reporter) -> i32 {
    let mut errors = 0;
    let mut warnings = 0;
    let mut failed = 0;
    for file in files {
        let input = match read_input(file, imports, limits, report) {
            Ok(i) => i,
            Err(_) => {
                errors += 1;
                failed += 1;
                continue;
            }
        };
        let checked = input.check(limits);
        let diagnostics = report.judge(checked.diagnostics);
        report.diagnostics(&checked.files, &diagnostics);
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

/// `brief mdbook`: mdBook's [context, book] JSON in, the book out. Brief
/// diagnostics and directive errors go to standard error and fail the
/// build.
fn mdbook(command: Option<&MdbookCommand>, color: bool) -> i32 {
    if let Some(MdbookCommand::Supports { .. }) = command {
        return 0;
    }
    let report = Reporter {
        json: false,
        color,
        deny_warnings: false,
    };
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
        eprintln!(
            "warning: brief was built for mdBook {ours}, but is run by mdBook {}",
            ctx.mdbook_version
        );
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
        Ok(json) => print_stdout(&json),
        Err(e) => {
            report.summary(true, &format!("cannot write the book as JSON: {e}"));
            1
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes through a temporary file in the same directory, then renames it
/// into place (see [`brief::write_atomically`]).
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    brief::write_atomically(path, bytes)
}

/// Reads one version for `brief diff`: a file, `-`, or `git:REV:PATH`.
/// On failure the problem has been printed.
/// A version from git has its imports read from the working tree, at the
/// same path.
fn read_version(
    spec: &Path,
    imports: &ImportArgs,
    limits: &Limits,
    report: &Reporter,
) -> Result<Input, ()> {
    let Some(git) = spec.to_str().and_then(brief::diff::parse_git_spec) else {
        return read_input(spec, imports, limits, report).map_err(|_| ());
    };
    let (rev, path) = git.map_err(|e| report.error(None, &e.to_string()))?;
    let label = format!("{rev}:{path}");
    let bytes = brief::diff::git_show(Path::new("."), rev, path)
        .map_err(|e| report.error(Some(&label), &e.to_string()))?;
    match brief::decode_source(bytes.clone(), limits) {
        Ok(text) => {
            let scope = ImportScope::for_file(Path::new(path), imports.import_root.as_deref());
            Ok(Input { label, text, scope })
        }
        Err(d) => {
            let files = Files::new(label, String::from_utf8_lossy(&bytes));
            report.diagnostics(&files, &[d]);
            Err(())
        }
    }
}

fn diff(args: &DiffArgs, limits: &Limits, color: bool) -> i32 {
    let report = Reporter::new(&args.diagnostics, color);
    let output = args.output.as_deref();
    let pdf_output =
        output.is_some_and(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")));
    if args.format.is_none() && pdf_output {
        eprintln!(
            "error: `brief diff` writes Markdown, HTML or JSON, not PDF\n\nhelp: write HTML (`-o changes.html`) and print it from a browser"
        );
        return 2;
    }
    let template_format = args
        .template
        .as_deref()
        .and_then(|t| brief::render::TemplateKind::of(t).format());
    let format = match (args.format.map(DiffFormatArg::format), template_format) {
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
    if format == Format::Json && (args.template.is_some() || args.templates.templates.is_some()) {
        eprintln!(
            "error: JSON output uses no templates\n\nhelp: drop --template and --templates, or pick another --format"
        );
        return 2;
    }
    let stdin = Path::new("-");
    if args.old == stdin && args.new == stdin {
        eprintln!("error: only one version can be read from standard input");
        return 2;
    }
    if let Some(out) = output {
        for input in [&args.old, &args.new] {
            if input != stdin && same_file(input, out) {
                eprintln!(
                    "error: the output `{}` is an input brief; refusing to overwrite it",
                    out.display()
                );
                return 1;
            }
        }
    }
    let Some(renderer) = renderer(&args.templates) else {
        return 1;
    };
    let options = RenderOptions {
        format,
        template: args.template.clone(),
        ..RenderOptions::default()
    };
    if format != Format::Json
        && let Err(e) = renderer.diff_template_name(&options)
    {
        eprintln!("error: {e}");
        return 1;
    }
    let old = read_version(&args.old, &args.imports, limits, &report);
    let new = read_version(&args.new, &args.imports, limits, &report);
    let (Ok(old), Ok(new)) = (old, new) else {
        report.summary(true, "could not compare the two versions");
        return 1;
    };
    let labels = [old.label.clone(), new.label.clone()];
    let mut models = Vec::new();
    let mut failed = Vec::new();
    for input in [old, new] {
        let label = input.label.clone();
        let checked = input.check(limits);
        // A version that checks is compared quietly: its warnings are for
        // `check`. With --deny-warnings they are errors, as everywhere.
        let diagnostics = report.judge(checked.diagnostics);
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        if errors > 0 {
            report.diagnostics(&checked.files, &diagnostics);
            failed.push(format!("`{label}` has {}", count(errors, "error")));
            models.push(None);
        } else {
            models.push(checked.model);
        }
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
    let view = brief::diff::diff(old_model, new_model, &labels[0], &labels[1]);
    let text = match renderer.render_diff(&view, &options) {
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
    let status = match output {
        Some(path) => match write_atomically(path, text.as_bytes()) {
            Ok(()) => 0,
            Err(e) => {
                let message = e.to_string();
                let message = message.split(" at path \"").next().unwrap_or(&message);
                let shown = path.display().to_string();
                report.error(Some(&shown), &format!("cannot write `{shown}`: {message}"));
                1
            }
        },
        None => print_stdout(&text),
    };
    if status == 0 && args.exit_code && view.changed {
        1
    } else {
        status
    }
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
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn the_man_page_lists_the_examples_of_the_help() {
        let mut cmd = Cli::command().disable_help_subcommand(true);
        cmd.build();
        let render = cmd.find_subcommand("render").expect("a render command");
        let page = man_page(render.clone()).expect("a man page");
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
    fn sizes_take_units() {
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("16MiB"), Ok(16 << 20));
        assert_eq!(parse_size("16 mib"), Ok(16 << 20));
        assert_eq!(parse_size("512KiB"), Ok(512 << 10));
        assert_eq!(parse_size("2G"), Ok(2 << 30));
        assert_eq!(parse_size("10kB"), Ok(10_000));
        assert_eq!(parse_size("1_000"), Ok(1000));
        assert!(
            parse_size("16 parsecs")
                .unwrap_err()
                .contains("unknown unit")
        );
        assert!(parse_size("MiB").is_err());
        assert!(parse_size("-1").is_err());
        assert!(parse_size("99999999999999999999GiB").is_err());
        assert!(parse_count("1e6").is_err());
    }

    #[test]
    fn limit_flags_default_to_the_library_limits() {
        assert_eq!(LimitArgs::default().limits(), Limits::default());
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

    #[test]
    fn the_flag_wins_over_the_environment() {
        assert!(color(ColorArg::Always, &[("NO_COLOR", "1")], false));
        assert!(!color(ColorArg::Never, &[("CLICOLOR_FORCE", "1")], true));
    }
}
