//! Dates: the date expressions of a sentence ("12 March 2030", "June
//! 2024", "on Tuesday", "late on Friday", "last week", "in June"), each
//! as a [`DraftDate`] with the article's wording in `stated`.
//!
//! What the wording gives is given; what it does not (the year of "3
//! March", the whole date of "on Tuesday") is resolved only against the
//! publication date, always listed in `inferred` with a `basis` saying
//! how. Without a publication date such a date keeps its wording alone.
//!
//! A weekday is the nearest such day before the publication date when
//! its clause is in the past, after it when the event is to come (a
//! word of `data/future-words.txt` before it in its clause), and the day
//! itself when it is the publication day; "last week" is the Monday to
//! Sunday week before the publication date's; a month without a year is
//! the last such month up to the publication date, or the first from it
//! for an event to come.

use std::ops::Range;

use super::model::DraftDate;
use super::{Context, Dated, words::FUTURE_WORDS};
use crate::date::{
    MONTH_NAMES as MONTHS, Point, WEEKDAY_NAMES as WEEKDAYS, civil_from_days, days_from_civil,
    weekday_of as weekday,
};
use crate::scan::dates::DateKind;
use crate::scan::find_dates;
use crate::scan::words::{DAY_PARTS_SET, MONTH_NAMES, WEEKDAY_NAMES};

fn day_text(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The publication day as a count of days, when the date has a day.
fn published_day(p: &Point) -> Option<i64> {
    Some(days_from_civil(p.year, p.month?, p.day?))
}

/// "Wednesday 14 May 2031", "May 2031" or "2031": the publication date
/// as a basis names it, to the precision asked.
fn dated(p: &Point, precision: Precision) -> String {
    match (precision, p.month, p.day) {
        (Precision::Day, Some(m), Some(d)) => format!(
            "{} {d} {} {}",
            WEEKDAYS[weekday(days_from_civil(p.year, m, d))],
            MONTHS[usize::from(m) - 1],
            p.year
        ),
        (Precision::Month | Precision::Day, Some(m), _) => {
            format!("{} {}", MONTHS[usize::from(m) - 1], p.year)
        }
        (Precision::Year, Some(m), Some(d)) => {
            format!("{d} {} {}", MONTHS[usize::from(m) - 1], p.year)
        }
        _ => p.year.to_string(),
    }
}

#[derive(Clone, Copy)]
enum Precision {
    Day,
    Month,
    Year,
}

/// Whether the words of `clause` before a date put it in the future.
pub fn is_future(clause: &str) -> bool {
    let words: Vec<String> = clause
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect();
    FUTURE_WORDS.iter().any(|f| {
        if f.len() == 1 && f[0].starts_with('\'') {
            return words.iter().any(|w| w.ends_with(f[0]));
        }
        words
            .windows(f.len())
            .any(|w| w.iter().zip(f).all(|(a, b)| a == b))
    })
}

/// The start of the clause holding byte `at` of `sentence`: after the
/// last comma, semicolon, colon, dash or bracket before it.
pub fn clause_start(text: &str, sentence: &Range<usize>, at: usize) -> usize {
    let before = &text[sentence.start..at];
    before
        .rfind([',', ';', ':', '–', '—', '(', ')'])
        .map_or(sentence.start, |i| {
            let c = before[i..].chars().next().map_or(1, char::len_utf8);
            sentence.start + i + c
        })
}

/// The end of the clause holding byte `at` of `sentence`.
pub fn clause_end(text: &str, sentence: &Range<usize>, at: usize) -> usize {
    let after = &text[at..sentence.end];
    after
        .find([',', ';', ':', '–', '—', '(', ')'])
        .map_or(sentence.end, |i| at + i)
}

/// Words before a date that belong to its wording ("on Tuesday", "by
/// Thursday", "since March", "in June").
const PREPOSITIONS: [&str; 6] = ["on", "in", "by", "since", "at", "until"];

/// The date expressions of a sentence, as spans of the article, their
/// kind, times of day left out.
pub fn expressions(cx: &Context, sentence: &Range<usize>) -> Vec<(Range<usize>, DateKind)> {
    if let Some(i) = cx.sentence_index(sentence.start)
        && cx.sentences[i] == *sentence
        && let Some(found) = cx.dates.get(i)
    {
        return found.clone();
    }
    find_expressions(cx.text, sentence)
}

/// The date expressions of `sentence` of `text`, found anew.
pub fn find_expressions(text: &str, sentence: &Range<usize>) -> Vec<(Range<usize>, DateKind)> {
    find_dates(&text[sentence.clone()])
        .into_iter()
        .filter(|d| d.kind != DateKind::Time)
        .map(|d| {
            (
                sentence.start + d.span.start..sentence.start + d.span.end,
                d.kind,
            )
        })
        .collect()
}

/// The date at `span` of `sentence`, resolved against the publication
/// date when its wording leaves parts out; `future` says the event is
/// to come (else the clause before the date decides).
pub fn resolve(
    cx: &Context,
    sentence: &Range<usize>,
    span: Range<usize>,
    future: Option<bool>,
) -> Option<DraftDate> {
    let text = cx.text;
    let future = future
        .unwrap_or_else(|| is_future(&text[clause_start(text, sentence, span.start)..span.start]));
    // The preposition before it is part of its wording.
    let mut start = span.start;
    let before = text[sentence.start..span.start].trim_end();
    if let Some(w) = before.rsplit(' ').next()
        && PREPOSITIONS.contains(&w.to_lowercase().as_str())
        && before.len() >= w.len()
    {
        start = sentence.start + before.len() - w.len();
    }
    let stated = text[start..span.end].to_owned();
    let words: Vec<String> = text[span.clone()]
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut date = DraftDate {
        stated,
        ..DraftDate::default()
    };
    let p = cx.published;
    let today = p.as_ref().and_then(published_day);
    // A weekday.
    if let Some(wd) = words
        .iter()
        .find_map(|w| WEEKDAY_NAMES.get(w.as_str()))
        .and_then(|full| WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(full)))
    {
        let (Some(p), Some(today)) = (p, today) else {
            return Some(date);
        };
        let now = weekday(today);
        let (day, how) = if wd == now {
            (today, "of")
        } else if future {
            (today + ((wd + 7 - now) % 7) as i64, "after")
        } else {
            (today - ((now + 7 - wd) % 7) as i64, "before")
        };
        date.value = Some(day_text(day));
        date.inferred = vec!["year", "month", "day"];
        date.basis = Some(format!(
            "The {} {how} the article, dated {}.",
            WEEKDAYS[wd],
            dated(&p, Precision::Day)
        ));
        return Some(date);
    }
    // A day of the calendar, a month, a year.
    let month = words.iter().find_map(|w| {
        let full = MONTH_NAMES.get(w.as_str())?;
        MONTHS
            .iter()
            .position(|m| m.eq_ignore_ascii_case(full))
            .map(|i| i as u8 + 1)
    });
    let numbers: Vec<u32> = words
        .iter()
        .filter_map(|w| w.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok())
        .collect();
    let year = numbers
        .iter()
        .find(|n| (1000..=9999).contains(*n))
        .map(|n| *n as i32);
    let day = numbers
        .iter()
        .find(|n| (1..=31).contains(*n))
        .map(|n| *n as u8);
    if month.is_some() || year.is_some() {
        match (year, month, day) {
            (Some(y), Some(m), Some(d)) => {
                let v = format!("{y:04}-{m:02}-{d:02}");
                crate::date::Edtf::parse(&v).ok()?;
                date.value = Some(v);
            }
            (Some(y), Some(m), None) => date.value = Some(format!("{y:04}-{m:02}")),
            (Some(y), None, _) => date.value = Some(format!("{y:04}")),
            (None, Some(m), d) => {
                let Some(p) = p else { return Some(date) };
                let (Some(pm), pd) = (p.month, p.day) else {
                    return Some(date);
                };
                // The year: the last such day or month up to the
                // publication date, or the first from it.
                let key = |m: u8, d: Option<u8>| (m, d.unwrap_or(0));
                let later = key(m, d) > key(pm, if d.is_some() { pd } else { None });
                let same = key(m, d) == key(pm, if d.is_some() { pd } else { None });
                let y = if same {
                    p.year
                } else if future && !later {
                    p.year + 1
                } else if !future && later {
                    p.year - 1
                } else {
                    p.year
                };
                let wording = match d {
                    Some(d) => format!("{d} {}", MONTHS[usize::from(m) - 1]),
                    None => MONTHS[usize::from(m) - 1].to_owned(),
                };
                let v = match d {
                    Some(d) => format!("{y:04}-{m:02}-{d:02}"),
                    None => format!("{y:04}-{m:02}"),
                };
                crate::date::Edtf::parse(&v).ok()?;
                date.value = Some(v);
                date.inferred = vec!["year"];
                let how = if same {
                    "of"
                } else if future {
                    "after"
                } else {
                    "before"
                };
                let which = if same {
                    String::new()
                } else if future {
                    "first ".to_owned()
                } else {
                    "last ".to_owned()
                };
                let precision = if d.is_some() {
                    Precision::Year
                } else {
                    Precision::Month
                };
                date.basis = Some(format!(
                    "The {which}{wording} {how} the article, dated {}.",
                    dated(&p, precision)
                ));
            }
            (None, None, _) => return None,
        }
        return Some(date);
    }
    // A time relative to the telling: a day, or a week, month or year
    // counted from the publication date's. Anything else ("two days
    // after", "four years ago", "overnight") is left out: it dates
    // nothing by itself.
    let has = |w: &str| words.iter().any(|x| x == w);
    let unit = ["week", "month", "year"].into_iter().find(|u| has(u));
    let shift: i64 = if has("yesterday") || (has("last") && (has("night") || unit.is_some())) {
        -1
    } else if has("tomorrow") || (unit.is_some() && (has("next") || has("following"))) {
        1
    } else if has("today")
        || has("tonight")
        || (has("this")
            && (unit.is_some() || words.iter().any(|w| DAY_PARTS_SET.contains(w.as_str()))))
    {
        0
    } else {
        return None;
    };
    if unit.is_some() && has("previous") {
        return None;
    }
    let (Some(p), Some(today)) = (p, today) else {
        return Some(date);
    };
    let Some(unit) = unit else {
        date.value = Some(day_text(today + shift));
        date.inferred = vec!["year", "month", "day"];
        let how = match shift {
            -1 => "The day before the article",
            1 => "The day after the article",
            _ => "The day of the article",
        };
        date.basis = Some(format!("{how}, dated {}.", dated(&p, Precision::Day)));
        return Some(date);
    };
    let how = match shift {
        -1 => "before",
        1 => "after",
        _ => "of",
    };
    match unit {
        "week" => {
            let monday = today - weekday(today) as i64 + 7 * shift;
            date.value = Some(format!("{}/{}", day_text(monday), day_text(monday + 6)));
            date.inferred = vec!["year", "month", "day"];
            date.basis = Some(format!(
                "The week {how} the article, dated {}.",
                dated(&p, Precision::Day)
            ));
        }
        "month" => {
            let Some(pm) = p.month else { return Some(date) };
            let n = i64::from(p.year) * 12 + i64::from(pm) - 1 + shift;
            let (y, m) = (n.div_euclid(12) as i32, n.rem_euclid(12) as u8 + 1);
            date.value = Some(format!("{y:04}-{m:02}"));
            date.inferred = vec!["year", "month"];
            date.basis = Some(format!(
                "The month {how} the article, dated {}.",
                dated(&p, Precision::Month)
            ));
        }
        _ => {
            date.value = Some(format!("{:04}", p.year + shift as i32));
            date.inferred = vec!["year"];
            date.basis = Some(format!(
                "The year {how} the article, dated {}.",
                dated(&p, Precision::Year)
            ));
        }
    }
    Some(date)
}

/// The date of a sentence nearest byte `at`, in `at`'s clause first,
/// then anywhere in the sentence when `whole` says so.
pub fn near(
    cx: &Context,
    sentence: &Range<usize>,
    at: usize,
    whole: bool,
    future: Option<bool>,
) -> Option<DraftDate> {
    let found = expressions(cx, sentence);
    let (cs, ce) = (
        clause_start(cx.text, sentence, at),
        clause_end(cx.text, sentence, at),
    );
    let distance = |r: &Range<usize>| {
        if r.start >= at {
            r.start - at
        } else {
            at.saturating_sub(r.end)
        }
    };
    let in_clause = found
        .iter()
        .filter(|(r, _)| r.start >= cs && r.end <= ce)
        .min_by_key(|(r, _)| distance(r));
    let pick = match in_clause {
        Some(d) => Some(d),
        None if whole => found.iter().min_by_key(|(r, _)| distance(r)),
        None => None,
    }?;
    resolve(cx, sentence, pick.0.clone(), future)
}

/// The phase: dates of statements (the date just after the reporting
/// verb, "said on Wednesday") and of figures (`as_of`: a date in the
/// figure's clause). A date nowhere in the item's sentence is not
/// given: the publication date is not assumed.
pub fn find(cx: &Context, items: Dated<'_>) {
    for s in items.statements.iter_mut() {
        if s.date.is_some() {
            continue;
        }
        let (Some(verb), Some(sentence)) = (&s.verb, s.evidence.first()) else {
            continue;
        };
        let text = &cx.text[sentence.clone()];
        let Some(at) = text.find(verb.as_str()) else {
            continue;
        };
        let after = sentence.start + at + verb.len();
        let found = expressions(cx, sentence);
        if let Some((r, _)) = found.iter().find(|(r, _)| {
            r.start >= after && {
                let gap = cx.text[after..r.start].trim();
                gap.split_whitespace().count() <= 2
                    && gap.chars().all(|c| c.is_alphabetic() || c == ' ')
            }
        }) {
            s.date = resolve(cx, sentence, r.clone(), Some(false));
        }
    }
    for f in items.figures.iter_mut() {
        if f.as_of.is_some() {
            continue;
        }
        let Some(sentence) = f.evidence.first() else {
            continue;
        };
        let at = cx.text[sentence.clone()]
            .find(f.stated.as_str())
            .map_or(sentence.start, |i| sentence.start + i);
        f.as_of = near(cx, sentence, at, false, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(s: &str) -> Point {
        match crate::date::Edtf::parse(s) {
            Ok(crate::date::Edtf::Point(p)) => p,
            _ => panic!("{s}"),
        }
    }

    /// The date of the first date expression of `text`, with `published`.
    fn date_in(text: &str, published: Option<&str>) -> DraftDate {
        let sentences: Vec<Range<usize>> = std::iter::once(0..text.len()).collect();
        let cx = Context {
            text,
            sentences: &sentences,
            published: published.map(point),
            actors: &[],
            relays: &[],
            agency: None,
            dates: &[],
        };
        let (span, _) = expressions(&cx, &sentences[0])
            .into_iter()
            .next()
            .expect("a date");
        resolve(&cx, &sentences[0], span, None).expect("a date")
    }

    fn value(text: &str, published: &str) -> String {
        date_in(text, Some(published)).value.unwrap_or_default()
    }

    #[test]
    fn the_calendar_is_right() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2031, 5, 14), (1999, 12, 31)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        // 14 May 2031 is a Wednesday.
        assert_eq!(WEEKDAYS[weekday(days_from_civil(2031, 5, 14))], "Wednesday");
    }

    #[test]
    fn weekdays_before_and_after_the_publication_day() {
        // Published on Wednesday 14 May 2031.
        let p = "2031-05-14";
        assert_eq!(value("They spoke late on Friday.", p), "2031-05-09");
        assert_eq!(value("They will meet on Tuesday.", p), "2031-05-20");
        assert_eq!(value("They met on Tuesday.", p), "2031-05-13");
        assert_eq!(value("It is due to open on Monday.", p), "2031-05-19");
        let d = date_in("They spoke late on Friday.", Some(p));
        assert_eq!(d.stated, "late on Friday");
        assert_eq!(d.inferred, ["year", "month", "day"]);
        assert_eq!(
            d.basis.as_deref(),
            Some("The Friday before the article, dated Wednesday 14 May 2031.")
        );
        let d = date_in("They will meet on Tuesday.", Some(p));
        assert_eq!(d.stated, "on Tuesday");
        assert_eq!(
            d.basis.as_deref(),
            Some("The Tuesday after the article, dated Wednesday 14 May 2031.")
        );
    }

    #[test]
    fn the_publication_day_itself() {
        let d = date_in("The ministry said on Wednesday.", Some("2031-05-14"));
        assert_eq!(d.value.as_deref(), Some("2031-05-14"));
        assert_eq!(
            d.basis.as_deref(),
            Some("The Wednesday of the article, dated Wednesday 14 May 2031.")
        );
        // Even for an event to come.
        assert_eq!(
            value("They will meet on Wednesday.", "2031-05-14"),
            "2031-05-14"
        );
    }

    #[test]
    fn weeks_months_and_years_around_the_publication_date() {
        let p = "2031-05-14";
        assert_eq!(value("It happened this week.", p), "2031-05-12/2031-05-18");
        assert_eq!(value("They met last week.", p), "2031-05-05/2031-05-11");
        assert_eq!(value("They meet next week.", p), "2031-05-19/2031-05-25");
        assert_eq!(value("He said last month.", p), "2031-04");
        assert_eq!(value("Figures published this month.", p), "2031-05");
        assert_eq!(value("It rose earlier this year.", p), "2031");
        let d = date_in("They met last week.", Some(p));
        assert_eq!(
            d.basis.as_deref(),
            Some("The week before the article, dated Wednesday 14 May 2031.")
        );
        let d = date_in("He said last month.", Some(p));
        assert_eq!(d.inferred, ["year", "month"]);
        assert_eq!(
            d.basis.as_deref(),
            Some("The month before the article, dated May 2031.")
        );
    }

    #[test]
    fn month_and_year_boundaries() {
        // Published Thursday 1 January 2032.
        let p = "2032-01-01";
        assert_eq!(value("He said last month.", p), "2031-12");
        assert_eq!(value("They met last week.", p), "2031-12-22/2031-12-28");
        assert_eq!(value("It happened this week.", p), "2031-12-29/2032-01-04");
        assert_eq!(value("They met on Tuesday.", p), "2031-12-30");
        assert_eq!(value("It rose last year.", p), "2031");
        assert_eq!(value("They spoke on 30 December.", p), "2031-12-30");
        // Published Saturday 31 May 2031: Monday to come is in June.
        assert_eq!(
            value("They will meet on Monday.", "2031-05-31"),
            "2031-06-02"
        );
        assert_eq!(
            value("The vote is due next month.", "2031-12-15"),
            "2032-01"
        );
    }

    #[test]
    fn months_and_days_without_a_year() {
        let p = "2031-05-14";
        let d = date_in("They would host a second round in June.", Some(p));
        assert_eq!(d.value.as_deref(), Some("2031-06"));
        assert_eq!(d.stated, "in June");
        assert_eq!(d.inferred, ["year"]);
        assert_eq!(
            d.basis.as_deref(),
            Some("The first June after the article, dated May 2031.")
        );
        let d = date_in("Fishermen detained since March.", Some(p));
        assert_eq!(d.value.as_deref(), Some("2031-03"));
        assert_eq!(d.stated, "since March");
        assert_eq!(
            value("A truce agreed on 3 January collapsed.", "2031-07-22"),
            "2031-01-03"
        );
        // A past month later in the year than the article: the year before.
        assert_eq!(value("The floods came in October.", p), "2030-10");
        assert_eq!(value("They will vote in March.", p), "2032-03");
        let d = date_in("The truce, agreed on 3 January, held.", Some("2031-07-22"));
        assert_eq!(
            d.basis.as_deref(),
            Some("The last 3 January before the article, dated 22 July 2031.")
        );
    }

    #[test]
    fn absolute_dates_need_no_publication_date() {
        let d = date_in(
            "A meeting planned for 12 March 2030 never took place.",
            None,
        );
        assert_eq!(d.value.as_deref(), Some("2030-03-12"));
        assert!(d.inferred.is_empty() && d.basis.is_none());
        let d = date_in("They last met in February 2029.", None);
        assert_eq!(d.value.as_deref(), Some("2029-02"));
        assert_eq!(d.stated, "in February 2029");
        assert_eq!(
            date_in("Fighting began in 2027.", None).value.as_deref(),
            Some("2027")
        );
        assert_eq!(
            date_in("It ended February 12, 2029.", None)
                .value
                .as_deref(),
            Some("2029-02-12")
        );
    }

    #[test]
    fn relative_wordings_that_date_nothing_by_themselves_are_left_out() {
        let text = "Less than two days after the truce, four years ago, overnight.";
        let sentences: Vec<Range<usize>> = std::iter::once(0..text.len()).collect();
        let cx = Context {
            text,
            sentences: &sentences,
            published: Some(point("2031-07-22")),
            actors: &[],
            relays: &[],
            agency: None,
            dates: &[],
        };
        for (span, _) in expressions(&cx, &sentences[0]) {
            assert_eq!(
                resolve(&cx, &sentences[0], span.clone(), None),
                None,
                "{}",
                &text[span]
            );
        }
        assert_eq!(value("They spoke yesterday.", "2031-07-22"), "2031-07-21");
        assert_eq!(
            value("They speak again tomorrow.", "2031-07-31"),
            "2031-08-01"
        );
    }

    #[test]
    fn statements_and_figures_are_dated_from_their_sentence() {
        let text = "Brenn said in a statement on Wednesday that 40 boats left. Trade fell by nearly 40% in June. Boats left.";
        let sentences = crate::scan::find_sentences(text);
        let cx = Context {
            text,
            sentences: &sentences,
            published: Some(point("2031-07-22")),
            actors: &[],
            relays: &[],
            agency: None,
            dates: &[],
        };
        let mut statements = vec![super::super::model::Statement {
            verb: Some("said in a statement".to_owned()),
            evidence: vec![sentences[0].clone()],
            ..Default::default()
        }];
        let figure = |i: usize, stated: &str| super::super::model::Figure {
            stated: stated.to_owned(),
            evidence: vec![sentences[i].clone()],
            ..Default::default()
        };
        let mut figures = vec![figure(1, "nearly 40%"), figure(2, "Boats")];
        find(
            &cx,
            Dated {
                statements: &mut statements,
                figures: &mut figures,
                events: &mut Vec::new(),
                agreements: &mut Vec::new(),
            },
        );
        let d = statements[0].date.as_ref().unwrap();
        assert_eq!(
            (d.value.as_deref(), d.stated.as_str()),
            (Some("2031-07-16"), "on Wednesday")
        );
        let d = figures[0].as_of.as_ref().unwrap();
        assert_eq!(
            (d.value.as_deref(), d.stated.as_str()),
            (Some("2031-06"), "in June")
        );
        assert_eq!(figures[1].as_of, None);
    }

    #[test]
    fn relative_dates_stay_unresolved_without_a_publication_date() {
        for text in [
            "They met on Tuesday.",
            "They met last week.",
            "It happened this week.",
            "He said last month.",
            "They will meet in June.",
            "A truce agreed on 3 January.",
        ] {
            let d = date_in(text, None);
            assert_eq!(d.value, None, "{text}");
            assert!(d.inferred.is_empty() && d.basis.is_none(), "{text}");
            assert!(text.contains(&d.stated), "{text}: {}", d.stated);
        }
    }

    #[test]
    fn the_future_is_read_from_the_clause_before_the_date() {
        assert!(is_future("The ministers will meet"));
        assert!(is_future("The ceasefire is due to end at midnight"));
        assert!(is_future("Halloran won’t attend"));
        assert!(is_future("We’ll see"));
        assert!(!is_future("The ministry said"));
        assert!(!is_future("They held talks"));
        let text = "The ministers will meet on Tuesday, the ministry said on Monday.";
        let s = 0..text.len();
        assert_eq!(
            clause_start(text, &s, text.find("on Monday").unwrap()),
            text.find(" the ministry").unwrap()
        );
    }
}
