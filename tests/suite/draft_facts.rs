//! `brief draft`'s figures, dates, events and agreements on the fictional
//! articles of `tests/fixtures/articles/`: what it drafts passes the
//! grounded check (each figure's number and qualifier, each date's
//! wording, in its evidence), relative dates are resolved only with a
//! publication date and always marked inferred, and a vote's tally is a
//! vote.

use brief::{DraftOptions, Limits, Severity, check_file};

use crate::common::{root, tempdir, write};

const ARTICLES: [&str; 6] = [
    "casualties-velmar",
    "ceasefire-gedrun",
    "election-lorvania",
    "meeting-sollund",
    "press-seravia",
    "vote-castavia",
];

fn article(name: &str) -> String {
    std::fs::read_to_string(root().join(format!("tests/fixtures/articles/{name}/article.txt")))
        .unwrap()
}

/// The publication date the expected brief gives.
fn published(name: &str) -> brief::date::Point {
    let yaml =
        std::fs::read_to_string(root().join(format!("tests/fixtures/articles/{name}/brief.yaml")))
            .unwrap();
    let at = yaml.find("\npublished:").unwrap();
    let value = yaml[at..]
        .lines()
        .find_map(|l| l.trim().strip_prefix("value: "))
        .unwrap();
    match brief::date::Edtf::parse(value.trim()) {
        Ok(brief::date::Edtf::Point(p)) => p,
        other => panic!("{name}: {other:?}"),
    }
}

fn drafted(name: &str, published: Option<brief::date::Point>) -> String {
    let mut options = DraftOptions::new();
    options.published = published;
    options.text_path = Some("article.txt".to_owned());
    brief::draft(&article(name), &options).unwrap()
}

#[test]
fn every_drafted_figure_and_date_is_found_in_its_evidence() {
    for name in ARTICLES {
        let yaml = drafted(name, Some(published(name)));
        let dir = tempdir();
        write(&dir.path().join("article.txt"), &article(name));
        let path = dir.path().join("brief.yaml");
        write(&path, &yaml);
        let checked = check_file(&path, None, &Limits::default()).unwrap();
        let errors: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.render_in(&checked.files))
            .collect();
        assert!(errors.is_empty(), "{name}:\n{}", errors.join("\n"));
        assert!(yaml.contains("\nfigures:\n"), "{name}: no figures");
    }
}

#[test]
fn relative_dates_are_inferred_only_with_a_publication_date() {
    // The dateline's date is taken as the publication date: without it
    // the draft has nothing to resolve "on Tuesday" against.
    let text = article("meeting-sollund").replace("SOLLUND, 14 May 2031", "SOLLUND");
    let mut options = DraftOptions::new();
    options.text_path = Some("article.txt".to_owned());
    let yaml = brief::draft(&text, &options).unwrap();
    assert!(!yaml.contains("inferred:"), "{yaml}");
    assert!(yaml.contains("stated: \"on Tuesday\""), "{yaml}");
    assert!(yaml.contains("value: \"2029-02\""), "{yaml}");
    let yaml = drafted("meeting-sollund", Some(published("meeting-sollund")));
    assert!(yaml.contains(
        "      value: \"2031-05-20\"\n      stated: \"on Tuesday\"\n      inferred: [year, month, day]\n      basis: \"The Tuesday after the article, dated Wednesday 14 May 2031.\""
    ), "{yaml}");
}

#[test]
fn a_vote_tally_is_a_vote_and_no_figure() {
    let yaml = drafted("vote-castavia", Some(published("vote-castavia")));
    assert!(yaml.contains("    kind: vote\n"), "{yaml}");
    assert!(
        yaml.contains("      in_favour: 151\n      against: 62\n      abstaining: 19\n"),
        "{yaml}"
    );
    let figures = &yaml[yaml.find("\nfigures:").unwrap()..];
    assert!(!figures.contains("value: 151"), "{figures}");
}
