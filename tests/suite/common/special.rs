//! Special files for the tests of what `brief` reads and writes: FIFOs,
//! device nodes (root only), runs under resource limits, and a way to
//! tell whether anything opened a FIFO.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Makes a FIFO at `path` (through `mkfifo`, as a user would).
pub fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Whether this process may make device nodes.
pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Makes a character device node at `path` (`major`, `minor`: 1 3 is
/// null, 1 7 full, 1 5 zero); `false`, with a message, when not root,
/// and the test that asked should skip.
pub fn mknod(path: &Path, major: u32, minor: u32) -> bool {
    if !is_root() {
        eprintln!(
            "skipped: making the device node {} needs root (.ci/run runs as root)",
            path.display()
        );
        return false;
    }
    let status = Command::new("mknod")
        .arg(path)
        .args(["c", &major.to_string(), &minor.to_string()])
        .status()
        .expect("mknod runs");
    assert!(status.success(), "mknod {}", path.display());
    true
}

/// Whether `path` is a character device.
pub fn is_char_device(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    path.symlink_metadata()
        .is_ok_and(|m| m.file_type().is_char_device())
}

/// Whether `path` is a FIFO.
pub fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    path.symlink_metadata()
        .is_ok_and(|m| m.file_type().is_fifo())
}

/// Runs `run` while a writer waits on the FIFO at `fifo`, and says
/// whether anything (the run) opened the FIFO for reading. The writer
/// lets a run that opened it go on (it reads an empty file) instead of
/// hanging, so that a test of "never opened" fails rather than hangs.
pub fn opens_fifo<T>(fifo: &Path, run: impl FnOnce() -> T) -> (T, bool) {
    let released = Arc::new(AtomicBool::new(false));
    let opened_by_run = Arc::new(AtomicBool::new(false));
    let writer = {
        let (fifo, released, opened_by_run) =
            (fifo.to_path_buf(), released.clone(), opened_by_run.clone());
        std::thread::spawn(move || {
            // Blocks until a reader opens the FIFO.
            let file = std::fs::OpenOptions::new().write(true).open(&fifo);
            if !released.load(Ordering::SeqCst) {
                opened_by_run.store(true, Ordering::SeqCst);
            }
            drop(file);
        })
    };
    let result = run();
    // Release the writer: open for reading without waiting.
    released.store(true, Ordering::SeqCst);
    let reader = {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(fifo)
    };
    writer.join().expect("the writer ends");
    drop(reader);
    (result, opened_by_run.load(Ordering::SeqCst))
}

/// Runs `brief ARGS` in `dir` as [`limited`] does (files it writes not
/// limited), and counts the bytes it read: the `rchar` of the shell that
/// ran it, which takes in the counts of the children it waited for.
/// Standard input is `stdin` when given (and counted), else empty.
pub fn bytes_read(dir: &Path, mib: u64, stdin: Option<&Path>, args: &[&str]) -> (Output, u64) {
    let counts = tempfile::NamedTempFile::new().unwrap();
    let script = format!(
        "ulimit -v {}; \"$0\" \"$@\"; status=$?; cat /proc/$$/io > '{}'; exit $status",
        mib * 1024,
        counts.path().display()
    );
    let o = Command::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .stdin(match stdin {
            Some(path) => std::process::Stdio::from(std::fs::File::open(path).unwrap()),
            None => std::process::Stdio::null(),
        })
        .output()
        .expect("brief runs");
    let io = std::fs::read_to_string(counts.path()).unwrap();
    let rchar = io
        .lines()
        .find_map(|l| l.strip_prefix("rchar:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("/proc/PID/io has rchar");
    (o, rchar)
}

/// Runs `brief ARGS` in `dir` with its address space limited to `mib`
/// MiB (so a read that grows without end fails instead of taking the
/// machine's memory), and with files it writes limited to `file_blocks`
/// blocks of 512 bytes when given (a full disk, without one: writing past
/// it fails with EFBIG, SIGXFSZ being ignored).
pub fn limited(dir: &Path, mib: u64, file_blocks: Option<u64>, args: &[&str]) -> Output {
    let mut script = format!("ulimit -v {}; ", mib * 1024);
    if let Some(blocks) = file_blocks {
        script.push_str(&format!("trap '' XFSZ; ulimit -f {blocks}; "));
    }
    script.push_str("exec \"$0\" \"$@\"");
    Command::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("brief runs")
}
