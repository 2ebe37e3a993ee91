//! `timeout/*`: `timeoutConfig.inProgressTimeoutInMinutes`, whose range the model does not state.

use super::{Ctx, View, number};
use crate::diagnostic::Severity;
use crate::registry::{Example, RuleInfo, example};
use crate::{Edition, Operation};

/// `timeout/in-progress-range`
pub const IN_PROGRESS_RANGE: RuleInfo = RuleInfo {
    code: "timeout/in-progress-range",
    severity: Severity::Error,
    summary: "`timeoutConfig.inProgressTimeoutInMinutes` must be between 1 and 10080 minutes (7 days); the model leaves it unbounded but the API reference states the range.",
    source: "API reference: TimeoutConfig.inProgressTimeoutInMinutes",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "timeoutConfig": {"inProgressTimeoutInMinutes": 20160}
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "timeoutConfig": {"inProgressTimeoutInMinutes": 10080}
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[IN_PROGRESS_RANGE];

/// Longest in-progress timeout: 7 days in minutes.
pub const MAX_IN_PROGRESS_MINUTES: i64 = 10_080;

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) {
    let Some(config) = view.timeout else {
        return;
    };
    let Some((text, value)) = number(config, "inProgressTimeoutInMinutes") else {
        return;
    };
    // Fractions and overflow are model/type findings; only judge whole numbers here.
    let Ok(v) = text.parse::<i64>() else { return };
    if !ctx.is_valid(value) {
        return;
    }
    if !(1..=MAX_IN_PROGRESS_MINUTES).contains(&v) {
        ctx.report(
            &IN_PROGRESS_RANGE,
            view.at("/timeoutConfig/inProgressTimeoutInMinutes"),
            value.span(),
            format!("`inProgressTimeoutInMinutes` must be between 1 and {MAX_IN_PROGRESS_MINUTES} minutes (7 days); found {text}"),
            (v > MAX_IN_PROGRESS_MINUTES).then(|| format!("use at most {MAX_IN_PROGRESS_MINUTES}")),
        );
    }
}
