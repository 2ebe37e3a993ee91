//! `targets/*`: every target is a thing or thing-group ARN, once.

use super::{Ctx, array, job_scope};
use crate::Operation;
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use crate::source;
use jsonc_parser::ast::{Object, Value};

/// `targets/arn-format`
pub const ARN_FORMAT: RuleInfo = RuleInfo {
    code: "targets/arn-format",
    severity: Severity::Error,
    summary: "A target is not a thing ARN (`arn:PARTITION:iot:REGION:ACCOUNT:thing/NAME`) or thing-group ARN (`…:thinggroup/NAME`).",
    source: "API reference: CreateJob.targets (a list of things and thing groups, by ARN)",
    json_schema: true,
};
/// `targets/duplicate`
pub const DUPLICATE: RuleInfo = RuleInfo {
    code: "targets/duplicate",
    severity: Severity::Warning,
    summary: "The same target ARN appears more than once.",
    source: "inferred: a target receives one job execution however often it is listed",
    json_schema: false,
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[ARN_FORMAT, DUPLICATE];

pub(crate) fn check(ctx: &mut Ctx<'_>, root: &Object<'_>) {
    // Templates have no targets (model/unknown-member reports them).
    if !matches!(ctx.operation, Operation::CreateJob | Operation::DescribeJob) {
        return;
    }
    let Some((scope, base)) = job_scope(ctx, root) else {
        return;
    };
    let Some(list) = array(scope, "targets") else {
        return;
    };
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, item) in list.elements.iter().enumerate() {
        let Value::StringLit(s) = item else { continue };
        let pointer = format!("{base}/targets/{i}");
        let span = source::range(item);
        if let Some(problem) = target_problem(&s.value) {
            ctx.report(
                &ARN_FORMAT,
                pointer.clone(),
                span,
                format!(
                    "target {} is not a thing or thing-group ARN: {problem}",
                    source::quote(&s.value)
                ),
                Some(help(&crate::source::escape(&s.value))),
            );
        }
        if let Some(first) = seen.get(s.value.as_ref()) {
            ctx.report(
                &DUPLICATE,
                pointer,
                span,
                format!(
                    "target {} is listed already at index {first}",
                    source::quote(&s.value)
                ),
                Some("remove the repeated target".into()),
            );
        } else {
            seen.insert(&s.value, i);
        }
    }
}

/// What is wrong with a target ARN, if anything.
pub(crate) fn target_problem(arn: &str) -> Option<String> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let ["arn", partition, service, region, account, resource] = parts.as_slice() else {
        return Some(
            "expected arn:PARTITION:iot:REGION:ACCOUNT:thing/NAME or …:thinggroup/NAME".into(),
        );
    };
    if !partition.starts_with("aws") {
        return Some(format!(
            "partition `{partition}` is not an AWS partition (aws, aws-cn, aws-us-gov)"
        ));
    }
    if *service != "iot" {
        return Some(format!("service `{service}` should be `iot`"));
    }
    if region.is_empty()
        || !region
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Some("the region is missing or malformed".into());
    }
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!(
            "account `{account}` is not a 12-digit AWS account id"
        ));
    }
    let Some((kind, name)) = resource.split_once('/') else {
        return Some(format!(
            "resource `{resource}` should be thing/NAME or thinggroup/NAME"
        ));
    };
    if kind != "thing" && kind != "thinggroup" {
        return Some(format!(
            "resource type `{kind}` is neither `thing` nor `thinggroup`"
        ));
    }
    if name.is_empty() || name.chars().count() > 128 {
        return Some(format!("the {kind} name must be 1 to 128 characters"));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, ':' | '_' | '-')))
    {
        return Some(format!(
            "character {c:?} is not allowed in a {kind} name (letters, digits, ':', '_' and '-')"
        ));
    }
    None
}

fn help(arn: &str) -> String {
    if !arn.starts_with("arn:") && !arn.is_empty() {
        format!(
            "targets take ARNs, not names: arn:aws:iot:REGION:ACCOUNT:thing/{arn} or arn:aws:iot:REGION:ACCOUNT:thinggroup/{arn}"
        )
    } else {
        "write arn:aws:iot:REGION:ACCOUNT:thing/NAME or arn:aws:iot:REGION:ACCOUNT:thinggroup/NAME"
            .into()
    }
}
