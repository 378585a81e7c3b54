//! How wide text is drawn, roughly, and where it breaks into lines.

/// How wide each ASCII character is, in units of the font size: see
/// [`char_units`].
const ASCII_UNITS: [f64; 128] = {
    let mut units = [0.63; 128];
    let mut c = b'A';
    while c <= b'Z' {
        units[c as usize] = 0.76;
        c += 1;
    }
    let narrow = b"iljtfr.,;:'!| ";
    let mut i = 0;
    while i < narrow.len() {
        units[narrow[i] as usize] = 0.38;
        i += 1;
    }
    let wide = b"mwMW@%";
    let mut i = 0;
    while i < wide.len() {
        units[wide[i] as usize] = 0.95;
        i += 1;
    }
    units
};

/// Roughly how wide a character is, in units of the font size: narrow and
/// wide Latin letters, capitals, other ASCII, wide scripts (from U+1100)
/// and everything else.
fn char_units(c: char) -> f64 {
    match c {
        c if c.is_ascii() => ASCII_UNITS[c as usize],
        // Cyrillic: the wide letters (ж, ш, щ, ю, ы, м and their
        // capitals) and capitals are wider than Latin ones of the same
        // rank, so Russian and Ukrainian labels are not clipped.
        'ж' | 'ш' | 'щ' | 'ю' | 'ы' | 'м' | 'Ж' | 'Ш' | 'Щ' | 'Ю' | 'Ы' | 'М' | 'Ф' | 'ф' => {
            0.95
        }
        '\u{0400}'..='\u{042F}' | 'Ґ' => 0.8,
        c if (c as u32) >= 0x1100 => 1.05,
        _ => 0.68,
    }
}

/// Adds the widths of `s`'s characters to `units`, one by one from the
/// left: so a width measured in pieces is the one measured in one go.
fn add_units(units: f64, s: &str) -> f64 {
    s.chars().fold(units, |sum, c| sum + char_units(c))
}

/// Roughly how wide `s` is at `size` px, for wrapping: an estimate that
/// errs on the wide side, so text stays inside its box.
pub(super) fn text_width(s: &str, size: f64) -> f64 {
    s.chars().map(char_units).sum::<f64>() * size
}

/// The next word of `s` from byte `from` on, as `split_whitespace` finds
/// words: where it starts and ends, and `units` with the widths of its
/// characters added one by one.
fn next_word(s: &str, from: usize, mut units: f64) -> Option<(usize, usize, f64)> {
    let mut chars = s[from..].char_indices();
    let start = loop {
        let (i, c) = chars.next()?;
        if !c.is_whitespace() {
            units += char_units(c);
            break from + i;
        }
    };
    for (i, c) in chars {
        if c.is_whitespace() {
            return Some((start, from + i, units));
        }
        units += char_units(c);
    }
    Some((start, s.len(), units))
}

/// Breaks `s` into at most `max_lines` lines of at most `width` px; the
/// last line ends with `…` when text was left out.
///
/// A line's width is kept as it grows, added up in the same order as
/// [`text_width`] adds up the whole line, so each word is measured where it
/// is tried and the breaks fall exactly where `text_width` puts them.
pub(super) fn wrap(s: &str, width: f64, size: f64, max_lines: usize) -> Vec<String> {
    let fits = |units: f64| units * size <= width;
    let mut lines: Vec<String> = Vec::with_capacity(max_lines);
    // The line being filled: the words in `s[start..end]`, `units` wide,
    // and whether they are one space apart there (else the line is
    // written with one).
    let (mut start, mut end, mut units, mut one_space) = (0, 0, 0.0, true);
    let mut from = 0;
    let mut cut = false;
    loop {
        // The line with the next word, measured as the whole line would be.
        let with = if start == end {
            0.0
        } else {
            units + char_units(' ')
        };
        let Some((word_start, word_end, with_word)) = next_word(s, from, with) else {
            break;
        };
        from = word_end;
        if fits(with_word) {
            if start == end {
                (start, one_space) = (word_start, true);
            } else {
                one_space &= &s[end..word_start] == " ";
            }
            (end, units) = (word_end, with_word);
            continue;
        }
        if start < end {
            lines.push(line(&s[start..end], one_space));
            start = end;
        }
        if lines.len() == max_lines {
            cut = true;
            break;
        }
        let word = &s[word_start..word_end];
        match break_word(word, &s[from..], &fits, &mut lines, max_lines) {
            Ok((rest, rest_units)) => {
                (start, end, units, one_space) =
                    (word_end - rest.len(), word_end, rest_units, true);
            }
            Err(cut_here) => {
                cut = cut_here;
                break;
            }
        }
    }
    if start < end {
        if lines.len() < max_lines {
            lines.push(line(&s[start..end], one_space));
        } else {
            cut = true;
        }
    }
    if cut && let Some(last) = lines.last_mut() {
        end_with_ellipsis(last, &fits);
    }
    lines
}

/// A line of the words in `text`, one space apart: `text` as it is when
/// they already are.
fn line(text: &str, one_space: bool) -> String {
    if one_space {
        return text.to_string();
    }
    let mut line = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}

/// Breaks a word wider than the line where it must be, a line for each
/// piece, until what is left fits: then it returns what is left and its
/// width. When the lines run out first, it returns whether text was left
/// out, of the word or of `after`, the text after it.
fn break_word<'a>(
    word: &'a str,
    after: &str,
    fits: &impl Fn(f64) -> bool,
    lines: &mut Vec<String>,
    max_lines: usize,
) -> Result<(&'a str, f64), bool> {
    let mut rest = word;
    let mut rest_units = add_units(0.0, rest);
    while !fits(rest_units) {
        let head_len = fitting_head(rest, fits);
        lines.push(rest[..head_len].to_string());
        rest = &rest[head_len..];
        rest_units = add_units(0.0, rest);
        if lines.len() == max_lines {
            let more_words = after.contains(|c: char| !c.is_whitespace());
            return Err(!rest.is_empty() || more_words);
        }
    }
    Ok((rest, rest_units))
}

/// The length in bytes of the longest head of `word` that fits, and at
/// least one character.
fn fitting_head(word: &str, fits: &impl Fn(f64) -> bool) -> usize {
    let (mut head_len, mut head_units) = (0, 0.0);
    for (i, c) in word.char_indices() {
        let units = head_units + char_units(c);
        if !fits(units) && head_len > 0 {
            break;
        }
        (head_len, head_units) = (i + c.len_utf8(), units);
    }
    head_len
}

/// Cuts `last` to the longest start that fits with a `…`, and adds it.
fn end_with_ellipsis(last: &mut String, fits: &impl Fn(f64) -> bool) {
    // Widths of starts only grow, so the first that does not fit ends the
    // search.
    let ellipsis = char_units('…');
    let (mut keep, mut units) = (0, 0.0);
    for (i, c) in last.char_indices() {
        units += char_units(c);
        if !fits(units + ellipsis) {
            break;
        }
        keep = i + c.len_utf8();
    }
    last.truncate(keep);
    last.truncate(last.trim_end().len());
    last.push('…');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::samples::{Rng, samples};

    /// The plain forms these helpers had before they measured as they
    /// went: the faster forms must measure and break exactly as these do.
    mod plain {
        pub fn text_width(s: &str, size: f64) -> f64 {
            s.chars()
                .map(|c| match c {
                    'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | ';' | ':' | '\'' | '!'
                    | '|' | ' ' => 0.38,
                    'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.95,
                    c if c.is_ascii_uppercase() => 0.76,
                    c if c.is_ascii() => 0.63,
                    'ж' | 'ш' | 'щ' | 'ю' | 'ы' | 'м' | 'Ж' | 'Ш' | 'Щ' | 'Ю' | 'Ы' | 'М' | 'Ф'
                    | 'ф' => 0.95,
                    '\u{0400}'..='\u{042F}' | 'Ґ' => 0.8,
                    c if (c as u32) >= 0x1100 => 1.05,
                    _ => 0.68,
                })
                .sum::<f64>()
                * size
        }

        pub fn wrap(s: &str, width: f64, size: f64, max_lines: usize) -> Vec<String> {
            let mut lines: Vec<String> = Vec::new();
            let mut line = String::new();
            let mut words = s.split_whitespace().peekable();
            let mut cut = false;
            while let Some(word) = words.next() {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if text_width(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if lines.len() == max_lines {
                    cut = true;
                    break;
                }
                // A word wider than the line is broken where it must be.
                let mut rest = word.to_string();
                while text_width(&rest, size) > width {
                    let mut head = String::new();
                    for c in rest.chars() {
                        if text_width(&format!("{head}{c}"), size) > width && !head.is_empty() {
                            break;
                        }
                        head.push(c);
                    }
                    rest = rest[head.len()..].to_string();
                    lines.push(head);
                    if lines.len() == max_lines {
                        cut = !rest.is_empty() || words.peek().is_some();
                        break;
                    }
                }
                if lines.len() == max_lines {
                    if !rest.is_empty() {
                        cut = true;
                    }
                    break;
                }
                line = rest;
            }
            if !line.is_empty() {
                if lines.len() < max_lines {
                    lines.push(line);
                } else {
                    cut = true;
                }
            }
            if cut && let Some(last) = lines.last_mut() {
                while !last.is_empty() && text_width(&format!("{last}…"), size) > width {
                    last.pop();
                }
                let trimmed = last.trim_end().to_string();
                *last = format!("{trimmed}…");
            }
            lines
        }
    }

    #[test]
    fn cyrillic_is_measured_at_least_as_wide_as_latin() {
        // Chart labels in Russian or Ukrainian must not be clipped: their
        // capitals and wide letters are measured wider than Latin ones.
        assert!(text_width("ШЖЮ", 12.0) > text_width("ABC", 12.0));
        assert!(text_width("Україна", 12.0) >= text_width("Ukraina", 12.0));
    }

    #[test]
    fn widths_are_the_plain_widths() {
        for s in samples() {
            for size in [11.0, 12.0, 13.0] {
                assert_eq!(
                    text_width(&s, size).to_bits(),
                    plain::text_width(&s, size).to_bits(),
                    "{s:?}"
                );
            }
        }
    }

    /// A random text to wrap: words of a few to many characters, some
    /// wide, between runs of spaces and other whitespace.
    fn words(rng: &mut Rng) -> String {
        let letters = [
            'a',
            'i',
            'm',
            'W',
            'Z',
            '&',
            '\u{e9}',
            '\u{754c}',
            '\u{1f600}',
            '-',
        ];
        let gaps = [
            " ", " ", " ", "  ", "\t", "\n", "\u{a0}", "\u{3000}", " \r\n ",
        ];
        let mut s = String::new();
        if rng.below(4) == 0 {
            s.push_str(rng.pick(&gaps));
        }
        for i in 0..rng.below(14) {
            if i > 0 {
                s.push_str(rng.pick(&gaps));
            }
            let len = match rng.below(8) {
                0 => 20 + rng.below(60),
                _ => 1 + rng.below(9),
            };
            s.extend((0..len).map(|_| rng.pick(&letters)));
        }
        if rng.below(4) == 0 {
            s.push_str(rng.pick(&gaps));
        }
        s
    }

    #[test]
    fn wrapping_breaks_where_the_plain_form_broke() {
        let mut rng = Rng(0x0bad_5eed_1234_5678);
        for _ in 0..600 {
            let s = words(&mut rng);
            let size = rng.pick(&[11.0, 12.0, 13.0]);
            // The widths the charts use, narrow ones, and the widths of
            // starts of the text itself, where a line fits exactly.
            let mut widths = vec![0.5, 8.0, 30.0, 60.0, 174.0, 250.0, 326.0, 442.0, 720.0];
            let chars: Vec<char> = s.chars().collect();
            for _ in 0..4 {
                let k = rng.below(chars.len() + 1);
                let start: String = chars[..k].iter().collect();
                widths.push(plain::text_width(start.trim(), size));
                widths.push(plain::text_width(&format!("{}…", start.trim()), size));
            }
            for width in widths {
                for max_lines in 1..=3 {
                    assert_eq!(
                        wrap(&s, width, size, max_lines),
                        plain::wrap(&s, width, size, max_lines),
                        "{s:?} in {width} at {size}px, {max_lines} lines"
                    );
                }
            }
        }
    }

    #[test]
    fn wrapping_fits_and_marks_what_it_cuts() {
        let lines = wrap("one two three four five six seven", 60.0, 12.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        for l in &lines {
            assert!(text_width(l, 12.0) <= 60.0, "{l}");
        }
        assert_eq!(wrap("short", 100.0, 12.0, 2), vec!["short"]);
        let long = wrap(&"x".repeat(100), 50.0, 12.0, 2);
        assert_eq!(long.len(), 2);
        assert!(long[1].ends_with('…'));
    }
}
