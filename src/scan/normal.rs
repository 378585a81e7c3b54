//! The one normalisation quotes and passages are compared under, with a
//! map from the normalised text back to the bytes of the original.
//!
//! What it does, in order (docs/grounding.md says the same to authors):
//! - Unicode NFC;
//! - curly, low and reversed single quote marks (‘ ’ ‚ ‛) become `'`, and
//!   curly, low and reversed double quote marks and guillemets
//!   (“ ” „ ‟ « ») become `"`;
//! - every dash (hyphen U+2010, non-breaking hyphen, figure dash, en
//!   dash, em dash, horizontal bar, minus sign), and every run of them or
//!   of hyphen-minus, becomes one `-`, and the spaces around it are
//!   dropped, so `a — b`, `a—b` and `a -- b` all read `a-b`;
//! - the ellipsis character `…` becomes `...`;
//! - soft hyphens, zero-width spaces and byte order marks are dropped;
//! - every run of whitespace (no-break and thin spaces included) becomes
//!   one space, and the text is trimmed.
//!
//! Case is kept: a quote must match its letters' case.

use std::ops::Range;

/// A text after normalisation, with where each of its bytes came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalised {
    /// The normalised text.
    pub text: String,
    /// For each byte of `text`, the original bytes it came from (the
    /// start and the end of the original piece).
    map: Vec<(u32, u32)>,
    /// The length of the original text.
    len: usize,
}

/// What one character of the original becomes.
enum Class {
    /// Dropped without a trace.
    Gone,
    /// Whitespace: one space between words.
    Space,
    /// A dash: one `-`, spaces around it dropped.
    Dash,
    /// Written as this text.
    Text(&'static str),
    /// Kept as it is.
    Keep,
}

fn class(c: char) -> Class {
    match c {
        '\u{00AD}' | '\u{200B}' | '\u{FEFF}' => Class::Gone,
        c if c.is_whitespace() => Class::Space,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Class::Dash,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => Class::Text("'"),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => {
            Class::Text("\"")
        }
        '\u{2026}' => Class::Text("..."),
        _ => Class::Keep,
    }
}

/// Normalises `s` (see the module's documentation for exactly how).
pub fn normalise(s: &str) -> Normalised {
    let mut b = Builder {
        out: Normalised {
            text: String::with_capacity(s.len()),
            map: Vec::with_capacity(s.len()),
            len: s.len(),
        },
        space: None,
        after_dash: false,
    };
    let nfc = icu_normalizer::ComposingNormalizerBorrowed::new_nfc();
    // NFC never composes a character with an ASCII one that follows it, so
    // the text is normalised in pieces that start at an ASCII character:
    // each piece's output comes from that piece's bytes.
    let bytes = s.as_bytes();
    let mut start = 0;
    while start < s.len() {
        let mut end = start + s[start..].chars().next().map_or(1, char::len_utf8);
        while end < s.len() && !bytes[end].is_ascii() {
            end += 1;
        }
        let piece = &s[start..end];
        if piece.len() == 1 {
            b.char(piece.chars().next().unwrap_or(' '), start..end);
        } else {
            let composed = nfc.normalize(piece);
            if composed == piece {
                for (i, c) in piece.char_indices() {
                    b.char(c, start + i..start + i + c.len_utf8());
                }
            } else {
                // A composed character is mapped to the whole piece.
                for c in composed.chars() {
                    b.char(c, start..end);
                }
            }
        }
        start = end;
    }
    b.out
}

struct Builder {
    out: Normalised,
    /// Whitespace seen and not yet written: its original range.
    space: Option<Range<usize>>,
    /// Whether the last thing written is a dash.
    after_dash: bool,
}

impl Builder {
    fn char(&mut self, c: char, from: Range<usize>) {
        match class(c) {
            Class::Gone => {}
            Class::Space => {
                if !self.after_dash && !self.out.text.is_empty() {
                    let start = self.space.as_ref().map_or(from.start, |r| r.start);
                    self.space = Some(start..from.end);
                }
            }
            Class::Dash => {
                self.space = None;
                if self.after_dash {
                    // A run of dashes is one dash: widen its origin.
                    if let Some(last) = self.out.map.last_mut() {
                        last.1 = from.end as u32;
                    }
                } else {
                    self.push("-", from);
                    self.after_dash = true;
                }
            }
            Class::Text(t) => self.word(t, from),
            Class::Keep => {
                let mut buf = [0; 4];
                self.word(c.encode_utf8(&mut buf), from);
            }
        }
    }

    fn word(&mut self, t: &str, from: Range<usize>) {
        if let Some(space) = self.space.take() {
            self.push(" ", space);
        }
        self.after_dash = false;
        self.push(t, from);
    }

    fn push(&mut self, t: &str, from: Range<usize>) {
        self.out.text.push_str(t);
        for _ in 0..t.len() {
            self.out.map.push((from.start as u32, from.end as u32));
        }
    }
}

impl Normalised {
    /// The bytes of the original text that the bytes `r` of the
    /// normalised text came from.
    pub fn original(&self, r: Range<usize>) -> Range<usize> {
        let at = |i: usize| self.map.get(i).map(|m| m.0 as usize);
        if r.start >= r.end {
            let p = at(r.start).unwrap_or(self.len);
            return p..p;
        }
        let start = at(r.start).unwrap_or(self.len);
        let end = self
            .map
            .get(r.end - 1)
            .map_or(self.len, |m| m.1 as usize)
            .max(start);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalise(s).text
    }

    #[test]
    fn quote_marks_dashes_and_spaces_are_made_one() {
        assert_eq!(n("“It’s done,” she said"), "\"It's done,\" she said");
        assert_eq!(n("«Non» ‚low‘"), "\"Non\" 'low'");
        assert_eq!(n("a — b"), "a-b");
        assert_eq!(n("a—b"), "a-b");
        assert_eq!(n("a -- b"), "a-b");
        assert_eq!(n("10–12"), "10-12");
        assert_eq!(n("−5"), "-5");
        assert_eq!(n("  two\u{a0}\u{2009}words \n\t here  "), "two words here");
        assert_eq!(n("wait…"), "wait...");
        assert_eq!(n("co\u{ad}operate\u{200b}"), "cooperate");
        assert_eq!(n("Case Kept"), "Case Kept");
    }

    #[test]
    fn text_is_composed() {
        // e + combining acute becomes é.
        assert_eq!(n("Jose\u{301} said"), "José said");
        assert_eq!(n("José"), "José");
    }

    #[test]
    fn ranges_map_back_to_the_original() {
        let s = "He said:  “Jose\u{301} — no.”";
        let m = normalise(s);
        assert_eq!(m.text, "He said: \"José-no.\"");
        let find = |w: &str| {
            let i = m.text.find(w).unwrap();
            &s[m.original(i..i + w.len())]
        };
        assert_eq!(find("said:"), "said:");
        assert_eq!(find("José"), "Jose\u{301}");
        assert_eq!(find("\"José"), "“Jose\u{301}");
        assert_eq!(find("-"), "—");
        assert_eq!(find("no.\""), "no.”");
        assert_eq!(find(": \""), ":  “");
        assert_eq!(m.original(m.text.len()..m.text.len()), s.len()..s.len());
    }
}
