//! Writing results: to standard output, or atomically to a file.

use std::io::Write;
use std::path::Path;

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

/// Writes `bytes` to `path` through a temporary file in the same
/// directory, renamed into place (see [`brief::write_atomically`]); on
/// failure says so and returns 1.
pub fn write_file(path: &Path, bytes: &[u8], report: &Reporter) -> i32 {
    match brief::write_atomically(path, bytes) {
        Ok(()) => 0,
        Err(e) => {
            let shown = path.display().to_string();
            report.error(
                Some(&shown),
                &format!("cannot write `{shown}`: {}", write_error(&e)),
            );
            1
        }
    }
}

/// An error from writing a file, without the temporary file's name, which
/// means nothing to the user.
pub fn write_error(e: &std::io::Error) -> String {
    let message = e.to_string();
    message
        .split(" at path \"")
        .next()
        .unwrap_or(&message)
        .to_string()
}

/// Whether `a` and `b` name the same existing file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
