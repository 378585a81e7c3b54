//! The corpus of fictional articles with hand-made expected briefs
//! (`tests/fixtures/articles/`, described in its README): every expected
//! brief passes `brief check` without a diagnostic, and the corpus keeps
//! the shape the README promises, so that drafts can be scored against it.

use std::fs;
use std::path::PathBuf;

use brief::Limits;

use crate::common;

/// The stories, one folder each, in the order the README lists them.
const STORIES: &[&str] = &[
    "meeting-sollund",
    "casualties-velmar",
    "vote-castavia",
    "ceasefire-gedrun",
    "press-seravia",
    "election-lorvania",
];

fn story(name: &str) -> PathBuf {
    common::root().join("tests/fixtures/articles").join(name)
}

fn article(name: &str) -> String {
    fs::read_to_string(story(name).join("article.txt"))
        .unwrap_or_else(|e| panic!("{name}/article.txt: {e}"))
}

#[test]
fn the_corpus_holds_the_listed_stories_and_nothing_else() {
    let dir = common::root().join("tests/fixtures/articles");
    let mut found: Vec<String> = fs::read_dir(&dir)
        .expect("the corpus folder is readable")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut listed: Vec<String> = STORIES.iter().map(|s| (*s).to_owned()).collect();
    listed.sort();
    assert_eq!(found, listed);
    let readme = fs::read_to_string(dir.join("README.md")).expect("the corpus has a README");
    for name in STORIES {
        assert!(readme.contains(name), "README.md does not describe {name}");
    }
}

#[test]
fn every_expected_brief_passes_check_without_a_diagnostic() {
    let mut problems = Vec::new();
    for name in STORIES {
        let path = story(name).join("brief.yaml");
        let checked = brief::check_file(&path, None, &Limits::default())
            .unwrap_or_else(|e| panic!("{name}/brief.yaml: {e}"));
        for d in &checked.diagnostics {
            problems.push(d.render_in(&checked.files));
        }
        if checked.model.is_none() && checked.diagnostics.is_empty() {
            problems.push(format!("{name}: no model and no diagnostic"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_article_is_marked_fictional_and_has_the_length_of_a_wire_report() {
    for name in STORIES {
        let text = article(name);
        assert!(
            text.starts_with("Fictional article for testing"),
            "{name}: the first line must say the article is fictional"
        );
        let words = text.split_whitespace().count();
        assert!(
            (500..=1000).contains(&words),
            "{name}: {words} words, not 500 to 1,000"
        );
        let yaml = fs::read_to_string(story(name).join("brief.yaml")).unwrap();
        assert!(
            yaml.lines().any(|l| l == "fictional: true"),
            "{name}: the expected brief is not marked fictional"
        );
    }
}

/// What a drafter must cope with, in every article: a relative weekday,
/// a quote in curly marks, an abbreviated title with its full stop, a
/// year standing alone, and a number written in words.
#[test]
fn every_article_sets_the_traps_the_readme_promises() {
    let weekdays = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let abbreviations = ["Adm.", "Col.", "Dr.", "Gen.", "Amb."];
    let in_words = [
        " two ", " three ", " nine ", " eleven ", " Seven ", " Three ", " one ",
    ];
    for name in STORIES {
        let text = article(name);
        assert!(
            weekdays.iter().any(|w| text.contains(&format!("on {w}"))),
            "{name}: no relative weekday"
        );
        assert!(text.contains('“') && text.contains('”'), "{name}: no quote");
        assert!(
            abbreviations.iter().any(|a| text.contains(a)),
            "{name}: no abbreviated title"
        );
        assert!(
            (2027..=2031).any(|y| text.contains(&format!(" {y}"))),
            "{name}: no year"
        );
        assert!(
            in_words.iter().any(|w| text.contains(w)),
            "{name}: no number in words"
        );
    }
}
