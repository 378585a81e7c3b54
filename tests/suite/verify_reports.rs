//! The coverage reports of `brief verify`, in every form, over a
//! fictional article: what is covered and what is not, pinned.

use brief::format::Qualifier;
use brief::verify::coverage::{Article, Claim, Coverage, Facts, FigureFact, cover_all};
use brief::verify::report;

const ARTICLE: &str = include_str!("../fixtures/verify/harbour.txt");

fn claim(item: &str, exact: &str, quote: bool) -> Claim {
    let start = ARTICLE
        .find(exact)
        .unwrap_or_else(|| panic!("`{exact}` is not in the article"));
    Claim {
        item: item.into(),
        range: start..start + exact.len(),
        quote,
    }
}

/// The article against a brief that covers most of it: the walkout
/// figure, the talks, Okafor's quote; not the authority's own count,
/// Rell's words or the shipping lines' cost.
fn coverage() -> Coverage {
    let article = Article {
        source: "celest-times",
        file: "harbour.txt",
        text: ARTICLE,
        passages: vec![
            claim(
                "event talks-stall",
                "Talks between the Celest Dockworkers' Union and the Harbour Authority stalled late on Friday",
                false,
            ),
            claim(
                "figure walkout",
                "Nearly 20% of the port's 1,200 registered dockers stayed away from work on Monday",
                false,
            ),
            claim(
                "statement okafor-night-pay",
                "We will not sign an agreement that cuts night pay",
                true,
            ),
            claim(
                "agreement offer",
                "would raise pay by between 3% and 4% over two years",
                false,
            ),
        ],
    };
    let facts = Facts {
        figures: vec![
            FigureFact {
                item: "figure walkout".into(),
                value: Some(20.0),
                high: None,
                qualifier: Qualifier::Nearly,
            },
            FigureFact {
                item: "figure offer".into(),
                value: Some(3.0),
                high: Some(4.0),
                qualifier: Qualifier::Between,
            },
        ],
        names: vec![
            "Celest Dockworkers' Union".into(),
            "Harbour Authority".into(),
            "Maria Okafor".into(),
            "Okafor".into(),
            "Port Celest".into(),
        ],
        ignore: vec!["Celest Times".into()],
        dates: vec![
            "late on Friday".into(),
            "on Monday".into(),
            "February".into(),
        ],
        values: vec!["28 February 2031".into()],
    };
    cover_all(&[article], &facts)
}

#[test]
fn the_summary_counts_what_is_covered() {
    let c = coverage();
    let s = c.summary;
    assert_eq!(s.sentences.covered, 4, "{:#?}", c.sources[0].sentences);
    assert!(s.sentences.total > s.sentences.covered);
    // "about 150" and "$3.5 million" are accounted for by nothing.
    let numbers: Vec<&str> = c.sources[0]
        .numbers
        .iter()
        .filter(|n| !n.covered)
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(numbers, ["about 150", "$3.5 million"]);
    // Ana Rell has no actor.
    assert!(
        c.uncovered.iter().any(|u| u.text == "Ana Rell"),
        "{:#?}",
        c.uncovered
    );
    assert!(!c.uncovered.iter().any(|u| u.text == "Celest Times"));
}

#[test]
fn text_report() {
    insta::assert_snapshot!(report::text(&coverage()));
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(report::markdown(
        &coverage(),
        "Dockers walk out (fictional)"
    ));
}

#[test]
fn html_report() {
    insta::assert_snapshot!(report::html(&coverage(), "Dockers walk out (fictional)"));
}

#[test]
fn json_report() {
    let json = report::json(&coverage());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for kind in ["sentences", "numbers", "names", "dates", "quotes"] {
        assert!(v["summary"][kind]["covered"].is_u64(), "{kind}");
        assert!(v["summary"][kind]["total"].is_u64(), "{kind}");
    }
    let first = &v["uncovered"][0];
    assert!(first["line"].is_u64() && first["column"].is_u64());
    assert_eq!(first["file"], "harbour.txt");
    insta::assert_snapshot!(json);
}

#[test]
fn the_html_report_escapes_the_article() {
    let text = "Rell said <script>alert(1)</script> & left.";
    let article = Article {
        source: "s",
        file: "a<b>.txt",
        text,
        passages: vec![],
    };
    let html = report::html(&cover_all(&[article], &Facts::default()), "<T>");
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains("<b>"));
    assert!(!html.contains("<T>"));
}
