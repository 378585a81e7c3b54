//! The HTML dialect: entity escapes, prose turned into HTML and
//! sanitized, citations as superscript links, dates as `<time>` where
//! exact, and inline SVG charts.

use std::fmt::Write as _;
use std::io::Write;

use tera::Value;

use crate::render::charts::{self, ChartsView};
use crate::resolve::View;

/// Tera's escape function for HTML pages: entities for `&`, `<`, `>`,
/// quotes and `/`, as Tera escapes by default.
pub(crate) fn escape(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    tera::escape_html(input, out)
}

/// The `markdown` filter: [`markdown_to_safe_html`].
pub(crate) fn prose(text: &str) -> String {
    markdown_to_safe_html(text)
}

/// A superscript link to the source's item in the list of sources, with
/// its name as a tooltip when known.
pub(crate) fn cite(out: &mut String, n: u64, name: Option<&str>) {
    let _ = write!(out, "<sup class=\"cite\"><a href=\"#source-{n}\"");
    if let Some(name) = name {
        out.push_str(" title=\"");
        out.push_str(&escaped(name));
        out.push('"');
    }
    let _ = write!(out, ">{n}</a></sup>");
}

/// An item's source passages, folded in a `<details>`: each quoted, with
/// a link to it in its source's page when there is one, and the source's
/// citation.
pub(crate) fn evidence(passages: &[super::Passage], words: &crate::i18n::Words) -> String {
    if passages.is_empty() {
        return String::new();
    }
    let mut out = String::from("<details class=\"evidence\"><summary>");
    out.push_str(&escaped(
        &words.msg("source-passages", &[("count", passages.len().into())]),
    ));
    out.push_str("</summary>");
    let in_source = escaped(&words.get("in-the-source-link"));
    for p in passages {
        out.push_str("<blockquote");
        if let Some(link) = &p.link {
            let _ = write!(out, " cite=\"{}\"", escaped(link));
        }
        let _ = write!(out, "><p>{}</p></blockquote>", escaped(&p.exact));
        if p.link.is_some() || p.n.is_some() {
            out.push_str("<p class=\"evidence-source\">");
            match &p.link {
                Some(link) => {
                    let _ = write!(out, "<a href=\"{}\">{in_source}</a>", escaped(link));
                }
                None => out.push_str(&in_source),
            }
            if let Some(n) = p.n {
                cite(&mut out, n, p.name.as_deref());
            }
            out.push_str("</p>");
        }
    }
    out.push_str("</details>");
    out
}

/// The text for an absent date, marked as unknown.
pub(crate) fn missing_date(missing: &str) -> String {
    format!("<span class=\"date unknown\">{}</span>", escaped(missing))
}

/// A date: a `<time>` when exact, else a span that says whether it was
/// inferred and on what basis.
pub(crate) fn date(v: &Value, text: &str) -> String {
    let exact = v
        .get_from_path("exact")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    match (exact, str_at(v, "edtf")) {
        (true, Some(edtf)) => format!(
            "<time datetime=\"{}\">{}</time>",
            escaped(edtf),
            escaped(text)
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
                let _ = write!(out, " title=\"{}\"", escaped(basis));
            }
            let _ = write!(out, ">{}</span>", escaped(text));
            out
        }
    }
}

/// Inline SVG charts.
pub(crate) fn charts(view: &View) -> ChartsView {
    charts::svg_charts(view)
}

/// A non-empty string field of a template value.
fn str_at<'a>(v: &'a Value, key: &'a str) -> Option<&'a str> {
    v.get_from_path(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// `s` with HTML entity escapes, as a string.
pub(crate) fn escaped(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let _ = tera::escape_html(s, &mut out);
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

#[cfg(test)]
mod tests {
    use super::*;

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
