//! Links the `brief` binary as a position-dependent executable on x86_64
//! Linux with glibc: the dynamic loader then has no relocations of its own
//! code to apply at start-up, a large share of a short run's time (see
//! docs/performance.md). The cost is that the binary's own code and data
//! are not placed at a random address (libraries, heap and stack still
//! are). Set `BRIEF_PIE=1` when building to keep the usual
//! position-independent executable; static builds (`+crt-static`) keep it
//! too.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=BRIEF_PIE");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let wanted = var("BRIEF_PIE").is_empty() || var("BRIEF_PIE") == "0";
    let fits = var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && var("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && !var("CARGO_CFG_TARGET_FEATURE")
            .split(',')
            .any(|f| f == "crt-static");
    if wanted && fits {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
