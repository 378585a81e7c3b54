//! The package's own files (briefs, fixtures) and scratch directories.

use std::fs;
use std::path::{Path, PathBuf};

/// The seed brief, relative to the package root.
pub const SEED: &str = "briefs/us-russia-talks.yaml";

/// The package root, where `briefs/` and `tests/fixtures/` live.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The text of the seed brief.
pub fn seed() -> String {
    fs::read_to_string(root().join(SEED)).expect("the seed brief is readable")
}

/// Every regular file of a folder of the package (not below it), sorted.
pub fn files_in(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Every `.yaml` file of a folder of the package, sorted.
pub fn yaml_files(dir: &str) -> Vec<PathBuf> {
    let mut files = files_in(dir);
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    files
}

/// Every brief shipped in `briefs/`, sorted by name.
pub fn shipped_briefs() -> Vec<PathBuf> {
    yaml_files("briefs")
}

/// A new temporary directory, removed when dropped.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// A path as an argument for the binary; temporary paths are UTF-8.
pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// Writes `text` to `path`, making its folders first.
pub fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().expect("a file in a folder")).unwrap();
    fs::write(path, text).unwrap();
}

/// The names of the entries of a directory, sorted.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every file under `dir`, at any depth, relative to it, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// The fictional articles of `tests/fixtures/articles/`, one folder
/// each, in the order its README lists them.
pub const STORIES: &[&str] = &[
    "meeting-sollund",
    "casualties-velmar",
    "vote-castavia",
    "ceasefire-gedrun",
    "press-seravia",
    "election-lorvania",
];

/// The folder of one of the `STORIES`.
pub fn story(name: &str) -> PathBuf {
    root().join("tests/fixtures/articles").join(name)
}
