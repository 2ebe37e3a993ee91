//! `tags/*`: tag keys must be unique and must not use the reserved `aws:` prefix.

use super::{Ctx, View, repeats, string};
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use crate::text;

/// `tags/duplicate-key`
pub const DUPLICATE_KEY: RuleInfo = RuleInfo {
    code: "tags/duplicate-key",
    severity: Severity::Error,
    summary: "Two tags have the same `Key`; a resource has one value per tag key.",
    source: "AWS tagging rules (Tag Editor / resource tagging: each tag key must be unique per resource)",
    json_schema: false,
    fix: None,
    example: None,
};
/// `tags/reserved-prefix`
pub const RESERVED_PREFIX: RuleInfo = RuleInfo {
    code: "tags/reserved-prefix",
    severity: Severity::Error,
    summary: "A tag key starts with `aws:` (any case), which is reserved for tags that AWS itself creates.",
    source: "AWS tagging rules (the aws: prefix is reserved for AWS use)",
    json_schema: true,
    fix: None,
    example: None,
};

/// `tags/too-many`
pub const TOO_MANY: RuleInfo = RuleInfo {
    code: "tags/too-many",
    severity: Severity::Error,
    summary: "More than 50 tags on one job or template; AWS IoT allows at most 50 tags per resource (the model states no maximum).",
    source: "AWS IoT Core quotas: tags per resource, 50; CloudFormation AWS::IoT::JobTemplate and AWS::IoT::Job: Tags maxItems 50",
    json_schema: true,
    fix: None,
    example: None,
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
    let names: Vec<&str> = keys.iter().map(|(_, k, _)| k.as_ref()).collect();
    for (n, first) in repeats(&names) {
        let (i, key, span) = &keys[n];
        ctx.report(
            &DUPLICATE_KEY,
            format!("/tags/{i}/Key"),
            *span,
            format!(
                "tag key {} is used already by tag {}",
                text::quote(key),
                keys[first].0
            ),
            Some("merge the two tags into one".into()),
        );
    }
}
