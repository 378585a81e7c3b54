//! A running `brief serve` and a plain HTTP client for it, written over
//! `TcpStream` so that the tests send exactly the bytes they mean
//! (`..`, `%2e%2e`, methods a client library would refuse).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// How long any wait lasts before the test gives up: only a broken
/// server reaches it.
pub const PATIENCE: Duration = Duration::from_secs(60);

/// A fictional brief whose title and only statement carry `mark`.
pub fn story(mark: &str) -> String {
    format!(
        "id: harbour\ntitle: Harbour talks {mark}\nfictional: true\nsources:\n  - id: gazette\n    name: Veltria Gazette\n    kind: news-article\nactors:\n  - id: mayor\n    name: Mayor Olend\n    kind: person\nstatements:\n  - id: s1\n    kind: claim\n    by: mayor\n    text: The harbour reopens on Monday, {mark}.\n    sources: [gazette]\n"
    )
}

/// A `brief serve` child process on a free port, killed when dropped.
pub struct Served {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    log: PathBuf,
    _logs: tempfile::TempDir,
}

impl Served {
    /// Runs `brief serve ARGS --port 0` in `dir` and waits for its first
    /// line.
    pub fn start(dir: &Path, args: &[&str]) -> Served {
        let logs = tempfile::tempdir().unwrap();
        let log = logs.path().join("stderr.txt");
        let child = Command::new(env!("CARGO_BIN_EXE_brief"))
            .current_dir(dir)
            .arg("serve")
            .args(args)
            .args(["--port", "0"])
            .env_remove("NO_COLOR")
            .env("CLICOLOR", "0")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("brief serve starts");
        let mut served = Served {
            child,
            addr: String::new(),
            log,
            _logs: logs,
        };
        let start = Instant::now();
        loop {
            let text = served.log();
            if let Some(at) = text.find("at http://") {
                let rest = &text[at + "at http://".len()..];
                served.addr = rest[..rest.find('/').unwrap()].to_string();
                return served;
            }
            if let Ok(Some(status)) = served.child.try_wait() {
                panic!("brief serve ended with {status}:\n{text}");
            }
            assert!(
                start.elapsed() < PATIENCE,
                "brief serve said nothing:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// What it printed on standard error so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Its process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Waits for it to end.
    pub fn wait(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(start.elapsed() < PATIENCE, "brief serve did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// `GET path`.
    pub fn get(&self, path: &str) -> Reply {
        self.request(&format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n"))
    }

    /// Sends `raw` and reads the whole reply (every response closes its
    /// connection).
    pub fn request(&self, raw: &str) -> Reply {
        let mut stream = self.connect();
        stream.write_all(raw.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        stream
            .read_to_end(&mut bytes)
            .expect("a whole reply in time");
        Reply::parse(&String::from_utf8(bytes).expect("a UTF-8 reply"))
    }

    /// A connection with reads bounded by [`PATIENCE`].
    pub fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(&self.addr).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        stream
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response.
#[derive(Debug)]
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// The header lines, as sent.
    pub head: String,
    /// The body.
    pub body: String,
}

impl Reply {
    fn parse(text: &str) -> Reply {
        let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status");
        Reply {
            status,
            head: head.to_string(),
            body: body.to_string(),
        }
    }

    /// The value of header `name`, if sent.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(": ")?;
            n.eq_ignore_ascii_case(name).then_some(v)
        })
    }
}
