//! Writes synthetic briefs for the benchmarks (see `benches/synth/mod.rs`).
//!
//! ```sh
//! cargo run --release --example gen_briefs -- OUT_DIR [COUNT] [ITEMS] [SEED]
//! ```
//!
//! COUNT briefs (default 1) of about ITEMS items each (default: the size of
//! the seed brief) go to `OUT_DIR/NNNNN.yaml`, spread over subdirectories
//! of 1,000 when COUNT is over 1,000. Brief `i` is generated from
//! `SEED + i` (default seed 1), so the same arguments always write the
//! same files.

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_briefs OUT_DIR [COUNT] [ITEMS] [SEED]";
    let Some(out) = args.first().map(PathBuf::from) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let number = |i: usize, default: usize| -> Result<usize, String> {
        args.get(i).map_or(Ok(default), |s| {
            s.parse().map_err(|_| format!("not a number: {s}"))
        })
    };
    let (count, items, seed) = match (number(1, 1), number(2, synth::SEED_ITEMS), number(3, 1)) {
        (Ok(c), Ok(i), Ok(s)) => (c, i, s),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
            eprintln!("error: {e}\n{usage}");
            return ExitCode::from(2);
        }
    };
    for i in 0..count {
        let dir = if count > 1000 {
            out.join(format!("{:03}", i / 1000))
        } else {
            out.clone()
        };
        let path = dir.join(format!("{i:05}.yaml"));
        let text = synth::brief((seed + i) as u64, items);
        if let Err(e) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, text)) {
            eprintln!("error: cannot write `{}`: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
