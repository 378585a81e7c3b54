//! `brief build -f pdf`: a PDF beside each HTML page of the build, all
//! printed through one browser.
//!
//! The library builds the HTML pages (incrementally, as always); a PDF is
//! printed again when its page was written this time, or when it is
//! missing or older than its page. `--check` reports missing and stale
//! PDFs, never compares their bytes: a browser does not print
//! byte-identical files.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use brief::build::{BuildSummary, Drift, DriftKind};
use brief::output::Inputs;

use super::output::report_write_error;
use super::progress::Progress;
use super::render::printing_note;
use super::report::{Reporter, count};

/// The PDF printed from a briefing's HTML page (`a/b.html`: `a/b.pdf`);
/// none for other outputs and change pages.
fn pdf_name(output: &Path) -> Option<PathBuf> {
    let name = output.file_name()?.to_str()?;
    let stem = name.strip_suffix(".html")?;
    if stem.ends_with(".changes") {
        return None;
    }
    Some(output.with_file_name(format!("{stem}.pdf")))
}

/// (page, PDF) of every briefing the build owns.
fn pages(summary: &BuildSummary) -> Vec<(PathBuf, PathBuf)> {
    summary
        .outputs
        .iter()
        .filter_map(|o| pdf_name(o).map(|pdf| (o.clone(), pdf)))
        .collect()
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Whether the PDF is missing or older than its page.
fn outdated(out: &Path, page: &Path, pdf: &Path) -> bool {
    match (modified(&out.join(page)), modified(&out.join(pdf))) {
        (Some(page), Some(pdf)) => pdf < page,
        _ => true,
    }
}

/// `--check`: each PDF that is missing or older than its page is
/// reported, and the PDFs the build owns are not extra files.
pub fn check(out: &Path, summary: &mut BuildSummary) {
    let pages = pages(summary);
    summary
        .drift
        .retain(|d| d.kind != DriftKind::Extra || !pages.iter().any(|(_, pdf)| *pdf == d.path));
    for (page, pdf) in pages {
        let kind = if !out.join(&pdf).exists() {
            DriftKind::Missing
        } else if outdated(out, &page, &pdf) {
            DriftKind::Stale
        } else {
            continue;
        };
        let diff = match kind {
            DriftKind::Stale => format!("{} is older than {}\n", pdf.display(), page.display()),
            _ => String::new(),
        };
        summary.drift.push(Drift {
            path: pdf,
            kind,
            diff,
        });
    }
}

/// Prints the PDFs the build needs, and removes those whose page the
/// build removed; returns the exit status.
pub fn print(out: &Path, summary: &BuildSummary, report: &Reporter) -> i32 {
    for removed in &summary.removed {
        if let Some(pdf) = pdf_name(removed) {
            let path = out.join(pdf);
            if path.symlink_metadata().is_ok_and(|m| m.is_file()) {
                let _ = std::fs::remove_file(path);
            }
        }
    }
    let todo: Vec<(PathBuf, PathBuf)> = pages(summary)
        .into_iter()
        .filter(|(page, pdf)| summary.written.contains(page) || outdated(out, page, pdf))
        .collect();
    if todo.is_empty() {
        return 0;
    }
    let browser = match brief::pdf::find_browser(
        None,
        std::env::var_os(brief::pdf::BROWSER_VAR),
        std::env::var_os("PATH"),
    ) {
        Ok(b) => b,
        Err(e) => {
            report.error(None, &e.to_string());
            return 1;
        }
    };
    let options = brief::pdf::PdfOptions {
        browser: Some(browser),
        ..Default::default()
    };
    if let Some(line) = printing_note(
        std::io::stderr().is_terminal() && !report.is_json(),
        todo.len(),
    ) {
        report.note(&line);
    }
    #[cfg(unix)]
    let mut printer = match brief::pdf::PdfPrinter::start(&options) {
        Ok(p) => p,
        Err(e) => {
            report.error(None, &e.to_string());
            return 1;
        }
    };
    #[cfg(unix)]
    let mut print_page = |html: &str| printer.print(html);
    #[cfg(not(unix))]
    let mut print_page = |html: &str| brief::pdf::html_to_pdf(html, &options);
    let bar = Progress::new(!report.is_json());
    let inputs = Inputs::new();
    let mut status = 0;
    let mut printed = 0;
    for (done, (page, pdf)) in todo.iter().enumerate() {
        bar.show(done, todo.len());
        let label = out.join(page).display().to_string();
        let html = match std::fs::read_to_string(out.join(page)) {
            Ok(html) => html,
            Err(e) => {
                report.error(Some(&label), &format!("cannot read `{label}`: {e}"));
                status = 1;
                continue;
            }
        };
        let bytes = match print_page(&html) {
            Ok(bytes) => bytes,
            Err(e) => {
                report.error(Some(&label), &e.to_string());
                status = 1;
                continue;
            }
        };
        let path = out.join(pdf);
        match brief::output::write_output(&path, &bytes, &inputs) {
            Ok(()) => printed += 1,
            Err(e) => {
                report_write_error(&path, &e, report);
                status = 1;
            }
        }
    }
    bar.show(todo.len(), todo.len());
    bar.clear();
    report.note(&format!(
        "printed {} into `{}`",
        count(printed, "PDF"),
        out.display()
    ));
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_is_named_after_its_briefing_page_only() {
        assert_eq!(
            pdf_name(Path::new("a/b.html")),
            Some(PathBuf::from("a/b.pdf"))
        );
        assert_eq!(pdf_name(Path::new("a/b.md")), None);
        assert_eq!(pdf_name(Path::new("a/b.changes.html")), None);
    }
}
