//! A statement's quotes checked against its sources' texts: verbatim
//! after normalisation, ellipses for what is left out, bracketed
//! insertions warned about, and the speaker named nearby.

use std::ops::Range;

use super::locate::{QuoteMatch, closest, describe, find_quote};
use super::{Grounder, ItemRef, Passage, PassageKind, excerpt, line_col, pos_in};
use crate::diagnostic::Diagnostic;
use crate::format::{Ref, Sources, Statement};
use crate::pos::Located;

/// How far around a quote the speaker's name is looked for, in bytes of
/// the text: about a paragraph before it and a sentence after.
const NEAR_BEFORE: usize = 600;
const NEAR_AFTER: usize = 300;

impl Grounder<'_> {
    /// Checks the statement's `quote` and each of its `quoted` fragments,
    /// and that its speaker is named near a quote or its evidence.
    pub(super) fn quotes(
        &mut self,
        item: &ItemRef,
        s: &Statement,
        evidence: &[(usize, Range<usize>)],
    ) {
        let cited: Vec<Ref<Sources>> = s.sources.iter().chain(&s.via).cloned().collect();
        let texts = self.texts_of(&cited);
        if texts.is_empty() {
            return;
        }
        let mut places = Vec::new();
        if let Some(q) = &s.quote {
            places.extend(self.quote(item, q, &texts, true));
        }
        for q in &s.quoted {
            places.extend(self.quote(item, q, &texts, false));
        }
        if s.quote.is_some() {
            places.extend(evidence.iter().cloned());
            self.speaker(s, &places);
        }
    }

    /// Finds one quote in the first of `texts` that has it.
    fn quote(
        &mut self,
        item: &ItemRef,
        q: &Located<String>,
        texts: &[usize],
        whole: bool,
    ) -> Option<(usize, Range<usize>)> {
        if q.value.trim().is_empty() {
            return None;
        }
        let mut first: Option<(usize, QuoteMatch)> = None;
        for &t in texts {
            let m = find_quote(&self.grounding.texts[t], &q.value);
            if let Some(r) = m.range.clone() {
                if whole && !m.insertions.is_empty() {
                    self.insertions(q, &m.insertions);
                }
                self.grounding.passages.push(Passage {
                    source: self.grounding.texts[t].source.clone(),
                    item: item.clone(),
                    kind: PassageKind::Quote,
                    range: r.clone(),
                    at: q.pos,
                });
                return Some((t, r));
            }
            first.get_or_insert((t, m));
        }
        let (t, m) = first?;
        let text = &self.grounding.texts[t];
        let what = if whole {
            "the quote"
        } else {
            "the quoted words"
        };
        let mut d = Diagnostic::error(
            "quote-not-found",
            q.pos,
            format!(
                "{what} is not in the text of `{}` ({}), word for word",
                text.source, text.path
            ),
        )
        .with_label("not found verbatim");
        // The closest passage to the piece that was not found.
        let missing = m.missing.unwrap_or_else(|| q.value.clone());
        match closest(text, &missing) {
            Some(c) => {
                let how = describe(&c.words);
                let shown = if how.is_empty() {
                    "the same words, differently punctuated".to_owned()
                } else {
                    how
                };
                d = d
                    .with_related(
                        pos_in(text, c.range.clone()),
                        format!("closest passage: {shown}"),
                    )
                    .with_help(format!(
                        "the closest passage, at {}:{}, reads “{}”: {shown}; quote it as it is, marking left-out words with an ellipsis",
                        text.path,
                        line_col(text, c.range.start),
                        excerpt(&text.text[c.range.clone()])
                    ));
            }
            None => {
                d = d.with_help(
                    "quote the source's words as they are, marking left-out words with an ellipsis",
                );
            }
        }
        self.diags.push(d);
        None
    }

    fn insertions(&mut self, q: &Located<String>, insertions: &[String]) {
        let list: Vec<String> = insertions.iter().map(|i| format!("[{i}]")).collect();
        self.diags.push(
            Diagnostic::warning(
                "bracketed-insertion",
                q.pos,
                format!(
                    "the quote inserts words the source does not say: {}",
                    crate::format::join_and(&list)
                ),
            )
            .with_label("words in square brackets")
            .with_help("make sure the insertion keeps the speaker's meaning, or quote without it"),
        );
    }

    /// Warns when none of the statement's speakers is named near any of
    /// the places its quote and evidence were found.
    fn speaker(&mut self, s: &Statement, places: &[(usize, Range<usize>)]) {
        let Some((t, first)) = places.first().cloned() else {
            return;
        };
        let actors = &self.model.brief().actors;
        let speakers: Vec<&crate::format::Actor> =
            s.by.0
                .iter()
                .filter_map(|r| r.index().and_then(|i| actors.get(i)))
                .collect();
        if speakers.is_empty() {
            return;
        }
        let named = places.iter().any(|(t, r)| {
            let text = &self.grounding.texts[*t].text;
            let near = around(text, r.clone());
            speakers
                .iter()
                .any(|a| names_of(a).iter().any(|n| has_name(near, n)))
        });
        if named {
            return;
        }
        let text = &self.grounding.texts[t];
        let who: Vec<String> = speakers.iter().map(|a| a.name.trim().to_owned()).collect();
        let at = s.by.0.first().map_or(s.id.pos, |r| r.pos);
        self.diags.push(
            Diagnostic::warning(
                "speaker-not-named",
                at,
                format!(
                    "{} is not named near the quote in the text of `{}`",
                    crate::format::join_or(&who),
                    text.source
                ),
            )
            .with_label("not named near the quote")
            .with_related(pos_in(text, first), "the quote")
            .with_help(
                "check who says it; add an alias to the actor if the text names them otherwise, or give the passage naming the speaker as evidence",
            ),
        );
    }
}

/// The text around `r`: about a paragraph before and a sentence after.
fn around(text: &str, r: Range<usize>) -> &str {
    let mut lo = r.start.saturating_sub(NEAR_BEFORE);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (r.end + NEAR_AFTER).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    &text[lo..hi]
}

/// The names an actor may be named by in a text: its name, its aliases,
/// and the last word of a name of several words (a surname).
fn names_of(a: &crate::format::Actor) -> Vec<String> {
    let mut out = vec![a.name.trim().to_owned()];
    out.extend(a.aliases.iter().map(|s| s.trim().to_owned()));
    let words: Vec<&str> = a.name.split_whitespace().collect();
    if words.len() > 1
        && let Some(last) = words.last()
        && last.chars().next().is_some_and(char::is_uppercase)
    {
        out.push((*last).to_owned());
    }
    out.retain(|n| !n.is_empty());
    out
}

/// Whether `name` occurs in `text` as whole words, after normalisation.
fn has_name(text: &str, name: &str) -> bool {
    let text = super::normalise(text).text;
    let name = super::normalise(name).text;
    text.match_indices(&name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
