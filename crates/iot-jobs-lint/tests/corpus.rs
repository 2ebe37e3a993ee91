//! The spec corpus (`tests/corpus/` at the repository root): the linter's full output on every
//! fixture, driven as data, so that any change to what a user sees shows as a diff.
//!
//! Each case is an input file `NAME.json` or `NAME.yaml` (a template; raw bytes, exactly as a user would have it) beside
//! `NAME.expect.json`:
//!
//! ```json
//! { "rule": "model/range", "description": "why this case exists",
//!   "operation": "create-job", "serviceModel": "2023-03-02", "now": "2026-01-01T00:00:00Z",
//!   "diagnostics": [
//!     { "code": "model/range", "severity": "error", "pointer": "/x",
//!       "message": "…", "help": null, "span": { "start": 10, "end": 14 },
//!       "line": 2, "column": 8, "endLine": 2, "endColumn": 12, "fixes": [] } ] }
//! ```
//!
//! `operation` (default: detected), `serviceModel` (default `latest`), `now` (default
//! 2026-01-01T00:00:00Z) and `maxInputBytes` (default 4 MiB) are optional. `diagnostics` is the whole output, in the order the linter
//! returns it (source order); each entry is [`actual`] of a produced diagnostic; `span` is the
//! byte range in the input file (for an input that is not UTF-8, in its valid prefix). The list
//! must be equal, entry by entry and field by field. A mismatch is reported as a per-field diff.
//!
//! To accept the current output (after an intended change; review the diff in git):
//!
//! ```sh
//! IOT_JOBS_LINT_BLESS=1 cargo test -p iot-jobs-lint --test corpus
//! ```
//!
//! rewrites the `diagnostics` of every expectation that differs (the header is kept as written)
//! and lists the files it rewrote. The same corpus runs through the npm package
//! (`pkg/test/corpus.test.mjs`).
//!
//! Coverage: every registered rule has at least one case about it (`rule`) that expects its code
//! and one that does not (the passing neighbour).

mod corpus_spec;

use corpus_spec::{Ordered, diff, expectation_file, field_order};
use iot_jobs_lint::{Diagnostic, Edition, LintOptions, Operation, registry};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The command that accepts the current output.
const BLESS: &str = "IOT_JOBS_LINT_BLESS=1 cargo test -p iot-jobs-lint --test corpus";

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Expect {
    rule: String,
    description: String,
    operation: Option<Operation>,
    service_model: Option<Edition>,
    now: Option<String>,
    max_input_bytes: Option<usize>,
    diagnostics: Vec<Value>,
}

/// One diagnostic as the corpus records it; the fields serialize in this order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Actual {
    code: String,
    severity: String,
    pointer: String,
    message: String,
    help: Option<String>,
    span: Span,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    fixes: Vec<Value>,
    related: Vec<Value>,
}

#[derive(Serialize)]
struct Span {
    start: usize,
    end: usize,
}

/// What the corpus records of a diagnostic produced from `text`. The one place that knows the
/// shape of [`Diagnostic`]: when it gains fields (its own span, fixes), only this changes.
fn actual(d: &Diagnostic, _text: &str) -> Actual {
    Actual {
        code: d.code.to_string(),
        severity: d.severity.to_string(),
        pointer: d.pointer.clone(),
        message: d.message.clone(),
        help: d.help.clone(),
        span: Span {
            start: d.span.start,
            end: d.span.end,
        },
        line: d.line,
        column: d.column,
        end_line: d.end_line,
        end_column: d.end_column,
        fixes: d.fixes.iter().map(to_json).collect(),
        related: d.related.iter().map(to_json).collect(),
    }
}

/// A core type as JSON: the corpus records the core's own serialization.
fn to_json<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("the core's types serialize")
}

/// The text the positions refer to: the input, or its valid prefix when it is not UTF-8 (the
/// invalid-UTF-8 diagnostic sits at the first bad byte).
fn text_of(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes)
        .unwrap_or_else(|e| std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("a valid prefix"))
}

fn bless_mode() -> bool {
    std::env::var("IOT_JOBS_LINT_BLESS").is_ok_and(|v| !v.is_empty() && v != "0")
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
                // The input is `NAME.json`, or a YAML template `NAME.yaml`.
                let stem = path.to_string_lossy().replace(".expect.json", "");
                let input = [".json", ".yaml"]
                    .iter()
                    .map(|ext| PathBuf::from(format!("{stem}{ext}")))
                    .find(|p| p.exists())
                    .unwrap_or_else(|| PathBuf::from(format!("{stem}.json")));
                out.push((input, path));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn corpus_outputs() {
    let bless = bless_mode();
    let cases = cases();
    assert!(
        cases.len() > 50,
        "the corpus should not be empty, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    let mut mismatches = 0;
    let mut blessed = Vec::new();
    let mut about: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (input, expect_path) in &cases {
        let name = expect_path
            .strip_prefix(corpus_dir())
            .unwrap_or(expect_path)
            .display()
            .to_string();
        let raw = std::fs::read(expect_path).unwrap();
        let (expect, header) = match (
            serde_json::from_slice::<Expect>(&raw),
            serde_json::from_slice::<Ordered>(&raw),
        ) {
            (Ok(e), Ok(h)) => (e, h),
            (Err(e), _) | (_, Err(e)) => {
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
            max_input_bytes: expect
                .max_input_bytes
                .unwrap_or(iot_jobs_lint::DEFAULT_MAX_INPUT_BYTES),
            ..LintOptions::new(now)
        };
        let report = iot_jobs_lint::lint(&bytes, &options);
        let text = text_of(&bytes);
        let produced: Vec<Actual> = report.diagnostics.iter().map(|d| actual(d, text)).collect();
        let got: Vec<Value> = produced
            .iter()
            .map(|a| serde_json::to_value(a).expect("serializable"))
            .collect();
        let mut want = expect.diagnostics;
        if want != got {
            if bless {
                std::fs::write(expect_path, expectation_file(&header, &produced))
                    .unwrap_or_else(|e| panic!("{name}: cannot rewrite: {e}"));
                blessed.push(name.clone());
                want = got.clone();
            } else {
                mismatches += 1;
                let fields = produced.first().map(field_order).unwrap_or_default();
                failures.push(format!(
                    "{name} ({}): expected {} diagnostic(s), got {}\n{}",
                    expect.description,
                    want.len(),
                    got.len(),
                    diff(&want, &got, &fields).trim_end()
                ));
            }
        }
        for d in &report.diagnostics {
            assert!(
                d.line >= 1 && d.column >= 1,
                "{name}: positions are 1-based"
            );
            assert!(
                registry::find(d.code.as_str()).is_some(),
                "{name}: {} is not in the registry",
                d.code
            );
        }
        let entry = about.entry(expect.rule.clone()).or_default();
        if want.iter().any(|e| e["code"] == expect.rule.as_str()) {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }
    if bless {
        // Straight to the process's stderr: libtest captures print! and eprint! of passing tests.
        let mut err = std::io::stderr().lock();
        let _ = writeln!(
            err,
            "IOT_JOBS_LINT_BLESS: rewrote {} expectation file(s) under tests/corpus/{}",
            blessed.len(),
            if blessed.is_empty() { "" } else { ":" }
        );
        for name in &blessed {
            let _ = writeln!(err, "  {name}");
        }
    }
    // Rules that fire only in another build of the core: `input/template-not-checked` answers a
    // template when the `templates` feature is off (the npm package's library module); its cases
    // are the unit test `rules::input::without_templates` and pkg/test/linter.test.mjs.
    let other_build: &[&str] = if cfg!(feature = "templates") {
        &["input/template-not-checked"]
    } else {
        &[]
    };
    for rule in registry::all() {
        let (failing, passing) = about.get(rule.code).copied().unwrap_or_default();
        if (failing == 0 || passing == 0) && !other_build.contains(&rule.code) {
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
    let hint = if mismatches > 0 {
        format!(
            "\n{mismatches} case(s) produce other output than their expectation. If the change is \
             intended, accept it with\n    {BLESS}\nand review the diff of tests/corpus/ in git."
        )
    } else {
        String::new()
    };
    assert!(
        failures.is_empty(),
        "{} corpus failure(s):\n{}{hint}",
        failures.len(),
        failures.join("\n")
    );
}
