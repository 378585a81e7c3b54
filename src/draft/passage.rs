//! Telling an evidence passage apart from the same words elsewhere in the
//! article, as grounding compares them: after the one normalisation
//! (quote marks, dashes, spaces), so that `"no," she said.` and `“no,”
//! she said.` count as the same words. A passage found once is written
//! as it is; one found more than once gets the shortest run of whole
//! words before it (`prefix`) that no other occurrence has, else the
//! longest such run and the shortest run after it (`suffix`) that tells
//! it from the occurrences left; a passage nothing within reach tells
//! apart is not written as evidence at all.
//!
//! Occurrences are found through an index of the normalised text's
//! windows of [`KEY`] bytes, built once, so that drafting stays linear in
//! the article's length however many passages there are.

use std::ops::Range;

use crate::scan::normal::{Normalised, normalise};

/// The bytes of a window the index is keyed by.
const KEY: usize = 16;
/// How far before or after a passage its context may reach, in bytes.
const REACH: usize = 200;

/// What tells a passage apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Context {
    /// Found once: nothing needed.
    Unique,
    /// The words before it, and after it when those are not enough.
    Around {
        /// Whole words before the passage.
        prefix: Option<String>,
        /// Whole words after it.
        suffix: Option<String>,
    },
    /// Found more than once, and nothing within reach tells it apart.
    Ambiguous(usize),
}

/// The article, normalised, with its index.
pub struct Passages<'a> {
    article: &'a str,
    norm: Normalised,
    /// Each window of `KEY` bytes of the normalised text with where it
    /// starts, sorted.
    windows: Vec<(u128, u32)>,
}

fn key(b: &[u8]) -> u128 {
    let mut k = [0u8; KEY];
    k.copy_from_slice(&b[..KEY]);
    u128::from_le_bytes(k)
}

impl<'a> Passages<'a> {
    /// Normalises and indexes `article`.
    pub fn new(article: &'a str) -> Self {
        let norm = normalise(article);
        let bytes = norm.text.as_bytes();
        let mut windows: Vec<(u128, u32)> = if bytes.len() >= KEY {
            (0..=bytes.len() - KEY)
                .map(|i| (key(&bytes[i..]), i as u32))
                .collect()
        } else {
            Vec::new()
        };
        windows.sort_unstable();
        Passages {
            article,
            norm,
            windows,
        }
    }

    /// Where the normalised words `p` start in the normalised text.
    fn occurrences(&self, p: &str) -> Vec<usize> {
        let text = &self.norm.text;
        if p.len() < KEY {
            return memchr::memmem::find_iter(text.as_bytes(), p.as_bytes()).collect();
        }
        let k = key(p.as_bytes());
        let from = self.windows.partition_point(|w| w.0 < k);
        self.windows[from..]
            .iter()
            .take_while(|w| w.0 == k)
            .map(|w| w.1 as usize)
            .filter(|&i| text[i..].starts_with(p))
            .collect()
    }

    /// What tells the passage at `span` of the article apart.
    pub fn context(&self, span: &Range<usize>) -> Context {
        let p = normalise(&self.article[span.clone()]).text;
        if p.is_empty() {
            return Context::Unique;
        }
        let found = self.occurrences(&p);
        if found.len() <= 1 {
            return Context::Unique;
        }
        // Ours: the occurrence whose original start is nearest the span's.
        let Some(&mine) = found.iter().min_by_key(|&&o| {
            self.norm
                .original(o..o + p.len())
                .start
                .abs_diff(span.start)
        }) else {
            return Context::Unique;
        };
        let others: Vec<usize> = found.into_iter().filter(|&o| o != mine).collect();
        let text = self.norm.text.as_str();
        let has_prefix = |o: usize, pre: &str| {
            let before = &text[..o];
            before.ends_with(pre) || before.strip_suffix(' ').is_some_and(|b| b.ends_with(pre))
        };
        let has_suffix = |o: usize, suf: &str| {
            let after = &text[o + p.len()..];
            after.starts_with(suf) || after.strip_prefix(' ').is_some_and(|a| a.starts_with(suf))
        };
        // Prefixes: runs of whole words before, shortest first.
        let before = &text[..mine];
        let mut prefixes: Vec<Range<usize>> = Vec::new();
        let starts = before
            .char_indices()
            .rev()
            .take_while(|(i, _)| mine - i <= REACH)
            .filter(|(i, c)| *c == ' ' || *i == 0)
            .map(|(i, c)| if c == ' ' { i + 1 } else { i });
        for s in starts {
            let pre = before[s..].trim();
            if pre.is_empty() {
                continue;
            }
            prefixes.push(s..mine);
            if others.iter().all(|&o| !has_prefix(o, pre)) {
                return Context::Around {
                    prefix: Some(self.written(s..mine, pre)),
                    suffix: None,
                };
            }
        }
        // The longest prefix, and a suffix for the occurrences it leaves.
        let longest = prefixes.last().cloned();
        let pre = longest.as_ref().map(|r| text[r.clone()].trim());
        let left: Vec<usize> = others
            .iter()
            .copied()
            .filter(|&o| pre.is_none_or(|pre| has_prefix(o, pre)))
            .collect();
        let end = mine + p.len();
        let after = &text[end..];
        let ends = after
            .char_indices()
            .take_while(|(i, _)| *i <= REACH)
            .filter(|(_, c)| *c == ' ')
            .map(|(i, _)| i)
            .chain((after.len() <= REACH).then_some(after.len()));
        for e in ends {
            let suf = after[..e].trim();
            if suf.is_empty() {
                continue;
            }
            if left.iter().all(|&o| !has_suffix(o, suf)) {
                return Context::Around {
                    prefix: longest.map(|r| {
                        let pre = text[r.clone()].trim();
                        self.written(r, pre)
                    }),
                    suffix: Some(self.written(end..end + e, suf)),
                };
            }
        }
        Context::Ambiguous(others.len() + 1)
    }

    /// The article's own words for the normalised words `n` at `r`, when
    /// they normalise back to them; else `n` itself.
    fn written(&self, r: Range<usize>, n: &str) -> String {
        let original = self.article[self.norm.original(r)].trim();
        if normalise(original).text == n {
            original.to_owned()
        } else {
            n.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, words: &str, nth: usize) -> Range<usize> {
        let s = text.match_indices(words).nth(nth).unwrap().0;
        s..s + words.len()
    }

    #[test]
    fn a_passage_found_once_needs_nothing() {
        let text = "Talks ended. They said no. Then it rained.";
        let p = Passages::new(text);
        assert_eq!(p.context(&span(text, "They said no.", 0)), Context::Unique);
    }

    #[test]
    fn a_passage_found_twice_gets_the_words_before_it() {
        let text = "Talks ended. They said no. Then it rained. They said no.";
        let p = Passages::new(text);
        assert_eq!(
            p.context(&span(text, "They said no.", 1)),
            Context::Around {
                prefix: Some("rained.".into()),
                suffix: None
            }
        );
    }

    #[test]
    fn quote_marks_and_spaces_do_not_tell_passages_apart() {
        let text = "It rained. “No,”  she said. Then it rained. \"No,\" she said.";
        let p = Passages::new(text);
        // Written differently, the same words to grounding.
        assert_eq!(
            p.context(&span(text, "\"No,\" she said.", 0)),
            Context::Around {
                prefix: Some("it rained.".into()),
                suffix: None
            }
        );
    }

    #[test]
    fn the_words_after_it_when_those_before_are_the_same() {
        let pad = "Filler words go on and on to pad the text out. ".repeat(5);
        let long = "The committee on every matter would meet again.";
        let text = format!("{pad}{long} Alpha. {pad}{long} Beta.");
        let p = Passages::new(&text);
        match p.context(&span(&text, long, 0)) {
            Context::Around {
                prefix: Some(_),
                suffix: Some(suf),
            } => assert_eq!(suf, "Alpha."),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_passage_nothing_in_reach_tells_apart_is_ambiguous() {
        let long = "The committee on every matter would meet again and again. ";
        let text = long.repeat(10);
        let p = Passages::new(&text);
        assert_eq!(
            p.context(&span(&text, long.trim(), 5)),
            Context::Ambiguous(10)
        );
    }
}
