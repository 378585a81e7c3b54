//! How good `brief draft` is: every fictional article of a corpus
//! (`tests/fixtures/articles/` by default: folders holding `article.txt`
//! and the hand-made `brief.yaml`) drafted with the expected brief's
//! publication date, and the draft scored against the expected brief
//! (`brief::draft_score`; docs/drafting.md gives the rules). Prints a
//! Markdown table of precision and recall per article and kind.
//!
//! ```sh
//! cargo run --release --example draft_quality                  # the summary
//! cargo run --release --example draft_quality -- --long        # and every count
//! cargo run --release --example draft_quality -- --details     # and each item left unpaired
//! cargo run --release --example draft_quality -- --details DIR # another corpus
//! ```
//!
//! Exits 1 when an article misses a target (precision 0.95, recall 0.7)
//! or cannot be scored.

use std::path::PathBuf;
use std::process::ExitCode;

use brief::draft_score::{self as score, Score};

fn main() -> ExitCode {
    let mut long = false;
    let mut details = false;
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--long" => long = true,
            "--details" => details = true,
            a if !a.starts_with('-') => dir = PathBuf::from(a),
            _ => {
                eprintln!("usage: draft_quality [--long] [--details] [DIR]");
                return ExitCode::from(2);
            }
        }
    }
    let mut names: Vec<String> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|e| e.path().join("article.txt").is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(e) => {
            eprintln!("cannot read `{}`: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    names.sort();
    let mut scores: Vec<(String, Score)> = Vec::new();
    let mut failed = false;
    for name in &names {
        let read = |file: &str| std::fs::read_to_string(dir.join(name).join(file));
        let (article, expected) = match (read("article.txt"), read("brief.yaml")) {
            (Ok(a), Ok(e)) => (a, e),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("{name}: {e}");
                failed = true;
                continue;
            }
        };
        match score::draft_and_score(&article, &expected) {
            Ok((_, s)) => scores.push((name.clone(), s)),
            Err(e) => {
                eprintln!("{name}: {e}");
                failed = true;
            }
        }
    }
    let rows: Vec<score::Row<'_>> = scores.iter().map(|(n, s)| (n.as_str(), s)).collect();
    println!("{}", score::summary(&rows));
    if long {
        println!("{}", score::table(&rows));
    }
    for (name, s) in &scores {
        let all = s.total();
        if all.precision() < 0.95 || all.recall() < 0.7 {
            failed = true;
        }
        if details {
            println!("## {name}\n");
            for u in &s.unmatched {
                println!("- drafted, matches nothing: {u}");
            }
            for u in &s.missed {
                println!("- expected, not drafted: {u}");
            }
            println!();
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
