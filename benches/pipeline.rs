//! Each stage of the pipeline on its own: load (YAML → raw brief),
//! validate, resolve, render Markdown, render HTML; and compiling the
//! built-in templates. Inputs: the seed brief, and synthetic briefs
//! (`benches/synth/mod.rs`) of the seed's size and of 1,000 and 10,000
//! items.
//!
//! ```sh
//! cargo bench --bench pipeline                 # everything
//! cargo bench --bench pipeline -- render_html  # one stage
//! ```
//!
//! `bench/run.sh` measures whole commands against other tools; this
//! measures where the time of one brief goes.

#[path = "synth/mod.rs"]
mod synth;

use brief::{Format, Limits, RenderOptions, Renderer};
use divan::Bencher;

fn main() {
    divan::main();
}

const INPUTS: &[&str] = &["seed", "synthetic-56", "synthetic-1000", "synthetic-10000"];

/// The text of an input.
fn text(input: &str) -> String {
    match input.strip_prefix("synthetic-") {
        Some(items) => synth::brief(1, items.parse().expect("a number of items")),
        None => include_str!("../briefs/us-russia-talks.yaml").to_string(),
    }
}

fn view(input: &str) -> brief::View {
    let (model, diagnostics) = brief::check_str(&text(input), &Limits::default());
    let model = model.unwrap_or_else(|| panic!("{input} has errors: {diagnostics:?}"));
    brief::resolve::resolve(&model)
}

fn options(format: Format) -> RenderOptions {
    RenderOptions {
        format,
        ..RenderOptions::default()
    }
}

#[divan::bench(args = INPUTS, sample_count = 20)]
fn load(bencher: Bencher, input: &str) {
    let text = text(input);
    let limits = Limits::default();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| brief::load::load(&text, &limits));
}

#[divan::bench(args = INPUTS, sample_count = 20)]
fn validate(bencher: Bencher, input: &str) {
    let text = text(input);
    let limits = Limits::default();
    bencher
        .with_inputs(|| brief::load::load(&text, &limits))
        .bench_values(brief::validate::validate);
}

#[divan::bench(args = INPUTS, sample_count = 20)]
fn resolve(bencher: Bencher, input: &str) {
    let (model, _) = brief::check_str(&text(input), &Limits::default());
    let model = model.expect("a valid brief");
    bencher.bench(|| brief::resolve::resolve(&model));
}

#[divan::bench(args = INPUTS, sample_count = 20)]
fn render_markdown(bencher: Bencher, input: &str) {
    let view = view(input);
    let renderer = Renderer::new().expect("built-in templates compile");
    let options = options(Format::Markdown);
    bencher.bench(|| renderer.render(&view, &options).expect("renders"));
}

#[divan::bench(args = INPUTS, sample_count = 20)]
fn render_html(bencher: Bencher, input: &str) {
    let view = view(input);
    let renderer = Renderer::new().expect("built-in templates compile");
    let options = options(Format::Html);
    bencher.bench(|| renderer.render(&view, &options).expect("renders"));
}

/// The whole pipeline for one brief, text to Markdown, with the templates
/// already compiled: what `brief build` does per brief and format.
#[divan::bench(args = INPUTS, sample_count = 20)]
fn whole_markdown(bencher: Bencher, input: &str) {
    let text = text(input);
    let renderer = Renderer::new().expect("built-in templates compile");
    let options = options(Format::Markdown);
    let limits = Limits::default();
    bencher.bench(|| brief::render_str(&text, &limits, &renderer, &options).expect("renders"));
}

/// Compiling the built-in templates of a format: paid once per process,
/// on its first rendering (here of the seed brief).
#[divan::bench(args = [Format::Markdown, Format::Html])]
fn compile_templates(bencher: Bencher, format: Format) {
    let view = view("seed");
    let options = options(format);
    bencher.bench(|| {
        let renderer = Renderer::new().expect("built-in templates compile");
        renderer.render(&view, &options).expect("renders")
    });
}

/// The whole pipeline to HTML in each language, for the seed and a
/// synthetic brief of 1,000 items: a language other than English may cost
/// at most 10% more (docs/performance.md).
#[divan::bench(args = ["en", "fr", "de", "ru", "uk"], sample_count = 20)]
fn whole_html_in_language(bencher: Bencher, lang: &str) {
    let text = text("synthetic-1000");
    let renderer = Renderer::new().expect("built-in templates compile");
    let options = RenderOptions {
        format: Format::Html,
        lang: lang.parse().expect("a language"),
        ..RenderOptions::default()
    };
    let limits = Limits::default();
    bencher.bench(|| brief::render_str(&text, &limits, &renderer, &options).expect("renders"));
}
