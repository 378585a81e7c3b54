//! Keeping a brief's control characters away from the terminal: text from
//! a brief is shown escaped, never printed as it is.

use std::borrow::Cow;

/// A control character a terminal could act on (escape sequences, bell,
/// carriage return, the one-byte CSI `\u{9b}`), or a [`bidi_control`]
/// that would reorder the message around it: never printed as is. Line
/// breaks and tabs are kept.
pub(super) fn unprintable(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || bidi_control(c)
}

/// An invisible character that changes the order in which the text
/// around it is shown (embeddings, overrides, isolates and marks), so
/// that what is read differs from what is stored.
pub fn bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// `text` with each control character (but line breaks and tabs) and
/// each [`bidi_control`] written as `\u{1b}`, for messages, labels, help
/// and file names: anything from a brief, a template or a file name that
/// reaches a terminal goes through here.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unprintable) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if unprintable(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// Lines of a brief as shown under a diagnostic: each [`unprintable`]
/// character becomes one `\u{FFFD}`, a single column like the character it
/// stands for, so marks stay under their place. A carriage return that
/// ends a line is kept: the layout reads it as part of the line break.
pub(super) struct Shown {
    /// The text to show.
    pub(super) text: String,
    /// Where a character was replaced (its byte offset in the original)
    /// and how many bytes longer the replacement is.
    grown: Vec<(usize, usize)>,
}

impl Shown {
    /// The shown form of `original`.
    pub(super) fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut grown = Vec::new();
        let mut chars = original.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let line_break = c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n');
            if unprintable(c) && !line_break {
                text.push('\u{FFFD}');
                grown.push((at, '\u{FFFD}'.len_utf8() - c.len_utf8()));
            } else {
                text.push(c);
            }
        }
        Self { text, grown }
    }

    /// The offset in the shown text of byte `offset` of the original (a
    /// character boundary there).
    pub(super) fn offset(&self, offset: usize) -> usize {
        offset
            + self
                .grown
                .iter()
                .take_while(|(at, _)| *at < offset)
                .map(|(_, more)| more)
                .sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_in_text() {
        assert_eq!(printable("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(printable("tab\tand\nline"), "tab\tand\nline");
        assert!(matches!(printable("plain"), Cow::Borrowed(_)));
        assert_eq!(printable("a\u{202E}b\u{2066}c"), "a\\u{202e}b\\u{2066}c");
        for c in [
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200F}', '\u{061C}',
        ] {
            assert!(bidi_control(c), "{c:?}");
        }
        assert!(!bidi_control('\u{200D}'));
    }

    #[test]
    fn shown_lines_replace_controls_and_keep_offsets() {
        let shown = Shown::new("k\x1b: \u{9b}x\r\ny\rz");
        assert_eq!(shown.text, "k\u{FFFD}: \u{FFFD}x\r\ny\u{FFFD}z");
        // `x` is at byte 6 of the original (`\u{9b}` takes two).
        assert_eq!(&shown.text[shown.offset(6)..shown.offset(7)], "x");
        assert_eq!(&shown.text[shown.offset(0)..shown.offset(1)], "k");
        assert_eq!(&shown.text[shown.offset(9)..], "y\u{FFFD}z");
    }
}
