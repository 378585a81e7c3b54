//! The output formats each command offers, all derived from
//! `brief::Format::ALL`: a value name is a format's extension, so a format
//! added to the library is offered everywhere it fits without a change here.

use std::path::Path;
use std::sync::LazyLock;

use brief::Format;
use clap::ValueEnum;
use clap::builder::PossibleValue;

use super::report::Problem;

/// What a format is, as its possible value in `--help` says.
fn describe(format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown (CommonMark with GFM tables and footnotes)",
        Format::Html => "A standalone HTML5 page",
        Format::Json => "The data templates receive, as JSON",
        // The library may add formats; they are offered by name until they
        // are described here.
        _ => "",
    }
}

/// A possible value for `format`, with `help` if it has any.
fn value(format: Format, help: &'static str) -> PossibleValue {
    let value = PossibleValue::new(format.extension());
    if help.is_empty() {
        value
    } else {
        value.help(help)
    }
}

/// A format of `brief render`: every library format, or a PDF printed
/// from the HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderFormat {
    /// A format the library renders.
    Text(Format),
    /// A PDF of the HTML page, printed by a browser.
    Pdf,
}

impl RenderFormat {
    /// The format rendered; a PDF is printed from HTML.
    pub fn format(self) -> Format {
        match self {
            RenderFormat::Text(f) => f,
            RenderFormat::Pdf => Format::Html,
        }
    }
}

static RENDER_FORMATS: LazyLock<Vec<RenderFormat>> = LazyLock::new(|| {
    Format::ALL
        .into_iter()
        .map(RenderFormat::Text)
        .chain([RenderFormat::Pdf])
        .collect()
});

impl ValueEnum for RenderFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &RENDER_FORMATS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match *self {
            RenderFormat::Text(f) => value(f, describe(f)),
            RenderFormat::Pdf => PossibleValue::new("pdf")
                .help("A print-ready PDF of the HTML page (needs Chromium or Chrome)"),
        })
    }
}

/// A format of `brief build`: every library format that makes a page
/// (JSON is data, not a page), or PDFs printed from the HTML pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildFormat {
    /// Pages the library renders.
    Page(Format),
    /// A PDF of each HTML page, printed by a browser.
    Pdf,
}

static BUILD_FORMATS: LazyLock<Vec<BuildFormat>> = LazyLock::new(|| {
    Format::ALL
        .into_iter()
        .filter(|&f| f != Format::Json)
        .map(BuildFormat::Page)
        .chain([BuildFormat::Pdf])
        .collect()
});

impl ValueEnum for BuildFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &BUILD_FORMATS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(match *self {
            BuildFormat::Page(Format::Html) => value(Format::Html, "Standalone HTML5 pages"),
            BuildFormat::Page(f) => value(f, describe(f)),
            BuildFormat::Pdf => PossibleValue::new("pdf").help(
                "A PDF of each HTML page (the HTML is written too), printed by one Chromium or Chrome",
            ),
        })
    }
}

/// A format of `brief diff`: every library format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffFormat(pub Format);

static DIFF_FORMATS: LazyLock<Vec<DiffFormat>> =
    LazyLock::new(|| Format::ALL.into_iter().map(DiffFormat).collect());

impl ValueEnum for DiffFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &DIFF_FORMATS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self.0 {
            // A change briefing has no footnotes.
            Format::Markdown => "Markdown (CommonMark)",
            f => describe(f),
        };
        Some(value(self.0, help))
    }
}

/// Checks that an output file's name says which format to write, when
/// no --format says it: its extension must be one of the library's
/// formats' (and `.pdf` when `pdf`). Writing Markdown into `story.docx`
/// would be a silent wrong output, so any other name is a usage error
/// that lists the extensions known.
pub fn check_output_name(path: &Path, pdf: bool) -> Result<(), Problem> {
    let is_pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if Format::from_path(path).is_some() || (pdf && is_pdf) {
        return Ok(());
    }
    let mut known: Vec<String> = Format::ALL
        .into_iter()
        .flat_map(Format::extensions)
        .map(|e| format!(".{e}"))
        .collect();
    if pdf {
        known.push(".pdf".into());
    }
    let said = match path.extension() {
        Some(e) => format!("its extension `.{}` names no format", e.to_string_lossy()),
        None => "it has no extension".to_string(),
    };
    Err(Problem::usage(format!(
        "cannot tell which format to write to `{}`: {said}",
        path.display()
    ))
    .help(format!(
        "end the name with one of {}, or give --format",
        known.join(", ")
    )))
}

/// Whether `path` is an existing device or pipe (`/dev/null`, a FIFO):
/// its name says nothing about a format, so the default one is written.
pub fn is_device(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_library_format_is_offered_where_it_fits() {
        for f in Format::ALL {
            let name = f.extension();
            assert_eq!(
                RenderFormat::from_str(name, false),
                Ok(RenderFormat::Text(f))
            );
            assert_eq!(DiffFormat::from_str(name, false), Ok(DiffFormat(f)));
            assert_eq!(
                BuildFormat::from_str(name, false).ok(),
                (f != Format::Json).then_some(BuildFormat::Page(f)),
                "{name}"
            );
        }
        assert_eq!(RenderFormat::from_str("pdf", false), Ok(RenderFormat::Pdf));
        assert_eq!(BuildFormat::from_str("pdf", false), Ok(BuildFormat::Pdf));
        assert!(DiffFormat::from_str("pdf", false).is_err());
    }

    #[test]
    fn an_output_name_must_name_a_format() {
        for ok in ["a.md", "a.MARKDOWN", "dir/a.htm", "a.json"] {
            assert!(check_output_name(Path::new(ok), false).is_ok(), "{ok}");
        }
        assert!(check_output_name(Path::new("a.pdf"), true).is_ok());
        let e = check_output_name(Path::new("a.pdf"), false).unwrap_err();
        assert_eq!(e.status, 2);
        assert!(!e.help.as_deref().unwrap().contains(".pdf"));
        let e = check_output_name(Path::new("story.docx"), true).unwrap_err();
        assert_eq!(
            e.message,
            "cannot tell which format to write to `story.docx`: its extension `.docx` names no format"
        );
        assert_eq!(
            e.help.as_deref(),
            Some(
                "end the name with one of .md, .markdown, .html, .htm, .json, .pdf, or give --format"
            )
        );
        let e = check_output_name(Path::new("briefing"), true).unwrap_err();
        assert!(e.message.ends_with("it has no extension"), "{}", e.message);
    }
}
