//! Template sets: the built-in templates and a user's template directory.
//!
//! A user directory is read once, up front, into memory; Tera never
//! touches the file system. So a template can include or extend only the
//! built-ins and the files of that directory, never an arbitrary path.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::dialect::{Dialect, Output};
use super::{Format, RenderError};
use crate::i18n::{Lang, UserMessages};

/// The built-in templates: name and content, in listing order.
pub const BUILTINS: &[(&str, &str)] = &[
    ("brief.md", include_str!("../../templates/brief.md")),
    ("brief.html", include_str!("../../templates/brief.html")),
    ("flash.md", include_str!("../../templates/flash.md")),
    ("flash.html", include_str!("../../templates/flash.html")),
    ("index.md", include_str!("../../templates/index.md")),
    ("index.html", include_str!("../../templates/index.html")),
    ("diff.md", include_str!("../../templates/diff.md")),
    ("diff.html", include_str!("../../templates/diff.html")),
    ("layout.html", include_str!("../../templates/layout.html")),
    (
        "fictional.html",
        include_str!("../../templates/fictional.html"),
    ),
    ("style.css", include_str!("../../templates/style.css")),
];

/// The built-in HTML templates that the HTML pages are built from rather
/// than pages themselves: the layout they extend and the banner they
/// include. Neither renders a briefing on its own.
pub const HTML_PIECES: &[&str] = &["layout.html", "fictional.html"];

/// The prefix under which the built-ins stay reachable when a user
/// directory replaces them: `{% extends "builtin/brief.html" %}`.
pub const BUILTIN_PREFIX: &str = "builtin/";

/// The most templates a directory may hold.
pub const MAX_TEMPLATES: usize = 1000;
/// The largest template file, in bytes.
pub const MAX_TEMPLATE_BYTES: u64 = 1 << 20;

/// File extensions read as templates; other files in the directory (images,
/// notes) are ignored.
const TEMPLATE_EXTENSIONS: &[&str] = &[
    "md", "markdown", "html", "htm", "css", "js", "svg", "txt", "tera", "ftl",
];

/// What a template renders, judged by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateKind {
    /// A Markdown page (`.md`, `.markdown`).
    Markdown,
    /// An HTML page (`.html`, `.htm`).
    Html,
    /// Anything else: a part included by pages (`style.css`).
    Part,
}

impl TemplateKind {
    /// The kind of a template from its name.
    pub fn of(name: &str) -> Self {
        match Format::from_path(Path::new(name)).map(Format::output) {
            Some(Output::Templates(Dialect::Markdown)) => TemplateKind::Markdown,
            Some(Output::Templates(Dialect::Html)) => TemplateKind::Html,
            // No template renders JSON: a `.json` file could only be included.
            Some(Output::Json) | None => TemplateKind::Part,
        }
    }

    /// The output format of a page; `None` for a part.
    pub fn format(self) -> Option<Format> {
        self.dialect().map(Dialect::format)
    }

    /// The dialect a page is written in; `None` for a part.
    pub(crate) fn dialect(self) -> Option<Dialect> {
        match self {
            TemplateKind::Markdown => Some(Dialect::Markdown),
            TemplateKind::Html => Some(Dialect::Html),
            TemplateKind::Part => None,
        }
    }

    /// `markdown`, `html` or `part`.
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateKind::Markdown => "markdown",
            TemplateKind::Html => "html",
            TemplateKind::Part => "part",
        }
    }
}

/// Where a template comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Origin {
    /// Built into `brief`.
    BuiltIn,
    /// A built-in name replaced by a file in the user's directory.
    Overridden(PathBuf),
    /// A file in the user's directory with a name of its own.
    User(PathBuf),
}

/// One template available for rendering or including.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateInfo {
    /// The name to pass to `--template`, `{% include %}` or `{% extends %}`.
    pub name: String,
    /// What it renders.
    pub kind: TemplateKind,
    /// Where it comes from.
    pub origin: Origin,
}

/// A template read from a user's directory.
#[derive(Debug, Clone)]
pub struct UserTemplate {
    /// Its name: the path relative to the directory, with `/` separators.
    pub name: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// Its content.
    pub source: String,
}

/// A user's template directory, read into memory.
#[derive(Debug, Clone, Default)]
pub struct TemplateDir {
    /// The directory as given.
    pub dir: PathBuf,
    /// Its templates, sorted by name.
    pub templates: Vec<UserTemplate>,
    /// Its messages: the Fluent files under `locales/<lang>/`, sorted by
    /// path. They add to or override the shipped ones.
    pub messages: Vec<UserMessages>,
}

impl TemplateDir {
    /// Reads every template under `dir`, recursively. Hidden files and
    /// directories are skipped, as are files whose extension is not a
    /// template's. A symbolic link may point only inside `dir`.
    pub fn read(dir: &Path) -> Result<Self, RenderError> {
        let root = std::fs::canonicalize(dir).map_err(|e| {
            RenderError::io(
                format!(
                    "cannot read the template directory `{}`: {e}",
                    dir.display()
                ),
                e,
            )
        })?;
        if !root.is_dir() {
            return Err(RenderError::files(format!(
                "the template directory `{}` is not a directory",
                dir.display()
            )));
        }
        let mut out = TemplateDir {
            dir: dir.to_path_buf(),
            templates: Vec::new(),
            messages: Vec::new(),
        };
        let mut visited = HashSet::new();
        visited.insert(root.clone());
        walk(&root, dir, "", &root, &mut visited, &mut out.templates)?;
        out.templates.sort_by(|a, b| a.name.cmp(&b.name));
        // Fluent files are read by the same walk, with its limits, and
        // taken out here: they are messages, not templates.
        let (messages, templates): (Vec<_>, Vec<_>) = std::mem::take(&mut out.templates)
            .into_iter()
            .partition(|t| t.name.ends_with(".ftl"));
        out.templates = templates;
        for m in messages {
            out.messages.push(user_messages(m)?);
        }
        Ok(out)
    }

    /// The template of that name, if the directory has one.
    pub fn get(&self, name: &str) -> Option<&UserTemplate> {
        self.templates
            .binary_search_by(|t| t.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.templates[i])
    }
}

/// A Fluent file of a template directory, which must sit in
/// `locales/<lang>/` for one of the languages `brief` writes.
fn user_messages(file: UserTemplate) -> Result<UserMessages, RenderError> {
    let lang = match file.name.split('/').collect::<Vec<_>>()[..] {
        ["locales", lang, _] => lang.parse::<Lang>().ok(),
        _ => None,
    };
    let Some(lang) = lang else {
        return Err(RenderError::files(format!(
            "`{}`: a message file belongs in `locales/<lang>/`, with <lang> one of en, fr, de, ru, uk",
            file.path.display()
        )));
    };
    Ok(UserMessages {
        lang,
        path: file.path.display().to_string(),
        text: file.source,
    })
}

fn walk(
    real: &Path,
    shown: &Path,
    prefix: &str,
    root: &Path,
    visited: &mut HashSet<PathBuf>,
    out: &mut Vec<UserTemplate>,
) -> Result<(), RenderError> {
    let io = |path: &Path, e: std::io::Error| {
        RenderError::io(format!("cannot read `{}`: {e}", path.display()), e)
    };
    let mut entries = std::fs::read_dir(real)
        .map_err(|e| io(shown, e))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| io(shown, e))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let file_name = entry.file_name();
        let shown_path = shown.join(&file_name);
        let Some(file_name) = file_name.to_str() else {
            return Err(RenderError::files(format!(
                "the template file name `{}` is not valid UTF-8",
                shown_path.display()
            )));
        };
        if file_name.starts_with('.') {
            continue;
        }
        let name = format!("{prefix}{file_name}");
        let target = std::fs::canonicalize(entry.path()).map_err(|e| io(&shown_path, e))?;
        if !target.starts_with(root) {
            return Err(RenderError::files(format!(
                "`{}` links outside the template directory; templates may only come from the directory itself",
                shown_path.display()
            )));
        }
        let meta = std::fs::metadata(&target).map_err(|e| io(&shown_path, e))?;
        if meta.is_dir() {
            if name.starts_with(BUILTIN_PREFIX) || name == BUILTIN_PREFIX.trim_end_matches('/') {
                return Err(RenderError::files(format!(
                    "`{}`: the name `builtin` is reserved for the built-in templates; rename the directory",
                    shown_path.display()
                )));
            }
            if visited.insert(target.clone()) {
                walk(
                    &target,
                    &shown_path,
                    &format!("{name}/"),
                    root,
                    visited,
                    out,
                )?;
            }
            continue;
        }
        let known = Path::new(file_name)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEMPLATE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if !known {
            continue;
        }
        if out.len() >= MAX_TEMPLATES {
            return Err(RenderError::files(format!(
                "the template directory `{}` holds more than {MAX_TEMPLATES} templates",
                root.display()
            )));
        }
        // Opening a FIFO would wait for a writer, and a device never ends.
        if !meta.is_file() {
            return Err(RenderError::files(format!(
                "the template `{}` is {}, not a regular file; a template must be a file",
                shown_path.display(),
                crate::output::describe(&meta)
            )));
        }
        let too_large = || {
            RenderError::files(format!(
                "the template `{}` is larger than the limit of {MAX_TEMPLATE_BYTES} bytes",
                shown_path.display()
            ))
        };
        if meta.len() > MAX_TEMPLATE_BYTES {
            return Err(too_large());
        }
        let file = crate::disk::open_regular(&target).map_err(|e| io(&shown_path, e))?;
        let bytes = match crate::disk::read_limited(file, MAX_TEMPLATE_BYTES as usize)
            .map_err(|e| io(&shown_path, e))?
        {
            crate::disk::Limited::Within(bytes) => bytes,
            crate::disk::Limited::Over => return Err(too_large()),
        };
        let source = String::from_utf8(bytes).map_err(|_| {
            RenderError::files(format!(
                "the template `{}` is not valid UTF-8",
                shown_path.display()
            ))
        })?;
        out.push(UserTemplate {
            name,
            path: shown_path,
            source,
        });
    }
    Ok(())
}

/// Writes the built-in templates into `dir` (created if missing) as
/// editable files. Refuses, writing nothing, when any of them exists,
/// unless `force`; and always when one is anything but a regular file (a
/// symbolic link, even one leading nowhere, a FIFO, a directory), so that
/// nothing is ever written outside `dir` or through a link. Each template
/// is written whole or not at all (a full disk leaves no half template).
/// Returns the paths written.
pub fn export_builtins(dir: &Path, force: bool) -> Result<Vec<PathBuf>, RenderError> {
    let paths: Vec<PathBuf> = BUILTINS.iter().map(|(name, _)| dir.join(name)).collect();
    let mut existing = Vec::new();
    for path in &paths {
        match path.symlink_metadata() {
            Err(_) => {}
            Ok(meta) if meta.is_file() => existing.push(format!("`{}`", path.display())),
            Ok(meta) => {
                return Err(RenderError::files(format!(
                    "`{}` is {}; nothing was written\n  = help: templates are written only as new files or over files; remove it first",
                    path.display(),
                    crate::output::describe(&meta)
                )));
            }
        }
    }
    if !force && !existing.is_empty() {
        return Err(RenderError::files(format!(
            "{} already exist{}; nothing was written\n  = help: pass --force to overwrite",
            existing.join(", "),
            if existing.len() == 1 { "s" } else { "" }
        )));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| RenderError::io(format!("cannot create `{}`: {e}", dir.display()), e))?;
    for (path, (_, source)) in paths.iter().zip(BUILTINS) {
        // Renamed into place: a link put there since the check above is
        // replaced, never written through.
        let written = if force {
            crate::output::replace_file(path, source.as_bytes(), true)
        } else {
            crate::output::create_file(path, source.as_bytes())
        };
        written.map_err(|e| {
            let message = format!(
                "cannot write `{}`: {}",
                path.display(),
                crate::output::without_temp_name(&e)
            );
            RenderError::io(message, e)
        })?;
    }
    Ok(paths)
}

/// The names of the `{% block NAME %}` tags of a template, in the order
/// they appear, outside comments and `{% raw %}` sections.
pub(super) fn block_names(source: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = source;
    let mut raw = false;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        if after.starts_with('#') && !raw {
            match after.find("#}") {
                Some(end) => rest = &after[end + 2..],
                None => break,
            }
            continue;
        }
        if !after.starts_with('%') {
            rest = after;
            continue;
        }
        let Some(end) = after.find("%}") else {
            break;
        };
        let tag = after[1..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        rest = &after[end + 2..];
        let word = tag.split_whitespace().next().unwrap_or("");
        match word {
            "raw" => raw = true,
            "endraw" => raw = false,
            "block" if !raw => {
                let name = tag["block".len()..].trim_start();
                let len = name
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(name.len());
                if len > 0 {
                    names.push(&name[..len]);
                }
            }
            _ => {}
        }
    }
    names
}

/// The template a top-level `{% extends "..." %}` names, with the byte
/// offset of the name, if the template extends another.
pub(super) fn extends_target(source: &str) -> Option<(&str, usize)> {
    let mut rest = source;
    let mut base = 0;
    loop {
        let start = rest.find("{%")?;
        // Only a comment opened before the tag can hide it.
        let comment = rest[..start].find("{#");
        if let Some(c) = comment {
            let end = rest[c..].find("#}")? + c + 2;
            base += end;
            rest = &rest[end..];
            continue;
        }
        let tag = &rest[start + 2..];
        let tag_start = base + start + 2;
        let trimmed = tag.trim_start_matches('-').trim_start();
        let skipped = tag.len() - trimmed.len();
        let after = trimmed.strip_prefix("extends")?;
        let quoted = after.trim_start();
        let quote = quoted.chars().next()?;
        if quote != '"' && quote != '\'' && quote != '`' {
            return None;
        }
        let name = &quoted[1..];
        let end = name.find(quote)?;
        let offset = tag_start + skipped + "extends".len() + (after.len() - quoted.len()) + 1;
        return Some((&name[..end], offset));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_parent_template() {
        let src = "{# a comment {% extends \"no\" %} #}\n{%- extends \"builtin/brief.md\" %}";
        let (name, offset) = extends_target(src).unwrap();
        assert_eq!(name, "builtin/brief.md");
        assert_eq!(&src[offset..offset + name.len()], name);
        assert_eq!(extends_target("{% block x %}{% endblock %}"), None);
        assert_eq!(extends_target("no tags"), None);
    }

    #[test]
    fn lists_the_blocks() {
        let src = "{# {% block commented %} #}{% block a %}x{%- block b_2 -%}{% endblock %}\
                   {% endblock a %}{% raw %}{% block raw %}{% endraw %}{%block c%}{% endblock %}";
        assert_eq!(block_names(src), ["a", "b_2", "c"]);
        let builtin = BUILTINS[0].1;
        let names = block_names(builtin);
        assert_eq!(names.first(), Some(&"header"));
        assert!(names.contains(&"territory") && names.contains(&"footer"));
    }

    #[test]
    fn kinds_follow_the_extension() {
        assert_eq!(TemplateKind::of("flash.md"), TemplateKind::Markdown);
        assert_eq!(TemplateKind::of("a/b.HTML"), TemplateKind::Html);
        assert_eq!(TemplateKind::of("style.css"), TemplateKind::Part);
    }
}
