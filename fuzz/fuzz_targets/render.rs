//! Load, validate and render arbitrary bytes as a brief, in Markdown and
//! HTML (page and fragment) and with both built-in templates: none of it
//! may panic, and what renders must render the same twice.
#![no_main]

use std::sync::OnceLock;

use brief::{Format, Limits, RenderOptions, Renderer};
use libfuzzer_sys::fuzz_target;

fn renderer() -> &'static Renderer {
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    RENDERER.get_or_init(|| Renderer::new().expect("the built-in templates compile"))
}

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (Some(model), _) = brief::check_str(text, &limits) else {
        return;
    };
    let view = brief::resolve::resolve(&model);
    for (format, fragment, template) in [
        (Format::Markdown, false, None),
        (Format::Html, false, None),
        (Format::Html, true, None),
        (Format::Markdown, false, Some("flash")),
        (Format::Html, false, Some("flash")),
        (Format::Json, false, None),
    ] {
        let options = RenderOptions {
            format,
            fragment,
            template: template.map(str::to_owned),
            ..RenderOptions::default()
        };
        let first = renderer().render(&view, &options);
        let again = renderer().render(&view, &options);
        match (first, again) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "the same brief rendered differently"),
            (Err(a), Err(b)) => assert_eq!(a, b),
            _ => panic!("rendering the same brief succeeded once only"),
        }
    }
});
