//! Statements and their speakers as the briefing shows them: several
//! parties, documents and unnamed persons as speakers, partial quotes,
//! rejections with their own verb, unattributed statements, roles as
//! stated, and relations that link to statements rather than repeat them.

use brief::{Format, RenderOptions};

use crate::common;

const BRIEF: &str = r#"
id: plant
title: Shelling near the plant
published: 2025-03-10
sources:
  - id: article
    name: Wire report
    kind: news-article
actors:
  - id: russia
    name: Russia
    kind: state
  - id: ukraine
    name: Ukraine
    kind: state
  - id: official
    name: a senior U.S. official
    kind: person
    unnamed: true
  - id: draft
    name: the draft resolution
    kind: document
  - id: grossi
    name: Rafael Grossi
    kind: person
    roles:
      - title: Director General
        portfolio: nuclear safety
        stated: who leads the UN nuclear watchdog
issues:
  - id: plant
    name: Safety of the plant
events:
  - id: call
    kind: phone-call
    title: Russian and Ukrainian envoys speak by phone about the plant's safety
    participants: [russia, ukraine]
    date: 2025-03-08
    status: held
    sources: [article]
statements:
  - id: mutual
    by: [russia, ukraine]
    kind: accusation
    verb: accused each other of
    text: Shelling the plant, "putting lives at risk" across the whole region.
    quoted: ["putting lives at risk"]
    issue: plant
    date: 2025-03-09
    rejected_by:
      - actor: grossi
        verb: says he cannot confirm
    sources: [article]
  - id: official-view
    by: official
    kind: position
    verb: said
    text: Washington wants inspectors at the plant within days.
    issue: plant
    sources: [article]
  - id: draft-text
    by: draft
    kind: position
    verb: calls for
    text: An immediate halt to all military activity around the plant.
    issue: plant
    rejected_by:
      - actor: russia
        verb: denies
        sources: [article]
      - actor: ukraine
        strength: firmly
        sources: [article]
    sources: [article]
  - id: grossi-first
    by: grossi
    kind: position
    verb: said
    text: The situation at the plant is precarious.
    issue: plant
    sources: [article]
  - id: grossi-second
    by: grossi
    kind: position
    verb: added
    text: Inspectors need safe access to the cooling pond.
    issue: plant
    sources: [article]
  - id: framing
    unattributed: the report's own framing
    kind: characterisation
    text: The plant is described as the largest in Europe.
    sources: [article]
"#;

fn render(format: Format) -> String {
    common::render(
        BRIEF,
        &RenderOptions {
            format,
            ..RenderOptions::default()
        },
    )
}

fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md
        .find(&format!("## {heading}\n"))
        .unwrap_or_else(|| panic!("no {heading} section in:\n{md}"));
    let rest = &md[start + heading.len() + 4..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn a_statement_by_several_parties_names_each_of_them() {
    let md = render(Format::Markdown);
    assert!(
        md.contains("**Russia and Ukraine**, *accused each other of*: Shelling the plant"),
        "{md}"
    );
    let html = render(Format::Html);
    assert!(html.contains(">Russia and Ukraine</strong>"), "{html}");
}

#[test]
fn an_unnamed_person_is_shown_as_a_description_never_as_a_name() {
    let md = render(Format::Markdown);
    assert!(!md.contains("**a senior U.S. official"), "{md}");
    assert!(
        md.contains("- a senior U.S. official, *said*: Washington wants inspectors"),
        "{md}"
    );
    assert!(
        section(&md, "Actors").contains("a senior U.S. official, not named in the sources"),
        "{md}"
    );
    let html = render(Format::Html);
    assert!(
        !html.contains("<strong class=\"attribution\">a senior"),
        "{html}"
    );
}

#[test]
fn a_document_speaks_as_the_document() {
    let md = render(Format::Markdown);
    assert!(
        md.contains("- the draft resolution, *calls for*: An immediate halt"),
        "{md}"
    );
    assert!(section(&md, "Actors").contains("| the draft resolution | document |"));
}

#[test]
fn a_rejection_keeps_its_own_verb() {
    let md = render(Format::Markdown);
    assert!(md.contains("Russia denies[^1]"), "{md}");
    assert!(md.contains("Rafael Grossi says he cannot confirm"), "{md}");
    assert!(md.contains("Rejected firmly by Ukraine"), "{md}");
    let relations = section(&md, "Relations");
    assert!(
        relations.contains("| Russia | denies | the draft resolution |"),
        "{relations}"
    );
    assert!(!relations.contains("| Russia | rejects"), "{relations}");
    let html = render(Format::Html);
    assert!(html.contains("Russia denies"), "{html}");
}

#[test]
fn relations_list_no_meetings_and_link_to_statements_instead_of_repeating_them() {
    for format in [Format::Markdown, Format::Html] {
        let out = render(format);
        let relations = &out[out
            .find("Relations</")
            .or_else(|| out.find("## Relations"))
            .unwrap()..];
        assert!(!relations.contains("speak by phone"), "{relations}");
        assert!(!relations.contains("phone call"), "{relations}");
        let text = "An immediate halt to all military activity";
        assert_eq!(out.matches(text).count(), 1, "{text} repeated:\n{out}");
    }
    let md = render(Format::Markdown);
    assert!(
        section(&md, "Relations")
            .contains("[the draft resolution, calls for, on Safety of the plant](#positions)"),
        "{md}"
    );
    let html = render(Format::Html);
    assert!(html.contains("id=\"statement-draft-text\""), "{html}");
    assert!(
        html.contains("<a href=\"#statement-draft-text\">"),
        "{html}"
    );
}

#[test]
fn unattributed_statements_are_not_set_like_a_speaker() {
    let md = render(Format::Markdown);
    assert!(
        md.contains("- *Not attributed*: The plant is described as the largest in Europe."),
        "{md}"
    );
    assert!(!md.contains("**Unattributed**"), "{md}");
    assert!(!md.contains("**Not attributed**"), "{md}");
}

#[test]
fn a_role_reads_as_stated_and_is_given_once_in_positions() {
    let md = render(Format::Markdown);
    assert!(
        md.contains("| Rafael Grossi | Director General, who leads the UN nuclear watchdog. |"),
        "{md}"
    );
    let positions = section(&md, "Positions");
    assert_eq!(
        positions.matches("Director General").count(),
        1,
        "{positions}"
    );
    assert!(
        positions.contains("**Rafael Grossi**, *added*:"),
        "{positions}"
    );
    assert!(!md.contains("(nuclear safety)"), "{md}");
}

#[test]
fn states_get_no_empty_role_cell() {
    let md = render(Format::Markdown);
    let actors = section(&md, "Actors");
    assert!(actors.contains("| Russia | state |"), "{actors}");
    assert!(!actors.contains("|  |"), "{actors}");
}

#[test]
fn partial_quotes_are_in_the_view() {
    let json = render(Format::Json);
    assert!(json.contains("\"quoted\""), "{json}");
    assert!(json.contains("\"putting lives at risk\""), "{json}");
}

#[test]
fn the_flash_note_names_every_party_of_a_statement() {
    for format in [Format::Markdown, Format::Html] {
        let flash = common::render(
            BRIEF,
            &RenderOptions {
                format,
                template: Some("flash".into()),
                ..RenderOptions::default()
            },
        );
        assert!(
            flash.contains("Russia and Ukraine, accused each other of: Shelling the plant"),
            "{flash}"
        );
    }
}
