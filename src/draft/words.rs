//! The word lists the drafter relies on beyond the finders' own (see
//! [`crate::scan::words`], whose reader of list files it shares), read
//! from `data/*.txt` at compile time: one entry a line, `#` comments and
//! blank lines skipped; `wording<TAB>word` where a list maps a wording to
//! a word of the format.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::scan::words::lines;

const REPORTING: &str = include_str!("../../data/reporting-verbs.txt");
const SOURCE_NOUNS: &str = include_str!("../../data/source-nouns.txt");
const ORGANISATIONS: &str = include_str!("../../data/organisation-words.txt");
const PLACES: &str = include_str!("../../data/place-words.txt");

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

const FUTURE: &str = include_str!("../../data/future-words.txt");
const MEETING: &str = include_str!("../../data/meeting-words.txt");
const ACTION: &str = include_str!("../../data/action-words.txt");
const ACTION_VERBS: &str = include_str!("../../data/action-verbs.txt");
const EVENT_STATUS: &str = include_str!("../../data/event-status.txt");
const AGREEMENT: &str = include_str!("../../data/agreement-words.txt");
const AGREEMENT_STATUS: &str = include_str!("../../data/agreement-status.txt");
const CONDITION: &str = include_str!("../../data/condition-words.txt");
const VAGUE: &str = include_str!("../../data/vague-counts.txt");
const NOT_FIGURES: &str = include_str!("../../data/not-figure-units.txt");

/// A list of wordings as lists of words, in the file's order.
fn phrases(text: &'static str) -> Vec<Vec<&'static str>> {
    lines(text)
        .map(|l| l.split_whitespace().collect())
        .collect()
}

/// A list of `wording<TAB>word` lines, in the file's order.
fn pairs(text: &'static str) -> Vec<(Vec<&'static str>, &'static str)> {
    lines(text)
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.split_whitespace().collect(), b.trim()))
        .collect()
}

/// `pairs`, longest wording first (the file's order among equals).
fn longest_first(text: &'static str) -> Vec<(Vec<&'static str>, &'static str)> {
    let mut out = pairs(text);
    out.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    out
}

/// Wordings that put a date in the future ("will", "is due").
pub static FUTURE_WORDS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| phrases(FUTURE));
/// Meeting words with their event kind, longest first.
pub static MEETING_WORDS: LazyLock<Vec<(Vec<&'static str>, &'static str)>> =
    LazyLock::new(|| longest_first(MEETING));
/// Nouns of military actions, longest first.
pub static ACTION_WORDS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut out = phrases(ACTION);
    out.sort_by_key(|w| std::cmp::Reverse(w.len()));
    out
});
/// Verbs of military actions, in the past tense.
pub static ACTION_VERB_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(ACTION_VERBS).collect());
/// Wordings of an event's status, in the order they are tried.
pub static EVENT_STATUS_WORDS: LazyLock<Vec<(Vec<&'static str>, &'static str)>> =
    LazyLock::new(|| pairs(EVENT_STATUS));
/// Nouns of agreements with their kind, longest first.
pub static AGREEMENT_WORDS: LazyLock<Vec<(Vec<&'static str>, &'static str)>> =
    LazyLock::new(|| longest_first(AGREEMENT));
/// Wordings of an agreement's status, in the order they are tried.
pub static AGREEMENT_STATUS_WORDS: LazyLock<Vec<(Vec<&'static str>, &'static str)>> =
    LazyLock::new(|| pairs(AGREEMENT_STATUS));
/// Wordings that open a condition ("unless", "only if").
pub static CONDITION_WORDS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| phrases(CONDITION));
/// Counts without a number ("dozens", "several hundred").
pub static VAGUE_COUNTS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut out = phrases(VAGUE);
    out.sort_by_key(|w| std::cmp::Reverse(w.len()));
    out
});
/// Units of numbers that are not figures of a story on their own
/// ("72-hour", "six months", "two sides").
pub static NOT_FIGURE_UNITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(NOT_FIGURES).collect());

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

    #[test]
    fn lists_are_lower_case_and_unique() {
        for (name, text) in [
            ("future words", FUTURE),
            ("meeting words", MEETING),
            ("action words", ACTION),
            ("action verbs", ACTION_VERBS),
            ("event status", EVENT_STATUS),
            ("agreement words", AGREEMENT),
            ("agreement status", AGREEMENT_STATUS),
            ("condition words", CONDITION),
            ("vague counts", VAGUE),
            ("not figure units", NOT_FIGURES),
        ] {
            let mut seen = HashSet::new();
            for l in lines(text) {
                assert_eq!(l, l.to_lowercase(), "{name}: `{l}` is not lower case");
                let key = l.split('\t').next().unwrap_or(l);
                assert!(seen.insert(key), "{name}: `{key}` twice");
            }
            assert!(seen.len() >= 3, "{name} is nearly empty");
        }
    }

    #[test]
    fn mapped_lists_name_words_of_the_format() {
        let kinds = [
            "phone-call",
            "meeting",
            "talks",
            "summit",
            "visit",
            "speech",
            "other",
        ];
        for (w, k) in MEETING_WORDS.iter() {
            assert!(kinds.contains(k), "meeting word {w:?}: kind {k}");
        }
        let statuses = [
            "held",
            "under-way",
            "scheduled",
            "proposed",
            "postponed",
            "cancelled",
        ];
        for (w, s) in EVENT_STATUS_WORDS.iter() {
            assert!(statuses.contains(s), "event status {w:?}: {s}");
        }
        let kinds = [
            "agreement",
            "proposal",
            "truce",
            "ceasefire",
            "deal",
            "treaty",
            "resolution",
            "other",
        ];
        for (w, k) in AGREEMENT_WORDS.iter() {
            assert!(kinds.contains(k), "agreement word {w:?}: kind {k}");
        }
        let statuses = [
            "proposed",
            "under-negotiation",
            "agreed-in-principle",
            "agreed",
            "signed",
            "in-force",
            "violated",
            "collapsed",
            "expired",
            "rejected",
        ];
        for (w, s) in AGREEMENT_STATUS_WORDS.iter() {
            assert!(statuses.contains(s), "agreement status {w:?}: {s}");
        }
    }

    #[test]
    fn lists_hold_what_the_finders_need() {
        assert!(FUTURE_WORDS.contains(&vec!["will"]));
        assert!(!FUTURE_WORDS.contains(&vec!["said"]));
        let kind = |w: &[&str]| MEETING_WORDS.iter().find(|(m, _)| m == w).map(|(_, k)| *k);
        assert_eq!(kind(&["telephone", "call"]), Some("phone-call"));
        assert_eq!(kind(&["talks"]), Some("talks"));
        assert_eq!(kind(&["table"]), None);
        // Longest first: "telephone call" before "call".
        let at = |w: &[&str]| MEETING_WORDS.iter().position(|(m, _)| m == w);
        assert!(at(&["telephone", "call"]) < at(&["call"]));
        // A cancelled meeting is found before the "planned for" it had.
        let at = |w: &[&str]| EVENT_STATUS_WORDS.iter().position(|(m, _)| m == w);
        assert!(at(&["never", "took", "place"]) < at(&["planned", "for"]));
        assert!(CONDITION_WORDS.contains(&vec!["unless"]));
        assert!(ACTION_WORDS.contains(&vec!["clashes"]) && !ACTION_WORDS.contains(&vec!["talks"]));
        assert!(ACTION_VERB_WORDS.contains(&"fired") && !ACTION_VERB_WORDS.contains(&"said"));
        assert!(VAGUE_COUNTS.contains(&vec!["dozens"]));
        assert!(NOT_FIGURE_UNITS.contains(&"hour") && !NOT_FIGURE_UNITS.contains(&"people"));
    }
}
