//! Positions: where each value of a brief was written, and the texts of
//! the files it was read from. Below every stage, so the loader, the
//! format and the diagnostics all point with the same types.

/// A position in a source file. Lines and columns count from 1; columns
/// count characters, not bytes. `offset` and `len` are in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// Which file: 0 for the brief itself, then its imports in the order
    /// they were loaded (see [`Files`]).
    pub file: u32,
    /// Line, from 1. Zero when unknown.
    pub line: u32,
    /// Column in characters, from 1. Zero when unknown.
    pub column: u32,
    /// Byte offset of the start of the span.
    pub offset: usize,
    /// Length of the span in bytes (may be 0).
    pub len: usize,
}

impl Pos {
    /// Whether the position points somewhere.
    pub fn is_known(&self) -> bool {
        self.line > 0
    }
}

/// A value together with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub pos: Pos,
}

impl<T> Located<T> {
    /// A value with no known position (for values built in code).
    pub fn unplaced(value: T) -> Self {
        Self {
            value,
            pos: Pos::default(),
        }
    }
}

impl Located<String> {
    /// The string value.
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// A top-level list whose items are checked one by one: an item that does
/// not deserialize is reported and left out, and the rest still load.
#[derive(Debug, Clone)]
pub struct Items<T>(pub Vec<T>);

impl<T> Default for Items<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T> std::ops::Deref for Items<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

/// The texts a brief was read from, so that diagnostics can show the
/// line they point at: the brief itself (file 0), then every file it
/// imports, in the order they were loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Files {
    files: Vec<File>,
}

/// One file: its name, its text, and where its lines start.
#[derive(Debug, Clone, PartialEq, Eq)]
struct File {
    name: String,
    text: String,
    lines: LineStarts,
}

/// The byte offset of the start of each line of a text, found on first
/// use and kept: every diagnostic of a file looks its lines up here
/// rather than scanning the text again.
#[derive(Debug, Clone, Default)]
struct LineStarts(std::sync::OnceLock<Vec<usize>>);

impl LineStarts {
    fn of(&self, text: &str) -> &[usize] {
        self.0.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
                .collect()
        })
    }
}

/// Two files with the same name and text are the same, however much of
/// their index has been built.
impl PartialEq for LineStarts {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for LineStarts {}

impl File {
    fn new(name: String, text: String) -> Self {
        Self {
            name,
            text,
            lines: LineStarts::default(),
        }
    }
}

impl Files {
    /// The files of a brief given as `name` (a path, or `<stdin>`) and its
    /// text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            files: vec![File::new(name.into(), text.into())],
        }
    }

    /// Adds an imported file; returns its number, for [`Pos::file`].
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> u32 {
        self.files.push(File::new(name.into(), text.into()));
        (self.files.len() - 1) as u32
    }

    /// The name of file `file` as shown in diagnostics.
    pub fn name(&self, file: u32) -> &str {
        self.get(file).0
    }

    /// The text of file `file`.
    pub fn text(&self, file: u32) -> &str {
        self.get(file).1
    }

    /// How many files there are (the brief and its imports).
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are no files at all (never, for a loaded brief).
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every file as `(name, text)`, the brief first.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files
            .iter()
            .map(|f| (f.name.as_str(), f.text.as_str()))
    }

    pub(crate) fn get(&self, file: u32) -> (&str, &str) {
        self.file(file)
            .map(|f| (f.name.as_str(), f.text.as_str()))
            .unwrap_or(("", ""))
    }

    /// The byte offset where line `line` (from 1) of file `file` starts,
    /// if the file has that line; the file's lines are indexed once.
    pub(crate) fn line_start(&self, file: u32, line: u32) -> Option<usize> {
        let f = self.file(file)?;
        let start = *f.lines.of(&f.text).get((line as usize).checked_sub(1)?)?;
        (start < f.text.len()).then_some(start)
    }

    fn file(&self, file: u32) -> Option<&File> {
        self.files.get(file as usize).or(self.files.first())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_are_found_from_the_index() {
        let mut files = Files::new("a", "one\ntwo\n\nfour");
        files.add("b", "x\n");
        assert_eq!(files.line_start(0, 1), Some(0));
        assert_eq!(files.line_start(0, 2), Some(4));
        assert_eq!(files.line_start(0, 3), Some(8));
        assert_eq!(files.line_start(0, 4), Some(9));
        assert_eq!(files.line_start(0, 5), None);
        assert_eq!(files.line_start(0, 0), None);
        // A line after the last line break is no line.
        assert_eq!(files.line_start(1, 1), Some(0));
        assert_eq!(files.line_start(1, 2), None);
        // Indexed or not, the same files are equal.
        assert_eq!(files.clone(), {
            let mut f = Files::new("a", "one\ntwo\n\nfour");
            f.add("b", "x\n");
            f
        });
    }
}
