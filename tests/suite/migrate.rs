//! `brief migrate`: a format 1 brief rewritten as format 2 with its
//! comments and layout kept, checked clean, idempotent; `--check`; bad
//! input left untouched.

use std::fs;

use crate::common::{brief, path_str, stderr, stdout, tempdir, write};

const OLD: &str = "\
# A brief in format 1, with comments to keep.
id: old-one   # its id
title: \"An old brief\"
published: {stated: Tuesday, value: 2031-05-13}
events:
  - id: talks
    kind: talks
    title: Talks
    status: held
    # when the talks were held
    date:
      stated: February 12
      value: 2025-02-12
      basis: published on 14 February 2025
  - id: call
    kind: phone-call
    title: Call
    status: held
    date:
      value: 2025-02-13
      stated: Thursday
      inferred: [day]
      basis: the day after the talks
";

const NEW: &str = "\
# A brief in format 1, with comments to keep.
id: old-one   # its id
format: 2
title: \"An old brief\"
published: {inferred: [year, month, day], stated: Tuesday, value: 2031-05-13}
events:
  - id: talks
    kind: talks
    title: Talks
    status: held
    # when the talks were held
    date:
      inferred: [year]
      stated: February 12
      value: 2025-02-12
      basis: published on 14 February 2025
  - id: call
    kind: phone-call
    title: Call
    status: held
    date:
      value: 2025-02-13
      stated: Thursday
      inferred: [year, month, day]
      basis: the day after the talks
";

#[test]
fn a_format_1_brief_is_rewritten_in_place_with_its_comments() {
    let dir = tempdir();
    let file = dir.path().join("old.yaml");
    write(&file, OLD);
    let out = brief().args(["migrate", path_str(&file)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&file).unwrap(), NEW);
    let note = stderr(&out);
    assert!(note.contains("added `format: 2`"), "{note}");
    assert!(note.contains("line 12: `inferred` lists year"), "{note}");
    // The result checks with no error or warning.
    let check = brief()
        .args(["check", "--deny-warnings", path_str(&file)])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    // A second run changes nothing, byte for byte.
    let again = brief().args(["migrate", path_str(&file)]).output().unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(fs::read_to_string(&file).unwrap(), NEW);
    assert!(stderr(&again).contains("already in format 2"));
}

#[test]
fn check_says_whether_a_migration_is_needed_and_writes_nothing() {
    let dir = tempdir();
    let file = dir.path().join("old.yaml");
    write(&file, OLD);
    let out = brief()
        .args(["migrate", "--check", path_str(&file)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("needs migrating to format 2"));
    assert_eq!(fs::read_to_string(&file).unwrap(), OLD);
    write(&file, NEW);
    let out = brief()
        .args(["migrate", "--check", path_str(&file)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn output_goes_elsewhere_or_to_stdout_leaving_the_input() {
    let dir = tempdir();
    let file = dir.path().join("old.yaml");
    let other = dir.path().join("new.yaml");
    write(&file, OLD);
    let out = brief()
        .args(["migrate", path_str(&file), "-o", path_str(&other)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&file).unwrap(), OLD);
    assert_eq!(fs::read_to_string(&other).unwrap(), NEW);
    let out = brief()
        .args(["migrate", path_str(&file), "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(stdout(&out), NEW);
}

#[test]
fn a_brief_with_errors_is_reported_and_left_untouched() {
    let dir = tempdir();
    let file = dir.path().join("bad.yaml");
    let bad = OLD.replace("status: held\n    # when", "status: hold\n    # when");
    write(&file, &bad);
    let out = brief().args(["migrate", path_str(&file)]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("bad.yaml:9:13"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(fs::read_to_string(&file).unwrap(), bad);
    // A layout it cannot edit: an `inferred` written as a block list.
    let block = OLD.replace("inferred: [day]", "inferred:\n        - day");
    write(&file, &block);
    let out = brief().args(["migrate", path_str(&file)]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("20:7"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&file).unwrap(), block);
}

#[test]
fn a_newer_format_is_refused() {
    let dir = tempdir();
    let file = dir.path().join("new.yaml");
    let newer = NEW.replace("format: 2", "format: 3");
    write(&file, &newer);
    let out = brief().args(["migrate", path_str(&file)]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unsupported-format") || stderr(&out).contains("E0090"));
    assert_eq!(fs::read_to_string(&file).unwrap(), newer);
}

#[test]
fn the_shipped_briefs_and_the_starter_migrate_to_briefs_that_check() {
    let dir = tempdir();
    // The sources' texts some briefs are grounded in, beside them.
    let texts = dir.path().join("sources");
    fs::create_dir(&texts).unwrap();
    for t in fs::read_dir(crate::common::root().join("briefs/sources")).unwrap() {
        let t = t.unwrap().path();
        fs::copy(&t, texts.join(t.file_name().unwrap())).unwrap();
    }
    let mut sources: Vec<(String, String)> = crate::common::shipped_briefs()
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    sources.push(("starter.yaml".into(), ::brief::STARTER.to_string()));
    for (name, text) in sources {
        if text.contains("\nimports:") {
            continue;
        }
        let file = dir.path().join(&name);
        write(&file, &text);
        let out = brief().args(["migrate", path_str(&file)]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        let migrated = fs::read_to_string(&file).unwrap();
        let current = brief()
            .args(["migrate", "--check", path_str(&file)])
            .output()
            .unwrap();
        assert_eq!(current.status.code(), Some(0), "{name}: {migrated}");
        // Every line of the original is still there: only lines are added
        // or dates' lists changed.
        for line in text.lines().filter(|l| l.trim_start().starts_with('#')) {
            assert!(migrated.contains(line), "{name} lost the comment {line:?}");
        }
        let check = brief().args(["check", path_str(&file)]).output().unwrap();
        assert_eq!(check.status.code(), Some(0), "{name}: {}", stderr(&check));
    }
}

#[test]
fn diff_notes_a_change_of_format() {
    let dir = tempdir();
    let old = dir.path().join("old.yaml");
    let new = dir.path().join("new.yaml");
    write(&old, OLD);
    write(&new, NEW);
    let out = brief()
        .args(["diff", path_str(&old), path_str(&new)])
        .output()
        .unwrap();
    let md = stdout(&out);
    assert!(md.contains("Format"), "{md}");
}
