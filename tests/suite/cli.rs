//! Integration tests for the `brief` command line: they run the real binary
//! and check exit codes, standard output and the exact diagnostics on
//! standard error.
//!
//! The binary runs from the package root with fixture paths relative to it,
//! so the paths printed in diagnostics are stable.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::common::{SEED, brief, entries, path_str, root, run, stderr, stdout, tempdir};

const WARNINGS_ONLY: &str = "tests/fixtures/valid/warnings-only.yaml";

/// An expected-output literal, written from the line after its opening
/// quote.
fn text(s: &str) -> &str {
    s.strip_prefix('\n').unwrap_or(s)
}

/// The bytes of a file, failing the test with the path if it is unreadable.
fn read(path: impl AsRef<Path>) -> Vec<u8> {
    fs::read(path.as_ref()).unwrap_or_else(|e| panic!("read {}: {e}", path.as_ref().display()))
}

// ---------------------------------------------------------------------------
// Invalid fixtures: `check` and `render` each fail with exit code 1, nothing
// on stdout, and exactly the expected diagnostics on stderr.

fn fixture(name: &str) -> String {
    format!("tests/fixtures/invalid/{name}")
}

/// `brief check FIXTURE` fails with exactly `expected` on stderr.
fn check_fails(name: &str, expected: &str) {
    let o = run(&["check", &fixture(name)]);
    assert_eq!(stderr(&o), text(expected), "stderr of `brief check {name}`");
    assert_eq!(
        o.status.code(),
        Some(1),
        "exit code of `brief check {name}`"
    );
    assert_eq!(stdout(&o), "", "stdout of `brief check {name}`");
}

/// What `render` prints for a brief that `check` reports as `check_stderr`:
/// the same diagnostics, then a render summary instead of the check one.
fn render_stderr(path: &str, check_stderr: &str) -> String {
    let body = check_stderr
        .strip_suffix('\n')
        .expect("ends with a newline");
    let (diagnostics, summary) = body.rsplit_once('\n').expect("diagnostics, then a summary");
    let errors = summary
        .strip_prefix("error: checked 1 brief: ")
        .and_then(|s| s.split(", ").next())
        .expect("a check summary");
    format!("{diagnostics}\nerror: could not render `{path}` due to {errors}\n")
}

/// `brief render FIXTURE` fails with the diagnostics of `check` on stderr.
fn render_fails(name: &str, check_expected: &str) {
    let path = fixture(name);
    let o = run(&["render", &path]);
    assert_eq!(
        stderr(&o),
        render_stderr(&path, text(check_expected)),
        "stderr of `brief render {name}`"
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "exit code of `brief render {name}`"
    );
    assert_eq!(stdout(&o), "", "stdout of `brief render {name}`");
}

/// One `check` test and one `render` test for an invalid fixture.
macro_rules! invalid_fixture {
    ($(#[$attr:meta])* $module:ident, $file:literal, $expected:literal) => {
        mod $module {
            #[test]
            $(#[$attr])*
            fn check() {
                super::check_fails($file, $expected);
            }

            #[test]
            $(#[$attr])*
            fn render() {
                super::render_fails($file, $expected);
            }
        }
    };
}

invalid_fixture!(
    yaml_syntax,
    "yaml-syntax.yaml",
    r#"
error[E0004]: invalid YAML: mapping values are not allowed in this context
 --> tests/fixtures/invalid/yaml-syntax.yaml:3:11
  |
3 |   dateline: Moscow
  |           ^
  |
  = help: check the indentation here and on the lines above, and quote text that holds `: ` or ` #`

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    wrong_type,
    "wrong-type.yaml",
    r#"
error[E0009]: expected a list, found a string
 --> tests/fixtures/invalid/wrong-type.yaml:3:9
  |
3 | actors: yes
  |         ^^^ expected a list
  |
  = help: write a list: `[a, b]`, or one `- item` per line

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    wrong_type_list,
    "wrong-type-list.yaml",
    r#"
error[E0009]: expected a string, found a list
 --> tests/fixtures/invalid/wrong-type-list.yaml:5:11
  |
5 |     name: [S, T]
  |           ^ expected a string
  |
  = help: write the text after the colon; quote it if it starts with `[` or `{`

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    unknown_field,
    "unknown-field.yaml",
    r#"
error[E0007]: unknown field `titel`
 --> tests/fixtures/invalid/unknown-field.yaml:2:1
  |
2 | titel: T
  | ^^^^^ unknown field
  |
  = help: did you mean `title`?

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    unknown_enum,
    "unknown-enum.yaml",
    r#"
error[E0010]: unknown actor kind `persn`
 --> tests/fixtures/invalid/unknown-enum.yaml:6:11
  |
6 |     kind: persn
  |           ^^^^^ not an accepted value
  |
  = help: did you mean `person`? (accepted values: `person`, `state`, `organisation`, `group`, `document`)

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    missing_field,
    "missing-field.yaml",
    r#"
error[E0008]: missing required field `title`
 --> tests/fixtures/invalid/missing-field.yaml:1:1
  |
1 | id: x
  | ^ no `title` in this map
  |
  = help: add `title:` to this map

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    missing_field_item,
    "missing-field-item.yaml",
    r#"
error[E0008]: missing required field `kind`
 --> tests/fixtures/invalid/missing-field-item.yaml:4:5
  |
4 |   - id: a
  |     ^ no `kind` in this map
  |
  = help: add `kind:` to this map

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    duplicate_id,
    "duplicate-id.yaml",
    r#"
error[E0014]: the id `russia` is already used
 --> tests/fixtures/invalid/duplicate-id.yaml:8:9
  |
4 |   - id: russia
  |         ------ first used here, for an actor
...
8 |   - id: russia
  |         ^^^^^^ used again here
  |
  = help: ids must be unique across the whole brief; rename one

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    unknown_reference,
    "unknown-reference.yaml",
    r#"
error[E0015]: no actor has the id `putn`
 --> tests/fixtures/invalid/unknown-reference.yaml:9:9
  |
9 |     by: putn
  |         ^^^^ not found
  |
  = help: did you mean `putin`?

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    wrong_reference_kind,
    "wrong-reference-kind.yaml",
    r#"
error[E0016]: `moscow` is a place, but an actor is expected here
 --> tests/fixtures/invalid/wrong-reference-kind.yaml:8:9
  |
4 |   - id: moscow
  |         ------ defined here, as a place
...
8 |     by: moscow
  |         ^^^^^^ expected an actor
  |
  = help: give the id of an actor here

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    percent_out_of_range,
    "percent-out-of-range.yaml",
    r#"
error[E0024]: 120 is not a percentage: percentages run from 0 to 100
  --> tests/fixtures/invalid/percent-out-of-range.yaml:13:12
   |
13 |     value: 120
   |            ^^^ not between 0 and 100
   |
   = help: give the share as a number from 0 to 100, with `unit: percent`

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    invalid_date,
    "invalid-date.yaml",
    r#"
error[E0012]: invalid date: February 2025 has no day 30
 --> tests/fixtures/invalid/invalid-date.yaml:3:12
  |
3 | published: 2025-02-30
  |            ^^^^^^^^^^ not an accepted date
  |
  = help: write an EDTF date: `2025-02-12`, `2025-02`, `2025`, `2025-02~` (approximate), `2025-02-12?` (uncertain) or `2025-02-20/2025-02-23` (interval)

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    malformed_date,
    "malformed-date.yaml",
    r#"
error[E0012]: `Feb 12` is the source's wording, not a date such as `2025-02-12`
 --> tests/fixtures/invalid/malformed-date.yaml:3:12
  |
3 | published: Feb 12
  |            ^^^^^^ wording, not a date
  |
  = help: keep the wording in `stated` and give the date it means: `{stated: Feb 12, value: YYYY-MM-DD, inferred: [year], basis: ...}`; leave `value` out if the date cannot be worked out

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    missing_speaker,
    "missing-speaker.yaml",
    r#"
error[E0020]: the statement `s` does not say who made it
 --> tests/fixtures/invalid/missing-speaker.yaml:4:9
  |
4 |   - id: s
  |         ^ no `by` or `unattributed`
  |
  = help: add `by:` with an actor id, or `unattributed:` saying why the source names no one

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    missing_status,
    "missing-status.yaml",
    r#"
error[E0019]: the event `e` is a meeting but does not say whether it was held
 --> tests/fixtures/invalid/missing-status.yaml:4:9
  |
4 |   - id: e
  |         ^ meeting without `status`
  |
  = help: add `status:` with one of `held`, `under-way`, `scheduled`, `proposed`, `postponed`, `cancelled`

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    duplicate_key,
    "duplicate-key.yaml",
    r#"
error[E0005]: the key `title` appears twice in this map
 --> tests/fixtures/invalid/duplicate-key.yaml:3:1
  |
3 | title: U
  | ^^^^^ given again here
  |
  = help: each key may appear once in a map; remove or rename one

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    empty_file,
    "empty.yaml",
    r#"
error[E0003]: the file holds no brief
--> tests/fixtures/invalid/empty.yaml:1:1
 = help: a brief is a YAML map starting with `id:` and `title:`

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    only_comments,
    "only-comments.yaml",
    r#"
error[E0003]: the file holds no brief
 --> tests/fixtures/invalid/only-comments.yaml:1:1
  |
1 | # A brief to come.
  | ^
  |
  = help: a brief is a YAML map starting with `id:` and `title:`

error: checked 1 brief: 1 error, 0 warnings
"#
);

#[test]
fn empty_file_help_names_only_real_commands() {
    let help = run(&["init", "--help"]);
    let o = run(&["check", &fixture("empty.yaml")]);
    assert!(
        !stderr(&o).contains("brief init") || help.status.success(),
        "the help points at `brief init`, but `brief init --help` fails:\n{}",
        stderr(&help)
    );
}

invalid_fixture!(
    top_level_list,
    "top-level-list.yaml",
    r#"
error[E0009]: expected a map of `key: value` lines, found a list
 --> tests/fixtures/invalid/top-level-list.yaml:1:1
  |
1 | - id: x
  | ^ expected a map of `key: value` lines
  |
  = help: write one `key: value` per line, indented under its parent

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    invalid_utf8,
    "invalid-utf8.yaml",
    "
error[E0001]: the file is not valid UTF-8
 --> tests/fixtures/invalid/invalid-utf8.yaml:2:11
  |
2 | title: caf\u{FFFD}
  |           ^ not UTF-8
  |
  = help: save the file as UTF-8

error: checked 1 brief: 1 error, 0 warnings
"
);

#[test]
fn invalid_utf8_on_stdin_is_reported() {
    let o = brief()
        .args(["check", "-"])
        .write_stdin(&b"id: x\ntitle: caf\xE9\n"[..])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    // The line is quoted from what was read: standard input cannot be
    // read again.
    assert!(
        err.starts_with("error[E0001]: the file is not valid UTF-8\n --> <stdin>:2:11\n"),
        "{err}"
    );
    assert!(err.contains("2 | title: caf"), "{err}");
    assert!(
        err.ends_with("error: checked 1 brief: 1 error, 0 warnings\n"),
        "{err}"
    );
}

invalid_fixture!(
    several_errors,
    "several-errors.yaml",
    r#"
error[E0010]: unknown actor kind `persn`
  --> tests/fixtures/invalid/several-errors.yaml:10:11
   |
10 |     kind: persn
   |           ^^^^^ not an accepted value
   |
   = help: did you mean `person`? (accepted values: `person`, `state`, `organisation`, `group`, `document`)

error[E0012]: invalid date: February 2025 has no day 30
  --> tests/fixtures/invalid/several-errors.yaml:19:11
   |
19 |     date: 2025-02-30
   |           ^^^^^^^^^^ not an accepted date
   |
   = help: write an EDTF date: `2025-02-12`, `2025-02`, `2025`, `2025-02~` (approximate), `2025-02-12?` (uncertain) or `2025-02-20/2025-02-23` (interval)

error[E0015]: no actor has the id `trum`
  --> tests/fixtures/invalid/several-errors.yaml:22:9
   |
22 |     by: trum
   |         ^^^^ not found
   |
   = help: did you mean `trump`?

error[E0020]: the statement `seen-as` does not say who made it
  --> tests/fixtures/invalid/several-errors.yaml:27:9
   |
27 |   - id: seen-as
   |         ^^^^^^^ no `by` or `unattributed`
   |
   = help: add `by:` with an actor id, or `unattributed:` saying why the source names no one

error[E0015]: no place has the id `ukraine`
  --> tests/fixtures/invalid/several-errors.yaml:33:13
   |
33 |     areas: [ukraine]
   |             ^^^^^^^ not found
   |
   = help: define it under `places`, or check the spelling

error[E0024]: 120 is not a percentage: percentages run from 0 to 100
  --> tests/fixtures/invalid/several-errors.yaml:34:12
   |
34 |     value: 120
   |            ^^^ not between 0 and 100
   |
   = help: give the share as a number from 0 to 100, with `unit: percent`

error: checked 1 brief: 6 errors, 0 warnings
"#
);

invalid_fixture!(
    several_errors_top_level,
    "several-errors-top-level.yaml",
    r#"
error[E0007]: unknown field `titel`
 --> tests/fixtures/invalid/several-errors-top-level.yaml:2:1
  |
2 | titel: T
  | ^^^^^ unknown field
  |
  = help: did you mean `title`?

error[E0010]: unknown actor kind `persn`
 --> tests/fixtures/invalid/several-errors-top-level.yaml:6:11
  |
6 |     kind: persn
  |           ^^^^^ not an accepted value
  |
  = help: did you mean `person`? (accepted values: `person`, `state`, `organisation`, `group`, `document`)

error[E0012]: invalid date: February 2025 has no day 30
 --> tests/fixtures/invalid/several-errors-top-level.yaml:7:12
  |
7 | published: 2025-02-30
  |            ^^^^^^^^^^ not an accepted date
  |
  = help: write an EDTF date: `2025-02-12`, `2025-02`, `2025`, `2025-02~` (approximate), `2025-02-12?` (uncertain) or `2025-02-20/2025-02-23` (interval)

error: checked 1 brief: 3 errors, 0 warnings
"#
);

invalid_fixture!(
    tab_indent,
    "tab-indent.yaml",
    r#"
error[E0004]: invalid YAML: while scanning a plain scalar, found a tab
 --> tests/fixtures/invalid/tab-indent.yaml:3:1
  |
3 |     dateline: Moscow
  | ^^^^ tab
  |
  = help: indent YAML with spaces, not tabs

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    null_title,
    "null-title.yaml",
    r#"
error[E0009]: expected a string, found nothing (null)
 --> tests/fixtures/invalid/null-title.yaml:2:6
  |
2 | title:
  |      ^ expected a string
  |
  = help: write a value after the colon

error: checked 1 brief: 1 error, 0 warnings
"#
);

invalid_fixture!(
    too_deep,
    "too-deep.yaml",
    r#"
error[E0006]: the file is nested more than 64 levels deep
 --> tests/fixtures/invalid/too-deep.yaml:3:76
  |
3 | background: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]...
  |                                                                            ^
  |
  = help: briefs need only a few levels of nesting; check the indentation

error: checked 1 brief: 1 error, 0 warnings
"#
);

#[test]
fn invalid_brief_on_stdin_is_labelled_stdin() {
    let source = read(root().join(fixture("unknown-reference.yaml")));
    let o = brief()
        .args(["render", "-"])
        .write_stdin(source)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        text(
            r#"
error[E0015]: no actor has the id `putn`
 --> <stdin>:9:9
  |
9 |     by: putn
  |         ^^^^ not found
  |
  = help: did you mean `putin`?

error: could not render `<stdin>` due to 1 error
"#
        )
    );
}

// ---------------------------------------------------------------------------
// Valid briefs.

const WARNINGS_ONLY_STDERR: &str = r#"
warning[W0001]: the claim `claim` cites no source
  --> tests/fixtures/valid/warnings-only.yaml:12:9
   |
12 |   - id: claim
   |         ^^^^^ no `sources`
   |
   = help: add `sources:` with the ids of the sources that report it

warning[W0004]: the event `second` follows `first` but is dated before it
  --> tests/fixtures/valid/warnings-only.yaml:28:15
   |
21 |     date: 2025-02-18
   |           ---------- `first` is dated here
...
28 |     follows: [first]
   |               ^^^^^ `first` is dated later
   |
   = help: check both dates, or the `follows` link

"#;

#[test]
fn check_valid_file_succeeds() {
    brief()
        .args(["check", SEED])
        .assert()
        .code(0)
        .stdout("")
        .stderr("checked 1 brief: 0 errors, 0 warnings\n");
}

#[test]
fn check_with_only_warnings_succeeds() {
    let o = run(&["check", WARNINGS_ONLY]);
    assert_eq!(
        stderr(&o),
        format!(
            "{}checked 1 brief: 0 errors, 2 warnings\n",
            text(WARNINGS_ONLY_STDERR)
        )
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
}

#[test]
fn render_with_only_warnings_succeeds_and_prints_them() {
    let o = run(&["render", WARNINGS_ONLY]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), text(WARNINGS_ONLY_STDERR));
    assert!(stdout(&o).starts_with("# T\n"), "{}", stdout(&o));
}

#[test]
fn check_several_files_reports_each_and_fails_if_any_fails() {
    let invalid = fixture("unknown-field.yaml");
    let o = run(&["check", SEED, &invalid, WARNINGS_ONLY]);
    let expected = format!(
        "{}{}error: checked 3 briefs: 1 error, 2 warnings\n",
        text(
            r#"
error[E0007]: unknown field `titel`
 --> tests/fixtures/invalid/unknown-field.yaml:2:1
  |
2 | titel: T
  | ^^^^^ unknown field
  |
  = help: did you mean `title`?

"#
        ),
        text(WARNINGS_ONLY_STDERR)
    );
    assert_eq!(stderr(&o), expected);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
}

#[test]
fn check_several_valid_files_succeeds() {
    brief()
        .args(["check", SEED, WARNINGS_ONLY, SEED])
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::ends_with(
            "\nchecked 3 briefs: 0 errors, 2 warnings\n",
        ));
}

#[test]
fn check_counts_an_unreadable_file_as_an_error() {
    let o = run(&["check", SEED, "tests/fixtures/no-such-brief.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert!(
        err.starts_with("error: cannot read `tests/fixtures/no-such-brief.yaml`: "),
        "{err}"
    );
    assert!(
        err.ends_with("\nerror: checked 2 briefs: 1 error, 0 warnings\n"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------
// Rendering.

fn render_seed(extra: &[&str]) -> Vec<u8> {
    let mut args = vec!["render", SEED];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "render {extra:?}: {}", stderr(&o));
    assert_eq!(stderr(&o), "", "render {extra:?}");
    o.stdout
}

#[test]
fn render_to_stdout_gives_markdown() {
    let out = String::from_utf8(render_seed(&[])).unwrap();
    assert!(
        out.starts_with("# Russian and U.S. diplomats set to meet at the end of the week\n"),
        "{out}"
    );
    assert!(out.starts_with("# "));
    assert_eq!(render_seed(&["--format", "md"]), out.as_bytes());
}

#[test]
fn render_stdin_matches_render_of_the_file() {
    let from_file = render_seed(&[]);
    let o = brief()
        .args(["render", "-"])
        .write_stdin(read(root().join(SEED)))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    assert!(
        o.stdout == from_file,
        "`render -` differs from `render FILE`"
    );
}

#[test]
fn render_stdin_matches_render_of_the_file_as_html() {
    let from_file = render_seed(&["--format", "html"]);
    let o = brief()
        .args(["render", "-", "--format", "html"])
        .write_stdin(read(root().join(SEED)))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        o.stdout == from_file,
        "`render - -f html` differs from `render FILE -f html`"
    );
}

#[test]
fn render_output_html_takes_the_format_from_the_extension() {
    let dir = tempdir();
    let out = dir.path().join("out.html");
    brief()
        .args(["render", SEED, "--output", path_str(&out)])
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
    let html = read(&out);
    assert!(
        html.starts_with(b"<!DOCTYPE html>\n"),
        "{}",
        String::from_utf8_lossy(&html)
    );
    assert!(
        html == render_seed(&["--format", "html"]),
        "file differs from `--format html` on stdout"
    );
    assert_eq!(
        entries(dir.path()),
        ["out.html"],
        "only the output is left behind"
    );
}

#[test]
fn render_output_md_takes_the_format_from_the_extension() {
    let dir = tempdir();
    let out = dir.path().join("brief.md");
    brief()
        .args(["render", SEED, "-o", path_str(&out)])
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
    assert!(
        read(&out) == render_seed(&[]),
        "file differs from Markdown on stdout"
    );
    assert_eq!(entries(dir.path()), ["brief.md"]);
}

#[test]
fn an_output_name_that_names_no_format_is_a_usage_error() {
    let dir = tempdir();
    for name in ["story.docx", "briefing"] {
        let out = dir.path().join(name);
        let said = if name.contains('.') {
            "its extension `.docx` names no format"
        } else {
            "it has no extension"
        };
        brief()
            .args(["render", SEED, "-o", path_str(&out)])
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "error: cannot tell which format to write to `{}`: {said}\n{}\n",
                path_str(&out),
                "\nhelp: end the name with one of .md, .markdown, .html, .htm, .json, .pdf, \
                 or give --format"
            ));
        // `brief diff` offers no PDF, and says so.
        brief()
            .args(["diff", SEED, SEED, "-o", path_str(&out)])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "help: end the name with one of .md, .markdown, .html, .htm, .json, or give --format",
            ));
    }
    assert!(entries(dir.path()).is_empty(), "a refused run wrote a file");
    // With --format any name is fine.
    let out = dir.path().join("brief.txt");
    brief()
        .args(["render", SEED, "-o", path_str(&out), "--format", "md"])
        .assert()
        .code(0)
        .stdout("");
    assert!(read(&out) == render_seed(&[]));
    let out = dir.path().join("changes.txt");
    brief()
        .args(["diff", SEED, SEED, "-o", path_str(&out), "-f", "html"])
        .assert()
        .code(0);
    assert!(read(&out).starts_with(b"<!DOCTYPE html>"));
}

#[test]
fn explicit_format_wins_over_the_extension() {
    let dir = tempdir();
    let out = dir.path().join("brief.html");
    brief()
        .args(["render", SEED, "-o", path_str(&out), "--format", "md"])
        .assert()
        .code(0)
        .stdout("");
    assert!(read(&out) == render_seed(&[]));
}

#[test]
fn render_output_replaces_an_existing_file() {
    let dir = tempdir();
    let out = dir.path().join("out.html");
    fs::write(&out, "old contents\n").unwrap();
    brief()
        .args(["render", SEED, "-o", path_str(&out)])
        .assert()
        .code(0)
        .stdout("");
    assert!(read(&out) == render_seed(&["-f", "html"]));
    assert_eq!(entries(dir.path()), ["out.html"]);
}

#[test]
fn fragment_gives_html_without_a_page() {
    let fragment = String::from_utf8(render_seed(&["--format", "html", "--fragment"])).unwrap();
    assert!(!fragment.contains("<!DOCTYPE"), "{fragment}");
    assert!(!fragment.contains("<html"), "{fragment}");
    assert!(fragment.starts_with('<'), "{fragment}");
    assert!(
        fragment.contains("<h1>Russian and U.S. diplomats"),
        "{fragment}"
    );
}

#[test]
fn render_is_deterministic() {
    for extra in [
        &[][..],
        &["-f", "html"][..],
        &["-f", "html", "--fragment"][..],
    ] {
        let first = render_seed(extra);
        let second = render_seed(extra);
        assert!(first == second, "two renders with {extra:?} differ");
    }
    let dir = tempdir();
    let a = dir.path().join("a.html");
    let b = dir.path().join("b.html");
    for out in [&a, &b] {
        brief()
            .args(["render", SEED, "-o", path_str(out)])
            .assert()
            .code(0);
    }
    assert!(read(&a) == read(&b), "two renders to a file differ");
}

#[test]
fn failed_render_leaves_no_output_and_no_temporary_files() {
    let dir = tempdir();
    let out = dir.path().join("out.html");
    brief()
        .args([
            "render",
            &fixture("unknown-field.yaml"),
            "-o",
            path_str(&out),
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::ends_with(
            "error: could not render `tests/fixtures/invalid/unknown-field.yaml` due to 1 error\n",
        ));
    assert_eq!(
        entries(dir.path()),
        Vec::<String>::new(),
        "the directory stays empty"
    );
}

#[test]
fn failed_render_leaves_an_existing_output_untouched() {
    let dir = tempdir();
    let out = dir.path().join("out.md");
    fs::write(&out, "previous rendering\n").unwrap();
    for bad in [
        "several-errors.yaml",
        "yaml-syntax.yaml",
        "invalid-utf8.yaml",
        "empty.yaml",
    ] {
        let o = run(&["render", &fixture(bad), "-o", path_str(&out)]);
        assert_eq!(o.status.code(), Some(1), "{bad}");
        assert_eq!(stdout(&o), "", "{bad}");
        assert_eq!(
            read(&out),
            b"previous rendering\n",
            "{bad} changed the output"
        );
        assert_eq!(entries(dir.path()), ["out.md"], "{bad} left files behind");
    }
}

#[test]
fn render_to_a_missing_directory_fails_cleanly() {
    let dir = tempdir();
    let out = dir.path().join("missing").join("out.html");
    let o = run(&["render", SEED, "-o", path_str(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert!(
        err.starts_with(&format!("error: cannot write `{}`: ", out.display())),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(entries(dir.path()), Vec::<String>::new());
}

#[test]
fn render_write_error_does_not_name_the_temporary_file() {
    let dir = tempdir();
    let out = dir.path().join("missing").join("out.html");
    let o = run(&["render", SEED, "-o", path_str(&out)]);
    let err = stderr(&o);
    assert!(!err.contains(".brief-"), "{err}");
    assert!(
        err.starts_with(&format!("error: cannot write `{}`: ", out.display())),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn render_output_gets_the_permissions_of_a_normal_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let reference = dir.path().join("reference.txt");
    fs::write(&reference, "x").unwrap();
    let out = dir.path().join("out.html");
    brief()
        .args(["render", SEED, "-o", path_str(&out)])
        .assert()
        .code(0);
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        format!("{:o}", mode(&out)),
        format!("{:o}", mode(&reference)),
        "mode of the rendered file vs a file made with std::fs::write"
    );
}

// ---------------------------------------------------------------------------
// The input brief is never written to.

/// A copy of the seed brief in a fresh directory.
fn seed_copy() -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let dir = tempdir();
    let bytes = read(root().join(SEED));
    let path = dir.path().join("brief.yaml");
    fs::write(&path, &bytes).unwrap();
    (dir, path, bytes)
}

#[test]
fn input_is_never_modified() {
    let (dir, input, before) = seed_copy();
    let input_s = path_str(&input);
    let out = dir.path().join("out.html");
    brief().args(["render", input_s]).assert().code(0);
    brief()
        .args(["render", input_s, "-o", path_str(&out)])
        .assert()
        .code(0);
    brief()
        .args(["render", input_s, "-f", "html", "--fragment"])
        .assert()
        .code(0);
    brief().args(["check", input_s]).assert().code(0);
    assert!(read(&input) == before, "a successful run changed the input");

    let bad = dir.path().join("bad.yaml");
    let bad_before = read(root().join(fixture("several-errors.yaml")));
    fs::write(&bad, &bad_before).unwrap();
    brief()
        .args(["render", path_str(&bad), "-o", path_str(&out)])
        .assert()
        .code(1);
    brief().args(["check", path_str(&bad)]).assert().code(1);
    assert!(read(&bad) == bad_before, "a failed run changed the input");
    assert_eq!(entries(dir.path()), ["bad.yaml", "brief.yaml", "out.html"]);
}

#[test]
fn output_equal_to_input_is_refused() {
    let (dir, input, before) = seed_copy();
    let input_s = path_str(&input);
    for extra in [&[][..], &["--format", "html"][..]] {
        let mut args = vec!["render", input_s, "--output", input_s];
        args.extend_from_slice(extra);
        brief()
            .args(&args)
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!(
                "error: the output `{input_s}` is the input brief; refusing to overwrite it\n"
            ));
        assert!(read(&input) == before, "the input changed");
        assert_eq!(entries(dir.path()), ["brief.yaml"]);
    }
}

#[test]
fn output_equal_to_input_by_another_spelling_is_refused() {
    let (dir, input, before) = seed_copy();
    brief()
        .current_dir(dir.path())
        .args(["render", "brief.yaml", "-o", "./brief.yaml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("error: the output `./brief.yaml` is the input brief; refusing to overwrite it\n");
    assert!(read(&input) == before, "the input changed");
    assert_eq!(entries(dir.path()), ["brief.yaml"]);
}

// ---------------------------------------------------------------------------
// Usage errors and help.

#[test]
fn fragment_with_markdown_is_a_usage_error() {
    for extra in [&[][..], &["--format", "md"][..]] {
        let mut args = vec!["render", SEED, "--fragment"];
        args.extend_from_slice(extra);
        brief()
            .args(&args)
            .assert()
            .code(2)
            .stdout("")
            .stderr("error: --fragment applies to HTML output only\n\nhelp: add `--format html`\n");
    }
}

#[test]
fn fragment_with_an_html_output_file_is_allowed() {
    let dir = tempdir();
    let out = dir.path().join("part.html");
    brief()
        .args(["render", SEED, "--fragment", "-o", path_str(&out)])
        .assert()
        .code(0)
        .stdout("");
    assert!(read(&out) == render_seed(&["-f", "html", "--fragment"]));
}

#[test]
fn usage_errors_exit_2() {
    let cases: &[&[&str]] = &[
        &["frobnicate"],
        &["render"],
        &["check"],
        &["render", SEED, "--frobnicate"],
        &["render", SEED, "--format", "docx"],
        &["render", SEED, "--paper", "a4"],
        &["render", SEED, "-f", "html", "--chromium", "/bin/sh"],
        &["render", SEED, "-f", "html", "--diagrams", "mermaid"],
        &["render", SEED, "-f", "pdf", "--diagrams", "mermaid"],
        &["render", SEED, "--diagrams", "svg"],
        &["render", SEED, "-f", "json", "--diagrams", "none"],
        &["render", SEED, "-f", "pdf", "--fragment"],
        &[
            "build",
            "briefs",
            "--out",
            "x",
            "-f",
            "html",
            "--diagrams",
            "mermaid",
        ],
        &["render", SEED, "extra.yaml"],
        &["render", SEED, "--output"],
    ];
    for args in cases {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), "", "{args:?}");
        assert!(
            stderr(&o).starts_with("error: "),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn no_arguments_prints_usage_and_exits_2() {
    brief()
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("Usage: brief [OPTIONS] <COMMAND>"));
}

#[test]
fn unknown_subcommand_is_named() {
    brief()
        .arg("frobnicate")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: unrecognized subcommand 'frobnicate'\n",
        ));
}

#[test]
fn missing_arguments_are_named() {
    brief()
        .arg("render")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<FILE>"));
    brief()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<FILES>..."));
}

#[test]
fn help_exits_0() {
    brief().arg("--help").assert().code(0).stderr("").stdout(
        predicate::str::contains("Usage: brief [OPTIONS] <COMMAND>")
            .and(predicate::str::contains("render"))
            .and(predicate::str::contains("check")),
    );
    brief()
        .args(["render", "--help"])
        .assert()
        .code(0)
        .stderr("")
        .stdout(
            predicate::str::contains("Usage: brief render")
                .and(predicate::str::contains("--fragment"))
                .and(predicate::str::contains("--output")),
        );
    brief()
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stderr("")
        .stdout(predicate::str::contains("Usage: brief check"));
    brief()
        .args(["help", "render"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Usage: brief render"));
}

#[test]
fn version_exits_0() {
    brief()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("brief {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn render_of_a_missing_file_fails() {
    let o = run(&["render", "tests/fixtures/no-such-brief.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert!(
        err.starts_with("error: cannot read `tests/fixtures/no-such-brief.yaml`: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

// ---------------------------------------------------------------------------
// `--message-format json` covers every failure: each line on standard
// error is one JSON object, whatever stopped the command.

/// Runs `brief ARGS --message-format json` and returns its exit code and
/// the JSON objects it printed on standard error, checking that nothing
/// else was printed there.
fn json_failure(args: &[&str]) -> (Option<i32>, Vec<serde_json::Value>) {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--message-format", "json"]);
    let o = run(&all);
    let err = stderr(&o);
    let lines: Vec<serde_json::Value> = err
        .lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| {
                panic!("`brief {all:?}` printed a line that is not JSON ({e}): {l:?}\n{err}")
            })
        })
        .collect();
    for line in &lines {
        assert!(
            line["severity"].is_string() && line["message"].is_string(),
            "{line}"
        );
    }
    (o.status.code(), lines)
}

/// The single error a failed command printed, which must contain `needle`.
fn one_json_error(args: &[&str], code: i32, needle: &str) -> serde_json::Value {
    let (status, lines) = json_failure(args);
    assert_eq!(
        status,
        Some(code),
        "exit code of `brief {args:?}`: {lines:?}"
    );
    assert_eq!(lines.len(), 1, "{lines:?}");
    let line = lines.into_iter().next().unwrap();
    assert_eq!(line["severity"], "error", "{line}");
    let message = line["message"].as_str().unwrap();
    assert!(message.contains(needle), "{message:?} lacks {needle:?}");
    line
}

/// A template directory whose `brief.md` does not compile.
fn broken_templates() -> tempfile::TempDir {
    let dir = tempdir();
    fs::write(dir.path().join("brief.md"), "{{ title \n").unwrap();
    dir
}

#[test]
fn json_covers_flags_that_do_not_go_together() {
    let line = one_json_error(
        &["render", SEED, "--fragment"],
        2,
        "--fragment applies to HTML output only",
    );
    // The hint has its own field, as in a diagnostic.
    assert_eq!(line["help"], "add `--format html`");
    assert_eq!(line["code"], serde_json::Value::Null);
    one_json_error(
        &["render", SEED, "-f", "json", "--template", "flash"],
        2,
        "JSON output uses no templates",
    );
    one_json_error(
        &["render", SEED, "-f", "md", "--paper", "letter"],
        2,
        "--paper applies to PDF output only",
    );
    one_json_error(
        &["render", SEED, "-f", "html", "--diagrams", "mermaid"],
        2,
        "--diagrams mermaid",
    );
    one_json_error(
        &["diff", "-", "-"],
        2,
        "only one version can be read from standard input",
    );
    one_json_error(&["diff", SEED, SEED, "-o", "x.pdf"], 2, "not PDF");
    let out = tempdir();
    one_json_error(
        &[
            "build",
            "briefs",
            "--out",
            path_str(out.path()),
            "--diagrams",
            "svg",
        ],
        2,
        "--diagrams svg applies to HTML output only",
    );
}

#[test]
fn json_covers_unreadable_briefs() {
    for command in ["render", "check"] {
        let line = one_json_error(
            &[command, "tests/fixtures/no-such-brief.yaml"],
            1,
            "cannot read `tests/fixtures/no-such-brief.yaml`",
        );
        assert_eq!(line["file"], "tests/fixtures/no-such-brief.yaml");
    }
    let (status, lines) = json_failure(&["diff", "tests/fixtures/no-such-brief.yaml", SEED]);
    assert_eq!(status, Some(1));
    assert_eq!(lines.len(), 1, "{lines:?}");
}

#[test]
fn json_covers_template_errors() {
    let dir = broken_templates();
    let templates = path_str(dir.path());
    one_json_error(&["render", SEED, "--templates", templates], 1, "brief.md");
    one_json_error(
        &["diff", SEED, SEED, "--templates", templates],
        1,
        "brief.md",
    );
    let out = tempdir();
    one_json_error(
        &[
            "build",
            "briefs",
            "--out",
            path_str(out.path()),
            "--templates",
            templates,
        ],
        1,
        "brief.md",
    );
    one_json_error(
        &["render", SEED, "--template", "no-such-template"],
        1,
        "no-such-template",
    );
}

#[test]
fn json_covers_bad_output_paths() {
    let dir = tempdir();
    let missing = dir.path().join("no/such/dir/out.md");
    let line = one_json_error(
        &["render", SEED, "-o", path_str(&missing)],
        1,
        "cannot write",
    );
    assert_eq!(line["file"], path_str(&missing));
    one_json_error(
        &["diff", SEED, SEED, "-o", path_str(&missing)],
        1,
        "cannot write",
    );
    let (_dir, input, _) = seed_copy();
    let input = path_str(&input);
    one_json_error(&["render", input, "-o", input], 1, "is the input brief");
}

#[test]
fn json_covers_build_failures() {
    let out = tempdir();
    one_json_error(
        &["build", "no-such-directory", "--out", path_str(out.path())],
        1,
        "no-such-directory",
    );
    // A check against an empty directory lists each missing file as an
    // error, and nothing else.
    let (status, lines) =
        json_failure(&["build", "briefs", "--out", path_str(out.path()), "--check"]);
    assert_eq!(status, Some(1));
    assert!(!lines.is_empty());
    for line in &lines {
        assert!(
            line["message"].as_str().unwrap().starts_with("missing: "),
            "{line}"
        );
    }
}

#[test]
fn human_output_of_usage_errors_is_unchanged() {
    let o = run(&["render", SEED, "--fragment"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: --fragment applies to HTML output only\n\nhelp: add `--format html`\n"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn json_covers_a_full_standard_output() {
    let full = fs::File::create("/dev/full").expect("/dev/full");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .current_dir(root())
        .env_remove("CLICOLOR_FORCE")
        .args(["render", SEED, "--message-format", "json"])
        .stdout(full)
        .output()
        .expect("brief runs");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let line: serde_json::Value = serde_json::from_str(err.trim_end()).expect(&err);
    assert!(
        line["message"]
            .as_str()
            .unwrap()
            .starts_with("cannot write to standard output: "),
        "{line}"
    );
}

#[test]
fn output_dash_is_standard_output() {
    let dir = tempdir();
    let seed = root().join(SEED);
    let o = crate::common::run_in(dir.path(), &["render", path_str(&seed), "-o", "-"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("# "));
    assert!(!dir.path().join("-").exists(), "no file named `-`");
    let o = crate::common::run_in(
        dir.path(),
        &["diff", path_str(&seed), path_str(&seed), "-o", "-"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("# "), "{}", stdout(&o));
    assert!(entries(dir.path()).is_empty(), "no file named `-`");
}

#[test]
fn a_date_written_in_words_that_states_it_whole_is_answered_with_its_edtf() {
    let dir = tempdir();
    let path = dir.path().join("b.yaml");
    fs::write(&path, "id: x\ntitle: T\npublished: March 2025\n").unwrap();
    let o = run(&["check", path_str(&path)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("write the date it states as `2025-03`"),
        "{}",
        stderr(&o)
    );
}
