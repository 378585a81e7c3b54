//! Reading a brief's file into text, and writing output files so that no
//! reader ever sees one half-written.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::load::{self, Limits};
use crate::pos::Pos;

/// Reads a brief file as text. A UTF-8 byte order mark is dropped; bytes
/// that are not UTF-8 give a diagnostic pointing at the first bad byte.
/// Files larger than `limits.max_file_bytes` are refused before being read
/// whole.
pub fn read_source(path: &Path, limits: &Limits) -> Result<String, ReadError> {
    let bytes = read_bytes(path, limits).map_err(ReadError::Io)?;
    decode_source(bytes, limits).map_err(ReadError::Invalid)
}

/// The bytes of a file, up to one more than `limits.max_file_bytes` (so
/// that [`decode_source`] can tell it is too large).
pub(crate) fn read_bytes(path: &Path, limits: &Limits) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    // Sized to the file (when it says), not grown by doubling.
    let size = file.metadata().map_or(0, |m| m.len() as usize);
    let mut bytes = Vec::with_capacity(size.min(limits.max_file_bytes) + 1);
    file.take(limits.max_file_bytes as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Decodes brief bytes (from a file or stdin): see [`read_source`]. Lone
/// carriage returns (old Mac line endings) become line feeds.
pub fn decode_source(mut bytes: Vec<u8>, limits: &Limits) -> Result<String, Diagnostic> {
    if bytes.len() > limits.max_file_bytes {
        return Err(Diagnostic::error(
            "too-large",
            Pos::default(),
            format!(
                "the file is larger than the limit of {} bytes",
                limits.max_file_bytes
            ),
        )
        .with_help("split the brief into smaller files"));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let good = &bytes[..e.utf8_error().valid_up_to()];
        let text = std::str::from_utf8(good).unwrap_or_default();
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Diagnostic::error(
            "invalid-utf8",
            Pos {
                file: 0,
                line: line as u32,
                column: column as u32,
                offset: good.len(),
                len: 1,
            },
            "the file is not valid UTF-8",
        )
        .with_label("not UTF-8")
        .with_help("save the file as UTF-8")
    })?;
    // Lone carriage returns end lines in YAML; as line feeds, diagnostics
    // count the same lines the parser does.
    Ok(match load::normalize_line_breaks(&text) {
        std::borrow::Cow::Owned(normalized) => normalized,
        std::borrow::Cow::Borrowed(_) => text,
    })
}

/// Why a brief file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error(transparent)]
    Io(std::io::Error),
    /// The bytes are not a brief's text (not UTF-8, too large).
    #[error("{}", .0.message)]
    Invalid(Diagnostic),
}

/// Writes a file through a temporary file in the same directory, then
/// renames it into place: readers never see a half-written file, and a
/// failure leaves any previous file untouched. A replaced file keeps its
/// permissions; a new one gets those of any new file (0666 less the umask
/// on Unix), not the private mode of temporary files.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_file(path, bytes, true)
}

/// [`write_atomically`], with the data flushed to the disk before the
/// rename only when `durable`. A build's outputs are not: they can be
/// made again, and flushing each of thousands of files costs more than
/// rendering them. Readers still never see a half-written file.
pub(crate) fn replace_file(path: &Path, bytes: &[u8], durable: bool) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".brief-").suffix(".tmp");
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Some(perms) = existing {
        tmp.as_file().set_permissions(perms)?;
    }
    tmp.write_all(bytes)?;
    if durable {
        tmp.as_file().sync_all()?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
