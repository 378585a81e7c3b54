//! The charts: well-formed SVG (read back by an XML parser), faithful to
//! qualifiers, partial dates and status, pinned by snapshots, and safe
//! with hostile text; Mermaid diagrams whose labels cannot be broken out
//! of.

use brief::render::charts::{mermaid_charts, svg_charts};
use brief::{Format, Limits, RenderOptions, Renderer};

use crate::common;

fn view_of(source: &str) -> brief::View {
    let (model, diagnostics) = brief::check_str(source, &Limits::default());
    let model = model.unwrap_or_else(|| panic!("the brief checks: {diagnostics:#?}"));
    brief::resolve::resolve(&model)
}

fn seed() -> brief::View {
    view_of(&common::seed())
}

/// Parses a chart as XML, failing the test with the parser's message.
fn parse(chart: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(chart).unwrap_or_else(|e| panic!("not well-formed: {e}\n{chart}"))
}

/// The text of every `<text>` element, one string each.
fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .map(|d| d.text().unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The `<g>` whose id ends with `suffix`.
fn group<'a>(doc: &'a roxmltree::Document, suffix: &str) -> roxmltree::Node<'a, 'a> {
    doc.descendants()
        .find(|n| n.has_tag_name("g") && n.attribute("id").is_some_and(|i| i.ends_with(suffix)))
        .unwrap_or_else(|| panic!("no group `{suffix}`"))
}

#[test]
fn every_chart_of_every_brief_is_well_formed_with_a_title_and_a_description() {
    for path in common::shipped_briefs() {
        let view = view_of(&std::fs::read_to_string(&path).unwrap());
        let charts = svg_charts(&view);
        for (name, chart) in [
            ("territory", &charts.territory),
            ("chronology", &charts.chronology),
            ("relations", &charts.relations),
        ] {
            if chart.is_empty() {
                continue;
            }
            let doc = parse(chart);
            let svg = doc
                .descendants()
                .find(|n| n.has_tag_name("svg"))
                .unwrap_or_else(|| panic!("{}: {name} has no svg", path.display()));
            assert_eq!(
                svg.tag_name().namespace(),
                Some("http://www.w3.org/2000/svg")
            );
            assert_eq!(svg.attribute("role"), Some("img"));
            for part in ["title", "desc"] {
                let node = svg
                    .children()
                    .find(|n| n.has_tag_name(part))
                    .unwrap_or_else(|| panic!("{}: {name} has no <{part}>", path.display()));
                assert!(!node.text().unwrap_or_default().trim().is_empty());
                let id = node.attribute("id").unwrap();
                assert!(svg.attribute("aria-labelledby").unwrap().contains(id));
            }
            // Every reference points at a definition of the same chart.
            let ids: Vec<&str> = doc
                .descendants()
                .filter_map(|n| n.attribute("id"))
                .collect();
            let mut unique = ids.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(
                ids.len(),
                unique.len(),
                "{}: {name} repeats an id",
                path.display()
            );
            for n in doc.descendants() {
                for a in n.attributes() {
                    if let Some(rest) = a.value().strip_prefix("url(#") {
                        let target = rest.trim_end_matches(')');
                        assert!(
                            ids.contains(&target),
                            "{}: {name}: {}",
                            path.display(),
                            a.value()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_seed_charts_are_pinned() {
    let charts = svg_charts(&seed());
    insta::assert_snapshot!("seed-territory.svg", charts.territory);
    insta::assert_snapshot!("seed-chronology.svg", charts.chronology);
    insta::assert_snapshot!("seed-relations.svg", charts.relations);
    let mermaid = mermaid_charts(&seed());
    assert_eq!(mermaid.territory, "");
    insta::assert_snapshot!("seed-chronology.mermaid", mermaid.chronology);
    insta::assert_snapshot!("seed-relations.mermaid", mermaid.relations);
}

#[test]
fn qualified_figures_are_drawn_as_bounds_and_labelled_with_their_qualifier() {
    let charts = svg_charts(&seed());
    let doc = parse(&charts.territory);
    let labels = texts(&doc);
    for l in &labels {
        for (number, qualifier) in [("20%", "nearly 20%"), ("99%", "over 99%")] {
            assert!(
                !l.contains(number) || l.contains(qualifier),
                "a bare {number} in `{l}`"
            );
        }
    }
    assert!(labels.iter().any(|l| l == "nearly 20%"), "{labels:?}");
    assert!(labels.iter().any(|l| l == "over 99%"), "{labels:?}");
    assert!(labels.iter().any(|l| l == "75%"), "{labels:?}");
    let has = |g: roxmltree::Node, class: &str| {
        g.descendants().any(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|c| c == class))
        })
    };
    // "nearly 20%": a hatched range below a dashed bound, the solid bar
    // stopping short of 20.
    let nearly = group(&doc, "ukraine-share");
    assert!(has(nearly, "range") && has(nearly, "bound"));
    let bound = nearly
        .descendants()
        .find(|n| n.attribute("class") == Some("bound"))
        .unwrap();
    assert!(
        bound.attribute("stroke-dasharray").is_some(),
        "a strict bound is dashed"
    );
    let share = nearly
        .descendants()
        .find(|n| n.attribute("class") == Some("share"))
        .unwrap();
    let solid: f64 = share.attribute("width").unwrap().parse().unwrap();
    let at: f64 = bound.attribute("x1").unwrap().parse().unwrap();
    assert!(
        solid < at - 1.0,
        "the solid bar ({solid}) stops before the bound ({at})"
    );
    // "over 99%": the range lies above the bound.
    let over = group(&doc, "luhansk-share");
    let range = over
        .descendants()
        .find(|n| n.attribute("class") == Some("range"))
        .unwrap();
    let bound: f64 = over
        .descendants()
        .find(|n| n.attribute("class") == Some("bound"))
        .and_then(|n| n.attribute("x1"))
        .unwrap()
        .parse()
        .unwrap();
    let start: f64 = range.attribute("x").unwrap().parse().unwrap();
    assert!(start >= bound - 0.5, "the range starts at the bound");
    // "75%", unqualified: no range.
    assert!(!has(group(&doc, "three-regions"), "range"));
    // The caption gives the as-of date and the source.
    let caption = doc
        .descendants()
        .find(|n| n.has_tag_name("figcaption"))
        .unwrap();
    let caption: String = caption.descendants().filter_map(|n| n.text()).collect();
    assert!(
        caption.contains("As of: currently (exact date unknown)."),
        "{caption}"
    );
    assert!(
        caption.contains("News article datelined Moscow"),
        "{caption}"
    );
}

#[test]
fn partial_dates_and_status_are_drawn_as_what_they_are() {
    let charts = svg_charts(&seed());
    let doc = parse(&charts.chronology);
    let class = |suffix: &str| group(&doc, suffix).attribute("class").unwrap().to_owned();
    // The inferred year is marked, by a ring and in words.
    let call = group(&doc, "trump-putin-call");
    assert!(class("trump-putin-call").contains("inferred"));
    assert!(
        call.descendants()
            .any(|n| n.attribute("class") == Some("inferred-ring"))
    );
    let call_texts: Vec<String> = call
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.descendants().filter_map(|d| d.text()).collect())
        .collect();
    assert!(
        call_texts
            .iter()
            .any(|t| t.contains("(year inferred)") && t.contains("held")),
        "{call_texts:?}"
    );
    // A month is a span, not a point; an exact day is a point.
    let june = group(&doc, "putin-conditions");
    assert!(june.descendants().any(|n| n.has_tag_name("rect")));
    assert!(call.descendants().any(|n| n.has_tag_name("circle")));
    // The scheduled talks, with no date, fade out after what they follow,
    // drawn dashed and labelled scheduled.
    let talks = group(&doc, "departmental-talks");
    assert!(class("departmental-talks").contains("planned"));
    let span = talks
        .descendants()
        .find(|n| {
            n.has_tag_name("rect")
                && n.attribute("fill")
                    .is_some_and(|f| f.contains("fade-right"))
        })
        .expect("a fading span");
    assert!(span.attribute("stroke-dasharray").is_some());
    let riyadh = group(&doc, "riyadh-meeting");
    let riyadh_x: f64 = riyadh
        .descendants()
        .find(|n| n.has_tag_name("circle") && n.attribute("r") == Some("5.5"))
        .and_then(|n| n.attribute("cx"))
        .unwrap()
        .parse()
        .unwrap();
    let talks_x: f64 = span.attribute("x").unwrap().parse().unwrap();
    assert!(
        talks_x > riyadh_x,
        "the talks start after Riyadh ({talks_x} > {riyadh_x})"
    );
    // Held and planned differ by more than colour: words say which.
    let all = texts(&doc).join("\n");
    assert!(all.contains("scheduled"), "{all}");
    assert!(all.contains("held"), "{all}");
    // The axis marks the stretch with the inferred year.
    assert!(all.contains("Feb 2025*"), "{all}");
}

const HOSTILE: &str = "<script>alert(1)</script> ]]> & \"q\" 'a' --> %% # ; [x] {y} | `t`";

fn hostile_brief() -> String {
    let q = format!("{HOSTILE:?}");
    format!(
        "id: \"x<y\"\ntitle: {q}\nsources:\n  - id: s\n    name: {q}\n    kind: other\n\
         actors:\n  - id: a\n    name: {q}\n    kind: person\n  - id: b\n    name: \"B\\n```\\nC\"\n    kind: state\n\
         places:\n  - id: p\n    name: {q}\n\
         events:\n  - id: e\n    kind: meeting\n    title: {q}\n    participants: [a, b]\n    status: scheduled\n    date: 2025-02\n    sources: [s]\n\
         statements:\n  - id: st\n    by: a\n    kind: position\n    text: {q}\n    rejected_by:\n      - actor: b\n        strength: {q}\n    sources: [s]\n  \
         - id: st2\n    by: b\n    kind: position\n    text: {q}\n    aligns_with:\n      - statement: st\n    date: 2025-02-03\n    sources: [s]\n\
         figures:\n  - id: f\n    controller: a\n    areas: [p]\n    value: 20\n    unit: percent\n    qualifier: nearly\n    stated: {q}\n    sources: [s]\n"
    )
}

#[test]
fn hostile_text_stays_text_in_the_svg() {
    let view = view_of(&hostile_brief());
    let charts = svg_charts(&view);
    for chart in [&charts.territory, &charts.chronology, &charts.relations] {
        assert!(!chart.is_empty());
        let doc = parse(chart);
        assert!(
            !doc.descendants().any(|n| n.has_tag_name("script")),
            "{chart}"
        );
        let all: String = doc.descendants().filter_map(|n| n.text()).collect();
        assert!(all.contains("<script>alert(1)</script> ]]> &"), "{all}");
        for n in doc.descendants() {
            if let Some(id) = n.attribute("id") {
                assert!(
                    id.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                    "{id}"
                );
            }
        }
    }
    // In the page too: the HTML around the charts keeps them as text.
    let renderer = Renderer::new().unwrap();
    let options = RenderOptions {
        format: Format::Html,
        ..RenderOptions::default()
    };
    let html = brief::render_str(&hostile_brief(), &Limits::default(), &renderer, &options)
        .unwrap()
        .text;
    assert!(!html.contains("<script>"));
}

/// Decodes Mermaid's `#NN;` entity codes.
fn mermaid_unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').expect("an entity code ends with ;");
        let code: u32 = after[..end].parse().expect("a numeric entity code");
        out.push(char::from_u32(code).unwrap());
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn hostile_text_cannot_break_out_of_a_mermaid_label() {
    let view = view_of(&hostile_brief());
    let charts = mermaid_charts(&view);
    for diagram in [&charts.chronology, &charts.relations] {
        let lines: Vec<&str> = diagram.lines().collect();
        assert_eq!(lines.first(), Some(&"```mermaid"), "{diagram}");
        assert_eq!(lines.last(), Some(&"```"), "{diagram}");
        for line in &lines[1..lines.len() - 1] {
            assert!(!line.contains("```") && !line.contains("%%"), "{line}");
            assert!(
                line.starts_with("  ") || line.starts_with("flowchart "),
                "{line}"
            );
            // Each line has its labels in pairs of quotes, with none inside.
            let quoted: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
            assert_eq!(line.matches('"').count() % 2, 0, "{line}");
            for label in quoted {
                for bad in ['<', '>', ';', '[', ']', '|', '`', '\n'] {
                    assert!(
                        !mermaid_without_codes(label).contains(bad),
                        "`{bad}` in the label {label}"
                    );
                }
            }
        }
        assert!(
            lines
                .iter()
                .any(|l| mermaid_unescape(l).contains("<script>alert(1)</script> ]]> &")),
            "{diagram}"
        );
    }
}

/// A label with its entity codes taken out.
fn mermaid_without_codes(label: &str) -> String {
    let mut out = String::new();
    let mut rest = label;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').map_or(rest.len(), |e| i + e + 1);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn diagrams_follow_the_options() {
    let renderer = Renderer::new().unwrap();
    let source = common::seed();
    let render = |format, diagrams| {
        let options = RenderOptions {
            format,
            diagrams,
            ..RenderOptions::default()
        };
        brief::render_str(&source, &Limits::default(), &renderer, &options).map(|r| r.text)
    };
    use brief::render::Diagrams;
    let md = render(Format::Markdown, None).unwrap();
    assert!(!md.contains("```mermaid"));
    let md = render(Format::Markdown, Some(Diagrams::Mermaid)).unwrap();
    assert_eq!(md.matches("```mermaid").count(), 2, "{md}");
    // The tables stay.
    assert!(md.contains("| Date | What | Status |"));
    assert!(md.contains("| Who | Relation | With whom | Statement |"));
    let html = render(Format::Html, None).unwrap();
    assert_eq!(html.matches("<svg ").count(), 3);
    let html = render(Format::Html, Some(Diagrams::Off)).unwrap();
    assert!(!html.contains("<svg"));
    let e = render(Format::Html, Some(Diagrams::Mermaid)).unwrap_err();
    assert!(
        e.to_string()
            .contains("mermaid diagrams go with Markdown output, not HTML"),
        "{e}"
    );
    let json = render(Format::Json, None).unwrap();
    assert!(json.contains("\"charts\": {"), "{json}");
}

#[test]
fn a_template_can_drop_one_chart() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("house.html"),
        "{% extends \"brief.html\" %}{% block chronology_chart %}{% endblock chronology_chart %}",
    )
    .unwrap();
    let templates = brief::render::TemplateDir::read(dir.path()).unwrap();
    let renderer = Renderer::with_templates(&templates).unwrap();
    let options = RenderOptions {
        format: Format::Html,
        template: Some("house".into()),
        ..RenderOptions::default()
    };
    let source = common::seed();
    let html = brief::render_str(&source, &Limits::default(), &renderer, &options)
        .unwrap()
        .text;
    assert!(!html.contains("chart-chronology"));
    assert!(html.contains("chart-territory") && html.contains("chart-relations"));
}

#[test]
fn a_pdf_without_a_browser_says_what_to_install_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("talks.pdf");
    let out = common::brief()
        .env("PATH", dir.path())
        .env_remove("BRIEF_CHROMIUM")
        .args(["render", "briefs/us-russia-talks.yaml", "-o"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: cannot make a PDF: no Chromium or Chrome found"),
        "{stderr}"
    );
    assert!(stderr.contains("apt-get install chromium"), "{stderr}");
    assert!(!pdf.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
