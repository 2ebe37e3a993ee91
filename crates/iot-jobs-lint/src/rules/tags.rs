//! `tags/*`: tag keys must be unique and must not use the reserved `aws:` prefix.

use super::{Ctx, array, string};
use crate::diagnostic::Severity;
use crate::registry::RuleInfo;
use crate::source;
use jsonc_parser::ast::{Object, Value};

/// `tags/duplicate-key`
pub const DUPLICATE_KEY: RuleInfo = RuleInfo {
    code: "tags/duplicate-key",
    severity: Severity::Error,
    summary: "Two tags have the same `Key`; a resource has one value per tag key.",
    source: "AWS tagging rules (Tag Editor / resource tagging: each tag key must be unique per resource)",
    json_schema: false,
};
/// `tags/reserved-prefix`
pub const RESERVED_PREFIX: RuleInfo = RuleInfo {
    code: "tags/reserved-prefix",
    severity: Severity::Error,
    summary: "A tag key starts with `aws:` (any case), which is reserved for tags that AWS itself creates.",
    source: "AWS tagging rules (the aws: prefix is reserved for AWS use)",
    json_schema: true,
};

/// The rules of this family.
pub const RULES: &[RuleInfo] = &[DUPLICATE_KEY, RESERVED_PREFIX];

pub(crate) fn check(ctx: &mut Ctx<'_>, root: &Object<'_>) {
    let Some(list) = array(root, "tags") else {
        return;
    };
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, item) in list.elements.iter().enumerate() {
        let Value::Object(tag) = item else { continue };
        let Some((key, span)) = string(tag, "Key") else {
            continue;
        };
        let pointer = format!("/tags/{i}/Key");
        if key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:")) {
            ctx.report(
                &RESERVED_PREFIX,
                pointer.clone(),
                span,
                format!(
                    "tag key {} uses the reserved prefix `aws:`",
                    source::quote(key)
                ),
                Some("choose a key without the aws: prefix".into()),
            );
        }
        if let Some(first) = seen.get(key) {
            ctx.report(
                &DUPLICATE_KEY,
                pointer,
                span,
                format!(
                    "tag key {} is used already by tag {first}",
                    source::quote(key)
                ),
                Some("merge the two tags into one".into()),
            );
        } else {
            seen.insert(key, i);
        }
    }
}
