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
}
