//! Partial and uncertain dates: a subset of EDTF (ISO 8601-2, levels 0–1).
//!
//! Accepted forms: `2025-02-12`, `2025-02`, `2025`, each optionally
//! followed by `?` (uncertain), `~` (approximate) or `%` (both); `2025-02-XX`
//! and `2025-XX` (unspecified parts); intervals `A/B`, with `..` for an open
//! end and an empty side for an unknown one.

use std::fmt;

use fluent_bundle::FluentValue;

/// One end of a date: a day, a month or a year, with qualifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    /// The year.
    pub year: i32,
    /// The month (1–12), when known.
    pub month: Option<u8>,
    /// The day of the month, when known.
    pub day: Option<u8>,
    /// `?`: the source is unsure of it.
    pub uncertain: bool,
    /// `~`: it is approximate.
    pub approximate: bool,
}

/// An end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// A known point.
    Point(Point),
    /// `..`: the interval runs on with no stated end.
    Open,
    /// Empty: the end exists but is not known.
    Unknown,
}

/// A parsed EDTF date: one point, or an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edtf {
    /// A single day, month or year.
    Point(Point),
    /// From one bound to another.
    Interval(Bound, Bound),
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// What is wrong, in plain words.
    pub message: String,
}

fn err<T>(message: impl Into<String>) -> Result<T, DateError> {
    Err(DateError {
        message: message.into(),
    })
}

/// The months' English names, January first: the names diagnostics,
/// `--published` and the drafter read and write (a briefing's own month
/// names come from the messages).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The days of the week's English names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Days since 1970-01-01 of a day of the calendar (proleptic Gregorian).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(month) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day of the calendar `days` days after 1970-01-01.
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// The day of the week of a day count, 0 for Monday (1970-01-01 was a
/// Thursday).
pub fn weekday_of(days: i64) -> usize {
    (days + 3).rem_euclid(7) as usize
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn parse_point(s: &str) -> Result<Point, DateError> {
    let (body, uncertain, approximate) = match s.as_bytes().last() {
        Some(b'?') => (&s[..s.len() - 1], true, false),
        Some(b'~') => (&s[..s.len() - 1], false, true),
        Some(b'%') => (&s[..s.len() - 1], true, true),
        _ => (s, false, false),
    };
    let parts: Vec<&str> = body.split('-').collect();
    let shaped = parts
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit() || b == b'X'))
        && parts.first().is_some_and(|y| y.len() == 4);
    if parts.len() > 3 || parts.iter().any(|p| p.is_empty()) || !shaped {
        return err(format!(
            "`{s}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        ));
    }
    let digits = |p: &str, n: usize, what: &str| -> Result<Option<u32>, DateError> {
        if p.len() != n {
            return err(format!("the {what} in `{s}` must have {n} digits"));
        }
        if p.bytes().all(|b| b == b'X') {
            return Ok(None);
        }
        if !p.bytes().all(|b| b.is_ascii_digit()) {
            return err(format!(
                "the {what} in `{s}` must be digits (or `X` for unspecified)"
            ));
        }
        Ok(p.parse().ok())
    };
    let Some(year) = digits(parts[0], 4, "year")? else {
        return err(format!(
            "`{s}` leaves the year unspecified; leave the date out instead"
        ));
    };
    let month = match parts.get(1) {
        Some(p) => digits(p, 2, "month")?,
        None => None,
    };
    let day = match parts.get(2) {
        Some(p) => digits(p, 2, "day")?,
        None => None,
    };
    if parts.len() == 3 && month.is_none() && day.is_some() {
        return err(format!("`{s}` gives a day but not its month"));
    }
    let year = year as i32;
    let month = match month {
        Some(m) if !(1..=12).contains(&m) => {
            return err(format!(
                "month {m:02} in `{s}` does not exist (months run 01–12)"
            ));
        }
        m => m.map(|m| m as u8),
    };
    let day = match (day, month) {
        (Some(d), Some(m)) if d == 0 || d > u32::from(days_in_month(year, m)) => {
            return err(format!(
                "{} {year} has no day {d}",
                MONTH_NAMES[usize::from(m) - 1]
            ));
        }
        (d, _) => d.map(|d| d as u8),
    };
    Ok(Point {
        year,
        month,
        day,
        uncertain,
        approximate,
    })
}

impl Edtf {
    /// Parses an EDTF string.
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let s = s.trim();
        if s.is_empty() {
            return err("the date is empty");
        }
        match s.split_once('/') {
            None => parse_point(s).map(Edtf::Point),
            Some((a, b)) => {
                let bound = |x: &str| -> Result<Bound, DateError> {
                    match x {
                        "" => Ok(Bound::Unknown),
                        ".." => Ok(Bound::Open),
                        _ => parse_point(x).map(Bound::Point),
                    }
                };
                let (start, end) = (bound(a)?, bound(b)?);
                if let (Bound::Point(p), Bound::Point(q)) = (start, end)
                    && p.first_day() > q.last_day()
                {
                    return err(format!("the interval `{s}` ends before it starts"));
                }
                if matches!(start, Bound::Point(_)) || matches!(end, Bound::Point(_)) {
                    Ok(Edtf::Interval(start, end))
                } else {
                    err(format!("the interval `{s}` has no known end"))
                }
            }
        }
    }

    /// The earliest day the date can mean, as `(year, month, day)`, if any.
    pub fn earliest(&self) -> Option<(i32, u8, u8)> {
        match self {
            Edtf::Point(p) | Edtf::Interval(Bound::Point(p), _) => Some(p.first_day()),
            Edtf::Interval(_, Bound::Point(q)) => Some(q.first_day()),
            Edtf::Interval(..) => None,
        }
    }

    /// The latest day the date can mean, if bounded.
    pub fn latest(&self) -> Option<(i32, u8, u8)> {
        match self {
            Edtf::Point(p) | Edtf::Interval(_, Bound::Point(p)) => Some(p.last_day()),
            Edtf::Interval(Bound::Point(p), Bound::Unknown) => Some(p.last_day()),
            Edtf::Interval(..) => None,
        }
    }

    /// Whether any part is marked uncertain or approximate, or it is an
    /// interval: the exact day is then not known.
    pub fn is_exact_day(&self) -> bool {
        matches!(self, Edtf::Point(p) if p.day.is_some() && !p.uncertain && !p.approximate)
    }

    /// Whether the given part of the date is present.
    pub fn has_part(&self, part: &str) -> bool {
        let pts: Vec<&Point> = match self {
            Edtf::Point(p) => vec![p],
            Edtf::Interval(a, b) => [a, b]
                .into_iter()
                .filter_map(|b| match b {
                    Bound::Point(p) => Some(p),
                    _ => None,
                })
                .collect(),
        };
        pts.iter().any(|p| match part {
            "year" => true,
            "month" => p.month.is_some(),
            _ => p.day.is_some(),
        })
    }
}

impl Point {
    fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    fn last_day(&self) -> (i32, u8, u8) {
        let m = self.month.unwrap_or(12);
        (
            self.year,
            m,
            self.day.unwrap_or(days_in_month(self.year, m)),
        )
    }

    /// The point in the reader's language: `12 February 2025`,
    /// `February 2025`, `2025`; the month's form and the order come from
    /// the messages, so `12. Februar 2025` and `12 февраля 2025 г.` too.
    fn plain(&self) -> String {
        let w = crate::i18n::words();
        let year = || FluentValue::from(self.year.to_string());
        match (self.month, self.day) {
            (Some(m), Some(d)) => w.msg(
                "date-day",
                &[
                    ("day", FluentValue::from(d)),
                    ("month", w.get(&format!("month-of-{m}")).into()),
                    ("year", year()),
                ],
            ),
            (Some(m), None) => w.msg(
                "date-month",
                &[
                    ("month", w.get(&format!("month-{m}")).into()),
                    ("year", year()),
                ],
            ),
            _ => w.msg("date-year", &[("year", year())]),
        }
    }
}

impl Point {
    /// The point in words without any bracketed note (`about June 2024`),
    /// and whether it is uncertain: callers gather the notes into one pair
    /// of brackets, so that dates never print nested ones.
    fn phrase(&self) -> (String, bool) {
        let plain = self.plain();
        let s = if self.approximate {
            crate::i18n::words().msg("date-about", &[("date", plain.into())])
        } else {
            plain
        };
        (s, self.uncertain)
    }

    /// The day of the week in the reader's language, for a point known
    /// to the day.
    pub fn weekday_name(&self) -> Option<String> {
        let n = self.weekday_number()?;
        Some(crate::i18n::words().get(&format!("weekday-{n}")))
    }

    /// The day of the week (`Monday`), for a point known to the day: the
    /// English name diagnostics use.
    pub fn weekday(&self) -> Option<&'static str> {
        Some(WEEKDAY_NAMES[self.weekday_number()? - 1])
    }

    /// The day of the week from 1 (Monday) to 7 (Sunday).
    fn weekday_number(&self) -> Option<usize> {
        Some(weekday_of(days_from_civil(self.year, self.month?, self.day?)) + 1)
    }
}

impl Edtf {
    /// The date in words and the notes that go in brackets after it
    /// (`uncertain`, `end unknown`), kept apart so that a caller adding
    /// its own notes prints a single pair of brackets.
    pub fn phrase(&self) -> (String, Vec<String>) {
        let w = crate::i18n::words();
        let mut notes = Vec::new();
        let text = match self {
            Edtf::Point(p) => {
                let (s, unsure) = p.phrase();
                if unsure {
                    notes.push(w.get("note-uncertain"));
                }
                s
            }
            Edtf::Interval(a, b) => {
                let side = |bound: &Bound| match bound {
                    Bound::Point(p) => Some(p.phrase()),
                    _ => None,
                };
                let (sa, sb) = (side(a), side(b));
                match (sa.as_ref().map(|x| x.1), sb.as_ref().map(|x| x.1)) {
                    (Some(true), Some(true)) => notes.push(w.get("note-uncertain")),
                    (Some(true), _) => notes.push(w.get("note-start-uncertain")),
                    (_, Some(true)) => notes.push(w.get("note-end-uncertain")),
                    _ => {}
                }
                match (a, b, sa, sb) {
                    (_, _, Some((x, _)), Some((y, _))) => {
                        w.msg("date-between", &[("start", x.into()), ("end", y.into())])
                    }
                    (_, Bound::Open, Some((x, _)), None) => {
                        w.msg("date-from-onwards", &[("start", x.into())])
                    }
                    (_, _, Some((x, _)), None) => {
                        notes.push(w.get("note-end-unknown"));
                        w.msg("date-from", &[("start", x.into())])
                    }
                    (Bound::Open, _, None, Some((y, _))) => {
                        w.msg("date-until", &[("end", y.into())])
                    }
                    (_, _, None, Some((y, _))) => {
                        notes.push(w.get("note-start-unknown"));
                        w.msg("date-until", &[("end", y.into())])
                    }
                    _ => w.get("date-unknown-interval"),
                }
            }
        };
        (text, notes)
    }

    /// The single point of a date that is one, for its day of the week.
    pub fn point(&self) -> Option<&Point> {
        match self {
            Edtf::Point(p) => Some(p),
            Edtf::Interval(..) => None,
        }
    }
}

impl fmt::Display for Point {
    /// Reader-facing form: `12 February 2025`, `about June 2024`,
    /// `2014 (uncertain)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Edtf::Point(*self), f)
    }
}

impl fmt::Display for Edtf {
    /// Reader-facing form: the phrase, then its notes in one pair of
    /// brackets (`from 12 February 2025 (end unknown)`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (text, notes) = self.phrase();
        f.write_str(&text)?;
        if !notes.is_empty() {
            write!(f, " ({})", notes.join("; "))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_levels_zero_and_one() {
        assert_eq!(
            Edtf::parse("2025-02-12").unwrap().to_string(),
            "12 February 2025"
        );
        assert_eq!(Edtf::parse("2024-06").unwrap().to_string(), "June 2024");
        assert_eq!(Edtf::parse("2014").unwrap().to_string(), "2014");
        assert_eq!(
            Edtf::parse("2025-02~").unwrap().to_string(),
            "about February 2025"
        );
        assert_eq!(
            Edtf::parse("2025-02-12?").unwrap().to_string(),
            "12 February 2025 (uncertain)"
        );
        assert_eq!(
            Edtf::parse("2025-02-XX").unwrap().to_string(),
            "February 2025"
        );
        assert_eq!(
            Edtf::parse("2025-02-20/2025-02-23").unwrap().to_string(),
            "between 20 February 2025 and 23 February 2025"
        );
        assert_eq!(
            Edtf::parse("2025-02-12/..").unwrap().to_string(),
            "from 12 February 2025 onwards"
        );
    }

    #[test]
    fn refuses_impossible_dates() {
        assert!(
            Edtf::parse("2025-02-30")
                .unwrap_err()
                .message
                .contains("no day 30")
        );
        assert!(Edtf::parse("2024-02-29").is_ok());
        assert!(
            Edtf::parse("2025-13")
                .unwrap_err()
                .message
                .contains("month 13")
        );
        assert!(Edtf::parse("Feb 12").is_err());
        assert!(Edtf::parse("25-02-12").is_err());
        assert!(Edtf::parse("2025-02-23/2025-02-20").is_err());
        assert!(Edtf::parse("../..").is_err());
        assert!(Edtf::parse("").is_err());
    }

    #[test]
    fn weekdays_are_those_of_the_calendar() {
        let day = |s: &str| Edtf::parse(s).unwrap().point().unwrap().weekday();
        assert_eq!(day("1970-01-01"), Some("Thursday"));
        assert_eq!(day("2031-05-13"), Some("Tuesday"));
        assert_eq!(day("2025-02-12"), Some("Wednesday"));
        assert_eq!(day("2000-02-29"), Some("Tuesday"));
        assert_eq!(day("1900-03-01"), Some("Thursday"));
        assert_eq!(day("2025-02"), None);
    }

    #[test]
    fn interval_notes_never_nest_brackets() {
        let text = Edtf::parse("2025-02-12?/2025-02-20?").unwrap().to_string();
        assert_eq!(
            text,
            "between 12 February 2025 and 20 February 2025 (uncertain)"
        );
        let text = Edtf::parse("2025-02-12?/").unwrap().to_string();
        assert_eq!(text, "from 12 February 2025 (start uncertain; end unknown)");
    }

    #[test]
    fn ranges_order_partial_dates() {
        let month = Edtf::parse("2025-02").unwrap();
        assert_eq!(month.earliest(), Some((2025, 2, 1)));
        assert_eq!(month.latest(), Some((2025, 2, 28)));
        let open = Edtf::parse("../2025").unwrap();
        assert_eq!(open.earliest(), Some((2025, 1, 1)));
    }
}
