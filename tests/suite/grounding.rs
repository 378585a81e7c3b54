//! Grounding: a brief checked against its sources' texts (`text:`,
//! `evidence:`), the passages found, and how briefings show them. The
//! diagnostics of each check are pinned by the fixtures in `diagnostics`.

use std::path::Path;

use brief::format::Kind;
use brief::ground::{PassageKind, SourceText, closest, describe, find_all, find_quote};
use brief::{Format, Limits};
use serde_json::Value;

use crate::common::{self, brief, path_str, stderr, stdout, tempdir, write};

const CALDER: &str = "briefs/calder-ferry-strike-2031-03.yaml";

#[test]
fn the_four_faults_of_the_issue_each_fail_brief_check() {
    for (fixture, code) in [
        ("quote-not-found", "E0102"),
        ("qualifier-not-in-evidence", "E0108"),
        ("ambiguous-passage", "E0104"),
        ("text-not-found", "E0100"),
    ] {
        let o = brief()
            .args(["check", &format!("tests/fixtures/invalid/{fixture}.yaml")])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{fixture}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(&format!("error[{code}]")),
            "{fixture}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn a_passage_not_found_points_into_the_text_in_json_too() {
    let o = brief()
        .args([
            "check",
            "--message-format",
            "json",
            "tests/fixtures/invalid/passage-not-found.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let line = stdout(&o)
        .lines()
        .chain(stderr(&o).lines())
        .find(|l| l.contains("E0103"))
        .map(str::to_owned)
        .expect("a JSON line for the passage");
    let d: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(d["file"], "tests/fixtures/invalid/passage-not-found.yaml");
    assert_eq!(d["line"], 15);
    let related = &d["related"][0];
    assert_eq!(related["file"], "tests/fixtures/texts/ferry-strike.txt");
    assert_eq!(related["line"], 5);
    assert_eq!(related["column"], 14);
    assert_eq!(related["label"], "closest passage: \"on Tuesday,\" dropped");
}

#[test]
fn every_quote_and_passage_of_the_fictional_brief_is_found_where_it_is() {
    let checked = brief::check_file(Path::new(CALDER), None, &Limits::default()).unwrap();
    assert!(checked.model.is_some(), "{:?}", checked.diagnostics);
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let g = checked.grounding.expect("the brief is grounded");
    assert_eq!(g.texts.len(), 1);
    let text = &g.texts[0];
    assert_eq!(text.source, "article");
    assert_eq!(text.path, "briefs/sources/calder-ferry-strike.md");
    // The text is the file after the brief and its imports.
    assert_eq!(checked.files.name(text.file as u32), text.path);
    let quotes = g
        .passages
        .iter()
        .filter(|p| p.kind == PassageKind::Quote)
        .count();
    let evidence = g
        .passages
        .iter()
        .filter(|p| p.kind == PassageKind::Evidence)
        .count();
    assert_eq!((quotes, evidence), (6, 15));
    // Each passage covers the words the brief gives, as the text has them.
    let stranded: Vec<_> = g.passages_of(Kind::Figure, 0).collect();
    assert_eq!(stranded.len(), 1);
    assert_eq!(
        &text.text[stranded[0].range.clone()],
        "a nine-day strike that had stranded nearly 1,200 passengers"
    );
    let fair_deal = g
        .passages
        .iter()
        .find(|p| p.item.id == "vey-fair-deal" && p.kind == PassageKind::Quote)
        .unwrap();
    assert_eq!(
        &text.text[fair_deal.range.clone()],
        "had always wanted a fair deal"
    );
    let (line, column) = text.line_col(fair_deal.range.start);
    assert_eq!((line, column), (17, 141));
}

#[test]
fn a_brief_without_texts_is_not_grounded() {
    let checked = brief::check_file(
        Path::new("briefs/exercise-northern-strait.yaml"),
        None,
        &Limits::default(),
    )
    .unwrap();
    assert!(checked.grounding.is_none());
    assert_eq!(checked.files.len(), 1);
}

#[test]
fn the_briefing_shows_each_passage_as_the_text_has_it_with_a_text_fragment_link() {
    let dir = tempdir();
    write(
        &dir.path().join("article.txt"),
        "Officials said the crossing, “closed since May”, would reopen - in part - on 1,200 berths.\n",
    );
    let file = dir.path().join("b.yaml");
    write(
        &file,
        r#"id: b
title: T
sources:
  - id: a
    name: An article
    kind: news-article
    url: https://example.org/a?x=1&y=2
    text: article.txt
events:
  - id: reopen
    kind: other
    title: The crossing reopens
    status: scheduled
    sources: [a]
    evidence: the crossing, "closed since May", would reopen — in part
"#,
    );
    let html = brief()
        .args(["render", "-f", "html", "-o", "-", path_str(&file)])
        .output()
        .unwrap();
    assert_eq!(html.status.code(), Some(0), "{}", stderr(&html));
    let html = stdout(&html);
    // The text's own quote marks and dash, not the brief's.
    assert!(
        html.contains("<p>the crossing, “closed since May”, would reopen - in part</p>"),
        "{html}"
    );
    // `&` of the address escaped once for HTML; `,` and `-` of the passage
    // percent-encoded in the fragment.
    assert!(
        html.contains(
            "href=\"https://example.org/a?x=1&amp;y=2#:~:text=the%20crossing%2C%20%E2%80%9Cclosed%20since,reopen%20%2D%20in%20part\""
        ),
        "{html}"
    );
    let md = brief()
        .args(["render", "-f", "md", "-o", "-", path_str(&file)])
        .output()
        .unwrap();
    let md = stdout(&md);
    assert!(
        md.contains("Source passage: “the crossing, “closed since May”, would reopen - in part” — [in the source](<https://example.org/a?x=1&y=2#:~:text="),
        "{md}"
    );
}

#[test]
fn a_brief_read_from_standard_input_finds_its_texts_from_the_current_directory() {
    let dir = tempdir();
    write(&dir.path().join("t.txt"), "The mayor said “yes”.\n");
    let text = "id: b\ntitle: T\nsources:\n  - {id: a, name: A, kind: other, text: t.txt}\nactors:\n  - {id: m, name: The mayor, kind: person}\nstatements:\n  - {id: s, by: m, kind: quote, text: Yes., quote: \"no\", sources: [a]}\n";
    let o = common::brief_in(dir.path())
        .args(["check", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("error[E0102]"), "{}", stderr(&o));
    assert!(stderr(&o).contains("t.txt"), "{}", stderr(&o));
}

#[test]
fn the_library_finds_passages_and_tells_how_a_near_miss_differs() {
    let t = SourceText::new(
        "s",
        "s.txt",
        1,
        "He said: “We will — in any case — sign.”\nThey said no.".into(),
    );
    assert_eq!(find_all(&t, "said", None, None).len(), 2);
    assert_eq!(find_all(&t, "said", Some("They"), None).len(), 1);
    assert!(find_quote(&t, "We will ... sign").range.is_some());
    assert!(find_quote(&t, "We will sign").range.is_none());
    let c = closest(&t, "We will in every case sign").unwrap();
    assert_eq!(describe(&c.words), "\"any\" changed to \"every\"");
    assert_eq!(t.line_col(t.text.find("They").unwrap()), (2, 1));
}

#[test]
fn the_fictional_brief_renders_its_passages_in_both_formats() {
    let path = common::root().join(CALDER);
    let md = common::render_file(&path, Format::Markdown, false);
    let html = common::render_file(&path, Format::Html, false);
    for text in [&md, &html] {
        assert!(text.contains("cost it about £4.5 million over three years"));
        assert!(text.contains(
            "https://example.org/news/calder-ferry-strike#:~:text=cost%20it%20about%20%C2%A34.5%20million%20over%20three%20years"
        ));
    }
    assert!(html.contains("<details class=\"evidence\"><summary>Source passages</summary>"));
}

/// A one-figure brief over a one-paragraph text, checked: the rendered
/// diagnostics.
fn check_figure(text: &str, value: &str, qualifier: &str, evidence: &str) -> Vec<String> {
    let dir = tempdir();
    write(&dir.path().join("article.txt"), text);
    let yaml = format!(
        "id: x\ntitle: T\nsources:\n  - id: article\n    name: A report\n    kind: news-article\n    text: article.txt\nfigures:\n  - id: toll\n    kind: count\n    measure: people killed\n    value: {value}\n    unit: people\n    qualifier: {qualifier}\n    as_of: 2031-03-11\n    sources: [article]\n    evidence: \"{evidence}\"\n"
    );
    let path = dir.path().join("brief.yaml");
    write(&path, &yaml);
    let checked = brief::check_file(&path, None, &Limits::default()).unwrap();
    checked
        .diagnostics
        .iter()
        .map(|d| d.render_in(&checked.files))
        .collect()
}

#[test]
fn a_qualifier_after_its_number_is_read_and_shown_without_the_quote_marks() {
    let text = "Local officials put the toll at “50 or more”. Others said 12.\n";
    let evidence = "Local officials put the toll at “50 or more”.";
    assert!(check_figure(text, "50", "at-least", evidence).is_empty());
    let d = check_figure(text, "50", "unqualified", evidence);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].contains(
            "the evidence says “50 or more”, but the figure gives the number unqualified"
        ),
        "{}",
        d[0]
    );
    assert!(d[0].contains("`qualifier: at-least`"), "{}", d[0]);
    assert!(
        !d[0].contains("“\"50") && !d[0].contains("““50"),
        "{}",
        d[0]
    );
}

#[test]
fn a_number_joined_to_its_unit_by_a_hyphen_is_found() {
    let text = "Both armies must stop firing along the 140-kilometre front line.\n";
    let d = check_figure(
        text,
        "140",
        "unqualified",
        "along the 140-kilometre front line",
    );
    assert!(d.is_empty(), "{d:?}");
    let d = check_figure(
        text,
        "150",
        "unqualified",
        "along the 140-kilometre front line",
    );
    assert!(
        d.iter()
            .any(|d| d.contains("the number 150 is not in the figure's evidence")),
        "{d:?}"
    );
}

#[test]
fn a_number_given_twice_passes_when_any_occurrence_carries_the_qualifier() {
    let text = "The mission counted 38 dead, and said at least 38 had died by noon.\n";
    let evidence = "The mission counted 38 dead, and said at least 38 had died by noon.";
    assert!(check_figure(text, "38", "at-least", evidence).is_empty());
    assert!(check_figure(text, "38", "unqualified", evidence).is_empty());
    // Neither occurrence says "nearly": the first one speaks.
    let d = check_figure(text, "38", "nearly", evidence);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].contains("the figure says `nearly`, but its evidence gives “38” with no qualifier"),
        "{}",
        d[0]
    );
    // A word of the same meaning on the second occurrence: a warning
    // about it, not an error about the first.
    let text = "The mission counted 38 dead, and said almost 38 had died by noon.\n";
    let evidence = "The mission counted 38 dead, and said almost 38 had died by noon.";
    let d = check_figure(text, "38", "nearly", evidence);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].starts_with("warning") && d[0].contains("where its evidence says “almost 38”"),
        "{}",
        d[0]
    );
}

#[test]
fn a_key_point_written_as_text_carries_evidence_checked_and_shown() {
    let dir = tempdir();
    write(
        &dir.path().join("article.txt"),
        "The port of Kessa closed on Monday. Ferries were sent north.\n",
    );
    let file = dir.path().join("b.yaml");
    let yaml = |passage: &str| {
        format!(
            "id: b\ntitle: T\nkey_points:\n  - text: The port is closed.\n    sources: [a]\n    evidence: {passage}\nsources:\n  - id: a\n    name: An article\n    kind: news-article\n    url: https://example.org/a\n    text: article.txt\n"
        )
    };
    write(&file, &yaml("The port of Kessa closed on Monday."));
    let html = brief()
        .args(["render", "-f", "html", "-o", "-", path_str(&file)])
        .output()
        .unwrap();
    assert_eq!(html.status.code(), Some(0), "{}", stderr(&html));
    let html = stdout(&html);
    let point = html
        .split("<li id=\"key-point-1\">")
        .nth(1)
        .and_then(|s| s.split("</li>").next())
        .expect("the key point is shown");
    assert!(
        point.contains("<p>The port of Kessa closed on Monday.</p>"),
        "{point}"
    );
    assert!(
        point.contains(
            "href=\"https://example.org/a#:~:text=The%20port%20of%20Kessa%20closed%20on%20Monday.\""
        ),
        "{point}"
    );
    let md = brief()
        .args(["render", "-f", "md", "-o", "-", path_str(&file)])
        .output()
        .unwrap();
    assert!(
        stdout(&md).contains(
            "- The port is closed.[^1]\\\n  Source passage: “The port of Kessa closed on Monday.”"
        ),
        "{}",
        stdout(&md)
    );
    // A passage the text does not hold fails, at the key point.
    write(&file, &yaml("The port of Kessa closed on Tuesday."));
    let o = brief().args(["check", path_str(&file)]).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("error[E0103]"), "{}", stderr(&o));
    assert!(stderr(&o).contains("b.yaml:6:15"), "{}", stderr(&o));
}

#[test]
fn a_quote_found_in_a_text_links_to_its_words_in_the_source_page() {
    let dir = tempdir();
    write(
        &dir.path().join("article.txt"),
        "“We will reopen the port, in part, on Monday — not before,” Mayor Ida Venn said.\n",
    );
    let file = dir.path().join("b.yaml");
    let yaml = |url: &str| {
        format!(
            "id: b\ntitle: T\nactors:\n  - id: venn\n    name: Ida Venn\n    kind: person\nsources:\n  - id: a\n    name: An article\n    kind: news-article\n{url}    text: article.txt\nstatements:\n  - id: reopen\n    by: venn\n    kind: quote\n    text: The port reopens in part on Monday.\n    quote: \"We will reopen the port ... on Monday - not before\"\n    sources: [a]\n"
        )
    };
    write(&file, &yaml("    url: https://example.org/p?a=1&b=2\n"));
    let html = brief()
        .args(["render", "-f", "html", "-o", "-", path_str(&file)])
        .output()
        .unwrap();
    assert_eq!(html.status.code(), Some(0), "{}", stderr(&html));
    let html = stdout(&html);
    // The fragment gives the page's own words, those the ellipsis left
    // out too, with `,` and `-` escaped and `&` escaped once for HTML.
    let link = "https://example.org/p?a=1&amp;b=2#:~:text=We%20will%20reopen%20the,Monday%20%E2%80%94%20not%20before";
    assert!(
        html.contains(&format!(
            "<q cite=\"{link}\">We will reopen the port ... on Monday - not before</q> <a class=\"quote-source\" href=\"{link}\">in the source</a>"
        )),
        "{html}"
    );
    // The link's words are the briefing's language.
    let fr = brief()
        .args([
            "render",
            "-f",
            "html",
            "--lang",
            "fr",
            "-o",
            "-",
            path_str(&file),
        ])
        .output()
        .unwrap();
    assert_eq!(fr.status.code(), Some(0), "{}", stderr(&fr));
    assert!(
        stdout(&fr).contains("<a class=\"quote-source\" href=\"https://example.org/p?a=1&amp;b=2#:~:text=We%20will%20reopen%20the,Monday%20%E2%80%94%20not%20before\">dans la source</a>"),
        "{}",
        stdout(&fr)
    );
    // No web address: the quote is shown without a link.
    write(&file, &yaml(""));
    let html = brief()
        .args(["render", "-f", "html", "-o", "-", path_str(&file)])
        .output()
        .unwrap();
    let html = stdout(&html);
    assert!(
        html.contains("<q>We will reopen the port ... on Monday - not before</q>"),
        "{html}"
    );
    assert!(!html.contains("class=\"quote-source\""), "{html}");
}
