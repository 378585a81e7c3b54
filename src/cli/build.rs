//! `brief build`: every brief under a directory, with an index page.

use std::path::PathBuf;

use brief::{BuildOptions, Format};

use super::args::{
    DiagnosticArgs, DiagramsArg, FrontMatterArg, ImportArgs, LangArg, LimitArgs, TemplateArgs,
};
use super::formats::BuildFormat;
use super::pdf_pages;
use super::progress::Progress;
use super::report::{Problem, Reporter, count};
use super::templates::compile;

/// The flags of `brief build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The directory of briefs, searched recursively.
    src: PathBuf,
    /// Where to write the briefings (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Output formats, comma-separated. `pdf` prints each HTML page with
    /// Chromium or Chrome (found as for `brief render`), one browser for
    /// the whole build.
    #[arg(short, long, value_enum, value_delimiter = ',', default_value = "md")]
    format: Vec<BuildFormat>,
    #[command(flatten)]
    templates: TemplateArgs,
    /// The template for each brief (`brief` by default; see `brief render`).
    #[arg(short, long, value_name = "NAME")]
    template: Option<String>,
    /// Markdown only: start each briefing with front matter for a
    /// static-site generator. With --site, the language of the site's
    /// front matter (Hugo reads both; the default is the generator's).
    #[arg(long, value_enum, value_name = "LANG")]
    front_matter: Option<FrontMatterArg>,
    /// Write OUT as a section of a Hugo, Zola or Jekyll site: Markdown
    /// pages with the generator's front matter and without the title the
    /// layout prints, its section pages, a page per actor under OUT/tags,
    /// and links by the URLs the generator serves.
    #[arg(long, value_enum, value_name = "GENERATOR")]
    site: Option<SiteArg>,
    /// The language of the briefing: its labels, dates, qualifiers and
    /// numbers. The brief's own text is never translated.
    #[arg(long, value_enum, value_name = "LANG", default_value = "en")]
    lang: LangArg,
    /// Diagrams: `mermaid` adds Mermaid diagrams to the Markdown outputs;
    /// `none` drops the SVG charts of the HTML outputs.
    #[arg(long, value_enum, value_name = "KIND")]
    diagrams: Option<DiagramsArg>,
    /// Write nothing: exit 1 and list each stale, missing, obsolete or
    /// extra file if OUT is not what a build would write.
    #[arg(long)]
    check: bool,
    /// Render every brief, even those that look up to date.
    #[arg(long)]
    force: bool,
    /// Keep running, and build again whenever a brief, a file it imports
    /// or a template changes. Stop with Ctrl-C.
    #[arg(long, conflicts_with = "check")]
    watch: bool,
    /// With --watch: look at the files every quarter of a second instead
    /// of waiting for the system's file events (for network or container
    /// file systems whose events do not arrive).
    #[arg(long, requires = "watch")]
    poll: bool,
    /// Worker threads; 0 (the default) uses every core.
    #[arg(short, long, value_name = "N", default_value_t = 0)]
    jobs: usize,
    /// Also write a change page for each brief (a/b.yaml: OUT/a/b.changes.md)
    /// against its version in the git revision REV, as `brief diff` does.
    #[arg(long, value_name = "REV")]
    since: Option<String>,
    #[command(flatten)]
    imports: ImportArgs,
    /// How diagnostics are printed.
    #[command(flatten)]
    pub diagnostics: DiagnosticArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

/// The site generators of `--site`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SiteArg {
    /// Hugo: `_index.md` section pages, pages at `story/`.
    Hugo,
    /// Zola: `_index.md` section pages in TOML, pages at `story/`.
    Zola,
    /// Jekyll: `index.md` pages with `layout: page`, pages at `story.html`.
    Jekyll,
}

impl SiteArg {
    /// The library's generator.
    pub fn kind(self) -> brief::Site {
        match self {
            SiteArg::Hugo => brief::Site::Hugo,
            SiteArg::Zola => brief::Site::Zola,
            SiteArg::Jekyll => brief::Site::Jekyll,
        }
    }
}

/// What `brief build` does, decided from its flags before any work.
#[derive(Debug)]
pub struct BuildConfig {
    /// The directory of briefs.
    pub src: PathBuf,
    /// The output directory.
    pub out: PathBuf,
    /// The user's template directory.
    pub templates: Option<PathBuf>,
    /// How to build.
    pub options: BuildOptions,
    /// Build again on every change.
    pub watch: bool,
    /// Watch by polling rather than by file events.
    pub poll: bool,
    /// Also print each HTML page to PDF.
    pub pdf: bool,
}

impl BuildArgs {
    /// The settings these flags ask for, or why they do not go together.
    pub fn config(&self) -> Result<BuildConfig, Problem> {
        // Each format once, in the order given.
        // PDFs are printed from the HTML pages, which are built too.
        let mut formats: Vec<Format> = Vec::new();
        let pdf = self.format.contains(&BuildFormat::Pdf);
        for f in &self.format {
            let f = match f {
                BuildFormat::Page(f) => *f,
                BuildFormat::Pdf => Format::Html,
            };
            if !formats.contains(&f) {
                formats.push(f);
            }
        }
        if self.diagrams == Some(DiagramsArg::Mermaid) && !formats.contains(&Format::Markdown) {
            return Err(
                Problem::usage("--diagrams mermaid applies to Markdown output only")
                    .help("add `--format md`"),
            );
        }
        if self.diagrams == Some(DiagramsArg::Svg) && !formats.contains(&Format::Html) {
            return Err(Problem::usage("--diagrams svg applies to HTML output only")
                .help("add `--format html`"));
        }
        if let Some(site) = self.site {
            let site = site.kind();
            if formats != [Format::Markdown] {
                return Err(Problem::usage(format!(
                    "--site {} writes Markdown pages only; {} turns them into HTML",
                    site.name(),
                    site.title()
                ))
                .help("leave out `--format`, or build the other formats into another directory"));
            }
            if let Some(kind) = self.front_matter.map(FrontMatterArg::kind)
                && !site.reads(kind)
            {
                return Err(Problem::usage(format!(
                    "{} does not read {} front matter",
                    site.title(),
                    kind.name()
                ))
                .help(format!(
                    "leave out `--front-matter`: `--site {}` writes {}",
                    site.name(),
                    site.default_front_matter().name()
                )));
            }
        }
        if self.front_matter.is_some() && !formats.contains(&Format::Markdown) {
            return Err(
                Problem::usage("--front-matter applies to Markdown output only")
                    .help("add `--format md`"),
            );
        }
        Ok(BuildConfig {
            src: self.src.clone(),
            out: self.out.clone(),
            templates: self.templates.templates.clone(),
            options: BuildOptions {
                formats,
                template: self.template.clone(),
                front_matter: self.front_matter.map(FrontMatterArg::kind),
                site: self.site.map(SiteArg::kind),
                jobs: self.jobs,
                limits: self.limits.limits(),
                import_root: self.imports.import_root.clone(),
                check: self.check,
                force: self.force,
                deny_warnings: self.diagnostics.deny_warnings,
                diagrams: self.diagrams.map(DiagramsArg::kind),
                lang: self.lang.lang(),
                since: self.since.clone(),
            },
            watch: self.watch,
            poll: self.poll,
            pdf,
        })
    }
}

/// Builds once; returns the exit status. (`--watch` is run by
/// [`super::watch::run`], which calls [`once`] again on every change.)
pub fn run(config: &BuildConfig, report: &Reporter) -> i32 {
    once(config, report).0
}

/// One build; returns the exit status and the files the briefs import.
pub fn once(config: &BuildConfig, report: &Reporter) -> (i32, Vec<PathBuf>) {
    let Some(renderer) = compile(config.templates.as_deref(), report) else {
        return (1, Vec::new());
    };
    let bar = Progress::new(!report.is_json());
    let result = brief::build(
        &config.src,
        &config.out,
        &renderer,
        &config.options,
        &|done, total| bar.show(done, total),
    );
    bar.clear();
    let summary = match result {
        Ok(s) => s,
        Err(e) => {
            report.error(None, &e.to_string());
            return (1, Vec::new());
        }
    };
    for warning in &summary.warnings {
        report.warning(warning);
    }
    for r in &summary.reports {
        let label = r.path.display().to_string();
        report.diagnostics(&r.files, &r.diagnostics);
        if let Some(failure) = &r.failure {
            report.error(Some(&label), &format!("`{label}`: {failure}"));
        }
    }
    let mut summary = summary;
    let status = if config.options.check {
        if config.pdf {
            pdf_pages::check(&config.out, &mut summary);
        }
        check_status(config, &summary, report)
    } else {
        let status = build_status(config, &summary, report);
        match config.pdf {
            true => status.max(pdf_pages::print(&config.out, &summary, report)),
            false => status,
        }
    };
    (status, summary.imports)
}

/// With `--check`: lists what differs from a fresh build; 0 when nothing
/// does.
fn check_status(config: &BuildConfig, summary: &brief::BuildSummary, report: &Reporter) -> i32 {
    let failed = summary.failed();
    let out = config.out.display();
    for d in &summary.drift {
        let path = config.out.join(&d.path).display().to_string();
        if report.is_json() {
            report.error(Some(&path), &format!("{}: {path}", d.kind));
        } else {
            report.verbatim(&format!("{}: {path}\n", d.kind));
            if !d.diff.is_empty() {
                report.verbatim(&d.diff);
                if !d.diff.ends_with('\n') {
                    report.verbatim("\n");
                }
            }
        }
    }
    if summary.drift.is_empty() && failed == 0 {
        report.summary(
            false,
            &format!(
                "`{out}` is up to date with {}",
                count(summary.briefs, "brief")
            ),
        );
        return 0;
    }
    let mut parts = Vec::new();
    let extra = extra_count(summary);
    let rebuild = failed > 0 || summary.drift.len() > extra;
    for kind in [
        brief::build::DriftKind::Stale,
        brief::build::DriftKind::Missing,
        brief::build::DriftKind::Extra,
        brief::build::DriftKind::Obsolete,
    ] {
        let n = summary.drift.iter().filter(|d| d.kind == kind).count();
        if n > 0 {
            parts.push(format!("{n} {kind}"));
        }
    }
    if failed > 0 {
        parts.push(format!("{} failed", count(failed, "brief")));
    }
    // A build removes only the outputs it recorded writing: extra files
    // are someone else's, and a build would leave them.
    let help = match (rebuild, extra > 0) {
        (true, false) => "run the same command without --check",
        (true, true) => {
            "run the same command without --check, and remove the extra files by hand: a build removes only what it wrote"
        }
        _ => "remove the extra files by hand: a build removes only what it wrote",
    };
    report.summary(
        true,
        &format!(
            "`{out}` is not up to date: {}\n\nhelp: {help}",
            parts.join(", ")
        ),
    );
    1
}

/// How many files a build would not write are in OUT.
fn extra_count(summary: &brief::BuildSummary) -> usize {
    summary
        .drift
        .iter()
        .filter(|d| d.kind == brief::build::DriftKind::Extra)
        .count()
}

/// Without `--check`: says what was built; 1 when a brief failed.
fn build_status(config: &BuildConfig, summary: &brief::BuildSummary, report: &Reporter) -> i32 {
    let failed = summary.failed();
    let done = format!(
        "built {} into `{}`: {} rendered, {} up to date; {} written, {} removed",
        count(summary.briefs, "brief"),
        config.out.display(),
        summary.rendered,
        summary.up_to_date,
        count(summary.written.len(), "file"),
        summary.removed.len()
    );
    if failed > 0 {
        report.summary(
            true,
            &format!(
                "{done}\nerror: {} could not be rendered",
                count(failed, "brief")
            ),
        );
        1
    } else {
        report.summary(false, &done);
        0
    }
}
