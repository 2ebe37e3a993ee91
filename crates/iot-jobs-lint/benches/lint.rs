//! Lint throughput against the floor, `serde_json::from_slice::<serde_json::Value>` of the same
//! bytes, and against the `jsonschema` crate on our exported schema, measured in the same run
//! (`cargo bench -p iot-jobs-lint --bench lint`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use iot_jobs_lint::LintOptions;
use std::hint::black_box;

const OTA: &[u8] = include_bytes!("../../../examples/firmware-ota.job.json");

/// A CreateJob whose inline document is just under the 32768-character limit.
fn big_document_job() -> Vec<u8> {
    let steps: Vec<serde_json::Value> = (0..400)
        .map(|i| serde_json::json!({"step": i, "action": "copy", "from": format!("/tmp/stage/{i}"), "to": "/opt/app"}))
        .collect();
    let mut steps = steps;
    let mut document = serde_json::json!({"operation": "install", "steps": steps}).to_string();
    while document.len() > 32_000 {
        steps.pop();
        document = serde_json::json!({"operation": "install", "steps": steps}).to_string();
    }
    serde_json::to_vec_pretty(&serde_json::json!({
        "jobId": "big-document",
        "targets": ["arn:aws:iot:us-east-1:111122223333:thinggroup/fleet"],
        "document": document,
    }))
    .unwrap()
}

fn bench(c: &mut Criterion) {
    let options = LintOptions::new("2026-12-01T00:00:00Z".parse().unwrap());
    let schema = iot_jobs_lint::schema::json_schema(
        iot_jobs_lint::Operation::CreateJob,
        iot_jobs_lint::Edition::Latest,
    );
    let validator = jsonschema::validator_for(&schema).expect("the exported schema compiles");
    let big = big_document_job();
    for (name, input) in [
        ("create-job-2KB", OTA.to_vec()),
        ("create-job-32KB-document", big),
    ] {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function("iot_jobs_lint::lint", |b| {
            b.iter(|| iot_jobs_lint::lint(black_box(&input), &options))
        });
        group.bench_function("serde_json::from_slice::<Value> (floor)", |b| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&input)).unwrap())
        });
        // The same bytes through the `jsonschema` crate on our exported CreateJob schema: parse,
        // then collect every error (what an editor does; it catches less, see the README).
        group.bench_function("jsonschema (exported schema, all errors)", |b| {
            b.iter(|| {
                let value: serde_json::Value = serde_json::from_slice(black_box(&input)).unwrap();
                validator.iter_errors(&value).count()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
