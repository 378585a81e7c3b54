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
    let options = RenderOptions {
        format,
        fragment,
        ..RenderOptions::default()
    };
    // From the file, so that a brief whose sources carry their texts is
    // grounded in them, as `brief render` does.
    let checked = brief::check_file(path, None, &Limits::default()).expect("brief is readable");
    let renderer = Renderer::new().expect("built-in templates compile");
    match checked.render(&renderer, &options) {
        Ok(rendered) => rendered.text,
        Err(brief::Error::Invalid(d)) => panic!(
            "{} does not check:\n{}",
            path.display(),
            d.iter()
                .map(|d| d.render_in(&checked.files))
                .collect::<String>()
        ),
        Err(e) => panic!("{} does not render: {e}", path.display()),
    }
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
