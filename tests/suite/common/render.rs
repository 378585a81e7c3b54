//! Rendering briefs through the library, failing the test on any error.

use std::path::Path;

use brief::{Format, Limits, RenderOptions, Renderer};

/// Renders the brief `source` with `options` and fresh built-in
/// templates; a brief that does not check fails the test with its
/// diagnostics laid out.
pub fn render(source: &str, options: &RenderOptions) -> String {
    render_as("brief.yaml", source, options)
}

/// Renders a brief file in `format`, as a whole page or a fragment.
pub fn render_file(path: &Path, format: Format, fragment: bool) -> String {
    let source = std::fs::read_to_string(path).expect("brief is readable");
    let options = RenderOptions {
        format,
        fragment,
        ..RenderOptions::default()
    };
    render_as(&path.display().to_string(), &source, &options)
}

/// [`render`], naming the brief `name` in the diagnostics.
fn render_as(name: &str, source: &str, options: &RenderOptions) -> String {
    let renderer = Renderer::new().expect("built-in templates compile");
    match brief::render_str(source, &Limits::default(), &renderer, options) {
        Ok(rendered) => rendered.text,
        Err(brief::Error::Invalid(d)) => panic!(
            "{name} does not check:\n{}",
            d.iter().map(|d| d.render(name, source)).collect::<String>()
        ),
        Err(e) => panic!("{name} does not render: {e}"),
    }
}
