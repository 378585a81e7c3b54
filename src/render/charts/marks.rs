//! How each chronology item is drawn on the time axis: a point for a known
//! day, a span for a month, a year or an interval, an open span after what
//! it follows when undated.

use super::days::day_number;
use crate::date::{Bound, Edtf};
use crate::format::DateView;
use crate::resolve::ChronoView;

/// An end of a drawn span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum End {
    /// A known day.
    Day(i64),
    /// `..`: runs on past the edge of the chart.
    Open,
    /// Not known: fades out.
    Unknown,
}

/// How one chronology item is drawn.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Mark {
    /// One known day: a point.
    Point { day: i64, fuzz: i64 },
    /// A month, a year or an interval: a span from start to end
    /// (exclusive), with faded extensions when approximate.
    Span { start: End, end: End, fuzz: i64 },
    /// No date, but after a dated item: an open, fading span from there.
    After { day: i64 },
    /// Nothing to place.
    Unplaced,
}

/// The mark of a date, placed by its own value alone.
fn mark_of(date: Option<&DateView>) -> Mark {
    let Some(value) = date.and_then(|d| d.value) else {
        return Mark::Unplaced;
    };
    let fuzz_for = |p: &crate::date::Point| -> i64 {
        if !p.approximate {
            0
        } else if p.day.is_some() {
            3
        } else if p.month.is_some() {
            15
        } else {
            120
        }
    };
    match value {
        Edtf::Point(p) => {
            let first = Edtf::Point(p).earliest().map(day_number);
            let last = Edtf::Point(p).latest().map(day_number);
            match (first, last) {
                (Some(a), Some(b)) if p.day.is_some() && a == b => Mark::Point {
                    day: a,
                    fuzz: fuzz_for(&p),
                },
                (Some(a), Some(b)) => Mark::Span {
                    start: End::Day(a),
                    end: End::Day(b + 1),
                    fuzz: fuzz_for(&p),
                },
                _ => Mark::Unplaced,
            }
        }
        Edtf::Interval(a, b) => {
            let end_of = |bound: Bound, first: bool| match bound {
                Bound::Point(p) => {
                    let e = Edtf::Point(p);
                    let day = if first { e.earliest() } else { e.latest() };
                    day.map_or(End::Unknown, |d| {
                        End::Day(day_number(d) + i64::from(!first))
                    })
                }
                Bound::Open => End::Open,
                Bound::Unknown => End::Unknown,
            };
            let fuzz = [a, b]
                .iter()
                .map(|x| match x {
                    Bound::Point(p) => fuzz_for(p),
                    _ => 0,
                })
                .max()
                .unwrap_or(0);
            Mark::Span {
                start: end_of(a, true),
                end: end_of(b, false),
                fuzz,
            }
        }
    }
}

/// The marks of the chronology's items: an undated item that comes after a
/// dated one starts where it ends.
pub(super) fn place(items: &[ChronoView]) -> Vec<Mark> {
    let mut marks: Vec<Mark> = items.iter().map(|c| mark_of(c.date.as_ref())).collect();
    for i in 0..items.len() {
        if marks[i] != Mark::Unplaced || items[i].after.is_empty() {
            continue;
        }
        let ends: Vec<i64> = items[i]
            .after
            .iter()
            .filter_map(|a| items.iter().position(|c| &c.id == a))
            .filter_map(|j| match marks[j] {
                Mark::Point { day, .. } => Some(day + 1),
                Mark::Span {
                    end: End::Day(e), ..
                } => Some(e),
                Mark::Span {
                    start: End::Day(s), ..
                } => Some(s + 1),
                Mark::After { day } => Some(day),
                _ => None,
            })
            .collect();
        if let Some(&day) = ends.iter().max() {
            marks[i] = Mark::After { day };
        }
    }
    marks
}

/// The known days of the marks as intervals `[a, b)`, each of weight 1:
/// what the time axis must show.
pub(super) fn known_days(marks: &[Mark]) -> Vec<(i64, i64, usize)> {
    let mut known: Vec<(i64, i64, usize)> = Vec::new();
    for m in marks {
        match *m {
            Mark::Point { day, .. } => known.push((day, day + 1, 1)),
            Mark::Span { start, end, .. } => match (start, end) {
                (End::Day(a), End::Day(b)) => known.push((a, b, 1)),
                (End::Day(a), _) => known.push((a, a + 1, 1)),
                (_, End::Day(b)) => known.push((b - 1, b, 1)),
                _ => {}
            },
            Mark::After { day } => known.push((day, day + 1, 1)),
            Mark::Unplaced => {}
        }
    }
    known
}

/// Whether a mark runs on past the last known date, and whether one runs
/// back before the first: the axis leaves room for them.
pub(super) fn runs_on_and_before(marks: &[Mark]) -> (bool, bool) {
    let runs_on = marks.iter().any(|m| {
        matches!(
            m,
            Mark::After { .. }
                | Mark::Span {
                    end: End::Open | End::Unknown,
                    ..
                }
        )
    });
    let runs_before = marks.iter().any(|m| {
        matches!(
            m,
            Mark::Span {
                start: End::Open | End::Unknown,
                ..
            }
        )
    });
    (runs_on, runs_before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Edtf;
    use crate::format::DatePrecision;

    #[test]
    fn partial_dates_are_spans_and_days_points() {
        let date = |edtf: &str| DateView {
            text: String::new(),
            stated: None,
            normalised: None,
            edtf: Some(edtf.into()),
            exact: false,
            inferred: vec![],
            basis: None,
            precision: DatePrecision::Day,
            value: Some(Edtf::parse(edtf).expect("a valid date")),
            time: None,
            relation: None,
            relative_to: None,
        };
        assert!(matches!(
            mark_of(Some(&date("2025-02-12"))),
            Mark::Point { fuzz: 0, .. }
        ));
        assert!(matches!(
            mark_of(Some(&date("2024-06"))),
            Mark::Span {
                start: End::Day(_),
                end: End::Day(_),
                fuzz: 0
            }
        ));
        match mark_of(Some(&date("2024-06"))) {
            Mark::Span {
                start: End::Day(a),
                end: End::Day(b),
                ..
            } => assert_eq!(b - a, 30),
            m => panic!("{m:?}"),
        }
        assert!(matches!(
            mark_of(Some(&date("2029~"))),
            Mark::Span { fuzz: 120, .. }
        ));
        assert!(matches!(
            mark_of(Some(&date("2032-03-02/.."))),
            Mark::Span { end: End::Open, .. }
        ));
        assert_eq!(mark_of(None), Mark::Unplaced);
    }
}
