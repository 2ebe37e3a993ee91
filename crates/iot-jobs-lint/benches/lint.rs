//! Lint time against the `jsonschema` crate on our exported schema and against the floor,
//! `serde_json::from_slice::<serde_json::Value>` of the same bytes, in one run
//! (`cargo bench -p iot-jobs-lint --bench lint`; `scripts/bench.sh` runs it and tabulates).
//!
//! One criterion group per input (see `common::inputs`), each with the same three functions, so
//! the three are measured back to back on the same machine state:
//!
//! * `lint`: `iot_jobs_lint::lint(bytes, &options)`, returning the full report;
//! * `jsonschema`: `serde_json::from_slice` then `Validator::iter_errors(..).count()` against the
//!   exported schema of the operation the linter detects for that input;
//! * `serde_json`: `serde_json::from_slice::<serde_json::Value>` alone.
//!
//! Results land in `target/criterion/<input>/<function>/new/estimates.json`.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let options = common::options();
    for input in common::inputs() {
        let validator = common::validator(&input, &options);
        let bytes = input.bytes.as_slice();
        let mut group = c.benchmark_group(input.name);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("lint", |b| {
            b.iter(|| iot_jobs_lint::lint(black_box(bytes), &options))
        });
        group.bench_function("jsonschema", |b| {
            b.iter(|| common::jsonschema_validate(&validator, black_box(bytes)))
        });
        group.bench_function("serde_json", |b| {
            b.iter(|| common::serde_json_value(black_box(bytes)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
