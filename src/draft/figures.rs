//! Figures: the numbers a story states, each with its qualifier as
//! written, its unit and the words around it for what it measures
//! ("nearly 20% of the territory", "the bodies of 1,200 soldiers", "$3.5
//! billion"), read with the one reader of numbers
//! ([`crate::scan::find_numbers`]); and counts without a number
//! ("dozens", "several hundred people") with their wording alone.
//!
//! Left out, so that nothing drafted is a guess: years, dates and times
//! (the reader leaves them out), numbers in words standing alone ("one
//! of them"), the tally of a vote (an event's, see
//! [`super::events::tallies`]), a total after "of the" ("47 of the 101
//! seats": the 47 is the figure), a length of time or a pair given
//! unqualified ("a 72-hour truce", "the two sides"), a label ("Resolution
//! 2231"), and a fraction that is no share of something ("a two-thirds
//! majority").

use std::ops::Range;

use super::Context;
use super::dates::{clause_end, clause_start};
use super::events::{tallies, words};
use super::model::{Figure, Ids};
use super::words::{NOT_FIGURE_UNITS, VAGUE_COUNTS};
use crate::format::Qualifier;
use crate::scan::numbers::is_unit;
use crate::scan::{Number, read_numbers};

/// Currency names that make a figure money when they are its unit.
const CURRENCY_UNITS: [&str; 4] = ["USD", "EUR", "GBP", "JPY"];

/// Units measured rather than counted: a figure of kind `other`.
const MEASURES: [&str; 14] = [
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "km",
    "miles",
    "mile",
    "metres",
    "meters",
    "tonnes",
    "tons",
    "kg",
    "hectares",
    "kilowatt-hours",
];

/// Words that, after a number's unit, say it is money ("5 million marks
/// in compensation", "a cost of").
const MONEY_WORDS: [&str; 12] = [
    "cost",
    "costs",
    "worth",
    "paid",
    "pay",
    "payment",
    "compensation",
    "contracts",
    "budget",
    "package",
    "price",
    "spend",
];

/// Words that end what a figure measures: the next clause starts.
const STOPS: [&str; 14] = [
    "when",
    "as",
    "but",
    "because",
    "while",
    "which",
    "who",
    "after",
    "before",
    "since",
    "and",
    "the",
    "according",
    "that",
];

/// The figures of the article, in order.
pub fn find(cx: &Context, ids: &mut Ids) -> Vec<Figure> {
    let mut out = Vec::new();
    for sentence in cx.sentences {
        let text = &cx.text[sentence.clone()];
        let votes: Vec<Range<usize>> = tallies(text).into_iter().flat_map(|t| t.spans).collect();
        let numbers: Vec<Number> = read_numbers(text)
            .into_iter()
            // A date's number is no figure, unless qualified with its
            // unit: "less than two days after".
            .filter(|n| {
                !n.in_date
                    || (n.qualifier != Qualifier::Unqualified
                        && !n.unit.is_empty()
                        && text[n.value_span.clone()].starts_with(char::is_alphabetic))
            })
            .filter_map(|n| with_noun(text, n))
            .collect();
        let mut skip: Vec<usize> = Vec::new();
        for (k, n) in numbers.iter().enumerate() {
            if skip.contains(&k) {
                continue;
            }
            if votes
                .iter()
                .any(|v| v.start < n.value_span.end && n.value_span.start < v.end)
            {
                continue;
            }
            // "47 of the 101 seats": the total is no figure of its own,
            // and lends its unit.
            let mut unit = n.unit.clone();
            if let Some(next) = numbers.get(k + 1) {
                let between = text[n.span.end..next.span.start].trim().to_lowercase();
                if ["of", "of the", "of its", "of all"].contains(&between.as_str()) {
                    skip.push(k + 1);
                    if unit.is_empty() {
                        unit = next.unit.clone();
                    }
                }
            }
            if let Some(f) = figure(cx, sentence, n, unit, ids) {
                out.push(f);
            }
        }
        out.extend(vague(cx, sentence, ids));
    }
    out
}

/// A number in words with nothing on it is a figure only before a
/// demonym and a noun ("eleven Belmoran fishermen"): the noun is its
/// unit; others ("one of them", "nine of the ten") are left out.
fn with_noun(text: &str, mut n: Number) -> Option<Number> {
    if !n.bare {
        return Some(n);
    }
    if n.value < 3.0 {
        return None;
    }
    let rest = &text[n.span.end..];
    let mut it = rest.split(' ').skip(1);
    let (adjective, noun) = (it.next()?, it.next()?);
    let noun_word = noun.trim_end_matches(|c: char| !c.is_alphabetic());
    if adjective.starts_with(char::is_uppercase)
        && adjective.chars().all(char::is_alphabetic)
        && is_unit(noun_word)
    {
        let end = n.span.end + 1 + adjective.len() + 1 + noun_word.len();
        n.unit = noun_word.to_owned();
        n.span.end = end;
        n.bare = false;
        return Some(n);
    }
    None
}

/// A number as the format writes it: `1200`, `3.5`, `0.28`.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The figure of number `n` of `sentence`, when it is one.
fn figure(
    cx: &Context,
    sentence: &Range<usize>,
    n: &Number,
    unit: String,
    ids: &mut Ids,
) -> Option<Figure> {
    let text = &cx.text[sentence.clone()];
    let words_of = |r: Range<usize>| {
        text[r]
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect::<Vec<String>>()
    };
    let whole = 0..text.len();
    let before = words_of(clause_start(text, &whole, n.span.start)..n.span.start);
    let after = words_of(n.span.end..clause_end(text, &whole, n.span.end));
    // A ratio ("one in five") or a restatement (", or 160 votes").
    let next_words: Vec<&str> = text[n.span.end..].split_whitespace().take(2).collect();
    if next_words.first() == Some(&"in")
        && next_words
            .get(1)
            .is_some_and(|w| read_numbers(w).first().is_some_and(|m| !m.in_date))
    {
        return None;
    }
    // A majority restated as a number ("a two-thirds majority, or 160
    // votes") is the vote's threshold, not a figure.
    let earlier = text[..n.span.start].trim_end();
    if earlier.ends_with(", or") && earlier.contains("majority") {
        return None;
    }
    let written_in_words = text[n.value_span.clone()].starts_with(char::is_alphabetic);
    if !written_in_words && telephone_or_slashed(text, &n.value_span) {
        return None;
    }
    // An ordinal ("the 3rd of May", "the 1st Brigade") counts nothing.
    let rest = &text[n.value_span.end..];
    if !written_in_words
        && ["st", "nd", "rd", "th"].iter().any(|o| {
            rest.strip_prefix(o)
                .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
        })
    {
        return None;
    }
    let unqualified = n.qualifier == Qualifier::Unqualified;
    // A label: "Resolution 2231", "Route 66", "No. 5".
    if let Some(prev) = before.last()
        && prev.starts_with(char::is_uppercase)
        && before.len() > 1
        && unqualified
        && !written_in_words
    {
        return None;
    }
    // A length of time or a pair, unqualified.
    if unqualified && NOT_FIGURE_UNITS.contains(&unit.as_str()) {
        return None;
    }
    if unqualified && written_in_words && n.value <= 2.0 {
        return None;
    }
    // A fraction in words is a share of something ("nearly a third of
    // those contracts"), given by its wording alone; otherwise none.
    let fraction = written_in_words && n.written < 1.0;
    if fraction && after.first().map(String::as_str) != Some("of") {
        return None;
    }
    let stated = text[n.span.clone()].to_owned();
    let measure = measure(text, &n.span, &unit, &stated);
    let kind = if fraction || unit == "percent" {
        "share"
    } else if CURRENCY_UNITS.contains(&unit.as_str())
        || (n.value != n.written
            && after
                .iter()
                .take(4)
                .any(|w| MONEY_WORDS.contains(&w.to_lowercase().as_str())))
        || before
            .iter()
            .rev()
            .take(3)
            .any(|w| MONEY_WORDS.contains(&w.to_lowercase().as_str()))
    {
        "money"
    } else if MEASURES.contains(&unit.as_str()) || NOT_FIGURE_UNITS.contains(&unit.as_str()) {
        "other"
    } else {
        "count"
    };
    let mut f = Figure {
        id: String::new(),
        kind: kind.to_owned(),
        measure,
        unit: (!unit.is_empty()).then_some(unit),
        stated,
        evidence: vec![sentence.clone()],
        at: Some(sentence.start + n.span.start..sentence.start + n.span.end),
        ..Figure::default()
    };
    if !fraction {
        match n.high {
            Some(h) => f.range = Some((number(n.value), number(h))),
            None => f.value = Some(number(n.value)),
        }
        f.qualifier = Some(n.qualifier.key().to_owned());
    }
    f.id = ids.make(&f.measure, "figure");
    Some(f)
}

/// Whether the digits at `span` of `text` are part of a telephone number
/// ("+47 22 33 44 55", "22 33 44 55": digit groups that are no
/// thousands) or joined to others by a slash ("1/2", "3/4/2031": a
/// fraction or a date); neither is a figure the words give.
fn telephone_or_slashed(text: &str, span: &Range<usize>) -> bool {
    let before = &text[..span.start];
    let after = &text[span.end..];
    let digit_before = |s: &str| s.ends_with(|c: char| c.is_ascii_digit());
    let digit_after = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    if before.strip_suffix('/').is_some_and(digit_before)
        || after.strip_prefix('/').is_some_and(digit_after)
    {
        return true;
    }
    let in_run = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')');
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| in_run(c))
        .last()
        .map_or(span.start, |(i, _)| i);
    let end = span.end
        + after
            .char_indices()
            .take_while(|&(_, c)| in_run(c))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
    let run = text[start..end].trim();
    let groups: Vec<&str> = run
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    (run.starts_with('+') && groups.len() >= 2)
        || (groups.len() >= 4 && groups[1..].iter().any(|g| g.len() != 3))
}

/// What a figure measures, in the article's words, as they stand in
/// `text`: its unit and the words after it up to where the next part of
/// the sentence starts ("people were killed"); what follows "of" ("97%
/// of polling stations counted": "polling stations counted"); or the
/// words before it in its clause ("Turnout was 61.4%": "Turnout").
fn measure(text: &str, span: &Range<usize>, unit: &str, stated: &str) -> String {
    let whole = 0..text.len();
    let (cs, ce) = (
        clause_start(text, &whole, span.start),
        clause_end(text, &whole, span.end),
    );
    let stop = |w: &str| STOPS.contains(&w);
    let after: Vec<(Range<usize>, String)> = words(&text[span.end..ce])
        .into_iter()
        .map(|(r, w)| (span.end + r.start..span.end + r.end, w))
        .collect();
    let run = |from: usize, to: usize, ws: &[(Range<usize>, String)]| -> Option<String> {
        let mut taken: Vec<&(Range<usize>, String)> =
            ws.iter().take_while(|(_, w)| !stop(w)).take(5).collect();
        while taken
            .last()
            .is_some_and(|(_, w)| TRAILING.contains(&w.as_str()))
        {
            taken.pop();
        }
        let end = taken.last().map_or(to, |(r, _)| r.end.max(to));
        let m = text[from..end].trim();
        (!m.is_empty()).then(|| m.to_owned())
    };
    // Its unit and what follows.
    let plain_unit =
        !unit.is_empty() && unit.chars().all(|c| c.is_lowercase() || c == '-') && unit != "percent";
    if plain_unit && text[..span.end].ends_with(unit) {
        let from = span.end - unit.len();
        if let Some(m) = run(from, span.end, &after) {
            return m;
        }
    }
    // What follows "of".
    if after.first().is_some_and(|(_, w)| w == "of")
        && let Some((r, _)) = after.get(1)
        && let Some(m) = run(r.start, r.start, &after[1..])
    {
        return m;
    }
    // The words before it in its clause, without the verb that joins
    // them to it.
    let mut before: Vec<(Range<usize>, String)> = words(&text[cs..span.start])
        .into_iter()
        .map(|(r, w)| (cs + r.start..cs + r.end, w))
        .collect();
    // Not past another number ("41% of the vote and 47").
    if let Some(k) = before
        .iter()
        .rposition(|(_, w)| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        before.drain(..=k);
    }
    while before.last().is_some_and(|(_, w)| {
        JOINING.contains(&w.as_str()) || TRAILING.contains(&w.as_str()) || stop(w)
    }) {
        before.pop();
    }
    let start = before.len().saturating_sub(6);
    if let (Some((first, _)), Some((last, _))) = (before.get(start), before.last()) {
        return text[first.start..last.end].to_owned();
    }
    stated.to_owned()
}

/// Words that do not end what a figure measures ("florins per
/// kilowatt-hour for").
const TRAILING: [&str; 20] = [
    "for", "by", "at", "of", "in", "near", "to", "with", "under", "from", "on", "into", "as",
    "than", "but", "that", "only", "or", "up", "down",
];

/// Words between what a figure measures and its number ("Turnout was",
/// "put the toll at"), left out of the measure.
const JOINING: [&str; 22] = [
    "was", "were", "is", "are", "had", "has", "have", "at", "by", "of", "to", "took", "put",
    "gave", "stood", "won", "a", "an", "of", "from", "with", "about",
];

/// Counts without a number ("“dozens” of bodies", "Several hundred
/// people"): a figure with its wording and no value.
fn vague(cx: &Context, sentence: &Range<usize>, ids: &mut Ids) -> Vec<Figure> {
    let text = &cx.text[sentence.clone()];
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let mut taken: Vec<Range<usize>> = Vec::new();
    for wording in VAGUE_COUNTS.iter() {
        let phrase = wording.join(" ");
        let mut from = 0;
        while let Some(i) = lower[from..].find(&phrase) {
            let at = from + i;
            from = at + phrase.len();
            let end = at + phrase.len();
            let bounded = !lower[..at].ends_with(|c: char| c.is_alphanumeric())
                && !lower[end..].starts_with(|c: char| c.is_alphanumeric());
            if !bounded || taken.iter().any(|t| t.start < end && at < t.end) {
                continue;
            }
            taken.push(at..end);
            // The noun counted, when it follows: "Several hundred people".
            let rest = &text[end..];
            let noun = rest
                .strip_prefix(' ')
                .and_then(|r| r.split(|c: char| !c.is_alphabetic()).next())
                .filter(|w| is_unit(w));
            let (stated, unit) = match noun {
                Some(n) => (format!("{} {n}", &text[at..end]), Some(n.to_owned())),
                None => (text[at..end].to_owned(), None),
            };
            let measure = measure(
                text,
                &(at..at + stated.len()),
                unit.as_deref().unwrap_or(""),
                &stated,
            );
            out.push(Figure {
                id: ids.make(&measure, "figure"),
                kind: "count".to_owned(),
                measure,
                at: Some(sentence.start + at..sentence.start + at + stated.len()),
                stated,
                evidence: vec![sentence.clone()],
                ..Figure::default()
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<Figure> {
        let sentences = crate::scan::find_sentences(text);
        let cx = Context {
            text,
            sentences: &sentences,
            published: None,
            actors: &[],
            relays: &[],
            agency: None,
            dates: &[],
        };
        find(&cx, &mut Ids::new())
    }

    fn shown(text: &str) -> Vec<(String, Option<String>, Option<String>, String)> {
        figures(text)
            .into_iter()
            .map(|f| (f.kind, f.value, f.qualifier, f.stated))
            .collect()
    }

    fn t(
        kind: &str,
        value: Option<&str>,
        q: Option<&str>,
        stated: &str,
    ) -> (String, Option<String>, Option<String>, String) {
        (
            kind.to_owned(),
            value.map(str::to_owned),
            q.map(str::to_owned),
            stated.to_owned(),
        )
    }

    #[test]
    fn figures_with_qualifier_unit_and_kind() {
        assert_eq!(
            shown("The rebels hold nearly 20% of the territory. It cost $3.5 billion."),
            [
                t("share", Some("20"), Some("nearly"), "nearly 20%"),
                t(
                    "money",
                    Some("3500000000"),
                    Some("unqualified"),
                    "$3.5 billion"
                ),
            ]
        );
        let f = &figures("They returned the bodies of 1,200 soldiers from each side.")[0];
        assert_eq!(f.value.as_deref(), Some("1200"));
        assert_eq!(f.unit.as_deref(), Some("soldiers"));
        assert_eq!(f.measure, "soldiers from each side");
        assert_eq!(
            shown("Officials put the toll at “50 or more”."),
            [t("count", Some("50"), Some("at-least"), "50 or more")]
        );
        let f = &figures("Between 120 and 150 people were wounded.")[0];
        assert_eq!(f.range, Some(("120".to_owned(), "150".to_owned())));
        assert_eq!(f.qualifier.as_deref(), Some("between"));
        assert_eq!(f.measure, "people were wounded");
    }

    #[test]
    fn number_words_count() {
        assert_eq!(
            shown("The guard detained eleven fishermen."),
            [t(
                "count",
                Some("11"),
                Some("unqualified"),
                "eleven fishermen"
            )]
        );
    }

    #[test]
    fn years_dates_and_tallies_are_not_figures() {
        assert!(figures("In 2024 the talks of 12 March 2025 failed.").is_empty());
        assert!(figures("The motion passed 92 in favour to 8 against.").is_empty());
        assert!(
            figures("The bill won 151 votes in favour, with 62 against and 19 abstentions.")
                .is_empty()
        );
        assert!(figures("It passed by 139 votes to 88.").is_empty());
    }

    #[test]
    fn lengths_of_time_pairs_labels_and_bare_fractions_are_not_figures() {
        assert!(figures("A 72-hour truce between the two sides began.").is_empty());
        assert!(figures("The powers were extended by six months.").is_empty());
        assert!(figures("It needed a two-thirds majority.").is_empty());
        assert!(figures("The council passed Resolution 2231 on trade.").is_empty());
        // Telephone numbers and digits joined by a slash.
        assert!(figures("Call +47 22 33 44 55 for details, the ministry said.").is_empty());
        assert!(figures("Call 22 33 44 55 for details, the ministry said.").is_empty());
        assert!(figures("They counted 1/2 of the votes, the ministry said.").is_empty());
        assert!(figures("They marched on the 3rd of May, the ministry said.").is_empty());
        assert!(figures("The 1st Brigade and the 22nd moved, the ministry said.").is_empty());
        // Qualified, a length of time is a figure.
        assert_eq!(
            shown("Their first talks in more than two years.")[0]
                .2
                .as_deref(),
            Some("more-than")
        );
    }

    #[test]
    fn ratios_and_restatements_are_not_figures() {
        let f = figures("They visited about 600 stations, or roughly one in five.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].value.as_deref(), Some("600"));
        let f = figures("It needed a two-thirds majority, or 160 votes.");
        assert!(f.iter().all(|f| f.value.as_deref() != Some("160")), "{f:?}");
        assert!(figures("Profits above 2028 levels are taxed.").is_empty());
        // A restatement of another figure is one.
        let f = figures("About 2.1 million households, or nearly 70% of the total, pay less.");
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn what_a_figure_measures_stays_in_its_clause() {
        let f = &figures("Their first talks in more than two years, the ministry said.")[0];
        assert_eq!(f.measure, "years");
        let f = &figures("Trade has fallen by nearly 40% since then.")[0];
        assert_eq!(f.measure, "Trade has fallen");
        let f = &figures("Turnout was 61.4%, officials said.")[0];
        assert_eq!(f.measure, "Turnout");
        let f = &figures("With 97% of polling stations counted, it led.")[0];
        assert_eq!(f.measure, "polling stations counted");
        let f = &figures("It costs 0.28 florins per kilowatt-hour for the first block.")[0];
        assert_eq!(f.measure, "florins per kilowatt-hour");
        let f = &figures("It took 41% of the vote and 47 seats.")[1];
        assert_eq!(f.measure, "seats");
        let f = &figures("It took 41% of the vote and 47.")[1];
        assert_eq!(f.measure, "of the vote");
        let f = &figures("At least 42 people were killed when rockets hit.")[0];
        assert_eq!(f.measure, "people were killed");
    }

    #[test]
    fn a_total_after_of_the_lends_its_unit() {
        let f = figures("The party won 47 of the 101 seats.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].value.as_deref(), Some("47"));
        assert_eq!(f[0].unit.as_deref(), Some("seats"));
    }

    #[test]
    fn shares_and_counts_without_a_number_keep_their_wording() {
        let f = figures("Nearly a third of those contracts lacked paperwork.");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].kind.as_str(), f[0].stated.as_str()),
            ("share", "Nearly a third")
        );
        assert_eq!((f[0].value.as_ref(), f[0].qualifier.as_ref()), (None, None));
        let f = figures("Several hundred people gathered. The rebels hold “dozens” of bodies.");
        let stated: Vec<&str> = f.iter().map(|f| f.stated.as_str()).collect();
        assert_eq!(stated, ["Several hundred people", "dozens"]);
        assert!(f.iter().all(|f| f.value.is_none()));
    }
}
