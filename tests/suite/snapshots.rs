//! Pins the Markdown and HTML renderings of every brief in `briefs/`.
//! A changed snapshot is reviewed like code: `cargo insta review`, or
//! `INSTA_UPDATE=always cargo test --test suite snapshots::` and read the
//! diff.

use brief::Format;

use crate::common;

#[test]
fn every_shipped_brief_renders_as_pinned() {
    let briefs = common::shipped_briefs();
    assert!(
        briefs.len() >= 3,
        "briefs/ should hold the seed and two more"
    );
    for path in briefs {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let md = common::render_file(&path, Format::Markdown, false);
        insta::assert_snapshot!(format!("{stem}.md"), md);
        let html = common::render_file(&path, Format::Html, false);
        insta::assert_snapshot!(format!("{stem}.html"), html);
        let fragment = common::render_file(&path, Format::Html, true);
        insta::assert_snapshot!(format!("{stem}.fragment.html"), fragment);
    }
}

#[test]
fn rendering_is_deterministic() {
    for path in common::shipped_briefs() {
        for format in [Format::Markdown, Format::Html] {
            let a = common::render_file(&path, format, false);
            let b = common::render_file(&path, format, false);
            assert_eq!(a, b, "{} renders differently twice", path.display());
        }
    }
}

#[test]
fn html_pages_are_standalone_and_offline() {
    for path in common::shipped_briefs() {
        let html = common::render_file(&path, Format::Html, false);
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{}",
            path.display()
        );
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("<meta name=\"viewport\""));
        assert!(html.contains("<style>"));
        for external in ["<script", "<link", "src=", "@import"] {
            assert!(
                !html.contains(external),
                "{} has `{external}`",
                path.display()
            );
        }
        // The charts' patterns and fades are referenced within the page.
        assert!(
            html.match_indices("url(")
                .all(|(i, _)| html[i..].starts_with("url(#")),
            "{} refers to a file with url()",
            path.display()
        );
        let fragment = common::render_file(&path, Format::Html, true);
        assert!(fragment.starts_with("<article"), "{}", path.display());
        assert!(!fragment.contains("<html") && !fragment.contains("<style"));
    }
}
