//! Hostile input beyond the brief's text: user templates that try to reach
//! the environment or the file system, build records and output
//! directories that try to lead a build outside its output, a build killed
//! half-way, and template delimiters that static-site generators and
//! mdBook would expand.

use std::fs;
use std::path::Path;
use std::process::Output;

use brief::{Format, Limits, RenderOptions, Renderer};

use crate::common::{self, SEED, brief, files_under, path_str, root, seed};

const SECRET: &str = "s3cr3t-value-that-must-not-leak";

/// Output of a run as text, whatever bytes it holds.
fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

// ---------------------------------------------------------------------------
// Templates see what the renderer passes them, and nothing else.

/// Renders the seed brief with a user template `evil.md` holding
/// `template`, next to a file `secret.txt` and with the secret in the
/// environment.
fn render_with_template(template: &str) -> Output {
    let root = tempfile::tempdir().unwrap();
    fs::write(root.path().join("secret.txt"), SECRET).unwrap();
    let dir = root.path().join("templates");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("evil.md"), template).unwrap();
    brief()
        .env("BRIEF_SECRET", SECRET)
        .args([
            "render",
            SEED,
            "--templates",
            path_str(&dir),
            "--template",
            "evil",
        ])
        .output()
        .expect("brief runs")
}

#[test]
fn a_user_template_renders_what_it_is_given() {
    // The set-up works: a harmless template renders.
    let o =
        render_with_template("{{ brief.title }} {% for i in range(end=3) %}{{ i }}{% endfor %}");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        "Russian and U.S. diplomats set to meet at the end of the week 012\n"
    );
    // The whole context is what `-f json` shows: the brief, nothing more.
    let o = render_with_template("{{ __tera_context }}");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(!text(&o.stdout).contains(SECRET));
}

#[test]
fn user_templates_cannot_read_the_environment_the_clock_or_files() {
    for template in [
        r#"{{ get_env(name="BRIEF_SECRET") }}"#,
        r#"{{ get_env(name="BRIEF_SECRET", default="none") }}"#,
        "{{ now() }}",
        "{{ get_random(end=10) }}",
        r#"{{ load_data(path="../secret.txt") }}"#,
        r#"{{ read_file(path="../secret.txt") }}"#,
        r#"{% include "../secret.txt" %}"#,
        r#"{% include "/etc/passwd" %}"#,
        r#"{% extends "../secret.txt" %}"#,
        r#"{% import "../secret.txt" as secret %}"#,
        "{{ env.BRIEF_SECRET }}",
    ] {
        let o = render_with_template(template);
        let (out, err) = (text(&o.stdout), text(&o.stderr));
        assert_eq!(o.status.code(), Some(1), "{template} rendered:\n{out}{err}");
        assert!(out.is_empty(), "{template}: {out}");
        assert!(!err.contains(SECRET), "{template} leaked the secret: {err}");
        assert!(!err.contains("root:"), "{template} read /etc/passwd: {err}");
        assert!(!err.contains("panicked"), "{template}: {err}");
    }
}

// ---------------------------------------------------------------------------
// A build writes and removes files inside its output directory only.

/// A directory of briefs: `n` copies of the seed brief, in `sub/`.
fn briefs_dir(n: usize) -> tempfile::TempDir {
    let src = tempfile::tempdir().unwrap();
    let seed = seed();
    fs::create_dir(src.path().join("sub")).unwrap();
    for i in 0..n {
        fs::write(src.path().join(format!("sub/brief-{i:03}.yaml")), &seed).unwrap();
    }
    src
}

fn build(src: &Path, out: &Path, extra: &[&str]) -> Output {
    brief()
        .args(["build", path_str(src), "--out", path_str(out)])
        .args(extra)
        .output()
        .expect("brief runs")
}

#[test]
fn a_doctored_build_record_cannot_remove_files_outside_the_output() {
    let src = briefs_dir(1);
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let o = build(src.path(), &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // Files outside OUT that the record now claims as old outputs.
    let victim = root.path().join("victim.md");
    fs::write(&victim, "keep me").unwrap();
    let absolute = tempfile::NamedTempFile::with_suffix(".html").unwrap();
    let record_path = out.join(".brief-build.json");
    let mut record: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&record_path).unwrap()).unwrap();
    // A real output left behind inside OUT too: its removal shows that the
    // doctored record was read, not dropped as unreadable.
    let stale = out.join("gone.md");
    fs::write(&stale, "stale").unwrap();
    record["briefs"]["gone.yaml"] = serde_json::json!({
        "fingerprint": 1,
        "source": null,
        "outputs": ["../victim.md", path_str(absolute.path())],
        "stamps": [],
        "imports": [],
        "entry": null,
    });
    record["briefs"]["gone-too.yaml"] = serde_json::json!({
        "fingerprint": 1,
        "source": null,
        "outputs": ["gone.md"],
        "stamps": [],
        "imports": [],
        "entry": null,
    });
    fs::write(&record_path, record.to_string()).unwrap();
    let o = build(src.path(), &out, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(!stale.exists(), "the doctored record was not read");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(absolute.path().exists(), "a file outside OUT was removed");
}

#[cfg(unix)]
#[test]
fn a_build_does_not_write_through_a_link_out_of_the_output() {
    let src = briefs_dir(1);
    // A brief one directory deeper: its output directory would be made
    // through the link, so not even a directory may be created there.
    fs::create_dir(src.path().join("sub/deeper")).unwrap();
    fs::copy(
        src.path().join("sub/brief-000.yaml"),
        src.path().join("sub/deeper/brief.yaml"),
    )
    .unwrap();
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let elsewhere = root.path().join("elsewhere");
    fs::create_dir_all(&out).unwrap();
    fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("sub")).unwrap();
    let o = build(src.path(), &out, &[]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("leads outside the output directory through a symbolic link"),
        "{err}"
    );
    assert_eq!(
        fs::read_dir(&elsewhere).unwrap().count(),
        0,
        "wrote outside OUT"
    );
}

#[test]
fn a_build_inside_its_source_leaves_the_briefs_untouched() {
    let src = briefs_dir(2);
    let before: Vec<Vec<u8>> = (0..2)
        .map(|i| fs::read(src.path().join(format!("sub/brief-{i:03}.yaml"))).unwrap())
        .collect();
    // OUT inside SRC: what the build writes is not read back as briefs.
    let out = src.path().join("site");
    for _ in 0..2 {
        let o = build(src.path(), &out, &["-f", "md,html"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    }
    assert!(out.join("sub/brief-000.html").exists());
    for (i, bytes) in before.iter().enumerate() {
        let path = src.path().join(format!("sub/brief-{i:03}.yaml"));
        assert_eq!(
            &fs::read(&path).unwrap(),
            bytes,
            "{} changed",
            path.display()
        );
    }
    // The two briefs, two outputs each, two index pages, the record.
    assert_eq!(
        files_under(src.path()).len(),
        2 + 4 + 2 + 1,
        "{:?}",
        files_under(src.path())
    );
}

#[test]
fn a_build_killed_half_way_leaves_no_truncated_output() {
    let src = briefs_dir(120);
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args([
            "build",
            path_str(src.path()),
            "--out",
            path_str(&out),
            "-f",
            "md,html",
            "-j",
            "1",
        ])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("brief starts");
    // Kill it once it has started writing (or once it is done, on a fast
    // machine: the check below holds either way).
    for _ in 0..6000 {
        let written = out.join("sub").read_dir().map(|d| d.count()).unwrap_or(0);
        if written > 0 || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    // What a complete build writes.
    let full = root.path().join("full");
    let o = build(src.path(), &full, &["-f", "md,html"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    for rel in files_under(&out) {
        let name = rel.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with(".brief-") {
            // A temporary file of the write under way, or the build record:
            // hidden, never in the place of an output.
            continue;
        }
        assert_eq!(
            fs::read(out.join(&rel)).unwrap(),
            fs::read(full.join(&rel)).unwrap(),
            "{} is not the complete output",
            rel.display()
        );
    }
}

#[test]
fn render_never_writes_over_its_input_even_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("story.yaml");
    let seed = fs::read(root().join(SEED)).unwrap();
    fs::write(&input, &seed).unwrap();
    #[cfg(unix)]
    {
        let link = dir.path().join("story.md");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        let o = brief()
            .args(["render", path_str(&input), "-o", path_str(&link)])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
        assert!(text(&o.stderr).contains("refusing to overwrite it"));
    }
    let o = brief()
        .args(["render", path_str(&input), "-o", path_str(&input)])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(fs::read(&input).unwrap(), seed, "the input changed");
}

// ---------------------------------------------------------------------------
// Template delimiters in a brief reach no template language downstream.

/// Whether `md` holds something mdBook's link preprocessor would expand:
/// `{{`, optional spaces, then `#`.
fn mdbook_directive(md: &str) -> Option<&str> {
    md.match_indices("{{").find_map(|(i, _)| {
        let rest = md[i + 2..].trim_start();
        rest.starts_with('#')
            .then(|| &md[i..(i + 40).min(md.len())])
    })
}

#[test]
fn include_directives_in_a_brief_are_not_left_for_mdbook() {
    let payload = "{{#include ../secret.txt}} {{ #include /etc/passwd }} {{#title X}} {% raw %}";
    let source = common::hostile::brief_with(payload, payload);
    let renderer = Renderer::new().unwrap();
    for template in [None, Some("flash".to_string())] {
        let options = RenderOptions {
            format: Format::Markdown,
            template,
            ..RenderOptions::default()
        };
        let md = brief::render_str(&source, &Limits::default(), &renderer, &options)
            .unwrap()
            .text;
        assert_eq!(mdbook_directive(&md), None, "{md}");
        assert!(!md.contains("{%"), "{md}");
        // The reader still sees the text as written.
        assert!(md.contains("{\\{\\#include ../secret.txt}}"), "{md}");
    }
}

#[cfg(unix)]
#[test]
fn an_import_cannot_follow_a_link_out_of_the_import_root() {
    let root = tempfile::tempdir().unwrap();
    let briefs = root.path().join("briefs");
    let outside = root.path().join("outside");
    fs::create_dir_all(briefs.join("_shared")).unwrap();
    fs::create_dir_all(&outside).unwrap();
    fs::write(
        outside.join("secret.yaml"),
        format!("actors:\n  - id: a\n    name: {SECRET}\n    kind: person\n"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.join("secret.yaml"),
        briefs.join("_shared/actors.yaml"),
    )
    .unwrap();
    fs::write(
        briefs.join("b.yaml"),
        "id: x\ntitle: T\nimports:\n  - _shared/actors.yaml\n",
    )
    .unwrap();
    let o = brief()
        .current_dir(&briefs)
        .args(["render", "b.yaml", "--import-root", "."])
        .output()
        .unwrap();
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.starts_with("error[E0026]"), "{err}");
    assert!(!text(&o.stdout).contains(SECRET) && !err.contains(SECRET));
}
