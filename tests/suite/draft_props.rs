//! `brief draft` on many generated articles, built from fragments of
//! hostile but plausible text (all fictional): every draft, written
//! beside its article, passes `brief check` with no error and no warning
//! but the expected ones; drafting twice gives the same bytes; and every
//! quote is the article's own words.

use std::path::Path;

use brief::{DraftOptions, Limits, Severity};
use proptest::prelude::*;

use crate::common::files::tempdir;

/// Headlines, or none.
const HEADLINES: &[&str] = &[
    "",
    "Talks: the #1 question - & more!\n\n",
    "- Ministers to meet * again\n\n",
    "Only a headline | and > more % @ `here`\n\n",
    "„Wir bleiben“ — Korvel's «last» word\n\n",
];

/// Datelines (with a byline or not), or none.
const DATELINES: &[&str] = &[
    "",
    "By Ossa Vey\n\nKORSA, 29 February 2032 (Northline News) - ",
    "VELMAR, 31 December 2031 (Meridian Press) - ",
    "SOLLUND, 1 January 2032 (Meridian Press) — ",
    "ORSK, 14 May 2031 - ",
];

/// Sentences and paragraphs of every awkward kind.
const FRAGMENTS: &[&str] = &[
    "Transport Minister Lena Hollis met the unions on Tuesday.",
    "“We will not move: ever,” Hollis said.",
    "“#Korsa is ours & always will be!” Hollis said.",
    "Union leader Piet O'Hara-Van told reporters, “| the table is > the chair % @ all times `ok`.”",
    "“!important — this is *not* a drill,” O'Hara-Van said.",
    "He added:\t“Tabs\tinside\tquotes.”",
    "Nearly 40% of workers, or about 1,200 people, joined the strike, according to the ministry.",
    "„Wir bleiben hier,“ Korvel said.",
    "«Nous restons ici», Korvel said.",
    "‹Un peu›, Korvel said.",
    "'We stay here,' Korvel said.",
    "\"We stay,\" Korvel said.",
    "“We stay,” Korvel said.",
    "“Unbalanced quote, Korvel said.",
    "Korvel said: “He told me ‘never again’ and I believed him.”",
    "Korvel said: “This quote starts here.\n\nAnd it runs on into a second paragraph,” she said.",
    "“Nested “twice” quotes,” Korvel said.",
    "Deputy Foreign Minister Ana Korvel of Norvale will chair the session at 10:00 local time.",
    "Foreign Minister Jean-Luc Dürrenmatt-Ørsted met President Юрий Соколов on Wednesday.",
    "“Мы согласны,” Соколов said.",
    "Colonel Ana-María Núñez d'Ávila told reporters, “Nothing changed.”",
    "Finance Minister Edvin Halloran said on Monday that the budget of $3.5 billion for 2032 was 12.5% higher than in 2031.",
    "Call 555-0199 or +47 22 33 44 55 between 09:00 and 17:30 for details, the ministry said.",
    "Between 20 and 30 people, 10-15 km and 3.5-4% were counted in 1990–2000, Halloran said.",
    "At least 42 soldiers and nearly 60 civilians died between 28 February and 1 March 2032, the ministry said.",
    "The motion passed by 92 votes to 8 on 29 February 2032.",
    "The foreign ministers of Arvenia and Belmora will meet in Sollund on Friday, Arvenian diplomatic sources said.",
    "The council agreed to a ceasefire in the town of Velmar on 31 December 2031, as reported by BTV.",
    "Talks will resume only if the shelling stops, Halloran said.",
    "On 31 December 2031 at 23:59 about 7,000 people gathered, police said.",
    "the delegates discussed item 4 and item 5 and item 6, and then the delegates discussed item 7 with Minister Korvel and nobody stopped",
    "Hollis said the talks went on, and on, and on; and the ministry said 300 workers had joined, and the council met on Friday",
];

/// An article from its parts: a headline, a dateline, paragraphs of
/// fragments (some written twice), with its line endings and a byte
/// order mark or not.
fn article() -> impl Strategy<Value = String> {
    (
        prop::sample::select(HEADLINES),
        prop::sample::select(DATELINES),
        prop::collection::vec(
            prop::collection::vec(prop::sample::select(FRAGMENTS), 1..5),
            1..8,
        ),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(headline, dateline, paragraphs, crlf, bom)| {
            let body: Vec<String> = paragraphs.iter().map(|p| p.join(" ")).collect();
            let mut text = format!("{headline}{dateline}{}\n", body.join("\n\n"));
            if crlf {
                text = text.replace('\n', "\r\n");
            }
            if bom {
                text.insert(0, '\u{feff}');
            }
            text
        })
}

/// The codes a fresh draft may warn with: the marker, an actor nothing
/// refers to yet, a figure with no date.
const EXPECTED_WARNINGS: &[&str] = &["W0103", "W0005", "W0006"];

/// The values of the draft's `quote:` lines, unescaped.
fn quotes(yaml: &str) -> Vec<String> {
    yaml.lines()
        .filter_map(|l| l.trim_start().strip_prefix("quote: "))
        .map(|q| {
            let inner = q.strip_prefix('"').and_then(|q| q.strip_suffix('"'));
            let inner = inner.unwrap_or_else(|| panic!("an unquoted quote: {q}"));
            let mut out = String::new();
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                if c != '\\' {
                    out.push(c);
                    continue;
                }
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        let code = u32::from_str_radix(&hex, 16).expect("four hex digits");
                        out.push(char::from_u32(code).expect("a character"));
                    }
                    Some(c) => out.push(c),
                    None => panic!("a lone backslash in {q}"),
                }
            }
            out
        })
        .collect()
}

fn draft_beside(dir: &Path, text: &str) -> Result<String, TestCaseError> {
    std::fs::write(dir.join("article.txt"), text).expect("the article is written");
    let options = DraftOptions {
        text_path: Some("article.txt".to_owned()),
        ..DraftOptions::new()
    };
    let yaml = brief::draft(text, &options).map_err(|e| TestCaseError::fail(format!("{e}")))?;
    let again = brief::draft(text, &options).map_err(|e| TestCaseError::fail(format!("{e}")))?;
    prop_assert_eq!(&yaml, &again, "drafting twice gave two drafts");
    Ok(yaml)
}

fn check_draft(text: &str) -> Result<(), TestCaseError> {
    let tmp = tempdir();
    let yaml = draft_beside(tmp.path(), text)?;
    let path = tmp.path().join("draft.yaml");
    std::fs::write(&path, &yaml).expect("the draft is written");
    let checked = brief::check_file(&path, None, &Limits::default()).expect("the draft is read");
    for d in &checked.diagnostics {
        let fine = d.severity != Severity::Error && EXPECTED_WARNINGS.contains(&d.numbered_code());
        prop_assert!(
            fine,
            "{} {}\n--- article\n{text}\n--- draft\n{yaml}",
            d.numbered_code(),
            d.message
        );
    }
    prop_assert!(checked.model.is_some());
    // Every quote is the article's words, as grounding compares them.
    let article = brief::ground::normalise(text).text;
    for q in quotes(&yaml) {
        let q = brief::ground::normalise(&q).text;
        prop_assert!(article.contains(&q), "`{q}` is not in the article\n{text}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        // The same articles on every run.
        rng_seed: proptest::test_runner::RngSeed::Fixed(18),
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::WithSource(
            "proptest-regressions"
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_generated_article_drafts_into_a_brief_that_checks(text in article()) {
        check_draft(&text)?;
    }
}

#[test]
fn every_fragment_alone_and_all_of_them_together_draft_into_briefs_that_check() {
    for f in FRAGMENTS {
        let text = format!("{}{f}\n", DATELINES[2]);
        check_draft(&text).unwrap_or_else(|e| panic!("{e}"));
    }
    let all = format!(
        "{}{}{}\n",
        HEADLINES[1],
        DATELINES[1],
        FRAGMENTS.join("\n\n")
    );
    check_draft(&all).unwrap_or_else(|e| panic!("{e}"));
    // Twice over: every passage is found twice, and told apart.
    check_draft(&format!("{all}\n{all}")).unwrap_or_else(|e| panic!("{e}"));
}
