//! Proves that the shape table (`src/shapes/`) carries exactly the constraints of both vendored
//! service-model extracts: every shape, every member, `required`, `min`, `max`, `pattern`,
//! `enum`, and the shape each member, list item and map key/value points to. A model constraint
//! cannot be missed, and a table entry cannot drift from the model.

use iot_jobs_lint::Edition;
use iot_jobs_lint::shapes::{ALL_SHAPES, Shape, ShapeKind};
use serde_json::Value;
use std::collections::BTreeSet;

fn extract(edition: Edition) -> Value {
    let text = match edition {
        Edition::V2023_03_02 => {
            include_str!("../model-data/iot-2015-05-28.jobs-shapes.2023-03-02.json")
        }
        Edition::Latest => include_str!("../model-data/iot-2015-05-28.jobs-shapes.latest.json"),
        other => panic!("no vendored extract for {other}"),
    };
    serde_json::from_str(text).expect("vendored extract is JSON")
}

fn table_shape(name: &str, edition: Edition) -> Option<&'static Shape> {
    ALL_SHAPES
        .iter()
        .copied()
        .find(|s| s.name == name && s.since <= edition)
}

fn kind_name(kind: &ShapeKind) -> &'static str {
    match kind {
        ShapeKind::String => "string",
        ShapeKind::Integer => "integer",
        ShapeKind::Long => "long",
        ShapeKind::Double => "double",
        ShapeKind::Boolean => "boolean",
        ShapeKind::Timestamp => "timestamp",
        ShapeKind::Structure(_) => "structure",
        ShapeKind::List(_) => "list",
        ShapeKind::Map { .. } => "map",
    }
}

#[test]
fn table_matches_both_editions_member_by_member() {
    let mut problems = Vec::new();
    let mut checked_members = 0;
    for edition in Edition::ALL {
        let model = extract(edition);
        let shapes = model["shapes"].as_object().expect("shapes");
        for (name, spec) in shapes {
            let Some(shape) = table_shape(name, edition) else {
                problems.push(format!("{edition}: shape {name} is missing from the table"));
                continue;
            };
            let at = format!("{edition}: {name}");
            if spec["type"].as_str() != Some(kind_name(&shape.kind)) {
                problems.push(format!(
                    "{at}: type {} vs table {}",
                    spec["type"],
                    kind_name(&shape.kind)
                ));
            }
            for (key, bound) in [("min", shape.min), ("max", shape.max)] {
                let model_value = spec.get(key).and_then(Value::as_f64);
                if model_value != bound.get(edition) {
                    problems.push(format!(
                        "{at}: {key} {model_value:?} vs table {:?}",
                        bound.get(edition)
                    ));
                }
            }
            let pattern = spec.get("pattern").and_then(Value::as_str);
            if pattern != shape.pattern.map(|p| p.model) {
                problems.push(format!(
                    "{at}: pattern {pattern:?} vs table {:?}",
                    shape.pattern.map(|p| p.model)
                ));
            }
            let enums: Vec<&str> = spec
                .get("enum")
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if enums != shape.enum_values {
                problems.push(format!(
                    "{at}: enum {enums:?} vs table {:?}",
                    shape.enum_values
                ));
            }
            match &shape.kind {
                ShapeKind::Structure(_) => {
                    let members = spec["members"].as_object().expect("members");
                    let required: BTreeSet<&str> = spec
                        .get("required")
                        .and_then(Value::as_array)
                        .map(|a| a.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    let model_names: BTreeSet<&str> = members.keys().map(String::as_str).collect();
                    let table_names: BTreeSet<&str> =
                        shape.members(edition).map(|m| m.name).collect();
                    if model_names != table_names {
                        problems.push(format!(
                            "{at}: members {model_names:?} vs table {table_names:?}"
                        ));
                    }
                    for (member_name, member_spec) in members {
                        checked_members += 1;
                        let Some(member) = shape.member(member_name, edition) else {
                            continue;
                        };
                        if member_spec["shape"].as_str() != Some(member.target.name) {
                            problems.push(format!(
                                "{at}.{member_name}: shape {} vs table {}",
                                member_spec["shape"], member.target.name
                            ));
                        }
                        if required.contains(member_name.as_str()) != member.required {
                            problems.push(format!("{at}.{member_name}: required differs"));
                        }
                    }
                }
                ShapeKind::List(item) if spec["member"]["shape"].as_str() != Some(item.name) => {
                    problems.push(format!(
                        "{at}: list item {} vs table {}",
                        spec["member"]["shape"], item.name
                    ));
                }
                ShapeKind::Map { key, value }
                    if spec["key"]["shape"].as_str() != Some(key.name)
                        || spec["value"]["shape"].as_str() != Some(value.name) =>
                {
                    problems.push(format!("{at}: map key/value differ"));
                }
                _ => {}
            }
        }
        // The other direction: nothing in the table that this edition's model lacks.
        for shape in ALL_SHAPES.iter().filter(|s| s.since <= edition) {
            if !shapes.contains_key(shape.name) {
                problems.push(format!(
                    "{edition}: table shape {} is not in the model",
                    shape.name
                ));
            }
        }
    }
    assert!(checked_members > 200, "walked {checked_members} members");
    assert!(
        problems.is_empty(),
        "{} difference(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The anchored patterns we run must accept what the model's pattern accepts in full and
/// reject partial matches.
#[test]
fn patterns_are_anchored() {
    use iot_jobs_lint::shapes::{
        PATTERN_ARN, PATTERN_ID, PATTERN_NO_CONTROL, PATTERN_REASON_CODE, PATTERN_TAG_KEY,
    };
    assert!(PATTERN_ID.is_full_match("job-1_A"));
    assert!(!PATTERN_ID.is_full_match("bad id!"));
    assert!(PATTERN_NO_CONTROL.is_full_match("Firmware 2.1 für Pumpen"));
    assert!(!PATTERN_NO_CONTROL.is_full_match("two\nlines"));
    assert!(!PATTERN_NO_CONTROL.is_full_match("zero\u{200B}width"));
    assert!(PATTERN_TAG_KEY.is_full_match("team:ops/área=1"));
    assert!(!PATTERN_TAG_KEY.is_full_match("team#1"));
    assert!(PATTERN_ARN.is_full_match("arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0"));
    assert!(!PATTERN_ARN.is_full_match("xarn:aws"));
    assert!(!PATTERN_ARN.is_full_match("arn:aws iot"));
    assert!(PATTERN_REASON_CODE.is_full_match("FIRMWARE_V2"));
    assert!(!PATTERN_REASON_CODE.is_full_match("Firmware"));
    for p in [
        &PATTERN_ARN,
        &PATTERN_ID,
        &PATTERN_NO_CONTROL,
        &PATTERN_REASON_CODE,
        &PATTERN_TAG_KEY,
    ] {
        assert!(
            p.anchored.starts_with('^') && p.anchored.ends_with('$'),
            "{} is anchored",
            p.anchored
        );
    }
}
