//! Heap allocations of `parse` on valid input and of the occurrence engine, counted by a
//! global allocator that only this test binary uses. The counter is per thread, so tests
//! running in parallel (and the harness) do not disturb each other.

use chrono::{TimeZone, Utc};
use iot_jobs_lint_cron::parse;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn bump() {
    // `try_with`: the allocator can run while this thread's locals are being torn down.
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

// SAFETY: every method forwards to `System` unchanged; counting has no effect on the memory.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations (including reallocations) made by `f` on this thread.
fn count<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = ALLOCATIONS.with(Cell::get);
    let out = f();
    (ALLOCATIONS.with(Cell::get) - before, out)
}

/// Valid expressions without warnings: `parse` copies the text into the `CronExpression` and
/// allocates nothing else (the problem list stays empty, so it never allocates). Before the
/// parser worked on byte ranges, `cron(0 10 ? * MON *)` cost 48 allocations.
#[test]
fn parse_of_a_valid_expression_allocates_only_the_text_copy() {
    for text in [
        "cron(0 10 ? * MON *)",
        "cron(0/15 8-17 ? * MON-FRI 2026-2030)",
        "cron(0 9 ? * 2#1 *)",
        "cron(0 8,20 1,15 jan,Jul ? *)",
        "cron( 15 10 ? * 6L 2030-2031 )",
        "cron(0 12 LW * ? *)",
        "cron(0 2 15W * ? *)",
        "cron(0/59 */23 1/31 */12 ? 1970/229)",
    ] {
        let (n, parsed) = count(|| parse(text));
        assert!(parsed.problems.is_empty(), "{text}: {:?}", parsed.problems);
        assert!(parsed.expression.is_some(), "{text}");
        assert!(n <= 1, "{text}: {n} allocations");
    }
}

/// The error path may allocate (messages, help, suggestions), but stays modest.
#[test]
fn parse_of_an_invalid_expression_allocates_for_its_messages_only() {
    let (n, parsed) = count(|| parse("cron(0 10 ? * MONDAY *)"));
    assert_eq!(parsed.problems.len(), 1);
    assert!(n <= 8, "{n} allocations");
}

#[test]
fn the_engine_does_not_allocate() {
    let expr = parse("cron(0/5 8-17 ? * MON-FRI *)").expression.unwrap();
    let sparse = parse("cron(0 0 29 2 ? *)").expression.unwrap();
    let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 30).unwrap();
    let (n, next) = count(|| expr.next_at_or_after(from));
    assert!(next.is_some());
    assert_eq!(n, 0, "next_at_or_after");
    let (n, taken) = count(|| expr.occurrences(from).take(100).count());
    assert_eq!(taken, 100);
    assert_eq!(n, 0, "occurrences");
    let (n, taken) = count(|| sparse.occurrences(from).take(10).count());
    assert_eq!(taken, 10);
    assert_eq!(n, 0, "occurrences of a sparse expression");
    let (n, never) = count(|| expr.never_fires());
    assert!(!never);
    assert_eq!(n, 0, "never_fires");
}
