//! The pipeline in one place: a brief's text is loaded (with its imports)
//! and validated into a checked model, which is resolved into the view
//! templates render. Every entry point of the library and the commands
//! runs the stages through these functions.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::disk::{ReadError, read_source};
use crate::ground::{self, Grounding, SourceText};
use crate::imports::{self, ImportScope};
use crate::load::Limits;
use crate::pos::Files;
use crate::render::{RenderError, RenderOptions, Renderer};
use crate::resolve;
use crate::validate::{self, Model};

/// Loads and validates brief source text. Returns the checked model when
/// there are no errors, and every diagnostic (errors and warnings).
///
/// A brief given as text has no file its imports could be relative to: an
/// `imports` entry is an error here; use [`check_file`] or
/// [`check_source`] for briefs that import. Nor are its sources' `text`
/// files read: it is checked as if they had none, and is not grounded in
/// them (see [`crate::ground`]); check it from its file for that.
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
    /// The brief (file 0), the files it imports, then its sources'
    /// texts: what [`Diagnostic::render_in`] needs.
    pub files: Files,
    /// The brief's quotes and evidence found in its sources' texts, when
    /// any source has a `text:` and the brief has no errors.
    pub grounding: Option<Grounding>,
}

impl Checked {
    /// Renders the brief; fails with every diagnostic if it has errors.
    pub fn render(&self, renderer: &Renderer, options: &RenderOptions) -> Result<Rendered, Error> {
        let Some(model) = &self.model else {
            return Err(Error::Invalid(self.diagnostics.clone()));
        };
        let view = resolve::resolve_in(
            model,
            self.grounding.as_ref(),
            &renderer.words(options.lang),
        );
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
    let (loaded, mut files) = imports::load_brief(name, text, scope, limits);
    let (mut model, mut diagnostics) = validate::validate(loaded);
    let mut grounding = None;
    if let Some(m) = &model
        && m.brief().sources.iter().any(|s| s.text.is_some())
    {
        let (texts, mut found) = read_texts(m, scope, limits, &mut files);
        if found.is_empty() {
            let (g, mut checks) = ground::ground(m, texts);
            found.append(&mut checks);
            grounding = Some(g);
        }
        if found.iter().any(Diagnostic::is_error) {
            model = None;
            grounding = None;
        }
        diagnostics.append(&mut found);
    }
    Checked {
        model,
        diagnostics,
        files,
        grounding,
    }
}

/// Reads the text of every source that has one, adding each to `files`.
fn read_texts(
    model: &Model,
    scope: Option<&ImportScope>,
    limits: &Limits,
    files: &mut Files,
) -> (Vec<SourceText>, Vec<Diagnostic>) {
    let mut texts = Vec::new();
    let mut diagnostics = Vec::new();
    for s in model.brief().sources.iter() {
        let Some(path) = &s.text else { continue };
        let read = match scope {
            Some(scope) => {
                let dir = imports::dir_of(files, path.pos.file, scope);
                imports::read_text(path, &dir, scope, limits)
            }
            None => Err(Diagnostic::error(
                "text-not-found",
                path.pos,
                format!(
                    "cannot read the text `{}` of a brief given as text",
                    path.value
                ),
            )
            .with_label("no file to be relative to")
            .with_help("load the brief from its file so its sources' texts can be found")),
        };
        match read {
            Ok((shown, text)) => {
                let file = files.add(&shown, text.clone());
                texts.push(SourceText::new(&s.id.value, shown, file as usize, text));
            }
            Err(d) => diagnostics.push(d),
        }
    }
    (texts, diagnostics)
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
        Err(ReadError::Invalid(d, quoted)) => Ok(Checked {
            model: None,
            diagnostics: vec![*d],
            files: Files::new(name, quoted),
            grounding: None,
        }),
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
    let view = resolve::resolve_in(&model, None, &renderer.words(options.lang));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pos::Pos;

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
        let invalid = ReadError::Invalid(
            Box::new(Diagnostic::error("too-large", at, "too big")),
            String::new(),
        );
        assert_eq!(invalid.to_string(), "too big");
        assert!(std::error::Error::source(&one).is_none());
    }
}
