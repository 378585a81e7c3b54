//! Numbers with their qualifier and unit: "nearly 20%", "about 1,200",
//! "$3.5 billion", "more than 40 people", "two-thirds", "between 10 and
//! 15", "92 in favour to 8 against".
//!
//! Years, dates and times of day are not numbers here: what the date
//! finder takes is left out. A qualifier is mapped to the format's own
//! (`src/format/qualifier.rs`) by meaning, from `data/qualifiers.txt`.

use std::ops::Range;

use super::dates::find_dates;
use super::token::{Kind, Token, tokens};
use super::words::{NUMBER_WORD_VALUES, QUALIFIER_WORDS, SCALE_WORDS};
use crate::format::Qualifier;

/// A number found in a text, with what the text says around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The whole wording: qualifier, currency, number, scale and unit
    /// ("nearly $3.5 billion").
    pub span: Range<usize>,
    /// The number itself ("3.5"; "10 and 15" for a range).
    pub value_span: Range<usize>,
    /// The value with its scale applied ("$3.5 billion": 3.5e9); for a
    /// range, its low end.
    pub value: f64,
    /// The value as written, before a scale word ("$3.5 billion": 3.5).
    pub written: f64,
    /// The high end of a range.
    pub high: Option<f64>,
    /// The qualifier the text puts on it; `between` for a range.
    pub qualifier: Qualifier,
    /// The unit: `percent`, a currency (`USD`, `EUR`, `GBP`), or the
    /// word after the number ("people"); empty when there is none.
    pub unit: String,
}

/// Words after a number that end in `s` and are not its unit.
const NOT_UNITS: &[&str] = &[
    "was", "is", "has", "as", "its", "this", "his", "hers", "ours", "yours", "theirs", "does",
    "goes", "says", "thus", "plus", "minus", "us", "versus", "less", "unless",
];

/// Units that do not end in `s`.
const SINGULAR_UNITS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "staff",
    "police",
    "personnel",
    "km",
    "km2",
    "kg",
    "mm",
    "cm",
    "ha",
    "mph",
    "kph",
    "kmh",
    "kwh",
    "mw",
    "gw",
    "per",
    "sq",
    "square",
    "cubic",
    "percent",
    "person",
    "time",
    "point",
    "seat",
    "vote",
    "year",
    "day",
    "week",
    "month",
    "hour",
    "minute",
    "mile",
    "metre",
    "meter",
    "kilometre",
    "kilometer",
    "tonne",
    "ton",
    "barrel",
    "dollar",
    "euro",
    "pound",
    "soldier",
    "civilian",
    "prisoner",
    "hostage",
    "refugee",
    "household",
    "family",
    "member",
    "country",
    "state",
    "village",
    "town",
    "city",
];

/// Whether a word after a number is its unit: a plural noun, or one of
/// the known units ("people", "km").
fn is_unit(word: &str) -> bool {
    SINGULAR_UNITS.contains(&word)
        || (word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !NOT_UNITS.contains(&word))
}

fn currency(mark: &str) -> Option<&'static str> {
    match mark {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        _ => None,
    }
}

/// The numbers of `text`, in order.
pub fn find_numbers(text: &str) -> Vec<Number> {
    let toks = tokens(text);
    let lower: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
    let dates = Spans::new(find_dates(text).into_iter().map(|d| d.span));
    let in_date = |t: &Token| dates.holds(&t.span);
    let word = |i: usize| -> Option<&str> {
        let t = toks.get(i)?;
        (t.kind == Kind::Word).then(|| lower[i].as_str())
    };
    let phrase = |i: usize, words: &[&str]| {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| word(i + k) == Some(*w))
    };
    // A value at `i`: its length in tokens and its value.
    let value_at = |i: usize| -> Option<(usize, f64)> {
        let t = toks.get(i)?;
        if in_date(t) {
            return None;
        }
        match t.kind {
            Kind::Number => {
                let raw = t.text(text);
                if raw.ends_with(|c: char| c.is_alphabetic()) {
                    return None; // an ordinal
                }
                raw.replace(',', "").parse().ok().map(|v| (1, v))
            }
            Kind::Word => NUMBER_WORD_VALUES
                .iter()
                .find(|(w, _)| phrase(i, w))
                .map(|(w, v)| (w.len(), *v)),
            Kind::Mark => None,
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((mut len, value)) = value_at(i) else {
            i += 1;
            continue;
        };
        // "one" and "a third" as words are numbers only before a unit or
        // a scale, or with a qualifier; "one of them" is not a count.
        let mut first = i;
        let mut qualifier = Qualifier::Unqualified;
        let mut unit = String::new();
        if i > 0
            && toks[i - 1].kind == Kind::Mark
            && let Some(c) = currency(toks[i - 1].text(text))
        {
            unit = c.to_owned();
            first = i - 1;
        }
        if let Some((words, q)) = QUALIFIER_WORDS
            .iter()
            .find(|(w, _)| first >= w.len() && phrase(first - w.len(), w))
        {
            qualifier = *q;
            first -= words.len();
        }
        // A range: "between 10 and 15", "from 10 to 15", "10 to 15", "10-15".
        let mut high = None;
        let mut value_end = i + len;
        let opener = first > 0 && matches!(word(first - 1), Some("between" | "from"));
        // "between 3% and 4%": the low end may carry the unit too.
        let low_unit = usize::from(
            toks.get(i + len)
                .is_some_and(|t| t.kind == Kind::Mark && t.text(text) == "%"),
        );
        let joiner = match word(i + len + low_unit) {
            Some("and") if opener && word(first - 1) == Some("between") => Some(1),
            Some("to") => Some(1),
            _ if toks
                .get(i + len + low_unit)
                .is_some_and(|t| t.kind == Kind::Mark && ["-", "–"].contains(&t.text(text))) =>
            {
                Some(1)
            }
            _ => None,
        };
        if let Some(j) = joiner {
            let k = i + len + low_unit + j;
            let skip_currency = usize::from(
                toks.get(k)
                    .is_some_and(|t| t.kind == Kind::Mark && currency(t.text(text)).is_some()),
            );
            if let Some((hlen, h)) = value_at(k + skip_currency)
                && h > value
            {
                high = Some(h);
                len = k + skip_currency + hlen - i;
                value_end = i + len;
                if opener && qualifier == Qualifier::Unqualified {
                    first -= 1;
                }
                qualifier = Qualifier::Between;
            }
        }
        let mut end = value_end;
        let mut scale = 1.0;
        if let Some(f) = word(end).and_then(|w| SCALE_WORDS.get(w)) {
            scale = *f;
            end += 1;
        }
        if toks
            .get(end)
            .is_some_and(|t| t.kind == Kind::Mark && t.text(text) == "%")
        {
            unit = "percent".into();
            end += 1;
        } else if phrase(end, &["per", "cent"]) {
            unit = "percent".into();
            end += 2;
        } else if word(end) == Some("percent") {
            unit = "percent".into();
            end += 1;
        } else if unit.is_empty()
            && let Some(w) = word(end)
            && is_unit(w)
            && toks[end].text(text).starts_with(char::is_lowercase)
        {
            unit = w.to_owned();
            end += 1;
        }
        let worded = toks[i].kind == Kind::Word;
        if worded
            && value >= 1.0
            && qualifier == Qualifier::Unqualified
            && scale == 1.0
            && unit.is_empty()
            && high.is_none()
        {
            i += len;
            continue;
        }
        out.push(Number {
            span: toks[first].span.start..toks[end - 1].span.end,
            value_span: toks[i].span.start..toks[value_end - 1].span.end,
            value: value * scale,
            written: value,
            high: high.map(|h| h * scale),
            qualifier,
            unit,
        });
        i = end;
    }
    out
}

/// Spans sorted by where they start, to ask whether any holds a range
/// in time logarithmic in their number: every token of a text is asked
/// about, so a scan of every span per token would grow with the square
/// of the text.
struct Spans {
    starts: Vec<usize>,
    /// The furthest end of the spans up to each one.
    reach: Vec<usize>,
}

impl Spans {
    /// `spans` must come sorted by start, as the finders give them.
    fn new(spans: impl Iterator<Item = Range<usize>>) -> Self {
        let mut starts = Vec::new();
        let mut reach: Vec<usize> = Vec::new();
        for s in spans {
            debug_assert!(starts.last().is_none_or(|&l| l <= s.start));
            starts.push(s.start);
            reach.push(reach.last().map_or(s.end, |&r: &usize| r.max(s.end)));
        }
        Spans { starts, reach }
    }

    /// Whether some span holds all of `r`: of the spans starting at or
    /// before it, the one reaching furthest reaches past its end.
    fn holds(&self, r: &Range<usize>) -> bool {
        let k = self.starts.partition_point(|&s| s <= r.start);
        k > 0 && self.reach[k - 1] >= r.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_hold_what_a_scan_of_every_span_finds() {
        let spans = [0..4, 2..3, 6..12, 7..9, 15..16, 15..20];
        let fast = Spans::new(spans.iter().cloned());
        for a in 0..22 {
            for b in a + 1..23 {
                let plain = spans.iter().any(|d| d.start <= a && b <= d.end);
                assert_eq!(fast.holds(&(a..b)), plain, "{a}..{b}");
            }
        }
        assert!(!Spans::new(std::iter::empty()).holds(&(0..1)));
        // On an article: every number found is the same as when each
        // token is compared with every date.
        let text = "On 3 May, 40 people left; by May 5 nearly 2,000 had. \
                    In 2024 about 12% stayed until 1 June 2025, 9 a.m.";
        let dates: Vec<Range<usize>> = find_dates(text).into_iter().map(|d| d.span).collect();
        let fast = Spans::new(dates.iter().cloned());
        for t in tokens(text) {
            let plain = dates
                .iter()
                .any(|d| d.start <= t.span.start && t.span.end <= d.end);
            assert_eq!(fast.holds(&t.span), plain, "{:?}", t.text(text));
        }
    }

    fn found(text: &str) -> Vec<(&str, f64, &'static str, String)> {
        find_numbers(text)
            .into_iter()
            .map(|n| (&text[n.span], n.value, n.qualifier.key(), n.unit))
            .collect()
    }

    #[test]
    fn qualifiers_and_units() {
        assert_eq!(
            found("Nearly 20% voted; about 1,200 came; more than 40 people died."),
            [
                ("Nearly 20%", 20.0, "nearly", "percent".into()),
                ("about 1,200", 1200.0, "about", String::new()),
                ("more than 40 people", 40.0, "more-than", "people".into()),
            ]
        );
        assert_eq!(
            found("no more than 5 per cent and fewer than 300 soldiers"),
            [
                ("no more than 5 per cent", 5.0, "at-most", "percent".into()),
                (
                    "fewer than 300 soldiers",
                    300.0,
                    "less-than",
                    "soldiers".into()
                ),
            ]
        );
    }

    #[test]
    fn money_and_scales() {
        let n = &find_numbers("It cost $3.5 billion.")[0];
        assert_eq!(n.value, 3.5e9);
        assert_eq!(n.written, 3.5);
        assert_eq!(n.unit, "USD");
        assert_eq!(n.qualifier, Qualifier::Unqualified);
        assert_eq!(
            found("an estimated €2 million"),
            [("an estimated €2 million", 2e6, "about", "EUR".into())]
        );
    }

    #[test]
    fn ranges() {
        let n = &find_numbers("between 10 and 15 people")[0];
        assert_eq!(
            (n.value, n.high, n.qualifier),
            (10.0, Some(15.0), Qualifier::Between)
        );
        assert_eq!(n.unit, "people");
        let text = "from 10 to 15, and 20-30 km";
        let got = found(text);
        assert_eq!(got[0].0, "from 10 to 15");
        assert_eq!(got[1].0, "20-30 km");
        let got = found("between 3% and 4%");
        assert_eq!(
            got,
            [("between 3% and 4%", 3.0, "between", "percent".into())]
        );
        // A descending pair is not a range: two numbers.
        assert_eq!(found("It went 15 to 10.").len(), 2);
    }

    #[test]
    fn a_verb_after_a_number_is_no_unit() {
        assert_eq!(found("About 1,200 came and 30 remained.")[0].3, "");
        assert_eq!(found("some 30 villages were hit")[0].3, "villages");
        assert_eq!(found("3 countries and 1 person")[1].3, "person");
    }

    #[test]
    fn votes_are_two_numbers() {
        let got = found("The motion passed 92 in favour to 8 against.");
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].1, got[1].1), (92.0, 8.0));
    }

    #[test]
    fn words_and_fractions() {
        assert_eq!(found("two-thirds of voters")[0].1, 2.0 / 3.0);
        assert_eq!(found("nearly two-thirds")[0].2, "nearly");
        assert_eq!(found("some three million people")[0].1, 3e6);
        // A number word with nothing on it is not a count.
        assert!(found("one of them and two of those").is_empty());
    }

    #[test]
    fn dates_are_not_numbers() {
        assert!(found("On 12 February 2025 at 3 p.m. and in 2024.").is_empty());
        assert!(found("the 21st meeting").is_empty());
        let got = found("In 2024, 2,024 people and Resolution 2231.");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, 2024.0);
        assert_eq!(got[1].1, 2231.0);
    }
}
