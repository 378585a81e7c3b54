//! Dates: inferred parts the wording does not give, dates placed relative
//! to other items, and a chronology that never puts an undated item in
//! the dated sequence unless the brief places it.

use brief::{Format, Limits, RenderOptions, check_str};

use crate::common;

const HEAD: &str = "id: x\ntitle: T\npublished: 2031-05-14\nsources:\n  - {id: article, name: An article, kind: news-article}\n";

/// The codes of the diagnostics `yaml` gets.
fn codes(yaml: &str) -> Vec<&'static str> {
    check_str(yaml, &Limits::default())
        .1
        .iter()
        .map(|d| d.code)
        .collect()
}

fn event(id: &str, title: &str, date: &str) -> String {
    format!(
        "  - id: {id}\n    kind: other\n    title: {title}\n    date: {date}\n    sources: [article]\n"
    )
}

fn brief_with_events(events: &[String]) -> String {
    format!("{HEAD}events:\n{}", events.concat())
}

fn render(yaml: &str, format: Format, template: Option<&str>) -> String {
    common::render(
        yaml,
        &RenderOptions {
            format,
            template: template.map(str::to_string),
            ..RenderOptions::default()
        },
    )
}

/// The text of the chronology section of a full briefing, as read.
fn chronology(yaml: &str, format: Format) -> String {
    let out = render(yaml, format, None);
    let text = match format {
        Format::Markdown => common::markdown_text(&out),
        _ => common::html_text(&out),
    };
    let start = text.find("Chronology").expect("a chronology");
    text[start..].to_string()
}

#[test]
fn a_weekday_gives_no_part_of_the_date() {
    let yaml = brief_with_events(&[event(
        "call",
        "A call",
        "{value: 2031-05-13, stated: Tuesday}",
    )]);
    assert!(
        codes(&yaml).contains(&"uninferred-date-part"),
        "{:?}",
        codes(&yaml)
    );
    let listed = brief_with_events(&[event(
        "call",
        "A call",
        "{value: 2031-05-13, stated: Tuesday, inferred: [year, month, day]}",
    )]);
    assert!(!codes(&listed).contains(&"uninferred-date-part"));
    // The wording that gives every part needs nothing listed.
    let stated = brief_with_events(&[event(
        "call",
        "A call",
        "{value: 2031-05-13, stated: 13 May 2031}",
    )]);
    assert!(!codes(&stated).contains(&"uninferred-date-part"));
}

#[test]
fn an_unlisted_inferred_date_is_shown_as_inferred() {
    let yaml = brief_with_events(&[event(
        "call",
        "A call",
        "{value: 2031-05-13, stated: Tuesday}",
    )]);
    for format in [Format::Markdown, Format::Html] {
        let text = chronology(&yaml, format);
        assert!(
            text.contains("Tuesday, 13 May 2031 (inferred)"),
            "{format:?}: {text}"
        );
        assert!(
            !text.contains("Tuesday (13 May 2031)"),
            "{format:?}: {text}"
        );
    }
}

#[test]
fn an_undated_item_is_never_placed_after_a_dated_one() {
    let yaml = brief_with_events(&[
        event(
            "attacks",
            "Attacks on the coast",
            "{stated: recent attacks}",
        ),
        event("talks", "Talks in the capital", "2031-05-12"),
        event(
            "concession",
            "A concession on prisoners",
            "{stated: earlier}",
        ),
    ]);
    for format in [Format::Markdown, Format::Html] {
        let text = chronology(&yaml, format);
        let undated = text.find("Undated").expect("an Undated list");
        let talks = text.find("Talks in the capital").expect("the talks");
        assert!(talks < undated, "{format:?}: {text}");
        for item in ["Attacks on the coast", "A concession on prisoners"] {
            let at = text.find(item).expect("the item");
            assert!(
                at > undated,
                "{format:?}: {item} in the dated sequence: {text}"
            );
        }
    }
    for format in [Format::Markdown, Format::Html] {
        let flash = render(&yaml, format, Some("flash"));
        let latest = flash.find("Latest").expect("a Latest list");
        let undated = flash.find("Undated").expect("an Undated list");
        let attacks = flash.find("Attacks on the coast").expect("the attacks");
        assert!(latest < undated && undated < attacks, "{format:?}: {flash}");
    }
}

#[test]
fn after_places_an_undated_item_right_after_its_item() {
    let yaml = brief_with_events(&[
        event(
            "protests",
            "Protests in the capital",
            "{stated: for the fourth day running, after: vote}",
        ),
        event("vote", "The vote", "2031-05-01"),
        event("talks", "Talks in the capital", "2031-05-12"),
    ]);
    for format in [Format::Markdown, Format::Html] {
        let text = chronology(&yaml, format);
        let vote = text.find("The vote").expect("the vote");
        let protests = text.find("Protests in the capital").expect("the protests");
        let talks = text.find("Talks in the capital").expect("the talks");
        assert!(vote < protests && protests < talks, "{format:?}: {text}");
        assert!(text.contains("after: The vote"), "{format:?}: {text}");
        assert!(!text.contains("Undated"), "{format:?}: {text}");
    }
}

#[test]
fn before_and_recent_place_undated_items() {
    let yaml = brief_with_events(&[
        event("drills", "Drills near the coast", "{before: talks}"),
        event(
            "strikes",
            "Strikes on the port",
            "{stated: in recent days, recent: true}",
        ),
        event("vote", "The vote", "2031-05-01"),
        event("talks", "Talks in the capital", "2031-05-20"),
    ]);
    let text = chronology(&yaml, Format::Markdown);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}: {text}"));
    assert!(at("The vote") < at("Strikes on the port"), "{text}");
    assert!(
        at("Strikes on the port") < at("Drills near the coast"),
        "{text}"
    );
    assert!(at("Drills near the coast") < at("20 May 2031"), "{text}");
    assert!(text.contains("recently"), "{text}");
    assert!(text.contains("before: Talks in the capital"), "{text}");
}

#[test]
fn relations_that_cannot_place_a_date_are_errors() {
    let two = brief_with_events(&[
        event("vote", "The vote", "2031-05-01"),
        event("protests", "Protests", "{after: vote, recent: true}"),
    ]);
    assert!(codes(&two).contains(&"conflicting-date-relation"));
    let itself = brief_with_events(&[event("protests", "Protests", "{after: protests}")]);
    assert!(
        codes(&itself).contains(&"self-reference"),
        "{:?}",
        codes(&itself)
    );
    let cycle = brief_with_events(&[
        event("a", "A", "{after: b}"),
        event("b", "B", "{before: c}"),
        event("c", "C", "{around: a}"),
    ]);
    assert!(
        codes(&cycle).contains(&"date-relation-cycle"),
        "{:?}",
        codes(&cycle)
    );
    let undated = format!(
        "{HEAD}events:\n  - id: vote\n    kind: other\n    title: The vote\n{}",
        event("protests", "Protests", "{after: vote}")
    );
    assert!(codes(&undated).contains(&"undated-relation-target"));
    let actor = format!(
        "{}actors:\n  - {{id: kask, name: Erik Kask, kind: person}}\n",
        brief_with_events(&[event("protests", "Protests", "{after: kask}")])
    );
    assert!(
        codes(&actor).contains(&"wrong-reference"),
        "{:?}",
        codes(&actor)
    );
}

#[test]
fn attributed_events_show_their_attribution_in_the_chronology() {
    let yaml = format!(
        "{HEAD}events:\n  - id: call\n    kind: phone-call\n    title: The ministers speak by phone\n    status: held\n    date: 2031-05-12\n    according_to: {{unnamed: unnamed diplomatic sources}}\n    sources: [article]\n  - id: meeting\n    kind: meeting\n    title: Officials meet\n    status: under-way\n    date: 2031-05-14\n    according_to: {{unnamed: officials}}\n    sources: [article]\n"
    );
    for format in [Format::Markdown, Format::Html] {
        // The HTML text has a space where a status label ends.
        let text = chronology(&yaml, format).replace(" ,", ",");
        assert!(
            text.contains("held, according to unnamed diplomatic sources"),
            "{format:?}: {text}"
        );
        assert!(
            text.contains("under way, according to officials"),
            "{format:?}: {text}"
        );
    }
}

#[test]
fn statements_in_the_chronology_link_to_their_text() {
    let yaml = format!(
        "{HEAD}actors:\n  - {{id: kask, name: Erik Kask, kind: person}}\nstatements:\n  - id: kask-view\n    by: kask\n    kind: position\n    text: The strait must reopen before any talks begin.\n    date: 2031-05-12\n    sources: [article]\n"
    );
    let md = render(&yaml, Format::Markdown, None);
    assert_eq!(
        md.matches("The strait must reopen before any talks begin.")
            .count(),
        1,
        "{md}"
    );
    assert!(
        md.contains("[Erik Kask stated a position](#positions)"),
        "{md}"
    );
    let html = render(&yaml, Format::Html, None);
    assert!(
        html.contains("<a href=\"#statement-kask-view\">Erik Kask stated a position</a>"),
        "{html}"
    );
    assert!(html.contains("id=\"statement-kask-view\""), "{html}");
}

#[test]
fn the_explanation_of_an_inferred_date_is_given_once() {
    let date = "{value: 2031-05-13, stated: on Tuesday, inferred: [year, month, day], basis: The Tuesday before the article.}";
    let yaml = brief_with_events(&[
        event("call", "A call", date),
        event("visit", "A visit", date),
    ]);
    for format in [Format::Markdown, Format::Html] {
        let text = chronology(&yaml, format);
        assert_eq!(
            text.matches("The Tuesday before the article.").count(),
            1,
            "{format:?}: {text}"
        );
        assert!(text.contains("Date notes"), "{format:?}: {text}");
    }
    // The two rows and the one note; the HTML chart labels its marks too.
    let text = chronology(&yaml, Format::Markdown);
    assert_eq!(
        text.matches("Tuesday, 13 May 2031 (inferred)").count(),
        3,
        "{text}"
    );
}

#[test]
fn the_starter_teaches_inferred_parts() {
    let (_, diags) = check_str(brief::STARTER, &Limits::default());
    assert!(diags.is_empty(), "{diags:?}");
    assert!(brief::STARTER.contains("inferred: [year, month, day]"));
}

#[test]
fn diff_shows_a_changed_relation() {
    let dir = common::tempdir();
    let before = brief_with_events(&[
        event("vote", "The vote", "2031-05-01"),
        event("talks", "The talks", "2031-05-03"),
        event("protests", "Protests", "{after: vote}"),
    ]);
    let after = before.replace("{after: vote}", "{after: talks}");
    common::write(&dir.path().join("a.yaml"), &before);
    common::write(&dir.path().join("b.yaml"), &after);
    let out = common::run_in(dir.path(), &["diff", "a.yaml", "b.yaml"]);
    let text = common::stdout(&out);
    assert!(
        text.contains("after vote → exact date unknown · after talks"),
        "{text}"
    );
}

#[test]
fn a_date_can_be_placed_after_an_agreement() {
    let yaml = format!(
        "{}agreements:\n  - id: truce\n    kind: truce\n    title: A truce in the strait\n    status: agreed\n    date: 2031-05-01\n    sources: [article]\n",
        brief_with_events(&[
            event(
                "shelling",
                "Shelling resumes",
                "{stated: days after the truce, after: truce}",
            ),
            event("talks", "Talks in the capital", "2031-05-12"),
        ])
    );
    for format in [Format::Markdown, Format::Html] {
        let text = chronology(&yaml, format);
        let truce = text.find("A truce in the strait").expect("the truce");
        let shelling = text.find("Shelling resumes").expect("the shelling");
        let talks = text.find("Talks in the capital").expect("the talks");
        assert!(truce < shelling && shelling < talks, "{format:?}: {text}");
        assert!(
            text.contains("after: A truce in the strait"),
            "{format:?}: {text}"
        );
    }
    // A typo in the relation is reported where it is written.
    let (_, diagnostics) = brief::check_str(
        &yaml.replace("after: truce", "after: truse"),
        &brief::Limits::default(),
    );
    assert!(
        diagnostics.iter().any(|d| d.code == "unknown-reference"),
        "{diagnostics:?}"
    );
}
