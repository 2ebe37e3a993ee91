//! `rollout/*`: `jobExecutionsRolloutConfig` beyond the model's ranges.

use super::{Ctx, View, decimal_places, number, round_decimal};
use crate::diagnostic::{Applicability, Fix, Severity};
use crate::registry::{Example, RuleInfo, example};
use crate::{Edition, Operation};

/// `rollout/increment-factor-precision`
pub const INCREMENT_FACTOR_PRECISION: RuleInfo = RuleInfo {
    code: "rollout/increment-factor-precision",
    severity: Severity::Error,
    summary: "`exponentialRate.incrementFactor` has more than one digit after the decimal point (1.5 is fine, 1.55 is not), judged on the number as written.",
    source: "API reference: ExponentialRolloutRate.incrementFactor",
    json_schema: false,
    fix: Some("suggested: round to one digit after the decimal point"),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRolloutConfig": {
    "exponentialRate": {"baseRatePerMinute": 50, "incrementFactor": 1.55, "rateIncreaseCriteria": {"numberOfSucceededThings": 100}}
  }
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRolloutConfig": {
    "exponentialRate": {"baseRatePerMinute": 50, "incrementFactor": 1.5, "rateIncreaseCriteria": {"numberOfSucceededThings": 100}}
  }
}"#,
    }),
};
/// `rollout/rate-increase-criteria-empty`
pub const RATE_INCREASE_CRITERIA_EMPTY: RuleInfo = RuleInfo {
    code: "rollout/rate-increase-criteria-empty",
    severity: Severity::Error,
    summary: "`rateIncreaseCriteria` names neither `numberOfNotifiedThings` nor `numberOfSucceededThings`, so the rate could never increase.",
    source: "API reference: RateIncreaseCriteria (the criteria to increase the rollout rate); the dev guide describes the rate increase by either threshold",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRolloutConfig": {
    "exponentialRate": {"baseRatePerMinute": 50, "incrementFactor": 2, "rateIncreaseCriteria": {}}
  }
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRolloutConfig": {
    "exponentialRate": {"baseRatePerMinute": 50, "incrementFactor": 2, "rateIncreaseCriteria": {"numberOfNotifiedThings": 100}}
  }
}"#,
    }),
};

/// `rollout/base-rate-above-maximum`
pub const BASE_RATE_ABOVE_MAXIMUM: RuleInfo = RuleInfo {
    code: "rollout/base-rate-above-maximum",
    severity: Severity::Warning,
    summary: "`exponentialRate.baseRatePerMinute` is above `maximumPerMinute`: the rollout never notifies more than `maximumPerMinute` things a minute, so the exponential rate never takes effect.",
    source: "API reference: JobExecutionsRolloutConfig.maximumPerMinute (the maximum number of things notified per minute) and ExponentialRolloutRate.baseRatePerMinute (the rate at the start of the rollout); inferred: the service accepts the combination",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRolloutConfig": {
    "maximumPerMinute": 100,
    "exponentialRate": {"baseRatePerMinute": 200, "incrementFactor": 2, "rateIncreaseCriteria": {"numberOfSucceededThings": 100}}
  }
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "jobExecutionsRolloutConfig": {
    "maximumPerMinute": 100,
    "exponentialRate": {"baseRatePerMinute": 50, "incrementFactor": 2, "rateIncreaseCriteria": {"numberOfSucceededThings": 100}}
  }
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    INCREMENT_FACTOR_PRECISION,
    RATE_INCREASE_CRITERIA_EMPTY,
    BASE_RATE_ABOVE_MAXIMUM,
];

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) {
    let Some(rate) = view.exponential_rate else {
        return;
    };
    let base = view.at("/jobExecutionsRolloutConfig/exponentialRate");
    if let Some((text, value)) = number(rate, "incrementFactor") {
        let places = decimal_places(text);
        if places > 1 {
            let rounded = round_decimal(text, 1);
            ctx.report(
                &INCREMENT_FACTOR_PRECISION,
                format!("{base}/incrementFactor"),
                value.span(),
                format!("`incrementFactor` allows at most one digit after the decimal point; {text} has {places}"),
                rounded.as_ref().map(|r| format!("use {r}")),
            )
            .fix_opt(rounded.map(|r| {
                let span = value.span();
                Fix::replace(format!("round to {r}"), Applicability::Suggested, span.0..span.1, r)
            }));
        }
    }
    if let Some(criteria) = rate.get("rateIncreaseCriteria").and_then(|c| c.as_object())
        && !criteria.has("numberOfNotifiedThings")
        && !criteria.has("numberOfSucceededThings")
    {
        ctx.report(
            &RATE_INCREASE_CRITERIA_EMPTY,
            format!("{base}/rateIncreaseCriteria"),
            criteria.span(),
            "`rateIncreaseCriteria` is empty: give `numberOfNotifiedThings`, `numberOfSucceededThings` or both",
            Some("for example {\"numberOfSucceededThings\": 100}".into()),
        );
    }
    fn whole<'d>(
        ctx: &Ctx<'_>,
        v: Option<(&'d str, crate::syntax::Value<'d>)>,
    ) -> Option<(i64, crate::syntax::Value<'d>)> {
        v.filter(|(_, n)| ctx.is_valid(*n))
            .and_then(|(t, n)| Some((t.parse::<i64>().ok()?, n)))
    }
    if let (Some((b, b_value)), Some((m, _))) = (
        whole(ctx, number(rate, "baseRatePerMinute")),
        whole(
            ctx,
            view.rollout.and_then(|r| number(r, "maximumPerMinute")),
        ),
    ) && b > m
    {
        ctx.report(
            &BASE_RATE_ABOVE_MAXIMUM,
            format!("{base}/baseRatePerMinute"),
            b_value.span(),
            format!("`baseRatePerMinute` {b} is above `maximumPerMinute` {m}: no more than {m} things a minute are notified, so the exponential rate never takes effect"),
            Some(format!("lower `baseRatePerMinute` below {m}, or raise `maximumPerMinute`, or drop one of the two rates")),
        );
    }
}
