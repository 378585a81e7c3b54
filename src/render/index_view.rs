//! The index page's data: what `index.md` and `index.html` receive. It
//! lives with the renderer, which checks user templates against it; the
//! build fills it in.

use schemars::JsonSchema;
use serde::Serialize;

/// The index page's data, one per format: what `index.md` and
/// `index.html` receive.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndexView {
    /// The language of the page (`--lang`).
    pub lang: crate::i18n::Lang,
    /// The briefs, newest first (by publication date; undated last), then
    /// by path.
    pub briefs: Vec<IndexBrief>,
    /// Every actor of every brief, by name, with the briefs that mention
    /// them.
    pub actors: Vec<IndexActor>,
}

/// One brief in the index.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndexBrief {
    /// The brief's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its dateline, if given.
    pub dateline: Option<String>,
    /// Its publication date as a reader should see it, if known.
    pub published: Option<String>,
    /// Its first key point.
    pub key_point: Option<String>,
    /// Whether it is a fictional exercise.
    pub fictional: bool,
    /// Its rendering, relative to the index page, percent-encoded for use
    /// as a link.
    pub link: String,
}

/// An actor across briefs.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndexActor {
    /// The actor's id (the same id in several briefs is the same actor).
    pub id: String,
    /// Their name, as the newest brief writes it.
    pub name: String,
    /// Their tag page, relative to the index page and percent-encoded,
    /// when the build writes a site (`--site`); `None` otherwise.
    pub page: Option<String>,
    /// The briefs that mention them, newest first.
    pub briefs: Vec<IndexLink>,
}

/// A link to a brief.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndexLink {
    /// The brief's title.
    pub title: String,
    /// Its rendering, percent-encoded.
    pub link: String,
}
