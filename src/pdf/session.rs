//! One headless browser printing many pages: the DevTools protocol over
//! the browser's debugging pipe, so that `brief build -f pdf` starts the
//! browser once, not once per brief.
//!
//! The browser reads commands on its file descriptor 3 and answers on 4,
//! each message a JSON object ended by a NUL byte. A shell started in
//! between moves the pipes the child gets as its standard input and output
//! to 3 and 4, which needs no unsafe code here. No network port is opened:
//! only this process can talk to the browser.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::{PdfError, PdfOptions, browser_flags, file_url, with_print_style};

/// A running headless browser that prints pages to PDF.
pub struct PdfPrinter {
    browser: PathBuf,
    child: Child,
    to_browser: ChildStdin,
    from_browser: Receiver<Value>,
    /// Events received while waiting for something else.
    pending: Vec<Value>,
    /// The session of the tab that prints, once it is open.
    session: Option<String>,
    next_id: u64,
    options: PdfOptions,
    dir: tempfile::TempDir,
    printed: usize,
}

impl PdfPrinter {
    /// Starts the browser named in `options` (see [`super::find_browser`]
    /// when it is `None`).
    pub fn start(options: &PdfOptions) -> Result<Self, PdfError> {
        let browser = match &options.browser {
            Some(b) => b.clone(),
            None => super::find_browser(
                None,
                std::env::var_os(super::BROWSER_VAR),
                std::env::var_os("PATH"),
            )?,
        };
        let dir = tempfile::Builder::new()
            .prefix("brief-pdf-")
            .tempdir()
            .map_err(|e| PdfError::io(format!("cannot make a temporary directory: {e}"), e))?;
        let log = std::fs::File::create(dir.path().join("browser.log"))
            .map_err(|e| PdfError::io(format!("cannot write the browser's log: {e}"), e))?;
        let mut user_data = std::ffi::OsString::from("--user-data-dir=");
        user_data.push(dir.path().join("profile"));
        let mut child = Command::new("/bin/sh")
            .arg("-c")
            .arg(r#"exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>/dev/null"#)
            .arg(&browser)
            .args(browser_flags())
            .arg("--remote-debugging-pipe")
            .arg(user_data)
            .arg("about:blank")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .map_err(|e| {
                PdfError::io(
                    format!(
                        "cannot make a PDF: cannot run the browser `{}`: {e}",
                        browser.display()
                    ),
                    e,
                )
            })?;
        let (Some(to_browser), Some(out)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(PdfError::Browser(
                "cannot make a PDF: no pipe to the browser".into(),
            ));
        };
        let (send, from_browser) = mpsc::channel();
        std::thread::spawn(move || read_messages(out, &send));
        Ok(PdfPrinter {
            browser,
            child,
            to_browser,
            from_browser,
            pending: Vec::new(),
            session: None,
            next_id: 0,
            options: options.clone(),
            dir,
            printed: 0,
        })
    }

    /// Prints an HTML page and returns the PDF's bytes.
    pub fn print(&mut self, html: &str) -> Result<Vec<u8>, PdfError> {
        let deadline = Instant::now() + self.options.timeout;
        self.printed += 1;
        let page = self.dir.path().join(format!("page-{}.html", self.printed));
        std::fs::write(&page, with_print_style(html, self.options.paper))
            .map_err(|e| PdfError::io(format!("cannot write the page to print: {e}"), e))?;
        let result = self.print_file(&page, deadline);
        let _ = std::fs::remove_file(&page);
        result
    }

    fn print_file(&mut self, page: &Path, deadline: Instant) -> Result<Vec<u8>, PdfError> {
        // One tab prints every page: a tab closed while the next opens can
        // take the renderer they share down with it.
        let session = match &self.session {
            Some(s) => s.clone(),
            None => {
                let target = self.call(
                    "Target.createTarget",
                    json!({ "url": "about:blank" }),
                    None,
                    deadline,
                )?;
                let attached = self.call(
                    "Target.attachToTarget",
                    json!({ "targetId": target["targetId"], "flatten": true }),
                    None,
                    deadline,
                )?;
                let session = attached["sessionId"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                self.call("Page.enable", json!({}), Some(&session), deadline)?;
                self.session = Some(session.clone());
                session
            }
        };
        let s = Some(session.as_str());
        // Events of the page before are of no use now.
        self.pending.clear();
        self.call(
            "Page.navigate",
            json!({ "url": file_url(page) }),
            s,
            deadline,
        )?;
        self.wait_event("Page.loadEventFired", &session, deadline)?;
        let printed = self.call(
            "Page.printToPDF",
            json!({
                "preferCSSPageSize": true,
                "printBackground": true,
                "displayHeaderFooter": false,
            }),
            s,
            deadline,
        )?;
        decode_base64(printed["data"].as_str().unwrap_or_default())
            .filter(|b| b.starts_with(b"%PDF"))
            .ok_or_else(|| self.failure("printed no PDF"))
    }

    /// Sends a command and waits for its answer.
    fn call(
        &mut self,
        method: &str,
        params: Value,
        session: Option<&str>,
        deadline: Instant,
    ) -> Result<Value, PdfError> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            message["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&message).unwrap_or_default();
        bytes.push(0);
        if let Err(e) = self
            .to_browser
            .write_all(&bytes)
            .and_then(|()| self.to_browser.flush())
        {
            return Err(self.failure(&format!("stopped listening ({e})")));
        }
        loop {
            let message = self.receive(deadline)?;
            if message["id"].as_u64() == Some(id) {
                if let Some(error) = message.get("error") {
                    let text = error["message"].as_str().unwrap_or("unknown error");
                    return Err(self.failure(&format!("refused {method}: {text}")));
                }
                return Ok(message["result"].clone());
            }
            if message.get("method").is_some() {
                self.pending.push(message);
            }
        }
    }

    /// Waits for an event of a page's session.
    fn wait_event(
        &mut self,
        method: &str,
        session: &str,
        deadline: Instant,
    ) -> Result<(), PdfError> {
        let is_it = |m: &Value| m["method"] == method && m["sessionId"] == session;
        if let Some(at) = self.pending.iter().position(is_it) {
            self.pending.remove(at);
            return Ok(());
        }
        loop {
            let message = self.receive(deadline)?;
            if is_it(&message) {
                return Ok(());
            }
        }
    }

    /// The next message; a page whose renderer is gone is an error at
    /// once rather than a wait until the time limit.
    fn receive(&mut self, deadline: Instant) -> Result<Value, PdfError> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.from_browser.recv_timeout(left) {
            Ok(message) if message["method"] == "Inspector.detached" => {
                let reason = message["params"]["reason"]
                    .as_str()
                    .unwrap_or("page closed");
                Err(self.failure(&format!("lost the page ({reason})")))
            }
            Ok(message) => Ok(message),
            Err(RecvTimeoutError::Timeout) => Err(PdfError::Browser(format!(
                "cannot make a PDF: the browser `{}` did not finish within {} seconds",
                self.browser.display(),
                self.options.timeout.as_secs()
            ))),
            Err(RecvTimeoutError::Disconnected) => Err(self.failure("exited")),
        }
    }

    /// What went wrong, with the end of the browser's log.
    fn failure(&mut self, what: &str) -> PdfError {
        // A browser that exited has written all of its log.
        let _ = self.child.try_wait();
        let log = std::fs::read_to_string(self.dir.path().join("browser.log")).unwrap_or_default();
        // Its complaints about a missing desktop bus say nothing here.
        let tail: Vec<&str> = log
            .lines()
            .filter(|l| !l.contains(":ERROR:dbus/"))
            .rev()
            .take(8)
            .collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        PdfError::Browser(format!(
            "cannot make a PDF: the browser `{}` {what} without printing the page{}",
            self.browser.display(),
            if tail.is_empty() {
                String::new()
            } else {
                format!("; it said:\n{}", tail.join("\n"))
            }
        ))
    }
}

impl Drop for PdfPrinter {
    fn drop(&mut self) {
        // Asked to close first, so that it removes its own files; stopped
        // if it does not within a few seconds.
        self.next_id += 1;
        let close = json!({ "id": self.next_id, "method": "Browser.close" });
        let mut bytes = serde_json::to_vec(&close).unwrap_or_default();
        bytes.push(0);
        let _ = self.to_browser.write_all(&bytes);
        let _ = self.to_browser.flush();
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads NUL-ended JSON messages until the browser closes its end.
fn read_messages(out: impl Read, send: &mpsc::Sender<Value>) {
    let mut reader = BufReader::new(out);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_until(0, &mut buf) {
            Ok(0) | Err(_) => return,
            Ok(_) => {
                if buf.last() == Some(&0) {
                    buf.pop();
                }
                if let Ok(message) = serde_json::from_slice::<Value>(&buf)
                    && send.send(message).is_err()
                {
                    return;
                }
            }
        }
    }
}

/// Standard base64 (with padding, as the protocol sends binary data);
/// `None` for anything else.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    fn value(c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    }
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for (i, chunk) in bytes.chunks(4).enumerate() {
        let last = i + 1 == bytes.len() / 4;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &chunk[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad as u32;
        let three = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&three[..3 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_as_the_standard_says() {
        for (text, plain) in [
            ("", ""),
            ("Zg==", "f"),
            ("Zm8=", "fo"),
            ("Zm9v", "foo"),
            ("Zm9vYg==", "foob"),
            ("Zm9vYmE=", "fooba"),
            ("Zm9vYmFy", "foobar"),
            ("JVBERi0xLjQK", "%PDF-1.4\n"),
        ] {
            assert_eq!(
                decode_base64(text).as_deref(),
                Some(plain.as_bytes()),
                "{text}"
            );
        }
        assert_eq!(decode_base64("/+8="), Some(vec![0xff, 0xef]));
        for bad in ["Zg=", "Z===", "Zg==Zm9v", "Zm9*", "Zm9v\n"] {
            assert_eq!(decode_base64(bad), None, "{bad}");
        }
    }

    #[test]
    fn messages_are_split_at_nul_bytes() {
        let (send, receive) = mpsc::channel();
        let stream: &[u8] = b"{\"id\":1}\0not json\0{\"method\":\"x\"}\0";
        read_messages(stream, &send);
        let got: Vec<Value> = receive.try_iter().collect();
        assert_eq!(got, vec![json!({"id": 1}), json!({"method": "x"})]);
    }
}
