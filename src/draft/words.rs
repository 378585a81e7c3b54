//! The word lists the drafter relies on beyond the finders' own (see
//! [`crate::scan::words`]), read from `data/*.txt` at compile time: one
//! entry a line, `#` comments and blank lines skipped.

use std::collections::HashSet;
use std::sync::LazyLock;

const REPORTING: &str = include_str!("../../data/reporting-verbs.txt");
const SOURCE_NOUNS: &str = include_str!("../../data/source-nouns.txt");
const ORGANISATIONS: &str = include_str!("../../data/organisation-words.txt");
const PLACES: &str = include_str!("../../data/place-words.txt");

/// The entries of a list file: trimmed lines, without comments.
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Reporting verbs (`said`, `told`, `added`).
pub static REPORTING_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(REPORTING).collect());
/// Nouns of unnamed sources (`sources`, `officials`, `a nurse`).
pub static SOURCE_NOUN_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(SOURCE_NOUNS).collect());
/// Words that make a name an organisation's.
pub static ORGANISATION_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(ORGANISATIONS).collect());

/// Words that make a name a place's, each with the kind of place.
pub static PLACE_WORDS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    lines(PLACES)
        .filter_map(|l| l.split_once('\t'))
        .map(|(w, k)| (w.trim(), k.trim()))
        .collect()
});

/// The kind of place a word makes, if it makes one.
pub fn place_kind(lower: &str) -> Option<&'static str> {
    PLACE_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lower_case_single_words_and_unique() {
        for (name, text) in [
            ("reporting verbs", REPORTING),
            ("source nouns", SOURCE_NOUNS),
            ("organisation words", ORGANISATIONS),
        ] {
            let mut seen = HashSet::new();
            for l in lines(text) {
                assert_eq!(l, l.to_lowercase(), "{name}: `{l}` is not lower case");
                assert!(
                    !l.contains(char::is_whitespace),
                    "{name}: `{l}` is not one word"
                );
                assert!(seen.insert(l), "{name}: `{l}` twice");
            }
            assert!(seen.len() > 10, "{name} is nearly empty");
        }
    }

    #[test]
    fn every_place_word_has_a_kind_of_the_format() {
        assert_eq!(PLACE_WORDS.len(), lines(PLACES).count());
        let mut seen = HashSet::new();
        for (w, k) in PLACE_WORDS.iter() {
            assert_eq!(*w, w.to_lowercase());
            assert!(seen.insert(*w), "`{w}` twice");
            assert!(
                ["country", "region", "city", "site", "other"].contains(k),
                "{w}: {k}"
            );
        }
        assert_eq!(place_kind("palace"), Some("site"));
        assert_eq!(place_kind("minister"), None);
    }

    #[test]
    fn lists_hold_what_the_drafter_needs() {
        assert!(REPORTING_VERBS.contains("said") && REPORTING_VERBS.contains("told"));
        assert!(!REPORTING_VERBS.contains("the"));
        assert!(SOURCE_NOUN_WORDS.contains("sources") && SOURCE_NOUN_WORDS.contains("official"));
        assert!(!SOURCE_NOUN_WORDS.contains("minister"));
        assert!(ORGANISATION_WORDS.contains("ministry") && ORGANISATION_WORDS.contains("front"));
        assert!(!ORGANISATION_WORDS.contains("islands") && !ORGANISATION_WORDS.contains("palace"));
    }
}
