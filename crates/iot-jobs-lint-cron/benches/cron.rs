//! Next seven occurrences for a dense, a sparse and a never-firing expression, plus parsing.
//!
//! `cargo bench -p iot-jobs-lint-cron --bench cron`

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use iot_jobs_lint_cron::{CronExpression, parse};
use std::hint::black_box;

fn next_seven(c: &mut Criterion) {
    let Some(from) = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single() else {
        return;
    };
    let dense = parse("cron(0/5 * * * ? *)").expression;
    let sparse = parse("cron(0 0 29 2 ? *)").expression;
    let (Some(dense), Some(sparse)) = (dense, sparse) else {
        return;
    };
    let take7 = |e: &CronExpression| e.occurrences(from).take(7).count();
    c.bench_function("next7/dense cron(0/5 * * * ? *)", |b| {
        b.iter(|| take7(black_box(&dense)))
    });
    c.bench_function("next7/sparse cron(0 0 29 2 ? *)", |b| {
        b.iter(|| take7(black_box(&sparse)))
    });
    let never = CronExpression::parse_allowing_never_fires("cron(0 0 30 2 ? *)");
    let Ok(never) = never else {
        return;
    };
    // No occurrence: the search visits every (year, February) pair up to 2199 once.
    c.bench_function("next7/never cron(0 0 30 2 ? *)", |b| {
        b.iter(|| take7(black_box(&never)))
    });
    // `parse` runs the full 1970-2199 search to prove an expression never fires.
    c.bench_function("never-fires parse cron(0 0 30 2 ? *)", |b| {
        b.iter(|| parse(black_box("cron(0 0 30 2 ? *)")).problems.len())
    });
    c.bench_function("never-fires parse cron(0 0 31 4,6,9,11 ? *)", |b| {
        b.iter(|| parse(black_box("cron(0 0 31 4,6,9,11 ? *)")).problems.len())
    });
    c.bench_function("parse cron(0/5 8-17 ? * MON-FRI *)", |b| {
        b.iter(|| {
            parse(black_box("cron(0/5 8-17 ? * MON-FRI *)"))
                .problems
                .len()
        })
    });
}

criterion_group!(benches, next_seven);
criterion_main!(benches);
