//! Did-you-mean: the known name closest to a misspelt one, within a
//! bounded amount of work.

/// Words longer than this get no suggestion: a typo is found in a name,
/// and comparing long texts costs the product of their lengths.
const LONGEST_WORD: usize = 64;

/// The work one suggestion may take, in candidates looked at plus
/// characters compared (the product of the two lengths, per candidate).
const ONE_SUGGESTION: u64 = 2_000_000;

/// The closest candidate to `word` by edit distance, if one is close
/// enough to be a plausible typo. A swap of two adjacent characters
/// (`ryabkvo` for `ryabkov`) counts as one edit, like an insertion, a
/// deletion or a substitution: the optimal string alignment distance.
/// Gives nothing rather than take more than a bounded amount of work.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    Suggestions::new(ONE_SUGGESTION).closest(word, candidates)
}

/// Did-you-mean for many misspelt words against the same kind of list,
/// sharing one budget of work: once it is spent, the rest get no
/// suggestion, so a file of thousands of unknown names is still reported
/// at once. What each suggestion costs depends only on the word and the
/// set of candidates, never on their order, so the same input gets the
/// same suggestions.
#[derive(Debug, Clone)]
pub struct Suggestions {
    left: u64,
}

impl Suggestions {
    /// A budget of `work`: candidates looked at plus characters compared.
    pub fn new(work: u64) -> Self {
        Self { left: work }
    }

    /// [`closest`], within what is left of the budget.
    pub fn closest<'a>(
        &mut self,
        word: &str,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Option<&'a str> {
        let chars = word.chars().count();
        if self.left == 0 || chars > LONGEST_WORD {
            return None;
        }
        let limit = (chars / 3).max(1) + 1;
        let mut seen = 0u64;
        // The distance is at least the difference in length: skip those
        // too far apart before computing it.
        let near: Vec<&str> = candidates
            .into_iter()
            .inspect(|_| seen += 1)
            .filter(|c| c.len() <= 4 * (LONGEST_WORD + limit))
            .filter(|c| c.chars().count().abs_diff(chars) <= limit)
            .collect();
        let cells: u64 = near
            .iter()
            .map(|c| (c.chars().count() * chars.max(1)) as u64)
            .sum();
        let cost = seen + cells;
        if cost > self.left || cells > ONE_SUGGESTION {
            self.left = 0;
            return None;
        }
        self.left -= cost;
        near.into_iter()
            .map(|c| (strsim::osa_distance(word, c), c))
            .filter(|(d, _)| *d <= limit)
            // Ties go to the first in alphabetical order, whatever the
            // order of the candidates.
            .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
            .map(|(_, c)| c)
    }
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
    fn the_work_is_bounded() {
        // A long word gets no suggestion, however close.
        let long = "a".repeat(LONGEST_WORD + 1);
        assert_eq!(closest(&long, [long.as_str()]), None);
        // A budget runs out, and then stays out.
        let ids: Vec<String> = (0..100).map(|i| format!("actor-{i:03}")).collect();
        let mut budget = Suggestions::new(50_000);
        let mut given = 0;
        for _ in 0..100 {
            if budget
                .closest("actor-00x", ids.iter().map(String::as_str))
                .is_some()
            {
                given += 1;
            }
        }
        assert!(given > 0 && given < 100, "{given}");
        assert_eq!(budget.closest("actor-00x", ["actor-001"]), None);
    }

    #[test]
    fn ties_go_to_the_first_alphabetically() {
        assert_eq!(closest("cat", ["cut", "bat"]), Some("bat"));
        assert_eq!(closest("cat", ["bat", "cut"]), Some("bat"));
    }
}
