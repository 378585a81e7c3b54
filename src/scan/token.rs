//! Splits text into words, numbers and marks with their byte spans, the
//! units the number, date and name finders walk over.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner apostrophes and hyphens (`al-Bashir`,
    /// `Okafor's`) and the full stops of an initialism (`U.S.`, `p.m.`).
    Word,
    /// Digits, with thousands separators and a decimal part (`1,200`,
    /// `3.5`); an ordinal's ending belongs to it (`21st`).
    Number,
    /// Any other character that is not white space.
    Mark,
}

/// A token: its kind and its span in the text.
#[derive(Debug, Clone)]
pub struct Token {
    /// What it is.
    pub kind: Kind,
    /// Where it is, in bytes.
    pub span: Range<usize>,
    /// Whether a line break lies between it and the token before.
    pub after_break: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.clone()]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‑'
}

/// The tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let byte = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut out = Vec::new();
    let mut i = 0;
    let mut broke = false;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            broke |= c == '\n';
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            kind = Kind::Number;
            i += 1;
            loop {
                match at(i) {
                    Some(d) if d.is_ascii_digit() => i += 1,
                    // A thousands separator: a comma and three digits
                    // that are not followed by a fourth.
                    Some(',')
                        if (1..=3).all(|k| at(i + k).is_some_and(|d| d.is_ascii_digit()))
                            && !at(i + 4).is_some_and(|d| d.is_ascii_digit()) =>
                    {
                        i += 4
                    }
                    Some('.') if at(i + 1).is_some_and(|d| d.is_ascii_digit()) => i += 2,
                    _ => break,
                }
            }
            // A decade: 1990s.
            if i - start == 4 && at(i) == Some('s') && !at(i + 1).is_some_and(char::is_alphanumeric)
            {
                i += 1;
            }
            // An ordinal's ending: 1st, 22nd, 3rd, 4th.
            let rest: String = (i..i + 2).filter_map(at).collect::<String>().to_lowercase();
            if ["st", "nd", "rd", "th"].contains(&rest.as_str())
                && !at(i + 2).is_some_and(char::is_alphanumeric)
            {
                i += 2;
            }
        } else if c.is_alphabetic() {
            kind = Kind::Word;
            i += 1;
            loop {
                match at(i) {
                    Some(l) if l.is_alphanumeric() => i += 1,
                    Some(p)
                        if (is_apostrophe(p) || is_hyphen(p))
                            && at(i + 1).is_some_and(char::is_alphanumeric) =>
                    {
                        i += 2
                    }
                    // A plural's possessive: "Dockworkers' Union".
                    Some(p)
                        if is_apostrophe(p)
                            && chars[i - 1].1 == 's'
                            && !at(i + 1).is_some_and(char::is_alphanumeric)
                            && at(i + 1).is_some_and(char::is_whitespace)
                            && at(i + 2).is_some_and(char::is_uppercase) =>
                    {
                        i += 1;
                        break;
                    }
                    // An initialism: a single letter, a full stop, then
                    // another letter and its full stop (`U.S.`, `p.m.`).
                    Some('.')
                        if i - start_of_letter_run(&chars, i) == 1
                            && at(i + 1).is_some_and(char::is_alphabetic)
                            && at(i + 2) == Some('.') =>
                    {
                        i += 2
                    }
                    Some('.')
                        if i - start_of_letter_run(&chars, i) == 1
                            && i >= start + 2
                            && chars[i - 2].1 == '.' =>
                    {
                        i += 1;
                        break;
                    }
                    _ => break,
                }
            }
        } else {
            kind = Kind::Mark;
            i += 1;
        }
        out.push(Token {
            kind,
            span: byte(start)..byte(i),
            after_break: broke,
        });
        broke = false;
    }
    out
}

/// Where the run of letters ending before `i` starts.
fn start_of_letter_run(chars: &[(usize, char)], i: usize) -> usize {
    let mut s = i;
    while s > 0 && chars[s - 1].1.is_alphabetic() {
        s -= 1;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_numbers_and_marks() {
        assert_eq!(
            texts("The U.S. paid $3.5 billion, about 1,200 each."),
            [
                "The", "U.S.", "paid", "$", "3.5", "billion", ",", "about", "1,200", "each", "."
            ]
        );
        assert_eq!(
            texts("al-Bashir's 21st visit at 3 p.m."),
            ["al-Bashir's", "21st", "visit", "at", "3", "p.m."]
        );
        assert_eq!(texts("the 1990s."), ["the", "1990s", "."]);
        assert_eq!(texts("the Dockers' Union"), ["the", "Dockers'", "Union"]);
        assert_eq!(
            texts("'the dockers' pay"),
            ["'", "the", "dockers", "'", "pay"]
        );
        // A comma between numbers that is not a thousands separator.
        assert_eq!(
            texts("1,2 and 12,3456"),
            ["1", ",", "2", "and", "12", ",", "3456"]
        );
        // A full stop ending a sentence is a mark, not part of the word.
        assert_eq!(texts("He left. Then"), ["He", "left", ".", "Then"]);
        assert_eq!(texts("“Yes” – no"), ["“", "Yes", "”", "–", "no"]);
    }

    #[test]
    fn spans_are_bytes_and_breaks_are_seen() {
        let text = "é 10\nNext";
        let t = tokens(text);
        assert_eq!(t[1].span, 3..5);
        assert!(!t[1].after_break);
        assert!(t[2].after_break);
        assert_eq!(t[2].text(text), "Next");
    }
}
