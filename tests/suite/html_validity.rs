//! Checks HTML renderings with the W3C Nu Html Checker. Needs Java and
//! `vnu.jar`; `.ci/run` installs the checker and runs this with
//! `--ignored`. Point `VNU_JAR` at the jar to run it by hand.

use std::process::Command;

use brief::Format;

use crate::common;

#[test]
#[ignore = "needs Java and the Nu Html Checker (VNU_JAR); run by .ci/run"]
fn html_renderings_pass_the_nu_html_checker() {
    let jar = std::env::var("VNU_JAR").expect("set VNU_JAR to the path of vnu.jar");
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for path in common::shipped_briefs() {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let page = dir.path().join(format!("{stem}.html"));
        std::fs::write(&page, common::render_file(&path, Format::Html, false)).unwrap();
        // A fragment must be valid inside any page: wrap it in a minimal one.
        let fragment = dir.path().join(format!("{stem}.fragment.html"));
        let body = common::render_file(&path, Format::Html, true);
        std::fs::write(
            &fragment,
            format!("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body>\n{body}</body></html>\n"),
        )
        .unwrap();
        files.push(page);
        files.push(fragment);
    }
    // Two briefs in every other language: a page's `lang` and the
    // `lang` of the author's text must be valid too.
    for path in [
        "briefs/us-russia-talks.yaml",
        "briefs/israel-hezbollah-ceasefire-2024-11.yaml",
    ] {
        let checked =
            brief::check_file(&common::root().join(path), None, &brief::Limits::default()).unwrap();
        let renderer = brief::Renderer::new().unwrap();
        for lang in [
            brief::Lang::Fr,
            brief::Lang::De,
            brief::Lang::Ru,
            brief::Lang::Uk,
        ] {
            let options = brief::RenderOptions {
                format: Format::Html,
                lang,
                ..Default::default()
            };
            let html = checked.render(&renderer, &options).unwrap().text;
            let stem = std::path::Path::new(path)
                .file_stem()
                .unwrap()
                .to_string_lossy();
            let page = dir.path().join(format!("{stem}.{lang}.html"));
            std::fs::write(&page, html).unwrap();
            files.push(page);
        }
    }
    // The change briefings of `brief diff`.
    for pair in ["talks", "kinds"] {
        let check = |side: &str| {
            let path = common::root().join(format!("tests/fixtures/diff/{pair}-{side}.yaml"));
            let text = std::fs::read_to_string(path).unwrap();
            brief::check_str(&text, &brief::Limits::default())
                .0
                .unwrap()
        };
        let view = brief::diff::diff(&check("old"), &check("new"), "old.yaml", "new.yaml");
        let options = brief::RenderOptions {
            format: Format::Html,
            ..Default::default()
        };
        let html = brief::Renderer::new()
            .unwrap()
            .render_diff(&view, &options)
            .unwrap();
        let page = dir.path().join(format!("{pair}.changes.html"));
        std::fs::write(&page, html).unwrap();
        files.push(page);
    }
    // The coverage report of `brief verify`, over the fictional article.
    let brief_path = common::root().join("tests/fixtures/verify/harbour.yaml");
    let checked = brief::check_file(&brief_path, None, &brief::Limits::default()).unwrap();
    let model = checked.model.as_ref().expect("the verify fixture checks");
    let coverage = brief::verify::verify(model, checked.grounding.as_ref()).expect("it has a text");
    let page = dir.path().join("harbour.coverage.html");
    std::fs::write(
        &page,
        brief::verify::report::html(&coverage, &coverage.title),
    )
    .unwrap();
    files.push(page);
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .arg("--also-check-css")
        .args(&files)
        .output()
        .expect("java runs");
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the Nu Html Checker found problems:\n{report}"
    );
    assert!(!report.contains("error"), "{report}");
}
