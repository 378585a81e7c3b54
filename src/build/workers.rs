//! Deterministic parallel work: items are taken in turn by scoped worker
//! threads and each result lands in its item's slot, so the order of
//! results never depends on scheduling.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The stack size of build threads: deeply nested YAML recurses.
const STACK_SIZE: usize = 16 << 20;

/// `work(i)` for every `i` below `total`, on up to `jobs` threads (0:
/// every core), in order of `i`. `progress` is called with (done, total)
/// as items finish, from the workers.
pub(super) fn run<T: Send>(
    total: usize,
    jobs: usize,
    progress: &(dyn Fn(usize, usize) + Sync),
    work: impl Fn(usize) -> T + Sync,
) -> Vec<T> {
    let slots: Vec<Mutex<Option<T>>> = (0..total).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let jobs = match jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(total.max(1));
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let worker = || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        break;
                    }
                    let result = work(i);
                    *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                }
            };
            let spawned = std::thread::Builder::new()
                .stack_size(STACK_SIZE)
                .spawn_scoped(scope, worker);
            if spawned.is_err() {
                // No thread to spare: the remaining work runs on the
                // threads that did start, or below.
                break;
            }
        }
    });
    // Anything no thread took (none could be spawned) is done here.
    slots
        .into_iter()
        .enumerate()
        .map(|(i, slot)| {
            let result = slot.into_inner().unwrap_or_else(|e| e.into_inner());
            result.unwrap_or_else(|| work(i))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_in_order_whatever_the_number_of_threads() {
        for jobs in [0, 1, 3, 64] {
            let calls = AtomicUsize::new(0);
            let squares = run(50, jobs, &|_, _| {}, |i| {
                calls.fetch_add(1, Ordering::Relaxed);
                i * i
            });
            assert_eq!(squares, (0..50).map(|i| i * i).collect::<Vec<_>>());
            assert_eq!(calls.into_inner(), 50, "each item is done once");
        }
        assert!(run(0, 0, &|_, _| {}, |i| i).is_empty());
    }
}
