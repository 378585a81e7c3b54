//! XML escaping and id-safe forms of user text, written straight into a
//! chart's output through small `Display` types that build no `String` of
//! their own.

use std::fmt::{self, Write as _};

/// Escapes text for XML (element text and quoted attributes). Characters
/// XML 1.0 does not allow become U+FFFD; line breaks become spaces.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let _ = write!(out, "{}", Xml(s));
    out
}

/// Text to write XML-escaped, as [`xml_escape`] escapes it.
#[derive(Clone, Copy)]
pub(super) struct Xml<'a>(pub(super) &'a str);

/// The bytes that start a character [`Xml`] does not write as it is: the
/// markup characters, the C0 controls and DEL, and the first bytes of the
/// two-byte (C1 controls) and three-byte (U+FFFE, U+FFFF) encodings of the
/// others, which are then looked at more closely.
const XML_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    let others = b"&<>\"'\x7f\xc2\xef";
    let mut i = 0;
    while i < others.len() {
        table[others[i] as usize] = true;
        i += 1;
    }
    table
};

impl fmt::Display for Xml<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, bytes) = (self.0, self.0.as_bytes());
        // Runs of characters that stay as they are are written in one go.
        let mut run = 0;
        let mut i = 0;
        while i < bytes.len() {
            if !XML_SPECIAL[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            let (with, len) = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
                (b'&', ..) => ("&amp;", 1),
                (b'<', ..) => ("&lt;", 1),
                (b'>', ..) => ("&gt;", 1),
                (b'"', ..) => ("&quot;", 1),
                (b'\'', ..) => ("&#39;", 1),
                (b'\n' | b'\r' | b'\t', ..) => (" ", 1),
                (0..=0x1f | 0x7f, ..) => ("\u{fffd}", 1),
                // U+0080 to U+009F.
                (0xc2, Some(0x80..=0x9f), _) => ("\u{fffd}", 2),
                // U+FFFE and U+FFFF.
                (0xef, Some(0xbf), Some(0xbe | 0xbf)) => ("\u{fffd}", 3),
                // Another character starting with 0xC2 or 0xEF.
                _ => {
                    i += 1;
                    continue;
                }
            };
            // `i` starts a character: the special bytes are ASCII or lead
            // bytes, never continuation bytes.
            f.write_str(&s[run..i])?;
            f.write_str(with)?;
            i += len;
            run = i;
        }
        f.write_str(&s[run..])
    }
}

/// An id-safe form of a user id: ASCII letters, digits, `-` and `_` kept,
/// any other character `_`, and `_` for an empty id.
#[derive(Clone, Copy)]
pub(super) struct IdPart<'a>(pub(super) &'a str);

impl fmt::Display for IdPart<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let keep = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        let s = self.0;
        if s.is_empty() {
            f.write_str("_")
        } else if s.chars().all(keep) {
            f.write_str(s)
        } else {
            s.chars()
                .try_for_each(|c| f.write_char(if keep(c) { c } else { '_' }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::samples::samples;

    /// The plain forms these helpers had before they wrote into their
    /// output directly: the faster forms must write exactly what these
    /// write.
    mod plain {

        pub fn xml_escape(s: &str) -> String {
            let mut out = String::with_capacity(s.len());
            for c in s.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\'' => out.push_str("&#39;"),
                    '\n' | '\r' | '\t' => out.push(' '),
                    c if (c as u32) < 0x20
                        || matches!(c, '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}') =>
                    {
                        out.push('\u{fffd}')
                    }
                    c => out.push(c),
                }
            }
            out
        }

        pub fn id_part(s: &str) -> String {
            let out: String = s
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            if out.is_empty() { "_".into() } else { out }
        }
    }

    #[test]
    fn escapes_and_ids_write_what_the_plain_forms_wrote() {
        for s in samples() {
            assert_eq!(xml_escape(&s), plain::xml_escape(&s), "{s:?}");
            assert_eq!(IdPart(&s).to_string(), plain::id_part(&s), "{s:?}");
        }
    }

    #[test]
    fn xml_escaping_keeps_text_text() {
        assert_eq!(
            xml_escape("<script>]]>&\"'\u{1}\n"),
            "&lt;script&gt;]]&gt;&amp;&quot;&#39;\u{fffd} "
        );
    }
}
