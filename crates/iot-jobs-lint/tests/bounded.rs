//! Bounded output on hostile inputs: each rule lists at most
//! [`iot_jobs_lint::MAX_DIAGNOSTICS_PER_RULE`] diagnostics per input, and one
//! `input/too-many-diagnostics` note per rule says how many more there were; an input over the
//! limit whose length the host does not know is reported as "more than" the limit.

use iot_jobs_lint::{LintOptions, MAX_DIAGNOSTICS_PER_RULE, Severity, lint};

fn options() -> LintOptions {
    LintOptions::new("2026-01-01T00:00:00Z".parse().unwrap())
}

/// How many diagnostics of each code, in first-seen order.
fn tally(report: &iot_jobs_lint::Report) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for d in &report.diagnostics {
        match out.iter_mut().find(|(c, _)| c == d.code.as_str()) {
            Some((_, n)) => *n += 1,
            None => out.push((d.code.to_string(), 1)),
        }
    }
    out
}

fn notes(report: &iot_jobs_lint::Report) -> Vec<&iot_jobs_lint::Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.code == "input/too-many-diagnostics")
        .collect()
}

#[test]
fn diagnostics_are_capped_per_rule() {
    // 20,000 targets that are names (targets/arn-format), each listed twice (targets/duplicate).
    let names: Vec<String> = (0..20_000)
        .map(|i| format!("\"pump-{}\"", i % 10_000))
        .collect();
    let input = format!(
        "{{\"jobId\":\"a\",\"document\":\"{{}}\",\"targets\":[{}]}}",
        names.join(",")
    );
    let report = lint(input.as_bytes(), &options());
    let counts = tally(&report);
    assert!(
        counts.contains(&("targets/arn-format".into(), MAX_DIAGNOSTICS_PER_RULE)),
        "{counts:?}"
    );
    assert!(
        counts.contains(&("targets/duplicate".into(), MAX_DIAGNOSTICS_PER_RULE)),
        "{counts:?}"
    );
    let notes = notes(&report);
    assert_eq!(notes.len(), 2, "{notes:#?}");
    let arn = notes
        .iter()
        .find(|d| d.message.contains("`targets/arn-format`"))
        .unwrap();
    assert_eq!(
        arn.message,
        "and 19,900 more `targets/arn-format` diagnostics not listed: each rule lists at most 100 per input"
    );
    assert_eq!(arn.severity, Severity::Info);
    // Placed at the first diagnostic left out: the 101st target.
    assert_eq!(arn.pointer, "/targets/100");
    let dup = notes
        .iter()
        .find(|d| d.message.contains("`targets/duplicate`"))
        .unwrap();
    assert!(dup.message.starts_with("and 9,900 more"), "{}", dup.message);
    assert_eq!(dup.pointer, "/targets/10100");
    // The errors kept still fail the input.
    assert!(report.has_errors());
}

#[test]
fn unknown_and_repeated_members_are_capped() {
    let unknown: Vec<String> = (0..5_000).map(|i| format!("\"x{i}\":1")).collect();
    let repeated = vec!["\"jobId\":\"a\""; 5_000].join(",");
    let input = format!(
        "{{{repeated},\"targets\":[\"arn:aws:iot:us-east-1:111122223333:thing/a\"],\"document\":\"{{}}\",{}}}",
        unknown.join(",")
    );
    let report = lint(input.as_bytes(), &options());
    let counts = tally(&report);
    assert!(
        counts.contains(&("model/unknown-member".into(), MAX_DIAGNOSTICS_PER_RULE)),
        "{counts:?}"
    );
    assert!(
        counts.contains(&("json/duplicate-key".into(), MAX_DIAGNOSTICS_PER_RULE)),
        "{counts:?}"
    );
    let messages: Vec<&str> = notes(&report).iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages.contains(
            &"and 4,899 more `json/duplicate-key` diagnostics not listed: each rule lists at most 100 per input"
        ),
        "{messages:?}"
    );
    assert!(
        messages.contains(
            &"and 4,900 more `model/unknown-member` diagnostics not listed: each rule lists at most 100 per input"
        ),
        "{messages:?}"
    );
    // Source order holds with the notes in it.
    assert!(
        report
            .diagnostics
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start)
    );
}

#[test]
fn too_large_without_a_length_says_more_than() {
    let options = LintOptions {
        max_input_bytes: 100,
        ..options()
    };
    let cut = iot_jobs_lint::too_large(None, &options);
    assert_eq!(cut.report.diagnostics.len(), 1);
    assert_eq!(
        cut.report.diagnostics[0].message,
        "the input is more than the limit of 100 bytes; it was read no further and is not checked"
    );
    assert!(cut.schedule.windows.is_empty());
    let known = iot_jobs_lint::too_large(Some(5_000), &options);
    assert_eq!(
        known.report.diagnostics[0].message,
        "the input is 5000 bytes, over the limit of 100 bytes; it is not checked"
    );
}

/// Inside an unknown member the tree keeps one opaque node; repeated names in it are still found,
/// from the text, with the pointer, the copy that is sent and a removal that leaves valid JSON.
#[test]
fn repeated_names_inside_an_unknown_member() {
    let input = r#"{"jobId":"a","targets":["arn:aws:iot:us-east-1:111122223333:thing/a"],"document":"{}",
"extra": [1, {"k": 1, "k~/": 2, "k": 3, "k\u007e/": 4}, [{"a": {"b": 1, "b": 2}}]]}"#;
    let report = lint(input.as_bytes(), &options());
    let dups: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "json/duplicate-key")
        .collect();
    let pointers: Vec<&str> = dups.iter().map(|d| d.pointer.as_str()).collect();
    assert_eq!(pointers, ["/extra/1/k", "/extra/1/k~0~1", "/extra/2/0/a/b"]);
    assert_eq!(dups[0].related[0].pointer, "/extra/1/k");
    assert_eq!(
        &input[dups[0].related[0].span.clone()],
        "\"k\"",
        "the copy that is sent"
    );
    assert_eq!(&input[dups[1].related[0].span.clone()], "\"k\\u007e/\"");
    let fixed = iot_jobs_lint::apply_fixes(
        input,
        &report.diagnostics,
        iot_jobs_lint::Applicability::Safe,
    );
    let v: serde_json::Value = serde_json::from_str(&fixed.text).expect("valid JSON");
    assert_eq!(
        v["extra"],
        serde_json::json!([1, {"k": 3, "k~/": 4}, [{"a": {"b": 2}}]])
    );
}
