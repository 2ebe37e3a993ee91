//! `tags/*`: tag keys must be unique and must not use the reserved `aws:` prefix.

use super::{Ctx, View, repeats, string};
use crate::diagnostic::Severity;
use crate::registry::{Example, RuleInfo, example};
use crate::text;
use crate::{Edition, Operation};

/// `tags/duplicate-key`
pub const DUPLICATE_KEY: RuleInfo = RuleInfo {
    code: "tags/duplicate-key",
    severity: Severity::Error,
    summary: "Two tags have the same `Key`; a resource has one value per tag key.",
    source: "AWS tagging rules (Tag Editor / resource tagging: each tag key must be unique per resource)",
    json_schema: false,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "tags": [
    {"Key": "team", "Value": "pumps"},
    {"Key": "team", "Value": "firmware"}
  ]
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "tags": [
    {"Key": "team", "Value": "pumps"},
    {"Key": "component", "Value": "firmware"}
  ]
}"#,
    }),
};
/// `tags/reserved-prefix`
pub const RESERVED_PREFIX: RuleInfo = RuleInfo {
    code: "tags/reserved-prefix",
    severity: Severity::Error,
    summary: "A tag key starts with `aws:` (any case), which is reserved for tags that AWS itself creates.",
    source: "AWS tagging rules (the aws: prefix is reserved for AWS use)",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "tags": [
    {"Key": "aws:cost-center", "Value": "plant-3"}
  ]
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "tags": [
    {"Key": "cost-center", "Value": "plant-3"}
  ]
}"#,
    }),
};

/// `tags/too-many`
pub const TOO_MANY: RuleInfo = RuleInfo {
    code: "tags/too-many",
    severity: Severity::Error,
    summary: "More than 50 tags on one job or template; AWS IoT allows at most 50 tags per resource (the model states no maximum).",
    source: "AWS IoT Core quotas: tags per resource, 50; CloudFormation AWS::IoT::JobTemplate and AWS::IoT::Job: Tags maxItems 50",
    json_schema: true,
    fix: None,
    example: example(Example {
        operation: Some(Operation::CreateJob),
        service_model: Edition::Latest,
        fail: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "tags": [
    {"Key": "pump-01", "Value": "hall-3"}, {"Key": "pump-02", "Value": "hall-3"}, {"Key": "pump-03", "Value": "hall-3"},
    {"Key": "pump-04", "Value": "hall-3"}, {"Key": "pump-05", "Value": "hall-3"}, {"Key": "pump-06", "Value": "hall-3"},
    {"Key": "pump-07", "Value": "hall-3"}, {"Key": "pump-08", "Value": "hall-3"}, {"Key": "pump-09", "Value": "hall-3"},
    {"Key": "pump-10", "Value": "hall-3"}, {"Key": "pump-11", "Value": "hall-3"}, {"Key": "pump-12", "Value": "hall-3"},
    {"Key": "pump-13", "Value": "hall-3"}, {"Key": "pump-14", "Value": "hall-3"}, {"Key": "pump-15", "Value": "hall-3"},
    {"Key": "pump-16", "Value": "hall-3"}, {"Key": "pump-17", "Value": "hall-3"}, {"Key": "pump-18", "Value": "hall-3"},
    {"Key": "pump-19", "Value": "hall-3"}, {"Key": "pump-20", "Value": "hall-3"}, {"Key": "pump-21", "Value": "hall-3"},
    {"Key": "pump-22", "Value": "hall-3"}, {"Key": "pump-23", "Value": "hall-3"}, {"Key": "pump-24", "Value": "hall-3"},
    {"Key": "pump-25", "Value": "hall-3"}, {"Key": "pump-26", "Value": "hall-3"}, {"Key": "pump-27", "Value": "hall-3"},
    {"Key": "pump-28", "Value": "hall-3"}, {"Key": "pump-29", "Value": "hall-3"}, {"Key": "pump-30", "Value": "hall-3"},
    {"Key": "pump-31", "Value": "hall-3"}, {"Key": "pump-32", "Value": "hall-3"}, {"Key": "pump-33", "Value": "hall-3"},
    {"Key": "pump-34", "Value": "hall-3"}, {"Key": "pump-35", "Value": "hall-3"}, {"Key": "pump-36", "Value": "hall-3"},
    {"Key": "pump-37", "Value": "hall-3"}, {"Key": "pump-38", "Value": "hall-3"}, {"Key": "pump-39", "Value": "hall-3"},
    {"Key": "pump-40", "Value": "hall-3"}, {"Key": "pump-41", "Value": "hall-3"}, {"Key": "pump-42", "Value": "hall-3"},
    {"Key": "pump-43", "Value": "hall-3"}, {"Key": "pump-44", "Value": "hall-3"}, {"Key": "pump-45", "Value": "hall-3"},
    {"Key": "pump-46", "Value": "hall-3"}, {"Key": "pump-47", "Value": "hall-3"}, {"Key": "pump-48", "Value": "hall-3"},
    {"Key": "pump-49", "Value": "hall-3"}, {"Key": "pump-50", "Value": "hall-3"}, {"Key": "pump-51", "Value": "hall-3"}
  ]
}"#,
        pass: r#"{
  "jobId": "firmware-2026-01",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"],
  "document": "{\"operation\":\"firmware-update\",\"version\":\"2.4.1\"}",
  "tags": [
    {"Key": "pump-01", "Value": "hall-3"}, {"Key": "pump-02", "Value": "hall-3"}, {"Key": "pump-03", "Value": "hall-3"},
    {"Key": "pump-04", "Value": "hall-3"}, {"Key": "pump-05", "Value": "hall-3"}, {"Key": "pump-06", "Value": "hall-3"},
    {"Key": "pump-07", "Value": "hall-3"}, {"Key": "pump-08", "Value": "hall-3"}, {"Key": "pump-09", "Value": "hall-3"},
    {"Key": "pump-10", "Value": "hall-3"}, {"Key": "pump-11", "Value": "hall-3"}, {"Key": "pump-12", "Value": "hall-3"},
    {"Key": "pump-13", "Value": "hall-3"}, {"Key": "pump-14", "Value": "hall-3"}, {"Key": "pump-15", "Value": "hall-3"},
    {"Key": "pump-16", "Value": "hall-3"}, {"Key": "pump-17", "Value": "hall-3"}, {"Key": "pump-18", "Value": "hall-3"},
    {"Key": "pump-19", "Value": "hall-3"}, {"Key": "pump-20", "Value": "hall-3"}, {"Key": "pump-21", "Value": "hall-3"},
    {"Key": "pump-22", "Value": "hall-3"}, {"Key": "pump-23", "Value": "hall-3"}, {"Key": "pump-24", "Value": "hall-3"},
    {"Key": "pump-25", "Value": "hall-3"}, {"Key": "pump-26", "Value": "hall-3"}, {"Key": "pump-27", "Value": "hall-3"},
    {"Key": "pump-28", "Value": "hall-3"}, {"Key": "pump-29", "Value": "hall-3"}, {"Key": "pump-30", "Value": "hall-3"},
    {"Key": "pump-31", "Value": "hall-3"}, {"Key": "pump-32", "Value": "hall-3"}, {"Key": "pump-33", "Value": "hall-3"},
    {"Key": "pump-34", "Value": "hall-3"}, {"Key": "pump-35", "Value": "hall-3"}, {"Key": "pump-36", "Value": "hall-3"},
    {"Key": "pump-37", "Value": "hall-3"}, {"Key": "pump-38", "Value": "hall-3"}, {"Key": "pump-39", "Value": "hall-3"},
    {"Key": "pump-40", "Value": "hall-3"}, {"Key": "pump-41", "Value": "hall-3"}, {"Key": "pump-42", "Value": "hall-3"},
    {"Key": "pump-43", "Value": "hall-3"}, {"Key": "pump-44", "Value": "hall-3"}, {"Key": "pump-45", "Value": "hall-3"},
    {"Key": "pump-46", "Value": "hall-3"}, {"Key": "pump-47", "Value": "hall-3"}, {"Key": "pump-48", "Value": "hall-3"},
    {"Key": "pump-49", "Value": "hall-3"}, {"Key": "pump-50", "Value": "hall-3"}
  ]
}"#,
    }),
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[DUPLICATE_KEY, RESERVED_PREFIX, TOO_MANY];

/// Most tags one resource may carry.
pub const MAX_TAGS: usize = 50;

pub(crate) fn check(ctx: &mut Ctx<'_>, view: &View<'_>) {
    let Some(list) = view.tags else {
        return;
    };
    if list.len() > MAX_TAGS {
        ctx.report(
            &TOO_MANY,
            "/tags",
            list.span(),
            format!(
                "a resource may carry at most {MAX_TAGS} tags; `tags` has {}",
                list.len()
            ),
            Some("merge or drop tags, or tag the resource after creating it with fewer".into()),
        );
    }
    let keys: Vec<(usize, std::borrow::Cow<'_, str>, (usize, usize))> = list
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let (key, span) = string(item.as_object()?, "Key")?;
            Some((i, key, span))
        })
        .collect();
    for (i, key, span) in &keys {
        if key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:")) {
            ctx.report(
                &RESERVED_PREFIX,
                format!("/tags/{i}/Key"),
                *span,
                format!(
                    "tag key {} uses the reserved prefix `aws:`",
                    text::quote(key)
                ),
                Some("choose a key without the aws: prefix".into()),
            );
        }
    }
    for ((i, key, span), (first, _, _)) in repeats(&keys, |(_, k, _)| k.as_ref()) {
        ctx.report(
            &DUPLICATE_KEY,
            format!("/tags/{i}/Key"),
            *span,
            format!(
                "tag key {} is used already by tag {}",
                text::quote(key),
                first
            ),
            Some("merge the two tags into one".into()),
        );
    }
}
