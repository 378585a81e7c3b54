//! `brief serve` as a browser meets it: a real server on a free port,
//! asked over plain TCP for its index, briefings, diagnostics, paths that
//! lead outside, and the change events that reload pages.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use crate::common::serve::{Served, story};
use crate::common::{files_under, run_in, stderr, stdout, tempdir, write};

/// A directory of briefs: two good ones (one in a folder), one broken,
/// shared data, and a secret beside the directory.
fn site(root: &Path) {
    write(&root.join("site/a.yaml"), &story("in Veltria"));
    write(&root.join("site/sub/b.yaml"), &story("in Ostrava Nova"));
    write(&root.join("site/c.yaml"), "id: c\ntitle: [unclosed\n");
    write(&root.join("site/_shared/data.yaml"), "sources: []\n");
    write(&root.join("secret.yaml"), &story("SECRET-OUTSIDE"));
}

/// The page's reload script's nonce.
fn script_nonce(body: &str) -> &str {
    let at = body.find("<script nonce=\"").expect("a reload script") + 15;
    &body[at..at + body[at..].find('"').unwrap()]
}

#[test]
fn a_directory_is_served_with_an_index_and_each_brief() {
    let dir = tempdir();
    site(dir.path());
    let before = files_under(dir.path());
    let server = Served::start(dir.path(), &["site"]);

    let index = server.get("/");
    assert_eq!(index.status, 200, "{index:?}");
    assert_eq!(
        index.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(index.header("Cache-Control"), Some("no-store"));
    for link in ["href=\"a.html\"", "href=\"sub/b.html\"", "href=\"c.html\""] {
        assert!(index.body.contains(link), "{link} missing:\n{}", index.body);
    }
    assert!(index.body.contains("Harbour talks in Ostrava Nova"));
    assert!(
        index
            .body
            .contains("This brief has errors: open it to see them.")
    );
    assert!(!index.body.contains("_shared"));
    assert_eq!(server.get("/index.html").body.len(), index.body.len());

    let page = server.get("/sub/b.html");
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("The harbour reopens on Monday, in Ostrava Nova.")
    );
    // The reload script runs by its nonce, which the header and the
    // page's own policy both allow, and which is new for each response.
    let nonce = script_nonce(&page.body).to_string();
    let policy = page.header("Content-Security-Policy").unwrap();
    assert!(
        policy.contains(&format!("script-src 'nonce-{nonce}'")),
        "{policy}"
    );
    assert!(policy.contains("connect-src 'self'"), "{policy}");
    assert!(page.body.contains(&format!(
        "script-src 'nonce-{nonce}'; connect-src 'self'\">"
    )));
    assert_ne!(script_nonce(&server.get("/sub/b.html").body), nonce);

    // Nothing was written.
    assert_eq!(files_under(dir.path()), before);
}

#[test]
fn one_brief_is_served_at_the_root_only() {
    let dir = tempdir();
    site(dir.path());
    let server = Served::start(dir.path(), &["site/a.yaml"]);
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("The harbour reopens on Monday, in Veltria.")
    );
    for other in ["/a.html", "/sub/b.html", "/a.yaml", "/c.html"] {
        assert_eq!(server.get(other).status, 404, "{other}");
    }
}

#[test]
fn a_broken_brief_shows_what_check_prints_until_it_is_fixed() {
    let dir = tempdir();
    site(dir.path());
    let server = Served::start(dir.path(), &["site"]);
    let page = server.get("/c.html");
    assert_eq!(page.status, 200);
    let check = run_in(&dir.path().join("site"), &["check", "c.yaml"]);
    let printed = stderr(&check);
    let diagnostic = &printed[..printed.find("\nerror: checked").unwrap()];
    // Its path as the server names it.
    let diagnostic = diagnostic.replace(" --> c.yaml", " --> site/c.yaml");
    let escaped = diagnostic
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&#39;");
    assert!(
        page.body.contains(&escaped),
        "{escaped}\nnot in:\n{}",
        page.body
    );
    assert!(
        page.body
            .contains("error: could not render `site/c.yaml` due to 1 error")
    );
    assert!(page.body.contains("<title>site/c.yaml has errors</title>"));
    // The page reloads like any other.
    assert!(page.body.contains("new EventSource("));

    // Fixed: the next request renders it, nothing stale is kept.
    write(&dir.path().join("site/c.yaml"), &story("now fixed"));
    let page = server.get("/c.html");
    assert!(
        page.body
            .contains("The harbour reopens on Monday, now fixed.")
    );
    // And broken again.
    write(&dir.path().join("site/c.yaml"), "id: c\ntitle: [unclosed\n");
    assert!(server.get("/c.html").body.contains("has errors</title>"));
}

#[test]
fn nothing_outside_the_directory_is_served() {
    let dir = tempdir();
    site(dir.path());
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        dir.path().join("secret.yaml"),
        dir.path().join("site/link.yaml"),
    )
    .unwrap();
    let server = Served::start(dir.path(), &["site"]);
    for target in [
        "/../secret.html",
        "/../secret.yaml",
        "/sub/../../secret.html",
        "/%2e%2e/secret.html",
        "/%2E%2E%2Fsecret.html",
        "/sub%2f..%2f..%2fsecret.html",
        "/..%5csecret.html",
        "//secret.html",
        "/etc/passwd",
        "//etc/passwd",
        "http://localhost/../secret.html",
        "/link.html",
        "/a.yaml",
        "/_shared/data.html",
        "/sub/",
    ] {
        let reply = server.request(&format!("GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        assert_eq!(reply.status, 404, "{target}: {reply:?}");
        assert!(!reply.body.contains("SECRET-OUTSIDE"), "{target}");
    }
    // Not even in the index.
    assert!(!server.get("/").body.contains("SECRET-OUTSIDE"));
}

#[test]
fn head_is_answered_without_a_body_and_other_methods_are_refused() {
    let dir = tempdir();
    site(dir.path());
    let server = Served::start(dir.path(), &["site"]);
    let head = server.request("HEAD /a.html HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert_eq!(head.status, 200);
    assert_eq!(head.body, "");
    let length: usize = head.header("Content-Length").unwrap().parse().unwrap();
    assert!(length > 1000, "{head:?}");
    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let reply = server.request(&format!(
            "{method} /a.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n"
        ));
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.header("Allow"), Some("GET, HEAD"));
    }
    assert_eq!(server.request("nonsense\r\n\r\n").status, 400);
    let events = server.request("HEAD /__brief/events HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert_eq!(events.status, 200);
    assert_eq!(events.header("Content-Type"), Some("text/event-stream"));
    assert_eq!(events.body, "");
}

/// A save reaches a page's event stream as a `data:` line, through file
/// events or by polling.
#[test]
fn a_save_reaches_open_pages_as_an_event() {
    a_save_reaches_open_pages(false);
}

#[test]
fn a_save_reaches_open_pages_by_polling() {
    a_save_reaches_open_pages(true);
}

fn a_save_reaches_open_pages(poll: bool) {
    let dir = tempdir();
    site(dir.path());
    let args: &[&str] = if poll { &["site", "--poll"] } else { &["site"] };
    let server = Served::start(dir.path(), args);
    let how = if poll {
        ", watching by polling;"
    } else {
        ", watching with file events;"
    };
    assert!(server.log().contains(how), "{}", server.log());
    let page = server.get("/a.html");
    let at = page.body.find("/__brief/events?since=").unwrap();
    let since: String = page.body[at + 22..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let mut stream = server.connect();
    write!(
        stream,
        "GET /__brief/events?since={since} HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let mut lines = BufReader::new(stream);
    let mut line = String::new();
    lines.read_line(&mut line).unwrap();
    assert_eq!(line, "HTTP/1.1 200 OK\r\n");
    let mut head = String::new();
    while line != "\r\n" {
        line.clear();
        lines.read_line(&mut line).unwrap();
        head.push_str(&line);
    }
    assert!(
        head.contains("Content-Type: text/event-stream\r\n"),
        "{head}"
    );
    write(&dir.path().join("site/a.yaml"), &story("after a save"));
    line.clear();
    lines.read_line(&mut line).expect("an event in time");
    assert!(line.starts_with("data: "), "{line:?}");
    assert!(server.get("/a.html").body.contains("after a save"));
    assert!(server.log().contains("change detected; open pages reload"));
}

/// Requests while the brief is being written, again and again in small
/// pieces: every answer is a briefing (the old one, the new one, or one of
/// a prefix that happens to be a whole brief) or diagnostics.
#[test]
fn a_half_written_brief_gives_a_page_or_diagnostics_never_a_failure() {
    let dir = tempdir();
    site(dir.path());
    let server = Served::start(dir.path(), &["site"]);
    let file = dir.path().join("site/a.yaml");
    let text = story("while writing");
    let writer = std::thread::spawn(move || {
        for _ in 0..40 {
            let mut f = std::fs::File::create(&file).unwrap();
            for piece in text.as_bytes().chunks(37) {
                f.write_all(piece).unwrap();
                f.flush().unwrap();
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        }
    });
    let mut seen = (0, 0);
    while !writer.is_finished() {
        let reply = server.get("/a.html");
        assert_eq!(reply.status, 200);
        if reply.body.contains("<title>Harbour talks") {
            seen.0 += 1;
        } else {
            assert!(
                reply.body.contains("<pre class=\"diagnostics\">"),
                "{}",
                reply.body
            );
            seen.1 += 1;
        }
    }
    writer.join().unwrap();
    assert!(seen.0 + seen.1 > 0);
    assert!(
        server
            .get("/a.html")
            .body
            .contains("Harbour talks while writing")
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_and_terminate_stop_it_with_status_0() {
    let dir = tempdir();
    site(dir.path());
    for signal in ["-INT", "-TERM"] {
        let mut server = Served::start(dir.path(), &["site"]);
        // Serving, with a page's event stream open.
        assert_eq!(server.get("/").status, 200);
        let _stream = server.connect();
        let kill = std::process::Command::new("kill")
            .args([signal, &server.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        let status = server.wait();
        assert_eq!(status.code(), Some(0), "{signal}");
        assert!(
            server.log().ends_with(" stopped serving\n"),
            "{}",
            server.log()
        );
    }
}

#[test]
fn a_port_in_use_is_said_clearly() {
    let dir = tempdir();
    site(dir.path());
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = run_in(dir.path(), &["serve", "site", "--port", &port]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "error: cannot serve on 127.0.0.1:{port}: the port is in use\n\n\
             help: pick another with `--port N`, or `--port 0` for a free one\n"
        )
    );
}

#[test]
fn a_missing_path_is_an_error() {
    let dir = tempdir();
    let out = run_in(dir.path(), &["serve", "nowhere", "--port", "0"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("error: cannot read `nowhere`: "),
        "{}",
        stderr(&out)
    );
}

/// Pages written by `render` and `build` carry no script and keep their
/// strict policy: the reload script belongs to served pages only.
#[test]
fn written_pages_stay_script_free() {
    let dir = tempdir();
    site(dir.path());
    let out = run_in(dir.path(), &["render", "site/a.yaml", "-f", "html"]);
    let html = stdout(&out);
    let strict = "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\"";
    assert!(html.contains(strict), "{html}");
    assert!(!html.contains("<script") && !html.contains("nonce"));
    std::fs::remove_file(dir.path().join("site/c.yaml")).unwrap();
    let out = run_in(dir.path(), &["build", "site", "--out", "out", "-f", "html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for page in ["out/index.html", "out/a.html", "out/sub/b.html"] {
        let html = std::fs::read_to_string(dir.path().join(page)).unwrap();
        assert!(html.contains(strict), "{page}");
        assert!(
            !html.contains("<script") && !html.contains("EventSource"),
            "{page}"
        );
    }
}

/// The user's templates are read on every request: an edit shows on the
/// next one, and a broken template shows its error in the page.
#[test]
fn templates_are_read_fresh() {
    let dir = tempdir();
    site(dir.path());
    let templates = dir.path().join("house");
    write(
        &templates.join("brief.html"),
        "<p>First: {{ brief.title }}</p>\n",
    );
    let server = Served::start(dir.path(), &["site", "--templates", "house"]);
    assert!(
        server
            .get("/a.html")
            .body
            .contains("<p>First: Harbour talks in Veltria</p>")
    );
    write(
        &templates.join("brief.html"),
        "<p>Second: {{ brief.title }}</p>\n",
    );
    assert!(
        server
            .get("/a.html")
            .body
            .contains("<p>Second: Harbour talks in Veltria</p>")
    );
    write(&templates.join("brief.html"), "<p>{{ brief.title </p>\n");
    let page = server.get("/a.html").body;
    assert!(
        page.contains("<title>The templates have errors</title>"),
        "{page}"
    );
    assert!(page.contains("brief.html"), "{page}");
}
