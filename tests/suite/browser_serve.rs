//! End to end in a real browser: headless Chromium opens a page of
//! `brief serve`, the brief is edited on disk, and the page the browser
//! shows changes with no reload asked for: its reload script, allowed by
//! the page's nonce, heard the change. What the browser shows is read
//! from the list of open pages its DevTools server gives over HTTP
//! (`/json/list`, with each page's title), so the test needs no DevTools
//! client.
//!
//! Ignored by default: it needs Chromium (`BRIEF_CHROMIUM`, else found on
//! PATH). `.ci/run` installs it and runs
//! `cargo test --test suite browser_serve:: -- --ignored`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::serve::{PATIENCE, Served, story};
use crate::common::{tempdir, write};

fn browser() -> PathBuf {
    brief::pdf::find_browser(
        None,
        std::env::var_os(brief::pdf::BROWSER_VAR),
        std::env::var_os("PATH"),
    )
    .expect("Chromium or Chrome is installed")
}

/// A headless browser showing one page, killed when dropped.
struct Browser {
    child: Child,
    profile: tempfile::TempDir,
}

impl Browser {
    fn open(url: &str) -> Browser {
        let profile = tempdir();
        let child = Command::new(browser())
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the browser starts");
        Browser { child, profile }
    }

    /// The port of its DevTools server, once it has written it down.
    fn devtools_port(&self) -> u16 {
        let file = self.profile.path().join("DevToolsActivePort");
        wait_for("the DevTools port", || {
            std::fs::read_to_string(&file)
                .ok()
                .and_then(|t| t.lines().next()?.parse().ok())
        })
    }

    /// The title of the page it shows at `url`, if it has one yet.
    fn title(&self, port: u16, url: &str) -> Option<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
        stream.set_read_timeout(Some(PATIENCE)).ok()?;
        write!(
            stream,
            "GET /json/list HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        )
        .ok()?;
        // The DevTools server keeps the connection open: the body is read
        // by its length.
        let mut reply = Vec::new();
        let mut chunk = [0u8; 4096];
        let (start, length) = loop {
            let n = stream.read(&mut chunk).ok()?;
            if n == 0 {
                return None;
            }
            reply.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&reply);
            if let Some(end) = text.find("\r\n\r\n") {
                let length = text[..end].lines().find_map(|l| {
                    let (name, value) = l.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())?
                })?;
                break (end + 4, length);
            }
        };
        while reply.len() < start + length {
            let n = stream.read(&mut chunk).ok()?;
            if n == 0 {
                return None;
            }
            reply.extend_from_slice(&chunk[..n]);
        }
        let pages: serde_json::Value =
            serde_json::from_slice(&reply[start..start + length]).ok()?;
        pages.as_array()?.iter().find_map(|p| {
            (p["type"] == "page" && p["url"].as_str()?.starts_with(url))
                .then(|| p["title"].as_str().map(str::to_owned))?
        })
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `look` until it gives a value; only a broken set-up waits long.
fn wait_for<T>(what: &str, mut look: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(found) = look() {
            return found;
        }
        assert!(start.elapsed() < PATIENCE, "no {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn shows(browser: &Browser, port: u16, url: &str, title: &str) {
    let mut last = None;
    wait_for(&format!("page titled {title:?}"), || {
        last = browser.title(port, url);
        (last.as_deref() == Some(title)).then_some(())
    });
}

fn edit(path: &Path, text: &str) {
    write(path, text);
}

#[test]
#[ignore = "needs Chromium; run by .ci/run"]
fn an_open_page_follows_the_brief_as_it_is_saved() {
    let dir = tempdir();
    let brief = dir.path().join("story.yaml");
    write(&brief, &story("before the edit"));
    let server = Served::start(dir.path(), &["story.yaml"]);
    let url = format!("http://{}/", server.addr);
    let browser = Browser::open(&url);
    let port = browser.devtools_port();
    shows(&browser, port, &url, "Harbour talks before the edit");

    edit(&brief, &story("after the edit"));
    shows(&browser, port, &url, "Harbour talks after the edit");

    // A mistake: its diagnostics take the briefing's place, and reload too.
    edit(&brief, "id: harbour\ntitle: [unclosed\n");
    shows(&browser, port, &url, "story.yaml has errors");
    edit(&brief, &story("fixed again"));
    shows(&browser, port, &url, "Harbour talks fixed again");
}
