//! The bad-input corpus: every file in `tests/corpus/` (one case each, the
//! case described in its first line) and a few cases too big to commit,
//! generated here (a huge file, long lines, many values, many aliases,
//! deep nesting). The real binary runs on each, with `check` and with
//! `render`, under a memory cap and a time-out; each run must exit with 1,
//! print a message that says where the problem is (`FILE:LINE:COLUMN`),
//! never panic, never print a terminal control character, and write
//! nothing.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use assert_cmd::Command;

use crate::common::{SEED, root, yaml_files};

/// Virtual memory allowed to one run, in KiB (the cap, not typical use).
const MEMORY_KIB: u64 = 2 * 1024 * 1024;
/// Time allowed to one run: a bound against hangs, not a speed test.
const TIMEOUT: Duration = Duration::from_secs(120);

/// `brief ARGS` under the memory cap (on Unix) and the time-out.
fn brief(args: &[&str], stdin: Option<Vec<u8>>) -> Output {
    let bin = env!("CARGO_BIN_EXE_brief");
    let mut cmd = if cfg!(unix) {
        let mut c = Command::new("sh");
        c.arg("-c")
            .arg(format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\""))
            .arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.current_dir(root())
        .env_remove("CLICOLOR_FORCE")
        .args(args)
        .timeout(TIMEOUT);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    cmd.output().expect("brief runs")
}

/// Whether `stderr` points at `label` with a line and a column.
fn located(stderr: &str, label: &str) -> bool {
    stderr.lines().any(|l| {
        l.trim_start()
            .strip_prefix(&format!("--> {label}:"))
            .and_then(|rest| rest.split_once(':'))
            .is_some_and(|(line, col)| {
                line.parse::<u32>().is_ok_and(|n| n > 0) && col.parse::<u32>().is_ok_and(|n| n > 0)
            })
    })
}

/// How a case must fail.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// At a line and column.
    LineColumn,
    /// In the file as a whole (it is too large to read).
    File,
}

/// Runs `check` and `render` on `path` (shown as `label`) and checks how
/// they fail. `code` is the diagnostic code expected first, if any.
fn assert_refused(path: &Path, label: &str, flags: &[&str], place: Place, code: Option<&str>) {
    let out_dir = tempfile::tempdir().unwrap();
    let html = out_dir.path().join("out.html");
    let p = path.to_str().unwrap();
    let runs = [
        ("check", [&["check", p][..], flags].concat()),
        (
            "render -o",
            [&["render", p, "-o", html.to_str().unwrap()][..], flags].concat(),
        ),
        ("render", [&["render", p, "-f", "md"][..], flags].concat()),
    ];
    for (what, args) in runs {
        let o = brief(&args, None);
        let stderr = String::from_utf8_lossy(&o.stderr);
        let case = format!("`brief {what}` on {label}");
        assert!(!stderr.contains("panicked"), "{case} panicked:\n{stderr}");
        assert_eq!(o.status.code(), Some(1), "{case}: exit status\n{stderr}");
        assert!(o.stdout.is_empty(), "{case} printed on stdout");
        match place {
            Place::LineColumn => assert!(
                located(&stderr, label),
                "{case} does not say where:\n{stderr}"
            ),
            Place::File => assert!(
                stderr.contains(&format!("--> {label}\n")),
                "{case} does not name the file:\n{stderr}"
            ),
        }
        if let Some(code) = code {
            assert!(
                stderr.starts_with(&format!("error[{code}]")),
                "{case}: not {code} first:\n{stderr}"
            );
        }
        assert!(
            !stderr.chars().any(|c| c.is_control() && c != '\n'),
            "{case} printed a control character:\n{stderr:?}"
        );
        assert!(
            stderr.len() < 64 * 1024,
            "{case} printed {} bytes of messages",
            stderr.len()
        );
        let left: Vec<PathBuf> = std::fs::read_dir(out_dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert!(left.is_empty(), "{case} left {left:?}");
    }
}

fn corpus() -> Vec<PathBuf> {
    yaml_files("tests/corpus")
}

#[test]
fn the_corpus_is_large_and_each_case_says_what_it_is() {
    let files = corpus();
    assert!(files.len() >= 40, "only {} cases", files.len());
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if bytes.is_empty() {
            assert_eq!(
                name, "empty.yaml",
                "only the empty case may have no comment"
            );
            continue;
        }
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        assert!(
            text.starts_with(b"# "),
            "{name} does not start with a comment"
        );
    }
}

#[test]
fn every_corpus_case_is_refused_with_its_place() {
    for path in corpus() {
        let label = format!(
            "tests/corpus/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        // Relative to the package root, where the binary runs.
        assert_refused(Path::new(&label), &label, &[], Place::LineColumn, None);
    }
}

/// A case written to a temporary directory.
struct Generated {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn generated(name: &str, bytes: &[u8]) -> Generated {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    Generated { _dir: dir, path }
}

fn refused(case: &Generated, flags: &[&str], place: Place, code: &str) {
    let label = case.path.to_str().unwrap().to_owned();
    assert_refused(&case.path, &label, flags, place, Some(code));
}

const HEAD: &str = "id: x\ntitle: T\n";

#[test]
fn a_huge_file_is_refused_before_it_is_read_whole() {
    let mut text = HEAD.to_string();
    let line = "# padding padding padding padding padding padding padding padding\n";
    while text.len() <= 17 << 20 {
        text.push_str(line);
    }
    let case = generated("huge.yaml", text.as_bytes());
    refused(&case, &[], Place::File, "E0002");
    // From standard input too.
    let o = brief(&["check", "-"], Some(text.into_bytes()));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("error[E0002]"), "{stderr}");
}

#[test]
fn a_huge_string_is_refused() {
    let text = format!("{HEAD}dateline: {}\n", "a".repeat(2 << 20));
    refused(
        &generated("long-string.yaml", text.as_bytes()),
        &[],
        Place::LineColumn,
        "E0006",
    );
}

#[test]
fn an_error_at_the_end_of_a_very_long_line_is_shown_briefly() {
    let text = format!("{HEAD}dateline: {} : b\n", "a".repeat(500_000));
    refused(
        &generated("long-line.yaml", text.as_bytes()),
        &[],
        Place::LineColumn,
        "E0004",
    );
}

#[test]
fn too_many_values_are_refused() {
    let mut text = format!("{HEAD}background: [");
    for _ in 0..1_100_000 {
        text.push_str("1,");
    }
    text.push_str("1]\n");
    refused(
        &generated("many-values.yaml", text.as_bytes()),
        &[],
        Place::LineColumn,
        "E0006",
    );
}

#[test]
fn too_many_aliases_are_refused() {
    let mut text = format!("{HEAD}a: &a x\nb: [");
    for _ in 0..10_001 {
        text.push_str("*a,");
    }
    text.push_str("*a]\n");
    refused(
        &generated("many-aliases.yaml", text.as_bytes()),
        &[],
        Place::LineColumn,
        "E0006",
    );
}

#[test]
fn the_billion_laughs_at_full_size_are_refused() {
    let mut text = format!("{HEAD}l0: &l0 [{}]\n", ["lol"; 10].join(", "));
    for i in 1..=12 {
        text.push_str(&format!(
            "l{i}: &l{i} [{}]\n",
            vec![format!("*l{}", i - 1); 10].join(", ")
        ));
    }
    refused(
        &generated("laughs.yaml", text.as_bytes()),
        &[],
        Place::LineColumn,
        "E0006",
    );
}

#[test]
fn very_deep_nesting_is_refused() {
    let depth = 100_000;
    let text = format!(
        "{HEAD}background: {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    refused(
        &generated("deep.yaml", text.as_bytes()),
        &[],
        Place::LineColumn,
        "E0006",
    );
    let text = format!(
        "{HEAD}background: {}x{}\n",
        "{a: ".repeat(depth),
        "}".repeat(depth)
    );
    refused(
        &generated("deep-maps.yaml", text.as_bytes()),
        &[],
        Place::LineColumn,
        "E0006",
    );
}

#[test]
fn each_limit_can_be_lowered_on_the_command_line() {
    let seed = root().join(SEED);
    let seed_text = std::fs::read_to_string(&seed).unwrap();
    let case = generated("seed.yaml", seed_text.as_bytes());
    // The seed is fine with the defaults...
    let o = brief(&["check", case.path.to_str().unwrap()], None);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // ...and refused under each lowered limit.
    refused(&case, &["--max-file-size", "1KiB"], Place::File, "E0002");
    refused(&case, &["--max-depth", "3"], Place::LineColumn, "E0006");
    refused(&case, &["--max-nodes", "100"], Place::LineColumn, "E0006");
    refused(
        &case,
        &["--max-string-length", "16"],
        Place::LineColumn,
        "E0006",
    );
    let text = format!("{HEAD}a: &a x\nb: [*a, *a, *a]\n");
    refused(
        &generated("aliases.yaml", text.as_bytes()),
        &["--max-aliases", "2"],
        Place::LineColumn,
        "E0006",
    );
    // Raised, a limit lets a bigger brief through.
    let long = format!("{HEAD}dateline: {}\n", "a".repeat(2 << 20));
    let case = generated("long.yaml", long.as_bytes());
    let o = brief(
        &[
            "check",
            case.path.to_str().unwrap(),
            "--max-string-length",
            "4MiB",
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
