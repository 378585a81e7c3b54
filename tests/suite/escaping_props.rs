//! Property tests: whatever text a brief holds, in every free-text field,
//! the HTML rendering gains no element, attribute or URL from it, and the
//! Markdown rendering keeps its structure (the same headings, list items,
//! table rows and cells, links). Markdown prose (background, outlook) may
//! add formatting, by design, but never raw HTML, a script, an unsafe link
//! or a template delimiter.
//!
//! The HTML is parsed with an HTML5 parser (scraper, on html5ever), as a
//! browser would parse it; the Markdown with pulldown-cmark.

use brief::{Format, Limits, RenderOptions, Renderer};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser};
use scraper::Html;

use crate::common::hostile::{PAYLOADS, brief_with};

const PLAIN_PROSE: &str = "Plain prose.";

fn render(source: &str, format: Format, fragment: bool, template: Option<&str>) -> String {
    static RENDERER: std::sync::OnceLock<Renderer> = std::sync::OnceLock::new();
    let renderer = RENDERER.get_or_init(|| Renderer::new().expect("built-in templates compile"));
    let options = RenderOptions {
        format,
        fragment,
        template: template.map(str::to_owned),
        ..RenderOptions::default()
    };
    match brief::render_str(source, &Limits::default(), renderer, &options) {
        Ok(r) => r.text,
        Err(brief::Error::Invalid(d)) => panic!(
            "the brief does not check:\n{}",
            d.iter()
                .map(|d| d.render("hostile.yaml", source))
                .collect::<String>()
        ),
        Err(e) => panic!("{e}"),
    }
}

/// Whether an element is inside an SVG chart: charts lay text out in
/// lines and measure it, so their shape follows the text's length; they
/// are checked by [`svg_vocabulary`] instead.
fn in_svg(e: &scraper::ElementRef) -> bool {
    e.ancestors()
        .filter_map(scraper::ElementRef::wrap)
        .any(|a| a.value().name() == "svg")
}

/// Every element of an HTML document in order, with its attributes: names,
/// and values except `title` (a tooltip: text, escaped like any other).
/// An SVG chart counts as its `<svg>` element alone.
fn html_shape(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    doc.root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
        .filter(|e| !in_svg(e))
        .map(|e| {
            if e.value().name() == "svg" {
                return "<svg>".to_string();
            }
            let mut attrs: Vec<String> = e
                .value()
                .attrs()
                .map(|(name, value)| {
                    if name == "title" {
                        name.to_string()
                    } else {
                        format!("{name}={value:?}")
                    }
                })
                .collect();
            attrs.sort();
            format!("<{} {}>", e.value().name(), attrs.join(" "))
        })
        .collect()
}

/// The elements and attribute names used inside SVG charts.
fn svg_vocabulary(html: &str) -> std::collections::BTreeSet<String> {
    let doc = Html::parse_document(html);
    doc.root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
        .filter(|e| in_svg(e) || e.value().name() == "svg")
        .flat_map(|e| {
            let name = e.value().name().to_string();
            std::iter::once(name.clone())
                .chain(e.value().attrs().map(move |(a, _)| format!("{name} {a}")))
        })
        .collect()
}

/// The structure of a Markdown document: every event but text, with
/// link targets and raw HTML spelled out.
fn markdown_shape(md: &str) -> Vec<String> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    Parser::new_ext(md, options)
        .filter_map(|event| match event {
            Event::Text(_) => None,
            Event::Code(_) => Some("Code".to_string()),
            other => Some(format!("{other:?}")),
        })
        .collect()
}

/// Fails with the first place the two shapes part.
fn same_shape(
    what: &str,
    text: &str,
    got: &[String],
    want: &[String],
) -> Result<(), TestCaseError> {
    if let Some(i) = (0..got.len().max(want.len())).find(|&i| got.get(i) != want.get(i)) {
        return Err(TestCaseError::fail(format!(
            "{what}: with the text {text:?}, item {i} is {:?}, not {:?}",
            got.get(i),
            want.get(i)
        )));
    }
    Ok(())
}

/// The outputs checked: (format, fragment, template).
const OUTPUTS: &[(Format, bool, Option<&str>)] = &[
    (Format::Html, false, None),
    (Format::Html, true, None),
    (Format::Html, false, Some("flash")),
    (Format::Markdown, false, None),
    (Format::Markdown, false, Some("flash")),
];

/// The renderings of the plain brief, one per [`OUTPUTS`] entry, with
/// their shapes.
fn baselines() -> &'static [(String, Vec<String>)] {
    static BASELINES: std::sync::OnceLock<Vec<(String, Vec<String>)>> = std::sync::OnceLock::new();
    BASELINES.get_or_init(|| {
        let baseline = brief_with("Plain words", PLAIN_PROSE);
        OUTPUTS
            .iter()
            .map(|&(format, fragment, template)| {
                let text = render(&baseline, format, fragment, template);
                let shape = match format {
                    Format::Html => html_shape(&text),
                    _ => markdown_shape(&text),
                };
                (text, shape)
            })
            .collect()
    })
}

/// What SVG charts may hold: the vocabulary of charts of plain text,
/// short and long (long labels are laid out over several lines).
fn chart_vocabulary() -> &'static std::collections::BTreeSet<String> {
    static VOCABULARY: std::sync::OnceLock<std::collections::BTreeSet<String>> =
        std::sync::OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut all = std::collections::BTreeSet::new();
        for text in ["Plain words", &"Plain words and more of them ".repeat(12)] {
            let source = brief_with(text, PLAIN_PROSE);
            for &(format, fragment, template) in OUTPUTS {
                if format == Format::Html {
                    all.extend(svg_vocabulary(&render(&source, format, fragment, template)));
                }
            }
        }
        all
    })
}

fn check_text(text: &str) -> Result<(), TestCaseError> {
    let hostile = brief_with(text, PLAIN_PROSE);
    for (&(format, fragment, template), (_, want)) in OUTPUTS.iter().zip(baselines()) {
        let got = render(&hostile, format, fragment, template);
        let what = format!("{format:?} fragment={fragment} template={template:?}");
        match format {
            Format::Html => {
                same_shape(&what, text, &html_shape(&got), want)?;
                let extra: Vec<String> = svg_vocabulary(&got)
                    .difference(chart_vocabulary())
                    .cloned()
                    .collect();
                prop_assert!(
                    extra.is_empty(),
                    "{}: {:?} in a chart from {:?}",
                    what,
                    extra,
                    text
                );
            }
            _ => {
                same_shape(&what, text, &markdown_shape(&got), want)?;
                for delimiter in ["{{", "{%"] {
                    prop_assert!(
                        !got.contains(delimiter),
                        "{what}: `{delimiter}` reached the Markdown with the text {text:?}"
                    );
                }
            }
        }
    }
    // The text itself is kept: the page's heading reads it back.
    let html = render(&hostile, Format::Html, false, None);
    let doc = Html::parse_document(&html);
    let h1 = scraper::Selector::parse("h1").expect("a selector");
    let heading: String = doc
        .select(&h1)
        .next()
        .map(|h| h.text().collect())
        .unwrap_or_default();
    // Word for word: how spaces and line breaks are laid out is HTML's.
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    prop_assert_eq!(words(&heading), words(text));
    Ok(())
}

/// A URL a browser would not run: relative, or http, https or mailto,
/// after the browser's own clean-up (tabs and line breaks dropped, leading
/// spaces and controls trimmed).
fn harmless_url(url: &str) -> bool {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned[i..].starts_with(':') => {
            ["http", "https", "mailto"].contains(&cleaned[..i].to_ascii_lowercase().as_str())
        }
        _ => true,
    }
}

fn check_prose(prose: &str) -> Result<(), TestCaseError> {
    let hostile = brief_with("Plain words", prose);
    for (&(format, fragment, template), (want, _)) in OUTPUTS.iter().zip(baselines()) {
        let got = render(&hostile, format, fragment, template);
        let what = format!("{format:?} fragment={fragment} template={template:?}");
        if format == Format::Html {
            let count = |html: &str, tag: &str| {
                html_shape(html)
                    .iter()
                    .filter(|e| e.starts_with(&format!("<{tag} ")))
                    .count()
            };
            for tag in [
                "script", "style", "iframe", "object", "embed", "form", "input", "base", "meta",
                "link", "svg", "math", "template",
            ] {
                prop_assert_eq!(
                    count(&got, tag),
                    count(want, tag),
                    "{}: <{}> from {:?}",
                    what,
                    tag,
                    prose
                );
            }
            let doc = Html::parse_document(&got);
            for e in doc
                .root_element()
                .descendants()
                .filter_map(scraper::ElementRef::wrap)
            {
                for (name, value) in e.value().attrs() {
                    prop_assert!(
                        !name.starts_with("on"),
                        "{}: an `{}` attribute from {:?}",
                        what,
                        name,
                        prose
                    );
                    if [
                        "href",
                        "src",
                        "action",
                        "formaction",
                        "srcset",
                        "xlink:href",
                    ]
                    .contains(&name)
                    {
                        prop_assert!(
                            harmless_url(value),
                            "{}: {}={:?} from {:?}",
                            what,
                            name,
                            value,
                            prose
                        );
                    }
                }
            }
        } else {
            let options =
                Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
            let baseline_html: Vec<String> = markdown_shape(want)
                .into_iter()
                .filter(|e| e.starts_with("Html") || e.starts_with("InlineHtml"))
                .collect();
            let mut html = Vec::new();
            for event in Parser::new_ext(&got, options) {
                match event {
                    Event::Html(h) | Event::InlineHtml(h) => html.push(h.to_string()),
                    Event::Start(
                        pulldown_cmark::Tag::Link { dest_url, .. }
                        | pulldown_cmark::Tag::Image { dest_url, .. },
                    ) => {
                        prop_assert!(
                            harmless_url(&dest_url),
                            "{}: a link to {:?} from {:?}",
                            what,
                            dest_url,
                            prose
                        );
                    }
                    _ => {}
                }
            }
            prop_assert_eq!(
                html.len(),
                baseline_html.len(),
                "{}: raw HTML {:?} from {:?}",
                what,
                html,
                prose
            );
            for delimiter in ["{{", "{%"] {
                prop_assert!(
                    !got.contains(delimiter),
                    "{}: `{}` reached the Markdown from {:?}",
                    what,
                    delimiter,
                    prose
                );
            }
        }
    }
    Ok(())
}

/// Text made of payload fragments and arbitrary characters.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(PAYLOADS).prop_map(str::to_owned),
        "[ -~]{0,12}",
        "[<>&\"'`|*_#\\[\\](){}!%=~\\\\:;/-]{1,6}",
        any::<String>(),
        Just("\n".to_string()),
        Just("  ".to_string()),
    ];
    proptest::collection::vec(piece, 1..5)
        .prop_map(|parts| parts.concat())
        .prop_filter("a text that is not blank", |s| !s.trim().is_empty())
}

#[test]
fn every_payload_stays_text_in_every_field() {
    for payload in PAYLOADS {
        check_text(payload).unwrap_or_else(|e| panic!("{e}"));
        check_text(&format!("x {payload}")).unwrap_or_else(|e| panic!("{e}"));
    }
    check_text(&PAYLOADS.join(" ")).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn every_payload_in_prose_is_disarmed() {
    for payload in PAYLOADS {
        check_prose(payload).unwrap_or_else(|e| panic!("{e}"));
    }
    check_prose(&PAYLOADS.join("\n\n")).unwrap_or_else(|e| panic!("{e}"));
    check_prose(&PAYLOADS.join("\n")).unwrap_or_else(|e| panic!("{e}"));
}

proptest! {
    // Failing cases are kept beside this file: proptest's default looks for
    // the crate's main.rs and would put them in tests/proptest-regressions/.
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::WithSource(
            "proptest-regressions"
        ))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_stays_text_in_every_field(text in hostile_text()) {
        check_text(&text)?;
    }

    #[test]
    fn any_prose_is_disarmed(prose in hostile_text()) {
        check_prose(&prose)?;
    }
}
