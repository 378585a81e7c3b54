//! The last step of every template rendering: blank lines left by template
//! logic collapsed and trailing whitespace dropped, in place.

/// Collapses runs of blank lines left by template logic, drops trailing
/// whitespace from each line and ends the output with exactly one
/// newline. Works in place: the output is never larger than the text plus
/// one newline, and a large briefing is not held twice.
pub(super) fn tidy(text: String) -> String {
    let mut bytes = text.into_bytes();
    let len = bytes.len();
    let (mut read, mut write, mut blank) = (0, 0, 0);
    while read < len {
        let end = memchr::memchr(b'\n', &bytes[read..]).map_or(len, |i| read + i);
        let kept = trimmed_len(&bytes[read..end]);
        let next = end + 1;
        if kept == 0 {
            blank += 1;
            if blank > 1 || write == 0 {
                read = next;
                continue;
            }
        } else {
            blank = 0;
        }
        if write != read {
            bytes.copy_within(read..read + kept, write);
        }
        write += kept;
        // `write` never passes `end`, so this only grows the text when
        // its last line has no newline.
        if write < bytes.len() {
            bytes[write] = b'\n';
        } else {
            bytes.push(b'\n');
        }
        write += 1;
        read = next;
    }
    bytes.truncate(write);
    while bytes.ends_with(b"\n\n") {
        bytes.pop();
    }
    // Only whole lines and whole characters were removed.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The length of `line` (UTF-8) without its trailing whitespace, as
/// `str::trim_end` counts it.
fn trimmed_len(line: &[u8]) -> usize {
    let mut end = line.len();
    while end > 0 {
        let last = line[end - 1];
        if last.is_ascii() {
            if !(last as char).is_whitespace() {
                break;
            }
            end -= 1;
            continue;
        }
        let mut start = end - 1;
        while start > 0 && line[start] & 0xC0 == 0x80 {
            start -= 1;
        }
        let whitespace = std::str::from_utf8(&line[start..end])
            .ok()
            .and_then(|c| c.chars().next())
            .is_some_and(char::is_whitespace);
        if !whitespace {
            break;
        }
        end = start;
    }
    end
}

/// Front matter (or nothing) followed by the tidied output.
pub(super) fn with_head(mut head: String, out: String) -> String {
    let out = tidy(out);
    if head.is_empty() {
        return out;
    }
    head.push_str(&out);
    head
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rule `tidy` implements, written the obvious way.
    fn tidy_by_lines(text: &str) -> String {
        let mut out = String::new();
        let mut blank = 0;
        for line in text.lines() {
            let line = line.trim_end();
            if line.is_empty() {
                blank += 1;
                if blank > 1 || out.is_empty() {
                    continue;
                }
            } else {
                blank = 0;
            }
            out.push_str(line);
            out.push('\n');
        }
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }

    #[test]
    fn tidy_examples() {
        for (text, want) in [
            ("", ""),
            ("a", "a\n"),
            ("\n\n\na  \n\n\n\nb\t\r\n\n", "a\n\nb\n"),
            ("x\u{a0}\u{3000} \n  \ny", "x\n\ny\n"),
            ("é\u{2003}\nü", "é\nü\n"),
            ("a\r\nb\rc \r", "a\nb\rc\n"),
        ] {
            assert_eq!(tidy(text.to_owned()), want, "{text:?}");
            assert_eq!(tidy_by_lines(text), want, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn tidy_in_place_matches_the_rule(
            text in proptest::collection::vec(
                prop_oneof![
                    Just("\n"), Just(" "), Just("\t"), Just("\r"), Just("\r\n"),
                    Just("\u{a0}"), Just("\u{2003}"), Just("\u{3000}"), Just("\u{85}"),
                    Just("a"), Just("é"), Just("中"), Just("🙂"), Just("x y"),
                ],
                0..40,
            ).prop_map(|parts| parts.concat())
        ) {
            prop_assert_eq!(tidy(text.clone()), tidy_by_lines(&text));
        }
    }
}
