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

/// Writes a grounded brief and its article to a directory, and checks
/// it from there as `brief verify` does.
fn check_grounded(
    dir: &std::path::Path,
    words: usize,
    items: usize,
) -> (brief::format::Brief, brief::Checked) {
    let article = generator::article(1, words);
    let text = generator::grounded(1, items, &article);
    std::fs::write(dir.join("article.txt"), &article).expect("write the article");
    let path = dir.join("brief.yaml");
    std::fs::write(&path, &text).expect("write the brief");
    let checked = brief::check_file(&path, None, &Limits::default()).expect("read the brief");
    let b = brief::load::load(&text, &Limits::default())
        .brief
        .expect("the brief loads");
    (b, checked)
}

#[test]
fn grounded_briefs_check_clean_with_every_passage_found() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for words in [2_500, 10_000] {
        let (b, checked) = check_grounded(dir.path(), words, 500);
        let messages: Vec<String> = checked
            .diagnostics
            .iter()
            .map(|d| format!("{}:{}: {}", d.pos.line, d.pos.column, d.message))
            .collect();
        assert!(messages.is_empty(), "{words} words: {messages:#?}");
        let model = checked.model.as_ref().expect("a model");
        let g = checked.grounding.as_ref().expect("grounded");
        let evidence = g
            .passages
            .iter()
            .filter(|p| p.kind == brief::ground::PassageKind::Evidence)
            .count();
        let quotes = g.passages.len() - evidence;
        assert_eq!(evidence, b.events.len() + b.statements.len());
        assert_eq!(quotes, b.statements.len());
        // About one sentence in six of the article is a quotation.
        let items = b.events.len() + b.statements.len();
        assert!(b.statements.len() * 8 >= items, "{items} items");
        assert_eq!(items, 500);
        // Items are spread over the whole article: at 10,000 words each
        // takes a different sentence; at 2,500, items share them.
        let coverage = brief::verify::verify(model, Some(g)).expect("a text to verify");
        let covered = coverage.summary.sentences.covered;
        let total = coverage.summary.sentences.total;
        assert!(covered >= total.min(500) * 9 / 10, "{covered} of {total}");
    }
}

#[test]
fn grounded_briefs_are_deterministic() {
    let a = generator::article(2, 3_000);
    assert_eq!(
        generator::grounded(2, 100, &a),
        generator::grounded(2, 100, &a)
    );
}
