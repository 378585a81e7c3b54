//! The little of HTTP/1.1 a local preview needs: reading a request's head
//! (method and target; headers are read and ignored, a body is never
//! read) and writing a response that closes the connection.

use std::io::{self, Read, Write};

/// The most bytes a request's head may take: a browser's are far smaller.
pub const MAX_HEAD: usize = 16 * 1024;

/// A request line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`...
    pub method: String,
    /// The request target as sent: `/a/b.html?x`.
    pub target: String,
}

/// Why a request could not be read.
#[derive(Debug)]
pub enum BadRequest {
    /// The connection closed or timed out before a whole head came.
    Io(io::Error),
    /// What came is not an HTTP/1 request head (status 400), or is too
    /// long (status 431).
    Status(u16),
}

/// Reads a request's head from `stream`, up to the blank line after the
/// headers.
pub fn read_request(stream: &mut impl Read) -> Result<Request, BadRequest> {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    let end = loop {
        let n = stream.read(&mut chunk).map_err(BadRequest::Io)?;
        if n == 0 {
            return Err(BadRequest::Io(io::ErrorKind::UnexpectedEof.into()));
        }
        // Search only where the new bytes could complete the blank line.
        let from = head.len().saturating_sub(3);
        head.extend_from_slice(&chunk[..n]);
        if let Some(i) = memchr::memmem::find(&head[from..], b"\r\n\r\n") {
            break from + i;
        }
        if head.len() > MAX_HEAD {
            return Err(BadRequest::Status(431));
        }
    };
    if end > MAX_HEAD {
        return Err(BadRequest::Status(431));
    }
    let head = std::str::from_utf8(&head[..end]).map_err(|_| BadRequest::Status(400))?;
    let line = head.split("\r\n").next().unwrap_or_default();
    let mut parts = line.split(' ');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(method), Some(target), Some(version), None)
            if !method.is_empty()
                && method.bytes().all(|b| b.is_ascii_uppercase())
                && !target.is_empty()
                && version.starts_with("HTTP/1.") =>
        {
            Ok(Request {
                method: method.to_string(),
                target: target.to_string(),
            })
        }
        _ => Err(BadRequest::Status(400)),
    }
}

/// A response, sent with `Connection: close`.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Headers besides the length and the connection's.
    pub headers: Vec<(&'static str, String)>,
    /// The body (left out for `HEAD`, though its length is sent).
    pub body: Vec<u8>,
}

impl Response {
    /// A page of plain text with `status`.
    pub fn text(status: u16, text: &str) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", "text/plain; charset=utf-8".to_string())],
            body: format!("{text}\n").into_bytes(),
        }
    }

    /// The response with one more header.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    /// Writes the response; without its body when `head_only`.
    pub fn write(&self, out: &mut impl Write, head_only: bool) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        out.write_all(head.as_bytes())?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

/// The reason phrase of the statuses the server sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Request, u16> {
        read_request(&mut text.as_bytes()).map_err(|e| match e {
            BadRequest::Status(s) => s,
            BadRequest::Io(_) => 0,
        })
    }

    #[test]
    fn reads_the_request_line_and_skips_the_headers() {
        let r = read("GET /a.html?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\nrest").unwrap();
        assert_eq!(r.method, "GET");
        assert_eq!(r.target, "/a.html?x=1");
    }

    #[test]
    fn refuses_what_is_not_a_request() {
        assert_eq!(read("GET /\r\n\r\n"), Err(400));
        assert_eq!(read("get / HTTP/1.1\r\n\r\n"), Err(400));
        assert_eq!(read("GET / HTTP/2\r\n\r\n"), Err(400));
        assert_eq!(read("GET  / HTTP/1.1\r\n\r\n"), Err(400));
        assert_eq!(read("GET / HTTP/1.1\r\n"), Err(0));
        let long = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(read(&long), Err(431));
    }

    #[test]
    fn a_head_response_has_the_length_but_no_body() {
        let r = Response::text(404, "not here");
        let mut out = Vec::new();
        r.write(&mut out, true).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.starts_with("HTTP/1.1 404 Not Found\r\n"), "{out}");
        assert!(out.contains("Content-Length: 9\r\n"), "{out}");
        assert!(out.ends_with("\r\n\r\n"), "{out}");
    }
}
