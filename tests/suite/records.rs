//! The build record and a build stopped half-way: every path the record
//! names stays inside SRC or OUT (anything else is ignored, with a
//! warning), a FIFO it names is never opened, outputs are recorded before
//! they are written so that a build that stopped leaves nothing the next
//! one does not know of, and temporary files left behind are removed.
//! (`.ci/kill-test.sh` kills real builds at random moments.)

use std::fs;
use std::path::Path;
use std::process::Output;

use crate::common::special::{limited, mkfifo, opens_fifo};
use crate::common::{brief_in, files_under, path_str, seed, stderr};

/// `brief build . --out OUT -f md ARGS`, run in `src`.
fn build(src: &Path, out: &Path, extra: &[&str]) -> Output {
    brief_in(src)
        .args(["build", ".", "--out"])
        .arg(out)
        .args(["-f", "md"])
        .args(extra)
        .output()
        .expect("brief runs")
}

/// SRC with the briefs `names` (copies of the seed), and an OUT beside it.
fn dirs(names: &[&str]) -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let src = root.path().join("src");
    let out = root.path().join("out");
    fs::create_dir(&src).unwrap();
    for name in names {
        fs::write(src.join(name), seed()).unwrap();
    }
    (root, src, out)
}

/// Adds `import` to the imports the record lists for every brief.
fn doctor_imports(out: &Path, import: &str) {
    let path = out.join(".brief-build.json");
    let mut record: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    for brief in record["briefs"].as_object_mut().unwrap().values_mut() {
        brief["imports"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!([import, 0]));
    }
    fs::write(&path, record.to_string()).unwrap();
}

#[test]
fn a_fifo_the_record_names_as_an_import_is_never_opened() {
    let (root, src, out) = dirs(&["a.yaml"]);
    let o = build(&src, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Inside SRC: read as a file, so refused as not one.
    let inside = src.join("fifo.txt");
    mkfifo(&inside);
    doctor_imports(&out, "fifo.txt");
    let (o, opened) = opens_fifo(&inside, || build(&src, &out, &[]));
    assert!(!opened, "the FIFO in SRC was opened");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Outside SRC, by `..` or by an absolute path: not even looked at.
    let outside = root.path().join("fifo.yaml");
    mkfifo(&outside);
    for name in ["../fifo.yaml".to_string(), outside.display().to_string()] {
        let o = build(&src, &out, &[]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        doctor_imports(&out, &name);
        let (o, opened) = opens_fifo(&outside, || build(&src, &out, &[]));
        assert!(!opened, "the FIFO outside SRC was opened through `{name}`");
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let err = stderr(&o);
        assert!(
            err.contains("warning") && err.contains("outside the source directory"),
            "{name}: {err}"
        );
    }
}

#[test]
fn outputs_of_a_build_that_stopped_are_removed_with_their_brief() {
    let (_root, src, out) = dirs(&["a.yaml", "z.yaml"]);
    // `z.md` cannot be written (a directory is in its place): the build
    // stops after `a.md` is written, before its record is.
    fs::create_dir_all(out.join("z.md")).unwrap();
    let o = build(&src, &out, &["-j", "1"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(out.join("a.md").is_file());
    fs::remove_dir(out.join("z.md")).unwrap();
    fs::remove_file(src.join("a.yaml")).unwrap();
    let o = build(&src, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        !out.join("a.md").exists(),
        "the output of a deleted brief stayed"
    );
    let o = build(&src, &out, &["--check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn temporary_files_left_behind_are_removed() {
    let (_root, src, out) = dirs(&["a.yaml"]);
    fs::create_dir_all(out.join("sub")).unwrap();
    for name in [
        ".brief-AbC123.tmp",
        "sub/.brief-x1y2z3.tmp",
        ".brief-notes.txt",
    ] {
        fs::write(out.join(name), "half").unwrap();
    }
    let o = build(&src, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut left: Vec<String> = files_under(&out)
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [".brief-build.json", ".brief-notes.txt", "a.md", "index.md"]
    );
}

#[test]
fn an_output_that_is_not_a_file_is_neither_read_nor_replaced() {
    let (_root, src, out) = dirs(&["a.yaml"]);
    fs::create_dir_all(&out).unwrap();
    // A link to a device that never ends, and a FIFO no one writes.
    std::os::unix::fs::symlink("/dev/zero", out.join("a.md")).unwrap();
    let o = limited(
        &src,
        1024,
        None,
        &["build", ".", "--out", path_str(&out), "-f", "md"],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    assert!(out.join("a.md").symlink_metadata().unwrap().is_symlink());
    fs::remove_file(out.join("a.md")).unwrap();
    mkfifo(&out.join("a.md"));
    let (o, opened) = opens_fifo(&out.join("a.md"), || build(&src, &out, &[]));
    assert!(!opened, "the FIFO was opened");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("a FIFO, not a regular file"),
        "{}",
        stderr(&o)
    );
    let (o, opened) = opens_fifo(&out.join("a.md"), || build(&src, &out, &["--check"]));
    assert!(!opened, "the FIFO was opened by --check");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[test]
fn the_record_is_written_in_out_never_through_a_link() {
    let (root, src, out) = dirs(&["a.yaml"]);
    fs::create_dir_all(&out).unwrap();
    let outside = root.path().join("outside.json");
    fs::write(&outside, "keep me").unwrap();
    std::os::unix::fs::symlink(&outside, out.join(".brief-build.json")).unwrap();
    let o = build(&src, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&outside).unwrap(), "keep me");
    assert!(
        out.join(".brief-build.json")
            .symlink_metadata()
            .unwrap()
            .is_file()
    );
}

#[test]
fn check_advice_for_extra_files_is_what_fixes_them() {
    let (_root, src, out) = dirs(&["a.yaml"]);
    let o = build(&src, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A file no build wrote: a build leaves it, so the advice cannot be
    // to build again.
    fs::write(out.join("notes.md"), "mine").unwrap();
    let o = build(&src, &out, &["--check"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).ends_with(
            "help: remove the extra files by hand: a build removes only what it wrote\n"
        ),
        "{}",
        stderr(&o)
    );
    let o = build(&src, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        out.join("notes.md").exists(),
        "a build removed a file it did not write"
    );
}

#[test]
fn check_calls_what_a_build_would_remove_obsolete() {
    let (_root, src, out) = dirs(&["a.yaml", "b.yaml"]);
    let o = build(&src, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The brief is gone: a build removes its briefing, so the advice is
    // to build again, not to remove it by hand.
    fs::remove_file(src.join("b.yaml")).unwrap();
    let o = build(&src, &out, &["--check"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("obsolete: {}\n", out.join("b.md").display())),
        "{err}"
    );
    assert!(
        err.ends_with(
            "is not up to date: 1 stale, 1 obsolete\n\nhelp: run the same command without --check\n"
        ),
        "{err}"
    );
    let o = build(&src, &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!out.join("b.md").exists());
    let o = build(&src, &out, &["--check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
