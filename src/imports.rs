//! Imports, part of the load stage: a brief's `imports:` names shared files
//! (registries) of actors, sources, places and issues, defined once for
//! many briefs. Each is read under the same [`Limits`] as a brief and its
//! items are appended to the brief's own lists, so that their ids resolve
//! like local ones; [`crate::validate`] then reports an id defined twice
//! (pointing at both files) and keeps only the imported items the brief
//! refers to.
//!
//! Paths are relative to the file that names them and must lead to a file
//! inside the scope's root, symbolic links included: a brief cannot make
//! `brief` read anything outside the directory it was given. A file
//! imported twice (directly, or through two others) is read once.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, closest};
use crate::format::Registry;
use crate::load::{self, Limits, Loaded};
use crate::pos::{Files, Located};

/// Most files one brief may import, directly or not.
pub const MAX_IMPORTS: usize = 1000;

/// Where a brief's imports are looked for.
#[derive(Debug, Clone)]
pub struct ImportScope {
    /// The brief itself, when it is a file (an import of it is refused).
    brief: Option<PathBuf>,
    /// The directory the brief's own `imports:` are relative to.
    dir: PathBuf,
    /// No import may be read from outside this directory.
    root: PathBuf,
}

impl ImportScope {
    /// For a brief read from `path`: imports are relative to the brief's
    /// directory, and must stay inside `root` when given. By default they
    /// must stay inside the brief's repository (the nearest directory above
    /// it holding `.git`); outside a repository, inside the brief's own
    /// directory, wherever the command is run from.
    pub fn for_file(path: &Path, root: Option<&Path>) -> Self {
        let brief = std::fs::canonicalize(path).ok();
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let root = match root {
            Some(r) => r.to_path_buf(),
            None => default_root(&dir),
        };
        Self { brief, dir, root }
    }

    /// For a brief read from standard input: imports are relative to the
    /// current directory, and must stay inside `root` when given, else
    /// inside the current directory's repository, else inside the current
    /// directory.
    pub fn for_stdin(root: Option<&Path>) -> Self {
        let dir = PathBuf::from(".");
        let root = match root {
            Some(r) => r.to_path_buf(),
            None => default_root(&dir),
        };
        Self {
            brief: None,
            dir,
            root,
        }
    }

    /// The directory imports must stay inside.
    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// The default import root of a brief in `dir` (or, for standard input,
/// of the current directory): its repository, else `dir` itself. Never
/// the current directory for a brief elsewhere: `brief check
/// Downloads/story.yaml` run from a home directory must not read the rest
/// of it.
fn default_root(dir: &Path) -> PathBuf {
    if let Ok(start) = std::fs::canonicalize(dir) {
        let repository = start.ancestors().find(|d| d.join(".git").exists());
        if let Some(r) = repository {
            return r.to_path_buf();
        }
    }
    dir.to_path_buf()
}

/// Loads a brief named `name` (its path as shown in diagnostics) and
/// every file it imports. Without a scope (a brief given as text), a brief
/// that imports anything gets an error for each import.
pub fn load_brief(
    name: &str,
    text: String,
    scope: Option<&ImportScope>,
    limits: &Limits,
) -> (Loaded, Files) {
    let mut files = Files::new(name, text);
    let mut loaded = load::load(files.text(0), limits);
    let Some(brief) = loaded.brief.as_mut() else {
        return (loaded, files);
    };
    if brief.imports.is_empty() {
        return (loaded, files);
    }
    let Some(scope) = scope else {
        for import in &brief.imports {
            loaded.diagnostics.push(
                Diagnostic::error(
                    "import-not-found",
                    import.pos,
                    format!(
                        "cannot import `{}` into a brief given as text",
                        import.value
                    ),
                )
                .with_label("no file to be relative to")
                .with_help("load the brief from its file so its imports can be found"),
            );
        }
        return (loaded, files);
    };
    let Ok(root) = std::fs::canonicalize(&scope.root) else {
        let pos = brief.imports[0].pos;
        loaded.diagnostics.push(Diagnostic::error(
            "import-not-found",
            pos,
            format!("cannot read the import root `{}`", scope.root.display()),
        ));
        return (loaded, files);
    };
    let mut seen: HashMap<PathBuf, u32> = HashMap::new();
    // Depth first, in the order written: (import, directory it is relative
    // to, name of the directory as shown).
    let shown_dir = |name: &str| {
        Path::new(name)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    };
    let mut stack: Vec<(Located<String>, PathBuf, PathBuf)> = brief
        .imports
        .iter()
        .rev()
        .map(|i| (i.clone(), scope.dir.clone(), shown_dir(name)))
        .collect();
    let mut diagnostics = Vec::new();
    while let Some((import, dir, shown)) = stack.pop() {
        let target = match find(&import, &dir, &root, scope) {
            Ok(path) => path,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        if seen.contains_key(&target) {
            continue;
        }
        if seen.len() >= MAX_IMPORTS {
            diagnostics.push(
                Diagnostic::error(
                    "limit-exceeded",
                    import.pos,
                    format!("the brief imports more than {MAX_IMPORTS} files"),
                )
                .with_label("one import too many"),
            );
            break;
        }
        let shown_name = shown_as(&shown.join(&import.value), &target);
        let text = match crate::disk::read_regular_source(&target, limits) {
            Ok(text) => text,
            Err(crate::disk::ReadError::Io(e)) => {
                diagnostics.push(not_found(&import, &e.to_string()));
                continue;
            }
            Err(crate::disk::ReadError::Invalid(mut d, quoted)) => {
                d.pos.file = files.add(shown_name, quoted);
                seen.insert(target, d.pos.file);
                diagnostics.push(*d);
                continue;
            }
        };
        let file = files.add(&shown_name, text);
        seen.insert(target.clone(), file);
        let (registry, broken, mut found) =
            load::load_as::<Registry>(files.text(file), limits, file);
        diagnostics.append(&mut found);
        loaded.broken_ids.extend(broken);
        let Some(registry) = registry else {
            continue;
        };
        let Registry {
            imports,
            sources,
            actors,
            places,
            issues,
        } = registry;
        brief.sources.0.extend(sources.0);
        brief.actors.0.extend(actors.0);
        brief.places.0.extend(places.0);
        brief.issues.0.extend(issues.0);
        let next_dir = target.parent().map(Path::to_path_buf).unwrap_or_default();
        let next_shown = shown_dir(&shown_name);
        for i in imports.into_iter().rev() {
            stack.push((i, next_dir.clone(), next_shown.clone()));
        }
    }
    loaded.diagnostics.append(&mut diagnostics);
    loaded.diagnostics.sort_by_key(|d| d.pos);
    (loaded, files)
}

/// The file an import names, checked to be inside the root and not the
/// brief itself.
fn find(
    import: &Located<String>,
    dir: &Path,
    root: &Path,
    scope: &ImportScope,
) -> Result<PathBuf, Diagnostic> {
    let path = Path::new(&import.value);
    if import.value.trim().is_empty() {
        return Err(not_found(import, "the path is empty"));
    }
    if path.is_absolute() || path.has_root() {
        return Err(Diagnostic::error(
            "import-outside-root",
            import.pos,
            format!("`{}` is an absolute path", import.value),
        )
        .with_label("not relative")
        .with_help("write the path relative to the file that imports it"));
    }
    let target = std::fs::canonicalize(dir.join(path)).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            missing(import, dir)
        } else {
            not_found(import, &e.to_string())
        }
    })?;
    if !target.starts_with(root) {
        return Err(Diagnostic::error(
            "import-outside-root",
            import.pos,
            format!(
                "`{}` is outside `{}`, the directory imports must stay in",
                import.value,
                root_shown(&scope.root)
            ),
        )
        .with_label("outside the import root")
        .with_help(
            "move the shared file inside that directory, or widen the import root (`--import-root`)",
        ));
    }
    if !target.is_file() {
        return Err(not_found(import, "it is not a file"));
    }
    if scope.brief.as_ref() == Some(&target) {
        return Err(Diagnostic::error(
            "import-cycle",
            import.pos,
            format!("`{}` is the brief itself", import.value),
        )
        .with_label("imports the brief")
        .with_help("import only shared files of actors, sources, places and issues"));
    }
    Ok(target)
}

/// The file a source's `text:` names, read: relative to the directory of
/// the file the source is written in (`dir`) and inside the scope's
/// root, like an import. Returns the file's name as shown and its text.
pub(crate) fn read_text(
    path: &Located<String>,
    dir: &Path,
    scope: &ImportScope,
    limits: &Limits,
) -> Result<(String, String), Diagnostic> {
    let cannot = |why: &str| {
        Diagnostic::error(
            "text-not-found",
            path.pos,
            format!("cannot read the text `{}`: {why}", path.value),
        )
        .with_label("cannot be read")
        .with_help("the path is relative to the file the source is written in")
    };
    let written = Path::new(&path.value);
    if path.value.trim().is_empty() {
        return Err(cannot("the path is empty"));
    }
    if written.is_absolute() || written.has_root() {
        return Err(Diagnostic::error(
            "text-outside-root",
            path.pos,
            format!("`{}` is an absolute path", path.value),
        )
        .with_label("not relative")
        .with_help("write the path relative to the file the source is written in"));
    }
    let root = std::fs::canonicalize(&scope.root).map_err(|e| cannot(&e.to_string()))?;
    let target = std::fs::canonicalize(dir.join(written)).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            cannot("no such file")
        } else {
            cannot(&e.to_string())
        }
    })?;
    if !target.starts_with(&root) {
        return Err(Diagnostic::error(
            "text-outside-root",
            path.pos,
            format!(
                "`{}` is outside `{}`, the directory a brief's files must stay in",
                path.value,
                root_shown(&scope.root)
            ),
        )
        .with_label("outside the import root")
        .with_help(
            "move the text inside that directory, or widen the import root (`--import-root`)",
        ));
    }
    if !target.is_file() {
        return Err(cannot("it is not a file"));
    }
    let shown = shown_as(&dir.join(written), &target);
    match crate::disk::read_regular_source(&target, limits) {
        Ok(text) => Ok((shown, text)),
        Err(crate::disk::ReadError::Io(e)) => Err(cannot(&e.to_string())),
        Err(crate::disk::ReadError::Invalid(d, _)) => {
            let where_ = if d.pos.is_known() {
                format!(" at line {}, column {}", d.pos.line, d.pos.column)
            } else {
                String::new()
            };
            Err(cannot(&format!("{}{where_}", d.message)))
        }
    }
}

/// The directory a file of the brief is relative to: the brief's own for
/// the brief (file 0), else the directory of the imported file.
pub(crate) fn dir_of(files: &Files, file: u32, scope: &ImportScope) -> PathBuf {
    if file == 0 {
        return scope.dir.clone();
    }
    match Path::new(files.name(file)).parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn not_found(import: &Located<String>, why: &str) -> Diagnostic {
    Diagnostic::error(
        "import-not-found",
        import.pos,
        format!("cannot import `{}`: {why}", import.value),
    )
    .with_label("cannot be read")
    .with_help("paths are relative to the file that imports them")
}

/// A file that does not exist, with a did-you-mean among the files beside
/// where it was looked for.
fn missing(import: &Located<String>, dir: &Path) -> Diagnostic {
    let d = Diagnostic::error(
        "import-not-found",
        import.pos,
        format!("cannot import `{}`: no such file", import.value),
    )
    .with_label("not found");
    let wanted = Path::new(&import.value);
    let (Some(parent), Some(name)) = (wanted.parent(), wanted.file_name()) else {
        return d.with_help("paths are relative to the file that imports them");
    };
    let siblings: Vec<String> = std::fs::read_dir(dir.join(parent))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    match closest(&name.to_string_lossy(), siblings.iter().map(String::as_str)) {
        Some(close) => {
            let suggestion = parent.join(close);
            d.with_help(format!(
                "did you mean `{}`?",
                suggestion.to_string_lossy().replace('\\', "/")
            ))
        }
        None => d.with_help("paths are relative to the file that imports them"),
    }
}

/// How the imported file `target` (a canonical path) is named in
/// diagnostics and build records: as written, tidied (`a/./b/../c` →
/// `a/c`), when that names the file read; else (a `..` after a symbolic
/// link, which the file system takes from the link's real parent) by
/// its real path, relative to the current directory when inside it.
fn shown_as(written: &Path, target: &Path) -> String {
    let tidy = normalize(written);
    if std::fs::canonicalize(&tidy).is_ok_and(|real| real == target) {
        return tidy;
    }
    let cwd = std::fs::canonicalize(".").unwrap_or_default();
    match target.strip_prefix(&cwd) {
        Ok(inside) if !inside.as_os_str().is_empty() => inside.display().to_string(),
        _ => target.display().to_string(),
    }
}

/// The import root as diagnostics show it: relative to the working
/// directory when inside it (so messages do not depend on where a
/// checkout lives), else absolute.
fn root_shown(root: &Path) -> String {
    let cwd = std::fs::canonicalize(".").unwrap_or_default();
    let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    match real.strip_prefix(&cwd) {
        Ok(inside) if inside.as_os_str().is_empty() => ".".to_owned(),
        Ok(inside) => inside.display().to_string(),
        Err(_) => root.display().to_string(),
    }
}

/// `a/./b/../c` → `a/c`, without touching the file system: a path as
/// shown in diagnostics.
fn normalize(path: &Path) -> String {
    let mut parts: Vec<Component> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(parts.last(), Some(Component::Normal(_))) => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    let joined: PathBuf = parts.iter().collect();
    joined.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_paths_are_normalized() {
        assert_eq!(
            normalize(Path::new("briefs/2025/../_shared/a.yaml")),
            "briefs/_shared/a.yaml"
        );
        assert_eq!(normalize(Path::new("./a.yaml")), "a.yaml");
        assert_eq!(normalize(Path::new("../a.yaml")), "../a.yaml");
        assert_eq!(normalize(Path::new("a/../../b.yaml")), "../b.yaml");
    }

    #[test]
    fn a_brief_given_as_text_cannot_import() {
        let (loaded, _) = load_brief(
            "<text>",
            "id: x\ntitle: X\nimports: [shared.yaml]\n".into(),
            None,
            &Limits::default(),
        );
        assert_eq!(loaded.diagnostics.len(), 1);
        assert_eq!(loaded.diagnostics[0].code, "import-not-found");
        assert_eq!(loaded.diagnostics[0].pos.line, 3);
    }
}
