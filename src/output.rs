//! Writing output files: a regular file is replaced atomically, a device
//! or FIFO is written through, and no input of the command is ever
//! written over.
//!
//! Every command that writes a file (render, diff, init, templates export,
//! build, and PDF through render) goes through here, so the rules hold
//! the same way everywhere:
//!
//! - A regular file (or a new one) is written to a temporary file in the
//!   same directory and renamed into place: readers never see it
//!   half-written, and a failure (a full disk) leaves the old file as it
//!   was. The new file gets the mode of any new file (0666 less the
//!   umask), never the mode of what it replaces.
//! - A character device or a FIFO (`/dev/null`, `/dev/stdout`, a named
//!   pipe) is opened and written to, never replaced: `-o /dev/null`
//!   leaves `/dev/null` a device, and `-o /dev/full` fails.
//! - A symbolic link is followed: the file it points to is replaced and
//!   the link stays. A link to nothing is refused rather than guessed at.
//! - A file that is one of the command's inputs (the brief, its imports,
//!   its templates) is refused, compared by device and inode, so that no
//!   spelling of its path (`./a.yaml`, a hard link, a symbolic link) gets
//!   past.

use std::fs::Metadata;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The identity of a file: its device and inode, which no other spelling
/// of its path changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    /// The identity of the file `path` leads to (links followed), if it
    /// exists.
    pub fn of(path: &Path) -> Option<FileId> {
        std::fs::metadata(path)
            .ok()
            .map(|m| FileId::from_metadata(&m))
    }

    /// The identity of the file `meta` describes.
    #[cfg(unix)]
    pub fn from_metadata(meta: &Metadata) -> FileId {
        use std::os::unix::fs::MetadataExt;
        FileId {
            dev: meta.dev(),
            ino: meta.ino(),
        }
    }

    /// Without inodes, files cannot be told apart this way: none is.
    #[cfg(not(unix))]
    pub fn from_metadata(_: &Metadata) -> FileId {
        FileId { dev: 0, ino: 0 }
    }
}

/// The files a command reads, which it must never write over.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    files: Vec<(FileId, PathBuf)>,
}

impl Inputs {
    /// No inputs.
    pub fn new() -> Inputs {
        Inputs::default()
    }

    /// Adds the file at `path`, if it exists (standard input and other
    /// names that are not files are not).
    pub fn add(&mut self, path: &Path) {
        if let Some(id) = FileId::of(path) {
            self.files.push((id, path.to_path_buf()));
        }
    }

    /// The input that `id` is, if any.
    pub fn find(&self, id: FileId) -> Option<&Path> {
        if cfg!(not(unix)) {
            return None;
        }
        self.files
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, p)| p.as_path())
    }
}

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The output is one of the command's inputs.
    #[error("`{}` is an input of this command (`{}`); refusing to write over it", .path.display(), .input.display())]
    Input {
        /// The output as given.
        path: PathBuf,
        /// The input it is, as named.
        input: PathBuf,
    },
    /// The output is a symbolic link that leads to no file.
    #[error("`{}` is a symbolic link to a file that does not exist; refusing to write through it", .0.display())]
    DanglingLink(PathBuf),
    /// The output is a directory, a block device or a socket.
    #[error("`{}` is {}, not a file; nothing was written", .path.display(), .what)]
    NotAFile {
        /// The output as given.
        path: PathBuf,
        /// What it is, with its article.
        what: &'static str,
    },
    /// Writing failed.
    #[error("cannot write `{}`: {}", .path.display(), without_temp_name(.source))]
    Io {
        /// The output as given.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// What is at an output path, links followed.
enum Target {
    /// Nothing yet: a new file is made there.
    New(PathBuf),
    /// A regular file, replaced at its real path (so a link to it stays).
    Regular(PathBuf),
    /// A character device or a FIFO, written through.
    Stream,
}

/// Writes `bytes` to `path` under the rules of this module, durably
/// (flushed to the disk before the rename).
pub fn write_output(path: &Path, bytes: &[u8], inputs: &Inputs) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    match target(path, inputs)? {
        Target::New(real) | Target::Regular(real) => replace_file(&real, bytes, true).map_err(io),
        Target::Stream => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(io)?;
            file.write_all(bytes).and_then(|_| file.flush()).map_err(io)
        }
    }
}

/// Writes `bytes` to `path`: [`write_output`] for a command with no
/// inputs. Readers never see a half-written file, and a failure leaves
/// any previous file untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_output(path, bytes, &Inputs::new()).map_err(|e| match e {
        WriteError::Io { source, .. } => source,
        other => std::io::Error::other(other.to_string()),
    })
}

/// Decides how `path` is written, or why it is not.
fn target(path: &Path, inputs: &Inputs) -> Result<Target, WriteError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if path.symlink_metadata().is_ok() {
                return Err(WriteError::DanglingLink(path.to_path_buf()));
            }
            return Ok(Target::New(path.to_path_buf()));
        }
        Err(source) => {
            return Err(WriteError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    if let Some(input) = inputs.find(FileId::from_metadata(&meta)) {
        return Err(WriteError::Input {
            path: path.to_path_buf(),
            input: input.to_path_buf(),
        });
    }
    let kind = meta.file_type();
    if kind.is_file() {
        let real = if path.symlink_metadata().is_ok_and(|m| m.is_symlink()) {
            std::fs::canonicalize(path).map_err(|source| WriteError::Io {
                path: path.to_path_buf(),
                source,
            })?
        } else {
            path.to_path_buf()
        };
        return Ok(Target::Regular(real));
    }
    if is_stream(&meta) {
        return Ok(Target::Stream);
    }
    Err(WriteError::NotAFile {
        path: path.to_path_buf(),
        what: describe(&meta),
    })
}

/// Whether a file is one written through rather than replaced: a
/// character device or a FIFO.
#[cfg(unix)]
fn is_stream(meta: &Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    kind.is_char_device() || kind.is_fifo()
}

#[cfg(not(unix))]
fn is_stream(_: &Metadata) -> bool {
    false
}

/// What kind of file `meta` describes, for messages: "a directory"...
pub fn describe(meta: &Metadata) -> &'static str {
    let kind = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

/// The temporary files outputs are written to before being renamed into
/// place start with this and end with [`TEMP_SUFFIX`]: a build removes
/// those a killed run left in its output directory.
pub const TEMP_PREFIX: &str = ".brief-";

/// See [`TEMP_PREFIX`].
pub const TEMP_SUFFIX: &str = ".tmp";

/// Replaces the file at exactly `path` (a link there is replaced, not
/// followed) through a temporary file in the same directory, renamed into
/// place; flushed to the disk before the rename only when `durable`. A
/// build's outputs are not: they can be made again, and flushing each of
/// thousands of files costs more than rendering them. Readers still never
/// see a half-written file. The file gets the mode of any new file (0666
/// less the umask), whatever it replaces.
pub(crate) fn replace_file(path: &Path, bytes: &[u8], durable: bool) -> std::io::Result<()> {
    let tmp = temp_file(path, bytes, durable)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// [`replace_file`] for a file that must not exist yet: fails, writing
/// nothing, if anything (a file, a link) is at `path` by then.
pub(crate) fn create_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = temp_file(path, bytes, true)?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

/// A temporary file beside `path` holding `bytes`, removed if dropped.
fn temp_file(path: &Path, bytes: &[u8], durable: bool) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    // The mode of any new file: open() takes the umask off it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if durable {
        tmp.as_file().sync_all()?;
    }
    Ok(tmp)
}

/// An error from writing a file, without the temporary file's name, which
/// means nothing to the user.
pub fn without_temp_name(e: &std::io::Error) -> String {
    let message = e.to_string();
    message
        .split(" at path \"")
        .next()
        .unwrap_or(&message)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_and_a_replaced_one_follow_the_umask() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        write_atomically(&path, b"one").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let fresh = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o606)).unwrap();
            write_atomically(&path, b"two").unwrap();
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, fresh, "the old mode must not be kept");
        }
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_kept_and_its_file_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(link.symlink_metadata().unwrap().is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(dir.path().join("nowhere.md"), &dangling).unwrap();
        let e = write_output(&dangling, b"x", &Inputs::new()).unwrap_err();
        assert!(matches!(e, WriteError::DanglingLink(_)), "{e}");
        assert!(!dir.path().join("nowhere.md").exists());
    }

    #[cfg(unix)]
    #[test]
    fn an_input_is_refused_by_identity() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.yaml");
        std::fs::write(&input, "title: x").unwrap();
        let hard = dir.path().join("hard.yaml");
        std::fs::hard_link(&input, &hard).unwrap();
        let mut inputs = Inputs::new();
        inputs.add(&input);
        let e = write_output(&hard, b"x", &inputs).unwrap_err();
        assert!(matches!(e, WriteError::Input { .. }), "{e}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "title: x");
    }

    #[test]
    fn a_directory_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_output(dir.path(), b"x", &Inputs::new()).unwrap_err();
        assert!(e.to_string().contains("a directory"), "{e}");
    }

    #[test]
    fn create_file_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        create_file(&path, b"one").unwrap();
        assert!(create_file(&path, b"two").is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left");
    }
}
