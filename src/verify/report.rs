//! The coverage report in each of its forms: the plain text list and
//! summary line, Markdown, an HTML page showing the article with what
//! the brief covers marked, and JSON.

use std::fmt::Write as _;

use super::coverage::{Count, Coverage, Finding, SourceCoverage, Summary, What};
use crate::i18n::words;
use crate::render::escape_markdown;

/// The shared stylesheet of the briefings, so the report looks like them.
const STYLE: &str = include_str!("../../templates/style.css");

/// Rules of the report page itself: covered passages, sentences no
/// passage reaches, and the words left unaccounted for.
const PAGE_STYLE: &str = "\
.article p { white-space: pre-wrap; }
.passage { background: color-mix(in srgb, #2e7d32 22%, var(--bg)); }
.gap { background: color-mix(in srgb, #f9a825 28%, var(--bg)); }
.miss { outline: 2px solid #c62828; outline-offset: 1px; }
.legend span { padding: 0 .3rem; margin-right: .5rem; }
.covered-no { color: var(--warn); }
";

/// The plain report: one line per thing not covered, `FILE:LINE:COLUMN:
/// KIND not covered: TEXT`, then the summary line.
pub fn text(c: &Coverage) -> String {
    let mut out = String::new();
    let w = words();
    for u in &c.uncovered {
        let what = w.msg(
            "verify-not-covered-what",
            &[
                ("what", u.what.shown().into()),
                ("text", u.text.as_str().into()),
            ],
        );
        let _ = writeln!(out, "{}:{}:{}: {what}", u.file, u.line, u.column);
    }
    out.push_str(&c.summary.line());
    out.push('\n');
    out
}

/// The report as JSON: `summary` (each kind's `covered` and `total`),
/// `uncovered` (with `what`, `source`, `file`, `text`, `line`,
/// `column`) and `sources`, every finding of each text.
pub fn json(c: &Coverage) -> String {
    let mut s = serde_json::to_string_pretty(c).unwrap_or_default();
    s.push('\n');
    s
}

fn md(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let _ = escape_markdown(s, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The kinds of finding, in report order; each has its plural heading in
/// the message `verify-kind`.
const KINDS: [What; 5] = [
    What::Sentence,
    What::Number,
    What::Name,
    What::Date,
    What::Quote,
];

/// A kind's plural heading in the reader's language.
fn heading(what: What) -> String {
    words().msg("verify-kind", &[("what", what.word().into())])
}

/// A finding not covered, with its place: `sentence at line 3, column 1: ...`.
fn finding_at(f: &Finding, text: String) -> String {
    words().msg(
        "verify-at",
        &[
            ("what", f.what.shown().into()),
            ("line", f.line.to_string().into()),
            ("column", f.column.to_string().into()),
            ("text", text.into()),
        ],
    )
}

fn count_of(s: &Summary, what: What) -> Count {
    match what {
        What::Sentence => s.sentences,
        What::Number => s.numbers,
        What::Name => s.names,
        What::Date => s.dates,
        What::Quote => s.quotes,
    }
}

/// The report in Markdown: the summary, then for each text what is not
/// covered and, sentence by sentence, which items cover it.
pub fn markdown(c: &Coverage, title: &str) -> String {
    let mut out = String::new();
    let w = words();
    let _ = writeln!(
        out,
        "# {}\n",
        w.msg("verify-title", &[("title", md(title).into())])
    );
    let _ = writeln!(out, "{}\n", c.summary.line());
    summary_table_md(&mut out, &c.summary);
    for s in &c.sources {
        let source = w.msg(
            "verify-source",
            &[
                ("source", md(&s.source).into()),
                ("file", md(&s.file).into()),
            ],
        );
        let _ = writeln!(out, "## {source}\n");
        let _ = writeln!(out, "{}\n", s.summary.line());
        let missing: Vec<&Finding> = s.findings().filter(|f| !f.covered).collect();
        let _ = writeln!(out, "### {}\n", w.get("verify-not-covered"));
        if missing.is_empty() {
            let _ = writeln!(out, "{}\n", w.get("verify-all-covered"));
        } else {
            for f in missing {
                let _ = writeln!(out, "- {}", finding_at(f, md(&f.text)));
            }
            out.push('\n');
        }
        let _ = writeln!(out, "### {}\n", heading(What::Sentence));
        for (n, f) in s.sentences.iter().enumerate() {
            let by = if f.covered {
                w.msg(
                    "verify-covered-by",
                    &[("items", md(&f.by.join(", ")).into())],
                )
            } else {
                format!("**{}**", w.get("verify-not-covered-lower"))
            };
            let _ = writeln!(out, "{}. {} — {}", n + 1, md(&f.text), by);
        }
        out.push('\n');
    }
    out
}

fn summary_table_md(out: &mut String, s: &Summary) {
    let w = words();
    let _ = writeln!(
        out,
        "| | {} | {} |\n| --- | --- | --- |",
        w.get("verify-covered"),
        w.get("verify-total")
    );
    for what in KINDS {
        let c = count_of(s, what);
        let _ = writeln!(out, "| {} | {} | {} |", heading(what), c.covered, c.total);
    }
    out.push('\n');
}

fn esc(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let _ = tera::escape_html(s, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The report as one offline HTML page, under the briefings' content
/// policy (nothing fetched, no script): the summary, then each text with
/// the brief's passages marked, sentences no passage reaches shaded,
/// and the numbers, names, dates and quotes not accounted for outlined,
/// each listed below with its line and column.
pub fn html(c: &Coverage, title: &str) -> String {
    let mut out = String::new();
    let w = words();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        w.lang().tag()
    );
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n",
    );
    let heading_text = esc(&w.msg("verify-title", &[("title", title.into())]));
    let _ = writeln!(out, "<title>{heading_text}</title>");
    let _ = write!(out, "<style>\n{STYLE}{PAGE_STYLE}</style>\n");
    out.push_str("</head>\n<body>\n<main class=\"brief verify\">\n");
    let _ = writeln!(out, "<h1>{heading_text}</h1>");
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&c.summary.line()));
    summary_table_html(&mut out, &c.summary);
    let _ = writeln!(
        out,
        "<p class=\"legend\"><span class=\"passage\">{}</span><span class=\"gap\">{}</span><span class=\"miss\">{}</span></p>",
        esc(&w.get("verify-legend-passage")),
        esc(&w.get("verify-legend-gap")),
        esc(&w.get("verify-legend-miss"))
    );
    for (i, s) in c.sources.iter().enumerate() {
        let _ = writeln!(
            out,
            "<section class=\"source\" id=\"source-{}\">\n<h2>{}</h2>",
            i + 1,
            esc(&w.msg(
                "verify-source",
                &[
                    ("source", s.source.as_str().into()),
                    ("file", s.file.as_str().into())
                ],
            ))
        );
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&s.summary.line()));
        out.push_str("<div class=\"article\">\n");
        article_html(&mut out, s);
        out.push_str("</div>\n");
        let missing: Vec<&Finding> = s.findings().filter(|f| !f.covered).collect();
        let _ = writeln!(out, "<h3>{}</h3>", esc(&w.get("verify-not-covered")));
        if missing.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", esc(&w.get("verify-all-covered")));
        } else {
            out.push_str("<ul class=\"uncovered\">\n");
            for f in missing {
                let _ = writeln!(out, "<li>{}</li>", esc(&finding_at(f, f.text.clone())));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn summary_table_html(out: &mut String, s: &Summary) {
    let w = words();
    let _ = write!(
        out,
        "<table class=\"summary\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        esc(&w.get("verify-kind-header")),
        esc(&w.get("verify-covered")),
        esc(&w.get("verify-total"))
    );
    for what in KINDS {
        let heading = esc(&heading(what));
        let c = count_of(s, what);
        let class = if c.covered < c.total {
            " class=\"covered-no\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr{class}><th scope=\"row\">{heading}</th><td>{}</td><td>{}</td></tr>",
            c.covered, c.total
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The article as paragraphs, each run of text in one span whose classes
/// say what covers it: flat runs, so the marks never nest or cross.
fn article_html(out: &mut String, s: &SourceCoverage) {
    let text = s.text.as_str();
    // Each byte's state: in a passage, in an uncovered sentence, in an
    // uncovered finding of another kind. Changes are kept as boundaries.
    let mut bounds: Vec<usize> = vec![0, text.len()];
    let mut add = |r: &std::ops::Range<usize>| {
        bounds.push(r.start);
        bounds.push(r.end);
    };
    for p in &s.passages {
        add(p);
    }
    for f in s.findings() {
        add(&f.span);
    }
    // Paragraphs break at blank lines.
    let mut pos = 0;
    while let Some(i) = text[pos..].find("\n\n") {
        bounds.push(pos + i);
        bounds.push(pos + i + 2);
        pos += i + 2;
    }
    bounds.retain(|b| text.is_char_boundary(*b));
    bounds.sort_unstable();
    bounds.dedup();
    let inside = |ranges: &[&std::ops::Range<usize>], a: usize, b: usize| {
        ranges.iter().any(|r| r.start <= a && b <= r.end)
    };
    let passages: Vec<&std::ops::Range<usize>> = s.passages.iter().collect();
    let gaps: Vec<&std::ops::Range<usize>> = s
        .sentences
        .iter()
        .filter(|f| !f.covered)
        .map(|f| &f.span)
        .collect();
    let misses: Vec<&std::ops::Range<usize>> = s
        .findings()
        .filter(|f| !f.covered && f.what != What::Sentence)
        .map(|f| &f.span)
        .collect();
    // Runs of one state are written as one piece.
    let mut open = false;
    let mut run: Option<(Vec<&str>, usize, usize)> = None;
    let flush = |out: &mut String, run: &mut Option<(Vec<&str>, usize, usize)>| {
        if let Some((classes, a, b)) = run.take() {
            let piece = esc(&text[a..b]);
            if classes.is_empty() {
                out.push_str(&piece);
            } else {
                let _ = write!(out, "<span class=\"{}\">{piece}</span>", classes.join(" "));
            }
        }
    };
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = &text[a..b];
        if piece.trim().is_empty() && piece.contains("\n\n") {
            flush(out, &mut run);
            if open {
                out.push_str("</p>\n");
                open = false;
            }
            continue;
        }
        if !open {
            out.push_str("<p>");
            open = true;
        }
        let mut classes = Vec::new();
        if inside(&passages, a, b) {
            classes.push("passage");
        }
        if inside(&gaps, a, b) {
            classes.push("gap");
        }
        if inside(&misses, a, b) {
            classes.push("miss");
        }
        match &mut run {
            Some((c, _, end)) if *c == classes && *end == a => *end = b,
            _ => {
                flush(out, &mut run);
                run = Some((classes, a, b));
            }
        }
    }
    flush(out, &mut run);
    if open {
        out.push_str("</p>\n");
    }
}
