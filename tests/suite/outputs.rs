//! Where the commands write: a regular file is replaced whole, a device or
//! FIFO is written through and stays what it is, a symbolic link keeps
//! pointing at the file it names, the new file follows the umask, and no
//! input of the command (the brief, its imports, its templates) is ever
//! written over, however its path is spelt.

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::Output;
use std::sync::Arc;

use crate::common::special::{is_char_device, is_fifo, limited, mkfifo, mknod};
use crate::common::{SEED, brief, brief_in, path_str, root, stderr, stdout};

/// `brief render SEED -o OUT`.
fn render_to(out: &Path) -> Output {
    brief()
        .args(["render", SEED, "-o", path_str(out)])
        .output()
        .expect("brief runs")
}

/// The seed briefing as `render` prints it.
fn seed_briefing() -> String {
    let o = brief().args(["render", SEED]).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    stdout(&o)
}

#[test]
fn a_null_device_is_written_through_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    if !mknod(&null, 1, 3) {
        return;
    }
    let o = render_to(&null);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(is_char_device(&null), "render replaced the device");
    let o = brief()
        .args(["diff", SEED, SEED, "-o", path_str(&null)])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(is_char_device(&null), "diff replaced the device");
    let o = brief()
        .args(["init", path_str(&null), "--force"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(is_char_device(&null), "init replaced the device");
}

#[test]
fn a_full_device_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    if !mknod(&full, 1, 7) {
        return;
    }
    let o = render_to(&full);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("cannot write") && err.contains("No space left"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(is_char_device(&full), "render replaced the device");
}

#[test]
fn a_fifo_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.md");
    mkfifo(&fifo);
    // Opened for reading and writing, which never waits: the test keeps a
    // writer of its own, to end the read with a zero byte whatever the
    // run did.
    let end = Arc::new(
        fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&fifo)
            .unwrap(),
    );
    let reader = {
        let end = end.clone();
        std::thread::spawn(move || {
            let mut got = Vec::new();
            let mut byte = [0u8; 1];
            while (&*end).read_exact(&mut byte).is_ok() && byte[0] != 0 {
                got.push(byte[0]);
            }
            got
        })
    };
    let o = render_to(&fifo);
    (&*end).write_all(&[0]).unwrap();
    let got = reader.join().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(is_fifo(&fifo), "render replaced the FIFO");
    assert_eq!(String::from_utf8_lossy(&got), seed_briefing());
}

/// A brief importing a registry, with a template directory, in a
/// temporary directory.
fn story_with_import() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("shared.yaml"),
        "actors:\n  - id: putin\n    name: Vladimir Putin\n    kind: person\nsources:\n  - id: tass\n    name: TASS\n    kind: news-article\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("story.yaml"),
        "id: story\ntitle: A story\nimports: [shared.yaml]\nstatements:\n  - id: s1\n    kind: claim\n    by: putin\n    text: Russia is ready for talks.\n    sources: [tass]\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("house")).unwrap();
    fs::write(dir.path().join("house/brief.md"), "{{ brief.title }}\n").unwrap();
    dir
}

#[test]
fn no_input_is_written_over_by_its_identity() {
    let dir = story_with_import();
    let d = dir.path();
    let before = |name: &str| fs::read(d.join(name)).unwrap();
    let (shared, template, story) = (
        before("shared.yaml"),
        before("house/brief.md"),
        before("story.yaml"),
    );
    fs::hard_link(d.join("story.yaml"), d.join("hard.md")).unwrap();
    std::os::unix::fs::symlink("shared.yaml", d.join("shared.md")).unwrap();
    let runs: [&[&str]; 6] = [
        // A name that says no format would be refused before the
        // overwrite: --format keeps the refusal under test.
        &["render", "story.yaml", "-f", "md", "-o", "shared.yaml"],
        &["render", "story.yaml", "-o", "./shared.md"],
        &["render", "story.yaml", "-o", "hard.md"],
        &[
            "render",
            "story.yaml",
            "--templates",
            "house",
            "-o",
            "house/brief.md",
        ],
        &[
            "diff",
            "story.yaml",
            "story.yaml",
            "-f",
            "md",
            "-o",
            "shared.yaml",
        ],
        &[
            "diff",
            "story.yaml",
            "story.yaml",
            "--templates",
            "house",
            "-o",
            "house/brief.md",
        ],
    ];
    for args in runs {
        let o = brief_in(d).args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains("refusing to"), "{args:?}: {err}");
        assert_eq!(
            before("shared.yaml"),
            shared,
            "{args:?} wrote over the import"
        );
        assert_eq!(
            before("house/brief.md"),
            template,
            "{args:?} wrote over the template"
        );
        assert_eq!(before("story.yaml"), story, "{args:?} wrote over the brief");
    }
    assert!(d.join("shared.md").symlink_metadata().unwrap().is_symlink());
    // The set-up renders where nothing is in the way.
    let o = brief_in(d)
        .args(["render", "story.yaml", "-o", "out.md"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_link_is_kept_and_the_file_it_names_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.md");
    fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let o = render_to(&link);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        link.symlink_metadata().unwrap().is_symlink(),
        "the link was replaced"
    );
    assert_eq!(fs::read_to_string(&real).unwrap(), seed_briefing());
    // A link to nothing is refused, and nothing is made where it points.
    let dangling = dir.path().join("dangling.md");
    let nowhere = dir.path().join("nowhere.md");
    std::os::unix::fs::symlink(&nowhere, &dangling).unwrap();
    let o = render_to(&dangling);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("symbolic link"), "{}", stderr(&o));
    assert!(!nowhere.exists());
}

#[test]
fn a_replaced_output_follows_the_umask_not_the_old_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.md");
    let o = render_to(&fresh);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let old = dir.path().join("old.md");
    fs::write(&old, "old").unwrap();
    let odd = if mode(&fresh) == 0o606 { 0o604 } else { 0o606 };
    fs::set_permissions(&old, fs::Permissions::from_mode(odd)).unwrap();
    let o = render_to(&old);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(mode(&old), mode(&fresh));
}

#[test]
fn templates_export_never_writes_through_a_link() {
    let root_dir = tempfile::tempdir().unwrap();
    let dir = root_dir.path().join("house");
    fs::create_dir(&dir).unwrap();
    let outside = root_dir.path().join("outside.md");
    std::os::unix::fs::symlink(&outside, dir.join("brief.md")).unwrap();
    for force in [false, true] {
        let mut args = vec!["templates", "export", path_str(&dir)];
        if force {
            args.push("--force");
        }
        let o = brief().args(&args).output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(stderr(&o).contains("symbolic link"), "{}", stderr(&o));
        assert!(
            !outside.exists(),
            "wrote outside DIR through a dangling link"
        );
    }
    // A link to a file: --force leaves that file alone too.
    fs::write(&outside, "keep me").unwrap();
    let o = brief()
        .args(["templates", "export", path_str(&dir), "--force"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&outside).unwrap(), "keep me");
    assert!(
        dir.join("brief.md")
            .symlink_metadata()
            .unwrap()
            .is_symlink()
    );
}

#[test]
fn templates_export_on_a_full_disk_leaves_no_partial_template() {
    let whole = tempfile::tempdir().unwrap();
    let o = brief()
        .args(["templates", "export", path_str(whole.path())])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Files limited to 2 KiB: the larger templates cannot be written.
    let full = tempfile::tempdir().unwrap();
    let dir = full.path().join("house");
    let o = limited(
        root(),
        4096,
        Some(4),
        &["templates", "export", path_str(&dir)],
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let mut left = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        let written = fs::read(entry.path()).unwrap();
        let expected = fs::read(whole.path().join(&name)).unwrap();
        assert!(written == expected, "{name:?} is a partial template");
        left += 1;
    }
    assert!(left < 11, "the limit stopped nothing");
}
