//! Markdown prose kept inside its own field: what a field could do to the rest of the page it is printed into is settled within the field.
//!
//! A prose field is printed into a page that has its own blocks, links and
//! footnotes, so three things written in it would act beyond it: a link
//! reference definition (`[r]: url`) serves every `[r]` on the page, a
//! footnote (`[^1]:` or `[^1]`) joins the page's list of sources, and a
//! fence left open (```` ``` ````) turns the rest of the page into code.
//! Here reference links become inline links and their definitions go,
//! and a fence left open is closed; footnote markers are broken up with
//! the other escapes in [`super::markdown`], via [`footnote_marks`].

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag};

/// The extensions that change where blocks and links are: those of the
/// sanitizer, and of mdBook, which renders these pages too.
pub(crate) const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// `text` with each reference link (`[a][r]`, `[a][]`, `[a]`) written as
/// the inline link it stands for and the definitions removed, so that
/// neither a link nor a definition depends on the rest of the page.
pub(crate) fn inline_references(text: &str) -> String {
    let mut text = text.to_owned();
    // A link may hold a reference image, which is rewritten the pass
    // after its link; deeper nesting is not Markdown.
    for pass in 0..4 {
        let parser = Parser::new_ext(&text, OPTIONS);
        let definitions: Vec<Range<usize>> = parser
            .reference_definitions()
            .iter()
            .map(|(_, d)| d.span.clone())
            .collect();
        let mut edits = Vec::new();
        let mut rewritten = 0..0;
        for (event, range) in parser.into_offset_iter() {
            let Event::Start(
                Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    ..
                },
            ) = event
            else {
                continue;
            };
            if range.start < rewritten.end {
                continue;
            }
            // What the inline destination replaces: the label `[r]`, the
            // `[]` after a collapsed link (outside its range), or nothing.
            let label = match link_type {
                LinkType::Shortcut => range.end..range.end,
                LinkType::Collapsed if text[range.end..].starts_with("[]") => {
                    range.end..range.end + 2
                }
                LinkType::Collapsed => range.end..range.end,
                LinkType::Reference => match last_unescaped(&text[range.clone()], '[') {
                    Some(i) => range.start + i..range.end,
                    None => continue,
                },
                _ => continue,
            };
            edits.push((label, inline_destination(&dest_url, &title)));
            rewritten = range;
        }
        if edits.is_empty() || pass == 3 {
            let removed = definitions.into_iter().map(|r| (r, String::new()));
            return apply(&text, removed.collect());
        }
        text = apply(&text, edits);
    }
    text
}

/// `(<dest> "title")`, escaped so that it reads back as the same
/// destination and title.
fn inline_destination(dest: &str, title: &str) -> String {
    let mut out = String::with_capacity(dest.len() + title.len() + 6);
    out.push_str("(<");
    for c in dest.chars() {
        if matches!(c, '\\' | '<' | '>' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('>');
    if !title.is_empty() {
        out.push_str(" \"");
        for c in title.chars() {
            if matches!(c, '\\' | '"' | '&') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
    }
    out.push(')');
    out
}

/// The byte offset of the last `c` in `text` that no backslash escapes.
fn last_unescaped(text: &str, c: char) -> Option<usize> {
    text.match_indices(c)
        .map(|(i, _)| i)
        .rfind(|&i| !escaped_at(text, i))
}

/// Whether the character at byte `at` of `text` follows an odd run of
/// backslashes, which makes it text.
fn escaped_at(text: &str, at: usize) -> bool {
    let run = text.as_bytes()[..at]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count();
    run % 2 == 1
}

/// Byte offsets before which a backslash keeps `text` from defining or
/// citing a footnote, or defining a link reference, in the page: each
/// `[^` outside code, raw HTML and autolinks (whether or not the field
/// itself defines the label: the page does), and each definition left.
pub(crate) fn footnote_marks(text: &str, parser: Parser<'_>) -> Vec<usize> {
    let mut marks: Vec<usize> = parser
        .reference_definitions()
        .iter()
        .filter_map(|(_, d)| text[d.span.clone()].find('[').map(|i| d.span.start + i))
        .collect();
    let mut verbatim = Vec::new();
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Code(_) | Event::Html(_) | Event::InlineHtml(_) => verbatim.push(range),
            Event::Start(Tag::CodeBlock(_)) => verbatim.push(range),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => verbatim.push(range),
            _ => {}
        }
    }
    marks.extend(
        text.match_indices("[^")
            .map(|(i, _)| i)
            .filter(|&i| !escaped_at(text, i))
            .filter(|&i| !verbatim.iter().any(|r| r.contains(&i))),
    );
    marks
}

/// `text` with a fence it leaves open at its end closed, so that the
/// page after it is not taken for code. Only a fence at the top level can
/// reach past the field: one in a list or quote ends with it.
pub(crate) fn close_fence(text: &str) -> String {
    let mut depth = 0usize;
    let mut last = None;
    for (event, range) in Parser::new_ext(text, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                if depth == 0 {
                    last = Some(range);
                }
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let Some(range) = last.filter(|r| r.end >= text.trim_end().len()) else {
        return text.to_owned();
    };
    let block = text[range].trim_end_matches(['\n', '\r']);
    let opening = block.lines().next().unwrap_or_default().trim_start();
    let Some(mark) = opening.chars().next() else {
        return text.to_owned();
    };
    let width = opening.chars().take_while(|&c| c == mark).count();
    let closed = block.rsplit_once('\n').is_some_and(|(_, line)| {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let line = line.trim();
        indent < 4 && line.len() >= width && line.chars().all(|c| c == mark)
    });
    if closed {
        return text.to_owned();
    }
    let mut out = text.trim_end().to_owned();
    out.push('\n');
    out.push_str(&mark.to_string().repeat(width));
    out
}

/// Applies non-overlapping replacements, given in document order.
fn apply(text: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for (range, new) in edits {
        if range.start < done {
            continue;
        }
        out.push_str(&text[done..range.start]);
        out.push_str(&new);
        done = range.end;
    }
    out.push_str(&text[done..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_links_become_inline_and_definitions_go() {
        assert_eq!(
            inline_references(
                "[a][r], [b][], [r] and ![i][r]\n\n[r]: https://a.org \"T\"\n[b]: /x"
            ),
            "[a](<https://a.org> \"T\"), [b](</x>), [r](<https://a.org> \"T\") and ![i](<https://a.org> \"T\")\n\n\n"
        );
        assert_eq!(
            inline_references("[![i][r]][r]\n\n[r]: https://a.org"),
            "[![i](<https://a.org>)](<https://a.org>)\n\n"
        );
        assert_eq!(inline_references("[undefined] `[r]`"), "[undefined] `[r]`");
    }

    #[test]
    fn an_open_fence_is_closed() {
        assert_eq!(close_fence("a\n\n```rust\ncode"), "a\n\n```rust\ncode\n```");
        assert_eq!(close_fence("~~~~\ncode\n~~~"), "~~~~\ncode\n~~~\n~~~~");
        assert_eq!(close_fence("```"), "```\n```");
        assert_eq!(close_fence("```\ncode\n```"), "```\ncode\n```");
        assert_eq!(close_fence("```\ncode\n````\n"), "```\ncode\n````\n");
        assert_eq!(close_fence("```\n    ```"), "```\n    ```\n```");
        // In a list or a quote, the fence ends with its container.
        assert_eq!(close_fence("- ```\n  code"), "- ```\n  code");
        assert_eq!(close_fence("> ```\n> code"), "> ```\n> code");
    }

    #[test]
    fn footnote_markers_outside_code_are_found() {
        let text = "a[^1] `[^2]` \\[^3] [^4]: x";
        let marks = footnote_marks(text, Parser::new_ext(text, OPTIONS));
        assert_eq!(marks, vec![1, 19]);
    }
}
