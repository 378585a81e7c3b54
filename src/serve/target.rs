//! A request target turned into a path inside the served directory, or
//! refused: percent-decoded first, so that an encoded `..` or `/` is seen
//! for what it is, then allowed only as plain names joined by `/`.

/// The path a request target names, relative to the served directory and
/// without a leading `/` (`""` for the root), and its query; `None` when
/// the target could reach outside the directory or is not a path at all
/// (an absolute URL, `..`, `.`, an empty segment as in `//etc`, a
/// backslash, a NUL, an invalid escape or UTF-8).
pub fn decode(target: &str) -> Option<(String, &str)> {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let path = path.strip_prefix('/')?;
    let decoded = String::from_utf8(percent_decode(path)?).ok()?;
    if decoded.is_empty() {
        return Some((decoded, query));
    }
    let safe = decoded
        .split('/')
        .all(|s| !s.is_empty() && s != "." && s != ".." && !s.contains(['\\', '\0', ':']));
    safe.then_some((decoded, query))
}

/// `%XX` escapes as bytes; `None` for a `%` not followed by two hex
/// digits.
fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The value of `name` in a query (`since=3&x=1`), as written.
pub fn query_value<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(target: &str) -> Option<String> {
        decode(target).map(|(p, _)| p)
    }

    #[test]
    fn plain_paths_are_decoded() {
        assert_eq!(path("/"), Some(String::new()));
        assert_eq!(path("/index.html"), Some("index.html".into()));
        assert_eq!(path("/a/b%20c.html?x"), Some("a/b c.html".into()));
        assert_eq!(path("/%C3%A9t%C3%A9.html"), Some("été.html".into()));
        assert_eq!(decode("/__brief/events?since=4").unwrap().1, "since=4");
    }

    #[test]
    fn paths_that_could_leave_the_directory_are_refused() {
        for bad in [
            "/../secret.yaml",
            "/a/../../b.html",
            "/%2e%2e/secret.html",
            "/%2E%2E%2Fsecret.html",
            "/a%2f..%2f..%2fb.html",
            "//etc/passwd",
            "/a//b.html",
            "/./a.html",
            "/a\\..\\b.html",
            "/a%5c..%5cb.html",
            "/a%00.html",
            "/C:/x.html",
            "http://example.com/a.html",
            "a.html",
            "*",
            "/%zz.html",
            "/%e9.html",
            "/a%2",
        ] {
            assert_eq!(path(bad), None, "{bad}");
        }
    }

    #[test]
    fn query_values_are_found_by_name() {
        assert_eq!(query_value("since=3", "since"), Some("3"));
        assert_eq!(query_value("a=1&since=12", "since"), Some("12"));
        assert_eq!(query_value("sincere=1", "since"), None);
        assert_eq!(query_value("", "since"), None);
    }
}
