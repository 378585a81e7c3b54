//! `brief draft`: a first brief from an article's text. Every drafted
//! item carries the sentences it rests on as `evidence` and `drafted:
//! true`, so `brief check` shows what is still to review; anything the
//! drafter is unsure of is left out or written as a comment.
//!
//! [`draft`] reads as the list of phases: the article's parts (headline,
//! byline, dateline) and sentences → actors → places → statements →
//! figures → events → agreements → the attributions reported speech gives
//! → dates → the YAML. Each finder is a function over a [`Context`]
//! returning model items ([`model`]); [`write`] is the one YAML writer.

pub mod actors;
pub mod agreements;
pub mod article;
pub mod dates;
pub mod events;
pub mod figures;
pub mod model;
pub mod passage;
pub mod places;
pub mod statements;
pub mod words;
pub mod write;

use std::ops::Range;

pub use model::Draft;

use crate::date::Point;
use crate::scan::token::{Kind, Token, tokens};
use model::{Actor, Ids, Relay};

/// What the caller tells the drafter beyond the article's text.
#[derive(Debug, Clone, Default)]
pub struct DraftOptions {
    /// The publication date (`--published`): relative dates are resolved
    /// against it, and only with it.
    pub published: Option<Point>,
    /// The brief's title; the headline when absent.
    pub title: Option<String>,
    /// The brief's id; made from the title and date when absent.
    pub id: Option<String>,
    /// What the source's `text:` says: the article's path relative to the
    /// brief. `None` when the article has no file (standard input): the
    /// draft then has no `text:` and no `evidence:`, and gives the
    /// passages as comments instead.
    pub text_path: Option<String>,
    /// How the article is named in the draft's header comment.
    pub article_label: Option<String>,
    /// The largest article accepted, in bytes.
    pub max_bytes: usize,
}

impl DraftOptions {
    /// Options with the usual size limit and nothing else.
    pub fn new() -> DraftOptions {
        DraftOptions {
            max_bytes: crate::load::Limits::default().max_file_bytes,
            ..DraftOptions::default()
        }
    }
}

/// Why an article could not be drafted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DraftError {
    /// Nothing but white space.
    #[error("the article is empty")]
    Empty,
    /// A NUL byte: not a text.
    #[error("the article is not text: it holds a NUL byte at byte {0}")]
    Binary(usize),
    /// A control character other than white space (an escape, a bell).
    #[error("the article holds the control character U+{code:04X} at byte {0}", code = *.1 as u32)]
    Control(usize, char),
    /// Larger than the limit.
    #[error("the article is larger than the limit of {0} bytes")]
    TooLarge(usize),
    /// The draft itself would be larger than the limit, so `brief check`
    /// would refuse it.
    #[error(
        "the draft would be larger than the limit of {0} bytes: split the article, or raise --max-file-size (and check's)"
    )]
    DraftTooLarge(usize),
}

/// What every finder reads: the article, its sentences, the publication
/// date, and what earlier phases found.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The whole article.
    pub text: &'a str,
    /// The body's sentences (headline, byline and dateline left out),
    /// as byte spans of `text`, in order.
    pub sentences: &'a [Range<usize>],
    /// The publication date: `--published`, else the dateline's.
    pub published: Option<Point>,
    /// The actors found so far.
    pub actors: &'a [Actor],
    /// The outlets the article relays, found so far.
    pub relays: &'a [Relay],
    /// The agency in the dateline (`Meridian Press`), which is the
    /// article's publisher and no actor.
    pub agency: Option<&'a str>,
    /// The date expressions of each sentence, in the order of
    /// `sentences` (found once: many items ask for their sentence's
    /// dates); empty to find them when asked.
    pub dates: &'a [Vec<(Range<usize>, crate::scan::dates::DateKind)>],
}

impl Context<'_> {
    /// The sentence holding byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<Range<usize>> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).filter(|s| s.start <= at).cloned()
    }

    /// The index of the sentence holding byte `at`, if any.
    pub fn sentence_index(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(i).filter(|s| s.start <= at).map(|_| i)
    }
}

/// The article's words, for walking around a name.
pub struct Words<'t> {
    /// The text.
    pub text: &'t str,
    /// Its tokens.
    pub toks: Vec<Token>,
    /// Each token's text in lower case.
    pub lower: Vec<String>,
}

impl<'t> Words<'t> {
    /// The words of `text`.
    pub fn new(text: &'t str) -> Self {
        let toks = tokens(text);
        let lower = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
        Words { text, toks, lower }
    }

    /// Token `i`'s text.
    pub fn raw(&self, i: usize) -> &'t str {
        self.toks[i].text(self.text)
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// The index of the token starting at or after byte `at`.
    pub fn at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < at)
    }

    /// The index of the last token ending at or before byte `at`, if any.
    pub fn before(&self, at: usize) -> Option<usize> {
        self.toks
            .partition_point(|t| t.span.end <= at)
            .checked_sub(1)
    }
}

/// Drafts a brief from `article`: the YAML text.
pub fn draft(article: &str, options: &DraftOptions) -> Result<String, DraftError> {
    let d = draft_model(article, options)?;
    let yaml = write::write(&d, article, options);
    // A draft `brief check` would refuse as too large is no draft.
    let max = limit(options);
    if yaml.len() > max {
        return Err(DraftError::DraftTooLarge(max));
    }
    Ok(yaml)
}

/// The size limit: the article's, and the draft's.
fn limit(options: &DraftOptions) -> usize {
    if options.max_bytes == 0 {
        crate::load::Limits::default().max_file_bytes
    } else {
        options.max_bytes
    }
}

/// The longest sentence items are drafted from, in bytes (some 500
/// words).
pub const MAX_SENTENCE: usize = 3000;

/// The first words of a long passage, to say which it is.
fn opening(passage: &str) -> String {
    let words: Vec<&str> = passage.split_whitespace().take(12).collect();
    format!("“{} …”", words.join(" "))
}

/// Drafts a brief from `article`: the model, before it is written.
pub fn draft_model(article: &str, options: &DraftOptions) -> Result<Draft, DraftError> {
    let max = limit(options);
    if article.len() > max {
        return Err(DraftError::TooLarge(max));
    }
    if let Some(at) = article.find('\0') {
        return Err(DraftError::Binary(at));
    }
    // Control characters other than white space: a brief may not hold
    // them, and a passage holding one could not be evidence.
    if let Some((at, c)) = article
        .char_indices()
        .find(|&(_, c)| crate::load::controls::forbidden(c) && !c.is_whitespace())
    {
        return Err(DraftError::Control(at, c));
    }
    if article.trim().is_empty() {
        return Err(DraftError::Empty);
    }
    let mut ids = Ids::new();
    // The article's parts and sentences.
    let parts = article::read(article);
    let published = options.published.or(parts.dated);
    // A run of text longer than a sentence can be (a paragraph with no
    // full stop) is no passage an author can review an item against:
    // it is left for the author, which also keeps drafting linear.
    let (sentences, too_long): (Vec<_>, Vec<_>) = article::body_sentences(article, &parts)
        .into_iter()
        .partition(|s| s.len() <= MAX_SENTENCE);
    let mut d = article::draft_head(article, &parts, options, &mut ids);
    d.suggestions = too_long
        .iter()
        .map(|s| model::Suggestion {
            text: format!(
                "a passage of {} words with no end of sentence, not drafted from: {}",
                article[s.clone()].split_whitespace().count(),
                opening(&article[s.clone()]),
            ),
            evidence: Vec::new(),
        })
        .collect();
    let sentence_dates: Vec<_> = sentences
        .iter()
        .map(|s| dates::find_expressions(article, s))
        .collect();
    // Actors, and the outlets the article relays.
    let cx = Context {
        text: article,
        sentences: &sentences,
        published,
        actors: &[],
        relays: &[],
        agency: parts.agency.clone().map(|r| &article[r]),
        dates: &sentence_dates,
    };
    let found = actors::find(&cx, &mut ids);
    d.actors = found.actors;
    d.relays = found.relays;
    let cx = Context {
        actors: &d.actors,
        relays: &d.relays,
        ..cx
    };
    // Places, and the dateline's.
    let dateline = parts.place.clone().map(|r| &article[r]);
    d.places = places::find(&cx, dateline, &mut ids);
    d.dateline = dateline.map(|p| places::spelt(article, parts.body, p));
    // Statements: quotes with their speakers, attribution and relays.
    d.statements = statements::find(&cx, &mut ids);
    // Figures, events, agreements and conditions.
    d.figures = figures::find(&cx, &mut ids);
    d.events = events::find(&cx, &d.places, &mut ids);
    d.agreements = agreements::find(&cx, &mut ids);
    let conditions = agreements::conditions(&cx, &mut ids);
    agreements::merge_conditions(&mut d.statements, conditions);
    // Reported speech that tells an event or figures is theirs.
    statements::attribute(article, &mut d.statements, &mut d.events, &mut d.figures);
    // The dates of what was found, resolved against the publication date.
    dates::find(
        &cx,
        Dated {
            statements: &mut d.statements,
            figures: &mut d.figures,
            events: &mut d.events,
            agreements: &mut d.agreements,
        },
    );
    Ok(d)
}

/// The items a date finder dates.
pub struct Dated<'a> {
    /// Statements (`said on Wednesday`).
    pub statements: &'a mut Vec<model::Statement>,
    /// Figures (`as_of`).
    pub figures: &'a mut Vec<model::Figure>,
    /// Events.
    pub events: &'a mut Vec<model::Event>,
    /// Agreements.
    pub agreements: &'a mut Vec<model::Agreement>,
}
