//! Checks the Rust types against the vendored botocore shape extracts.
//!
//! For both editions and every structure reachable from the four operations,
//! a sample with *every* member populated is generated from the model and
//! must survive a round trip unchanged: a misspelt, missing or wrongly typed
//! member would be dropped or rejected. Then each member is removed in turn:
//! required ones must produce serde's `missing field` error, optional ones
//! must simply disappear. Finally integer members must reject a value that
//! only fits a `long`, and `long` members must accept it.

use std::collections::BTreeSet;
use std::path::PathBuf;

use iot_jobs_lint_model as m;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

const EDITIONS: &[&str] = &[
    "iot-2015-05-28.jobs-shapes.2023-03-02.json",
    "iot-2015-05-28.jobs-shapes.latest.json",
];

const OPERATIONS: &[&str] = &[
    "CreateJob",
    "CreateJobTemplate",
    "DescribeJob",
    "DescribeJobTemplate",
];

fn load(edition: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../iot-jobs-lint/model-data")
        .join(edition);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("model extract is JSON")
}

fn shape<'a>(model: &'a Value, name: &str) -> &'a Value {
    model["shapes"]
        .get(name)
        .unwrap_or_else(|| panic!("shape {name} missing from model"))
}

fn target(member: &Value) -> &str {
    member["shape"].as_str().expect("member has a shape")
}

/// Deserializes `value` as the Rust type standing for model shape `name` and
/// serializes it back. `None` means the shape has no Rust struct.
fn through_type(name: &str, value: &Value) -> Option<Result<Value, String>> {
    fn go<T: DeserializeOwned + Serialize>(v: &Value) -> Result<Value, String> {
        let typed: T = serde_json::from_value(v.clone()).map_err(|e| e.to_string())?;
        Ok(serde_json::to_value(&typed).expect("serializes"))
    }
    Some(match name {
        "CreateJobRequest" => go::<m::CreateJobRequest>(value),
        "CreateJobResponse" => go::<m::CreateJobResponse>(value),
        "CreateJobTemplateRequest" => go::<m::CreateJobTemplateRequest>(value),
        "CreateJobTemplateResponse" => go::<m::CreateJobTemplateResponse>(value),
        "DescribeJobRequest" => go::<m::DescribeJobRequest>(value),
        "DescribeJobResponse" => go::<m::DescribeJobResponse>(value),
        "DescribeJobTemplateRequest" => go::<m::DescribeJobTemplateRequest>(value),
        "DescribeJobTemplateResponse" => go::<m::DescribeJobTemplateResponse>(value),
        "Job" => go::<m::Job>(value),
        "JobProcessDetails" => go::<m::JobProcessDetails>(value),
        "PresignedUrlConfig" => go::<m::PresignedUrlConfig>(value),
        "JobExecutionsRolloutConfig" => go::<m::JobExecutionsRolloutConfig>(value),
        "ExponentialRolloutRate" => go::<m::ExponentialRolloutRate>(value),
        "RateIncreaseCriteria" => go::<m::RateIncreaseCriteria>(value),
        "AbortConfig" => go::<m::AbortConfig>(value),
        "AbortCriteria" => go::<m::AbortCriteria>(value),
        "TimeoutConfig" => go::<m::TimeoutConfig>(value),
        "JobExecutionsRetryConfig" => go::<m::JobExecutionsRetryConfig>(value),
        "RetryCriteria" => go::<m::RetryCriteria>(value),
        "SchedulingConfig" => go::<m::SchedulingConfig>(value),
        "MaintenanceWindow" => go::<m::MaintenanceWindow>(value),
        "ScheduledJobRollout" => go::<m::ScheduledJobRollout>(value),
        "Tag" => go::<m::Tag>(value),
        "TargetSelection" => go::<m::TargetSelection>(value),
        "JobStatus" => go::<m::JobStatus>(value),
        "JobEndBehavior" => go::<m::JobEndBehavior>(value),
        "JobExecutionFailureType" => go::<m::JobExecutionFailureType>(value),
        "RetryableFailureType" => go::<m::RetryableFailureType>(value),
        "AbortAction" => go::<m::AbortAction>(value),
        _ => return None,
    })
}

/// Wire names of a Rust enum, looked up by model shape name.
fn rust_enum_values(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "TargetSelection" => m::TargetSelection::WIRE_NAMES,
        "JobStatus" => m::JobStatus::WIRE_NAMES,
        "JobEndBehavior" => m::JobEndBehavior::WIRE_NAMES,
        "JobExecutionFailureType" => m::JobExecutionFailureType::WIRE_NAMES,
        "RetryableFailureType" => m::RetryableFailureType::WIRE_NAMES,
        "AbortAction" => m::AbortAction::WIRE_NAMES,
        _ => return None,
    })
}

/// A sample value for `name` with every member populated.
fn sample(model: &Value, name: &str) -> Value {
    let s = shape(model, name);
    match s["type"].as_str().unwrap() {
        "structure" => {
            let mut obj = Map::new();
            for (member, def) in s["members"].as_object().unwrap() {
                obj.insert(member.clone(), sample(model, target(def)));
            }
            Value::Object(obj)
        }
        "list" => json!([sample(model, target(&s["member"]))]),
        "map" => {
            let mut obj = Map::new();
            obj.insert("key_1".into(), sample(model, target(&s["value"])));
            Value::Object(obj)
        }
        "string" => match s.get("enum") {
            Some(values) => values.as_array().unwrap().last().unwrap().clone(),
            None => json!(format!("sample-{name}")),
        },
        "integer" => json!(7),
        "long" => json!(3_000_000_000_i64),
        "double" => json!(2.5),
        "boolean" => json!(true),
        "timestamp" => json!(1_714_600_822.733),
        other => panic!("unexpected shape type {other} for {name}"),
    }
}

/// Structures and enums reachable from the inputs and outputs (not errors).
fn reachable(model: &Value) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<String> = Vec::new();
    for op in OPERATIONS {
        let op = &model["operations"][op];
        for io in ["input", "output"] {
            stack.push(op[io]["shape"].as_str().unwrap().to_owned());
        }
    }
    while let Some(name) = stack.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let s = shape(model, &name);
        match s["type"].as_str().unwrap() {
            "structure" => {
                for def in s["members"].as_object().unwrap().values() {
                    stack.push(target(def).to_owned());
                }
            }
            "list" => stack.push(target(&s["member"]).to_owned()),
            "map" => {
                stack.push(target(&s["key"]).to_owned());
                stack.push(target(&s["value"]).to_owned());
            }
            _ => {}
        }
    }
    seen
}

fn required(s: &Value) -> Vec<&str> {
    s.get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().map(|v| v.as_str().unwrap()).collect())
        .unwrap_or_default()
}

#[test]
fn every_structure_round_trips_with_all_members() {
    for edition in EDITIONS {
        let model = load(edition);
        let mut structures = 0;
        for name in reachable(&model) {
            let s = shape(&model, &name);
            if s["type"] != "structure" {
                continue;
            }
            structures += 1;
            let full = sample(&model, &name);
            let out = through_type(&name, &full)
                .unwrap_or_else(|| panic!("{edition}: no Rust type for structure {name}"))
                .unwrap_or_else(|e| panic!("{edition}: {name} rejected a full sample: {e}"));
            assert_eq!(out, full, "{edition}: {name} lost or changed members");
        }
        assert_eq!(structures, 23, "{edition}: unexpected structure count");
    }
}

#[test]
fn required_members_are_required_and_optional_members_are_optional() {
    for edition in EDITIONS {
        let model = load(edition);
        for name in reachable(&model) {
            let s = shape(&model, &name);
            if s["type"] != "structure" {
                continue;
            }
            let req = required(s);
            let full = sample(&model, &name);
            for member in s["members"].as_object().unwrap().keys() {
                let mut partial = full.clone();
                partial.as_object_mut().unwrap().remove(member);
                let result = through_type(&name, &partial).unwrap();
                if req.contains(&member.as_str()) {
                    let err = result.expect_err(&format!(
                        "{edition}: {name} accepted a sample without required `{member}`"
                    ));
                    assert!(
                        err.contains(&format!("missing field `{member}`")),
                        "{edition}: {name}.{member}: {err}"
                    );
                } else {
                    let out = result.unwrap_or_else(|e| {
                        panic!("{edition}: {name} needs optional `{member}`: {e}")
                    });
                    assert_eq!(out, partial, "{edition}: {name} without `{member}`");
                }
            }
        }
    }
}

#[test]
fn integer_members_are_32_bit_and_long_members_64_bit() {
    let too_big_for_i32 = json!(i64::from(i32::MAX) + 1);
    for edition in EDITIONS {
        let model = load(edition);
        for name in reachable(&model) {
            let s = shape(&model, &name);
            if s["type"] != "structure" {
                continue;
            }
            let full = sample(&model, &name);
            for (member, def) in s["members"].as_object().unwrap() {
                let kind = shape(&model, target(def))["type"].as_str().unwrap();
                if kind != "integer" && kind != "long" {
                    continue;
                }
                let mut v = full.clone();
                v[member.as_str()] = too_big_for_i32.clone();
                let result = through_type(&name, &v).unwrap();
                match kind {
                    "integer" => assert!(result.is_err(), "{edition}: {name}.{member} not i32"),
                    _ => assert_eq!(
                        result.as_ref(),
                        Ok(&v),
                        "{edition}: {name}.{member} not i64"
                    ),
                }
            }
        }
    }
}

#[test]
fn enums_match_the_model_exactly() {
    for edition in EDITIONS {
        let model = load(edition);
        let mut enums = 0;
        for name in reachable(&model) {
            let s = shape(&model, &name);
            let Some(values) = s.get("enum") else {
                continue;
            };
            enums += 1;
            let model_values: Vec<&str> = values
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            let rust = rust_enum_values(&name)
                .unwrap_or_else(|| panic!("{edition}: no Rust enum for {name}"));
            assert_eq!(rust, model_values.as_slice(), "{edition}: {name}");
            for value in &model_values {
                let out = through_type(&name, &json!(value)).unwrap().unwrap();
                assert_eq!(out, json!(value));
            }
        }
        assert_eq!(enums, 6, "{edition}: unexpected enum count");
    }
}

#[test]
fn edition_only_members_are_the_documented_ones() {
    let old = load(EDITIONS[0]);
    let new = load(EDITIONS[1]);
    let mut added = Vec::new();
    for name in reachable(&new) {
        let s = shape(&new, &name);
        if s["type"] != "structure" {
            continue;
        }
        for member in s["members"].as_object().unwrap().keys() {
            let in_old = old["shapes"]
                .get(&name)
                .and_then(|o| o["members"].get(member))
                .is_some();
            if !in_old {
                added.push(format!("{name}.{member}"));
            }
        }
    }
    added.sort();
    assert_eq!(
        added,
        [
            "CreateJobRequest.destinationPackageVersions",
            "CreateJobTemplateRequest.destinationPackageVersions",
            "DescribeJobRequest.beforeSubstitution",
            "DescribeJobTemplateResponse.destinationPackageVersions",
            "Job.destinationPackageVersions",
        ]
    );
}
