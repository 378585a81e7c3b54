//! What stops a whole build ([`BuildError`]) and what stops one brief
//! ([`BriefFailure`]); their messages are what the user reads.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::site::Site;
use crate::diagnostic::Diagnostic;
use crate::diff::GitError;
use crate::render::{Format, FrontMatter, RenderError};

/// A problem that stops the whole build.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// The options name no format.
    #[error("no output format was asked for")]
    NoFormat,
    /// A format `brief build` does not write.
    #[error("`brief build` writes Markdown and HTML, not {}", .0.extension())]
    Unsupported(Format),
    /// A site is written in Markdown only: the generator makes the HTML.
    #[error(
        "`--site {}` writes Markdown pages only; {} turns them into HTML\n  = help: leave out `--format`, or build the other formats into another directory",
        .0.name(),
        .0.title()
    )]
    SiteFormat(Site),
    /// The generator does not read front matter in this language.
    #[error(
        "{} does not read {} front matter\n  = help: leave out `--front-matter`: `--site {}` writes {} by default",
        .0.title(),
        .1.name(),
        .0.name(),
        .0.default_front_matter().name()
    )]
    SiteFrontMatter(Site, FrontMatter),
    /// A template is missing or does not compile.
    #[error(transparent)]
    Template(RenderError),
    /// The index pages could not be rendered.
    #[error("the index page: {0}")]
    Index(#[source] RenderError),
    /// The revision of `since` could not be found.
    #[error(transparent)]
    Git(GitError),
    /// The source is a file, not a directory.
    #[error("`{}` is not a directory of briefs", .0.display())]
    NotADirectory(PathBuf),
    /// The source and output directories are the same.
    #[error(
        "`{}` is both the source and the output directory\n  = help: write the briefings to another directory, e.g. `--out {}`",
        .0.display(),
        Path::new("site").join("briefs").display()
    )]
    SourceIsOutput(PathBuf),
    /// A file or directory could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Read {
        /// What was read.
        path: PathBuf,
        /// Why it failed.
        source: io::Error,
    },
    /// A directory could not be made.
    #[error("cannot create `{}`: {source}", path.display())]
    Create {
        /// The directory.
        path: PathBuf,
        /// Why it failed.
        source: io::Error,
    },
    /// A file could not be written.
    #[error("cannot write `{}`: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why it failed.
        source: io::Error,
    },
    /// An output's place in OUT holds something other than a regular file
    /// (a symbolic link, a FIFO, a device, a directory), which a build
    /// neither reads nor replaces.
    #[error(
        "`{}` is {what}, not a regular file; a build writes only regular files in the output directory\n  = help: remove it, then build again",
        path.display()
    )]
    NotAFile {
        /// The output.
        path: PathBuf,
        /// What it is, with its article.
        what: &'static str,
    },
    /// Writing there would follow a symbolic link out of OUT.
    #[error(
        "`{}` leads outside the output directory through a symbolic link; nothing is written there",
        .0.display()
    )]
    OutsideOutput(PathBuf),
    /// The build record could not be encoded.
    #[error("cannot write the build record: {0}")]
    Record(#[source] serde_json::Error),
}

/// Why one brief could not be built (besides the diagnostics about its
/// content); the rest of the build goes on.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum BriefFailure {
    /// Its file could not be read.
    #[error("cannot read it: {0}")]
    Unreadable(#[source] Arc<io::Error>),
    /// A template failed on it.
    #[error(transparent)]
    Render(RenderError),
    /// One of its outputs has the name of another brief's or of an index
    /// page.
    #[error("its output `{name}` would overwrite that of {with}; rename one")]
    Clash {
        /// The output's name, relative to OUT.
        name: String,
        /// Whose output it is already.
        with: Owner,
    },
    /// Its version in the `since` revision is not text a brief can be.
    #[error("cannot write its change page: its version in `{rev}` cannot be read: {}", .diagnostic.message)]
    OldUnreadable {
        /// The revision, as the user named it.
        rev: String,
        /// Why it cannot be read.
        diagnostic: Box<Diagnostic>,
    },
    /// Its version in the `since` revision has errors.
    #[error(
        "cannot write its change page: its version in `{rev}` has {errors} error{}; `brief diff git:{rev}:PATH PATH` shows {}",
        plural(*.errors, "", "s"),
        plural(*.errors, "it", "them")
    )]
    OldInvalid {
        /// The revision, as the user named it.
        rev: String,
        /// How many errors it has.
        errors: usize,
    },
    /// Git could not show its version in the `since` revision.
    #[error("cannot write its change page: {0}")]
    Git(#[source] GitError),
    /// A template failed on its change page.
    #[error("its change page: {0}")]
    ChangePage(#[source] RenderError),
}

/// Who already writes an output name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// An index page.
    Index,
    /// The pages of a site's section: its own page, a Hugo bundle's
    /// `index.md`, and everything under `tags`.
    SitePages,
    /// The brief at this path, relative to the source directory.
    Brief(String),
}

impl std::fmt::Display for Owner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Owner::Index => f.write_str("the index page"),
            Owner::SitePages => f.write_str("the site's section and tag pages"),
            Owner::Brief(path) => write!(f, "`{path}`"),
        }
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
