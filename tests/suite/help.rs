//! The command line's own documentation: `--help` of every command
//! (pinned by snapshots, with an Examples section each, the same on every
//! terminal), `brief completions` and `brief man`.
//!
//! The commands are found by reading the `Commands:` list of `brief
//! --help` (and of each command that has subcommands), so a new command
//! gets a snapshot to review (`cargo insta review`) without touching this
//! file.

use crate::common::{brief, run, stderr, stdout};

/// The commands that must be found, so that a change in the layout of the
/// help cannot silently empty the list the tests below walk.
const EXPECTED: &[&str] = &[
    "render",
    "check",
    "templates",
    "templates list",
    "templates export",
    "schema",
    "serve",
    "init",
    "completions",
    "man",
    "verify",
    "draft",
];

/// Commands whose help has no Examples section yet. Each must still exist
/// and still lack examples: add them, then drop the command from here.
const WITHOUT_EXAMPLES: &[&str] = &["mdbook", "mdbook supports"];

const SHELLS: &[&str] = &["bash", "zsh", "fish", "powershell", "elvish"];

/// `brief [COMMAND...] --help`, which must succeed.
fn help(command: &str) -> String {
    let mut args: Vec<&str> = command.split_whitespace().collect();
    args.push("--help");
    let o = run(&args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "exit code of `brief {command} --help`"
    );
    assert_eq!(stderr(&o), "", "stderr of `brief {command} --help`");
    stdout(&o)
}

/// The names in the `Commands:` section of a help text, without `help`.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        // A name starts the line after two spaces; a wrapped description
        // is indented further.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

/// Every command, as the words after `brief`: `render`, `templates list`.
fn commands() -> Vec<String> {
    let mut found = Vec::new();
    let mut queue = vec![String::new()];
    while let Some(parent) = queue.pop() {
        for name in subcommands(&help(&parent)) {
            let command = format!("{parent} {name}").trim().to_string();
            queue.push(command.clone());
            found.push(command);
        }
    }
    found.sort();
    found
}

#[test]
fn every_expected_command_is_found() {
    let commands = commands();
    for expected in EXPECTED {
        assert!(
            commands.iter().any(|c| c == expected),
            "`brief {expected}` is not listed in the help; found {commands:?}"
        );
    }
}

#[test]
fn help_is_pinned_for_every_command() {
    insta::assert_snapshot!("brief", help(""));
    for command in commands() {
        let name = format!("brief-{}", command.replace(' ', "-"));
        insta::assert_snapshot!(name, help(&command));
    }
}

#[test]
fn every_help_ends_with_examples() {
    let commands = commands();
    for exempt in WITHOUT_EXAMPLES {
        assert!(
            commands.iter().any(|c| c == exempt),
            "`brief {exempt}` is gone: drop it from WITHOUT_EXAMPLES"
        );
        assert!(
            !help(exempt).contains("\nExamples:\n"),
            "`brief {exempt}` has examples now: drop it from WITHOUT_EXAMPLES"
        );
    }
    let checked = commands
        .into_iter()
        .filter(|c| !WITHOUT_EXAMPLES.contains(&c.as_str()));
    for command in std::iter::once(String::new()).chain(checked) {
        let text = help(&command);
        let (_, examples) = text
            .split_once("\nExamples:\n")
            .unwrap_or_else(|| panic!("`brief {command} --help` has no Examples section"));
        let lines: Vec<&str> = examples.lines().collect();
        assert!(!lines.is_empty(), "`brief {command} --help`: no examples");
        for line in lines {
            assert!(
                line.starts_with("  ") && line.contains("brief"),
                "`brief {command} --help`: the Examples section should end the help, \
                 one indented command a line; found {line:?}"
            );
        }
    }
}

#[test]
fn help_does_not_depend_on_the_terminal() {
    for command in ["", "render", "init"] {
        let mut args: Vec<&str> = command.split_whitespace().collect();
        args.push("--help");
        let narrow = brief().args(&args).env("COLUMNS", "40").output().unwrap();
        let wide = brief().args(&args).env("COLUMNS", "200").output().unwrap();
        assert_eq!(
            stdout(&narrow),
            help(command),
            "`brief {command} --help`, COLUMNS=40"
        );
        assert_eq!(
            stdout(&wide),
            help(command),
            "`brief {command} --help`, COLUMNS=200"
        );
    }
    for line in help("render").lines() {
        assert!(
            line.chars().count() <= 80,
            "longer than 80 columns: {line:?}"
        );
    }
}

#[test]
fn completions_cover_every_command_in_every_shell() {
    let commands = commands();
    for shell in SHELLS {
        let o = run(&["completions", shell]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "exit code of `brief completions {shell}`"
        );
        assert_eq!(stderr(&o), "", "stderr of `brief completions {shell}`");
        let script = stdout(&o);
        assert!(
            script.len() > 200,
            "the {shell} script is nearly empty:\n{script}"
        );
        for command in &commands {
            let name = command.rsplit(' ').next().unwrap();
            assert!(
                script.contains(name),
                "the {shell} script does not mention `{command}`"
            );
        }
        // Options are completed too, and their values where the shell's
        // script can say them (PowerShell's and Elvish's do not).
        for word in ["deny-warnings", "message-format"] {
            assert!(script.contains(word), "the {shell} script lacks `{word}`");
        }
        if ["bash", "zsh", "fish"].contains(shell) {
            assert!(
                script.contains("never"),
                "the {shell} script lacks `--color` values"
            );
        }
    }
}

#[test]
fn the_bash_script_is_valid_bash() {
    let script = stdout(&run(&["completions", "bash"]));
    let checked = std::process::Command::new("bash")
        .arg("-n")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("piped stdin")
                .write_all(script.as_bytes())?;
            child.wait_with_output()
        });
    match checked {
        Ok(o) => assert!(
            o.status.success(),
            "bash -n: {}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => eprintln!("skipped: cannot run bash: {e}"),
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let o = run(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert!(stderr(&o).contains("[possible values: bash, elvish, fish, powershell, zsh]"));
}

#[test]
fn the_man_page_is_roff_and_lists_every_command() {
    let o = run(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "");
    let page = stdout(&o);
    assert!(
        page.starts_with(&format!(
            ".TH brief 1 \"\" \"brief {}\"",
            env!("CARGO_PKG_VERSION")
        )),
        "not a roff page:\n{page}"
    );
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "SUBCOMMANDS",
        "EXAMPLES",
    ] {
        assert!(
            page.contains(&format!("\n.SH {section}\n")),
            "no {section} section"
        );
    }
    // Every command, as a reference to its own page (`-` is `\-` in roff).
    for command in commands().iter().filter(|c| !c.contains(' ')) {
        assert!(
            page.contains(&format!("brief\\-{command}(1)")),
            "the man page does not mention `{command}`"
        );
    }
    // The help subcommand has no page of its own.
    assert!(!page.contains("brief\\-help(1)"));
    // The examples of `--help`, one a paragraph.
    assert!(
        page.contains(".TP\n\\fBbrief init story.yaml\\fR\na commented starter brief to edit\n")
    );
}

#[test]
fn the_help_and_the_man_page_say_how_to_get_a_pdf() {
    let top = help("");
    let words = top.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("PDF (printed by a locally installed Chromium or Chrome)"),
        "{top}"
    );
    assert!(
        top.contains("brief render story.yaml -o story.pdf"),
        "{top}"
    );
    let render = help("render");
    assert!(render.contains("Chromium"), "{render}");
    assert!(render.contains("pdf"), "{render}");
    let page = stdout(&run(&["man"]));
    assert!(page.contains("PDF"), "the man page leaves PDF out");
    assert!(
        page.contains("Chromium or Chrome"),
        "the man page does not say PDF needs Chromium"
    );
    assert!(
        page.contains("story.pdf"),
        "the man page has no PDF example"
    );
}

#[test]
fn every_command_has_a_man_page() {
    for command in commands() {
        let mut args = vec!["man"];
        args.extend(command.split_whitespace());
        let o = run(&args);
        assert_eq!(
            o.status.code(),
            Some(0),
            "exit code of `brief man {command}`"
        );
        let page = stdout(&o);
        let title = format!(".TH brief-{} 1 ", command.replace(' ', "-"));
        assert!(page.starts_with(&title), "`brief man {command}`:\n{page}");
        if !WITHOUT_EXAMPLES.contains(&command.as_str()) {
            assert!(
                page.contains("\n.SH EXAMPLES\n"),
                "`brief man {command}`: no examples"
            );
        }
    }
}

#[test]
fn the_man_page_renders_without_warnings() {
    for args in [
        vec!["man"],
        vec!["man", "render"],
        vec!["man", "templates", "export"],
    ] {
        let page = run(&args).stdout;
        let checked = std::process::Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take().expect("piped stdin").write_all(&page)?;
                child.wait_with_output()
            });
        match checked {
            Ok(o) => assert_eq!(
                String::from_utf8_lossy(&o.stderr),
                "",
                "groff warns about `brief {}`",
                args.join(" ")
            ),
            Err(e) => {
                eprintln!("skipped: cannot run groff: {e}");
                return;
            }
        }
    }
}

#[test]
fn man_for_an_unknown_command_is_a_usage_error() {
    let o = run(&["man", "templates", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "error: `brief templates` has no command `nope`\n  = help: the commands are list, export\n"
    );
}
