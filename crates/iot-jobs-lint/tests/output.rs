//! The SARIF and GitHub outputs over the whole spec corpus: the SARIF log validates against the
//! official SARIF 2.1.0 JSON Schema (vendored in tests/vendor/sarif with its licence), and its
//! results agree with the reports.

use iot_jobs_lint::output::{FileReport, github, sarif};
use iot_jobs_lint::{LintOptions, Report};
use std::path::{Path, PathBuf};

fn corpus() -> Vec<(String, Vec<u8>, Report)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "json")
                && !p.to_string_lossy().ends_with(".expect.json")
            {
                paths.push(p);
            }
        }
    }
    paths.sort();
    let options = LintOptions::new("2026-01-01T00:00:00Z".parse().unwrap());
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            let report = iot_jobs_lint::lint(&bytes, &options);
            let name = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, bytes, report)
        })
        .collect()
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let files = corpus();
    let texts: Vec<Option<&str>> = files
        .iter()
        .map(|(_, b, _)| std::str::from_utf8(b).ok())
        .collect();
    let reports: Vec<FileReport<'_>> = files
        .iter()
        .zip(&texts)
        .map(|((path, _, report), text)| FileReport {
            path,
            report,
            text: *text,
        })
        .collect();
    // An unreadable input too, so that the invocation's notifications are validated as well.
    let unreadable = [(
        "jobs/gone.json".to_string(),
        "cannot read jobs/gone.json: No such file or directory".to_string(),
    )];
    let log = sarif(&reports, &unreadable, "0.1.0");
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
    assert_eq!(
        log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]
            ["artifactLocation"]["uri"],
        "jobs/gone.json"
    );
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vendor/sarif/sarif-schema-2.1.0.json");
    let mut schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(schema_path).unwrap()).unwrap();
    // The official schema's pattern for `language` (run, toolComponent) has a stray `]`
    // (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`), which an ECMA-262 regex in Unicode mode
    // rejects (check-jsonschema needs `--regex-variant python` for the same reason). Our log has
    // no `language`; the pattern is replaced by what it means so that the schema compiles with
    // format validation on.
    fn mend(v: &mut serde_json::Value, fixed: &mut usize) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m.iter_mut() {
                    if k == "pattern" && x == "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$" {
                        *x = serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                        *fixed += 1;
                    } else {
                        mend(x, fixed);
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(|x| mend(x, fixed)),
            _ => {}
        }
    }
    let mut fixed = 0;
    mend(&mut schema, &mut fixed);
    assert!(fixed >= 1);
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .take(10)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let results = log["runs"][0]["results"].as_array().unwrap();
    let total: usize = files.iter().map(|(_, _, r)| r.diagnostics.len()).sum();
    assert_eq!(results.len(), total);
    assert!(total > 300);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), iot_jobs_lint::registry::all().len());
    // Every result points at its rule, and related places and fixes come through.
    for r in results {
        let i = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], r["ruleId"]);
    }
    assert!(results.iter().any(|r| r["relatedLocations"].is_array()));
    assert!(results.iter().any(|r| r["fixes"].is_array()));
}

#[test]
fn github_has_one_command_per_diagnostic() {
    let files = corpus();
    let reports: Vec<FileReport<'_>> = files
        .iter()
        .map(|(path, _, report)| FileReport {
            path,
            report,
            text: None,
        })
        .collect();
    let out = github(&reports);
    let total: usize = files.iter().map(|(_, _, r)| r.diagnostics.len()).sum();
    assert_eq!(out.lines().count(), total);
    for line in out.lines() {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
        // Each command is one line, its message escaped.
        assert!(!line.contains('\r'));
    }
}
