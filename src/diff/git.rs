//! Reading a brief as it was in a git revision: `git:REV:PATH`.
//!
//! `git` is run as a program (it must be on `PATH`); nothing here links
//! to a git library. The path is relative to the directory git runs in,
//! like git's own `REV:./PATH`, so the same path names the file on disk
//! and in the revision.

use std::fmt;
use std::path::{Component, Path};
use std::process::Command;

/// Why a version could not be read from git.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitError {
    message: String,
    missing: bool,
}

impl GitError {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            missing: false,
        }
    }

    /// Whether the revision exists but has no such file: the brief is
    /// newer than the revision.
    pub fn is_missing_file(&self) -> bool {
        self.missing
    }
}

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for GitError {}

/// Splits `git:REV:PATH` into the revision and the path; `None` when
/// `spec` does not start with `git:`. The revision ends at the first `:`
/// after `git:`.
///
/// ```
/// assert_eq!(
///     brief::diff::parse_git_spec("git:HEAD~1:briefs/story.yaml"),
///     Some(Ok(("HEAD~1", "briefs/story.yaml")))
/// );
/// assert!(brief::diff::parse_git_spec("git:HEAD").unwrap().is_err());
/// assert_eq!(brief::diff::parse_git_spec("story.yaml"), None);
/// ```
pub fn parse_git_spec(spec: &str) -> Option<Result<(&str, &str), GitError>> {
    let rest = spec.strip_prefix("git:")?;
    Some(match rest.split_once(':') {
        Some((rev, path)) if !rev.is_empty() && !path.is_empty() => Ok((rev, path)),
        _ => Err(GitError::new(format!(
            "`{spec}` is not a version in git: write `git:REV:PATH`, such as `git:HEAD:story.yaml`"
        ))),
    })
}

/// Runs git in `dir`; `what` names what is being read, for messages.
fn run(dir: &Path, args: &[&str], what: &str) -> Result<std::process::Output, GitError> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                GitError::new(format!(
                    "cannot read `{what}`: git is not installed, or not on PATH\n  = help: a `git:REV:PATH` version is read with git; install it, or give a file"
                ))
            } else {
                GitError::new(format!("cannot run git to read `{what}`: {e}"))
            }
        })
}

/// The commit `rev` names, as a full hash, with git run in `dir`.
pub fn resolve_commit(dir: &Path, rev: &str) -> Result<String, GitError> {
    resolve(dir, rev, rev)
}

fn resolve(dir: &Path, rev: &str, what: &str) -> Result<String, GitError> {
    if rev.starts_with('-') {
        return Err(GitError::new(format!("`{rev}` is not a git revision")));
    }
    let commit = format!("{rev}^{{commit}}");
    let out = run(dir, &["rev-parse", "--verify", "--quiet", &commit], what)?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        if stderr.contains("not a git repository") {
            let shown = if dir.as_os_str().is_empty() || dir == Path::new(".") {
                "the current directory".to_owned()
            } else {
                format!("`{}`", dir.display())
            };
            return Err(GitError::new(format!(
                "cannot read `{what}`: {shown} is not in a git repository"
            )));
        }
        return Err(GitError::new(format!(
            "cannot read `{what}`: `{rev}` is not a revision of this repository{}",
            git_note(&stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The bytes of `path` as it is in the revision `rev`, with git run in
/// `dir`. `path` is relative to `dir` (it need not exist there any more).
/// A file larger than `max_bytes` is refused before git prints it.
pub fn git_show(dir: &Path, rev: &str, path: &str, max_bytes: usize) -> Result<Vec<u8>, GitError> {
    let what = format!("{rev}:{path}");
    let commit = resolve(dir, rev, &what)?;
    let relative = Path::new(path);
    if relative.is_absolute()
        || relative
            .components()
            .any(|c| matches!(c, Component::Prefix(_)))
    {
        return Err(GitError::new(format!(
            "`{path}` must be relative to the current directory in `git:{rev}:{path}`"
        )));
    }
    // The path as written: on Unix a backslash is part of a file's name,
    // and git takes `/` wherever it is the separator.
    let object = format!("{commit}:./{path}");
    // Git's objects do not change: the size it gives is what it prints.
    let size = run(dir, &["cat-file", "-s", &object], &what)?;
    if let Ok(size) = String::from_utf8_lossy(&size.stdout).trim().parse::<u64>()
        && size > max_bytes as u64
    {
        return Err(GitError::new(format!(
            "cannot read `{what}`: it is {size} bytes, larger than the limit of {max_bytes} bytes"
        )));
    }
    let out = run(dir, &["cat-file", "blob", &object], &what)?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(GitError {
            missing: true,
            ..GitError::new(format!(
                "cannot read `{what}`: there is no file `{path}` in `{rev}`{}",
                git_note(&stderr).replace(&commit, rev)
            ))
        });
    }
    Ok(out.stdout)
}

/// Git's own message, as a note.
fn git_note(stderr: &str) -> String {
    let message = stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| l.strip_prefix("fatal: ").unwrap_or(l));
    match message {
        Some(m) => format!("\n  = note: git says: {m}"),
        None => String::new(),
    }
}
