//! Prose stays inside its field: a fence, a footnote or a link reference
//! definition in `background` or `outlook` cannot reach the sections
//! after it, in Markdown, in HTML and through `brief mdbook`.

use brief::{Format, RenderOptions};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::json;

use crate::common::{self, brief_in, hostile, tempdir, write};

/// The options mdBook renders with, which include footnotes.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

fn render(source: &str, format: Format) -> String {
    let options = RenderOptions {
        format,
        ..RenderOptions::default()
    };
    common::render(source, &options)
}

/// The second-level headings of a Markdown page, as a reader sees them.
fn headings(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut open: Option<String> = None;
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => open = Some(String::new()),
            Event::Text(t) if open.is_some() => open.as_mut().unwrap().push_str(&t),
            Event::End(TagEnd::Heading(_)) => out.extend(open.take()),
            _ => {}
        }
    }
    out
}

/// Each footnote definition of a Markdown page: label and its text.
fn footnotes(md: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut depth = 0;
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                depth += 1;
                out.push((label.to_string(), String::new()));
            }
            Event::End(TagEnd::FootnoteDefinition) => depth -= 1,
            Event::Text(t) if depth > 0 => out.last_mut().unwrap().1.push_str(&t),
            _ => {}
        }
    }
    out
}

/// The destinations of the links of a Markdown page.
fn links(md: &str) -> Vec<String> {
    Parser::new_ext(md, options())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

fn brief_with_prose(background: &str, outlook: &str) -> String {
    let source = hostile::brief_with("Plain words", "placeholder");
    let source = source.replacen(
        "background: \"placeholder\"",
        &format!("background: {}", hostile::yaml_quote(background)),
        1,
    );
    let source = source.replacen(
        "outlook: \"placeholder\"",
        &format!("outlook: {}", hostile::yaml_quote(outlook)),
        1,
    );
    assert!(!source.contains("placeholder"), "{source}");
    source
}

#[test]
fn an_unclosed_fence_in_background_keeps_to_background_in_markdown() {
    for fence in ["```", "~~~~", "```rust\nfn x() {}", "Text.\n\n````\n```"] {
        let md = render(
            &brief_with_prose(fence, "What comes next."),
            Format::Markdown,
        );
        let seen = headings(&md);
        for section in ["Background", "Outlook", "Judgments", "Gaps", "Sources"] {
            assert!(
                seen.iter().any(|h| h == section),
                "{fence:?}: `{section}` is swallowed: {seen:?}\n{md}"
            );
        }
        // The code is still code, and only one block of it.
        let blocks = Parser::new_ext(&md, options())
            .filter(|e| matches!(e, Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_)))))
            .count();
        assert_eq!(blocks, 1, "{fence:?}\n{md}");
    }
}

#[test]
fn an_unclosed_fence_in_background_keeps_to_background_in_html() {
    let html = render(
        &brief_with_prose("```\ncode", "What comes next."),
        Format::Html,
    );
    let code = html.find("<pre>").expect("the fence is code");
    let end = code + html[code..].find("</pre>").expect("the code ends");
    for section in ["Outlook", "Judgments", "Gaps", "Sources"] {
        let at = html
            .find(&format!(">{section}</h2>"))
            .unwrap_or_else(|| panic!("no {section} heading:\n{html}"));
        assert!(at > end, "{section} is inside the code:\n{html}");
    }
}

#[test]
fn a_footnote_in_prose_does_not_replace_a_source() {
    let md = render(
        &brief_with_prose("Planted.[^1]\n\n[^1]: Planted source", "See [^2]."),
        Format::Markdown,
    );
    let notes = footnotes(&md);
    let first: Vec<_> = notes.iter().filter(|(l, _)| l == "1").collect();
    assert_eq!(first.len(), 1, "{notes:?}\n{md}");
    assert!(first[0].1.contains("Plain words"), "{notes:?}\n{md}");
    assert!(!notes.iter().any(|(_, t)| t.contains("Planted")), "{md}");
    // The words stay, as text.
    assert!(
        common::markdown_text(&md).contains("[^1]: Planted source"),
        "{md}"
    );
}

#[test]
fn a_link_reference_definition_in_prose_serves_only_its_field() {
    let md = render(
        &brief_with_prose(
            "Read [the report][r].\n\n[r]: https://example.org/report",
            "And [r], [k] again.",
        ),
        Format::Markdown,
    );
    // Background keeps its link; Outlook cannot use the definition.
    let report = links(&md)
        .into_iter()
        .filter(|l| l.ends_with("/report"))
        .count();
    assert_eq!(report, 1, "{md}");
    assert!(!md.contains("[r]: "), "{md}");
    let html = render(
        &brief_with_prose(
            "Read [the report][r].\n\n[r]: https://example.org/report",
            "And [r] again.",
        ),
        Format::Html,
    );
    assert_eq!(
        html.matches("href=\"https://example.org/report\"").count(),
        1
    );
}

/// `brief mdbook` on a chapter that includes the brief `source`.
fn through_mdbook(source: &str) -> String {
    let dir = tempdir();
    write(&dir.path().join("src/story.yaml"), source);
    let input = json!([
        {
            "root": dir.path(),
            "config": {
                "book": {"title": "B", "authors": [], "src": "src"},
                "preprocessor": {"brief": {"command": "brief mdbook"}},
            },
            "renderer": "html",
            "mdbook_version": mdbook_preprocessor::MDBOOK_VERSION,
        },
        {"items": [{"Chapter": {
            "name": "Story",
            "content": "{{#brief story.yaml}}\n",
            "number": [1],
            "sub_items": [],
            "path": "story.md",
            "source_path": "story.md",
            "parent_names": [],
        }}]},
    ]);
    let out = brief_in(dir.path())
        .arg("mdbook")
        .write_stdin(input.to_string())
        .output()
        .expect("brief runs");
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let book: mdbook_preprocessor::book::Book =
        serde_json::from_slice(&out.stdout).expect("stdout is a book");
    book.chapters().map(|c| c.content.clone()).collect()
}

#[test]
fn through_mdbook_the_real_first_source_is_kept() {
    let md = through_mdbook(&brief_with_prose(
        "Planted.[^1]\n\n[^1]: Planted source\n\n```",
        "What comes next.",
    ));
    let notes = footnotes(&md);
    let first: Vec<_> = notes.iter().filter(|(l, _)| l == "hostile-1").collect();
    assert_eq!(first.len(), 1, "{notes:?}\n{md}");
    assert!(first[0].1.contains("Plain words"), "{notes:?}\n{md}");
    assert!(!notes.iter().any(|(_, t)| t.contains("Planted")), "{md}");
    let seen = headings(&md);
    assert!(seen.iter().any(|h| h == "Sources"), "{seen:?}\n{md}");
}
