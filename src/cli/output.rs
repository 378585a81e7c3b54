//! Writing results: to standard output, or to a file through the
//! library's output rules (see [`brief::output`]), never over an input.

use std::io::Write;
use std::path::Path;

use brief::output::{FileId, Inputs, WriteError};
use brief::{Files, Renderer};

use super::report::Reporter;

/// Writes to standard output; a closed pipe is not an error.
pub fn print_stdout(text: &str, report: &Reporter) -> i32 {
    write_stdout(text.as_bytes(), report)
}

/// Writes bytes to standard output; a closed pipe is not an error.
pub fn write_stdout(bytes: &[u8], report: &Reporter) -> i32 {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            report.error(None, &format!("cannot write to standard output: {e}"));
            1
        }
    }
}

/// Writes `bytes` to `path` (see [`brief::output::write_output`]), never
/// over one of `inputs`; on failure says so and returns 1.
pub fn write_file(path: &Path, bytes: &[u8], inputs: &Inputs, report: &Reporter) -> i32 {
    match brief::output::write_output(path, bytes, inputs) {
        Ok(()) => 0,
        Err(e) => {
            report_write_error(path, &e, report);
            1
        }
    }
}

/// Says why `path` could not be written.
pub fn report_write_error(path: &Path, e: &WriteError, report: &Reporter) {
    report.error(Some(&path.display().to_string()), &e.to_string());
}

/// The inputs of a command that read the briefs `briefs` (`-` and
/// `git:` versions are not files, and are left out), the files they
/// imported (`files`, as read) and the templates of `renderer`.
pub fn inputs<'a>(
    briefs: impl IntoIterator<Item = &'a Path>,
    files: &[&Files],
    renderer: &Renderer,
) -> Inputs {
    use brief::render::Origin;
    let mut inputs = Inputs::new();
    for brief in briefs {
        inputs.add(brief);
    }
    for files in files {
        // File 0 is the brief, already named (as given, not as shown).
        for (name, _) in files.iter().skip(1) {
            inputs.add(Path::new(name));
        }
    }
    for template in renderer.templates() {
        if let Origin::Overridden(p) | Origin::User(p) = &template.origin {
            inputs.add(p);
        }
    }
    inputs
}

/// Whether `a` and `b` are the same existing file (by identity, not by
/// how their paths are spelt).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (FileId::of(a), FileId::of(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}
