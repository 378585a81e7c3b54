//! Control characters: refused in a brief's text with a located error,
//! bidirectional controls warned about and shown escaped, and nothing
//! raw (escape, bell) reaching the terminal from a brief, a built file or
//! a template's name.

use std::fs;

use crate::common::{path_str, run, stderr, stdout, tempdir, write};

/// True when `text` holds a control character a terminal acts on, or a
/// bidirectional control.
fn raw(text: &str) -> bool {
    text.chars()
        .any(|c| (c.is_control() && c != '\n' && c != '\t') || brief::diagnostic::bidi_control(c))
}

#[test]
fn a_control_character_is_refused_where_it_is() {
    let dir = tempdir();
    let path = dir.path().join("story.yaml");
    for (escape, named) in [
        ("\\e[2J", "U+001B"),
        ("\\a", "U+0007"),
        ("\\x9b31m", "U+009B"),
        ("\\r", "U+000D"),
        ("\\x00", "U+0000"),
    ] {
        write(
            &path,
            &format!("id: x\ntitle: T\nkey_points:\n  - text: \"A{escape}B\"\n"),
        );
        let o = run(&["check", path_str(&path)]);
        assert_eq!(o.status.code(), Some(1), "{escape}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains("error[E0044]"), "{escape}: {err}");
        assert!(err.contains(named), "{escape}: {err}");
        assert!(err.contains("story.yaml:4:11"), "{escape}: {err}");
        assert!(!raw(&err), "{escape}: {err:?}");
        // Nor is it rendered: nothing on standard output.
        let o = run(&["render", path_str(&path), "-f", "md"]);
        assert_eq!(o.status.code(), Some(1), "{escape}");
        assert!(o.stdout.is_empty(), "{escape}: {:?}", stdout(&o));
    }
    // Tab and line breaks are text.
    write(
        &path,
        "id: x\ntitle: T\nkey_points:\n  - text: \"A\\tB\\nC\"\n",
    );
    let o = run(&["check", path_str(&path)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_control_character_in_an_import_is_refused_in_the_import() {
    let dir = tempdir();
    write(
        &dir.path().join("shared.yaml"),
        "actors:\n  - id: a\n    name: \"A\\eB\"\n    kind: person\n",
    );
    let path = dir.path().join("story.yaml");
    write(&path, "id: x\ntitle: T\nimports: [shared.yaml]\n");
    let o = run(&["check", path_str(&path)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("shared.yaml:3:11"), "{}", stderr(&o));
}

#[test]
fn bidi_controls_are_warned_about_and_shown_escaped() {
    let dir = tempdir();
    let path = dir.path().join("story.yaml");
    // Written as they are, in a key that is an error, and in a title.
    write(
        &path,
        "id: x\ntitle: \"Talks \u{202E}resume\u{2066}\"\ntitel\u{200F}: y\n",
    );
    let o = run(&["check", path_str(&path)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(!raw(&err), "{err:?}");
    assert!(err.contains("`titel\\u{200f}`"), "{err}");
    assert!(err.contains("Talks \u{FFFD}resume"), "{err}");
    assert!(err.contains("warning[W0008]"), "{err}");
    let o = run(&["check", path_str(&path), "--message-format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!raw(&stderr(&o)), "{:?}", stderr(&o));
    assert!(stderr(&o).contains("titel\\u200f"), "{}", stderr(&o));
    // A valid brief with one only warns.
    write(&path, "id: x\ntitle: \"Talks \u{202E}resume\"\n");
    let o = run(&["check", path_str(&path)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("W0008"), "{}", stderr(&o));
    assert!(!raw(&stderr(&o)), "{:?}", stderr(&o));
}

#[test]
fn a_built_file_edited_with_escapes_is_diffed_escaped() {
    let src = tempdir();
    let out = tempdir();
    write(&src.path().join("story.yaml"), "id: x\ntitle: Talks\n");
    let build = |check: bool| {
        let mut args = vec!["build", path_str(src.path()), "--out", path_str(out.path())];
        if check {
            args.push("--check");
        }
        run(&args)
    };
    assert_eq!(build(false).status.code(), Some(0));
    let md = out.path().join("story.md");
    let text = fs::read_to_string(&md).unwrap();
    fs::write(&md, text.replace("Talks", "Talks\x1b]0;owned\x07\x1b[2J")).unwrap();
    let o = build(true);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("stale: "), "{err}");
    assert!(err.contains("\\u{1b}[2J"), "{err}");
    assert!(!raw(&err), "{err:?}");
}

#[test]
fn template_names_are_listed_and_reported_escaped() {
    let dir = tempdir();
    write(&dir.path().join("a\x1b[2Jb\x07.md"), "{{ brief.title }}");
    let o = run(&["templates", "list", "--templates", path_str(dir.path())]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!raw(&stdout(&o)), "{:?}", stdout(&o));
    assert!(
        stdout(&o).contains("a\\u{1b}[2Jb\\u{7}.md"),
        "{}",
        stdout(&o)
    );
    // A template that does not compile is named in the error.
    write(&dir.path().join("a\x1b[2Jb\x07.md"), "{{ brief.title ");
    let o = run(&["templates", "list", "--templates", path_str(dir.path())]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!raw(&stderr(&o)), "{:?}", stderr(&o));
    assert!(stderr(&o).contains("\\u{1b}"), "{}", stderr(&o));
}
