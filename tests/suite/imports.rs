//! Imports: shared registries of actors, sources, places and issues. Ids
//! from imports resolve like local ones, only what a brief uses is shown,
//! a redefinition points at both files, imports cannot leave their root,
//! and `brief build` notices a changed import.

use std::fs;

use crate::common::{self, brief_in, stderr, stdout, write};

const REGISTRY: &str = "\
sources:
  - id: tass
    name: TASS
    kind: agency-report
  - id: isw
    name: Institute for the Study of War
    kind: report
actors:
  - id: russia
    name: Russia
    kind: state
  - id: putin
    name: Vladimir Putin
    kind: person
    roles:
      - title: President
        of: russia
  - id: nato
    name: NATO
    kind: organisation
";

fn story(imports: &str) -> String {
    format!(
        "id: story\ntitle: A story\nimports:\n{imports}statements:\n  - id: s1\n    kind: claim\n    by: putin\n    text: Russia is ready for talks.\n    sources: [tass]\n"
    )
}

#[test]
fn imported_ids_resolve_and_only_what_is_used_is_shown() {
    let out = brief_in(common::root())
        .args(["render", "tests/fixtures/valid/imports.yaml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let md = stdout(&out);
    // Used directly, or through a used actor's role.
    for wanted in [
        "Vladimir Putin",
        "| Russia | state |",
        "Riyadh",
        "[^2]: **TASS**",
    ] {
        assert!(md.contains(wanted), "{wanted:?} missing from:\n{md}");
    }
    // The brief's own sources come first.
    assert!(md.contains("[^1]: **Local report**"), "{md}");
    // In the registry, but not used by the brief.
    for unwanted in [
        "NATO",
        "Institute for the Study of War",
        "Donetsk",
        "NATO membership",
    ] {
        assert!(!md.contains(unwanted), "{unwanted:?} shown in:\n{md}");
    }
}

#[test]
fn a_redefinition_is_an_error_pointing_at_both_files() {
    let out = brief_in(common::root())
        .args(["check", "tests/fixtures/invalid/duplicate-id-import.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "\
error[E0014]: the id `putin` is already used
  --> tests/fixtures/imports/registry.yaml:15:9
   |
15 |   - id: putin
   |         ^^^^^ used again here
   |
  ::: tests/fixtures/invalid/duplicate-id-import.yaml:6:9
   |
 6 |   - id: putin
   |         ----- first used here, for an actor
   |
   = help: an id is defined once, in the brief or in one file it imports; remove one of the two

error: checked 1 brief: 1 error, 0 warnings
"
    );
    // In JSON, each place names its own file.
    let out = brief_in(common::root())
        .args([
            "check",
            "--message-format",
            "json",
            "tests/fixtures/invalid/duplicate-id-import.yaml",
        ])
        .output()
        .unwrap();
    let first = stderr(&out);
    let d: serde_json::Value = serde_json::from_str(first.lines().next().unwrap()).unwrap();
    assert_eq!(d["file"], "tests/fixtures/imports/registry.yaml");
    assert_eq!(d["line"], 15);
    assert_eq!(
        d["related"][0]["file"],
        "tests/fixtures/invalid/duplicate-id-import.yaml"
    );
    assert_eq!(d["related"][0]["line"], 6);
}

#[test]
fn two_registries_with_the_same_id_conflict() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("_a.yaml"), REGISTRY);
    write(
        &dir.path().join("_b.yaml"),
        "actors:\n  - id: putin\n    name: V. Putin\n    kind: person\n",
    );
    write(
        &dir.path().join("story.yaml"),
        &story("  - _a.yaml\n  - _b.yaml\n"),
    );
    let out = brief_in(dir.path())
        .args(["check", "story.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("--> _b.yaml:2:9"), "{err}");
    assert!(err.contains("::: _a.yaml:12:9"), "{err}");
}

#[test]
fn a_file_imported_twice_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("shared/common.yaml"), REGISTRY);
    write(
        &dir.path().join("shared/left.yaml"),
        "imports: [common.yaml]\nissues:\n  - id: left\n    name: Left\n",
    );
    write(
        &dir.path().join("shared/right.yaml"),
        "imports: [./common.yaml, left.yaml]\n",
    );
    write(
        &dir.path().join("story.yaml"),
        &story("  - shared/left.yaml\n  - shared/right.yaml\n  - shared/../shared/common.yaml\n"),
    );
    let out = brief_in(dir.path())
        .args(["check", "story.yaml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn imports_cannot_leave_the_root() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("outside/registry.yaml"), REGISTRY);
    write(
        &root.join("briefs/story.yaml"),
        &story("  - ../outside/registry.yaml\n"),
    );
    // Run from inside `briefs/`: the root is the current directory.
    let out = brief_in(&root.join("briefs"))
        .args(["check", "story.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("error[E0026]: `../outside/registry.yaml` is outside `.`"),
        "{err}"
    );
    assert!(err.contains(" --> story.yaml:4:5"), "{err}");
    // A wider root lets it in.
    let out = brief_in(&root.join("briefs"))
        .args(["check", "story.yaml", "--import-root", ".."])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_cannot_lead_an_import_out_of_the_root() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("secret/registry.yaml"), REGISTRY);
    fs::create_dir_all(root.join("briefs")).unwrap();
    std::os::unix::fs::symlink(
        root.join("secret/registry.yaml"),
        root.join("briefs/link.yaml"),
    )
    .unwrap();
    write(&root.join("briefs/story.yaml"), &story("  - link.yaml\n"));
    let out = brief_in(&root.join("briefs"))
        .args(["render", "story.yaml", "-o", "story.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("error[E0026]: `link.yaml` is outside `.`"),
        "{}",
        stderr(&out)
    );
    assert!(!root.join("briefs/story.md").exists());
    // A link that stays inside the root is followed.
    fs::remove_file(root.join("briefs/link.yaml")).unwrap();
    write(&root.join("briefs/_shared/registry.yaml"), REGISTRY);
    std::os::unix::fs::symlink("_shared/registry.yaml", root.join("briefs/link.yaml")).unwrap();
    let out = brief_in(&root.join("briefs"))
        .args(["render", "story.yaml", "-o", "story.md"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        fs::read_to_string(root.join("briefs/story.md"))
            .unwrap()
            .contains("Vladimir Putin")
    );
}

#[test]
fn a_brief_on_standard_input_imports_from_the_current_directory() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("_shared/registry.yaml"), REGISTRY);
    let out = brief_in(dir.path())
        .args(["render", "-"])
        .write_stdin(story("  - _shared/registry.yaml\n"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Vladimir Putin (President, Russia)"));
}

#[test]
fn the_library_checks_a_file_with_its_imports() {
    let path = common::root().join("tests/fixtures/valid/imports.yaml");
    let checked = brief::check_file(&path, None, &brief::Limits::default()).unwrap();
    assert!(checked.model.is_some(), "{:?}", checked.diagnostics);
    // The brief, the registry and the places it imports.
    let names: Vec<&str> = checked.files.iter().map(|(name, _)| name).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(
        names[1].ends_with("tests/fixtures/imports/registry.yaml"),
        "{names:?}"
    );
    assert!(
        names[2].ends_with("tests/fixtures/imports/places.yaml"),
        "{names:?}"
    );
    // Given as text, with no file to be relative to, imports are refused.
    let text = fs::read_to_string(&path).unwrap();
    let (model, diagnostics) = brief::check_str(&text, &brief::Limits::default());
    assert!(model.is_none());
    assert_eq!(diagnostics[0].code, "import-not-found");
}

#[test]
fn build_renders_again_the_briefs_whose_imports_changed() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    let out = dir.path().join("out");
    write(&src.join("_shared/registry.yaml"), REGISTRY);
    write(&src.join("a.yaml"), &story("  - _shared/registry.yaml\n"));
    write(
        &src.join("b.yaml"),
        "id: b\ntitle: No imports\nkey_points:\n  - text: Nothing happened.\n",
    );
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "src", "--out", "out"];
        args.extend_from_slice(extra);
        brief_in(dir.path()).args(&args).output().unwrap()
    };
    let first = build(&[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        fs::read_to_string(out.join("a.md"))
            .unwrap()
            .contains("Vladimir Putin")
    );
    // The registry is shared data, not a brief.
    assert!(!out.join("_shared").exists());
    let check = build(&["--check"]);
    assert!(check.status.success(), "{}", stderr(&check));

    // Rename an actor in the registry: only `a` depends on it.
    let renamed = REGISTRY.replace("Vladimir Putin", "Vladimir V. Putin");
    write(&src.join("_shared/registry.yaml"), &renamed);
    let check = build(&["--check"]);
    assert_eq!(check.status.code(), Some(1));
    let err = stderr(&check);
    assert!(err.contains("stale: out/a.md\n"), "{err}");
    assert!(!err.contains("b.md"), "{err}");
    let again = build(&[]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        fs::read_to_string(out.join("a.md"))
            .unwrap()
            .contains("Vladimir V. Putin")
    );
    let check = build(&["--check"]);
    assert!(check.status.success(), "{}", stderr(&check));

    // A conflicting redefinition fails that brief, pointing at both files.
    write(
        &src.join("a.yaml"),
        &format!(
            "{}actors:\n  - id: putin\n    name: Putin\n    kind: person\n",
            story("  - _shared/registry.yaml\n")
        ),
    );
    let broken = build(&[]);
    assert_eq!(broken.status.code(), Some(1));
    let err = stderr(&broken);
    assert!(err.contains("src/_shared/registry.yaml:12:9"), "{err}");
    assert!(err.contains("src/a.yaml:"), "{err}");
}

#[test]
fn build_keeps_imports_inside_the_source_directory() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("registry.yaml"), REGISTRY);
    write(
        &dir.path().join("src/a.yaml"),
        &story("  - ../registry.yaml\n"),
    );
    let out = brief_in(dir.path())
        .args(["build", "src", "--out", "out"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("error[E0026]"), "{}", stderr(&out));
    let out = brief_in(dir.path())
        .args(["build", "src", "--out", "out", "--import-root", "."])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

/// `build --watch` builds again when a brief, an import or a template
/// changes, noticed by file events or, with `--poll`, by polling; its
/// messages start with the time. The child is killed at the end; each
/// wait gives up after a minute, which only a broken watch reaches.
#[test]
fn build_watch_follows_briefs_imports_and_templates() {
    build_watch_follows(false);
}

#[test]
fn build_watch_by_polling_follows_briefs_imports_and_templates() {
    build_watch_follows(true);
}

fn build_watch_follows(poll: bool) {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    let out = dir.path().join("out");
    let templates = dir.path().join("templates");
    write(&src.join("_shared/registry.yaml"), REGISTRY);
    write(&src.join("a.yaml"), &story("  - _shared/registry.yaml\n"));
    fs::create_dir_all(&templates).unwrap();
    /// Stops the watching child however the test ends.
    struct Kill(std::process::Child);
    impl Drop for Kill {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let log = dir.path().join("log.txt");
    let mut args = vec![
        "build",
        "src",
        "--out",
        "out",
        "--templates",
        "templates",
        "--watch",
    ];
    if poll {
        args.push("--poll");
    }
    let _child = Kill(
        std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
            .current_dir(dir.path())
            .args(&args)
            .stdout(std::process::Stdio::null())
            .stderr(fs::File::create(&log).unwrap())
            .spawn()
            .unwrap(),
    );
    let wait_for = |what: &str, test: &dyn Fn(&str) -> bool| {
        let start = Instant::now();
        loop {
            let text = fs::read_to_string(out.join("a.md")).unwrap_or_default();
            if test(&text) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "no rebuild after {what}; a.md is:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    wait_for("the first build", &|t| t.contains("Vladimir Putin"));
    write(
        &src.join("a.yaml"),
        &story("  - _shared/registry.yaml\n").replace("ready for talks", "ready to talk"),
    );
    wait_for("a brief changed", &|t| t.contains("ready to talk"));
    write(
        &src.join("_shared/registry.yaml"),
        &REGISTRY.replace("Vladimir Putin", "Vladimir V. Putin"),
    );
    wait_for("an import changed", &|t| t.contains("Vladimir V. Putin"));
    write(&templates.join("brief.md"), "Custom: {{ brief.title }}\n");
    wait_for("a template was added", &|t| t == "Custom: A story\n");
    let log = fs::read_to_string(&log).unwrap();
    let how = if poll {
        "by polling"
    } else {
        "with file events"
    };
    let watching = format!(" watching `src` for changes {how}; press Ctrl-C to stop");
    let stamped = |line: &str, rest: &str| {
        let b = line.as_bytes();
        line.len() == 10 + rest.len()
            && line.ends_with(rest)
            && b[0] == b'['
            && b[9] == b']'
            && b[3] == b':'
            && b[6] == b':'
            && [1, 2, 4, 5, 7, 8].iter().all(|&i| b[i].is_ascii_digit())
    };
    assert!(log.lines().any(|l| stamped(l, &watching)), "{log}");
    assert!(
        log.lines()
            .any(|l| stamped(l, " change detected; building again")),
        "{log}"
    );
}

#[test]
fn the_default_root_is_the_briefs_directory_not_the_current_one() {
    // A home directory holding a credentials file, and a downloaded brief
    // that imports it, checked from the home directory.
    let home = tempfile::tempdir().unwrap();
    write(
        &home.path().join("credentials.yaml"),
        "aws_secret_access_key: hunter2\n",
    );
    write(
        &home.path().join("Downloads/story.yaml"),
        "id: x\ntitle: T\nimports: [../credentials.yaml]\n",
    );
    let out = brief_in(home.path())
        .args(["check", "Downloads/story.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("error[E0026]: `../credentials.yaml` is outside `Downloads`"),
        "{err}"
    );
    assert!(!err.contains("hunter2"), "{err}");
    // Its own directory is still open to it.
    write(
        &home.path().join("Downloads/_shared/registry.yaml"),
        REGISTRY,
    );
    write(
        &home.path().join("Downloads/story.yaml"),
        &story("  - _shared/registry.yaml\n"),
    );
    let out = brief_in(home.path())
        .args(["check", "Downloads/story.yaml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

/// `SRC/story.yaml` importing `_link/../_shared.yaml`, where `_link` leads
/// to `_real/inner`: the file read is `_real/_shared.yaml`, not the
/// `_shared.yaml` beside the brief that the path reads as.
#[cfg(unix)]
fn linked_import(src: &std::path::Path) {
    write(&src.join("_real/inner/.keep"), "");
    std::os::unix::fs::symlink("_real/inner", src.join("_link")).unwrap();
    write(
        &src.join("_real/_shared.yaml"),
        &REGISTRY.replace("Vladimir Putin", "The Real Putin"),
    );
    write(&src.join("_shared.yaml"), REGISTRY);
    write(
        &src.join("story.yaml"),
        &story("  - _link/../_shared.yaml\n"),
    );
}

#[cfg(unix)]
#[test]
fn an_import_through_a_link_is_named_by_the_file_read() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    linked_import(src);
    // An error in the file read is reported in it, by its real name.
    write(
        &src.join("_real/_shared.yaml"),
        &REGISTRY.replace("kind: state", "kind: stat"),
    );
    let out = brief_in(src)
        .args(["check", "story.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(" --> _real/_shared.yaml:"), "{err}");
}

#[cfg(unix)]
#[test]
fn build_renders_again_when_the_real_file_behind_a_link_changes() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    linked_import(&src);
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "src", "--out", "out"];
        args.extend_from_slice(extra);
        brief_in(dir.path()).args(&args).output().unwrap()
    };
    let first = build(&[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let md = || fs::read_to_string(dir.path().join("out/story.md")).unwrap();
    assert!(md().contains("The Real Putin"), "{}", md());
    let record = fs::read_to_string(dir.path().join("out/.brief-build.json")).unwrap();
    // Recorded by the file read, relative to the source directory.
    assert!(record.contains("\"_real/_shared.yaml\""), "{record}");
    assert!(!record.contains("_link"), "{record}");
    write(
        &src.join("_real/_shared.yaml"),
        &REGISTRY.replace("Vladimir Putin", "The Edited Putin"),
    );
    let check = build(&["--check"]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    let again = build(&[]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(md().contains("The Edited Putin"), "{}", md());
}
