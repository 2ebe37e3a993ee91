//! `describe/*`: DescribeJob responses.
//!
//! Failure counts in `jobProcessDetails` are deliberately not compared with the number of
//! targets: retries create further executions, and a thing group counts as one target.

use super::{Ctx, View};
use crate::diagnostic::Severity;
use crate::registry::{Example, RuleInfo, example};
use crate::{Edition, Operation};

/// `describe/too-many-scheduled-rollouts`
pub const TOO_MANY_SCHEDULED_ROLLOUTS: RuleInfo = RuleInfo {
    code: "describe/too-many-scheduled-rollouts",
    severity: Severity::Warning,
    summary: "`scheduledJobRollouts` has more than seven entries; the service shows the next seven maintenance-window starts.",
    source: "API reference: Job.scheduledJobRollouts (the next seven maintenance window occurrences); inferred: the model sets no list maximum",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::DescribeJob),
        service_model: Edition::Latest,
        fail: r#"{
  "job": {
    "jobArn": "arn:aws:iot:eu-west-1:123456789012:job/firmware-2026-01",
    "jobId": "firmware-2026-01",
    "status": "SCHEDULED",
    "schedulingConfig": {
      "maintenanceWindows": [{"startTime": "cron(0 22 ? * SAT *)", "durationInMinutes": 360}]
    },
    "scheduledJobRollouts": [
      {"startTime": "2026-01-03T22:00"}, {"startTime": "2026-01-10T22:00"},
      {"startTime": "2026-01-17T22:00"}, {"startTime": "2026-01-24T22:00"},
      {"startTime": "2026-01-31T22:00"}, {"startTime": "2026-02-07T22:00"},
      {"startTime": "2026-02-14T22:00"}, {"startTime": "2026-02-21T22:00"}
    ]
  }
}"#,
        pass: r#"{
  "job": {
    "jobArn": "arn:aws:iot:eu-west-1:123456789012:job/firmware-2026-01",
    "jobId": "firmware-2026-01",
    "status": "SCHEDULED",
    "schedulingConfig": {
      "maintenanceWindows": [{"startTime": "cron(0 22 ? * SAT *)", "durationInMinutes": 360}]
    },
    "scheduledJobRollouts": [
      {"startTime": "2026-01-03T22:00"}, {"startTime": "2026-01-10T22:00"},
      {"startTime": "2026-01-17T22:00"}, {"startTime": "2026-01-24T22:00"},
      {"startTime": "2026-01-31T22:00"}, {"startTime": "2026-02-07T22:00"},
      {"startTime": "2026-02-14T22:00"}
    ]
  }
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[TOO_MANY_SCHEDULED_ROLLOUTS];

/// How many upcoming window starts DescribeJob shows.
pub const SCHEDULED_ROLLOUTS_SHOWN: usize = 7;

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) {
    if ctx.operation != Operation::DescribeJob {
        return;
    }
    let Some(list) = view.scheduled_rollouts else {
        return;
    };
    let base = view.base;
    let n = list.len();
    if n > SCHEDULED_ROLLOUTS_SHOWN {
        ctx.report(
            &TOO_MANY_SCHEDULED_ROLLOUTS,
            format!("{base}/scheduledJobRollouts"),
            list.span(),
            format!("`scheduledJobRollouts` has {n} entries; DescribeJob shows the next {SCHEDULED_ROLLOUTS_SHOWN}"),
            None,
        );
    }
    for (i, item) in list.iter().enumerate() {
        if let Some(o) = item.as_object() {
            super::schedule::read_time(ctx, o, "startTime", &|| {
                format!("{base}/scheduledJobRollouts/{i}/startTime")
            });
        }
    }
}
