//! `brief verify`'s own work: reading an article of 2,500 to 20,000
//! words sentence by sentence (numbers, names, dates, quotes) and
//! matching what it finds against a synthetic 500-item brief and 500
//! passages, as [`brief::verify::cover_all`] does after grounding has
//! located the passages. Also each finder alone on the 10,000-word
//! article, to show where the time goes.
//!
//! ```sh
//! cargo bench --bench verify
//! ```
//!
//! The figures are in docs/performance.md.

#[path = "synth/mod.rs"]
mod synth;

use brief::Limits;
use brief::verify::{Article, Claim, Facts, cover_all};
use divan::Bencher;

fn main() {
    divan::main();
}

const WORDS: &[usize] = &[2_500, 5_000, 10_000, 20_000];

/// The facts of a synthetic 500-item brief.
fn facts() -> Facts {
    let text = synth::brief(1, 500);
    let (model, diagnostics) = brief::check_str(&text, &Limits::default());
    let model = model.unwrap_or_else(|| panic!("the synthetic brief has errors: {diagnostics:?}"));
    brief::verify::facts::facts(&model)
}

/// 500 passages spread over the article: the first few words of
/// sentences at even steps, as evidence of 500 items.
fn claims(text: &str) -> Vec<Claim> {
    let starts: Vec<usize> = text.match_indices(". ").map(|(i, _)| i + 2).collect();
    let step = (starts.len() / 500).max(1);
    starts
        .iter()
        .step_by(step)
        .take(500)
        .enumerate()
        .map(|(n, &s)| {
            let end = text[s..].find(' ').map_or(text.len(), |e| s + e);
            let end = text
                .get(end + 1..)
                .and_then(|rest| rest.find(' '))
                .map_or(end, |e| end + 1 + e);
            Claim {
                item: format!("event event-{n}"),
                range: s..end,
                quote: n % 5 == 0,
            }
        })
        .collect()
}

#[divan::bench(args = WORDS, sample_count = 10)]
fn coverage(bencher: Bencher, words: usize) {
    let text = synth::article(1, words);
    let facts = facts();
    let passages = claims(&text);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            let article = Article {
                source: "s",
                file: "article.txt",
                text: &text,
                passages: passages.clone(),
            };
            cover_all(&[article], &facts)
        });
}

#[divan::bench(sample_count = 10)]
fn sentences(bencher: Bencher) {
    let text = synth::article(1, 10_000);
    bencher.bench(|| brief::scan::find_sentences(&text));
}

#[divan::bench(sample_count = 10)]
fn numbers(bencher: Bencher) {
    let text = synth::article(1, 10_000);
    bencher.bench(|| brief::scan::find_numbers(&text));
}

#[divan::bench(sample_count = 10)]
fn dates(bencher: Bencher) {
    let text = synth::article(1, 10_000);
    bencher.bench(|| brief::scan::find_dates(&text));
}

#[divan::bench(sample_count = 10)]
fn names(bencher: Bencher) {
    let text = synth::article(1, 10_000);
    let known = std::collections::HashSet::new();
    bencher.bench(|| brief::scan::find_names(&text, &known));
}

#[divan::bench(sample_count = 10)]
fn quotes(bencher: Bencher) {
    let text = synth::article(1, 10_000);
    bencher.bench(|| brief::scan::find_quotes(&text));
}
