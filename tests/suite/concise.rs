//! The briefing says each thing once and plainly. Over every shipped
//! brief, the full and flash notes in Markdown and HTML have no nested
//! parentheses, no number of four or more digits without a separator
//! (years aside), and no sentence of eight words or more printed twice.

use brief::{Format, RenderOptions};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use scraper::{ElementRef, Html, Node};

use crate::common;

/// The blocks of text a reader sees in a Markdown rendering: each
/// paragraph, list item line, heading and table cell apart.
fn markdown_blocks(md: &str) -> Vec<String> {
    let mut blocks = vec![String::new()];
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Text(t) | Event::Code(t) => blocks.last_mut().unwrap().push_str(&t),
            Event::SoftBreak => blocks.last_mut().unwrap().push(' '),
            Event::HardBreak
            | Event::Start(Tag::Item | Tag::TableCell | Tag::Heading { .. } | Tag::Paragraph)
            | Event::End(
                TagEnd::Item | TagEnd::TableCell | TagEnd::Heading(_) | TagEnd::Paragraph,
            ) => blocks.push(String::new()),
            _ => {}
        }
    }
    blocks.retain(|b| !b.trim().is_empty());
    blocks
}

/// Elements whose text is not prose: charts and their captions restate
/// the facts for readers of the picture, and citation marks are numbers.
const NOT_PROSE: &[&str] = &[
    "svg",
    "style",
    "script",
    "sup",
    "title",
    "head",
    "figcaption",
];

/// Elements that start a new block of text.
const BLOCKS: &[&str] = &[
    "p",
    "li",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "dt",
    "dd",
    "caption",
    "br",
    "div",
    "section",
    "figcaption",
    "summary",
];

/// The blocks of text a reader sees in an HTML rendering.
fn html_blocks(html: &str) -> Vec<String> {
    fn walk(e: ElementRef, blocks: &mut Vec<String>) {
        for child in e.children() {
            match child.value() {
                Node::Text(t) => blocks.last_mut().unwrap().push_str(t),
                Node::Element(el) => {
                    let name = el.name();
                    if NOT_PROSE.contains(&name) {
                        continue;
                    }
                    let block = BLOCKS.contains(&name);
                    if block {
                        blocks.push(String::new());
                    }
                    walk(ElementRef::wrap(child).unwrap(), blocks);
                    if block {
                        blocks.push(String::new());
                    }
                }
                _ => {}
            }
        }
    }
    let doc = Html::parse_document(html);
    let mut blocks = vec![String::new()];
    walk(doc.root_element(), &mut blocks);
    blocks.retain(|b| !b.trim().is_empty());
    blocks
}

/// `s` without web addresses, whose digits are not numbers a reader reads.
fn without_urls(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| !w.contains("://") && !w.starts_with("www."))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The nested parentheses in `block`, as the text from the inner one.
fn nested_parentheses(block: &str) -> Option<String> {
    let mut depth = 0usize;
    for (i, c) in block.char_indices() {
        match c {
            '(' => {
                depth += 1;
                if depth > 1 {
                    return Some(block[i..].chars().take(60).collect());
                }
            }
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The numbers of four or more digits in `block` written without a
/// thousands separator, leaving out what reads as a year (1800–2199) and the numbers of
/// document symbols (`SC/11319`, `A/RES/68/262`).
fn unseparated_numbers(block: &str) -> Vec<String> {
    let text = without_urls(block);
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], ',' | '.')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let token: String = chars[start..i].iter().collect();
        let whole = token.split('.').next().unwrap_or_default();
        let glued = start > 0 && (chars[start - 1].is_alphanumeric() || chars[start - 1] == '/')
            || chars.get(i).is_some_and(|c| c.is_alphabetic() || *c == '/');
        let year = whole.len() == 4 && (1800..2200).contains(&whole.parse::<u32>().unwrap_or(0));
        if !glued && !whole.contains(',') && whole.len() >= 4 && !year {
            out.push(token);
        }
    }
    out
}

/// The sentences of `block` of at least `min` words, each as its words
/// in lower case.
fn long_sentences(block: &str, min: usize) -> Vec<String> {
    without_urls(block)
        .split(['.', ';', '!', '?', '—'])
        .map(|s| {
            s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|words| words.len() >= min)
        .map(|words| words.join(" "))
        .collect()
}

/// Every problem the briefing `blocks` have, one line each.
fn problems(blocks: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for block in blocks {
        if let Some(inner) = nested_parentheses(block) {
            out.push(format!("nested parentheses: …{inner}…"));
        }
        for n in unseparated_numbers(block) {
            out.push(format!(
                "number without separators: {n} in “{}”",
                block.trim()
            ));
        }
        for s in long_sentences(block, 8) {
            let count = seen.entry(s.clone()).or_insert(0);
            *count += 1;
            if *count == 2 {
                out.push(format!("printed twice: “{s}”"));
            }
        }
    }
    out
}

fn render(path: &std::path::Path, format: Format, template: Option<&str>) -> String {
    let source = std::fs::read_to_string(path).unwrap();
    let options = RenderOptions {
        format,
        template: template.map(str::to_owned),
        ..RenderOptions::default()
    };
    common::render(&source, &options)
}

#[test]
fn every_shipped_briefing_says_each_thing_once_and_plainly() {
    let mut failures = Vec::new();
    for path in common::shipped_briefs() {
        for template in [None, Some("flash")] {
            for format in [Format::Markdown, Format::Html] {
                let text = render(&path, format, template);
                let blocks = match format {
                    Format::Html => html_blocks(&text),
                    _ => markdown_blocks(&text),
                };
                for p in problems(&blocks) {
                    failures.push(format!(
                        "{} ({}, {}): {p}",
                        path.display(),
                        template.unwrap_or("brief"),
                        format.extension()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_checks_find_what_they_look_for() {
    let md = "## Held\n\n- **A call** (February 12 (year not stated))\\\n  Bodies: 1200 of them; year 2025\n\n\
        | Who | What |\n| --- | --- |\n| Trump | Trump and Putin speak about ending the war today |\n\n\
        Trump and Putin speak about ending the war today.\n";
    let found = problems(&markdown_blocks(md));
    assert!(
        found.iter().any(|p| p.starts_with("nested parentheses")),
        "{found:?}"
    );
    assert!(found.iter().any(|p| p.contains("1200")), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|p| p.starts_with("number without separators: 2025")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|p| p.starts_with("printed twice")),
        "{found:?}"
    );

    let html = "<html><body><ul><li>1,200 each (Russia, Ukraine)</li><li>Trump and Putin speak \
        about ending the war today<sup>1</sup></li></ul><p>Trump and Putin speak about ending the \
        war today.</p><svg><text>Trump and Putin speak about ending the war today</text></svg></body></html>";
    let found = problems(&html_blocks(html));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("printed twice"), "{found:?}");

    let clean = "- 12,500 people (about)\n- In 2014 Russia annexed Crimea, see https://example.org/a/123456\n";
    assert_eq!(problems(&markdown_blocks(clean)), Vec::<String>::new());
}
