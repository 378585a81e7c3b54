//! The fuzz targets' checks, run by `cargo test` over the fuzzing seeds
//! (`fuzz/seeds/`) and over every input a fuzzer found to fail
//! (`tests/fuzz-regressions/`, one file each, kept once fixed): loading,
//! validating and laying out diagnostics never panics, and whatever
//! checks renders, identically twice, in every format and template.

use brief::{Format, Limits, RenderOptions, Renderer};

use crate::common::files_in;

/// What `fuzz/fuzz_targets/check.rs` does.
fn check(data: &[u8]) {
    let limits = Limits::default();
    let text = match brief::decode_source(data.to_vec(), &limits) {
        Ok(text) => text,
        Err(d) => {
            let _ = d.render("fuzz.yaml", &String::from_utf8_lossy(data));
            return;
        }
    };
    let (_, diagnostics) = brief::check_str(&text, &limits);
    for d in &diagnostics {
        let _ = d.render("fuzz.yaml", &text);
        let _ = d.render_ansi("fuzz.yaml", &text);
        let _ = d.to_json("fuzz.yaml", &text);
    }
}

/// What `fuzz/fuzz_targets/render.rs` does.
fn render(renderer: &Renderer, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (Some(model), _) = brief::check_str(text, &Limits::default()) else {
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
        let first = renderer.render(&view, &options);
        let again = renderer.render(&view, &options);
        assert_eq!(first, again, "rendered differently twice");
    }
}

#[test]
fn fuzz_seeds_and_regressions_pass_the_fuzz_checks() {
    let renderer = Renderer::new().unwrap();
    let mut files = files_in("fuzz/seeds");
    let regressions = files_in("tests/fuzz-regressions");
    assert!(!regressions.is_empty());
    files.extend(regressions);
    for path in files {
        let data = std::fs::read(&path).unwrap();
        // On a thread with a small stack, as a fuzzer's worker might be.
        std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn({
                let data = data.clone();
                move || check(&data)
            })
            .unwrap()
            .join()
            .unwrap_or_else(|_| panic!("{} panics in the check target", path.display()));
        render(&renderer, &data);
    }
}
