//! The words of a normalised text, as passages are found and compared
//! word by word: shared by the word index of a source's text and the
//! search for passages.

use std::ops::Range;

/// The words of a normalised text: split at spaces, and after a dash
/// (which normalisation joins to the words around it), as byte ranges.
pub(crate) fn word_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.char_indices()
        .chain(std::iter::once((text.len(), ' ')))
        .filter_map(move |(i, c)| {
            let end = match c {
                ' ' => i,
                '-' => i + 1,
                _ => return None,
            };
            let span = start..end;
            start = i + 1;
            (!span.is_empty()).then_some(span)
        })
}

/// A word as compared: without the punctuation around it, so that
/// `would,` in the text and `would` in the brief are the same word.
pub(crate) fn word_key(w: &str) -> &str {
    let k = w.trim_matches(|c: char| c.is_ascii_punctuation() && c != '%');
    if k.is_empty() { w } else { k }
}
