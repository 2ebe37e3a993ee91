//! `targets/*`: every target is a thing or thing-group ARN, once.

use super::{Ctx, View, remove_element};
use crate::diagnostic::{Applicability, Fix, Severity};
use crate::registry::{Example, RuleInfo, example};
use crate::text;
use crate::{Edition, Operation};

/// `targets/arn-format`
pub const ARN_FORMAT: RuleInfo = RuleInfo {
    code: "targets/arn-format",
    severity: Severity::Error,
    summary: "A target is not a thing ARN (`arn:PARTITION:iot:REGION:ACCOUNT:thing/NAME`) or thing-group ARN (`…:thinggroup/NAME`).",
    source: "API reference: CreateJob.targets (a list of things and thing groups, by ARN)",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["pump-7"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thing/pump-7"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
};
/// `targets/duplicate`
pub const DUPLICATE: RuleInfo = RuleInfo {
    code: "targets/duplicate",
    severity: Severity::Warning,
    summary: "The same target ARN appears more than once.",
    source: "inferred: a target receives one job execution however often it is listed",
    json_schema: false,
    fix: Some("safe: remove the repeated target"),
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": [
    "arn:aws:iot:eu-west-1:123456789012:thing/pump-7",
    "arn:aws:iot:eu-west-1:123456789012:thing/pump-8",
    "arn:aws:iot:eu-west-1:123456789012:thing/pump-7"
  ],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": [
    "arn:aws:iot:eu-west-1:123456789012:thing/pump-7",
    "arn:aws:iot:eu-west-1:123456789012:thing/pump-8"
  ],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}"
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[ARN_FORMAT, DUPLICATE];

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) {
    // Templates have no targets (model/unknown-member reports them).
    if !matches!(ctx.operation, Operation::CreateJob | Operation::DescribeJob) {
        return;
    }
    let Some(list) = view.targets else {
        return;
    };
    let base = view.base;
    // Read from the tree element by element: no copy of the list, so a hostile list of a million
    // targets costs the tree and a few bytes per target here.
    for (i, v) in list.iter().enumerate() {
        let Some(arn) = v.as_str() else { continue };
        let span = v.span();
        if !ctx.wants(&ARN_FORMAT) {
            // Past the cap: counted, not worded.
            if target_problem(&arn).is_some() {
                ctx.omitted(&ARN_FORMAT, || format!("{base}/targets/{i}"), span);
            }
            continue;
        }
        if let Some(problem) = target_problem(&arn) {
            ctx.report(
                &ARN_FORMAT,
                format!("{base}/targets/{i}"),
                span,
                format!(
                    "target {} is not a thing or thing-group ARN: {problem}",
                    text::quote(&arn)
                ),
                Some(help(&text::escape(&arn))),
            );
        }
    }
    if list.len() < 2 {
        return;
    }
    let arn_at = |i: usize| list.get(i).and_then(|v| v.as_str());
    for (n, first) in repeated(list.len(), &arn_at) {
        let Some(v) = list.get(n) else { continue };
        let span = v.span();
        if !ctx.wants(&DUPLICATE) {
            ctx.omitted(&DUPLICATE, || format!("{base}/targets/{n}"), span);
            continue;
        }
        let arn = arn_at(n).unwrap_or_default();
        let removal = remove_element(list, n, ctx.text());
        ctx.report(
            &DUPLICATE,
            format!("{base}/targets/{n}"),
            span,
            format!(
                "target {} is listed already at index {}",
                text::quote(&arn),
                first()
            ),
            Some("remove the repeated target".into()),
        )
        .fix(Fix::replace(
            "remove the repeated target",
            Applicability::Safe,
            removal.0..removal.1,
            "",
        ));
    }
}

/// The positions of the strings of a list of `len` items (`at(i)`, `None` for a non-string) that
/// repeat an earlier one, in order, each with a way to find that earlier one. One sort of the
/// positions (four bytes each) and a bit per item: the first occurrence is looked up only for
/// the repeats that get worded.
fn repeated<'a, 's>(
    len: usize,
    at: &'a (impl Fn(usize) -> Option<std::borrow::Cow<'s, str>> + 'a),
) -> impl Iterator<Item = (usize, impl Fn() -> usize + 'a)> + 'a {
    let mut order: Vec<u32> = (0..len as u32)
        .filter(|&i| at(i as usize).is_some())
        .collect();
    crate::sort::sort_indices(&mut order, &mut |a, b| at(a as usize).cmp(&at(b as usize)));
    let mut repeat = vec![0u64; len.div_ceil(64)];
    for pair in order.windows(2) {
        if let &[a, b] = pair
            && at(a as usize) == at(b as usize)
            && let Some(word) = repeat.get_mut(b as usize / 64)
        {
            *word |= 1 << (b % 64);
        }
    }
    drop(order);
    (0..len)
        .filter(move |&n| repeat.get(n / 64).is_some_and(|w| w & (1 << (n % 64)) != 0))
        .map(move |n| {
            let first = move || {
                let value = at(n);
                (0..n).find(|&i| at(i) == value).unwrap_or(n)
            };
            (n, first)
        })
}

/// What is wrong with a target ARN, if anything.
pub(crate) fn target_problem(arn: &str) -> Option<String> {
    let mut parts = arn.splitn(6, ':');
    let (Some("arn"), Some(partition), Some(service), Some(region), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Some(
            "expected arn:PARTITION:iot:REGION:ACCOUNT:thing/NAME or …:thinggroup/NAME".into(),
        );
    };
    if !partition.starts_with("aws") {
        return Some(format!(
            "partition `{}` is not an AWS partition (aws, aws-cn, aws-us-gov)",
            text::escape(partition)
        ));
    }
    if service != "iot" {
        return Some(format!(
            "service `{}` should be `iot`",
            text::escape(service)
        ));
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
            "account `{}` is not a 12-digit AWS account id",
            text::escape(account)
        ));
    }
    let Some((kind, name)) = resource.split_once('/') else {
        return Some(format!(
            "resource `{}` should be thing/NAME or thinggroup/NAME",
            text::escape(resource)
        ));
    };
    if kind != "thing" && kind != "thinggroup" {
        return Some(format!(
            "resource type `{}` is neither `thing` nor `thinggroup`",
            text::escape(kind)
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
            "character '{}' (U+{:04X}) is not allowed in a {kind} name (letters, digits, ':', '_' and '-')",
            text::escape(&c.to_string()),
            c as u32
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
