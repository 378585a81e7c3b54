//! The word lists the finders use, read from `data/*.txt` at compile
//! time: one entry a line, `#` comments and blank lines skipped.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::format::Qualifier;

/// The entries of a list file: trimmed lines, without comments.
pub(crate) fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A list of single words as a set.
fn set(text: &'static str) -> HashSet<&'static str> {
    lines(text).collect()
}

/// A list of `wording<TAB>value` lines as a map.
fn pairs(text: &'static str) -> Vec<(&'static str, &'static str)> {
    lines(text)
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.trim(), b.trim()))
        .collect()
}

/// Lines of several words on one line, each word mapped to the line's
/// first word (a short form to its full name).
fn groups(text: &'static str) -> HashMap<&'static str, &'static str> {
    let mut out = HashMap::new();
    for l in lines(text) {
        let mut words = l.split_whitespace();
        if let Some(first) = words.next() {
            out.insert(first, first);
            for w in words {
                out.insert(w, first);
            }
        }
    }
    out
}

const QUALIFIERS: &str = include_str!("../../data/qualifiers.txt");
const QUALIFIERS_AFTER: &str = include_str!("../../data/qualifiers-after.txt");
const UNITS: &str = include_str!("../../data/units.txt");
const NOT_UNITS: &str = include_str!("../../data/not-units.txt");
const MONTHS: &str = include_str!("../../data/months.txt");
const WEEKDAYS: &str = include_str!("../../data/weekdays.txt");
const RELATIVE: &str = include_str!("../../data/relative-dates.txt");
const MODIFIERS: &str = include_str!("../../data/date-modifiers.txt");
const DAY_PARTS: &str = include_str!("../../data/day-parts.txt");
const TITLES: &str = include_str!("../../data/titles.txt");
const PARTICLES: &str = include_str!("../../data/particles.txt");
const INSTITUTIONS: &str = include_str!("../../data/institutions.txt");
const COMMON: &str = include_str!("../../data/common-words.txt");
const NUMBER_WORDS: &str = include_str!("../../data/number-words.txt");
const SCALES: &str = include_str!("../../data/scales.txt");
const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.txt");

/// Wordings before a number, as lists of lower-case words, each with its
/// qualifier; longest first, so the longest wording is tried first.
pub static QUALIFIER_WORDS: LazyLock<Vec<(Vec<&'static str>, Qualifier)>> =
    LazyLock::new(|| qualified(QUALIFIERS));
/// Wordings after a number ("or more"), as [`QUALIFIER_WORDS`].
pub static QUALIFIER_AFTER_WORDS: LazyLock<Vec<(Vec<&'static str>, Qualifier)>> =
    LazyLock::new(|| qualified(QUALIFIERS_AFTER));
/// Units after a number that are not plural nouns ("people", "km").
pub static UNIT_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(UNITS));
/// Words ending in `s` after a number that are not its unit ("was").
pub static NOT_UNIT_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(NOT_UNITS));

/// A list of `wording<TAB>qualifier` lines, longest wording first.
fn qualified(text: &'static str) -> Vec<(Vec<&'static str>, Qualifier)> {
    let mut out: Vec<(Vec<&str>, Qualifier)> = pairs(text)
        .into_iter()
        .filter_map(|(w, key)| {
            let q = Qualifier::ALL.into_iter().find(|q| q.key() == key)?;
            Some((w.split_whitespace().collect(), q))
        })
        .collect();
    out.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    out
}

/// Month names and short forms, each to the full name.
pub static MONTH_NAMES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| groups(MONTHS));
/// Weekday names and short forms, each to the full name.
pub static WEEKDAY_NAMES: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| groups(WEEKDAYS));
/// Relative date wordings, as lists of words, longest first.
pub static RELATIVE_DATES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| phrases(RELATIVE));
/// Words before a date that belong to it, as lists of words, longest first.
pub static DATE_MODIFIERS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| phrases(MODIFIERS));
/// Parts of a day after a weekday.
pub static DAY_PARTS_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(DAY_PARTS));
/// Title words before a name.
pub static TITLE_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(TITLES));
/// Lower-case particles inside names.
pub static NAME_PARTICLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(PARTICLES));
/// Words that begin an institution's name.
pub static INSTITUTION_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(INSTITUTIONS));
/// Ordinary words that are capitalised only at a sentence start.
pub static COMMON_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(COMMON));
/// Numbers in words, as lists of words, with their values, longest first.
pub static NUMBER_WORD_VALUES: LazyLock<Vec<(Vec<&'static str>, f64)>> =
    LazyLock::new(|| valued(NUMBER_WORDS));
/// Scale words after a number, with their factors.
pub static SCALE_WORDS: LazyLock<HashMap<&'static str, f64>> =
    LazyLock::new(|| valued(SCALES).into_iter().map(|(w, v)| (w[0], v)).collect());
/// Abbreviations that stand before a number.
pub static NUMBER_ABBREVIATIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(ABBREVIATIONS));

/// A list of phrases as lists of words, longest first.
fn phrases(text: &'static str) -> Vec<Vec<&'static str>> {
    let mut out: Vec<Vec<&str>> = lines(text)
        .map(|l| l.split_whitespace().collect())
        .collect();
    out.sort_by_key(|w: &Vec<&str>| std::cmp::Reverse(w.len()));
    out
}

/// A list of `wording<TAB>number` lines, longest wording first.
fn valued(text: &'static str) -> Vec<(Vec<&'static str>, f64)> {
    let mut out: Vec<(Vec<&str>, f64)> = pairs(text)
        .into_iter()
        .filter_map(|(w, v)| Some((w.split_whitespace().collect(), v.parse().ok()?)))
        .collect();
    out.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list file: lower case, no entry twice, no stray tabs where
    /// a list has none.
    #[test]
    fn lists_are_lower_case_and_unique() {
        let files = [
            ("qualifiers", QUALIFIERS),
            ("qualifiers after", QUALIFIERS_AFTER),
            ("units", UNITS),
            ("not units", NOT_UNITS),
            ("months", MONTHS),
            ("weekdays", WEEKDAYS),
            ("relative", RELATIVE),
            ("modifiers", MODIFIERS),
            ("day parts", DAY_PARTS),
            ("titles", TITLES),
            ("particles", PARTICLES),
            ("institutions", INSTITUTIONS),
            ("common", COMMON),
            ("number words", NUMBER_WORDS),
            ("scales", SCALES),
            ("abbreviations", ABBREVIATIONS),
        ];
        for (name, text) in files {
            let mut seen = HashSet::new();
            for l in lines(text) {
                assert_eq!(l, l.to_lowercase(), "{name}: `{l}` is not lower case");
                let key = l.split('\t').next().unwrap_or(l);
                assert!(seen.insert(key), "{name}: `{key}` twice");
            }
            assert!(!seen.is_empty(), "{name} is empty");
        }
    }

    #[test]
    fn every_qualifier_line_names_a_qualifier() {
        assert_eq!(QUALIFIER_WORDS.len(), pairs(QUALIFIERS).len());
        let more_than = QUALIFIER_WORDS
            .iter()
            .find(|(w, _)| w == &["more", "than"])
            .map(|(_, q)| *q);
        assert_eq!(more_than, Some(Qualifier::MoreThan));
        // Longest first: "no more than" is tried before "more than".
        let at = |words: &[&str]| QUALIFIER_WORDS.iter().position(|(w, _)| w == words);
        assert!(at(&["no", "more", "than"]) < at(&["more", "than"]));
        assert!(!QUALIFIER_WORDS.iter().any(|(w, _)| w == &["many"]));
        assert_eq!(QUALIFIER_AFTER_WORDS.len(), pairs(QUALIFIERS_AFTER).len());
        let or_more = QUALIFIER_AFTER_WORDS
            .iter()
            .find(|(w, _)| w == &["or", "more"])
            .map(|(_, q)| *q);
        assert_eq!(or_more, Some(Qualifier::AtLeast));
    }

    #[test]
    fn units_are_single_words_and_no_unit_is_both() {
        for w in UNIT_WORDS.iter().chain(NOT_UNIT_WORDS.iter()) {
            assert!(!w.contains(' '), "`{w}` is more than a word");
        }
        assert!(UNIT_WORDS.contains("people") && UNIT_WORDS.contains("km"));
        assert!(NOT_UNIT_WORDS.contains("was") && !NOT_UNIT_WORDS.contains("people"));
        assert!(UNIT_WORDS.is_disjoint(&NOT_UNIT_WORDS));
    }

    #[test]
    fn months_weekdays_and_numbers_read_as_meant() {
        assert_eq!(MONTH_NAMES.get("sept"), Some(&"september"));
        assert_eq!(MONTH_NAMES.get("may"), Some(&"may"));
        assert_eq!(MONTH_NAMES.len(), 24);
        assert_eq!(WEEKDAY_NAMES.get("thurs"), Some(&"thursday"));
        assert!(!WEEKDAY_NAMES.contains_key("week"));
        assert!(RELATIVE_DATES.contains(&vec!["earlier", "this", "year"]));
        assert_eq!(SCALE_WORDS.get("billion"), Some(&1e9));
        assert_eq!(NUMBER_WORD_VALUES.len(), pairs(NUMBER_WORDS).len());
        let two_thirds = NUMBER_WORD_VALUES
            .iter()
            .find(|(w, _)| w == &["two-thirds"])
            .map(|(_, v)| *v);
        assert!(two_thirds.is_some_and(|v| (v - 2.0 / 3.0).abs() < 1e-9));
        assert!(TITLE_WORDS.contains("deputy") && !TITLE_WORDS.contains("ana"));
        assert!(NAME_PARTICLES.contains("de") && !NAME_PARTICLES.contains("of"));
        assert!(COMMON_WORDS.contains("the") && !COMMON_WORDS.contains("okafor"));
        assert!(INSTITUTION_WORDS.contains("ministry"));
        assert!(NUMBER_ABBREVIATIONS.contains("no") && !NUMBER_ABBREVIATIONS.contains("mr"));
        assert!(DAY_PARTS_SET.contains("night"));
        assert!(DATE_MODIFIERS.contains(&vec!["late", "on"]));
    }
}
