//! The article's own parts: the headline, the byline, the dateline (its
//! place, date and agency), and where the body starts. A wire report
//! opens so: a headline on a line of its own, `By NAME`, then `PLACE,
//! DATE (AGENCY) - ` before the first sentence. Any part may be missing.

use std::ops::Range;

use super::DraftOptions;
use super::model::{Draft, DraftDate, DraftSource, Ids};
use crate::date::Point;
use crate::scan::find_sentences;
use crate::scan::words::MONTH_NAMES;

/// What the article's opening says about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parts {
    /// The headline's span.
    pub headline: Option<Range<usize>>,
    /// The byline's name (`Mira Osk` of `By Mira Osk`).
    pub byline: Option<Range<usize>>,
    /// The dateline's place (`SOLLUND`).
    pub place: Option<Range<usize>>,
    /// The dateline's date as written (`14 May 2031`).
    pub date: Option<Range<usize>>,
    /// The dateline's date, read.
    pub dated: Option<Point>,
    /// The agency in the dateline (`Meridian Press`).
    pub agency: Option<Range<usize>>,
    /// Where the body starts: after the dateline's dash.
    pub body: usize,
}

/// The paragraphs of `text`: stretches between blank lines, trimmed.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(pos),
            (true, Some(s)) => {
                out.push(trimmed(text, s..pos));
                start = None;
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(trimmed(text, s..text.len()));
    }
    out
}

/// `range` without white space at either end.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// Whether a paragraph reads as a headline: one line, not too long, not
/// ending as a sentence does.
fn headline_like(p: &str) -> bool {
    !p.contains('\n')
        && p.chars().count() <= 200
        && p.chars().any(char::is_alphabetic)
        && !p.ends_with(['.', '!', '?', ':', '”', '"', ')', ','])
        && p.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
}

/// Reads the article's opening.
pub fn read(text: &str) -> Parts {
    let mut parts = Parts::default();
    let paras = paragraphs(text);
    for p in paras.iter().take(6) {
        let s = &text[p.clone()];
        if let Some(name) = s.strip_prefix("By ").or_else(|| s.strip_prefix("by "))
            && parts.byline.is_none()
            && !s.contains('\n')
            && name.split_whitespace().count() <= 6
            && name.starts_with(char::is_uppercase)
        {
            let start = p.end - name.len();
            parts.byline = Some(trimmed(text, start..p.end));
            parts.body = p.end;
            continue;
        }
        if let Some(d) = dateline(text, p.start) {
            parts.place = Some(d.place);
            parts.date = d.date.clone();
            parts.dated = d.date.and_then(|r| read_date(&text[r]));
            parts.agency = d.agency;
            parts.body = d.end;
            break;
        }
        if parts.headline.is_none() && headline_like(s) {
            parts.headline = Some(p.clone());
            parts.body = p.end;
            continue;
        }
        // A paragraph of prose before any dateline: a notice (kept out
        // of the body when it comes before the headline) or the body.
        if parts.headline.is_some() || parts.byline.is_some() {
            break;
        }
    }
    parts
}

/// A dateline at `at`.
struct Dateline {
    place: Range<usize>,
    date: Option<Range<usize>>,
    agency: Option<Range<usize>>,
    end: usize,
}

/// Reads `PLACE, DATE (AGENCY) - ` at `at`: a place in capitals, then
/// optionally a date and an agency in brackets, then a dash.
fn dateline(text: &str, at: usize) -> Option<Dateline> {
    let rest = &text[at..];
    let line = rest.split('\n').next()?;
    // The place: capitals (and spaces, full stops, hyphens, apostrophes).
    let place_len = line
        .char_indices()
        .find(|&(_, c)| !(c.is_uppercase() || " .'’-".contains(c)))
        .map_or(line.len(), |(i, _)| i);
    let place = line[..place_len].trim_end();
    if place.chars().filter(|c| c.is_uppercase()).count() < 2 {
        return None;
    }
    let mut i = place.len();
    let mut date = None;
    let mut agency = None;
    if line[i..].starts_with(',') {
        i += 1;
        let stop = line[i..]
            .find(['(', '-', '–', '—'])
            .map_or(line.len(), |k| i + k);
        let d = trimmed(text, at + i..at + stop);
        if d.is_empty() || d.len() > 40 {
            return None;
        }
        date = Some(d);
        i = stop;
    }
    let after = line[i..].trim_start();
    i = line.len() - after.len();
    if after.starts_with('(') {
        let close = after.find(')')?;
        agency = Some(trimmed(text, at + i + 1..at + i + close));
        i += close + 1;
    }
    let after = line[i..].trim_start();
    i = line.len() - after.len();
    let dash = ["--", "-", "–", "—"]
        .into_iter()
        .find(|d| after.starts_with(d))?;
    i += dash.len();
    let after = line[i..].trim_start();
    i = line.len() - after.len();
    Some(Dateline {
        place: at..at + place.len(),
        date,
        agency,
        end: at + i,
    })
}

/// A calendar date as a dateline writes it: `14 May 2031`, `May 14,
/// 2031`, `2031-05-14`. A date without a year is not read.
pub fn read_date(s: &str) -> Option<Point> {
    if let Ok(crate::date::Edtf::Point(p)) = crate::date::Edtf::parse(s.trim())
        && p.day.is_some()
    {
        return Some(p);
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let full = MONTH_NAMES.get(w.trim_end_matches('.').to_lowercase().as_str())?;
        month_number(full)
    };
    let (d, m, y) = match words.as_slice() {
        [d, m, y] if d.parse::<u8>().is_ok() => (d.parse().ok()?, month(m)?, y.parse().ok()?),
        [m, d, y] => (
            d.trim_end_matches(|c: char| c.is_alphabetic())
                .parse()
                .ok()?,
            month(m)?,
            y.parse().ok()?,
        ),
        _ => return None,
    };
    let y: i32 = y;
    let p = Point {
        year: y,
        month: Some(m),
        day: Some(d),
        uncertain: false,
        approximate: false,
    };
    // Refused when the day is not in the month.
    crate::date::Edtf::parse(&super::model::edtf(&p)).ok()?;
    Some(p)
}

/// A month's number from its full lower-case name.
fn month_number(full: &str) -> Option<u8> {
    crate::date::MONTH_NAMES
        .iter()
        .position(|n| n.eq_ignore_ascii_case(full))
        .map(|i| i as u8 + 1)
}

/// The body's sentences: the article's sentences from where the body
/// starts, the first one cut to start there.
pub fn body_sentences(text: &str, parts: &Parts) -> Vec<Range<usize>> {
    find_sentences(text)
        .into_iter()
        .filter(|s| s.end > parts.body)
        .map(|s| {
            if s.start < parts.body {
                trimmed(text, parts.body..s.end)
            } else {
                s
            }
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// The draft's head: id, title, publication date and the article as a
/// source.
pub fn draft_head(text: &str, parts: &Parts, options: &DraftOptions, ids: &mut Ids) -> Draft {
    let headline = parts.headline.clone().map(|r| text[r].to_owned());
    let title = options
        .title
        .clone()
        .or_else(|| headline.clone())
        .unwrap_or_else(|| "Draft brief".to_owned());
    let published = match (&options.published, &parts.date, parts.dated) {
        (Some(p), Some(r), Some(d)) if *p == d => Some(DraftDate {
            value: Some(super::model::edtf(p)),
            stated: text[r.clone()].to_owned(),
            ..DraftDate::default()
        }),
        (Some(p), _, _) => Some(DraftDate {
            value: Some(super::model::edtf(p)),
            ..DraftDate::default()
        }),
        (None, Some(r), Some(d)) => Some(DraftDate {
            value: Some(super::model::edtf(&d)),
            stated: text[r.clone()].to_owned(),
            ..DraftDate::default()
        }),
        _ => None,
    };
    let source_id = "article".to_owned();
    ids.reserve(&source_id);
    let id = match &options.id {
        Some(id) => id.clone(),
        None => {
            let mut base = super::model::slug(&title);
            if base.is_empty() {
                base = "draft".to_owned();
            }
            match published.as_ref().and_then(|p| p.value.as_deref()) {
                Some(v) if v.len() >= 7 => format!("{base}-{}", &v[..7]),
                _ => base,
            }
        }
    };
    ids.reserve(&id);
    let publisher = match (&parts.agency, &parts.byline) {
        (Some(a), Some(b)) => Some(format!("{} ({})", &text[a.clone()], &text[b.clone()])),
        (Some(a), None) => Some(text[a.clone()].to_owned()),
        (None, Some(b)) => Some(text[b.clone()].to_owned()),
        (None, None) => None,
    };
    Draft {
        id,
        title,
        published: published.clone(),
        source: DraftSource {
            id: source_id,
            name: headline.unwrap_or_else(|| "The article".to_owned()),
            kind: if parts.agency.is_some() {
                "agency-report"
            } else {
                "news-article"
            }
            .to_owned(),
            publisher,
            text: options.text_path.clone(),
            date: published,
        },
        ..Draft::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::model::edtf;

    const WIRE: &str = "Notice: all invented.\n\nMinisters to meet on Tuesday\n\nBy Mira Osk\n\nSOLLUND, 14 May 2031 (Meridian Press) - The ministers will meet. They said so.\n";

    #[test]
    fn a_wire_report_opening() {
        let p = read(WIRE);
        assert_eq!(
            p.headline.map(|r| &WIRE[r]),
            Some("Ministers to meet on Tuesday")
        );
        assert_eq!(p.byline.map(|r| &WIRE[r]), Some("Mira Osk"));
        assert_eq!(p.place.map(|r| &WIRE[r]), Some("SOLLUND"));
        assert_eq!(p.date.map(|r| &WIRE[r]), Some("14 May 2031"));
        assert_eq!(p.agency.map(|r| &WIRE[r]), Some("Meridian Press"));
        assert_eq!(p.dated.map(|d| edtf(&d)), Some("2031-05-14".to_owned()));
        assert!(WIRE[p.body..].starts_with("The ministers"));
        let s: Vec<&str> = body_sentences(WIRE, &read(WIRE))
            .into_iter()
            .map(|r| &WIRE[r])
            .collect();
        assert_eq!(s, ["The ministers will meet.", "They said so."]);
    }

    #[test]
    fn an_article_without_an_opening() {
        let text = "The ministers will meet. They said so.";
        let p = read(text);
        assert_eq!(p.headline, None);
        assert_eq!(p.body, 0);
        assert_eq!(body_sentences(text, &p).len(), 2);
        // A capitalised word and a comma are no dateline.
        assert!(dateline("Okafor, the minister - said", 0).is_none());
    }

    #[test]
    fn dateline_dates() {
        assert_eq!(
            read_date("May 14, 2031").map(|d| edtf(&d)),
            Some("2031-05-14".into())
        );
        assert_eq!(
            read_date("2031-05-14").map(|d| edtf(&d)),
            Some("2031-05-14".into())
        );
        assert_eq!(read_date("31 February 2031"), None);
        assert_eq!(read_date("Tuesday"), None);
        assert_eq!(read_date("14 May"), None);
    }
}
