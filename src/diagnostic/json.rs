//! The JSON layout of a diagnostic: one line per diagnostic, for editors
//! and CI. Its fields are an interface and do not change.

use std::fmt::Write as _;

use serde::Serialize;

use super::printable::unprintable;

use super::{Diagnostic, Severity, Texts};
use crate::pos::Pos;

/// `d` as one line of JSON, each position in its own file.
pub(super) fn json(d: &Diagnostic, texts: &Texts) -> String {
    let related = d
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
    let (file, source) = texts.get(d.pos.file);
    let json = JsonDiagnostic {
        severity: match d.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        },
        code: d.numbered_code(),
        name: d.code,
        message: &d.message,
        file,
        span: JsonSpan::new(d.pos, source),
        label: d.label.as_deref(),
        help: d.help.as_deref(),
        related,
    };
    json_escaped(serde_json::to_string(&json).unwrap_or_default())
}

/// JSON with every control character and bidirectional control written
/// as a `\uXXXX` escape: the same strings to a JSON reader, and nothing a
/// terminal would act on if the line is shown as it is. (serde_json
/// escapes C0 controls itself, but writes C1 controls, such as the
/// one-byte CSI, and bidirectional controls raw.)
fn json_escaped(json: String) -> String {
    if !json.chars().any(unprintable) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unprintable(c) {
            // Every such character is in the Basic Multilingual Plane.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::super::Diagnostic;
    use crate::pos::Pos;

    #[test]
    fn json_gives_code_name_and_span() {
        let d = Diagnostic::error(
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
        .with_help("did you mean `putin`?");
        assert_eq!(
            d.to_json("f.yaml", "id: x\nby: putn\n"),
            r#"{"severity":"error","code":"E0015","name":"unknown-reference","message":"unknown actor `putn`","file":"f.yaml","line":2,"column":5,"end_line":2,"end_column":9,"byte_start":10,"byte_end":14,"label":"not found","help":"did you mean `putin`?","related":[]}"#
        );
        let hostile =
            Diagnostic::error("unknown-field", Pos::default(), "`a\u{202E}b\u{9b}c\u{1b}`")
                .to_json("f", "");
        assert!(!hostile.chars().any(super::unprintable), "{hostile}");
        assert!(hostile.contains(r#"`a\u202eb\u009bc\u001b`"#), "{hostile}");
        let read: serde_json::Value = serde_json::from_str(&hostile).unwrap();
        assert_eq!(read["message"], "`a\u{202E}b\u{9b}c\u{1b}`");
        let unplaced = Diagnostic::error("too-large", Pos::default(), "too big").to_json("f", "");
        assert!(
            unplaced.contains(r#""line":null,"column":null"#),
            "{unplaced}"
        );
    }
}
