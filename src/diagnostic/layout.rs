//! The layout of a diagnostic for a reader, rustc style, drawn by
//! `annotate-snippets`: a header with the numbered code, each place's lines
//! with marks and labels under them, and any help.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::printable::{Shown, printable};
use super::{Diagnostic, Severity, Texts};
use crate::pos::Pos;

/// A place to mark in the lines shown.
struct Mark<'a> {
    pos: Pos,
    label: Option<&'a str>,
    primary: bool,
}

/// Lays `d` out, with ANSI colours when `styled`.
pub(super) fn layout(d: &Diagnostic, texts: &Texts, styled: bool) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    // Messages quote the brief, whose text may hold terminal escapes.
    let title = level
        .primary_title(printable(&d.message))
        .id(d.numbered_code());
    let mut marks = vec![Mark {
        pos: d.pos,
        label: d.label.as_deref(),
        primary: true,
    }];
    if let Some(related) = &d.related {
        marks.push(Mark {
            pos: related.0,
            label: Some(&related.1),
            primary: false,
        });
    }
    marks.retain(|m| m.pos.is_known() && texts.line_start(m.pos.file, m.pos.line).is_some());
    let mut group = Group::with_title(title);
    if !marks.iter().any(|m| m.primary) {
        // No line to show: the header alone says where.
        let mut origin = Origin::path(printable(texts.get(d.pos.file).0));
        if d.pos.is_known() {
            origin = origin
                .line(d.pos.line as usize)
                .char_column(d.pos.column as usize);
        }
        group = group.element(origin);
    }
    // The primary file first, under the `-->` header; each other file
    // under a `:::` header of its own.
    let mut files: Vec<u32> = marks.iter().map(|m| m.pos.file).collect();
    files.dedup();
    for file in files {
        let here: Vec<&Mark> = marks.iter().filter(|m| m.pos.file == file).collect();
        let starts = |line| texts.line_start(file, line);
        group = group.element(snippet(texts.get(file), &starts, &here));
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(printable(help)));
    }
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = renderer.render(&[group]);
    out.push('\n');
    out
}

/// The lines of one file that `marks` point at (and those between them),
/// with the marks on them.
fn snippet<'a>(
    (name, text): (&'a str, &str),
    line_start: &dyn Fn(u32) -> Option<usize>,
    marks: &[&Mark<'a>],
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    // Where each mark starts and ends in `text`: it starts at its line and
    // column, and runs for its length when its byte offset agrees.
    let spans: Vec<(usize, usize)> = marks
        .iter()
        .map(|m| {
            let line = line_start(m.pos.line).unwrap_or(text.len());
            let rest = &text[line..];
            let line_len = rest.find('\n').unwrap_or(rest.len());
            let start = line
                + rest[..line_len]
                    .char_indices()
                    .nth((m.pos.column as usize).saturating_sub(1))
                    .map_or(line_len, |(i, _)| i);
            let agrees = start == m.pos.offset && text.get(start..start + m.pos.len).is_some();
            (start, if agrees { start + m.pos.len } else { start })
        })
        .collect();
    let first_line = marks.iter().map(|m| m.pos.line).min().unwrap_or(1);
    let from = line_start(first_line).unwrap_or(0);
    let last_end = spans.iter().map(|s| s.1).max().unwrap_or(from);
    let to = text[last_end..]
        .find('\n')
        .map_or(text.len(), |i| last_end + i);
    let shown_part = text[from..to].strip_suffix('\r').unwrap_or(&text[from..to]);
    let shown = Shown::new(shown_part);
    let cap = shown_part.len();
    let at = |offset: usize| shown.offset(offset.saturating_sub(from).min(cap));
    let annotations: Vec<_> = marks
        .iter()
        .zip(&spans)
        .map(|(m, &(start, end))| {
            let kind = if m.primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            kind.span(at(start)..at(end)).label(m.label.map(printable))
        })
        .collect();
    Snippet::source(shown.text)
        .path(printable(name))
        .line_start(first_line as usize)
        .annotations(annotations)
}

/// The byte offset where line `line` (from 1) of `text` starts, if `text`
/// has that line, found by scanning: for a text given on its own.
pub(super) fn line_start(text: &str, line: u32) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', text.as_bytes()).nth(line as usize - 2)? + 1
    };
    (line > 0 && start < text.len()).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::super::Diagnostic;
    use crate::pos::{Files, Pos};

    fn at(line: u32, column: u32, offset: usize, len: usize) -> Pos {
        Pos {
            file: 0,
            line,
            column,
            offset,
            len,
        }
    }

    fn putn(pos: Pos) -> Diagnostic {
        Diagnostic::error("unknown-reference", pos, "unknown actor `putn`")
            .with_label("not found")
            .with_help("did you mean `putin`?")
    }

    #[test]
    fn render_points_at_the_column() {
        let text = putn(at(2, 5, 10, 4)).render("f.yaml", "id: x\nby: putn\n");
        assert_eq!(
            text,
            "error[E0015]: unknown actor `putn`\n --> f.yaml:2:5\n  |\n2 | by: putn\n  |     ^^^^ not found\n  |\n  = help: did you mean `putin`?\n"
        );
    }

    #[test]
    fn crlf_lines_show_as_lf_lines() {
        let crlf = putn(at(2, 5, 11, 4)).render("f.yaml", "id: x\r\nby: putn\r\n");
        let lf = putn(at(2, 5, 10, 4)).render("f.yaml", "id: x\nby: putn\n");
        assert_eq!(crlf, lf);
    }

    #[test]
    fn columns_count_characters_and_tabs_keep_marks_in_place() {
        let text = putn(at(2, 7, 13, 4)).render("f.yaml", "id: x\nby: é\tputn # ünï\n");
        assert!(
            text.contains(
                " --> f.yaml:2:7\n  |\n2 | by: é    putn # ünï\n  |          ^^^^ not found\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn the_arrow_and_gutter_follow_the_line_number_width() {
        let src = format!("{}by: putn\n", "#\n".repeat(11));
        let text = putn(at(12, 5, 26, 4)).render("f.yaml", &src);
        assert!(
            text.contains(
                "  --> f.yaml:12:5\n   |\n12 | by: putn\n   |     ^^^^ not found\n   |\n   = help"
            ),
            "{text}"
        );
    }

    #[test]
    fn a_span_over_several_lines_is_drawn_whole() {
        let src = "id: x\nby: putn\n  more\n  and more\nend: 1\n";
        let text = putn(at(2, 5, 10, 20)).render("f.yaml", src);
        assert!(
            text.contains("2 |   by: putn\n  |  _____^\n3 | |   more\n4 | |   and more\n  | |________^ not found\n"),
            "{text}"
        );
    }

    #[test]
    fn related_lines_are_shown_in_order_with_a_gap_marker() {
        let src = "a: x\nb: y\nc: z\nd: x\n";
        let d = Diagnostic::error(
            "duplicate-id",
            at(4, 4, 18, 1),
            "the id `x` is already used",
        )
        .with_label("used again here")
        .with_related(at(1, 4, 3, 1), "first used here");
        assert_eq!(
            d.render("f.yaml", src),
            "error[E0014]: the id `x` is already used\n --> f.yaml:4:4\n  |\n1 | a: x\n  |    - first used here\n...\n4 | d: x\n  |    ^ used again here\n"
        );
    }

    #[test]
    fn a_related_place_in_another_file_has_a_header_of_its_own() {
        let mut files = Files::new("brief.yaml", "id: x\nactors:\n  - id: putin\n");
        files.add("shared.yaml", "actors:\n  - id: putin\n");
        let d = Diagnostic::error(
            "duplicate-id",
            Pos {
                file: 1,
                ..at(2, 9, 16, 5)
            },
            "the id `putin` is already used",
        )
        .with_label("used again here")
        .with_related(at(3, 9, 22, 5), "first used here");
        assert_eq!(
            d.render_in(&files),
            "error[E0014]: the id `putin` is already used\n --> shared.yaml:2:9\n  |\n2 |   - id: putin\n  |         ^^^^^ used again here\n  |\n ::: brief.yaml:3:9\n  |\n3 |   - id: putin\n  |         ----- first used here\n"
        );
    }

    #[test]
    fn a_place_without_a_line_to_show_is_named_in_the_header() {
        let unknown = putn(Pos::default()).render("f.yaml", "");
        assert_eq!(
            unknown,
            "error[E0015]: unknown actor `putn`\n--> f.yaml\n = help: did you mean `putin`?\n"
        );
        let past_the_end = putn(at(9, 1, 0, 0)).render("f.yaml", "id: x\n");
        assert!(past_the_end.contains("--> f.yaml:9:1\n"), "{past_the_end}");
    }

    /// `text` without its SGR colour sequences.
    fn strip_colours(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(i) = rest.find("\x1b[") {
            out.push_str(&rest[..i]);
            let end = rest[i + 2..]
                .find(|c: char| !c.is_ascii_digit() && c != ';')
                .map_or(rest.len(), |j| i + 2 + j);
            assert_eq!(rest.as_bytes().get(end), Some(&b'm'), "{text:?}");
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn ansi_rendering_colours_and_plain_rendering_does_not() {
        let src = "id: x\nby: putn\n";
        let d = putn(at(2, 5, 10, 4));
        let plain = d.render("f.yaml", src);
        let ansi = d.render_ansi("f.yaml", src);
        assert!(!plain.contains('\x1b'));
        assert!(
            ansi.starts_with("\x1b[1m\x1b[91merror[E0015]\x1b[0m"),
            "{ansi:?}"
        );
        assert_eq!(strip_colours(&ansi), plain);
    }

    #[test]
    fn terminal_escapes_in_the_brief_are_never_printed() {
        let source = "id: x\nk\x1b]0;title\x07: \x1b[2J\n";
        let d = Diagnostic::error(
            "unknown-field",
            at(2, 1, 6, 11),
            "unknown field `k\x1b]0;title\x07`",
        )
        .with_label("here\r")
        .with_help("not \u{9b}this")
        .with_related(at(2, 14, 19, 1), "and \x1b[31mhere");
        for text in [
            d.render("b\x1b.yaml", source),
            d.render_ansi("b.yaml", source),
        ] {
            // Only the layout's own colour codes.
            assert!(!strip_colours(&text).contains('\x1b'), "{text:?}");
            assert!(!text.contains(['\x07', '\r', '\u{9b}']), "{text:?}");
            assert!(
                text.contains("unknown field `k\\u{1b}]0;title\\u{7}`"),
                "{text}"
            );
            assert!(text.contains("not \\u{9b}this"), "{text}");
            assert!(text.contains("and \\u{1b}[31mhere"), "{text}");
        }
        let plain = d.render("b\x1b.yaml", source);
        assert!(plain.contains("--> b\\u{1b}.yaml:2:1\n"), "{plain}");
        assert!(
            plain.contains("2 | k\u{FFFD}]0;title\u{FFFD}: \u{FFFD}[2J\n"),
            "{plain}"
        );
    }
}
