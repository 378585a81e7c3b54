//! Reading a brief from a file or standard input, with the scope its
//! imports may be read from.

use std::io::Read;
use std::path::Path;

use brief::{Files, ImportScope, Limits};

use super::args::ReadConfig;
use super::report::Reporter;

/// A brief's text, the name to show for it, and where its imports are.
pub struct Input {
    /// The name diagnostics show: the path, or `<stdin>`.
    pub label: String,
    /// The brief's text.
    pub text: String,
    /// Where its imports may be read from.
    pub scope: ImportScope,
}

impl Input {
    /// Loads and validates the brief with its imports.
    pub fn check(self, limits: &Limits) -> brief::Checked {
        brief::check_source(&self.label, self.text, Some(&self.scope), limits)
    }
}

/// The name a brief read from `path` is shown by.
pub fn label(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads a brief; `-` reads standard input. On failure the problem has
/// been reported; the error says whether it was a diagnostic about the
/// content (rather than I/O).
pub fn read_input(path: &Path, config: &ReadConfig, report: &Reporter) -> Result<Input, bool> {
    let label = label(path);
    let limits = &config.limits;
    let stdin = path == Path::new("-");
    let result = if stdin {
        let mut bytes = Vec::new();
        match std::io::stdin()
            .take(limits.max_file_bytes as u64 + 1)
            .read_to_end(&mut bytes)
        {
            Ok(_) => {
                let quoted =
                    String::from_utf8_lossy(&bytes[..bytes.len().min(limits.max_file_bytes)])
                        .into_owned();
                brief::decode_source(bytes, limits)
                    .map_err(|d| brief::ReadError::Invalid(Box::new(d), quoted))
            }
            Err(e) => Err(brief::ReadError::Io(e)),
        }
    } else {
        brief::read_source(path, limits)
    };
    match result {
        Ok(text) => {
            let root = config.import_root.as_deref();
            let scope = if stdin {
                ImportScope::for_stdin(root)
            } else {
                ImportScope::for_file(path, root)
            };
            Ok(Input { label, text, scope })
        }
        Err(brief::ReadError::Io(e)) => {
            report.error(Some(&label), &format!("cannot read `{label}`: {e}"));
            Err(false)
        }
        Err(brief::ReadError::Invalid(d, quoted)) => {
            report.diagnostics(&Files::new(label, quoted), &[*d]);
            Err(true)
        }
        Err(e) => {
            // A read error of a kind added to the library later: still
            // said, never dropped.
            report.error(Some(&label), &format!("cannot read `{label}`: {e:?}"));
            Err(false)
        }
    }
}
