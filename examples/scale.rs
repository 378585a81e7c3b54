//! Renders one brief through the library, as `brief render` does, but
//! with the loading limits raised: the scaling benchmark's largest briefs
//! are beyond what the command accepts by default. Prints the time of
//! each stage on standard error, and the briefing's size.
//!
//! ```sh
//! cargo run --release --example scale -- FILE [md|html|both]
//! ```

use std::process::ExitCode;
use std::time::Instant;

use brief::{Format, Limits, RenderOptions, Renderer};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.first() else {
        eprintln!("usage: scale FILE [md|html|both]");
        return ExitCode::from(2);
    };
    let formats = match args.get(1).map(String::as_str) {
        None | Some("md") => vec![Format::Markdown],
        Some("html") => vec![Format::Html],
        Some("both") => vec![Format::Markdown, Format::Html],
        Some(other) => {
            eprintln!("unknown format `{other}`");
            return ExitCode::from(2);
        }
    };
    let limits = Limits {
        max_file_bytes: usize::MAX / 2,
        max_nodes: usize::MAX / 4,
        max_string_bytes: usize::MAX / 2,
        ..Limits::default()
    };
    let t = Instant::now();
    let text = match brief::read_source(file.as_ref(), &limits) {
        Ok(t) => t,
        Err(_) => {
            eprintln!("cannot read `{file}`");
            return ExitCode::FAILURE;
        }
    };
    let read = t.elapsed();
    let t = Instant::now();
    let loaded = brief::load::load(&text, &limits);
    let load = t.elapsed();
    let t = Instant::now();
    let (model, diagnostics) = brief::validate::validate(loaded);
    let validate = t.elapsed();
    let Some(model) = model else {
        eprintln!("{} has errors: {:?}", file, diagnostics.first());
        return ExitCode::FAILURE;
    };
    let t = Instant::now();
    let view = brief::resolve::resolve(&model);
    let resolve = t.elapsed();
    let renderer = Renderer::new().expect("built-in templates compile");
    let mut bytes = 0;
    let mut render = Vec::new();
    for format in formats {
        let t = Instant::now();
        let options = RenderOptions {
            format,
            ..RenderOptions::default()
        };
        match renderer.render(&view, &options) {
            Ok(out) => bytes += out.len(),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
        render.push(format!("{} {:.1} ms", format.extension(), ms(t.elapsed())));
    }
    eprintln!(
        "{} bytes in, {bytes} bytes out; read {:.1} ms, load {:.1} ms, validate {:.1} ms, resolve {:.1} ms, render {}",
        text.len(),
        ms(read),
        ms(load),
        ms(validate),
        ms(resolve),
        render.join(", ")
    );
    ExitCode::SUCCESS
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
