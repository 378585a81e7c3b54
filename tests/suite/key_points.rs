//! Key points that name an item show its fact once, and its own section
//! refers back; text points carry their attribution; question gaps read as
//! open questions; the flash note keeps a caveats line.

use std::collections::HashMap;

use brief::{Format, RenderOptions};

use crate::common::{html_text, markdown_text, render, root};

const FIXTURE: &str = "tests/fixtures/valid/key-point-items.yaml";

fn source() -> String {
    std::fs::read_to_string(root().join(FIXTURE)).unwrap()
}

fn rendered(format: Format, template: Option<&str>) -> String {
    let options = RenderOptions {
        format,
        template: template.map(str::to_string),
        ..RenderOptions::default()
    };
    let out = render(&source(), &options);
    match format {
        Format::Html => html_text(&out),
        _ => markdown_text(&out),
    }
}

/// Every rendering a reader may get of the fixture: full and flash, in
/// Markdown and HTML, as the reader sees the text.
fn all_renderings() -> Vec<(&'static str, String)> {
    vec![
        ("brief.md", rendered(Format::Markdown, None)),
        ("brief.html", rendered(Format::Html, None)),
        ("flash.md", rendered(Format::Markdown, Some("flash.md"))),
        ("flash.html", rendered(Format::Html, Some("flash.html"))),
    ]
}

/// The sentences of eight words or more that appear more than once.
fn repeated_sentences(text: &str) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for sentence in text.split(['.', ';', ':', '|', '\n', '!', '?']) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        if words.len() >= 8 {
            *seen.entry(words.join(" ")).or_default() += 1;
        }
    }
    let mut out: Vec<String> = seen
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(s, _)| s)
        .collect();
    out.sort();
    out
}

#[test]
fn an_item_key_point_shows_the_fact_once() {
    const WORDS: &str =
        "Moscow is ready to discuss a limited pause in strikes on energy facilities";
    for (name, text) in all_renderings() {
        assert_eq!(text.matches(WORDS).count(), 1, "{name}:\n{text}");
        assert!(
            repeated_sentences(&text).is_empty(),
            "{name} repeats {:?}",
            repeated_sentences(&text)
        );
    }
    // A key point that retypes the statement instead of naming it shows
    // the words twice: the check above can fail.
    let plain = source().replace("  - item: lavrov-says\n", &format!("  - text: {WORDS}.\n"));
    let md = markdown_text(&render(&plain, &RenderOptions::default()));
    assert_eq!(md.matches(WORDS).count(), 2, "{md}");
}

#[test]
fn an_item_key_point_reads_as_its_item_and_its_home_refers_back() {
    let md = render(&source(), &RenderOptions::default());
    // The event: title, status, attribution and date, in one line.
    assert!(
        md.contains("- Lavrov and Rubio phone call, held, according to unnamed diplomatic sources, 9 March 2025[^1] → [Meetings](#meetings)"),
        "{md}"
    );
    // The statement: speaker, verb and words.
    assert!(
        md.contains("- Sergei Lavrov, said: Moscow is ready"),
        "{md}"
    );
    // The figure: measure, qualified value, place, date.
    assert!(
        md.contains("- Prisoners exchanged: exactly 175 prisoners, Ukraine, as of 9 March 2025"),
        "{md}"
    );
    // The homes refer back instead of repeating.
    assert!(md.contains("- **Lavrov and Rubio phone call**: see [key point 1](#key-points)"));
    assert!(md.contains("- **Sergei Lavrov**, *said*: see [key point 2](#key-points)"));
    assert!(md.contains(
        "| 9 March 2025 | [Sergei Lavrov stated a position](#positions): see [key point 2](#key-points)"
    ));
    assert!(
        md.contains("exactly 175 prisoners[^1], key point 3 |"),
        "{md}"
    );
    let html = render(
        &source(),
        &RenderOptions {
            format: Format::Html,
            ..RenderOptions::default()
        },
    );
    assert!(html.contains(r##"<li id="key-point-2">"##), "{html}");
    assert!(html.contains(r##"<a class="home" href="#statement-lavrov-says">→ Positions</a>"##));
    assert!(html.contains(r##"see <a href="#key-point-1">key point 1</a>"##));
    let flash = render(
        &source(),
        &RenderOptions {
            template: Some("flash.md".into()),
            ..RenderOptions::default()
        },
    );
    assert!(
        flash.contains("- Prisoners exchanged: see key point 3"),
        "{flash}"
    );
}

#[test]
fn a_text_key_point_carries_its_attribution() {
    for (name, text) in all_renderings() {
        assert!(
            text.contains("The truce terms are not public, unnamed diplomatic sources said."),
            "{name}:\n{text}"
        );
    }
}

#[test]
fn question_gaps_read_as_open_questions() {
    for (name, text) in [
        ("brief.md", rendered(Format::Markdown, None)),
        ("brief.html", rendered(Format::Html, None)),
    ] {
        assert!(
            text.contains("Open question: Did the two ministers discuss sanctions?"),
            "{name}:\n{text}"
        );
        assert!(
            !text.contains("Open question: Whether Kyiv agreed"),
            "{name}"
        );
    }
}

#[test]
fn the_flash_note_keeps_a_caveats_line() {
    for template in ["flash.md", "flash.html"] {
        let format = if template.ends_with("html") {
            Format::Html
        } else {
            Format::Markdown
        };
        let text = rendered(format, Some(template));
        assert!(
            text.contains("Caveats: Whether Kyiv agreed. · 1 more in the full briefing"),
            "{template}:\n{text}"
        );
        // One gap: no count.
        let one = source().replace(
            "  - kind: question\n    text: Did the two ministers discuss sanctions?\n",
            "",
        );
        let out = render(
            &one,
            &RenderOptions {
                format,
                template: Some(template.into()),
                ..RenderOptions::default()
            },
        );
        assert!(out.contains("Whether Kyiv agreed."), "{out}");
        assert!(!out.contains("more in the full briefing"), "{out}");
        // No gaps: no caveats.
        let none = one.replace("gaps:\n  - text: Whether Kyiv agreed.\n", "");
        let out = render(
            &none,
            &RenderOptions {
                format,
                template: Some(template.into()),
                ..RenderOptions::default()
            },
        );
        assert!(!out.contains("Caveats"), "{out}");
    }
}

#[test]
fn diff_reports_changes_to_attribution_item_and_gap_kind() {
    use crate::common::{brief, path_str, stdout, tempdir, write};
    let dir = tempdir();
    let old = dir.path().join("old.yaml");
    let new = dir.path().join("new.yaml");
    write(&old, &source());
    write(
        &new,
        &source()
            .replace(
                "{unnamed: unnamed diplomatic sources, verb: said}",
                "{unnamed: a senior official}",
            )
            .replace(
                "  - text: Whether Kyiv agreed.\n",
                "  - kind: question\n    text: Whether Kyiv agreed.\n",
            ),
    );
    let out = brief()
        .args(["diff", path_str(&old), path_str(&new)])
        .output()
        .unwrap();
    let md = stdout(&out);
    assert!(md.contains("According to"), "{md}");
    assert!(md.contains("according to a senior official"), "{md}");
    assert!(md.contains("unclear") && md.contains("question"), "{md}");
}

#[test]
fn an_actor_named_only_as_an_attribution_is_used() {
    let yaml = "\
id: x
title: T
actors:
  - id: ryabkov
    name: Sergei Ryabkov
    kind: person
key_points:
  - text: Talks are set for the end of the week.
    according_to: {actor: ryabkov, verb: told reporters}
";
    let (model, diagnostics) = brief::check_str(yaml, &brief::Limits::default());
    assert!(model.is_some());
    assert!(
        diagnostics.iter().all(|d| d.code != "unused-actor"),
        "{diagnostics:?}"
    );
    let md = render(yaml, &RenderOptions::default());
    assert!(
        md.contains("- Talks are set for the end of the week, Sergei Ryabkov told reporters."),
        "{md}"
    );
}
