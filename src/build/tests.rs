//! Whole builds in a temporary directory: how they use, ignore and
//! rewrite the build record.

use std::path::{Path, PathBuf};

use super::record::{Record, VERSION};
use super::{BuildOptions, BuildSummary, MANIFEST};
use crate::render::{Format, Renderer};

fn briefs() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs")
}

fn build(out: &Path) -> BuildSummary {
    let options = BuildOptions {
        formats: vec![Format::Markdown, Format::Html],
        jobs: 2,
        ..BuildOptions::default()
    };
    let renderer = Renderer::new().unwrap();
    crate::build::build(&briefs(), out, &renderer, &options, &|_, _| {}).unwrap()
}

#[test]
fn a_record_of_the_old_layout_or_unreadable_means_a_full_rebuild() {
    let out = tempfile::tempdir().unwrap();
    let first = build(out.path());
    assert_eq!(first.failed(), 0);
    assert!(first.rendered > 0);
    assert_eq!(build(out.path()).rendered, 0, "nothing changed");
    // Version 1 kept numbers as strings.
    let old = r#"{"version":1,"settings":"9a0c3e1f55d2b7e4","started":"1740000000000000000",
        "briefs":{"us-russia-talks.yaml":{"fingerprint":"00000000000000ff",
        "source":"1:2:3:4","outputs":["us-russia-talks.md","us-russia-talks.html"],
        "stamps":["1:2","1:2"],"imports":[],"entry":null}},"index":null}"#;
    for record in [old.as_bytes(), b"{not json", &[0xff, 0xfe]] {
        std::fs::write(out.path().join(MANIFEST), record).unwrap();
        let again = build(out.path());
        assert_eq!(again.failed(), 0);
        assert_eq!(again.rendered, first.rendered, "every brief again");
        assert_eq!(again.up_to_date, 0);
        let written: Record =
            serde_json::from_slice(&std::fs::read(out.path().join(MANIFEST)).unwrap()).unwrap();
        assert_eq!(written.version, VERSION);
        assert_eq!(written.briefs.len(), first.briefs);
    }
}

#[test]
fn numbers_are_numbers_in_the_record() {
    let out = tempfile::tempdir().unwrap();
    build(out.path());
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join(MANIFEST)).unwrap()).unwrap();
    assert!(json["settings"].is_u64());
    assert!(json["started"].is_u64());
    let brief = &json["briefs"]["us-russia-talks.yaml"];
    assert!(brief["fingerprint"].is_u64(), "{brief}");
    assert!(brief["source"]["file"]["size"].is_u64(), "{brief}");
    assert!(brief["stamps"][0]["modified"].is_u64(), "{brief}");
    assert!(json["index"]["fingerprint"].is_u64());
}

#[test]
fn a_doctored_record_removes_nothing_outside_the_output() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("out");
    build(&out);
    let victim = root.path().join("victim.md");
    std::fs::write(&victim, "keep me").unwrap();
    std::fs::write(out.join("gone.md"), "left behind").unwrap();
    let path = out.join(MANIFEST);
    let mut record: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let gone = |outputs: &[&str]| {
        serde_json::json!({
            "fingerprint": 1, "source": null, "outputs": outputs,
            "stamps": [], "imports": [], "entry": null,
        })
    };
    record["briefs"]["gone.yaml"] = gone(&["gone.md"]);
    record["briefs"]["evil.yaml"] = gone(&["../victim.md"]);
    std::fs::write(&path, record.to_string()).unwrap();
    let summary = build(&out);
    assert_eq!(summary.removed, vec![PathBuf::from("gone.md")]);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
}
