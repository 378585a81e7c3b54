//! Faithfulness: every atomic fact of the seed article appears in both
//! renderings of the seed brief, with its qualifiers, attributions and
//! date precision intact.

use brief::Format;

use crate::common;

/// The atomic facts of the seed article, as a reader must find them in
/// the briefing. Grouped by kind; each string must appear verbatim (after
/// markup is stripped) in both the Markdown and the HTML.
const FACTS: &[&str] = &[
    // Names and roles.
    "Sergei Ryabkov",
    "Deputy Foreign Minister, Russia",
    "U.S.-Russia relations",
    "responsible for U.S.-Russia relations",
    "Donald Trump",
    "President, United States",
    "Vladimir Putin",
    "President, Russia",
    "Volodymyr Zelenskiy",
    "President, Ukraine",
    "Pete Hegseth",
    "Defense Secretary, United States",
    "Ukraine's Western European allies",
    "U.S. officials",
    "Russian officials",
    "TASS",
    "Russian state news agency",
    // Dates, with the inferred year marked as such.
    "12 February 2025 (year inferred)",
    "18 February 2025 (year inferred)",
    "June 2024",
    "2014",
    "this week, at the end of the week (exact date unknown)",
    "currently (exact date unknown)",
    "not given in the article",
    // Meetings: kind, status, level, place, purpose, topics, order.
    "Trump and Putin speak about ending the war and improving relations",
    "ending the conflict in Ukraine",
    "improving U.S.-Russia relations",
    "U.S. and Russian officials meet in Riyadh",
    "Riyadh",
    "departmental heads",
    "to explore ways to improve bilateral relations",
    "irritants in bilateral relations",
    "scheduled",
    "held",
    // Figures with their qualifiers, scope and status.
    "nearly 20%",
    "nearly 20% of Ukraine's territory",
    "Crimea",
    "75%",
    "Donetsk region, Zaporizhzhia region and Kherson region (unclear whether for each area or combined)",
    "over 99%",
    "Luhansk region",
    "Russia annexes Crimea",
    // Quotes, verbatim with the source's ellipses, and their chain.
    "We are open to contacts with the American side, in particular, on irritants in bilateral relations… We are waiting for real progress when the meeting… takes place",
    "Sergei Ryabkov → TASS",
    // Stances and claims, with the reporting verb kept.
    "according to",
    "lowest point since the Cold War",
    "confirmed",
    "claims",
    "claim, not verified by the source",
    "The war in Ukraine has resulted in massive casualties.",
    "seeks",
    "Trump seeks to broker a peace deal to end the war in Ukraine.",
    "has expressed confidence",
    "Both Putin and Zelenskiy are open to negotiating a settlement.",
    "reiterated",
    "NATO membership for Ukraine is not feasible.",
    "aligning with",
    "Ukraine is unlikely to regain its 2014 borders.",
    "maintains",
    "The land under Russia's control is now Russian territory, protected by its nuclear umbrella.",
    "Rejected firmly by Ukraine",
    "Rejected firmly by Ukraine's Western European allies",
    // Conditions.
    "outlined",
    "Ukraine must abandon its NATO ambitions.",
    "Ukraine must withdraw troops from all four regions claimed by Russia.",
    // The unattributed characterisation and the article's own framing.
    "Not attributed",
    "are seen as",
    "critical opportunity to de-escalate hostilities and explore diplomatic solutions",
    "now in its fourth year",
    "severe geopolitical tensions and significant human suffering",
    // Gaps.
    "The \"four regions claimed by Russia\" are not named.",
    "does not say whether the figure applies to each region or to the three combined",
];

fn renderings() -> [(&'static str, String); 2] {
    let seed = common::root().join(common::SEED);
    [
        (
            "markdown",
            common::markdown_text(&common::render_file(&seed, Format::Markdown, false)),
        ),
        (
            "html",
            common::html_text(&common::render_file(&seed, Format::Html, false)),
        ),
    ]
}

#[test]
fn every_fact_of_the_seed_article_is_in_both_renderings() {
    let mut missing = Vec::new();
    for (format, text) in renderings() {
        for fact in FACTS {
            if !text.contains(fact) {
                missing.push(format!("{format}: {fact}"));
            }
        }
    }
    assert!(missing.is_empty(), "facts missing:\n{}", missing.join("\n"));
}

/// Every occurrence of `number` in `text` is preceded by `qualifier`.
fn always_qualified(text: &str, number: &str, qualifier: &str) -> bool {
    text.match_indices(number)
        .all(|(i, _)| text[..i].ends_with(qualifier))
}

#[test]
fn qualifiers_are_never_dropped() {
    for (format, text) in renderings() {
        assert!(
            always_qualified(&text, "20%", "nearly "),
            "{format}: a bare 20%"
        );
        assert!(
            always_qualified(&text, "99%", "over "),
            "{format}: a bare 99%"
        );
    }
}

#[test]
fn inferred_dates_are_never_shown_as_stated() {
    for (format, text) in renderings() {
        for date in ["12 February 2025", "18 February 2025"] {
            let marked = format!("{date} (year inferred)");
            assert!(text.contains(&marked), "{format}: {date} never shown");
            assert!(
                text.match_indices(date)
                    .all(|(i, _)| text[i..].starts_with(&marked)),
                "{format}: {date} shown without its inference"
            );
        }
    }
}

#[test]
fn the_wording_and_basis_of_an_inferred_date_are_given_once() {
    for (format, text) in renderings() {
        let basis = "2025 is the first February of Trump's second term";
        assert_eq!(text.matches(basis).count(), 1, "{format}: {text}");
        assert!(
            text.contains("stated as \"February 12\"; year inferred"),
            "{format}"
        );
        assert!(
            !text.contains("not stated; inferred"),
            "{format}: the old long form"
        );
    }
}

#[test]
fn the_repeat_finder_finds_a_repeated_sentence_and_nothing_else() {
    let md = "- **Russia**, *maintains*: The land is now Russian territory under its nuclear umbrella.[^1]\n\
              | Ukraine | rejects | The land is now Russian territory under its nuclear umbrella. |\n\
              - A short line. Another short line.\n";
    assert_eq!(
        common::repeated_sentences(md),
        ["The land is now Russian territory under its nuclear umbrella"]
    );
    let html = "<p>The talks will be held at the level of departmental heads.</p><td>The talks will be held at the level of departmental heads.</td>";
    assert_eq!(common::repeated_sentences(html).len(), 1);
    assert!(common::repeated_sentences("One two three four five six seven eight.").is_empty());
}

#[test]
fn the_seed_prints_no_sentence_of_eight_words_twice() {
    let seed = common::root().join(common::SEED);
    let mut found = Vec::new();
    for (name, format) in [("markdown", Format::Markdown), ("html", Format::Html)] {
        let out = common::render_file(&seed, format, false);
        for sentence in common::repeated_sentences(&out) {
            found.push(format!("{name}: {sentence}"));
        }
    }
    assert!(
        found.is_empty(),
        "printed more than once:\n{}",
        found.join("\n")
    );
}
