//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use brief::{Format, Limits, RenderOptions, Renderer};

/// The package root, where `briefs/` lives.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every brief shipped in `briefs/`, sorted by name.
pub fn shipped_briefs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("briefs"))
        .expect("briefs/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// Renders a brief file through the library, panicking on any error.
pub fn render_file(path: &Path, format: Format, fragment: bool) -> String {
    let source = std::fs::read_to_string(path).expect("brief is readable");
    let renderer = Renderer::new().expect("built-in templates compile");
    let options = RenderOptions {
        format,
        fragment,
        ..RenderOptions::default()
    };
    brief::render_str(&source, &Limits::default(), &renderer, &options)
        .unwrap_or_else(|e| panic!("{} does not render: {e}", path.display()))
        .text
}

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

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub mod hostile;
