//! The schedule preview through the core API (what the CLI, the npm package and the web page
//! show as the next window starts).

use iot_jobs_lint::{LintOptions, schedule};

fn options(now: &str) -> LintOptions {
    LintOptions::new(now.parse().unwrap())
}

fn template(windows: &str) -> Vec<u8> {
    format!(r#"{{"jobTemplateId": "t", "description": "d", "document": "{{}}", "maintenanceWindows": {windows}}}"#).into_bytes()
}

fn starts(s: &iot_jobs_lint::Schedule) -> Vec<&str> {
    s.scheduled_job_rollouts
        .iter()
        .map(|r| r.start_time.as_str())
        .collect()
}

#[test]
fn leap_day_spans_28_years() {
    let s = schedule(
        &template(r#"[{"startTime": "cron(0 0 29 2 ? *)", "durationInMinutes": 60}]"#),
        &options("2026-01-01T00:00:00Z"),
        7,
    );
    assert_eq!(
        starts(&s),
        [
            "2028-02-29T00:00",
            "2032-02-29T00:00",
            "2036-02-29T00:00",
            "2040-02-29T00:00",
            "2044-02-29T00:00",
            "2048-02-29T00:00",
            "2052-02-29T00:00"
        ]
    );
    // Valid but sparse: the dialect warns that the window skips most Februaries.
    assert!(
        s.diagnostics
            .iter()
            .all(|d| d.severity != iot_jobs_lint::Severity::Error),
        "{:?}",
        s.diagnostics
    );
}

#[test]
fn bounded_year_range_yields_fewer_than_seven() {
    let s = schedule(
        &template(r#"[{"startTime": "cron(0 12 1 1 ? 2027-2029)", "durationInMinutes": 60}]"#),
        &options("2026-01-01T00:00:00Z"),
        7,
    );
    assert_eq!(
        starts(&s),
        ["2027-01-01T12:00", "2028-01-01T12:00", "2029-01-01T12:00"]
    );
}

#[test]
fn never_fires_gives_an_empty_list_and_an_error() {
    let s = schedule(
        &template(r#"[{"startTime": "cron(0 0 30 2 ? *)", "durationInMinutes": 60}]"#),
        &options("2026-01-01T00:00:00Z"),
        7,
    );
    assert!(s.scheduled_job_rollouts.is_empty());
    assert_eq!(s.diagnostics[0].code, "cron/never-fires");
    assert_eq!(s.diagnostics[0].pointer, "/maintenanceWindows/0/startTime");
}

#[test]
fn job_preview_starts_at_start_time_and_stops_before_end_time() {
    let job = br#"{"jobId": "j", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/t"], "document": "{}",
        "schedulingConfig": {"startTime": "2026-01-10T00:00", "endTime": "2026-01-31T00:00",
          "maintenanceWindows": [{"startTime": "cron(0 22 ? * SAT *)", "durationInMinutes": 120}]}}"#;
    let s = schedule(job, &options("2026-01-01T00:00:00Z"), 7);
    assert_eq!(s.from, "2026-01-10T00:00");
    assert_eq!(s.until.as_deref(), Some("2026-01-31T00:00"));
    assert_eq!(
        starts(&s),
        ["2026-01-10T22:00", "2026-01-17T22:00", "2026-01-24T22:00"]
    );
    assert_eq!(s.windows[0].end, "2026-01-11T00:00");
}

#[test]
fn windows_merge_in_time_order() {
    let s = schedule(
        &template(
            r#"[{"startTime": "cron(0 3 ? * SUN *)", "durationInMinutes": 60}, {"startTime": "cron(30 1 ? * MON-FRI *)", "durationInMinutes": 60}]"#,
        ),
        &options("2026-11-29T12:00:00Z"), // a Sunday, after 03:00
        4,
    );
    assert_eq!(
        starts(&s),
        [
            "2026-11-30T01:30",
            "2026-12-01T01:30",
            "2026-12-02T01:30",
            "2026-12-03T01:30"
        ]
    );
    assert!(s.windows.iter().all(|w| w.maintenance_window == 1));
}

#[test]
fn no_window_before_end_time_is_a_warning() {
    let job = br#"{"jobId": "j", "targets": ["arn:aws:iot:us-east-1:111122223333:thing/t"], "document": "{}",
        "schedulingConfig": {"startTime": "2026-01-05T00:00", "endTime": "2026-01-08T00:00",
          "maintenanceWindows": [{"startTime": "cron(0 22 ? * SAT *)", "durationInMinutes": 120}]}}"#;
    let s = schedule(job, &options("2026-01-01T00:00:00Z"), 7);
    assert!(s.scheduled_job_rollouts.is_empty());
    let codes: Vec<&str> = s.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["window/none-before-end"]);
}

#[test]
fn describe_job_rollouts_that_are_not_occurrences_are_flagged() {
    let described = br#"{"job": {"jobId": "j", "status": "SCHEDULED",
        "schedulingConfig": {"maintenanceWindows": [{"startTime": "cron(0 22 ? * SAT *)", "durationInMinutes": 120}]},
        "scheduledJobRollouts": [{"startTime": "2026-01-03T22:00"}, {"startTime": "2026-01-04T22:00"}]}}"#;
    let report = iot_jobs_lint::lint(described, &options("2026-01-01T00:00:00Z"));
    let found: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.pointer.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "window/rollout-not-an-occurrence",
            "/job/scheduledJobRollouts/1/startTime"
        )]
    );
}

#[test]
fn cron_problem_columns_point_inside_the_string() {
    let text = "{\"jobTemplateId\": \"t\", \"description\": \"d\", \"document\": \"{}\",\n \"maintenanceWindows\": [{\"startTime\": \"cron(0 24 ? * SUN *)\", \"durationInMinutes\": 60}]}";
    let report = iot_jobs_lint::lint(text.as_bytes(), &options("2026-01-01T00:00:00Z"));
    let d = &report.diagnostics[0];
    assert_eq!(d.code, "cron/field-value");
    assert_eq!((d.line, d.column), (2, 47), "{d:?}");
    assert_eq!(&text[d.span.clone()], "24");
}

#[test]
fn out_of_range_duration_is_drawn_as_declared() {
    // 1440 minutes breaks the model's maximum (1430) and gets model/range; the preview still
    // shows the window the request declares, not a zero-length one.
    let s = schedule(
        &template(r#"[{"startTime": "cron(0 22 ? * SAT *)", "durationInMinutes": 1440}]"#),
        &options("2026-12-01T00:00:00Z"),
        7,
    );
    assert!(s.diagnostics.iter().any(|d| d.code == "model/range"));
    let first = &s.windows[0];
    assert_eq!(
        (first.start.as_str(), first.end.as_str()),
        ("2026-12-05T22:00", "2026-12-06T22:00")
    );
    // A hostile duration is drawn at most a week long.
    let s = schedule(
        &template(r#"[{"startTime": "cron(0 22 ? * SAT *)", "durationInMinutes": 9999999}]"#),
        &options("2026-12-01T00:00:00Z"),
        7,
    );
    assert_eq!(s.windows[0].end, "2026-12-12T22:00");
}

/// `window/rollout-not-an-occurrence` with several windows: a rollout matched by any window is
/// fine, and only the one no window opens at is reported (each window's expression is parsed
/// once and tried against every rollout still unmatched).
#[test]
fn rollouts_are_matched_against_every_window() {
    let describe = br#"{"job": {
      "jobArn": "arn:aws:iot:eu-west-1:123456789012:job/j", "jobId": "j", "status": "SCHEDULED",
      "schedulingConfig": {"maintenanceWindows": [
        {"startTime": "cron(0 22 ? * SAT *)", "durationInMinutes": 60},
        {"startTime": "cron(30 3 ? * WED *)", "durationInMinutes": 60}
      ]},
      "scheduledJobRollouts": [
        {"startTime": "2026-01-03T22:00"}, {"startTime": "2026-01-07T03:30"},
        {"startTime": "2026-01-08T03:30"}, {"startTime": "2026-01-10T22:00"}
      ]}}"#;
    let report = iot_jobs_lint::lint(describe, &options("2026-01-01T00:00:00Z"));
    let found: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "window/rollout-not-an-occurrence")
        .map(|d| d.pointer.as_str())
        .collect();
    assert_eq!(found, ["/job/scheduledJobRollouts/2/startTime"]);
}
