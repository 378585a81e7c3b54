//! Which URLs a briefing may link to.
//!
//! A source's `url` is printed as a link in both formats, so it must be a
//! web or mail address and nothing a browser would run (`javascript:`,
//! `data:`), and hold no character that could end the link in Markdown
//! (`<url>`) or HTML. Links in Markdown prose follow the same scheme rule.

/// The schemes a briefing links to.
pub(crate) const SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Why a source's `url` is refused: the message and a label for the caret.
pub(crate) struct Problem {
    pub message: String,
    pub label: &'static str,
    pub help: &'static str,
}

/// Checks a source's `url` (already trimmed, not empty).
pub(crate) fn check(url: &str) -> Result<(), Problem> {
    if let Some(c) = url
        .chars()
        .find(|&c| c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c))
    {
        let shown = match c {
            ' ' => "a space".to_string(),
            c if c.is_whitespace() || c.is_control() => format!("`{}`", c.escape_unicode()),
            c => format!("`{c}`"),
        };
        return Err(Problem {
            message: format!("the url holds {shown}, which a URL cannot hold as it is"),
            label: "not allowed in a URL",
            help: "percent-encode the character (a space is `%20`, `{` is `%7B`), or remove it",
        });
    }
    let scheme = scheme(url);
    let ok = match scheme.as_deref() {
        Some("http" | "https") => url[url.find(':').unwrap_or(0) + 1..]
            .strip_prefix("//")
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/')),
        Some("mailto") => url.len() > "mailto:".len(),
        _ => false,
    };
    if ok {
        return Ok(());
    }
    let message = match scheme {
        Some(s) if !SCHEMES.contains(&s.as_str()) => {
            format!("a source's url must be a web or mail address, not a `{s}:` URL")
        }
        Some(s) => format!("the `{s}:` url has no address after the scheme"),
        None => "a source's url must be a full web address, with its scheme".to_string(),
    };
    Err(Problem {
        message,
        label: "not an http, https or mailto address",
        help: "give the full address, starting with `https://` (or `http://`, `mailto:`)",
    })
}

/// The scheme of a URL, lowercased, as a browser reads it: tabs and line
/// breaks anywhere are ignored, as are leading spaces and controls. `None`
/// for a relative URL (no `:` before the first `/`, `?` or `#`).
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|&c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let end = cleaned.find([':', '/', '?', '#'])?;
    if !cleaned[end..].starts_with(':') {
        return None;
    }
    Some(cleaned[..end].to_ascii_lowercase())
}

/// Whether a link destination in Markdown prose is safe to keep: relative,
/// or with one of the [`SCHEMES`]. Anything else with a scheme-like prefix
/// (`javascript:`, `data:`, `vbscript:`) is not, even when the prefix is
/// not a valid scheme: browsers are lenient.
pub(crate) fn safe_link(dest: &str) -> bool {
    match scheme(dest) {
        None => true,
        Some(s) => SCHEMES.contains(&s.as_str()),
    }
}

/// A link to a passage of the page at `url`: the URL with a Text
/// Fragment (`#:~:text=[prefix-,]start[,end][,-suffix]`) that browsers
/// scroll to and highlight. A passage of more than eight words is given by
/// its first four and last four words (`start,end`), which keeps links
/// short and matches across what lies between. Each part is
/// percent-encoded as the Text Fragments specification asks: every byte
/// outside the unreserved characters, and `-`, `,` and `&` (which the
/// directive's syntax uses), is escaped. A `url` that has a fragment
/// already keeps it, the directive after it.
pub(crate) fn text_fragment(
    url: &str,
    prefix: Option<&str>,
    exact: &str,
    suffix: Option<&str>,
) -> String {
    let words: Vec<&str> = exact.split_whitespace().collect();
    let mut directive = String::new();
    if let Some(p) = prefix.map(str::trim).filter(|p| !p.is_empty()) {
        directive.push_str(&fragment_encode(&one_line(p)));
        directive.push_str("-,");
    }
    if words.len() > 8 {
        directive.push_str(&fragment_encode(&words[..4].join(" ")));
        directive.push(',');
        directive.push_str(&fragment_encode(&words[words.len() - 4..].join(" ")));
    } else {
        directive.push_str(&fragment_encode(&words.join(" ")));
    }
    if let Some(s) = suffix.map(str::trim).filter(|s| !s.is_empty()) {
        directive.push_str(",-");
        directive.push_str(&fragment_encode(&one_line(s)));
    }
    let sep = if url.contains('#') {
        ":~:text="
    } else {
        "#:~:text="
    };
    format!("{url}{sep}{directive}")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Percent-encodes every byte but the unreserved `A-Z a-z 0-9 . _ ~`:
/// `-` too, which a Text Fragment directive reserves.
fn fragment_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_mail_addresses_pass() {
        for url in [
            "https://example.org/a?b=c#d",
            "HTTP://example.org",
            "mailto:desk@example.org",
            "https://例え.jp/パス",
            "https://example.org/%7Bx%7D",
        ] {
            assert!(check(url).is_ok(), "{url}");
        }
    }

    #[test]
    fn other_schemes_and_characters_fail() {
        let message = |url: &str| check(url).err().map(|p| p.message).unwrap_or_default();
        assert_eq!(
            message("javascript:alert(1)"),
            "a source's url must be a web or mail address, not a `javascript:` URL"
        );
        assert_eq!(
            message("JavaScript:alert(1)"),
            "a source's url must be a web or mail address, not a `javascript:` URL"
        );
        assert!(message("data:text/html,hi").contains("`data:`"));
        assert!(message("vbscript:x").contains("`vbscript:`"));
        assert_eq!(
            message("example.org/page"),
            "a source's url must be a full web address, with its scheme"
        );
        assert_eq!(
            message("https:"),
            "the `https:` url has no address after the scheme"
        );
        assert!(check("https:///etc/passwd").is_err());
        assert!(check("mailto:").is_err());
        assert_eq!(
            message("java\tscript:alert(1)"),
            "the url holds `\\u{9}`, which a URL cannot hold as it is"
        );
        assert_eq!(
            message("https://x/ <script>"),
            "the url holds a space, which a URL cannot hold as it is"
        );
        assert!(message("https://x/><script>").contains("`>`"));
        assert!(message("https://x/{{site.secret}}").contains("`{`"));
        assert!(message("https://x/\"onmouseover=\"x").contains("`\"`"));
        assert!(message("https://x/\u{1b}[2J").contains("`\\u{1b}`"));
    }

    #[test]
    fn prose_links_keep_only_safe_schemes() {
        for ok in [
            "https://a.org",
            "mailto:a@b.org",
            "#section",
            "../notes.md",
            "page?x=a:b",
        ] {
            assert!(safe_link(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:x",
            "\u{1}javascript:x",
            "JAVASCRIPT:x",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            assert!(!safe_link(bad), "{bad:?}");
        }
    }

    #[test]
    fn text_fragments_escape_what_the_directive_reserves() {
        let url = "https://example.org/a";
        assert_eq!(
            text_fragment(url, None, "nearly 1,200 passengers", None),
            "https://example.org/a#:~:text=nearly%201%2C200%20passengers"
        );
        assert_eq!(
            text_fragment(url, Some("said"), "pay & crew-members", Some("in-port")),
            "https://example.org/a#:~:text=said-,pay%20%26%20crew%2Dmembers,-in%2Dport"
        );
        // Non-ASCII text is percent-encoded as UTF-8 bytes.
        assert_eq!(
            text_fragment(url, None, "“Non” — é", None),
            "https://example.org/a#:~:text=%E2%80%9CNon%E2%80%9D%20%E2%80%94%20%C3%A9"
        );
        // A long passage is given by its first and last words.
        assert_eq!(
            text_fragment(
                url,
                None,
                "one two three four five six seven eight nine",
                None
            ),
            "https://example.org/a#:~:text=one%20two%20three%20four,six%20seven%20eight%20nine"
        );
        // A fragment already there is kept; the passage follows it.
        assert_eq!(
            text_fragment("https://example.org/a#top", None, "x", None),
            "https://example.org/a#top:~:text=x"
        );
    }
}
