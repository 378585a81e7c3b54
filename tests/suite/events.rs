//! Events, votes and agreements as the briefing shows them: an event under
//! way is never upcoming nor "Next", an attributed event carries its
//! attribution in Meetings, a vote shows its tally and members, and an
//! agreement its hedge, length, deadline and objections, in the full
//! briefing and the flash note alike, in Markdown and HTML.

use brief::{Format, RenderOptions};

use crate::common;

/// A story with a meeting under way, one scheduled and one proposed, a
/// vote and a proposed truce.
const STORY: &str = r#"
id: events-story
title: Talks on the strait
published: 2032-03-10
sources:
  - id: wire
    kind: news-article
    name: Wire report
actors:
  - id: ostria
    kind: state
    name: Ostria
  - id: varnia
    kind: state
    name: Varnia
  - id: council
    kind: organisation
    name: The Strait Council
  - id: halden
    kind: state
    name: Halden
events:
  - id: tonight
    kind: talks
    title: Envoys are meeting tonight in Keld
    participants: [ostria, varnia]
    status: under-way
    date: 2032-03-10
    according_to: {unnamed: unnamed diplomatic sources}
    sources: [wire]
  - id: phone
    kind: phone-call
    title: The ministers speak by phone
    participants: [ostria, varnia]
    status: held
    date: 2032-03-08
    according_to: {unnamed: people familiar with the call, verb: said}
    sources: [wire]
  - id: summit
    kind: summit
    title: Leaders to meet in Ravnholm
    participants: [ostria, varnia]
    status: scheduled
    date: 2032-03-20
    sources: [wire]
  - id: follow-up
    kind: talks
    title: A further round of talks
    participants: [ostria, varnia]
    status: proposed
    sources: [wire]
  - id: council-vote
    kind: vote
    title: The council votes to reopen the strait
    status: held
    date: 2032-03-09
    vote:
      body: council
      in_favour: 100
      against: 11
      abstaining: 58
      threshold: a simple majority
      outcome: adopted
      members:
        - {actor: ostria, vote: against}
        - {actor: varnia, vote: for}
        - {actor: halden, vote: abstain}
    sources: [wire]
agreements:
  - id: strait-truce
    kind: truce
    title: Halt to naval patrols in the strait
    status: proposed
    hedge: possible
    parties: [ostria, varnia]
    proposed_by: [halden]
    terms:
      - text: Both sides withdraw patrol boats.
    duration: {value: 30, unit: days, stated: 30-day}
    date: 2032-03-09
    target: {stated: by the end of the month}
    from: phone
    rejected_by:
      - {actor: ostria, verb: dismisses as "a ploy", sources: [wire]}
    sources: [wire]
"#;

fn render(format: Format, template: Option<&str>) -> String {
    let options = RenderOptions {
        format,
        template: template.map(Into::into),
        ..RenderOptions::default()
    };
    common::render(STORY, &options)
}

/// The text of a Markdown section, from its `## ` heading to the next.
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading}:\n{md}"));
    let rest = &md[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |e| e + 3);
    &rest[..end]
}

#[test]
fn a_meeting_under_way_is_never_upcoming_nor_next() {
    let md = render(Format::Markdown, None);
    let meetings = section(&md, "Meetings");
    let under_way = &meetings[meetings.find("### Under way").expect("an Under way group")..];
    let upcoming_at = meetings.find("### Upcoming").expect("an Upcoming group");
    assert!(
        meetings.find("Envoys are meeting tonight").unwrap() < upcoming_at,
        "{meetings}"
    );
    assert!(under_way.starts_with("### Under way\n\n- **Envoys are meeting tonight"));
    let upcoming = &meetings[upcoming_at..];
    assert!(!upcoming.contains("meeting tonight"), "{upcoming}");
    // Proposed meetings are apart from scheduled ones.
    assert!(meetings.contains("### Proposed\n\n- **A further round of talks"));
    assert!(!upcoming[..upcoming.find("### Proposed").unwrap()].contains("further round"));

    let flash = render(Format::Markdown, Some("flash"));
    let next = section(&flash, "Next");
    assert!(next.contains("Leaders to meet in Ravnholm"), "{next}");
    assert!(!next.contains("meeting tonight"), "{next}");
    assert!(!next.contains("further round"), "only scheduled: {next}");
    let now = section(&flash, "Under way");
    assert!(
        now.contains("Envoys are meeting tonight in Keld, according to unnamed diplomatic sources"),
        "{now}"
    );

    let html = render(Format::Html, Some("flash.html"));
    let next = &html[html.find("<h2>Next</h2>").unwrap()..];
    let next = &next[..next.find("</section>").unwrap()];
    assert!(next.contains("Leaders to meet") && !next.contains("meeting tonight"));
    assert!(html.contains("<h2>Under way</h2>"));
}

#[test]
fn an_attributed_event_shows_its_attribution_in_meetings() {
    let md = render(Format::Markdown, None);
    let meetings = section(&md, "Meetings");
    assert!(
        meetings.contains("Phone call, held, people familiar with the call said · 8 March 2032"),
        "{meetings}"
    );
    assert!(meetings.contains("Talks, under way, according to unnamed diplomatic sources"));
    let html = render(Format::Html, None);
    assert!(html.contains(
        "<dd>Phone call, <span class=\"status status-held\">held</span>, people familiar with the call said</dd>"
    ));
    // And in the chronology, and the flash note's latest developments.
    let chronology = section(&md, "Chronology");
    assert!(
        chronology.contains(
            "| [Phone call: Ostria and Varnia](#meetings)[^1] | held, people familiar with the call said |"
        ),
        "{chronology}"
    );
    let flash = render(Format::Markdown, Some("flash"));
    let latest = section(&flash, "Latest");
    assert!(
        latest
            .lines()
            .any(|l| l.contains("The ministers speak by phone")
                && l.contains("held, people familiar with the call said")),
        "{latest}"
    );
}

#[test]
fn a_vote_shows_its_tally_threshold_and_members_everywhere() {
    let line = "Adopted: 100 in favour, 11 against, 58 abstaining; threshold: a simple majority";
    let md = render(Format::Markdown, None);
    let votes = section(&md, "Votes");
    assert!(votes.contains(line), "{votes}");
    assert!(votes.contains("For: Varnia\\\n  Against: Ostria\\\n  Abstained: Halden"));
    assert!(votes.contains("The Strait Council"));
    let flash = render(Format::Markdown, Some("flash"));
    let votes = section(&flash, "Votes");
    assert!(votes.contains(line), "{votes}");
    assert!(votes.contains("For: Varnia. Against: Ostria. Abstained: Halden"));
    for template in [None, Some("flash.html")] {
        let html = render(Format::Html, template);
        assert!(html.contains(line), "{html}");
        assert!(html.contains("Halden"));
    }
}

#[test]
fn an_agreement_keeps_its_hedge_length_deadline_and_objections() {
    let md = render(Format::Markdown, None);
    let section_md = section(&md, "Agreements and proposals");
    for expected in [
        "**Halt to naval patrols in the strait**",
        "Possible 30-day truce, proposed · 9 March 2032",
        "Proposed by: Halden",
        "Duration: 30 days",
        "Target: by the end of the month",
        "From: The ministers speak by phone",
        "Term: Both sides withdraw patrol boats.",
        "Objection: Ostria dismisses as \"a ploy\"",
    ] {
        assert!(section_md.contains(expected), "{expected}:\n{section_md}");
    }
    assert!(
        !section_md.contains("rejects"),
        "the verb as stated, not `rejects`"
    );
    // Agreements come after Meetings.
    assert!(md.find("## Meetings").unwrap() < md.find("## Agreements and proposals").unwrap());

    let chronology = section(&md, "Chronology");
    assert!(chronology.contains(
        "| [Possible 30-day truce, proposed: Halt to naval patrols in the strait](#agreements-and-proposals)"
    ), "{chronology}");
    let undated = &chronology[chronology.find("### Undated").expect("an undated list")..];
    assert!(
        undated
            .contains("[Deadline: Halt to naval patrols in the strait](#agreements-and-proposals)"),
        "{chronology}"
    );

    let flash = render(Format::Markdown, Some("flash"));
    let line = section(&flash, "Agreements and proposals");
    assert!(
        line.contains(
            "**Possible 30-day truce, proposed:** Halt to naval patrols in the strait; target: by the end of the month"
        ),
        "{line}"
    );
    assert!(line.contains("; Ostria dismisses as \"a ploy\""), "{line}");
    // A deadline is not a development.
    assert!(!section(&flash, "Latest").contains("Deadline"));

    for template in [None, Some("flash.html")] {
        let html = render(Format::Html, template);
        assert!(html.contains("Possible 30-day truce, proposed"), "{html}");
        assert!(
            html.contains("Ostria dismisses as &quot;a ploy&quot;")
                || html.contains("Ostria dismisses as \"a ploy\"")
        );
    }
}

#[test]
fn a_gap_and_a_chronology_row_can_name_an_agreement() {
    let source = STORY.replace(
        "agreements:",
        "gaps:\n  - text: Whether the truce would cover river traffic.\n    about: [strait-truce]\nagreements:",
    );
    let (model, diagnostics) = brief::check_str(&source, &brief::Limits::default());
    assert!(model.is_some(), "{diagnostics:?}");
    let json = common::render(
        STORY,
        &RenderOptions {
            format: Format::Json,
            ..RenderOptions::default()
        },
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let kinds = |list: &str| -> Vec<String> {
        v[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["source_kind"].as_str().unwrap().to_owned())
            .collect()
    };
    // The agreement on its date; its deadline, stated with no date, apart.
    assert!(kinds("chronology").contains(&"agreement".to_owned()));
    assert!(
        kinds("undated").contains(&"deadline".to_owned()),
        "{:?}",
        kinds("undated")
    );
    // A deadline never counts among the latest developments.
    assert!(
        v["latest"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["source_kind"] != "deadline")
    );
}
