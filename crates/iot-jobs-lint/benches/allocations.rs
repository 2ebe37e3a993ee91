//! Heap allocations per call, for the same inputs and the same three functions as the `lint`
//! bench: `cargo bench -p iot-jobs-lint --bench allocations` prints a table, `-- --json` prints
//! one JSON document for scripts (`scripts/bench.sh` reads it).
//!
//! A counting `#[global_allocator]` wraps the system allocator. Each function is called a few
//! times first (so one-time work such as lazily built tables is not counted), then `CALLS` times
//! while counting; the figures are totals divided by `CALLS`:
//!
//! * `allocs`: calls to `alloc` / `alloc_zeroed` (new blocks);
//! * `reallocs`: calls to `realloc` (a growing `Vec` or `String`);
//! * `bytes`: bytes requested by `alloc` plus the growth requested by `realloc`;
//! * `peak`: the most bytes live at once during one call, above what was live before it.
//!
//! The process is single-threaded (no criterion here), so the counts are the function's own.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);
static REALLOCS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);
static LIVE: AtomicU64 = AtomicU64::new(0);
static PEAK: AtomicU64 = AtomicU64::new(0);

fn grow_live(by: u64) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
}

// SAFETY: every method forwards to `System` with the caller's arguments unchanged; the counters
// are atomics and never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            ALLOCS.fetch_add(1, Relaxed);
            BYTES.fetch_add(layout.size() as u64, Relaxed);
            grow_live(layout.size() as u64);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            ALLOCS.fetch_add(1, Relaxed);
            BYTES.fetch_add(layout.size() as u64, Relaxed);
            grow_live(layout.size() as u64);
        }
        p
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            REALLOCS.fetch_add(1, Relaxed);
            let (old, new) = (layout.size() as u64, new_size as u64);
            if new > old {
                BYTES.fetch_add(new - old, Relaxed);
                grow_live(new - old);
            } else {
                LIVE.fetch_sub(old - new, Relaxed);
            }
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size() as u64, Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Calls before counting, and calls counted.
const WARM_UP: u64 = 3;
const CALLS: u64 = 50;

/// Per-call figures of one function on one input.
#[derive(Clone, Copy)]
struct Counts {
    allocs: f64,
    reallocs: f64,
    bytes: f64,
    peak: u64,
}

fn measure<R>(mut f: impl FnMut() -> R) -> Counts {
    for _ in 0..WARM_UP {
        drop(black_box(f()));
    }
    let (allocs, reallocs, bytes) = (
        ALLOCS.load(Relaxed),
        REALLOCS.load(Relaxed),
        BYTES.load(Relaxed),
    );
    let mut peak = 0;
    for _ in 0..CALLS {
        let before = LIVE.load(Relaxed);
        PEAK.store(before, Relaxed);
        drop(black_box(f()));
        peak = peak.max(PEAK.load(Relaxed) - before);
    }
    let per_call = |now: &AtomicU64, then: u64| (now.load(Relaxed) - then) as f64 / CALLS as f64;
    Counts {
        allocs: per_call(&ALLOCS, allocs),
        reallocs: per_call(&REALLOCS, reallocs),
        bytes: per_call(&BYTES, bytes),
        peak,
    }
}

/// The function names, as in the `lint` bench.
const FUNCTIONS: [&str; 3] = ["lint", "jsonschema", "serde_json"];

fn main() {
    // `cargo bench` passes `--bench`; anything else but `--json` is refused.
    let mut json = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--bench" => {}
            other => {
                eprintln!("allocations: unknown argument `{other}` (accepted: --json)");
                std::process::exit(2);
            }
        }
    }

    let options = common::options();
    let mut rows = Vec::new();
    for input in common::inputs() {
        let validator = common::validator(&input, &options);
        let bytes = input.bytes.as_slice();
        let counts = [
            measure(|| iot_jobs_lint::lint(black_box(bytes), &options)),
            measure(|| common::jsonschema_validate(&validator, black_box(bytes))),
            measure(|| common::serde_json_value(black_box(bytes))),
        ];
        rows.push((input, counts));
    }

    if json {
        let inputs: Vec<serde_json::Value> = rows
            .iter()
            .map(|(input, counts)| {
                let functions: serde_json::Map<String, serde_json::Value> = FUNCTIONS
                    .iter()
                    .zip(counts)
                    .map(|(name, c)| {
                        let value = serde_json::json!({
                            "allocs": c.allocs,
                            "reallocs": c.reallocs,
                            "bytes": c.bytes,
                            "peak_live_bytes": c.peak,
                        });
                        (name.to_string(), value)
                    })
                    .collect();
                serde_json::json!({
                    "name": input.name,
                    "source": input.source,
                    "input_bytes": input.bytes.len(),
                    "functions": functions,
                })
            })
            .collect();
        let doc = serde_json::json!({ "calls": CALLS, "inputs": inputs });
        println!("{}", serde_json::to_string_pretty(&doc).unwrap());
        return;
    }

    println!("heap allocations per call (mean of {CALLS} calls after {WARM_UP} warm-up calls)");
    println!();
    println!(
        "{:<16} {:>6}  {:<11} {:>9} {:>9} {:>11} {:>11}",
        "input", "bytes", "function", "allocs", "reallocs", "bytes", "peak live"
    );
    for (input, counts) in &rows {
        for (name, c) in FUNCTIONS.iter().zip(counts) {
            println!(
                "{:<16} {:>6}  {:<11} {:>9.1} {:>9.1} {:>11.0} {:>11}",
                input.name,
                input.bytes.len(),
                name,
                c.allocs,
                c.reallocs,
                c.bytes,
                c.peak
            );
        }
    }
}
