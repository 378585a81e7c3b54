//! Output dialects: everything that differs between the formats written
//! through templates (escaping, sanitising prose, the helpers' markup and
//! the kind of chart), one file per dialect.
//!
//! Every choice is a `match` over [`Dialect`] with no fallback arm, so a
//! new dialect does not compile until each of them says what it does.
//! [`Output`] says how each [`Format`] is produced, so a format without
//! templates cannot slip into a template path either.

mod confine;
pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod markdown;

use tera::{EscapeFn, Value};

use super::Format;
use super::charts::{ChartsView, Diagrams};
use crate::resolve::View;

/// A source passage as the `evidence` filter prints it: its words, its
/// source's number and name, and a link to it.
pub(crate) struct Passage {
    pub(crate) exact: String,
    pub(crate) n: Option<u64>,
    pub(crate) name: Option<String>,
    pub(crate) link: Option<String>,
}

/// A format written through templates, with its own escaping and its own
/// Tera instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// Markdown: backslash escapes, prose kept as sanitized Markdown.
    Markdown,
    /// HTML: entity escapes, prose turned into sanitized HTML.
    Html,
}

/// How a format is produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Output {
    /// Through templates written in a dialect.
    Templates(Dialect),
    /// As the template context itself, in JSON: no template is involved.
    Json,
}

impl Format {
    /// How this format is produced.
    pub(crate) fn output(self) -> Output {
        match self {
            Format::Markdown => Output::Templates(Dialect::Markdown),
            Format::Html => Output::Templates(Dialect::Html),
            Format::Json => Output::Json,
        }
    }
}

impl Dialect {
    /// The output format this dialect writes.
    pub(crate) fn format(self) -> Format {
        match self {
            Dialect::Markdown => Format::Markdown,
            Dialect::Html => Format::Html,
        }
    }

    /// What Tera applies to every value a template prints.
    pub(crate) fn escape_fn(self) -> EscapeFn {
        match self {
            Dialect::Markdown => markdown::escape,
            Dialect::Html => html::escape,
        }
    }

    /// The `markdown` filter: prose written in Markdown, sanitized for
    /// this dialect, as markup to print unescaped.
    pub(crate) fn prose(self, text: &str) -> Value {
        match self {
            Dialect::Markdown => Value::safe_string(&markdown::prose(text)),
            Dialect::Html => Value::safe_string(&html::prose(text)),
        }
    }

    /// The `escape_md` filter, given the text already escaped for
    /// Markdown: in Markdown that is the markup to print; in HTML it is
    /// still text, which HTML escaping then applies to.
    pub(crate) fn markdown_escaped(self, escaped: &str) -> Value {
        match self {
            Dialect::Markdown => Value::safe_string(escaped),
            Dialect::Html => Value::normal_string(escaped),
        }
    }

    /// The `evidence` filter's markup for an item's source passages.
    pub(crate) fn evidence(self, passages: &[Passage], words: &crate::i18n::Words) -> String {
        match self {
            Dialect::Markdown => markdown::evidence(passages, words),
            Dialect::Html => html::evidence(passages, words),
        }
    }

    /// Appends the citation marker of source `n` (called `name`, when
    /// known) to `out`.
    pub(crate) fn cite(self, out: &mut String, n: u64, name: Option<&str>) {
        match self {
            Dialect::Markdown => markdown::cite(out, n),
            Dialect::Html => html::cite(out, n, name),
        }
    }

    /// Text escaped as a `{{ value }}` of this dialect prints.
    pub(crate) fn escaped_text(self, text: &str) -> String {
        match self {
            Dialect::Markdown => markdown::escaped(text),
            Dialect::Html => html::escaped(text),
        }
    }

    /// The `date` filter's text for an absent date.
    pub(crate) fn missing_date(self, missing: &str) -> Value {
        match self {
            Dialect::Markdown => Value::normal_string(missing),
            Dialect::Html => Value::safe_string(&html::missing_date(missing)),
        }
    }

    /// The `date` filter on a date view whose reader-facing wording is
    /// `text`.
    pub(crate) fn date(self, date: &Value, text: &str) -> Value {
        match self {
            Dialect::Markdown => Value::normal_string(text),
            Dialect::Html => Value::safe_string(&html::date(date, text)),
        }
    }

    /// Whether front matter for a static-site generator may lead the
    /// output.
    pub(crate) fn takes_front_matter(self) -> bool {
        match self {
            Dialect::Markdown => true,
            Dialect::Html => false,
        }
    }

    /// The diagrams drawn when the options ask for none in particular.
    pub(crate) fn default_diagrams(self) -> Diagrams {
        match self {
            Dialect::Markdown => Diagrams::Off,
            Dialect::Html => Diagrams::Svg,
        }
    }

    /// The dialect a kind of diagram is drawn for; `None` for no
    /// diagrams.
    pub(crate) fn drawing(diagrams: Diagrams) -> Option<Dialect> {
        match diagrams {
            Diagrams::Off => None,
            Diagrams::Svg => Some(Dialect::Html),
            Diagrams::Mermaid => Some(Dialect::Markdown),
        }
    }

    /// This dialect's own diagrams of a view.
    pub(crate) fn charts(self, view: &View) -> ChartsView {
        match self {
            Dialect::Markdown => markdown::charts(view),
            Dialect::Html => html::charts(view),
        }
    }
}
