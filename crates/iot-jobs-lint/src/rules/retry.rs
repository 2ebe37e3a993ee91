//! `retry/*`: `jobExecutionsRetryConfig.criteriaList` beyond the model's ranges.

use super::{Ctx, View, number};
use crate::diagnostic::Severity;
use crate::registry::{Example, RuleInfo, example};
use crate::{Edition, Operation};

/// `retry/total-exceeded`
pub const TOTAL_EXCEEDED: RuleInfo = RuleInfo {
    code: "retry/total-exceeded",
    severity: Severity::Error,
    summary: "The `numberOfRetries` of all retry criteria add up to more than 10; a device gets at most 10 retries for all failure types combined.",
    source: "developer guide: job configurations, retry (up to 10 retries for both failure types combined)",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRetryConfig": {
    "criteriaList": [
      {"failureType": "FAILED", "numberOfRetries": 6},
      {"failureType": "TIMED_OUT", "numberOfRetries": 6}
    ]
  },
  "timeoutConfig": {"inProgressTimeoutInMinutes": 60}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRetryConfig": {
    "criteriaList": [
      {"failureType": "FAILED", "numberOfRetries": 5},
      {"failureType": "TIMED_OUT", "numberOfRetries": 5}
    ]
  },
  "timeoutConfig": {"inProgressTimeoutInMinutes": 60}
}"#,
    }),
};
/// `retry/duplicate-failure-type`
pub const DUPLICATE_FAILURE_TYPE: RuleInfo = RuleInfo {
    code: "retry/duplicate-failure-type",
    severity: Severity::Warning,
    summary: "Two retry criteria name the same `failureType`.",
    source: "inferred: the API reference does not say which criterion wins",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRetryConfig": {
    "criteriaList": [
      {"failureType": "FAILED", "numberOfRetries": 3},
      {"failureType": "FAILED", "numberOfRetries": 5}
    ]
  },
  "timeoutConfig": {"inProgressTimeoutInMinutes": 60}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRetryConfig": {
    "criteriaList": [
      {"failureType": "FAILED", "numberOfRetries": 3},
      {"failureType": "TIMED_OUT", "numberOfRetries": 5}
    ]
  },
  "timeoutConfig": {"inProgressTimeoutInMinutes": 60}
}"#,
    }),
};
/// `retry/all-with-specific`
pub const ALL_WITH_SPECIFIC: RuleInfo = RuleInfo {
    code: "retry/all-with-specific",
    severity: Severity::Warning,
    summary: "A retry criterion with `failureType` `ALL` sits beside `FAILED` or `TIMED_OUT`, which `ALL` already covers.",
    source: "inferred: overlapping criteria; the service may reject the combination",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRetryConfig": {
    "criteriaList": [
      {"failureType": "ALL", "numberOfRetries": 3},
      {"failureType": "FAILED", "numberOfRetries": 2}
    ]
  },
  "timeoutConfig": {"inProgressTimeoutInMinutes": 60}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRetryConfig": {
    "criteriaList": [
      {"failureType": "ALL", "numberOfRetries": 3}
    ]
  },
  "timeoutConfig": {"inProgressTimeoutInMinutes": 60}
}"#,
    }),
};
/// `retry/timeout-without-timeout-config`
pub const TIMEOUT_WITHOUT_TIMEOUT_CONFIG: RuleInfo = RuleInfo {
    code: "retry/timeout-without-timeout-config",
    severity: Severity::Warning,
    summary: "A retry on `TIMED_OUT` (or `ALL`) without `timeoutConfig`: executions never time out, so the timeout retry can never trigger.",
    source: "developer guide: job configurations, retry (retrying on timeout needs the timeout configuration); inferred: the API reference does not say the request is rejected",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRetryConfig": {
    "criteriaList": [
      {"failureType": "TIMED_OUT", "numberOfRetries": 2}
    ]
  }
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRetryConfig": {
    "criteriaList": [
      {"failureType": "TIMED_OUT", "numberOfRetries": 2}
    ]
  },
  "timeoutConfig": {"inProgressTimeoutInMinutes": 60}
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    TOTAL_EXCEEDED,
    DUPLICATE_FAILURE_TYPE,
    ALL_WITH_SPECIFIC,
    TIMEOUT_WITHOUT_TIMEOUT_CONFIG,
];

/// The most retries a device gets, all failure types together.
pub const MAX_TOTAL_RETRIES: i64 = 10;

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) {
    let Some(list) = view.retry_criteria else {
        return;
    };
    let base = view.at("/jobExecutionsRetryConfig/criteriaList");
    let criteria: Vec<_> = list.iter().filter_map(|v| v.as_object()).collect();
    let numbers: Vec<_> = criteria
        .iter()
        .filter_map(|c| number(*c, "numberOfRetries"))
        .collect();
    // A count that fails its own range or type has its own error; the total derived from it
    // stays quiet.
    let all_valid = numbers.iter().all(|(_, v)| ctx.is_valid(*v));
    let counts: Vec<i64> = numbers
        .iter()
        .filter_map(|(t, _)| t.parse::<i64>().ok())
        .collect();
    let total: i64 = counts
        .iter()
        .fold(0i64, |sum, n| sum.saturating_add((*n).max(0)));
    if all_valid && counts.len() > 1 && total > MAX_TOTAL_RETRIES {
        ctx.report(
            &TOTAL_EXCEEDED,
            base.clone(),
            list.span(),
            format!(
                "the retry criteria allow {} = {total} retries in all; a device gets at most {MAX_TOTAL_RETRIES} retries across failure types",
                if counts.len() <= 4 {
                    counts.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(" + ")
                } else {
                    format!("the {} criteria's numberOfRetries", counts.len())
                }
            ),
            Some(format!("lower the `numberOfRetries` values so they add up to {MAX_TOTAL_RETRIES} or less")),
        );
    }
    super::abort::failure_types(
        ctx,
        list,
        &base,
        &DUPLICATE_FAILURE_TYPE,
        &ALL_WITH_SPECIFIC,
        "retry",
    );
    let has_timeout = view
        .timeout
        .is_some_and(|t| t.has("inProgressTimeoutInMinutes"));
    if !has_timeout {
        for (i, item) in list.iter().enumerate() {
            let Some(c) = item.as_object() else { continue };
            if let Some((t, span)) = super::string(c, "failureType")
                && (t == "TIMED_OUT" || t == "ALL")
            {
                ctx.report(
                    &TIMEOUT_WITHOUT_TIMEOUT_CONFIG,
                    format!("{base}/{i}/failureType"),
                    span,
                    format!("retry on `{t}` needs `timeoutConfig.inProgressTimeoutInMinutes`: without an in-progress timeout no execution ever times out"),
                    Some("add \"timeoutConfig\": {\"inProgressTimeoutInMinutes\": 60}".into()),
                );
            }
        }
    }
}
