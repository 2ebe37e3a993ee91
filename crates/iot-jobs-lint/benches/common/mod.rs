//! The inputs both bench targets measure (`lint.rs` for time, `allocations.rs` for heap
//! allocations), and the `jsonschema` validator each is compared against.

use iot_jobs_lint::{Edition, LintOptions, Operation};

/// One input: a short name (criterion's group name, so also its directory under
/// `target/criterion/`), where it comes from, and its bytes.
pub struct Input {
    pub name: &'static str,
    #[allow(dead_code, reason = "only the allocations bench prints it")]
    pub source: &'static str,
    pub bytes: Vec<u8>,
}

/// The four inputs of the performance targets, smallest valid first.
pub fn inputs() -> Vec<Input> {
    vec![
        Input {
            name: "reboot-template",
            source: "examples/reboot-from-managed-template.job.json",
            bytes: include_bytes!("../../../../examples/reboot-from-managed-template.job.json")
                .to_vec(),
        },
        Input {
            name: "firmware-ota",
            source: "examples/firmware-ota.job.json",
            bytes: include_bytes!("../../../../examples/firmware-ota.job.json").to_vec(),
        },
        Input {
            name: "broken",
            source: "examples/broken.job.json",
            bytes: include_bytes!("../../../../examples/broken.job.json").to_vec(),
        },
        Input {
            name: "big-document",
            source: "generated: CreateJob with a 27 KB inline document (33 KB request)",
            bytes: big_document_job(),
        },
    ]
}

/// A CreateJob with a large inline document: 400 steps make a 27 413-character document (the
/// cap of 32 000 does not bite; the service's limit is 32 768), whose 5 606 quotes are escaped
/// in the request, 33 144 bytes in all. Kept as the first bench built it, so figures compare.
fn big_document_job() -> Vec<u8> {
    let mut steps: Vec<serde_json::Value> = (0..400)
        .map(|i| serde_json::json!({"step": i, "action": "copy", "from": format!("/tmp/stage/{i}"), "to": "/opt/app"}))
        .collect();
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

/// Fixed options, so the scheduling rules see the same "now" in every run.
pub fn options() -> LintOptions {
    LintOptions::new("2026-12-01T00:00:00Z".parse().unwrap())
}

/// The operation the linter takes the input for (all four are CreateJob requests today; asked
/// rather than assumed so the comparison always uses the same operation's schema).
pub fn operation(input: &Input, options: &LintOptions) -> Operation {
    iot_jobs_lint::lint(&input.bytes, options)
        .operation
        .unwrap_or_else(|| panic!("{}: the linter detects no operation", input.name))
}

/// The `jsonschema` validator for the input's operation, on our exported (latest) schema.
pub fn validator(input: &Input, options: &LintOptions) -> jsonschema::Validator {
    let schema = iot_jobs_lint::schema::json_schema(operation(input, options), Edition::Latest);
    jsonschema::validator_for(&schema).expect("the exported schema compiles")
}

/// What the `jsonschema` column measures: parse the bytes, then collect every error (what an
/// editor does).
pub fn jsonschema_validate(validator: &jsonschema::Validator, bytes: &[u8]) -> usize {
    let value: serde_json::Value = serde_json::from_slice(bytes).expect("the input is JSON");
    validator.iter_errors(&value).count()
}

/// The floor: the same bytes into a `serde_json::Value`, no spans, no checks.
pub fn serde_json_value(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("the input is JSON")
}
