//! Diagnostics: every code has a fixture, a snapshot and a documented
//! entry; the JSON message format; colour; `--deny-warnings`; and the
//! lints' edge cases.
//!
//! Fixtures: `tests/fixtures/invalid/` holds briefs with errors,
//! `tests/fixtures/warnings/` briefs that are valid but get warnings. The
//! snapshots (`tests/suite/snapshots/suite__diagnostics__*.snap`) pin what
//! a reader sees for each: header, snippet, caret, label and help. Review
//! changes with `cargo insta review`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use brief::diagnostic::CODES;
use brief::{Diagnostic, Files, ImportScope, Limits, Severity};
use serde_json::Value;

use crate::common::{brief, root, shipped_briefs, stderr, yaml_files};

const WARNINGS_ONLY: &str = "tests/fixtures/valid/warnings-only.yaml";
const SEVERAL_ERRORS: &str = "tests/fixtures/invalid/several-errors.yaml";

/// The fixtures of one directory of `tests/fixtures/`, sorted.
fn fixtures(dir: &str) -> Vec<PathBuf> {
    yaml_files(&format!("tests/fixtures/{dir}"))
}

/// What checking a fixture through the library gives: its diagnostics and
/// the text they point into. `too-large.yaml` is checked with a 64-byte
/// limit (a fixture over the real 16 MiB limit would be too large to ship).
///
/// It runs on a thread with the main thread's 8 MiB of stack, as the
/// binary does: an unoptimised build parsing `too-deep.yaml` (nested to the
/// depth limit) needs more than a test thread's 2 MiB.
fn check_fixture(path: &Path) -> (Vec<Diagnostic>, Files) {
    let path = path.to_path_buf();
    std::thread::Builder::new()
        .stack_size(8 * 1024 * 1024)
        .spawn(move || check_fixture_here(&path))
        .unwrap()
        .join()
        .unwrap()
}

/// Checks a fixture as `brief check` would, naming it (and its imports,
/// from `tests/fixtures/imports/`) relative to the package root.
fn check_fixture_here(path: &Path) -> (Vec<Diagnostic>, Files) {
    let limits = if path.file_name().is_some_and(|n| n == "too-large.yaml") {
        Limits {
            max_file_bytes: 64,
            ..Limits::default()
        }
    } else {
        Limits::default()
    };
    let bytes = fs::read(path).unwrap();
    let name = relative(path);
    match brief::decode_source(bytes.clone(), &limits) {
        Ok(text) => {
            let root = root().join("tests/fixtures");
            let scope = ImportScope::for_file(Path::new(&name), Some(&root));
            let checked = brief::check_source(&name, text, Some(&scope), &limits);
            (checked.diagnostics, checked.files)
        }
        Err(d) => (vec![d], Files::new(name, String::from_utf8_lossy(&bytes))),
    }
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root()).unwrap().display().to_string()
}

// ---------------------------------------------------------------------------
// Every code: a fixture, a snapshot, the right letter, a documented entry.

#[test]
fn every_fixture_renders_as_pinned() {
    for dir in ["invalid", "warnings"] {
        for path in fixtures(dir) {
            let (diagnostics, files) = check_fixture(&path);
            let shown: String = diagnostics
                .iter()
                .map(|d| format!("{}\n", d.render_in(&files)))
                .collect();
            // A message may name the checkout's own directory: the same
            // snapshot must hold wherever the repository is cloned.
            let shown = shown.replace(&root().display().to_string(), "[ROOT]");
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            insta::assert_snapshot!(format!("{dir}-{stem}"), shown);
        }
    }
}

#[test]
fn invalid_fixtures_have_errors_and_warning_fixtures_only_warnings() {
    for path in fixtures("invalid") {
        let (diagnostics, _) = check_fixture(&path);
        assert!(
            diagnostics.iter().any(Diagnostic::is_error),
            "{} has no error",
            path.display()
        );
    }
    for path in fixtures("warnings") {
        let (diagnostics, _) = check_fixture(&path);
        assert!(!diagnostics.is_empty(), "{} has no warning", path.display());
        assert!(
            !diagnostics.iter().any(Diagnostic::is_error),
            "{} has errors: {diagnostics:?}",
            path.display()
        );
    }
}

#[test]
fn every_code_in_the_table_has_a_fixture_that_gives_it() {
    let mut given = BTreeSet::new();
    for dir in ["invalid", "warnings"] {
        for path in fixtures(dir) {
            for d in check_fixture(&path).0 {
                let letter = match d.severity {
                    Severity::Error => 'E',
                    _ => 'W',
                };
                assert!(
                    d.numbered_code().starts_with(letter),
                    "{}: `{}` is {} but is reported as {}",
                    path.display(),
                    d.code,
                    d.numbered_code(),
                    d.severity
                );
                given.insert(d.code);
            }
        }
    }
    let missing: Vec<&str> = CODES
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !given.contains(name))
        .collect();
    assert!(
        missing.is_empty(),
        "no fixture in tests/fixtures/ gives {missing:?}"
    );
}

#[test]
fn fixtures_named_after_a_code_give_that_code_first() {
    for dir in ["invalid", "warnings"] {
        for path in fixtures(dir) {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            if CODES.iter().any(|(name, _)| *name == stem) {
                let (diagnostics, _) = check_fixture(&path);
                assert_eq!(
                    diagnostics.first().map(|d| d.code),
                    Some(stem.as_str()),
                    "{}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn every_code_is_documented_in_the_format_reference() {
    let docs = fs::read_to_string(root().join("docs/format.md")).unwrap();
    for (name, code) in CODES {
        let heading = format!("#### {code} `{name}`\n");
        assert!(
            docs.contains(&heading),
            "docs/format.md has no heading `{}`",
            heading.trim_end()
        );
    }
    // And documents no code that the table does not have.
    for line in docs.lines().filter(|l| l.starts_with("#### ")) {
        let mut words = line["#### ".len()..].split(' ');
        let (Some(code), Some(name)) = (words.next(), words.next()) else {
            continue;
        };
        if code.len() == 5 && (code.starts_with('E') || code.starts_with('W')) {
            let name = name.trim_matches('`');
            assert!(
                CODES.contains(&(name, code)),
                "docs/format.md documents {code} `{name}`, which is not in diagnostic::CODES"
            );
        }
    }
}

#[test]
fn the_shipped_briefs_have_no_warnings() {
    let mut args = vec!["check".to_string(), "--deny-warnings".to_string()];
    for path in shipped_briefs() {
        args.push(relative(&path));
    }
    let o = brief().args(&args).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

// ---------------------------------------------------------------------------
// JSON message format.

fn json_lines(o: &Output) -> Vec<Value> {
    stderr(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn check_json_gives_one_object_per_diagnostic_with_its_place() {
    let o = brief()
        .args(["check", "--message-format", "json", SEVERAL_ERRORS])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 6, "one line per diagnostic, no summary");
    let codes: Vec<&str> = lines.iter().map(|l| l["code"].as_str().unwrap()).collect();
    assert_eq!(
        codes,
        ["E0010", "E0012", "E0015", "E0020", "E0015", "E0024"]
    );
    let trum = &lines[2];
    assert_eq!(trum["severity"], "error");
    assert_eq!(trum["name"], "unknown-reference");
    assert_eq!(trum["message"], "no actor has the id `trum`");
    assert_eq!(trum["file"], SEVERAL_ERRORS);
    assert_eq!(
        [
            &trum["line"],
            &trum["column"],
            &trum["end_line"],
            &trum["end_column"]
        ],
        [22, 9, 22, 13]
    );
    assert_eq!(trum["label"], "not found");
    assert_eq!(trum["help"], "did you mean `trump`?");
    assert_eq!(trum["related"], Value::Array(vec![]));
    // The byte span is the reference itself.
    let source = fs::read_to_string(root().join(SEVERAL_ERRORS)).unwrap();
    let span = |v: &Value| {
        let (start, end) = (v["byte_start"].as_u64(), v["byte_end"].as_u64());
        &source[start.unwrap() as usize..end.unwrap() as usize]
    };
    assert_eq!(span(trum), "trum");
    assert_eq!(span(&lines[1]), "2025-02-30");
    assert_eq!(lines[1]["line"], 19);
    assert_eq!(lines[1]["column"], 11);
    assert_eq!(lines[1]["end_column"], 21);
}

#[test]
fn json_related_places_have_their_own_position() {
    let o = brief()
        .args([
            "check",
            "--message-format=json",
            "tests/fixtures/invalid/duplicate-id.yaml",
        ])
        .output()
        .unwrap();
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 1);
    let related = &lines[0]["related"][0];
    assert_eq!(related["line"], 4);
    assert_eq!(related["column"], 9);
    assert_eq!(related["label"], "first used here, for an actor");
}

#[test]
fn render_json_reports_warnings_and_still_renders() {
    let o = brief()
        .args(["render", "--message-format", "json", WARNINGS_ONLY])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# T\n"));
    let lines = json_lines(&o);
    let names: Vec<&str> = lines.iter().map(|l| l["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["unsourced", "follows-out-of-order"]);
    assert!(lines.iter().all(|l| l["severity"] == "warning"));
}

#[test]
fn json_errors_without_a_diagnostic_are_json_too() {
    let o = brief()
        .args([
            "check",
            "--message-format",
            "json",
            "tests/fixtures/no-such-brief.yaml",
            "tests/fixtures/invalid/invalid-utf8.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["severity"], "error");
    assert_eq!(lines[0]["code"], Value::Null);
    assert_eq!(lines[0]["file"], "tests/fixtures/no-such-brief.yaml");
    assert_eq!(lines[1]["code"], "E0001");
    assert_eq!([&lines[1]["line"], &lines[1]["column"]], [2, 11]);
}

// ---------------------------------------------------------------------------
// Colour.

const ESC: char = '\x1b';

fn check_stderr(extra: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = brief();
    cmd.arg("check")
        .args(extra)
        .arg("tests/fixtures/invalid/unknown-reference.yaml");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    stderr(&o)
}

#[test]
fn no_colour_when_not_on_a_terminal() {
    let err = check_stderr(&[], &[]);
    assert!(!err.contains(ESC), "{err:?}");
    assert!(err.starts_with("error[E0015]: no actor has the id `putn`\n"));
}

#[test]
fn colour_when_asked_for() {
    for (extra, env) in [
        (&["--color", "always"][..], &[][..]),
        (&["--color=always"][..], &[("NO_COLOR", "1")][..]),
        (&[][..], &[("CLICOLOR_FORCE", "1")][..]),
    ] {
        let err = check_stderr(extra, env);
        assert!(
            err.starts_with(
                "\x1b[1m\x1b[91merror[E0015]\x1b[0m\x1b[1m: no actor has the id `putn`"
            ),
            "{extra:?} {env:?}: {err:?}"
        );
        assert!(
            err.contains("\x1b[1m\x1b[91m^^^^\x1b[0m \x1b[1m\x1b[91mnot found"),
            "{err:?}"
        );
    }
    // Before the subcommand too.
    let o = brief()
        .args([
            "--color",
            "always",
            "check",
            "tests/fixtures/invalid/unknown-reference.yaml",
        ])
        .output()
        .unwrap();
    assert!(stderr(&o).contains(ESC));
}

#[test]
fn no_colour_when_refused() {
    for (extra, env) in [
        (&[][..], &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")][..]),
        (&["--color", "never"][..], &[("CLICOLOR_FORCE", "1")][..]),
        (&[][..], &[("CLICOLOR_FORCE", "0")][..]),
        (
            &["--color", "always", "--message-format", "json"][..],
            &[][..],
        ),
    ] {
        let err = check_stderr(extra, env);
        assert!(!err.contains(ESC), "{extra:?} {env:?}: {err:?}");
    }
}

#[test]
fn colour_strips_to_the_plain_text() {
    let plain = check_stderr(&[], &[]);
    let coloured = check_stderr(&["--color", "always"], &[]);
    let mut stripped = String::new();
    let mut rest = coloured.as_str();
    while let Some(i) = rest.find(ESC) {
        stripped.push_str(&rest[..i]);
        let end = rest[i..].find('m').expect("an SGR sequence ends with m");
        rest = &rest[i + end + 1..];
    }
    stripped.push_str(rest);
    assert_eq!(stripped, plain);
}

// ---------------------------------------------------------------------------
// --deny-warnings.

#[test]
fn check_deny_warnings_fails_on_warnings() {
    let o = brief()
        .args(["check", "--deny-warnings", WARNINGS_ONLY])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("error[W0001]: the claim `claim` cites no source\n"),
        "{err}"
    );
    assert!(
        err.ends_with("\nerror: checked 1 brief: 2 errors, 0 warnings\n"),
        "{err}"
    );
    let ok = brief().args(["check", WARNINGS_ONLY]).output().unwrap();
    assert_eq!(ok.status.code(), Some(0));
}

#[test]
fn render_deny_warnings_renders_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.md");
    let o = brief()
        .args(["render", "--deny-warnings", WARNINGS_ONLY, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(!out.exists(), "nothing is written");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    let err = stderr(&o);
    assert!(err.contains("error[W0004]"), "{err}");
    assert!(
        err.ends_with(&format!(
            "error: could not render `{WARNINGS_ONLY}` due to 2 errors\n"
        )),
        "{err}"
    );
    let o = brief()
        .args([
            "render",
            "--deny-warnings",
            "--message-format",
            "json",
            WARNINGS_ONLY,
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l["severity"] == "error"));
    assert_eq!(lines[0]["code"], "W0001");
}

#[test]
fn deny_warnings_passes_a_clean_brief() {
    let o = brief()
        .args(["render", "--deny-warnings", "briefs/us-russia-talks.yaml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!o.stdout.is_empty());
}

// ---------------------------------------------------------------------------
// Lints.

fn codes(yaml: &str) -> Vec<&'static str> {
    brief::check_str(yaml, &Limits::default())
        .1
        .iter()
        .map(|d| d.code)
        .collect()
}

fn meeting(published: &str, status: &str, date: &str) -> String {
    format!(
        "id: x\ntitle: T\npublished: {published}\nevents:\n  - id: e\n    kind: talks\n    title: Talks\n    status: {status}\n    date: {date}\n"
    )
}

#[test]
fn scheduled_in_the_past_only_when_the_meeting_is_surely_before_publication() {
    let warned = |published: &str, status: &str, date: &str| {
        codes(&meeting(published, status, date)).contains(&"scheduled-in-the-past")
    };
    assert!(warned("2025-02-20", "scheduled", "2025-02-18"));
    assert!(warned("2025-03-01", "scheduled", "2025-02"));
    assert!(warned("2025", "scheduled", "2024-12-31"));
    assert!(warned("2025-03", "scheduled", "2025-02-10/2025-02-12"));
    // Not when it may still be ahead, or is not marked scheduled.
    assert!(!warned("2025-02-20", "scheduled", "2025-02-20"));
    assert!(!warned("2025-02-20", "scheduled", "2025-02"));
    assert!(!warned("2025", "scheduled", "2025-02-18"));
    assert!(!warned("2025-02-20", "held", "2025-02-18"));
    assert!(!warned("2025-02-20", "postponed", "2025-02-18"));
    // Not when either date is approximate, uncertain or open.
    assert!(!warned("2025-03", "scheduled", "2025-02-18~"));
    assert!(!warned("2025-03", "scheduled", "2025-02-18?"));
    assert!(!warned("2025-03~", "scheduled", "2025-02-18"));
    assert!(!warned("2025-03", "scheduled", "2025-02-18/.."));
    assert!(!warned("2025-03", "scheduled", "2025-02-18/"));
    assert!(!warned("{stated: this week}", "scheduled", "2025-02-18"));
}

#[test]
fn unused_actor_counts_every_kind_of_reference() {
    let with = |extra: &str| {
        format!(
            "id: x\ntitle: T\nactors:\n  - id: a\n    name: A\n    kind: person\n  - id: g\n    name: G\n    kind: group\n    members: [g]\n{extra}"
        )
    };
    // `g` lists itself as a member, which does not count.
    assert_eq!(codes(&with("")), ["unused-actor", "unused-actor"]);
    let uses = [
        "gaps:\n  - text: Who are they?\n    about: [a, g]\n",
        "events:\n  - id: e\n    kind: speech\n    title: E\n    participants: [a, g]\n",
        "statements:\n  - id: s\n    by: a\n    kind: position\n    text: S.\n    about: [g]\n",
        "statements:\n  - id: s\n    unattributed: none\n    kind: position\n    text: S.\n    rejected_by:\n      - actor: a\n      - actor: g\n",
        "places:\n  - id: p\n    name: P\nfigures:\n  - id: f\n    controller: a\n    areas: [p]\n    value: 1\n    unit: km2\n    qualifier: about\n    as_of: 2025\n    sources: [s]\nsources:\n  - id: s\n    name: S\n    kind: report\ngaps:\n  - text: G?\n    about: [g]\n",
    ];
    for extra in uses {
        assert_eq!(codes(&with(extra)), Vec::<&str>::new(), "{extra}");
    }
}

#[test]
fn unused_actor_is_not_reported_beside_errors() {
    // The misspelt `putn` is what should have used `putin`.
    let source =
        fs::read_to_string(root().join("tests/fixtures/invalid/unknown-reference.yaml")).unwrap();
    assert_eq!(codes(&source), ["unknown-reference"]);
}

#[test]
fn a_bad_enum_value_lists_the_accepted_values() {
    let (_, diagnostics) = brief::check_str(
        "id: x\ntitle: T\njudgments:\n  - text: J\n    confidence: medium\n",
        &Limits::default(),
    );
    let d = &diagnostics[0];
    assert_eq!(d.code, "unknown-value");
    assert_eq!(d.message, "unknown confidence level `medium`");
    assert_eq!(
        d.help.as_deref(),
        Some("accepted values: `low`, `moderate`, `high`")
    );
    let (_, diagnostics) = brief::check_str(
        "id: x\ntitle: T\njudgments:\n  - text: J\n    confidence: 3\n",
        &Limits::default(),
    );
    assert_eq!(diagnostics[0].code, "wrong-type");
    assert_eq!(
        diagnostics[0].help.as_deref(),
        Some("accepted values: `low`, `moderate`, `high`")
    );
}

/// Thousands of unknown references among thousands of ids are each
/// reported, with a did-you-mean while its bounded work lasts and plain
/// advice after; the same input gives the same suggestions every time.
/// (How long it takes is a benchmark, `bench/diagnostics.sh`, never a
/// test.)
#[test]
fn many_unknown_references_are_all_reported_with_bounded_suggestions() {
    let mut source = String::from("id: x\ntitle: T\nsources:\n");
    for i in 0..2000 {
        source.push_str(&format!(
            "  - id: source-{i:04}\n    name: S\n    kind: other\n"
        ));
    }
    source.push_str("key_points:\n");
    for i in 0..3000 {
        source.push_str(&format!(
            "  - text: Point {i}\n    sources: [sourse-{:04}]\n",
            i % 2000
        ));
    }
    let (model, diagnostics) = brief::check_str(&source, &Limits::default());
    assert!(model.is_none());
    let unknown: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.code == "unknown-reference")
        .collect();
    assert_eq!(unknown.len(), 3000);
    let suggested = unknown
        .iter()
        .filter(|d| {
            d.help
                .as_deref()
                .is_some_and(|h| h.starts_with("did you mean"))
        })
        .count();
    assert!(suggested > 0 && suggested < 3000, "{suggested}");
    let (_, again) = brief::check_str(&source, &Limits::default());
    assert_eq!(again, diagnostics);
    // Laid out together, each points at its own line.
    let files = Files::new("x.yaml", source.clone());
    for d in unknown.iter().step_by(500) {
        let shown = d.render_in(&files);
        assert!(
            shown.contains(&format!("x.yaml:{}:", d.pos.line)),
            "{shown}"
        );
    }
}
