//! The one reader of numbers in an article: each with its qualifier
//! and unit. "nearly 20%", "about 1,200", "$3.5 billion", "1.2m",
//! "more than 40 people", "50 or more", "twenty one", "two-thirds",
//! "the 140-kilometre front", "between 10 and 15", "92 in favour to 8
//! against" (two numbers).
//!
//! [`find_numbers`] gives the figures an article states, for `brief
//! verify` and the drafter: years, dates and times of day are left out
//! (what the date finder takes), and so are numbers in words with
//! nothing on them ("one of them"). [`read_numbers`] gives every number
//! written, for grounding to look a figure's value up among. A
//! qualifier is mapped to the format's own (`src/format/qualifier.rs`)
//! by meaning, from `data/qualifiers.txt` (before the number) and
//! `data/qualifiers-after.txt` (after it).

use std::ops::Range;

use super::dates::find_dates;
use super::token::{Kind, Token, tokens};
use super::words::{
    NOT_UNIT_WORDS, NUMBER_WORD_VALUES, QUALIFIER_AFTER_WORDS, QUALIFIER_WORDS, SCALE_WORDS,
    UNIT_WORDS,
};
use crate::format::Qualifier;

/// A number found in a text, with what the text says around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The whole wording: qualifier, currency, number, scale and unit
    /// ("nearly $3.5 billion", "20 days or so").
    pub span: Range<usize>,
    /// The number itself ("3.5"; "10 and 15" for a range).
    pub value_span: Range<usize>,
    /// The number as a message shows it: currency sign, digits or words,
    /// scale and percent sign ("$3.5 billion", "20%", "1.2m"); for a
    /// range, its low end.
    pub shown: Range<usize>,
    /// A range's high end, shown likewise.
    pub high_shown: Option<Range<usize>>,
    /// The value with its scale applied ("$3.5 billion": 3.5e9); for a
    /// range, its low end.
    pub value: f64,
    /// The value as written, before a scale word ("$3.5 billion": 3.5).
    pub written: f64,
    /// The high end of a range.
    pub high: Option<f64>,
    /// The qualifier the text puts on it; `between` for a range.
    pub qualifier: Qualifier,
    /// The qualifier's wording, before the number ("nearly") or after
    /// it ("or more"), with what it means; a range keeps the one before
    /// its low end ("about 10 to 15").
    pub wording: Option<(Range<usize>, Qualifier)>,
    /// The unit: `percent`, a currency (`USD`, `EUR`, `GBP`), or the
    /// word after the number ("people", "kilometre" in
    /// "140-kilometre"); empty when there is none.
    pub unit: String,
    /// Whether it is written in words with nothing on it: no qualifier,
    /// unit, scale or range ("twelve of them", "one").
    pub bare: bool,
    /// Whether it is part of a date or a time ("12" in "12 March").
    pub in_date: bool,
}

impl Number {
    /// The qualifier's wording with the number, as the text puts them:
    /// "nearly 60", "50 or more", "20 days or so", or the number alone.
    pub fn phrase(&self) -> Range<usize> {
        match &self.wording {
            Some((w, _)) => w.start.min(self.shown.start)..w.end.max(self.shown.end),
            None => self.shown.clone(),
        }
    }
}

/// Whether a lower-case word after a number is its unit: a plural noun
/// ("villages", "fishermen"), or one of the known units ("people",
/// "km").
pub fn is_unit(word: &str) -> bool {
    UNIT_WORDS.contains(word)
        || (word.len() > 5 && word.ends_with("men"))
        || (word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !NOT_UNIT_WORDS.contains(word))
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

/// The figures of `text`, in order: every number but those of dates and
/// numbers in words with nothing on them.
pub fn find_numbers(text: &str) -> Vec<Number> {
    read(text, true).into_iter().filter(|n| !n.bare).collect()
}

/// Every number of `text`, in order, those of dates and numbers in
/// words standing alone marked as such: what a figure's value is looked
/// up among ("less than two days after" is a date's wording and a
/// figure's).
pub fn read_numbers(text: &str) -> Vec<Number> {
    read(text, false)
}

/// A single number word's value ("forty"), not a phrase.
fn word_value(w: &str) -> Option<f64> {
    NUMBER_WORD_VALUES
        .iter()
        .find(|(ws, _)| ws.len() == 1 && ws[0] == w)
        .map(|(_, v)| *v)
}

/// Whether `v` is a whole number from 1 to 9, or a multiple of ten from
/// 20 to 90: the parts "forty-five" and "twenty one" are made of.
fn is_unit_digit(v: f64) -> bool {
    v.fract() == 0.0 && (1.0..10.0).contains(&v)
}

fn is_tens(v: f64) -> bool {
    v.fract() == 0.0 && (20.0..100.0).contains(&v) && v % 10.0 == 0.0
}

/// The numbers of `text`, in order; with `skip_dates`, none of the
/// words of a date is read as one.
fn read(text: &str, skip_dates: bool) -> Vec<Number> {
    let toks = tokens(text);
    let lower: Vec<String> = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
    let dates = Spans::new(find_dates(text).into_iter().map(|d| d.span));
    let in_date = |t: &Token| dates.holds(&t.span);
    let word = |i: usize| -> Option<&str> {
        let t = toks.get(i)?;
        (t.kind == Kind::Word).then(|| lower[i].as_str())
    };
    let mark = |i: usize| -> Option<&str> {
        let t = toks.get(i)?;
        (t.kind == Kind::Mark).then(|| t.text(text))
    };
    // Whether token `i` runs on into token `i + 1` with nothing between.
    let glued = |i: usize| {
        toks.get(i + 1)
            .is_some_and(|n| toks[i].span.end == n.span.start)
    };
    let phrase = |i: usize, words: &[&str]| {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| word(i + k) == Some(*w))
    };
    // A value at `i`: its length in tokens, its value, and a unit joined
    // to it by a hyphen inside the word ("five-year").
    let value_at = |i: usize| -> Option<(usize, f64, Option<String>)> {
        let t = toks.get(i)?;
        if skip_dates && in_date(t) {
            return None;
        }
        match t.kind {
            Kind::Number => {
                let raw = t.text(text);
                if raw.ends_with(|c: char| c.is_alphabetic()) {
                    return None; // an ordinal or a decade
                }
                raw.replace(',', "").parse().ok().map(|v| (1, v, None))
            }
            // "several hundred", "a few thousand": a count with no number.
            Kind::Word if i > 0 && matches!(word(i - 1), Some("several" | "few" | "many")) => None,
            Kind::Word => {
                if let Some((w, v)) = NUMBER_WORD_VALUES.iter().find(|(w, _)| phrase(i, w)) {
                    let mut len = w.len();
                    let mut v = *v;
                    // "twenty one", "two hundred".
                    if w.len() == 1
                        && is_tens(v)
                        && let Some(u) = word(i + 1)
                            .and_then(word_value)
                            .filter(|u| is_unit_digit(*u))
                    {
                        v += u;
                        len += 1;
                    }
                    if w.len() == 1
                        && v < 10.0
                        && v.fract() == 0.0
                        && word(i + len) == Some("hundred")
                    {
                        v *= 100.0;
                        len += 1;
                    }
                    return Some((len, v, None));
                }
                // "forty-five"; "five-year", a number joined to its unit.
                let (head, rest) = lower[i].split_once(['-', '‑'])?;
                let v = word_value(head)?;
                match word_value(rest) {
                    Some(u) if is_tens(v) && is_unit_digit(u) => Some((1, v + u, None)),
                    Some(_) => None,
                    // "one-off", "two-way": not a number.
                    None if is_unit(rest) => Some((1, v, Some(rest.to_owned()))),
                    None => None,
                }
            }
            Kind::Mark => None,
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Numbers glued to another by a comma or a hyphen that make no
        // range ("1,20", "12,0000", "2029-30") are not read at all.
        if toks[i].kind == Kind::Number
            && glued(i)
            && matches!(mark(i + 1), Some("," | "-" | "‑"))
            && glued(i + 1)
            && toks.get(i + 2).is_some_and(|t| t.kind == Kind::Number)
            && !(mark(i + 1) != Some(",")
                && value_at(i)
                    .zip(value_at(i + 2))
                    .is_some_and(|(a, b)| b.1 > a.1))
        {
            i += 3;
            continue;
        }
        let Some((mut len, value, joined_unit)) = value_at(i) else {
            i += 1;
            continue;
        };
        let mut first = i;
        let mut shown_start = i;
        let mut qualifier = Qualifier::Unqualified;
        let mut wording = None;
        let mut unit = String::new();
        if i > 0
            && let Some(c) = mark(i - 1).and_then(currency)
        {
            unit = c.to_owned();
            first = i - 1;
            shown_start = i - 1;
        }
        if let Some((words, q)) = QUALIFIER_WORDS
            .iter()
            .find(|(w, _)| first >= w.len() && phrase(first - w.len(), w))
        {
            qualifier = *q;
            first -= words.len();
            wording = Some((
                toks[first].span.start..toks[first + words.len() - 1].span.end,
                *q,
            ));
        }
        // A range: "between 10 and 15", "from 10 to 15", "10 to 15", "10-15".
        let mut high = None;
        let mut high_start = None;
        let mut low_end = i + len;
        let opener = first > 0 && matches!(word(first - 1), Some("between" | "from"));
        // "between 3% and 4%": the low end may carry the unit too.
        let low_unit = usize::from(mark(i + len) == Some("%"));
        let joiner = match word(i + len + low_unit) {
            Some("and") if opener && word(first - 1) == Some("between") => true,
            Some("to") => true,
            _ => matches!(mark(i + len + low_unit), Some("-" | "–")),
        };
        if joined_unit.is_none() && joiner {
            let k = i + len + low_unit + 1;
            let skip_currency = usize::from(mark(k).and_then(currency).is_some());
            if let Some((hlen, h, None)) = value_at(k + skip_currency)
                && h > value
            {
                high = Some(h);
                high_start = Some(k);
                low_end = i + len + low_unit;
                len = k + skip_currency + hlen - i;
                if opener && qualifier == Qualifier::Unqualified {
                    first -= 1;
                }
                qualifier = Qualifier::Between;
            }
        }
        let value_end = i + len;
        let mut end = value_end;
        let mut scale = 1.0;
        let mut scale_word = |end: &mut usize| {
            // "m" and "bn" only written onto the number ("1.2m").
            if let Some(w) = word(*end)
                && let Some(f) = SCALE_WORDS.get(w)
                && (w.len() > 2 || glued(*end - 1))
            {
                scale = *f;
                *end += 1;
            }
        };
        scale_word(&mut end);
        if let Some(u) = joined_unit {
            unit = u;
        } else if toks
            .get(end)
            .is_some_and(|t| t.kind == Kind::Mark && t.text(text) == "%")
        {
            unit = "percent".into();
            end += 1;
        }
        let shown_end = end;
        if !unit.is_empty() {
            // A currency, a percent sign or a unit joined to the number.
        } else if phrase(end, &["per", "cent"]) {
            unit = "percent".into();
            end += 2;
        } else if word(end) == Some("percent") {
            unit = "percent".into();
            end += 1;
        } else if matches!(mark(end), Some("-" | "‑"))
            && glued(end - 1)
            && glued(end)
            && let Some(w) = word(end + 1)
        {
            // "140-kilometre", "72-hour".
            unit = w.to_owned();
            end += 2;
        } else if let Some(w) = word(end)
            && is_unit(w)
            && toks[end].text(text).starts_with(char::is_lowercase)
        {
            unit = w.to_owned();
            end += 1;
        }
        // A bound after the number, or after its unit: "50 or more",
        // "20 days or so"; not when a number follows ("15 or under 20").
        if wording.is_none()
            && high.is_none()
            && let Some((words, q)) = QUALIFIER_AFTER_WORDS.iter().find(|(w, _)| phrase(end, w))
            && value_at(end + words.len()).is_none()
            && toks
                .get(end + words.len())
                .is_none_or(|t| t.kind != Kind::Number)
        {
            qualifier = *q;
            wording = Some((
                toks[end].span.start..toks[end + words.len() - 1].span.end,
                *q,
            ));
            end += words.len();
        }
        let worded = toks[i].kind == Kind::Word;
        let bare = worded
            && value >= 1.0
            && qualifier == Qualifier::Unqualified
            && scale == 1.0
            && unit.is_empty()
            && high.is_none();
        out.push(Number {
            span: toks[first].span.start..toks[end - 1].span.end,
            value_span: toks[i].span.start..toks[value_end - 1].span.end,
            shown: toks[shown_start].span.start..toks[if high.is_some() {
                low_end - 1
            } else {
                shown_end - 1
            }]
            .span
            .end,
            high_shown: high_start.map(|h| toks[h].span.start..toks[shown_end - 1].span.end),
            value: value * scale,
            written: value,
            high: high.map(|h| h * scale),
            qualifier,
            wording,
            unit,
            bare,
            in_date: in_date(&toks[i]),
        });
        i = end;
    }
    out
}

/// Whether two values are the same number, allowing for how decimals
/// print.
pub fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
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

    /// Every number's value, as grounding reads them.
    fn values(s: &str) -> Vec<f64> {
        read_numbers(s).into_iter().map(|n| n.value).collect()
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
        assert!(values("several hundred people and a few thousand more").is_empty());
        assert!(values("1,20 and 12,0000 and version2").is_empty());
        // "m" is a scale only written onto its number.
        assert_eq!(values("a 3 m wall"), vec![3.0]);
    }

    #[test]
    fn bare_number_words_and_dates_are_read_but_not_found() {
        let all = read_numbers("twelve of them left on 3 May");
        assert_eq!(all.len(), 2);
        assert!(all[0].bare && !all[0].in_date);
        assert!(all[1].in_date && !all[1].bare);
        assert!(find_numbers("twelve of them left on 3 May").is_empty());
        // A date's words are a figure's too.
        let n = &read_numbers("less than two days after the truce")[0];
        assert_eq!((n.value, n.qualifier), (2.0, Qualifier::LessThan));
        assert!(find_numbers("less than two days after the truce").is_empty());
    }

    fn qualifiers(s: &str) -> Vec<Option<(String, Qualifier)>> {
        read_numbers(s)
            .into_iter()
            .map(|n| n.wording.map(|(r, q)| (s[r].to_lowercase(), q)))
            .collect()
    }

    #[test]
    fn the_qualifier_before_a_number_is_read() {
        let q: Vec<Option<Qualifier>> =
            qualifiers("nearly 1,200 crew and more than 40 boats, almost 3 million euros")
                .into_iter()
                .map(|q| q.map(|q| q.1))
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
            qualifiers("just under 30")[0],
            Some(("just under".into(), Qualifier::Nearly))
        );
        assert_eq!(qualifiers("the 30")[0], None);
        assert_eq!(qualifiers("nearly, 30")[0], None);
    }

    #[test]
    fn the_qualifier_after_a_number_is_read() {
        let q = |s: &str| {
            read_numbers(s)
                .into_iter()
                .map(|n| (n.wording.as_ref().map(|q| q.1), s[n.phrase()].to_owned()))
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
        assert_eq!(
            find_numbers("put the toll at 50 or more.")[0].qualifier,
            Qualifier::AtLeast
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
        let text = "the toll at \"50\", and ($4m) or 20%, nearly $3.5 billion.";
        let shown: Vec<&str> = read_numbers(text)
            .iter()
            .map(|n| &text[n.shown.clone()])
            .collect();
        assert_eq!(shown, vec!["50", "$4m", "20%", "$3.5 billion"]);
        let n = &read_numbers(text)[3];
        assert_eq!(&text[n.phrase()], "nearly $3.5 billion");
    }

    #[test]
    fn a_range_shows_each_end() {
        let text = "between 10 and 15 million people";
        let n = &read_numbers(text)[0];
        assert_eq!(&text[n.shown.clone()], "10");
        assert_eq!(n.high_shown.clone().map(|r| &text[r]), Some("15 million"));
        assert_eq!((n.value, n.high), (1e7, Some(1.5e7)));
    }

    #[test]
    fn a_number_joined_to_its_unit_by_a_hyphen_is_read() {
        assert_eq!(
            values("the 140-kilometre front, a 72-hour truce, a five-year plan"),
            vec![140.0, 72.0, 5.0]
        );
        let units: Vec<String> = find_numbers("the 140-kilometre front, a five-year plan")
            .into_iter()
            .map(|n| n.unit)
            .collect();
        assert_eq!(units, ["kilometre", "year"]);
        assert!(values("a one-off payment and a two-way street").is_empty());
        assert_eq!(values("forty-five"), vec![45.0]);
        assert!(values("covid-19 x-ray 2029-30").is_empty());
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
        assert_eq!(found("eleven fishermen")[0].3, "fishermen");
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
