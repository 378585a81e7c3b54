//! How to build: the options, which formats a build writes, and what each
//! format's rendering takes of the options.

use std::path::PathBuf;

use super::error::BuildError;
use super::site::Site;
use crate::i18n::Lang;
use crate::load::Limits;
use crate::render::{Diagrams, Format, FrontMatter, RenderOptions, Renderer};

/// How to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Output formats (Markdown and/or HTML).
    pub formats: Vec<Format>,
    /// The template to render each brief with (`None`: `brief`).
    pub template: Option<String>,
    /// Front matter for Markdown outputs; with `site`, the language of
    /// the site's front matter (`None`: the one the generator reads by
    /// default).
    pub front_matter: Option<FrontMatter>,
    /// Write a section of a static site for this generator: Markdown
    /// pages with its front matter, its section pages, tag pages, and
    /// links by the URLs it serves.
    pub site: Option<Site>,
    /// Worker threads; 0 uses every core.
    pub jobs: usize,
    /// Resource limits for each brief.
    pub limits: Limits,
    /// The directory imports must stay inside; `None`: the source
    /// directory.
    pub import_root: Option<PathBuf>,
    /// Compare with the output directory instead of writing to it.
    pub check: bool,
    /// Render every brief even if it looks up to date.
    pub force: bool,
    /// Treat warnings as errors: a brief with warnings fails.
    pub deny_warnings: bool,
    /// Diagrams, for the outputs of the format they fit (Mermaid for
    /// Markdown, SVG for HTML, none for both); `None`: each format's
    /// default.
    pub diagrams: Option<Diagrams>,
    /// A git revision: also write a change page for each brief
    /// (`NAME.changes.md`...) against its version in that revision, as
    /// `brief diff` would. Git runs in the source directory.
    pub since: Option<String>,
    /// The language of the briefings and the index page.
    pub lang: Lang,
}

impl Default for BuildOptions {
    fn default() -> Self {
        Self {
            formats: vec![Format::Markdown],
            template: None,
            front_matter: None,
            site: None,
            jobs: 0,
            limits: Limits::default(),
            import_root: None,
            check: false,
            force: false,
            deny_warnings: false,
            diagrams: None,
            since: None,
            lang: Lang::En,
        }
    }
}

impl BuildOptions {
    /// Refuses options no build can carry out, before any work: no
    /// format, a format a build does not write, a template that is
    /// missing.
    pub(super) fn validate(&self, renderer: &Renderer) -> Result<(), BuildError> {
        if self.formats.is_empty() {
            return Err(BuildError::NoFormat);
        }
        if let Some(f) = self.formats.iter().find(|f| !is_built(**f)) {
            return Err(BuildError::Unsupported(*f));
        }
        if let Some(site) = self.site {
            if self.formats != [Format::Markdown] {
                return Err(BuildError::SiteFormat(site));
            }
            if let Some(kind) = self.front_matter
                && !site.reads(kind)
            {
                return Err(BuildError::SiteFrontMatter(site, kind));
            }
        }
        for format in &self.formats {
            renderer
                .template_name(&self.render_options(*format))
                .map_err(BuildError::Template)?;
        }
        Ok(())
    }

    /// How a brief is rendered in `format`: front matter and diagrams
    /// only where they fit. A site's front matter is the build's own.
    pub(super) fn render_options(&self, format: Format) -> RenderOptions {
        RenderOptions {
            format,
            fragment: false,
            template: self.template.clone(),
            front_matter: self
                .front_matter
                .filter(|_| takes_front_matter(format) && self.site.is_none()),
            diagrams: self.diagrams.filter(|d| fits(*d, format)),
            lang: self.lang,
        }
    }

    /// The site to write for, with the language of its front matter.
    pub(super) fn site(&self) -> Option<(Site, FrontMatter)> {
        self.site
            .map(|s| (s, self.front_matter.unwrap_or(s.default_front_matter())))
    }
}

/// Whether `brief build` writes pages in this format (and so whether a
/// name with its extension may be an output of a build).
pub(super) fn is_built(format: Format) -> bool {
    match format {
        Format::Markdown | Format::Html => true,
        Format::Json => false,
    }
}

fn takes_front_matter(format: Format) -> bool {
    match format {
        Format::Markdown => true,
        Format::Html | Format::Json => false,
    }
}

/// Whether diagrams of this kind can appear in `format`; asking for
/// Mermaid in a Markdown-and-HTML build leaves the HTML at its default.
fn fits(diagrams: Diagrams, format: Format) -> bool {
    match (diagrams, format) {
        (Diagrams::Off, _) => true,
        (Diagrams::Mermaid, Format::Markdown) | (Diagrams::Svg, Format::Html) => true,
        (Diagrams::Mermaid, Format::Html | Format::Json)
        | (Diagrams::Svg, Format::Markdown | Format::Json) => false,
    }
}
