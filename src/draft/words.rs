//! The word lists the drafter relies on beyond the finders' own (see
//! [`crate::scan::words`]), read from `data/*.txt` at compile time: one
//! entry a line, `#` comments and blank lines skipped.

use std::collections::HashSet;
use std::sync::LazyLock;

const REPORTING: &str = include_str!("../../data/reporting-verbs.txt");
const SOURCE_NOUNS: &str = include_str!("../../data/source-nouns.txt");
const ORGANISATIONS: &str = include_str!("../../data/organisation-words.txt");

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
    fn lists_hold_what_the_drafter_needs() {
        assert!(REPORTING_VERBS.contains("said") && REPORTING_VERBS.contains("told"));
        assert!(!REPORTING_VERBS.contains("the"));
        assert!(SOURCE_NOUN_WORDS.contains("sources") && SOURCE_NOUN_WORDS.contains("official"));
        assert!(!SOURCE_NOUN_WORDS.contains("minister"));
        assert!(ORGANISATION_WORDS.contains("ministry") && ORGANISATION_WORDS.contains("front"));
        assert!(!ORGANISATION_WORDS.contains("islands") && !ORGANISATION_WORDS.contains("palace"));
    }
}
