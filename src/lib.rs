//! `brief` turns the structured facts of a news story, written once in YAML,
//! into a faithful briefing note in Markdown or HTML.
//!
//! The pipeline has four stages, one module each:
//! [`load`] (YAML → raw [`schema`] types) → [`validate`] (→ checked
//! [`Model`], every problem at once) → [`resolve`] (→ [`View`] for
//! templates) → [`render`] (Tera → Markdown or HTML).
//!
//! ```
//! let yaml = "id: demo\ntitle: A demo brief\nkey_points:\n  - text: Nothing happened.\n";
//! let renderer = brief::Renderer::new().unwrap();
//! let out = brief::render_str(yaml, &brief::Limits::default(), &renderer, &brief::RenderOptions::default())
//!     .unwrap();
//! assert!(out.text.starts_with("# A demo brief\n"));
//! ```

pub mod build;
pub mod date;
pub mod diagnostic;
pub mod diff;
mod hash;
pub mod imports;
pub mod json_schema;
pub mod load;
pub mod mdbook;
pub mod pdf;
pub mod pos;
pub mod render;
pub mod resolve;
pub mod schema;
mod url;
pub mod validate;

use std::path::Path;

pub use build::{BuildOptions, BuildSummary, build};
pub use diagnostic::{Diagnostic, Severity};
pub use diff::DiffView;
pub use imports::ImportScope;
pub use json_schema::{json_schema, registry_json_schema};
pub use load::Limits;
pub use pos::{Files, Located, Pos};
pub use render::{Format, FrontMatter, RenderError, RenderOptions, Renderer};
pub use resolve::View;
pub use validate::Model;

/// A starter brief: a commented, fictional example that uses every part of
/// the format and checks with no errors or warnings. `brief init` writes
/// it. Its first line names the JSON Schema, `brief.schema.json`, beside
/// the file (see [`json_schema()`]).
///
/// ```
/// let (model, diagnostics) = brief::check_str(brief::STARTER, &brief::Limits::default());
/// assert!(model.is_some() && diagnostics.is_empty());
/// ```
pub const STARTER: &str = include_str!("starter.yaml");

/// Loads and validates brief source text. Returns the checked model when
/// there are no errors, and every diagnostic (errors and warnings).
///
/// A brief given as text has no file its imports could be relative to: an
/// `imports` entry is an error here; use [`check_file`] or
/// [`check_source`] for briefs that import.
pub fn check_str(source: &str, limits: &Limits) -> (Option<Model>, Vec<Diagnostic>) {
    let (loaded, _) = imports::load_brief("<text>", source.to_owned(), None, limits);
    validate::validate(loaded)
}

/// A brief checked with its imports, and the text of every file read, so
/// that diagnostics can show the lines they point at.
#[derive(Debug)]
pub struct Checked {
    /// The checked model, when there are no errors.
    pub model: Option<Model>,
    /// Every diagnostic, errors and warnings, the brief's own first.
    pub diagnostics: Vec<Diagnostic>,
    /// The brief (file 0) and the files it imports: what
    /// [`Diagnostic::render_in`] needs.
    pub files: Files,
}

impl Checked {
    /// Renders the brief; fails with every diagnostic if it has errors.
    pub fn render(&self, renderer: &Renderer, options: &RenderOptions) -> Result<Rendered, Error> {
        let Some(model) = &self.model else {
            return Err(Error::Invalid(self.diagnostics.clone()));
        };
        let view = resolve::resolve(model);
        let text = renderer.render(&view, options).map_err(Error::Render)?;
        Ok(Rendered {
            text,
            warnings: self.diagnostics.clone(),
        })
    }
}

/// Loads and validates a brief read from `name` (a path or `<stdin>`, as
/// shown in diagnostics), reading the files it imports within `scope`.
/// Without a scope, a brief that imports anything gets errors.
pub fn check_source(
    name: &str,
    text: String,
    scope: Option<&ImportScope>,
    limits: &Limits,
) -> Checked {
    let (loaded, files) = imports::load_brief(name, text, scope, limits);
    let (model, diagnostics) = validate::validate(loaded);
    Checked {
        model,
        diagnostics,
        files,
    }
}

/// Reads, loads and validates a brief file and the files it imports, which
/// must stay inside `import_root` (by default: see
/// [`ImportScope::for_file`]). Fails only when the file cannot be read; a
/// file that is not UTF-8 or too large gives a diagnostic.
///
/// ```
/// let checked = brief::check_file("briefs/us-russia-talks.yaml".as_ref(), None, &brief::Limits::default())?;
/// assert!(checked.model.is_some());
/// let renderer = brief::Renderer::new()?;
/// let out = checked.render(&renderer, &brief::RenderOptions::default())?;
/// assert!(out.text.contains("nearly 20%"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_file(
    path: &Path,
    import_root: Option<&Path>,
    limits: &Limits,
) -> Result<Checked, std::io::Error> {
    let name = path.display().to_string();
    match read_source(path, limits) {
        Ok(text) => {
            let scope = ImportScope::for_file(path, import_root);
            Ok(check_source(&name, text, Some(&scope), limits))
        }
        Err(ReadError::Io(e)) => Err(e),
        Err(ReadError::Invalid(d)) => {
            let bytes = std::fs::read(path).unwrap_or_default();
            Ok(Checked {
                model: None,
                diagnostics: vec![d],
                files: Files::new(name, String::from_utf8_lossy(&bytes)),
            })
        }
    }
}

/// A successful rendering, with any warnings found on the way.
#[derive(Debug)]
pub struct Rendered {
    /// The Markdown or HTML.
    pub text: String,
    /// Warnings about the brief (never errors).
    pub warnings: Vec<Diagnostic>,
}

/// Why a brief could not be rendered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The brief has errors (warnings may be included too).
    #[error("the brief has {n} error{s}", n = error_count(.0), s = if error_count(.0) == 1 { "" } else { "s" })]
    Invalid(Vec<Diagnostic>),
    /// A template failed.
    #[error("template error: {0}")]
    Render(#[source] RenderError),
}

/// How many of `diagnostics` are errors (the rest are warnings).
fn error_count(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

/// Runs the whole pipeline on brief source text.
pub fn render_str(
    source: &str,
    limits: &Limits,
    renderer: &Renderer,
    options: &RenderOptions,
) -> Result<Rendered, Error> {
    let (model, diagnostics) = check_str(source, limits);
    let Some(model) = model else {
        return Err(Error::Invalid(diagnostics));
    };
    let view = resolve::resolve(&model);
    // Each stage's data is freed once the next is built.
    drop(model);
    let text = renderer
        .render_owned(view, options)
        .map_err(Error::Render)?;
    Ok(Rendered {
        text,
        warnings: diagnostics,
    })
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_say_how_many_errors_and_keep_their_source() {
        let at = Pos::default();
        let one = Error::Invalid(vec![
            Diagnostic::error("empty-file", at, "empty"),
            Diagnostic::warning("unsourced", at, "unsourced"),
        ]);
        assert_eq!(one.to_string(), "the brief has 1 error");
        let two = Error::Invalid(vec![Diagnostic::error("empty-file", at, "empty"); 2]);
        assert_eq!(two.to_string(), "the brief has 2 errors");
        let missing = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let read = ReadError::Io(missing);
        assert_eq!(read.to_string(), "no such file");
        let invalid = ReadError::Invalid(Diagnostic::error("too-large", at, "too big"));
        assert_eq!(invalid.to_string(), "too big");
        assert!(std::error::Error::source(&one).is_none());
    }
}
