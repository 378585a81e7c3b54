//! The qualifier a source puts on a number ("nearly", "over"...): kept
//! with every figure as the word the source used, grouped by what it
//! means for charts and `brief diff`, and suggested by meaning when an
//! author misspells one.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The qualifier a source puts on a number, as the word it uses. Words
/// of one meaning (`nearly`, `almost`, `close-to`) stay distinct so the
/// briefing shows the source's own word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// The source gives the number with no qualifier ("75%"). It may
    /// still be rounded: this is not a claim of exactness.
    Unqualified,
    /// "exactly": the source says the number is exact.
    Exactly,
    /// "about": close to the value either way.
    About,
    /// "approximately": close to the value either way.
    Approximately,
    /// "roughly": close to the value either way.
    Roughly,
    /// "around": close to the value either way.
    Around,
    /// "nearly": just below the value.
    Nearly,
    /// "almost": just below the value.
    Almost,
    /// "close to": just below the value.
    CloseTo,
    /// "over": above the value.
    Over,
    /// "more than": above the value.
    MoreThan,
    /// "under": below the value.
    Under,
    /// "less than": below the value.
    LessThan,
    /// "at least": the value or more.
    AtLeast,
    /// "at most": the value or less.
    AtMost,
    /// "up to": the value or less.
    UpTo,
    /// "between": a range, given with `low` and `high`.
    Between,
}

/// What a qualifier says about where the true number lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Meaning {
    /// No qualifier: the number as the source gives it.
    AsStated,
    /// The number is exact.
    Exact,
    /// Close to the number, either way.
    Around,
    /// Below the number, not reaching it.
    Below,
    /// Above the number.
    Above,
    /// The number or more.
    AtLeast,
    /// The number or less.
    AtMost,
    /// Between two numbers.
    Range,
}

impl Meaning {
    /// The meaning in words, as templates see it in a figure's `bound`.
    pub fn text(self) -> &'static str {
        match self {
            Meaning::AsStated => "as stated",
            Meaning::Exact => "exact",
            Meaning::Around => "around",
            Meaning::Below => "below",
            Meaning::Above => "above",
            Meaning::AtLeast => "at least",
            Meaning::AtMost => "at most",
            Meaning::Range => "range",
        }
    }

    /// Whether a number with this meaning is a lower bound: the true
    /// number may lie above it.
    fn lower(self) -> bool {
        matches!(self, Meaning::Above | Meaning::AtLeast)
    }

    /// Whether a number with this meaning is an upper bound.
    fn upper(self) -> bool {
        matches!(self, Meaning::Below | Meaning::AtMost)
    }

    /// Whether a reader taking one meaning for the other would get the
    /// fact the wrong way round ("almost" for "at most").
    pub fn opposes(self, other: Meaning) -> bool {
        (self.lower() && other.upper()) || (self.upper() && other.lower())
    }
}

impl Qualifier {
    /// Every qualifier, in the order the format lists them.
    pub const ALL: [Qualifier; 17] = [
        Qualifier::Unqualified,
        Qualifier::Exactly,
        Qualifier::About,
        Qualifier::Approximately,
        Qualifier::Roughly,
        Qualifier::Around,
        Qualifier::Nearly,
        Qualifier::Almost,
        Qualifier::CloseTo,
        Qualifier::Over,
        Qualifier::MoreThan,
        Qualifier::Under,
        Qualifier::LessThan,
        Qualifier::AtLeast,
        Qualifier::AtMost,
        Qualifier::UpTo,
        Qualifier::Between,
    ];

    /// The qualifier as written in a brief: `close-to`, `at-least`.
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Unqualified => "unqualified",
            Qualifier::Exactly => "exactly",
            Qualifier::About => "about",
            Qualifier::Approximately => "approximately",
            Qualifier::Roughly => "roughly",
            Qualifier::Around => "around",
            Qualifier::Nearly => "nearly",
            Qualifier::Almost => "almost",
            Qualifier::CloseTo => "close-to",
            Qualifier::Over => "over",
            Qualifier::MoreThan => "more-than",
            Qualifier::Under => "under",
            Qualifier::LessThan => "less-than",
            Qualifier::AtLeast => "at-least",
            Qualifier::AtMost => "at-most",
            Qualifier::UpTo => "up-to",
            Qualifier::Between => "between",
        }
    }

    /// The qualifier as a word before the number: `nearly`, `more than`,
    /// or empty when there is none. `between` is empty too: a range says
    /// it in its own words ("between 12 and 30").
    pub fn word(self) -> &'static str {
        match self {
            Qualifier::Unqualified | Qualifier::Between => "",
            Qualifier::CloseTo => "close to",
            Qualifier::MoreThan => "more than",
            Qualifier::LessThan => "less than",
            Qualifier::AtLeast => "at least",
            Qualifier::AtMost => "at most",
            Qualifier::UpTo => "up to",
            q => q.key(),
        }
    }

    /// What the qualifier means for where the number lies.
    pub fn meaning(self) -> Meaning {
        match self {
            Qualifier::Unqualified => Meaning::AsStated,
            Qualifier::Exactly => Meaning::Exact,
            Qualifier::About
            | Qualifier::Approximately
            | Qualifier::Roughly
            | Qualifier::Around => Meaning::Around,
            Qualifier::Nearly
            | Qualifier::Almost
            | Qualifier::CloseTo
            | Qualifier::Under
            | Qualifier::LessThan => Meaning::Below,
            Qualifier::Over | Qualifier::MoreThan => Meaning::Above,
            Qualifier::AtLeast => Meaning::AtLeast,
            Qualifier::AtMost | Qualifier::UpTo => Meaning::AtMost,
            Qualifier::Between => Meaning::Range,
        }
    }

    /// How the qualifier bounds the value: `below`, `above`, `around`,
    /// `at least`, `at most`, `exact`, `range`, or `as stated`.
    pub fn bound(self) -> &'static str {
        self.meaning().text()
    }

    /// Whether the number is given without any fuzz.
    pub fn is_exact(self) -> bool {
        matches!(self.meaning(), Meaning::AsStated | Meaning::Exact)
    }
}

/// Wordings news uses for a bound, and misspellings common enough to
/// expect, each with the accepted qualifier of the same meaning. Keys are
/// as [`normal`] leaves them.
const SYNONYMS: &[(&str, Qualifier)] = &[
    ("some", Qualifier::About),
    ("circa", Qualifier::About),
    ("ca", Qualifier::About),
    ("approx", Qualifier::Approximately),
    ("estimated", Qualifier::About),
    ("an-estimated", Qualifier::About),
    ("an-approximate", Qualifier::Approximately),
    ("close", Qualifier::CloseTo),
    ("nearly-all", Qualifier::Nearly),
    ("just-under", Qualifier::Nearly),
    ("just-shy-of", Qualifier::Nearly),
    ("short-of", Qualifier::Nearly),
    ("below", Qualifier::Under),
    ("fewer-than", Qualifier::LessThan),
    ("lower-than", Qualifier::LessThan),
    ("less-then", Qualifier::LessThan),
    ("fewer-then", Qualifier::LessThan),
    ("above", Qualifier::Over),
    ("in-excess-of", Qualifier::Over),
    ("upwards-of", Qualifier::Over),
    ("upward-of", Qualifier::Over),
    ("greater-than", Qualifier::MoreThan),
    ("higher-than", Qualifier::MoreThan),
    ("more-then", Qualifier::MoreThan),
    ("just-over", Qualifier::Over),
    ("no-fewer-than", Qualifier::AtLeast),
    ("no-less-than", Qualifier::AtLeast),
    ("not-less-than", Qualifier::AtLeast),
    ("a-minimum-of", Qualifier::AtLeast),
    ("minimum", Qualifier::AtLeast),
    ("min", Qualifier::AtLeast),
    ("no-more-than", Qualifier::AtMost),
    ("not-more-than", Qualifier::AtMost),
    ("a-maximum-of", Qualifier::AtMost),
    ("maximum", Qualifier::AtMost),
    ("max", Qualifier::AtMost),
    ("as-many-as", Qualifier::UpTo),
    ("as-much-as", Qualifier::UpTo),
    ("precisely", Qualifier::Exactly),
    ("exact", Qualifier::Exactly),
    ("none", Qualifier::Unqualified),
    ("plain", Qualifier::Unqualified),
    ("from-to", Qualifier::Between),
    ("range", Qualifier::Between),
];

/// A written qualifier as it is compared: lower case, words joined by
/// hyphens whatever separated them.
fn normal(word: &str) -> String {
    word.trim()
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// What to suggest for an unknown qualifier: the accepted words of one
/// meaning, the closest first. A wording of known meaning ("more than",
/// "fewer than", "some") gives the words of that meaning; a misspelling
/// gives the accepted words nearest to it, and nothing when those differ
/// in meaning, so a suggestion never turns a bound the wrong way round
/// (`allmost` suggests `almost` and `nearly`, never `at-most`).
pub fn suggest(given: &str) -> Vec<Qualifier> {
    let word = normal(given);
    let joined: String = word.chars().filter(|c| *c != '-').collect();
    let exact = Qualifier::ALL
        .into_iter()
        .chain(SYNONYMS.iter().map(|(_, q)| *q))
        .find(|q| q.key().replace('-', "") == joined)
        .or_else(|| {
            SYNONYMS
                .iter()
                .find(|(w, _)| *w == word || w.replace('-', "") == joined)
                .map(|(_, q)| *q)
        });
    let chosen = match exact {
        Some(q) => q,
        None => match nearest(&joined) {
            Some(q) => q,
            None => return Vec::new(),
        },
    };
    let mut out = vec![chosen];
    out.extend(
        Qualifier::ALL
            .into_iter()
            .filter(|q| *q != chosen && q.meaning() == chosen.meaning()),
    );
    out
}

/// The accepted word or known wording nearest to `joined` (hyphens
/// removed), when every one at the least distance has the same meaning.
fn nearest(joined: &str) -> Option<Qualifier> {
    let limit = (joined.chars().count() / 3).max(1) + 1;
    let candidates = Qualifier::ALL
        .iter()
        .map(|q| (q.key().replace('-', ""), *q))
        .chain(SYNONYMS.iter().map(|(w, q)| (w.replace('-', ""), *q)));
    let mut best: Option<(usize, Vec<Qualifier>)> = None;
    for (text, q) in candidates {
        let d = strsim::osa_distance(joined, &text);
        if d > limit {
            continue;
        }
        match &mut best {
            Some((b, qs)) if d == *b => qs.push(q),
            Some((b, _)) if d > *b => {}
            _ => best = Some((d, vec![q])),
        }
    }
    let (_, qs) = best?;
    let first = *qs.first()?;
    // Words at the same distance that differ in meaning: a guess could
    // reverse the fact, so none is made.
    qs.iter()
        .all(|q| q.meaning() == first.meaning())
        .then(|| preferred(&qs, joined))
}

/// Among near words of one meaning, the one whose spelling is closest,
/// ties going to the first in the format's order.
fn preferred(qs: &[Qualifier], joined: &str) -> Qualifier {
    *qs.iter()
        .min_by_key(|q| {
            (
                strsim::osa_distance(joined, &q.key().replace('-', "")),
                Qualifier::ALL.iter().position(|a| a == *q),
            )
        })
        .unwrap_or(&qs[0])
}

/// The help for an unknown qualifier: the words of its likely meaning,
/// then every accepted word.
pub fn help(given: &str) -> String {
    let list: Vec<String> = Qualifier::ALL
        .iter()
        .map(|q| format!("`{}`", q.key()))
        .collect();
    let list = format!("accepted values: {}", list.join(", "));
    match suggest(given).as_slice() {
        [] => list,
        [one] => format!("did you mean `{}`? ({list})", one.key()),
        [first, rest @ ..] => {
            let same: Vec<String> = rest.iter().map(|q| format!("`{}`", q.key())).collect();
            format!(
                "did you mean `{}`? Same meaning: {}. ({list})",
                first.key(),
                same.join(", ")
            )
        }
    }
}

impl Serialize for Qualifier {
    /// Templates see the qualifier in words, as [`Qualifier::word`] gives them.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.word())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(given: &str) -> Vec<&'static str> {
        suggest(given).into_iter().map(Qualifier::key).collect()
    }

    #[test]
    fn keys_match_serde() {
        for q in Qualifier::ALL {
            let back: Qualifier =
                serde_json::from_value(serde_json::Value::String(q.key().into())).unwrap();
            assert_eq!(back, q);
        }
    }

    #[test]
    fn misspellings_suggest_the_same_meaning() {
        assert_eq!(keys("allmost")[0], "almost");
        assert!(keys("allmost").contains(&"nearly"));
        assert_eq!(keys("more then")[0], "more-than");
        assert_eq!(keys("more than")[0], "more-than");
        assert_eq!(keys("less then")[0], "less-than");
        assert_eq!(keys("approx")[0], "approximately");
        assert_eq!(keys("aproximately")[0], "approximately");
        assert_eq!(keys("atmost")[0], "at-most");
        assert_eq!(keys("upto")[0], "up-to");
        assert_eq!(keys("fewer than")[0], "less-than");
        assert_eq!(keys("no more than")[0], "at-most");
        assert_eq!(keys("some")[0], "about");
        assert!(keys("zzzzzzzz").is_empty());
    }

    /// Over a list of misspellings and wordings, each with the meaning the
    /// author meant: every word suggested has that meaning, and none has
    /// the opposite one.
    #[test]
    fn never_a_word_of_opposite_meaning() {
        let cases: &[(&str, Meaning)] = &[
            ("almst", Meaning::Below),
            ("allmost", Meaning::Below),
            ("almots", Meaning::Below),
            ("nearley", Meaning::Below),
            ("neary", Meaning::Below),
            ("close too", Meaning::Below),
            ("closeto", Meaning::Below),
            ("undr", Meaning::Below),
            ("less thn", Meaning::Below),
            ("less than", Meaning::Below),
            ("ovr", Meaning::Above),
            ("more thn", Meaning::Above),
            ("more then", Meaning::Above),
            ("morethan", Meaning::Above),
            ("greater than", Meaning::Above),
            ("at leats", Meaning::AtLeast),
            ("atleast", Meaning::AtLeast),
            ("at lest", Meaning::AtLeast),
            ("no fewer than", Meaning::AtLeast),
            ("at mots", Meaning::AtMost),
            ("atmost", Meaning::AtMost),
            ("up too", Meaning::AtMost),
            ("as many as", Meaning::AtMost),
            ("abut", Meaning::Around),
            ("arund", Meaning::Around),
            ("roughy", Meaning::Around),
            ("approximatly", Meaning::Around),
            ("exacly", Meaning::Exact),
            ("betwen", Meaning::Range),
        ];
        for (given, meant) in cases {
            let got = suggest(given);
            assert!(!got.is_empty(), "`{given}` gets no suggestion");
            for q in got {
                assert_eq!(q.meaning(), *meant, "`{given}` suggests `{}`", q.key());
                assert!(!q.meaning().opposes(*meant));
            }
        }
        // Whatever is written, no suggestion mixes opposite meanings.
        let words = [
            "almost", "allmost", "amost", "atmost", "at most", "at-mos", "nearly", "over", "under",
            "uner", "oveer", "lest", "least", "most",
        ];
        for given in words {
            let got = suggest(given);
            for a in &got {
                for b in &got {
                    assert!(
                        !a.meaning().opposes(b.meaning()),
                        "`{given}`: {a:?} and {b:?}"
                    );
                }
            }
        }
        assert!(!keys("almost").contains(&"at-most"));
        assert!(!keys("allmost").contains(&"at-most"));
    }
}
