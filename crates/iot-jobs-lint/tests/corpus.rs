//! The shared fixture corpus (`tests/corpus/` at the repository root), driven as data.
//!
//! Each case is an input file `NAME.json` (raw bytes, exactly as a user would have it) beside
//! `NAME.expect.json`:
//!
//! ```json
//! { "rule": "model/range", "description": "why this case exists",
//!   "operation": "create-job", "serviceModel": "2023-03-02", "now": "2026-01-01T00:00:00Z",
//!   "diagnostics": [ { "code": "model/range", "severity": "error", "pointer": "/x" } ] }
//! ```
//!
//! `operation` (default: detected), `serviceModel` (default `latest`) and `now` (default
//! 2026-01-01T00:00:00Z) are optional. The expected diagnostics must equal the produced ones as a
//! multiset of (code, severity, pointer). The same corpus runs through the npm package.
//!
//! Coverage: every registered rule has at least one case about it (`rule`) that expects its code
//! and one that does not (the passing neighbour).

use iot_jobs_lint::{Edition, LintOptions, Operation, registry};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Expect {
    rule: String,
    description: String,
    operation: Option<Operation>,
    service_model: Option<Edition>,
    now: Option<String>,
    diagnostics: Vec<Expected>,
}

#[derive(Deserialize, Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
struct Expected {
    code: String,
    severity: String,
    pointer: String,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus")
}

fn cases() -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![corpus_dir()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus directory exists") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(".expect.json") {
                let input = PathBuf::from(path.to_string_lossy().replace(".expect.json", ".json"));
                out.push((input, path));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn corpus_verdicts() {
    let cases = cases();
    assert!(
        cases.len() > 50,
        "the corpus should not be empty, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    let mut about: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (input, expect_path) in &cases {
        let name = expect_path
            .strip_prefix(corpus_dir())
            .unwrap_or(expect_path)
            .display()
            .to_string();
        let expect: Expect = match serde_json::from_slice(&std::fs::read(expect_path).unwrap()) {
            Ok(e) => e,
            Err(e) => {
                failures.push(format!("{name}: bad expect file: {e}"));
                continue;
            }
        };
        assert!(!expect.description.is_empty(), "{name}: describe the case");
        let bytes = std::fs::read(input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        let now = expect
            .now
            .as_deref()
            .unwrap_or("2026-01-01T00:00:00Z")
            .parse()
            .expect("now is RFC 3339");
        let options = LintOptions {
            operation: expect.operation,
            service_model: expect.service_model.unwrap_or_default(),
            now,
        };
        let report = iot_jobs_lint::lint(&bytes, &options);
        let mut got: Vec<Expected> = report
            .diagnostics
            .iter()
            .map(|d| Expected {
                code: d.code.clone(),
                severity: d.severity.to_string(),
                pointer: d.pointer.clone(),
            })
            .collect();
        let mut want = expect.diagnostics.clone();
        got.sort();
        want.sort();
        if got != want {
            let detail: Vec<String> = report
                .diagnostics
                .iter()
                .map(|d| {
                    format!(
                        "    {} {} {} — {}",
                        d.severity, d.code, d.pointer, d.message
                    )
                })
                .collect();
            failures.push(format!(
                "{name}:\n  expected {:?}\n  got:\n{}",
                want.iter()
                    .map(|e| format!("{} {} {}", e.severity, e.code, e.pointer))
                    .collect::<Vec<_>>(),
                detail.join("\n")
            ));
        }
        for d in &report.diagnostics {
            assert!(
                d.line >= 1 && d.column >= 1,
                "{name}: positions are 1-based"
            );
            assert!(
                registry::find(&d.code).is_some(),
                "{name}: {} is not in the registry",
                d.code
            );
        }
        let entry = about.entry(expect.rule.clone()).or_default();
        if want.iter().any(|e| e.code == expect.rule) {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }
    for rule in registry::all() {
        let (failing, passing) = about.get(rule.code).copied().unwrap_or_default();
        if failing == 0 || passing == 0 {
            failures.push(format!(
                "rule {} needs a failing and a passing case (has {failing} failing, {passing} passing)",
                rule.code
            ));
        }
    }
    for code in about.keys() {
        if registry::find(code).is_none() {
            failures.push(format!("cases name rule {code}, which is not registered"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
