//! End to end in a real browser: the HTML renderings of a brief stuffed
//! with script payloads, in every text field and in the prose, are opened
//! in headless Chromium, and no payload runs. Each payload would change
//! `document.title`, mark the body with a `data-pwned` attribute, or log to
//! the console; the DOM Chromium dumps after running the page's scripts
//! shows neither change. A control page with one script added by hand
//! shows that scripts do run in this set-up.
//!
//! Ignored by default: it needs Chromium (`CHROMIUM`, else
//! `/usr/bin/chromium`). `.ci/run` installs it and runs
//! `cargo test --test suite browser_xss:: -- --ignored`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use brief::{Format, Limits, RenderOptions, Renderer};
use scraper::{Html, Selector};

use crate::common::hostile::{PAYLOADS, brief_with};

/// Payloads beyond the shared list: a mark on the body, a console line.
const MORE: &[&str] = &[
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
    "<script>console.log('XSS-console')</script>",
    "<details open ontoggle=\"document.body.setAttribute('data-pwned','details')\">",
    "<style>@import 'javascript:x';</style><body onload=\"document.body.setAttribute('data-pwned','onload')\">",
];

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// The DOM of `page` after Chromium has run its scripts, and what
/// Chromium logged (console messages included).
fn dump_dom(page: &Path) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}", page.display());
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .timeout(Duration::from_secs(120))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    let log = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(dom.contains("<body"), "Chromium dumped no DOM:\n{log}");
    (dom, log)
}

fn title(html: &str) -> String {
    let doc = Html::parse_document(html);
    let sel = Selector::parse("title").unwrap();
    doc.select(&sel)
        .next()
        .map(|t| t.text().collect())
        .unwrap_or_default()
}

/// The values of `data-pwned` attributes anywhere in the document.
fn marks(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let sel = Selector::parse("[data-pwned]").unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr("data-pwned").map(str::to_owned))
        .collect()
}

/// The HTML renderings to open: (file name, HTML).
fn pages() -> Vec<(&'static str, String)> {
    let all: Vec<&str> = PAYLOADS.iter().chain(MORE).copied().collect();
    let source = brief_with(&all.join(" "), &all.join("\n\n"));
    let renderer = Renderer::new().unwrap();
    let render = |template: Option<&str>, fragment: bool| {
        let options = RenderOptions {
            format: Format::Html,
            fragment,
            template: template.map(str::to_owned),
            ..RenderOptions::default()
        };
        brief::render_str(&source, &Limits::default(), &renderer, &options)
            .expect("the hostile brief renders")
            .text
    };
    let fragment = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>fragment</title></head><body>{}</body></html>",
        render(None, true)
    );
    // The pages go without their Content-Security-Policy: escaping alone
    // must keep every payload inert; the policy is a second line.
    vec![
        ("brief.html", without_csp(&render(None, false))),
        ("flash.html", without_csp(&render(Some("flash"), false))),
        ("fragment.html", fragment),
    ]
}

/// A page with its Content-Security-Policy `<meta>` removed.
fn without_csp(html: &str) -> String {
    let start = html
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .expect("the built-in HTML pages carry a Content-Security-Policy");
    let end = start + html[start..].find('>').unwrap() + 1;
    format!("{}{}", &html[..start], &html[end..])
}

/// The control script: changes the title, marks the body, logs.
const CONTROL: &str = "<script>document.title='XSS-control';document.body.setAttribute('data-pwned','control');console.log('XSS-console')</script></body>";

#[test]
#[ignore = "needs Chromium (CHROMIUM or /usr/bin/chromium); run by .ci/run"]
fn no_payload_runs_in_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    for (name, html) in pages() {
        let page = dir.path().join(name);
        std::fs::write(&page, &html).unwrap();
        let (dom, log) = dump_dom(&page);
        assert_eq!(
            title(&dom),
            title(&html),
            "{name}: the title was changed by a script"
        );
        assert!(!title(&dom).starts_with("XSS-"), "{name}: {}", title(&dom));
        assert_eq!(
            marks(&dom),
            Vec::<String>::new(),
            "{name}: a payload marked the page"
        );
        assert!(
            !log.contains("XSS-console"),
            "{name}: a payload logged:\n{log}"
        );
        // The payloads are on the page, as text.
        assert!(
            dom.contains("document.title='XSS-script'"),
            "{name}: payload text missing"
        );
    }
}

#[test]
#[ignore = "needs Chromium (CHROMIUM or /usr/bin/chromium); run by .ci/run"]
fn a_script_added_by_hand_does_run() {
    // The control: the same page with one real script is seen to change.
    let dir = tempfile::tempdir().unwrap();
    let (_, html) = pages().remove(0);
    let html = html.replace("</body>", CONTROL);
    let page = dir.path().join("control.html");
    std::fs::write(&page, &html).unwrap();
    let (dom, log) = dump_dom(&page);
    assert_eq!(title(&dom), "XSS-control");
    assert!(
        log.contains("XSS-console"),
        "console messages are not logged:\n{log}"
    );
    assert_eq!(marks(&dom), ["control"]);
}

#[test]
#[ignore = "needs Chromium (CHROMIUM or /usr/bin/chromium); run by .ci/run"]
fn the_content_security_policy_stops_an_injected_script() {
    // The same control script, on a page that keeps its policy: it does
    // not run.
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs/us-russia-talks.yaml"),
    )
    .unwrap();
    let renderer = Renderer::new().unwrap();
    let options = RenderOptions {
        format: Format::Html,
        ..RenderOptions::default()
    };
    let html = brief::render_str(&source, &Limits::default(), &renderer, &options)
        .unwrap()
        .text
        .replace("</body>", CONTROL);
    let page = dir.path().join("policy.html");
    std::fs::write(&page, &html).unwrap();
    let (dom, log) = dump_dom(&page);
    assert!(!title(&dom).starts_with("XSS-"), "{}", title(&dom));
    assert_eq!(marks(&dom), Vec::<String>::new());
    assert!(!log.contains("XSS-console"), "{log}");
}
