//! Numbers as an article writes them (`1,200`, `1200`, `3.5`, `1.2
//! million`, `twelve`, `forty-five`, `140-kilometre`), each with the
//! qualifier words just before it ("nearly 60") or just after it ("50 or
//! more"): what a figure's value and qualifier are looked for among.

use crate::format::{Qualifier, qualifier_wordings};

/// A number written in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Written {
    /// Its value.
    pub(crate) value: f64,
    /// Its value without the scale word after it: 1.2 for `1.2 million`,
    /// which a figure in `million people` gives as its value.
    pub(crate) unscaled: f64,
    /// The words it is written with, without the punctuation around
    /// them: `50` in `“50 or more”`.
    pub(crate) words: String,
    /// The qualifier just before or after it, as written, with its
    /// meaning.
    pub(crate) qualifier: Option<(String, Qualifier)>,
    /// The number with its qualifier as the text puts them: `nearly 60`,
    /// `50 or more`, or the number alone.
    pub(crate) phrase: String,
}

/// Wordings of a bound news writes after a number ("50 or more", "20 or
/// so"), with the qualifier of the same meaning. "And counting" says the
/// number is still rising: at least that many so far. "At least" and "at
/// most" are left out: after a number they mostly bound what follows
/// ("4.25% at least until January").
const AFTER: &[(&str, Qualifier)] = &[
    ("or more", Qualifier::AtLeast),
    ("or above", Qualifier::AtLeast),
    ("and above", Qualifier::AtLeast),
    ("or over", Qualifier::AtLeast),
    ("and over", Qualifier::AtLeast),
    ("or higher", Qualifier::AtLeast),
    ("and upwards", Qualifier::AtLeast),
    ("or upwards", Qualifier::AtLeast),
    ("and counting", Qualifier::AtLeast),
    ("or fewer", Qualifier::AtMost),
    ("or less", Qualifier::AtMost),
    ("or under", Qualifier::AtMost),
    ("and under", Qualifier::AtMost),
    ("or below", Qualifier::AtMost),
    ("and below", Qualifier::AtMost),
    ("or lower", Qualifier::AtMost),
    ("or so", Qualifier::About),
    ("or thereabouts", Qualifier::About),
];

/// The numbers in `text` (normalised: words separated by single spaces).
pub(crate) fn numbers(text: &str) -> Vec<Written> {
    let words: Vec<&str> = text.split(' ').collect();
    let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
    let wordings = qualifier_wordings();
    let mut out = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        let Some((unscaled, mut end)) = number_at(&keys, i) else {
            i += 1;
            continue;
        };
        let mut value = unscaled;
        if let Some(scale) = keys.get(end).and_then(|k| scale(k)) {
            value *= scale;
            end += 1;
        }
        let shown = shown(&words[i..end].join(" "));
        // The longest wording of a qualifier just before the number, and
        // only when no punctuation stands between them.
        let before = wordings
            .iter()
            .filter(|(w, _)| {
                let n = w.split(' ').count();
                i >= n
                    && keys[i - n..i].join(" ") == *w
                    && (i - n..i)
                        .all(|j| joins_next(words[j]) && (j + 1 == i || opens(words[j + 1])))
            })
            .max_by_key(|(w, _)| w.len())
            .cloned();
        let (qualifier, phrase) = match before {
            Some((w, q)) => {
                let phrase = format!("{w} {shown}");
                (Some((w, q)), phrase)
            }
            None => match after(&words, &keys, end) {
                Some((w, q, gap)) => {
                    let phrase = shown_phrase(&words[i..end + gap + w.split(' ').count()]);
                    (Some((w.to_owned(), q)), phrase)
                }
                None => (None, shown.clone()),
            },
        };
        out.push(Written {
            value,
            unscaled,
            words: shown,
            qualifier,
            phrase,
        });
        i = end;
    }
    out
}

/// The wording of a bound just after a number ending before word `end`,
/// or after the one word of its unit ("20 days or so"), with the number
/// of words between them; only when no punctuation stands between.
fn after(words: &[&str], keys: &[String], end: usize) -> Option<(&'static str, Qualifier, usize)> {
    for gap in [0, 1] {
        let start = end + gap;
        // Every word from the number's last up to the wording's last but
        // one must run on without punctuation.
        let longest = AFTER
            .iter()
            .filter(|(w, _)| {
                let n = w.split(' ').count();
                start + n <= keys.len()
                    && keys[start..start + n].join(" ") == *w
                    && (end - 1..start + n - 1).all(|j| joins_next(words[j]) && opens(words[j + 1]))
                    && (gap == 0 || number_at(keys, end).is_none())
                    // "15 or under 20" bounds the second number, not the first.
                    && (start + n == keys.len()
                        || !joins_next(words[start + n - 1])
                        || number_at(keys, start + n).is_none())
            })
            .max_by_key(|(w, _)| w.len());
        if let Some((w, q)) = longest {
            return Some((w, *q, gap));
        }
    }
    None
}

/// Whether a word runs on into the next one: no punctuation ends it but
/// a percent sign.
fn joins_next(w: &str) -> bool {
    !w.ends_with(|c: char| c.is_ascii_punctuation() && c != '%' || matches!(c, '”' | '’' | '…'))
}

/// Whether a word follows the one before without punctuation between.
fn opens(w: &str) -> bool {
    !w.starts_with(|c: char| {
        (c.is_ascii_punctuation() && !matches!(c, '$')) || matches!(c, '“' | '‘')
    })
}

/// A number as a message shows it: without the quote marks, brackets and
/// stops around it, keeping a currency sign before and a percent sign
/// after.
fn shown(s: &str) -> String {
    s.trim_start_matches(|c: char| !(c.is_alphanumeric() || matches!(c, '$' | '€' | '£' | '¥')))
        .trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '%'))
        .to_owned()
}

/// Words of a text as a message shows them together.
fn shown_phrase(words: &[&str]) -> String {
    shown(&words.join(" "))
}

/// A word as compared: lower case, without the punctuation, currency
/// and percent signs around it.
fn key(w: &str) -> String {
    w.trim_matches(|c: char| c.is_ascii_punctuation() || matches!(c, '€' | '£' | '¥'))
        .to_lowercase()
}

/// A number starting at word `i`, and the index of the word after it.
fn number_at(keys: &[String], i: usize) -> Option<(f64, usize)> {
    let k = keys[i].as_str();
    if let Some(v) = digits(k) {
        return Some((v, i + 1));
    }
    // "140-kilometre", "72-hour", "$5m-a-year": a number joined to its
    // unit by a hyphen.
    if let Some((n, unit)) = k.split_once('-')
        && unit.starts_with(|c: char| c.is_alphabetic())
        && let Some(v) = digits(n)
    {
        return Some((v, i + 1));
    }
    // "forty-five", "twenty one", "two hundred".
    let (first, rest) = match k.split_once('-') {
        Some((a, b)) => (a, Some(b)),
        None => (k, None),
    };
    let mut v = word_value(first)?;
    let mut end = i + 1;
    match rest {
        // "forty-five" adds; "five-year" is five, joined to its unit.
        Some(r) => match word_value(r) {
            Some(u) if u < 10.0 && v >= 20.0 => v += u,
            Some(_) => return None,
            None if r.starts_with(|c: char| c.is_alphabetic()) => {}
            None => return None,
        },
        None => {
            if v >= 20.0
                && let Some(u) = keys.get(end).and_then(|k| word_value(k))
                && u < 10.0
            {
                v += u;
                end += 1;
            }
        }
    }
    if keys.get(end).is_some_and(|k| k == "hundred") {
        v *= 100.0;
        end += 1;
    }
    Some((v, end))
}

/// `1,200`, `1200`, `3.5`, `20%`, `1.2m`, `3bn` as a value.
fn digits(k: &str) -> Option<f64> {
    let (k, scale) = if let Some(n) = k.strip_suffix("bn") {
        (n, 1e9)
    } else if let Some(n) = k
        .strip_suffix('m')
        .filter(|n| n.ends_with(|c: char| c.is_ascii_digit()))
    {
        (n, 1e6)
    } else {
        (k, 1.0)
    };
    let k = k.trim_end_matches('%');
    if !k.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (whole, frac) = k.split_once('.').unwrap_or((k, ""));
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !grouped || !groups.iter().all(|g| digits_only(g)) || !digits_only(frac) {
        return None;
    }
    let plain: String = format!("{}.{}0", groups.concat(), frac);
    plain.parse::<f64>().ok().map(|v| v * scale)
}

fn word_value(k: &str) -> Option<f64> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = WORDS.iter().position(|w| *w == k) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|w| *w == k) {
        return Some((i as f64 + 2.0) * 10.0);
    }
    match k {
        "dozen" | "a dozen" => Some(12.0),
        "hundred" => Some(100.0),
        _ => None,
    }
}

fn scale(k: &str) -> Option<f64> {
    match k {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Whether two values are the same number, as written to a few
/// decimals.
pub(crate) fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(s: &str) -> Vec<f64> {
        numbers(s).into_iter().map(|n| n.value).collect()
    }

    #[test]
    fn numbers_are_read_in_their_written_forms() {
        assert_eq!(values("1,200 and 1200 people"), vec![1200.0, 1200.0]);
        assert_eq!(
            values("3.5% of 1.2 million, 2bn or $4m"),
            vec![3.5, 1.2e6, 2e9, 4e6]
        );
        assert_eq!(
            values("twelve boats, forty-five nets, twenty one days"),
            vec![12.0, 45.0, 21.0]
        );
        assert_eq!(values("two hundred"), vec![200.0]);
        assert!(values("1,20 and 12,0000 and version2").is_empty());
    }

    #[test]
    fn the_qualifier_before_a_number_is_read() {
        let n = numbers("nearly 1,200 crew and more than 40 boats, almost 3 million euros");
        let q: Vec<Option<Qualifier>> = n
            .iter()
            .map(|n| n.qualifier.as_ref().map(|q| q.1))
            .collect();
        assert_eq!(
            q,
            vec![
                Some(Qualifier::Nearly),
                Some(Qualifier::MoreThan),
                Some(Qualifier::Almost)
            ]
        );
        assert_eq!(
            numbers("just under 30")[0].qualifier,
            Some(("just under".into(), Qualifier::Nearly))
        );
        assert_eq!(numbers("the 30")[0].qualifier, None);
        assert_eq!(numbers("nearly, 30")[0].qualifier, None);
    }

    #[test]
    fn the_qualifier_after_a_number_is_read() {
        let q = |s: &str| {
            numbers(s)
                .into_iter()
                .map(|n| (n.qualifier.map(|q| q.1), n.phrase))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            q("put the toll at \"50 or more\"."),
            vec![(Some(Qualifier::AtLeast), "50 or more".to_owned())]
        );
        assert_eq!(
            q("20 days or so, 300 or fewer and 12 and counting"),
            vec![
                (Some(Qualifier::About), "20 days or so".to_owned()),
                (Some(Qualifier::AtMost), "300 or fewer".to_owned()),
                (Some(Qualifier::AtLeast), "12 and counting".to_owned()),
            ]
        );
        // Punctuation between, or a number after, and the words bound
        // something else.
        assert_eq!(q("50, or more")[0].0, None);
        assert_eq!(q("4.25% at least until January")[0].0, None);
        assert_eq!(q("15 or under 20")[0].0, None);
        assert_eq!(q("15 or under 20")[1].0, Some(Qualifier::Under));
    }

    #[test]
    fn a_number_is_shown_without_the_punctuation_around_it() {
        let n = numbers("the toll at \"50\", and ($4m) or 20%.");
        let shown: Vec<&str> = n.iter().map(|n| n.words.as_str()).collect();
        assert_eq!(shown, vec!["50", "$4m", "20%"]);
    }

    #[test]
    fn a_number_joined_to_its_unit_by_a_hyphen_is_read() {
        assert_eq!(
            values("the 140-kilometre front, a 72-hour truce, a five-year plan"),
            vec![140.0, 72.0, 5.0]
        );
        assert_eq!(values("forty-five"), vec![45.0]);
        assert!(values("covid-19 x-ray 2029-30").is_empty());
    }
}
