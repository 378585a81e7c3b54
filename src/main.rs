//! The `brief` command: a thin shell over the library.

mod cli;

/// A faster allocator than the system's: parsing and rendering make many
/// small allocations (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
