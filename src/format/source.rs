//! Sources: where the facts came from. Every fact cites them by id.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::change::{Item, Sig, date, field, plain, text};
use super::checker::Checker;
use super::date_spec::{DateSpec, DateView, date_view};
use super::handle::Handle;
use super::identified::Identified;
use super::kind::Kind;
use super::reference::RefVisitor;
use super::text::opt;
use crate::diagnostic::Diagnostic;
use crate::pos::Located;

/// A source of facts: an article, an agency report, a statement.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier facts cite this source by.
    pub id: Located<String>,
    /// Earlier ids of this same item, when its id was renamed: `brief diff`
    /// then matches it with the item of that id in an older version, so
    /// its history stays linked. A superseded id cannot be used in this
    /// brief, neither as an id nor in a reference.
    #[serde(default)]
    pub supersedes: Vec<Located<String>>,
    /// Name of the source as a reader would recognise it
    /// (e.g. `TASS` or the article's headline).
    pub name: String,
    /// Who published it, when different from the name.
    #[serde(default)]
    pub publisher: Option<String>,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// Where to find it, if it is online: an `http`, `https` or `mailto`
    /// address.
    #[serde(default)]
    // The pattern spells out both cases: editors compile it as a
    // JavaScript regular expression, which has no inline `(?i)`.
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^\s*([Hh][Tt][Tt][Pp][Ss]?://[^\s/]|[Mm][Aa][Ii][Ll][Tt][Oo]:\S)")
    )]
    pub url: Option<Located<String>>,
    /// When it was published, if known.
    #[serde(default)]
    pub date: Option<DateSpec>,
    /// A short descriptor of who the source is, how it knows, and any
    /// reliability concern or bias (e.g. `Russian state news agency`).
    #[serde(default)]
    pub reliability: Option<String>,
    /// The source's text, as a path to a plain text or Markdown file
    /// relative to the file this source is written in. `brief check`
    /// then finds every quote and evidence passage of the items citing
    /// the source in it (see docs/grounding.md).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub text: Option<Located<String>>,
}

impl Source {
    /// Hands each reference of the source to `v`: it has none. Spelled
    /// out in full, so that a new field must say whether it is one.
    pub(crate) fn visit_refs(&mut self, v: &mut impl RefVisitor) {
        let Source {
            id: _,
            supersedes: _,
            name: _,
            publisher: _,
            kind: _,
            url: _,
            date,
            reliability: _,
            text: _,
        } = self;
        if let Some(d) = date {
            d.visit_refs(v);
        }
    }
}

/// Kinds of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A news article.
    NewsArticle,
    /// A report by a news agency (TASS, Reuters, AP...).
    AgencyReport,
    /// A statement by a government or organisation.
    OfficialStatement,
    /// A transcript or record of remarks.
    Transcript,
    /// An interview.
    Interview,
    /// A post on social media.
    SocialMedia,
    /// A dataset or map (e.g. territorial control assessments).
    Dataset,
    /// A research or think-tank report.
    Report,
    /// Anything else.
    Other,
}

impl Identified for Source {
    fn handle(index: usize) -> Handle {
        Handle::Source(index)
    }

    fn id(&self) -> &Located<String> {
        &self.id
    }

    fn supersedes(&self) -> &[Located<String>] {
        &self.supersedes
    }
}

impl Source {
    /// Checks the name, the date and the address.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        c.not_blank(&self.name, self.id.pos, "the source's name");
        if let Some(d) = &self.date {
            d.check(c);
        }
        if let Some(url) = &self.url {
            check_url(url, c);
        }
    }
}

/// A source's url must be a web or mail address a link can hold.
fn check_url(url: &Located<String>, c: &mut impl Checker) {
    let text = url.value.trim();
    if text.is_empty() {
        return;
    }
    if let Err(p) = crate::url::check(text) {
        c.push(
            Diagnostic::error("invalid-url", url.pos, p.message)
                .with_label(p.label)
                .with_help(p.help),
        );
    }
}

/// A numbered source.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SourceView {
    /// Number, from 1.
    pub n: usize,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Publisher.
    pub publisher: Option<String>,
    /// Kind in words: `news article`, `agency report`...
    #[schemars(with = "String")]
    pub kind: SourceKind,
    /// Link.
    pub url: Option<String>,
    /// Publication date.
    pub date: Option<DateView>,
    /// Reliability descriptor.
    pub reliability: Option<String>,
}

impl SourceKind {
    /// The kind in words: `news article`, `agency report`...
    pub fn text(self) -> &'static str {
        match self {
            SourceKind::NewsArticle => "news article",
            SourceKind::AgencyReport => "agency report",
            SourceKind::OfficialStatement => "official statement",
            SourceKind::Transcript => "transcript",
            SourceKind::Interview => "interview",
            SourceKind::SocialMedia => "social media post",
            SourceKind::Dataset => "dataset",
            SourceKind::Report => "report",
            SourceKind::Other => "other",
        }
    }
}

impl Source {
    /// The source's view; `n` is its number, from 1.
    pub(crate) fn view(&self, n: usize) -> SourceView {
        let s = self;
        SourceView {
            n,
            id: s.id.value.clone(),
            name: s.name.trim().to_string(),
            publisher: opt(&s.publisher),
            kind: s.kind,
            // Checked by `validate`; checked again here, so that
            // no template can be handed a `javascript:` link.
            url: s
                .url
                .as_ref()
                .map(|u| u.value.trim().to_string())
                .filter(|u| !u.is_empty() && crate::url::check(u).is_ok()),
            date: s.date.as_ref().map(date_view),
            reliability: opt(&s.reliability),
        }
    }
}

impl Source {
    /// The source as `brief diff` compares it; `i` is its place in its section.
    pub(crate) fn change_item(&self, i: usize, v: &SourceView) -> Item {
        let s = self;
        let mut item = Item::new(Kind::Source, i, Some(&s.id));
        item.supersedes = s.supersedes.iter().map(|s| s.value.clone()).collect();
        item.label = v.name.clone();
        let mut d = v.kind.text().to_owned();
        if let Some(p) = &v.publisher {
            d = format!("{d}; published by {p}");
        }
        if let Some(date) = &v.date {
            d = format!("{d}; {}", date.text);
        }
        item.description = Some(d);
        item.fields = vec![
            field("name", "Name", Sig::Wording, plain(&s.name)),
            field("publisher", "Publisher", Sig::Wording, text(&s.publisher)),
            field("kind", "Kind", Sig::Detail, plain(v.kind.text())),
            field(
                "url",
                "Link",
                Sig::Detail,
                text(&s.url.as_ref().map(|u| u.value.clone())),
            ),
            field("date", "Date", Sig::Detail, date(&s.date)),
            field(
                "reliability",
                "Reliability",
                Sig::Wording,
                text(&s.reliability),
            ),
        ];
        item
    }
}

impl Serialize for SourceKind {
    /// Templates see the kind in the reader's words.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::i18n::words().msg(
            "source-kind",
            &[("kind", self.text().replace(' ', "-").into())],
        ))
    }
}
