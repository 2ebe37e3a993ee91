//! Machine-applicable fixes over the whole spec corpus (`tests/corpus/`).
//!
//! For every input: every diagnostic that carries a fix belongs to a rule whose registry entry
//! declares one (and every rule that declares one shows one somewhere in the corpus); applying the
//! safe fixes gives JSON (or a YAML template) that parses, no longer has the fixed problems, has no new error, and
//! settles: fixing again until nothing changes takes a few rounds, and then a further round
//! changes nothing. Suggested fixes are checked to parse and not to add errors of their own code.

use iot_jobs_lint::{
    Applicability, Edition, LintOptions, Operation, Report, apply_fixes, registry,
};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Header {
    operation: Option<Operation>,
    service_model: Option<Edition>,
    now: Option<String>,
}

fn cases() -> Vec<(PathBuf, LintOptions)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("corpus directory") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if let Some(name) = path.to_str().and_then(|p| p.strip_suffix(".expect.json")) {
                let header: Header =
                    serde_json::from_slice(&std::fs::read(&path).expect("expectation"))
                        .expect("expectation header");
                let options = LintOptions {
                    operation: header.operation,
                    service_model: header.service_model.unwrap_or_default(),
                    ..LintOptions::new(
                        header
                            .now
                            .as_deref()
                            .unwrap_or("2026-01-01T00:00:00Z")
                            .parse()
                            .expect("RFC 3339"),
                    )
                };
                // A JSON input, or a YAML template.
                let yaml = PathBuf::from(format!("{name}.yaml"));
                let input = if yaml.exists() {
                    yaml
                } else {
                    PathBuf::from(format!("{name}.json"))
                };
                out.push((input, options));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn counts(report: &Report, errors_only: bool) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for d in &report.diagnostics {
        if !errors_only || d.severity == iot_jobs_lint::Severity::Error {
            *out.entry(d.code.to_string()).or_default() += 1;
        }
    }
    out
}

#[test]
fn fixes_are_declared_apply_cleanly_and_settle() {
    let mut failures = Vec::new();
    let mut shown: BTreeSet<&str> = BTreeSet::new();
    let mut applied_total = 0;
    for (path, options) in cases() {
        let name = path.display().to_string();
        let Ok(text) = String::from_utf8(std::fs::read(&path).expect("input")) else {
            continue;
        };
        let report = iot_jobs_lint::lint_str(&text, &options);
        for d in &report.diagnostics {
            if !d.fixes.is_empty() {
                shown.insert(d.code.as_str());
                if d.code.rule().fix.is_none() {
                    failures.push(format!(
                        "{name}: {} carries a fix but its rule declares none",
                        d.code
                    ));
                }
            }
        }
        // Suggested fixes: each alone gives JSON that still parses.
        for d in report.diagnostics.iter().filter(|d| !d.fixes.is_empty()) {
            let one = apply_fixes(&text, std::slice::from_ref(d), Applicability::Suggested);
            let again = iot_jobs_lint::lint_str(&one.text, &options);
            if again
                .diagnostics
                .iter()
                .any(|x| x.code.as_str().starts_with("json/syntax") || x.code == *"cfn/yaml-syntax")
            {
                failures.push(format!(
                    "{name}: the fix of {} breaks the JSON:\n{}",
                    d.code, one.text
                ));
            }
        }
        // Safe fixes, all at once.
        let fixed = apply_fixes(&text, &report.diagnostics, Applicability::Safe);
        if fixed.applied == 0 {
            continue;
        }
        applied_total += fixed.applied;
        let after = iot_jobs_lint::lint_str(&fixed.text, &options);
        let fixed_codes: BTreeMap<String, usize> = {
            let mut m = BTreeMap::new();
            // Which diagnostics had a safe first fix (those apply_fixes chose from).
            for d in &report.diagnostics {
                if d.fixes
                    .first()
                    .is_some_and(|f| f.applicability == Applicability::Safe)
                {
                    *m.entry(d.code.to_string()).or_insert(0) += 1;
                }
            }
            m
        };
        let (before_all, after_all) = (counts(&report, false), counts(&after, false));
        for (code, n) in &fixed_codes {
            let was = before_all.get(code).copied().unwrap_or(0);
            let now = after_all.get(code).copied().unwrap_or(0);
            // Overlapping fixes wait for the next round, so at least one is gone.
            if now >= was && *n > 0 {
                failures.push(format!(
                    "{name}: {code} is still reported {now} time(s) after its safe fix:\n{}",
                    fixed.text
                ));
            }
        }
        let (errors_before, errors_after) = (counts(&report, true), counts(&after, true));
        for (code, n) in &errors_after {
            if *n > errors_before.get(code).copied().unwrap_or(0) {
                failures.push(format!(
                    "{name}: the safe fixes add the error {code}:\n{}",
                    fixed.text
                ));
            }
        }
        // Settle: fix until nothing changes (overlapping fixes take more rounds).
        let mut current = fixed.text.clone();
        let mut rounds = 1;
        loop {
            let r = iot_jobs_lint::lint_str(&current, &options);
            let next = apply_fixes(&current, &r.diagnostics, Applicability::Safe);
            if next.applied == 0 {
                assert_eq!(
                    next.text, current,
                    "{name}: a round without fixes changed the text"
                );
                break;
            }
            current = next.text;
            rounds += 1;
            if rounds > 8 {
                failures.push(format!(
                    "{name}: the safe fixes do not settle after 8 rounds"
                ));
                break;
            }
        }
    }
    for rule in registry::all() {
        if rule.fix.is_some() && !shown.contains(rule.code) {
            failures.push(format!(
                "rule {} declares a fix, but no corpus case shows one",
                rule.code
            ));
        }
    }
    assert!(
        applied_total > 20,
        "the corpus should exercise safe fixes, applied {applied_total}"
    );
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
