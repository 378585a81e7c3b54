//! What the README tells a new user or contributor to run is what works:
//! the install command keeps the tested dependencies, mdBook is the
//! version the book needs, and `.ci/run` is the script it describes.

use std::fs;
use std::process::Command;

use crate::common::root;

fn readme() -> String {
    fs::read_to_string(root().join("README.md")).unwrap()
}

fn ci_script() -> String {
    fs::read_to_string(root().join(".ci/run")).unwrap()
}

#[test]
fn every_cargo_install_of_brief_in_the_readme_is_locked() {
    let readme = readme();
    let installs: Vec<&str> = readme
        .lines()
        .filter(|l| l.contains("cargo install --path"))
        .collect();
    assert!(
        !installs.is_empty(),
        "the README no longer says how to install"
    );
    for line in installs {
        assert!(
            line.contains("cargo install --path . --locked"),
            "without --locked, dependencies are resolved anew: {line}"
        );
    }
}

#[test]
fn the_readme_says_how_to_get_the_mdbook_the_ci_uses() {
    let readme = readme();
    assert!(
        readme.contains("cargo install mdbook --version '^0.5' --locked"),
        "the README does not say how to get mdBook 0.5"
    );
    assert!(
        ci_script().contains("cargo install mdbook --version '^0.5' --locked"),
        "`.ci/run` installs another mdBook than the README names"
    );
}

#[test]
fn the_ci_script_is_the_one_the_readme_describes() {
    let readme = readme();
    for command in ["bash .ci/run", "CI=true bash .ci/run"] {
        assert!(readme.contains(command), "the README lacks `{command}`");
    }
    let script = ci_script();
    // Every end-to-end block is timed as a step and can be skipped.
    for needle in ["step \"", "cannot_install", "== Summary", "CI:-"] {
        assert!(script.contains(needle), "`.ci/run` lacks `{needle}`");
    }
    let o = Command::new("bash")
        .args(["-n", ".ci/run"])
        .current_dir(root())
        .output()
        .expect("bash runs");
    assert!(
        o.status.success(),
        "`.ci/run` is not valid bash: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}
