//! The floor of `brief build`: read and deserialize every brief under a
//! directory (`brief::read_source` and `brief::load::load`, the YAML
//! parser and the schema types), on as many threads as `brief build`
//! uses, and nothing else: no validation, resolution, rendering or
//! writing.
//!
//! ```sh
//! cargo run --release --example floor -- DIR
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use brief::Limits;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: floor DIR");
        return ExitCode::from(2);
    };
    let mut files = Vec::new();
    if let Err(e) = find(Path::new(&dir), &mut files) {
        eprintln!("cannot read `{dir}`: {e}");
        return ExitCode::FAILURE;
    }
    files.sort();
    let limits = Limits::default();
    let next = AtomicUsize::new(0);
    let loaded = AtomicUsize::new(0);
    let jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    if let Ok(text) = brief::read_source(path, &limits)
                        && brief::load::load(&text, &limits).brief.is_some()
                    {
                        loaded.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let loaded = loaded.into_inner();
    eprintln!("loaded {loaded} of {} briefs", files.len());
    if loaded == files.len() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Every `.yaml` file under `dir`, as `brief build` finds them.
fn find(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(['.', '_']));
        if hidden {
            continue;
        }
        if path.is_dir() {
            find(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
    Ok(())
}
