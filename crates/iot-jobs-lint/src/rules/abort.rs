//! `abort/*`: `abortConfig.criteriaList` beyond the model's ranges.

use super::{Ctx, array, decimal_places, job_scope, number, object, string};
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use jsonc_parser::ast::{Object, Value};

/// `abort/threshold-precision`
pub const THRESHOLD_PRECISION: RuleInfo = RuleInfo {
    code: "abort/threshold-precision",
    severity: Severity::Error,
    summary: "`thresholdPercentage` has more than two digits after the decimal point (10.99 is fine, 10.999 is not), judged on the number as written.",
    source: "API reference: AbortCriteria.thresholdPercentage",
    json_schema: false,
};
/// `abort/duplicate-failure-type`
pub const DUPLICATE_FAILURE_TYPE: RuleInfo = RuleInfo {
    code: "abort/duplicate-failure-type",
    severity: Severity::Warning,
    summary: "Two abort criteria name the same `failureType`; only one threshold can be meant.",
    source: "inferred: the API reference does not say which criterion wins",
    json_schema: false,
};
/// `abort/all-with-specific`
pub const ALL_WITH_SPECIFIC: RuleInfo = RuleInfo {
    code: "abort/all-with-specific",
    severity: Severity::Warning,
    summary: "An abort criterion with `failureType` `ALL` sits beside criteria for specific failure types, which `ALL` already counts.",
    source: "inferred: overlapping criteria; the API reference does not define how they combine",
    json_schema: false,
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[
    THRESHOLD_PRECISION,
    DUPLICATE_FAILURE_TYPE,
    ALL_WITH_SPECIFIC,
];

pub(crate) fn check(ctx: &mut Ctx<'_>, root: &Object<'_>) {
    let Some((scope, base)) = job_scope(ctx, root) else {
        return;
    };
    let Some(list) = object(scope, "abortConfig").and_then(|c| array(c, "criteriaList")) else {
        return;
    };
    let base = format!("{base}/abortConfig/criteriaList");
    for (i, item) in list.elements.iter().enumerate() {
        let Value::Object(criteria) = item else {
            continue;
        };
        if let Some((text, span)) = number(criteria, "thresholdPercentage") {
            let places = decimal_places(text);
            if places > 2 {
                let rounded = text
                    .parse::<f64>()
                    .map(|v| (v * 100.0).round() / 100.0)
                    .unwrap_or(0.0);
                ctx.report(
                    &THRESHOLD_PRECISION,
                    format!("{base}/{i}/thresholdPercentage"),
                    span,
                    format!("`thresholdPercentage` allows at most two digits after the decimal point; {text} has {places}"),
                    Some(format!("use {rounded:.2}")),
                );
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
    list: &jsonc_parser::ast::Array<'_>,
    base: &str,
    duplicate: &RuleInfo,
    all_with_specific: &RuleInfo,
    what: &str,
) {
    let types: Vec<(usize, &str, (usize, usize))> = list
        .elements
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            Value::Object(o) => string(o, "failureType").map(|(t, span)| (i, t, span)),
            _ => None,
        })
        .collect();
    let mut first_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, t, span) in &types {
        if let Some(first) = first_of.get(t) {
            ctx.report(
                duplicate,
                format!("{base}/{i}/failureType"),
                *span,
                format!(
                    "{what} criterion {i} repeats failureType {} of criterion {first}",
                    crate::source::quote(t)
                ),
                Some("keep one criterion per failure type".into()),
            );
        } else {
            first_of.insert(t, *i);
        }
    }
    if let Some((i, _, span)) = types.iter().find(|(_, t, _)| *t == "ALL") {
        let mut specific: Vec<&str> = types
            .iter()
            .filter(|(_, t, _)| *t != "ALL")
            .map(|(_, t, _)| *t)
            .collect();
        specific.sort_unstable();
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
