//! The text of a source, read from its `text:` file, normalised once and
//! indexed by word on first use.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::normal::{Normalised, normalise};

/// The text of one source, as the checks search it.
#[derive(Debug)]
pub struct SourceText {
    /// The id of the source whose text it is.
    pub source: String,
    /// The file's path, as diagnostics show it.
    pub path: String,
    /// The file's number in the brief's [`crate::pos::Files`].
    pub file: usize,
    /// The text as read.
    pub text: String,
    /// The text normalised (see [`normalise`]).
    pub normal: Normalised,
    /// Where each line starts, in bytes of `text`.
    lines: Vec<usize>,
    /// The words of the normalised text, built on first use.
    words: OnceLock<Words>,
}

/// The normalised text split at spaces, with an index from each word to
/// where it occurs.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// Each word's byte range in the normalised text.
    pub(crate) spans: Vec<Range<usize>>,
    /// For each distinct word, the indices in `spans` where it occurs.
    pub(crate) at: HashMap<String, Vec<usize>>,
}

impl SourceText {
    /// The text of source `source`, read from file number `file` (shown
    /// as `path`).
    pub fn new(
        source: impl Into<String>,
        path: impl Into<String>,
        file: usize,
        text: String,
    ) -> Self {
        let normal = normalise(&text);
        let lines = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Self {
            source: source.into(),
            path: path.into(),
            file,
            text,
            normal,
            lines,
            words: OnceLock::new(),
        }
    }

    /// The line and column (both from 1, the column in characters) of
    /// byte `byte` of the text.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        let line = self.lines.partition_point(|&s| s <= byte).max(1);
        let start = self.lines[line - 1];
        let column = self
            .text
            .get(start..byte)
            .map_or(byte - start, |s| s.chars().count());
        (line, column + 1)
    }

    /// The original text of a range of the normalised text.
    pub fn original(&self, normal: Range<usize>) -> Range<usize> {
        self.normal.original(normal)
    }

    pub(crate) fn words(&self) -> &Words {
        self.words.get_or_init(|| {
            let mut w = Words::default();
            let text = &self.normal.text;
            for span in super::words::word_spans(text) {
                let piece = &text[span.clone()];
                w.at.entry(super::words::word_key(piece).to_owned())
                    .or_default()
                    .push(w.spans.len());
                w.spans.push(span);
            }
            w
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one_in_characters() {
        let t = SourceText::new("s", "a.txt", 1, "one\nzwölf two\n\nend".into());
        assert_eq!(t.line_col(0), (1, 1));
        assert_eq!(t.line_col(2), (1, 3));
        assert_eq!(t.line_col(4), (2, 1));
        let two = t.text.find("two").unwrap();
        assert_eq!(t.line_col(two), (2, 7));
        assert_eq!(t.line_col(t.text.find("end").unwrap()), (4, 1));
    }

    #[test]
    fn words_are_indexed() {
        let t = SourceText::new("s", "a.txt", 1, "the cat and the  dog".into());
        let w = t.words();
        assert_eq!(w.spans.len(), 5);
        assert_eq!(w.at["the"], vec![0, 3]);
        assert_eq!(&t.normal.text[w.spans[4].clone()], "dog");
    }
}
