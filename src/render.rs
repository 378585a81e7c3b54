//! Stage 4, render: [`View`] → Markdown or HTML through Tera templates.
//!
//! The built-in templates in `templates/` are compiled into the binary.
//! Markdown and HTML each get their own Tera instance, because each needs
//! its own escaping: HTML entities for `.html` templates, backslash escapes
//! for `.md` templates, so that a name containing `|` or `*` stays one
//! table cell of plain text.

use std::fmt;
use std::io::Write;

use tera::{Context, Kwargs, State, Tera, Value};

use crate::resolve::View;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// CommonMark with GFM tables and footnotes.
    Markdown,
    /// A standalone HTML5 page (or a fragment of one).
    Html,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    /// The format a file name implies, if any (`.md`, `.markdown`,
    /// `.html`, `.htm`).
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Options for one rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Output format.
    pub format: Format,
    /// HTML only: emit the body content alone, for embedding in a page.
    pub fragment: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            format: Format::Markdown,
            fragment: false,
        }
    }
}

/// A template failed to compile or render.
#[derive(Debug)]
pub struct RenderError {
    message: String,
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RenderError {}

impl From<tera::Error> for RenderError {
    fn from(e: tera::Error) -> Self {
        // Tera's useful detail (file, line, column, source line) is often in
        // the error's source chain: print all of it.
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            let text = s.to_string();
            if !message.contains(&text) {
                message.push_str("\n  caused by: ");
                message.push_str(&text);
            }
            source = s.source();
        }
        RenderError { message }
    }
}

/// The built-in templates: name and content.
const BUILTIN_MD: &[(&str, &str)] = &[("brief.md", include_str!("../templates/brief.md"))];
const BUILTIN_HTML: &[(&str, &str)] = &[
    ("brief.html", include_str!("../templates/brief.html")),
    ("style.css", include_str!("../templates/style.css")),
];

/// Compiled templates for both formats. Build it once and render many
/// briefs with it.
pub struct Renderer {
    markdown: Tera,
    html: Tera,
}

impl fmt::Debug for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Renderer").finish_non_exhaustive()
    }
}

impl Renderer {
    /// A renderer with the built-in templates.
    pub fn new() -> Result<Self, RenderError> {
        let mut markdown = Tera::new();
        markdown.set_escape_fn(escape_markdown);
        markdown.autoescape_on([".md"]);
        markdown.register_filter("markdown", |s: &str, _: Kwargs, _: &State| {
            Value::safe_string(s.trim())
        });
        markdown.add_raw_templates(BUILTIN_MD.iter().copied())?;

        let mut html = Tera::new();
        html.autoescape_on([".html"]);
        html.register_filter("markdown", |s: &str, _: Kwargs, _: &State| {
            Value::safe_string(&markdown_to_safe_html(s))
        });
        html.add_raw_templates(BUILTIN_HTML.iter().copied())?;
        Ok(Self { markdown, html })
    }

    /// Renders a view.
    pub fn render(&self, view: &View, options: &RenderOptions) -> Result<String, RenderError> {
        let mut context = Context::from_serialize(view)?;
        context.insert("fragment", &options.fragment);
        let out = match options.format {
            Format::Markdown => self.markdown.render("brief.md", &context)?,
            Format::Html => self.html.render("brief.html", &context)?,
        };
        Ok(tidy(out))
    }
}

/// Collapses runs of blank lines left by template logic and ends the
/// output with exactly one newline.
fn tidy(text: String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Markdown prose (background, outlook) → sanitized HTML. Raw HTML in the
/// prose is cleaned, never passed through.
pub fn markdown_to_safe_html(text: &str) -> String {
    use pulldown_cmark::{Options, Parser, html};
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut raw = String::new();
    html::push_html(&mut raw, Parser::new_ext(text, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .clean(&raw)
        .to_string()
}

/// Escapes text for inline Markdown: every character that could start
/// markup is backslash-escaped, line breaks become spaces (so a value can
/// never end a table row or start a block), and a leading list or heading
/// marker is neutralised.
pub fn escape_markdown(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let input = input.trim_start();
    let mut buf = String::with_capacity(input.len() + 8);
    let mut at_start = true;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '$' => {
                buf.push('\\');
                buf.push(c);
            }
            '\r' | '\n' => {
                if !buf.ends_with(' ') {
                    buf.push(' ');
                }
                at_start = false;
                continue;
            }
            '-' | '+' | '=' if at_start => {
                buf.push('\\');
                buf.push(c);
            }
            '0'..='9' if at_start => {
                buf.push(c);
                while let Some(&d) = chars.peek() {
                    if d.is_ascii_digit() {
                        buf.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                if let Some(&p) = chars.peek()
                    && (p == '.' || p == ')')
                {
                    buf.push('\\');
                    buf.push(p);
                    chars.next();
                }
            }
            _ => buf.push(c),
        }
        at_start = false;
    }
    out.write_all(buf.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(s: &str) -> String {
        let mut out = Vec::new();
        escape_markdown(s, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn markdown_escaping_neutralises_structure() {
        assert_eq!(md("a | b"), "a \\| b");
        assert_eq!(md("*bold* [x](y)"), "\\*bold\\* \\[x\\](y)");
        assert_eq!(md("# head"), "\\# head");
        assert_eq!(md("- item"), "\\- item");
        assert_eq!(md("1. item"), "1\\. item");
        assert_eq!(md("line\nbreak"), "line break");
        assert_eq!(md("<script>"), "\\<script\\>");
        assert_eq!(md("U.S.-Russia"), "U.S.-Russia");
    }

    #[test]
    fn prose_html_is_sanitized() {
        let html = markdown_to_safe_html(
            "Hi <script>alert(1)</script> [x](javascript:alert(1)) <b onclick=x>b</b>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(html.contains("<b>b</b>"), "{html}");
    }
}
