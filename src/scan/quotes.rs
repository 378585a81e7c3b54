//! Direct quotations: the stretches of an article between double
//! quotation marks, curly (“…”) or straight ("…").

use std::ops::Range;

/// A direct quotation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quotation with its marks.
    pub span: Range<usize>,
    /// The words quoted, without the marks.
    pub inner: Range<usize>,
}

/// Whether a straight quotation mark at `i` opens a quotation: it starts
/// the text or follows white space or an opening mark, and a word
/// follows it.
fn opens(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || "([{—–-/:".contains(c))
        && after.is_some_and(|c| !c.is_whitespace())
}

/// The direct quotations of `text`, in order. A quotation that a
/// paragraph leaves open ends with the paragraph (news style opens it
/// again on the next paragraph when it goes on); a closing mark with no
/// opening one is ignored.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            '“' | '„' if open.is_none() => open = Some(i),
            // German style closes a low opening mark with a high one
            // („so“).
            '“' if open.is_some_and(|start| text[start..].starts_with('„')) => {
                if let Some(start) = open.take() {
                    push(&mut out, text, start, i, c.len_utf8());
                }
            }
            '”' => {
                if let Some(start) = open.take() {
                    push(&mut out, text, start, i, c.len_utf8());
                }
            }
            '"' => match open {
                Some(start) if text[start..].starts_with('"') || !opens(text, i) => {
                    open = None;
                    push(&mut out, text, start, i, 1);
                }
                Some(_) => {}
                None if opens(text, i) => open = Some(i),
                None => {}
            },
            '\n' => {
                // A blank line ends a paragraph, and any quotation in it.
                let mut j = i + 1;
                while j < bytes.len()
                    && (bytes[j] == b' ' || bytes[j] == b'\t' || bytes[j] == b'\r')
                {
                    j += 1;
                }
                if j < bytes.len()
                    && bytes[j] == b'\n'
                    && let Some(start) = open.take()
                {
                    let end = text[..i].trim_end().len();
                    let mark = text[start..].chars().next().map_or(1, char::len_utf8);
                    if end > start + mark {
                        out.push(Quote {
                            span: start..end,
                            inner: start + mark..end,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        let end = text.trim_end().len();
        let mark = text[start..].chars().next().map_or(1, char::len_utf8);
        if end > start + mark {
            out.push(Quote {
                span: start..end,
                inner: start + mark..end,
            });
        }
    }
    out
}

/// Records the quotation from the opening mark at `start` to the closing
/// mark at `close` (of `len` bytes), when it holds any words.
fn push(out: &mut Vec<Quote>, text: &str, start: usize, close: usize, len: usize) {
    let mark = text[start..].chars().next().map_or(1, char::len_utf8);
    let inner = start + mark..close;
    if text[inner.clone()].chars().any(char::is_alphanumeric) {
        out.push(Quote {
            span: start..close + len,
            inner,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find_quotes(text)
            .into_iter()
            .map(|q| &text[q.inner])
            .collect()
    }

    #[test]
    fn curly_and_straight() {
        assert_eq!(
            quoted("“We will not sign,” said Rell. \"It is too early.\" Then: \"No.\""),
            ["We will not sign,", "It is too early.", "No."]
        );
        let text = "He said “yes”.";
        let q = &find_quotes(text)[0];
        assert_eq!(&text[q.span.clone()], "“yes”");
    }

    #[test]
    fn a_low_opening_mark_closes_with_either_high_one() {
        assert_eq!(
            quoted("„Wir bleiben,“ Korvel said.\n„Ja,” Vask said. “Nein,” Edo said."),
            ["Wir bleiben,", "Ja,", "Nein,"]
        );
    }

    #[test]
    fn apostrophes_and_inches_are_not_quotes() {
        assert!(quoted("Okafor's plan, the 'so-called' deal, a 12\" pipe").is_empty());
        assert!(quoted("A stray ” mark and an empty “”.").is_empty());
    }

    #[test]
    fn single_quotes_inside_stay_inside() {
        assert_eq!(
            quoted("“He told me ‘never’ twice,” she said."),
            ["He told me ‘never’ twice,"]
        );
    }

    #[test]
    fn an_open_quotation_ends_with_its_paragraph() {
        assert_eq!(
            quoted("“We came to talk.\n\n“We will stay,” he said."),
            ["We came to talk.", "We will stay,"]
        );
        assert_eq!(quoted("He said “we will stay"), ["we will stay"]);
    }
}
