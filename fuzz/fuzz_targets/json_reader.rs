//! `json_reader`: the same bytes to `iot_jobs_lint::lint` and to
//! `serde_json::from_slice::<serde_json::Value>`. serde_json accepts exactly when the report has
//! no `json/syntax`, `json/too-deep` or `json/invalid-utf8` diagnostic, apart from the deliberate
//! differences below (docs/fuzzing.md keeps the same list).
//!
//! Deliberate differences:
//!
//! 1. Depth 128. serde_json's default recursion limit rejects the 128th nested array or object
//!    (it accepts at most 127 levels); the linter's reader accepts 128 levels
//!    (`MAX_DEPTH`) and reports `json/too-deep` from 129. Inputs nesting exactly 128 levels
//!    are valid JSON that serde_json's default configuration refuses; no real request nests
//!    more than five. Checked: when only serde_json rejects with "recursion limit exceeded",
//!    the input must nest exactly 128 levels.
//! 2. Numbers out of f64 range. serde_json (without `arbitrary_precision`) rejects a number
//!    whose magnitude overflows f64 (`1e400`: "number out of range"); RFC 8259 §6 allows any
//!    number and the linter accepts it (and reports the value where a rule reads it). Checked:
//!    when only serde_json rejects with "number out of range", the linter accepted.
//!
//! 3. YAML CloudFormation templates. Text that is not JSON but reads as a YAML template (a
//!    top-level `AWSTemplateFormatVersion:`, `Resources:` or `Type: AWS::…` line) goes to the
//!    template's YAML reader, not the JSON one. Checked: when only serde_json rejects, the report
//!    is a template's (`template_resources` is set), whatever the YAML reader made of it.
//!
//! Not differences (both behave the same, checked by the plain comparison): a byte-order mark
//! (both reject), duplicate member names (both accept), lone surrogate escapes (both reject).
#![no_main]
use iot_jobs_lint::{LintOptions, lint};
use iot_jobs_lint_fuzz::{check_report, now_from, unreadable};
use libfuzzer_sys::fuzz_target;

/// Deepest nesting of arrays and objects in valid JSON text.
fn depth(bytes: &[u8]) -> usize {
    let (mut d, mut max, mut in_str, mut esc) = (0usize, 0usize, false, false);
    for &b in bytes {
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                d += 1;
                max = max.max(d);
            }
            b']' | b'}' => d = d.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fuzz_target!(|data: &[u8]| {
    let options = LintOptions::new(now_from(0, 0, 0));
    let report = lint(data, &options);
    check_report(&report, data);
    let ours = !unreadable(&report);
    let theirs = serde_json::from_slice::<serde_json::Value>(data);
    match (&theirs, ours) {
        (Ok(_), true) => {}
        (Err(e), false) => {
            let _ = e;
        }
        (Err(e), true) if e.to_string().starts_with("recursion limit exceeded") => {
            assert_eq!(depth(data), 128, "difference 1 applies only at depth 128");
        }
        (Err(e), true) if e.to_string().starts_with("number out of range") => {}
        (Err(_), true) if report.template_resources.is_some() => {}
        (Err(e), true) => panic!(
            "serde_json rejects ({e}) but the linter reads it: {:?}",
            report.diagnostics
        ),
        (Ok(_), false) => panic!(
            "serde_json accepts but the linter does not: {:?}",
            report
                .diagnostics
                .iter()
                .map(|d| (d.code.as_str(), &d.message))
                .collect::<Vec<_>>()
        ),
    }
});
