//! `brief build`: a directory of briefs → a directory of briefings, in
//! parallel, with an index page per format, skipping briefs whose inputs
//! and templates did not change, or (`check`) comparing with what is
//! already there and writing nothing.
//!
//! Briefs are found recursively under the source directory: every `.yaml`
//! or `.yml` file, except hidden ones and those whose name (or a parent
//! directory's name) starts with `_`, which are left for shared data. The
//! output mirrors the source tree: `a/b.yaml` → `a/b.md`, `a/b.html`.
//!
//! Output is deterministic: the order of work never reaches it. Every file
//! is written to a temporary file and renamed into place, and only when its
//! content changed; a brief with errors keeps its previous output.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let out = tempfile::tempdir()?;
//! let renderer = brief::Renderer::new()?;
//! let options = brief::BuildOptions {
//!     formats: vec![brief::Format::Markdown, brief::Format::Html],
//!     ..Default::default()
//! };
//! let summary = brief::build("briefs".as_ref(), out.path(), &renderer, &options, &|_, _| {})?;
//! assert_eq!(summary.failed(), 0);
//! assert!(out.path().join("us-russia-talks.html").is_file());
//! assert!(out.path().join("index.md").is_file());
//!
//! // Nothing changed: nothing is rendered again, and a check finds no drift.
//! let again = brief::build("briefs".as_ref(), out.path(), &renderer, &options, &|_, _| {})?;
//! assert_eq!(again.rendered, 0);
//! let check = brief::BuildOptions { check: true, ..options };
//! let report = brief::build("briefs".as_ref(), out.path(), &renderer, &check, &|_, _| {})?;
//! assert!(report.drift.is_empty());
//! # Ok(())
//! # }
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::hash::Fingerprint;
use crate::imports::ImportScope;
use crate::load::Limits;
use crate::pos::Files;
use crate::render::{Format, FrontMatter, RenderOptions, Renderer};

/// The file in the output directory that records what the last build
/// wrote, so the next one can skip what did not change.
pub const MANIFEST: &str = ".brief-build.json";

/// The stack size of build threads: deeply nested YAML recurses.
const STACK_SIZE: usize = 16 << 20;

/// How to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Output formats (Markdown and/or HTML).
    pub formats: Vec<Format>,
    /// The template to render each brief with (`None`: `brief`).
    pub template: Option<String>,
    /// Front matter for Markdown outputs.
    pub front_matter: Option<FrontMatter>,
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
    pub diagrams: Option<crate::render::Diagrams>,
    /// A git revision: also write a change page for each brief
    /// (`NAME.changes.md`...) against its version in that revision, as
    /// `brief diff` would. Git runs in the source directory.
    pub since: Option<String>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        Self {
            formats: vec![Format::Markdown],
            template: None,
            front_matter: None,
            jobs: 0,
            limits: Limits::default(),
            import_root: None,
            check: false,
            force: false,
            deny_warnings: false,
            diagrams: None,
            since: None,
        }
    }
}

/// A brief's problems: its path, its text and those of its imports (to
/// show the lines diagnostics point at) and its diagnostics, or a problem
/// that is not about its content (unreadable, a template error, a
/// clashing output name).
#[derive(Debug, Clone)]
pub struct BriefReport {
    /// The brief, relative to the source directory as given.
    pub path: PathBuf,
    /// Its text and its imports', when they could be read.
    pub files: Files,
    /// Errors and warnings about its content.
    pub diagnostics: Vec<Diagnostic>,
    /// Any other failure.
    pub failure: Option<String>,
}

impl BriefReport {
    /// Whether the brief could not be rendered.
    pub fn failed(&self) -> bool {
        self.failure.is_some() || self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// How an output file differs from what the build would write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DriftKind {
    /// It exists with other content.
    Stale,
    /// It does not exist.
    Missing,
    /// It exists but the build would not write it.
    Extra,
}

impl fmt::Display for DriftKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DriftKind::Stale => "stale",
            DriftKind::Missing => "missing",
            DriftKind::Extra => "extra",
        })
    }
}

/// One output file that is not as the build would write it.
#[derive(Debug, Clone)]
pub struct Drift {
    /// The file, relative to the output directory.
    pub path: PathBuf,
    /// How it differs.
    pub kind: DriftKind,
    /// A short unified diff (for stale files), else empty.
    pub diff: String,
}

/// What a build did, or (`check`) found.
#[derive(Debug, Default)]
pub struct BuildSummary {
    /// Briefs found.
    pub briefs: usize,
    /// Briefs rendered this time.
    pub rendered: usize,
    /// Briefs skipped as up to date.
    pub up_to_date: usize,
    /// Every brief with diagnostics or a failure, in path order.
    pub reports: Vec<BriefReport>,
    /// Files written (relative to the output directory).
    pub written: Vec<PathBuf>,
    /// Files removed because their brief is gone.
    pub removed: Vec<PathBuf>,
    /// `check` only: files that differ from what the build would write.
    pub drift: Vec<Drift>,
    /// Every file the briefs import, as named in diagnostics, sorted: with
    /// the briefs and templates, what a build depends on.
    pub imports: Vec<PathBuf>,
}

impl BuildSummary {
    /// Briefs that could not be rendered.
    pub fn failed(&self) -> usize {
        self.reports.iter().filter(|r| r.failed()).count()
    }
}

/// A problem that stops the whole build.
#[derive(Debug)]
pub struct BuildError(String);

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

/// The index page's data, one per format: what `index.md` and
/// `index.html` receive.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndexView {
    /// The briefs, newest first (by publication date; undated last), then
    /// by path.
    pub briefs: Vec<IndexBrief>,
    /// Every actor of every brief, by name, with the briefs that mention
    /// them.
    pub actors: Vec<IndexActor>,
}

/// One brief in the index.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndexBrief {
    /// The brief's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its dateline, if given.
    pub dateline: Option<String>,
    /// Its publication date as a reader should see it, if known.
    pub published: Option<String>,
    /// Its first key point.
    pub key_point: Option<String>,
    /// Whether it is a fictional exercise.
    pub fictional: bool,
    /// Its rendering, relative to the index page, percent-encoded for use
    /// as a link.
    pub link: String,
}

/// An actor across briefs.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndexActor {
    /// The actor's id (the same id in several briefs is the same actor).
    pub id: String,
    /// Their name, as the newest brief writes it.
    pub name: String,
    /// The briefs that mention them, newest first.
    pub briefs: Vec<IndexLink>,
}

/// A link to a brief.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndexLink {
    /// The brief's title.
    pub title: String,
    /// Its rendering, percent-encoded.
    pub link: String,
}

/// What the index needs of a brief, kept in the manifest so an up-to-date
/// brief need not be read again.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct Entry {
    id: String,
    title: String,
    dateline: Option<String>,
    published: Option<String>,
    /// Earliest possible publication day, `YYYY-MM-DD`, for sorting.
    sort_date: Option<String>,
    key_point: Option<String>,
    fictional: bool,
    /// (id, name) of each actor.
    actors: Vec<(String, String)>,
}

impl Entry {
    /// Feeds everything the index shows of this entry (listed under
    /// `key`) into `h`, each text preceded by its length so that no two
    /// different entries feed the same bytes.
    fn fingerprint_into(&self, key: &str, h: &mut Fingerprint) {
        // Every field, so that a new one cannot be forgotten here.
        let Entry {
            id,
            title,
            dateline,
            published,
            sort_date,
            key_point,
            fictional,
            actors,
        } = self;
        let mut text = |t: Option<&str>| match t {
            Some(t) => {
                h.write(&(t.len() as u64 + 1).to_le_bytes());
                h.write(t.as_bytes());
            }
            None => h.write(&0u64.to_le_bytes()),
        };
        text(Some(key));
        text(Some(id));
        text(Some(title));
        text(dateline.as_deref());
        text(published.as_deref());
        text(sort_date.as_deref());
        text(key_point.as_deref());
        text(Some(if *fictional { "fictional" } else { "" }));
        text(Some(&actors.len().to_string()));
        for (id, name) in actors {
            text(Some(id));
            text(Some(name));
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    version: u32,
    /// The fingerprint of the build's settings (templates, formats,
    /// options), so that a brief can be skipped without being read.
    #[serde(default)]
    settings: String,
    /// When the build that wrote this record started, in nanoseconds since
    /// 1970: a source modified shortly before then is read again, since
    /// its time stamp alone may not show a later edit.
    #[serde(default)]
    started: String,
    /// Source path (with `/`) → what was built from it.
    briefs: BTreeMap<String, Built>,
    /// The index pages as last written.
    #[serde(default)]
    index: Option<Built>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Built {
    fingerprint: String,
    /// The source's stamp ([`source_stamp`]) when it was read.
    #[serde(default)]
    source: String,
    outputs: Vec<String>,
    /// Size and modification time of each output as written, so a file
    /// edited or replaced since is rendered again.
    #[serde(default)]
    stamps: Vec<String>,
    /// Each file the brief imports (as shown in diagnostics) and the
    /// fingerprint of its text, so a change to one renders it again.
    #[serde(default)]
    imports: Vec<(String, String)>,
    entry: Option<Entry>,
}

impl Built {
    /// Whether every output is still as this build record says it was
    /// written (same size and modification time).
    fn outputs_untouched(&self, out: &Path) -> bool {
        self.outputs.len() == self.stamps.len()
            && self
                .outputs
                .iter()
                .zip(&self.stamps)
                .all(|(o, st)| stamp(&out.join(o)).as_ref() == Some(st))
    }
}

/// A file's size and modification time, or `None` if it is missing.
fn stamp(path: &Path) -> Option<String> {
    stamp_of(&std::fs::metadata(path).ok()?).map(|(stamp, _)| stamp)
}

/// Size and modification time, and the latter in nanoseconds since 1970.
fn stamp_of(meta: &std::fs::Metadata) -> Option<(String, u128)> {
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some((format!("{}:{modified}", meta.len()), modified))
}

/// A source's stamp: its size and modification time, and on Unix also the
/// time its inode last changed and its inode number (which no tool can set
/// back, unlike the modification time), with the latest of those times in
/// nanoseconds since 1970; `None` if any cannot be read.
fn source_stamp(path: &Path) -> Option<(String, u128)> {
    let meta = std::fs::metadata(path).ok()?;
    let (stamp, modified) = stamp_of(&meta)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let changed = u128::try_from(meta.ctime()).ok()? * 1_000_000_000
            + u128::try_from(meta.ctime_nsec()).ok()?;
        Some((
            format!("{stamp}:{changed}:{}", meta.ino()),
            modified.max(changed),
        ))
    }
    #[cfg(not(unix))]
    Some((stamp, modified))
}

/// How long before a build's start a source must have been modified for
/// its size and time stamp to be trusted: file systems whose times are
/// coarse (to the second, or two) could otherwise hide an edit made just
/// after a build read the file.
const RACY_NANOS: u128 = 3_000_000_000;

fn now_nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// One brief's result.
struct Outcome {
    report: BriefReport,
    /// Rendered files (relative output path with `/`, content), when it
    /// rendered.
    files: Vec<(String, String)>,
    entry: Option<Entry>,
    fingerprint: String,
    /// The source's stamp, taken before it was read.
    source: String,
    /// The imports read, with their fingerprints.
    imports: Vec<(String, String)>,
    skipped: bool,
    /// Files written by the worker (relative output paths with `/`).
    written: Vec<String>,
    /// Why writing them failed.
    write_error: Option<String>,
}

/// Builds every brief under `src` into `out`. `progress` is called with
/// (done, total) as briefs finish, from worker threads.
pub fn build(
    src: &Path,
    out: &Path,
    renderer: &Renderer,
    options: &BuildOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<BuildSummary, BuildError> {
    if options.formats.is_empty() {
        return Err(BuildError("no output format was asked for".into()));
    }
    for f in &options.formats {
        if !matches!(f, Format::Markdown | Format::Html) {
            return Err(BuildError(format!(
                "`brief build` writes Markdown and HTML, not {}",
                f.extension()
            )));
        }
    }
    for format in &options.formats {
        let opts = render_options(options, *format);
        renderer
            .template_name(&opts)
            .map_err(|e| BuildError(e.to_string()))?;
    }
    let started = now_nanos();
    let sources = find_briefs(src, out)?;
    let manifest_path = out.join(MANIFEST);
    let mut old: Manifest = std::fs::read(&manifest_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .filter(|m: &Manifest| m.version == 1)
        .map(|mut m| {
            // The record lives in OUT, where anyone may have edited it:
            // only names a build could have written are trusted, so that
            // removing stale outputs never reaches outside OUT.
            m.briefs
                .retain(|_, b| b.outputs.iter().all(|o| output_name_is_safe(o)));
            m
        })
        .unwrap_or_default();
    let mut settings = settings_fingerprint(renderer, options);
    // Change pages: the revision is resolved once, to a commit, so that
    // every page compares with the same one and a moved branch is seen.
    let since = match options.since.as_deref() {
        Some(rev) => {
            for format in &options.formats {
                let opts = RenderOptions {
                    format: *format,
                    ..RenderOptions::default()
                };
                renderer
                    .diff_template_name(&opts)
                    .map_err(|e| BuildError(e.to_string()))?;
            }
            let commit =
                crate::diff::resolve_commit(src, rev).map_err(|e| BuildError(e.to_string()))?;
            settings.extend_from_slice(format!("|since:{commit}").as_bytes());
            Some((rev, commit))
        }
        None => None,
    };
    let since = since.as_ref().map(|(rev, commit)| (*rev, commit.as_str()));
    let settings_hash = {
        let mut h = Fingerprint::new();
        h.write(&settings);
        format!("{:016x}", h.finish())
    };
    // Sources whose stamp is as recorded are up to date without being
    // read, if the last build had the same settings (and was not racing
    // with edits: see `RACY_NANOS`).
    let trusted_before = (!options.force && !options.check && old.settings == settings_hash)
        .then(|| old.started.parse::<u128>().ok())
        .flatten()
        .map(|t| t.saturating_sub(RACY_NANOS));

    // Output names must not clash: `a.yaml` and `a.yml`, or an `index`.
    let mut owner: HashMap<String, usize> = HashMap::new();
    for format in &options.formats {
        owner.insert(format!("index.{}", format.extension()), usize::MAX);
    }
    let mut clashes: Vec<Option<String>> = Vec::with_capacity(sources.len());
    for (i, source) in sources.iter().enumerate() {
        let names = output_names(source, options);
        let clash = names
            .iter()
            .find_map(|n| owner.get(n).map(|&j| (n.clone(), j)));
        clashes.push(clash.map(|(name, j)| {
            let with = if j == usize::MAX {
                "the index page".to_owned()
            } else {
                format!("`{}`", sources[j])
            };
            format!("its output `{name}` would overwrite that of {with}; rename one")
        }));
        if clashes[i].is_none() {
            for n in names {
                owner.insert(n, i);
            }
        }
    }
    // Each brief is rendered, then written by the same worker, so that
    // writing is parallel too and a build holds no more than a few
    // briefings in memory at once.
    let out_real = if options.check {
        None
    } else {
        std::fs::create_dir_all(out)
            .map_err(|e| BuildError(format!("cannot create `{}`: {e}", out.display())))?;
        Some(
            std::fs::canonicalize(out)
                .map_err(|e| BuildError(format!("cannot read `{}`: {e}", out.display())))?,
        )
    };
    let dirs = CheckedDirs::default();
    let work_on = |i: usize| {
        let outcome = one_brief(
            src,
            out,
            &sources[i],
            renderer,
            options,
            &settings,
            &old,
            trusted_before,
            since,
        );
        settle(
            outcome,
            clashes[i].clone(),
            out_real.as_deref(),
            out,
            options,
            &dirs,
        )
    };

    // Render in parallel; results land in their source's slot.
    let total = sources.len();
    let slots: Vec<Mutex<Option<Outcome>>> = (0..total).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let jobs = match options.jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(total.max(1));
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let work = || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        break;
                    }
                    let outcome = work_on(i);
                    *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(outcome);
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                }
            };
            let spawned = std::thread::Builder::new()
                .stack_size(STACK_SIZE)
                .spawn_scoped(scope, work);
            if spawned.is_err() {
                // No thread to spare: the remaining work runs on the
                // threads that did start, or below.
                break;
            }
        }
    });
    // Anything no thread took (none could be spawned) is done here.
    let mut outcomes = Vec::with_capacity(total);
    for (i, slot) in slots.into_iter().enumerate() {
        let outcome = slot.into_inner().unwrap_or_else(|e| e.into_inner());
        outcomes.push(match outcome {
            Some(o) => o,
            None => work_on(i),
        });
    }

    let mut summary = BuildSummary {
        briefs: total,
        ..BuildSummary::default()
    };
    let mut manifest = Manifest {
        version: 1,
        settings: settings_hash.clone(),
        started: started.to_string(),
        briefs: BTreeMap::new(),
        index: None,
    };
    let mut files: Vec<(String, String)> = Vec::new();
    let mut entries: Vec<(String, Entry)> = Vec::new();
    for (i, mut o) in outcomes.into_iter().enumerate() {
        if let Some(e) = o.write_error.take() {
            return Err(BuildError(e));
        }
        summary.written.extend(o.written.iter().map(PathBuf::from));
        let key = sources[i].clone();
        let outputs = output_names(&key, options);
        // An up-to-date brief keeps its record, taken over whole (unless
        // it failed after all: its output name clashes with another's).
        let mut stamps = Vec::new();
        if o.skipped {
            summary.up_to_date += 1;
        }
        if o.skipped
            && !o.report.failed()
            && let Some(kept) = old.briefs.remove(&key)
        {
            o.entry = kept.entry;
            o.imports = kept.imports;
            stamps = kept.stamps;
        } else if !o.skipped && !o.report.failed() {
            summary.rendered += 1;
        }
        if let Some(entry) = &o.entry {
            entries.push((key.clone(), entry.clone()));
        }
        summary
            .imports
            .extend(o.imports.iter().map(|(name, _)| PathBuf::from(name)));
        let failed = o.report.failed();
        if failed || !o.report.diagnostics.is_empty() {
            summary.reports.push(o.report);
        }
        if failed {
            // Keep the old output and record; build it again next time.
            if let Some(old_built) = old.briefs.get(&key) {
                manifest.briefs.insert(
                    key,
                    Built {
                        fingerprint: String::new(),
                        source: String::new(),
                        ..old_built.clone()
                    },
                );
            }
            continue;
        }
        files.extend(o.files);
        manifest.briefs.insert(
            key,
            Built {
                fingerprint: o.fingerprint,
                source: o.source,
                outputs,
                stamps,
                imports: o.imports,
                entry: o.entry,
            },
        );
    }

    summary.imports.sort();
    summary.imports.dedup();

    // The index pages, unless what they show and how are as when they
    // were written, and they are untouched since.
    let pages = files.len();
    let index_names: Vec<String> = options
        .formats
        .iter()
        .map(|f| format!("index.{}", f.extension()))
        .collect();
    let index_fingerprint = {
        let mut h = Fingerprint::new();
        h.write(&settings);
        h.write(&[0]);
        for (key, entry) in &entries {
            entry.fingerprint_into(key, &mut h);
        }
        format!("{:016x}", h.finish())
    };
    let index_current = !options.force
        && !options.check
        && old.index.as_ref().is_some_and(|i| {
            i.fingerprint == index_fingerprint
                && i.outputs == index_names
                && i.outputs_untouched(out)
        });
    if index_current {
        manifest.index = old.index.clone();
    } else {
        for (format, name) in options.formats.iter().zip(&index_names) {
            let index = index_view(&entries, *format);
            let text = renderer
                .render_page(name, &index)
                .map_err(|e| BuildError(format!("the index page: {e}")))?;
            files.push((name.clone(), text));
        }
    }

    if options.check {
        summary.drift = drift(out, &files, &manifest);
        return Ok(summary);
    }

    std::fs::create_dir_all(out)
        .map_err(|e| BuildError(format!("cannot create `{}`: {e}", out.display())))?;
    // The briefings are written; the index pages are left.
    for (name, text) in &files[pages..] {
        if write_if_changed(out_real.as_deref(), out, name, text, &dirs)? {
            summary.written.push(PathBuf::from(name));
        }
    }
    if !index_current {
        manifest.index = Some(Built {
            fingerprint: index_fingerprint,
            source: String::new(),
            stamps: index_names
                .iter()
                .map(|o| stamp(&out.join(o)).unwrap_or_default())
                .collect(),
            outputs: index_names,
            entry: None,
            imports: Default::default(),
        });
    }
    for built in manifest.briefs.values_mut() {
        if built.stamps.len() != built.outputs.len() && !built.fingerprint.is_empty() {
            built.stamps = built
                .outputs
                .iter()
                .map(|o| stamp(&out.join(o)).unwrap_or_default())
                .collect();
        }
    }
    // Outputs of briefs that are gone, or of formats no longer built.
    let keep = owned_outputs(&files, &manifest);
    for built in old.briefs.values() {
        for name in &built.outputs {
            if !keep.contains(name.as_str())
                && out_real
                    .as_deref()
                    .is_some_and(|r| inside(r, &out.join(name)).is_ok())
                && std::fs::remove_file(out.join(name)).is_ok()
            {
                summary.removed.push(PathBuf::from(name));
            }
        }
    }
    let json = serde_json::to_string(&manifest)
        .map_err(|e| BuildError(format!("cannot write the build record: {e}")))?;
    crate::write_atomically(&manifest_path, json.as_bytes())
        .map_err(|e| BuildError(format!("cannot write `{}`: {e}", manifest_path.display())))?;
    Ok(summary)
}

/// Whether a name from the build record is one a build writes: a relative
/// path down from OUT (no `..`, no root) to a Markdown or HTML file.
fn output_name_is_safe(name: &str) -> bool {
    let path = Path::new(name);
    !name.is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
        && matches!(
            Format::from_path(path),
            Some(Format::Markdown | Format::Html)
        )
}

/// Refuses a path whose directory is not inside OUT once symbolic links
/// are followed: a build writes and removes files in OUT only.
fn inside(out_real: &Path, path: &Path) -> Result<(), BuildError> {
    dir_inside(out_real, path.parent().unwrap_or(path), path)
}

/// Refuses to write `path` unless `dir` is inside OUT once symbolic links
/// are followed.
fn dir_inside(out_real: &Path, dir: &Path, path: &Path) -> Result<(), BuildError> {
    match std::fs::canonicalize(dir) {
        Ok(real) if real.starts_with(out_real) => Ok(()),
        Ok(_) => Err(BuildError(format!(
            "`{}` leads outside the output directory through a symbolic link; nothing is written there",
            path.display()
        ))),
        Err(e) => Err(BuildError(format!("cannot read `{}`: {e}", dir.display()))),
    }
}

/// A rendered brief's last steps, on its worker: a brief whose outputs
/// clash fails; else, unless only checking, its files are written now and
/// their text dropped (their names stay, for the record).
fn settle(
    mut o: Outcome,
    clash: Option<String>,
    out_real: Option<&Path>,
    out: &Path,
    options: &BuildOptions,
    dirs: &CheckedDirs,
) -> Outcome {
    if let Some(clash) = clash {
        o.report.failure = Some(clash);
        o.files.clear();
        o.entry = None;
    }
    if !options.check && !o.report.failed() {
        for (name, text) in &mut o.files {
            match write_if_changed(out_real, out, name, text, dirs) {
                Ok(true) => o.written.push(name.clone()),
                Ok(false) => {}
                Err(e) => {
                    o.write_error = Some(e.0);
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

/// The directories of OUT that one build has made and found inside OUT,
/// so that each is created and checked once, not once per file written
/// in it (which cost a dozen system calls per file).
#[derive(Default)]
struct CheckedDirs(Mutex<std::collections::HashSet<PathBuf>>);

impl CheckedDirs {
    /// Makes the directory of `path` and checks it is inside OUT, unless
    /// that was done already in this build.
    fn prepare(&self, out_real: &Path, path: &Path) -> Result<(), BuildError> {
        let Some(parent) = path.parent() else {
            return inside(out_real, path);
        };
        if self
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(parent)
        {
            return Ok(());
        }
        // What exists of the directory must already be inside OUT: else
        // making the rest would make directories outside it.
        let existing = parent
            .ancestors()
            .find(|a| a.as_os_str().is_empty() || a.exists())
            .unwrap_or(parent);
        if existing != parent {
            dir_inside(out_real, existing, path)?;
        }
        std::fs::create_dir_all(parent)
            .map_err(|e| BuildError(format!("cannot create `{}`: {e}", parent.display())))?;
        inside(out_real, path)?;
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(parent.to_path_buf());
        Ok(())
    }
}

/// Writes `out/name` atomically, unless it already holds `text`, and
/// only inside OUT (`out_real`, OUT with links resolved). Whether it was
/// written.
fn write_if_changed(
    out_real: Option<&Path>,
    out: &Path,
    name: &str,
    text: &str,
    dirs: &CheckedDirs,
) -> Result<bool, BuildError> {
    let out_real = out_real.ok_or_else(|| BuildError("nothing is written when checking".into()))?;
    let path = out.join(name);
    dirs.prepare(out_real, &path)?;
    if std::fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    crate::replace_file(&path, text.as_bytes(), false)
        .map_err(|e| BuildError(format!("cannot write `{}`: {e}", path.display())))?;
    Ok(true)
}

fn render_options(options: &BuildOptions, format: Format) -> RenderOptions {
    RenderOptions {
        format,
        fragment: false,
        template: options.template.clone(),
        front_matter: options.front_matter.filter(|_| format == Format::Markdown),
        diagrams: options.diagrams.filter(|d| {
            use crate::render::Diagrams;
            match d {
                Diagrams::Mermaid => format == Format::Markdown,
                Diagrams::Svg => format == Format::Html,
                _ => true,
            }
        }),
    }
}

/// What, besides a brief's own text, decides its outputs.
fn settings_fingerprint(renderer: &Renderer, options: &BuildOptions) -> Vec<u8> {
    let formats: Vec<&str> = options.formats.iter().map(|f| f.extension()).collect();
    format!(
        "{}|{:x}|{}|{:?}|{:?}|{}|{:?}|{:?}|{:?}",
        env!("CARGO_PKG_VERSION"),
        renderer.fingerprint(),
        formats.join(","),
        options.template,
        options.front_matter,
        options.deny_warnings,
        options.import_root,
        options.diagrams,
        options.limits,
    )
    .into_bytes()
}

/// The fingerprint of an imported file's text.
fn text_fingerprint(text: &str) -> String {
    let mut h = Fingerprint::new();
    h.write(text.as_bytes());
    format!("{:016x}", h.finish())
}

#[allow(clippy::too_many_arguments)] // one call site, in `build`
fn one_brief(
    src: &Path,
    out: &Path,
    rel: &str,
    renderer: &Renderer,
    options: &BuildOptions,
    settings: &[u8],
    old: &Manifest,
    trusted_before: Option<u128>,
    since: Option<(&str, &str)>,
) -> Outcome {
    let path = src.join(rel);
    let mut report = BriefReport {
        path: path.clone(),
        files: Files::default(),
        diagnostics: Vec::new(),
        failure: None,
    };
    let failed = |report: BriefReport| Outcome {
        report,
        files: Vec::new(),
        entry: None,
        fingerprint: String::new(),
        source: String::new(),
        imports: Vec::new(),
        skipped: false,
        written: Vec::new(),
        write_error: None,
    };
    let up_to_date = |built: &Built| {
        built.entry.is_some()
            && built.outputs_untouched(out)
            && built.imports.iter().all(|(name, fingerprint)| {
                crate::read_source(Path::new(name), &options.limits)
                    .is_ok_and(|text| &text_fingerprint(&text) == fingerprint)
            })
    };
    // The record's entry and imports are taken over by `build`.
    let skip = |report: BriefReport, fingerprint: String, source: String| Outcome {
        report,
        files: Vec::new(),
        entry: None,
        fingerprint,
        source,
        imports: Vec::new(),
        skipped: true,
        written: Vec::new(),
        write_error: None,
    };
    // Taken before reading: an edit made while it is read shows next time.
    let source_stamp = source_stamp(&path);
    if let Some(before) = trusted_before
        && let Some((stamp, changed)) = &source_stamp
        && *changed < before
        && let Some(built) = old.briefs.get(rel)
        && !built.fingerprint.is_empty()
        && !built.source.is_empty()
        && &built.source == stamp
        && up_to_date(built)
    {
        return skip(report, built.fingerprint.clone(), stamp.clone());
    }
    let source = source_stamp.map(|(stamp, _)| stamp).unwrap_or_default();
    // The fingerprint is of the file's bytes: an up-to-date brief is
    // recognised without being decoded.
    let bytes = match crate::read_bytes(&path, &options.limits) {
        Ok(b) => b,
        Err(e) => {
            report.failure = Some(format!("cannot read it: {e}"));
            return failed(report);
        }
    };
    let mut h = Fingerprint::new();
    h.write(settings);
    h.write(&[0]);
    h.write(&bytes);
    let fingerprint = format!("{:016x}", h.finish());
    if !options.force
        && !options.check
        && let Some(built) = old.briefs.get(rel)
        && built.fingerprint == fingerprint
        && up_to_date(built)
    {
        return skip(report, fingerprint, source);
    }
    let text = match crate::decode_source(bytes, &options.limits) {
        Ok(t) => t,
        Err(d) => {
            let bytes = crate::read_bytes(&path, &options.limits).unwrap_or_default();
            report.files = Files::new(path.display().to_string(), String::from_utf8_lossy(&bytes));
            report.diagnostics.push(d);
            return failed(report);
        }
    };
    let scope = ImportScope::for_file(&path, Some(options.import_root.as_deref().unwrap_or(src)));
    let checked = crate::check_source(
        &path.display().to_string(),
        text,
        Some(&scope),
        &options.limits,
    );
    let mut diagnostics = checked.diagnostics;
    if options.deny_warnings {
        diagnostics = diagnostics.into_iter().map(Diagnostic::denied).collect();
    }
    let model = checked.model;
    report.files = checked.files;
    report.diagnostics = diagnostics;
    let imports: Vec<(String, String)> = report
        .files
        .iter()
        .skip(1)
        .map(|(name, text)| (name.to_owned(), text_fingerprint(text)))
        .collect();
    let model = match model {
        Some(m) if !report.failed() => m,
        _ => return failed(report),
    };
    let view = crate::resolve::resolve(&model);
    let each: Vec<RenderOptions> = options
        .formats
        .iter()
        .map(|f| render_options(options, *f))
        .collect();
    let files: Vec<(String, String)> = match renderer.render_each(&view, &each) {
        Ok(texts) => options
            .formats
            .iter()
            .map(|f| output_name(rel, *f))
            .zip(texts)
            .collect(),
        Err(e) => {
            report.failure = Some(e.to_string());
            return failed(report);
        }
    };
    let mut files = files;
    if let Some(since) = since {
        match change_pages(src, rel, since, &model, renderer, options) {
            Ok(pages) => files.extend(pages),
            Err(e) => {
                report.failure = Some(e);
                return failed(report);
            }
        }
    }
    let entry = Entry {
        id: view.brief.id.clone(),
        title: view.brief.title.clone(),
        dateline: view.brief.dateline.clone(),
        published: view.brief.published.as_ref().map(|d| d.text.clone()),
        sort_date: model
            .brief
            .published
            .as_ref()
            .and_then(|d| d.value.as_ref())
            .and_then(|v| v.earliest())
            .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        key_point: view.key_points.first().map(|k| k.text.clone()),
        fictional: view.brief.fictional,
        actors: view
            .actors
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect(),
    };
    Outcome {
        report,
        files,
        entry: Some(entry),
        fingerprint,
        source,
        imports,
        skipped: false,
        written: Vec::new(),
        write_error: None,
    }
}

/// Every brief under `src`, as paths relative to it with `/` separators,
/// sorted.
fn find_briefs(src: &Path, out: &Path) -> Result<Vec<String>, BuildError> {
    let meta = std::fs::metadata(src)
        .map_err(|e| BuildError(format!("cannot read `{}`: {e}", src.display())))?;
    if !meta.is_dir() {
        return Err(BuildError(format!(
            "`{}` is not a directory of briefs",
            src.display()
        )));
    }
    let out = std::fs::canonicalize(out).ok();
    if out.is_some() && out == std::fs::canonicalize(src).ok() {
        return Err(BuildError(format!(
            "`{}` is both the source and the output directory\n  = help: write the briefings to another directory, e.g. `--out {}`",
            src.display(),
            Path::new("site").join("briefs").display()
        )));
    }
    let mut found = Vec::new();
    let mut stack = vec![(src.to_path_buf(), String::new())];
    // Directories already walked: a symbolic link back up the tree is
    // followed once, not forever.
    let mut seen = std::collections::HashSet::new();
    while let Some((dir, prefix)) = stack.pop() {
        if let Ok(real) = std::fs::canonicalize(&dir)
            && !seen.insert(real)
        {
            continue;
        }
        if out
            .as_ref()
            .is_some_and(|o| std::fs::canonicalize(&dir).is_ok_and(|d| &d == o))
        {
            continue;
        }
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| BuildError(format!("cannot read `{}`: {e}", dir.display())))?;
        for entry in entries {
            let entry =
                entry.map_err(|e| BuildError(format!("cannot read `{}`: {e}", dir.display())))?;
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if name.starts_with('.') || name.starts_with('_') {
                continue;
            }
            let path = entry.path();
            let rel = format!("{prefix}{name}");
            if path.is_dir() {
                stack.push((path, format!("{rel}/")));
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                found.push(rel);
            }
        }
    }
    found.sort();
    Ok(found)
}

fn output_name(rel: &str, format: Format) -> String {
    let stem = rel
        .strip_suffix(".yaml")
        .or_else(|| rel.strip_suffix(".yml"))
        .unwrap_or(rel);
    format!("{stem}.{}", format.extension())
}

/// A brief's outputs: its briefing in each format, then with `since` its
/// change page in each format.
fn output_names(rel: &str, options: &BuildOptions) -> Vec<String> {
    let formats = &options.formats;
    let mut names: Vec<String> = formats.iter().map(|f| output_name(rel, *f)).collect();
    if options.since.is_some() {
        names.extend(formats.iter().map(|f| change_page_name(rel, *f)));
    }
    names
}

/// `a/b.yaml` → `a/b.changes.md`.
fn change_page_name(rel: &str, format: Format) -> String {
    output_name(rel, format)
        .rsplit_once('.')
        .map(|(stem, ext)| format!("{stem}.changes.{ext}"))
        .unwrap_or_default()
}

/// The change pages of a brief against its version in the commit `commit`
/// (which the user named `rev`): what `brief diff git:REV:PATH PATH`
/// writes. A brief not in that commit is all new.
fn change_pages(
    src: &Path,
    rel: &str,
    (rev, commit): (&str, &str),
    new: &crate::Model,
    renderer: &Renderer,
    options: &BuildOptions,
) -> Result<Vec<(String, String)>, String> {
    let old_label = format!("{rev}:{rel}");
    let view = match crate::diff::git_show(src, commit, rel) {
        Ok(bytes) => {
            let text = crate::decode_source(bytes, &options.limits).map_err(|d| {
                format!(
                    "cannot write its change page: its version in `{rev}` cannot be read: {}",
                    d.message
                )
            })?;
            let root = options.import_root.as_deref().unwrap_or(src);
            let scope = ImportScope::for_file(&src.join(rel), Some(root));
            let checked = crate::check_source(&old_label, text, Some(&scope), &options.limits);
            let Some(old) = checked.model else {
                let n = checked.diagnostics.iter().filter(|d| d.is_error()).count();
                return Err(format!(
                    "cannot write its change page: its version in `{rev}` has {n} error{}; \
                     `brief diff git:{rev}:PATH PATH` shows {}",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "it" } else { "them" },
                ));
            };
            crate::diff::diff(&old, new, &old_label, rel)
        }
        Err(e) if e.is_missing_file() => {
            crate::diff::diff_new(new, &format!("(none in {rev})"), rel)
        }
        Err(e) => return Err(format!("cannot write its change page: {e}")),
    };
    let mut pages = Vec::new();
    for format in &options.formats {
        let opts = RenderOptions {
            format: *format,
            ..RenderOptions::default()
        };
        let text = renderer
            .render_diff(&view, &opts)
            .map_err(|e| format!("its change page: {e}"))?;
        pages.push((change_page_name(rel, *format), text));
    }
    Ok(pages)
}

/// A relative path made safe as a link: everything but unreserved
/// characters and `/` is percent-encoded.
fn link(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn index_view(entries: &[(String, Entry)], format: Format) -> IndexView {
    let mut order: Vec<&(String, Entry)> = entries.iter().collect();
    // Newest first; undated last; then by path.
    order.sort_by(|a, b| match (&a.1.sort_date, &b.1.sort_date) {
        (Some(x), Some(y)) => y.cmp(x).then(a.0.cmp(&b.0)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.0.cmp(&b.0),
    });
    let briefs: Vec<IndexBrief> = order
        .iter()
        .map(|(path, e)| IndexBrief {
            id: e.id.clone(),
            title: e.title.clone(),
            dateline: e.dateline.clone(),
            published: e.published.clone(),
            key_point: e.key_point.clone(),
            fictional: e.fictional,
            link: link(&output_name(path, format)),
        })
        .collect();
    let mut actors: BTreeMap<String, IndexActor> = BTreeMap::new();
    for ((_, e), b) in order.iter().zip(&briefs) {
        for (id, name) in &e.actors {
            let actor = actors.entry(id.clone()).or_insert_with(|| IndexActor {
                id: id.clone(),
                name: name.clone(),
                briefs: Vec::new(),
            });
            actor.briefs.push(IndexLink {
                title: b.title.clone(),
                link: b.link.clone(),
            });
        }
    }
    let mut actors: Vec<IndexActor> = actors.into_values().collect();
    actors.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    IndexView { briefs, actors }
}

/// `check`: how the output directory differs from `files`.
fn drift(out: &Path, files: &[(String, String)], manifest: &Manifest) -> Vec<Drift> {
    let mut found = Vec::new();
    for (name, text) in files {
        let path = out.join(name);
        match std::fs::read(&path) {
            Err(_) => found.push(Drift {
                path: PathBuf::from(name),
                kind: DriftKind::Missing,
                diff: String::new(),
            }),
            Ok(bytes) if bytes != text.as_bytes() => {
                let current = String::from_utf8_lossy(&bytes);
                found.push(Drift {
                    path: PathBuf::from(name),
                    kind: DriftKind::Stale,
                    diff: short_diff(name, &current, text),
                });
            }
            Ok(_) => {}
        }
    }
    // Extra: files in the output directory the build would not write
    // (hidden files and the build record aside).
    let expected = owned_outputs(files, manifest);
    let mut stack = vec![(out.to_path_buf(), String::new())];
    let mut extra = Vec::new();
    while let Some((dir, prefix)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            if entry.path().is_dir() {
                stack.push((entry.path(), format!("{rel}/")));
            } else if !expected.contains(rel.as_str()) {
                extra.push(rel);
            }
        }
    }
    extra.sort();
    found.extend(extra.into_iter().map(|rel| Drift {
        path: PathBuf::from(rel),
        kind: DriftKind::Extra,
        diff: String::new(),
    }));
    found
}

/// The output names a build owns: what it writes now, and what failed
/// briefs wrote before (kept until they build again).
fn owned_outputs<'a>(
    files: &'a [(String, String)],
    manifest: &'a Manifest,
) -> std::collections::HashSet<&'a str> {
    files
        .iter()
        .map(|(n, _)| n.as_str())
        .chain(
            manifest
                .briefs
                .values()
                .flat_map(|b| b.outputs.iter().map(String::as_str)),
        )
        .collect()
}

/// A unified diff of at most 40 lines.
fn short_diff(name: &str, current: &str, expected: &str) -> String {
    const MAX_LINES: usize = 40;
    let diff = similar::TextDiff::from_lines(current, expected);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("{name} (on disk)"),
            &format!("{name} (from the sources)"),
        )
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= MAX_LINES {
        return text;
    }
    let mut short = lines[..MAX_LINES].join("\n");
    short.push_str(&format!("\n... {} more lines\n", lines.len() - MAX_LINES));
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fingerprint(key: &str, e: &Entry) -> u64 {
        let mut h = Fingerprint::new();
        e.fingerprint_into(key, &mut h);
        h.finish()
    }

    #[test]
    fn every_field_the_index_shows_counts_in_its_fingerprint() {
        let base = Entry {
            id: "a".into(),
            title: "Talks".into(),
            dateline: Some("Riyadh".into()),
            published: Some("12 February 2025".into()),
            sort_date: Some("2025-02-12".into()),
            key_point: Some("They met.".into()),
            fictional: false,
            actors: vec![("us".into(), "United States".into())],
        };
        let mut seen = std::collections::HashSet::new();
        assert!(seen.insert(fingerprint("a.yaml", &base)));
        assert!(seen.insert(fingerprint("b.yaml", &base)));
        type Change = Box<dyn Fn(&mut Entry)>;
        let changes: Vec<Change> = vec![
            Box::new(|e| e.id = "b".into()),
            Box::new(|e| e.title = "Talk".into()),
            Box::new(|e| e.dateline = None),
            Box::new(|e| e.dateline = Some(String::new())),
            Box::new(|e| e.published = None),
            Box::new(|e| e.sort_date = Some("2025-02-13".into())),
            Box::new(|e| e.key_point = None),
            Box::new(|e| e.fictional = true),
            Box::new(|e| e.actors.clear()),
            Box::new(|e| e.actors[0].1 = "USA".into()),
            Box::new(|e| e.actors.push(("ru".into(), "Russia".into()))),
            // Text moved from one field to the next.
            Box::new(|e| {
                e.id = "aT".into();
                e.title = "alks".into();
            }),
        ];
        for (i, change) in changes.iter().enumerate() {
            let mut e = base.clone();
            change(&mut e);
            assert!(seen.insert(fingerprint("a.yaml", &e)), "change {i}");
        }
    }
}
