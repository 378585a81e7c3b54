//! The argument groups several commands share (imports, diagnostics,
//! colour, limits, templates, front matter, diagrams), and the typed
//! settings they turn into.

use std::ffi::OsString;
use std::path::PathBuf;

use brief::{Format, Limits};
use clap::ValueEnum;

use super::report::{Problem, Reporter};

/// Where a brief's imports may be read from.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// Imports must stay inside this directory. Default for `build`: SRC;
    /// else the brief's git repository, or outside one the current
    /// directory (when the brief is in it) or the brief's directory.
    #[arg(long, value_name = "DIR")]
    pub import_root: Option<PathBuf>,
}

/// How diagnostics are printed, as chosen on the command line.
#[derive(Debug, Clone, clap::Args)]
pub struct DiagnosticArgs {
    /// How to print diagnostics on standard error: `human` for a reader,
    /// or `json`, one JSON object per line, for editors and CI.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human, value_name = "FORMAT")]
    pub message_format: MessageFormat,
    /// Treat warnings as errors: exit with status 1 (and `render` writes
    /// nothing).
    #[arg(long)]
    pub deny_warnings: bool,
}

impl DiagnosticArgs {
    /// The reporter these flags ask for, colouring when `color`.
    pub fn reporter(&self, color: bool) -> Reporter {
        Reporter::new(
            self.message_format == MessageFormat::Json,
            color,
            self.deny_warnings,
        )
    }
}

/// The layout of what goes to standard error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MessageFormat {
    /// rustc-style text: the offending line, a caret, and help.
    Human,
    /// One JSON object per diagnostic, one per line.
    Json,
}

/// The `--color` choice: `auto`, `always` or `never`. Its values carry no
/// doc comments, so the help lists them on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[allow(missing_docs)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

/// Whether to colour standard error. With `auto`: never when `NO_COLOR`
/// is set and not empty; always when `CLICOLOR_FORCE` is set and not `0`;
/// never when `CLICOLOR` is `0`; else on a terminal that is not `dumb`.
///
/// This stays ours rather than anstream's choice: anstream forces colour
/// for `CLICOLOR_FORCE=0` and refuses it when `TERM` is unset, and both
/// behaviours differ from what docs/format.md promises.
pub fn use_color(choice: ColorArg, var: impl Fn(&str) -> Option<OsString>, terminal: bool) -> bool {
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

/// The resource limits a brief must keep within (see docs/security.md).
/// Each is given in `brief::Limits::default()`; the defaults in the help
/// text are checked against it by a unit test.
#[derive(Debug, Clone, Default, clap::Args)]
#[command(next_help_heading = "Limits")]
pub struct LimitArgs {
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
    /// The library's limits, with the flags given replacing its defaults.
    pub fn limits(&self) -> Limits {
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
pub fn parse_size(text: &str) -> Result<usize, String> {
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

/// How briefs are read: where their imports may come from, and the limits
/// they must keep within.
#[derive(Debug, Clone)]
pub struct ReadConfig {
    /// `--import-root`, if given.
    pub import_root: Option<PathBuf>,
    /// The resource limits.
    pub limits: Limits,
}

impl ReadConfig {
    /// The settings the flags give.
    pub fn new(imports: &ImportArgs, limits: &LimitArgs) -> Self {
        Self {
            import_root: imports.import_root.clone(),
            limits: limits.limits(),
        }
    }
}

/// A user's template directory.
#[derive(Debug, Clone, clap::Args)]
pub struct TemplateArgs {
    /// A directory of templates: a file named like a built-in replaces it,
    /// any other becomes available to --template, include and extends.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// The front matter a static-site generator reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FrontMatterArg {
    /// `---` YAML (Hugo, Jekyll).
    Yaml,
    /// `+++` TOML, tags under [taxonomies] (Zola).
    Toml,
}

impl FrontMatterArg {
    /// The library's front matter.
    pub fn kind(self) -> brief::FrontMatter {
        match self {
            FrontMatterArg::Yaml => brief::FrontMatter::Yaml,
            FrontMatterArg::Toml => brief::FrontMatter::Toml,
        }
    }
}

/// The diagrams drawn into a briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiagramsArg {
    /// No diagrams.
    None,
    /// Inline SVG charts in HTML pages.
    Svg,
    /// Mermaid code blocks in Markdown.
    Mermaid,
}

impl DiagramsArg {
    /// The library's diagrams.
    pub fn kind(self) -> brief::render::Diagrams {
        match self {
            DiagramsArg::None => brief::render::Diagrams::Off,
            DiagramsArg::Svg => brief::render::Diagrams::Svg,
            DiagramsArg::Mermaid => brief::render::Diagrams::Mermaid,
        }
    }

    /// Whether these diagrams go with `format` (printed to a PDF when
    /// `pdf`), and if not, why.
    pub fn check(self, format: Format, pdf: bool) -> Result<(), Problem> {
        let shown = if pdf { "pdf" } else { format.extension() };
        match (self, format) {
            (DiagramsArg::None, Format::Markdown | Format::Html) => Ok(()),
            (DiagramsArg::Svg, Format::Html) => Ok(()),
            (DiagramsArg::Mermaid, Format::Markdown) => Ok(()),
            (DiagramsArg::Mermaid, _) => Err(Problem::usage(format!(
                "--diagrams mermaid applies to Markdown output only, not {shown}"
            ))
            .help("HTML pages and PDFs have SVG charts; drop --diagrams, or add `--format md`")),
            (DiagramsArg::Svg, _) => Err(Problem::usage(format!(
                "--diagrams svg applies to HTML and PDF output only, not {shown}"
            ))
            .help("for Markdown, use `--diagrams mermaid`")),
            (DiagramsArg::None, _) => Err(Problem::usage(format!(
                "--diagrams applies to Markdown, HTML and PDF output only, not {shown}"
            ))),
        }
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
    fn the_flag_wins_over_the_environment() {
        assert!(color(ColorArg::Always, &[("NO_COLOR", "1")], false));
        assert!(!color(ColorArg::Never, &[("CLICOLOR_FORCE", "1")], true));
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
    }
}

/// The language a briefing is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Russian.
    Ru,
    /// Ukrainian.
    Uk,
}

impl LangArg {
    /// The library's language.
    pub fn lang(self) -> brief::Lang {
        match self {
            LangArg::En => brief::Lang::En,
            LangArg::Fr => brief::Lang::Fr,
            LangArg::De => brief::Lang::De,
            LangArg::Ru => brief::Lang::Ru,
            LangArg::Uk => brief::Lang::Uk,
        }
    }
}
