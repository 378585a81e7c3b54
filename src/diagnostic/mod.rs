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

use std::fmt;

use crate::pos::{Files, Pos};

mod closest;
mod codes;
mod json;
mod layout;
mod printable;

pub use closest::{Suggestions, closest};
pub use codes::{CODES, code_number};
pub use printable::{bidi_control, printable};

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

    /// Lays the diagnostic out for a reader, rustc style (drawn by
    /// `annotate-snippets`): a header with the numbered code, the
    /// `file:line:column`, the offending lines with carets and label under
    /// them (and any related line, underlined with `-`), and any help.
    /// Text from the brief never reaches the terminal raw: control
    /// characters are shown escaped (`\u{1b}`) in messages and as `\u{FFFD}`
    /// in the lines shown.
    ///
    /// ```text
    /// error[E0015]: no actor has the id `putn`
    ///   --> briefs/x.yaml:12:9
    ///    |
    /// 12 |     by: putn
    ///    |         ^^^^ not found
    ///    |
    ///    = help: did you mean `putin`?
    /// ```
    pub fn render(&self, file: &str, source: &str) -> String {
        layout::layout(self, &Texts::One(file, source), false)
    }

    /// [`Diagnostic::render`] with ANSI colour escapes, for a terminal.
    pub fn render_ansi(&self, file: &str, source: &str) -> String {
        layout::layout(self, &Texts::One(file, source), true)
    }

    /// [`Diagnostic::render`] for a brief with imports: each position is
    /// shown in its own file (a related place in another file gets a
    /// `:::` header of its own).
    pub fn render_in(&self, files: &Files) -> String {
        layout::layout(self, &Texts::Many(files), false)
    }

    /// [`Diagnostic::render_in`] with ANSI colour escapes.
    pub fn render_ansi_in(&self, files: &Files) -> String {
        layout::layout(self, &Texts::Many(files), true)
    }

    /// [`Diagnostic::to_json`] for a brief with imports: `file` and each
    /// related place's `file` name the file each position is in.
    pub fn to_json_in(&self, files: &Files) -> String {
        json::json(self, &Texts::Many(files))
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
        json::json(self, &Texts::One(file, source))
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

    /// The byte offset where line `line` (from 1) of file `file` starts,
    /// if it has that line. [`Files`] indexes each file's lines once, so
    /// that many diagnostics of one file do not each scan it.
    fn line_start(&self, file: u32, line: u32) -> Option<usize> {
        match self {
            Texts::One(_, text) => layout::line_start(text, line),
            Texts::Many(files) => files.line_start(file, line),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denied_warnings_are_errors_with_their_warning_code() {
        let w = Diagnostic::warning("unsourced", Pos::default(), "m").denied();
        assert!(w.is_error());
        assert_eq!(w.numbered_code(), "W0001");
    }
}
