//! What the commands read: never more than the limit, whatever the file
//! (a sparse giant, `/dev/zero`, a pipe); never a FIFO or device where a
//! file is expected (an import, a template, an mdBook chapter's brief);
//! and diagnostics quote what was read, without reading again.
//!
//! Memory is bounded by running under `ulimit -v`: a read that grows
//! without end fails the run instead of taking the machine.

use std::fs;
use std::path::Path;

use crate::common::special::{bytes_read, mkfifo, opens_fifo};
use crate::common::{brief, brief_in, path_str, root, stderr};

/// A sparse file of 2 GiB: nothing on the disk, all of it to a reader.
fn sparse(path: &Path) {
    let file = fs::File::create(path).unwrap();
    file.set_len(2 << 30).unwrap();
}

/// The registry and brief of `outputs::story_with_import`, with the
/// registry named `shared.yaml`.
const STORY: &str = "id: story\ntitle: A story\nimports: [shared.yaml]\nstatements:\n  - id: s1\n    kind: claim\n    by: putin\n    text: Russia is ready for talks.\n    sources: [tass]\n";

/// One MiB: the limit the tests set, so that reading to it is quick.
const MIB: u64 = 1 << 20;

#[test]
fn dev_zero_is_refused_at_the_limit() {
    let (o, read) = bytes_read(
        root(),
        1024,
        None,
        &["check", "/dev/zero", "--max-file-size", "1MiB"],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("larger than the limit"), "{err}");
    // The limit and a byte, and what starting the program reads: not a
    // second read to quote it.
    assert!(read < 2 * MIB, "{read} bytes read");
}

#[test]
fn a_file_over_the_limit_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    sparse(&d.join("huge.yaml"));
    for args in [
        &["check", "huge.yaml"][..],
        &["render", "huge.yaml"],
        &["diff", "huge.yaml", "huge.yaml"],
    ] {
        let (o, read) = bytes_read(d, 1024, None, args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("larger than the limit"), "{args:?}: {err}");
        assert!(read < MIB, "{args:?}: {read} bytes read");
    }
    // As an import.
    sparse(&d.join("shared.yaml"));
    fs::write(d.join("story.yaml"), STORY).unwrap();
    let (o, read) = bytes_read(d, 1024, None, &["check", "story.yaml"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("larger than the limit"), "{err}");
    assert!(read < MIB, "{read} bytes read");
}

#[test]
fn an_mdbook_brief_over_the_limit_is_refused_without_being_read() {
    let book = tempfile::tempdir().unwrap();
    sparse(&book.path().join("huge.yaml"));
    let context = serde_json::json!({
        "root": book.path(),
        "config": {
            "book": {"title": "Briefings", "authors": [], "src": "."},
            "preprocessor": {"brief": {"command": "brief mdbook"}},
        },
        "renderer": "html",
        "mdbook_version": mdbook_preprocessor::MDBOOK_VERSION,
    });
    let chapter = serde_json::json!({"Chapter": {
        "name": "Huge",
        "content": "{{#brief huge.yaml}}\n",
        "number": [1],
        "sub_items": [],
        "path": "huge.md",
        "source_path": "huge.md",
        "parent_names": [],
    }});
    let input = serde_json::json!([context, {"items": [chapter]}]).to_string();
    fs::write(book.path().join("input.json"), input).unwrap();
    // `brief mdbook` reads the book from its standard input.
    let input = book.path().join("input.json");
    let (o, read) = bytes_read(book.path(), 1024, Some(&input), &["mdbook"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("larger than the limit"), "{err}");
    assert!(read < MIB, "{read} bytes read");
}

#[test]
fn a_pipe_is_read_once_and_never_past_the_limit() {
    // A FIFO that would never end: the writer writes until the reader
    // closes it, then waits to see whether it is opened a second time
    // (to quote it), which it must not be.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("endless.yaml");
    mkfifo(&fifo);
    let released = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (fifo, released) = (fifo.clone(), released.clone());
        std::thread::spawn(move || {
            use std::io::Write;
            let mut file = fs::OpenOptions::new().write(true).open(&fifo).unwrap();
            let chunk = vec![b'#'; 64 * 1024];
            let mut written = 0u64;
            // Stops when the reader closes the pipe, or once the command
            // has ended (the test then holds the pipe open to release it).
            while !released.load(std::sync::atomic::Ordering::SeqCst)
                && file.write_all(&chunk).is_ok()
            {
                written += chunk.len() as u64;
            }
            drop(file);
            let again = fs::OpenOptions::new().write(true).open(&fifo);
            let reopened = !released.load(std::sync::atomic::Ordering::SeqCst);
            drop(again);
            (written, reopened)
        })
    };
    let o = brief()
        .args(["check", path_str(&fifo), "--max-file-size", "1MiB"])
        .output()
        .unwrap();
    released.store(true, std::sync::atomic::Ordering::SeqCst);
    let release = {
        use std::os::unix::fs::OpenOptionsExt;
        fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(&fifo)
    };
    // If the writer had not yet seen the command close the pipe, it now
    // writes to this reader: drain it so that it never blocks on a full
    // pipe, until it has stopped.
    if let Ok(mut r) = release.as_ref() {
        use std::io::Read;
        let mut sink = vec![0u8; 64 * 1024];
        while !writer.is_finished() {
            let _ = r.read(&mut sink);
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
    let (written, reopened) = writer.join().unwrap();
    drop(release);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("larger than the limit"), "{err}");
    assert!(!reopened, "the FIFO was opened again");
    // The limit, and what the pipe held when the reader stopped.
    assert!(
        written < 2 * MIB,
        "{written} bytes written before the reader stopped"
    );
}

#[test]
fn a_fifo_import_is_refused_without_being_opened() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("story.yaml"), STORY).unwrap();
    mkfifo(&d.join("shared.yaml"));
    let (o, opened) = opens_fifo(&d.join("shared.yaml"), || {
        brief_in(d).args(["check", "story.yaml"]).output().unwrap()
    });
    assert!(!opened, "the FIFO was opened");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("not a file"), "{}", stderr(&o));
}

#[test]
fn a_fifo_in_the_template_directory_is_refused_without_being_opened() {
    let dir = tempfile::tempdir().unwrap();
    let house = dir.path().join("house");
    fs::create_dir(&house).unwrap();
    mkfifo(&house.join("brief.md"));
    let (o, opened) = opens_fifo(&house.join("brief.md"), || {
        brief()
            .args(["templates", "list", "--templates", path_str(&house)])
            .output()
            .unwrap()
    });
    assert!(!opened, "the FIFO was opened");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("a FIFO, not a regular file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_diagnostic_quotes_what_was_read_not_a_second_read() {
    // A pipe can be read once: the line quoted must come from that read.
    let o = brief()
        .args(["check", "/dev/stdin"])
        .write_stdin(&b"id: x\ntitle: caf\xe9 au lait\n"[..])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert!(err.contains("title: caf"), "the line is not quoted: {err}");
}
