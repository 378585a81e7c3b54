//! Date expressions: the wordings of an article that say when
//! ("12 February 2025", "February 12", "June 2024", "Tuesday", "late on
//! Friday", "last week", "earlier this year", "2024", "3 p.m.").
//!
//! A four-digit number is a year only where it reads as one (see
//! [`is_year`]); the number finder leaves out whatever this one finds.

use std::ops::Range;

use super::token::{Kind, Token, tokens};
use super::words::{
    DATE_MODIFIERS, DAY_PARTS_SET, MONTH_NAMES, NUMBER_WORD_VALUES, RELATIVE_DATES, SCALE_WORDS,
    WEEKDAY_NAMES,
};

/// What a date expression is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A day, month or year of the calendar ("12 February", "June 2024",
    /// "2024").
    Calendar,
    /// A day of the week ("Tuesday", "Friday night").
    Weekday,
    /// A time relative to the telling ("last week", "two days ago").
    Relative,
    /// A time of day ("3 p.m.", "20:00", "noon").
    Time,
}

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    /// Where it is, in bytes.
    pub span: Range<usize>,
    /// What it is made of (its first part, when several run together).
    pub kind: DateKind,
}

/// The tokens with their lower-case text, and the text.
struct Scan<'t> {
    text: &'t str,
    toks: Vec<Token>,
    lower: Vec<String>,
}

impl Scan<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Word).then(|| self.lower[i].as_str())
    }

    fn raw(&self, i: usize) -> &str {
        self.toks[i].text(self.text)
    }

    fn is_mark(&self, i: usize, mark: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Mark && t.text(self.text) == mark)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.raw(i).starts_with(char::is_uppercase)
    }

    /// The number token at `i` as an integer, without an ordinal's ending.
    fn int(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Number {
            return None;
        }
        let digits = self.raw(i).trim_end_matches(|c: char| c.is_alphabetic());
        digits.parse().ok()
    }

    fn day(&self, i: usize) -> bool {
        self.int(i).is_some_and(|d| (1..=31).contains(&d))
    }

    /// A month at `i`: a full name, or a short form with its full stop
    /// or before a day; capitalised. Returns the tokens it takes.
    fn month(&self, i: usize) -> Option<usize> {
        let w = self.word(i)?;
        let full = MONTH_NAMES.get(w)?;
        if !self.capitalised(i) {
            return None;
        }
        if *full == w {
            return Some(1);
        }
        if self.is_mark(i + 1, ".") {
            return Some(2);
        }
        self.day(i + 1).then_some(1)
    }

    /// A year at `i`.
    fn year(&self, i: usize) -> bool {
        is_year(self, i)
    }

    /// Whether the phrase `words` starts at token `i`.
    fn phrase(&self, i: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.word(i + k) == Some(*w))
    }
}

/// Whether the number at `i` is a year: four digits from 1800 to 2199
/// with no thousands separator (or a decade, `1990s`), not money before
/// it, nor a percent sign or scale word after it.
fn is_year(s: &Scan, i: usize) -> bool {
    let Some(t) = s.toks.get(i) else { return false };
    if t.kind != Kind::Number {
        return false;
    }
    let raw = s.raw(i);
    let digits = raw.strip_suffix('s').unwrap_or(raw);
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let Ok(n) = digits.parse::<u32>() else {
        return false;
    };
    if !(1800..=2199).contains(&n) {
        return false;
    }
    let money = i > 0 && s.toks[i - 1].kind == Kind::Mark && "$€£¥".contains(s.raw(i - 1));
    let per_cent = s.is_mark(i + 1, "%")
        || s.word(i + 1)
            .is_some_and(|w| SCALE_WORDS.contains_key(w) || w == "percent" || w == "per");
    !money && !per_cent
}

/// The date expressions of `text`, in order, none overlapping.
pub fn find_dates(text: &str) -> Vec<DateExpr> {
    let toks = tokens(text);
    let lower = toks.iter().map(|t| t.text(text).to_lowercase()).collect();
    let s = Scan { text, toks, lower };
    let mut found: Vec<(usize, usize, DateKind)> = Vec::new();
    let mut i = 0;
    while i < s.toks.len() {
        match core(&s, i) {
            Some((len, kind)) => {
                let start = modifier_before(&s, i, found.last().map_or(0, |f| f.1));
                found.push((start, i + len, kind));
                i += len;
            }
            None => i += 1,
        }
    }
    // Parts with nothing between them are one expression ("3 p.m.
    // Tuesday"), and so are a weekday and a date after a comma
    // ("Tuesday, 11 February").
    let mut merged: Vec<(usize, usize, DateKind)> = Vec::new();
    for f in found {
        if let Some(last) = merged.last_mut() {
            let gap = f.0 - last.1;
            let weekday_date = last.2 == DateKind::Weekday && f.2 == DateKind::Calendar;
            if gap == 0 || (gap == 1 && weekday_date && s.is_mark(last.1, ",")) {
                last.1 = f.1;
                continue;
            }
        }
        merged.push(f);
    }
    merged
        .into_iter()
        .map(|(a, b, kind)| DateExpr {
            span: s.toks[a].span.start..s.toks[b - 1].span.end,
            kind,
        })
        .collect()
}

/// Where a date that starts at `i` really starts, taking in a modifier
/// before it ("late on", "early"), never before token `floor`.
fn modifier_before(s: &Scan, i: usize, floor: usize) -> usize {
    for m in DATE_MODIFIERS.iter() {
        if i >= floor + m.len() && s.phrase(i - m.len(), m) {
            return i - m.len();
        }
    }
    i
}

/// The date expression starting at token `i`, as its length in tokens
/// and its kind.
fn core(s: &Scan, i: usize) -> Option<(usize, DateKind)> {
    if let Some(len) = relative(s, i) {
        return Some((len, DateKind::Relative));
    }
    if let Some(len) = time(s, i) {
        return Some((len, DateKind::Time));
    }
    if let Some(w) = s.word(i) {
        // "mid-March", "mid-2024".
        if let Some(rest) = w.strip_prefix("mid-")
            && (MONTH_NAMES.get(rest).is_some_and(|f| *f == rest)
                || (rest.len() == 4 && rest.parse::<u32>().is_ok()))
        {
            let year = usize::from(s.year(i + 1));
            return Some((1 + year, DateKind::Calendar));
        }
        if WEEKDAY_NAMES.get(w).is_some_and(|f| *f == w) && s.capitalised(i) {
            let part = s.word(i + 1).is_some_and(|p| DAY_PARTS_SET.contains(p));
            return Some((1 + usize::from(part), DateKind::Weekday));
        }
        if let Some(m) = s.month(i) {
            // February 12[, 2025] | February 2025 | February
            if s.day(i + m) && !s.is_mark(i + m + 1, "%") {
                let mut len = m + 1;
                if s.is_mark(i + len, ",") && s.year(i + len + 1) {
                    len += 2;
                } else if s.year(i + len) {
                    len += 1;
                }
                return Some((len, DateKind::Calendar));
            }
            if s.year(i + m) {
                return Some((m + 1, DateKind::Calendar));
            }
            let word = s.word(i)?;
            // "May" and "March" alone are also a verb and a noun: only
            // where a preposition or modifier says they are months.
            let ambiguous = word == "may" || word == "march";
            let cue = i > 0
                && s.word(i - 1).is_some_and(|p| {
                    [
                        "in", "since", "until", "till", "by", "early", "late", "last", "next",
                        "this", "of", "from", "to", "through", "mid", "end", "during", "before",
                        "after",
                    ]
                    .contains(&p)
                });
            if !ambiguous || cue {
                return Some((m, DateKind::Calendar));
            }
            return None;
        }
        return None;
    }
    // 12 February [2025] | 12th of February
    if s.day(i) {
        let of = usize::from(s.word(i + 1) == Some("of"));
        if let Some(m) = s.month(i + 1 + of) {
            let mut len = 1 + of + m;
            if s.is_mark(i + len, ",") && s.year(i + len + 1) {
                len += 2;
            } else if s.year(i + len) {
                len += 1;
            }
            return Some((len, DateKind::Calendar));
        }
    }
    s.year(i).then_some((1, DateKind::Calendar))
}

/// A relative wording at `i`: one of the list, or "N days ago",
/// "two weeks earlier", "a year later".
fn relative(s: &Scan, i: usize) -> Option<usize> {
    if let Some(p) = RELATIVE_DATES.iter().find(|p| s.phrase(i, p)) {
        return Some(p.len());
    }
    let count = if s.int(i).is_some() {
        1
    } else if let Some((words, _)) = NUMBER_WORD_VALUES.iter().find(|(w, _)| s.phrase(i, w)) {
        words.len()
    } else if matches!(s.word(i), Some("a" | "an" | "several" | "few" | "some")) {
        1
    } else {
        return None;
    };
    let unit = s.word(i + count)?;
    let units = [
        "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
        "decade", "decades",
    ];
    if !units.contains(&unit) {
        return None;
    }
    let after = s.word(i + count + 1)?;
    ["ago", "earlier", "later", "before", "after"]
        .contains(&after)
        .then_some(count + 2)
}

/// A time of day at `i`: "3 p.m.", "10.30am", "20:00", "noon".
fn time(s: &Scan, i: usize) -> Option<usize> {
    if let Some(w) = s.word(i) {
        return ["noon", "midday", "midnight"].contains(&w).then_some(1);
    }
    let t = s.toks.get(i)?;
    if t.kind != Kind::Number {
        return None;
    }
    let meridiem = |k: usize| {
        s.word(k)
            .is_some_and(|w| ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"].contains(&w))
    };
    let raw = s.raw(i);
    // 20:00, 9:30 p.m.
    if s.is_mark(i + 1, ":")
        && s.toks.get(i + 2).is_some_and(|n| {
            n.kind == Kind::Number && n.span.start == s.toks[i + 1].span.end && n.span.len() == 2
        })
        && raw.len() <= 2
    {
        return Some(3 + usize::from(meridiem(i + 3)));
    }
    // 3 p.m., 10.30am: the number and its "am" or "pm" written together
    // is one word after it.
    let hour: f64 = raw.parse().ok()?;
    (hour < 13.0 && meridiem(i + 1)).then_some(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<&str> {
        find_dates(text)
            .into_iter()
            .map(|d| &text[d.span])
            .collect()
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(
            dates("It was signed on 12 February 2025."),
            ["12 February 2025"]
        );
        assert_eq!(
            dates("By February 12, 2025, it had."),
            ["February 12, 2025"]
        );
        assert_eq!(
            dates("Since June 2024 and on 3 March."),
            ["June 2024", "3 March"]
        );
        assert_eq!(dates("on the 21st of March"), ["21st of March"]);
        assert_eq!(dates("On Feb. 12 it rained."), ["Feb. 12"]);
        assert_eq!(dates("Talks in September failed."), ["September"]);
        assert_eq!(dates("In the 1990s and in 2024."), ["1990s", "2024"]);
        assert_eq!(
            dates("by mid-March and early June"),
            ["mid-March", "early June"]
        );
    }

    #[test]
    fn weekdays_and_relative_wordings() {
        assert_eq!(dates("It happened late on Friday."), ["late on Friday"]);
        assert_eq!(dates("They met on Tuesday night."), ["Tuesday night"]);
        assert_eq!(
            dates("On Tuesday, 11 February, talks began."),
            ["Tuesday, 11 February"]
        );
        assert_eq!(dates("He left last week."), ["last week"]);
        assert_eq!(
            dates("earlier this year and this month"),
            ["earlier this year", "this month"]
        );
        assert_eq!(
            dates("two days ago, 3 weeks later"),
            ["two days ago", "3 weeks later"]
        );
    }

    #[test]
    fn times_of_day() {
        assert_eq!(dates("at 3 p.m. on Tuesday"), ["3 p.m.", "Tuesday"]);
        assert_eq!(dates("at 20:00 and at noon"), ["20:00", "noon"]);
        assert_eq!(dates("at 10.30 am"), ["10.30 am"]);
    }

    #[test]
    fn what_is_not_a_date() {
        // Money, shares, big numbers and counts are not years.
        assert!(dates("$2024 and 2025% and 2,024 people").is_empty());
        assert!(dates("2024 million").is_empty());
        assert!(dates("Resolution 2231 and 1200 troops").is_empty());
        // "may" and "march" as words; a month name uncapitalised.
        assert!(dates("They may march to the square. May they win.").is_empty());
        assert!(dates("the june bug").is_empty());
        // Weekday abbreviations alone are not weekdays; nor "Sun" the paper.
        assert!(dates("The Sun reported it.").is_empty());
        assert!(dates("The 12 members voted.").is_empty());
        assert!(dates("a few days of talks").is_empty());
    }

    #[test]
    fn may_and_march_with_a_cue() {
        assert_eq!(dates("It ended in May."), ["May"]);
        assert_eq!(dates("from March to May 2025"), ["March", "May 2025"]);
    }
}
