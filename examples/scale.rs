//! Renders one brief through the library exactly as `brief render` does
//! (`brief::render_str`), but with the loading limits
//! raised: the scaling benchmark's largest briefs are beyond what the
//! command accepts by default. With `both`, Markdown then HTML, each from
//! the text. Prints the sizes and times on standard error.
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
    let text = match brief::read_source(file.as_ref(), &limits) {
        Ok(t) => t,
        Err(_) => {
            eprintln!("cannot read `{file}`");
            return ExitCode::FAILURE;
        }
    };
    let renderer = Renderer::new().expect("built-in templates compile");
    let mut report = Vec::new();
    for format in formats {
        let t = Instant::now();
        let options = RenderOptions {
            format,
            ..RenderOptions::default()
        };
        match brief::render_str(&text, &limits, &renderer, &options) {
            Ok(out) => report.push(format!(
                "{}: {} bytes in {:.1} ms",
                format.extension(),
                out.text.len(),
                t.elapsed().as_secs_f64() * 1000.0
            )),
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    eprintln!("{} bytes in; {}", text.len(), report.join(", "));
    ExitCode::SUCCESS
}
