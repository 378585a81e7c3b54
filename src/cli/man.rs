//! `brief man`: the manual pages, in roff, written from the same
//! definitions as `--help`.

use super::output::print_stdout;
use super::report::Reporter;

/// The flags of `brief man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// The command whose page to print: `render`, `templates export`...
    #[arg(value_name = "COMMAND")]
    command: Vec<String>,
}

/// Prints the man page of `brief` (the command line `cli`), or of the
/// command the flags name (`["templates", "export"]`).
pub fn run(args: &ManArgs, cli: clap::Command, report: &Reporter) -> i32 {
    let path = &args.command;
    let mut cmd = cli.disable_help_subcommand(true);
    cmd.build();
    let mut page = &cmd;
    for (i, name) in path.iter().enumerate() {
        match page.find_subcommand(name) {
            Some(sub) => page = sub,
            None => {
                let known: Vec<&str> = page.get_subcommands().map(|c| c.get_name()).collect();
                report.error(
                    None,
                    &format!(
                        "`{}` has no command `{name}`\n  = help: the commands are {}",
                        ["brief"]
                            .into_iter()
                            .chain(path[..i].iter().map(String::as_str))
                            .collect::<Vec<_>>()
                            .join(" "),
                        known.join(", ")
                    ),
                );
                return 2;
            }
        }
    }
    match man_page(page.clone()) {
        Ok(roff) => print_stdout(&roff, report),
        Err(e) => {
            report.error(None, &format!("cannot write the man page: {e}"));
            1
        }
    }
}

/// The roff man page of `cmd`: clap_mangen's sections, with the text
/// after the help's options as more DESCRIPTION paragraphs, and its
/// examples (`Examples:` then one `  command  # what it does` a line) as
/// an EXAMPLES section. It starts with the `.TH` title line.
pub fn man_page(cmd: clap::Command) -> std::io::Result<String> {
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
