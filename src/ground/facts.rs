//! What an item states, found in its evidence: a figure's number and the
//! word that qualifies it, and a date's wording.

use std::ops::Range;

use super::{Grounder, ItemRef, excerpt, normalise, pos_in};
use crate::diagnostic::Diagnostic;
use crate::format::{DateSpec, Figure, Qualifier, number_text};
use crate::pos::Pos;
use crate::scan::numbers::{read_numbers, same};

/// One number written in a figure's evidence, as a figure's value is
/// compared with it: a range's two ends are two of them.
struct Written {
    /// Its value.
    value: f64,
    /// Its value without the scale word after it: 1.2 for `1.2 million`,
    /// which a figure in `million people` gives as its value.
    unscaled: f64,
    /// The qualifier on it, as written (lower case), with its meaning.
    qualifier: Option<(String, Qualifier)>,
    /// The number with its qualifier as the text puts them: `nearly 60`,
    /// `50 or more`, or the number alone.
    phrase: String,
}

/// Every number of `text`, each end of a range on its own.
fn written(text: &str) -> Vec<Written> {
    let words =
        |r: std::ops::Range<usize>| text[r].split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    for n in read_numbers(text) {
        let qualifier = n
            .wording
            .as_ref()
            .map(|(r, q)| (words(r.clone()).to_lowercase(), *q));
        out.push(Written {
            value: n.value,
            unscaled: n.written,
            qualifier,
            phrase: words(n.phrase()),
        });
        if let (Some(high), Some(shown)) = (n.high, n.high_shown) {
            let scale = if n.written == 0.0 {
                1.0
            } else {
                n.value / n.written
            };
            out.push(Written {
                value: high,
                unscaled: high / scale,
                qualifier: None,
                phrase: words(shown),
            });
        }
    }
    out
}

impl Grounder<'_> {
    /// The normalised text of the passages found, one after another.
    fn joined(&self, found: &[(usize, Range<usize>)]) -> String {
        let parts: Vec<String> = found
            .iter()
            .map(|(t, r)| normalise(&self.grounding.texts[*t].text[r.clone()]).text)
            .collect();
        parts.join(" ")
    }

    /// A related place for a diagnostic: the first passage found.
    fn first_passage(&self, found: &[(usize, Range<usize>)]) -> Option<Pos> {
        found
            .first()
            .map(|(t, r)| pos_in(&self.grounding.texts[*t], r.clone()))
    }

    /// Checks that a figure's value (or `stated` wording) is in its
    /// evidence, with the same qualifier.
    pub(super) fn figure(&mut self, f: &Figure, found: &[(usize, Range<usize>)]) {
        if found.is_empty() {
            return;
        }
        let text = self.joined(found);
        let written = written(&text);
        let values: Vec<(f64, Pos)> = [&f.value, &f.low, &f.high]
            .into_iter()
            .flatten()
            .map(|v| (v.value, v.pos))
            .collect();
        if values.is_empty() {
            if let Some(stated) = &f.stated {
                let want = normalise(stated).text.to_lowercase();
                if !want.is_empty() && !text.to_lowercase().contains(&want) {
                    self.not_in_evidence(
                        "figure-not-in-evidence",
                        f.id.pos,
                        format!(
                            "the figure's wording “{}” is not in its evidence",
                            stated.trim()
                        ),
                        found,
                        &text,
                    );
                }
            }
            return;
        }
        // The occurrences of the first value found: the figure's
        // qualifier may be on any of them ("38 dead ... at least 38").
        let mut occurrences: Vec<&Written> = Vec::new();
        for (v, pos) in &values {
            let here: Vec<&Written> = written
                .iter()
                .filter(|w| same(w.value, *v) || same(w.unscaled, *v))
                .collect();
            if here.is_empty() {
                self.not_in_evidence(
                    "figure-not-in-evidence",
                    *pos,
                    format!(
                        "the number {} is not in the figure's evidence",
                        number_text(*v)
                    ),
                    found,
                    &text,
                );
            } else if occurrences.is_empty() {
                occurrences = here;
            }
        }
        if occurrences.is_empty() {
            return;
        }
        let q = f
            .qualifier
            .as_ref()
            .map(|q| q.value)
            .unwrap_or(Qualifier::Unqualified);
        if q == Qualifier::Between {
            return;
        }
        let at = f.qualifier.as_ref().map_or(values[0].1, |q| q.pos);
        // The figure passes when one occurrence carries its qualifier;
        // otherwise a warning (same meaning, other word) beats an error,
        // and the first occurrence speaks.
        let mut verdicts = Vec::new();
        for w in &occurrences {
            match qualifier_verdict(w, q, at) {
                None => return,
                Some(d) => verdicts.push(d),
            }
        }
        let pick = verdicts.iter().position(|d| !d.is_error()).unwrap_or(0);
        let mut d = verdicts.swap_remove(pick);
        if let Some(p) = self.first_passage(found) {
            d = d.with_related(p, "the evidence");
        }
        self.diags.push(d);
    }

    /// Checks that a date's `stated` wording is in the item's evidence.
    pub(super) fn date_wording(
        &mut self,
        _item: &ItemRef,
        d: &DateSpec,
        found: &[(usize, Range<usize>)],
    ) {
        let Some(stated) = &d.stated else { return };
        if found.is_empty() {
            return;
        }
        let want = normalise(stated).text.to_lowercase();
        let text = self.joined(found);
        if want.is_empty() || text.to_lowercase().contains(&want) {
            return;
        }
        self.not_in_evidence(
            "date-not-in-evidence",
            d.pos,
            format!(
                "the date's wording “{}” is not in the item's evidence",
                stated.trim()
            ),
            found,
            &text,
        );
    }

    fn not_in_evidence(
        &mut self,
        code: &'static str,
        at: Pos,
        message: String,
        found: &[(usize, Range<usize>)],
        text: &str,
    ) {
        let mut d = Diagnostic::error(code, at, message)
            .with_label("not in the evidence")
            .with_help(format!(
                "the evidence reads “{}”; add the passage that says it to `evidence`",
                excerpt(text)
            ));
        if let Some(p) = self.first_passage(found) {
            d = d.with_related(p, "the evidence");
        }
        self.diags.push(d);
    }
}

/// What a figure with qualifier `q` gets against one occurrence of its
/// number in the evidence: nothing when they agree, a warning when the
/// word differs but the meaning does not, an error otherwise.
fn qualifier_verdict(w: &Written, q: Qualifier, at: Pos) -> Option<Diagnostic> {
    let phrase = &w.phrase;
    let d = match (&w.qualifier, q) {
        (None, Qualifier::Unqualified) => return None,
        (Some((said, sq)), q) if *sq == q || said == q.word() => return None,
        (Some((_, sq)), q) if q != Qualifier::Unqualified && sq.meaning() == q.meaning() => {
            Diagnostic::warning(
                "qualifier-wording-differs",
                at,
                format!(
                    "the figure says `{}` where its evidence says “{phrase}”",
                    q.key()
                ),
            )
            .with_label("not the source's word")
            .with_help(format!(
                "the meaning is the same; use the source's own word: `qualifier: {}`",
                sq.key()
            ))
        }
        (Some((_, sq)), Qualifier::Unqualified) => Diagnostic::error(
            "qualifier-not-in-evidence",
            at,
            format!("the evidence says “{phrase}”, but the figure gives the number unqualified"),
        )
        .with_label("qualifier dropped")
        .with_help(format!("keep the source's qualifier: `qualifier: {}`", sq.key())),
        (Some((_, sq)), q) => Diagnostic::error(
            "qualifier-not-in-evidence",
            at,
            format!(
                "the figure says `{}` where its evidence says “{phrase}”",
                q.key()
            ),
        )
        .with_label("not what the source says")
        .with_help(format!("use the source's qualifier: `qualifier: {}`", sq.key())),
        (None, q) => Diagnostic::error(
            "qualifier-not-in-evidence",
            at,
            format!(
                "the figure says `{}`, but its evidence gives “{phrase}” with no qualifier",
                q.key()
            ),
        )
        .with_label("not in the evidence")
        .with_help("give the number as the source does: `qualifier: unqualified`, or the passage that qualifies it"),
    };
    Some(d)
}
