//! Running the real `brief` binary with an environment that does not leak
//! in from the caller's terminal.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

use super::files::root;

/// The `brief` binary, run from the package root, so the paths it prints
/// for fixtures are the relative ones the tests expect.
pub fn brief() -> Command {
    brief_in(root())
}

/// The `brief` binary, run in `dir`. Colour and terminal width are removed
/// from the environment: expected output is plain text at the default
/// width whatever the terminal the tests run in. A test that wants them
/// sets them again on the command.
pub fn brief_in(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS");
    cmd
}

/// `brief ARGS` from the package root, run to completion.
pub fn run(args: &[&str]) -> Output {
    brief().args(args).output().expect("brief runs")
}

/// `brief ARGS` in `dir`, run to completion.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    brief_in(dir).args(args).output().expect("brief runs")
}

/// Standard output of a run, which must be UTF-8.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// Standard error of a run, which must be UTF-8.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}
