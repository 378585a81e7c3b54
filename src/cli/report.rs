//! The reporter: the one way diagnostics, errors, notes and summaries
//! reach standard error, in the chosen message format and colour.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use brief::diagnostic::printable;
use brief::{Diagnostic, Files};

/// The header of an error line (`error: ...`).
const ERROR: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::BrightRed)));
/// The header of a warning line (`warning: ...`).
const WARNING: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::BrightYellow)));
/// The text after an error or warning header.
const EMPHASIS: Style = Style::new().bold();

/// A command that stopped before doing its work, and the exit status it
/// ends with: 2 for flags that do not go together, 1 for a refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, if there is an obvious way.
    pub help: Option<String>,
    /// The exit status.
    pub status: i32,
}

impl Problem {
    /// A usage error: options that do not go together (exit status 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            help: None,
            status: 2,
        }
    }

    /// A refusal to do something harmful, such as overwriting the input
    /// (exit status 1).
    pub fn refusal(message: impl Into<String>) -> Self {
        Self {
            status: 1,
            ..Self::usage(message)
        }
    }

    /// The same problem with a hint on how to fix it.
    pub fn help(self, help: impl Into<String>) -> Self {
        Self {
            help: Some(help.into()),
            ..self
        }
    }
}

/// Prints diagnostics, errors and summaries on standard error, in the
/// chosen format. Nothing else in the command line writes to standard
/// error, so `--message-format json` covers every failure.
pub struct Reporter {
    json: bool,
    color: bool,
    /// `--deny-warnings`: warnings count as errors.
    pub deny_warnings: bool,
}

impl Reporter {
    /// A reporter printing JSON lines or text for a reader (coloured or
    /// not), where warnings may count as errors.
    pub fn new(json: bool, color: bool, deny_warnings: bool) -> Self {
        Self {
            json,
            color,
            deny_warnings,
        }
    }

    /// A reporter for a command without diagnostic flags: text for a
    /// reader, coloured as `--color` says.
    pub fn human(color: bool) -> Self {
        Self {
            json: false,
            color,
            deny_warnings: false,
        }
    }

    /// Whether output is JSON lines (so nothing else may be drawn on
    /// standard error, such as a progress bar).
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// Applies `--deny-warnings`: every warning becomes an error.
    pub fn judge(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        if self.deny_warnings {
            diagnostics.into_iter().map(Diagnostic::denied).collect()
        } else {
            diagnostics
        }
    }

    /// Prints diagnostics about a brief read from `files`.
    pub fn diagnostics(&self, files: &Files, diagnostics: &[Diagnostic]) {
        let mut text = String::new();
        for d in diagnostics {
            if self.json {
                text.push_str(&d.to_json_in(files));
            } else if self.color {
                text.push_str(&d.render_ansi_in(files));
            } else {
                text.push_str(&d.render_in(files));
            }
            text.push('\n');
        }
        self.write(&text);
    }

    /// Prints an error that is not about a brief's content (a file that
    /// cannot be read or written, a template that fails). In JSON it has
    /// the fields of a diagnostic, with no code or position.
    pub fn error(&self, file: Option<&str>, message: &str) {
        self.error_with_help(file, message, None);
    }

    /// Prints why a command stopped before its work, and returns its exit
    /// status.
    pub fn problem(&self, problem: &Problem) -> i32 {
        self.error_with_help(None, &problem.message, problem.help.as_deref());
        problem.status
    }

    fn error_with_help(&self, file: Option<&str>, message: &str, help: Option<&str>) {
        // A message can quote a file name or a template's text: neither
        // may reach the terminal with its control characters.
        let message = &*printable(message);
        let file = file.map(printable);
        let file = file.as_deref();
        let help = help.map(printable);
        let help = help.as_deref();
        if self.json {
            // The keys of a diagnostic, in the same order.
            let json = format!(
                r#"{{"severity":"error","code":null,"name":null,"message":{},"file":{},"line":null,"column":null,"end_line":null,"end_column":null,"byte_start":null,"byte_end":null,"label":null,"help":{},"related":[]}}"#,
                serde_json::Value::from(message),
                serde_json::Value::from(file),
                serde_json::Value::from(help),
            );
            self.write(&format!("{json}\n"));
        } else {
            match help {
                Some(help) => self.summary(true, &format!("{message}\n\nhelp: {help}")),
                None => self.summary(true, message),
            }
        }
    }

    /// Prints a warning that is not about a brief's content. JSON output
    /// gives it the fields of a diagnostic.
    pub fn warning(&self, message: &str) {
        let message = &*printable(message);
        if self.json {
            let json = format!(
                r#"{{"severity":"warning","code":null,"name":null,"message":{},"file":null,"line":null,"column":null,"end_line":null,"end_column":null,"byte_start":null,"byte_end":null,"label":null,"help":null,"related":[]}}"#,
                serde_json::Value::from(message),
            );
            self.write(&format!("{json}\n"));
        } else {
            self.headed(WARNING, "warning", message);
        }
    }

    /// Prints a closing line for a reader (`error: could not render...`).
    /// JSON output leaves it out: the exit status says the same.
    pub fn summary(&self, error: bool, message: &str) {
        let message = &*printable(message);
        match (self.json, error) {
            (true, _) => {}
            (false, false) => self.write(&format!("{message}\n")),
            (false, true) => self.headed(ERROR, "error", message),
        }
    }

    /// Prints a line of progress for a reader (`watching ... for
    /// changes`); JSON output leaves it out.
    pub fn note(&self, message: &str) {
        self.summary(false, message);
    }

    /// Prints text as it is, for a reader only (such as the lines of a
    /// difference), but for its control characters, which are shown
    /// escaped; JSON output leaves it out.
    pub fn verbatim(&self, text: &str) {
        if !self.json {
            self.write(&printable(text));
        }
    }

    /// `header: message`, the header coloured and the message bold when
    /// colour is on.
    fn headed(&self, style: Style, header: &str, message: &str) {
        if self.color {
            self.write(&format!(
                "{style}{header}{style:#}{EMPHASIS}: {message}{EMPHASIS:#}\n"
            ));
        } else {
            self.write(&format!("{header}: {message}\n"));
        }
    }

    fn write(&self, text: &str) {
        let stderr = std::io::stderr().lock();
        // Colour goes through anstream, which also turns on escape codes
        // in a Windows console; plain text is written untouched.
        let _ = if self.color {
            anstream::AutoStream::always(stderr).write_all(text.as_bytes())
        } else {
            let mut stderr = stderr;
            stderr.write_all(text.as_bytes())
        };
    }
}

/// `1 error`, `2 errors`.
pub fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_headers_keep_their_escape_codes() {
        // Bold bright red, then a reset, as the diagnostics' headers look.
        assert_eq!(
            format!("{ERROR}error{ERROR:#}"),
            "\x1b[1m\x1b[91merror\x1b[0m"
        );
        assert_eq!(format!("{EMPHASIS}x{EMPHASIS:#}"), "\x1b[1mx\x1b[0m");
    }
}
