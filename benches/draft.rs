//! `brief draft`'s whole work apart from reading and writing files:
//! an article's text to the YAML of a drafted brief
//! ([`brief::draft::draft`]), with a publication date so that relative
//! dates are resolved.
//!
//! The inputs:
//! - `corpus_1000_words`: a 1,000-word article made of the paragraphs of
//!   the fictional articles in `tests/fixtures/articles/`: the first
//!   article's opening and dateline, then a paragraph from each article
//!   in turn (so it has their quotes, titles and names, figures with
//!   qualifiers, absolute and relative dates); the target is under 50 ms;
//! - `synthetic_1000_words`: the generated article of the benchmarks
//!   (`benches/synth/`), 1,000 words of names, quotes, qualified numbers
//!   and dates in nonsense sentences;
//! - `fixture`: each fixture article as it is (500 to 1,000 words).
//!
//! ```sh
//! cargo bench --bench draft
//! ```
//!
//! The figures are in docs/performance.md.

#[path = "synth/mod.rs"]
mod synth;

use std::path::PathBuf;

use brief::draft::{DraftOptions, draft};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const STORIES: &[&str] = &[
    "meeting-sollund",
    "casualties-velmar",
    "vote-castavia",
    "ceasefire-gedrun",
    "press-seravia",
    "election-lorvania",
];

fn article(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(name)
        .join("article.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An article of at least `words` words: the first article's opening
/// (the fictional-article line, headline, byline and dateline
/// paragraph), then the later paragraphs of every article, one from each
/// in turn, until there are enough words.
fn corpus_article(words: usize) -> String {
    const OPENING: usize = 4;
    let articles: Vec<String> = STORIES.iter().map(|s| article(s)).collect();
    let paragraphs: Vec<Vec<&str>> = articles
        .iter()
        .map(|a| a.split("\n\n").map(str::trim).skip(OPENING).collect())
        .collect();
    let opening: Vec<&str> = articles[0].split("\n\n").take(OPENING).collect();
    let mut out = opening.join("\n\n");
    let mut count = out.split_whitespace().count();
    let longest = paragraphs.iter().map(Vec::len).max().unwrap_or(0);
    'all: for n in 0..longest {
        for p in &paragraphs {
            let Some(p) = p.get(n) else { continue };
            out.push_str("\n\n");
            out.push_str(p);
            count += p.split_whitespace().count();
            if count >= words {
                break 'all;
            }
        }
    }
    out.push('\n');
    out
}

fn options() -> DraftOptions {
    DraftOptions {
        published: brief::date::Edtf::parse("2031-05-14")
            .expect("a date")
            .point()
            .copied(),
        text_path: Some("article.txt".to_owned()),
        ..DraftOptions::new()
    }
}

#[divan::bench(sample_count = 20)]
fn corpus_1000_words(bencher: Bencher) {
    let text = corpus_article(1_000);
    let options = options();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| draft(black_box(&text), &options).expect("a draft"));
}

#[divan::bench(sample_count = 20)]
fn synthetic_1000_words(bencher: Bencher) {
    let text = synth::article(1, 1_000);
    let options = options();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| draft(black_box(&text), &options).expect("a draft"));
}

#[divan::bench(args = STORIES, sample_count = 20)]
fn fixture(bencher: Bencher, name: &str) {
    let text = article(name);
    let options = options();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| draft(black_box(&text), &options).expect("a draft"));
}
