//! The synthetic briefs of the benchmarks (`benches/synth/mod.rs`) are
//! valid briefs, clean of warnings, deterministic, and of the size asked.

// The benchmarks' own generator, by path: what is tested is what is measured.
#[path = "../../benches/synth/mod.rs"]
mod generator;

use brief::{Format, Limits, RenderOptions, Renderer};

/// Checks the brief, and returns it as loaded.
fn check_clean(text: &str) -> brief::format::Brief {
    let (model, diagnostics) = brief::check_str(text, &Limits::default());
    let messages: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", d.pos.line, d.pos.column, d.message))
        .collect();
    assert!(messages.is_empty(), "{messages:#?}\n{text}");
    assert!(model.is_some(), "no model");
    brief::load::load(text, &Limits::default())
        .brief
        .expect("the brief loads")
}

#[test]
fn seed_sized_briefs_check_clean_for_several_seeds() {
    for seed in 1..=6 {
        let text = generator::brief(seed, generator::SEED_ITEMS);
        let b = check_clean(&text);
        // Seed-article-like: the seed brief's mix of items.
        assert_eq!(b.actors.len(), 12);
        assert_eq!(b.statements.len(), 11);
        assert_eq!(b.events.len(), 4);
        assert_eq!(b.figures.len(), 3);
    }
}

#[test]
fn small_and_large_briefs_check_clean() {
    for items in [1, 10, 30, 1000] {
        let text = generator::brief(7, items);
        let b = check_clean(&text);
        let total = b.key_points.len()
            + b.sources.len()
            + b.actors.len()
            + b.places.len()
            + b.issues.len()
            + b.events.len()
            + b.statements.len()
            + b.figures.len()
            + b.judgments.len()
            + b.gaps.len();
        // A few of each kind at least; else close to the size asked.
        let close = total.abs_diff(items) <= items / 100;
        assert!(
            close || items < 100,
            "{items} items asked, {total} generated"
        );
        assert!(
            total >= items.min(20),
            "{items} items asked, {total} generated"
        );
    }
}

#[test]
fn generation_is_deterministic_and_seeds_differ() {
    assert_eq!(generator::brief(3, 100), generator::brief(3, 100));
    assert_ne!(generator::brief(3, 100), generator::brief(4, 100));
}

#[test]
fn a_synthetic_brief_renders_every_section() {
    let text = generator::brief(11, 200);
    let renderer = Renderer::new().expect("built-in templates compile");
    let md = brief::render_str(
        &text,
        &Limits::default(),
        &renderer,
        &RenderOptions::default(),
    )
    .expect("renders")
    .text;
    for heading in [
        "## Key points",
        "## Actors",
        "## Chronology",
        "## Meetings",
        "## Positions",
        "## Conditions and demands",
        "## Territorial control",
        "## Other figures",
        "## Background",
        "## Outlook",
        "## Judgments",
        "## Gaps",
        "## Sources",
    ] {
        assert!(md.contains(heading), "no `{heading}` in\n{md}");
    }
    let options = RenderOptions {
        format: Format::Html,
        ..RenderOptions::default()
    };
    let html = brief::render_str(&text, &Limits::default(), &renderer, &options)
        .expect("renders")
        .text;
    assert!(html.contains("<h2>Chronology</h2>"));
}
