//! Did-you-mean: the known name closest to a misspelt one.

/// The closest candidate to `word` by edit distance, if one is close
/// enough to be a plausible typo. A swap of two adjacent characters
/// (`ryabkvo` for `ryabkov`) counts as one edit, like an insertion, a
/// deletion or a substitution: the optimal string alignment distance.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let chars = word.chars().count();
    let limit = (chars / 3).max(1) + 1;
    candidates
        .into_iter()
        // The distance is at least the difference in length: skip those
        // too far apart before computing it.
        .filter(|c| c.chars().count().abs_diff(chars) <= limit)
        .map(|c| (strsim::osa_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        // Ties go to the first in alphabetical order, whatever the order
        // of the candidates.
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swap_is_one_edit() {
        assert_eq!(closest("ryabkvo", ["ryabkov"]), Some("ryabkov"));
        assert_eq!(closest("ab", ["ba"]), Some("ba"));
        // A three-letter word allows two edits, not three.
        assert_eq!(closest("abc", ["xbz"]), Some("xbz"));
        assert_eq!(closest("abc", ["xyz"]), None);
    }

    #[test]
    fn closest_finds_typos_and_ignores_strangers() {
        let ids = ["putin", "trump", "ryabkov"];
        assert_eq!(closest("putn", ids), Some("putin"));
        assert_eq!(closest("trumpp", ids), Some("trump"));
        assert_eq!(closest("zelenskiy", ids), None);
    }

    #[test]
    fn ties_go_to_the_first_alphabetically() {
        assert_eq!(closest("cat", ["cut", "bat"]), Some("bat"));
        assert_eq!(closest("cat", ["bat", "cut"]), Some("bat"));
    }
}
