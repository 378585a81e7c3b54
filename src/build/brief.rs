//! One brief of a build, on a worker: skipped if its record shows it is
//! up to date, else read, checked, rendered in every format (and its
//! change pages), then written unless only checking.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::changes::Since;
use super::error::{BriefFailure, BuildError};
use super::fingerprint::{self, Settings, SourceStamp};
use super::index::Entry;
use super::options::BuildOptions;
use super::plan::output_name;
use super::record::{BriefRecord, Record};
use super::report::BriefReport;
use super::site::without_title;
use super::write::OutDir;
use crate::diagnostic::Diagnostic;
use crate::imports::ImportScope;
use crate::pos::Files;
use crate::render::{RenderOptions, Renderer};

/// What every brief of one build shares.
pub(super) struct Build<'a> {
    /// The source directory.
    pub src: &'a Path,
    /// The source directory with links resolved, which the imports the
    /// record names are relative to.
    pub src_real: Option<&'a Path>,
    /// The output directory as given.
    pub out: &'a Path,
    /// Where to write; `None` when only checking.
    pub out_dir: Option<&'a OutDir<'a>>,
    /// The templates.
    pub renderer: &'a Renderer,
    /// How to build.
    pub options: &'a BuildOptions,
    /// What, besides a brief's text, decides its outputs.
    pub settings: &'a Settings,
    /// The last build's record.
    pub last: &'a Record,
    /// Sources whose stamp is as recorded and that last changed before
    /// this (nanoseconds since 1970) are up to date without being read.
    pub trusted_before: Option<u64>,
    /// What change pages compare with, if any.
    pub since: Option<&'a Since>,
}

/// One brief's result.
pub(super) struct Outcome {
    /// Its diagnostics and failure.
    pub report: BriefReport,
    /// Rendered files (relative output path with `/`, content), when it
    /// rendered; the content is dropped once written.
    pub files: Vec<(String, String)>,
    /// What the index shows of it, when it rendered.
    pub entry: Option<Entry>,
    /// The fingerprint of its bytes, when they were read or trusted.
    pub fingerprint: Option<u64>,
    /// The source's stamp, taken before it was read.
    pub source: Option<SourceStamp>,
    /// The imports read (relative to SRC, with `/`), with their
    /// fingerprints.
    pub imports: Vec<(String, u64)>,
    /// The imports read, as named in diagnostics: what a watch watches.
    pub watched: Vec<PathBuf>,
    /// Up to date: the record's entry and imports are taken over.
    pub skipped: bool,
    /// Files written by the worker (relative output paths with `/`).
    pub written: Vec<String>,
    /// Why writing them failed.
    pub write_error: Option<BuildError>,
}

impl Outcome {
    fn failed(report: BriefReport) -> Outcome {
        Outcome {
            report,
            files: Vec::new(),
            entry: None,
            fingerprint: None,
            source: None,
            imports: Vec::new(),
            watched: Vec::new(),
            skipped: false,
            written: Vec::new(),
            write_error: None,
        }
    }

    fn skipped(report: BriefReport, fingerprint: u64, source: Option<SourceStamp>) -> Outcome {
        Outcome {
            fingerprint: Some(fingerprint),
            source,
            skipped: true,
            ..Outcome::failed(report)
        }
    }
}

impl Build<'_> {
    /// The brief `rel` built: rendered, then settled (failed on a clash,
    /// or written) on the same worker, so that writing is parallel too
    /// and a build holds no more than a few briefings in memory at once.
    pub fn brief(&self, rel: &str, clash: Option<BriefFailure>) -> Outcome {
        let outcome = self.render(rel);
        self.settle(outcome, clash)
    }

    /// Whether the outputs and imports of a brief are as recorded.
    fn up_to_date(&self, built: &BriefRecord) -> bool {
        built.entry.is_some()
            && built.outputs_untouched(self.out)
            && built.imports.iter().all(|(name, fingerprint)| {
                crate::disk::read_regular_source(&self.src.join(name), &self.options.limits)
                    .is_ok_and(|text| fingerprint::of_text(&text) == *fingerprint)
            })
    }

    /// The name the record keeps for the file read as `name`: its real
    /// path relative to SRC, with `/`; `None` if it is not inside SRC.
    fn record_name(&self, name: &str) -> Option<String> {
        let real = std::fs::canonicalize(name).ok()?;
        let rel = real.strip_prefix(self.src_real?).ok()?;
        let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
        let name = parts?.join("/");
        super::record::relative_name_is_safe(&name).then_some(name)
    }

    fn render(&self, rel: &str) -> Outcome {
        let options = self.options;
        let path = self.src.join(rel);
        let mut report = BriefReport::new(path.clone());
        let last = self.last.briefs.get(rel);
        // Taken before reading: an edit made while it is read shows next
        // time.
        let source = SourceStamp::of(&path);
        if let Some(before) = self.trusted_before
            && let Some(stamp) = &source
            && stamp.latest() < before
            && let Some(built) = last
            && let Some(fingerprint) = built.fingerprint
            && built.source.as_ref() == Some(stamp)
            && self.up_to_date(built)
        {
            return Outcome::skipped(report, fingerprint, source);
        }
        let bytes = match crate::disk::read_bytes(&path, &options.limits) {
            Ok(b) => b,
            Err(e) => {
                report.failure = Some(BriefFailure::Unreadable(Arc::new(e)));
                return Outcome::failed(report);
            }
        };
        let fingerprint = self.settings.of_brief(&bytes);
        if !options.force
            && !options.check
            && let Some(built) = last
            && built.fingerprint == Some(fingerprint)
            && self.up_to_date(built)
        {
            return Outcome::skipped(report, fingerprint, source);
        }
        let text = match crate::disk::decode(bytes, &options.limits) {
            Ok(t) => t,
            Err(invalid) => {
                let (d, quoted) = *invalid;
                // Quoted from what was read, never read again.
                report.files = Files::new(path.display().to_string(), quoted);
                report.diagnostics.push(d);
                return Outcome::failed(report);
            }
        };
        let root = options.import_root.as_deref().unwrap_or(self.src);
        let scope = ImportScope::for_file(&path, Some(root));
        let checked = crate::pipeline::check_source(
            &path.display().to_string(),
            text,
            Some(&scope),
            &options.limits,
        );
        report.files = checked.files;
        report.diagnostics = checked.diagnostics;
        if options.deny_warnings {
            report.diagnostics = std::mem::take(&mut report.diagnostics)
                .into_iter()
                .map(Diagnostic::denied)
                .collect();
        }
        let watched: Vec<PathBuf> = report.files.iter().skip(1).map(|(n, _)| n.into()).collect();
        let imports: Option<Vec<(String, u64)>> = report
            .files
            .iter()
            .skip(1)
            .map(|(name, text)| Some((self.record_name(name)?, fingerprint::of_text(text))))
            .collect();
        // An import the record cannot name inside SRC (an import root
        // above it) cannot be checked next time: the brief is built again
        // every time instead.
        let (fingerprint, imports) = match imports {
            Some(imports) => (Some(fingerprint), imports),
            None => (None, Vec::new()),
        };
        let model = match checked.model {
            Some(m) if !report.failed() => m,
            _ => return Outcome::failed(report),
        };
        let view = crate::resolve::resolve_in(
            &model,
            checked.grounding.as_ref(),
            &self.renderer.words(options.lang),
        );
        let each: Vec<RenderOptions> = options
            .formats
            .iter()
            .map(|f| options.render_options(*f))
            .collect();
        let mut files: Vec<(String, String)> = match self.renderer.render_each(&view, &each) {
            Ok(texts) => options
                .formats
                .iter()
                .map(|f| output_name(rel, *f))
                .zip(texts)
                .collect(),
            Err(e) => {
                report.failure = Some(BriefFailure::Render(e));
                return Outcome::failed(report);
            }
        };
        if let Some((site, kind)) = options.site() {
            // Markdown only, checked before the build: the site's front
            // matter carries the title its layout prints.
            for (_, text) in &mut files {
                *text = site.briefing_front_matter(&view, kind, rel) + without_title(text);
            }
        }
        if let Some(since) = self.since {
            match since.pages(self.src, rel, &model, self.renderer, options) {
                Ok(pages) => match options.site() {
                    Some((site, kind)) => {
                        let title =
                            format!("{}: what changed since {}", view.brief.title, since.rev);
                        files.extend(pages.into_iter().map(|(name, text)| {
                            let head = site.section_front_matter(kind, &title);
                            (name, head + without_title(&text))
                        }));
                    }
                    None => files.extend(pages),
                },
                Err(e) => {
                    report.failure = Some(e);
                    return Outcome::failed(report);
                }
            }
        }
        Outcome {
            report,
            files,
            entry: Some(Entry::new(&model, &view)),
            fingerprint,
            source,
            imports,
            watched,
            skipped: false,
            written: Vec::new(),
            write_error: None,
        }
    }

    /// A rendered brief's last steps: a brief whose outputs clash fails;
    /// else, unless only checking, its files are written now and their
    /// text dropped (their names stay, for the record).
    fn settle(&self, mut o: Outcome, clash: Option<BriefFailure>) -> Outcome {
        if let Some(clash) = clash {
            o.report.failure = Some(clash);
            o.files.clear();
            o.entry = None;
        }
        if let Some(out_dir) = self.out_dir
            && !o.report.failed()
        {
            for (name, text) in &mut o.files {
                match out_dir.write_if_changed(name, text) {
                    Ok(true) => o.written.push(name.clone()),
                    Ok(false) => {}
                    Err(e) => {
                        o.write_error = Some(e);
                        break;
                    }
                }
                *text = String::new();
            }
        }
        if o.report.diagnostics.is_empty() && o.report.failure.is_none() {
            // Kept only to show diagnostics.
            o.report.files = Files::default();
        }
        o
    }
}
