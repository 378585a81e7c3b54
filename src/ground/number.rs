//! Numbers as an article writes them (`1,200`, `1200`, `3.5`, `1.2
//! million`, `twelve`, `forty-five`), each with the qualifier words just
//! before it: what a figure's value and qualifier are looked for among.

use crate::format::{Qualifier, qualifier_wordings};

/// A number written in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Written {
    /// Its value.
    pub(crate) value: f64,
    /// Its value without the scale word after it: 1.2 for `1.2 million`,
    /// which a figure in `million people` gives as its value.
    pub(crate) unscaled: f64,
    /// The words it is written with.
    pub(crate) words: String,
    /// The qualifier just before it, as written, with its meaning.
    pub(crate) qualifier: Option<(String, Qualifier)>,
}

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
        // The longest wording of a qualifier just before the number.
        let qualifier = wordings
            .iter()
            .filter(|(w, _)| {
                let n = w.split(' ').count();
                i >= n && keys[i - n..i].join(" ") == *w
            })
            .max_by_key(|(w, _)| w.len())
            .cloned();
        out.push(Written {
            value,
            unscaled,
            words: words[i..end].join(" "),
            qualifier,
        });
        i = end;
    }
    out
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
    // "forty-five", "twenty one", "two hundred".
    let (first, rest) = match k.split_once('-') {
        Some((a, b)) => (a, Some(b)),
        None => (k, None),
    };
    let mut v = word_value(first)?;
    let mut end = i + 1;
    match rest {
        Some(r) => v += word_value(r).filter(|u| *u < 10.0 && v >= 20.0)?,
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
    }
}
