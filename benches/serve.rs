//! Save to reloaded page in `brief serve`: the seed brief is written, the
//! change reaches a connected page's event stream, and the page asked for
//! again arrives whole. That is everything between an author's save and
//! the browser holding the new page, but for the browser's own reload
//! and drawing. The server runs in this process, on a free local port,
//! with the operating system's file events (`file_events`) or polling
//! (`polling`).
//!
//! ```sh
//! cargo bench --bench serve
//! ```
//!
//! The figure is in docs/performance.md; the target is under 100 ms.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use brief::serve::{ServeOptions, Server};
use divan::Bencher;

fn main() {
    divan::main();
}

const SEED: &str = include_str!("../briefs/us-russia-talks.yaml");

/// A server for a copy of the seed in a temporary directory.
fn serve(poll: bool) -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.yaml");
    std::fs::write(&file, SEED).unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let options = ServeOptions {
        path: file.clone(),
        ..ServeOptions::default()
    };
    let server = Server::new(options, listener, poll).unwrap();
    std::thread::spawn(move || server.run());
    (dir, file, addr)
}

fn connect(addr: &str) -> TcpStream {
    let stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream
}

/// The page at `/`, read whole.
fn page(addr: &str) -> String {
    let mut stream = connect(addr);
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    assert!(text.starts_with("HTTP/1.1 200 OK"));
    text
}

/// A page's event stream, opened at the change count the page was
/// rendered at, with its head read.
fn listen(addr: &str) -> BufReader<TcpStream> {
    let page = page(addr);
    let at = page.find("events?since=").unwrap() + 13;
    let since: String = page[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let mut stream = connect(addr);
    write!(stream, "GET /__brief/events?since={since} HTTP/1.1\r\n\r\n").unwrap();
    let mut events = BufReader::new(stream);
    let mut line = String::new();
    while line != "\r\n" {
        line.clear();
        events.read_line(&mut line).unwrap();
    }
    events
}

/// Save, hear the change, fetch the page again.
fn save_and_reload(bencher: Bencher, poll: bool) {
    let (_dir, file, addr) = serve(poll);
    let mut n = 0u64;
    bencher
        .with_inputs(|| {
            n += 1;
            // Each save differs, so that polling sees a change of size
            // even within one tick of the file system's clock.
            let text = format!("{SEED}{}\n", "#".repeat((n % 7 + 1) as usize));
            (listen(&addr), text)
        })
        .bench_local_values(|(mut events, text): (BufReader<TcpStream>, String)| {
            save(&file, &text);
            let mut line = String::new();
            while !line.starts_with("data: ") {
                line.clear();
                events.read_line(&mut line).unwrap();
            }
            page(&addr)
        });
}

fn save(file: &Path, text: &str) {
    std::fs::write(file, text).unwrap();
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn file_events(bencher: Bencher) {
    save_and_reload(bencher, false);
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn polling(bencher: Bencher) {
    save_and_reload(bencher, true);
}
