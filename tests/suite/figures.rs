//! Figures of any measure in every built-in template: "each" and the
//! qualifier stay with the number, numbers are grouped by thousands,
//! ranges, money and conflicting figures each with their attribution.

use brief::{Format, RenderOptions};

use crate::common::render::render;

const BRIEF: &str = r#"
id: exchange
title: Exchange of prisoners
published: 2025-06-10
sources:
  - id: article
    kind: report
    name: Wire report
actors:
  - id: russia
    name: Russia
    kind: state
  - id: ukraine
    name: Ukraine
    kind: state
  - id: ministry
    name: Health ministry
    kind: organisation
figures:
  - id: bodies
    kind: count
    measure: soldiers' bodies returned
    parties: [russia, ukraine]
    applies_to: each
    value: 1200
    unit: bodies
    qualifier: almost
    according_to: {unnamed: officials on both sides}
    as_of: 2025-06-10
    sources: [article]
  - id: killed-ministry
    kind: count
    measure: people killed
    low: 12
    high: 30
    unit: people
    qualifier: between
    according_to: ministry
    conflicts_with: [killed-police]
    as_of: 2025-06-10
    sources: [article]
  - id: killed-police
    kind: count
    measure: people killed
    value: 8
    unit: people
    qualifier: at-least
    according_to: {unnamed: police sources}
    as_of: 2025-06-10
    sources: [article]
  - id: aid
    kind: money
    measure: military aid pledged
    value: 3500000000
    unit: USD
    qualifier: more-than
    as_of: 2025-06-10
    sources: [article]
  - id: displaced
    kind: count
    measure: people displaced
    stated: thousands
    as_of: 2025-06-10
    sources: [article]
"#;

/// The brief in each built-in template, Markdown and HTML.
fn renderings() -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for (template, format) in [
        ("brief.md", Format::Markdown),
        ("brief.html", Format::Html),
        ("flash.md", Format::Markdown),
        ("flash.html", Format::Html),
    ] {
        let options = RenderOptions {
            format,
            template: Some(template.to_owned()),
            ..RenderOptions::default()
        };
        out.push((template, render(BRIEF, &options)));
    }
    out
}

#[test]
fn each_count_keeps_its_separator_its_qualifier_and_each_everywhere() {
    for (template, text) in renderings() {
        assert!(
            text.contains("almost 1,200 bodies each"),
            "{template}: {text}"
        );
        assert!(
            !text.contains("1200"),
            "{template}: a number without separator"
        );
        assert!(
            !text.contains("1,200 bodies</") && !text.contains("1,200 bodies |"),
            "{template}: the count without each"
        );
    }
}

#[test]
fn ranges_money_and_wordings_read_as_the_source_gives_them() {
    for (template, text) in renderings() {
        assert!(text.contains("between 12 and 30 people"), "{template}");
        assert!(text.contains("more than 3.5 billion USD"), "{template}");
        assert!(text.contains("thousands"), "{template}");
        assert!(!text.contains("3500000000"), "{template}");
    }
}

#[test]
fn conflicting_figures_are_each_attributed() {
    for (template, text) in renderings() {
        assert!(text.contains("according to Health ministry"), "{template}");
        assert!(text.contains("according to police sources"), "{template}");
        assert!(text.contains("at least 8 people"), "{template}");
    }
}

#[test]
fn almost_is_accepted_and_shown_as_written() {
    let text = &renderings()[0].1;
    assert!(text.contains("almost 1,200"));
    assert!(!text.contains("nearly 1,200"));
}
