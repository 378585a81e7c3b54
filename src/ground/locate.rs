//! Finding a brief's words in a source's text: a passage by its exact
//! words and context (a TextQuoteSelector), a quote with its ellipses,
//! and, when neither is there, the closest passage and how it differs.

use std::collections::HashMap;
use std::ops::Range;

use super::normal::normalise;
use super::text::SourceText;
use super::words::{word_key, word_spans};

/// Every place `exact` occurs in the text, as ranges of the original
/// text, keeping only those with `prefix` just before and `suffix` just
/// after (all compared after normalisation; a space between them and the
/// exact words does not count).
pub fn find_all(
    t: &SourceText,
    exact: &str,
    prefix: Option<&str>,
    suffix: Option<&str>,
) -> Vec<Range<usize>> {
    let exact = normalise(exact).text;
    if exact.is_empty() {
        return Vec::new();
    }
    let prefix = prefix.map(|p| normalise(p).text).filter(|p| !p.is_empty());
    let suffix = suffix.map(|s| normalise(s).text).filter(|s| !s.is_empty());
    let text = &t.normal.text;
    memchr::memmem::find_iter(text.as_bytes(), exact.as_bytes())
        .map(|s| s..s + exact.len())
        .filter(|r| {
            prefix.as_ref().is_none_or(|p| {
                let before = &text[..r.start];
                before.ends_with(p.as_str())
                    || before
                        .strip_suffix(' ')
                        .is_some_and(|b| b.ends_with(p.as_str()))
            })
        })
        .filter(|r| {
            suffix.as_ref().is_none_or(|s| {
                let after = &text[r.end..];
                after.starts_with(s.as_str())
                    || after
                        .strip_prefix(' ')
                        .is_some_and(|a| a.starts_with(s.as_str()))
            })
        })
        .map(|r| t.original(r))
        .collect()
}

/// Where a quote was found, piece by piece.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteMatch {
    /// The original text from the first piece to the last, when every
    /// piece was found in order.
    pub range: Option<Range<usize>>,
    /// Each piece found, in order, as ranges of the original text.
    pub pieces: Vec<Range<usize>>,
    /// The words between square brackets: the quoting author's own
    /// insertions, which the source does not say.
    pub insertions: Vec<String>,
    /// The first piece not found (after those found), when the quote
    /// was not found.
    pub missing: Option<String>,
}

/// Finds a quote in the text. An ellipsis (`...` or `…`, bare or in
/// square brackets) stands for words left out, and a bracketed insertion
/// (`[the minister]`) for words replaced: the pieces between them must
/// appear in order, as close together as they occur.
pub fn find_quote(t: &SourceText, quote: &str) -> QuoteMatch {
    let (pieces, insertions) = split_quote(quote);
    let mut m = QuoteMatch {
        insertions,
        ..QuoteMatch::default()
    };
    let text = &t.normal.text;
    let Some(first) = pieces.first() else {
        return m;
    };
    let mut best: Option<Vec<Range<usize>>> = None;
    for s in memchr::memmem::find_iter(text.as_bytes(), first.as_bytes()) {
        let mut found: Vec<Range<usize>> = Vec::with_capacity(pieces.len());
        found.push(s..s + first.len());
        let mut exhausted = false;
        for p in &pieces[1..] {
            let from = found.last().map_or(0, |r| r.end);
            match memchr::memmem::find(&text.as_bytes()[from..], p.as_bytes()) {
                Some(i) => found.push(from + i..from + i + p.len()),
                None => {
                    exhausted = true;
                    break;
                }
            }
        }
        if found.len() == pieces.len() {
            let span = |f: &[Range<usize>]| f.last().map_or(0, |l| l.end) - f[0].start;
            if best.as_ref().is_none_or(|b| span(&found) < span(b)) {
                best = Some(found);
            }
        } else if best.is_none() && found.len() > m.pieces.len() {
            m.pieces = found.iter().map(|r| t.original(r.clone())).collect();
            m.missing = Some(pieces[found.len()].clone());
        }
        // A piece not found after this start is not found after any later
        // one: the search stops, so a quote whose first words are common
        // costs one pass over the text, not one per occurrence.
        if exhausted {
            break;
        }
    }
    match best {
        Some(found) => {
            m.pieces = found.iter().map(|r| t.original(r.clone())).collect();
            m.missing = None;
            let (a, b) = (found[0].start, found[found.len() - 1].end);
            m.range = Some(t.original(a..b));
        }
        None if m.missing.is_none() => {
            m.pieces.clear();
            m.missing = Some(first.clone());
        }
        None => {}
    }
    m
}

/// A quote's pieces (normalised, without the marks around them) and its
/// bracketed insertions.
fn split_quote(quote: &str) -> (Vec<String>, Vec<String>) {
    let q = normalise(quote).text;
    let mut pieces = Vec::new();
    let mut insertions = Vec::new();
    let mut rest = q.as_str();
    let mut piece = String::new();
    let cut = |piece: &mut String, pieces: &mut Vec<String>| {
        let p = piece.trim_matches(|c: char| c == ' ' || c == '"');
        if !p.is_empty() {
            pieces.push(p.to_owned());
        }
        piece.clear();
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("...") {
            cut(&mut piece, &mut pieces);
            rest = r;
        } else if let Some(r) = rest.strip_prefix('[')
            && let Some(close) = r.find(']')
        {
            let inner = r[..close].trim();
            if !inner.is_empty() && inner != "..." {
                insertions.push(inner.to_owned());
            }
            cut(&mut piece, &mut pieces);
            rest = &r[close + 1..];
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            piece.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    cut(&mut piece, &mut pieces);
    // A quote, and each piece before an ellipsis, may end with a full stop
    // or a comma where the text goes on (`boats,” said X`): it is not
    // compared.
    for piece in &mut pieces {
        let kept = piece
            .trim_end_matches(['.', ',', ';', ':'])
            .trim_end()
            .len();
        if kept > 0 {
            piece.truncate(kept);
        }
    }
    (pieces, insertions)
}

/// A run of words of a word-by-word comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordDiff {
    /// Words in both.
    Kept(String),
    /// Words of the source's text that the brief leaves out.
    Dropped(String),
    /// Words of the brief that the source's text does not have.
    Added(String),
}

/// The passage of a text closest to some words, and how they differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closest {
    /// The passage, as a range of the original text.
    pub range: Range<usize>,
    /// The difference, word by word, from the passage to the words
    /// looked for.
    pub words: Vec<WordDiff>,
}

/// The passage of the text closest to `needle`, if it shares any word
/// with it. Candidate places are found from where the needle's words
/// occur (each occurrence votes for where the needle would start), and
/// only the few best places are compared word by word, so the cost grows
/// with the occurrences of the needle's words, not with the text.
pub fn closest(t: &SourceText, needle: &str) -> Option<Closest> {
    let needle = normalise(needle).text;
    let want: Vec<&str> = word_spans(&needle).map(|r| &needle[r]).collect();
    let want_keys: Vec<&str> = want.iter().map(|w| word_key(w)).collect();
    if want.is_empty() {
        return None;
    }
    let words = t.words();
    let text = &t.normal.text;
    // Words that occur everywhere say little about where: a word seen more
    // than a few hundred times does not vote.
    let mut votes: HashMap<isize, usize> = HashMap::new();
    for (i, w) in want_keys.iter().enumerate() {
        let Some(at) = words.at.get(*w) else { continue };
        if at.len() > 400 {
            continue;
        }
        for &p in at {
            *votes.entry(p as isize - i as isize).or_default() += 1;
        }
    }
    let mut places: Vec<(isize, usize)> = votes.into_iter().collect();
    places.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let slack = want.len() / 2 + 3;
    let mut best: Option<(usize, usize, Closest)> = None;
    for &(start, _) in places.iter().take(8) {
        let lo = (start - slack as isize).max(0) as usize;
        let hi = ((start + (want.len() + slack) as isize).max(0) as usize).min(words.spans.len());
        if lo >= hi {
            continue;
        }
        let have: Vec<&str> = words.spans[lo..hi]
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        let have_keys: Vec<&str> = have.iter().map(|w| word_key(w)).collect();
        let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &have_keys, &want_keys);
        let mut first_kept = None;
        let mut last_kept = 0;
        let mut kept = 0;
        for op in &ops {
            if let similar::DiffOp::Equal { old_index, len, .. } = *op {
                first_kept.get_or_insert(old_index);
                last_kept = old_index + len;
                kept += len;
            }
        }
        let Some(first_kept) = first_kept else {
            continue;
        };
        // The passage runs from the first word kept to the last.
        let (from, to) = (lo + first_kept, lo + last_kept);
        let (a, b) = (&words.spans[from], &words.spans[to - 1]);
        let lead = text[a.clone()].len() - text[a.clone()].trim_start_matches(is_mark).len();
        let trail = text[b.clone()].len() - text[b.clone()].trim_end_matches(is_mark).len();
        let (start, end) = (a.start + lead, b.end - trail);
        let range = t.original(if start < end {
            start..end
        } else {
            a.start..b.end
        });
        let diff = diff_words(&have[first_kept..last_kept], &want);
        let changed = diff
            .iter()
            .filter(|d| !matches!(d, WordDiff::Kept(_)))
            .count();
        let better = best
            .as_ref()
            .is_none_or(|(k, c, _)| kept > *k || (kept == *k && changed < *c));
        if better {
            best = Some((kept, changed, Closest { range, words: diff }));
        }
    }
    best.map(|(_, _, c)| c)
}

/// Punctuation at the ends of a passage found word by word, left out of
/// it: quote marks, commas, full stops.
fn is_mark(c: char) -> bool {
    c.is_ascii_punctuation() && c != '%' && c != '$'
}

/// Words joined back for a message: a space between them, none after a
/// dash.
fn join_words(words: &[&str]) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() && !out.ends_with('-') {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The word-by-word difference from `have` to `want`, in runs.
fn diff_words(have: &[&str], want: &[&str]) -> Vec<WordDiff> {
    let have_keys: Vec<&str> = have.iter().map(|w| word_key(w)).collect();
    let want_keys: Vec<&str> = want.iter().map(|w| word_key(w)).collect();
    let mut out: Vec<WordDiff> = Vec::new();
    let mut push = |d: WordDiff| {
        let (new, words) = match &d {
            WordDiff::Kept(w) | WordDiff::Dropped(w) | WordDiff::Added(w) => (&d, w.clone()),
        };
        match (out.last_mut(), new) {
            (Some(WordDiff::Kept(a)), WordDiff::Kept(_))
            | (Some(WordDiff::Dropped(a)), WordDiff::Dropped(_))
            | (Some(WordDiff::Added(a)), WordDiff::Added(_)) => {
                if !a.ends_with('-') {
                    a.push(' ');
                }
                a.push_str(&words);
            }
            _ => out.push(d),
        }
    };
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &have_keys, &want_keys) {
        match op {
            similar::DiffOp::Equal { old_index, len, .. } => push(WordDiff::Kept(join_words(
                &have[old_index..old_index + len],
            ))),
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => push(WordDiff::Dropped(join_words(
                &have[old_index..old_index + old_len],
            ))),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => push(WordDiff::Added(join_words(
                &want[new_index..new_index + new_len],
            ))),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(WordDiff::Dropped(join_words(
                    &have[old_index..old_index + old_len],
                )));
                push(WordDiff::Added(join_words(
                    &want[new_index..new_index + new_len],
                )));
            }
        }
    }
    out
}

/// The differences in words, for a message: `"in particular," dropped`,
/// `"said" changed to "says"`, `"very" added`, joined by semicolons.
pub fn describe(words: &[WordDiff]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match (&words[i], words.get(i + 1)) {
            (WordDiff::Dropped(a), Some(WordDiff::Added(b))) => {
                parts.push(format!("\"{a}\" changed to \"{b}\""));
                i += 1;
            }
            (WordDiff::Dropped(a), _) => parts.push(format!("\"{a}\" dropped")),
            (WordDiff::Added(b), _) => parts.push(format!("\"{b}\" added")),
            (WordDiff::Kept(_), _) => {}
        }
        i += 1;
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> SourceText {
        SourceText::new("s", "a.txt", 1, s.to_owned())
    }

    #[test]
    fn passages_are_found_with_their_context() {
        let t = text("The port reopened. Later, the port closed; the port\nreopened again.");
        assert_eq!(find_all(&t, "the port", None, None).len(), 2);
        assert_eq!(find_all(&t, "port", None, None).len(), 3);
        let r = find_all(&t, "port", Some("Later, the"), None);
        assert_eq!(
            r,
            vec![t.text.find("port closed").unwrap()..t.text.find(" closed").unwrap()]
        );
        let r = find_all(&t, "the port reopened", None, Some("again"));
        assert_eq!(r.len(), 1);
        assert_eq!(&t.text[r[0].clone()], "the port\nreopened");
        assert!(find_all(&t, "port", Some("Earlier"), None).is_empty());
        assert!(find_all(&t, "", None, None).is_empty());
    }

    #[test]
    fn quotes_are_found_across_typography() {
        let t = text("She said: “We will not — in any case — sign it… not this year.”");
        let m = find_quote(&t, "\"We will not - in any case - sign it...\"");
        assert!(m.range.is_some(), "{m:?}");
        let m = find_quote(&t, "We will not ... sign it");
        assert_eq!(m.pieces.len(), 2);
        let r = m.range.unwrap();
        assert_eq!(&t.text[r], "We will not — in any case — sign it");
        let m = find_quote(&t, "[We] will not sign it");
        assert_eq!(m.insertions, vec!["We".to_string()]);
        assert_eq!(m.missing.as_deref(), Some("will not sign it"));
        let m = find_quote(&t, "We will not - in any case - sign it.");
        assert!(m.range.is_some(), "a final full stop is not compared");
        let m = find_quote(&t, "sign it ... We will");
        assert_eq!(m.missing.as_deref(), Some("We will"));
        assert_eq!(m.pieces.len(), 1);
    }

    #[test]
    fn a_quote_whose_first_words_are_everywhere_is_searched_once() {
        let t = text(&"the ".repeat(50_000));
        let m = find_quote(&t, "the ... harbour");
        assert!(m.range.is_none());
        assert_eq!(m.missing.as_deref(), Some("harbour"));
        assert_eq!(m.pieces.len(), 1);
    }

    #[test]
    fn the_closest_passage_shows_the_words_that_differ() {
        let t = text(
            "Officials met on Monday. The minister said the talks would, in particular, \
             cover fishing rights and the harbour. Nothing else was agreed.",
        );
        let c = closest(&t, "the talks would cover fishing rights").unwrap();
        assert_eq!(
            &t.text[c.range.clone()],
            "the talks would, in particular, cover fishing rights"
        );
        assert_eq!(describe(&c.words), "\"in particular,\" dropped");
        let c = closest(&t, "The minister says the talks").unwrap();
        assert_eq!(describe(&c.words), "\"said\" changed to \"says\"");
        assert!(closest(&t, "zebra crossing").is_none());
        let t = text("PORT ELLIN — The crews returned on Tuesday, ending a strike.");
        let c = closest(&t, "The crews returned, ending a strike").unwrap();
        assert_eq!(
            &t.text[c.range.clone()],
            "The crews returned on Tuesday, ending a strike"
        );
        assert_eq!(describe(&c.words), "\"on Tuesday,\" dropped");
    }
}
