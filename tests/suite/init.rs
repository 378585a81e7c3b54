//! `brief init`: the starter brief it writes checks clean through the real
//! binary, shows every part of the format, is plainly fictional, matches
//! the editors' JSON Schema, and never replaces an existing file.

use serde_json::Value;
use std::fs;

use crate::common::{entries, run_in, stderr, stdout, tempdir};

/// The starter as plain data, the way an editor's YAML extension reads it.
fn starter_data() -> Value {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    serde_saphyr::from_str_with_options(brief::STARTER, options).expect("the starter is YAML")
}

fn items<'a>(data: &'a Value, list: &str) -> &'a Vec<Value> {
    data[list]
        .as_array()
        .unwrap_or_else(|| panic!("the starter has no `{list}` list"))
}

/// Whether any item of `list` matches.
fn any(data: &Value, list: &str, test: impl Fn(&Value) -> bool) -> bool {
    items(data, list).iter().any(test)
}

#[test]
fn init_writes_a_starter_that_checks_with_no_errors_or_warnings() {
    let dir = tempdir();
    let o = run_in(dir.path(), &["init"]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "wrote `brief.yaml`: a fictional starter brief; replace its facts with your story's\n\
         check it with `brief check brief.yaml`\n\
         for completion in your editor: `brief schema > brief.schema.json`\n"
    );
    assert_eq!(
        entries(dir.path()),
        ["brief.yaml"],
        "a temporary file was left behind"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("brief.yaml")).unwrap(),
        brief::STARTER
    );

    let o = run_in(dir.path(), &["check", "--deny-warnings", "brief.yaml"]);
    assert_eq!(stderr(&o), "checked 1 brief: 0 errors, 0 warnings\n");
    assert_eq!(o.status.code(), Some(0));
    // Nothing at all in the machine-readable form either.
    let o = run_in(
        dir.path(),
        &["check", "--message-format", "json", "brief.yaml"],
    );
    assert_eq!((stderr(&o).as_str(), o.status.code()), ("", Some(0)));

    // It renders, marked as fictional in every output.
    for format in ["md", "html"] {
        let o = run_in(
            dir.path(),
            &["render", "--deny-warnings", "-f", format, "brief.yaml"],
        );
        assert_eq!(
            o.status.code(),
            Some(0),
            "render -f {format}: {}",
            stderr(&o)
        );
        assert!(
            stdout(&o).contains("Fictional exercise scenario."),
            "render -f {format} is not labelled fictional"
        );
    }
}

#[test]
fn init_writes_to_the_path_given_or_to_stdout() {
    let dir = tempdir();
    fs::create_dir(dir.path().join("stories")).unwrap();
    let o = run_in(dir.path(), &["init", "stories/talks.yaml"]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(
        stderr(&o).contains("`brief schema > stories/brief.schema.json`"),
        "the schema goes beside the brief: {}",
        stderr(&o)
    );
    let written = fs::read_to_string(dir.path().join("stories/talks.yaml")).unwrap();
    // The starter, its header naming the file it was written to.
    assert_eq!(
        written
            .replace("check stories/talks.yaml ", "check brief.yaml ")
            .replace("render stories/talks.yaml ", "render brief.yaml "),
        brief::STARTER
    );

    let o = run_in(dir.path(), &["init", "-"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), brief::STARTER);
    assert_eq!(stderr(&o), "");
    assert_eq!(entries(dir.path()), ["stories"], "`init -` wrote a file");
}

#[test]
fn init_refuses_to_overwrite_and_leaves_the_file_untouched() {
    let dir = tempdir();
    let path = dir.path().join("brief.yaml");
    fs::write(&path, "id: mine\n").unwrap();
    for args in [&["init"][..], &["init", "brief.yaml"][..]] {
        let o = run_in(dir.path(), args);
        assert_eq!(o.status.code(), Some(1), "exit code of {args:?}");
        assert_eq!(stdout(&o), "");
        assert_eq!(
            stderr(&o),
            "error: `brief.yaml` already exists; nothing was written\n  \
             = help: pick another path, or pass --force to overwrite it\n"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "id: mine\n");
        assert_eq!(entries(dir.path()), ["brief.yaml"]);
    }

    let o = run_in(dir.path(), &["init", "--force"]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert_eq!(fs::read_to_string(&path).unwrap(), brief::STARTER);
    assert_eq!(entries(dir.path()), ["brief.yaml"]);
}

#[cfg(unix)]
#[test]
fn init_does_not_write_through_a_dangling_symlink() {
    let dir = tempdir();
    std::os::unix::fs::symlink("elsewhere.yaml", dir.path().join("brief.yaml")).unwrap();
    let o = run_in(dir.path(), &["init"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already exists"), "{}", stderr(&o));
    assert_eq!(entries(dir.path()), ["brief.yaml"]);
}

#[test]
fn init_reports_a_folder_it_cannot_make() {
    let dir = tempdir();
    fs::write(dir.path().join("missing"), "a file, not a folder").unwrap();
    let o = run_in(dir.path(), &["init", "missing/brief.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.starts_with("error: cannot make the folder `missing`: "),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(entries(dir.path()), ["missing"]);
}

#[test]
fn the_starter_names_the_schema_and_says_how_to_get_it() {
    let mut lines = brief::STARTER.lines();
    assert_eq!(
        lines.next(),
        Some("# yaml-language-server: $schema=brief.schema.json")
    );
    let second = lines.next().unwrap();
    assert!(
        second.starts_with("# ") && second.contains("`brief schema > brief.schema.json`"),
        "line 2 should say how to create the schema: {second:?}"
    );
}

#[test]
fn the_starter_is_plainly_fictional() {
    let data = starter_data();
    assert_eq!(data["fictional"], Value::Bool(true));
    assert!(data["title"].as_str().unwrap().contains("(fictional)"));
    assert!(
        brief::STARTER.contains("INVENTED"),
        "the opening comment should say the story is invented"
    );
    // Its links go nowhere real.
    for url in items(&data, "sources")
        .iter()
        .filter_map(|s| s["url"].as_str())
    {
        assert!(url.starts_with("https://example.org/"), "{url}");
    }
}

#[test]
fn the_starter_shows_every_part_of_the_format() {
    let data = starter_data();
    for key in [
        "id",
        "title",
        "dateline",
        "published",
        "as_of",
        "background",
        "outlook",
    ] {
        assert!(data.get(key).is_some(), "no `{key}`");
    }
    for list in [
        "key_points",
        "sources",
        "actors",
        "places",
        "issues",
        "events",
        "statements",
        "figures",
        "judgments",
        "gaps",
    ] {
        assert!(!items(&data, list).is_empty(), "`{list}` is empty");
    }
    assert!(
        any(&data, "actors", |a| a["roles"][0]["title"].is_string()),
        "an actor with a role"
    );
    assert!(
        any(&data, "actors", |a| a["members"].is_array()),
        "a group's members"
    );
    assert!(
        any(&data, "places", |p| p["part_of"].is_string()),
        "a place within another"
    );
    let meeting = |status: &'static str| {
        move |e: &Value| {
            e["status"] == status
                && ["phone-call", "meeting", "talks", "summit", "visit"]
                    .contains(&e["kind"].as_str().unwrap_or_default())
        }
    };
    assert!(any(&data, "events", meeting("held")), "a held meeting");
    assert!(
        any(&data, "events", meeting("scheduled")),
        "a scheduled meeting"
    );
    assert!(
        any(&data, "events", |e| e["follows"].is_array()),
        "an event that follows another"
    );
    assert!(
        any(&data, "statements", |s| s["kind"] == "quote"
            && s["via"].is_array()),
        "a quote with `via`"
    );
    for kind in ["claim", "conditions", "position"] {
        assert!(any(&data, "statements", |s| s["kind"] == kind), "a {kind}");
    }
    assert!(
        any(&data, "statements", |s| s["aligns_with"].is_array()),
        "aligns_with"
    );
    assert!(
        any(&data, "statements", |s| s["rejected_by"].is_array()),
        "rejected_by"
    );
    for field in ["qualifier", "applies_to", "as_of", "controller", "measure"] {
        assert!(
            any(&data, "figures", |f| !f[field].is_null()),
            "a figure with `{field}`"
        );
    }
    assert!(
        any(&data, "judgments", |j| j["likelihood"].is_string()
            && j["confidence"].is_string()),
        "a judgment with likelihood and confidence"
    );
    assert!(
        any(&data, "gaps", |g| g["about"].is_array()),
        "a gap about items"
    );
    // A date the source states only in part, with the rest inferred.
    assert!(
        any(&data, "events", |e| {
            let date = &e["date"];
            date["inferred"].is_array() && date["stated"].is_string() && date["basis"].is_string()
        }),
        "a partial date with inferred parts"
    );
}

#[test]
fn the_starter_matches_the_json_schema() {
    let schema: Value = serde_json::from_str(&brief::json_schema()).unwrap();
    let validator = jsonschema::draft7::new(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&starter_data())
        .map(|e| format!("{e} at `{}`", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "the schema refuses the starter:\n{}",
        errors.join("\n")
    );
}

#[test]
fn init_makes_the_folders_of_its_path_and_its_header_names_the_file() {
    let dir = tempdir();
    let o = run_in(dir.path(), &["init", "stories/2031/talks.yaml"]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let text = fs::read_to_string(dir.path().join("stories/2031/talks.yaml")).unwrap();
    assert!(
        text.contains("#   brief check stories/2031/talks.yaml ")
            && text.contains("#   brief render stories/2031/talks.yaml "),
        "{}",
        &text[..800]
    );
    assert!(!text.contains("brief check brief.yaml"));
    let o = run_in(
        dir.path(),
        &["check", "--deny-warnings", "stories/2031/talks.yaml"],
    );
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
}
