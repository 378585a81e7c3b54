//! `brief diff`: pairs of brief versions under `tests/fixtures/diff/`
//! compared through the library (what each change says) and the binary
//! (snapshots of the Markdown and JSON, exit codes, errors, `git:` versions).
//!
//! The pairs: `talks-*` (the seed brief and an invented later version: the
//! README example), `kinds-*` (items of every kind added, removed and
//! changed), `kinds-reordered` (the same facts in another order),
//! `figures-*` (qualifier- and unit-aware figure deltas), `renamed-*`
//! (ids renamed with `supersedes`).

use std::fs;
use std::path::Path;
use std::process::Output;

use brief::diff::{ChangeView, DiffView};
use brief::{Limits, Renderer};

use crate::common::{self, brief, brief_in, run, stderr, stdout};

const DIR: &str = "tests/fixtures/diff";

/// The path of a pair's version, relative to the package root.
fn fixture(name: &str) -> String {
    format!("{DIR}/{name}.yaml")
}

/// Compares two fixtures through the library.
fn compare(old: &str, new: &str) -> DiffView {
    let check = |name: &str| {
        let text = fs::read_to_string(common::root().join(fixture(name))).unwrap();
        let (model, diagnostics) = brief::check_str(&text, &Limits::default());
        model.unwrap_or_else(|| panic!("{name}: {diagnostics:?}"))
    };
    brief::diff::diff(&check(old), &check(new), &fixture(old), &fixture(new))
}

fn find<'a>(diff: &'a DiffView, kind: &str, change: &str, label: &str) -> &'a ChangeView {
    diff.changes
        .iter()
        .find(|c| c.kind.name() == kind && c.change.name() == change && c.label.contains(label))
        .unwrap_or_else(|| {
            panic!(
                "no {change} {kind} `{label}` in:\n{}",
                diff.changes
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
}

/// The changed field `field` of a change: (old, new, note).
fn field(c: &ChangeView, field: &str) -> (Option<String>, Option<String>, Option<String>) {
    let f = c
        .fields
        .iter()
        .find(|f| f.field == field)
        .unwrap_or_else(|| panic!("`{}` has no change to `{field}`: {:#?}", c.label, c.fields));
    (f.old.clone(), f.new.clone(), f.note.clone())
}

fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

// ---------------------------------------------------------------------------
// What the changes say.

#[test]
fn a_meeting_held_and_a_figure_moved_lead_the_changes() {
    let d = compare("talks-old", "talks-new");
    assert!(d.changed);
    let talks = &d.changes[0];
    assert_eq!(
        (talks.kind.name(), talks.change.name()),
        ("event", "changed")
    );
    assert_eq!(talks.significance.name(), "status");
    assert_eq!(
        field(talks, "status"),
        (some("scheduled"), some("held"), None)
    );
    assert_eq!(
        field(talks, "date"),
        (
            some("this week, at the end of the week (exact date unknown)"),
            some("27 February 2025"),
            some("date made precise")
        )
    );
    assert_eq!(field(talks, "location"), (None, some("Istanbul"), None));
    let figure = &d.changes[1];
    assert_eq!(
        (figure.kind.name(), figure.significance.name()),
        ("figure", "figure")
    );
    assert_eq!(
        field(figure, "value"),
        (
            some("nearly 20%"),
            some("about 21%"),
            some("up about 1 point; as-of date changed")
        )
    );
    // Wording edits come last.
    assert_eq!(d.changes.last().unwrap().significance.name(), "wording");
    let ranks: Vec<usize> = d
        .changes
        .iter()
        .map(|c| {
            ["status", "figure", "added", "removed", "detail", "wording"]
                .iter()
                .position(|s| *s == c.significance.name())
                .unwrap()
        })
        .collect();
    assert!(ranks.is_sorted(), "{ranks:?}");
}

#[test]
fn every_kind_of_item_can_be_added_removed_and_changed() {
    let d = compare("kinds-old", "kinds-new");
    // Every kind of item there is, so a new section needs its case in the
    // fixtures.
    let kinds: Vec<&str> = brief::format::Kind::ALL
        .iter()
        .filter(|k| **k != brief::format::Kind::Brief)
        .map(|k| k.name())
        .collect();
    for &kind in &kinds {
        for change in ["added", "removed", "changed"] {
            assert!(
                d.changes
                    .iter()
                    .any(|c| c.kind.name() == kind && c.change.name() == change),
                "no {change} {kind}"
            );
        }
    }
    assert!(d.changes.iter().any(|c| c.kind.name() == "brief"));
    // Sections follow the brief's order, and hold the same changes.
    let order: Vec<&str> = d.sections.iter().map(|s| s.kind.name()).collect();
    assert_eq!(order, [&["brief"][..], &kinds].concat());
    let in_sections: usize = d
        .sections
        .iter()
        .map(|s| s.added.len() + s.removed.len() + s.changed.len())
        .sum();
    assert_eq!(in_sections, d.changes.len());
    assert_eq!(d.summary.total, d.changes.len());
}

#[test]
fn changed_fields_read_old_to_new_as_in_the_briefing() {
    let d = compare("kinds-old", "kinds-new");
    let holt = find(&d, "actor", "changed", "Mira Holt");
    assert_eq!(
        field(holt, "roles"),
        (
            some("Foreign Minister, Aldera"),
            some("Prime Minister, Aldera"),
            None
        )
    );
    let talks = find(&d, "event", "changed", "Envoys of Aldera and Borenia meet");
    assert_eq!(field(talks, "participants").2, some("added Ivo Brandt"));
    let open = find(&d, "statement", "changed", "open to shared patrols");
    assert_eq!(
        field(open, "quote"),
        (
            None,
            some("We are ready to patrol the strait together"),
            None
        )
    );
    assert_eq!(
        field(open, "issue"),
        (some("Shipping rights"), some("Joint patrols"), None)
    );
    let claim = find(&d, "statement", "changed", "Borenian waters");
    assert_eq!(
        field(claim, "rejected_by").2,
        some("added Mira Holt (dismisses as \"a fabrication\")")
    );
    let brief = find(&d, "brief", "changed", "Envoys meet");
    assert_eq!(
        field(brief, "title"),
        (
            some("Talks on the northern strait"),
            some("Envoys meet on the northern strait"),
            None
        )
    );
    // An item without an id, reworded, is one change, not two.
    let ferry = find(&d, "key_point", "changed", "remains suspended");
    assert_eq!(
        field(ferry, "text").0,
        some("A ferry line across the strait has been suspended.")
    );
    let judgment = find(&d, "judgment", "changed", "reopen the ferry line");
    assert_eq!(field(judgment, "confidence"), (None, some("low"), None));
    // Removed items keep their content.
    let ferry_event = find(&d, "event", "removed", "Ferry line suspended");
    assert_eq!(
        ferry_event.description.as_deref(),
        Some("Event · April 2031 · Northern strait · participants: Strait coast guard")
    );
    assert_eq!(ferry_event.old_id.as_deref(), Some("ferry-suspension"));
    assert_eq!(ferry_event.id, None);
}

#[test]
fn figure_deltas_respect_qualifiers_and_units() {
    let d = compare("figures-old", "figures-new");
    let note = |label: &str| {
        field(find(&d, "figure", "changed", label), "value")
            .2
            .unwrap()
    };
    assert_eq!(note("North region by"), "up about 1 point");
    assert_eq!(note("South region by"), "down 5 points; as-of date changed");
    assert_eq!(note("East region"), "up about 0.5 points");
    assert_eq!(
        note("West region"),
        "the same number, now “nearly”, was “about”"
    );
    assert_eq!(note("Coast"), "a different unit: not compared");
    assert_eq!(note("People displaced"), "up about 3,500 people");
    // `%` and `percent` are one unit; exact numbers give an exact delta.
    assert_eq!(note("North region and South region"), "up 0.25 points");
    let exact = find(&d, "figure", "changed", "North region and South region");
    let delta = exact.fields[0].delta.as_ref().unwrap();
    assert_eq!((delta.by, delta.approximate), (0.25, false));
    assert_eq!(delta.unit, "percent");
    let coast = find(&d, "figure", "changed", "Coast");
    assert!(coast.fields[0].delta.is_none());
}

#[test]
fn renamed_ids_keep_their_history() {
    let d = compare("renamed-old", "renamed-new");
    // The event renamed with nothing else changed is no change, and the
    // references to renamed ids are no change either.
    assert_eq!(d.changes.len(), 2, "{:#?}", d.changes);
    let holt = find(&d, "actor", "changed", "Mira Holt-Varga");
    assert_eq!(
        (holt.old_id.as_deref(), holt.id.as_deref()),
        (Some("holt"), Some("mira-holt"))
    );
    let talks = find(&d, "statement", "changed", "direct talks");
    assert_eq!(talks.old_id.as_deref(), Some("holt-open"));
    assert_eq!(talks.fields.len(), 1);
}

#[test]
fn reordering_and_identical_files_are_no_change() {
    for (old, new) in [
        ("kinds-old", "kinds-reordered"),
        ("kinds-reordered", "kinds-old"),
        ("kinds-old", "kinds-old"),
        ("talks-new", "talks-new"),
    ] {
        let d = compare(old, new);
        assert!(!d.changed, "{old} → {new}: {:#?}", d.changes);
        assert_eq!(d.summary.text, "No changes.");
        assert!(d.sections.is_empty());
    }
}

#[test]
fn the_comparison_runs_both_ways() {
    let there = compare("kinds-old", "kinds-new");
    let back = compare("kinds-new", "kinds-old");
    let count = |d: &DiffView, change: &str| {
        d.changes
            .iter()
            .filter(|c| c.change.name() == change)
            .count()
    };
    assert_eq!(count(&there, "added"), count(&back, "removed"));
    assert_eq!(count(&there, "removed"), count(&back, "added"));
    assert_eq!(count(&there, "changed"), count(&back, "changed"));
}

// ---------------------------------------------------------------------------
// The outputs, pinned. Review changes with `cargo insta review`.

#[test]
fn markdown_and_json_outputs_are_as_pinned() {
    for pair in ["talks", "kinds", "figures", "renamed"] {
        let (old, new) = (
            fixture(&format!("{pair}-old")),
            fixture(&format!("{pair}-new")),
        );
        let md = run(&["diff", &old, &new]);
        assert_eq!(md.status.code(), Some(0), "{}", stderr(&md));
        insta::assert_snapshot!(format!("{pair}-md"), stdout(&md));
        let json = run(&["diff", &old, &new, "--format", "json"]);
        assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
        insta::assert_snapshot!(format!("{pair}-json"), stdout(&json));
    }
}

#[test]
fn html_is_a_page_with_every_change_escaped() {
    let out = run(&[
        "diff",
        &fixture("talks-old"),
        &fixture("talks-new"),
        "-f",
        "html",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(
        html.contains("<title>What changed: Russian and U.S. diplomats meet in Istanbul</title>")
    );
    let text = common::html_text(&html);
    assert!(text.contains("Status: scheduled → held"), "{text}");
    assert!(text.contains("Value: nearly 20% → about 21% (up about 1 point; as-of date changed)"));
    // The article's quotation marks arrive as text, escaped.
    assert!(html.contains("&quot;irritants&quot;"));
}

#[test]
fn the_json_is_the_documented_structure() {
    let out = run(&[
        "diff",
        &fixture("talks-old"),
        &fixture("talks-new"),
        "-f",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["changed"], true);
    assert_eq!(json["changes"][0]["fields"][0]["field"], "status");
    let doc = fs::read_to_string(common::root().join("docs/diff.md")).unwrap();
    for key in json.as_object().unwrap().keys() {
        assert!(
            doc.contains(&format!("\"{key}\"")),
            "docs/diff.md does not show `{key}`"
        );
    }
}

// ---------------------------------------------------------------------------
// The command line: exit codes, errors, files.

#[test]
fn exit_codes_follow_git_diff() {
    let (old, new, same) = (
        fixture("kinds-old"),
        fixture("kinds-new"),
        fixture("kinds-reordered"),
    );
    assert_eq!(run(&["diff", &old, &new]).status.code(), Some(0));
    assert_eq!(run(&["diff", &old, &same]).status.code(), Some(0));
    assert_eq!(
        run(&["diff", "--exit-code", &old, &new]).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&["diff", "--exit-code", &old, &same]).status.code(),
        Some(0)
    );
    // Usage errors are 2, as for every command.
    assert_eq!(run(&["diff", &old]).status.code(), Some(2));
    assert_eq!(run(&["diff", "-", "-"]).status.code(), Some(2));
    assert_eq!(
        run(&["diff", &old, &new, "-f", "pdf"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["diff", &old, &new, "-o", "changes.pdf"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["diff", &old, &new, "-f", "json", "--template", "diff-x"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn an_invalid_version_is_reported_like_check() {
    let bad = "tests/fixtures/invalid/unknown-reference.yaml";
    for args in [
        vec!["diff", bad, "tests/fixtures/diff/kinds-old.yaml"],
        vec![
            "diff",
            "--exit-code",
            "tests/fixtures/diff/kinds-old.yaml",
            bad,
        ],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty());
        let err = stderr(&out);
        assert!(err.contains("error[E0015]"), "{err}");
        assert!(
            err.contains(&format!("--> {bad}:")),
            "the diagnostic names the file: {err}"
        );
        assert!(
            err.ends_with(&format!(
                "error: could not compare `{}` and `{}`: `{bad}` has 1 error\n",
                args[args.len() - 2],
                args[args.len() - 1]
            )),
            "{err}"
        );
    }
    // Warnings are not reported, unless they are denied.
    let warned = "tests/fixtures/valid/warnings-only.yaml";
    let out = run(&["diff", warned, warned]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    let out = run(&["diff", "--deny-warnings", warned, warned]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("--> {warned}:")));
    let out = run(&["diff", "no-such-file.yaml", &fixture("kinds-old")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read `no-such-file.yaml`"));
}

#[test]
fn output_is_written_atomically_and_never_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.yaml");
    fs::copy(common::root().join(fixture("talks-old")), &old).unwrap();
    let new = common::root().join(fixture("talks-new"));
    let out = dir.path().join("changes.html");
    let o = run(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    // The format follows the extension.
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let before = fs::read(&old).unwrap();
    let o = run(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "-o",
        old.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("refusing to overwrite it"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read(&old).unwrap(), before);
}

#[test]
fn a_version_can_come_from_standard_input() {
    let text = fs::read_to_string(common::root().join(fixture("talks-old"))).unwrap();
    let out = brief()
        .args(["diff", "-", &fixture("talks-new"), "-f", "json"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["old"]["label"], "<stdin>");
}

// ---------------------------------------------------------------------------
// Templates.

#[test]
fn diff_templates_are_overridable_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("diff-short.md"),
        "{% extends \"diff.md\" %}{% block sections %}{% endblock sections %}\
         {% block footer %}{{ summary.total }} in all.{% endblock footer %}",
    )
    .unwrap();
    let templates = dir.path().to_str().unwrap();
    let (old, new) = (fixture("talks-old"), fixture("talks-new"));
    let out = run(&[
        "diff",
        &old,
        &new,
        "--templates",
        templates,
        "-t",
        "diff-short",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(
        md.contains("## Summary") && md.ends_with("10 in all.\n"),
        "{md}"
    );
    assert!(!md.contains("## Figures"));
    // A name the diff view does not have is refused up front.
    fs::write(dir.path().join("diff-typo.md"), "{{ summary.totl }}").unwrap();
    let out = run(&["diff", &old, &new, "--templates", templates]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("unknown field `totl`"), "{err}");
    assert!(err.contains("did you mean `total`?"), "{err}");
}

#[test]
fn brief_and_diff_templates_do_not_mix() {
    let (old, new) = (fixture("talks-old"), fixture("talks-new"));
    let out = run(&["diff", &old, &new, "-t", "flash"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the template `flash.md` does not lay out a change briefing"),
        "{}",
        stderr(&out)
    );
    let out = run(&["render", &new, "-t", "diff"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("lays out a change briefing of `brief diff`"),
        "{}",
        stderr(&out)
    );
    // And through the library.
    let renderer = Renderer::new().unwrap();
    let options = brief::RenderOptions::default();
    assert_eq!(renderer.diff_template_name(&options).unwrap(), "diff.md");
}

// ---------------------------------------------------------------------------
// Versions from git.

/// Runs git in `dir`, with no user or system configuration.
fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository with `briefs/story.yaml` committed as talks-old, then
/// changed on disk to talks-new.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("briefs")).unwrap();
    let story = root.join("briefs/story.yaml");
    fs::copy(common::root().join(fixture("talks-old")), &story).unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "first"]);
    fs::copy(common::root().join(fixture("talks-new")), &story).unwrap();
    dir
}

/// `brief ARGS` in `dir`, with no user or system git configuration.
fn run_in_repo(dir: &Path, args: &[&str]) -> Output {
    brief_in(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .args(args)
        .output()
        .expect("brief runs")
}

#[test]
fn a_version_from_git_is_compared_with_the_file() {
    let repo = repository();
    let root = repo.path();
    let from_git = run_in_repo(
        root,
        &["diff", "git:HEAD:briefs/story.yaml", "briefs/story.yaml"],
    );
    assert_eq!(from_git.status.code(), Some(0), "{}", stderr(&from_git));
    let md = stdout(&from_git);
    assert!(md.contains("**Old:** HEAD:briefs/story.yaml,"), "{md}");
    // The same comparison as between the two files.
    let files = run(&["diff", &fixture("talks-old"), &fixture("talks-new")]);
    let body = |s: &str| s.split_once("## Summary").unwrap().1.to_owned();
    assert_eq!(body(&md), body(&stdout(&files)));
    // Paths are relative to the current directory, as `REV:./PATH`.
    let inside = run_in_repo(
        &root.join("briefs"),
        &["diff", "git:HEAD:story.yaml", "story.yaml"],
    );
    assert_eq!(inside.status.code(), Some(0), "{}", stderr(&inside));
    assert_eq!(body(&stdout(&inside)), body(&md));
}

#[test]
fn a_version_from_git_over_the_limit_is_refused_before_git_prints_it() {
    let repo = repository();
    let root = repo.path();
    // The committed file is larger than 1 KiB; only its size is asked.
    let out = run_in_repo(
        root,
        &[
            "diff",
            "git:HEAD:briefs/story.yaml",
            "briefs/story.yaml",
            "--max-file-size",
            "1KiB",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let e = stderr(&out);
    assert!(
        e.contains("cannot read `HEAD:briefs/story.yaml`: it is ")
            && e.contains("bytes, larger than the limit of 1024 bytes"),
        "{e}"
    );
}

#[test]
fn git_problems_are_clear_errors() {
    let repo = repository();
    let root = repo.path();
    let err = |args: &[&str]| {
        let out = run_in_repo(root, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        stderr(&out)
    };
    let e = err(&[
        "diff",
        "git:no-such-rev:briefs/story.yaml",
        "briefs/story.yaml",
    ]);
    assert!(
        e.contains("cannot read `no-such-rev:briefs/story.yaml`: `no-such-rev` is not a revision of this repository"),
        "{e}"
    );
    let e = err(&["diff", "git:HEAD:briefs/other.yaml", "briefs/story.yaml"]);
    assert!(
        e.contains("there is no file `briefs/other.yaml` in `HEAD`"),
        "{e}"
    );
    let e = err(&["diff", "git:HEAD", "briefs/story.yaml"]);
    assert!(e.contains("write `git:REV:PATH`"), "{e}");
    let e = err(&["diff", "git:--help:x.yaml", "briefs/story.yaml"]);
    assert!(e.contains("`--help` is not a git revision"), "{e}");
    // Outside a repository.
    let elsewhere = tempfile::tempdir().unwrap();
    fs::copy(
        root.join("briefs/story.yaml"),
        elsewhere.path().join("story.yaml"),
    )
    .unwrap();
    let out = run_in_repo(
        elsewhere.path(),
        &["diff", "git:HEAD:story.yaml", "story.yaml"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the current directory is not in a git repository"),
        "{}",
        stderr(&out)
    );
    // Without git.
    let out = brief_in(root)
        .env("PATH", elsewhere.path())
        .args(["diff", "git:HEAD:briefs/story.yaml", "briefs/story.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("git is not installed, or not on PATH"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_invalid_version_in_git_is_named_by_its_revision() {
    let repo = repository();
    let root = repo.path();
    let story = root.join("briefs/story.yaml");
    fs::copy(
        common::root().join("tests/fixtures/invalid/unknown-reference.yaml"),
        &story,
    )
    .unwrap();
    git(root, &["commit", "-qam", "broken"]);
    fs::copy(common::root().join(fixture("talks-new")), &story).unwrap();
    let out = run_in_repo(
        root,
        &["diff", "git:HEAD:briefs/story.yaml", "briefs/story.yaml"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("--> HEAD:briefs/story.yaml:"), "{err}");
    assert!(
        err.contains("`HEAD:briefs/story.yaml` has 1 error"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------
// The README's example is real output.

#[test]
fn the_readme_example_is_what_brief_diff_prints() {
    let readme = fs::read_to_string(common::root().join("README.md")).unwrap();
    let example = readme
        .split_once("<!-- diff-example: start -->\n```markdown\n")
        .and_then(|(_, rest)| rest.split_once("```\n<!-- diff-example: end -->"))
        .map(|(example, _)| example)
        .expect("README.md has the diff example between its markers");
    let out = run(&["diff", &fixture("talks-old"), &fixture("talks-new")]);
    let real = stdout(&out);
    // Each run of lines between the `[…]` marks is in the output as is.
    for part in example.split("\n[…]\n\n") {
        assert!(
            real.contains(part),
            "not in the output:\n{part}\n---\n{real}"
        );
    }
    assert!(example.matches("[…]").count() <= 2);
}

// ---------------------------------------------------------------------------
// `brief build --since`: a change page beside each briefing.

#[test]
fn a_build_since_a_revision_writes_change_pages() {
    let repo = repository();
    let root = repo.path();
    // A brief new since the commit.
    fs::copy(
        common::root().join(fixture("kinds-old")),
        root.join("briefs/kinds.yaml"),
    )
    .unwrap();
    let build = |args: &[&str]| {
        let mut all = vec!["build", "briefs", "--out", "site", "-f", "md,html"];
        all.extend_from_slice(args);
        run_in_repo(root, &all)
    };
    let out = build(&["--since", "HEAD"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = fs::read_to_string(root.join("site/story.changes.md")).unwrap();
    // The same comparison as `brief diff` between the two versions.
    let expected = run_in_repo(
        root,
        &["diff", "git:HEAD:briefs/story.yaml", "briefs/story.yaml"],
    );
    let body = |s: &str| s.split_once("## Summary").unwrap().1.to_owned();
    assert_eq!(body(&page), body(&stdout(&expected)));
    assert!(page.contains("**Old:** HEAD:story.yaml,"), "{page}");
    assert!(root.join("site/story.changes.html").exists());
    let new = fs::read_to_string(root.join("site/kinds.changes.md")).unwrap();
    assert!(new.contains("**Old:** (none in HEAD)"), "{new}");
    assert!(new.contains("- Added figure: Territorial control of Northern strait by Aldera"));
    assert!(!new.contains("Removed"), "{new}");
    // Up to date the second time; the revision moving renders again.
    let again = build(&["--since", "HEAD"]);
    assert!(
        stderr(&again).contains("0 rendered, 2 up to date"),
        "{}",
        stderr(&again)
    );
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "second"]);
    let moved = build(&["--since", "HEAD"]);
    assert!(stderr(&moved).contains("2 rendered"), "{}", stderr(&moved));
    let page = fs::read_to_string(root.join("site/story.changes.md")).unwrap();
    assert!(page.contains("No changes."), "{page}");
    // Without --since, the change pages are the build's to remove.
    let plain = build(&[]);
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    assert!(!root.join("site/story.changes.md").exists());
}

#[test]
fn a_build_since_a_bad_revision_or_a_broken_version_fails_clearly() {
    let repo = repository();
    let root = repo.path();
    let out = run_in_repo(
        root,
        &["build", "briefs", "--out", "site", "--since", "nope"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("`nope` is not a revision of this repository"),
        "{}",
        stderr(&out)
    );
    assert!(!root.join("site").exists());
    let story = root.join("briefs/story.yaml");
    fs::copy(
        common::root().join("tests/fixtures/invalid/unknown-reference.yaml"),
        &story,
    )
    .unwrap();
    git(root, &["commit", "-qam", "broken"]);
    fs::copy(common::root().join(fixture("talks-new")), &story).unwrap();
    let out = run_in_repo(
        root,
        &["build", "briefs", "--out", "site", "--since", "HEAD"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("cannot write its change page: its version in `HEAD` has 1 error; `brief diff git:HEAD:PATH PATH` shows it"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------
// Hostile text stays text.

#[test]
fn names_and_text_are_escaped_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.yaml");
    let new = dir.path().join("new.yaml");
    let brief = |name: &str| {
        format!(
            "id: x\ntitle: T\nissues:\n  - id: i\n    name: '{name}'\nkey_points:\n  - text: '{name} rose'\n"
        )
    };
    fs::write(&old, brief("plain")).unwrap();
    fs::write(
        &new,
        brief("<script>alert(1)</script> | **bold** [link](x)"),
    )
    .unwrap();
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let html = stdout(&run(&["diff", old, new, "-f", "html"]));
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    let md = stdout(&run(&["diff", old, new]));
    assert!(md.contains(r"\*\*bold\*\* \[link\](x)"), "{md}");
    assert!(md.contains(r"\| "), "{md}");
    assert!(!md.contains("<script>"), "{md}");
}

#[test]
fn an_agreement_whose_status_changes_is_a_status_change() {
    let d = compare("kinds-old", "kinds-new");
    let truce = find(
        &d,
        "agreement",
        "changed",
        "A halt to patrols in the strait",
    );
    assert_eq!(truce.significance.name(), "status");
    assert_eq!(
        field(truce, "status"),
        (
            Some("proposed".to_string()),
            Some("agreed in principle".to_string()),
            None
        )
    );
    assert_eq!(
        field(truce, "hedge").0.as_deref(),
        Some("possible"),
        "a hedge is compared as stated"
    );
    assert_eq!(
        field(truce, "rejected_by").1.as_deref(),
        Some("Ivo Brandt doubts")
    );
}

/// On Unix a backslash is part of a file's name: `git:REV:x\y.yaml` names
/// that file, not `x/y.yaml`.
#[cfg(unix)]
#[test]
fn a_git_path_is_passed_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("x")).unwrap();
    fs::write(root.join("x\\y.yaml"), "id: x\ntitle: With a backslash\n").unwrap();
    fs::write(root.join("x/y.yaml"), "id: x\ntitle: In a directory\n").unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "first"]);
    let out = run_in_repo(root, &["diff", "git:HEAD:x\\y.yaml", "x/y.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.contains("With a backslash"), "{md}");
}
