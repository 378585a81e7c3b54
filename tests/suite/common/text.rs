//! What a reader sees of a rendering, for tests that look for facts in it.

/// The text a reader sees in an HTML rendering: tags dropped, entities
/// decoded, whitespace collapsed.
pub fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let decoded = text
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    collapse(&decoded)
}

/// The text a reader sees in a Markdown rendering: backslash escapes and
/// emphasis markers dropped, whitespace collapsed.
pub fn markdown_text(md: &str) -> String {
    let mut text = String::with_capacity(md.len());
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|n| n.is_ascii_punctuation()) => {
                text.push(chars.next().expect("peeked"));
            }
            '*' => {}
            _ => text.push(c),
        }
    }
    collapse(&text)
}

/// `s` with each run of whitespace made one space, and none at the ends.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The sentences of eight words or more that `rendering` (Markdown or
/// HTML) prints more than once, each once, in the order of their second
/// appearance. A sentence ends at `.`, `!`, `?` or `:` followed by a
/// space (so a speaker's name before a colon is not part of what they
/// said), at a line break, a table cell or an HTML tag; markup, footnote markers
/// and link targets are left out, so the same words set differently
/// still count as a repeat. What a reader is not shown is skipped: an HTML
/// page's `<head>`, and the `<title>` and `<desc>` that describe a chart
/// to assistive technology.
pub fn repeated_sentences(rendering: &str) -> Vec<String> {
    let mut shown = rendering.to_string();
    for element in ["head", "title", "desc"] {
        shown = without_element(&shown, element);
    }
    let mut seen: Vec<String> = Vec::new();
    let mut repeated: Vec<String> = Vec::new();
    for sentence in sentences(&plain_lines(&shown)) {
        if sentence.split_whitespace().count() < 8 {
            continue;
        }
        if seen.contains(&sentence) {
            if !repeated.contains(&sentence) {
                repeated.push(sentence);
            }
        } else {
            seen.push(sentence);
        }
    }
    repeated
}

/// The rendering as text, one line per block: tags, table bars,
/// emphasis, escapes, footnote markers and link targets removed.
fn plain_lines(rendering: &str) -> String {
    let mut out = String::with_capacity(rendering.len());
    let mut chars = rendering.chars().peekable();
    let mut in_tag = false;
    while let Some(c) = chars.next() {
        match c {
            '<' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!') =>
            {
                in_tag = true;
            }
            '>' if in_tag => {
                in_tag = false;
                out.push('\n');
            }
            _ if in_tag => {}
            '\\' if chars.peek().is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push(chars.next().expect("peeked"));
            }
            '\\' => out.push('\n'),
            '|' => out.push('\n'),
            '*' => {}
            '[' if chars.peek() == Some(&'^') => {
                for n in chars.by_ref() {
                    if n == ']' {
                        break;
                    }
                }
            }
            '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                for n in chars.by_ref() {
                    if n == ')' {
                        break;
                    }
                }
            }
            _ => out.push(c),
        }
    }
    out.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The sentences of `text`, whitespace collapsed, without the final
/// stop.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut current = String::new();
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            current.push(c);
            let ends = matches!(c, '.' | '!' | '?' | '”' | ':')
                && chars.peek().is_none_or(|n| n.is_whitespace());
            if ends {
                out.push(collapse(current.trim_end_matches(['.', '!', '?', ':'])));
                current.clear();
            }
        }
        out.push(collapse(&current));
    }
    out.retain(|s| !s.is_empty());
    out
}

/// `html` without each `<name ...>...</name>` element.
fn without_element(html: &str, name: &str) -> String {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        if !after.starts_with(['>', ' ']) {
            out.push_str(&rest[..start + open.len()]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..start]);
        match after.find(&close) {
            Some(end) => rest = &after[end + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}
