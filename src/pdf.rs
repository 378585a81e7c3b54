//! Print-ready PDF: an HTML briefing printed by a locally installed
//! headless Chromium or Chrome.
//!
//! `brief` draws nothing itself here: it adds the page size and page
//! numbers to the page's print style, writes the page to a private
//! temporary directory, and has the browser print it, with a fresh
//! profile, no network services, and a time limit. On Unix one browser,
//! driven through its debugging pipe ([`PdfPrinter`]), prints any number
//! of pages; elsewhere each page is printed by a browser of its own with
//! `--print-to-pdf`. The page is `brief`'s own offline HTML: no scripts,
//! no external files.

#[cfg(unix)]
mod session;

#[cfg(unix)]
pub use session::PdfPrinter;

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// The browser names searched on `PATH`, in order.
pub const BROWSERS: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

/// The environment variable naming a browser, when `--chromium` is not
/// given.
pub const BROWSER_VAR: &str = "BRIEF_CHROMIUM";

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// The CSS `size` value.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

/// How to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfOptions {
    /// Paper size.
    pub paper: Paper,
    /// The browser to run; `None` looks for one (see [`find_browser`]).
    pub browser: Option<PathBuf>,
    /// How long the browser may take before it is stopped.
    pub timeout: Duration,
}

impl Default for PdfOptions {
    fn default() -> Self {
        Self {
            paper: Paper::A4,
            browser: None,
            timeout: Duration::from_secs(90),
        }
    }
}

/// Why no PDF was made. Each variant carries its whole message for a
/// reader (the `Display` text); one caused by an I/O error also keeps it
/// as its `source`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum PdfError {
    /// No browser to print with: none found, or the one named is not an
    /// executable file.
    NoBrowser(String),
    /// A file or process of the printing could not be made or run.
    Io {
        /// What went wrong.
        message: String,
        /// The I/O error behind it.
        source: Arc<std::io::Error>,
    },
    /// The browser ran but printed no PDF: it failed or ran out of time.
    Browser(String),
}

impl PdfError {
    fn io(message: impl Into<String>, source: std::io::Error) -> Self {
        PdfError::Io {
            message: message.into(),
            source: Arc::new(source),
        }
    }

    fn message(&self) -> &str {
        match self {
            PdfError::NoBrowser(m) | PdfError::Browser(m) => m,
            PdfError::Io { message, .. } => message,
        }
    }
}

/// Two errors are equal when they are of the same kind with the same
/// message: the message already holds its source's text, and I/O errors
/// cannot be compared themselves.
impl PartialEq for PdfError {
    fn eq(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
            && self.message() == other.message()
    }
}

impl Eq for PdfError {}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for PdfError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PdfError::NoBrowser(_) | PdfError::Browser(_) => None,
            PdfError::Io { source, .. } => Some(source.as_ref()),
        }
    }
}

/// The browser to print with: `explicit` (from `--chromium`) if given,
/// else the `BRIEF_CHROMIUM` variable (`env_browser`), else the first of
/// [`BROWSERS`] found in the directories of `path` (the `PATH` variable).
pub fn find_browser(
    explicit: Option<&Path>,
    env_browser: Option<OsString>,
    path: Option<OsString>,
) -> Result<PathBuf, PdfError> {
    let named = |p: PathBuf, how: &str| -> Result<PathBuf, PdfError> {
        // A bare name is looked up on PATH, as a shell would.
        if p.components().count() == 1
            && let Some(found) = search(p.as_os_str(), path.as_ref())
        {
            return Ok(found);
        }
        if is_executable(&p) {
            Ok(p)
        } else {
            Err(PdfError::NoBrowser(format!(
                "cannot make a PDF: the browser `{}` given by {how} is not an executable file",
                p.display()
            )))
        }
    };
    if let Some(p) = explicit {
        return named(p.to_path_buf(), "--chromium");
    }
    if let Some(p) = env_browser.filter(|v| !v.is_empty()) {
        return named(PathBuf::from(p), BROWSER_VAR);
    }
    for name in BROWSERS {
        if let Some(found) = search(name.as_ref(), path.as_ref()) {
            return Ok(found);
        }
    }
    Err(PdfError::NoBrowser(format!(
        "cannot make a PDF: no Chromium or Chrome found on PATH (looked for {})\n  \
         = help: install Chromium (Debian or Ubuntu: `apt-get install chromium`; Fedora: \
         `dnf install chromium`; macOS: `brew install --cask chromium`) or Google Chrome, \
         or name the browser with `--chromium PATH` or the {BROWSER_VAR} variable",
        BROWSERS.join(", ")
    )))
}

fn search(name: &std::ffi::OsStr, path: Option<&OsString>) -> Option<PathBuf> {
    std::env::split_paths(path?)
        .map(|dir| dir.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(p) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// The print style added to the page: paper size, margins, and page
/// numbers in the bottom margin (`3 / 7`).
pub fn print_style(paper: Paper) -> String {
    format!(
        "<style>@page {{ size: {}; margin: 16mm 15mm 18mm; \
         @bottom-center {{ content: counter(page) \" / \" counter(pages); font: 9pt sans-serif; color: #444; }} }}</style>",
        paper.css()
    )
}

/// The page with the print style added at the end of its `<head>` (or at
/// its start, for a page without one).
pub fn with_print_style(html: &str, paper: Paper) -> String {
    let style = print_style(paper);
    match html.find("</head>") {
        Some(at) => format!("{}{style}\n{}", &html[..at], &html[at..]),
        None => format!("{style}\n{html}"),
    }
}

/// The browser's flags for printing: headless, and nothing it would do on
/// its own (updates, sync, first-run pages, network services). The
/// header and footer are left out by the print command itself (with
/// `--no-pdf-header-footer`, Chromium 156 loses every page driven
/// through its debugging pipe).
fn browser_flags() -> [&'static str; 9] {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
    ]
}

/// Prints an HTML page to PDF with a headless browser and returns the
/// PDF's bytes. To print several pages, [`PdfPrinter`] starts the
/// browser once for all of them.
#[cfg(unix)]
pub fn html_to_pdf(html: &str, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    PdfPrinter::start(options)?.print(html)
}

/// Prints an HTML page to PDF with a headless browser and returns the
/// PDF's bytes.
#[cfg(not(unix))]
pub fn html_to_pdf(html: &str, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    use std::process::{Command, Stdio};
    use std::time::Instant;
    let browser = match &options.browser {
        Some(b) => b.clone(),
        None => find_browser(
            None,
            std::env::var_os(BROWSER_VAR),
            std::env::var_os("PATH"),
        )?,
    };
    let dir = tempfile::Builder::new()
        .prefix("brief-pdf-")
        .tempdir()
        .map_err(|e| PdfError::io(format!("cannot make a temporary directory: {e}"), e))?;
    let page = dir.path().join("brief.html");
    let pdf = dir.path().join("brief.pdf");
    let profile = dir.path().join("profile");
    let log = dir.path().join("browser.log");
    std::fs::write(&page, with_print_style(html, options.paper))
        .map_err(|e| PdfError::io(format!("cannot write the page to print: {e}"), e))?;
    let log_file = std::fs::File::create(&log)
        .map_err(|e| PdfError::io(format!("cannot write the browser's log: {e}"), e))?;
    let mut print_to = OsString::from("--print-to-pdf=");
    print_to.push(&pdf);
    let mut user_data = OsString::from("--user-data-dir=");
    user_data.push(&profile);
    let mut child = Command::new(&browser)
        .args(browser_flags())
        .arg("--no-pdf-header-footer")
        .arg(user_data)
        .arg(print_to)
        .arg(file_url(&page))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log_file)
        .spawn()
        .map_err(|e| {
            PdfError::io(
                format!(
                    "cannot make a PDF: cannot run the browser `{}`: {e}",
                    browser.display()
                ),
                e,
            )
        })?;
    let deadline = Instant::now() + options.timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PdfError::Browser(format!(
                    "cannot make a PDF: the browser `{}` did not finish within {} seconds",
                    browser.display(),
                    options.timeout.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => {
                return Err(PdfError::io(
                    format!("cannot make a PDF: lost the browser: {e}"),
                    e,
                ));
            }
        }
    };
    let bytes = std::fs::read(&pdf).unwrap_or_default();
    if !status.success() || !bytes.starts_with(b"%PDF") {
        let log = std::fs::read_to_string(&log).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(8).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(PdfError::Browser(format!(
            "cannot make a PDF: the browser `{}` {} without printing the page{}",
            browser.display(),
            match status.code() {
                Some(code) => format!("exited with status {code}"),
                None => "was stopped".to_string(),
            },
            if tail.is_empty() {
                String::new()
            } else {
                format!("; it said:\n{}", tail.join("\n"))
            }
        )));
    }
    Ok(bytes)
}

/// A `file://` URL for a local path, with the characters a URL cannot
/// hold percent-encoded.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_print_style_sets_the_paper_and_numbers_pages() {
        let page = with_print_style(
            "<html><head><title>t</title></head><body></body></html>",
            Paper::Letter,
        );
        assert!(page.contains("size: letter;"), "{page}");
        assert!(page.contains("counter(page) \" / \" counter(pages)"));
        assert!(page.find("@page").unwrap() < page.find("</head>").unwrap());
        assert!(with_print_style("<p>x</p>", Paper::A4).starts_with("<style>@page { size: A4;"));
    }

    #[test]
    fn a_missing_browser_names_what_to_install() {
        let dir = tempfile::tempdir().unwrap();
        let e = find_browser(None, None, Some(dir.path().into())).unwrap_err();
        let text = e.to_string();
        assert!(text.contains("no Chromium or Chrome found"), "{text}");
        assert!(text.contains("apt-get install chromium"), "{text}");
        assert!(text.contains("--chromium PATH"), "{text}");
        let e = find_browser(Some(&dir.path().join("nope")), None, None).unwrap_err();
        assert!(e.to_string().contains("given by --chromium"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn browsers_are_found_in_order_and_the_flag_wins() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let make = |name: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, "#!/bin/sh\n").unwrap();
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
            p
        };
        let chrome = make("google-chrome");
        let path = Some(OsString::from(dir.path()));
        assert_eq!(find_browser(None, None, path.clone()).unwrap(), chrome);
        let chromium = make("chromium");
        assert_eq!(find_browser(None, None, path.clone()).unwrap(), chromium);
        let env = Some(OsString::from(&chrome));
        assert_eq!(
            find_browser(None, env.clone(), path.clone()).unwrap(),
            chrome
        );
        assert_eq!(
            find_browser(Some(&chromium), env, path.clone()).unwrap(),
            chromium
        );
        // A bare name is looked up on PATH.
        assert_eq!(
            find_browser(Some(Path::new("google-chrome")), None, path).unwrap(),
            chrome
        );
        // A file that is not executable is not a browser.
        std::fs::write(dir.path().join("chrome"), "").unwrap();
        assert!(find_browser(Some(&dir.path().join("chrome")), None, None).is_err());
    }

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/brief.html")),
            "file:///tmp/a%20b/brief.html"
        );
    }
}
