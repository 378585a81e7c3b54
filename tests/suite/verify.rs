//! `brief verify` end to end: a fictional brief over its fictional
//! article, in every report format, and what makes it fail.

use crate::common::{brief, path_str, run, stderr, stdout, tempdir, write};

const BRIEF: &str = "tests/fixtures/verify/harbour.yaml";

#[test]
fn text_report_lists_what_is_not_covered_then_the_summary() {
    let o = run(&["verify", BRIEF]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.ends_with("sentences 3/8, numbers 2/6, names 7/8, dates 3/6, quotes 1/2 verbatim\n"),
        "{out}"
    );
    assert!(out.contains("tests/fixtures/verify/harbour.txt:7:110: name not covered: Ana Rell\n"));
    insta::assert_snapshot!(out);
}

#[test]
fn every_format_is_pinned() {
    for format in ["md", "html", "json"] {
        let o = run(&["verify", BRIEF, "-f", format]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        insta::assert_snapshot!(format!("verify-{format}"), stdout(&o));
    }
}

#[test]
fn the_json_report_has_a_summary_and_located_uncovered_items() {
    let o = run(&["verify", BRIEF, "-f", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["summary"]["sentences"]["covered"], 3);
    assert_eq!(v["summary"]["sentences"]["total"], 8);
    assert_eq!(v["summary"]["quotes"]["covered"], 1);
    let rell = v["uncovered"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["text"] == "Ana Rell")
        .expect("Ana Rell is uncovered");
    assert_eq!(rell["what"], "name");
    assert_eq!(rell["file"], "tests/fixtures/verify/harbour.txt");
    assert_eq!(
        (rell["line"].as_u64(), rell["column"].as_u64()),
        (Some(7), Some(110))
    );
}

#[test]
fn deny_uncovered_fails_when_anything_is_left() {
    let o = run(&["verify", "--deny-uncovered", BRIEF]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("uncovered"), "{}", stderr(&o));
    // The report is still printed.
    assert!(stdout(&o).contains("sentences 3/8"));
}

#[test]
fn deny_uncovered_passes_a_brief_that_covers_its_text() {
    let dir = tempdir();
    write(&dir.path().join("a.txt"), "Maria Okafor resigned.\n");
    let yaml = "format: 2\nid: x\ntitle: T\n\
        sources:\n  - id: s\n    name: S\n    kind: news-article\n    text: a.txt\n\
        actors:\n  - id: okafor\n    name: Maria Okafor\n    kind: person\n\
        events:\n  - id: quit\n    kind: other\n    title: Okafor resigns\n    status: held\n    \
        participants: [okafor]\n    sources: [s]\n    evidence: Maria Okafor resigned\n";
    let path = dir.path().join("b.yaml");
    write(&path, yaml);
    let o = run(&["verify", "--deny-uncovered", path_str(&path)]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o),
        "sentences 1/1, numbers 0/0, names 1/1, dates 0/0, quotes 0/0 verbatim\n"
    );
}

#[test]
fn a_report_file_is_written_and_the_summary_printed() {
    let dir = tempdir();
    let out = dir.path().join("coverage.html");
    let o = run(&["verify", BRIEF, "-o", path_str(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "sentences 3/8, numbers 2/6, names 7/8, dates 3/6, quotes 1/2 verbatim\n"
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Content-Security-Policy"));
    assert!(!html.contains("<script"));
    assert!(html.contains("<span class=\"gap miss\">Ana Rell</span>"));
}

#[test]
fn a_brief_without_a_text_is_an_error() {
    let o = run(&["verify", "tests/fixtures/valid/key-point-items.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no source with a `text:`"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn a_brief_with_errors_gets_its_diagnostics() {
    let o = run(&["verify", "tests/fixtures/invalid/quote-not-found.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("quote-not-found") || stderr(&o).contains("E0"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn the_output_is_never_the_brief() {
    let dir = tempdir();
    let path = dir.path().join("b.yaml");
    std::fs::copy(BRIEF, &path).unwrap();
    std::fs::copy(
        "tests/fixtures/verify/harbour.txt",
        dir.path().join("harbour.txt"),
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();
    let o = brief()
        .args(["verify", path_str(&path), "-o", path_str(&path)])
        .output()
        .unwrap();
    assert_ne!(o.status.code(), Some(0));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
