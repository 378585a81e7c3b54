//! The template helpers: filters registered once on each Tera instance.
//!
//! Every helper has the same name in both formats and does the right
//! thing for the format it renders: `cite` gives footnote markers in
//! Markdown and superscript links in HTML. docs/templates.md documents
//! them for template authors.

use std::fmt::Write as _;
use std::io::Write;

use tera::{Kwargs, State, Tera, TeraResult, Value};

use super::Format;

/// The names of the helpers, for documentation and tests.
pub const HELPERS: &[&str] = &["actor", "cite", "date", "escape_md", "figure", "markdown"];

/// Registers every helper on a Tera instance that renders `format`.
pub(super) fn register(tera: &mut Tera, format: Format) {
    let html = format == Format::Html;
    tera.register_filter("markdown", move |s: &str, k: Kwargs, _: &State| {
        only("markdown", &k, &[])?;
        Ok::<_, tera::Error>(if html {
            Value::safe_string(&markdown_to_safe_html(s))
        } else {
            Value::safe_string(&markdown_to_safe_markdown(s))
        })
    });
    tera.register_filter("escape_md", move |s: &str, k: Kwargs, _: &State| {
        only("escape_md", &k, &[])?;
        let escaped = markdown_escaped(s);
        Ok::<_, tera::Error>(if html {
            // In HTML the result is still text: HTML escaping applies.
            Value::normal_string(&escaped)
        } else {
            Value::safe_string(&escaped)
        })
    });
    tera.register_filter("cite", move |v: &Value, k: Kwargs, _: &State| {
        only("cite", &k, &[])?;
        cite(v, html)
    });
    tera.register_filter("date", move |v: &Value, k: Kwargs, _: &State| {
        date(v, &k, html)
    });
    tera.register_filter("figure", |v: &Value, k: Kwargs, _: &State| figure(v, &k));
    tera.register_filter("actor", |v: &Value, k: Kwargs, _: &State| actor(v, &k));
}

/// Refuses keyword arguments a helper does not take, so a misspelled one
/// is an error rather than silently ignored.
fn only(filter: &str, kwargs: &Kwargs, allowed: &[&str]) -> TeraResult<()> {
    for (key, _) in kwargs.iter() {
        let key = key.as_str().unwrap_or_default();
        if !allowed.contains(&key) {
            let takes = match allowed {
                [] => "takes no arguments".to_owned(),
                _ => format!("takes only `{}`", allowed.join("`, `")),
            };
            return Err(tera::Error::message(format!(
                "the `{filter}` filter has no argument `{key}`; it {takes}"
            )));
        }
    }
    Ok(())
}

fn str_at<'a>(v: &'a Value, key: &'a str) -> Option<&'a str> {
    v.get_from_path(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

fn wrong_type(filter: &str, expected: &str, v: &Value) -> tera::Error {
    tera::Error::message(format!(
        "the `{filter}` filter expects {expected}, but got {}",
        v.name()
    ))
}

/// `cites | cite`: footnote markers for a list of sources (or one source,
/// or a source number).
fn cite(v: &Value, html: bool) -> TeraResult<Value> {
    let mut out = String::new();
    let mut one = |n: u64, name: Option<&str>| {
        if html {
            let _ = write!(out, "<sup class=\"cite\"><a href=\"#source-{n}\"");
            if let Some(name) = name {
                out.push_str(" title=\"");
                out.push_str(&html_escaped(name));
                out.push('"');
            }
            let _ = write!(out, ">{n}</a></sup>");
        } else {
            let _ = write!(out, "[^{n}]");
        }
    };
    let source = |c: &Value| -> TeraResult<(u64, Option<String>)> {
        match c.get_from_path("n").and_then(Value::as_u64) {
            Some(n) => Ok((n, str_at(c, "name").map(str::to_owned))),
            None => Err(wrong_type(
                "cite",
                "a source (with `n`) or a list of them",
                c,
            )),
        }
    };
    if v.is_none() || v.is_undefined() {
        return Ok(Value::safe_string(""));
    }
    if let Some(n) = v.as_u64() {
        one(n, None);
    } else if let Some(items) = v.as_array() {
        for c in items {
            let (n, name) = source(c)?;
            one(n, name.as_deref());
        }
    } else if v.is_map() {
        let (n, name) = source(v)?;
        one(n, name.as_deref());
    } else {
        return Err(wrong_type("cite", "a source or a list of sources", v));
    }
    Ok(Value::safe_string(&out))
}

/// `d | date`: a date as the reader should see it; `missing` replaces
/// the default text for an absent date.
fn date(v: &Value, kwargs: &Kwargs, html: bool) -> TeraResult<Value> {
    only("date", kwargs, &["missing"])?;
    if v.is_none() || v.is_undefined() {
        let missing: Option<&str> = kwargs.get("missing")?;
        let missing = missing.unwrap_or("date not given");
        return Ok(if html {
            Value::safe_string(&format!(
                "<span class=\"date unknown\">{}</span>",
                html_escaped(missing)
            ))
        } else {
            Value::normal_string(missing)
        });
    }
    let Some(text) = v.get_from_path("text").and_then(Value::as_str) else {
        return Err(wrong_type("date", "a date (with `text`)", v));
    };
    if !html {
        return Ok(Value::normal_string(text));
    }
    let exact = v
        .get_from_path("exact")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let out = match (exact, str_at(v, "edtf")) {
        (true, Some(edtf)) => format!(
            "<time datetime=\"{}\">{}</time>",
            html_escaped(edtf),
            html_escaped(text)
        ),
        _ => {
            let inferred = v
                .get_from_path("inferred")
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty());
            let mut out = String::from("<span class=\"date");
            if inferred {
                out.push_str(" inferred");
            }
            out.push('"');
            if let Some(basis) = str_at(v, "basis") {
                let _ = write!(out, " title=\"{}\"", html_escaped(basis));
            }
            let _ = write!(out, ">{}</span>", html_escaped(text));
            out
        }
    };
    Ok(Value::safe_string(&out))
}

/// `f | figure`: the figure with its qualifier (`nearly 20%`); with
/// `wording=true`, the source's own wording follows when it differs.
fn figure(v: &Value, kwargs: &Kwargs) -> TeraResult<Value> {
    only("figure", kwargs, &["wording"])?;
    let Some(display) = v.get_from_path("display").and_then(Value::as_str) else {
        return Err(wrong_type("figure", "a figure (with `display`)", v));
    };
    let wording: Option<bool> = kwargs.get("wording")?;
    let mut out = display.to_owned();
    if wording.unwrap_or(false)
        && let Some(stated) = str_at(v, "stated")
        && stated != display
    {
        let _ = write!(out, " (source: “{stated}”)");
    }
    Ok(Value::normal_string(&out))
}

/// `a | actor`: a name with the role in brackets, for actors (`roles_text`)
/// and speakers (`role`); `role=false` gives the name alone.
fn actor(v: &Value, kwargs: &Kwargs) -> TeraResult<Value> {
    only("actor", kwargs, &["role"])?;
    if v.is_none() || v.is_undefined() {
        return Ok(Value::normal_string("Unattributed"));
    }
    let Some(name) = str_at(v, "name") else {
        return Err(wrong_type("actor", "an actor or speaker (with `name`)", v));
    };
    let with_role: Option<bool> = kwargs.get("role")?;
    let role = str_at(v, "role").or_else(|| str_at(v, "roles_text"));
    Ok(Value::normal_string(&match role {
        Some(role) if with_role.unwrap_or(true) => format!("{name} ({role})"),
        _ => name.to_owned(),
    }))
}

fn html_escaped(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let _ = tera::escape_html(s, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

fn markdown_escaped(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let _ = escape_markdown(s, &mut out);
    String::from_utf8(out).unwrap_or_default()
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
    // The sanitizer's rules are hundreds of set entries: build them once.
    static SANITIZER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    SANITIZER
        .get_or_init(|| {
            let mut builder = ammonia::Builder::default();
            builder
                .link_rel(Some("noopener noreferrer"))
                .url_schemes(["http", "https", "mailto"].into_iter().collect());
            builder
        })
        .clean(&raw)
        .to_string()
}

/// Markdown prose (background, outlook) → Markdown that keeps its
/// formatting but can carry nothing a Markdown renderer or a static-site
/// generator would act on: raw HTML is escaped into text, a link or image
/// whose URL is not relative, `http`, `https` or `mailto` is shown as
/// text, and `{{` and `{%` are broken up (`{\{`, `{\%`) so that no
/// template language (mdBook's `{{#include}}`, Liquid, Hugo or Zola
/// shortcodes) expands them. Each reads the same to a reader.
pub fn markdown_to_safe_markdown(text: &str) -> String {
    let mut text = text.trim().to_string();
    // Each pass escapes what the last parse found; escaping can reveal
    // more (a reference link behind an escaped one), hence a few passes.
    for _ in 0..8 {
        let marks = unsafe_markdown(&text);
        if marks.is_empty() {
            return break_template_braces(&text);
        }
        let mut out = String::with_capacity(text.len() + marks.len());
        let mut last = 0;
        for at in marks {
            out.push_str(&text[last..at]);
            out.push('\\');
            last = at;
        }
        out.push_str(&text[last..]);
        text = out;
    }
    // Not settled: keep the words and line breaks, as plain text.
    let mut plain = Vec::new();
    for line in text.lines() {
        let mut escaped = Vec::new();
        let _ = escape_markdown(line, &mut escaped);
        plain.push(String::from_utf8(escaped).unwrap_or_default());
    }
    plain.join("\n")
}

/// Byte offsets, sorted and distinct, before which a backslash turns raw
/// HTML or an unsafe link of `text` into text.
fn unsafe_markdown(text: &str) -> Vec<usize> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut marks = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Html(_) | Event::InlineHtml(_) => {
                marks.extend(
                    text[range.clone()]
                        .match_indices('<')
                        .map(|(i, _)| range.start + i),
                );
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if !crate::url::safe_link(&dest_url) =>
            {
                // `[text](url)`, `![text](url)`, `<url>`: escape what opens it.
                let opener = text[range.clone()].find(['[', '<']);
                if let Some(i) = opener {
                    marks.push(range.start + i);
                }
            }
            _ => {}
        }
    }
    marks.sort_unstable();
    marks.dedup();
    marks
}

/// `{{` → `{\{` and `{%` → `{\%`: template delimiters no longer, and the
/// same text once rendered.
fn break_template_braces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = None;
    for c in text.chars() {
        if previous == Some('{') && (c == '{' || c == '%') {
            out.push('\\');
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

/// Escapes text for inline Markdown: every character that could start
/// markup is backslash-escaped, line breaks become spaces (so a value can
/// never end a table row or start a block), and a leading list or heading
/// marker is neutralised. `{{` and `{%` are broken up (`{\{`), so that
/// no template language of a static-site generator or of mdBook expands
/// them.
pub fn escape_markdown(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let input = input.trim_start();
    // Most values need no escaping at all: copy them as they are.
    let special = |b: u8| {
        matches!(
            b,
            b'\\'
                | b'`'
                | b'*'
                | b'_'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'|'
                | b'#'
                | b'~'
                | b'&'
                | b'$'
                | b'{'
                | b'\r'
                | b'\n'
        )
    };
    let plain_start = !input.starts_with(|c: char| matches!(c, '-' | '+' | '=' | '0'..='9'));
    if plain_start && !input.bytes().any(special) {
        return out.write_all(input.as_bytes());
    }
    let mut buf = String::with_capacity(input.len() + 8);
    let mut at_start = true;
    let mut chars = input.chars().peekable();
    let mut previous = None;
    while let Some(c) = chars.next() {
        // `{{` and `{%` open templates in mdBook, Liquid, Hugo and Zola.
        let brace = previous == Some('{') && (c == '{' || c == '%');
        previous = Some(c);
        if brace {
            buf.push('\\');
            buf.push(c);
            at_start = false;
            continue;
        }
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
        markdown_escaped(s)
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
    fn template_delimiters_are_broken_up() {
        assert_eq!(
            md("{{#include /etc/passwd}}"),
            "{\\{\\#include /etc/passwd}}"
        );
        assert_eq!(md("{% raw %} {{{x}}}"), "{\\% raw %} {\\{\\{x}}}");
        assert_eq!(md("{ {"), "{ {");
    }

    #[test]
    fn prose_markdown_keeps_formatting_but_not_html_or_scripts() {
        let safe = markdown_to_safe_markdown;
        assert_eq!(
            safe("  *Talks* [went](https://a.org) on.\n"),
            "*Talks* [went](https://a.org) on."
        );
        assert_eq!(
            safe("Hi <script>alert(1)</script>"),
            "Hi \\<script>alert(1)\\</script>"
        );
        assert_eq!(
            safe("<div onclick=x>\nblock\n</div>"),
            "\\<div onclick=x>\nblock\n\\</div>"
        );
        assert_eq!(
            safe("[x](javascript:alert(1))"),
            "\\[x](javascript:alert(1))"
        );
        assert_eq!(
            safe("![x](javascript:alert(1))"),
            "!\\[x](javascript:alert(1))"
        );
        assert_eq!(safe("<javascript:alert(1)>"), "\\<javascript:alert(1)>");
        assert_eq!(
            safe("[a][r] [r]\n\n[r]: data:text/html,x"),
            "\\[a]\\[r] \\[r]\n\n[r]: data:text/html,x"
        );
        assert_eq!(safe("`{{#include x}}` {%x%}"), "`{\\{#include x}}` {\\%x%}");
        assert_eq!(
            safe("<https://a.org> [m](mailto:a@b.org) [r](../x.md)"),
            "<https://a.org> [m](mailto:a@b.org) [r](../x.md)"
        );
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
