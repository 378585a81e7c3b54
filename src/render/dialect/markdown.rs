//! The Markdown dialect: backslash escapes, prose kept as Markdown with
//! nothing a renderer or a static-site generator would act on, footnote
//! citations and Mermaid diagrams.

use std::fmt::Write as _;
use std::io::Write;

use super::confine;
use crate::render::charts::{self, ChartsView};
use crate::resolve::View;

/// Tera's escape function for Markdown pages: [`escape_markdown`].
pub(crate) fn escape(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    escape_markdown(input, out)
}

/// The `markdown` filter: [`markdown_to_safe_markdown`].
pub(crate) fn prose(text: &str) -> String {
    markdown_to_safe_markdown(text)
}

/// A footnote marker, `[^n]`.
pub(crate) fn cite(out: &mut String, n: u64) {
    let _ = write!(out, "[^{n}]");
}

/// An item's source passages, one to a line of the item's entry (lines
/// joined by hard breaks, as the entry's other lines are): the words in
/// quotation marks, a link to the passage in the source's page when it
/// has one, and the source's footnote.
pub(crate) fn evidence(passages: &[super::Passage], words: &crate::i18n::Words) -> String {
    let in_source = escaped(&words.get("in-the-source"));
    let lines: Vec<String> = passages
        .iter()
        .map(|p| {
            let quoted = words.msg("quoted", &[("text", escaped(&p.exact).into())]);
            let mut line = words.msg("source-passage-line", &[("text", quoted.into())]);
            // A link destination in angle brackets: the link holds no `<`,
            // `>` or line break (`url::check`), and its fragment is
            // percent-encoded.
            if let Some(link) = &p.link {
                let _ = write!(line, " — [{in_source}](<{link}>)");
            }
            if let Some(n) = p.n {
                cite(&mut line, n);
            }
            line
        })
        .collect();
    lines.join("\\\n  ")
}

/// Mermaid diagrams.
pub(crate) fn charts(view: &View) -> ChartsView {
    charts::mermaid_charts(view)
}

/// `s` escaped as [`escape_markdown`] does, as a string.
pub(crate) fn escaped(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let _ = escape_markdown(s, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Markdown prose (background, outlook) → Markdown that keeps its
/// formatting but can carry nothing a Markdown renderer or a static-site
/// generator would act on: raw HTML is escaped into text, a link or image
/// whose URL is not relative, `http`, `https` or `mailto` is shown as
/// text, and `{{` and `{%` are broken up (`{\{`, `{\%`) so that no
/// template language (mdBook's `{{#include}}`, Liquid, Hugo or Zola
/// shortcodes) expands them. Each reads the same to a reader. Nothing in
/// it reaches beyond the field once printed into a page
/// ([`super::confine`]): reference links become inline links, footnote
/// markers are text, and a fence left open is closed.
pub fn markdown_to_safe_markdown(text: &str) -> String {
    let mut text = confine::inline_references(text.trim()).trim().to_owned();
    // Each pass escapes what the last parse found; escaping can reveal
    // more (a reference link behind an escaped one), hence a few passes.
    for _ in 0..8 {
        let marks = unsafe_markdown(&text);
        if marks.is_empty() {
            return confine::close_fence(&break_template_braces(&text));
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
/// HTML, an unsafe link or a footnote marker of `text` into text.
fn unsafe_markdown(text: &str) -> Vec<usize> {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut marks = confine::footnote_marks(text, Parser::new_ext(text, confine::OPTIONS));
    for (event, range) in Parser::new_ext(text, confine::OPTIONS).into_offset_iter() {
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
        escaped(s)
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
            "\\[a](\\<data:text/html,x>) \\[r](\\<data:text/html,x>)"
        );
        assert_eq!(safe("`{{#include x}}` {%x%}"), "`{\\{#include x}}` {\\%x%}");
        assert_eq!(
            safe("<https://a.org> [m](mailto:a@b.org) [r](../x.md)"),
            "<https://a.org> [m](mailto:a@b.org) [r](../x.md)"
        );
    }
}
