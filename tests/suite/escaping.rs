//! User text can never change the structure of a briefing: in Markdown it
//! stays plain text inside its cell or item, in HTML it stays text.

use brief::{Format, RenderOptions};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::common;

const NASTY: &str =
    "A | B *C* <script>alert(1)</script> [x](javascript:y) {{ brief }} {% if %} `t` # h";

fn brief_with(name: &str) -> String {
    let quoted = format!("{name:?}"); // a YAML double-quoted string
    format!(
        "id: t\ntitle: {quoted}\nsources:\n  - id: s\n    name: {quoted}\n    kind: other\n\
         actors:\n  - id: a\n    name: {quoted}\n    kind: person\n    roles:\n      - title: {quoted}\n\
         key_points:\n  - text: {quoted}\n    sources: [s]\n\
         statements:\n  - id: st\n    by: a\n    kind: claim\n    text: {quoted}\n    quote: {quoted}\n    sources: [s]\n\
         gaps:\n  - text: {quoted}\n"
    )
}

fn render(source: &str, format: Format) -> String {
    let options = RenderOptions {
        format,
        ..RenderOptions::default()
    };
    common::render(source, &options)
}

/// The text of each cell of each row of the first table, in order.
fn first_table(md: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut cell: Option<String> = None;
    let mut in_table = false;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES) {
        match event {
            Event::Start(Tag::Table(_)) => in_table = true,
            Event::End(TagEnd::Table) => break,
            Event::Start(Tag::TableRow | Tag::TableHead) if in_table => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) if in_table => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) if in_table => {
                rows.last_mut().unwrap().push(cell.take().unwrap());
            }
            Event::Text(t) | Event::Code(t) if cell.is_some() => {
                cell.as_mut().unwrap().push_str(&t)
            }
            _ => {}
        }
    }
    rows
}

#[test]
fn markdown_keeps_user_text_plain_and_in_its_cell() {
    let md = render(&brief_with(NASTY), Format::Markdown);
    let table = first_table(&md);
    assert_eq!(table.len(), 2, "one header row, one actor row:\n{md}");
    assert_eq!(table[1].len(), 2, "the actor row keeps two cells:\n{md}");
    assert_eq!(table[1][0], NASTY, "the name reads back unchanged");
    // No heading, link, emphasis or HTML came from the payload.
    let mut headings = 0;
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES) {
        match event {
            Event::Start(Tag::Heading { .. }) => headings += 1,
            Event::Start(Tag::Link { dest_url, .. }) => {
                panic!("a link to {dest_url} came from user text")
            }
            Event::Start(Tag::Emphasis | Tag::Strong) => {}
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h} came from user text"),
            _ => {}
        }
    }
    // The title, and Key points, Actors, Positions, Other statements, Gaps, Sources.
    assert_eq!(headings, 1 + 6, "{md}");
}

#[test]
fn markdown_values_never_break_lines() {
    let md = render(
        &brief_with("first line\n- second | line\n# third"),
        Format::Markdown,
    );
    let table = first_table(&md);
    assert_eq!(table[1][0], "first line - second | line # third");
}

#[test]
fn html_escapes_user_text() {
    let html = render(&brief_with(NASTY), Format::Html);
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("href=\"javascript"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(
        html.contains("{{ brief }}"),
        "template syntax in data is printed, not run"
    );
}

#[test]
fn the_flash_note_escapes_user_text_too() {
    let render = |format| {
        let options = RenderOptions {
            format,
            template: Some("flash".into()),
            ..RenderOptions::default()
        };
        common::render(&brief_with(NASTY), &options)
    };
    let md = render(Format::Markdown);
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                panic!("a link to {dest_url} came from user text")
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h} came from user text"),
            _ => {}
        }
    }
    assert!(md.contains("\\<script\\>"), "{md}");
    let html = render(Format::Html);
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("href=\"javascript"), "{html}");
}
