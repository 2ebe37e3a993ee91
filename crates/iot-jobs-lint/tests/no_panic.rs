//! Hostile input never panics and always yields a well-formed report: arbitrary bytes, arbitrary
//! JSON values (biased towards the real member names so the deep rules run), for every operation
//! and both editions.

use iot_jobs_lint::{Edition, LintOptions, Operation, Report, registry};
use proptest::prelude::*;
use serde_json::{Map, Value};

const NAMES: &[&str] = &[
    "jobId",
    "targets",
    "document",
    "documentSource",
    "description",
    "presignedUrlConfig",
    "roleArn",
    "expiresInSec",
    "targetSelection",
    "jobExecutionsRolloutConfig",
    "maximumPerMinute",
    "exponentialRate",
    "baseRatePerMinute",
    "incrementFactor",
    "rateIncreaseCriteria",
    "numberOfNotifiedThings",
    "numberOfSucceededThings",
    "abortConfig",
    "criteriaList",
    "failureType",
    "action",
    "thresholdPercentage",
    "minNumberOfExecutedThings",
    "timeoutConfig",
    "inProgressTimeoutInMinutes",
    "tags",
    "Key",
    "Value",
    "namespaceId",
    "jobTemplateArn",
    "jobExecutionsRetryConfig",
    "numberOfRetries",
    "documentParameters",
    "schedulingConfig",
    "startTime",
    "endTime",
    "endBehavior",
    "maintenanceWindows",
    "durationInMinutes",
    "destinationPackageVersions",
    "jobTemplateId",
    "jobArn",
    "job",
    "status",
    "scheduledJobRollouts",
    "createdAt",
    "jobProcessDetails",
    "",
    "a/b~c",
    "\u{0}",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop_oneof![
            ".*",
            "cron\\([0-9*?/,LW#A-Z -]{0,30}\\)",
            "20[0-9]{2}-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]",
            "arn:aws:iot:[a-z0-9-]{0,12}:[0-9]{12}:(thing|thinggroup)/[a-zA-Z0-9_-]{0,8}",
            "\\{.*\\$\\{aws:iot:s3-presigned-url.{0,20}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(NAMES), inner), 0..8).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

fn well_formed(text: &[u8], report: &Report) {
    let valid = std::str::from_utf8(text).ok();
    for d in &report.diagnostics {
        assert!(
            registry::find(d.code.as_str()).is_some(),
            "unregistered code {}",
            d.code
        );
        assert!(
            d.line >= 1 && d.column >= 1 && d.end_line >= d.line,
            "{d:?}"
        );
        assert!(d.pointer.is_empty() || d.pointer.starts_with('/'), "{d:?}");
        assert!(!d.message.is_empty());
        let r = &d.span;
        assert!(r.start <= r.end && r.end <= text.len(), "{d:?}");
        if let Some(t) = valid {
            assert!(
                t.is_char_boundary(r.start) && t.is_char_boundary(r.end),
                "{d:?}"
            );
        }
        for fix in &d.fixes {
            for e in &fix.edits {
                assert!(
                    e.span.start <= e.span.end && e.span.end <= text.len(),
                    "{d:?}"
                );
            }
        }
    }
    serde_json::to_string(report).expect("report serializes");
}

fn all_options() -> Vec<LintOptions> {
    let now = "2026-01-01T00:00:00Z".parse().unwrap();
    let mut out = vec![LintOptions::new(now)];
    for op in Operation::ALL {
        for edition in Edition::ALL {
            out.push(LintOptions {
                operation: Some(op),
                service_model: edition,
                ..LintOptions::new(now)
            });
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        for options in all_options() {
            let report = iot_jobs_lint::lint(&bytes, &options);
            well_formed(&bytes, &report);
        }
    }

    #[test]
    fn arbitrary_json(value in json_value(), wrap in any::<bool>()) {
        let value = if wrap { serde_json::json!({"job": value.clone(), "jobId": "x", "schedulingConfig": value}) } else { value };
        let text = serde_json::to_vec_pretty(&value).unwrap();
        for options in all_options() {
            let report = iot_jobs_lint::lint(&text, &options);
            well_formed(&text, &report);
            let preview = iot_jobs_lint::schedule(&text, &options, 7);
            assert!(preview.windows.len() <= 7 && preview.windows.len() == preview.scheduled_job_rollouts.len());
        }
    }
}

#[test]
fn deep_nesting_is_a_diagnostic() {
    let now = "2026-01-01T00:00:00Z".parse().unwrap();
    for depth in [100, 600, 100_000] {
        let text = format!("{{\"jobId\": {}{}}}", "[".repeat(depth), "]".repeat(depth));
        let report = iot_jobs_lint::lint(text.as_bytes(), &LintOptions::new(now));
        assert!(report.has_errors(), "depth {depth}");
        well_formed(text.as_bytes(), &report);
    }
}

#[test]
fn huge_input_is_linear_and_reported() {
    let now = "2026-01-01T00:00:00Z".parse().unwrap();
    let targets: Vec<String> = (0..50_000)
        .map(|i| format!("arn:aws:iot:us-east-1:111122223333:thing/t{i}"))
        .collect();
    let text =
        serde_json::json!({"jobId": "big", "targets": targets, "document": "x".repeat(1_000_000)})
            .to_string();
    let report = iot_jobs_lint::lint(text.as_bytes(), &LintOptions::new(now));
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    // The document fails its own length limit; whether its text is JSON is then not judged
    // (no cascade).
    assert!(
        codes.contains(&"model/length") && !codes.contains(&"document/not-json"),
        "{codes:?}"
    );
}

/// Inputs from the hostile-input review that once hung, blew up or overflowed. They must give
/// a well-formed report (no timing is asserted; the benchmarks measure speed).
#[test]
fn hostile_review_regressions() {
    let now = "2026-01-01T00:00:00Z".parse().unwrap();
    let options = LintOptions::new(now);
    let windows: Vec<serde_json::Value> = (0..2_000)
        .map(|_| serde_json::json!({"startTime": "cron(* * * * ? *)", "durationInMinutes": 1430}))
        .collect();
    let many_windows = serde_json::json!({"jobTemplateId": "t", "description": "d", "document": "{}", "maintenanceWindows": windows}).to_string();
    let w_list = format!("cron(0 0 {} * ? *)", vec!["1W"; 20_000].join(","));
    let long_cron = serde_json::json!({"jobTemplateId": "t", "description": "d", "document": "{}",
        "maintenanceWindows": [{"startTime": w_list, "durationInMinutes": 60}]})
    .to_string();
    let overflow = r#"{"jobId": "j", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/t"], "document": "{}",
        "abortConfig": {"criteriaList": [{"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 15e-9223372036854775808, "minNumberOfExecutedThings": 1}]},
        "jobExecutionsRetryConfig": {"criteriaList": [{"failureType": "FAILED", "numberOfRetries": 9223372036854775807}, {"failureType": "TIMED_OUT", "numberOfRetries": 9223372036854775807}]}}"#;
    let targets: Vec<String> = (0..20_000).map(|i| format!("t{i}")).collect();
    let one_line_targets =
        serde_json::json!({"jobId": "j", "targets": targets, "document": "{}"}).to_string();
    for text in [
        many_windows.as_str(),
        long_cron.as_str(),
        overflow,
        one_line_targets.as_str(),
    ] {
        let report = iot_jobs_lint::lint(text.as_bytes(), &options);
        well_formed(text.as_bytes(), &report);
        assert!(report.has_errors() || !report.diagnostics.is_empty());
        let preview = iot_jobs_lint::schedule(text.as_bytes(), &options, 1000);
        assert!(preview.windows.len() <= 1000);
    }
    // Overlapping windows are reported once per window, not once per pair.
    let report = iot_jobs_lint::lint(many_windows.as_bytes(), &options);
    let overlaps = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "window/overlap")
        .count();
    assert!(overlaps <= 2_000, "{overlaps}");
    // Decimal places with an exponent past i64 still give a verdict; retry counts past i64 fail
    // their own range, and the total derived from them stays quiet.
    let report = iot_jobs_lint::lint(overflow.as_bytes(), &options);
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"abort/threshold-precision"), "{codes:?}");
    assert!(codes.contains(&"model/range"), "{codes:?}");
    assert!(!codes.contains(&"retry/total-exceeded"), "{codes:?}");
}

/// 20 000 repeated members, one per line: each gets `json/duplicate-key` whose related place
/// (the copy that is sent, on the last line) and whose own line are right. Positions were once
/// recounted from the start of the text for every related place (quadratic; 80 000 copies took
/// over a minute); no timing is asserted here, the correctness of the single-walk positions is.
#[test]
fn many_duplicates_have_exact_positions() {
    let now = "2026-01-01T00:00:00Z".parse().unwrap();
    let n = 20_000;
    let copies: Vec<String> = (0..n).map(|i| format!("\"jobId\": \"j{i}\"")).collect();
    let text = format!(
        "{{\"targets\": [\"arn:aws:iot:us-east-1:111122223333:thing/x\"], \"document\": \"{{}}\",\n{}\n}}",
        copies.join(",\n")
    );
    let report = iot_jobs_lint::lint(text.as_bytes(), &LintOptions::new(now));
    well_formed(text.as_bytes(), &report);
    let duplicates: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "json/duplicate-key")
        .collect();
    // The first MAX_DIAGNOSTICS_PER_RULE are listed, the rest counted in one note.
    assert_eq!(duplicates.len(), iot_jobs_lint::MAX_DIAGNOSTICS_PER_RULE);
    for (i, d) in duplicates.iter().enumerate() {
        assert_eq!((d.line, d.column), (i as u32 + 2, 1));
        assert_eq!((d.related[0].line, d.related[0].column), (n as u32 + 1, 1));
    }
    let note = report
        .diagnostics
        .iter()
        .find(|d| d.code == "input/too-many-diagnostics")
        .expect("a note for the duplicates left out");
    assert!(
        note.message.starts_with("and 19,899 more"),
        "{}",
        note.message
    );
    assert_eq!((note.line, note.column), (102, 1));
}

/// An input over the limit gets `input/too-large` alone, through every entry point, without
/// being parsed; the limit is an option.
#[test]
fn input_over_the_limit_is_refused() {
    let now = "2026-01-01T00:00:00Z".parse().unwrap();
    let options = LintOptions {
        max_input_bytes: 100,
        ..LintOptions::new(now)
    };
    let big = format!("{{\"jobId\": \"{}\"}}", "x".repeat(200));
    for report in [
        iot_jobs_lint::lint(big.as_bytes(), &options),
        iot_jobs_lint::lint_str(&big, &options),
        iot_jobs_lint::analyze(big.as_bytes(), &options, 7).report,
    ] {
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["input/too-large"]);
        assert!(
            report.diagnostics[0]
                .message
                .contains("over the limit of 100 bytes")
        );
    }
    // At the limit it is checked as usual.
    let options = LintOptions {
        max_input_bytes: big.len(),
        ..options
    };
    assert!(
        !iot_jobs_lint::lint(big.as_bytes(), &options)
            .diagnostics
            .iter()
            .any(|d| d.code == "input/too-large")
    );
    assert_eq!(
        LintOptions::new(now).max_input_bytes,
        iot_jobs_lint::DEFAULT_MAX_INPUT_BYTES
    );
}
