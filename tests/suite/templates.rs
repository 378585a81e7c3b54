//! Template customization, end to end through the `brief` binary: user
//! template directories, block overrides, named templates, export, the
//! flash note, JSON context output, and template errors with their exact
//! location text.

use std::fs;
use std::path::Path;

use crate::common::{self, SEED, path_str, run, stderr, stdout, tempdir, write};

/// A template directory holding the given files.
fn template_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempdir();
    for (name, content) in files {
        write(&dir.path().join(name), content);
    }
    dir
}

/// Renders the seed brief with extra arguments; asserts success.
fn render_ok(args: &[&str]) -> String {
    let mut all = vec!["render", SEED];
    all.extend_from_slice(args);
    let out = run(&all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

/// Renders the seed brief with extra arguments; asserts failure with exit
/// 1 and nothing on standard output, and returns standard error.
fn render_err(args: &[&str]) -> String {
    let mut all = vec!["render", SEED];
    all.extend_from_slice(args);
    let out = run(&all);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stdout(&out), "", "nothing is rendered");
    stderr(&out)
}

#[test]
fn a_child_template_overrides_one_block_and_keeps_the_rest() {
    let dir = template_dir(&[(
        "house.md",
        "{% extends \"brief.md\" %}\n{% block footer %}\n---\nPrepared by the analysis desk.\n{% endblock footer %}\n",
    )]);
    let builtin = render_ok(&[]);
    let house = render_ok(&["--templates", path_str(dir.path()), "--template", "house"]);
    assert_eq!(
        house,
        format!("{builtin}\n---\nPrepared by the analysis desk.\n"),
        "the footer is added and nothing else changes"
    );
}

#[test]
fn a_replaced_built_in_can_reuse_the_original_through_the_builtin_prefix() {
    let dir = template_dir(&[(
        "brief.html",
        "{% extends \"builtin/brief.html\" %}{% block style %}<link rel=\"stylesheet\" href=\"house.css\">{% endblock style %}{% block gaps %}{% endblock gaps %}",
    )]);
    let builtin = render_ok(&["-f", "html"]);
    let house = render_ok(&["-f", "html", "--templates", path_str(dir.path())]);
    assert!(builtin.contains("<style>") && builtin.contains("<h2>Gaps</h2>"));
    assert!(house.contains("<link rel=\"stylesheet\" href=\"house.css\">"));
    assert!(!house.contains("<style>"), "the style block is replaced");
    assert!(
        !house.contains("<h2>Gaps</h2>"),
        "the gaps block is emptied"
    );
    assert!(house.contains("<h2>Key points</h2>"), "other blocks stay");
}

#[test]
fn a_whole_built_in_can_be_replaced() {
    let dir = template_dir(&[("brief.md", "Only {{ brief.title }}\n")]);
    let out = render_ok(&["--templates", path_str(dir.path())]);
    assert_eq!(
        out,
        "Only Russian and U.S. diplomats set to meet at the end of the week\n"
    );
}

#[test]
fn a_replaced_part_is_used_by_the_built_in_pages() {
    let dir = template_dir(&[("style.css", "body { color: teal; }")]);
    let out = render_ok(&["-f", "html", "--templates", path_str(dir.path())]);
    assert!(
        out.contains("<style>\nbody { color: teal; }\n</style>"),
        "{out}"
    );
}

#[test]
fn a_new_named_template_is_available_with_its_own_format() {
    let dir = template_dir(&[
        (
            "wiki/one-line.html",
            "<p>{{ brief.title }}: {% for k in key_points %}{{ k.text }}{{ k.cites | cite }} {% endfor %}</p>",
        ),
        ("wiki/one-line.md", "{{ brief.title }}"),
    ]);
    let html = render_ok(&[
        "--templates",
        path_str(dir.path()),
        "-t",
        "wiki/one-line.html",
    ]);
    assert!(html.starts_with("<p>Russian and U.S. diplomats"), "{html}");
    assert!(html.contains("<sup class=\"cite\"><a href=\"#source-1\""));
    let md = render_ok(&["--templates", path_str(dir.path()), "-t", "wiki/one-line"]);
    assert_eq!(
        md,
        "Russian and U.S. diplomats set to meet at the end of the week\n"
    );
}

#[test]
fn user_templates_escape_values_like_the_built_ins() {
    let dir = template_dir(&[
        ("raw.md", "{{ brief.title }}|{{ key_points[0].text }}"),
        ("raw.html", "{{ brief.title }}"),
    ]);
    let yaml = "id: x\ntitle: \"<b>|*x*\"\nkey_points:\n  - text: \"# [a](javascript:1)\"\n";
    let src = tempfile::NamedTempFile::new().unwrap();
    fs::write(src.path(), yaml).unwrap();
    let md = run(&[
        "render",
        path_str(src.path()),
        "--templates",
        path_str(dir.path()),
        "-t",
        "raw",
    ]);
    assert_eq!(stdout(&md), "\\<b\\>\\|\\*x\\*|\\# \\[a\\](javascript:1)\n");
    let html = run(&[
        "render",
        path_str(src.path()),
        "--templates",
        path_str(dir.path()),
        "-t",
        "raw.html",
    ]);
    assert_eq!(stdout(&html), "&lt;b&gt;|*x*\n");
}

#[test]
fn exported_templates_render_byte_identical_output() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("house");
    let out = run(&["templates", "export", path_str(&export)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (name, _) in brief::render::BUILTINS {
        assert!(export.join(name).is_file(), "{name} is exported");
    }
    for brief_file in common::shipped_briefs() {
        for template in ["brief.md", "brief.html", "flash.md", "flash.html"] {
            let args = |extra: &[&str]| {
                let mut a = vec!["render", path_str(&brief_file), "-t", template];
                a.extend_from_slice(extra);
                stdout(&run(&a))
            };
            let builtin = args(&[]);
            assert!(!builtin.is_empty());
            assert_eq!(
                builtin,
                args(&["--templates", path_str(&export)]),
                "{template} of {}",
                brief_file.display()
            );
        }
    }
}

#[test]
fn exported_templates_render_byte_identical_diff_and_index_pages() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("house");
    let out = run(&["templates", "export", path_str(&export)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (old, new) = (
        "tests/fixtures/diff/talks-old.yaml",
        "tests/fixtures/diff/talks-new.yaml",
    );
    for format in ["md", "html"] {
        let diff = |extra: &[&str]| {
            let mut a = vec!["diff", old, new, "-f", format];
            a.extend_from_slice(extra);
            stdout(&run(&a))
        };
        let builtin = diff(&[]);
        assert!(!builtin.is_empty());
        assert_eq!(
            builtin,
            diff(&["--templates", path_str(&export)]),
            "diff.{format}"
        );
    }
    let build = |out: &Path, extra: &[&str]| {
        let mut a = vec!["build", "briefs", "--out", path_str(out), "-f", "md,html"];
        a.extend_from_slice(extra);
        let o = run(&a);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    };
    let (builtin, exported) = (dir.path().join("builtin"), dir.path().join("exported"));
    build(&builtin, &[]);
    build(&exported, &["--templates", path_str(&export)]);
    for page in ["index.md", "index.html"] {
        assert_eq!(
            fs::read_to_string(builtin.join(page)).unwrap(),
            fs::read_to_string(exported.join(page)).unwrap(),
            "{page}"
        );
    }
}

#[test]
fn a_replaced_layout_changes_every_html_page() {
    let layout = brief::render::BUILTINS
        .iter()
        .find(|(n, _)| *n == "layout.html")
        .expect("a built-in layout")
        .1
        .replace("<body>", "<body class=\"house\">");
    let dir = template_dir(&[("layout.html", &layout)]);
    for template in ["brief.html", "flash.html"] {
        let out = run(&[
            "render",
            SEED,
            "-t",
            template,
            "--templates",
            path_str(dir.path()),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(
            stdout(&out).contains("<body class=\"house\">"),
            "{template}"
        );
    }
    let out = run(&["render", SEED, "-t", "layout.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "error: the template `layout.html` is part of the HTML pages; it cannot render a single brief\n"
    );
}

#[test]
fn export_refuses_to_overwrite_unless_forced() {
    let dir = template_dir(&[("brief.md", "mine")]);
    let out = run(&["templates", "export", path_str(dir.path())]);
    assert_eq!(out.status.code(), Some(1));
    let expected = format!(
        "error: `{}` already exists; nothing was written\n  = help: pass --force to overwrite\n",
        dir.path().join("brief.md").display()
    );
    assert_eq!(stderr(&out), expected);
    assert_eq!(
        fs::read_to_string(dir.path().join("brief.md")).unwrap(),
        "mine"
    );
    assert!(!dir.path().join("flash.md").exists(), "nothing was written");

    let out = run(&["templates", "export", path_str(dir.path()), "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(dir.path().join("brief.md")).unwrap(),
        brief::render::BUILTINS[0].1
    );
}

#[test]
fn templates_list_shows_built_in_overridden_and_new_templates() {
    let dir = template_dir(&[("brief.md", "x"), ("house.html", "y"), ("notes.bin", "z")]);
    let out = run(&["templates", "list", "--templates", path_str(dir.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d = dir.path().display();
    let expected = format!(
        "NAME            RENDERS   SOURCE
brief.html      html      built-in
brief.md        markdown  {d}/brief.md (replaces the built-in)
diff.html       html      built-in
diff.md         markdown  built-in
fictional.html  html      built-in
flash.html      html      built-in
flash.md        markdown  built-in
house.html      html      {d}/house.html
index.html      html      built-in
index.md        markdown  built-in
layout.html     html      built-in
style.css       part      built-in
"
    );
    assert_eq!(stdout(&out), expected);
}

#[test]
fn the_flash_note_keeps_qualifiers_dates_and_sources() {
    let md = render_ok(&["--template", "flash"]);
    assert!(
        md.starts_with("# Flash: Russian and U.S. diplomats"),
        "{md}"
    );
    for section in [
        "## Key points",
        "## Latest",
        "## Next",
        "## Figures",
        "## Sources",
    ] {
        assert!(md.contains(section), "{section} missing:\n{md}");
    }
    // The seed's key point presents the figure: it is shown there, once.
    assert!(
        md.contains("nearly 20%, held by Russia, Ukraine"),
        "qualifier kept"
    );
    assert!(!md.contains(" 20%") || md.matches(" 20%").count() == md.matches("nearly 20%").count());
    assert!(md.contains("over 99% of Luhansk region"), "qualifier kept");
    assert!(
        md.contains("18 February 2025 (year inferred)"),
        "inferred year shown as inferred"
    );
    assert!(
        md.contains("(scheduled)"),
        "the upcoming meeting is marked scheduled"
    );
    let html = render_ok(&["--template", "flash.html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("nearly 20%, held by Russia"));
    assert!(html.contains("<span class=\"figure bound-above\">over 99%</span>"));
    assert!(html.contains("<li id=\"source-1\">"));
    let fragment = render_ok(&["--template", "flash.html", "--fragment"]);
    assert!(
        fragment.starts_with("<article class=\"brief flash\""),
        "{fragment}"
    );
}

#[test]
fn json_output_is_the_template_context() {
    let out = render_ok(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    // serde_json without preserve_order sorts keys; check the text order.
    assert!(keys.contains(&"fragment") && keys.contains(&"brief") && keys.contains(&"latest"));
    assert_eq!(v["fragment"], false);
    assert_eq!(v["figures"]["territory"][0]["display"], "nearly 20%");
    let first = out.find("\"brief\"").unwrap();
    let last = out.find("\"fragment\"").unwrap();
    assert!(first < out.find("\"key_points\"").unwrap() && last > first);
    assert_eq!(out, render_ok(&["--format", "json"]), "deterministic");
}

#[test]
fn conflicting_format_and_template_is_a_usage_error() {
    let out = run(&["render", SEED, "-t", "flash.html", "-f", "md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: the template `flash.html` renders html, but --format asks for md\n\nhelp: drop --format, or name the template without its extension\n"
    );
    let out = run(&["render", SEED, "-t", "flash", "-f", "json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_unknown_template_name_suggests_the_closest() {
    let err = render_err(&["--template", "flsh"]);
    assert_eq!(
        err,
        "error: no Markdown template named `flsh.md`\n  = help: did you mean `flash.md`?\n  = note: Markdown templates: brief.md, flash.md\n"
    );
}

/// One template error: the files, the arguments, and the exact message
/// (with `DIR` standing for the template directory).
fn assert_template_error(files: &[(&str, &str)], args: &[&str], expected: &str) {
    let dir = template_dir(files);
    let out_file = dir.path().join("out.md");
    let mut all = vec![
        "--templates",
        path_str(dir.path()),
        "-o",
        path_str(&out_file),
    ];
    all.extend_from_slice(args);
    let err = render_err(&all);
    assert_eq!(err, expected.replace("DIR", path_str(dir.path())));
    assert!(!out_file.exists(), "no output file is written");
}

#[test]
fn a_syntax_error_points_at_the_template_line() {
    assert_template_error(
        &[("brief.md", "# {{ brief.title }}\n{{ brief.title + }}\n")],
        &[],
        "error: Found `}}` but expected one of: integer, float, string, bool, ident, `-`, `not`, `<`, `{`, `[` or `(`
 --> DIR/brief.md:2:18
  |
2 | {{ brief.title + }}
  |                  ^^
",
    );
}

#[test]
fn an_unknown_variable_is_refused_before_rendering() {
    assert_template_error(
        &[("brief.md", "# {{ brief.title }}\n{% if sorces %}x{% endif %}\n")],
        &[],
        "error: unknown variable `sorces` in a template
 --> DIR/brief.md:2:7
  |
2 | {% if sorces %}x{% endif %}
  |       ^^^^^^
  = help: did you mean `sources`?
  = note: docs/templates.md lists the variables templates can use; `brief render --format json` shows them for a brief
",
    );
}

#[test]
fn a_misspelled_field_in_a_condition_is_an_error_not_a_blank() {
    assert_template_error(
        &[(
            "house.md",
            "{% extends \"brief.md\" %}\n{% block footer %}{% if brief.datelin %}x{% endif %}{% endblock footer %}\n",
        )],
        &["-t", "house"],
        "error: unknown field `datelin` in a template
 --> DIR/house.md:2:31
  |
2 | {% block footer %}{% if brief.datelin %}x{% endif %}{% endblock footer %}
  |                               ^^^^^^^
  = help: did you mean `dateline`?
  = note: docs/templates.md lists the fields templates can use; `brief render --format json` shows them for a brief
",
    );
}

#[test]
fn an_unknown_filter_names_the_helpers() {
    assert_template_error(
        &[("brief.md", "{{ brief.title | shout }}\n")],
        &[],
        "error: Unknown filter `shout`
 --> DIR/brief.md:1:18
  |
1 | {{ brief.title | shout }}
  |                  ^^^^^
  = note: brief's helpers are actor, cite, colon, date, escape_md, evidence, figure, markdown; Tera's built-in filters are also available
",
    );
}

#[test]
fn a_missing_parent_is_pointed_at_with_a_suggestion() {
    assert_template_error(
        &[("house.md", "{% extends \"brif.md\" %}\n")],
        &["-t", "house"],
        "error: `DIR/house.md` extends `brif.md`, which is not a template
 --> DIR/house.md:1:13
  |
1 | {% extends \"brif.md\" %}
  |             ^^^^^^^
  = help: did you mean `brief.md`?
",
    );
}

#[test]
fn an_error_in_an_included_template_shows_where_it_was_included() {
    assert_template_error(
        &[
            ("brief.md", "Intro\n{% include \"parts/point.md\" %}\n"),
            ("parts/point.md", "x\n{{ key_points[0].text | figure }}\n"),
        ],
        &[],
        "error: the `figure` filter expects a figure (with `display`), but got string
 --> DIR/parts/point.md:2:25
  |
2 | {{ key_points[0].text | figure }}
  |                         ^^^^^^

note: called from DIR/brief.md:2:12
  |
2 | {% include \"parts/point.md\" %}
  |            ^^^^^^^^^^^^^^^^
error: could not render `briefs/us-russia-talks.yaml` due to a template error
",
    );
}

#[test]
fn an_error_in_a_child_block_lists_the_extends_chain() {
    assert_template_error(
        &[
            ("house.md", "{% extends \"desk.md\" %}\n{% block footer %}\n{{ brief.published | cite }}{% endblock footer %}\n"),
            ("desk.md", "{% extends \"brief.md\" %}"),
        ],
        &["-t", "house"],
        "error: the `cite` filter expects a source (with `n`) or a list of them, but got map/struct
 --> DIR/house.md:3:22
  |
3 | {{ brief.published | cite }}{% endblock footer %}
  |                      ^^^^
  = note: while rendering `DIR/house.md`, which extends `DIR/desk.md`, which extends `builtin/brief.md`
error: could not render `briefs/us-russia-talks.yaml` due to a template error
",
    );
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_template_directory_is_refused() {
    let dir = template_dir(&[]);
    let outside = tempfile::NamedTempFile::new().unwrap();
    fs::write(outside.path(), "{{ brief.title }}").unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("brief.md")).unwrap();
    let err = render_err(&["--templates", path_str(dir.path())]);
    assert_eq!(
        err,
        format!(
            "error: `{}` links outside the template directory; templates may only come from the directory itself\n",
            dir.path().join("brief.md").display()
        )
    );
}

#[test]
fn a_missing_template_directory_is_reported() {
    let err = render_err(&["--templates", "no/such/dir"]);
    assert!(
        err.starts_with("error: cannot read the template directory `no/such/dir`: "),
        "{err}"
    );
}

#[test]
fn every_built_in_template_renders_every_shipped_brief() {
    for file in common::shipped_briefs() {
        for t in ["brief", "flash"] {
            for f in ["md", "html"] {
                let out = run(&["render", path_str(&file), "-t", t, "-f", f]);
                assert_eq!(out.status.code(), Some(0), "{t}.{f} {}", stderr(&out));
                assert!(!stdout(&out).is_empty());
            }
        }
    }
}

#[test]
fn a_misspelled_helper_argument_is_an_error() {
    assert_template_error(
        &[(
            "brief.md",
            "{{ brief.published | date(mising=\"unknown\") }}\n",
        )],
        &[],
        "error: the `date` filter has no argument `mising`; it takes only `missing`
 --> DIR/brief.md:1:22
  |
1 | {{ brief.published | date(mising=\"unknown\") }}
  |                      ^^^^^^^^^^^^^^^^^^^^^^
error: could not render `briefs/us-russia-talks.yaml` due to a template error
",
    );
}
