//! Dates as sources give them: the raw form in a brief, and the checks
//! that what is said to be inferred is there to infer.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::checker::Checker;
use super::text::{join_and_str, opt};
use crate::date::Edtf;
use crate::diagnostic::Diagnostic;
use crate::pos::Pos;

/// A date as a source gives it. In YAML, either a plain EDTF string (the
/// shorthand for a date the source states exactly as written, e.g.
/// `2025-02-12`) or a map in the [`DateFull`] form that keeps the wording
/// and says what was inferred.
#[derive(Debug, Clone)]
pub struct DateSpec {
    /// The normalised date, when it can be worked out.
    pub value: Option<Edtf>,
    /// The wording in the source.
    pub stated: Option<String>,
    /// Parts of `value` inferred rather than stated.
    pub inferred: Vec<DatePart>,
    /// How the inferred parts were worked out.
    pub basis: Option<String>,
    /// Where the date was written.
    pub pos: Pos,
}

/// A date with its wording kept.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DateFull {
    /// The normalised date in EDTF (levels 0–1): `2025-02-12`, `2025-02`,
    /// `2025`, `2025-02-12?` (uncertain), `2025-02~` (approximate),
    /// `2025-02-XX` (day unspecified), `2025-02-20/2025-02-23` (interval),
    /// `2025-02-12/..` (open end). Leave out when it cannot be worked out.
    #[serde(default)]
    pub value: Option<Edtf>,
    /// The wording in the source (e.g. `February 12`, `end of the week`).
    #[serde(default)]
    pub stated: Option<String>,
    /// Parts of `value` not stated by the source but inferred by the
    /// author: any of `year`, `month`, `day`.
    #[serde(default)]
    pub inferred: Vec<DatePart>,
    /// How the inferred parts were worked out.
    #[serde(default)]
    pub basis: Option<String>,
}

/// A part of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DatePart {
    /// The year.
    Year,
    /// The month.
    Month,
    /// The day.
    Day,
}

impl DatePart {
    /// The part's name, as written in `inferred`.
    pub fn name(self) -> &'static str {
        match self {
            DatePart::Year => "year",
            DatePart::Month => "month",
            DatePart::Day => "day",
        }
    }
}

impl DateSpec {
    /// Checks that the date says something, and that every part it says
    /// was inferred is in its value.
    pub(crate) fn check(&self, c: &mut impl Checker) {
        let d = self;
        match &d.value {
            None if !d.inferred.is_empty() => c.push(
                Diagnostic::error(
                    "invalid-date",
                    d.pos,
                    "`inferred` names parts of a date, but there is no `value`",
                )
                .with_label("no `value`")
                .with_help("add the inferred `value`, or remove `inferred`"),
            ),
            None if d.stated.is_none() => c.push(
                Diagnostic::error(
                    "invalid-date",
                    d.pos,
                    "the date has neither a `value` nor a `stated` wording",
                )
                .with_label("no `value` or `stated`")
                .with_help("leave the date out when nothing is known of it"),
            ),
            Some(value) => {
                for part in &d.inferred {
                    let name = part.name();
                    if !value.has_part(name) {
                        c.push(
                            Diagnostic::error(
                                "invalid-date",
                                d.pos,
                                format!(
                                    "`inferred` lists the {name}, but the date `value` has no {name}"
                                ),
                            )
                            .with_label(format!("no {name} in `value`"))
                            .with_help(format!(
                                "remove `{name}` from `inferred`, or give the inferred {name} in `value`"
                            )),
                        );
                    }
                }
                if !d.inferred.is_empty() && d.stated.is_none() {
                    c.push(
                        Diagnostic::warning(
                            "inferred-without-wording",
                            d.pos,
                            "the date is partly inferred but the source's wording is not kept",
                        )
                        .with_label("no `stated` wording")
                        .with_help("add `stated:` with the date as the source words it"),
                    );
                }
            }
            None => {}
        }
    }
}

/// A date as a reader should see it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DateView {
    /// The one phrase to print: the source's wording where kept, with the
    /// normalised date and what was inferred or approximate, never an
    /// inferred date presented as stated (e.g. `February 12 (year not
    /// stated; inferred: 12 February 2025)`).
    pub text: String,
    /// The source's wording, if kept.
    pub stated: Option<String>,
    /// The normalised date in words (`12 February 2025`), if known.
    pub normalised: Option<String>,
    /// The EDTF value (`2025-02-12`), if known; for machine-readable
    /// attributes such as `<time datetime>` when `exact` is true.
    pub edtf: Option<String>,
    /// Whether the source states an exact day (nothing inferred,
    /// approximate or uncertain).
    pub exact: bool,
    /// Parts inferred by the author: `year`, `month`, `day`.
    #[schemars(with = "Vec<String>")]
    pub inferred: Vec<DatePart>,
    /// How the inferred parts were worked out.
    pub basis: Option<String>,
    /// The parsed value, for charts; templates have `edtf`.
    #[serde(skip)]
    #[schemars(skip)]
    pub(crate) value: Option<Edtf>,
    /// `day`, `month`, `year`, or `unknown`.
    #[schemars(with = "String")]
    pub precision: DatePrecision,
}

/// How finely a date is known: the finest part its value gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePrecision {
    /// To the day.
    Day,
    /// To the month.
    Month,
    /// To the year, or a period between dates.
    Year,
    /// No date was worked out.
    Unknown,
}

impl DatePrecision {
    /// The precision of a date's value: that of its first bound with a
    /// date, or a year for an interval whose bounds are both open.
    fn of(value: Option<&Edtf>) -> DatePrecision {
        use crate::date::Bound;
        let p = match value {
            None => return DatePrecision::Unknown,
            Some(Edtf::Point(p) | Edtf::Interval(Bound::Point(p), _)) => p,
            Some(Edtf::Interval(Bound::Open | Bound::Unknown, Bound::Point(p))) => p,
            Some(Edtf::Interval(Bound::Open | Bound::Unknown, Bound::Open | Bound::Unknown)) => {
                return DatePrecision::Year;
            }
        };
        match (p.month, p.day) {
            (_, Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            (None, None) => DatePrecision::Year,
        }
    }

    /// The precision in words: `day`, `month`, `year` or `unknown`.
    pub fn text(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Unknown => "unknown",
        }
    }
}

impl Serialize for DatePrecision {
    /// Templates see the precision in words, as [`DatePrecision::text`] gives it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text())
    }
}

impl Serialize for DatePart {
    /// Templates see the part's name, as [`DatePart::name`] gives it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// The reader-facing form of a date. The principle: never print an
/// inferred or approximate date as if the source had stated it.
pub(crate) fn date_view(d: &DateSpec) -> DateView {
    let stated = opt(&d.stated);
    let normalised = d.value.as_ref().map(|v| v.to_string());
    let inferred: Vec<&'static str> = d.inferred.iter().map(|p| p.name()).collect();
    let exact = d.inferred.is_empty() && d.value.as_ref().is_some_and(Edtf::is_exact_day);
    let text = match (&stated, &normalised) {
        (Some(s), Some(n)) if !inferred.is_empty() => {
            format!(
                "{s} ({} not stated; inferred: {n})",
                join_and_str(&inferred)
            )
        }
        (None, Some(n)) if !inferred.is_empty() => {
            format!("{n} ({} inferred)", join_and_str(&inferred))
        }
        (Some(s), Some(n)) if s.eq_ignore_ascii_case(n) => s.clone(),
        (Some(s), Some(n)) => format!("{s} ({n})"),
        (None, Some(n)) => n.clone(),
        (Some(s), None) => format!("{s} (exact date unknown)"),
        (None, None) => "date unknown".to_string(),
    };
    DateView {
        text,
        stated,
        edtf: d.value.as_ref().map(|_| edtf_string(d)),
        normalised,
        exact,
        inferred: d.inferred.clone(),
        basis: opt(&d.basis),
        precision: DatePrecision::of(d.value.as_ref()),
        value: d.value,
    }
}

fn edtf_string(d: &DateSpec) -> String {
    use crate::date::{Bound, Point};
    fn point(p: &Point) -> String {
        let mut s = format!("{:04}", p.year);
        if let Some(m) = p.month {
            s.push_str(&format!("-{m:02}"));
        }
        if let Some(day) = p.day {
            s.push_str(&format!("-{day:02}"));
        }
        s.push_str(match (p.uncertain, p.approximate) {
            (true, true) => "%",
            (true, false) => "?",
            (false, true) => "~",
            _ => "",
        });
        s
    }
    let bound = |b: &Bound| match b {
        Bound::Point(p) => point(p),
        Bound::Open => "..".to_string(),
        Bound::Unknown => String::new(),
    };
    match d.value.as_ref() {
        Some(Edtf::Point(p)) => point(p),
        Some(Edtf::Interval(a, b)) => format!("{}/{}", bound(a), bound(b)),
        None => String::new(),
    }
}

/// The parts of a date (year, month, day) that a source's wording gives,
/// in that order. A year is a 4-digit number; a month is a month's name or
/// abbreviation, or a numeric date (`12/02`); a day is a number next to a
/// month's name, an ordinal (`12th`), or a numeric date. A weekday
/// ("Tuesday") and relative words ("last week") give none of them: a part
/// the wording does not give was inferred by the author.
pub(crate) fn parts_given(stated: &str) -> Vec<DatePart> {
    // Words and numbers in order; a numeric date (`12/02/2025`, `2025-02-12`)
    // stays one token, so that its parts are seen together.
    let tokens: Vec<&str> = stated
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '/' | '.' | '-')))
        .map(|t| t.trim_matches(|c| matches!(c, '/' | '.' | '-')))
        .filter(|t| !t.is_empty())
        .collect();
    let is_month = |t: &str| month_word(t);
    let is_day_number =
        |t: &str| t.len() <= 2 && t.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n));
    let (mut year, mut month, mut day) = (false, false, false);
    for (i, t) in tokens.iter().enumerate() {
        let numeric: Vec<&str> = t.split(['/', '.', '-']).collect();
        if numeric.len() >= 2 && numeric.iter().all(|p| is_digits(p)) {
            // A numeric date: its parts give month and day, and the year
            // when one of them has four digits or it has three parts.
            month = true;
            day = true;
            year |= numeric.len() == 3 || numeric.iter().any(|p| p.len() == 4);
            continue;
        }
        if t.len() == 4 && is_digits(t) {
            year = true;
        } else if is_month(t) {
            month = true;
        } else if is_ordinal(t) {
            day = true;
        } else if is_day_number(t) {
            let next_to_month = (i > 0 && is_month(tokens[i - 1]))
                || tokens.get(i + 1).is_some_and(|n| is_month(n))
                || (i > 1 && tokens[i - 1].eq_ignore_ascii_case("of") && is_month(tokens[i - 2]))
                || tokens
                    .get(i + 1)
                    .is_some_and(|n| n.eq_ignore_ascii_case("of"))
                    && tokens.get(i + 2).is_some_and(|n| is_month(n));
            day |= next_to_month;
        }
    }
    let mut out = Vec::new();
    for (given, part) in [
        (year, DatePart::Year),
        (month, DatePart::Month),
        (day, DatePart::Day),
    ] {
        if given {
            out.push(part);
        }
    }
    out
}

/// The parts of a date's value that its `stated` wording does not give
/// and `inferred` does not list: parts the author inferred without saying
/// so. Empty when the date has no wording or no value.
pub(crate) fn unmarked_inferred_parts(d: &DateSpec) -> Vec<DatePart> {
    let (Some(value), Some(stated)) = (&d.value, &d.stated) else {
        return Vec::new();
    };
    let given = parts_given(stated);
    [DatePart::Year, DatePart::Month, DatePart::Day]
        .into_iter()
        .filter(|p| value.has_part(p.name()) && !given.contains(p) && !d.inferred.contains(p))
        .collect()
}

fn is_digits(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// A day written as an ordinal number: `1st`, `12th`, `22nd`.
fn is_ordinal(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    ["st", "nd", "rd", "th"].iter().any(|suffix| {
        lower
            .strip_suffix(suffix)
            .is_some_and(|n| n.len() <= 2 && is_digits(n))
    })
}

/// A month's name, or its abbreviation when capitalised (`Mar`, not the
/// verb "mar"; `May` as written).
fn month_word(t: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = t.to_lowercase();
    let capitalised = t.chars().next().is_some_and(char::is_uppercase);
    MONTHS.iter().any(|m| {
        if lower == *m {
            // "may" in lower case is the verb.
            return *m != "may" || capitalised;
        }
        capitalised
            && lower.len() >= 3
            && (m.starts_with(&lower) || (lower == "sept" && *m == "september"))
    })
}

#[cfg(test)]
mod parts_tests {
    use super::{DatePart, parts_given};
    use DatePart::{Day, Month, Year};

    #[test]
    fn wording_gives_the_parts_it_names() {
        for (stated, want) in [
            ("Tuesday", vec![]),
            ("last week", vec![]),
            ("February 12", vec![Month, Day]),
            ("12 February", vec![Month, Day]),
            ("12 Feb. 2025", vec![Year, Month, Day]),
            ("the 12th", vec![Day]),
            ("June 2024", vec![Year, Month]),
            ("in 2024", vec![Year]),
            ("12/02", vec![Month, Day]),
            ("12.02.2025", vec![Year, Month, Day]),
            ("the 3rd of March", vec![Month, Day]),
            ("end of the week", vec![]),
            ("talks may resume on 12", vec![]),
            ("early May", vec![Month]),
            ("20 soldiers in March", vec![Month]),
        ] {
            assert_eq!(parts_given(stated), want, "{stated}");
        }
    }
}
