//! Diagnostics: what is wrong with a brief, where, and how to fix it.
//!
//! Every stage reports problems as [`Diagnostic`]s that point at a line and
//! column of the input. They are plain data; [`Diagnostic::render`] lays
//! one out for a terminal, with the offending line and a caret under it.

use std::fmt::{self, Write as _};

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

/// A position in a source file. Lines and columns count from 1; columns
/// count characters, not bytes. `offset` and `len` are in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// Line, from 1. Zero when unknown.
    pub line: u32,
    /// Column in characters, from 1. Zero when unknown.
    pub column: u32,
    /// Byte offset of the start of the span.
    pub offset: usize,
    /// Length of the span in bytes (may be 0).
    pub len: usize,
}

impl Pos {
    /// Whether the position points somewhere.
    pub fn is_known(&self) -> bool {
        self.line > 0
    }
}

/// One problem found in a brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case code naming the kind of problem
    /// (e.g. `unknown-reference`).
    pub code: &'static str,
    /// One line saying what is wrong.
    pub message: String,
    /// Where it is.
    pub pos: Pos,
    /// A short hint on how to fix it (e.g. a did-you-mean).
    pub help: Option<String>,
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

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a related position.
    pub fn with_related(mut self, pos: Pos, label: impl Into<String>) -> Self {
        self.related = Some(Box::new((pos, label.into())));
        self
    }

    /// Whether this is an error (as opposed to a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Lays the diagnostic out for a reader: a `file:line:column` header,
    /// the offending line with a caret, and any help.
    ///
    /// ```text
    /// error[unknown-reference]: unknown actor `putn`
    ///   --> briefs/x.yaml:12:9
    ///    |
    /// 12 |     by: putn
    ///    |         ^^^^
    ///    = help: did you mean `putin`?
    /// ```
    pub fn render(&self, file: &str, source: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}[{}]: {}", self.severity, self.code, self.message);
        write_snippet(&mut out, file, source, self.pos, None);
        if let Some(related) = &self.related {
            let (pos, label) = related.as_ref();
            write_snippet(&mut out, file, source, *pos, Some(label));
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "   = help: {help}");
        }
        out
    }
}

fn write_snippet(out: &mut String, file: &str, source: &str, pos: Pos, label: Option<&str>) {
    if !pos.is_known() {
        let _ = writeln!(out, "  --> {file}");
        return;
    }
    let _ = writeln!(out, "  --> {file}:{}:{}", pos.line, pos.column);
    let Some(line_text) = source.lines().nth(pos.line as usize - 1) else {
        return;
    };
    // Very long lines are cut around the column so the caret stays visible.
    let chars: Vec<char> = line_text.trim_end_matches('\r').chars().collect();
    let col = (pos.column as usize).saturating_sub(1).min(chars.len());
    let (start, prefix) = if col > 60 { (col - 40, "...") } else { (0, "") };
    let end = (start + 100).min(chars.len());
    let shown: String = chars[start..end]
        .iter()
        .map(|c| if *c == '\t' { ' ' } else { *c })
        .collect();
    let suffix = if end < chars.len() { "..." } else { "" };
    let num = pos.line.to_string();
    let pad = " ".repeat(num.len());
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{num} | {prefix}{shown}{suffix}");
    let span_chars = source
        .get(pos.offset..pos.offset + pos.len)
        .map(|s| s.lines().next().unwrap_or("").chars().count())
        .unwrap_or(1)
        .clamp(1, end.saturating_sub(col).max(1));
    let _ = write!(
        out,
        "{pad} | {}{}{}",
        " ".repeat(prefix.len() + col - start),
        "^".repeat(span_chars),
        label.map(|l| format!(" {l}")).unwrap_or_default()
    );
    out.push('\n');
}

/// The closest candidate to `word` by edit distance, if one is close
/// enough to be a plausible typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_and_ignores_strangers() {
        let ids = ["putin", "trump", "ryabkov"];
        assert_eq!(closest("putn", ids), Some("putin"));
        assert_eq!(closest("trumpp", ids), Some("trump"));
        assert_eq!(closest("zelenskiy", ids), None);
    }

    #[test]
    fn render_points_at_the_column() {
        let src = "id: x\nby: putn\n";
        let d = Diagnostic::error(
            "unknown-reference",
            Pos {
                line: 2,
                column: 5,
                offset: 10,
                len: 4,
            },
            "unknown actor `putn`",
        )
        .with_help("did you mean `putin`?");
        let text = d.render("f.yaml", src);
        assert_eq!(
            text,
            "error[unknown-reference]: unknown actor `putn`\n  --> f.yaml:2:5\n  |\n2 | by: putn\n  |     ^^^^\n   = help: did you mean `putin`?\n"
        );
    }
}
