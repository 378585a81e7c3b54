//! `brief build`, end to end through the binary: mirroring, the index
//! pages, bad briefs, incremental builds, `--check`, front matter.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::common::{self, files_under, path_str, run, seed, stderr};

/// A source tree: the shipped briefs in two folders, shared data that is
/// not a brief, and a hidden file.
fn source_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    fs::create_dir_all(src.join("europe")).unwrap();
    fs::create_dir_all(src.join("exercises")).unwrap();
    fs::create_dir_all(src.join("_shared")).unwrap();
    let read = |n: &str| fs::read_to_string(common::root().join("briefs").join(n)).unwrap();
    fs::write(
        src.join("europe/us-russia-talks.yaml"),
        read("us-russia-talks.yaml"),
    )
    .unwrap();
    fs::write(
        src.join("europe/un-crimea-resolution-2014.yml"),
        read("un-crimea-resolution-2014.yaml"),
    )
    .unwrap();
    fs::write(
        src.join("exercises/northern-strait.yaml"),
        read("exercise-northern-strait.yaml"),
    )
    .unwrap();
    fs::write(src.join("_shared/actors.yaml"), "not: a brief\n").unwrap();
    fs::write(src.join(".hidden.yaml"), "not: a brief\n").unwrap();
    dir
}

/// Every file under `dir` outside hidden folders and not hidden itself,
/// relative path → content.
fn files(dir: &Path) -> BTreeMap<String, String> {
    files_under(dir)
        .into_iter()
        .filter(|rel| {
            !rel.components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        })
        .map(|rel| {
            let text = fs::read_to_string(dir.join(&rel)).unwrap();
            (rel.to_str().unwrap().to_owned(), text)
        })
        .collect()
}

#[test]
fn a_tree_of_briefs_is_mirrored_with_an_index() {
    let src = source_tree();
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "build",
        path_str(src.path()),
        "--out",
        path_str(out.path()),
        "-f",
        "md,html",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!(
            "built 3 briefs into `{}`: 3 rendered, 0 up to date; 8 files written, 0 removed\n",
            out.path().display()
        )
    );
    let built = files(out.path());
    let names: Vec<&str> = built.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "europe/un-crimea-resolution-2014.html",
            "europe/un-crimea-resolution-2014.md",
            "europe/us-russia-talks.html",
            "europe/us-russia-talks.md",
            "exercises/northern-strait.html",
            "exercises/northern-strait.md",
            "index.html",
            "index.md",
        ]
    );
    // The same rendering as `brief render`.
    let single = common::render_file(
        &common::root().join("briefs/us-russia-talks.yaml"),
        brief::Format::Markdown,
        false,
    );
    assert_eq!(built["europe/us-russia-talks.md"], single);
    let single = common::render_file(
        &common::root().join("briefs/us-russia-talks.yaml"),
        brief::Format::Html,
        false,
    );
    assert_eq!(built["europe/us-russia-talks.html"], single);
    // The index: newest first (2032, 2014, then the undated seed).
    let index = &built["index.md"];
    let pos = |needle: &str| {
        index
            .find(needle)
            .unwrap_or_else(|| panic!("{needle}:\n{index}"))
    };
    assert!(pos("(exercises/northern-strait.md)") < pos("(europe/un-crimea-resolution-2014.md)"));
    assert!(pos("(europe/un-crimea-resolution-2014.md)") < pos("(europe/us-russia-talks.md)"));
    // Actors across briefs: the Russian Federation appears in two.
    assert!(
        index.contains("- **Russian Federation**: [UN General Assembly adopts resolution 68/262 on the territorial integrity of Ukraine](europe/un-crimea-resolution-2014.md); [Russian and U.S. diplomats set to meet at the end of the week](europe/us-russia-talks.md)"),
        "{index}"
    );
    assert!(built["index.html"].contains("<a href=\"europe/us-russia-talks.html\">"));
}

#[test]
fn output_is_the_same_whatever_the_number_of_threads() {
    let src = source_tree();
    let one = tempfile::tempdir().unwrap();
    let many = tempfile::tempdir().unwrap();
    for (out, jobs) in [(&one, "1"), (&many, "8")] {
        let o = run(&[
            "build",
            path_str(src.path()),
            "--out",
            path_str(out.path()),
            "-f",
            "html,md",
            "-j",
            jobs,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    assert_eq!(files(one.path()), files(many.path()));
}

#[test]
fn a_bad_brief_is_reported_and_the_rest_are_built() {
    let src = source_tree();
    let out = tempfile::tempdir().unwrap();
    let o = run(&["build", path_str(src.path()), "--out", path_str(out.path())]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = fs::read_to_string(out.path().join("europe/us-russia-talks.md")).unwrap();
    // Break the seed: an unknown actor.
    let bad = seed().replacen("by: ryabkov", "by: ryabkof", 1);
    fs::write(src.path().join("europe/us-russia-talks.yaml"), bad).unwrap();
    fs::write(src.path().join("new.yaml"), "id: new\ntitle: New\n").unwrap();
    let o = run(&["build", path_str(src.path()), "--out", path_str(out.path())]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let label = src.path().join("europe/us-russia-talks.yaml");
    assert!(
        err.contains("error[E0015]: no actor has the id `ryabkof`")
            && err.contains(&format!("--> {}:", label.display())),
        "{err}"
    );
    assert!(
        err.ends_with("error: 1 brief could not be rendered\n"),
        "{err}"
    );
    assert!(
        out.path().join("new.md").is_file(),
        "the other briefs are built"
    );
    assert_eq!(
        fs::read_to_string(out.path().join("europe/us-russia-talks.md")).unwrap(),
        before,
        "the bad brief's previous output is left as it was"
    );
}

#[test]
fn an_unchanged_brief_is_not_rendered_again() {
    let src = source_tree();
    let out = tempfile::tempdir().unwrap();
    let build = |extra: &[&str]| {
        let mut a = vec!["build", path_str(src.path()), "--out", path_str(out.path())];
        a.extend_from_slice(extra);
        let o = run(&a);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stderr(&o)
    };
    build(&[]);
    assert!(build(&[]).contains(": 0 rendered, 3 up to date; 0 files written"));
    // One brief changes.
    let seed_path = src.path().join("europe/us-russia-talks.yaml");
    fs::write(&seed_path, seed().replace("nearly 20%", "almost 20%")).unwrap();
    let again = build(&[]);
    assert!(
        again.contains(": 1 rendered, 2 up to date; 1 file written"),
        "{again}"
    );
    // The index pages: rendered again when edited by hand, or when what
    // they show changes.
    let index = out.path().join("index.md");
    fs::write(&index, "edited").unwrap();
    assert!(build(&[]).contains(": 0 rendered, 3 up to date; 1 file written"));
    assert_ne!(fs::read_to_string(&index).unwrap(), "edited");
    let retitled = seed().replace("nearly 20%", "almost 20%").replace(
        "title: Russian and U.S. diplomats set to meet at the end of the week",
        "title: Diplomats to meet",
    );
    fs::write(&seed_path, retitled).unwrap();
    assert!(build(&[]).contains(": 1 rendered, 2 up to date; 2 files written"));
    assert!(
        fs::read_to_string(&index)
            .unwrap()
            .contains("Diplomats to meet")
    );
    // An output edited by hand is rendered again.
    let md = out.path().join("exercises/northern-strait.md");
    fs::write(&md, "edited").unwrap();
    assert!(build(&[]).contains(": 1 rendered, 2 up to date; 1 file written"));
    assert_ne!(fs::read_to_string(&md).unwrap(), "edited");
    // Other templates: everything again.
    let templates = tempfile::tempdir().unwrap();
    fs::write(templates.path().join("style.css"), "body{}").unwrap();
    assert!(
        build(&["--templates", path_str(templates.path())]).contains(": 3 rendered, 0 up to date")
    );
    // A deleted brief's output goes with it.
    fs::remove_file(&seed_path).unwrap();
    assert!(build(&["--templates", path_str(templates.path())]).contains("1 removed"));
    assert!(!out.path().join("europe/us-russia-talks.md").exists());
}

/// Sets a file's modification time.
fn set_modified(path: &Path, when: std::time::SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

#[test]
fn a_brief_edited_after_a_build_is_rendered_again_even_with_its_old_time_put_back() {
    use std::time::{Duration, SystemTime};
    let src = source_tree();
    let out = tempfile::tempdir().unwrap();
    let build = |extra: &[&str]| {
        let mut a = vec!["build", path_str(src.path()), "--out", path_str(out.path())];
        a.extend_from_slice(extra);
        let o = run(&a);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stderr(&o)
    };
    let seed_path = src.path().join("europe/us-russia-talks.yaml");
    let md = out.path().join("europe/us-russia-talks.md");
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    set_modified(&seed_path, an_hour_ago);
    // Sources changed well before a build are trusted by their stamps
    // (size, times, and on Unix the inode) without being read.
    std::thread::sleep(Duration::from_millis(3200));
    build(&[]);
    assert!(build(&[]).contains(": 0 rendered, 3 up to date"));
    // An edit of the same size that puts the old modification time back:
    // the inode's change time (Unix) or the time of the edit, just before
    // the build, still shows it.
    let same_size = seed().replace("nearly 20%", "NEARLY 20%");
    assert_eq!(same_size.len(), seed().len());
    fs::write(&seed_path, &same_size).unwrap();
    set_modified(&seed_path, an_hour_ago);
    let again = build(&[]);
    assert!(again.contains(": 1 rendered, 2 up to date"), "{again}");
    assert!(fs::read_to_string(&md).unwrap().contains("NEARLY"));
    // And once more, right after that build.
    fs::write(&seed_path, seed()).unwrap();
    set_modified(&seed_path, an_hour_ago);
    let again = build(&[]);
    assert!(again.contains(": 1 rendered, 2 up to date"), "{again}");
    assert!(!fs::read_to_string(&md).unwrap().contains("NEARLY"));
    assert!(build(&["--force"]).contains(": 3 rendered, 0 up to date"));
}

#[test]
fn check_mode_lists_what_is_out_of_date_and_writes_nothing() {
    let src = source_tree();
    let out = tempfile::tempdir().unwrap();
    let check = || {
        run(&[
            "build",
            path_str(src.path()),
            "--out",
            path_str(out.path()),
            "--check",
        ])
    };
    // Nothing built yet: everything missing, and nothing written.
    let o = check();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!(
        "missing: {}",
        out.path().join("index.md").display()
    )));
    assert!(files(out.path()).is_empty());
    assert!(!out.path().join(".brief-build.json").exists());

    let o = run(&["build", path_str(src.path()), "--out", path_str(out.path())]);
    assert_eq!(o.status.code(), Some(0));
    let o = check();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        format!("`{}` is up to date with 3 briefs\n", out.path().display())
    );

    // A committed briefing edited by hand, one removed, one extra file.
    let md = out.path().join("europe/us-russia-talks.md");
    let good = fs::read_to_string(&md).unwrap();
    fs::write(
        &md,
        good.replace(
            "| Russia | Ukraine | nearly 20%",
            "| Russia | Ukraine | 20%",
        ),
    )
    .unwrap();
    fs::remove_file(out.path().join("index.md")).unwrap();
    fs::write(out.path().join("notes.md"), "mine").unwrap();
    let before = files(out.path());
    let o = check();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&format!("stale: {}\n--- europe/us-russia-talks.md (on disk)\n+++ europe/us-russia-talks.md (from the sources)\n", md.display())), "{err}");
    assert!(
        err.contains("\n-| Russia | Ukraine | 20%[^1], key point 2 |"),
        "{err}"
    );
    assert!(
        err.contains("\n+| Russia | Ukraine | nearly 20%[^1], key point 2 |"),
        "{err}"
    );
    assert!(err.contains(&format!(
        "missing: {}\n",
        out.path().join("index.md").display()
    )));
    assert!(err.contains(&format!(
        "extra: {}\n",
        out.path().join("notes.md").display()
    )));
    assert!(
        err.ends_with("is not up to date: 1 stale, 1 missing, 1 extra\n\nhelp: run the same command without --check, and remove the extra files by hand: a build removes only what it wrote\n"),
        "{err}"
    );
    assert_eq!(files(out.path()), before, "check writes nothing");
}

#[test]
fn the_source_directory_cannot_be_the_output_directory() {
    let src = source_tree();
    let before = files(src.path());
    let other_spelling = src.path().join("europe").join("..");
    for out in [src.path(), other_spelling.as_path()] {
        let o = run(&["build", path_str(src.path()), "--out", path_str(out)]);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        assert!(
            err.contains("is both the source and the output directory"),
            "{err}"
        );
        assert_eq!(files(src.path()), before, "nothing may be written");
        let hidden: Vec<_> = fs::read_dir(src.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".brief"))
            .collect();
        assert!(hidden.is_empty(), "{hidden:?}");
    }
}

#[test]
fn an_up_to_date_brief_whose_output_now_clashes_leaves_the_index() {
    let src = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    fs::write(src.path().join("a.yml"), "id: second\ntitle: Second\n").unwrap();
    let o = run(&["build", path_str(src.path()), "--out", path_str(out.path())]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // `a.yaml` comes first and takes `a.md`; `a.yml`, up to date, now
    // clashes with it and fails.
    fs::write(src.path().join("a.yaml"), "id: first\ntitle: First\n").unwrap();
    // With two workers, `a.yml` is usually found up to date before
    // `a.yaml` has written `a.md`: the case to get right.
    for _ in 0..2 {
        let o = run(&[
            "build",
            path_str(src.path()),
            "--out",
            path_str(out.path()),
            "-j",
            "2",
        ]);
        assert_eq!(o.status.code(), Some(1));
        assert!(
            stderr(&o).contains("would overwrite that of `a.yaml`"),
            "{}",
            stderr(&o)
        );
        let index = fs::read_to_string(out.path().join("index.md")).unwrap();
        assert!(index.contains("First"), "{index}");
        assert!(!index.contains("Second"), "{index}");
    }
}

#[test]
fn clashing_output_names_are_refused() {
    let src = tempfile::tempdir().unwrap();
    fs::write(src.path().join("a.yaml"), "id: a\ntitle: A\n").unwrap();
    fs::write(src.path().join("a.yml"), "id: a2\ntitle: A2\n").unwrap();
    fs::write(src.path().join("index.yaml"), "id: i\ntitle: I\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = run(&["build", path_str(src.path()), "--out", path_str(out.path())]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("a.yml`: its output `a.md` would overwrite that of `a.yaml`; rename one"),
        "{err}"
    );
    assert!(
        err.contains(
            "index.yaml`: its output `index.md` would overwrite that of the index page; rename one"
        ),
        "{err}"
    );
    assert!(
        fs::read_to_string(out.path().join("a.md"))
            .unwrap()
            .starts_with("# A\n")
    );
}

#[test]
fn front_matter_for_static_sites() {
    let o = run(&[
        "render",
        "briefs/un-crimea-resolution-2014.yaml",
        "--front-matter",
        "yaml",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(
        md.starts_with("---\ntitle: \"UN General Assembly adopts resolution 68/262 on the territorial integrity of Ukraine\"\ndate: 2014-03-27\ndescription: \"On 27 March 2014 the UN General Assembly adopted resolution 68/262, \\\"Territorial integrity of Ukraine\\\", by a recorded vote"),
        "{md}"
    );
    assert!(md.contains("tags:\n  - \"UN General Assembly\"\n"), "{md}");
    assert!(md.contains("---\n\n# UN General Assembly adopts"), "{md}");

    // The seed's publication date is not stated: no date, rather than a
    // made-up one.
    let o = run(&[
        "render",
        "briefs/us-russia-talks.yaml",
        "--front-matter",
        "toml",
    ]);
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.starts_with("+++\ntitle = \"Russian and U.S. diplomats set to meet at the end of the week\"\ndescription = "), "{md}");
    assert!(
        md.contains("\n[taxonomies]\ntags = [\"Sergei Ryabkov\", "),
        "{md}"
    );
    assert!(md.contains("+++\n\n# Russian and U.S."), "{md}");

    let o = run(&[
        "render",
        "briefs/us-russia-talks.yaml",
        "--front-matter",
        "toml",
        "-f",
        "html",
    ]);
    assert_eq!(o.status.code(), Some(2));

    let src = source_tree();
    let out = tempfile::tempdir().unwrap();
    let o = run(&[
        "build",
        path_str(src.path()),
        "--out",
        path_str(out.path()),
        "-f",
        "md,html",
        "--front-matter",
        "yaml",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let built = files(out.path());
    assert!(built["europe/us-russia-talks.md"].starts_with("---\ntitle: "));
    assert!(built["europe/us-russia-talks.html"].starts_with("<!DOCTYPE html>"));
}

/// Front matter parses back, with a real TOML and a real YAML parser, to
/// the brief's title, date (only an exact stated day), description and
/// tags, whatever characters the values hold.
#[test]
fn front_matter_parses_back_with_toml_and_yaml_parsers() {
    let tricky = "id: tricky\ntitle: 'Quotes \" and \\ backslash, a # hash, a: colon and ''single'' ones'\npublished: 2025-02-18\nkey_points:\n  - text: \"Line one. +++ and --- inside; \\\\n stays \\\"quoted\\\"\"\nactors:\n  - id: a\n    name: \"O'Brien [the \\\"elder\\\"]\"\n    kind: person\nstatements:\n  - id: s\n    kind: position\n    by: a\n    text: Something.\n";
    let dir = tempfile::tempdir().unwrap();
    let tricky_path = dir.path().join("tricky.yaml");
    fs::write(&tricky_path, tricky).unwrap();
    let mut briefs: Vec<std::path::PathBuf> = common::shipped_briefs();
    briefs.push(tricky_path);
    for path in briefs {
        let checked = brief::check_file(&path, None, &brief::Limits::default()).unwrap();
        let model = checked.model.as_ref().expect("the brief is valid");
        let view = brief::resolve::resolve(model);
        for lang in ["toml", "yaml"] {
            let o = run(&["render", path_str(&path), "--front-matter", lang]);
            assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            let md = String::from_utf8(o.stdout).unwrap();
            let fence = if lang == "toml" { "+++\n" } else { "---\n" };
            let body = md.strip_prefix(fence).expect("front matter first");
            let end = body.find(&format!("\n{fence}")).expect("closing fence");
            let block = &body[..end + 1];
            let value: serde_json::Value = if lang == "toml" {
                let t: toml::Table =
                    toml::from_str(block).unwrap_or_else(|e| panic!("{e}\n{block}"));
                serde_json::to_value(t).unwrap()
            } else {
                serde_saphyr::from_str(block).unwrap_or_else(|e| panic!("{e}\n{block}"))
            };
            let name = path.display();
            assert_eq!(value["title"], view.brief.title.as_str(), "{name} {lang}");
            let description = view.key_points.first().map(|k| k.text.as_str());
            assert_eq!(value["description"].as_str(), description, "{name} {lang}");
            let tags = if lang == "toml" {
                &value["taxonomies"]["tags"]
            } else {
                &value["tags"]
            };
            let names: Vec<&str> = view.actors.iter().map(|a| a.name.as_str()).collect();
            let tags: Vec<&str> = tags
                .as_array()
                .map(|t| t.iter().map(|v| v.as_str().unwrap()).collect())
                .unwrap_or_default();
            assert_eq!(tags, names, "{name} {lang}");
            // A date only when the brief states the exact day.
            let date = value.get("date").map(|d| {
                d.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| d.to_string())
            });
            match path.file_stem().unwrap().to_str().unwrap() {
                "tricky" => assert!(date.unwrap().contains("2025-02-18"), "{name}"),
                "un-crimea-resolution-2014" => assert!(date.unwrap().contains("2014-03-27")),
                "us-russia-talks" => assert_eq!(date, None, "the seed's date is not stated"),
                _ => {}
            }
        }
    }
}

#[test]
fn build_pdf_without_a_browser_says_what_to_install_and_keeps_the_pages() {
    let out = common::tempdir();
    let o = common::brief()
        .env("PATH", "")
        .env_remove(brief::pdf::BROWSER_VAR)
        .args([
            "build",
            "briefs",
            "--out",
            path_str(out.path()),
            "-f",
            "pdf",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("no Chromium or Chrome found"), "{err}");
    assert!(err.contains("apt-get install chromium"), "{err}");
    // The HTML pages the PDFs would be printed from are built.
    assert!(out.path().join("us-russia-talks.html").is_file());
    assert!(
        !files_under(out.path())
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "pdf")),
        "a PDF without a browser"
    );
}

#[test]
fn build_check_with_pdf_lists_missing_and_stale_pdfs_and_owns_the_rest() {
    let out = common::tempdir();
    let o = run(&[
        "build",
        "briefs",
        "--out",
        path_str(out.path()),
        "-f",
        "html",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let check = || {
        run(&[
            "build",
            "briefs",
            "--out",
            path_str(out.path()),
            "-f",
            "pdf",
            "--check",
        ])
    };
    let briefs = common::yaml_files("briefs");
    let o = check();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for brief in &briefs {
        let stem = brief.file_stem().unwrap().to_str().unwrap();
        let pdf = out.path().join(format!("{stem}.pdf"));
        assert!(
            err.contains(&format!("missing: {}\n", pdf.display())),
            "{err}"
        );
    }
    assert!(
        err.contains(&format!("not up to date: {} missing", briefs.len())),
        "{err}"
    );
    assert!(!err.contains("index.pdf"), "{err}");
    // PDFs newer than their pages are the build's own, not extra files.
    std::thread::sleep(std::time::Duration::from_millis(20));
    for brief in &briefs {
        let stem = brief.file_stem().unwrap().to_str().unwrap();
        fs::write(out.path().join(format!("{stem}.pdf")), "%PDF-").unwrap();
    }
    let o = check();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // A page written after its PDF makes the PDF stale.
    let page = out.path().join("us-russia-talks.html");
    let text = fs::read(&page).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&page, text).unwrap();
    let o = check();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("us-russia-talks.pdf is older than us-russia-talks.html"),
        "{}",
        stderr(&o)
    );
}
