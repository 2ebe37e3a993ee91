//! The export's own invariants; `tests/schema_differential.rs` holds the schemas against the
//! linter over the fixture corpus, `tests/schema_sync.rs` keeps `schemas/` current.

use super::patterns;
use super::*;
use crate::registry;
use crate::{LintOptions, Severity};
use proptest::prelude::*;
use regex::Regex;
use serde_json::{Value, json};

fn all_schemas() -> Vec<(Operation, Edition, Value)> {
    Edition::ALL
        .into_iter()
        .flat_map(|e| {
            Operation::ALL
                .into_iter()
                .map(move |o| (o, e, json_schema(o, e)))
        })
        .collect()
}

/// Every subschema (object) of a schema, with its JSON Pointer.
fn walk<'v>(value: &'v Value, pointer: String, out: &mut Vec<(String, &'v Value)>) {
    match value {
        Value::Object(map) => {
            out.push((pointer.clone(), value));
            for (k, v) in map {
                walk(
                    v,
                    format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(v, format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn subschemas(schema: &Value) -> Vec<(String, &Value)> {
    let mut out = Vec::new();
    walk(schema, String::new(), &mut out);
    // `examples`, `enum` and `default` hold data, not schemas.
    out.retain(|(p, _)| {
        !["/examples/", "/enum/", "/default"]
            .iter()
            .any(|k| p.contains(k))
    });
    out
}

/// The codes the linter reports for a CreateJob request.
fn lint_codes(request: &Value) -> Vec<String> {
    let options = LintOptions {
        operation: Some(Operation::CreateJob),
        ..LintOptions::new("2026-01-01T00:00:00Z".parse().expect("RFC 3339"))
    };
    crate::lint_str(&request.to_string(), &options)
        .diagnostics
        .into_iter()
        .map(|d| d.code.to_string())
        .collect()
}

#[test]
fn carried_rules_are_the_registry_rules_marked_json_schema() {
    let marked: Vec<&str> = registry::all()
        .iter()
        .filter(|r| r.json_schema && !r.code.starts_with("model/"))
        .map(|r| r.code)
        .collect();
    let mut carried = CARRIED.to_vec();
    carried.sort_unstable();
    let mut marked_sorted = marked.clone();
    marked_sorted.sort_unstable();
    assert_eq!(
        carried, marked_sorted,
        "schema::CARRIED and the rules with json_schema: true must be the same set"
    );
}

#[test]
fn only_errors_go_into_the_schemas() {
    for r in registry::all().iter().filter(|r| r.json_schema) {
        assert_eq!(
            r.severity,
            Severity::Error,
            "{}: a schema violation shows as an error in an editor, so only error rules may set json_schema",
            r.code
        );
    }
}

#[test]
fn every_schema_is_valid_draft_2020_12_with_id_title_and_descriptions() {
    for (op, edition, schema) in all_schemas() {
        if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
            panic!("{edition} {op}: not a valid 2020-12 schema: {e}");
        }
        assert_eq!(schema["$schema"], DIALECT);
        assert_eq!(schema["$id"], id(op, edition));
        assert!(
            schema["title"]
                .as_str()
                .is_some_and(|t| t.contains(edition.as_str()))
        );
        for (pointer, sub) in subschemas(&schema) {
            if sub.get("properties").is_some() || sub.get("$ref").is_some() {
                continue;
            }
            if let Some(md) = sub.get("markdownDescription") {
                assert!(
                    sub.get("description")
                        .is_some_and(|d| !d.as_str().unwrap_or("").contains('`')),
                    "{edition} {op} {pointer}: a plain description beside the Markdown one ({md})"
                );
            }
        }
    }
}

#[test]
fn every_structure_is_closed_and_every_pattern_is_anchored() {
    let model_patterns: Vec<&str> = crate::shapes::ALL_SHAPES
        .iter()
        .filter_map(|s| s.pattern.map(|p| p.anchored))
        .collect();
    for (op, edition, schema) in all_schemas() {
        let mut closed = 0;
        for (pointer, sub) in subschemas(&schema) {
            if sub.get("properties").is_some() && sub.get("type") == Some(&json!("object")) {
                assert_eq!(
                    sub.get("additionalProperties"),
                    Some(&json!(false)),
                    "{edition} {op} {pointer}: a structure without additionalProperties: false"
                );
                closed += 1;
            }
            if let Some(Value::String(p)) = sub.get("pattern") {
                Regex::new(p).unwrap_or_else(|e| panic!("{pointer}: {p}: {e}"));
                assert!(
                    p.starts_with('^'),
                    "{edition} {op} {pointer}: {p} is anchored at the start"
                );
                // Model patterns match the whole value; the documented rules' are prefix tests.
                assert!(
                    p.ends_with('$') || !model_patterns.contains(&p.as_str()),
                    "{pointer}: {p}"
                );
            }
        }
        assert!(closed >= 3, "{edition} {op}: {closed} structures");
    }
}

#[test]
fn examples_and_defaults_satisfy_their_own_schema() {
    for (op, edition, schema) in all_schemas() {
        let defs = schema["$defs"].clone();
        let mut checked = 0;
        for (pointer, sub) in subschemas(&schema) {
            let mut values: Vec<&Value> = Vec::new();
            if let Some(Value::Array(examples)) = sub.get("examples") {
                values.extend(examples);
            }
            values.extend(sub.get("default"));
            if values.is_empty() {
                continue;
            }
            let mut standalone = sub.clone();
            standalone["$defs"] = defs.clone();
            let validator = jsonschema::draft202012::options()
                .should_validate_formats(true)
                .build(&standalone)
                .unwrap_or_else(|e| panic!("{pointer}: {e}"));
            for v in values {
                assert!(
                    validator.is_valid(v),
                    "{edition} {op} {pointer}: example or default {v} breaks its own schema"
                );
                checked += 1;
            }
        }
        assert!(checked >= 3, "{edition} {op}: only {checked} examples");
    }
}

#[test]
fn editions_differ_where_the_model_does() {
    let old = json_schema(Operation::CreateJob, Edition::V2023_03_02);
    let new = json_schema(Operation::CreateJob, Edition::Latest);
    // The older edition names the member only to refuse it, with the reason, out of completion.
    let refused = &old["properties"]["destinationPackageVersions"];
    assert_eq!(refused["not"], json!({}));
    assert_eq!(refused["doNotSuggest"], json!(true));
    assert!(
        refused["errorMessage"]
            .as_str()
            .unwrap()
            .contains("not a member of CreateJobRequest in the 2023-03-02 service model (the latest model has it)"),
        "{refused}"
    );
    assert!(
        new["properties"]
            .get("destinationPackageVersions")
            .is_some()
    );
    let duration = "/$defs/MaintenanceWindow/properties/durationInMinutes";
    assert_eq!(old.pointer(duration).unwrap()["minimum"], 30);
    assert_eq!(new.pointer(duration).unwrap()["minimum"], 1);
    assert_eq!(new.pointer(duration).unwrap()["maximum"], 1430);
    let value = "/properties/documentParameters/additionalProperties/maxLength";
    assert_eq!(old.pointer(value), Some(&json!(512)));
    assert_eq!(new.pointer(value), Some(&json!(30720)));
    // Wherever the older edition names the member, it is to refuse it.
    for op in Operation::ALL {
        let schema = json_schema(op, Edition::V2023_03_02);
        let text = schema.to_string();
        let named = text.matches("\"destinationPackageVersions\":").count();
        let refused = text.matches("\"doNotSuggest\":true").count();
        assert!(named <= refused, "{op}: {named} named, {refused} refused");
    }
}

#[test]
fn documented_rules_are_in_place() {
    let s = json_schema(Operation::CreateJob, Edition::Latest);
    let timeout = s
        .pointer("/$defs/TimeoutConfig/properties/inProgressTimeoutInMinutes")
        .unwrap();
    assert_eq!(
        (&timeout["minimum"], &timeout["maximum"]),
        (&json!(1), &json!(10080))
    );
    assert_eq!(
        s.pointer("/$defs/RateIncreaseCriteria/minProperties"),
        Some(&json!(1))
    );
    assert_eq!(s.pointer("/properties/expiresInSec"), None);
    assert_eq!(
        s.pointer("/$defs/PresignedUrlConfig/properties/expiresInSec/default"),
        Some(&json!(3600))
    );
    // Warnings stay out: no uniqueItems for targets, no maxItems for package versions.
    let targets = s.pointer("/properties/targets").unwrap();
    assert!(targets.get("uniqueItems").is_none());
    assert!(
        s.pointer("/properties/destinationPackageVersions/maxItems")
            .is_none()
    );
}

#[test]
fn avoiding_matches_exactly_the_strings_without_the_needle() {
    // Exhaustive over a small alphabet, with a needle built like `:jobtemplate/`.
    let needle = ":ab/";
    let re = Regex::new(&format!("^{}$", patterns::avoiding(needle))).unwrap();
    let alphabet = [':', 'a', 'b', '/', 'x'];
    let mut strings = vec![String::new()];
    let mut level = vec![String::new()];
    for _ in 0..7 {
        level = level
            .iter()
            .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
            .collect();
        strings.extend(level.iter().cloned());
    }
    assert!(strings.len() > 90_000);
    for s in &strings {
        assert_eq!(re.is_match(s), !s.contains(needle), "{s:?}");
    }
}

fn target_pattern() -> &'static Regex {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| Regex::new(patterns::TARGET_ARN).unwrap())
}

fn managed_pattern() -> &'static Regex {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| Regex::new(&patterns::managed_template()).unwrap())
}

fn tag_pattern() -> &'static Regex {
    static RE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| Regex::new(&patterns::not_reserved_tag_prefix()).unwrap())
}

fn check_target(s: &str) {
    let request = json!({"jobId": "j", "targets": [s], "document": "{}"});
    let linter = lint_codes(&request)
        .iter()
        .any(|c| c == "targets/arn-format");
    assert_eq!(target_pattern().is_match(s), !linter, "target {s:?}");
}

fn check_managed(s: &str) {
    let request = json!({"jobId": "j", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/t"],
                         "jobTemplateArn": s, "documentParameters": {"k": "v"}});
    // A value that breaks `jobTemplateArn`'s own pattern or length gets that error instead (no
    // cascade): the only member of this request that can have one.
    let linter = lint_codes(&request).iter().any(|c| {
        c == "document/parameters-without-managed-template"
            || c == "model/pattern"
            || c == "model/length"
    });
    assert_eq!(managed_pattern().is_match(s), !linter, "template {s:?}");
}

fn check_tag(s: &str) {
    let request = json!({"jobId": "j", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/t"],
                         "document": "{}", "tags": [{"Key": s}]});
    let linter = lint_codes(&request)
        .iter()
        .any(|c| c == "tags/reserved-prefix");
    assert_eq!(tag_pattern().is_match(s), !linter, "tag key {s:?}");
}

#[test]
fn documented_patterns_agree_with_the_rules_on_edge_cases() {
    let name128 = "n".repeat(128);
    for s in [
        "arn:aws:iot:us-east-1:111122223333:thing/pump-7".to_string(),
        "arn:aws-cn:iot:cn-north-1:111122223333:thinggroup/a:b_c-d".to_string(),
        "arn:aws-us-gov:iot:us-gov-west-1:111122223333:thing/x".to_string(),
        format!("arn:aws:iot:us-east-1:111122223333:thing/{name128}"),
        format!("arn:aws:iot:us-east-1:111122223333:thing/{name128}n"),
        "arn:aws:iot:us-east-1:111122223333:thing/".into(),
        "arn:aws:iot:us-east-1:11112222333:thing/x".into(),
        "arn:aws:iot::111122223333:thing/x".into(),
        "arn:aws:iot:us-east-1:111122223333:thing/a/b".into(),
        "arn:aws:iot:us-east-1:111122223333:job/x".into(),
        "arn:gcp:iot:us-east-1:111122223333:thing/x".into(),
        "arn:aws:iam:us-east-1:111122223333:thing/x".into(),
        "arn:aws:iot:us_east:111122223333:thing/x".into(),
        "arn:aws:iot:us-east-1:111122223333:thing/x\n".into(),
        "arn:awsé:iot:r:111122223333:thing/x".into(),
        "pump-0043".into(),
        String::new(),
    ] {
        check_target(&s);
    }
    for s in [
        "arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0",
        "arn:aws:iot:us-east-1:111122223333:jobtemplate/custom",
        "arn:aws:iot:us-east-1:111122223333:jobtemplate/aws-lower",
        "arn:jobtemplate/AWS-x",
        "arn:x:jobtemplate/y:jobtemplate/AWS-z",
        "arn:x:jobtemplate/AWS-y:jobtemplate/z",
        "arn:x:job:jobtemplate/AWS-",
        "arn:x::::jobtemplat:jobtemplate/AWS-",
        "arn:x:jobtemplate/AWS",
    ] {
        check_managed(s);
    }
    for s in [
        "aws:team", "AWS:x", "aWs:", "aws", "aws-team", "team", "aws :x", "", "ａws:",
    ] {
        check_tag(s);
    }
}

proptest! {
    #[test]
    fn target_pattern_agrees_with_the_rule(
        s in prop_oneof![
            "arn:aws[a-z-]{0,3}:iot:[a-z0-9_-]{0,4}:[0-9]{11,13}:(thing|thinggroup|thingx|)/?[a-zA-Z0-9:_/ é-]{0,5}",
            "(arn|ar|)(:|::)(aws|awx|)(:|::)(iot|)(:|::)[a-z0-9-]{0,3}(:|::)[0-9]{0,13}:?(thing|thinggroup)?/?[a-z:]{0,3}",
            "\\PC{0,24}",
        ]
    ) {
        check_target(&s);
    }

    #[test]
    fn managed_template_pattern_agrees_with_the_rule(
        parts in prop::collection::vec(
            prop_oneof![
                Just(":jobtemplate/"), Just("AWS-"), Just(":"), Just("job"), Just("template"),
                Just("/"), Just("x"), Just("AWS"), Just(":jobtemplat"), Just("-"),
            ],
            0..8,
        )
    ) {
        check_managed(&format!("arn:{}", parts.concat()));
    }

    #[test]
    fn tag_prefix_pattern_agrees_with_the_rule(s in "[aAwWsS: x]{0,6}") {
        check_tag(&s);
    }
}
