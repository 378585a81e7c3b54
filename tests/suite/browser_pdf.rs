//! Printed pages, read back: every PDF is printed by a real headless
//! Chromium and each page read with pdftotext. No page ends with a
//! heading, a short table stays on one page, a fictional brief says so
//! on every page, and `brief build -f pdf` prints one PDF per brief.
//! Needs Chromium and poppler-utils; `.ci/run` installs them and runs
//! this with `--ignored`.

use std::path::Path;
use std::process::Command;

use scraper::{Html, Selector};

use crate::common::{self, path_str, stderr};

const FICTIONAL: &str = "briefs/exercise-northern-strait.yaml";
const LABEL: &str = "Fictional exercise scenario: invented for training";

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} runs (install poppler-utils): {e}"));
    assert!(out.status.success(), "{name}: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of each page of a PDF, as pdftotext lays it out.
fn pages(pdf: &Path) -> Vec<String> {
    let info = tool("pdfinfo", &[path_str(pdf)]);
    let count: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count");
    (1..=count)
        .map(|n| {
            let n = n.to_string();
            tool(
                "pdftotext",
                &["-layout", "-f", &n, "-l", &n, path_str(pdf), "-"],
            )
        })
        .collect()
}

/// The brief printed on `paper`, page by page.
fn printed(brief: &str, paper: &str) -> Vec<String> {
    let dir = common::tempdir();
    let pdf = dir.path().join("brief.pdf");
    let o = common::brief()
        .args(["render", brief, "--paper", paper, "-o", path_str(&pdf)])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Standard error is not a terminal here: nothing is said.
    assert_eq!(stderr(&o), "", "a PDF printed into a pipe says nothing");
    pages(&pdf)
}

/// The HTML page of a brief, parsed.
fn page_of(brief: &str) -> Html {
    let html = common::render_file(&common::root().join(brief), brief::Format::Html, false);
    Html::parse_document(&html)
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The last block of a page's text (its last lines with no blank line
/// between them, joined), page number and running label aside: a heading
/// that ends a page stands alone there, while the last line of a wrapped
/// paragraph or list item may hold the same words as a heading (a link
/// `→ Positions`).
fn last_block(page: &str) -> String {
    let number = |l: &str| {
        l.chars()
            .all(|c| c.is_ascii_digit() || c == '/' || c == ' ')
    };
    let lines: Vec<&str> = page
        .lines()
        .map(str::trim)
        .filter(|l| (l.is_empty() || !number(l)) && !l.contains(LABEL))
        .collect();
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    let start = lines[..end]
        .iter()
        .rposition(|l| l.is_empty())
        .map_or(0, |i| i + 1);
    lines[start..end].join(" ")
}

/// The letters and digits of a text: what survives any line breaking of
/// a PDF's text, whose extraction drops the hyphen of "U.S.-brokered"
/// when a line ends after it.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[test]
#[ignore = "needs Chromium and poppler-utils; run by .ci/run"]
fn no_printed_page_ends_with_a_heading() {
    let heading = Selector::parse("h2, h3, h4").unwrap();
    for brief in [common::SEED, FICTIONAL] {
        let headings: Vec<String> = page_of(brief)
            .select(&heading)
            .map(|h| squeeze(&h.text().collect::<String>()))
            .collect();
        assert!(headings.len() > 5, "{brief}: {headings:?}");
        for paper in ["a4", "letter"] {
            let pages = printed(brief, paper);
            assert!(pages.len() > 2, "{brief} on {paper}: {} pages", pages.len());
            // The last page may end anywhere.
            for (n, page) in pages.iter().enumerate().take(pages.len() - 1) {
                let last = squeeze(&last_block(page));
                assert!(
                    !headings.contains(&last),
                    "{brief} on {paper}: page {} ends with the heading `{last}`:\n{page}",
                    n + 1
                );
            }
        }
    }
}

#[test]
#[ignore = "needs Chromium and poppler-utils; run by .ci/run"]
fn a_short_table_is_printed_on_one_page() {
    // A table split across pages repeats its header row on the next page,
    // so a short table kept whole shows its header exactly once.
    let table = Selector::parse("table").unwrap();
    let th = Selector::parse("thead th").unwrap();
    let row = Selector::parse("tbody > tr").unwrap();
    for brief in [common::SEED, FICTIONAL] {
        let page = page_of(brief);
        let mut headers: Vec<(String, bool)> = Vec::new();
        for t in page.select(&table) {
            let cells: Vec<String> = t
                .select(&th)
                .take(2)
                .map(|c| squeeze(&c.text().collect::<String>()))
                .collect();
            if cells.len() == 2 {
                let short = t.select(&row).count() <= 12;
                headers.push((format!("{} {}", cells[0], cells[1]), short));
            }
        }
        assert!(
            headers.iter().any(|(_, short)| *short),
            "{brief}: {headers:?}"
        );
        for paper in ["a4", "letter"] {
            let lines: Vec<String> = printed(brief, paper)
                .iter()
                .flat_map(|p| p.lines().map(squeeze).collect::<Vec<_>>())
                .collect();
            for (header, short) in &headers {
                let tables = headers.iter().filter(|(h, _)| h == header).count();
                // Only headers that no long table shares can be counted.
                if !short || headers.iter().any(|(h, s)| h == header && !s) {
                    continue;
                }
                let printed = lines
                    .iter()
                    .filter(|l| l.starts_with(header.as_str()))
                    .count();
                assert_eq!(
                    printed, tables,
                    "{brief} on {paper}: the header `{header}` of a short table is printed \
                     {printed} times for {tables} tables, so a short table was split"
                );
            }
        }
    }
}

#[test]
#[ignore = "needs Chromium and poppler-utils; run by .ci/run"]
fn a_fictional_brief_says_so_on_every_printed_page() {
    let pages = printed(FICTIONAL, "a4");
    assert!(pages.len() > 2, "{} pages", pages.len());
    for (n, page) in pages.iter().enumerate() {
        assert!(
            page.contains(LABEL),
            "page {} of the fictional brief has no label:\n{page}",
            n + 1
        );
    }
    for page in printed(common::SEED, "a4") {
        assert!(!page.contains(LABEL), "a real brief is labelled fictional");
    }
}

#[test]
#[ignore = "needs Chromium and poppler-utils; run by .ci/run"]
fn build_prints_one_pdf_per_brief() {
    let out = common::tempdir();
    let o = common::brief()
        .args([
            "build",
            "briefs",
            "--out",
            path_str(out.path()),
            "-f",
            "pdf",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let briefs = common::yaml_files("briefs");
    assert!(
        stderr(&o).contains(&format!("printed {} PDFs into", briefs.len())),
        "{}",
        stderr(&o)
    );
    for brief in &briefs {
        let stem = brief.file_stem().unwrap().to_str().unwrap();
        let pdf = out.path().join(format!("{stem}.pdf"));
        let pages = pages(&pdf);
        let title = page_of(path_str(brief))
            .select(&Selector::parse("h1").unwrap())
            .next()
            .map(|h| squeeze(&h.text().collect::<String>()))
            .unwrap();
        assert!(
            letters(&pages.concat()).contains(&letters(&title)),
            "{stem}.pdf lacks its title `{title}`"
        );
    }
    // The index page gets no PDF, and nothing else is printed.
    let pdfs = common::files_under(out.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .count();
    assert_eq!(pdfs, briefs.len());
    // Up to date: nothing printed again, and --check agrees.
    let o = common::brief()
        .args([
            "build",
            "briefs",
            "--out",
            path_str(out.path()),
            "-f",
            "pdf",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains("printed"), "{}", stderr(&o));
    let o = common::brief()
        .args([
            "build",
            "briefs",
            "--out",
            path_str(out.path()),
            "-f",
            "pdf",
            "--check",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
