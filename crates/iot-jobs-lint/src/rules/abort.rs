//! `abort/*`: `abortConfig.criteriaList` beyond the model's ranges.

use super::{Ctx, View, decimal_places, number, repeats, round_decimal, string};
use crate::diagnostic::{Applicability, Fix, Severity};
use crate::registry::{Example, RuleInfo, example};
use crate::syntax::Array;
use crate::text;
use crate::{Edition, Operation};

/// `abort/threshold-precision`
pub const THRESHOLD_PRECISION: RuleInfo = RuleInfo {
    code: "abort/threshold-precision",
    severity: Severity::Error,
    summary: "`thresholdPercentage` has more than two digits after the decimal point (10.99 is fine, 10.999 is not), judged on the number as written.",
    source: "API reference: AbortCriteria.thresholdPercentage",
    json_schema: false,
    fix: Some("suggested: round to two digits after the decimal point"),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "abortConfig": {
    "criteriaList": [
      {"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 12.125, "minNumberOfExecutedThings": 20}
    ]
  }
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "abortConfig": {
    "criteriaList": [
      {"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 12.5, "minNumberOfExecutedThings": 20}
    ]
  }
}"#,
    }),
};
/// `abort/duplicate-failure-type`
pub const DUPLICATE_FAILURE_TYPE: RuleInfo = RuleInfo {
    code: "abort/duplicate-failure-type",
    severity: Severity::Warning,
    summary: "Two abort criteria name the same `failureType`; only one threshold can be meant.",
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
  "abortConfig": {
    "criteriaList": [
      {"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 10, "minNumberOfExecutedThings": 20},
      {"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 25, "minNumberOfExecutedThings": 20}
    ]
  }
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "abortConfig": {
    "criteriaList": [
      {"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 10, "minNumberOfExecutedThings": 20},
      {"failureType": "TIMED_OUT", "action": "CANCEL", "thresholdPercentage": 25, "minNumberOfExecutedThings": 20}
    ]
  }
}"#,
    }),
};
/// `abort/all-with-specific`
pub const ALL_WITH_SPECIFIC: RuleInfo = RuleInfo {
    code: "abort/all-with-specific",
    severity: Severity::Warning,
    summary: "An abort criterion with `failureType` `ALL` sits beside criteria for specific failure types, which `ALL` already counts.",
    source: "inferred: overlapping criteria; the API reference does not define how they combine",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "abortConfig": {
    "criteriaList": [
      {"failureType": "ALL", "action": "CANCEL", "thresholdPercentage": 20, "minNumberOfExecutedThings": 20},
      {"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 10, "minNumberOfExecutedThings": 20}
    ]
  }
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "abortConfig": {
    "criteriaList": [
      {"failureType": "ALL", "action": "CANCEL", "thresholdPercentage": 20, "minNumberOfExecutedThings": 20}
    ]
  }
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    THRESHOLD_PRECISION,
    DUPLICATE_FAILURE_TYPE,
    ALL_WITH_SPECIFIC,
];

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) {
    let Some(list) = view.abort_criteria else {
        return;
    };
    let base = view.at("/abortConfig/criteriaList");
    for (i, item) in list.iter().enumerate() {
        let Some(criteria) = item.as_object() else {
            continue;
        };
        if let Some((text, value)) = number(criteria, "thresholdPercentage") {
            let places = decimal_places(text);
            if places > 2 {
                let rounded = round_decimal(text, 2);
                let span = value.span();
                ctx.report(
                    &THRESHOLD_PRECISION,
                    format!("{base}/{i}/thresholdPercentage"),
                    span,
                    format!("`thresholdPercentage` allows at most two digits after the decimal point; {text} has {places}"),
                    rounded.as_ref().map(|r| format!("use {r}")),
                )
                .fix_opt(rounded.map(|r| {
                    Fix::replace(format!("round to {r}"), Applicability::Suggested, span.0..span.1, r)
                }));
            }
        }
    }
    failure_types(
        ctx,
        list,
        &base,
        &DUPLICATE_FAILURE_TYPE,
        &ALL_WITH_SPECIFIC,
        "abort",
    );
}

/// Shared by the abort and retry families: duplicate failure types, and `ALL` beside specific
/// ones.
pub(crate) fn failure_types(
    ctx: &mut Ctx<'_>,
    list: Array<'_>,
    base: &str,
    duplicate: &'static RuleInfo,
    all_with_specific: &'static RuleInfo,
    what: &str,
) {
    let types: Vec<(usize, std::borrow::Cow<'_, str>, (usize, usize))> = list
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let o = item.as_object()?;
            // A failure type that is not in the enum has its own diagnostic; the rules derived
            // from it stay quiet.
            if !o.get("failureType").is_some_and(|v| ctx.is_valid(v)) {
                return None;
            }
            let (t, span) = string(o, "failureType")?;
            Some((i, t, span))
        })
        .collect();
    for ((i, t, span), (first, _, _)) in repeats(&types, |(_, t, _)| t.as_ref()) {
        ctx.report(
            duplicate,
            format!("{base}/{i}/failureType"),
            *span,
            format!(
                "{what} criterion {i} repeats failureType {} of criterion {first}",
                text::quote(t)
            ),
            Some("keep one criterion per failure type".into()),
        );
    }
    if let Some((i, _, span)) = types.iter().find(|(_, t, _)| t == "ALL") {
        let mut specific: Vec<&str> = types
            .iter()
            .filter(|(_, t, _)| t != "ALL")
            .map(|(_, t, _)| t.as_ref())
            .collect();
        crate::sort::sort(&mut specific);
        specific.dedup();
        specific.truncate(4);
        if !specific.is_empty() {
            ctx.report(
                all_with_specific,
                format!("{base}/{i}/failureType"),
                *span,
                format!(
                    "{what} criterion {i} uses `ALL` beside {}, which `ALL` already includes",
                    specific.join(", ")
                ),
                Some("use either `ALL` alone or only specific failure types".into()),
            );
        }
    }
}
