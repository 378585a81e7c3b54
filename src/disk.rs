//! Reading a brief's file into text, never more of it than the limit,
//! and never blocking on something that is not a file where a file is
//! expected.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::load::{self, Limits};
use crate::pos::Pos;

/// Reads a brief file as text. A UTF-8 byte order mark is dropped; bytes
/// that are not UTF-8 give a diagnostic pointing at the first bad byte.
/// No more than `limits.max_file_bytes` (and one byte) is ever read: a
/// regular file larger than that is refused before any of it is read, and
/// anything else (a pipe, `/dev/zero`) is read only up to the limit.
///
/// The file may be a pipe or a device (`brief check <(...)`,
/// `/dev/stdin`): this is for a file the user named. A file named by
/// another file (an import, an mdBook chapter's brief) is read with
/// [`read_regular_source`].
pub fn read_source(path: &Path, limits: &Limits) -> Result<String, ReadError> {
    let file = File::open(path).map_err(ReadError::Io)?;
    read_open(file, limits)
}

/// [`read_source`] for a file that must be a regular file: anything else
/// (a FIFO, a device, a directory) is refused without blocking on it.
pub fn read_regular_source(path: &Path, limits: &Limits) -> Result<String, ReadError> {
    let file = open_regular(path).map_err(ReadError::Io)?;
    read_open(file, limits)
}

/// Reads an open brief file: see [`read_source`].
fn read_open(file: File, limits: &Limits) -> Result<String, ReadError> {
    let bytes = read_limited(file, limits.max_file_bytes).map_err(ReadError::Io)?;
    match bytes {
        Limited::Over => Err(ReadError::Invalid(
            Box::new(too_large(limits)),
            String::new(),
        )),
        Limited::Within(bytes) => {
            decode(bytes, limits).map_err(|e| ReadError::Invalid(Box::new(e.0), e.1))
        }
    }
}

/// The bytes of a regular file (see [`open_regular`]), up to one more than
/// `limits.max_file_bytes`, so that [`decode_source`] can tell it is too
/// large; a file that says it is larger is not read at all.
pub(crate) fn read_bytes(path: &Path, limits: &Limits) -> std::io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    Ok(match read_limited(file, limits.max_file_bytes)? {
        Limited::Within(bytes) => bytes,
        // Enough to be refused as too large, without the rest.
        Limited::Over => vec![0; limits.max_file_bytes + 1],
    })
}

/// What [`read_limited`] found.
pub(crate) enum Limited {
    /// All of it, no more than the limit.
    Within(Vec<u8>),
    /// More than the limit: what was read of it is dropped.
    Over,
}

/// Reads all of `file` if it holds no more than `limit` bytes. A regular
/// file that says it holds more is not read; anything else is read one
/// byte past the limit at most, so a pipe or `/dev/zero` stops there.
pub(crate) fn read_limited(file: File, limit: usize) -> std::io::Result<Limited> {
    let meta = file.metadata()?;
    if meta.is_file() && meta.len() > limit as u64 {
        return Ok(Limited::Over);
    }
    // Sized to the file (when it says), not grown by doubling.
    let size = if meta.is_file() {
        meta.len() as usize
    } else {
        0
    };
    let mut bytes = Vec::with_capacity(size.min(limit) + 1);
    file.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Ok(Limited::Over);
    }
    Ok(Limited::Within(bytes))
}

/// Opens `path` for reading if it is a regular file (links followed);
/// anything else is refused with an error saying what it is. Opened
/// without waiting, so a FIFO with no writer does not hang the caller;
/// the flag stays, and changes nothing for a regular file.
pub fn open_regular(path: &Path) -> std::io::Result<File> {
    // Looked at before it is opened: even opening a FIFO without waiting
    // would count as a reader, and wake a writer waiting on it.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    // Checked again once open, in case it was swapped in between.
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    Ok(file)
}

/// The error for a file that is not a regular file.
fn not_regular(meta: &std::fs::Metadata) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!(
            "it is {}, not a regular file",
            crate::output::describe(meta)
        ),
    )
}

/// The diagnostic for a file over the limit.
fn too_large(limits: &Limits) -> Diagnostic {
    Diagnostic::error(
        "too-large",
        Pos::default(),
        format!(
            "the file is larger than the limit of {} bytes",
            limits.max_file_bytes
        ),
    )
    .with_help("split the brief into smaller files")
}

/// [`decode_source`], with the text to quote when it fails: what was read,
/// with bad bytes replaced; nothing for a file too large.
pub(crate) fn decode(bytes: Vec<u8>, limits: &Limits) -> Result<String, Box<(Diagnostic, String)>> {
    if bytes.len() > limits.max_file_bytes {
        return Err(Box::new((too_large(limits), String::new())));
    }
    let quoted = match std::str::from_utf8(&bytes) {
        Ok(_) => None,
        Err(_) => Some(String::from_utf8_lossy(&bytes).into_owned()),
    };
    decode_source(bytes, limits).map_err(|d| Box::new((d, quoted.unwrap_or_default())))
}

/// Decodes brief bytes (from a file or stdin): see [`read_source`]. Lone
/// carriage returns (old Mac line endings) become line feeds.
pub fn decode_source(mut bytes: Vec<u8>, limits: &Limits) -> Result<String, Diagnostic> {
    if bytes.len() > limits.max_file_bytes {
        return Err(too_large(limits));
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
    /// The bytes are not a brief's text (not UTF-8, too large): the
    /// diagnostic, and the text to quote with it: what was read, bad bytes
    /// replaced (nothing when the file is too large).
    #[error("{}", .0.message)]
    Invalid(Box<Diagnostic>, String),
}
