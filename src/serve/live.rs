//! What makes a served page reload itself: a small script, allowed by the
//! page's content policy through a nonce made for that one response.
//! Only served pages get it; pages written by `render` and `build` are
//! never passed through here and stay script-free.

use std::hash::{BuildHasher, Hasher};

/// The path of the stream of change events the script listens to.
pub const EVENTS_PATH: &str = "__brief/events";

/// The policy sent as a header with every served page. A page's own
/// policy (the `<meta>` of the built-in layout) applies as well, so it is
/// widened the same way by [`with_reload`].
pub fn policy(nonce: &str) -> String {
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
         script-src 'nonce-{nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'"
    )
}

/// A fresh nonce: 128 bits from the standard library's randomly seeded
/// hasher, as hex.
pub fn nonce() -> String {
    let state = std::collections::hash_map::RandomState::new();
    let mut out = String::with_capacity(32);
    for part in 0u8..2 {
        let mut h = state.build_hasher();
        h.write_u8(part);
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

/// The page with the reload script before its `</body>` (or at its end),
/// told the change count it was rendered at, and with every content
/// policy in a `<meta>` widened to allow that script and its connection.
pub fn with_reload(html: &str, nonce: &str, generation: u64) -> String {
    let mut html = widen_meta_policies(html, nonce);
    // A page also reloads when the stream comes back after being lost:
    // the server was restarted, and its count of changes started again.
    let script = format!(
        "<script nonce=\"{nonce}\">\n\
         (function () {{\n\
         var events = new EventSource(\"/{EVENTS_PATH}?since={generation}\"), lost = false;\n\
         events.onmessage = function () {{ location.reload(); }};\n\
         events.onerror = function () {{ lost = true; }};\n\
         events.onopen = function () {{ if (lost) {{ location.reload(); }} }};\n\
         }})();\n\
         </script>\n"
    );
    let at = html
        .to_ascii_lowercase()
        .rfind("</body>")
        .unwrap_or(html.len());
    html.insert_str(at, &script);
    html
}

/// Every `<meta http-equiv="Content-Security-Policy" content="...">` with
/// the script's nonce added to its `script-src` and `'self'` to its
/// `connect-src` (each added when missing): otherwise the page's own
/// policy would block the script whatever the header allows.
fn widen_meta_policies(html: &str, nonce: &str) -> String {
    const MARK: &str = "http-equiv=\"content-security-policy\"";
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() + 64);
    let mut done = 0;
    let mut from = 0;
    while let Some(i) = lower[from..].find(MARK).map(|i| from + i) {
        from = i + MARK.len();
        let tag_end = lower[i..].find('>').map_or(lower.len(), |e| i + e);
        let Some(start) = lower[i..tag_end].find("content=\"").map(|s| i + s + 9) else {
            continue;
        };
        let Some(end) = lower[start..tag_end].find('"').map(|e| start + e) else {
            continue;
        };
        out.push_str(&html[done..start]);
        out.push_str(&widen(&html[start..end], nonce));
        done = end;
        from = end;
    }
    out.push_str(&html[done..]);
    out
}

/// A policy with the reload script and its connection allowed.
fn widen(policy: &str, nonce: &str) -> String {
    let mut directives: Vec<String> = Vec::new();
    let (mut script, mut connect) = (false, false);
    for d in policy.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        let name = d
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        // `'none'` beside another source is ignored at best: drop it.
        let with = |extra: String| {
            let mut parts: Vec<String> = vec![name.clone()];
            parts.extend(
                d.split_whitespace()
                    .skip(1)
                    .filter(|s| *s != "'none'")
                    .map(str::to_string),
            );
            parts.push(extra);
            parts.join(" ")
        };
        match name.as_str() {
            "script-src" if !script => {
                script = true;
                directives.push(with(format!("'nonce-{nonce}'")));
            }
            "connect-src" if !connect => {
                connect = true;
                directives.push(with("'self'".to_string()));
            }
            _ => directives.push(d.to_string()),
        }
    }
    if !script {
        directives.push(format!("script-src 'nonce-{nonce}'"));
    }
    if !connect {
        directives.push("connect-src 'self'".to_string());
    }
    directives.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><meta http-equiv=\"Content-Security-Policy\" \
        content=\"default-src 'none'; style-src 'unsafe-inline'\">\n</head><body><p>x</p>\n</BODY></html>\n";

    #[test]
    fn the_script_goes_before_the_end_of_the_body_with_its_nonce() {
        let page = with_reload(PAGE, "abc", 7);
        let script = page.find("<script nonce=\"abc\">").expect("a script");
        assert!(script < page.find("</BODY>").unwrap());
        assert!(page.contains("/__brief/events?since=7"));
        assert!(page.contains(
            "content=\"default-src 'none'; style-src 'unsafe-inline'; \
             script-src 'nonce-abc'; connect-src 'self'\""
        ));
    }

    #[test]
    fn existing_script_and_connect_sources_are_kept_and_widened() {
        assert_eq!(
            widen("script-src 'none'; connect-src https://a.test", "n"),
            "script-src 'nonce-n'; connect-src https://a.test 'self'"
        );
        assert_eq!(widen("", "n"), "script-src 'nonce-n'; connect-src 'self'");
    }

    #[test]
    fn a_page_without_a_body_or_policy_gets_the_script_at_its_end() {
        let page = with_reload("<p>fragment</p>\n", "n", 0);
        assert!(page.starts_with("<p>fragment</p>\n<script nonce=\"n\">"));
    }

    #[test]
    fn nonces_differ_and_are_long() {
        let (a, b) = (nonce(), nonce());
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
    }
}
