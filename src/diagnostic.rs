//! Diagnostics: what is wrong with a brief, where, and how to fix it.
//!
//! Every stage reports problems as [`Diagnostic`]s that point at a line and
//! column of the input. They are plain data. Each kind of problem has a
//! kebab-case name (`unknown-reference`) and a stable number (`E0015`),
//! listed once in [`CODES`].
//!
//! A diagnostic can be laid out three ways: [`Diagnostic::render`] for a
//! reader (rustc style, with the offending line and a caret under it),
//! [`Diagnostic::render_ansi`] for a colour terminal, and
//! [`Diagnostic::to_json`] as one line of JSON for editors and CI.

use std::fmt::{self, Write as _};

use serde::Serialize;

use crate::pos::{Files, Pos};

/// Every kind of diagnostic: its kebab-case name and its stable numbered
/// code. Errors are numbered `E0001`…, warnings `W0001`…
///
/// The table is append-only: a kind keeps its number forever, a new kind
/// takes the next free number of its letter, and the number of a kind
/// that is no longer reported is never given to another. The reference
/// (`docs/format.md`) documents each entry.
pub const CODES: &[(&str, &str)] = &[
    // Reading the file.
    ("invalid-utf8", "E0001"),
    ("too-large", "E0002"),
    ("empty-file", "E0003"),
    ("yaml-syntax", "E0004"),
    ("duplicate-key", "E0005"),
    ("limit-exceeded", "E0006"),
    // Matching the format.
    ("unknown-field", "E0007"),
    ("missing-field", "E0008"),
    ("wrong-type", "E0009"),
    ("unknown-value", "E0010"),
    ("invalid-value", "E0011"),
    ("invalid-date", "E0012"),
    // Checking the meaning.
    ("invalid-id", "E0013"),
    ("duplicate-id", "E0014"),
    ("unknown-reference", "E0015"),
    ("wrong-reference", "E0016"),
    ("self-reference", "E0017"),
    ("empty-text", "E0018"),
    ("missing-status", "E0019"),
    ("missing-speaker", "E0020"),
    ("conflicting-attribution", "E0021"),
    ("missing-quote", "E0022"),
    ("missing-conditions", "E0023"),
    ("out-of-range", "E0024"),
    // Imports.
    ("import-not-found", "E0025"),
    ("import-outside-root", "E0026"),
    ("import-cycle", "E0027"),
    // Safety of the output.
    ("invalid-url", "E0030"),
    // Warnings.
    ("unsourced", "W0001"),
    ("inferred-without-wording", "W0002"),
    ("negative-figure", "W0003"),
    ("follows-out-of-order", "W0004"),
    ("unused-actor", "W0005"),
    ("figure-without-date", "W0006"),
    ("scheduled-in-the-past", "W0007"),
    // Renamed ids (`supersedes`).
    ("superseded-id-defined", "E0040"),
    ("superseded-twice", "E0041"),
    ("superseded-reference", "E0042"),
];

/// The numbered code (`E0015`) of a diagnostic kind, by its kebab-case
/// name (`unknown-reference`); `None` for a name not in [`CODES`].
pub fn code_number(name: &str) -> Option<&'static str> {
    CODES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Severity {
    /// Suspicious but legal content: the brief still renders.
    Warning,
    /// The brief cannot be rendered until this is fixed.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem found in a brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The kebab-case name of the kind of problem (e.g.
    /// `unknown-reference`); [`Diagnostic::numbered_code`] gives its
    /// number.
    pub code: &'static str,
    /// One line saying what is wrong.
    pub message: String,
    /// Where it is.
    pub pos: Pos,
    /// A few words shown after the caret (e.g. `not found`). A boxed
    /// `str` keeps diagnostics small enough to return by value.
    pub label: Option<Box<str>>,
    /// A short hint on how to fix it (e.g. a did-you-mean).
    pub help: Option<Box<str>>,
    /// A second place that matters, with a label (e.g. the first
    /// definition of a duplicated id).
    pub related: Option<Box<(Pos, String)>>,
}

impl Diagnostic {
    /// A new error.
    pub fn error(code: &'static str, pos: Pos, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            code,
            message: message.into(),
            pos,
            label: None,
            help: None,
            related: None,
        }
    }

    /// A new warning.
    pub fn warning(code: &'static str, pos: Pos, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, pos, message)
        }
    }

    /// Adds a label, shown after the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into().into_boxed_str());
        self
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
        self
    }

    /// Adds a related position.
    pub fn with_related(mut self, pos: Pos, label: impl Into<String>) -> Self {
        self.related = Some(Box::new((pos, label.into())));
        self
    }

    /// The same diagnostic as an error: what `--deny-warnings` does to a
    /// warning. Its numbered code keeps its `W`.
    pub fn denied(mut self) -> Self {
        self.severity = Severity::Error;
        self
    }

    /// Whether this is an error (as opposed to a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The stable numbered code of this kind of problem, e.g. `E0015` for
    /// `unknown-reference` (see [`CODES`]). A code missing from the table
    /// is returned as it is.
    pub fn numbered_code(&self) -> &'static str {
        code_number(self.code).unwrap_or(self.code)
    }

    /// Lays the diagnostic out for a reader, rustc style: a header with the
    /// numbered code, the `file:line:column`, the offending line with a
    /// caret and label under it (and any related line, underlined with
    /// `-`), and any help.
    ///
    /// ```text
    /// error[E0015]: no actor has the id `putn`
    ///   --> briefs/x.yaml:12:9
    ///    |
    /// 12 |     by: putn
    ///    |         ^^^^ not found
    ///    = help: did you mean `putin`?
    /// ```
    pub fn render(&self, file: &str, source: &str) -> String {
        self.layout(&Texts::One(file, source), &PLAIN)
    }

    /// [`Diagnostic::render`] with ANSI colour escapes, for a terminal.
    pub fn render_ansi(&self, file: &str, source: &str) -> String {
        self.layout(&Texts::One(file, source), &ANSI)
    }

    /// [`Diagnostic::render`] for a brief with imports: each position is
    /// shown in its own file (a related place in another file gets a
    /// `:::` header of its own).
    pub fn render_in(&self, files: &Files) -> String {
        self.layout(&Texts::Many(files), &PLAIN)
    }

    /// [`Diagnostic::render_in`] with ANSI colour escapes.
    pub fn render_ansi_in(&self, files: &Files) -> String {
        self.layout(&Texts::Many(files), &ANSI)
    }

    /// [`Diagnostic::to_json`] for a brief with imports: `file` and each
    /// related place's `file` name the file each position is in.
    pub fn to_json_in(&self, files: &Files) -> String {
        self.json(&Texts::Many(files))
    }

    /// The diagnostic as one line of JSON (no trailing newline), for
    /// editors and CI annotations:
    ///
    /// ```json
    /// {"severity":"error","code":"E0015","name":"unknown-reference",
    ///  "message":"no actor has the id `putn`","file":"x.yaml",
    ///  "line":9,"column":9,"end_line":9,"end_column":13,
    ///  "byte_start":109,"byte_end":113,"label":"not found",
    ///  "help":"did you mean `putin`?","related":[]}
    /// ```
    ///
    /// Lines and columns count from 1, columns in characters; `end_line`
    /// and `end_column` point just after the span (an empty span is widened
    /// to one character, like the caret). Byte offsets are into `source`.
    /// Position fields are `null` when the position is unknown, `label` and
    /// `help` when absent. `related` lists other places that matter, each
    /// with the same position fields and a `label`.
    pub fn to_json(&self, file: &str, source: &str) -> String {
        self.json(&Texts::One(file, source))
    }

    fn json(&self, texts: &Texts) -> String {
        let related = self
            .related
            .iter()
            .map(|r| {
                let (file, source) = texts.get(r.0.file);
                JsonRelated {
                    file,
                    span: JsonSpan::new(r.0, source),
                    label: &r.1,
                }
            })
            .collect();
        let (file, source) = texts.get(self.pos.file);
        let json = JsonDiagnostic {
            severity: match self.severity {
                Severity::Warning => "warning",
                Severity::Error => "error",
            },
            code: self.numbered_code(),
            name: self.code,
            message: &self.message,
            file,
            span: JsonSpan::new(self.pos, source),
            label: self.label.as_deref(),
            help: self.help.as_deref(),
            related,
        };
        serde_json::to_string(&json).unwrap_or_default()
    }

    fn layout(&self, texts: &Texts, p: &Palette) -> String {
        let mut out = String::new();
        let level = match self.severity {
            Severity::Error => p.error,
            Severity::Warning => p.warning,
        };
        // Messages quote the brief, whose text may hold terminal escapes.
        let _ = writeln!(
            out,
            "{level}{}[{}]{}{}: {}{}",
            self.severity,
            self.numbered_code(),
            p.reset,
            p.bold,
            printable(&self.message),
            p.reset
        );
        let mut spans = vec![Span {
            pos: self.pos,
            label: self.label.as_deref(),
            primary: true,
        }];
        if let Some(related) = &self.related {
            spans.push(Span {
                pos: related.0,
                label: Some(&related.1),
                primary: false,
            });
        }
        spans.retain(|s| {
            s.pos.is_known() && s.pos.line as usize <= texts.get(s.pos.file).1.lines().count()
        });
        let width = spans
            .iter()
            .map(|s| s.pos.line.to_string().len())
            .max()
            .unwrap_or(1);
        let pad = " ".repeat(width);
        let (g, r) = (p.gutter, p.reset);
        let (file, _) = texts.get(self.pos.file);
        let file = printable(file);
        if self.pos.is_known() {
            let (line, column) = (self.pos.line, self.pos.column);
            let _ = writeln!(out, "{pad}{g}-->{r} {file}:{line}:{column}");
        } else {
            let _ = writeln!(out, "{pad}{g}-->{r} {file}");
        }
        // The primary file's spans first, under the `-->` header; each
        // other file's under a `:::` header of its own.
        let primary_file = self.pos.file;
        spans.sort_by_key(|s| {
            (
                s.pos.file != primary_file,
                s.pos.file,
                s.pos.line,
                !s.primary,
            )
        });
        let mut previous: Option<(u32, u32)> = None;
        for span in &spans {
            let (file_no, line_no) = (span.pos.file, span.pos.line);
            let (name, source) = texts.get(file_no);
            match previous {
                None => {
                    let _ = writeln!(out, "{pad} {g}|{r}");
                }
                Some((f, _)) if f != file_no => {
                    let (line, column) = (span.pos.line, span.pos.column);
                    let name = printable(name);
                    let _ = writeln!(out, "{pad}{g}:::{r} {name}:{line}:{column}");
                    let _ = writeln!(out, "{pad} {g}|{r}");
                }
                _ => {}
            }
            let underline = if span.primary { level } else { p.gutter };
            let mark = if span.primary { '^' } else { '-' };
            let text = source.lines().nth(line_no as usize - 1).unwrap_or("");
            let cut = Cut::new(text, span.pos.column);
            if previous != Some((file_no, line_no)) {
                if previous.is_some_and(|(f, l)| f == file_no && line_no > l + 1) {
                    let _ = writeln!(out, "{g}...{r}");
                }
                let _ = writeln!(out, "{g}{line_no:>width$} |{r} {}", cut.shown);
            }
            let marks = mark.to_string().repeat(cut.mark_width(source, span.pos));
            let label = span
                .label
                .map(|l| format!(" {}", printable(l)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{pad} {g}|{r} {}{underline}{marks}{label}{r}",
                " ".repeat(cut.indent)
            );
            previous = Some((file_no, line_no));
        }
        if let Some(help) = &self.help {
            let help = printable(help);
            let _ = writeln!(out, "{pad} {g}={r} {}help{r}: {help}", p.bold);
        }
        out
    }
}

/// Where a layout finds the name and text of each file.
enum Texts<'a> {
    One(&'a str, &'a str),
    Many(&'a Files),
}

impl Texts<'_> {
    fn get(&self, file: u32) -> (&str, &str) {
        match self {
            Texts::One(name, text) => (name, text),
            Texts::Many(files) => files.get(file),
        }
    }
}

/// A control character a terminal could act on (escape sequences, bell,
/// carriage return): never printed as is. Line breaks and tabs are kept.
fn unprintable(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` with each [`unprintable`] character written as `\u{1b}`.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(unprintable) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if unprintable(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// A place to underline in a snippet.
struct Span<'a> {
    pos: Pos,
    label: Option<&'a str>,
    primary: bool,
}

/// A source line as shown: very long lines are cut around the column so
/// that the caret stays visible.
struct Cut {
    /// The text shown after the gutter.
    shown: String,
    /// Characters before the caret, in the shown text.
    indent: usize,
    /// Characters from the caret to the end of the shown text.
    room: usize,
}

impl Cut {
    fn new(line: &str, column: u32) -> Self {
        let chars: Vec<char> = line.trim_end_matches('\r').chars().collect();
        let col = (column as usize).saturating_sub(1).min(chars.len());
        let (start, prefix) = if col > 60 { (col - 40, "...") } else { (0, "") };
        let end = (start + 100).min(chars.len());
        let body: String = chars[start..end]
            .iter()
            .map(|&c| match c {
                '\t' => ' ',
                // One column, like the character it stands for, so the
                // caret stays under its place.
                c if unprintable(c) => '\u{FFFD}',
                c => c,
            })
            .collect();
        let suffix = if end < chars.len() { "..." } else { "" };
        Self {
            shown: format!("{prefix}{body}{suffix}"),
            indent: prefix.len() + col - start,
            room: end.saturating_sub(col).max(1),
        }
    }

    /// How many carets to draw for a span starting on this line: its
    /// length on the line, at least one.
    fn mark_width(&self, source: &str, pos: Pos) -> usize {
        source
            .get(pos.offset..pos.offset + pos.len)
            .map(|s| s.lines().next().unwrap_or("").chars().count())
            .unwrap_or(1)
            .clamp(1, self.room)
    }
}

/// The escape codes used to colour a diagnostic; all empty for plain text.
struct Palette {
    error: &'static str,
    warning: &'static str,
    gutter: &'static str,
    bold: &'static str,
    reset: &'static str,
}

const PLAIN: Palette = Palette {
    error: "",
    warning: "",
    gutter: "",
    bold: "",
    reset: "",
};

/// rustc's colours: bold bright red errors, bold bright yellow warnings,
/// bold bright blue gutter.
const ANSI: Palette = Palette {
    error: "\x1b[1;91m",
    warning: "\x1b[1;93m",
    gutter: "\x1b[1;94m",
    bold: "\x1b[1m",
    reset: "\x1b[0m",
};

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'a str,
    code: &'a str,
    name: &'a str,
    message: &'a str,
    file: &'a str,
    #[serde(flatten)]
    span: JsonSpan,
    label: Option<&'a str>,
    help: Option<&'a str>,
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    file: &'a str,
    #[serde(flatten)]
    span: JsonSpan,
    label: &'a str,
}

#[derive(Serialize)]
struct JsonSpan {
    line: Option<u32>,
    column: Option<u32>,
    end_line: Option<u32>,
    end_column: Option<u32>,
    byte_start: Option<usize>,
    byte_end: Option<usize>,
}

impl JsonSpan {
    fn new(pos: Pos, source: &str) -> Self {
        if !pos.is_known() {
            return Self {
                line: None,
                column: None,
                end_line: None,
                end_column: None,
                byte_start: None,
                byte_end: None,
            };
        }
        let text = source.get(pos.offset..pos.offset + pos.len);
        let (text, len) = match text {
            Some(t) if !t.is_empty() => (t, pos.len),
            // An empty or unknown span: one character, as the caret shows.
            _ => {
                let next = source
                    .get(pos.offset..)
                    .and_then(|rest| rest.chars().next())
                    .filter(|c| *c != '\n' && *c != '\r');
                match next {
                    Some(c) => (&source[pos.offset..pos.offset + c.len_utf8()], c.len_utf8()),
                    None => ("", 0),
                }
            }
        };
        let (end_line, end_column) = match text.rfind('\n') {
            Some(i) => (
                pos.line + text.matches('\n').count() as u32,
                text[i + 1..].chars().count() as u32 + 1,
            ),
            None => (pos.line, pos.column + text.chars().count() as u32),
        };
        Self {
            line: Some(pos.line),
            column: Some(pos.column),
            end_line: Some(end_line),
            end_column: Some(end_column),
            byte_start: Some(pos.offset),
            byte_end: Some(pos.offset + len),
        }
    }
}

/// The closest candidate to `word` by edit distance, if one is close
/// enough to be a plausible typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    let chars = word.chars().count();
    candidates
        .into_iter()
        // The distance is at least the difference in length: skip those
        // too far apart before computing it.
        .filter(|c| c.chars().count().abs_diff(chars) <= limit)
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

/// The edit distance between two words, counting a swap of two adjacent
/// characters as one edit (`ryabkvo` → `ryabkov`), as well as an insertion,
/// a deletion or a substitution: the optimal string alignment distance.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: two back, one back, and the one being filled.
    let mut older: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 0..a.len() {
        let mut cur = vec![i + 1; b.len() + 1];
        for j in 0..b.len() {
            let sub = prev[j] + usize::from(a[i] != b[j]);
            let mut best = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            if i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j] {
                best = best.min(older[j - 1] + 1);
            }
            cur[j + 1] = best;
        }
        older = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_a_swap_as_one_edit() {
        assert_eq!(edit_distance("ryabkvo", "ryabkov"), 1);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn closest_finds_typos_and_ignores_strangers() {
        let ids = ["putin", "trump", "ryabkov"];
        assert_eq!(closest("putn", ids), Some("putin"));
        assert_eq!(closest("trumpp", ids), Some("trump"));
        assert_eq!(closest("zelenskiy", ids), None);
    }

    fn putn() -> Diagnostic {
        Diagnostic::error(
            "unknown-reference",
            Pos {
                file: 0,
                line: 2,
                column: 5,
                offset: 10,
                len: 4,
            },
            "unknown actor `putn`",
        )
        .with_label("not found")
        .with_help("did you mean `putin`?")
    }

    #[test]
    fn render_points_at_the_column() {
        let text = putn().render("f.yaml", "id: x\nby: putn\n");
        assert_eq!(
            text,
            "error[E0015]: unknown actor `putn`\n --> f.yaml:2:5\n  |\n2 | by: putn\n  |     ^^^^ not found\n  = help: did you mean `putin`?\n"
        );
    }

    #[test]
    fn the_arrow_and_gutter_follow_the_line_number_width() {
        let src = format!("{}by: putn\n", "#\n".repeat(11));
        let mut d = putn();
        d.pos.line = 12;
        d.pos.offset = 22;
        let text = d.render("f.yaml", &src);
        assert_eq!(
            text,
            "error[E0015]: unknown actor `putn`\n  --> f.yaml:12:5\n   |\n12 | by: putn\n   |     ^^^^ not found\n   = help: did you mean `putin`?\n"
        );
    }

    #[test]
    fn related_lines_are_shown_in_order_with_a_gap_marker() {
        let src = "a: x\nb: y\nc: z\nd: x\n";
        let at = |line: u32, offset: usize| Pos {
            file: 0,
            line,
            column: 4,
            offset,
            len: 1,
        };
        let d = Diagnostic::error("duplicate-id", at(4, 18), "the id `x` is already used")
            .with_label("used again here")
            .with_related(at(1, 3), "first used here");
        assert_eq!(
            d.render("f.yaml", src),
            "error[E0014]: the id `x` is already used\n --> f.yaml:4:4\n  |\n1 | a: x\n  |    - first used here\n...\n4 | d: x\n  |    ^ used again here\n"
        );
    }

    #[test]
    fn ansi_rendering_colours_and_plain_rendering_does_not() {
        let src = "id: x\nby: putn\n";
        let plain = putn().render("f.yaml", src);
        let ansi = putn().render_ansi("f.yaml", src);
        assert!(!plain.contains('\x1b'));
        assert!(
            ansi.starts_with("\x1b[1;91merror[E0015]\x1b[0m"),
            "{ansi:?}"
        );
        let stripped = ansi
            .split('\x1b')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    &part[part.find('m').unwrap() + 1..]
                }
            })
            .collect::<String>();
        assert_eq!(stripped, plain);
    }

    #[test]
    fn json_gives_code_name_and_span() {
        let json = putn().to_json("f.yaml", "id: x\nby: putn\n");
        assert_eq!(
            json,
            r#"{"severity":"error","code":"E0015","name":"unknown-reference","message":"unknown actor `putn`","file":"f.yaml","line":2,"column":5,"end_line":2,"end_column":9,"byte_start":10,"byte_end":14,"label":"not found","help":"did you mean `putin`?","related":[]}"#
        );
        let unplaced = Diagnostic::error("too-large", Pos::default(), "too big").to_json("f", "");
        assert!(
            unplaced.contains(r#""line":null,"column":null"#),
            "{unplaced}"
        );
    }

    #[test]
    fn denied_warnings_are_errors_with_their_warning_code() {
        let w = Diagnostic::warning("unsourced", Pos::default(), "m").denied();
        assert!(w.is_error());
        assert_eq!(w.numbered_code(), "W0001");
    }

    #[test]
    fn the_code_table_is_well_formed() {
        let mut seen_names = std::collections::HashSet::new();
        // Numbers increase down the table; ranges are reserved for areas
        // of work, so there may be gaps between them.
        let mut last = [0u32, 0u32];
        for (name, code) in CODES {
            assert!(seen_names.insert(*name), "{name} is listed twice");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{name} is not kebab-case"
            );
            let (letter, number) = code.split_at(1);
            let slot = match letter {
                "E" => 0,
                "W" => 1,
                _ => panic!("{code}: codes start with E or W"),
            };
            assert_eq!(number.len(), 4, "{code}");
            let n: u32 = number
                .parse()
                .unwrap_or_else(|_| panic!("{code}: not a number"));
            assert!(n > last[slot], "{code} ({name}): numbers increase");
            last[slot] = n;
        }
    }

    /// Every code the sources construct a diagnostic with is in the table,
    /// with the letter of its severity.
    #[test]
    fn every_code_used_in_the_sources_is_in_the_table() {
        let sources = [
            include_str!("lib.rs"),
            include_str!("load.rs"),
            include_str!("validate.rs"),
        ];
        let mut found = 0;
        for source in sources {
            for (ctor, letter) in [
                ("Diagnostic::error(", 'E'),
                ("Diagnostic::warning(", 'W'),
                ("DeError::new(", 'E'),
            ] {
                for (i, _) in source.match_indices(ctor) {
                    let rest = source[i + ctor.len()..].trim_start();
                    let Some(rest) = rest.strip_prefix('"') else {
                        continue;
                    };
                    let name = &rest[..rest.find('"').unwrap()];
                    let code = code_number(name)
                        .unwrap_or_else(|| panic!("`{name}` is not in diagnostic::CODES"));
                    assert!(code.starts_with(letter), "`{name}` is {code}");
                    found += 1;
                }
            }
        }
        assert!(found > 30, "only {found} constructors found");
    }

    #[test]
    fn terminal_escapes_in_the_brief_are_never_printed() {
        let source = "id: x\nk\x1b]0;title\x07: \x1b[2J\n";
        let d = Diagnostic::error(
            "unknown-field",
            Pos {
                file: 0,
                line: 2,
                column: 1,
                offset: 6,
                len: 11,
            },
            "unknown field `k\x1b]0;title\x07`",
        )
        .with_label("here\r")
        .with_help("not \u{9b}this");
        for text in [
            d.render("b\x1b.yaml", source),
            d.render_ansi("b.yaml", source),
        ] {
            // Only the palette's own colour codes.
            let mut rest = text.clone();
            for code in [ANSI.error, ANSI.warning, ANSI.gutter, ANSI.bold, ANSI.reset] {
                rest = rest.replace(code, "");
            }
            assert!(!rest.contains('\x1b'), "{text:?}");
            assert!(!text.contains(['\x07', '\r', '\u{9b}']), "{text:?}");
            assert!(
                text.contains("unknown field `k\\u{1b}]0;title\\u{7}`"),
                "{text}"
            );
        }
        let plain = d.render("b.yaml", source);
        assert!(
            plain.contains("2 | k\u{FFFD}]0;title\u{FFFD}: \u{FFFD}[2J\n"),
            "{plain}"
        );
        assert!(!plain.contains('\x1b'));
    }
}
