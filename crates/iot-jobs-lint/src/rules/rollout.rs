//! `rollout/*`: `jobExecutionsRolloutConfig` beyond the model's ranges.

use super::{Ctx, decimal_places, job_scope, number, object};
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use crate::source;
use jsonc_parser::ast::Object;

/// `rollout/increment-factor-precision`
pub const INCREMENT_FACTOR_PRECISION: RuleInfo = RuleInfo {
    code: "rollout/increment-factor-precision",
    severity: Severity::Error,
    summary: "`exponentialRate.incrementFactor` has more than one digit after the decimal point (1.5 is fine, 1.55 is not), judged on the number as written.",
    source: "API reference: ExponentialRolloutRate.incrementFactor",
    json_schema: false,
};
/// `rollout/rate-increase-criteria-empty`
pub const RATE_INCREASE_CRITERIA_EMPTY: RuleInfo = RuleInfo {
    code: "rollout/rate-increase-criteria-empty",
    severity: Severity::Error,
    summary: "`rateIncreaseCriteria` names neither `numberOfNotifiedThings` nor `numberOfSucceededThings`, so the rate could never increase.",
    source: "API reference: RateIncreaseCriteria (the criteria to increase the rollout rate); the dev guide describes the rate increase by either threshold",
    json_schema: true,
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[INCREMENT_FACTOR_PRECISION, RATE_INCREASE_CRITERIA_EMPTY];

pub(crate) fn check(ctx: &mut Ctx<'_>, root: &Object<'_>) {
    let Some((scope, base)) = job_scope(ctx, root) else {
        return;
    };
    let Some(rate) =
        object(scope, "jobExecutionsRolloutConfig").and_then(|r| object(r, "exponentialRate"))
    else {
        return;
    };
    let base = format!("{base}/jobExecutionsRolloutConfig/exponentialRate");
    if let Some((text, span)) = number(rate, "incrementFactor") {
        let places = decimal_places(text);
        if places > 1 {
            let rounded: f64 = text
                .parse::<f64>()
                .map(|v| (v * 10.0).round() / 10.0)
                .unwrap_or(0.0);
            ctx.report(
                &INCREMENT_FACTOR_PRECISION,
                format!("{base}/incrementFactor"),
                span,
                format!("`incrementFactor` allows at most one digit after the decimal point; {text} has {places}"),
                Some(format!("use {rounded:.1}")),
            );
        }
    }
    if let Some(criteria) = object(rate, "rateIncreaseCriteria") {
        let has = |n| source::get(criteria, n).is_some();
        if !has("numberOfNotifiedThings") && !has("numberOfSucceededThings") {
            ctx.report(
                &RATE_INCREASE_CRITERIA_EMPTY,
                format!("{base}/rateIncreaseCriteria"),
                (criteria.range.start, criteria.range.end),
                "`rateIncreaseCriteria` is empty: give `numberOfNotifiedThings`, `numberOfSucceededThings` or both",
                Some("for example {\"numberOfSucceededThings\": 100}".into()),
            );
        }
    }
}
