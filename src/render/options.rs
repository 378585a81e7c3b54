//! What one rendering asks for: the output format and the options that
//! go with it, checked against the format's dialect.

use super::RenderError;
use super::charts::{ChartsView, Diagrams};
use super::dialect::{Dialect, Output};
use super::front_matter::{FrontMatter, front_matter};
use crate::i18n::Lang;
use crate::resolve::View;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// CommonMark with GFM tables and footnotes.
    Markdown,
    /// A standalone HTML5 page (or a fragment of one).
    Html,
    /// The template context as JSON: exactly what templates receive.
    Json,
}

impl Format {
    /// Every format, in the order the command line lists them. A new
    /// format goes here too, so every command that offers formats offers it.
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Html, Format::Json];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }

    /// Every file extension that names this format, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Markdown => &["md", "markdown"],
            Format::Html => &["html", "htm"],
            Format::Json => &["json"],
        }
    }

    /// The format a file name implies, if any (`.md`, `.markdown`,
    /// `.html`, `.htm`, `.json`; in any case).
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?;
        Format::ALL
            .into_iter()
            .find(|f| f.extensions().iter().any(|e| e.eq_ignore_ascii_case(ext)))
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Json => "JSON",
        }
    }
}

/// Options for one rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Output format.
    pub format: Format,
    /// HTML only: emit the body content alone, for embedding in a page.
    pub fragment: bool,
    /// The template to render: a name such as `flash.md`, or `flash` to
    /// take the extension from the format. `None` renders `brief.md` or
    /// `brief.html`.
    pub template: Option<String>,
    /// Markdown only: front matter for a static-site generator before the
    /// briefing.
    pub front_matter: Option<FrontMatter>,
    /// Which diagrams to draw; `None` takes the format's default: SVG
    /// charts in HTML, none in Markdown. [`Diagrams::Mermaid`] applies to
    /// Markdown only and [`Diagrams::Svg`] to HTML only.
    pub diagrams: Option<Diagrams>,
    /// The language the briefing is written in: its labels, dates,
    /// qualifiers and numbers. The brief's own text is never translated.
    pub lang: Lang,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            format: Format::Markdown,
            fragment: false,
            template: None,
            front_matter: None,
            diagrams: None,
            lang: Lang::En,
        }
    }
}

impl RenderOptions {
    /// The charts templates receive for these options, or an error when
    /// the diagrams asked for do not fit the format.
    pub(super) fn charts(&self, view: &View) -> Result<ChartsView, RenderError> {
        let dialect = match self.format.output() {
            Output::Templates(dialect) => dialect,
            Output::Json => return Ok(ChartsView::default()),
        };
        let diagrams = self.diagrams.unwrap_or(dialect.default_diagrams());
        match Dialect::drawing(diagrams) {
            None => Ok(ChartsView::default()),
            Some(drawn) if drawn == dialect => Ok(dialect.charts(view)),
            Some(drawn) => Err(RenderError::request(format!(
                "{} diagrams go with {} output, not {}",
                diagrams.as_str(),
                drawn.format().describe(),
                self.format.describe()
            ))),
        }
    }

    /// The front matter to put before the output: empty unless asked
    /// for, and refused where the dialect takes none.
    pub(super) fn head(&self, view: &View, dialect: Dialect) -> Result<String, RenderError> {
        match self.front_matter {
            Some(kind) if dialect.takes_front_matter() => Ok(front_matter(view, kind)),
            Some(_) => Err(RenderError::request(
                "front matter goes with Markdown output only",
            )),
            None => Ok(String::new()),
        }
    }
}
