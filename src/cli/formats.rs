//! The output formats each command offers, all derived from
//! `brief::Format::ALL`: a value name is a format's extension, so a format
//! added to the library is offered everywhere it fits without a change here.

use std::sync::LazyLock;

use brief::Format;
use clap::ValueEnum;
use clap::builder::PossibleValue;

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
/// (JSON is data, not a page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildFormat(pub Format);

static BUILD_FORMATS: LazyLock<Vec<BuildFormat>> = LazyLock::new(|| {
    Format::ALL
        .into_iter()
        .filter(|&f| f != Format::Json)
        .map(BuildFormat)
        .collect()
});

impl ValueEnum for BuildFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &BUILD_FORMATS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let help = match self.0 {
            Format::Html => "Standalone HTML5 pages",
            f => describe(f),
        };
        Some(value(self.0, help))
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
                BuildFormat::from_str(name, false).is_ok(),
                f != Format::Json,
                "{name}"
            );
        }
        assert_eq!(RenderFormat::from_str("pdf", false), Ok(RenderFormat::Pdf));
        assert!(DiffFormat::from_str("pdf", false).is_err());
    }
}
