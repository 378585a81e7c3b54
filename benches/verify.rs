//! `brief verify`'s whole work apart from printing, on articles of
//! 2,500 to 20,000 words and a synthetic 500-item brief grounded in
//! each (`synth::grounded`: events with evidence passages, statements
//! with quotes): reading the brief and the article from disk, loading,
//! validating, grounding (every passage located, every quote checked)
//! and measuring coverage, through the same entry points the command
//! uses ([`brief::check_file`], [`brief::verify::verify`]). Then
//! coverage alone on the passages grounding found, and each finder
//! alone on the 10,000-word article, to show where the time goes.
//!
//! ```sh
//! cargo bench --bench verify
//! ```
//!
//! The figures are in docs/performance.md.

#[path = "synth/mod.rs"]
mod synth;

use std::path::PathBuf;

use brief::Limits;
use divan::Bencher;

fn main() {
    divan::main();
}

const WORDS: &[usize] = &[2_500, 5_000, 10_000, 20_000];

/// The items of the brief.
const ITEMS: usize = 500;

/// A directory holding an article of `words` words and a brief of
/// [`ITEMS`] items grounded in it; the brief's path.
fn setup(words: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let article = synth::article(1, words);
    std::fs::write(dir.path().join("article.txt"), &article).expect("write the article");
    let path = dir.path().join("brief.yaml");
    std::fs::write(&path, synth::grounded(1, ITEMS, &article)).expect("write the brief");
    (dir, path)
}

/// What `brief verify` does before printing: check (read, load,
/// validate, ground) and cover.
fn verify(path: &std::path::Path) -> brief::verify::Coverage {
    let checked = brief::check_file(path, None, &Limits::default()).expect("read the brief");
    let model = checked
        .model
        .as_ref()
        .unwrap_or_else(|| panic!("the grounded brief has errors: {:?}", checked.diagnostics));
    brief::verify::verify(model, checked.grounding.as_ref()).expect("a text to verify")
}

#[divan::bench(args = WORDS, sample_count = 10)]
fn whole(bencher: Bencher, words: usize) {
    let (_dir, path) = setup(words);
    let len = std::fs::metadata(path.with_file_name("article.txt")).map_or(0, |m| m.len());
    bencher
        .counter(divan::counter::BytesCount::new(len as usize))
        .bench(|| verify(&path));
}

/// Coverage alone, on the passages grounding found.
#[divan::bench(args = WORDS, sample_count = 10)]
fn coverage(bencher: Bencher, words: usize) {
    let (_dir, path) = setup(words);
    let checked = brief::check_file(&path, None, &Limits::default()).expect("read the brief");
    let model = checked.model.as_ref().expect("no errors");
    let g = checked.grounding.as_ref().expect("grounded");
    let facts = brief::verify::facts::facts(model);
    let articles = brief::verify::articles(g);
    bencher.bench(|| brief::verify::cover_all(&articles, &facts));
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
