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
