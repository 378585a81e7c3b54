//! `brief serve`: a local preview server that renders briefs on request
//! and reloads the pages open in a browser when a file they come from is
//! saved.
//!
//! The HTTP side is a small HTTP/1.1 server over `std::net`, written here
//! rather than taken from a crate. A preview needs only `GET` and `HEAD`
//! of a handful of paths and one long-lived event stream; every response
//! closes its connection. The crates that fit without an async runtime
//! (tiny_http, rouille over it) bring request parsing, keep-alive and
//! chunked bodies this server never uses, and make the event stream a
//! blocking reader fed from another thread; the few lines here keep the
//! limits (head size, time-outs, connection count) and the path checks in
//! plain view. Each connection gets a thread: a preview has few clients.
//!
//! Modules: `http` (requests and responses), `target` (request paths,
//! decoded and confined), `site` (what each path renders), `live` (the
//! reload script and its content policy).

pub mod http;
mod live;
pub mod site;
pub mod target;

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use self::http::{BadRequest, Response, read_request};
use self::site::{Page, Site, Target};
use crate::watcher::{Changes, Mode, Watcher, real};

pub use live::EVENTS_PATH;
pub use site::{ServeOptions, SiteError};

/// The most connections served at once; more are answered 503.
pub const MAX_CONNECTIONS: usize = 128;

/// How long a client may take to send its request or read a response.
const TIMEOUT: Duration = Duration::from_secs(10);

/// How often an idle event stream sends a comment, so that a closed tab
/// is noticed and its thread ends.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// A preview server: a site, its listener, and the watcher that tells its
/// pages to reload.
pub struct Server {
    listener: TcpListener,
    site: Arc<Site>,
    watcher: Arc<Watcher>,
    /// The real path of every file a page was rendered from.
    read: Arc<Mutex<BTreeSet<PathBuf>>>,
    open: Arc<AtomicUsize>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("listener", &self.listener)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// A server for `options` on a bound listener. It watches (by
    /// polling when `poll`) the site's directories for briefs and
    /// templates and, as pages are rendered, every file they read; other
    /// files there (a build's output, say) change nothing.
    pub fn new(
        options: ServeOptions,
        listener: TcpListener,
        poll: bool,
    ) -> Result<Server, SiteError> {
        let templates = options.templates.as_deref().map(real);
        let site = Site::new(options)?;
        let read: Arc<Mutex<BTreeSet<PathBuf>>> = Arc::default();
        let known = read.clone();
        let relevant = move |p: &Path| {
            p.extension().is_some_and(|e| e == "yaml" || e == "yml")
                || templates.as_ref().is_some_and(|t| p.starts_with(t))
                || known
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .contains(p)
        };
        let watcher = Watcher::start(poll, Box::new(relevant));
        for (dir, recursive) in site.watched() {
            // A directory that cannot be watched still serves; its pages
            // just do not reload by themselves.
            let _ = watcher.watch(&dir, recursive);
        }
        Ok(Server {
            listener,
            site: Arc::new(site),
            watcher: Arc::new(watcher),
            read,
            open: Arc::default(),
        })
    }

    /// How changes are noticed.
    pub fn mode(&self) -> Mode {
        self.watcher.mode()
    }

    /// A handle to wait for changes with.
    pub fn changes(&self) -> Changes {
        self.watcher.changes()
    }

    /// Serves until the process ends, each connection on its own thread.
    pub fn run(self) {
        for stream in self.listener.incoming() {
            let Ok(stream) = stream else {
                continue;
            };
            if self.open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                self.open.fetch_sub(1, Ordering::SeqCst);
                let mut stream = stream;
                let _ = Response::text(503, "too many connections").write(&mut stream, false);
                continue;
            }
            let site = self.site.clone();
            let watcher = self.watcher.clone();
            let read = self.read.clone();
            let open = self.open.clone();
            std::thread::spawn(move || {
                serve_connection(stream, &site, &watcher, &read);
                open.fetch_sub(1, Ordering::SeqCst);
            });
        }
    }
}

/// Answers one request.
fn serve_connection(
    mut stream: TcpStream,
    site: &Site,
    watcher: &Watcher,
    read: &Mutex<BTreeSet<PathBuf>>,
) {
    let _ = stream.set_read_timeout(Some(TIMEOUT));
    let _ = stream.set_write_timeout(Some(TIMEOUT));
    let request = match read_request(&mut stream) {
        Ok(r) => r,
        Err(BadRequest::Status(status)) => {
            let _ = Response::text(status, "bad request").write(&mut stream, false);
            return;
        }
        Err(BadRequest::Io(_)) => return,
    };
    let head = request.method == "HEAD";
    if !head && request.method != "GET" {
        let response =
            Response::text(405, "only GET and HEAD are served").with("Allow", "GET, HEAD");
        let _ = response.write(&mut stream, false);
        return;
    }
    let not_found = || Response::text(404, "not found");
    let Some((path, query)) = target::decode(&request.target) else {
        let _ = not_found().write(&mut stream, head);
        return;
    };
    if path == EVENTS_PATH {
        let since = target::query_value(query, "since")
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| watcher.changes().current());
        events(&mut stream, &watcher.changes(), since, head);
        return;
    }
    let response = match site.target(&path) {
        Some(target) => page_response(site, &target, watcher, read),
        None => not_found(),
    };
    let _ = response.write(&mut stream, head);
}

/// The page of a target, with its reload script; the files it read are
/// watched from now on.
fn page_response(
    site: &Site,
    target: &Target,
    watcher: &Watcher,
    known: &Mutex<BTreeSet<PathBuf>>,
) -> Response {
    // Taken before rendering: a save during the rendering still reloads.
    let generation = watcher.changes().current();
    let Page { html, read } = site.page(target);
    for file in &read {
        let file = real(file);
        // Editors replace files by renaming, which ends a watch on the
        // file itself: its directory is watched instead.
        if let Some(parent) = file.parent() {
            let _ = watcher.watch(parent, false);
        }
        known
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(file);
    }
    let nonce = live::nonce();
    Response {
        status: 200,
        headers: vec![
            ("Content-Type", "text/html; charset=utf-8".to_string()),
            ("Cache-Control", "no-store".to_string()),
            ("Content-Security-Policy", live::policy(&nonce)),
            ("X-Content-Type-Options", "nosniff".to_string()),
        ],
        body: live::with_reload(&html, &nonce, generation).into_bytes(),
    }
}

/// A stream of Server-Sent Events: one `data:` line each time the files
/// change past `since`, until the client goes away (at once for `HEAD`).
fn events(stream: &mut TcpStream, changes: &Changes, mut since: u64, head_only: bool) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
                Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    if stream.write_all(head.as_bytes()).is_err() || head_only {
        return;
    }
    loop {
        let now = changes.wait_past(since, Some(KEEP_ALIVE));
        let message = if now > since {
            since = now;
            format!("data: {now}\n\n")
        } else {
            ": still here\n\n".to_string()
        };
        if stream.write_all(message.as_bytes()).is_err() || stream.flush().is_err() {
            return;
        }
    }
}
