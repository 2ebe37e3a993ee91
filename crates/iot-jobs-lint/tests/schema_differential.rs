//! The differential test of the exported JSON Schemas: a real validator (the `jsonschema` crate,
//! draft 2020-12, formats asserted as editors do) runs each schema over the whole fixture corpus
//! (`tests/corpus/**`, read as `tests/corpus.rs` reads it) and over `examples/`, and its verdicts
//! are held against the linter's expected ones:
//!
//! 1. **No false alarm.** A fixture whose expected diagnostics hold no error must be valid: an
//!    editor must not underline what the linter accepts.
//! 2. **Carried rules bite.** A fixture whose expected errors all come from rules with
//!    `json_schema: true` must be invalid.
//!
//! Fixtures with an error of a rule the schema cannot carry have no requirement (the schema may
//! or may not see another problem in them). What cannot hold is listed in [`XFAIL`] with the
//! reason; an entry that starts to hold fails the test, so the list only shrinks. New fixtures are
//! picked up as they are added.

use iot_jobs_lint::{Edition, Operation, registry, schema};
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Fixtures (paths under `tests/corpus/`, without `.json`) where the schema's verdict differs
/// from the requirement above, and why.
const XFAIL: &[(&str, &str)] = &[
    (
        "model/type-exponent-for-long",
        "JSON Schema's `integer` is a value test (draft 6 on): 1e3 is the integer 1000; the linter \
         judges the number as written, and the service's JSON reader rejects an exponent for a long",
    ),
    (
        "model/type-fraction-for-integer",
        "JSON Schema's `integer` accepts 60.0 (a zero fraction is still an integer); the linter \
         rejects the fraction as written",
    ),
];

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Expect {
    operation: Option<Operation>,
    service_model: Option<Edition>,
    diagnostics: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    code: String,
    severity: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `NAME.expect.json` under `tests/corpus/`, as (case name, input path, expect path).
fn cases() -> Vec<(String, PathBuf, PathBuf)> {
    let corpus = root().join("tests/corpus");
    let mut out = Vec::new();
    let mut stack = vec![corpus.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus directory exists") {
            let path = entry.expect("readable entry").path();
            let text = path.to_string_lossy().to_string();
            if path.is_dir() {
                stack.push(path);
            } else if let Some(stem) = text.strip_suffix(".expect.json") {
                let input = PathBuf::from(format!("{stem}.json"));
                let name = input
                    .strip_prefix(&corpus)
                    .unwrap_or(&input)
                    .to_string_lossy()
                    .trim_end_matches(".json")
                    .replace('\\', "/");
                out.push((name, input, path));
            }
        }
    }
    out.sort();
    out
}

/// The validators, one per operation and edition, compiled once.
struct Validators(BTreeMap<(&'static str, &'static str), jsonschema::Validator>);

impl Validators {
    fn new() -> Validators {
        let mut map = BTreeMap::new();
        for edition in Edition::ALL {
            for operation in Operation::ALL {
                let validator = jsonschema::draft202012::options()
                    .should_validate_formats(true)
                    .build(&schema::json_schema(operation, edition))
                    .unwrap_or_else(|e| {
                        panic!("the {edition} {operation} schema does not compile: {e}")
                    });
                map.insert((operation.as_str(), edition.as_str()), validator);
            }
        }
        Validators(map)
    }

    /// The validator's complaints about `instance` (empty when valid).
    fn errors(&self, operation: Operation, edition: Edition, instance: &Value) -> Vec<String> {
        self.0[&(operation.as_str(), edition.as_str())]
            .iter_errors(instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect()
    }
}

/// Reads JSON as an editor would: without `serde_json`'s nesting limit (it stops one level short
/// of the linter's 128, which the corpus has a case at).
fn read_json(text: &str) -> Result<Value, String> {
    let mut reader = serde_json::Deserializer::from_str(text);
    reader.disable_recursion_limit();
    let value = Value::deserialize(&mut reader).map_err(|e| e.to_string())?;
    reader.end().map_err(|e| e.to_string())?;
    Ok(value)
}

#[derive(Debug, PartialEq)]
enum Requirement {
    Accept,
    Reject,
    None,
}

#[test]
fn schemas_agree_with_the_linter_over_the_corpus() {
    let validators = Validators::new();
    let cases = cases();
    assert!(cases.len() > 50, "the corpus has {} cases", cases.len());
    let xfail: BTreeMap<&str, &str> = XFAIL.iter().copied().collect();
    let mut seen_xfail = BTreeSet::new();
    let mut failures = Vec::new();
    let (mut accepted, mut rejected, mut unconstrained) = (0, 0, 0);
    for (name, input, expect_path) in &cases {
        // CloudFormation templates are judged by the template pass, not by the API request
        // schemas an editor is given for request files.
        let template = std::fs::read(input)
            .is_ok_and(|b| iot_jobs_lint::is_template(&String::from_utf8_lossy(&b)));
        if !input.exists() || template {
            continue;
        }
        let expect: Expect =
            match serde_json::from_slice(&std::fs::read(expect_path).expect("readable")) {
                Ok(e) => e,
                Err(e) => {
                    failures.push(format!("{name}: bad expect file: {e}"));
                    continue;
                }
            };
        let errors: Vec<&Expected> = expect
            .diagnostics
            .iter()
            .filter(|d| d.severity == "error")
            .collect();
        let requirement = if errors.is_empty() {
            Requirement::Accept
        } else if errors
            .iter()
            .all(|d| registry::find(&d.code).is_some_and(|r| r.json_schema))
        {
            Requirement::Reject
        } else {
            Requirement::None
        };
        if requirement == Requirement::None {
            unconstrained += 1;
            continue;
        }
        let bytes = std::fs::read(input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        // Input the validator cannot read at all (not UTF-8, not JSON) is the linter's alone:
        // `json/*` rules are not carried, so such a case can only be an `Accept` gone wrong.
        let parsed = std::str::from_utf8(&bytes)
            .map_err(|e| e.to_string())
            .and_then(|text| read_json(text).map(|v| (text, v)));
        let verdict = match parsed {
            Err(e) => Err(format!("the input is not JSON a validator can read: {e}")),
            Ok((text, instance)) => {
                let operation = expect
                    .operation
                    .or_else(|| iot_jobs_lint::detect_operation(text));
                let edition = expect.service_model.unwrap_or_default();
                match operation {
                    Some(op) => Ok(validators.errors(op, edition, &instance)),
                    // No operation (a root that is not an object, say): the verdict must hold
                    // whichever schema an editor was given, so every one's problems count, and
                    // it is valid only when no schema complains.
                    None => {
                        let per_operation: Vec<Vec<String>> = Operation::ALL
                            .into_iter()
                            .map(|op| validators.errors(op, edition, &instance))
                            .collect();
                        if per_operation.iter().all(|p| !p.is_empty()) {
                            Ok(per_operation.concat())
                        } else if per_operation.iter().all(Vec::is_empty) {
                            Ok(Vec::new())
                        } else {
                            Err("the operation cannot be told, and the schemas disagree".into())
                        }
                    }
                }
            }
        };
        let holds = match (&requirement, &verdict) {
            (Requirement::Accept, Ok(problems)) => problems.is_empty(),
            (Requirement::Reject, Ok(problems)) => !problems.is_empty(),
            _ => false,
        };
        if holds {
            match requirement {
                Requirement::Accept => accepted += 1,
                _ => rejected += 1,
            }
        }
        match (xfail.get(name.as_str()), holds) {
            (Some(_), true) => failures.push(format!(
                "{name}: listed in XFAIL but the schema now gives the required verdict; remove the entry"
            )),
            (Some(_), false) => {
                seen_xfail.insert(name.clone());
            }
            (None, true) => {}
            (None, false) => {
                let codes: Vec<&str> = errors.iter().map(|d| d.code.as_str()).collect();
                let detail = match &verdict {
                    Err(e) => e.clone(),
                    Ok(problems) if problems.is_empty() => "the schema accepts it".to_string(),
                    Ok(problems) => format!("the schema rejects it: {}", problems.join("; ")),
                };
                failures.push(match requirement {
                    Requirement::Accept => {
                        format!("{name}: the linter finds no error, but {detail}")
                    }
                    _ => format!(
                        "{name}: the linter's errors {codes:?} are all carried by the schema, but {detail}"
                    ),
                });
            }
        }
    }
    for (name, _) in XFAIL {
        if !seen_xfail.contains(*name) && !failures.iter().any(|f| f.starts_with(name)) {
            failures.push(format!(
                "{name}: XFAIL entry names no case with a requirement; remove it"
            ));
        }
    }
    eprintln!(
        "{} fixtures: {accepted} accepted and {rejected} rejected as required, {} expected failures, {unconstrained} with errors the schemas cannot carry",
        cases.len(),
        seen_xfail.len()
    );
    assert!(
        failures.is_empty(),
        "{} disagreement(s) between the JSON Schemas and the linter ({accepted} accepted, {rejected} rejected as required):\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        accepted > 0 && rejected > 0,
        "the corpus exercised both directions"
    );
}

#[test]
fn every_valid_example_is_accepted_and_the_broken_one_rejected() {
    let validators = Validators::new();
    let dir = root().join("examples");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("examples/ exists") {
        let path = entry.expect("readable").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("examples are UTF-8");
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let operation = iot_jobs_lint::detect_operation(&text)
            .unwrap_or_else(|| panic!("{name}: operation cannot be told"));
        let instance: Value = serde_json::from_str(&text).expect("examples are JSON");
        for edition in Edition::ALL {
            let problems = validators.errors(operation, edition, &instance);
            // The examples use nothing newer than 2023-03-02, except where they say so.
            if name == "broken.job.json" {
                assert!(
                    !problems.is_empty(),
                    "{name} must be rejected under {edition}"
                );
            } else {
                assert!(
                    problems.is_empty(),
                    "{name} ({operation}) must be accepted under {edition}: {problems:?}"
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} examples found");
}

/// What an editor with only the schemas now catches, with messages that teach: a Unix cron in a
/// maintenance window, a `startTime` of "tomorrow", a job without any document source, both
/// sources at once, and a member only the other edition has (each at its place, each message
/// naming the way out).
#[test]
fn schemas_flag_unix_cron_tomorrow_and_missing_sources() {
    let validators = Validators::new();
    let base = serde_json::json!({
        "jobId": "fw-1",
        "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps"],
        "document": "{}",
    });
    let with = |patch: Value| {
        let mut v = base.clone();
        for (k, x) in patch.as_object().unwrap() {
            if x.is_null() {
                v.as_object_mut().unwrap().remove(k);
            } else {
                v[k] = x.clone();
            }
        }
        v
    };
    let errors = |v: &Value, edition| validators.errors(Operation::CreateJob, edition, v);
    assert!(errors(&base, Edition::Latest).is_empty());
    let unix = with(
        serde_json::json!({"schedulingConfig": {"maintenanceWindows": [
        {"startTime": "0 2 * * 0", "durationInMinutes": 60}]}}),
    );
    let e = errors(&unix, Edition::Latest);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].ends_with("at /schedulingConfig/maintenanceWindows/0/startTime"),
        "{e:?}"
    );
    let tomorrow = with(serde_json::json!({"schedulingConfig": {"startTime": "tomorrow"}}));
    let e = errors(&tomorrow, Edition::Latest);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].ends_with("at /schedulingConfig/startTime"), "{e:?}");
    let none = with(serde_json::json!({"document": null}));
    assert_eq!(errors(&none, Edition::Latest).len(), 1);
    let both = with(serde_json::json!({"documentSource": "https://s3.amazonaws.com/b/job.json"}));
    let e = errors(&both, Edition::Latest);
    assert!(
        e.len() == 1 && e[0].ends_with("at /documentSource"),
        "{e:?}"
    );
    let newer = with(serde_json::json!({"destinationPackageVersions": []}));
    assert!(errors(&newer, Edition::Latest).is_empty());
    let e = errors(&newer, Edition::V2023_03_02);
    assert!(
        e.len() == 1 && e[0].ends_with("at /destinationPackageVersions"),
        "{e:?}"
    );
    // The messages an editor shows for them (VS Code reads patternErrorMessage and errorMessage).
    let s = schema::json_schema(Operation::CreateJob, Edition::Latest);
    let window = &s["$defs"]["MaintenanceWindow"]["properties"]["startTime"];
    assert!(
        window["patternErrorMessage"]
            .as_str()
            .unwrap()
            .contains("A Unix cron such as 0 2 * * 0")
    );
    let time = &s["$defs"]["SchedulingConfig"]["properties"]["startTime"];
    assert!(
        time["patternErrorMessage"]
            .as_str()
            .unwrap()
            .contains("YYYY-MM-DDTHH:MM")
    );
    let source = s["allOf"][0]["errorMessage"].as_str().unwrap();
    for choice in ["document", "documentSource", "jobTemplateArn"] {
        assert!(source.contains(choice), "{source}");
    }
}
